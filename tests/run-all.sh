#!/usr/bin/env bash
# `npm test`: system packages if missing, a fresh build, then every test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tests/ensure-system-deps.sh
echo "== build"
npx vite build --logLevel warn
echo "== unit and integration tests (vitest)"
npx vitest run
echo "== browser tests (Playwright, Debian Chromium)"
# A free port of our own, so two runs on one machine do not meet.
E2E_PORT=${E2E_PORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
export E2E_PORT
npx playwright test -c tests/playwright.config.ts
