import {
  type Locale,
  locales,
  MediaSchema,
  type ReadModel,
  readModels,
  VocabularyTermSchema,
} from '@oyu/shared-types';
import type { CollectionSlug, FlattenedField, PayloadRequest } from 'payload';
import type { z } from 'zod';
import { kindName, languageNames, messageLocale, nameList, say, schemaMessage } from './messages';
import { fieldTitle, internalLinks, richTextFieldNames } from './richTextLinks';

/**
 * "Publishable": a document the public site can build. A published document is read back the
 * way the site reads it (shared-types' `readModels`: the public's rights, depth, `populate`, each
 * language with English as fallback) and checked with the site's own schema; what it uses
 * (makers, editions) must be published too. One definition, so what the CMS lets anyone
 * publish is what the site can build.
 */

export type ContractProblem = {
  /** The top-level field at fault, as Payload's validation errors name it ('' for the document). */
  path: string;
  message: string;
};

const term = (collection: string): ReadModel => ({
  collection,
  kind: 'term',
  schema: VocabularyTermSchema,
  depth: 0,
  drafts: false,
  populate: {},
  withoutJoins: [],
});

/** Every collection the site reads, whole or embedded in another. */
export const contractModels: Record<string, ReadModel> = {
  ...readModels,
  media: {
    collection: 'media',
    kind: 'photo',
    schema: MediaSchema,
    depth: 0,
    drafts: false,
    populate: {},
    withoutJoins: [],
  },
  materials: term('materials'),
  techniques: term('techniques'),
  'piece-types': term('piece-types'),
};

/** A relationship whose target must be public while the document using it is. */
type Use = { collection: CollectionSlug; field: string; target: CollectionSlug };

/** What published documents need to be published as well (photos follow on their own). */
export const publishedUses: Use[] = [
  { collection: 'works', field: 'artisans', target: 'artisans' },
  { collection: 'works', field: 'editions', target: 'editions' },
  { collection: 'showcases', field: 'edition', target: 'editions' },
];

/** Photos published documents show: deleting one would take it from their pages. */
export const photoUses: Use[] = [
  { collection: 'works', field: 'photos', target: 'media' },
  { collection: 'artisans', field: 'portrait', target: 'media' },
  { collection: 'editions', field: 'heroImage', target: 'media' },
];

/** The field a document of each collection is named by in messages. */
export const titleFields: Record<string, string> = {
  works: 'title',
  artisans: 'name',
  editions: 'title',
  showcases: 'title',
  venues: 'name',
  media: 'filename',
  materials: 'label',
  techniques: 'label',
  'piece-types': 'label',
};

type Doc = Record<string, unknown>;
const idsOf = (value: unknown): number[] =>
  (Array.isArray(value) ? value : [value])
    .map((ref) => (typeof ref === 'object' && ref !== null ? (ref as { id?: unknown }).id : ref))
    .filter((id): id is number => typeof id === 'number');

export const nameOf = (collection: string, doc: Doc): string => {
  const title = doc[titleFields[collection] ?? 'id'];
  return typeof title === 'string' && title ? title : `#${String(doc.id)}`;
};

/**
 * A request of its own inside the caller's transaction, for the contract's reads. The Local API
 * writes the locale (and more) of a call into the request it is given; on the caller's own
 * request that would change the language of writes still to come (a bulk edit saves its
 * documents at once, on one request).
 */
export function isolatedRequest(req: PayloadRequest): PayloadRequest {
  return { ...req, payloadAPI: 'local', context: { ...req.context }, query: {} } as unknown as PayloadRequest;
}

/**
 * The same with the public's rights: no user, and a fresh dataloader (the caller's may hold
 * documents read with staff rights).
 */
function publicRequest(req: PayloadRequest): PayloadRequest {
  return {
    ...isolatedRequest(req),
    user: null,
    payloadDataLoader: undefined,
    context: {},
  } as unknown as PayloadRequest;
}

/** A read model's `populate` and join fields as the Local API takes them. */
export function readOptions(model: ReadModel): { populate: never; joins: never } {
  return {
    populate: Object.fromEntries(
      Object.entries(model.populate).map(([collection, fields]) => [
        collection,
        Object.fromEntries(fields.map((field) => [field, true])),
      ]),
    ) as never,
    joins: Object.fromEntries(model.withoutJoins.map((field) => [field, false])) as never,
  };
}

