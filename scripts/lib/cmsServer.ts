import path from 'node:path';
import { cmsDir } from './env';
import { type EnvVars, startServer, waitForHttp } from './processes';

/** Starts the CMS production server and waits until its API answers. */
export async function startCms(env: EnvVars, port: number, { echo = false } = {}) {
  const server = startServer(
    path.join(cmsDir, 'node_modules', '.bin', 'next'),
    ['start', '--port', String(port), '--hostname', '127.0.0.1'],
    { cwd: cmsDir, env: { ...env, NODE_ENV: 'production' }, label: 'cms', echo },
  );
  // An API list request checks the whole path: Next, Payload, the database and its migrations.
  await waitForHttp(`http://127.0.0.1:${port}/api/works?limit=1&depth=0`, {
    child: server.child,
    output: server.output,
  });
  return server;
}
