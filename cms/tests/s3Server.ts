/// <reference path="./types/s3rver.d.ts" />
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

/**
 * A real S3-compatible server for the tests: s3rver, on a free port of 127.0.0.1, keeping its
 * objects in a throw-away folder. The CMS and the scripts reach it through the AWS SDK exactly
 * as they would reach AWS, MinIO or R2: only the endpoint and the credentials differ.
 */
export type TestS3 = {
  endpoint: string;
  bucket: string;
  /** The settings that select it, as `pnpm start` and the CMS read them. */
  env: Record<string, string>;
  /** The folder s3rver keeps its objects in. */
  directory: string;
  /** Every request the server received, as `METHOD /path?query`, oldest first. */
  requests: string[];
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
  const requests: string[] = [];
  server.httpServer.on('request', (request) => requests.push(`${request.method} ${request.url}`));
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    directory,
    requests,
    env: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: 'true',
      // s3rver's fixed test credentials.
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
    close: async () => {
      // The AWS SDK keeps connections alive; close them, or close() waits for them.
      server.httpServer.closeAllConnections();
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
