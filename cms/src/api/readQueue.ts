/**
 * Reads wait their turn. Payload computes an answer on the CMS's one Node thread, in many
 * small async steps. Fifty reads at once interleave those steps: each one takes as long as all
 * fifty together, and a read that arrives later can overtake one that is waiting, so some
 * wait far longer than their turn (the figures: docs/performance.notes.md). Here at most
 * `concurrency` reads are being computed at a time and the others wait in arrival order, so a
 * read waits for the ones before it and no longer: the p99 is about the number waiting times
 * one read's time.
 *
 * - Two lanes, each with its own slots: requests carrying credentials (a cookie or an
 *   `Authorization` header: curators in the admin) and anonymous ones. A flood of public reads
 *   does not hold up a curator, and nobody gets ahead of the public by sending a made-up cookie:
 *   it only puts them in the other lane's line.
 * - A read whose client has gone away (`request.signal` aborted) before it starts is not
 *   computed, whether it waited in line or not. Next aborts the signal when the connection
 *   closes, but a read on SQLite runs in one unbroken chain of promises (the driver answers
 *   synchronously), and Node reads a socket's close only after the request's handler has
 *   returned to the event loop. So before it starts, every read lets the event loop take two
 *   turns (`settle`: one to read the end of the connection, one for the socket to close) and
 *   then looks at the signal. Without that, a server busy with fifty lists computes every one
 *   whose client has given up, and the reads after them wait for work nobody will read.
 * - When `maxWaiting` reads are already waiting in a lane, the next gets a 503 with
 *   `Retry-After` at once instead of joining a line it would time out in.
 *
 * Cache hits never get here: the public cache (publicCache.ts) answers them before the queue,
 * and requests for the same uncached answer are computed once.
 */

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Two turns of the event loop: enough for a connection closed by its client to abort its request's signal. */
export const settle = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

export type ReadQueueOptions = {
  /** Reads computed at a time in each lane; 0 turns the queue off. */
  concurrency: number;
  /** Reads that may wait in each lane before the next is refused with a 503. */
  maxWaiting: number;
};

type Lane = { running: number; waiting: Array<() => void> };

export type ReadQueueStats = Record<'public' | 'signedIn', { running: number; waiting: number }>;

/** Whether a request carries credentials; whether they are valid is Payload's business. */
export function carriesCredentials(request: Request): boolean {
  return request.headers.has('cookie') || request.headers.has('authorization');
}

const laneOf = (request: Request) => (carriesCredentials(request) ? 'signedIn' : 'public');

function busy(waiting: number): Response {
  return Response.json(
    {
      errors: [
        {
          message: `The CMS is busy: ${waiting} reads are waiting to be answered. Try again in a few seconds.`,
        },
      ],
    },
    { status: 503, headers: { 'Retry-After': '5' } },
  );
}

/** What a client that has gone away is answered: nobody reads it. */
const gone = () => new Response(null, { status: 499 });

/**
 * Wraps a GET handler. Returns the handler and its lanes' counts (for tests and the benchmark).
 */
export function withReadQueue<C>(
  handler: Handler<C>,
  options: ReadQueueOptions,
): Handler<C> & { stats: () => ReadQueueStats } {
  const lanes: Record<'public' | 'signedIn', Lane> = {
    public: { running: 0, waiting: [] },
    signedIn: { running: 0, waiting: [] },
  };
  const stats = (): ReadQueueStats => ({
    public: { running: lanes.public.running, waiting: lanes.public.waiting.length },
    signedIn: { running: lanes.signedIn.running, waiting: lanes.signedIn.waiting.length },
  });
  if (options.concurrency <= 0) return Object.assign(handler, { stats });

  /**
   * Hands the slot to the first in line, or frees it. The next read starts after the event loop
   * has had a turn: on SQLite a read runs in one unbroken chain of promises (the driver answers
   * synchronously), so starting the next one straight away would let a long line run without
   * the server once reading a new request, writing an answer out, or noticing a client leave.
   */
  const release = (lane: Lane) => {
    const next = lane.waiting.shift();
    if (next) setImmediate(next);
    else lane.running -= 1;
  };

  const queued: Handler<C> = async (request, context) => {
    const lane = lanes[laneOf(request)];
    if (lane.running >= options.concurrency) {
      if (lane.waiting.length >= options.maxWaiting) return busy(lane.waiting.length);
      const signal = request.signal;
      const turn = await new Promise<boolean>((resolve) => {
        const take = () => {
          signal?.removeEventListener('abort', leave);
          resolve(true);
        };
        const leave = () => {
          const index = lane.waiting.indexOf(take);
          // Already handed a slot (take is on its way): the read starts, sees the abort after
          // `settle` and gives the slot back. Leaving here would keep it for good.
          if (index < 0) return;
          lane.waiting.splice(index, 1);
          resolve(false);
        };
        lane.waiting.push(take);
        signal?.addEventListener('abort', leave, { once: true });
      });
      if (!turn) return gone();
      // The slot was handed over: running already counts it.
    } else {
      lane.running += 1;
    }
    try {
      await settle();
      if (request.signal?.aborted) return gone();
      return await handler(request, context);
    } finally {
      release(lane);
    }
  };
  return Object.assign(queued, { stats });
}
