import fs from 'node:fs/promises';
import path from 'node:path';
import { type BuildSummary, BuildSummarySchema } from '@oyu/shared-types';
import type { Payload } from 'payload';
import { env } from '../env';

/**
 * The release a build published before its record could say so: its process ended (the CMS
 * stopped, the machine killed it) after the switch, in the steps that follow it (the search
 * index, what the next build reads). That release is live, was made between the build's start
 * and `until` (when it was last heard of), and no build's record names it. Undefined when the
 * live release is not such a one.
 */
export async function unclaimedLiveRelease(
  payload: Payload,
  startedAt: string | null | undefined,
  until: string,
): Promise<BuildSummary | undefined> {
  if (!startedAt) return undefined;
  const site = path.join(/*turbopackIgnore: true*/ env.dataDir, 'site');
  const target = await fs.readlink(path.join(site, 'current')).catch(() => undefined);
  if (!target) return undefined;
  const id = path.basename(target);
  const text = await fs
    .readFile(path.join(site, 'releases', id, 'oyu-release.json'), 'utf8')
    .catch(() => undefined);
  const parsed = text ? BuildSummarySchema.safeParse(safeJson(text)) : undefined;
  if (!parsed?.success || parsed.data.id !== id) return undefined;
  const builtAt = Date.parse(parsed.data.builtAt);
  if (!(builtAt >= Date.parse(startedAt) && builtAt <= Date.parse(until))) return undefined;
  const claimed = await payload.count({
    collection: 'site-builds',
    where: { release: { equals: id } },
    overrideAccess: true,
  });
  return claimed.totalDocs ? undefined : parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
