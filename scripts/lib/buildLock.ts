import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isProcessAlive } from '@oyu/cms/processes';

/**
 * One site build at a time per data folder, whether the CMS, the CLI or `pnpm start` asks for
 * it. The lock is a file naming its holder; a lock whose process has died (a crash, SIGKILL)
 * is taken over.
 */
export class BuildBusy extends Error {
  constructor(readonly since: string) {
    super(`another build of the site is running (since ${since}); wait for it to finish`);
    this.name = 'BuildBusy';
  }
}

export async function acquireBuildLock(root: string): Promise<{ release: () => Promise<void> }> {
  await fs.mkdir(root, { recursive: true });
  const file = path.join(root, 'build.lock');
  const holder = JSON.stringify({ pid: process.pid, since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(file, holder, { flag: 'wx' });
      return { release: () => fs.rm(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = JSON.parse(await fs.readFile(file, 'utf8').catch(() => '{}')) as {
        pid?: number;
        since?: string;
      };
      if (current.pid && current.pid !== process.pid && isProcessAlive(current.pid)) {
        throw new BuildBusy(current.since ?? 'a moment ago');
      }
      await fs.rm(file, { force: true });
    }
  }
  throw new Error(`could not take the build lock ${file}`);
}

/** The lock of `root` once it is free: waits for another holder to finish. */
export async function waitForBuildLock(
  root: string,
  pollMs = 1000,
): Promise<{ release: () => Promise<void> }> {
  for (;;) {
    try {
      return await acquireBuildLock(root);
    } catch (error) {
      if (!(error instanceof BuildBusy)) throw error;
      await sleep(pollMs);
    }
  }
}
