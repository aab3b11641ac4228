import type { Locale, MakerRole } from '@oyu/shared-types';

export type Problem = { file: string; row: number; column: string; message: string };
export type ImportSummary = {
  /** Vocabulary terms the import creates (with `createTerms`), or would create in a dry run. */
  terms: NewTerm[];
  artisans: { created: number; updated: number };
  works: { created: number; updated: number };
  photos: { uploaded: number; reused: number };
  rows: number;
};
export type NewTerm = {
  collection: 'materials' | 'techniques' | 'piece-types';
  label: string;
  kind?: string;
};
export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; problems: Problem[] };

export type ImportInput = {
  /** Artisans CSV: its name (for messages) and text. */
  artisans?: { name: string; text: string } | undefined;
  works?: { name: string; text: string } | undefined;
  /** Folder the `photos` and `portrait` columns name files in. */
  photosDir?: string | undefined;
  dryRun?: boolean;
  /**
   * Unknown materials, gemstones, techniques and piece types become new terms with the English
   * label and "needs translation", instead of being problems.
   */
  createTerms?: boolean;
  /** The language of the problems the CMS itself finds (en by default). */
  language?: Locale;
  onProgress?: (done: number, total: number) => void;
};

export type Row = { line: number; values: Record<string, string> };

/** A row's problem at one of its columns. */
export type Say = (column: string, message: string) => void;

/** Problems of one file's rows, in the order they are found. */
export const problemsOf =
  (problems: Problem[], file: string) =>
  (row: Row): Say =>
  (column, message) =>
    problems.push({ file, row: row.line, column, message });

/** What one spreadsheet row writes: fields in English, and each language's own fields. */
type Plan = {
  row: Row;
  slug: string;
  data: Record<string, unknown>;
  byLocale: Record<Locale, Record<string, unknown>>;
};
export type ArtisanPlan = Plan & { portrait?: string };
export type WorkPlan = Plan & {
  photos: string[];
  makers: string[];
  roles: { slug: string; role: MakerRole }[];
};