/** The document as the site reads it in one language, or null when the public cannot read it. */
export async function readAsPublic(
  req: PayloadRequest,
  model: ReadModel,
  id: number | string,
  locale: Locale,
): Promise<Doc | null> {
  const doc = await req.payload.findByID({
    collection: model.collection as CollectionSlug,
    id,
    depth: model.depth,
    locale,
    fallbackLocale: 'en',
    draft: false,
    overrideAccess: false,
    disableErrors: true,
    ...readOptions(model),
    req: publicRequest(req),
  });
  return (doc as Doc | null) ?? null;
}

/** The top-level field's label in the curator's language, or its name. */
function fieldLabel(req: PayloadRequest, collection: string, name: string, locale: Locale): string {
  const config = req.payload.collections[collection as CollectionSlug]?.config;
  const field = config?.flattenedFields.find((candidate) => candidate.name === name) as
    | { label?: unknown }
    | undefined;
  const label = field?.label;
  if (typeof label === 'string') return label;
  if (label && typeof label === 'object') {
    const byLocale = label as Record<string, string>;
    return byLocale[locale] ?? byLocale.en ?? name;
  }
  return name;
}

/** The schema's issues as the contract words them, in `locale` (the draft preview's list). */
export function describeIssues(
  req: PayloadRequest,
  collection: string,
  issues: z.core.$ZodIssue[],
  locale: Locale,
): string[] {
  return issues.map((issue) => describeIssue(req, collection, issue, locale).message);
}

function describeIssue(
  req: PayloadRequest,
  collection: string,
  issue: z.core.$ZodIssue,
  locale: Locale,
): ContractProblem {
  const [top, ...rest] = issue.path;
  const path = typeof top === 'string' ? top : '';
  const where = [
    path ? fieldLabel(req, collection, path, locale) : '',
    ...rest.map((part) => (typeof part === 'number' ? String(part + 1) : String(part))),
  ]
    .filter(Boolean)
    .join(' › ');
  const message = schemaMessage(issue.message, locale);
  return { path, message: where ? `${where}: ${message}` : message };
}

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
function linkFieldsOf(req: PayloadRequest, collection: string): string[] {
  const config = req.payload.collections[collection as CollectionSlug]?.config;
  return config ? richTextFieldNames(config.flattenedFields) : [];
}

/**
 * Are the documents this one uses (makers, editions) and links to (rich text) published, and
 * do they still exist? Links are read in every language: each is a page of the site.
 */
