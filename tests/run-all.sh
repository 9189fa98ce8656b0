#!/usr/bin/env bash
# `npm test`: system packages if missing, a fresh build, then every test suite, and one
# closing line that counts them all.
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT
# Counts "N passed" / "N failed" in a runner's summary line (colours stripped).
count() { sed 's/\x1b\[[0-9;]*m//g' "$1" | grep -E "$2" | tail -n 1 | grep -oE "[0-9]+ $3" | grep -oE '^[0-9]+' || echo 0; }

bash tests/ensure-system-deps.sh
echo "== lint (import direction)"
npx eslint .
echo "== build"
npx vite build --logLevel warn
echo "== unit and integration tests (vitest)"
npx vitest run 2>&1 | tee "$log/vitest"
echo "== browser tests (Playwright, Debian Chromium)"
# A free port of our own, so two runs on one machine do not meet.
E2E_PORT=${E2E_PORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
export E2E_PORT
npx playwright test -c tests/playwright.config.ts 2>&1 | tee "$log/playwright"

passed=$(( $(count "$log/vitest" '^ *Tests ' passed) + $(count "$log/playwright" '^ +[0-9]+ passed' passed) ))
failed=$(( $(count "$log/vitest" '^ *Tests ' failed) + $(count "$log/playwright" '^ +[0-9]+ failed' failed) ))
echo "tests: $passed passed, $failed failed"
