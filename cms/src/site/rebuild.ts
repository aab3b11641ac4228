import type { Endpoint, Payload, PayloadRequest, TaskConfig } from 'payload';
import { hasRole } from '../access/roles';
import type { BuildTrigger } from './builds';
import { failBuild, PublishError, publishBuild, runBuild } from './runBuild';

/**
 * Starting site builds. Every build is a `site-builds` record and a Payload job on the `site`
 * queue, whoever asks for it: the Site page in the admin, `pnpm run rebuild`, `pnpm start`, or
 * the automatic rebuild after publishing.
 */
export const siteQueue = 'site';
/** A build still waiting after this long will not start: the process that queued it is gone. */
const staleAfterMs = 10 * 60 * 1000;

/** The job: run the build of one `site-builds` record. */
export const rebuildSiteTask: TaskConfig<'rebuildSite'> = {
  slug: 'rebuildSite',
  label: 'Rebuild the public site',
  inputSchema: [{ name: 'build', type: 'number', required: true }],
  // A failed build is reported, not retried: the organiser decides what to do about it.
  retries: 0,
  handler: async ({ input, req }) => {
    await runBuild(req.payload, input.build);
    return { output: {} };
  },
};

export type RebuildRequest = {
  trigger: BuildTrigger;
  userId?: number | undefined;
  /** Run the job in this process now (default), rather than leave it to the queue's runner. */
  runNow?: boolean;
};

/**
 * Asks for a build. A build that is queued and not yet started will read everything
 * published by the time it starts, so a second request joins it instead of queueing another.
 */
export async function requestRebuild(payload: Payload, request: RebuildRequest) {
  const waiting = await payload.find({
    collection: 'site-builds',
    where: { status: { equals: 'queued' } },
    sort: 'queuedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  });
  const queued = waiting.docs[0];
  if (queued && Date.now() - Date.parse(queued.queuedAt) < staleAfterMs) {
    return { build: queued, joined: true, done: Promise.resolve() };
  }
  if (queued) {
    // Queued long ago and never started (its process ended): say so, and start afresh.
    await failBuild(payload, queued.id, 'this build never started; a newer one replaced it');
  }
  const build = await payload.create({
    collection: 'site-builds',
    data: {
      status: 'queued',
      trigger: request.trigger,
      queuedAt: new Date().toISOString(),
      ...(request.userId ? { startedBy: request.userId } : {}),
    },
    overrideAccess: true,
    depth: 0,
  });
  const job = await payload.jobs.queue({ task: 'rebuildSite', input: { build: build.id }, queue: siteQueue });
  const done =
    request.runNow === false
      ? Promise.resolve()
      : payload.jobs
          // The build's own record tells its story; errors from the job runner are still logged.
          .runByID({ id: job.id, silent: { info: true } })
          .then(() => undefined)
          .catch((error: unknown) =>
            payload.logger.error({ err: error }, `site build ${build.id} did not run`),
          );
  return { build, joined: false, done };
}

const canBuild = (req: PayloadRequest) => hasRole(req.user, 'admin', 'organiser');
const refuse = () =>
  Response.json(
    { errors: [{ message: 'Only organisers and admins can rebuild the site.' }] },
    { status: 403 },
  );

/** `POST /api/site-builds/rebuild` and `POST /api/site-builds/:id/publish` (rollback). */
export const siteBuildEndpoints: Endpoint[] = [
  {
    path: '/rebuild',
    method: 'post',
    handler: async (req) => {
      if (!canBuild(req)) return refuse();
      const { build, joined } = await requestRebuild(req.payload, {
        trigger: 'admin',
        userId: typeof req.user?.id === 'number' ? req.user.id : undefined,
      });
      return Response.json({ build: { id: build.id, status: build.status }, joined }, { status: 202 });
    },
  },
  {
    path: '/:id/publish',
    method: 'post',
    handler: async (req) => {
      if (!canBuild(req)) return refuse();
      const id = Number(req.routeParams?.id);
      if (!Number.isInteger(id)) {
        return Response.json({ errors: [{ message: 'Not a build id.' }] }, { status: 404 });
      }
      try {
        await publishBuild(req.payload, id);
      } catch (error) {
        if (error instanceof PublishError) {
          return Response.json({ errors: [{ message: error.message }] }, { status: 409 });
        }
        if ((error as { status?: number }).status === 404) {
          return Response.json({ errors: [{ message: 'No such build.' }] }, { status: 404 });
        }
        throw error;
      }
      return Response.json({ build: { id, live: true } });
    },
  },
];
