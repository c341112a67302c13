import { describe, expect, it } from 'vitest';

// Slices that import each other end up reaching into each other; the store's modules must form a tree of imports
// (type-only imports count too: they are how one slice comes to know another's insides).

/** Every store module's source, keyed by its path relative to this folder (`./session.ts`, `../features/…`). */
const SOURCES: Record<string, string> = import.meta.glob(
  [
    './**/*.{ts,tsx}',
    '../features/*/store/**/*.{ts,tsx}',
    '!./**/*.test.{ts,tsx}',
    '!../features/*/store/**/*.test.{ts,tsx}',
  ],
  { query: '?raw', import: 'default', eager: true },
);

const SPECIFIER = /^\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/gms;

/** POSIX-style join and normalise of a relative specifier against the importing file's folder. */
const joinPath = (fromFile: string, specifier: string): string => {
  const parts = fromFile
    .split('/')
    .slice(0, -1)
    .filter((part) => part !== '.');
  for (const part of specifier.split('/')) {
    if (part === '.' || part === '') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  const joined = parts.join('/');
  return joined.startsWith('.') ? joined : `./${joined}`;
};

const resolveImport = (from: string, specifier: string, files: ReadonlySet<string>): string | undefined => {
  if (!specifier.startsWith('.')) return undefined;
  const base = joinPath(from, specifier);
  return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((p) => files.has(p));
};

export function importGraph(sources: Readonly<Record<string, string>>): Map<string, string[]> {
  const files = new Set(Object.keys(sources));
  const graph = new Map<string, string[]>();
  for (const [file, source] of Object.entries(sources)) {
    const targets = [...source.matchAll(SPECIFIER)]
      .map((m) => resolveImport(file, m[1]!, files))
      .filter((t): t is string => t !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The first cycle found, as the chain of modules that closes it, or null. */
export function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') return [...path.slice(path.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    path.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    if (!state.has(node)) {
      const found = visit(node);
      if (found) return found;
    }
  }
  return null;
}

describe('import graph of the store', () => {
  it('finds a cycle where there is one, and none where there is none', () => {
    expect(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
        ]),
      ),
    ).toEqual(['a', 'b', 'c', 'a']);
    expect(
      findCycle(
        new Map([
          ['a', ['b', 'c']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toBeNull();
  });

  it('reads the store modules and their imports, type-only ones and those of feature stores too', () => {
    const graph = importGraph(SOURCES);
    expect(Object.keys(SOURCES)).toContain('./flows.ts');
    expect(Object.keys(SOURCES).some((p) => p.startsWith('../features/compose/store/'))).toBe(true);
    expect(graph.get('./types.ts')).toContain('./session.ts');
    expect(graph.get('./index.ts')).toContain('../features/compose/store/index.ts');
  });

  it('has no cycle among the modules of src/renderer/store and features/*/store', () => {
    expect(findCycle(importGraph(SOURCES))).toBeNull();
  });
});
