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
  warnings?: { message: string }[] | null;
  deploy?: string | null;
  error?: string | null;
  log?: string | null;
};

/** "partial build: rendered 12 pages, …" or "full build: …", from a build's log. */
export function buildKind(log: string | null | undefined): string | undefined {
  const line = (log ?? '')
    .split('\n')
    .find((entry) => /\[oyu-incremental\] (full|partial) build: /.test(entry));
  return line?.replace(/^.*\[oyu-incremental\] /, '');
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
    // A build joined from elsewhere runs in another process: follow its record to the end.
    if (finished && !joined && record.status === 'running') break;
  }
  return read();
}
