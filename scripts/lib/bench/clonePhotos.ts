import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';

/**
 * Photos made by copying one the CMS has already derived, at the database-row and file level:
 * a new row (new id, new file names for the original and every rendition, its own alt text)
 * and new files in the media folder beside the source's, hard-linked where the file system
 * allows and copied where not. To the CMS and the site a clone is a photo like any other.
 *
 * Why: the benchmark's M size has 20,000 distinct photos, and uploading each through the REST
 * API is the CMS encoding every rendition of it, about six hours on two cores. The seed uploads
 * a sample (whose upload timings the report shows) and clones the rest from it, so the site
 * still has 20,000 photos with files of their own to list, copy and serve.
 */
export type PhotoClone = {
  /** The uploaded photo to copy, by id. */
  source: number;
  /** The clone's file name, e.g. `bench-work-300-2.jpg`: its renditions are named after it. */
  filename: string;
  /** Its alt text, in every language the source has one in. */
  alt: string;
};

type Row = Record<string, SQLInputValue>;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const baseName = (filename: string) => filename.replace(/\.[^.]+$/, '');

/**
 * Writes every clone's rows in one transaction on the install's SQLite database (the CMS may
 * be running: it waits for the CMS's writes, as a second process would), after linking the
 * files. Returns file name → new id.
 */
export function clonePhotos(
  databaseFile: string,
  mediaDir: string,
  clones: PhotoClone[],
): Map<string, number> {
  const db = new DatabaseSync(databaseFile);
  try {
    db.exec('PRAGMA busy_timeout = 60000');
    const sources = readSources(db, [...new Set(clones.map((clone) => clone.source))]);
    const made = clones.map((clone) => {
      const source = sources.get(clone.source);
      if (!source) throw new Error(`No photo ${clone.source} to clone ${clone.filename} from`);
      return { clone, ...cloneOf(source.row, clone.filename), locales: source.locales };
    });
    // Files first: a clone's row never names a file that is not there.
    for (const { files } of made) linkFiles(mediaDir, files);
    const ids = new Map<string, number>();
    db.exec('BEGIN IMMEDIATE');
    try {
      const now = new Date().toISOString();
      for (const { clone, row, locales } of made) {
        const id = insert(db, 'media', { ...row, is_public: 0, created_at: now, updated_at: now });
        for (const locale of locales)
          insert(db, 'media_locales', { ...locale, alt: clone.alt, _parent_id: id });
        ids.set(clone.filename, id);
      }
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
    return ids;
  } finally {
    db.close();
  }
}

/** Each source's row and its language rows, without their ids. */
function readSources(db: DatabaseSync, ids: number[]) {
  const rows = db.prepare('SELECT * FROM media WHERE id = ?');
  const locales = db.prepare('SELECT * FROM media_locales WHERE _parent_id = ?');
  return new Map(
    ids.map((id) => {
      const row = rows.get(id) as Row | undefined;
      if (!row) return [id, undefined] as const;
      const { id: _, ...fields } = row;
      const languages = (locales.all(id) as Row[]).map(({ id: __, _parent_id: ___, ...locale }) => locale);
      return [id, { row: fields, locales: languages }] as const;
    }),
  );
}

/**
 * The source's row with its file names (original, renditions, their URLs and the renditions
 * summary) renamed after `filename`, and the files to make: source name → clone name.
 */
function cloneOf(row: Row, filename: string) {
  const from = baseName(String(row.filename));
  const to = baseName(filename);
  // A file name is the base followed by "-<width>x<height>" or the extension.
  const rename = (value: string) => value.replace(new RegExp(`${escapeRegExp(from)}(?=[-.])`, 'g'), to);
  const cloned: Row = {};
  for (const [column, value] of Object.entries(row)) {
    cloned[column] = typeof value === 'string' && value.includes(from) ? rename(value) : value;
  }
  const files = Object.entries(row)
    .filter(([column, value]) => /(^|_)filename$/.test(column) && typeof value === 'string' && value)
    .map(([, value]) => [String(value), rename(String(value))] as const);
  return { row: cloned, files };
}

/** Each file under its new name: a hard link (no copy of the bytes), else a copy. */
function linkFiles(mediaDir: string, files: (readonly [string, string])[]) {
  for (const [from, to] of files) {
    const source = path.join(mediaDir, from);
    const target = path.join(mediaDir, to);
    // Left by a clone that was stopped before its rows were written.
    fs.rmSync(target, { force: true });
    try {
      fs.linkSync(source, target);
    } catch {
      fs.copyFileSync(source, target);
    }
  }
}

/** Inserts, preparing each statement once: tens of thousands of rows at M. */
const statements = new WeakMap<DatabaseSync, Map<string, StatementSync>>();

function insert(db: DatabaseSync, table: string, row: Row): number {
  const columns = Object.keys(row);
  const quoted = columns.map((column) => `"${column.replaceAll('"', '""')}"`).join(', ');
  const sql = `INSERT INTO "${table}" (${quoted}) VALUES (${columns.map(() => '?').join(', ')})`;
  const prepared = statements.get(db) ?? new Map<string, StatementSync>();
  statements.set(db, prepared);
  const statement = prepared.get(sql) ?? db.prepare(sql);
  prepared.set(sql, statement);
  return Number(statement.run(...columns.map((column) => row[column] ?? null)).lastInsertRowid);
}
