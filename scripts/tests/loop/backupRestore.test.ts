import fs from 'node:fs';
import path from 'node:path';
import { s3SettingsOf } from '@oyu/cms/media/s3-settings';
import { mediaStore } from '@oyu/cms/media/storage';
import { describe, expect, it } from 'vitest';
import { startCms } from '../../lib/cmsServer';
import { repoRoot } from '../../lib/env';
import { freePort, run } from '../../lib/processes';
import { buildSite, siteFolders } from '../../lib/siteBuild';
import { describeStack, paths } from '../../lib/stack';
import { startS3Server } from '../s3Server';
import { siteFiles } from './site';
import { scratchDir, sharedStack } from './stack';

/**
 * `pnpm backup` of the shared install while its CMS runs (it only reads the data folder), and
 * `pnpm restore` into a folder and a bucket of the test's own, served by a CMS of its own.
 */
const { dataDir, outDir } = sharedStack();

describe('backup and restore', () => {
  it('backs up the running install, restores it with its photos in an S3 bucket, and rebuilds the same site', async () => {
    // The first build is a full build of what the CMS holds: the site to make again.
    const scratch = scratchDir('backup');
    const archive = path.join(scratch, 'backup.tar.gz');
    const script = (name: string) => path.join(repoRoot, 'scripts', `${name}.ts`);
    // While the CMS runs, as an organiser would.
    await run(paths.tsxBin, [script('backup'), '--out', archive], {
      cwd: repoRoot,
      env: { OYU_DATA_DIR: dataDir },
    });
    // Restored into a new data folder, with the photos moved into a bucket on a local S3 server:
    // the way an install moves to object storage.
    const s3 = await startS3Server('oyu-restored-photos');
    const restoredDir = path.join(scratch, 'restored');
    let cms: Awaited<ReturnType<typeof startCms>> | undefined;
    try {
      await run(paths.tsxBin, [script('restore'), archive], {
        cwd: repoRoot,
        env: { OYU_DATA_DIR: restoredDir, ...s3.env },
      });
      const photos = fs.readdirSync(path.join(dataDir, 'media')).sort();
      const bucket = mediaStore({ mediaDir: path.join(restoredDir, 'media'), s3: s3SettingsOf(s3.env) });
      expect((await bucket.list()).map((file) => file.name)).toEqual(photos);
      expect(fs.existsSync(path.join(restoredDir, 'media'))).toBe(false);

      const port = await freePort();
      const restored = describeStack({
        dataDir: restoredDir,
        cmsPort: port,
        sitePort: await freePort(),
        databaseUri: undefined,
        mediaDir: path.join(restoredDir, 'media'),
        s3: s3SettingsOf(s3.env),
        seedDemo: false,
        demoPhotoSize: undefined,
        verbose: false,
      });
      cms = await startCms({ ...restored.cmsEnv, ...s3.env, SITE_URL: 'https://oyu.example' }, port);
      // Every photo the site shows comes from the bucket, through the CMS.
      const build = await buildSite({
        cmsUrl: `http://127.0.0.1:${port}`,
        siteUrl: 'https://oyu.example',
        dataDir: restoredDir,
      });
      expect(build.pages).toBeGreaterThan(300);
      const before = siteFiles(outDir);
      const after = siteFiles(siteFolders(restoredDir).live);
      expect(Object.keys(after).length).toBe(Object.keys(before).length);
      expect(after).toEqual(before);
      expect(fs.existsSync(path.join(restoredDir, 'media'))).toBe(false);
    } finally {
      await cms?.stop();
      await s3.close();
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  }, 300_000);
});
