import { drawPiece, type PieceKind } from '@oyu/cms/seed/draw';
import type { Generator } from '../seededRandom';
import type { Stack } from './stack';

/**
 * Random edits a curator or organiser makes through the CMS's REST API, one of each kind the
 * fast path must follow (issue 26: publish, unpublish, rename, a new address, move between
 * editions and showcases, replace a photo, delete, a vocabulary label). Each reads the CMS as it is now,
 * so a sequence stays valid whatever came before, and says what it did in words a failure
 * message can show, and what the site must then show (`expect`).
 */

type Work = {
  id: number;
  slug: string;
  title?: string | null;
  _status?: 'draft' | 'published' | null;
  editions?: number[] | null;
  photos: number[];
  artisans: number[];
};
type Showcase = { id: number; works?: number[] | null; _status?: string | null };

/** What a page of the site must show once the edit is live; checked besides the comparison. */
export type Expectation = { file: string; present: boolean; text?: string };
export type Edit = { what: string; expect: Expectation[] };

const vocabularies = ['materials', 'techniques', 'piece-types'] as const;
const locales = ['en', 'ru', 'kk'] as const;
const pieceKinds: PieceKind[] = ['ring', 'pendant', 'earrings', 'bracelet', 'brooch', 'necklace'];

/** The CMS's REST API as an admin; a refused write fails with the CMS's own answer. */
export function cmsClient(stack: Stack, token: string) {
  const call = async (method: string, url: string, body?: unknown) => {
    const form = body instanceof FormData;
    const response = await fetch(`${stack.cmsUrl}${url}`, {
      method,
      headers: {
        authorization: `JWT ${token}`,
        ...(body !== undefined && !form ? { 'content-type': 'application/json' } : {}),
      },
      ...(body === undefined ? {} : { body: form ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${text.slice(0, 400)}`);
    return JSON.parse(text) as unknown;
  };
  const list = async <T>(collection: string, query = '') =>
    ((await call('GET', `/api/${collection}?limit=0&depth=0${query}`)) as { docs: T[] }).docs;
  return { call, list };
}

export type CmsClient = ReturnType<typeof cmsClient>;

const workPage = (lang: string, slug: string) => `${lang}/works/${slug}/index.html`;

/** The edits the sequence picks from, by kind; each returns undefined when the data leaves none to make. */
export function editKinds(cms: CmsClient, random: Generator) {
  // Works as the curator sees them, with their Kazakh titles.
  const works = () => cms.list<Work>('works', '&locale=kk&fallback-locale=none');
  const published = async () => (await works()).filter((work) => work._status === 'published');
  const patch = (url: string, body: unknown) => cms.call('PATCH', url, body);
  let count = 0;
  const kinds: Record<string, () => Promise<Edit | undefined>> = {
    publish: async () => {
      const drafts = (await works()).filter((work) => work._status !== 'published');
      if (!drafts.length) return undefined;
      const work = random.pick(drafts);
      await patch(`/api/works/${work.id}`, { _status: 'published' });
      return {
        what: `publish draft ${work.slug}`,
        expect: [{ file: workPage('en', work.slug), present: true }],
      };
    },
    unpublish: async () => {
      const work = random.pick(await published());
      await patch(`/api/works/${work.id}`, { _status: 'draft' });
      return {
        what: `unpublish ${work.slug}`,
        expect: [{ file: workPage('en', work.slug), present: false }],
      };
    },
    rename: async () => {
      const work = random.pick(await published());
      const title = `Жаңа атау ${++count}`;
      await patch(`/api/works/${work.id}?locale=kk`, { title });
      return {
        what: `rename ${work.slug} in kk to «${title}»`,
        expect: [{ file: workPage('kk', work.slug), present: true, text: title }],
      };
    },
    slug: async () => {
      const work = random.pick(await published());
      const slug = `${work.slug}-moved-${++count}`;
      await patch(`/api/works/${work.id}`, { slug });
      return {
        what: `move ${work.slug} to the address ${slug}`,
        expect: [
          { file: workPage('en', work.slug), present: false },
          { file: workPage('kk', slug), present: true },
        ],
      };
    },
    edition: async () => {
      const editions = await cms.list<{ id: number; year: number; frozen?: boolean | null }>('editions');
      const work = random.pick(await published());
      const others = editions.filter((edition) => !edition.frozen && !work.editions?.includes(edition.id));
      if (!others.length) return undefined;
      const edition = random.pick(others);
      await patch(`/api/works/${work.id}`, { editions: [edition.id] });
      return {
        what: `move ${work.slug} to edition ${edition.year}`,
        expect: [
          { file: `en/editions/${edition.year}/index.html`, present: true, text: `/en/works/${work.slug}/` },
        ],
      };
    },
    showcase: async () => {
      const showcases = (await cms.list<Showcase>('showcases')).filter((s) => s._status === 'published');
      const from = random.pick(showcases.filter((s) => s.works?.length));
      if (!from?.works?.length) return undefined;
      const workId = random.pick(from.works);
      const to = random.pick(showcases.filter((s) => s.id !== from.id && !s.works?.includes(workId)));
      if (!to) return undefined;
      await patch(`/api/showcases/${from.id}`, { works: from.works.filter((id) => id !== workId) });
      await patch(`/api/showcases/${to.id}`, { works: [...(to.works ?? []), workId] });
      return { what: `move work ${workId} from showcase ${from.id} to showcase ${to.id}`, expect: [] };
    },
    photo: async () => {
      const work = random.pick(await published());
      const photo = await drawPiece(
        random.pick(pieceKinds),
        { metal: random.pick(['silver', 'gold'] as const), gem: '#2fa4a0', backdrop: ['#f3ede4', '#b9a58c'] },
        random.int(1_000_000),
        { width: 640, height: 480 },
      );
      const form = new FormData();
      form.append(
        'file',
        new File([new Uint8Array(photo)], `replacement-${++count}.jpg`, { type: 'image/jpeg' }),
      );
      form.append('_payload', JSON.stringify({ alt: `Replacement photo ${count}` }));
      const uploaded = (await cms.call('POST', '/api/media', form)) as { doc: { id: number } };
      const at = random.int(work.photos.length);
      const photos = work.photos.map((id, i) => (i === at ? uploaded.doc.id : id));
      await patch(`/api/works/${work.id}`, { photos });
      return {
        what: `replace photo ${at + 1} of ${work.slug} with media ${uploaded.doc.id}`,
        expect: [{ file: workPage('en', work.slug), present: true, text: `Replacement photo ${count}` }],
      };
    },
    delete: async () => {
      const all = await works();
      const used = new Set(all.flatMap((work) => work.artisans));
      const idle = (await cms.list<{ id: number; slug: string }>('artisans')).filter((a) => !used.has(a.id));
      const artisan = idle.length ? random.pick(idle) : undefined;
      if (artisan) {
        await cms.call('DELETE', `/api/artisans/${artisan.id}`);
        return {
          what: `delete artisan ${artisan.slug}, who has no works`,
          expect: [{ file: `en/artisans/${artisan.slug}/index.html`, present: false }],
        };
      }
      const work = random.pick(await published());
      await cms.call('DELETE', `/api/works/${work.id}`);
      return { what: `delete ${work.slug}`, expect: [{ file: workPage('en', work.slug), present: false }] };
    },
    vocabulary: async () => {
      const collection = random.pick(vocabularies);
      const locale = random.pick(locales);
      const terms = await cms.list<{ id: number; slug: string; label: string }>(
        collection,
        `&locale=${locale}`,
      );
      const term = random.pick(terms);
      const label = `${term.label} ${++count}`;
      await patch(`/api/${collection}/${term.id}?locale=${locale}`, { label });
      return { what: `relabel ${collection} ${term.slug} in ${locale} as «${label}»`, expect: [] };
    },
  };
  return kinds;
}

/**
 * A sequence of `total` edit kinds, every kind at least once, in a random order, cut into
 * groups of one to three: each group is published by one build.
 */
export function editPlan(random: Generator, kinds: string[], total: number): string[][] {
  const picks = [
    ...kinds,
    ...Array.from({ length: Math.max(0, total - kinds.length) }, () => random.pick(kinds)),
  ];
  const order = picks.map((kind) => ({ kind, key: random.next() })).sort((a, b) => a.key - b.key);
  const groups: string[][] = [];
  for (let at = 0; at < order.length; ) {
    const size = 1 + random.int(3);
    groups.push(order.slice(at, at + size).map((pick) => pick.kind));
    at += size;
  }
  return groups;
}
