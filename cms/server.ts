/**
 * The CMS's production server: Next's request handler (what `next start` runs) behind a check
 * of each request target. `next start` (Next 16) answers 500 to `*`, to a path that does not
 * decode (`/api/works/a%ZZb`) and to others the fuzz test in scripts/tests/cmsServer.test.ts
 * sends; here they get a 400 saying what is wrong, and no request reaches Next that it cannot
 * parse. It also sets the security headers (src/securityHeaders.ts) on every answer, so the
 * server stays when the check goes.
 *
 * No upstream issue found for the 500s (the nearest, on `/%`, is closed:
 * https://github.com/vercel/next.js/issues/62775). The check and the method list can go once
 * Next answers these itself with a 4xx: "the CMS under malformed requests" in
 * scripts/tests/cmsServer.test.ts, with `parseTarget` and `methods` let through, tells.
 *
 *   tsx server.ts --port 3000 [--hostname 127.0.0.1] [--keepAliveTimeout 65000]
 */
import http from 'node:http';
import { parseArgs } from 'node:util';
import { parseTarget } from '@oyu/shared-types';
import next from 'next';
import { env } from './src/env';
import { securityHeaders } from './src/securityHeaders';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3000' },
    hostname: { type: 'string', default: '127.0.0.1' },
    keepAliveTimeout: { type: 'string', default: '65000' },
  },
});
const port = Number(values.port);
const hostname = values.hostname;

/** Query strings of API filters get long (`where[id][in]=…`); Node's header limit still holds. */
const maxTargetLength = 16 * 1024;

const app = next({ dev: false, dir: import.meta.dirname, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const refuse = (response: http.ServerResponse, status: number, message: string) => {
  response.writeHead(status, { 'content-type': 'application/json', 'x-content-type-options': 'nosniff' });
  response.end(JSON.stringify({ errors: [{ message }] }));
};

/** What the admin, the REST API and GraphQL use; Next answers 500 to others (TRACE). */
const methods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

const server = http.createServer((request, response) => {
  if (!methods.has(request.method ?? '')) {
    response.setHeader('allow', [...methods].join(', '));
    refuse(response, 405, `${String(request.method).slice(0, 20)} is not a method this server answers.`);
    return;
  }
  if (!parseTarget(request.url, maxTargetLength)) {
    refuse(
      response,
      400,
      'The address is not one this server can read: check its %-encoding, and that it starts with a single /.',
    );
    return;
  }
  const pathname = request.url?.split('?')[0] ?? '/';
  for (const { key, value } of securityHeaders(pathname, env.serverUrl)) response.setHeader(key, value);
  handle(request, response).catch((error: Error) => {
    console.error(`${request.method} ${request.url?.slice(0, 200)} failed: ${error.stack ?? error.message}`);
    if (!response.headersSent) refuse(response, 500, 'Something went wrong on the server.');
    else response.destroy();
  });
});
server.keepAliveTimeout = Number(values.keepAliveTimeout);
server.listen(port, hostname, () => console.log(`Ready on http://${hostname}:${port}`));
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => server.close(() => process.exit(0)));
}
