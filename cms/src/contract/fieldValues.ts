import type { FlattenedField } from 'payload';

export type FieldVisitor = (field: FlattenedField, value: unknown, path: string) => void;

/**
 * Every field of a document's data that holds a value, groups and array rows walked into, with
 * its path (`description`, `rows.0.text`): the rich-text check and the reference check each
 * pick the fields they look at.
 */
export function eachFieldValue(
  fields: FlattenedField[],
  data: Record<string, unknown>,
  visit: FieldVisitor,
  prefix = '',
): void {
  for (const field of fields) {
    const value = data[field.name];
    if (value === undefined || value === null) continue;
    const path = `${prefix}${field.name}`;
    visit(field, value, path);
    if (field.type === 'group' && typeof value === 'object') {
      eachFieldValue(field.flattenedFields, value as Record<string, unknown>, visit, `${path}.`);
    } else if (field.type === 'array' && Array.isArray(value)) {
      for (const [index, row] of value.entries())
        if (row && typeof row === 'object')
          eachFieldValue(field.flattenedFields, row as Record<string, unknown>, visit, `${path}.${index}.`);
    }
  }
}
