#!/usr/bin/env bash
# Starts the product for development: the Backstage app (http://localhost:3000)
# and backend (http://localhost:7007) with the twelve-factor plugins, on
# in-memory SQLite with the example catalog, plus two DEV-ONLY test
# Kubernetes API servers (https://127.0.0.1:6443 and :6444) serving the
# examples' cluster dumps, so that live-cluster checks have clusters to read. Brings its own Node 24 and
# dependencies on first run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh
source scripts/env.sh

# Two dev clusters, one per example dump, so that the multi-cluster view is real.
base_port="${TF_DEV_KUBE_PORT:-6443}"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT INT TERM
start_cluster() { # name port dump
  local kubeconfig=".tools/dev-clusters/$1.kubeconfig"
  mkdir -p "$(dirname "$kubeconfig")"
  rm -f "$kubeconfig"
  node -r @backstage/cli/config/nodeTransform.cjs plugins/twelve-factor-node/src/testing/kubeApiServer/cli.ts \
    --port "$2" --kubeconfig "$kubeconfig" "$3" &
  pids+=($!)
  for _ in $(seq 1 100); do [ -s "$kubeconfig" ] && return 0; sleep 0.2; done
  echo "start.sh: the dev Kubernetes API server $1 did not start" >&2
  return 1
}
start_cluster dev-aks "$base_port" examples/auto-builder-cms/cluster.yaml
start_cluster dev-gke "$((base_port + 1))" examples/storefront-web/cluster.yaml

yarn start "$@"
