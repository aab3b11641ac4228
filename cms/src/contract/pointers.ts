import type { Locale } from '@oyu/shared-types';
import type { CollectionSlug, FlattenedField, PayloadRequest } from 'payload';
import { kindName, nameList, say } from './messages';
import {
  type ContractProblem,
  contractModels,
  type Doc,
  idsOf,
  nameOf,
  publishedUses,
  titleFields,
  type Use,
} from './models';
import { isolatedRequest } from './reads';
import { fieldTitle, internalLinks, richTextFieldNames } from './richTextLinks';

/** What a document points at, by field: relationships it uses, and its rich-text internal links. */
type Pointers = { path: string; target: CollectionSlug; ids: (number | string)[]; link: boolean };

function pointersOf(req: PayloadRequest, collection: string, doc: Doc, uses: Use[]): Pointers[] {
  const pointers: Pointers[] = uses.map((use) => ({
    path: use.field,
    target: use.target,
    ids: idsOf(doc[use.field]),
    link: false,
  }));
  return [...pointers, ...linkPointers(linkFieldsOf(req, collection), doc)];
}

function linkPointers(fields: string[], doc: Doc): Pointers[] {
  return fields.flatMap((field) => {
    const links = internalLinks(doc[field]);
    return [...new Set(links.map((link) => link.relationTo))].map((target) => ({
      path: field,
      target,
      ids: [...new Set(links.filter((link) => link.relationTo === target).map((link) => link.value))],
      link: true,
    }));
  });
}

/** The top-level rich-text fields of a collection the site reads (their links lead to pages). */
export function linkFieldsOf(req: PayloadRequest, collection: string): string[] {
  const config = req.payload.collections[collection as CollectionSlug]?.config;
  return config ? richTextFieldNames(config.flattenedFields) : [];
}

/**
 * Are the documents this one uses (makers, editions) and links to (rich text) published, and
 * do they still exist? Links are read in every language: each is a page of the site.
 */
export async function usesProblems(
  req: PayloadRequest,
  collection: string,
  id: number | string,
  locale: Locale,
): Promise<ContractProblem[]> {
  const uses = publishedUses.filter((use) => use.collection === collection);
  const linkFields = linkFieldsOf(req, collection);
  if (!uses.length && !linkFields.length) return [];
  const doc = (await req.payload.findByID({
    collection: collection as CollectionSlug,
    id,
    depth: 0,
    draft: false,
    overrideAccess: true,
    ...(linkFields.length ? { locale: 'all' as const } : {}),
    select: Object.fromEntries(
      [...uses.map((use) => use.field), ...linkFields].map((field) => [field, true]),
    ) as never,
    req: isolatedRequest(req),
  })) as Doc;
  return pointerProblems(req, pointersOf(req, collection, doc, uses), locale);
}

/** The site settings' links (every save of them is live) must lead to published documents. */
export async function globalLinkProblems(
  req: PayloadRequest,
  global: { slug: string; flattenedFields: FlattenedField[] },
  locale: Locale,
): Promise<ContractProblem[]> {
  const fields = richTextFieldNames(global.flattenedFields);
  if (!fields.length) return [];
  const settings = ((await req.payload.db.findGlobal({
    slug: global.slug,
    locale: 'all',
    req: isolatedRequest(req),
  })) ?? {}) as Doc;
  return pointerProblems(req, linkPointers(fields, settings), locale);
}

/** Whether what the pointers name exists and is published. */
async function pointerProblems(
  req: PayloadRequest,
  pointers: Pointers[],
  locale: Locale,
): Promise<ContractProblem[]> {
  const problems: ContractProblem[] = [];
  for (const pointer of pointers) {
    const ids = pointer.ids;
    if (!ids.length) continue;
    const title = titleFields[pointer.target] ?? 'id';
    const found = await req.payload.find({
      collection: pointer.target,
      where: { id: { in: ids } },
      depth: 0,
      draft: false,
      overrideAccess: true,
      pagination: false,
      locale,
      select: { _status: true, [title]: true } as never,
      req: isolatedRequest(req),
    });
    const docs = found.docs as Doc[];
    const kind = kindName(contractModels[pointer.target]?.kind ?? pointer.target, locale);
    const drafts = docs.filter((target) => target._status !== 'published');
    if (drafts.length) {
      const names = nameList(
        drafts.map((target) => nameOf(pointer.target, target)),
        locale,
      );
      problems.push({
        path: pointer.path,
        message: pointer.link
          ? say('linkNotPublic', locale, { field: fieldTitle(pointer.path), kind, names })
          : say('notPublic', locale, { kind, names }),
      });
    }
    const missing = ids.filter((wanted) => !docs.some((target) => target.id === wanted));
    if (missing.length) {
      const values = { kind, ids: missing.join('; ') };
      problems.push({
        path: pointer.path,
        message: pointer.link
          ? say('linkMissing', locale, { ...values, field: fieldTitle(pointer.path) })
          : say('missing', locale, values),
      });
    }
  }
  return problems;
}
