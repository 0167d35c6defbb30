#!/usr/bin/env bash
# Starts the product for development: the Backstage app (http://localhost:3000)
# and backend (http://localhost:7007) with the twelve-factor plugins, on
# in-memory SQLite with the example catalog. Brings its own Node 22 and
# dependencies on first run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh
source scripts/env.sh
exec yarn start "$@"
