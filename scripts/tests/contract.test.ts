import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { onCi, repoRoot } from '../lib/env';
import { run } from '../lib/processes';
import { readCredentials } from '../lib/secrets';
import { signIn, startSeededCms } from '../lib/seededCms';
import { buildSite } from '../lib/siteBuild';
import { paths } from '../lib/stack';
import { dropDatabase, freshDatabase, withClient } from './postgresServer';
import { generator } from './seededRandom';

/**
 * The publishing contract end to end, randomized: documents written through every API path
 * (REST, GraphQL, bulk edits, unpublishing, deleting, restoring versions) and spreadsheets
 * imported while the CMS runs are either refused with a 4xx or built by the real site build.
 * Never accepted and then unbuildable. Once on SQLite and once on PostgreSQL.
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-contract-test-'));
const here = path.dirname(fileURLToPath(import.meta.url));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const names = [
  'Aigerim Seitkali',
  'Бахыт Нурланов',
  'Louis Comfort Tiffany',
  'Ōtsuka Mei',
  'Nomad Atelier',
  '',
  ' ',
];
const titles = [
  'Wolf ring',
  'Кольцо «Волк»',
  'Қасқыр жүзігі',
  'Brooch, c. 1890',
  'Tumar',
  '',
  'A'.repeat(300),
];
const slugs = ['wolf-ring', 'Bad Slug', 'кольцо', '', 'ok-slug-2', 'a--b'];
const countries = ['KZ', 'US', 'JP', 'EG', 'XK', 'XX', 'kz', ''];
const years = [-400, 0, 999, 1860, 1987, 2024, 2200, 1.5];
const sites = ['https://example.org', 'ftp://x', 'javascript:alert(1)', '', 'example.org'];

type Tally = { accepted: number; refused: number; byPath: Record<string, number> };

async function runContract(seed: number, databaseUri?: string) {
  const g = generator(seed);
  const dataDir = fs.mkdtempSync(path.join(tmp, 'data-'));
  const cms = await startSeededCms({ dataDir, databaseUri });
  const base = cms.url;
  const tally: Tally = { accepted: 0, refused: 0, byPath: {} };
  try {
    const admin = await signIn(base, readCredentials(dataDir));

    /** One write; every answer must be a success or a 4xx, never a server error. */
    const write = async (label: string, method: string, url: string, body?: unknown, token = admin) => {
      const form = body instanceof FormData;
      const answer = await fetch(`${base}${url}`, {
        method,
        headers: {
          Authorization: `JWT ${token}`,
          ...(form || !body ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body ? { body: form ? body : JSON.stringify(body) } : {}),
      });
      const json = (await answer.json().catch(() => ({}))) as Record<string, unknown>;
      expect(
        answer.status,
        `${label} ${method} ${url} ${JSON.stringify(body instanceof FormData ? '(form)' : body)}: ${JSON.stringify(json).slice(0, 500)}\n${cms.output.slice(-30).join('\n')}`,
      ).toBeLessThan(500);
      const graphqlErrors = (json.errors as { extensions?: { statusCode?: number } }[] | undefined) ?? [];
      for (const error of graphqlErrors)
        expect(error.extensions?.statusCode ?? 400, `${label}: ${JSON.stringify(error)}`).toBeLessThan(500);
      const ok = answer.ok && !(url === '/api/graphql' && graphqlErrors.length);
      tally[ok ? 'accepted' : 'refused'] += 1;
      tally.byPath[label] = (tally.byPath[label] ?? 0) + 1;
      return ok ? json : undefined;
    };
    const idOf = (json: Record<string, unknown> | undefined) =>
      (json?.doc as { id?: number } | undefined)?.id ?? (json?.id as number | undefined);

    const curator = await (async () => {
      const curatorSignIn = { email: 'curator@contract.test', password: 'correct horse battery staple' };
      await write('users', 'POST', '/api/users', { ...curatorSignIn, roles: ['curator'] });
      return signIn(base, curatorSignIn);
    })();

    const photos: number[] = [];
    for (let i = 0; i < 6; i++) {
      const data = await sharp({
        create: { width: 320, height: 240, channels: 3, background: { r: 60 + i * 30, g: 128, b: 112 } },
      })
        .jpeg()
        .toBuffer();
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(data)], { type: 'image/jpeg' }), `photo-${i}.jpg`);
      form.append('_payload', JSON.stringify(g.chance(0.85) ? { alt: `Photo ${i}` } : {}));
      const id = idOf(await write('media upload', 'POST', '/api/media', form, curator));
      if (id) photos.push(id);
    }

    // Half of everything is made as a careful curator would, half at random: the careful half
    // gives the site something to build, the random half tries every way to break it.
    const artisans: number[] = [];
    const liveArtisans: number[] = [];
    for (let i = 0; i < 12; i++) {
      const careful = g.chance(0.5);
      const status = careful ? 'published' : g.pick(['draft', 'published', 'published']);
      const id = idOf(
        await write('artisans', 'POST', `/api/artisans${status === 'draft' ? '?draft=true' : ''}`, {
          name: careful ? `Maker ${i}` : `${g.pick(names)} ${i}`.trim(),
          country: careful ? g.pick(['KZ', 'US', 'JP']) : g.pick(countries),
          ...(g.chance(0.5) ? { birthYear: careful ? 1987 : g.pick(years) } : {}),
          ...(g.chance(0.3) ? { website: careful ? 'https://example.org' : g.pick(sites) } : {}),
          ...(g.chance(0.3) && photos.length ? { portrait: g.pick(photos) } : {}),
          _status: status,
        }),
      );
      if (id) artisans.push(id);
      if (id && status === 'published') liveArtisans.push(id);
    }
    const editions: number[] = [];
    const liveEditions: number[] = [];
    for (const year of [2024, 2025, 2026]) {
      const status = g.pick(['draft', 'published', 'published']);
      const id = idOf(
        await write('editions', 'POST', `/api/editions${status === 'draft' ? '?draft=true' : ''}`, {
          year,
          title: `AJW ${year}`,
          stage: 'archived',
          _status: status,
        }),
      );
      if (id) editions.push(id);
      if (id && status === 'published') liveEditions.push(id);
    }

    const works: number[] = [];
    for (let i = 0; i < 50; i++) {
      if (g.chance(0.5) && liveArtisans.length && photos.length) {
        const json = await write('works (careful)', 'POST', '/api/works', {
          title: `Work ${i}`,
          slug: `work-${i}`,
          artisans: [g.pick(liveArtisans)],
          photos: [g.pick(photos)],
          editions: g.some(liveEditions, 1),
          ...(g.chance(0.3) ? { year: { display: 'c. 1890', from: 1890, circa: true } } : {}),
          _status: 'published',
        });
        const id = idOf(json);
        if (id) works.push(id);
        continue;
      }
      const makers = g.some(artisans, 3);
      const data = {
        title: g.pick(titles) || (g.chance(0.5) ? `Work ${i}` : ''),
        ...(g.chance(0.5) ? { slug: `${g.pick(slugs)}${g.chance(0.7) ? `-${i}` : ''}` } : {}),
        artisans: makers,
        photos: g.some(photos, 3),
        editions: g.some(editions, 2),
        ...(g.chance(0.3) && makers.length
          ? {
              makerRoles: [
                {
                  artisan: g.pick([...makers, ...artisans]),
                  role: g.pick(['designer', 'manufacturer', 'boss']),
                },
              ],
            }
          : {}),
        ...(g.chance(0.4)
          ? {
              year: {
                from: g.pick(years),
                circa: g.chance(0.5),
                display: g.pick(['c. 1890', '', 'XIX век']),
              },
            }
          : {}),
        ...(g.chance(0.3) ? { weightGrams: g.pick([12.5, -3, 0, 1e9]) } : {}),
        _status: g.pick(['draft', 'published', 'published']),
      };
      const viaGraphql = g.chance(0.3);
      const json = viaGraphql
        ? await write('graphql createWork', 'POST', '/api/graphql', {
            query: 'mutation ($data: mutationWorkInput!) { createWork(data: $data) { id } }',
            variables: { data },
          })
        : await write('works', 'POST', `/api/works${data._status === 'draft' ? '?draft=true' : ''}`, data);
      const id = viaGraphql
        ? (json?.data as { createWork?: { id: number } } | undefined)?.createWork?.id
        : idOf(json);
      if (id) works.push(id);
    }
    for (let i = 0; i < 3 && editions.length; i++) {
      await write('showcases', 'POST', '/api/showcases', {
        title: `Collection ${i}`,
        slug: `collection-${i}`,
        edition: g.pick(editions),
        works: g.some(works, 5),
        _status: g.pick(['draft', 'published']),
      });
    }

    // What curators and organisers do next, at random.
    for (let i = 0; i < 60; i++) {
      const action = g.pick(['publish', 'unpublish', 'delete', 'bulk', 'restore', 'edit'] as const);
      const collection = g.pick(['works', 'works', 'artisans', 'editions'] as const);
      const pool = { works, artisans, editions }[collection];
      if (!pool.length) continue;
      const id = g.pick(pool);
      if (action === 'publish' || action === 'unpublish') {
        await write(`${action} ${collection}`, 'PATCH', `/api/${collection}/${id}`, {
          _status: action === 'publish' ? 'published' : 'draft',
        });
      } else if (action === 'delete') {
        const target = g.chance(0.3) && photos.length ? `media/${g.pick(photos)}` : `${collection}/${id}`;
        await write(`delete ${target.split('/')[0]}`, 'DELETE', `/api/${target}`);
      } else if (action === 'bulk') {
        const ids = g.some(works, 6);
        if (ids.length)
          await write('bulk publish works', 'PATCH', `/api/works?where[id][in]=${ids.join(',')}`, {
            _status: 'published',
          });
      } else if (action === 'restore') {
        const versions = (await (
          await fetch(`${base}/api/works/versions?where[parent][equals]=${g.pick(works)}&limit=10`, {
            headers: { Authorization: `JWT ${admin}` },
          })
        ).json()) as { docs?: { id: string }[] };
        const version = versions.docs?.length ? g.pick(versions.docs) : undefined;
        if (version) await write('restore work version', 'POST', `/api/works/versions/${version.id}`);
      } else {
        await write(`edit ${collection}`, 'PATCH', `/api/${collection}/${id}`, {
          ...(collection === 'works' ? { photos: g.some(photos, 2), artisans: g.some(artisans, 2) } : {}),
          ...(collection === 'artisans' ? { country: g.pick(countries) } : {}),
          ...(collection === 'editions' ? { title: g.pick(['', 'Renamed']) } : {}),
        });
      }
    }

    // Spreadsheets, imported by the command line while the CMS runs. First, museum jewellery
    // records as a curator would convert them (makers from anywhere, historical dates, credits,
    // terms the starter vocabulary lacks): every row goes in. Then a random one, refused or not.
    const photoDir = fs.mkdtempSync(path.join(tmp, 'photos-'));
    for (let i = 1; i <= 3; i++)
      await sharp({
        create: { width: 640, height: 480, channels: 3, background: { r: 90 + i * 40, g: 100, b: 80 } },
      })
        .jpeg()
        .toFile(path.join(photoDir, `museum-${i}.jpg`));
    const importFiles = async (artisansCsv: string, worksCsv: string) => {
      const output: string[] = [];
      const code = await run(
        paths.tsxBin,
        [
          'scripts/import.ts',
          '--artisans',
          artisansCsv,
          '--works',
          worksCsv,
          '--photos',
          photoDir,
          '--create-terms',
        ],
        { cwd: repoRoot, env: cms.env, onLine: (line) => output.push(line) },
      ).then(
        () => 0,
        () => 1,
      );
      // A refused import says what to fix, by row; it never stops with a stack trace.
      if (code) expect(output.join('\n')).toMatch(/problem\(s\); nothing was imported/);
      tally[code ? 'refused' : 'accepted'] += 1;
      tally.byPath.import = (tally.byPath.import ?? 0) + 1;
      return { code, output: output.join('\n') };
    };
    const museum = path.join(here, 'fixtures', 'museum');
    const museumImport = await importFiles(path.join(museum, 'artisans.csv'), path.join(museum, 'works.csv'));
    expect(museumImport.code, museumImport.output).toBe(0);
    expect(museumImport.output).toMatch(/Created \d+ new term\(s\)/);

    const csvCell = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
    const randomRows = Array.from({ length: 6 }, (_, i) =>
      [
        `imported-${i}`,
        g.pick(titles),
        g.pick(['Import Maker', 'Nobody', 'Import Maker (designer)', 'René Lalique']),
        g.pick(['museum-1.jpg', 'missing.jpg', '']),
        g.pick(['Silver', 'Unobtainium', 'Rock crystal']),
        g.pick(['c. 1890', 'undated', '1890-95']),
        g.pick(['draft', 'published']),
      ]
        .map(csvCell)
        .join(','),
    );
    const randomArtisans = path.join(tmp, `artisans-${seed}.csv`);
    const randomWorks = path.join(tmp, `works-${seed}.csv`);
    fs.writeFileSync(
      randomArtisans,
      `name,country,status\nImport Maker,${g.pick(countries) || 'KZ'},published\n`,
    );
    fs.writeFileSync(
      randomWorks,
      ['slug,title.en,artisans,photos,materials,date,status', ...randomRows].join('\n'),
    );
    await importFiles(randomArtisans, randomWorks);

    // Whatever was accepted, the real site build builds, every published work on a page.
    const result = await buildSite({
      cmsUrl: base,
      siteUrl: 'https://oyu.example',
      dataDir,
      cmsMediaDir: path.join(dataDir, 'media'),
    });
    const live = (await (
      await fetch(`${base}/api/works?where[_status][equals]=published&limit=1000&depth=0&select[slug]=true`)
    ).json()) as { docs: { slug: string }[] };
    for (const { slug } of live.docs)
      expect(fs.existsSync(path.join(result.dir, 'en', 'works', slug, 'index.html')), slug).toBe(true);
    // Every published museum record is on the site, with its photo, its catalogue date in each
    // language, its credits, and its years in the linked data.
    const page = (lang: string, slug: string) =>
      fs.readFileSync(path.join(result.dir, lang, 'works', slug, 'index.html'), 'utf8');
    const museumSlugs = [
      'brooch-louis-comfort-tiffany',
      'dragonfly-woman-corsage-ornament',
      'brooch-with-micromosaic',
      'egg-pendant',
      'bilezik-bracelet',
      'bague-boule-ring',
      'necklace',
    ];
    for (const slug of museumSlugs) {
      expect(live.docs.map((doc) => doc.slug)).toContain(slug);
      expect(page('en', slug)).toMatch(/<img[^>]+src="\/media\//);
    }
    expect(live.docs.map((doc) => doc.slug)).not.toContain('brooch-gerda-flockinger');
    const tiffany = page('en', 'brooch-louis-comfort-tiffany');
    expect(tiffany).toContain('ca. 1904');
    expect(tiffany).toMatch(/Louis Comfort Tiffany<\/a>\s*<span[^>]*>\(United States · designer\)/);
    expect(tiffany).toContain('"dateCreated":"1904"');
    expect(page('ru', 'brooch-louis-comfort-tiffany')).toContain('ок. 1904');
    expect(page('en', 'necklace')).toContain('1976 (designed), 1978 (manufactured)');
    expect(page('en', 'egg-pendant')).toContain('attributed to');
    return { tally, published: live.docs.length };
  } finally {
    await cms.stop();
  }
}

describe('the publishing contract, end to end', () => {
  it('SQLite: every write is refused with a 4xx or built by the site', async () => {
    const { tally, published } = await runContract(20261206);
    console.log(
      `contract (SQLite): ${tally.accepted} accepted, ${tally.refused} refused, ${published} works built`,
      tally.byPath,
    );
    expect(tally.accepted).toBeGreaterThan(20);
    expect(tally.refused).toBeGreaterThan(10);
    expect(published).toBeGreaterThan(5);
  }, 600_000);

  const server = process.env.TEST_POSTGRES_URI;
  it.runIf(server || onCi)(
    'PostgreSQL: the same',
    async () => {
      expect(server, 'CI must set TEST_POSTGRES_URI (see .ci/run)').toBeTruthy();
      const name = `oyu_contract_test_${process.pid}`;
      const uri = await freshDatabase(server as string, name);
      try {
        const { tally, published } = await runContract(20261207, uri);
        console.log(
          `contract (PostgreSQL): ${tally.accepted} accepted, ${tally.refused} refused, ${published} works built`,
        );
        expect(published).toBeGreaterThan(5);
      } finally {
        await withClient(server as string, (client) => dropDatabase(client, name));
      }
    },
    600_000,
  );
});
