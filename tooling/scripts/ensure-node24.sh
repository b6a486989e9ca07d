#!/usr/bin/env bash
# Make sure `node` on PATH is Node 24 or newer. These machines ship Node 20 as the system Node;
# instead of replacing it we unpack the official Linux build from the npm registry package
# `node-linux-<x64|arm64>@24` (chosen from `uname -m`) into a directory of its own and link its
# `node` into /usr/local/bin, which comes before /usr/bin on PATH. Native addons must then build
# against Node 24's headers, so npm's `nodedir` is pointed there as well. Prints one line saying
# what it found or did; a second run changes nothing.
#
# SELFHOST_NODE_VERSION (24), SELFHOST_NODE_DIR (/opt/node24) and SELFHOST_NODE_LINK_DIR
# (/usr/local/bin) change where it looks and writes (repo-checks uses them to test it).
set -euo pipefail

want_major=24
version=${SELFHOST_NODE_VERSION:-24}
dir=${SELFHOST_NODE_DIR:-/opt/node24}
link_dir=${SELFHOST_NODE_LINK_DIR:-/usr/local/bin}

current_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(current_major)" -ge "$want_major" ]; then
  echo "Node $(node -v) is already first on PATH ($(command -v node)); nothing to do."
  exit 0
fi

if [ ! -x "$dir/bin/node" ]; then
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *)
      echo "No Node $want_major build for $(uname -m) on the npm registry: install Node $want_major yourself (https://nodejs.org)." >&2
      exit 1
      ;;
  esac
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  (cd "$scratch" && npm pack --silent "node-linux-$arch@$version" >/dev/null)
  mkdir -p "$dir"
  tar -xzf "$scratch"/node-linux-"$arch"-*.tgz -C "$dir" --strip-components=1
fi

# Each step below writes only when something differs, so a second run changes nothing on disk.
mkdir -p "$link_dir"
if [ "$(readlink "$link_dir/node" 2>/dev/null || true)" != "$dir/bin/node" ]; then
  ln -sf "$dir/bin/node" "$link_dir/node"
fi

# npm run by this node reads $dir/etc/npmrc as its global config: keep the machine's settings,
# keep global installs where they were, and compile addons against this node's headers (also
# where a user config pinned the old headers).
mkdir -p "$dir/etc"
npmrc=$(
  if [ -f /usr/etc/npmrc ]; then grep -vE '^(prefix|nodedir)=' /usr/etc/npmrc || true; fi
  echo "prefix=/usr"
  echo "nodedir=$dir"
)
if [ "$(cat "$dir/etc/npmrc" 2>/dev/null || true)" != "$npmrc" ]; then
  printf '%s\n' "$npmrc" >"$dir/etc/npmrc"
fi
if [ -f "$HOME/.npmrc" ] && grep -q '^nodedir=' "$HOME/.npmrc" && ! grep -qx "nodedir=$dir" "$HOME/.npmrc"; then
  sed -i -E "s#^nodedir=.*#nodedir=$dir#" "$HOME/.npmrc"
fi
hash -r
echo "Using Node $("$dir/bin/node" -v) from $dir, linked as $link_dir/node, which comes before the system Node on PATH (left untouched)."
