import fs from 'node:fs';
import path from 'node:path';
import { drawPiece } from '@oyu/cms/seed/draw';
import { mapLimit } from '@oyu/shared-types';
import { clonePhotos } from './clonePhotos';
import type { BenchPhoto, BenchWork, dataset } from './dataset';
import { type Summary, summarize } from './stats';

/**
 * Fills an empty CMS with a benchmark dataset through its public REST API, as curators'
 * tools would (asking for answers at depth 0: a tool has no use for the populated document
 * the CMS would otherwise compute for each write): sign in, then POST editions, artisans, photos (multipart, the way the admin
 * uploads), works (with their Russian and Kazakh titles PATCHed in afterwards) and one
 * collection per edition. Every photo upload is timed on its own: it is the CMS deriving every
 * rendition of one photo. A size whose spec sets `uploadPhotos` has only that many uploaded;
 * the others are cloned from them in the database and the media folder (clonePhotos.ts).
 */
export type SeedReport = {
  seconds: number;
  artisans: number;
  works: number;
  photos: number;
  /** Photos uploaded through the REST API, every rendition derived by the CMS. */
  uploaded: number;
  /** Photos cloned from uploaded ones (clonePhotos.ts): rows and files copied, nothing encoded. */
  cloned: number;
  /** Works and artisans written per second, photos included in the time. */
  rowsPerSecond: number;
  /** Photos uploaded per second of the seed. */
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

  /** Every document of a collection with only `fields` (and the id), in `locale` without fallback. */
  async list<T>(collection: string, fields: string[], locale = 'en'): Promise<(T & { id: number })[]> {
    const select = fields.map((field) => `select[${field}]=true`).join('&');
    const json = (await this.call(
      'GET',
      `/api/${collection}?limit=0&depth=0&locale=${locale}&fallback-locale=none&${select}`,
    )) as { docs: (T & { id: number })[] };
    return json.docs;
  }

  /** A GET with this client's session, answered as it is (files, not only JSON). */
  get(path: string): Promise<Response> {
    return fetch(new URL(path, this.baseUrl), {
      headers: this.token ? { Authorization: `JWT ${this.token}` } : {},
    });
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

/** Upload timings kept between runs, so a seed resumed later still reports every upload. */
type SeedProgress = { seconds: number; uploads: number[]; largeUploads: number[] };

function readProgress(file: string | undefined): SeedProgress {
  if (!file || !fs.existsSync(file)) return { seconds: 0, uploads: [], largeUploads: [] };
  return JSON.parse(fs.readFileSync(file, 'utf8')) as SeedProgress;
}

function writeProgress(file: string | undefined, progress: SeedProgress) {
  if (!file) return;
  fs.writeFileSync(`${file}.partial`, JSON.stringify(progress));
  fs.renameSync(`${file}.partial`, file);
}

/** The seed's timings: this run's and the earlier runs' (from `file`), saved back on `save()`. */
function seedTimer(file: string | undefined) {
  const started = performance.now();
  const progress = readProgress(file);
  const spent = () => progress.seconds + (performance.now() - started) / 1000;
  return { progress, spent, save: () => writeProgress(file, { ...progress, seconds: spent() }) };
}
type SeedTimer = ReturnType<typeof seedTimer>;

/**
 * Seeds `data`, skipping what the CMS already holds (editions by year, artisans, works and
 * collections by slug, photos by file name), so a seed that was stopped carries on where it
 * was: M and L take hours. With `progressFile`, the upload timings and the seconds spent are
 * kept there between runs, and the report covers every run.
 */
export async function seedThroughRest(
  client: RestClient,
  data: Dataset,
  options: {
    concurrency: number;
    onProgress?: (done: number, total: number) => void;
    progressFile?: string;
    /** The install's SQLite database and media folder, where clones are written. */
    install?: { databaseFile: string; mediaDir: string };
  },
): Promise<SeedReport> {
  const timer = seedTimer(options.progressFile);
  const vocabulary = await vocabularyIds(client);
  const existing = await existingDocuments(client);
  const editions = await seedEditions(client, data, existing.editions);
  const uploaded = Math.min(data.spec.uploadPhotos ?? data.photos.length, data.photos.length);
  const total = data.artisans.length + uploaded + data.works.length;
  let done = 0;
  const tick = () => options.onProgress?.(++done, total);
  const artisans = await seedArtisans(client, data, existing.artisans, options.concurrency * 2, tick);
  const photos = photoUploader(client, data, existing.media, timer);
  await mapLimit(
    Array.from({ length: uploaded }, (_, index) => index),
    options.concurrency,
    async (index) => {
      await photos.upload(index);
      tick();
    },
  );
  if (uploaded < data.photos.length) await clonedPhotos(client, data, photos, uploaded, options.install);
  const ids = { ...vocabulary, editions, artisans };
  const worksByEdition = await seedWorks(client, data, { existing, ids, photos }, options.concurrency, tick);
  await seedShowcases(client, worksByEdition, editions, existing.showcases);
  timer.save();
  const seconds = timer.spent();
  const { uploads, largeUploads } = timer.progress;
  return {
    seconds,
    artisans: data.artisans.length,
    works: data.works.length,
    photos: photos.count(),
    uploaded,
    cloned: data.photos.length - uploaded,
    rowsPerSecond: (data.artisans.length + data.works.length) / seconds,
    photosPerSecond: uploaded / seconds,
    uploadMs: summarize(uploads),
    ...(largeUploads.length ? { largeUploadMs: summarize(largeUploads) } : {}),
  };
}

/** slug → id of each term of the vocabularies a work refers to. */
async function vocabularyIds(client: RestClient) {
  const [pieceTypes, materials, techniques] = await Promise.all([
    client.ids('piece-types'),
    client.ids('materials'),
    client.ids('techniques'),
  ]);
  return { pieceTypes, materials, techniques };
}

/** What the CMS holds already, from a seed that was stopped. */
async function existingDocuments(client: RestClient) {
  return {
    editions: await client.list<{ year: number }>('editions', ['year']),
    artisans: await client.ids('artisans'),
    media: await client.list<{ filename: string }>('media', ['filename']),
    works: await client.ids('works'),
    /** Works whose Kazakh title is missing: created, but stopped before their translations. */
    untranslated: new Set(
      (await client.list<{ slug: string; title: string | null }>('works', ['slug', 'title'], 'kk'))
        .filter((work) => !work.title)
        .map((work) => work.slug),
    ),
    showcases: await client.ids('showcases'),
  };
}
type Existing = Awaited<ReturnType<typeof existingDocuments>>;

/** Every edition of the dataset, the last one current; year → id. */
async function seedEditions(client: RestClient, data: Dataset, existing: Existing['editions']) {
  const editions = new Map<number, number>(existing.map((edition) => [edition.year, edition.id]));
  for (const [index, year] of data.spec.editions.entries()) {
    if (editions.has(year)) continue;
    const current = index === data.spec.editions.length - 1;
    const json = (await client.call('POST', '/api/editions?locale=en&depth=0', {
      year,
      title: `Almaty Jewelry Week ${year}`,
      stage: current ? 'current' : 'archived',
      _status: 'published',
    })) as { doc: { id: number } };
    editions.set(year, json.doc.id);
  }
  return editions;
}

/** Every artisan of the dataset; their ids, in dataset order. */
async function seedArtisans(
  client: RestClient,
  data: Dataset,
  existing: Existing['artisans'],
  concurrency: number,
  tick: () => void,
): Promise<number[]> {
  return mapLimit(data.artisans, concurrency, async (artisan) => {
    const known = existing.get(artisan.slug);
    if (known !== undefined) {
      tick();
      return known;
    }
    const json = (await client.call('POST', '/api/artisans?locale=en&depth=0', {
      name: artisan.name,
      slug: artisan.slug,
      country: artisan.country,
      city: artisan.city.en,
      _status: 'published',
    })) as { doc: { id: number } };
    tick();
    return json.doc.id;
  });
}

/**
 * Uploads the dataset's photos on demand, each once, whichever work asks first (works that
 * share it reuse its id), timing each upload; photos the CMS holds already are not sent again.
 */
function photoUploader(client: RestClient, data: Dataset, existing: Existing['media'], timer: SeedTimer) {
  const mediaIds = new Map(existing.map((photo) => [photo.filename, photo.id]));
  const uploaded = new Map<number, Promise<number>>();
  let sinceSaved = 0;
  const send = async (photo: BenchPhoto) => {
    const form = await photoForm(photo);
    const sent = performance.now();
    const json = (await client.call('POST', '/api/media?depth=0', form)) as { doc: { id: number } };
    const { progress } = timer;
    const timings = photo.width * photo.height > 20e6 ? progress.largeUploads : progress.uploads;
    timings.push(Math.round(performance.now() - sent));
    if (++sinceSaved >= 50) {
      sinceSaved = 0;
      timer.save();
    }
    return json.doc.id;
  };
  const upload = (index: number) => {
    let id = uploaded.get(index);
    if (!id) {
      const photo = data.photos[index] as BenchPhoto;
      const known = mediaIds.get(photo.name);
      id = known !== undefined ? Promise.resolve(known) : send(photo);
      uploaded.set(index, id);
    }
    return id;
  };
  /** The id the CMS holds for a photo of the dataset already, if any. */
  const held = (index: number) => mediaIds.get((data.photos[index] as BenchPhoto).name);
  /** A photo made another way (cloned): works take this id as if it had been uploaded. */
  const adopt = (index: number, id: number) => {
    mediaIds.set((data.photos[index] as BenchPhoto).name, id);
    uploaded.set(index, Promise.resolve(id));
  };
  return { upload, held, adopt, count: () => uploaded.size };
}

/**
 * Every photo after the first `sample`, cloned from an uploaded one of the same size (a
 * 24-megapixel original from one of those): see clonePhotos.ts for why. Checks that the CMS
 * serves the first clone, its record and its file, as it serves an upload.
 */
async function clonedPhotos(
  client: RestClient,
  data: Dataset,
  photos: ReturnType<typeof photoUploader>,
  sample: number,
  install: { databaseFile: string; mediaDir: string } | undefined,
) {
  if (!install) throw new Error('Cloning photos needs the install’s database and media folder');
  const sources = new Map<string, number[]>();
  for (let index = 0; index < sample; index++) {
    const photo = data.photos[index] as BenchPhoto;
    const size = `${photo.width}x${photo.height}`;
    sources.set(size, [...(sources.get(size) ?? []), await photos.upload(index)]);
  }
  const wanted = data.photos
    .map((photo, index) => ({ photo, index }))
    .filter(({ index }) => index >= sample && photos.held(index) === undefined);
  if (!wanted.length) return;
  const clones = wanted.map(({ photo, index }) => {
    const same = sources.get(`${photo.width}x${photo.height}`);
    if (!same?.length)
      throw new Error(`No uploaded ${photo.width}×${photo.height} photo to clone ${photo.name} from`);
    return { source: same[index % same.length] as number, filename: photo.name, alt: photo.alt };
  });
  const ids = clonePhotos(install.databaseFile, install.mediaDir, clones);
  for (const { photo, index } of wanted) {
    const id = ids.get(photo.name);
    if (id === undefined) throw new Error(`${photo.name} was not cloned`);
    photos.adopt(index, id);
  }
  await checkServed(client, ids.get(wanted[0]?.photo.name ?? '') as number, install.mediaDir);
}

/** The CMS answers for a photo with its record, and for its file with the bytes on disk. */
async function checkServed(client: RestClient, id: number, mediaDir: string) {
  const doc = (await client.call('GET', `/api/media/${id}?depth=0`)) as { filename: string; url: string };
  const file = await client.get(doc.url);
  const bytes = Buffer.from(await file.arrayBuffer());
  const onDisk = fs.readFileSync(path.join(mediaDir, doc.filename));
  if (!file.ok || !bytes.equals(onDisk)) {
    throw new Error(`The CMS does not serve cloned photo ${id} (${doc.url} answered ${file.status})`);
  }
}

type WorkIds = Awaited<ReturnType<typeof vocabularyIds>> & {
  editions: Map<number, number>;
  artisans: number[];
};

/** Every work with its photos, in three languages; each edition's works, in dataset order. */
async function seedWorks(
  client: RestClient,
  data: Dataset,
  seeded: { existing: Existing; ids: WorkIds; photos: ReturnType<typeof photoUploader> },
  concurrency: number,
  tick: () => void,
) {
  const { existing, ids, photos } = seeded;
  const worksByEdition = new Map<number, { index: number; id: number }[]>();
  await mapLimit(data.works, concurrency, async (work) => {
    const photoIds: number[] = [];
    for (const index of work.photos) photoIds.push(await photos.upload(index));
    const id = existing.works.get(work.slug) ?? (await createWork(client, work, photoIds, ids));
    const inEdition = worksByEdition.get(work.edition) ?? [];
    inEdition.push({ index: work.index, id });
    worksByEdition.set(work.edition, inEdition);
    if (!existing.works.has(work.slug) || existing.untranslated.has(work.slug)) {
      // As a curator does it: a draft, translated, then published with the Kazakh title last
      // (a work with its Kazakh title has all three). Each save of a published work would
      // check and version the whole work again.
      for (const locale of ['ru', 'kk'] as const) {
        await client.call('PATCH', `/api/works/${id}?locale=${locale}&depth=0`, {
          title: work.title[locale],
          _status: locale === 'kk' ? 'published' : 'draft',
        });
      }
    }
    tick();
  });
  return worksByEdition;
}

/** One work, in English, a draft until its translations are in; returns its id. */
async function createWork(client: RestClient, work: BenchWork, photoIds: number[], ids: WorkIds) {
  const created = (await client.call('POST', '/api/works?locale=en&depth=0', {
    title: work.title.en,
    slug: work.slug,
    artisans: work.artisans.map((index) => ids.artisans[index]),
    photos: photoIds,
    pieceType: ids.pieceTypes.get(work.pieceType),
    materials: work.materials.map((slug) => ids.materials.get(slug)).filter(Boolean),
    techniques: work.techniques.map((slug) => ids.techniques.get(slug)).filter(Boolean),
    year: { from: work.year },
    editions: [ids.editions.get(work.edition)],
    licence: 'all-rights-reserved',
    _status: 'draft',
  })) as { doc: { id: number } };
  return created.doc.id;
}

/** One collection (AJW showcase) per edition: its first 24 works, in dataset order. */
async function seedShowcases(
  client: RestClient,
  worksByEdition: Map<number, { index: number; id: number }[]>,
  editions: Map<number, number>,
  existing: Existing['showcases'],
) {
  for (const [year, works] of worksByEdition) {
    const slug = `bench-collection-${year}`;
    if (existing.has(slug)) continue;
    await client.call('POST', '/api/showcases?locale=en&depth=0', {
      title: `Collection ${year}`,
      slug,
      edition: editions.get(year),
      works: works
        .sort((a, b) => a.index - b.index)
        .slice(0, 24)
        .map((work) => work.id),
      _status: 'published',
    });
  }
}
