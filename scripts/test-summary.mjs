#!/usr/bin/env node
// Adds up the JSON reports of vitest and Playwright that scripts/test.sh asks for, and prints one closing line in
// the plain form CI readers understand: "tests: N passed, N failed, N skipped".
import { existsSync, readFileSync } from 'node:fs';

const [vitestReport, playwrightReport] = process.argv.slice(2);
const read = (path) => (path && existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);

let passed = 0;
let failed = 0;
let skipped = 0;

const vitest = read(vitestReport);
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
}

const playwright = read(playwrightReport);
if (playwright?.stats) {
  passed += (playwright.stats.expected ?? 0) + (playwright.stats.flaky ?? 0);
  failed += playwright.stats.unexpected ?? 0;
  skipped += playwright.stats.skipped ?? 0;
}

// Playwright runs the e2e suite once per project (the sandbox, and again against the spec-minimal sandbox); the
// totals above count both, and each project gets its own line so a run that silently left one out is seen.
const perProject = new Map();
const walk = (suite) => {
  for (const spec of suite.specs ?? []) {
    for (const t of spec.tests ?? []) {
      const name = t.projectName || '(default)';
      const row = perProject.get(name) ?? { passed: 0, failed: 0, skipped: 0 };
      if (t.status === 'expected' || t.status === 'flaky') row.passed += 1;
      else if (t.status === 'skipped') row.skipped += 1;
      else row.failed += 1;
      perProject.set(name, row);
    }
  }
  for (const child of suite.suites ?? []) walk(child);
};
for (const suite of playwright?.suites ?? []) walk(suite);
const projects = (playwright?.config?.projects ?? []).map((p) => p.name).filter(Boolean);
for (const name of projects) {
  const row = perProject.get(name) ?? { passed: 0, failed: 0, skipped: 0 };
  console.log(`e2e ${name}: ${row.passed} passed, ${row.failed} failed, ${row.skipped} skipped`);
  if (row.passed + row.failed === 0) failed += 1; // a project that ran nothing did not run
}

if (!vitest || !playwright) failed += 1; // a runner that left no report did not finish
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
