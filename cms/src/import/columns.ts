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
