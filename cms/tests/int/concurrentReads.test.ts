import type { Payload } from 'payload';
import { describe, expect, it, vi } from 'vitest';
import { env } from '../../src/env';
import { type AccessFixtures, leaks, readQueueStats, rest, withAccessFixtures } from '../rest';

/**
 * Fifty readers at once through the real REST handler, with its cache and read queue
 * (src/api/restGet.ts), every request a URL never asked before so that Payload computes each:
 * every one is answered, correctly and without a draft; none is refused or lost; and a curator
 * is not kept waiting behind them. (How long they take is the benchmark's business:
 * docs/performance.md.)
 */
let payload: Payload;
let f: AccessFixtures;
withAccessFixtures((ready) => ({ payload, f } = ready));

const list = '/api/works?depth=1&limit=100&locale=en&sort=id&where[_status][equals]=published';

describe('fifty readers at once', () => {
  it('answers every list and work request, each as it answers one alone', async () => {
    expect(env.readQueue.concurrency).toBeGreaterThan(0);
    const alone = {
      list: (await rest('GET', `${list}&reader=alone`)).json,
      work: (await rest('GET', `/api/works/${f.pubWork.id}?depth=1&locale=en&reader=alone`)).json,
    };
    expect(alone.list.docs.length).toBeGreaterThan(0);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, reader) =>
        reader % 2
          ? rest('GET', `${list}&reader=${reader}`)
          : rest('GET', `/api/works/${f.pubWork.id}?depth=1&locale=en&reader=${reader}`),
      ),
    );
    for (const [reader, answer] of answers.entries()) {
      expect(answer.status, `reader ${reader}`).toBe(200);
      expect(answer.headers.get('x-oyu-cache'), `reader ${reader}`).toBe('MISS');
      expect(answer.text, `reader ${reader}`).not.toMatch(leaks);
      expect(answer.json, `reader ${reader}`).toEqual(reader % 2 ? alone.list : alone.work);
    }
    expect(readQueueStats()).toEqual({
      public: { running: 0, waiting: 0 },
      signedIn: { running: 0, waiting: 0 },
    });
  });

  it('answers a curator while the public’s line is still long', async () => {
    expect(env.readQueue.concurrency).toBe(2);
    let publicDone = 0;
    const publicReads = Array.from({ length: 50 }, (_, reader) =>
      rest('GET', `${list}&reader=queued-${reader}`).then((answer) => {
        publicDone += 1;
        return answer.status;
      }),
    );
    // The fifty are in line (two being computed) when the curator asks: they join it together,
    // once the one look at the public cache's stamp they share has answered.
    // A busy machine may take seconds to get them there (vi.waitFor's 1 s default failed in CI).
    await vi.waitFor(
      () => {
        const line = readQueueStats().public;
        expect(line.running).toBe(2);
        expect(line.waiting).toBeGreaterThanOrEqual(40);
      },
      { interval: 1, timeout: 30_000 },
    );
    const curator = await rest('GET', `${list}&reader=curator`, { token: f.tokens.curator });
    expect(curator.status).toBe(200);
    // The curator's read did not wait for the public's: most of them were still in line.
    expect(publicDone).toBeLessThan(25);
    expect(new Set(await Promise.all(publicReads))).toEqual(new Set([200]));
  });
});
