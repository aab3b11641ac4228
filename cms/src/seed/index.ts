import crypto from 'node:crypto';
import type { Payload } from 'payload';
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload';
import { enforceDeferred } from '../contract';
import { refreshMediaVisibility } from '../hooks/refreshMediaVisibility';
import { demoArtisans } from './demo/artisans';
import { demoEditions, demoVenues } from './demo/editions';
import { type DemoWork, demoWorks } from './demo/works';
import type { SeedOptions, SeedReport } from './types';
import { ensureVocabularies } from './vocabularies';
import { addOpeningHours, writeEditions, writeSettings, writeShowcases, writeVenues } from './writeEditions';
import { removeFiles, seedWriter } from './writer';
import { writeArtisans, writeWorks } from './writeWorks';

export { paragraphs } from './paragraphs';
export type { SeedOptions, SeedProgress, SeedReport } from './types';
export { ensureVocabularies } from './vocabularies';

export async function isDatabaseEmpty(payload: Payload): Promise<boolean> {
  const [artisans, works] = await Promise.all([
    payload.count({ collection: 'artisans', overrideAccess: true }),
    payload.count({ collection: 'works', overrideAccess: true }),
  ]);
  return artisans.totalDocs === 0 && works.totalDocs === 0;
}

/**
 * The demo used by `pnpm start`: twelve artisans, three editions of Almaty Jewelry Week with
 * their collections and venues, and sixty works with two to four photographs each, every text
 * in English, Russian and Kazakh. Photographs are drawn here (there is no internet).
 */
export async function seedDemo(payload: Payload, options: SeedOptions = {}): Promise<SeedReport> {
  const works = demoWorks();
  // One transaction for the whole demo: a seed that fails halfway leaves no records behind,
  // and the files it had written are removed, so the next start seeds again from scratch.
  const req = await createLocalReq({}, payload);
  await initTransaction(req);
  const w = seedWriter(payload, req, photoTotal(works), options);
  try {
    const vocab = await ensureVocabularies(payload, req);
    const venueIds = await writeVenues(w);
    const editionIds = await writeEditions(w, venueIds);
    await addOpeningHours(w, venueIds, editionIds);
    const artisanIds = await writeArtisans(w);
    const workIds = await writeWorks(w, works, { vocab, artisanIds, editionIds });
    const showcases = await writeShowcases(w, works, workIds, editionIds);
    await writeSettings(w, editionIds);
    await refreshMediaVisibility(req, w.mediaIds);
    await enforceDeferred(req);
    await commitTransaction(req);
    const drafts = works.filter((work) => work.draft).length;
    return {
      artisans: demoArtisans.length,
      works: works.length - drafts,
      drafts,
      photos: w.photos.done,
      editions: demoEditions.length,
      showcases,
      venues: demoVenues.length,
    };
  } catch (error) {
    await killTransaction(req);
    await removeFiles(w.writtenFiles);
    throw error;
  }
}

/** Every photograph the demo uploads: portraits, edition heroes and each work's views. */
const photoTotal = (works: DemoWork[]) =>
  demoArtisans.length + demoEditions.length + works.reduce((n, work) => n + work.views.length, 0);

/** The first admin account: a random password, returned once so the caller can show it. */
export async function ensureFirstAdmin(
  payload: Payload,
  email = 'admin@oyu.local',
): Promise<{ email: string; password: string } | null> {
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true });
  if (totalDocs > 0) return null;
  const password = crypto.randomBytes(15).toString('base64url');
  await payload.create({
    collection: 'users',
    data: { email, password, name: 'Administrator', roles: ['admin'] },
    overrideAccess: true,
  });
  return { email, password };
}
