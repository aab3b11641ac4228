import {
  APIError,
  type Collection,
  type CollectionBeforeOperationHook,
  type CollectionConfig,
  type FlattenedField,
  NotFound,
  type PayloadRequest,
} from 'payload';

/**
 * Guards on what a query may ask, run before Payload reads anything:
 *
 * - a sort may not read what its requester may not (guardSorts, guardJoinSorts);
 * - a `where` compares each field with a value of its kind (guardWhereValues);
 * - `limit` and `page` are numbers a database can use (guardPaging).
 */

/**
 * Refuses a sort that reads, through a relationship, a collection the requester may not read
 * in full: `?sort=createdBy.email` on works, asked by a curator, who may read only their own
 * account. Payload keeps such a `where` within the requester's rights (a filter on another
 * user's e-mail matches nothing), but sorts by the related value as it is, so the order of the
 * answer would tell which e-mails come before which: with their own e-mail to move, a curator
 * could find out everyone's. The public may not read users at all and Payload refuses it that
 * path already; this closes it for everyone else.
 *
 * A sort by the document's own fields, or through a relationship whose collection the
 * requester reads without restriction, is left alone.
 */
export const guardSorts: CollectionBeforeOperationHook = async ({ args, operation, req, collection }) => {
  if (operation !== 'read' || args.overrideAccess === true) return args;
  const sort = (args as { sort?: string | string[] }).sort;
  if (!sort) return args;
  const paths = (Array.isArray(sort) ? sort : String(sort).split(','))
    .map((path) => path.trim().replace(/^[-+]/, ''))
    .filter((path) => path.includes('.'));
  for (const path of paths) {
    const hidden = await hiddenHop(path, collection.flattenedFields, req);
    if (hidden) {
      throw new APIError(
        `Sorting by ${path} is not allowed: it reads ${hidden}, which you may not read in full. Sort by a field of the ${collection.slug} themselves.`,
        400,
      );
    }
  }
  return args;
};

/**
 * The documents a join field lists (an artisan's works) may be sorted by a field of their own
 * that is the same in every language: `?joins[works][sort]=createdBy.email` would order them by
 * what the requester may not read, and Payload's SQL for a sort by a translated field (`title`)
 * fails with a 500. Anything else is refused with a 400 that lists what may be used.
 */
export const guardJoinSorts: CollectionBeforeOperationHook = ({ args, operation, req, collection }) => {
  if (operation !== 'read' || args.overrideAccess === true) return args;
  const joins = (args as { joins?: Record<string, false | { sort?: string | string[] }> }).joins;
  if (!joins || typeof joins !== 'object') return args;
  const collections = req.payload.collections as Record<string, Collection | undefined>;
  for (const [name, join] of Object.entries(joins)) {
    if (!join || !join.sort) continue;
    const field = collection.flattenedFields.find((candidate) => candidate.name === name);
    const target = field?.type === 'join' ? collections[field.collection as string]?.config : undefined;
    if (!target) continue;
    const sortable = target.flattenedFields
      .filter(
        (candidate) => fieldAffectsSort(candidate) && !('localized' in candidate && candidate.localized),
      )
      .map((candidate) => candidate.name);
    sortable.unshift('id');
    for (const path of (Array.isArray(join.sort) ? join.sort : String(join.sort).split(',')).map((value) =>
      value.trim().replace(/^[-+]/, ''),
    )) {
      if (!sortable.includes(path)) {
        throw new APIError(
          `The ${name} of ${collection.slug} cannot be sorted by ${path}: use one of ${sortable.join(', ')}.`,
          400,
        );
      }
    }
  }
  return args;
};

/** Fields that hold one plain value of the document itself. */
function fieldAffectsSort(field: FlattenedField): boolean {
  return (
    ['text', 'number', 'date', 'select', 'checkbox', 'email', 'radio'].includes(field.type) ||
    field.name === 'id'
  );
}

/**
 * The first collection along `path` the requester may read only in part, if any; with
 * `counts`, only collections it accepts are considered.
 */
