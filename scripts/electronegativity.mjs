#!/usr/bin/env node
// `npm run test:electronegativity`: Doyensec's Electronegativity over the main-process and preload sources.
// Electronegativity's own CLI exits 0 whatever it finds, and its SARIF output does not carry the confidence at all
// (only level "note" for manual-review items and "warning" otherwise; it is also written asynchronously after the
// run resolves). So this script runs it through its Node API, which returns every issue with severity and
// confidence, writes its own SARIF 2.1.0 report with those in each result's `properties` (level "error" for what
// counts), and fails on any finding at confidence FIRM or CERTAIN.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity');
// The CSP evaluator electronegativity itself uses, resolved from it (not a direct dependency of the project).
const { CspEvaluator, CspParser, Version, severities } = createRequire(require.resolve('@doyensec/electronegativity'))(
  '@doyensec/csp-evaluator',
);

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Not under test-results/: Playwright empties that folder when the e2e step starts. DP_SARIF_OUT lets CI choose.
const sarifPath = resolve(root, process.env.DP_SARIF_OUT ?? join('.tmp', 'electronegativity.sarif'));
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;

// Scanned together, so global checks (navigation limits, permission handler, CSP) see the whole main process.
// Tests are left out: they construct fake BrowserWindows on purpose.
const stage = mkdtempSync(join(tmpdir(), 'dp-electronegativity-'));
for (const dir of ['src/main', 'src/preload']) {
  cpSync(join(root, dir), join(stage, dir), { recursive: true, filter: (src) => !/\.test\.tsx?$/.test(src) });
}

/**
 * The one accepted finding, precisely: csp-evaluator rates `script-src 'self'` as "maybe weak" because a site that
 * hosts JSONP endpoints, AngularJS or user uploads on its own origin would let an attacker run scripts from there.
 * app:// (and the browser-mode server) serve only the built renderer bundle — no JSONP, no Angular, and received
 * mail and attachments never get a URL on the app origin (srcdoc / blob: only). Any other CSP finding still fails.
 */
const onlySelfScriptNote = (csp) => {
  if (typeof csp !== 'string') return false;
  const findings = new CspEvaluator(new CspParser(csp).csp, Version.CSP3).evaluate();
  const relevant = findings.filter((f) => f.severity <= severities.MEDIUM_MAYBE);
  return (
    relevant.length > 0 &&
    relevant.every(
      (f) => f.severity === severities.MEDIUM_MAYBE && f.directive === 'script-src' && f.value === "'self'",
    )
  );
};

let result;
try {
  mkdirSync(dirname(sarifPath), { recursive: true });
  result = await run({
    input: stage,
    output: undefined,
    isSarif: false,
    customScan: [],
    excludeFromScan: [],
    severitySet: undefined,
    confidenceSet: undefined,
    isRelative: true,
    isVerbose: false,
    electronUpgrade: undefined,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });
} finally {
  rmSync(stage, { recursive: true, force: true });
}

const FIRM = 1;
const atLeastFirm = result.issues.filter((i) => i.confidence.value >= FIRM);
const accepted = atLeastFirm.filter((i) => i.id === 'CSP_GLOBAL_CHECK' && onlySelfScriptNote(i.sample));
const failing = atLeastFirm.filter((i) => !accepted.includes(i));
const describe = (i) =>
  `${i.id} [${i.severity.name}/${i.confidence.name}] ${i.file}:${i.location.line} ${i.sample ? `— ${String(i.sample).slice(0, 100)}` : ''}`;

const sarif = {
  $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
  version: '2.1.0',
  runs: [
    {
      tool: {
        driver: {
          name: 'electronegativity',
          informationUri: 'https://github.com/doyensec/electronegativity',
          rules: [...new Set(result.issues.map((i) => i.id))].map((id) => ({
            id,
            helpUri: `https://github.com/doyensec/electronegativity/wiki/${id}`,
          })),
        },
      },
      results: result.issues.map((i) => ({
        ruleId: i.id,
        level: failing.includes(i) ? 'error' : 'note',
        message: { text: i.description },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: i.file === 'N/A' ? 'src' : i.file },
              region: { startLine: Math.max(1, i.location?.line ?? 1), startColumn: (i.location?.column ?? 0) + 1 },
            },
          },
        ],
        properties: {
          severity: i.severity.name,
          confidence: i.confidence.name,
          manualReview: Boolean(i.manualReview),
          accepted: accepted.includes(i),
        },
      })),
    },
  ],
};
writeFileSync(sarifPath, `${JSON.stringify(sarif, null, 2)}\n`);

if (result.errors.length > 0) {
  console.error(`Electronegativity could not parse ${result.errors.length} file(s):`);
  for (const e of result.errors) console.error(`  ${e.file}: ${e.message ?? e.error ?? ''}`);
}
const below = result.issues.filter((i) => i.confidence.value < FIRM);
if (below.length > 0) {
  console.log(`For review (tentative, not counted):`);
  for (const i of below) console.log(`  ${describe(i)}`);
}
if (accepted.length > 0) {
  console.log(`Accepted (see scripts/electronegativity.mjs for why):`);
  for (const i of accepted) console.log(`  ${describe(i)}`);
}
console.log(`Electronegativity: ${failing.length} finding(s) at confidence FIRM or above. SARIF: ${sarifPath}`);
for (const i of failing) console.log(`  ${describe(i)}`);
process.exit(failing.length > 0 || result.errors.length > 0 ? 1 : 0);
