import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteFolders } from '../../lib/siteBuild';
import { siteReader } from './site';
import { ownInstall, sharedStack, siteBuilder } from './stack';

/**
 * The check before a build is published. It changes the build's records, so it builds a copy of
 * the seeded install of its own, from the shared CMS (which it only reads).
 */
const { cmsPort } = sharedStack();
let install: Awaited<ReturnType<typeof ownInstall>>;

describe('the published-count guard', () => {
  beforeAll(async () => {
    install = await ownInstall('publish-guard');
  }, 120_000);
  afterAll(() => {
    if (install) fs.rmSync(install.root, { recursive: true, force: true });
  });

  it('refuses to publish a build that lost most of its works since the last good one', async () => {
    const { dataDir } = install;
    const outDir = siteFolders(dataDir).live;
    const { read } = siteReader(outDir);
    const record = path.join(siteFolders(dataDir).snapshotDir, 'last-good-build.json');
    const good = fs.readFileSync(record, 'utf8');
    // The demo's published works.
    expect(JSON.parse(good).publishedWorks).toBe(fs.readdirSync(path.join(outDir, 'en', 'works')).length);
    const before = read('index.html');
    fs.writeFileSync(
      record,
      JSON.stringify({ finishedAt: '2026-01-01T00:00:00.000Z', publishedWorks: 1000 }),
    );
    try {
      await expect(siteBuilder(dataDir, cmsPort)()).rejects.toThrow(
        /lists \d+ published works, 1000 at the last good build/,
      );
      expect(read('index.html')).toBe(before);
    } finally {
      fs.writeFileSync(record, good);
    }
  }, 120_000);
});
