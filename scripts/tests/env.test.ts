import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScriptEnv, repoRoot } from '../lib/env';

describe('script settings', () => {
  it('defaults to data/ in the repository and the usual ports', () => {
    expect(readScriptEnv({})).toEqual({
      dataDir: path.join(repoRoot, 'data'),
      cmsPort: 3000,
      sitePort: 4321,
      databaseUri: undefined,
      mediaDir: path.join(repoRoot, 'data', 'media'),
      cmsUrl: 'http://localhost:3000',
      siteUrl: 'http://localhost:4321',
      seedDemo: true,
      verbose: false,
    });
  });

  it('keeps photos where MEDIA_DIR says, else in the data folder', () => {
    expect(readScriptEnv({ OYU_DATA_DIR: '/srv/oyu' }).mediaDir).toBe('/srv/oyu/media');
    expect(readScriptEnv({ OYU_DATA_DIR: '/srv/oyu', MEDIA_DIR: '/mnt/photos' }).mediaDir).toBe(
      '/mnt/photos',
    );
  });

  it('reads the S3 settings as the CMS does', () => {
    expect(readScriptEnv({}).s3).toBeUndefined();
    expect(
      readScriptEnv({
        S3_BUCKET: 'oyu-photos',
        S3_ENDPOINT: 'http://127.0.0.1:9000',
        S3_FORCE_PATH_STYLE: 'true',
      }).s3,
    ).toMatchObject({ bucket: 'oyu-photos', endpoint: 'http://127.0.0.1:9000', forcePathStyle: true });
    expect(() => readScriptEnv({ S3_ENDPOINT: 'http://127.0.0.1:9000' })).toThrow(/S3_BUCKET is missing/);
  });

  it('names the setting that is wrong', () => {
    expect(() => readScriptEnv({ CMS_PORT: 'eighty' })).toThrow(/CMS_PORT/);
    expect(() => readScriptEnv({ OYU_SEED_DEMO: 'yes' })).toThrow(/OYU_SEED_DEMO/);
  });
});
