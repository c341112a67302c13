// Turns DumpCssSchema's JSON into src/shared/html/strict-css-schema.ts (plain Node, called by dump-css.sh).
import { readFileSync } from 'node:fs';
import process from 'node:process';

const [file, version] = process.argv.slice(2);
const dump = JSON.parse(readFileSync(file, 'utf8'));
if (dump.unknown.length > 0) {
  // A property OWASP doesn't know is refused wholesale by Digital Post; STRICT should not list it.
  process.stderr.write(`css-schema-to-ts: OWASP does not know ${dump.unknown.join(', ')}\n`);
}

const q = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
/** Wraps a list of string literals at 120 columns, so the file stays readable and lint-clean. */
function wrap(items, indent) {
  const lines = [];
  let line = '';
  for (const item of items.map(q)) {
    const next = line === '' ? item : `${line}, ${item}`;
    if (indent.length + next.length + 1 > 120 && line !== '') {
      lines.push(`${line},`);
      line = item;
    } else {
      line = next;
    }
  }
  if (line !== '') lines.push(`${line},`);
  return lines.map((l) => `${indent}${l}`).join('\n');
}

const out = [];
out.push(`// GENERATED from the OWASP Java HTML Sanitizer's CssSchema.DEFAULT (version ${version}, Apache-2.0) by`);
out.push('// tools/owasp-diff/DumpCssSchema.java via tools/owasp-diff/dump-css.sh; do not edit by hand.');
out.push('// Digital Post checks CSS values per property with that schema, so this decides which values each property');
out.push('// accepts, while STRICT_CSS_PROPERTIES stays the authority on which properties exist: only those, plus the');
out.push("// STRICT functions' `name()` pseudo-properties, were dumped.");
out.push("import type { CssPropertySchema } from './html-policy';");
out.push('');
out.push('/** OWASP CssSchema bit values, as the dump reported them. */');
out.push('export const CSS_BITS = {');
for (const [name, value] of Object.entries(dump.bits)) out.push(`  ${name.replace(/^BIT_/, '')}: ${value},`);
out.push('} as const;');
out.push('');
out.push('export const STRICT_CSS_SCHEMA: Readonly<Record<string, CssPropertySchema>> = {');
for (const [name, p] of Object.entries(dump.properties)) {
  out.push(`  ${q(name)}: {`);
  out.push(`    bits: ${p.bits},`);
  if (p.literals.length === 0) out.push('    literals: [],');
  else out.push(`    literals: [\n${wrap(p.literals, '      ')}\n    ],`);
  const fns = Object.entries(p.functions);
  if (fns.length === 0) out.push('    functions: {},');
  else out.push(`    functions: { ${fns.map(([k, v]) => `${q(k)}: ${q(v)}`).join(', ')} },`);
  out.push('  },');
}
out.push('};');
process.stdout.write(`${out.join('\n')}\n`);
