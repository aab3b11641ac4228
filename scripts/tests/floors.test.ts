import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../lib/env';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-floors-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the HTML-write floor', () => {
  it('writes a site of more pages than the process may hold files open (L has 71,690)', () => {
    const site = path.join(dir, 'site');
    for (let i = 0; i < 1500; i += 1) {
      fs.mkdirSync(path.join(site, 'en', 'works', `w${i}`), { recursive: true });
      fs.writeFileSync(path.join(site, 'en', 'works', `w${i}`, 'index.html'), `<h1>${i}</h1>`);
    }
    const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
    const fixture = path.join(repoRoot, 'scripts', 'tests', 'fixtures', 'htmlFloor.ts');
    // At most 256 open files: reading every page at once fails with EMFILE.
    const out = execFileSync(
      '/bin/sh',
      ['-c', 'ulimit -n 256 && exec "$0" "$@"', tsx, fixture, site, path.join(dir, 'scratch')],
      { encoding: 'utf8' },
    );
    const floor = JSON.parse(out.trim().split('\n').at(-1) ?? '') as { pages: number; bytes: number };
    expect(floor.pages).toBe(1500);
    expect(floor.bytes).toBe([...Array(1500).keys()].reduce((sum, i) => sum + `<h1>${i}</h1>`.length, 0));
    expect(fs.existsSync(path.join(dir, 'scratch'))).toBe(false);
  }, 60_000);
});
