import { APIError, type CollectionBeforeChangeHook } from 'payload';
import { messageLocale } from '../contract/messages';
import { hasRole } from './roles';

/**
 * A curator may use a photo they uploaded, or one that is public already, but not another
 * curator's private photo: curators may see every photo (to choose among them), and publishing
 * a work that used B's unpublished photo made B's file public. A photo a document already had
 * stays (a work of an assigned edition keeps its photos), and so may photos the import or
 * the seed brought, which have no owner. Organisers and admins decide what is
 * public anyway. Checked at every save, drafts too, before anything is written.
 */
const photoFields: Record<string, string> = { works: 'photos', artisans: 'portrait' };

const idsOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value])
    .map((ref) => (ref && typeof ref === 'object' ? (ref as { id?: unknown }).id : ref))
    .filter((id) => typeof id === 'number' || (typeof id === 'string' && id !== ''))
    .map(String);

const texts = {
  en: (names: string) =>
    `${names}: another curator's photo that is not public yet. Upload your own, or ask them or an organiser to publish it first.`,
  ru: (names: string) =>
    `${names}: фото другого куратора, ещё не опубликованное. Загрузите своё или попросите автора фото либо организатора сначала опубликовать его.`,
  kk: (names: string) =>
    `${names}: басқа куратордың әлі жарияланбаған суреті. Өз суретіңізді жүктеңіз немесе алдымен оны жариялауды авторынан не ұйымдастырушыдан сұраңыз.`,
};

export const refuseOthersPrivatePhotos: CollectionBeforeChangeHook = async ({
  collection,
  data,
  originalDoc,
  req,
}) => {
  const field = photoFields[collection.slug];
  const { user } = req;
  if (!field || !user || hasRole(user, 'admin', 'organiser') || !(field in data)) return data;
  const had = new Set(idsOf(originalDoc?.[field]));
  const added = idsOf(data[field]).filter((id) => !had.has(id));
  if (!added.length) return data;
  const { docs } = await req.payload.find({
    collection: 'media',
    where: { id: { in: added } },
    depth: 0,
    limit: added.length,
    pagination: false,
    overrideAccess: true,
    select: { filename: true, isPublic: true, createdBy: true },
  });
  const refused = docs.filter((photo) => {
    const owner = typeof photo.createdBy === 'object' ? photo.createdBy?.id : photo.createdBy;
    // Photos with no owner came from the import or the seed, which staff ran for everyone.
    return !photo.isPublic && owner !== null && owner !== undefined && String(owner) !== String(user.id);
  });
  if (!refused.length) return data;
  const names = refused.map((photo) => photo.filename ?? `#${photo.id}`).join(', ');
  throw new APIError(texts[messageLocale(req.i18n?.language)](names), 403);
};
