import { type Locale, locales } from '@oyu/shared-types';
import type { CollectionSlug, Payload, PayloadRequest } from 'payload';
import { type BatchWriteOptions, batchWriteOptions, uploadedFiles } from '../batchWrites';
import { mediaStore } from '../media/storage';
import type { SeedOptions } from './types';

export type Localized = Record<Locale, string>;
const otherLocales = locales.filter((locale) => locale !== 'en');

/** The seed's writing state: what it wrote so far, and what a rollback must undo. */
export type SeedWriter = {
  payload: Payload;
  options: BatchWriteOptions;
  /** Width and height of the work photographs. */
  photoSize: { width: number; height: number };
  /** Files of the photos uploaded: a rollback removes them. */
  writtenFiles: string[];
  /** Photos uploaded: their visibility is computed at the end. */
  mediaIds: number[];
  photos: { done: number; total: number };
  onProgress: SeedOptions['onProgress'];
};

export function seedWriter(
  payload: Payload,
  req: PayloadRequest,
  photoTotal: number,
  options: SeedOptions,
): SeedWriter {
  return {
    payload,
    options: batchWriteOptions(req),
    photoSize: options.photoSize ?? { width: 1200, height: 900 },
    writtenFiles: [],
    mediaIds: [],
    photos: { done: 0, total: photoTotal },
    onProgress: options.onProgress,
  };
}

/** Creates in English, then fills the other languages. */
export async function createLocalized<T extends CollectionSlug>(
  w: SeedWriter,
  collection: T,
  data: Record<string, unknown>,
  localized: (locale: Locale) => Record<string, unknown>,
  draft = false,
): Promise<number> {
  const doc = await w.payload.create({
    collection,
    data: { ...data, ...localized('en') } as never,
    locale: 'en',
    draft,
    ...w.options,
  });
  for (const locale of otherLocales) {
    await w.payload.update({
      collection,
      id: doc.id,
      data: { ...localized(locale), ...('_status' in data ? { _status: data._status } : {}) } as never,
      locale,
      draft,
      ...w.options,
    });
  }
  return doc.id as number;
}

/** Uploads a drawn photograph with its alt text (and caption) in every language. */
export async function upload(
  w: SeedWriter,
  data: Buffer,
  name: string,
  alt: Localized,
  caption?: Localized,
): Promise<number> {
  const doc = await w.payload.create({
    collection: 'media',
    data: { alt: alt.en, ...(caption ? { caption: caption.en } : {}), credit: 'Photo: Oyu demo' },
    file: { data, mimetype: 'image/jpeg', name, size: data.length },
    locale: 'en',
    ...w.options,
  });
  w.writtenFiles.push(...uploadedFiles(doc));
  for (const locale of otherLocales) {
    await w.payload.update({
      collection: 'media',
      id: doc.id,
      data: { alt: alt[locale], ...(caption ? { caption: caption[locale] } : {}) },
      locale,
      ...w.options,
    });
  }
  w.photos.done += 1;
  w.mediaIds.push(doc.id);
  w.onProgress?.({ step: name, done: w.photos.done, total: w.photos.total });
  return doc.id;
}

/** What cannot be removed now, the next sweep removes (media/orphans.ts). */
export async function removeFiles(filenames: string[]) {
  // Read on use: importing the seed must not need the CMS environment (scripts/lib/database.ts).
  const { env } = await import('../env');
  await mediaStore(env)
    .remove(filenames.filter(Boolean))
    .catch(() => undefined);
}
