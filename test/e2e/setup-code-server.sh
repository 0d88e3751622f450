#!/usr/bin/env bash
# Install the pinned code-server used by the e2e tests into .e2e/code-server/ (git-ignored).
#
#   bash test/e2e/setup-code-server.sh [DIR]      # DIR defaults to <repo>/.e2e/code-server
#
# Idempotent: does nothing when DIR already holds an install made from the committed lock file.
# Pinned by test/e2e/code-server/{package.json,package-lock.json}, which are copied into DIR and
# installed with `npm ci`. Uses only the npm registry; needs the Debian packages listed in
# test/apt-packages.txt for the e2e ring (node scripts/prerequisites.mjs installs them; npm test runs it first).
#
# Workarounds (see shared e2e recipe): npm_config_unsafe_perm for root, npm_config_yes for node-pty's
# `npx node-gyp`, libkrb5-dev for kerberos, and a pre-seeded @vscode/ripgrep download cache holding
# Debian's rg (its postinstall would otherwise download rg from GitHub and fail).
set -euo pipefail

CS_VERSION=4.100.3
RG_PKG_VERSION=1.15.11   # @vscode/ripgrep pinned in code-server's lib/vscode/npm-shrinkwrap.json
RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz   # the asset name its postinstall looks for

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
SRC="$HERE/code-server"
DIR=${1:-"$REPO/.e2e/code-server"}
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
STAMP="$DIR/.installed-lock.sha256"
RG_BIN="$DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
ENTRY="$DIR/node_modules/code-server/out/node/entry.js"

lock_sum() { sha256sum "$SRC/package-lock.json" "$SRC/package.json" | sha256sum | cut -d' ' -f1; }

if [ -f "$SRC/package-lock.json" ] && [ -x "$RG_BIN" ] && [ -f "$ENTRY" ] && [ -f "$STAMP" ] \
   && [ "$(cat "$STAMP")" = "$(lock_sum)" ]; then
  echo "code-server $CS_VERSION already installed in $DIR"
  exit 0
fi

# Check the prerequisites up front: a failure deep inside npm's native builds is much harder to read.
missing=()
for f in /usr/bin/rg /usr/include/gssapi/gssapi.h /usr/bin/make /usr/bin/g++ /usr/bin/python3 /usr/bin/pkg-config; do
  [ -e "$f" ] || missing+=("$f")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-code-server: missing ${missing[*]}" >&2
  echo "  install the Debian packages of test/apt-packages.txt: node $REPO/scripts/prerequisites.mjs" >&2
  exit 1
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" != 20 ]; then
  echo "setup-code-server: code-server $CS_VERSION needs Node 20 (found $(node --version))" >&2
  exit 1
fi

# node-gyp (argon2, kerberos, node-pty, ...) downloads the Node headers from nodejs.org unless it is
# given a --nodedir; Debian/NodeSource's nodejs package ships them in <prefix>/include/node.
if [ -z "${npm_config_nodedir:-}" ]; then
  node_prefix=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
  if [ -f "$node_prefix/include/node/node_version.h" ] && [ -f "$node_prefix/include/node/common.gypi" ]; then
    export npm_config_nodedir="$node_prefix"
  elif [ ! -d "${XDG_CACHE_HOME:-$HOME/.cache}/node-gyp/$(node -p process.versions.node)" ]; then
    echo "setup-code-server: no Node headers found in $node_prefix/include/node; node-gyp would try to download them" >&2
    exit 1
  fi
fi

echo "installing code-server $CS_VERSION into $DIR"
start=$(date +%s)
rm -f "$STAMP"
# Short per-install TMPDIR (unix socket paths are limited) holding the seeded ripgrep cache.
TMP="$DIR/tmp"
rm -rf "$TMP"
mkdir -p "$TMP/rg-src" "$TMP/vscode-ripgrep-cache-$RG_PKG_VERSION"
cp /usr/bin/rg "$TMP/rg-src/rg"
tar czf "$TMP/vscode-ripgrep-cache-$RG_PKG_VERSION/$RG_ASSET" -C "$TMP/rg-src" rg

cp "$SRC/package.json" "$DIR/package.json"
# Keep using the caller's npm cache (the HOME below is throwaway).
export npm_config_cache="${npm_config_cache:-$(npm config get cache)}"
export TMPDIR="$TMP" npm_config_unsafe_perm=true npm_config_yes=true
# code-server writes to HOME/XDG even for --version: keep that inside DIR.
export HOME="$TMP/home" XDG_CONFIG_HOME="$TMP/home/.config" XDG_DATA_HOME="$TMP/home/.local/share" \
       XDG_CACHE_HOME="$TMP/home/.cache"
mkdir -p "$HOME"
cd "$DIR"
if [ -f "$SRC/package-lock.json" ]; then
  cp "$SRC/package-lock.json" "$DIR/package-lock.json"
  npm ci --no-audit --no-fund
else
  # First time only: resolve, then keep the lock file in the repo so later installs are pinned.
  npm install --no-audit --no-fund
  cp "$DIR/package-lock.json" "$SRC/package-lock.json"
  echo "wrote $SRC/package-lock.json: commit it"
fi

if [ ! -x "$RG_BIN" ]; then
  echo "setup-code-server: $RG_BIN missing after install (did npm skip install scripts?)" >&2
  exit 1
fi
got=$(node "$ENTRY" --config "$TMP/config.yaml" --version | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' | head -1 || true)
case "$got" in
  "$CS_VERSION "*) ;;
  *) echo "setup-code-server: unexpected version: $got" >&2; exit 1 ;;
esac
rm -rf "$TMP"
lock_sum > "$STAMP"
echo "code-server ready: $got ($(( $(date +%s) - start )) s)"
