// The lint's main job here is the process boundary: the renderer may not reach into main, preload, sandbox
// or Node, and main/preload/sandbox may not import renderer code. Shared code must stay importable by both.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import prettier from 'eslint-config-prettier';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const noRenderer = { group: ['**/renderer/**'], message: 'Main, preload and sandbox never import renderer code.' };
const noElectron = {
  group: ['electron', 'electron/*'],
  message: 'Only src/main/electron may import Electron; pass what is needed in as a small interface.',
};

const restrict = (patterns, paths = []) => ({
  'no-restricted-imports': ['error', { paths, patterns }],
});

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.bench-results/**',
      '.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    files: ['src/main/**', 'src/preload/**', 'src/sandbox/**', 'scripts/**', 'bench/**', 'test/**', '*.config.*'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [
          {
            group: ['**/main/**', '**/preload/**', '**/sandbox/**'],
            message: 'The renderer talks to main only through window.digitalPost (src/shared/ipc).',
          },
          { group: ['electron', 'electron/*'], message: 'The renderer has no Electron access; use the preload API.' },
        ],
        nodeBuiltins.map((name) => ({ name, message: 'No Node modules in the renderer.' })),
      ),
    },
  },
  {
    files: ['src/shared/**'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: restrict(
      [
        {
          group: ['**/main/**', '**/preload/**', '**/sandbox/**', '**/renderer/**'],
          message: 'src/shared must not depend on either process.',
        },
        { group: ['electron', 'electron/*'], message: 'src/shared is imported by the renderer: no Electron.' },
      ],
      nodeBuiltins.map((name) => ({ name, message: 'src/shared is imported by the renderer: no Node modules.' })),
    ),
  },
  {
    files: ['src/main/**', 'src/preload/**', 'src/sandbox/**'],
    rules: restrict([noRenderer]),
  },
  {
    // The same services and handlers run in browser mode and in tests, where resolving `electron` throws.
    files: ['src/main/services/**', 'src/main/handlers/**', 'src/main/ipc/**', 'src/main/app/**'],
    rules: restrict([noRenderer, noElectron]),
  },
  {
    // Services are the bottom layer: handlers are built on them and the composition root wires both.
    files: ['src/main/services/**'],
    ignores: ['**/*.test.ts'],
    rules: restrict([
      noRenderer,
      noElectron,
      {
        group: [
          '**/handlers',
          '**/handlers/**',
          '**/main/app',
          '**/main/app/**',
          '../app/*',
          '../../app/*',
          '**/ipc/dispatch',
        ],
        message: 'Services never import handlers, the IPC dispatcher or the composition root (src/main/app).',
      },
    ]),
  },
  {
    files: ['src/sandbox/**'],
    rules: restrict([
      {
        group: ['**/renderer/**', '**/main/**', '**/preload/**'],
        message: 'The sandbox stands in for Digital Post: it shares only src/shared with the app.',
      },
      { group: ['electron', 'electron/*'], message: 'The sandbox runs in plain Node.' },
    ]),
  },
  prettier,
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
