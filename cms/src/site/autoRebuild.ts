import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionConfig,
  GlobalAfterChangeHook,
  GlobalConfig,
  Payload,
} from 'payload';
import { appendCollectionHooks, appendGlobalHook } from '../hooks/appendHooks';
import { requestRebuild } from './rebuild';

/**
 * The automatic rebuild after publishing, switched on in Site settings. Each change the
 * public can see (a publish, an unpublish, an edit to a published document, a deletion)
 * restarts a countdown; the site is rebuilt once the countdown ends, so a curator publishing
 * ten works in a row causes one build, not ten.
 *
 * The countdown lives in the CMS process: if the CMS stops before it ends, that rebuild does
 * not happen (the next change, or a manual rebuild, catches up).
 */
let timer: NodeJS.Timeout | undefined;

export async function scheduleAutoRebuild(payload: Payload): Promise<void> {
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true });
  if (!settings.autoRebuild) return;
  const delayMs = (settings.autoRebuildDelaySeconds ?? 60) * 1000;
  clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    requestRebuild(payload, { trigger: 'auto' }).catch((error: unknown) =>
      payload.logger.error({ err: error }, 'the automatic rebuild could not start'),
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
  if (visible(doc, previousDoc)) await scheduleAutoRebuild(req.payload);
  return doc;
};
const afterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (visible(doc, undefined)) await scheduleAutoRebuild(req.payload);
  return doc;
};
const afterGlobalChange: GlobalAfterChangeHook = async ({ doc, req }) => {
  await scheduleAutoRebuild(req.payload);
  return doc;
};

/** Adds the hooks to a collection whose published content the site shows. */
export function rebuildsSite(collection: CollectionConfig): CollectionConfig {
  return appendCollectionHooks(collection, { afterChange, afterDelete });
}

export function rebuildsSiteGlobal(global: GlobalConfig): GlobalConfig {
  return appendGlobalHook(global, afterGlobalChange);
}
