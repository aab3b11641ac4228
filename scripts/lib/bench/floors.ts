import fs from 'node:fs/promises';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { drawPiece } from '@oyu/cms/seed/draw';
import { imageFormats, mapLimit, responsiveWidths } from '@oyu/shared-types';
import sharp, { type Sharp } from 'sharp';
import { type Summary, summarize } from './stats';

/**
 * The physical floors the benchmark compares Oyu with, measured on the same machine in the
 * same run: what the work would cost with nothing but the essential step.
 */

/** Every .html file under a folder, with its size. */
async function htmlFiles(dir: string): Promise<{ file: string; size: number }[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  const files: { file: string; size: number }[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.push({ file, size: (await fs.stat(file)).size });
  }
  return files;
}

/**
 * Writing the built site's HTML again, file for file and byte for byte, into a fresh folder:
 * the least any generator must do to produce these pages.
 */
export async function htmlWriteFloor(siteDir: string, scratch: string) {
  const files = await htmlFiles(siteDir);
  // Read a few at a time: L's 71,690 pages at once passed the limit of open files (EMFILE).
  const contents = await mapLimit(files, 16, (file) => fs.readFile(file.file));
  await fs.rm(scratch, { recursive: true, force: true });
  const started = performance.now();
  for (const [index, file] of files.entries()) {
    const target = path.join(scratch, path.relative(siteDir, file.file));
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, contents[index] as Buffer);
  }
  const ms = performance.now() - started;
  await fs.rm(scratch, { recursive: true, force: true });
  return { pages: files.length, bytes: files.reduce((sum, file) => sum + file.size, 0), ms };
}

/** The works list the site asks for (100 published works, by id), as one raw SQL query. */
export function sqlListFloor(databaseFile: string, runs = 200): Summary {
  const db = new DatabaseSync(databaseFile, { readOnly: true });
  try {
    const query = db.prepare(
      `SELECT w.*, l.title FROM works w LEFT JOIN works_locales l ON l._parent_id = w.id AND l._locale = 'en'
       WHERE w._status = 'published' ORDER BY w.id LIMIT 100 OFFSET ?`,
    );
    const times: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      query.all((run % 5) * 100);
      times.push(performance.now() - started);
    }
    return summarize(times);
  } finally {
    db.close();
  }
}

const encoders = {
  avif: (image: Sharp) => image.avif({ quality: 55, effort: 2 }),
  webp: (image: Sharp) => image.webp({ quality: 80 }),
  jpeg: (image: Sharp) => image.jpeg({ quality: 82, progressive: true }),
};

/**
 * One sharp encode of one photo at each format and width the CMS makes, with the CMS's
 * settings: the floor under a photo upload's derivation.
 */
export async function encodeFloor(size: { width: number; height: number }) {
  const photo = await drawPiece(
    'ring',
    { metal: 'silver', gem: '#2fa4a0', backdrop: ['#f3ede4', '#b9a58c'] },
    1,
    size,
  );
  const results: { format: string; width: number; ms: number; bytes: number }[] = [];
  let totalMs = 0;
  for (const format of [...imageFormats, 'jpeg' as const]) {
    const widths = format === 'jpeg' ? [1200] : responsiveWidths;
    for (const width of widths) {
      const started = performance.now();
      const out = await encoders[format](
        sharp(photo).resize({ width, fit: 'inside', withoutEnlargement: true }),
      ).toBuffer();
      const ms = performance.now() - started;
      totalMs += ms;
      results.push({ format, width, ms: Math.round(ms * 10) / 10, bytes: out.length });
    }
  }
  return { photo: size, encodes: results, totalMs: Math.round(totalMs) };
}
