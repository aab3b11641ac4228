import { REST_GET } from '@payloadcms/next/routes';
import type { SanitizedConfig } from 'payload';
import { env } from '../env';
import { withPublicCache } from './publicCache';
import { withReadQueue } from './readQueue';

/**
 * The REST API's GET handler as the CMS serves it (app/(payload)/api/[...slug]/route.ts) and
 * the tests call it: an anonymous read of published content is answered from memory until the
 * next write (publicCache.ts); what the cache cannot answer waits its turn (readQueue.ts).
 */
export function restGet(config: Promise<SanitizedConfig> | SanitizedConfig) {
  const queued = withReadQueue(REST_GET(config), env.readQueue);
  return Object.assign(withPublicCache(queued, env.apiCacheBytes), { queue: queued.stats });
}
