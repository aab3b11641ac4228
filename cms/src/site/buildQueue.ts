import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SiteBuild } from '@oyu/shared-types/payload-types';
// drizzle's `sql`, the same for both adapters (one drizzle-orm in the workspace).
import { sql } from '@payloadcms/db-sqlite';
import type { CollectionBeforeChangeHook, Payload } from 'payload';
import { env } from '../env';
import { isProcessAlive } from '../processes';
import type { BuildTrigger } from './builds';
import { unclaimedLiveRelease } from './publishedRelease';
import { failBuild, recordPublishedAnyway } from './runBuild';

/**
 * The build queue, in the database, so that every CMS process on it shares one (two CMS
 * processes behind one address, docs/development.md):
 *  - at most one build waits at a time: the `site-builds` record with status `queued`. Its
 *    `queueSlot` is "queued" under a unique index, so two processes asking at the same moment
 *    cannot queue two; the second joins the first;
 *  - the automatic rebuild's countdown is that record's `notBefore`, pushed later by each
 *    change through any process. A process's timer only wakes it to look at the record;
 *  - a build starts when one process claims it, in one statement that turns the waiting record
 *    into the running one only while no other build runs. Every other process's claim changes
 *    nothing; they go back to waiting;
 *  - a restart loses nothing: the waiting record stays, and a starting CMS drives the queue.
 */
const slot = 'queued';
/** How often a process that waits for a running build to end looks again. */
const pollMs = 1000;
/** A build recorded as running but not heard of for this long, with no build holding the lock, is dead. */
const silentAfterMs = 10 * 60 * 1000;
/** Who runs a build this process claims: the host and process, to tell later whether it still lives. */
const runner = `${os.hostname()}:${process.pid}`;

type SQL = ReturnType<typeof sql>;

type QueueDb = {
  sessions?: Record<string | number, { db: unknown } | undefined>;
  execute: (args: { drizzle: unknown; sql: SQL }) => Promise<{ rows?: Record<string, unknown>[] }>;
};

/**
 * Runs one statement in a transaction of its own; the rows it returned. A transaction, not the
 * adapter's connection: in SQLite a write outside one fails at once while another transaction of
 * this process holds the lock (sqliteTransactions.ts queues transactions, not bare statements).
 */
async function rows(payload: Payload, statement: SQL) {
  const db = payload.db as unknown as QueueDb;
  const id = await payload.db.beginTransaction();
  if (id === null) throw new Error('the build queue needs database transactions');
  try {
    const { rows: found = [] } = await db.execute({ drizzle: db.sessions?.[id]?.db, sql: statement });
    await payload.db.commitTransaction(id);
    return found;
  } catch (error) {
    await payload.db.rollbackTransaction(id);
    throw error;
  }
}

/** Keeps `queueSlot` set exactly while a build waits, whoever changes its status. */
export const leaveQueueSlot: CollectionBeforeChangeHook<SiteBuild> = ({ data }) => {
  if (data.status && data.status !== 'queued') data.queueSlot = null;
  return data;
};

