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
import { requestRebuild } from './rebuild';

/**
 * The automatic rebuild after publishing, switched on in Site settings. Each change the
 * public can see (a publish, an unpublish, an edit to a published document, a deletion)
 * restarts a countdown; the site is rebuilt once the countdown ends, so a curator publishing
 * ten works in a row causes one build, not ten. A countdown of 0 builds right after the write
 * (changes made while that build waits to start still join it).
 *
 * The countdown lives in the CMS process: if the CMS stops before it ends, that rebuild does
 * not happen (the next change, or a manual rebuild, catches up).
 */
let timer: NodeJS.Timeout | undefined;
/**
 * The request of the countdown that ended last. With a countdown of 0 (a build right after
 * each change), several can end close together: each asks only once the one before has queued
 * its build, so it joins that build instead of queueing another beside it.
 */
let asking: Promise<void> = Promise.resolve();

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
  clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    asking = asking.then(() =>
      requestRebuild(payload, { trigger: 'auto' }).then(
        () => undefined,
        (error: unknown) => payload.logger.error({ err: error }, 'the automatic rebuild could not start'),
      ),
    );
  }, delayMs);
  timer.unref();
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
