import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/unit/**/*.test.{ts,tsx}', 'bench/**/*.test.ts'],
    environment: 'node',
    // Renderer tests opt into jsdom per file with `// @vitest-environment jsdom`.
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // 2-core machines: integration tests start real sandboxes on loopback; keep parallelism modest.
    maxWorkers: 2,
  },
});
