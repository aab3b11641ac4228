import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { type BuildEvent, BuildEventSchema, parseBuildEvent } from '@oyu/shared-types';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../lib/env';
import { publishRelease, releaseStore } from '../lib/releases';
import { siteFolders } from '../lib/siteBuild';

/**
 * `build-site.ts --serve`, the build process the CMS keeps (cms/src/site/buildWorker.ts): one
 * request a line, answered in order by the same process, each ending with its exit code.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-serve-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('build-site --serve', () => {
  it('answers requests one after another in one process, each with its events and exit code', async () => {
    // Two kept releases, the second live: a rollback to the first is a request it can carry out.
    const store = releaseStore(siteFolders(dataDir).root);
    for (const id of ['20261201-100000-000', '20261202-100000-000']) {
      fs.mkdirSync(path.join(store.releasesDir, id), { recursive: true });
      fs.writeFileSync(path.join(store.releasesDir, id, 'index.html'), id);
    }
    await publishRelease(store, '20261202-100000-000');

    const child = spawn(
      path.join(repoRoot, 'node_modules', '.bin', 'tsx'),
      [path.join(repoRoot, 'scripts', 'build-site.ts'), '--serve'],
      { cwd: repoRoot, stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    /** The events of one request, up to its exit. */
    const ask = async (line: string) => {
      child.stdin.write(`${line}\n`);
      const events: BuildEvent[] = [];
      for (;;) {
        const next = await lines.next();
        if (next.done) throw new Error(`the process ended during "${line}"`);
        const event = parseBuildEvent(BuildEventSchema, next.value);
        if (!event) continue;
        if (event.type === 'exit') return { events, code: event.code };
        events.push(event);
      }
    };

    expect(await ask('not json')).toEqual({
      events: [{ type: 'failed', message: 'build-site --serve takes one JSON array of arguments a line' }],
      code: 1,
    });
    expect(await ask(JSON.stringify(['--cms-url', 'http://127.0.0.1:9']))).toEqual({
      events: [{ type: 'failed', message: 'build-site needs --data-dir, --cms-url and --site-url' }],
      code: 1,
    });
    const missing = await ask(JSON.stringify(['--data-dir', dataDir, '--publish', '20261101-100000-000']));
    expect(missing.code).toBe(1);
    expect(missing.events[0]).toMatchObject({
      type: 'failed',
      message: expect.stringMatching(/no longer kept/),
    });
    // The same process, still there, carries out the next one.
    expect(await ask(JSON.stringify(['--data-dir', dataDir, '--publish', '20261201-100000-000']))).toEqual({
      events: [{ type: 'published', id: '20261201-100000-000' }],
      code: 0,
    });
    expect(fs.readFileSync(path.join(store.current, 'index.html'), 'utf8')).toBe('20261201-100000-000');

    // Ready for the next build: the render app loaded, the snapshot in memory.
    const snapshot = siteFolders(dataDir).snapshotDir;
    fs.mkdirSync(snapshot, { recursive: true });
    fs.writeFileSync(
      path.join(snapshot, 'oyu-works.kk.json'),
      JSON.stringify({ docs: [{ id: 1 }, { id: 2 }] }),
    );
    const prepared = await ask(
      JSON.stringify(['--prepare', '--data-dir', dataDir, '--site-url', 'https://oyu.example']),
    );
    expect(prepared.code, JSON.stringify(prepared.events)).toBe(0);
    expect(prepared.events.at(-1)).toMatchObject({
      type: 'log',
      line: expect.stringMatching(
        /^ready for the next build: render app loaded, 2 documents of the snapshot read/,
      ),
    });

    // It ends when its input does: the CMS that started it stopped.
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdin.end();
    expect(await exited).toBe(0);
  }, 240_000);
});
