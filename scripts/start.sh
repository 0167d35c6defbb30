#!/usr/bin/env bash
# Starts the product for development: the Backstage app (http://localhost:3000)
# and backend (http://localhost:7007) with the twelve-factor plugins, on
# in-memory SQLite with the example catalog, plus a DEV-ONLY test Kubernetes
# API server (https://127.0.0.1:6443) serving the examples' cluster dumps, so
# that live-cluster checks have a cluster to read. Brings its own Node 22 and
# dependencies on first run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh
source scripts/env.sh

port="${TF_DEV_KUBE_PORT:-6443}"
kubeconfig=".tools/dev-cluster/kubeconfig"
mkdir -p "$(dirname "$kubeconfig")"
rm -f "$kubeconfig"
node -r @backstage/cli/config/nodeTransform.cjs plugins/twelve-factor-node/src/testing/kubeApiServer/cli.ts \
  --port "$port" --kubeconfig "$kubeconfig" \
  examples/auto-builder-cms/cluster.yaml examples/storefront-web/cluster.yaml &
kube_pid=$!
trap 'kill "$kube_pid" 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 100); do [ -s "$kubeconfig" ] && break; sleep 0.2; done
[ -s "$kubeconfig" ] || { echo "start.sh: the dev Kubernetes API server did not start" >&2; exit 1; }

yarn start "$@"
