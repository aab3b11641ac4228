/// <reference path="./types/s3rver.d.ts" />
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

/**
 * A real S3-compatible server (s3rver) on a free port of 127.0.0.1 for the backup and loop
 * tests; `pnpm start`, the CMS and the scripts reach it through the AWS SDK as they would AWS.
 * The CMS's tests keep their own (cms/tests/s3Server.ts), which also logs requests: test
 * helpers stay in the tests of the package that uses them.
 */
export type TestS3 = {
  endpoint: string;
  bucket: string;
  env: Record<string, string>;
  close: () => Promise<void>;
};

export async function startS3Server(bucket = 'oyu-test-photos'): Promise<TestS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const env = {
    S3_BUCKET: bucket,
    S3_ENDPOINT: endpoint,
    S3_REGION: 'us-east-1',
    S3_FORCE_PATH_STYLE: 'true',
    // s3rver's fixed test credentials.
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
  };
  const close = async () => {
    // The AWS SDK keeps connections alive; close them, or close() waits for them.
    server.httpServer.closeAllConnections();
    await server.close();
    fs.rmSync(directory, { recursive: true, force: true });
  };
  return { endpoint, bucket, env, close };
}
