import { createLocalReq, type Payload } from 'payload';
import { checkArtisanRows } from './artisanRows';
import { type Catalogue, readCatalogue } from './catalogue';
import { readCsv } from './csv';
import { checkRowRules, type PlannedRows } from './fieldRules';
import { photoFinder } from './photoFiles';
import { NewTerms } from './terms';
import type { ImportInput, ImportResult, ImportSummary, Problem, Row } from './types';
import { checkWorkRows } from './workRows';
import { writeImport } from './write';

export { columnOf } from './columns';
export { readCsv } from './csv';
export { parseMaker } from './makers';
export type { ImportInput, ImportResult, ImportSummary, NewTerm, Problem } from './types';

/**
 * Spreadsheet import of artisans and works (docs/import.md): every row is checked first, and
 * any problem is reported by file, row and column without writing anything. Only a clean
 * import writes, in one transaction: all rows or none. Rows are matched to existing documents
 * by slug, so running the same import again updates them and never duplicates; photos are
 * matched by content, so an unchanged photo is not uploaded twice.
 */
export async function importSpreadsheets(payload: Payload, input: ImportInput): Promise<ImportResult> {
  const problems: Problem[] = [];
  const files = readFiles(input, problems);
  const req = await createLocalReq({}, payload);
  const catalogue = await readCatalogue(payload, req);
  const newTerms = new NewTerms();
  const rows = await checkRows(files, catalogue, input, newTerms, problems);
  await checkRowRules(req, rows, problems);
  if (problems.length) return { ok: false, problems };

  const summary = emptySummary(newTerms, rows.artisans.plans.length + rows.works.plans.length);
  if (input.dryRun) return { ok: true, summary };
  return writeImport(payload, req, { rows, catalogue, newTerms, input }, summary, problems);
}

type File = { name: string; rows: Row[] };

/** Both spreadsheets' rows; a file that cannot be read is a problem and has none. */
function readFiles(input: ImportInput, problems: Problem[]): { artisans: File; works: File } {
  const read = (file: { name: string; text: string } | undefined, fallback: string) => {
    const csv = file && readCsv(file.name, file.text);
    return { name: file?.name ?? fallback, rows: csv?.rows ?? [], problems: csv?.problems ?? [] };
  };
  const artisans = read(input.artisans, 'artisans.csv');
  const works = read(input.works, 'works.csv');
  problems.push(...artisans.problems, ...works.problems);
  return { artisans, works };
}

/** Every row checked against the catalogue, and what each would write. */
async function checkRows(
  files: { artisans: File; works: File },
  catalogue: Catalogue,
  input: ImportInput,
  newTerms: NewTerms,
  problems: Problem[],
): Promise<PlannedRows> {
  const findPhoto = photoFinder(input.photosDir);
  const { artisans, works } = files;
  const checked = await checkArtisanRows(artisans.name, artisans.rows, catalogue, findPhoto, problems);
  const work = {
    catalogue,
    artisans: checked.imported,
    findPhoto,
    newTerms: input.createTerms ? newTerms : undefined,
  };
  return {
    artisans: { file: artisans.name, plans: checked.plans },
    works: { file: works.name, plans: await checkWorkRows(works.name, works.rows, work, problems) },
  };
}

function emptySummary(newTerms: NewTerms, rows: number): ImportSummary {
  return {
    terms: newTerms.terms,
    artisans: { created: 0, updated: 0 },
    works: { created: 0, updated: 0 },
    photos: { uploaded: 0, reused: 0 },
    rows,
  };
}
