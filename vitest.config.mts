import { defineConfig } from 'vitest/config';

// Two projects so CI can report unit and integration separately; renderer tests opt into
// happy-dom per file with `// @vitest-environment happy-dom`.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
          environment: 'node',
          setupFiles: ['fake-indexeddb/auto'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/integration/**/*.test.tsx'],
          environment: 'node',
          setupFiles: ['fake-indexeddb/auto'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Integration suites start real peers (PostgreSQL, saned, ippeveprinter) on fixed
          // loopback ports; running files one at a time keeps them from colliding.
          fileParallelism: false,
        },
      },
    ],
  },
});
