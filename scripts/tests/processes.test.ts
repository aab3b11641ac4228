import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../lib/env';
import { freePort, isPortFree, run, startServer, stop, waitForHttp } from '../lib/processes';

const parentOf = (pid: number) =>
  Number(
    fs
      .readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ')[1],
  );

/** Running, as opposed to gone or a zombie waiting for its parent to reap it. */
const alive = (pid: number) => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX]/.test(stat);
  } catch {
    return false;
  }
};

describe('child processes', () => {
  it('reports a failed command with the end of its output', async () => {
    await expect(
      run('sh', ['-c', 'echo first; echo "the real reason" >&2; exit 3'], { cwd: '/tmp' }),
    ).rejects.toThrow(/exited with 3:\nfirst\nthe real reason/);
  });

  it('hands on what a command writes to its events pipe, apart from its output, up to its last word', async () => {
    const output: string[] = [];
    const events: string[] = [];
    // A shell that starts node, as the astro bin does; node writes its events and fails at once.
    const node = `fs=require('node:fs'); for (let i = 0; i < 500; i++) fs.writeSync(+process.env.OYU_EVENTS_FD, '{"n":' + i + '}\\n'); process.exit(1)`;
    await expect(
      run(
        'sh',
        [
          '-c',
          `echo "a log line"; echo '{"first":true}' >&$OYU_EVENTS_FD; exec "$0" -e "$1"`,
          process.execPath,
          node,
        ],
        {
          cwd: '/tmp',
          onLine: (line) => output.push(line),
          onEvent: (line) => events.push(line),
        },
      ),
    ).rejects.toThrow(/exited with 1/);
    expect(output).toEqual(['a log line']);
    expect(events).toHaveLength(501);
    expect(events[0]).toBe('{"first":true}');
    expect(events.at(-1)).toBe('{"n":499}');
  });

  it('gives no events pipe to a command that is not asked for one', async () => {
    const output: string[] = [];
    await run('sh', ['-c', 'echo "fd $OYU_EVENTS_FD"; [ -e /dev/fd/3 ] && echo open || echo closed'], {
      cwd: '/tmp',
      env: { OYU_EVENTS_FD: '3' },
      onLine: (line) => output.push(line),
    });
    expect(output).toEqual(['fd ', 'closed']);
  });

  it('stops a server and everything it started', async () => {
    // A shell that starts a grandchild, like a pnpm shim starting the real server.
    const server = startServer('sh', ['-c', 'sleep 300 & echo $!; wait'], { cwd: '/tmp' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const grandchild = Number(server.output[0]);
    expect(alive(grandchild)).toBe(true);
    await server.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive(grandchild)).toBe(false);
  });

  it('says which port is taken and waits for a server to answer', async () => {
    const port = await freePort();
    expect(await isPortFree(port)).toBe(true);
    const server = startServer(
      process.execPath,
      ['-e', `require('node:http').createServer((q,s)=>s.end('ok')).listen(${port}, '127.0.0.1')`],
      { cwd: '/tmp' },
    );
    try {
      await waitForHttp(`http://127.0.0.1:${port}/`, { child: server.child, timeoutMs: 10_000 });
      expect(await isPortFree(port)).toBe(false);
    } finally {
      await stop(server.child);
    }
  });

  it('gives up on a server that exits, with its output', async () => {
    const port = await freePort();
    const server = startServer('sh', ['-c', 'echo "cannot open database"; exit 1'], { cwd: '/tmp' });
    await expect(
      waitForHttp(`http://127.0.0.1:${port}/`, {
        child: server.child,
        output: server.output,
        timeoutMs: 10_000,
      }),
    ).rejects.toThrow(/exited with 1:\ncannot open database/);
  });
});

describe('when the parent dies', () => {
  it('takes its servers down with it, even on SIGKILL', async () => {
    // A parent that starts a server through the library, prints its pid, then waits.
    const script = `
      import { startServer } from ${JSON.stringify(new URL('../lib/processes.ts', import.meta.url).pathname)};
      const server = startServer('sh', ['-c', 'sleep 300 & echo $!; wait'], { cwd: '/tmp' });
      setTimeout(() => console.log(server.output[0]), 500);
      setInterval(() => {}, 1000);
    `;
    const parent = startServer(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), ['-e', script], {
      cwd: repoRoot,
    });
    await expect
      .poll(() => parent.output.find((line) => /^\d+$/.test(line)), { timeout: 15_000 })
      .toBeTruthy();
    const grandchild = Number(parent.output.find((line) => /^\d+$/.test(line)));
    expect(alive(grandchild)).toBe(true);
    // Kill only the process that started the server, as a crash or `kill -9` would:
    // sleep → its shell → the guard → the script that called startServer.
    const starter = parentOf(parentOf(parentOf(grandchild)));
    expect(fs.readFileSync(`/proc/${starter}/cmdline`, 'utf8')).toContain('startServer');
    process.kill(starter, 'SIGKILL');
    await expect.poll(() => alive(grandchild), { timeout: 10_000 }).toBe(false);
    await parent.stop();
  }, 30_000);
});
