import type { Payload } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPayload } from '../helpers';

/** Editions over the years: opening a new one makes it current and archives the last. */
let payload: Payload;

beforeAll(async () => {
  payload = await testPayload();
});

afterAll(async () => {
  await payload.destroy();
});

const edition = (year: number, stage: 'upcoming' | 'current' | 'archived', status: 'draft' | 'published') =>
  payload.create({
    collection: 'editions',
    data: { year, title: `Almaty Jewelry Week ${year}`, stage, _status: status },
    draft: status === 'draft',
  });
const stageOf = async (id: number) =>
  (await payload.findByID({ collection: 'editions', id, depth: 0 })).stage;
const currentInSettings = async () => {
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0 });
  return typeof settings.currentEdition === 'object' ? settings.currentEdition?.id : settings.currentEdition;
};

describe('opening a new edition', () => {
  it('makes a published current edition the home page’s, and archives the one before', async () => {
    const y2025 = await edition(2025, 'current', 'published');
    expect(await currentInSettings()).toBe(y2025.id);
    const y2026 = await edition(2026, 'upcoming', 'published');
    expect(await stageOf(y2025.id)).toBe('current');
    await payload.update({ collection: 'editions', id: y2026.id, data: { stage: 'current' } });
    expect(await stageOf(y2026.id)).toBe('current');
    expect(await stageOf(y2025.id)).toBe('archived');
    expect(await currentInSettings()).toBe(y2026.id);
    // The archived edition is still published, so its pages stay on the site under its year.
    const archived = await payload.find({
      collection: 'editions',
      where: { year: { equals: 2025 } },
      overrideAccess: false,
    });
    expect(archived.docs.map((doc) => doc.stage)).toEqual(['archived']);
  });

  it('leaves everything as it is while the new edition is only a draft', async () => {
    const before = await currentInSettings();
    const draft = await edition(2027, 'current', 'draft');
    expect(await currentInSettings()).toBe(before);
    const current = await payload.find({
      collection: 'editions',
      where: { stage: { equals: 'current' } },
      depth: 0,
    });
    // The draft keeps its stage for when it is published; no published edition but 2026 is current.
    const published = current.docs.filter((doc) => doc._status === 'published');
    expect(published.map((doc) => doc.year)).toEqual([2026]);
    expect(draft.stage).toBe('current');
  });
});
