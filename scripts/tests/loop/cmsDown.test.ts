import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, buildRecord, sleep, startRebuild } from './cms';
import { published } from './demo';
import { liveFingerprint } from './site';
import { type OwnStack, ownStack } from './stack';

/** The live site when the CMS stops during a build or is down: an install and a CMS of its own. */
let stack: OwnStack;

describe('a CMS that stops', () => {
  beforeAll(async () => {
    stack = await ownStack('cms-down');
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
  }, 30_000);

  it('leaves the live site byte for byte when the CMS stops during a rebuild, and says so once it is back', async () => {
    const token = await adminToken(stack);
    // Nothing else is building: the fingerprint is that of the site visitors see.
    for (let i = 0; i < 600; i++) {
      const busy = (await (
        await fetch(
          `http://127.0.0.1:${stack.cmsPort}/api/site-builds?where[status][in]=queued,running&depth=0`,
          {
            headers: { authorization: `JWT ${token}` },
          },
        )
      ).json()) as { totalDocs: number };
      if (busy.totalDocs === 0) break;
      await sleep(200);
    }
    const before = liveFingerprint(stack.outDir);
    const id = await startRebuild(stack, token);
    let record = await buildRecord(stack, id, token);
    for (let i = 0; i < 300 && !(record.status === 'running' && record.log); i++) {
      await sleep(100);
      record = await buildRecord(stack, id, token);
    }
    expect(record.status).toBe('running');
    await stack.stopCms();
    let afterStop: string;
    try {
      afterStop = liveFingerprint(stack.outDir);
    } finally {
      await stack.restartCms();
    }
    expect(afterStop).toBe(before);
    record = await buildRecord(stack, id, await adminToken(stack));
    expect(record.status).toBe('failed');
    expect(record.error).toMatch(/the live site was not changed/);
    expect(liveFingerprint(stack.outDir)).toBe(before);
  }, 180_000);

  it('keeps the last good site when the CMS is down, and says why', async () => {
    const before = stack.read('index.html');
    await stack.stopCms();
    await expect(stack.buildFromCms()).rejects.toThrow(/did not answer at http:\/\/127\.0\.0\.1:\d+\/api\//);
    expect(stack.read('index.html')).toBe(before);
    // The data of the last build was recorded: the same site is rebuilt from it.
    const page = stack.read(`ru/works/${published[0]?.slug}/index.html`);
    await stack.buildFromCms({ fromSnapshot: true });
    expect(stack.read(`ru/works/${published[0]?.slug}/index.html`)).toBe(page);
  }, 120_000);
});
