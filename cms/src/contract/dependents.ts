import type { Locale } from '@oyu/shared-types';
import type { CollectionSlug, PayloadRequest } from 'payload';
import { kindName, nameList, say } from './messages';
import { contractModels, type Doc, nameOf, photoUses, publishedUses, titleFields } from './models';
import { linkFieldsOf } from './pointers';
import { isolatedRequest } from './reads';
import { fieldTitle, internalLinks, richTextFieldNames } from './richTextLinks';

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
