import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  colours,
  disciplines,
  findCountry,
  type Locale,
  licences,
  locales,
  type MakerRole,
  makerRoleCodes,
  makerRoles,
  parseDate,
} from '@oyu/shared-types';
import { parse } from 'csv-parse/sync';
import {
  type CollectionSlug,
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
  ValidationError,
} from 'payload';
import { checkDeferred, deferPublishContract } from '../contract';
import { env } from '../env';
import { slugify } from '../fields/slugify';
import { refreshMediaVisibility } from '../hooks/refreshMediaVisibility';
import { registerMediaWriter, sweepOrphanFiles } from '../media/orphans';
import { mediaStore, photoTypeOf } from '../media/storage';
import { paragraphs } from '../seed';
import { checkFieldRules } from './fieldRules';

/**
 * Spreadsheet import of artisans and works (docs/import.md): every row is checked first, and
 * any problem is reported by file, row and column without writing anything. Only a clean
 * import writes, in one transaction: all rows or none. Rows are matched to existing documents
 * by slug, so running the same import again updates them and never duplicates; photos are
 * matched by content, so an unchanged photo is not uploaded twice.
 */

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

type Row = { line: number; values: Record<string, string> };
const otherLocales = locales.filter((locale) => locale !== 'en');
const list = (value: string | undefined) =>
  (value ?? '')
    .split(';')
    .map((item) => item.trim())
    .filter(Boolean);
const norm = (value: string) => value.trim().toLocaleLowerCase('ru').replace(/\s+/g, ' ');

/** Roles by their code and their words in each language, and a few a catalogue writes. */
const roleByWord = (() => {
  const map = new Map<string, MakerRole>();
  for (const code of makerRoleCodes) {
    map.set(norm(code), code);
    for (const label of Object.values(makerRoles[code]) as string[]) map.set(norm(label), code);
  }
  for (const [word, code] of Object.entries({
    design: 'designer',
    'designed by': 'designer',
    'made by': 'manufacturer',
    'manufactured by': 'manufacturer',
    maker: 'maker',
    производитель: 'manufacturer',
    мастер: 'maker',
    шебер: 'maker',
    attributed: 'attributed-to',
  } as const))
    map.set(norm(word), code);
  return map;
})();

/**
 * One maker of an `artisans` cell and how they are credited: "Louis Comfort Tiffany
 * (designer)", "Tiffany Studios (manufacturer)", "attributed to Fabergé". A bracket that names
 * no role stays part of the name.
 */
export function parseMaker(cell: string): { name: string; role?: MakerRole } {
  const bracket = cell.match(/^(.*?)\s*\(([^()]+)\)\s*$/);
  const role = bracket && roleByWord.get(norm(bracket[2] ?? ''));
  if (bracket && role) return { name: (bracket[1] ?? '').trim(), role };
  const prefix = cell.match(/^(attributed to|приписывается|телінеді)\s+(.+)$/i);
  if (prefix) return { name: (prefix[2] ?? '').trim(), role: 'attributed-to' };
  return { name: cell.trim() };
}

/** A year cell: a whole number or nothing. Which years a field takes is the collection's rule. */
function yearCell(cell: string | undefined, problem: (message: string) => void): number | undefined {
  if (!cell) return undefined;
  const year = Number(cell.replace(/\s/g, ''));
  if (Number.isInteger(year)) return year;
  problem(
    `"${cell}" is not a year: write it in figures, e.g. 1890 (negative for BC); put "c. 1890" or "early 20th century" in the date column`,
  );
  return undefined;
}

const yes = new Set(['yes', 'y', 'true', '1', 'x', 'c', 'ca', 'circa', 'да', 'д', 'иә', 'и']);
const no = new Set(['no', 'n', 'false', '0', 'нет', 'н', 'жоқ', 'ж']);

/**
 * The date columns: `date` (`date.ru`, `date.kk`) as the catalogue words it, `year_from` and
 * `year_to`, `circa`. Without years, they are read from the English words ("c. 1890" is 1890,
 * approximate); years that are given win.
 */
