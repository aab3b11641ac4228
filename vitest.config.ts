import { defineConfig } from 'vitest/config';

/**
 * `pnpm test` runs every package's own vitest project. With a PostgreSQL server
 * (TEST_POSTGRES_URI, always on CI), the CMS's tests run a second time on it as `cms-postgres`,
 * each file on a database of its own (cms/tests/setup.ts).
 */
const postgres = Boolean(process.env.TEST_POSTGRES_URI) || process.env.CI === 'true';

export default defineConfig({
  test: {
    projects: [
      'shared-types',
      'cms',
      'site',
      'scripts',
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
