import { type Access, APIError, type Payload, type PayloadRequest, type Where } from 'payload';
import { guardIds } from '../api/queryGuards';

/**
 * Who may take, hand over and lift the admin's document locks (`payload-locked-documents`).
 * Payload lets anyone signed in write any lock, naming anyone: a curator could lock a work
 * they may not edit, in an organiser's name, and every other save of it would answer 423. Here
 * a lock may be taken or taken over only on a document its requester may edit, and only in
 * their own name; it may be lifted by its holder or by someone who may edit the document. The
 * admin itself takes locks in server code (no access check) and takes over and lifts them
 * through REST, which these rules allow.
 *
 * Payload adds the collection while it builds the config, after plugins run, so its rules are
 * set when the CMS starts (`guardDocumentLocks` in onInit).
 *
 * No upstream issue found (Payload 3.90 gives the collection only "signed in" access, since
 * https://github.com/payloadcms/payload/pull/11624). Remove once Payload checks the locked
 * document's own update access and the lock's owner: "who may lock what" in
 * cms/tests/int/locking.test.ts, with `guardDocumentLocks` not called, tells.
 */
const slug = 'payload-locked-documents';

type LockData = {
  document?: { relationTo?: unknown; value?: unknown } | null;
  globalSlug?: unknown;
  user?: { relationTo?: unknown; value?: unknown } | number | string | null;
};

const refuse = (message: string): never => {
  throw new APIError(message, 403);
};

/** Whether the request's user may update one document (or a global), by its own rules. */
async function mayEdit(req: PayloadRequest, target: LockData): Promise<boolean> {
  const { payload } = req;
  if (typeof target.globalSlug === 'string' && target.globalSlug) {
    const global = payload.config.globals.find((candidate) => candidate.slug === target.globalSlug);
    return Boolean(global && (await global.access.update?.({ req })) === true);
  }
  const relationTo = String(target.document?.relationTo ?? '');
  const id = target.document?.value;
  const collection = payload.collections[relationTo as keyof typeof payload.collections]?.config;
  if (!collection || id === undefined || id === null || typeof id === 'object') return false;
  const rule = await collection.access.update?.({ req, id: id as number });
  if (rule === true || rule === false || !rule) return rule === true;
  // A rule that is a query (a curator's own works) is asked of the database.
  const { totalDocs } = await payload.count({
    collection: relationTo as never,
    where: { and: [{ id: { equals: id } }, rule as Where] },
    overrideAccess: true,
  });
  return totalDocs > 0;
}

const userOf = (data: LockData): unknown =>
  data.user && typeof data.user === 'object' ? data.user.value : data.user;

/** Taking a lock, or taking one over: only in one's own name, on what one may edit. */
const mayWrite = async (req: PayloadRequest, data: LockData | undefined, existing?: LockData) => {
  if (!req.user) return false;
  // Asked for permissions (the admin's /access), with nothing to check yet.
  if (!data) return true;
  if (data.user !== undefined && String(userOf(data)) !== String(req.user.id)) {
    refuse('A document lock can be taken only in your own name.');
  }
  const target: LockData = {
    document: data.document ?? existing?.document ?? null,
    globalSlug: data.globalSlug ?? existing?.globalSlug,
  };
  if (!(await mayEdit(req, target))) refuse('You may lock only documents you may edit.');
  return true;
};

async function existingLock(
  payload: Payload,
  id: number | string | undefined,
): Promise<LockData | undefined> {
  if (id === undefined) return undefined;
  const lock = await payload.db.findOne({ collection: slug, where: { id: { equals: id } } });
  return (lock ?? undefined) as LockData | undefined;
}

const create: Access = ({ req, data }) => mayWrite(req, data as LockData | undefined);

/** A bulk change (a `where`, no id) reaches only the requester's own locks. */
const ownLocks = (req: PayloadRequest): Where => ({ 'user.value': { equals: req.user?.id } });

const update: Access = async ({ req, id, data }) => {
  if (id !== undefined)
    return mayWrite(req, data as LockData | undefined, await existingLock(req.payload, id));
  const lock = data as LockData | undefined;
  if (!(await mayWrite(req, lock?.document || lock?.globalSlug ? lock : undefined))) return false;
  if (lock?.user !== undefined && String(userOf(lock)) !== String(req.user?.id)) {
    refuse('A document lock can be taken only in your own name.');
  }
  return ownLocks(req);
};

/** Lifting a lock: its holder, or anyone who may edit the document (the admin's "take over"). */
const remove: Access = async ({ req, id }) => {
  if (!req.user) return false;
  if (id === undefined) return ownLocks(req);
  const lock = await existingLock(req.payload, id);
  if (!lock) return true;
  if (String(userOf(lock)) === String(req.user.id)) return true;
  if (!(await mayEdit(req, lock))) refuse('You may unlock only documents you may edit.');
  return true;
};

/** Sets the lock collection's rules; call once the CMS has started. */
export function guardDocumentLocks(payload: Payload): void {
  const locks = payload.collections[slug as keyof typeof payload.collections]?.config;
  if (!locks) return;
  locks.access = { ...locks.access, create, update, delete: remove };
  // A malformed id is a 400 here as on every other collection (api/queryGuards.ts).
  locks.hooks.beforeOperation = [guardIds, ...(locks.hooks.beforeOperation ?? [])];
}
