#!/usr/bin/env bash
# Installs everything the repository needs: Node 24 (from the npm registry,
# see env.sh) and the Yarn workspaces. Safe to run again: an up-to-date
# install takes a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
yarn install --immutable
