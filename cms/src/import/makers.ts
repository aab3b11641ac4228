import { type MakerRole, makerRoleCodes, makerRoles } from '@oyu/shared-types';
import { norm } from './cells';

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
