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
reports=$(mktemp -d -t dp-test-reports-XXXXXX)
trap 'rm -rf "$reports"' EXIT

step "unit + integration (vitest)"
bash scripts/with-keyring.sh npx vitest run --reporter=default --reporter=json --outputFile.json="$reports/vitest.json"
step "Electron security scan (electronegativity)"; node scripts/electronegativity.mjs
step "end-to-end (Playwright, browser mode)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/playwright.json" bash scripts/with-keyring.sh npx playwright test --reporter=list,json

step "summary"; node scripts/test-summary.mjs "$reports/vitest.json" "$reports/playwright.json"
