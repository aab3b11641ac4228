import type { Vocabulary } from './catalogue';
import { list, norm } from './cells';
import type { NewTerm, Say } from './types';

/**
 * Terms the rows name that the CMS lacks (with `createTerms`), by collection and label. A row
 * holds a placeholder key for each until the term is written and has an id.
 */
export class NewTerms {
  readonly byKey = new Map<string, { term: NewTerm; id?: number }>();

  /** The placeholder of a new term; undefined when the same word is new as another kind. */
  add(collection: NewTerm['collection'], label: string, kind?: string): string | undefined {
    const key = `new:${collection}:${norm(label)}`;
    const known = this.byKey.get(key);
    // One new term is either a gemstone or not: the same word in both columns is a problem.
    if (known && (known.term.kind === 'gemstone') !== (kind === 'gemstone')) return undefined;
    if (!known) this.byKey.set(key, { term: { collection, label, ...(kind ? { kind } : {}) } });
    return key;
  }

  get terms(): NewTerm[] {
    return [...this.byKey.values()].map(({ term }) => term);
  }

  /** A row's values with each new term's placeholder replaced by the term made for it. */
  withIds(data: Record<string, unknown>): Record<string, unknown> {
    const resolve = (value: unknown) =>
      typeof value === 'string' && value.startsWith('new:') ? this.byKey.get(value)?.id : value;
    return Object.fromEntries(
      Object.entries(data).map(([key, value]) => [
        key,
        Array.isArray(value) ? value.map(resolve) : resolve(value),
      ]),
    );
  }
}

/**
 * A row's term cells (materials, gemstones, techniques, piece type): each label as a term's id,
 * a new term's placeholder (`newTerms` given), or a problem at the column.
 */
export const termCells =
  (v: Record<string, string>, at: Say, newTerms: NewTerms | undefined) =>
  (column: string, collection: NewTerm['collection'], vocab: Vocabulary, kind?: string) =>
    list(v[column]).map((label): number | string | undefined => {
      const term = vocab.get(norm(label));
      const fits = (found: { kind?: string }) =>
        !kind || (kind === 'gemstone' ? found.kind === 'gemstone' : found.kind !== 'gemstone');
      if (term && fits(term)) return term.id;
      const made = !term && newTerms ? newTerms.add(collection, label, kind) : undefined;
      if (made) return made;
      if (!term && newTerms) {
        at(
          column,
          `"${label}" is new, and other rows list it as ${kind === 'gemstone' ? 'a material' : 'a gemstone'}: use one column for it`,
        );
        return undefined;
      }
      at(column, unknownTerm(column, label, term));
      return undefined;
    });

function unknownTerm(column: string, label: string, term: { kind?: string } | undefined) {
  return term
    ? `"${label}" is a ${term.kind === 'gemstone' ? 'gemstone' : 'material, not a gemstone'}: move it to the ${term.kind === 'gemstone' ? 'gemstones' : 'materials'} column`
    : `"${label}" is not a known ${column.replace(/s$/, '').replace('_', ' ')}: add it in the CMS, fix the spelling, or import with --create-terms`;
}
