import { drawPiece } from '@oyu/cms/seed/draw';
import { mapLimit } from '@oyu/shared-types';
import type { BenchPhoto, dataset } from './dataset';
import { type Summary, summarize } from './stats';

/**
 * Fills an empty CMS with a benchmark dataset through its public REST API, as curators'
 * tools would: sign in, then POST editions, artisans, photos (multipart, the way the admin
 * uploads), works (with their Russian and Kazakh titles PATCHed in afterwards) and one
 * collection per edition. Every photo upload is timed on its own: it is the CMS deriving every
 * rendition of one photo.
 */
export type SeedReport = {
  seconds: number;
  artisans: number;
  works: number;
  photos: number;
  /** Works and artisans written per second, photos included in the time. */
  rowsPerSecond: number;
  photosPerSecond: number;
  /** One photo upload, request to answer: every rendition derived and stored. */
  uploadMs: Summary;
  /** The same for the 24-megapixel originals, when the size has any. */
  largeUploadMs?: Summary;
};

type Dataset = ReturnType<typeof dataset>;

export class RestClient {
  constructor(
    readonly baseUrl: string,
    private token = '',
  ) {}

  async login(email: string, password: string) {
    const json = (await this.call('POST', '/api/users/login', { email, password })) as { token: string };
    this.token = json.token;
  }

  async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const isForm = body instanceof FormData;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(this.token ? { Authorization: `JWT ${this.token}` } : {}),
        ...(body !== undefined && !isForm ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
    return text ? JSON.parse(text) : undefined;
  }

  /** slug → id of every document of a collection. */
  async ids(collection: string): Promise<Map<string, number>> {
    const json = (await this.call('GET', `/api/${collection}?limit=0&depth=0&select[slug]=true`)) as {
      docs: { id: number; slug: string }[];
    };
    return new Map(json.docs.map((doc) => [doc.slug, doc.id]));
  }
}

async function photoForm(photo: BenchPhoto): Promise<FormData> {
  const data = await drawPiece(
    photo.kind,
    { metal: photo.metal, gem: photo.gem, backdrop: photo.backdrop },
    photo.seed,
    { width: photo.width, height: photo.height },
  );
  const form = new FormData();
  form.append('file', new File([new Uint8Array(data)], photo.name, { type: 'image/jpeg' }));
  form.append('_payload', JSON.stringify({ alt: photo.alt }));
  return form;
}

export async function seedThroughRest(
  client: RestClient,
  data: Dataset,
  options: { concurrency: number; onProgress?: (done: number, total: number) => void },
): Promise<SeedReport> {
  const started = performance.now();
  const [pieceTypes, materials, techniques] = await Promise.all([
    client.ids('piece-types'),
    client.ids('materials'),
    client.ids('techniques'),
  ]);
  const editions = new Map<number, number>();
  for (const [index, year] of data.spec.editions.entries()) {
    const current = index === data.spec.editions.length - 1;
    const json = (await client.call('POST', '/api/editions?locale=en', {
      year,
      title: `Almaty Jewelry Week ${year}`,
      stage: current ? 'current' : 'archived',
      _status: 'published',
    })) as { doc: { id: number } };
    editions.set(year, json.doc.id);
  }
  const total = data.artisans.length + data.works.length;
  let done = 0;
  const artisanIds = await mapLimit(data.artisans, options.concurrency * 2, async (artisan) => {
    const json = (await client.call('POST', '/api/artisans?locale=en', {
      name: artisan.name,
      slug: artisan.slug,
      country: artisan.country,
      city: artisan.city.en,
      _status: 'published',
    })) as { doc: { id: number } };
    options.onProgress?.(++done, total);
    return json.doc.id;
  });

  const uploads: number[] = [];
  const largeUploads: number[] = [];
  /** Each photo uploaded once, whichever work asks first; works that share it reuse its id. */
  const uploaded = new Map<number, Promise<number>>();
  const upload = (index: number) => {
    let id = uploaded.get(index);
    if (!id) {
      const photo = data.photos[index] as BenchPhoto;
      id = photoForm(photo).then(async (form) => {
        const sent = performance.now();
        const json = (await client.call('POST', '/api/media', form)) as { doc: { id: number } };
        (photo.width * photo.height > 20e6 ? largeUploads : uploads).push(performance.now() - sent);
        return json.doc.id;
      });
      uploaded.set(index, id);
    }
    return id;
  };
  const worksByEdition = new Map<number, { index: number; id: number }[]>();
  await mapLimit(data.works, options.concurrency, async (work) => {
    const photoIds: number[] = [];
    for (const index of work.photos) photoIds.push(await upload(index));
    const created = (await client.call('POST', '/api/works?locale=en', {
      title: work.title.en,
      slug: work.slug,
      artisans: work.artisans.map((index) => artisanIds[index]),
      photos: photoIds,
      pieceType: pieceTypes.get(work.pieceType),
      materials: work.materials.map((slug) => materials.get(slug)).filter(Boolean),
      techniques: work.techniques.map((slug) => techniques.get(slug)).filter(Boolean),
      year: { from: work.year },
      editions: [editions.get(work.edition)],
      licence: 'all-rights-reserved',
      _status: 'published',
    })) as { doc: { id: number } };
    const inEdition = worksByEdition.get(work.edition) ?? [];
    inEdition.push({ index: work.index, id: created.doc.id });
    worksByEdition.set(work.edition, inEdition);
    for (const locale of ['ru', 'kk'] as const) {
      await client.call('PATCH', `/api/works/${created.doc.id}?locale=${locale}`, {
        title: work.title[locale],
        _status: 'published',
      });
    }
    options.onProgress?.(++done, total);
  });
  // One collection (AJW showcase) per edition: its first 24 works, in dataset order.
  for (const [year, works] of worksByEdition) {
    await client.call('POST', '/api/showcases?locale=en', {
      title: `Collection ${year}`,
      slug: `bench-collection-${year}`,
      edition: editions.get(year),
      works: works
        .sort((a, b) => a.index - b.index)
        .slice(0, 24)
        .map((work) => work.id),
      _status: 'published',
    });
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    seconds,
    artisans: data.artisans.length,
    works: data.works.length,
    photos: uploaded.size,
    rowsPerSecond: total / seconds,
    photosPerSecond: uploaded.size / seconds,
    uploadMs: summarize(uploads),
    ...(largeUploads.length ? { largeUploadMs: summarize(largeUploads) } : {}),
  };
}
