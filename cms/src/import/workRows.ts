import { colours, type Locale, licences } from '@oyu/shared-types';
import { slugify } from '../fields/slugify';
import type { ArtisanRows } from './artisanRows';
import type { Catalogue } from './catalogue';
import {
  dateCells,
  eachLocale,
  list,
  localizedCell,
  norm,
  numberCells,
  paragraphsCell,
  statusCell,
} from './cells';
import { parseMaker } from './makers';
import type { PhotoFinder } from './photoFiles';
import { type NewTerms, termCells } from './terms';
import { type Problem, problemsOf, type Row, type Say, type WorkPlan } from './types';

/** What checking a works file needs besides its rows. */
export type WorkCheck = {
  catalogue: Catalogue;
  /** The artisans the artisans file holds. */
  artisans: ArtisanRows['imported'];
  findPhoto: PhotoFinder;
  /** Where unknown terms go, when the import may create them. */
  newTerms: NewTerms | undefined;
};

/** Checks the works file row by row, and plans what each row writes. */
export async function checkWorkRows(
  file: string,
  rows: Row[],
  check: WorkCheck,
  problems: Problem[],
): Promise<WorkPlan[]> {
  const sayAt = problemsOf(problems, file);
  const slugFor = workSlugs(rows);
  const seen = new Map<string, number>();
  const artisanSlug = artisanFinder(check);
  const plans: WorkPlan[] = [];
  for (const row of rows) {
    const v = row.values;
    const at = sayAt(row);
    if (!v['title.en']) at('title.en', 'is empty: every work needs an English title');
    const slug = slugFor(v);
    if (slug && seen.has(slug))
      at(
        'slug',
        `"${slug}" is used by row ${seen.get(slug)} too: give each row a slug of its own (a catalogue number does well)`,
      );
    seen.set(slug, row.line);
    plans.push(await workPlan(row, slug, at, { ...check, artisanSlug }));
  }
  return plans;
}

/**
 * Each row's slug. Catalogues have many works called "Brooch": a slug made from a title that
 * several rows share takes the first maker's name too. A catalogue number in `slug` is better
 * still.
 */
function workSlugs(rows: Row[]) {
  const titleSlugs = new Map<string, number>();
  for (const { values } of rows) {
    const fromTitle = slugify(values['title.en'] ?? '');
    if (!values.slug) titleSlugs.set(fromTitle, (titleSlugs.get(fromTitle) ?? 0) + 1);
  }
  return (v: Record<string, string>) => {
    if (v.slug) return v.slug;
    const fromTitle = slugify(v['title.en'] ?? '');
    const maker = parseMaker(list(v.artisans)[0] ?? '').name;
    return (titleSlugs.get(fromTitle) ?? 0) > 1 && maker ? slugify(`${v['title.en']} ${maker}`) : fromTitle;
  };
}

/** An artisan's slug by its slug or name: from the artisans file first, then from the CMS. */
function artisanFinder({ artisans, catalogue }: WorkCheck) {
  return (label: string) => {
    const key = norm(label);
    if (artisans.has(key)) return artisans.get(key);
    for (const [slug, artisan] of catalogue.existingArtisans)
      if (norm(slug) === key || norm(artisan.name) === key) return slug;
    return undefined;
  };
}

async function workPlan(
  row: Row,
  slug: string,
  at: Say,
  check: WorkCheck & { artisanSlug: (label: string) => string | undefined },
): Promise<WorkPlan> {
  const { catalogue } = check;
  const v = row.values;
  const { makers, roles } = creditedMakers(v, at, check.artisanSlug);
  const terms = termCells(v, at, check.newTerms);
  const pieceType = v.piece_type ? terms('piece_type', 'piece-types', catalogue.pieceTypes)[0] : undefined;
  const number = numberCells(v, at);
  const date = dateCells(v, at);
  const { colourList, licence, editionIds } = listedCells(v, at, catalogue);
  const status = statusCell(v, at);
  const photos = await photoCells(v, status, at, check.findPhoto);
  return {
    row,
    slug,
    makers: makers.filter((m): m is string => Boolean(m)),
    roles,
    photos,
    data: {
      slug,
      pieceType,
      materials: terms('materials', 'materials', catalogue.materials, 'other').filter(Boolean),
      gemstones: terms('gemstones', 'materials', catalogue.materials, 'gemstone').filter(Boolean),
      techniques: terms('techniques', 'techniques', catalogue.techniques).filter(Boolean),
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
      editionType: v.edition_type || undefined,
      editionSize: number('edition_size'),
      licence,
      rightsHolder: v.rights_holder || undefined,
      editions: editionIds.filter(Boolean),
      _status: status,
    },
    byLocale: workTexts(v, date.display),
  };
}

/** The `artisans` cell: who made the work (as slugs), and the roles other than maker. */
function creditedMakers(
  v: Record<string, string>,
  at: Say,
  artisanSlug: (label: string) => string | undefined,
) {
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
  return { makers, roles };
}

/** The cells that name items of the fixed lists and the CMS's editions. */
function listedCells(v: Record<string, string>, at: Say, catalogue: Catalogue) {
  const colourList = list(v.colours).map((label) => {
    const code = catalogue.colourCodes.get(norm(label));
    if (!code) at('colours', `"${label}" is not one of the colours (${Object.keys(colours).join(', ')})`);
    return code;
  });
  const licence = v.licence ? catalogue.licenceCodes.get(norm(v.licence)) : undefined;
  if (v.licence && !licence)
    at('licence', `"${v.licence}" is not a licence (${Object.keys(licences).join(', ')})`);
  const editionIds = list(v.editions).map((year) => {
    const id = catalogue.editions.get(year);
    if (!id) at('editions', `there is no edition ${year} in the CMS`);
    return id;
  });
  return { colourList, licence, editionIds };
}

/** The `photos` cell: the files it names; a published work needs one at least. */
async function photoCells(v: Record<string, string>, status: string, at: Say, findPhoto: PhotoFinder) {
  const photos: string[] = [];
  for (const name of list(v.photos)) {
    const full = await findPhoto(name, 'photos', at);
    if (full) photos.push(full);
  }
  if (status === 'published' && !list(v.photos).length)
    at('photos', 'is empty: a published work needs at least one photo');
  return photos;
}

/** A work's texts in each language. */
function workTexts(v: Record<string, string>, display: Partial<Record<Locale, string>>) {
  return eachLocale((locale) => {
    const title = v[`title.${locale}`];
    const description = v[`description.${locale}`];
    const creditLine = localizedCell(v, 'credit_line', locale);
    return {
      ...(title ? { title } : {}),
      ...(locale !== 'en' && display[locale] ? { year: { display: display[locale] } } : {}),
      ...(description ? { description: paragraphsCell(description) } : {}),
      ...(creditLine ? { creditLine } : {}),
    };
  });
}
