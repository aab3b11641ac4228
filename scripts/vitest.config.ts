import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'scripts',
    include: ['tests/**/*.test.ts'],
    // They run real servers, PostgreSQL and child processes, beside the other projects on a
    // busy CI machine: the copy tests take 2 s alone and passed 5 s (the default) under load.
    testTimeout: 60_000,
  },
});
