import { describe, expect, it } from 'vitest';
import { da } from './da';
import { en } from './en';

const leaves = (node: unknown, path = ''): Map<string, unknown> => {
  const out = new Map<string, unknown>();
  if (typeof node === 'object' && node !== null) {
    for (const [k, v] of Object.entries(node))
      for (const [p, leaf] of leaves(v, path ? `${path}.${k}` : k)) out.set(p, leaf);
  } else {
    out.set(path, node);
  }
  return out;
};
const placeholders = (text: unknown): string[] =>
  typeof text === 'string' ? [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort() : [];

describe('translations', () => {
  const daLeaves = leaves(da);
  const enLeaves = leaves(en);

  it('English has every Danish text and no others', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...daLeaves.keys()].sort());
  });

  it('every text is a non-empty string with the same interpolation placeholders in both languages', () => {
    for (const [key, daText] of daLeaves) {
      const enText = enLeaves.get(key);
      expect(typeof daText === 'string' && daText.trim() !== '', `da ${key}`).toBe(true);
      expect(typeof enText === 'string' && enText.trim() !== '', `en ${key}`).toBe(true);
      expect(placeholders(enText), key).toEqual(placeholders(daText));
    }
  });
});
