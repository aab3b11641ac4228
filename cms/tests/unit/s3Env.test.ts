import { describe, expect, it } from 'vitest';
import { readEnv } from '../../src/env';

/** S3 settings: off unless S3_BUCKET is set; half a configuration is refused with what to fix. */
const base = { PAYLOAD_SECRET: 'x'.repeat(32), OYU_DATA_DIR: '/srv/oyu' };

describe('S3 settings', () => {
  it('keep photos in the media folder when S3_BUCKET is not set', () => {
    const env = readEnv(base);
    expect(env.s3).toBeUndefined();
    expect(env.mediaDir).toBe('/srv/oyu/media');
  });

  it('select a bucket, with defaults for AWS', () => {
    expect(readEnv({ ...base, S3_BUCKET: 'oyu-photos' }).s3).toEqual({
      bucket: 'oyu-photos',
      region: 'us-east-1',
      endpoint: undefined,
      forcePathStyle: false,
      credentials: undefined,
    });
  });

  it('take an S3-compatible endpoint and keys', () => {
    const env = readEnv({
      ...base,
      S3_BUCKET: 'oyu-photos',
      S3_REGION: 'eu-central',
      S3_ENDPOINT: 'https://s3.example.org/',
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
    });
    expect(env.s3).toEqual({
      bucket: 'oyu-photos',
      region: 'eu-central',
      endpoint: 'https://s3.example.org',
      forcePathStyle: true,
      credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
    });
  });

  it.each([
    [{ S3_ENDPOINT: 'https://s3.example.org' }, /S3_BUCKET is missing, but S3_ENDPOINT is set/],
    [{ S3_BUCKET: 'Oyu_Photos' }, /S3_BUCKET must be a bucket name/],
    [{ S3_BUCKET: 'oyu-photos', S3_ACCESS_KEY_ID: 'key' }, /S3_SECRET_ACCESS_KEY is missing/],
    [{ S3_BUCKET: 'oyu-photos', S3_SECRET_ACCESS_KEY: 'secret' }, /S3_ACCESS_KEY_ID is missing/],
    [{ S3_BUCKET: 'oyu-photos', S3_FORCE_PATH_STYLE: 'yes' }, /S3_FORCE_PATH_STYLE must be true or false/],
    [
      { S3_BUCKET: 'oyu-photos', S3_ENDPOINT: 'minio:9000' },
      /S3_ENDPOINT must be an http:\/\/ or https:\/\/ address/,
    ],
  ])('refuse %o', (values, message) => {
    expect(() => readEnv({ ...base, ...values })).toThrow(message);
  });
});
