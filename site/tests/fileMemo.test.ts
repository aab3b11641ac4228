import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileMemo, folderRenamed } from '../src/lib/fileMemo';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-file-memo-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('what a process keeps of the files it read', () => {
  it('follows a folder renamed (a release published), and reads a changed file again', async () => {
    const memo = fileMemo<string>();
    let made = 0;
    const make = (file: string) => async () => {
      made += 1;
      return fs.readFileSync(file, 'utf8');
    };
    const building = path.join(root, 'release.building');
    fs.mkdirSync(path.join(building, 'en'), { recursive: true });
    const index = (dir: string) => path.join(dir, 'en', 'index.json');
    fs.writeFileSync(index(building), 'first');
    expect(await memo.read(index(building), make(index(building)))).toBe('first');

    const release = path.join(root, 'release');
    fs.renameSync(building, release);
    folderRenamed(building, release);
    expect(await memo.read(index(release), make(index(release)))).toBe('first');
    expect(made).toBe(1);

    // Not told of a rename: read again.
    const moved = path.join(root, 'moved');
    fs.renameSync(release, moved);
    expect(await memo.read(index(moved), make(index(moved)))).toBe('first');
    expect(made).toBe(2);

    // A file replaced under the same name is a new file.
    fs.writeFileSync(`${index(moved)}.next`, 'second');
    fs.renameSync(`${index(moved)}.next`, index(moved));
    expect(await memo.read(index(moved), make(index(moved)))).toBe('second');
    expect(made).toBe(3);
  });
});
