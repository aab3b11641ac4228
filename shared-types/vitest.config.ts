import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'shared-types',
    include: ['tests/**/*.test.ts'],
    typecheck: { enabled: true, include: ['tests/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
