import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Spawned `mcp-risk` runs compiled JavaScript: compile it from the current sources first.
    globalSetup: ['test/helpers/build-cli.ts'],
    // Real installs from the npm registry and real sandboxed servers: generous, so a busy machine is not a failure.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // Suites spawn real processes and databases; two workers suit the 2-core machine.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
