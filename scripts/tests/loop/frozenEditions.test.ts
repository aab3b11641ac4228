import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteFolders } from '../../lib/siteBuild';
import { adminToken } from './cms';
import { demoEditions } from './demo';
import { heading } from './site';
import { type OwnStack, ownStack } from './stack';

/** An edition frozen as it was shown, while shared data changes: an install of its own. */
let stack: OwnStack;

describe('frozen editions', () => {
  beforeAll(async () => {
    stack = await ownStack('frozen-editions');
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
  }, 30_000);

  it('keeps a frozen edition’s pages while shared data changes, and lets them follow again once unfrozen', async () => {
    const cms = `http://127.0.0.1:${stack.cmsPort}`;
    const headers = { 'content-type': 'application/json', authorization: `JWT ${await adminToken(stack)}` };
    const year = demoEditions[0]?.year;
    const found = (await (
      await fetch(`${cms}/api/editions?where[year][equals]=${year}&depth=0`, { headers })
    ).json()) as {
      docs: { id: number }[];
    };
    const editionId = found.docs[0]?.id;
    const patch = (url: string, body: unknown) =>
      fetch(`${cms}${url}`, { method: 'PATCH', headers, body: JSON.stringify(body) });
    const frozen = await patch(`/api/editions/${editionId}`, { frozen: true });
    expect(frozen.status).toBe(200);
    expect(((await frozen.json()) as { doc: { frozenAt: string } }).doc.frozenAt).toBeTruthy();
    await stack.buildFromCms();
    const page = `en/editions/${year}/index.html`;
    const before = stack.read(page);
    const slug = before.match(/href="\/en\/works\/([^/]+)\/"/)?.[1];
    const work = (await (
      await fetch(`${cms}/api/works?where[slug][equals]=${slug}&depth=0`, { headers })
    ).json()) as {
      docs: { id: number; title: string }[];
    };
    const { id: workId, title } = work.docs[0] ?? { id: 0, title: '' };
    expect(
      (await patch(`/api/works/${workId}?locale=en`, { title: 'Renamed after the edition' })).status,
    ).toBe(200);
    try {
      await stack.buildFromCms();
      // The edition's archive is as it was, byte for byte; the work's own page is current.
      expect(stack.read(page)).toBe(before);
      expect(heading(stack.read(`en/works/${slug}/index.html`))).toBe('Renamed after the edition');
      expect(
        fs.existsSync(path.join(siteFolders(stack.dataDir).root, 'frozen', String(year), 'frozen.json')),
      ).toBe(true);

      expect((await patch(`/api/editions/${editionId}`, { frozen: false })).status).toBe(200);
      await stack.buildFromCms();
      expect(stack.read(page)).toContain('Renamed after the edition');
    } finally {
      await patch(`/api/works/${workId}?locale=en`, { title });
      await patch(`/api/editions/${editionId}`, { frozen: false });
    }
  }, 300_000);
});