export async function waitingBuild(payload: Payload): Promise<SiteBuild | undefined> {
  const waiting = await payload.find({
    collection: 'site-builds',
    where: { status: { equals: 'queued' } },
    sort: 'queuedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  });
  return waiting.docs[0];
}

export type QueueRequest = {
  trigger: BuildTrigger;
  userId?: number | undefined;
  /** The earliest the build may start. */
  notBefore: Date;
};

/**
 * Adds a change to the waiting build, or queues one. An automatic countdown starts again with
 * each change; a build someone asks for now brings the waiting one forward, and a countdown
 * does not push back a build someone asked for.
 */
export async function enqueue(
  payload: Payload,
  request: QueueRequest,
): Promise<{ build: SiteBuild; joined: boolean }> {
  for (let attempt = 1; ; attempt += 1) {
    const waiting = await waitingBuild(payload);
    if (waiting) {
      const joined = await join(payload, waiting, request);
      if (joined) return { build: joined, joined: true };
      continue;
    }
    try {
      const build = await payload.create({
        collection: 'site-builds',
        data: {
          status: 'queued',
          queueSlot: slot,
          trigger: request.trigger,
          queuedAt: new Date().toISOString(),
          notBefore: request.notBefore.toISOString(),
          ...(request.userId ? { startedBy: request.userId } : {}),
        },
        overrideAccess: true,
        depth: 0,
      });
      return { build, joined: false };
    } catch (error) {
      // Another process queued one between our look and our insert (the unique slot refused
      // this one): join it. Anything else is a real failure.
      if (attempt >= 5 || !(await waitingBuild(payload))) throw error;
    }
  }
}

/**
 * Adds the request to the waiting build; undefined when it no longer waits (claimed meanwhile).
 * A request someone made (not a countdown) makes the build theirs in the history.
 */
async function join(payload: Payload, waiting: SiteBuild, request: QueueRequest) {
  const current = Date.parse(waiting.notBefore ?? waiting.queuedAt);
  const wanted = request.notBefore.getTime();
  const countdown = request.trigger === 'auto';
  const next = countdown && waiting.trigger === 'auto' ? wanted : Math.min(current, wanted);
  const notBefore = new Date(next).toISOString();
  const trigger = countdown ? waiting.trigger : request.trigger;
  const startedBy = countdown ? waiting.startedBy : (request.userId ?? waiting.startedBy);
  const startedById = typeof startedBy === 'object' && startedBy ? startedBy.id : (startedBy ?? null);
  // Only while it still waits: one statement, so a claim cannot come between the look and this.
  const moved = await rows(
    payload,
    sql`UPDATE site_builds SET not_before = ${notBefore}, trigger = ${trigger}, started_by_id = ${startedById}
        WHERE id = ${waiting.id} AND status = 'queued' RETURNING id`,
  );
  return moved.length === 1 ? { ...waiting, notBefore, trigger, startedBy } : undefined;
}

/**
 * Takes the waiting build `id` for this process, if no build runs: true when this process is
 * the one to run it. One statement, so of processes claiming at once exactly one succeeds.
 */
export async function claim(payload: Payload, id: number): Promise<boolean> {
  const now = new Date().toISOString();
  const claimed = await rows(
    payload,
    sql`UPDATE site_builds SET status = 'running', queue_slot = NULL, runner = ${runner}, updated_at = ${now}
        WHERE id = ${id} AND status = 'queued'
          AND NOT EXISTS (SELECT 1 FROM site_builds AS other WHERE other.status = 'running')
        RETURNING id`,
  );
  return claimed.length === 1;
}

/** How a claimed build is run: the job on the `site` queue (rebuild.ts). */
export type RunClaimed = (payload: Payload, buildId: number) => Promise<void>;

type QueueState = { timer?: NodeJS.Timeout; driving?: Promise<void>; again: boolean };
const stateKey = Symbol.for('oyu.buildQueue');
/** One per process, wherever Next.js bundles this module. */
function state(): QueueState {
  const holder = globalThis as typeof globalThis & { [stateKey]?: QueueState };
  holder[stateKey] ??= { again: false };
  return holder[stateKey];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Looks at the queue and runs what is due, in this process, if it wins the claim; waits for
 * a build running anywhere to end first. Returns once nothing is due, the waiting build's
 * countdown has not ended (a timer wakes this process then), or another process claimed it.
 * One drive at a time per process; asking again meanwhile makes it look once more.
 */
export function driveQueue(payload: Payload, run: RunClaimed): Promise<void> {
  const s = state();
  if (s.driving) {
    s.again = true;
    return s.driving;
  }
  s.driving = (async () => {
    try {
      do {
        s.again = false;
        await driveOnce(payload, run);
      } while (s.again);
    } finally {
      s.driving = undefined;
    }
  })();
  return s.driving;
}

async function driveOnce(payload: Payload, run: RunClaimed): Promise<void> {
  for (;;) {
    const waiting = await waitingBuild(payload);
    if (!waiting) return;
    const wait = Date.parse(waiting.notBefore ?? waiting.queuedAt) - Date.now();
    if (wait > 0) {
      wakeIn(payload, run, wait);
      return;
    }
    if (await claim(payload, waiting.id)) {
      await run(payload, waiting.id);
      continue;
    }
    const still = await payload.count({
      collection: 'site-builds',
      where: { and: [{ id: { equals: waiting.id } }, { status: { equals: 'queued' } }] },
      overrideAccess: true,
    });
    // Claimed by another process: that one runs it.
    if (still.totalDocs === 0) return;
    await failAbandonedBuilds(payload);
    await sleep(pollMs);
  }
}

/** Looks at the queue again in `ms` (the countdown's end as this process last read it). */
export function wakeIn(payload: Payload, run: RunClaimed, ms: number): void {
  const s = state();
  clearTimeout(s.timer);
  s.timer = setTimeout(
    () => {
      s.timer = undefined;
      driveQueue(payload, run).catch((error: unknown) =>
        payload.logger.error({ err: error }, 'the site build queue could not be read'),
      );
    },
    // A little after: the record's time has passed by then, whichever clock rounds.
    Math.max(0, ms) + 20,
  );
  s.timer.unref();
}

/** Whether a live process holds this data folder's build lock (scripts/lib/buildLock.ts). */
function buildLockHeld(): boolean {
  const file = path.join(/*turbopackIgnore: true*/ env.dataDir, 'site', 'build.lock');
  try {
    const { pid } = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid?: number };
    return pid ? isProcessAlive(pid) : false;
  } catch {
    return false;
  }
}

/** Whether the process recorded as running `build` is gone. */
function abandoned(build: SiteBuild): boolean {
  const [host, pid] = (build.runner ?? '').split(':');
  if (host === os.hostname() && Number(pid) === process.pid) return false;
  if (host === os.hostname() && pid && !isProcessAlive(Number(pid))) return true;
  // Recorded before runners were: gone unless a build holds the lock (as before runners).
  if (!build.runner) return !buildLockHeld();
  // Another machine's, or a live process id that may be another's after a reboot: silence
  // with no build holding the lock tells.
  return !buildLockHeld() && Date.now() - Date.parse(build.updatedAt) > silentAfterMs;
}

/**
 * Builds recorded as running whose process ended (the CMS stopped or crashed mid-build): say
 * so in their record, so the queue moves on. The live site is whatever was last published.
 */
export async function failAbandonedBuilds(payload: Payload): Promise<void> {
  const running = await payload.find({
    collection: 'site-builds',
    where: { status: { equals: 'running' } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  });
  const gone = running.docs.filter(abandoned);
  for (const build of gone) {
    // Heard of last when its record was saved (every second while it ran): a release made
    // much later is another's (a build from the command line while the CMS was down).
    const lastHeard = new Date(Date.parse(build.updatedAt) + 60_000).toISOString();
    const published = await unclaimedLiveRelease(payload, build.startedAt, lastHeard);
    if (published) {
      const finishedAt = new Date().toISOString();
      const durationMs = Math.max(0, Date.parse(finishedAt) - Date.parse(build.startedAt ?? finishedAt));
      await recordPublishedAnyway(
        payload,
        build.id,
        { finishedAt, durationMs },
        published,
        'the CMS stopped',
      );
    } else
      await failBuild(
        payload,
        build.id,
        'the CMS stopped while this build ran; the live site was not changed. Start a new build.',
      );
  }
  if (gone.length > 0 && gone.length === running.docs.length) {
    // Their jobs will never complete; none is left running, so no unfinished site job is live.
    await payload.delete({
      collection: 'payload-jobs',
      where: { and: [{ queue: { equals: 'site' } }, { completedAt: { exists: false } }] },
      overrideAccess: true,
    });
  }
}
