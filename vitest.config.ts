import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Suites spawn real processes and databases; two workers suit the 2-core machine.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