async function hiddenHop(
  path: string,
  fields: FlattenedField[],
  req: PayloadRequest,
  counts?: (config: CollectionConfig) => boolean,
): Promise<string | undefined> {
  const collections = req.payload.collections as Record<string, Collection | undefined>;
  let current = fields;
  const segments = path.split('.');
  for (const [index, segment] of segments.entries()) {
    const field = current.find((candidate) => candidate.name === segment);
    if (!field) return undefined;
    if (field.type === 'relationship' || field.type === 'upload') {
      const targets = Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo];
      for (const target of targets) {
        const config = collections[target]?.config;
        if (config && counts && !counts(config)) continue;
        const read = config?.access?.read;
        const allowed = read ? await read({ req }) : Boolean(req.user);
        if (allowed !== true) return target;
      }
      const first = collections[targets[0] as string]?.config;
      if (!first) return undefined;
      current = first.flattenedFields;
    } else if ('flattenedFields' in field && Array.isArray(field.flattenedFields)) {
      current = field.flattenedFields;
    } else {
      // A path inside a plain value: Payload's SQL for it fails (a `where`, which passes
      // `counts`, gets its own message from checkWhere).
      if (!counts && index < segments.length - 1) {
        throw new APIError(`Sorting by ${path} is not possible: ${segment} has no fields inside it.`, 400);
      }
      return undefined;
    }
  }
  return undefined;
}

type Where = Record<string, unknown>;

const isLogical = (key: string) => ['and', 'or', 'AND', 'OR'].includes(key);

/** The field paths a `where` compares, through its and/or groups. */
function wherePaths(where: unknown): string[] {
  if (!where || typeof where !== 'object') return [];
  return Object.entries(where as Where).flatMap(([key, condition]) => {
    if (!isLogical(key)) return [key];
    const parts = Array.isArray(condition) ? condition : Object.values(condition ?? {});
    return parts.flatMap(wherePaths);
  });
}

/**
 * Refuses a `where` that compares, through a relationship to accounts (a work's `createdBy`),
 * a field of accounts the requester may not read: a curator, who may read only their own
 * account, asking `?draft=true&where[createdBy.email][like]=a` got 1 or 0 works back, and so
 * could spell out other staff's e-mails, names and roles. Payload keeps such a filter within
 * the requester's rights on published reads but not on draft reads, bulk writes or counts; a
 * 400 closes it whatever the operation. Comparing the relationship itself (`createdBy`, or
 * `createdBy.id`) tells nothing and stays allowed.
 */
export const guardWhereReads: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
  collection,
}) => {
  const operations = ['read', 'update', 'delete', 'count', 'findVersions', 'countVersions'];
  if (!operations.includes(operation) || (args as { overrideAccess?: boolean }).overrideAccess === true)
    return args;
  const { where, joins } = args as { where?: unknown; joins?: Record<string, false | { where?: unknown }> };
  const collections = req.payload.collections as Record<string, Collection | undefined>;
  const checks: { fields: FlattenedField[]; paths: string[] }[] = [
    { fields: collection.flattenedFields, paths: wherePaths(where) },
  ];
  for (const [name, join] of Object.entries(joins && typeof joins === 'object' ? joins : {})) {
    const field = collection.flattenedFields.find((candidate) => candidate.name === name);
    const target = field?.type === 'join' ? collections[field.collection as string]?.config : undefined;
    if (join && target) checks.push({ fields: target.flattenedFields, paths: wherePaths(join.where) });
  }
  for (const { fields, paths } of checks) {
    for (const path of paths) {
      // A version's fields are the document's, under `version`.
      const compared = path.replace(/\.id$/, '').replace(/^version\./, '');
      if (!compared.includes('.')) continue;
      const hidden = await hiddenHop(compared, fields, req, (config) => Boolean(config.auth));
      if (hidden) {
        const relation = compared.split('.')[0];
        throw new APIError(
          `Filtering by ${path} is not allowed: it reads ${hidden}, which you may not read in full. Filter by ${relation} itself (an id).`,
          400,
        );
      }
    }
  }
  return args;
};

/** Operators whose value is a list (an array, or words separated by commas). */
const listOperators = new Set(['in', 'not_in', 'all']);
/** Operators that compare text, meaningless on an id, a number or a date. */
const textOperators = new Set(['like', 'not_like', 'contains']);
const geoOperators = new Set(['near', 'within', 'intersects']);

/**
 * Checks the values of a `where` against the fields they are compared with, before Payload
 * hands them to the database. Payload passes a relationship compared with a word, or a date
 * that is not one, to SQL as it is: the database fails and the client gets a 500 "Something
 * went wrong" (the randomized probe in tests/int/probe.test.ts found 67 in 1,200 requests).
 * Here they get a 400 that says which condition to fix. Paths Payload does not know are left
 * to it: it refuses them itself.
 */
