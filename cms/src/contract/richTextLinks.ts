import type { Locale } from '@oyu/shared-types';
import {
  type CollectionBeforeValidateHook,
  type CollectionSlug,
  type FlattenedField,
  type GlobalBeforeValidateHook,
  type PayloadRequest,
  ValidationError,
} from 'payload';
import { linkUrlProblem } from '../fields/linkUrl';
import { linkableCollections } from '../fields/richText';
import { eachFieldValue } from './fieldValues';
import { messageLocale, say } from './messages';

/**
 * Links in rich text (Lexical `link` and `autolink` nodes). Only web and e-mail addresses and
 * internal links to the site's pages are stored: every save is checked, drafts too, because
 * Payload validates a draft only when it is published, and a draft's `javascript:` link would
 * be published with it later. An internal link names its document, `{ relationTo, value }`;
 * the contract checks that it exists (existingReferences.ts) and, while the linking document
 * is published, that it is published too (publishable.ts).
 */

type LinkFields = {
  linkType?: unknown;
  url?: unknown;
  doc?: { relationTo?: unknown; value?: unknown } | null;
  [key: string]: unknown;
};
type LinkNode = { type: 'link' | 'autolink'; fields: LinkFields };

export type InternalLink = { relationTo: CollectionSlug; value: number | string };

const linkable = new Set<string>(linkableCollections);

/**
 * Every link node in a rich-text value. A value read or written in all languages at once is
 * `{ en: {root…}, ru: {root…} }`; the walk finds the links of each.
 */
export function linkNodes(value: unknown): LinkNode[] {
  const found: LinkNode[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      for (const child of node) walk(child);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if ((record.type === 'link' || record.type === 'autolink') && typeof record.fields === 'object') {
      if (record.fields !== null) found.push(record as LinkNode);
    }
    for (const child of Object.values(record)) if (typeof child === 'object') walk(child);
  };
  walk(value);
  return found;
}

/** The id of an internal link's document as stored: a number, whether sent as object or text. */
function idOf(value: unknown): number | string | undefined {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value;
  if (typeof id === 'number') return id;
  if (typeof id === 'string' && id !== '') return /^\d+$/.test(id) ? Number(id) : id;
  return undefined;
}

/** The internal links of a rich-text value (every language), as stored. */
export function internalLinks(value: unknown): InternalLink[] {
  return linkNodes(value).flatMap(({ fields }) => {
    if (fields.linkType !== 'internal') return [];
    const relationTo = fields.doc?.relationTo;
    const id = idOf(fields.doc?.value);
    return typeof relationTo === 'string' && linkable.has(relationTo) && id !== undefined
      ? [{ relationTo: relationTo as CollectionSlug, value: id }]
      : [];
  });
}

export type RichTextValue = { path: string; name: string; value: unknown };

/** The rich-text values in a document's data, with their paths (`description`, `rows.0.text`). */
export function richTextValues(fields: FlattenedField[], data: Record<string, unknown>): RichTextValue[] {
  const found: RichTextValue[] = [];
  eachFieldValue(fields, data, (field, value, path) => {
    if (field.type === 'richText') found.push({ path, name: field.name, value });
  });
  return found;
}

/** The names of a collection's or global's top-level rich-text fields. */
export const richTextFieldNames = (fields: FlattenedField[]): string[] =>
  fields.filter((field) => field.type === 'richText').map((field) => field.name);

/** A field's name as a sentence starts with it: `description` → `Description`. */
export const fieldTitle = (path: string): string => {
  const words = path.replace(/\.\d+\./g, ' › ').replace(/([a-z])([A-Z])/g, '$1 $2');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
};

/**
 * What is wrong with the links of one rich-text value, as sent; cleans what is kept. An
 * internal link's address is dropped (the site never uses it, so no unsafe text rides along),
 * and so is a stale document on an address link.
 */
function linkProblems(value: unknown, locale: Locale): string[] {
  const problems = new Set<string>();
  for (const { fields } of linkNodes(value)) {
    if (fields.linkType === 'internal') {
      delete fields.url;
      const relationTo = fields.doc?.relationTo;
      const id = idOf(fields.doc?.value);
      if (typeof relationTo !== 'string' || !linkable.has(relationTo) || id === undefined) {
        problems.add(say('linkTarget', locale));
      } else if (fields.doc) {
        fields.doc.value = id;
      }
      continue;
    }
    delete fields.doc;
    const url = typeof fields.url === 'string' ? fields.url : '';
    const problem = linkUrlProblem(url);
    if (problem) problems.add(say(problem.key, locale, problem.values));
  }
  return [...problems];
}

function refusal(
  req: PayloadRequest,
  fields: FlattenedField[],
  data: Record<string, unknown> | undefined,
  where: { collection?: string; global?: string },
): ValidationError | undefined {
  if (!data) return undefined;
  const locale = messageLocale(req.i18n?.language);
  const errors = richTextValues(fields, data).flatMap(({ path, value }) =>
    linkProblems(value, locale).map((message) => ({ path, message: `${fieldTitle(path)}: ${message}` })),
  );
  if (!errors.length) return undefined;
  const error = new ValidationError({ ...where, errors, req }, req.t);
  // The admin's toast splits its headline at commas: one line a problem.
  error.message = errors.map((problem) => problem.message.replace(/,\s*/g, '; ')).join(', ');
  return error;
}

export const refuseUnsafeLinks: CollectionBeforeValidateHook = ({ collection, data, req }) => {
  const error = refusal(req, collection.flattenedFields, data, { collection: collection.slug });
  if (error) throw error;
  return data;
};

export const refuseUnsafeLinksGlobal: GlobalBeforeValidateHook = ({ global, data, req }) => {
  const error = refusal(req, global.flattenedFields, data, { global: global.slug });
  if (error) throw error;
  return data;
};
