import {
  type CollectionBeforeValidateHook,
  type CollectionSlug,
  type FlattenedField,
  type GlobalBeforeValidateHook,
  type PayloadRequest,
  ValidationError,
} from 'payload';
import { eachFieldValue } from './fieldValues';
import { kindName, messageLocale, say } from './messages';
import { contractModels } from './models';
import { isolatedRequest } from './reads';
import { fieldTitle, internalLinks } from './richTextLinks';

/**
 * Every document a write points at must exist. Payload checks a relationship's ids only when the
 * field has `filterOptions`; otherwise an id that was never there, or was deleted a moment ago,
 * reached the database and failed its foreign key: a 500 "An unknown error occurred" instead of
 * a 400 that says which document is gone. Found by the randomized contract test.
 */
type Reference = { path: string; target: CollectionSlug; id: number | string; link?: true };

/** The documents a write names: in relationship and upload fields, and in rich text's internal links. */
function referencesIn(fields: FlattenedField[], data: Record<string, unknown>): Reference[] {
  const found: Reference[] = [];
  eachFieldValue(fields, data, (field, value, path) => {
    if ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string') {
      for (const ref of Array.isArray(value) ? value : [value]) {
        const id = typeof ref === 'object' && ref !== null ? (ref as { id?: unknown }).id : ref;
        if (typeof id === 'number' || (typeof id === 'string' && id !== ''))
          found.push({ path, target: field.relationTo as CollectionSlug, id });
      }
    } else if (field.type === 'richText') {
      // Internal links name a document too (checked and cleaned by richTextLinks.ts first).
      for (const link of internalLinks(value))
        found.push({ path, target: link.relationTo, id: link.value, link: true });
    }
  });
  return found;
}

async function missingReferences(
  req: PayloadRequest,
  fields: FlattenedField[],
  data: Record<string, unknown> | undefined,
  where: { collection?: string; global?: string },
): Promise<ValidationError | undefined> {
  if (!data) return undefined;
  const references = referencesIn(fields, data);
  if (!references.length) return undefined;
  const missing: Reference[] = [];
  for (const target of new Set(references.map((reference) => reference.target))) {
    const wanted = references.filter((reference) => reference.target === target);
    const ids = [...new Set(wanted.map((reference) => reference.id))];
    // An id of the wrong type is Payload's own validation's to report.
    const numeric = ids.filter((id) => typeof id === 'number' || /^\d+$/.test(String(id))).map(Number);
    if (!numeric.length) continue;
    const existing = await req.payload.find({
      collection: target,
      where: { id: { in: numeric } },
      depth: 0,
      limit: numeric.length,
      overrideAccess: true,
      select: {} as never,
      req: isolatedRequest(req),
    });
    const present = new Set((existing.docs as { id: number | string }[]).map((doc) => Number(doc.id)));
    missing.push(...wanted.filter((reference) => !present.has(Number(reference.id))));
  }
  if (!missing.length) return undefined;
  const locale = messageLocale(req.i18n?.language);
  const errors = missing.map((reference) => {
    const values = {
      kind: kindName(contractModels[reference.target]?.kind ?? reference.target, locale),
      ids: String(reference.id),
    };
    return {
      path: reference.path,
      message: reference.link
        ? say('linkMissing', locale, { ...values, field: fieldTitle(reference.path) })
        : say('missing', locale, values),
    };
  });
  const error = new ValidationError({ ...where, errors, req }, req.t);
  error.message = [...new Set(errors.map((problem) => problem.message))].join('; ');
  return error;
}

export const refuseMissingReferences: CollectionBeforeValidateHook = async ({ collection, data, req }) => {
  const error = await missingReferences(req, collection.flattenedFields, data, {
    collection: collection.slug,
  });
  if (error) throw error;
  return data;
};

export const refuseMissingReferencesGlobal: GlobalBeforeValidateHook = async ({ global, data, req }) => {
  const error = await missingReferences(req, global.flattenedFields, data, { global: global.slug });
  if (error) throw error;
  return data;
};
