import type { z } from 'zod';
import { ArtisanRefSchema, ArtisanSchema } from './schemas/artisan';
import { EditionRefSchema, EditionSchema } from './schemas/edition';
import { mediaApiFields } from './schemas/media';
import { ShowcaseSchema } from './schemas/showcase';
import { VenueSchema } from './schemas/venue';
import { VocabularyTermSchema } from './schemas/vocabulary';
import { WorkSchema } from './schemas/work';

/**
 * How the public site reads each collection: which schema checks a document, how deep it is
 * populated, which fields of the documents it embeds are asked for (Payload's `populate`), and
 * which join fields are left out. One definition for both sides: the site turns it into REST
 * queries (site/src/lib/cms.ts), and the CMS reads a document exactly so before it lets it be
 * published (cms/src/contract/), so what the CMS accepts is what the site can build.
 */
export type ReadModel<S extends z.ZodType = z.ZodType> = {
  /** The API collection, e.g. `works`. */
  collection: string;
  /** How a document is named in messages. */
  kind: string;
  schema: S;
  /** 1: relationships come as documents; 0: as ids. */
  depth: 0 | 1;
  /** Whether the collection has drafts: then only published documents are read. */
  drafts: boolean;
  /** Only these fields of each embedded collection (every field when a collection is absent). */
  populate: Readonly<Record<string, readonly string[]>>;
  /** Join fields left out: they would bring whole documents with every answer. */
  withoutJoins: readonly string[];
};

/** The fields of an object schema, as `populate` names them (`id` always comes). */
export const fieldsOf = (schema: z.ZodObject): string[] =>
  Object.keys(schema.shape).filter((field) => field !== 'id');

const terms = fieldsOf(VocabularyTermSchema);
const media = mediaApiFields.filter((field) => field !== 'id');
/**
 * What a rich-text internal link needs of its document: what the page's address is made of.
 * Every model populates these (and the site settings are read with them), so a link comes with
 * its target's slug or year.
 */
export const linkTargets = {
  works: ['slug'],
  artisans: fieldsOf(ArtisanRefSchema),
  editions: fieldsOf(EditionRefSchema),
  showcases: ['slug'],
} as const;

export const readModels = {
  artisans: {
    collection: 'artisans',
    kind: 'artisan',
    schema: ArtisanSchema,
    depth: 1,
    drafts: true,
    populate: { ...linkTargets, media },
    withoutJoins: ['works'],
  },
  works: {
    collection: 'works',
    kind: 'work',
    schema: WorkSchema,
    depth: 1,
    drafts: true,
    populate: {
      ...linkTargets,
      media,
      'piece-types': terms,
      materials: terms,
      techniques: terms,
    },
    withoutJoins: ['showcases'],
  },
  editions: {
    collection: 'editions',
    kind: 'edition',
    schema: EditionSchema,
    depth: 1,
    drafts: true,
    populate: { ...linkTargets, media, venues: ['slug', 'name'] },
    withoutJoins: ['showcases', 'works'],
  },
  // The works in the curator's order, as ids: populated, each would bring a whole work.
  showcases: {
    collection: 'showcases',
    kind: 'collection',
    schema: ShowcaseSchema,
    depth: 1,
    drafts: true,
    populate: { ...linkTargets },
    withoutJoins: [],
  },
  // Opening hours name their edition by id, which is all the site reads of it.
  venues: {
    collection: 'venues',
    kind: 'venue',
    schema: VenueSchema,
    depth: 0,
    drafts: false,
    populate: {},
    withoutJoins: [],
  },
} as const satisfies Record<string, ReadModel>;

export type ReadModelName = keyof typeof readModels;