export function checkWhere(
  where: unknown,
  fields: FlattenedField[],
  collections: Record<string, Collection | undefined>,
): void {
  if (!where || typeof where !== 'object') return;
  for (const [key, condition] of Object.entries(where as Where)) {
    if (isLogical(key)) {
      const parts = Array.isArray(condition) ? condition : Object.values(condition ?? {});
      for (const part of parts) checkWhere(part, fields, collections);
      continue;
    }
    if (!condition || typeof condition !== 'object') continue;
    const kind = valueKind(key, fields, collections);
    if (!kind) continue;
    for (const [operator, value] of Object.entries(condition as Where))
      checkValue(key, operator, value, kind);
  }
}

type ValueKind =
  | { kind: 'id' | 'number' | 'date' | 'checkbox' | 'point' | 'text' | 'document' }
  | { kind: 'choice'; options: string[] };

/** What a path's values must be, or undefined for what this does not follow. */
function valueKind(
  path: string,
  fields: FlattenedField[],
  collections: Record<string, Collection | undefined>,
): ValueKind | undefined {
  let current = fields;
  const segments = path.split('.');
  let atDocument = true;
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1;
    // A document's id is a number; the id of a row in an array or block is a string.
    if (segment === 'id') return last && atDocument ? { kind: 'id' } : undefined;
    const field = current.find((candidate) => candidate.name === segment);
    if (!field) return undefined;
    const nested = 'flattenedFields' in field && Array.isArray(field.flattenedFields);
    const related = field.type === 'relationship' || field.type === 'upload';
    // Payload turns a path inside a plain value, rich text or JSON into SQL the database refuses.
    if (!last && !nested && !related) {
      throw new APIError(`where[${path}]: ${segment} has no fields inside it to search.`, 400);
    }
    switch (field.type) {
      case 'relationship':
      case 'upload': {
        if (Array.isArray(field.relationTo)) return undefined;
        if (last) return { kind: 'id' };
        const target = collections[field.relationTo]?.config;
        if (!target) return undefined;
        current = target.flattenedFields;
        atDocument = true;
        break;
      }
      case 'join':
        return { kind: 'id' };
      case 'number':
      case 'date':
      case 'checkbox':
      case 'point':
        return { kind: field.type };
      case 'select':
      case 'radio':
        return {
          kind: 'choice',
          options: field.options.map((option) => (typeof option === 'string' ? option : option.value)),
        };
      case 'richText':
      case 'json':
        return { kind: 'document' };
      default:
        if (!nested) return { kind: 'text' };
        if (last) return undefined;
        current = (field as { flattenedFields: FlattenedField[] }).flattenedFields;
        atDocument = false;
    }
  }
  return undefined;
}

function checkValue(path: string, operator: string, value: unknown, { kind, ...rest }: ValueKind): void {
  // The value is not repeated back: an error message is no place for whatever was sent.
  const refuse = (needs: string): never => {
    throw new APIError(`where[${path}][${operator}] ${needs}.`, 400);
  };
  if (Array.isArray(value) && !listOperators.has(operator) && kind !== 'point') {
    refuse(`takes one value (it was given ${value.length}): use in or not_in for several`);
  }
  if (operator === 'exists') {
    if (![true, false, 'true', 'false'].includes(value as string)) refuse('needs true or false');
    return;
  }
  switch (kind) {
    case 'text':
      return;
    case 'document':
      // Rich text and JSON are stored as JSON: PostgreSQL cannot compare it with text.
      refuse(`cannot search inside ${path}: only exists works on rich text`);
      return;
    case 'point':
      if (!geoOperators.has(operator) && !['equals', 'not_equals'].includes(operator)) {
        refuse('is not a way to compare a position: use near, within or intersects');
      }
      return;
  }
  // `contains` on ids and numbers means "has this one" for a field holding several (Payload's
  // idiom for hasMany relationships); its value is checked as an id or a number below.
  if (textOperators.has(operator) && !(operator === 'contains' && (kind === 'id' || kind === 'number'))) {
    const what = {
      id: 'an id',
      number: 'a number',
      date: 'a date',
      choice: 'one of a list',
      checkbox: 'true or false',
    }[kind];
    refuse(
      `compares text; ${path} is ${what}: use equals or in${kind === 'choice' ? '' : ', greater_than or less_than'}`,
    );
  }
  const options = 'options' in rest ? rest.options : [];
  if (kind === 'choice' && !['equals', 'not_equals', 'in', 'not_in', 'all'].includes(operator)) {
    refuse(`compares order; ${path} is one of ${options.join(', ')}: use equals or in`);
  }
  const values = listOperators.has(operator)
    ? Array.isArray(value)
      ? value
      : String(value).split(',')
    : [value];
  for (const item of values) {
    if (item === null || item === 'null') continue;
    const text = String(item).trim();
    if (kind === 'id' || kind === 'number') {
      if (text === '' || !Number.isFinite(Number(text)))
        refuse(kind === 'id' ? 'needs an id (a number)' : 'needs a number');
    } else if (kind === 'date') {
      if (text === '' || Number.isNaN(Date.parse(text)))
        refuse('needs a date, e.g. 2026-05-01 or 2026-05-01T10:00:00Z');
    } else if (kind === 'checkbox') {
      if (!['true', 'false'].includes(text)) refuse('needs true or false');
    } else if (kind === 'choice' && !options.includes(text)) {
      refuse(`needs one of ${options.join(', ')}`);
    }
  }
}