async function usesProblems(
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

/**
 * Why the document, as it now stands in the database (the caller's transaction included),
 * could not be built by the site; empty when it can. Messages are in `locale`.
 */
export async function publishProblems(
  req: PayloadRequest,
  collection: string,
  id: number | string,
  locale: Locale = messageLocale(req.i18n?.language),
): Promise<ContractProblem[]> {
  const model = contractModels[collection];
  if (!model) return [];
  const problems = await usesProblems(req, collection, id, locale);
  // A field already explained above would only repeat itself in the schema's words.
  const explained = new Set(problems.map((problem) => problem.path));
  const found = new Map<string, { problem: ContractProblem; languages: Locale[] }>();
  // The three languages are read together: on PostgreSQL their queries overlap.
  const read = await Promise.all(locales.map((language) => readAsPublic(req, model, id, language)));
  for (const [index, language] of locales.entries()) {
    const doc = read[index];
    const parsed = doc
      ? model.schema.safeParse(doc)
      : { success: false as const, error: { issues: [{ path: [], message: 'is not published' }] } };
    if (parsed.success) continue;
    for (const issue of parsed.error.issues as z.core.$ZodIssue[]) {
      const problem = describeIssue(req, collection, issue, locale);
      if (explained.has(problem.path)) continue;
      const key = `${problem.path}\n${problem.message}`;
      const entry = found.get(key) ?? { problem, languages: [] };
      entry.languages.push(language);
      found.set(key, entry);
    }
  }
  for (const { problem, languages } of found.values()) {
    problems.push(
      languages.length === locales.length
        ? problem
        : {
            ...problem,
            message: say('inLanguages', locale, {
              problem: problem.message,
              languages: languages.map((language) => languageNames[language][locale]).join(' / '),
            }),
          },
    );
  }
  return problems;
}

/**
 * A document that published documents depend on: `use`, they use it (maker, edition, photo);
 * `link`, their rich text links to it; `settings`, the site settings' rich text does
 * (`names` are then the fields).
 */
export type Dependent = {
  collection: string;
  via: 'use' | 'link' | 'settings';
  count: number;
  names: string[];
};

/** Who links to what: `works:12` → the published documents whose rich text links to it. */
export type LinkIndex = Map<string, Dependent[]>;

const linkKey = (collection: string, id: number | string) => `${collection}:${String(id)}`;

/** A title as a message names it: English, the language every document has. */
const titleIn = (value: unknown): unknown =>
  typeof value === 'object' && value !== null ? ((value as Record<string, unknown>).en ?? '') : value;

/**
 * The internal links of every published document and of the site settings, in every
 * language. Payload cannot query inside rich text on both databases (PostgreSQL keeps it as
 * jsonb, which its `like` does not take), so the rich text of the published documents is read
 * and searched here, with the database adapter (no hooks, no population). Build it once for
 * many questions.
 */
export async function publishedLinkIndex(req: PayloadRequest): Promise<LinkIndex> {
  const index: LinkIndex = new Map();
  const add = (key: string, source: string, via: Dependent['via'], name: string) => {
    const dependents = index.get(key) ?? [];
    let dependent = dependents.find((entry) => entry.collection === source);
    if (!dependent) {
      dependent = { collection: source, via, count: 0, names: [] };
      dependents.push(dependent);
      index.set(key, dependents);
    }
    dependent.count += 1;
    if (dependent.names.length < 5 || via === 'settings') dependent.names.push(name);
  };
  for (const [source, model] of Object.entries(contractModels)) {
    const fields = linkFieldsOf(req, source);
    if (!fields.length) continue;
    const title = titleFields[source] ?? 'id';
    const found = await req.payload.db.find({
      collection: source as CollectionSlug,
      ...(model.drafts ? { where: { _status: { equals: 'published' } } } : {}),
      locale: 'all',
      pagination: false,
      limit: 0,
      select: Object.fromEntries([...fields, title].map((field) => [field, true])),
      req: isolatedRequest(req),
    });
    for (const doc of found.docs as Doc[]) {
      const keys = new Set(
        fields.flatMap((field) =>
          internalLinks(doc[field]).map((link) => linkKey(link.relationTo, link.value)),
        ),
      );
      for (const key of keys)
        add(key, source, 'link', nameOf(source, { ...doc, [title]: titleIn(doc[title]) }));
    }
  }
  for (const global of req.payload.config.globals) {
    const fields = richTextFieldNames(global.flattenedFields);
    if (!fields.length) continue;
    const settings = (await req.payload.db.findGlobal({
      slug: global.slug,
      locale: 'all',
      req: isolatedRequest(req),
    })) as Doc | null;
    for (const field of fields) {
      const keys = new Set(
        internalLinks(settings?.[field]).map((link) => linkKey(link.relationTo, link.value)),
      );
      for (const key of keys) add(key, global.slug, 'settings', fieldTitle(field));
    }
  }
  return index;
}

/**
 * The published documents that use this one (as maker, edition or photo) and, given the link
 * index, those that link to it.
 */
export async function publishedDependents(
  req: PayloadRequest,
  collection: string,
  id: number | string,
  links?: LinkIndex,
): Promise<Dependent[]> {
  const dependents: Dependent[] = [];
  for (const use of [...publishedUses, ...photoUses]) {
    if (use.target !== collection) continue;
    const found = await req.payload.find({
      collection: use.collection,
      where: { and: [{ _status: { equals: 'published' } }, { [use.field]: { in: [id] } }] },
      depth: 0,
      draft: false,
      overrideAccess: true,
      limit: 5,
      select: { [titleFields[use.collection] ?? 'id']: true } as never,
      req: isolatedRequest(req),
    });
    if (found.totalDocs) {
      dependents.push({
        collection: use.collection,
        via: 'use',
        count: found.totalDocs,
        names: (found.docs as Doc[]).map((doc) => nameOf(use.collection, doc)),
      });
    }
  }
  return [...dependents, ...(links?.get(linkKey(collection, id)) ?? [])];
}

/** "This artisan cannot be unpublished: published works use it (…)". */
export function dependentsMessage(
  collection: string,
  dependents: Dependent[],
  action: 'unpublished' | 'deleted',
  locale: Locale,
): string {
  const kind = kindName(contractModels[collection]?.kind ?? collection, locale);
  return dependents
    .map((dependent) =>
      dependent.via === 'settings'
        ? say('linkedBySettings', locale, {
            kind,
            action: say(action, locale),
            fields: dependent.names.join('; '),
          })
        : say(dependent.via === 'link' ? 'linkedBy' : 'usedBy', locale, {
            kind,
            action: say(action, locale),
            users: kindName(contractModels[dependent.collection]?.kind ?? dependent.collection, locale, true),
            names:
              nameList(dependent.names, locale) +
              (dependent.count > dependent.names.length
                ? ` ${say('andMore', locale, { count: dependent.count - dependent.names.length })}`
                : ''),
          }),
    )
    .join(' ');
}
