import path from 'node:path';
import { siteDir } from './env';
import { startServer, waitForHttp } from './processes';

/** Serves the built site with `astro preview`, which knows the site's trailing slashes and 404. */
export async function serveSite(outDir: string, port: number) {
  const server = startServer(
    path.join(siteDir, 'node_modules', '.bin', 'astro'),
    ['preview', '--port', String(port), '--host', '127.0.0.1'],
    { cwd: siteDir, env: { SITE_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' }, label: 'site' },
  );
  await waitForHttp(`http://127.0.0.1:${port}/`, {
    child: server.child,
    output: server.output,
    timeoutMs: 30_000,
  });
  return server;
}
