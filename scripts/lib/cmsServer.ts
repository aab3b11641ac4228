import path from 'node:path';
import { cmsDir } from './env';
import { type EnvVars, startServer, waitForHttp } from './processes';
import type { Launched, ServerSpec } from './supervise';

/**
 * How long the CMS keeps an idle connection open. Node's default, 5 s, runs from the end of an
 * answer; when the server is busy (fifty uncached lists at once) it can fire before the server
 * has read the request the client sent straight after, and the client sees ECONNRESET for a
 * request that was never answered (the benchmark at 50 connections saw it). Longer than the 60 s
 * idle timeout of common reverse proxies (nginx, AWS ALB), so neither side closes a connection
 * the other is about to use.
 */
export const keepAliveMs = 65_000;

/** cms/server.ts: Next's production handler behind a check of each request target. */
function launchCms(env: EnvVars, port: number, echo: boolean) {
  return startServer(
    path.join(cmsDir, 'node_modules', '.bin', 'tsx'),
    [
      'server.ts',
      '--port',
      String(port),
      '--hostname',
      '127.0.0.1',
      '--keepAliveTimeout',
      String(keepAliveMs),
    ],
    { cwd: cmsDir, env: { ...env, NODE_ENV: 'production' }, label: 'cms', echo },
  );
}

/** Resolves once the CMS answers: an API list request checks Next, Payload, the database and its migrations. */
function cmsReady(port: number) {
  return (server: Launched) =>
    waitForHttp(`http://127.0.0.1:${port}/api/works?limit=1&depth=0`, {
      child: server.child,
      output: server.output,
    });
}

/** The CMS production server, for `supervise` (`pnpm start` restarts it if it stops). */
export function cmsServerSpec(env: EnvVars, port: number, { echo = false } = {}): ServerSpec {
  return { name: 'the CMS', launch: () => launchCms(env, port, echo), ready: cmsReady(port) };
}

/** Starts the CMS production server and waits until its API answers. */
export async function startCms(env: EnvVars, port: number, { echo = false } = {}) {
  const server = launchCms(env, port, echo);
  await cmsReady(port)(server);
  return server;
}
