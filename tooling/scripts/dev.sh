#!/usr/bin/env bash
# Set up a fresh machine and run the main job: backend + dashboard on SQLite (`pnpm dev`).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tooling/scripts/ensure-node24.sh
hash -r
command -v pnpm >/dev/null 2>&1 || npm install -g pnpm@10 >/dev/null
pnpm install
exec pnpm dev
