import fs from 'node:fs/promises';
import path from 'node:path';
import { photoTypeOf } from '../media/storage';
import type { Say } from './types';

/** Finds the photos cells name, in the folder given (or says there is none). */
export type PhotoFinder = (name: string, column: string, at: Say) => Promise<string | undefined>;

/** A photo named in a cell: it must be a plain file name in the photos folder. */
export function photoFinder(folder: string | undefined): PhotoFinder {
  const photosDir = folder && path.resolve(folder);
  return async (name, column, at) => {
    const say = (message: string) => {
      at(column, message);
      return undefined;
    };
    if (!photosDir) return say('names a photo, but no photo folder was given (--photos <folder>)');
    if (path.basename(name) !== name || name.startsWith('.'))
      return say(`"${name}" is not a plain file name`);
    if (!photoTypeOf(name)) return say(`"${name}" is not a JPEG, PNG, WebP or AVIF file`);
    const full = path.join(photosDir, name);
    const stat = await fs.stat(full).catch(() => null);
    if (!stat?.isFile()) return say(`"${name}" is not in ${photosDir}`);
    return full;
  };
}
