import { defineConfig } from 'vitest/config';
import { scriptsTestOptions } from './scripts/vitest.config.ts';

/**
 * `pnpm test` runs every package's own vitest project, and the scripts' whole-loop tests as a
 * project of their own (`loop`). With a PostgreSQL server (TEST_POSTGRES_URI, always on CI), the
 * CMS's tests run a second time on it as `cms-postgres`, each file on a database of its own
 * (cms/tests/setup.ts).
 */
const postgres = Boolean(process.env.TEST_POSTGRES_URI) || process.env.CI === 'true';

export default defineConfig({
  test: {
    projects: [
      'shared-types',
      'cms',
      'site',
      'scripts',
      {
        // The whole loop (scripts/tests/loop/): one seeded CMS and first site build, made once by
        // the global setup for all its files. Not `extends`: the scripts project's include and
        // exclude would be added to these.
        root: './scripts',
        test: {
          ...scriptsTestOptions,
          name: 'loop',
          include: ['tests/loop/**/*.test.ts'],
          globalSetup: ['tests/loop/globalSetup.ts'],
        },
      },
      ...(postgres
        ? [
            {
              extends: './cms/vitest.config.ts',
              root: './cms',
              test: {
                name: 'cms-postgres',
                env: { OYU_TEST_DIALECT: 'postgres' },
                globalSetup: ['tests/postgresDatabases.ts'],
              },
            },
          ]
        : []),
    ],
  },
});
