import { REST_GET } from '@payloadcms/next/routes';
import type { SanitizedConfig } from 'payload';
import { publicApiSettings } from '../plugins/publicSite';
import { withPublicCache } from './publicCache';
import { type ReadQueueStats, withReadQueue } from './readQueue';

type Handler = ReturnType<typeof REST_GET>;

/**
 * The REST API's GET handler as the CMS serves it (app/(payload)/api/[...slug]/route.ts) and
 * the tests call it: an anonymous read of published content is answered from memory until the
 * next write (publicCache.ts); what the cache cannot answer waits its turn (readQueue.ts). Both
 * take their settings from the publicSite plugin's options, once the config has loaded.
 */
export function restGet(config: Promise<SanitizedConfig> | SanitizedConfig) {
  const idle: ReadQueueStats = { public: { running: 0, waiting: 0 }, signedIn: { running: 0, waiting: 0 } };
  let stats = () => idle;
  let ready: Handler | undefined;
  let building: Promise<Handler> | undefined;
  const build = async (): Promise<Handler> => {
    const settings = publicApiSettings(await config);
    const queued = withReadQueue(REST_GET(config), settings.readQueue);
    stats = queued.stats;
    ready = withPublicCache(queued, settings.cacheBytes);
    return ready;
  };
  // Once built, a request goes straight to the cache's check of the shared content stamp
  // (publicCache.ts), then to the queue if the cache cannot answer it.
  const get: Handler = (request, context) => {
    if (ready) return ready(request, context);
    building ??= build();
    return building.then((handler) => handler(request, context));
  };
  return Object.assign(get, { queue: () => stats() });
}