/** `where` (and the `where` of each join) checked against the collection's fields. */
export const guardWhereValues: CollectionBeforeOperationHook = ({ args, operation, req, collection }) => {
  if (!['read', 'update', 'delete', 'count'].includes(operation)) return args;
  const collections = req.payload.collections as Record<string, Collection | undefined>;
  const { where, joins } = args as { where?: unknown; joins?: Record<string, false | { where?: unknown }> };
  checkWhere(where, collection.flattenedFields, collections);
  if (joins && typeof joins === 'object') {
    for (const [name, join] of Object.entries(joins)) {
      if (!join || !join.where) continue;
      const field = collection.flattenedFields.find((candidate) => candidate.name === name);
      const target = field?.type === 'join' ? collections[field.collection as string]?.config : undefined;
      if (target) checkWhere(join.where, target.flattenedFields, collections);
    }
  }
  return args;
};

/**
 * `limit` and `page` (also a join's) are whole numbers, `limit` 0 or more and `page` 1 or more:
 * Payload hands a negative one to SQL as an offset, which fails with a 500.
 */
export const guardPaging: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'read') return args;
  const { limit, page, joins } = args as {
    limit?: unknown;
    page?: unknown;
    joins?: Record<string, false | { limit?: unknown; page?: unknown }>;
  };
  const check = (name: string, value: unknown, least: number) => {
    if (value === undefined || value === null) return;
    const number = Number(value);
    if (!Number.isInteger(number) || number < least) {
      throw new APIError(`${name} must be a whole number, ${least} or more.`, 400);
    }
  };
  check('limit', limit, 0);
  check('page', page, 1);
  if (joins && typeof joins === 'object') {
    for (const [name, join] of Object.entries(joins)) {
      if (!join) continue;
      check(`joins[${name}][limit]`, join.limit, 0);
      check(`joins[${name}][page]`, join.page, 1);
    }
  }
  return args;
};

/** Ids are whole numbers (the databases' integer keys) within the range they can hold. */
const largestId = 2 ** 31 - 1;

/**
 * A document id that is not one (`/api/works/abc`, `1.5`, `-1`) answers 400: Payload handed it
 * to SQL as it was, and the database's refusal was a 500. A whole number past what the key
 * column holds is no document: 404.
 */
export const guardIds: CollectionBeforeOperationHook = ({ args, operation }) => {
  const byId = ['read', 'update', 'delete', 'findVersionByID', 'restoreVersion'];
  const id = (args as { id?: unknown }).id;
  if (!byId.includes(operation) || id === undefined || id === null || typeof id === 'object') return args;
  const text = String(id);
  if (!/^\d+$/.test(text)) {
    // Not repeated back: an error message is no place for whatever was sent.
    throw new APIError('The id in the address is not one: ids are whole numbers, such as 42.', 400);
  }
  if (Number(text) > largestId) throw new NotFound();
  return args;
};

/** The guards on a collection. */
export function guardsQueries(collection: CollectionConfig): CollectionConfig {
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [
        guardSorts,
        guardJoinSorts,
        guardWhereReads,
        guardWhereValues,
        guardPaging,
        guardIds,
        ...(collection.hooks?.beforeOperation ?? []),
      ],
    },
  };
}
