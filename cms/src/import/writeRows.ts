import type { Catalogue } from './catalogue';
import { upsert, type Writer, written } from './documents';
import type { PlannedRows } from './fieldRules';
import { photoIds } from './photoUploads';
import type { NewTerms } from './terms';

/** Writes the new terms, then the artisans, then the works (which name both). */
export async function writeRows(w: Writer, rows: PlannedRows, catalogue: Catalogue, newTerms: NewTerms) {
  await createTerms(w, newTerms);
  const artisanIds = await writeArtisans(w, rows.artisans, catalogue);
  await writeWorks(
    w,
    rows.works,
    newTerms,
    (slug) => artisanIds.get(slug) ?? catalogue.existingArtisans.get(slug)?.id,
  );
}

async function createTerms(w: Writer, newTerms: NewTerms) {
  for (const entry of newTerms.byKey.values()) {
    const { collection, label, kind } = entry.term;
    const created = await w.payload.create({
      collection,
      locale: 'en',
      data: { label, needsTranslation: true, ...(kind ? { kind } : {}) } as never,
      ...w.options,
    });
    entry.id = created.id as number;
  }
}

/** The artisans, with their portraits; their ids by slug. */
async function writeArtisans(w: Writer, { file, plans }: PlannedRows['artisans'], catalogue: Catalogue) {
  const artisanIds = new Map<string, number>();
  for (const plan of plans) {
    const existing = catalogue.existingArtisans.get(plan.slug);
    const current = existing
      ? await w.payload.findByID({ collection: 'artisans', id: existing.id, draft: true, ...w.options })
      : undefined;
    const before = current?.portrait ? [current.portrait as number] : [];
    const portraitId = plan.portrait
      ? (await photoIds(w, [plan.portrait], before, String(plan.data.name)))[0]
      : undefined;
    if (portraitId) w.usedPhotos.push(portraitId);
    w.usedPhotos.push(...before);
    const result = await written(w, file, plan.row, 'artisans', () =>
      upsert(
        w,
        'artisans',
        plan.slug,
        { ...plan.data, ...(portraitId ? { portrait: portraitId } : {}) },
        plan.byLocale,
      ),
    );
    artisanIds.set(plan.slug, result.id);
    w.summary.artisans[result.created ? 'created' : 'updated'] += 1;
    w.step();
  }
  return artisanIds;
}

/** The works, with their photos, makers and terms. */
async function writeWorks(
  w: Writer,
  { file, plans }: PlannedRows['works'],
  newTerms: NewTerms,
  artisanId: (slug: string) => number | undefined,
) {
  for (const plan of plans) {
    const current = (
      await w.payload.find({
        collection: 'works',
        where: { slug: { equals: plan.slug } },
        draft: true,
        limit: 1,
        ...w.options,
      })
    ).docs[0];
    const before = (current?.photos as number[] | undefined) ?? [];
    const photos = await photoIds(w, plan.photos, before, String(plan.byLocale.en.title ?? plan.slug));
    const artisans = plan.makers.map(artisanId);
    const makerRoles = plan.roles.map(({ slug, role }) => ({ artisan: artisanId(slug), role }));
    w.usedPhotos.push(...photos, ...before);
    const result = await written(w, file, plan.row, 'works', () =>
      upsert(
        w,
        'works',
        plan.slug,
        { ...newTerms.withIds(plan.data), artisans, makerRoles, photos },
        plan.byLocale,
      ),
    );
    w.summary.works[result.created ? 'created' : 'updated'] += 1;
    w.step();
  }
}
