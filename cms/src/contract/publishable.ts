import {
  type Locale,
  locales,
  MediaSchema,
  type ReadModel,
  readModels,
  VocabularyTermSchema,
} from '@oyu/shared-types';
import type { CollectionSlug, PayloadRequest } from 'payload';
import type { z } from 'zod';
import { kindName, languageNames, messageLocale, nameList, say, schemaMessage } from './messages';

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

/** Are the documents this one uses (makers, editions) published, and do they still exist? */
async function usesProblems(
  req: PayloadRequest,
  collection: string,
  id: number | string,
  locale: Locale,
): Promise<ContractProblem[]> {
  const uses = publishedUses.filter((use) => use.collection === collection);
  if (!uses.length) return [];
  const doc = (await req.payload.findByID({
    collection: collection as CollectionSlug,
    id,
    depth: 0,
    draft: false,
    overrideAccess: true,
    select: Object.fromEntries(uses.map((use) => [use.field, true])) as never,
    req: isolatedRequest(req),
  })) as Doc;
  const problems: ContractProblem[] = [];
  for (const use of uses) {
    const ids = idsOf(doc[use.field]);
    if (!ids.length) continue;
    const title = titleFields[use.target] ?? 'id';
    const found = await req.payload.find({
      collection: use.target,
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
    const kind = kindName(contractModels[use.target]?.kind ?? use.target, locale);
    const drafts = docs.filter((target) => target._status !== 'published');
    if (drafts.length) {
      problems.push({
        path: use.field,
        message: say('notPublic', locale, {
          kind,
          names: nameList(
            drafts.map((target) => nameOf(use.target, target)),
            locale,
          ),
        }),
      });
    }
    const missing = ids.filter((wanted) => !docs.some((target) => target.id === wanted));
    if (missing.length) {
      problems.push({ path: use.field, message: say('missing', locale, { kind, ids: missing.join('; ') }) });
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

export type Dependent = { collection: CollectionSlug; count: number; names: string[] };

/** The published documents that use this one (as maker, edition or photo). */
export async function publishedDependents(
  req: PayloadRequest,
  collection: string,
  id: number | string,
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
        count: found.totalDocs,
        names: (found.docs as Doc[]).map((doc) => nameOf(use.collection, doc)),
      });
    }
  }
  return dependents;
}

/** "This artisan cannot be unpublished: published works use it (…)". */
export function dependentsMessage(
  collection: string,
  dependents: Dependent[],
  action: 'unpublished' | 'deleted',
  locale: Locale,
): string {
  return dependents
    .map((dependent) =>
      say('usedBy', locale, {
        kind: kindName(contractModels[collection]?.kind ?? collection, locale),
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
