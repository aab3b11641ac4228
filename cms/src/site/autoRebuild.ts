import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionConfig,
  GlobalAfterChangeHook,
  GlobalConfig,
  Payload,
  PayloadRequest,
} from 'payload';
import { appendCollectionHooks, appendGlobalHook } from '../hooks/appendHooks';
import { requestRebuild, wakeBuildQueue } from './rebuild';

/**
 * The automatic rebuild after publishing, switched on in Site settings. Each change the
 * public can see (a publish, an unpublish, an edit to a published document, a deletion)
 * restarts a countdown; the site is rebuilt once the countdown ends, so a curator publishing
 * ten works in a row causes one build, not ten. A countdown of 0 builds right after the write
 * (changes made while that build waits to start still join it).
 *
 * The countdown is data, not a timer: the waiting build's `notBefore` in the database
 * (buildQueue.ts), pushed later by each change through whichever CMS process took it. This
 * process's timer only wakes it to look; the process that claims the build runs it, and a CMS
 * that stops before the countdown ends leaves the waiting build for the next one that starts.
 */

/** `req` is the change's own request: its transaction holds the settings as they are now. */
export async function scheduleAutoRebuild(payload: Payload, req?: PayloadRequest): Promise<void> {
  const settings = await payload.findGlobal({
    slug: 'site-settings',
    depth: 0,
    overrideAccess: true,
    ...(req ? { req } : {}),
  });
  if (!settings.autoRebuild) return;
  const delayMs = (settings.autoRebuildDelaySeconds ?? 60) * 1000;
  // Not awaited, and outside the change's transaction: SQLite lets one transaction write at a
  // time, and the change's holds the lock until it commits, just after this hook.
  void requestRebuild(payload, {
    trigger: 'auto',
    notBefore: new Date(Date.now() + delayMs),
    runNow: false,
  }).then(
    () => wakeBuildQueue(payload, delayMs),
    (error: unknown) => payload.logger.error({ err: error }, 'the automatic rebuild could not be queued'),
  );
}

/** Whether the public can see this change: drafts that were never published cannot. */
function visible(doc: Record<string, unknown>, previous: Record<string, unknown> | undefined) {
  if (!('_status' in doc)) return true;
  return doc._status === 'published' || previous?._status === 'published';
}

const afterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (visible(doc, previousDoc)) await scheduleAutoRebuild(req.payload, req);
  return doc;
};
const afterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (visible(doc, undefined)) await scheduleAutoRebuild(req.payload, req);
  return doc;
};
const afterGlobalChange: GlobalAfterChangeHook = async ({ doc, req }) => {
  await scheduleAutoRebuild(req.payload, req);
  return doc;
};

/** Adds the hooks to a collection whose published content the site shows. */
export function rebuildsSite(collection: CollectionConfig): CollectionConfig {
  return appendCollectionHooks(collection, { afterChange, afterDelete });
}

export function rebuildsSiteGlobal(global: GlobalConfig): GlobalConfig {
  return appendGlobalHook(global, afterGlobalChange);
}
