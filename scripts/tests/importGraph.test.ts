import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../lib/env';
import { checkImportGraph, formatImportGraph } from '../lib/importGraph';

describe('import boundaries', () => {
  it('holds for the workspace: no import crosses a package boundary, a layer or a circle', () => {
    const report = checkImportGraph(repoRoot);
    expect(report.files).toBeGreaterThan(300);
    expect(report.problems, formatImportGraph(report)).toEqual([]);
  });

  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-imports-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  const manifest = (name: string, extra: object = {}) => JSON.stringify({ name, ...extra });

  it('names each kind of crossing, where it is and what to do', () => {
    write('pnpm-workspace.yaml', 'packages:\n  - cms\n  - site\n  - scripts\n  - shared-types\n');
    write('shared-types/package.json', manifest('@oyu/shared-types', { exports: { '.': './src/index.ts' } }));
    write('shared-types/src/index.ts', 'export const a = 1;\n');
    write(
      'cms/package.json',
      manifest('@oyu/cms', {
        exports: { './seed': './src/seed.ts', './tests/helper': './tests/helper.ts' },
        dependencies: { '@oyu/shared-types': 'workspace:*' },
      }),
    );
    write('cms/src/seed.ts', "import { helper } from '../tests/helper';\nexport const seed = helper;\n");
    write('cms/src/a.ts', "import { b } from './b';\nexport const a = b;\n");
    write('cms/src/b.ts', "import type { a } from './a';\nexport const b = 1 as typeof a;\n");
    write('cms/tests/helper.ts', 'export const helper = 1;\n');
    write('site/package.json', manifest('@oyu/site', { devDependencies: { '@oyu/scripts': 'workspace:*' } }));
    write('site/src/lib/cards.ts', "import type { Card } from '../islands/Cards';\nexport type C = Card;\n");
    write('site/src/islands/Cards.tsx', 'export type Card = { title: string };\n');
    write(
      'site/src/pages/index.astro',
      "---\nimport { seed } from '@oyu/cms/seed';\nimport { gone } from '../lib/gone';\n---\n<p>{seed}</p>\n",
    );
    write('scripts/package.json', manifest('@oyu/scripts', { dependencies: { '@oyu/site': 'workspace:*' } }));
    write(
      'scripts/export.ts',
      "import { cards } from '../site/src/lib/cards';\nimport('@oyu/shared-types/nope');\n",
    );
    execFileSync('git', ['init', '-q'], { cwd: root });

    const found = checkImportGraph(root).problems.map(
      (problem) => `${problem.file}:${problem.line} ${problem.message}`,
    );
    const expected = [
      /^cms\/src\/seed\.ts:1 a test helper used outside the tests/,
      /^cms\/src\/a\.ts:1 modules import each other in a circle: cms\/src\/a\.ts → cms\/src\/b\.ts/,
      /^site\/src\/lib\/cards\.ts:1 site\/src\/lib may not import site\/src\/islands/,
      /^site\/src\/pages\/index\.astro:2 @oyu\/cms is not in site\/package\.json's dependencies/,
      /^site\/src\/pages\/index\.astro:3 names no file/,
      /^scripts\/export\.ts:1 reaches into @oyu\/site \(site\/\) by a relative path/,
      /^scripts\/export\.ts:2 @oyu\/shared-types is not in scripts\/package\.json's dependencies/,
      /^scripts\/export\.ts:2 @oyu\/shared-types does not export "\.\/nope"/,
      /^cms\/package\.json:1 @oyu\/cms exports a test helper as "\.\/tests\/helper"/,
      /^package\.json:1 packages depend on each other in a circle: @oyu\/scripts ⇄ @oyu\/site/,
    ];
    for (const pattern of expected)
      expect(found, String(pattern)).toContainEqual(expect.stringMatching(pattern));
    expect(found).toHaveLength(expected.length);
  });
});
