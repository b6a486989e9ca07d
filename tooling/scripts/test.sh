#!/usr/bin/env bash
# Set up a fresh machine, run every test of every workspace package, then lint and type-check
# the whole repository. The last line printed is the summary: "N passed, N failed" (", N
# skipped" when any), in which `pnpm lint` and `pnpm check-types` count as one check each.
set -uo pipefail
cd "$(dirname "$0")/../.."

# Set-up failures still end with a summary line, so CI always has one to read.
setup_failed() { echo "setup failed: $1"; echo "0 passed, 1 failed"; exit 1; }

bash tooling/scripts/ensure-node24.sh || setup_failed "could not install Node 24"
hash -r
if ! command -v pnpm >/dev/null 2>&1; then
  npm install -g pnpm@10 >/dev/null || setup_failed "could not install pnpm"
fi
if [ -n "${CI:-}" ]; then
  pnpm install --frozen-lockfile || setup_failed "pnpm install --frozen-lockfile"
else
  pnpm install || setup_failed "pnpm install"
fi

find packages apps tooling examples -maxdepth 2 -name test-results -type d -prune -exec rm -rf {} +
SELFHOST_TEST_REPORT=1 pnpm test
test_status=$?
pnpm lint --continue
lint_status=$?
pnpm check-types --continue
types_status=$?
node tooling/scripts/test-summary.ts --check "pnpm lint=$lint_status" --check "pnpm check-types=$types_status"
summary_status=$?
[ "$test_status" -eq 0 ] && [ "$summary_status" -eq 0 ]
