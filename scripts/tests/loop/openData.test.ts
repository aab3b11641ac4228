import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../lib/env';
import { run } from '../../lib/processes';
import { paths } from '../../lib/stack';
import { demoEditions, published } from './demo';
import { scratchDir, sharedStack } from './stack';

/** Each edition's open data in the build, and `pnpm export` from the running CMS. */
const { dataDir, cmsPort, read } = sharedStack();

describe('open data', () => {
  it('publishes each edition’s open data, linked from its page, and `pnpm export` writes the same files', async () => {
    const exported = path.join(scratchDir('export'), 'out');
    await run(paths.tsxBin, [path.join(repoRoot, 'scripts', 'export.ts'), '--out', exported], {
      cwd: repoRoot,
      env: { OYU_DATA_DIR: dataDir, CMS_URL: `http://127.0.0.1:${cmsPort}`, SITE_URL: 'https://oyu.example' },
    });
    for (const edition of demoEditions) {
      const shown = published.filter((work) => work.editions.includes(edition.year));
      const csv = read(`data/${edition.year}/works.csv`);
      // A header and one line per work of the edition, each language's title in it.
      expect(csv.trimEnd().split('\r\n'), String(edition.year)).toHaveLength(shown.length + 1);
      for (const work of shown)
        expect(csv).toContain(work.title.kk.includes(',') ? `"${work.title.kk}"` : work.title.kk);
      const json = JSON.parse(read(`data/${edition.year}/edition.json`));
      expect(json.works.map((work: { slug: string }) => work.slug).sort()).toEqual(
        shown.map((w) => w.slug).sort(),
      );
      const graph = JSON.parse(read(`data/${edition.year}/edition.jsonld`))['@graph'];
      expect(graph[0]['@type']).toBe('ExhibitionEvent');
      for (const lang of ['en', 'ru', 'kk']) {
        expect(read(`${lang}/editions/${edition.year}/index.html`)).toContain(
          `href="/data/${edition.year}/works.csv"`,
        );
      }
      for (const file of ['works.csv', 'artisans.csv', 'edition.json', 'edition.jsonld']) {
        expect(fs.readFileSync(path.join(exported, String(edition.year), file), 'utf8'), file).toBe(
          read(`data/${edition.year}/${file}`),
        );
      }
    }
  });
});
