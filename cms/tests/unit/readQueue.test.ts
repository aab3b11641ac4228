import { describe, expect, it } from 'vitest';
import { settle, withReadQueue } from '../../src/api/readQueue';

/**
 * The read queue (src/api/readQueue.ts) with a handler whose answers the test releases by hand,
 * so the order in which reads are computed is seen exactly, without timing.
 */

/**
 * Until a read the queue has let go has started: it hands a freed slot on after one turn of the
 * event loop, and a read starts after `settle` (two more), once it knows its client is still
 * there; one turn more because the test's own turns were queued first.
 */
const turn = async () => {
  await new Promise((resolve) => setImmediate(resolve));
  await settle();
  await new Promise((resolve) => setImmediate(resolve));
};

function heldHandler() {
  const started: string[] = [];
  const holds = new Map<string, () => void>();
  const handler = async (request: Request) => {
    const name = new URL(request.url).searchParams.get('name') ?? '';
    started.push(name);
    await new Promise<void>((resolve) => holds.set(name, resolve));
    return Response.json({ name });
  };
  /** Lets the read `name` finish, and waits until the queue has moved on. */
  const finish = async (name: string) => {
    const hold = holds.get(name);
    if (!hold) throw new Error(`${name} has not started`);
    hold();
    await turn();
  };
  return { handler, started, finish };
}

const ask = (name: string, init: RequestInit = {}) =>
  new Request(`http://cms.test/api/works?name=${name}`, init);

describe('the read queue', () => {
  it('computes two reads at a time and the others in the order they came', async () => {
    const { handler, started, finish } = heldHandler();
    const queued = withReadQueue(handler, { concurrency: 2, maxWaiting: 100 });
    const names = Array.from({ length: 8 }, (_, i) => `r${i}`);
    const answers = names.map((name) => queued(ask(name), {}));
    await turn();
    expect(started).toEqual(['r0', 'r1']);
    expect(queued.stats().public).toEqual({ running: 2, waiting: 6 });
    // Whichever finishes, the next in line starts: never one that came later.
    await finish('r1');
    expect(started).toEqual(['r0', 'r1', 'r2']);
    for (const name of ['r0', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7']) await finish(name);
    expect(started).toEqual(names);
    expect(await Promise.all(answers.map(async (answer) => (await (await answer).json()).name))).toEqual(
      names,
    );
    expect(queued.stats().public).toEqual({ running: 0, waiting: 0 });
  });

  it('keeps requests with credentials in a lane of their own, so public reads do not hold them up', async () => {
    const { handler, started, finish } = heldHandler();
    const queued = withReadQueue(handler, { concurrency: 1, maxWaiting: 100 });
    const publicReads = ['p0', 'p1', 'p2'].map((name) => queued(ask(name), {}));
    const curator = queued(ask('c0', { headers: { Authorization: 'JWT x' } }), {});
    // A made-up cookie gets no further than the signed-in lane's own line.
    const cookie = queued(ask('c1', { headers: { Cookie: 'payload-token=forged' } }), {});
    await turn();
    expect(started).toEqual(['p0', 'c0']);
    expect(queued.stats()).toEqual({
      public: { running: 1, waiting: 2 },
      signedIn: { running: 1, waiting: 1 },
    });
    await finish('c0');
    expect(started).toEqual(['p0', 'c0', 'c1']);
    for (const name of ['c1', 'p0', 'p1', 'p2']) await finish(name);
    expect((await curator).status).toBe(200);
    expect((await cookie).status).toBe(200);
    expect(await Promise.all(publicReads.map(async (read) => (await read).status))).toEqual([200, 200, 200]);
  });

  it('does not compute a read whose client went away while it waited', async () => {
    const { handler, started, finish } = heldHandler();
    const queued = withReadQueue(handler, { concurrency: 1, maxWaiting: 100 });
    const first = queued(ask('a'), {});
    const client = new AbortController();
    const abandoned = queued(ask('b', { signal: client.signal }), {});
    const third = queued(ask('c'), {});
    await turn();
    client.abort();
    expect((await abandoned).status).toBe(499);
    expect(queued.stats().public).toEqual({ running: 1, waiting: 1 });
    await finish('a');
    await finish('c');
    expect(started).toEqual(['a', 'c']);
    expect([(await first).status, (await third).status]).toEqual([200, 200]);
  });

  it('does not compute a read whose client went away before it started, even with a slot free', async () => {
    // What a server sees: the request arrives with a free slot, and the client's disconnect is
    // only read from the socket once the handler has handed the event loop back.
    const { handler, started, finish } = heldHandler();
    const queued = withReadQueue(handler, { concurrency: 2, maxWaiting: 100 });
    const client = new AbortController();
    const abandoned = queued(ask('gone', { signal: client.signal }), {});
    setImmediate(() => client.abort());
    expect((await abandoned).status).toBe(499);
    expect(started).toEqual([]);
    expect(queued.stats().public).toEqual({ running: 0, waiting: 0 });
    // The slot it held is free again, and a client that stays is answered.
    const kept = queued(ask('kept'), {});
    await turn();
    await finish('kept');
    expect((await kept).status).toBe(200);
    expect(started).toEqual(['kept']);
  });

  it('gives back the slot of a read whose client left just as its turn came', async () => {
    const { handler, started, finish } = heldHandler();
    const queued = withReadQueue(handler, { concurrency: 1, maxWaiting: 100 });
    const first = queued(ask('a'), {});
    const client = new AbortController();
    const abandoned = queued(ask('b', { signal: client.signal }), {});
    const third = queued(ask('c'), {});
    await turn();
    // a finishes and hands its slot to b; b's client leaves before b has taken it.
    const done = finish('a');
    setImmediate(() => client.abort());
    await done;
    expect((await abandoned).status).toBe(499);
    await turn();
    await finish('c');
    expect(started).toEqual(['a', 'c']);
    expect([(await first).status, (await third).status]).toEqual([200, 200]);
    expect(queued.stats().public).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a read with a 503 and Retry-After when the line is full, and takes reads again once it moves', async () => {
    const { handler, finish } = heldHandler();
    const queued = withReadQueue(handler, { concurrency: 1, maxWaiting: 2 });
    const accepted = ['a', 'b', 'c'].map((name) => queued(ask(name), {}));
    await turn();
    const refused = await queued(ask('d'), {});
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect((await refused.json()).errors[0].message).toBe(
      'The CMS is busy: 2 reads are waiting to be answered. Try again in a few seconds.',
    );
    await finish('a');
    const later = queued(ask('e'), {});
    for (const name of ['b', 'c', 'e']) await finish(name);
    expect(await Promise.all([...accepted, later].map(async (read) => (await read).status))).toEqual([
      200, 200, 200, 200,
    ]);
  });

  it('frees the slot when a read fails', async () => {
    let calls = 0;
    const queued = withReadQueue(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('database is locked');
        return new Response('ok');
      },
      { concurrency: 1, maxWaiting: 10 },
    );
    await expect(queued(ask('a'), {})).rejects.toThrow('database is locked');
    expect(await (await queued(ask('b'), {})).text()).toBe('ok');
    expect(queued.stats().public).toEqual({ running: 0, waiting: 0 });
  });

  it('is the handler itself when turned off', async () => {
    const plain = async () => new Response('ok');
    expect(withReadQueue(plain, { concurrency: 0, maxWaiting: 10 })).toBe(plain);
  });
});
