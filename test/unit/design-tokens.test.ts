import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The tokens are CSS; this reads them as text so the contrast promise in tokens.css is checked, not just stated.
const css = readFileSync(fileURLToPath(new URL('../../src/renderer/styles/tokens.css', import.meta.url)), 'utf8');

const block = (selector: string): Record<string, string> => {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no block ${selector}`);
  const body = css.slice(start + selector.length + 2, css.indexOf('}', start));
  const vars: Record<string, string> = {};
  for (const m of body.matchAll(/(--[\w-]+):\s*([^;]+);/g)) vars[m[1]!] = m[2]!.trim();
  return vars;
};

const light = block(':root');
const darkChosen = block(":root[data-theme='dark']");
const darkFromOs = block(":root:not([data-theme='light'])");
const dark = { ...light, ...darkChosen };

const luminance = (hex: string): number => {
  const n = hex.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(n.slice(i, i + 2), 16) / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
};
const contrast = (a: string, b: string): number => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};

// [foreground, background, minimum ratio]
const PAIRS: [string, string, number][] = [
  ['--color-text', '--color-bg', 4.5],
  ['--color-text', '--color-surface', 4.5],
  ['--color-text', '--color-surface-2', 4.5],
  ['--color-text', '--color-hover', 4.5],
  ['--color-muted', '--color-surface', 4.5],
  ['--color-muted', '--color-surface-2', 4.5],
  ['--color-muted', '--color-bg', 4.5],
  ['--color-accent', '--color-surface', 4.5],
  ['--color-accent', '--color-accent-soft', 4.5],
  ['--color-on-accent', '--color-accent', 4.5],
  ['--color-on-accent', '--color-accent-hover', 4.5],
  ['--color-accent-soft-text', '--color-accent-soft', 4.5],
  ['--color-text', '--color-accent-soft', 4.5],
  ['--color-danger', '--color-surface', 4.5],
  ['--color-danger', '--color-danger-bg', 4.5],
  ['--color-success', '--color-surface', 4.5],
  ['--color-success', '--color-success-bg', 4.5],
  ['--color-warn-text', '--color-warn-bg', 4.5],
  ['--color-text', '--color-warn-bg', 4.5],
  ['--color-info-text', '--color-info-bg', 4.5],
  ['--color-control-border', '--color-surface', 3],
  ['--color-focus', '--color-surface', 3],
  ['--color-focus', '--color-bg', 3],
  ['--color-sheet-text', '--color-sheet', 4.5],
];

describe('design tokens', () => {
  it('spell the dark theme the same whether the OS or the setting asks for it', () => {
    expect(darkFromOs).toEqual(darkChosen);
  });

  for (const [name, theme] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it(`meet WCAG AA contrast in the ${name} theme`, () => {
      const failures = PAIRS.filter(([fg, bg, min]) => contrast(theme[fg]!, theme[bg]!) < min).map(
        ([fg, bg, min]) => `${fg} on ${bg}: ${contrast(theme[fg]!, theme[bg]!).toFixed(2)} < ${min}`,
      );
      expect(failures).toEqual([]);
    });
  }

  it('keep the letter sheet light in the dark theme', () => {
    expect(darkChosen['--color-sheet']).toBeUndefined();
    expect(luminance(dark['--color-sheet']!)).toBeGreaterThan(0.9);
  });
});
