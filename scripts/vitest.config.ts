import { configDefaults, defineProject } from 'vitest/config';

/** What the scripts' test projects share: this one and the loop (../vitest.config.ts). */
export const scriptsTestOptions = {
  // They run real servers, PostgreSQL and child processes, beside the other projects on a
  // busy CI machine, where the PostgreSQL copy tests alone outlast vitest's default 5 s.
  testTimeout: 60_000,
};

export default defineProject({
  test: {
    ...scriptsTestOptions,
    name: 'scripts',
    include: ['tests/**/*.test.ts'],
    // The whole loop is a project of its own, with the global setup its files share.
    exclude: [...configDefaults.exclude, 'tests/loop/**'],
  },
});
