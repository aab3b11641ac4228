import type { Endpoint, Payload, PayloadRequest, TaskConfig } from 'payload';
import { hasRole } from '../access/roles';
import { driveQueue, enqueue, type RunClaimed, wakeIn } from './buildQueue';
import type { BuildTrigger } from './builds';
import { PublishError, publishBuild, runBuild } from './runBuild';

/**
 * Starting site builds. Every build is a `site-builds` record and a Payload job on the `site`
 * queue, whoever asks for it: the Site page in the admin, `pnpm run rebuild`, `pnpm start`, or
 * the automatic rebuild after publishing.
 */
export const siteQueue = 'site';

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

/** Runs a build this process claimed from the queue (buildQueue.ts), as a job on the `site` queue. */
export const runClaimed: RunClaimed = async (payload, buildId) => {
  const job = await payload.jobs.queue({ task: 'rebuildSite', input: { build: buildId }, queue: siteQueue });
  await payload.jobs
    // The build's own record tells its story; errors from the job runner are still logged.
    .runByID({ id: job.id, silent: { info: true } })
    .catch((error: unknown) => payload.logger.error({ err: error }, `site build ${buildId} did not run`));
};

/** Looks at the shared queue, and runs in this process what is due there and no other process took. */
export const driveBuildQueue = (payload: Payload) => driveQueue(payload, runClaimed);

/** Wakes this process in `ms` to look at the queue: the automatic rebuild's countdown as this process set it. */
export const wakeBuildQueue = (payload: Payload, ms: number) => wakeIn(payload, runClaimed, ms);

export type RebuildRequest = {
  trigger: BuildTrigger;
  userId?: number | undefined;
  /** Look at the queue and run what is due now (default), rather than leave it to a later look. */
  runNow?: boolean;
  /** The earliest the build may start (the automatic rebuild's countdown); now by default. */
  notBefore?: Date;
};

/**
 * Asks for a build. A build that is queued and not yet started will read everything
 * published by the time it starts, so a second request, from this process or another on the
 * same database, joins it instead of queueing another (buildQueue.ts). `done` settles once
 * this process has nothing left to do for the queue: the build ran here, another process
 * claimed it, or its countdown has not ended.
 */
export async function requestRebuild(payload: Payload, request: RebuildRequest) {
  const { build, joined } = await enqueue(payload, {
    trigger: request.trigger,
    userId: request.userId,
    notBefore: request.notBefore ?? new Date(),
  });
  const done =
    request.runNow === false
      ? Promise.resolve()
      : driveBuildQueue(payload).catch((error: unknown) =>
          payload.logger.error({ err: error }, 'the site build queue could not be read'),
        );
  return { build, joined, done };
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
