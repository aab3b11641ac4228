import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'cms',
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    // Each test file gets its own process, data folder and SQLite file.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