function dateCells(
  v: Record<string, string>,
  problem: (column: string, message: string) => void,
): { year: Record<string, unknown>; display: Partial<Record<Locale, string>> } {
  const display: Partial<Record<Locale, string>> = {
    en: v.date || v['date.en'] || undefined,
    ru: v['date.ru'] || undefined,
    kk: v['date.kk'] || undefined,
  };
  let from = yearCell(v.year_from, (message) => problem('year_from', message));
  let to = yearCell(v.year_to, (message) => problem('year_to', message));
  const circaCell = norm(v.circa ?? '');
  let circa = yes.has(circaCell) ? true : no.has(circaCell) || !circaCell ? undefined : null;
  if (circa === null) {
    problem('circa', `"${v.circa}" is neither yes nor no`);
    circa = undefined;
  }
  const source = display.en ?? display.ru ?? display.kk;
  if (from === undefined && to === undefined && source && !v.year_from && !v.year_to) {
    const read = parseDate(source);
    if (read) {
      from = read.from;
      to = read.to !== read.from ? read.to : undefined;
      circa ??= read.circa || undefined;
    }
  }
  return { year: { display: display.en, from, to, circa }, display };
}

/** The spreadsheet column of a collection's field, for problems found by the CMS. */
const columnsByField: Record<string, Record<string, string>> = {
  artisans: { birthYear: 'birth_year', deathYear: 'death_year', city: 'city', bio: 'bio.en' },
  works: {
    title: 'title.en',
    description: 'description.en',
    pieceType: 'piece_type',
    creditLine: 'credit_line',
    rightsHolder: 'rights_holder',
    editionType: 'edition_type',
    editionSize: 'edition_size',
    weightGrams: 'weight_g',
    year: 'year_from',
  },
};
const columnsByPath: Record<string, string> = {
  'dimensions.heightMm': 'height_mm',
  'dimensions.widthMm': 'width_mm',
  'dimensions.depthMm': 'depth_mm',
  'dimensions.diameterMm': 'diameter_mm',
  'year.from': 'year_from',
  'year.to': 'year_to',
  'year.circa': 'circa',
  'year.display': 'date',
};
export function columnOf(collection: string, path: string): string {
  if (columnsByPath[path]) return columnsByPath[path];
  const field = path.split('.')[0] ?? '';
  if (field === '_status') return 'status';
  return columnsByField[collection]?.[field] ?? field;
}

