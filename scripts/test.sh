#!/usr/bin/env bash
# The one test command (README: `npm test`): static checks, unit + integration tests against the sandbox, the
# Electron security scan, then end-to-end tests in browser mode. Each step prints its own result; the first failure stops.
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

step() { printf '\n=== %s ===\n' "$*"; }

step "typecheck"; npm run --silent typecheck
step "lint"; npm run --silent lint
step "build"; npx electron-vite build >/dev/null
step "unit + integration (vitest)"; bash scripts/with-keyring.sh npx vitest run
step "Electron security scan (electronegativity)"; node scripts/electronegativity.mjs
step "end-to-end (Playwright, browser mode)"; bash scripts/with-keyring.sh npx playwright test
