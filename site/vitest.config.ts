import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'site',
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
