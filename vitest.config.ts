import { defineConfig } from 'vitest/config';

// `pnpm test` runs every package's own vitest project.
export default defineConfig({
  test: {
    projects: ['shared-types', 'cms', 'site', 'scripts'],
  },
});
