import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { freePort, isPortFree, startServer, waitForHttp } from '../lib/processes';
import { type Backoff, describeExit, restartDelay, type Supervisor, supervise } from '../lib/supervise';

/**
 * The supervisor of `pnpm start`, on real child processes: a tiny HTTP server that crashes,
 * or is killed, when asked.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-supervise-'));
const script = path.join(dir, 'server.cjs');
fs.writeFileSync(
  script,
  `
const http = require('node:http');
const [port, mode] = process.argv.slice(2);
if (mode === 'broken') {
  console.error('cannot open the database');
  process.exit(2);
}
http
  .createServer((request, response) => {
    if (request.url === '/crash') {
      console.error('about to fail: asked to');
      process.exit(3);
    }
    if (request.url === '/kill') process.kill(process.pid, 'SIGKILL');
    response.end(String(process.pid));
  })
  .listen(Number(port), '127.0.0.1', () => console.log('listening on ' + port));
`,
);

const fast: Backoff = { firstMs: 200, maxMs: 800, resetAfterMs: 2000 };
const running: Supervisor[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((supervisor) => supervisor.stop()));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A supervised test server, and what its supervisor said with when it said it. */
async function superviseTestServer(name = 'the test server', mode = 'serve') {
  const port = await freePort();
  const logs: { at: number; message: string }[] = [];
  const supervisor = await supervise(
    {
      name,
      launch: () => startServer(process.execPath, [script, String(port), mode], { cwd: dir }),
      ready: (server) =>
        waitForHttp(`http://127.0.0.1:${port}/`, {
          child: server.child,
          output: server.output,
          timeoutMs: 10_000,
        }),
    },
    { backoff: fast, log: (message) => logs.push({ at: Date.now(), message }) },
  );
  running.push(supervisor);
  const pid = async () => Number(await (await fetch(`http://127.0.0.1:${port}/`)).text());
  /** Asks the server to crash (`/crash`) or to be killed (`/kill`); the request itself fails. */
  const hit = (what: '/crash' | '/kill') => fetch(`http://127.0.0.1:${port}${what}`).catch(() => undefined);
  const messages = () => logs.map((entry) => entry.message);
  const waitForRestarts = (count: number) =>
    expect
      .poll(() => messages().filter((message) => message.endsWith('is running again.')).length, {
        timeout: 10_000,
      })
      .toBe(count);
  return { port, supervisor, logs, messages, pid, hit, waitForRestarts };
}

describe('supervise', () => {
  it('restarts a server that crashed, saying which, why, and its last output', async () => {
    const server = await superviseTestServer();
    const before = await server.pid();
    await server.hit('/crash');
    await server.waitForRestarts(1);
    const [stopped] = server.messages();
    expect(stopped).toMatch(/^The test server stopped unexpectedly \(exit code 3\)\. Its last output:/);
    expect(stopped).toContain('│ listening on');
    expect(stopped).toContain('│ about to fail: asked to');
    expect(stopped).toMatch(/Restarting the test server in 200 ms \(restart 1\)\.$/);
    expect(await server.pid()).not.toBe(before);
  });

  it('names the signal that killed a server', async () => {
    const server = await superviseTestServer();
    await server.hit('/kill');
    await server.waitForRestarts(1);
    expect(server.messages()[0]).toMatch(/stopped unexpectedly \(exit code 137 \(SIGKILL\)\)/);
    expect(server.messages()[0]).toMatch(/was stopped by SIGKILL/);
  });

  it('waits longer after each crash in a row, up to a limit, and starts again from the first pause', async () => {
    const server = await superviseTestServer();
    for (let crash = 1; crash <= 4; crash++) {
      await server.hit('/crash');
      await server.waitForRestarts(crash);
    }
    const pauses = server.messages().flatMap((message) => /in (\d+) ms \(restart/.exec(message)?.[1] ?? []);
    expect(pauses.map(Number)).toEqual([200, 400, 800, 800]);
    // Each restart came no sooner than its pause said.
    const stops = server.logs.filter((entry) => entry.message.includes('stopped unexpectedly'));
    const backs = server.logs.filter((entry) => entry.message.endsWith('is running again.'));
    stops.forEach((stop, i) => {
      expect((backs[i]?.at ?? 0) - stop.at).toBeGreaterThanOrEqual(Number(pauses[i]) - 5);
    });
    // Up longer than `resetAfterMs`: the next crash counts as the first.
    await new Promise((resolve) => setTimeout(resolve, fast.resetAfterMs + 100));
    await server.hit('/crash');
    await server.waitForRestarts(5);
    expect(server.messages().at(-2)).toMatch(/in 200 ms \(restart 1\)/);
  });

  it('does not restart a server it was asked to stop', async () => {
    const server = await superviseTestServer();
    await server.supervisor.stop();
    await new Promise((resolve) => setTimeout(resolve, fast.maxMs + 200));
    expect(server.messages()).toEqual([]);
    expect(server.supervisor.current()).toBeUndefined();
    expect(await isPortFree(server.port)).toBe(true);
  });

  it('stops a pending restart when asked to stop during the pause', async () => {
    const server = await superviseTestServer();
    await server.hit('/crash');
    await expect.poll(() => server.messages().length, { timeout: 5000 }).toBe(1);
    await server.supervisor.stop();
    await new Promise((resolve) => setTimeout(resolve, fast.firstMs + 300));
    expect(server.messages()).toHaveLength(1);
    expect(await isPortFree(server.port)).toBe(true);
  });

  it('keeps one server running while another crashes', async () => {
    const [cms, site] = await Promise.all([
      superviseTestServer('the CMS'),
      superviseTestServer('the site server'),
    ]);
    const sitePid = await site.pid();
    await cms.hit('/crash');
    await cms.waitForRestarts(1);
    expect(cms.messages()[0]).toMatch(/^The CMS stopped unexpectedly/);
    expect(await site.pid()).toBe(sitePid);
    expect(site.messages()).toEqual([]);
  });

  it('gives up at once, with the reason, when the first start fails', async () => {
    const logs: string[] = [];
    const port = await freePort();
    await expect(
      supervise(
        {
          name: 'the broken server',
          launch: () => startServer(process.execPath, [script, String(port), 'broken'], { cwd: dir }),
          ready: (server) =>
            waitForHttp(`http://127.0.0.1:${port}/`, {
              child: server.child,
              output: server.output,
              timeoutMs: 10_000,
            }),
        },
        { backoff: fast, log: (message) => logs.push(message) },
      ),
    ).rejects.toThrow(/exited with 2:\ncannot open the database/);
    await new Promise((resolve) => setTimeout(resolve, fast.firstMs + 200));
    expect(logs).toEqual([]);
  });
});

describe('describeExit and restartDelay', () => {
  it('name an exit and double the pause up to its limit', () => {
    expect(describeExit(1, null)).toBe('exit code 1');
    expect(describeExit(null, 'SIGSEGV')).toBe('signal SIGSEGV');
    expect(describeExit(143, null)).toBe('exit code 143 (SIGTERM)');
    expect(
      [0, 1, 2, 3, 4, 5, 6].map((n) => restartDelay({ firstMs: 1000, maxMs: 30_000, resetAfterMs: 0 }, n)),
    ).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
  });
});
