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
npx playwright test -c tests/playwright.config.ts
