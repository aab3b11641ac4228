import os from 'node:os';
import { buildPhaseLabel, isBuildPhase } from '@oyu/shared-types';
import { info, progress } from './log';

/**
 * A site build through the CMS's build job, so that it lands in the build history (and can be
 * rolled back to from the Site page) whoever starts it: `pnpm run rebuild`, `pnpm start`. Runs the
 * job in this process through the Local API; the CMS must be answering on its port, since the
 * build reads its public API, and the CMS environment must be exported (`exportEnv`).
 */
export type BuildRecordView = {
  id: number;
  status: string;
  phase?: string | null;
  pagesDone?: number | null;
  pagesTotal?: number | null;
  pages?: number | null;
  bytes?: number | null;
  durationMs?: number | null;
  release?: string | null;
  mode?: string | null;
  rendered?: number | null;
  reason?: string | null;
  /** The process running it (host:pid), as the CMS's build queue records it. */
  runner?: string | null;
  warnings?: { message: string }[] | null;
  deploy?: string | null;
  error?: string | null;
  log?: string | null;
};

/** "partial build: rendered 12 pages; changed: works 3" or "full build: …", from a build's record. */
export function buildKind(record: BuildRecordView): string | undefined {
  if (record.mode === 'partial')
    return `partial build: rendered ${record.rendered ?? 0} pages; ${record.reason ?? ''}`;
  if (record.mode === 'full') return `full build${record.reason ? `: ${record.reason}` : ''}`;
  return undefined;
}

/**
 * Follows a running build's record on the console: each phase's name as the build enters it
 * (shared-types' `buildPhases`), and a progress bar while it writes pages.
 */
export function phaseFollower(): (record: BuildRecordView) => void {
  const bar = progress(buildPhaseLabel('pages', 'en'));
  let lastPhase: string | undefined;
  return (record) => {
    if (!isBuildPhase(record.phase)) return;
    if (record.phase === 'pages' && record.pagesDone) {
      bar(record.pagesDone, Math.max(record.pagesTotal ?? 0, record.pagesDone));
    } else if (record.phase !== lastPhase) {
      info(`  ${buildPhaseLabel(record.phase, 'en')}…`);
    }
    lastPhase = record.phase;
  };
}

export async function rebuildWithHistory(
  trigger: 'cli' | 'start',
  onUpdate: (record: BuildRecordView, joined: boolean) => void = () => {},
): Promise<BuildRecordView> {
  const [{ getPayload }, { default: config }, { requestRebuild }] = await Promise.all([
    import('payload'),
    import('@oyu/cms/config'),
    import('@oyu/cms/site'),
  ]);
  const payload = await getPayload({ config });
  const { build, joined, done } = await requestRebuild(payload, { trigger });
  const read = async () =>
    (await payload.findByID({
      collection: 'site-builds',
      id: build.id,
      depth: 0,
      overrideAccess: true,
    })) as BuildRecordView;
  let finished = false;
  void done.finally(() => {
    finished = true;
  });
  let record = await read();
  onUpdate(record, joined);
  while (!finished || record.status === 'queued' || record.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 300));
    record = await read();
    onUpdate(record, joined);
    // A build another process claimed (a CMS on the same database) is followed to its end;
    // one this process ran and left `running` (its job runner failed) is not waited for.
    if (finished && record.status === 'running' && record.runner === `${os.hostname()}:${process.pid}`) break;
  }
  return read();
}
