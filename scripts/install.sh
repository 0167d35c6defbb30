#!/usr/bin/env bash
# Installs everything the repository needs: Node 24 (from the npm registry,
# see env.sh) and the Yarn workspaces. Safe to run again: an up-to-date
# install takes a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
# Yarn 4.13's fetcher can abort on Node 24 when a download's timer fires
# ("The `onCancel` handler was attached after the promise settled"): a
# second run resumes from the cache.
for attempt in 1 2 3; do
  yarn install --immutable && exit 0
  echo "install.sh: yarn install failed (attempt $attempt), retrying" >&2
done
exit 1
