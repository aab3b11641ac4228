import path from 'node:path';
import type { S3Settings } from '@oyu/cms/media/s3-settings';
import { mediaStore } from '@oyu/cms/media/storage';
import type { Dialect } from './manifest';

/** Where a data folder keeps its database and photos. */
export type Install = {
  dataDir: string;
  /** A postgres:// URL, or undefined for the SQLite file in the data folder. */
  databaseUri: string | undefined;
  /** The photos, when not in the data folder's media/ (MEDIA_DIR). */
  mediaDir?: string | undefined;
  /** The photos' bucket, when they are kept in S3 (S3_BUCKET). */
  s3?: S3Settings | undefined;
};

/** The photos: in the archive under media/, in the install wherever it keeps them. */
export const photoStore = (install: Install) =>
  mediaStore({ mediaDir: install.mediaDir ?? path.join(install.dataDir, 'media'), s3: install.s3 });
export const mediaFolder = 'media';
/** Photos copied at once: a bucket answers each request after a round trip, a folder at once. */
export const transfers = 8;

/**
 * The folders a backup carries besides the database and the photos: the pages of frozen
 * editions (site/lib/archive.ts), which no later build can make again. Built sites are not
 * carried: a restored install rebuilds them.
 */
export const trees = (install: Install) => [
  { name: 'frozen', dir: path.join(install.dataDir, 'site', 'frozen') },
];
export const dialectOf = (install: Install): Dialect =>
  install.databaseUri?.startsWith('postgres') ? 'postgres' : 'sqlite';

export function sqliteFile(install: Install): string {
  const uri = install.databaseUri;
  return uri?.startsWith('file:')
    ? path.resolve(uri.slice('file:'.length))
    : path.join(install.dataDir, 'oyu.db');
}
