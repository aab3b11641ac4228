import type { Locale } from '@oyu/shared-types';
import { locales } from '@oyu/shared-types';
import { type Payload, type PayloadRequest, ValidationError } from 'payload';
import { type BatchWriteOptions, batchWriteOptions } from '../batchWrites';
import { env } from '../env';
import { type MediaStore, mediaStore } from '../media/storage';
import { columnOf } from './columns';
import type { ImportInput, ImportSummary, Problem, Row } from './types';

const otherLocales = locales.filter((locale) => locale !== 'en');

/** The import's writing state: what it wrote so far, and what a rollback must undo. */
export type Writer = {
  payload: Payload;
  options: BatchWriteOptions;
  store: MediaStore;
  summary: ImportSummary;
  problems: Problem[];
  /** Files of the photos uploaded: a rollback removes them. */
  writtenFiles: string[];
  /** Photos uploaded, and photos the rows name or named before: their visibility may change. */
  mediaIds: number[];
  usedPhotos: number[];
  /** Which row wrote each document, for the contract's refusals. */
  rowOf: Map<string, { file: string; row: Row }>;
  /** One row more written. */
  step: () => void;
};

export function newWriter(
  payload: Payload,
  req: PayloadRequest,
  summary: ImportSummary,
  problems: Problem[],
  onProgress: ImportInput['onProgress'],
): Writer {
  let done = 0;
  return {
    payload,
    options: batchWriteOptions(req),
    store: mediaStore(env),
    summary,
    problems,
    writtenFiles: [],
    mediaIds: [],
    usedPhotos: [],
    rowOf: new Map(),
    step: () => onProgress?.(++done, summary.rows),
  };
}

/** Creates or updates one document, English first, then each other language. */
export async function upsert(
  w: Writer,
  collection: 'artisans' | 'works',
  slug: string,
  data: Record<string, unknown>,
  byLocale: Record<Locale, Record<string, unknown>>,
) {
  const { payload, options } = w;
  const existing = (
    await payload.find({ collection, where: { slug: { equals: slug } }, draft: true, limit: 1, ...options })
  ).docs[0];
  const write = async (locale: Locale, id?: number) => {
    const values = {
      ...(locale === 'en' ? data : { _status: data._status }),
      ...byLocale[locale],
    } as never;
    const draft = data._status === 'draft';
    return id
      ? payload.update({ collection, id, data: values, locale, draft, ...options })
      : payload.create({ collection, data: values, locale, draft, ...options });
  };
  const doc = await write('en', existing?.id as number | undefined);
  for (const locale of otherLocales)
    if (Object.keys(byLocale[locale]).length) await write(locale, doc.id as number);
  return { id: doc.id as number, created: !existing };
}

/**
 * One row's write. Payload's own validation refusing it becomes that row's problem; the
 * transaction is gone with it, so the import stops there and writes nothing.
 */
export async function written(
  w: Writer,
  file: string,
  row: Row,
  collection: 'artisans' | 'works',
  write: () => Promise<{ id: number; created: boolean }>,
) {
  try {
    const result = await write();
    w.rowOf.set(`${collection}:${result.id}`, { file, row });
    return result;
  } catch (error) {
    const fieldErrors = (error as { data?: { errors?: { path?: string; message: string }[] } }).data?.errors;
    if (!(error instanceof ValidationError) || !fieldErrors?.length) throw error;
    for (const fieldError of fieldErrors) {
      w.problems.push({
        file,
        row: row.line,
        column: columnOf(collection, fieldError.path ?? ''),
        message: fieldError.message,
      });
    }
    throw error;
  }
}
