import { disciplines, findCountry } from '@oyu/shared-types';
import { slugify } from '../fields/slugify';
import type { Catalogue } from './catalogue';
import { eachLocale, list, localizedCell, norm, paragraphsCell, statusCell, yearCell } from './cells';
import type { PhotoFinder } from './photoFiles';
import { type ArtisanPlan, type Problem, problemsOf, type Row, type Say } from './types';

export type ArtisanRows = {
  plans: ArtisanPlan[];
  /** The slug of each artisan the file holds, by its slug and by its name (normalized). */
  imported: Map<string, string>;
};

/** Checks the artisans file row by row, and plans what each row writes. */
export async function checkArtisanRows(
  file: string,
  rows: Row[],
  catalogue: Catalogue,
  findPhoto: PhotoFinder,
  problems: Problem[],
): Promise<ArtisanRows> {
  const sayAt = problemsOf(problems, file);
  const columns = new Set(Object.keys(rows[0]?.values ?? {}));
  if (rows.length && !columns.has('name'))
    sayAt({ line: 1, values: {} })('name', 'the column "name" is missing');
  const seen = new Map<string, number>();
  const result: ArtisanRows = { plans: [], imported: new Map() };
  for (const row of rows) {
    const plan = await artisanPlan(row, sayAt(row), seen, catalogue, findPhoto);
    result.imported.set(norm(plan.slug), plan.slug);
    if (row.values.name) result.imported.set(norm(row.values.name), plan.slug);
    result.plans.push(plan);
  }
  return result;
}

async function artisanPlan(
  row: Row,
  at: Say,
  seen: Map<string, number>,
  catalogue: Catalogue,
  findPhoto: PhotoFinder,
): Promise<ArtisanPlan> {
  const v = row.values;
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
    const code = catalogue.disciplineCodes.get(norm(label));
    if (!code) at('disciplines', `"${label}" is not a discipline (${Object.keys(disciplines).join(', ')})`);
    return code;
  });
  const birthYear = yearCell(v.birth_year, (message) => at('birth_year', message));
  const deathYear = yearCell(v.death_year, (message) => at('death_year', message));
  const status = statusCell(v, at);
  const portrait = v.portrait ? await findPhoto(v.portrait, 'portrait', at) : undefined;
  return {
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
    byLocale: eachLocale((locale) => {
      const city = localizedCell(v, 'city', locale);
      const bio = v[`bio.${locale}`];
      return { ...(city ? { city } : {}), ...(bio ? { bio: paragraphsCell(bio) } : {}) };
    }),
    ...(portrait ? { portrait } : {}),
  };
}