/** Reads a CSV with a header row; a byte-order mark and `\r\n` are fine. */
export function readCsv(name: string, text: string): { rows: Row[]; problems: Problem[] } {
  try {
    const records = parse(text, {
      bom: true,
      relax_column_count: false,
      skip_empty_lines: true,
      info: true,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    const [header, ...rest] = records;
    if (!header)
      return { rows: [], problems: [{ file: name, row: 1, column: '', message: 'the file is empty' }] };
    const columns = header.record.map((column) => column.trim());
    return {
      // Rows as a spreadsheet numbers them: the header is row 1, and a cell over several lines
      // is still one row.
      rows: rest.map(({ record }, index) => ({
        line: index + 2,
        values: Object.fromEntries(columns.map((column, i) => [column, (record[i] ?? '').trim()])),
      })),
      problems: [],
    };
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    return {
      rows: [],
      problems: [
        { file: name, row: line, column: '', message: `cannot be read as CSV: ${(error as Error).message}` },
      ],
    };
  }
}

/** Labels in every language and codes of a fixed list, mapped to its codes. */
function fixedList(labels: Record<string, Record<Locale, string>>) {
  const map = new Map<string, string>();
  for (const [code, byLocale] of Object.entries(labels)) {
    map.set(norm(code), code);
    for (const label of Object.values(byLocale)) map.set(norm(label), code);
  }
  return map;
}

/** Vocabulary terms of a collection, by slug and by label in every language. */
async function vocabulary(payload: Payload, collection: CollectionSlug, req: PayloadRequest) {
  const found = await payload.find({
    collection,
    locale: 'all',
    limit: 0,
    depth: 0,
    overrideAccess: true,
    req,
  });
  const map = new Map<string, { id: number; kind?: string }>();
  for (const doc of found.docs as unknown as {
    id: number;
    slug: string;
    label: Record<string, string>;
    kind?: string;
  }[]) {
    const entry = { id: doc.id, ...(doc.kind ? { kind: doc.kind } : {}) };
    map.set(norm(doc.slug), entry);
    for (const label of Object.values(doc.label ?? {})) if (label) map.set(norm(label), entry);
  }
  return map;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

export async function importSpreadsheets(payload: Payload, input: ImportInput): Promise<ImportResult> {
  const problems: Problem[] = [];
  const artisanFileName = input.artisans?.name ?? 'artisans.csv';
  const workFileName = input.works?.name ?? 'works.csv';
  const artisanFile = input.artisans && readCsv(input.artisans.name, input.artisans.text);
  const workFile = input.works && readCsv(input.works.name, input.works.text);
  problems.push(...(artisanFile?.problems ?? []), ...(workFile?.problems ?? []));
  const req = await createLocalReq({}, payload);
  // Photo visibility is computed once at the end, and the publishing contract checked after it
  // (contract/index.ts): its refusals are reported by row like any other problem.
  const common = {
    req,
    overrideAccess: true,
    depth: 0,
    context: { skipMediaVisibility: true, ...deferPublishContract() },
  } as const;

  const [materials, techniques, pieceTypes] = await Promise.all([
    vocabulary(payload, 'materials', req),
    vocabulary(payload, 'techniques', req),
    vocabulary(payload, 'piece-types', req),
  ]);
  const disciplineCodes = fixedList(disciplines);
  const colourCodes = fixedList(colours);
  const licenceCodes = fixedList(licences);
  const editions = new Map(
    (
      await payload.find({
        collection: 'editions',
        limit: 0,
        depth: 0,
        draft: true,
        overrideAccess: true,
        req,
      })
    ).docs.map((edition) => [String(edition.year), edition.id as number]),
  );
  const existingArtisans = new Map(
    (
      await payload.find({
        collection: 'artisans',
        limit: 0,
        depth: 0,
        draft: true,
        overrideAccess: true,
        req,
      })
    ).docs.map((artisan) => [
      artisan.slug as string,
      { id: artisan.id as number, name: artisan.name as string },
    ]),
  );

  const photosDir = input.photosDir && path.resolve(input.photosDir);
  /** A photo named in a cell: it must be a plain file name in the photos folder. */
  const photoFile = async (file: string, name: string, row: Row, column: string) => {
    const say = (message: string) => {
      problems.push({ file, row: row.line, column, message });
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
  const problemAt = (fileName: string, row: Row, column: string, message: string) =>
    problems.push({ file: fileName, row: row.line, column, message });

  /* ---------------------------------------------------------------- artisans: check */
  type ArtisanPlan = {
    row: Row;
    slug: string;
    data: Record<string, unknown>;
    byLocale: Record<Locale, Record<string, unknown>>;
    portrait?: string;
  };
  const artisanPlans: ArtisanPlan[] = [];
  const importedArtisans = new Map<string, string>();
  if (artisanFile && input.artisans) {
    const file = input.artisans.name;
    const columns = new Set(Object.keys(artisanFile.rows[0]?.values ?? {}));
    if (artisanFile.rows.length && !columns.has('name'))
      problemAt(file, { line: 1, values: {} }, 'name', 'the column "name" is missing');
    const seen = new Map<string, number>();
    for (const row of artisanFile.rows) {
      const v = row.values;
      const at = (column: string, message: string) => problemAt(file, row, column, message);
      if (!v.name) at('name', 'is empty: every artisan needs a name');
      const slug = v.slug || slugify(v.name ?? '');
      if (slug && seen.has(slug)) at('slug', `"${slug}" is used by row ${seen.get(slug)} too`);
      seen.set(slug, row.line);
      const country = findCountry(v.country ?? '');
      if (!country)
        at(
          'country',
          `"${v.country ?? ''}" is not a country: use an ISO code such as KZ or US, or a name in English, Russian or Kazakh such as Kazakhstan`,
        );
      const codes = list(v.disciplines).map((label) => {
        const code = disciplineCodes.get(norm(label));
        if (!code)
          at('disciplines', `"${label}" is not a discipline (${Object.keys(disciplines).join(', ')})`);
        return code;
      });
      const birthYear = yearCell(v.birth_year, (message) => at('birth_year', message));
      const deathYear = yearCell(v.death_year, (message) => at('death_year', message));
      const status = v.status || 'draft';
      if (!['draft', 'published'].includes(status)) at('status', `"${status}" must be draft or published`);
      let portrait: string | undefined;
      if (v.portrait) portrait = await photoFile(file, v.portrait, row, 'portrait');
      importedArtisans.set(norm(slug), slug);
      if (v.name) importedArtisans.set(norm(v.name), slug);
      artisanPlans.push({
        row,
        slug,
        data: {
          name: v.name,
          slug,
          country,
          birthYear,
          deathYear,
          disciplines: codes.filter(Boolean),
          website: v.website || undefined,
          _status: status,
        },
        byLocale: Object.fromEntries(
          locales.map((locale) => [
            locale,
            {
              ...(v[`city.${locale}`] || (locale === 'en' && v.city)
                ? { city: v[`city.${locale}`] || v.city }
                : {}),
              ...(v[`bio.${locale}`] ? { bio: paragraphs(v[`bio.${locale}`]?.split(/\n\s*\n/) ?? []) } : {}),
            },
          ]),
        ) as Record<Locale, Record<string, unknown>>,
        ...(portrait ? { portrait } : {}),
      });
    }
  }
  const artisanSlug = (label: string) => {
    const key = norm(label);
    if (importedArtisans.has(key)) return importedArtisans.get(key);
    for (const [slug, artisan] of existingArtisans)
      if (norm(slug) === key || norm(artisan.name) === key) return slug;
    return undefined;
  };

  /** Terms the rows name that the CMS lacks (with `createTerms`), by collection and label. */
  const newTerms = new Map<string, { term: NewTerm; id?: number }>();
  const newTerm = (collection: NewTerm['collection'], label: string, kind?: string) => {
    const key = `new:${collection}:${norm(label)}`;
    const known = newTerms.get(key);
    // One new term is either a gemstone or not: the same word in both columns is a problem.
    if (known && (known.term.kind === 'gemstone') !== (kind === 'gemstone')) return undefined;
    if (!known) newTerms.set(key, { term: { collection, label, ...(kind ? { kind } : {}) } });
    return key;
  };
  /** A row's values with each new term's placeholder replaced by the term made for it. */
  const withTermIds = (data: Record<string, unknown>) => {
    const resolve = (value: unknown) =>
      typeof value === 'string' && value.startsWith('new:') ? newTerms.get(value)?.id : value;
    return Object.fromEntries(
      Object.entries(data).map(([key, value]) => [
        key,
        Array.isArray(value) ? value.map(resolve) : resolve(value),
      ]),
    );
  };

  /* ---------------------------------------------------------------- works: check */
  type WorkPlan = {
    row: Row;
    slug: string;
    data: Record<string, unknown>;
    byLocale: Record<Locale, Record<string, unknown>>;
    photos: string[];
    makers: string[];
    roles: { slug: string; role: MakerRole }[];
  };
  const workPlans: WorkPlan[] = [];
  if (workFile && input.works) {
    const file = input.works.name;
    const seen = new Map<string, number>();
    // Catalogues have many works called "Brooch": a slug made from a title that several rows
    // share takes the first maker's name too. A catalogue number in `slug` is better still.
    const titleSlugs = new Map<string, number>();
    for (const { values } of workFile.rows) {
      const fromTitle = slugify(values['title.en'] ?? '');
      if (!values.slug) titleSlugs.set(fromTitle, (titleSlugs.get(fromTitle) ?? 0) + 1);
    }
    const slugFor = (v: Record<string, string>) => {
      if (v.slug) return v.slug;
      const fromTitle = slugify(v['title.en'] ?? '');
      const maker = parseMaker(list(v.artisans)[0] ?? '').name;
      return (titleSlugs.get(fromTitle) ?? 0) > 1 && maker ? slugify(`${v['title.en']} ${maker}`) : fromTitle;
    };
    for (const row of workFile.rows) {
      const v = row.values;
      const at = (column: string, message: string) => problemAt(file, row, column, message);
      if (!v['title.en']) at('title.en', 'is empty: every work needs an English title');
      const slug = slugFor(v);
      if (slug && seen.has(slug))
        at(
          'slug',
          `"${slug}" is used by row ${seen.get(slug)} too: give each row a slug of its own (a catalogue number does well)`,
        );
      seen.set(slug, row.line);
      const credited = list(v.artisans).map(parseMaker);
      const makers = credited.map(({ name }) => {
        const found = artisanSlug(name);
        if (!found) at('artisans', `"${name}" is neither in the artisans file nor in the CMS`);
        return found;
      });
      if (!makers.length) at('artisans', 'is empty: name at least one artisan, by name or slug');
      const roles = credited.flatMap(({ role }, index) =>
        role && role !== 'maker' && makers[index] ? [{ slug: makers[index], role }] : [],
      );
      const terms = (
        column: string,
        collection: NewTerm['collection'],
        vocab: Map<string, { id: number; kind?: string }>,
        kind?: string,
      ) =>
        list(v[column]).map((label): number | string | undefined => {
          const term = vocab.get(norm(label));
          const fits = (found: { kind?: string }) =>
            !kind || (kind === 'gemstone' ? found.kind === 'gemstone' : found.kind !== 'gemstone');
          if (term && fits(term)) return term.id;
          const made = !term && input.createTerms ? newTerm(collection, label, kind) : undefined;
          if (made) return made;
          if (!term && input.createTerms) {
            at(
              column,
              `"${label}" is new, and other rows list it as ${kind === 'gemstone' ? 'a material' : 'a gemstone'}: use one column for it`,
            );
            return undefined;
          }
          at(
            column,
            term
              ? `"${label}" is a ${term.kind === 'gemstone' ? 'gemstone' : 'material, not a gemstone'}: move it to the ${term.kind === 'gemstone' ? 'gemstones' : 'materials'} column`
              : `"${label}" is not a known ${column.replace(/s$/, '').replace('_', ' ')}: add it in the CMS, fix the spelling, or import with --create-terms`,
          );
          return undefined;
        });
      const pieceType = v.piece_type ? terms('piece_type', 'piece-types', pieceTypes)[0] : undefined;
      // Only whether a cell is a number: what numbers a field takes is the collection's rule.
      const number = (column: string) => {
        if (!v[column]) return undefined;
        const n = Number(v[column]?.replace(',', '.'));
        if (!Number.isFinite(n)) {
          at(column, `"${v[column]}" is not a number`);
          return undefined;
        }
        return n;
      };
      const date = dateCells(v, (column, message) => at(column, message));
      const colourList = list(v.colours).map((label) => {
        const code = colourCodes.get(norm(label));
        if (!code) at('colours', `"${label}" is not one of the colours (${Object.keys(colours).join(', ')})`);
        return code;
      });
      const licence = v.licence ? licenceCodes.get(norm(v.licence)) : undefined;
      if (v.licence && !licence)
        at('licence', `"${v.licence}" is not a licence (${Object.keys(licences).join(', ')})`);
      const editionIds = list(v.editions).map((year) => {
        const id = editions.get(year);
        if (!id) at('editions', `there is no edition ${year} in the CMS`);
        return id;
      });
      const editionType = v.edition_type || undefined;
      const status = v.status || 'draft';
      if (!['draft', 'published'].includes(status)) at('status', `"${status}" must be draft or published`);
      const photos: string[] = [];
      for (const name of list(v.photos)) {
        const full = await photoFile(file, name, row, 'photos');
        if (full) photos.push(full);
      }
      if (status === 'published' && !list(v.photos).length)
        at('photos', 'is empty: a published work needs at least one photo');
      workPlans.push({
        row,
        slug,
        makers: makers.filter((m): m is string => Boolean(m)),
        roles,
        photos,
        data: {
          slug,
          pieceType,
          materials: terms('materials', 'materials', materials, 'other').filter(Boolean),
          gemstones: terms('gemstones', 'materials', materials, 'gemstone').filter(Boolean),
          techniques: terms('techniques', 'techniques', techniques).filter(Boolean),
          colours: colourList.filter(Boolean),
          year: date.year,
          fineness: number('fineness'),
          hallmark: v.hallmark || undefined,
          weightGrams: number('weight_g'),
          dimensions: {
            heightMm: number('height_mm'),
            widthMm: number('width_mm'),
            depthMm: number('depth_mm'),
            diameterMm: number('diameter_mm'),
          },
          editionType,
          editionSize: number('edition_size'),
          licence,
          rightsHolder: v.rights_holder || undefined,
          editions: editionIds.filter(Boolean),
          _status: status,
        },
        byLocale: Object.fromEntries(
          locales.map((locale) => [
            locale,
            {
              ...(v[`title.${locale}`] ? { title: v[`title.${locale}`] } : {}),
              ...(locale !== 'en' && date.display[locale] ? { year: { display: date.display[locale] } } : {}),
              ...(v[`description.${locale}`]
                ? { description: paragraphs(v[`description.${locale}`]?.split(/\n\s*\n/) ?? []) }
                : {}),
              ...(v[`credit_line.${locale}`] || (locale === 'en' && v.credit_line)
                ? { creditLine: v[`credit_line.${locale}`] || v.credit_line }
                : {}),
            },
          ]),
        ) as Record<Locale, Record<string, unknown>>,
      });
    }
  }
  // The collections' own field rules, on the values each row would write (fieldRules.ts).
  const ruleChecks = [
    ...artisanPlans.map((plan) => ({ plan, file: artisanFileName, collection: 'artisans' as const })),
    ...workPlans.map((plan) => ({ plan, file: workFileName, collection: 'works' as const })),
  ];
  for (const { plan, file, collection } of ruleChecks) {
    const data = { ...plan.data, ...plan.byLocale.en };
    for (const problem of await checkFieldRules(req, collection, data)) {
      const column = columnOf(collection, problem.path);
      const known = problems.some((p) => p.file === file && p.row === plan.row.line && p.column === column);
      if (!known) problemAt(file, plan.row, column, problem.message);
    }
  }
  if (problems.length) return { ok: false, problems };
  const rows = artisanPlans.length + workPlans.length;
  const summary: ImportSummary = {
    terms: [...newTerms.values()].map(({ term }) => term),
    artisans: { created: 0, updated: 0 },
    works: { created: 0, updated: 0 },
    photos: { uploaded: 0, reused: 0 },
    rows,
  };
  if (input.dryRun) return { ok: true, summary };

  /* ---------------------------------------------------------------- write, all or nothing */
  // Files an earlier, killed import left go first; while this one writes, nobody sweeps.
  await sweepOrphanFiles(payload);
  const unregister = await registerMediaWriter();
  await initTransaction(req);
  const writtenFiles: string[] = [];
  const mediaIds: number[] = [];
  const store = mediaStore(env);
  let done = 0;
  const step = () => input.onProgress?.(++done, rows);

  /** A photo by content: an existing upload with the same original bytes is used again. */
  const photoIds = async (files: string[], existing: number[], alt: string) => {
    const known = new Map<string, number>();
    for (const id of existing) {
      const media = await payload.findByID({ collection: 'media', id, ...common });
      const original = media.filename ? await store.read(media.filename) : null;
      if (original) known.set(sha256(original), id);
    }
    const ids: number[] = [];
    for (const [index, file] of files.entries()) {
      const data = await fs.readFile(file);
      const reuse = known.get(sha256(data));
      if (reuse) {
        ids.push(reuse);
        summary.photos.reused += 1;
        continue;
      }
      const media = await payload.create({
        collection: 'media',
        // The alt text is English. Explicit, because the shared request's locale is whatever the
        // last call set (the vocabulary reads leave 'all'), and storage-s3 saves the upload's
        // metadata again in that locale.
        locale: 'en',
        data: { alt: files.length > 1 ? `${alt} (${index + 1})` : alt },
        file: {
          data,
          mimetype: photoTypeOf(file) ?? 'image/jpeg',
          name: path.basename(file),
          size: data.length,
        },
        ...common,
      });
      writtenFiles.push(
        media.filename ?? '',
        ...Object.values(media.sizes ?? {}).map((size) => size?.filename ?? ''),
      );
      summary.photos.uploaded += 1;
      mediaIds.push(media.id as number);
      ids.push(media.id as number);
    }
    return ids;
  };

  /** Creates or updates one document, English first, then each other language. */
  const upsert = async (
    collection: 'artisans' | 'works',
    slug: string,
    data: Record<string, unknown>,
    byLocale: Record<Locale, Record<string, unknown>>,
  ) => {
    const existing = (
      await payload.find({ collection, where: { slug: { equals: slug } }, draft: true, limit: 1, ...common })
    ).docs[0];
    const write = async (locale: Locale, id?: number) => {
      const values = {
        ...(locale === 'en' ? data : { _status: data._status }),
        ...byLocale[locale],
      } as never;
      const draft = data._status === 'draft';
      return id
        ? payload.update({ collection, id, data: values, locale, draft, ...common })
        : payload.create({ collection, data: values, locale, draft, ...common });
    };
    const doc = await write('en', existing?.id as number | undefined);
    for (const locale of otherLocales)
      if (Object.keys(byLocale[locale]).length) await write(locale, doc.id as number);
    return { id: doc.id as number, created: !existing };
  };

  /** Which row wrote each document, for the contract's refusals. */
  const rowOf = new Map<string, { file: string; row: Row }>();
  const usedPhotos: number[] = [];
  /**
   * One row's write. Payload's own validation refusing it becomes that row's problem; the
   * transaction is gone with it, so the import stops there and writes nothing.
   */
  const written = async (
    file: string,
    row: Row,
    collection: 'artisans' | 'works',
    write: () => Promise<{ id: number; created: boolean }>,
  ) => {
    try {
      const result = await write();
      rowOf.set(`${collection}:${result.id}`, { file, row });
      return result;
    } catch (error) {
      const fieldErrors = (error as { data?: { errors?: { path?: string; message: string }[] } }).data
        ?.errors;
      if (!(error instanceof ValidationError) || !fieldErrors?.length) throw error;
      for (const fieldError of fieldErrors) {
        problems.push({
          file,
          row: row.line,
          column: columnOf(collection, fieldError.path ?? ''),
          message: fieldError.message,
        });
      }
      throw error;
    }
  };
  const rollBack = async () => {
    await killTransaction(req);
    // What cannot be removed now, the next sweep removes (media/orphans.ts).
    await store.remove(writtenFiles.filter(Boolean)).catch(() => undefined);
  };

  try {
    for (const entry of newTerms.values()) {
      const { collection, label, kind } = entry.term;
      const created = await payload.create({
        collection,
        locale: 'en',
        data: { label, needsTranslation: true, ...(kind ? { kind } : {}) } as never,
        ...common,
      });
      entry.id = created.id as number;
    }
    const artisanIds = new Map<string, number>();
    for (const plan of artisanPlans) {
      const existing = existingArtisans.get(plan.slug);
      const current = existing
        ? await payload.findByID({ collection: 'artisans', id: existing.id, draft: true, ...common })
        : undefined;
      const portraitId = plan.portrait
        ? (
            await photoIds(
              [plan.portrait],
              current?.portrait ? [current.portrait as number] : [],
              String(plan.data.name),
            )
          )[0]
        : undefined;
      if (portraitId) usedPhotos.push(portraitId);
      if (current?.portrait) usedPhotos.push(current.portrait as number);
      const result = await written(artisanFileName, plan.row, 'artisans', () =>
        upsert(
          'artisans',
          plan.slug,
          { ...plan.data, ...(portraitId ? { portrait: portraitId } : {}) },
          plan.byLocale,
        ),
      );
      artisanIds.set(plan.slug, result.id);
      summary.artisans[result.created ? 'created' : 'updated'] += 1;
      step();
    }
    for (const plan of workPlans) {
      const current = (
        await payload.find({
          collection: 'works',
          where: { slug: { equals: plan.slug } },
          draft: true,
          limit: 1,
          ...common,
        })
      ).docs[0];
      const photos = await photoIds(
        plan.photos,
        (current?.photos as number[] | undefined) ?? [],
        String(plan.byLocale.en.title ?? plan.slug),
      );
      const idOf = (slug: string) => artisanIds.get(slug) ?? existingArtisans.get(slug)?.id;
      const artisans = plan.makers.map(idOf);
      const makerRoles = plan.roles.map(({ slug, role }) => ({ artisan: idOf(slug), role }));
      usedPhotos.push(...photos, ...(((current?.photos as number[] | undefined) ?? []) as number[]));
      const result = await written(workFileName, plan.row, 'works', () =>
        upsert(
          'works',
          plan.slug,
          { ...withTermIds(plan.data), artisans, makerRoles, photos },
          plan.byLocale,
        ),
      );
      summary.works[result.created ? 'created' : 'updated'] += 1;
      step();
    }
    // Every photo the rows name or named before: a reused photo may change visibility too.
    await refreshMediaVisibility(req, [...mediaIds, ...usedPhotos]);
    const refusals = await checkDeferred(req, input.language ?? 'en');
    for (const refusal of refusals) {
      const origin = rowOf.get(`${refusal.collection}:${String(refusal.id)}`);
      for (const problem of refusal.problems) {
        problems.push({
          file: origin?.file ?? refusal.collection,
          row: origin?.row.line ?? 0,
          column: columnOf(refusal.collection, problem.path),
          message: problem.message,
        });
      }
    }
    if (problems.length) {
      await rollBack();
      return { ok: false, problems };
    }
    await commitTransaction(req);
    return { ok: true, summary };
  } catch (error) {
    await rollBack();
    if (problems.length) return { ok: false, problems };
    throw error;
  } finally {
    await unregister();
  }
}
