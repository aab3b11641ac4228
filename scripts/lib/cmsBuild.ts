import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { waitForBuildLock } from './buildLock';
import { cmsDir, repoRoot } from './env';
import { info } from './log';
import { type EnvVars, run } from './processes';

/** What a CMS production build depends on. Runtime settings (database, secrets) are not in it. */
const inputs = [
  'cms/src',
  'cms/next.config.ts',
  'cms/package.json',
  'cms/tsconfig.json',
  'shared-types/src',
  'pnpm-lock.yaml',
];
const stampFile = path.join(cmsDir, '.next', 'oyu-source-hash');

async function* walk(target: string): AsyncGenerator<string> {
  const stat = await fs.stat(target);
  if (!stat.isDirectory()) {
    yield target;
    return;
  }
  const entries = await fs.readdir(target, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name)))
    yield* walk(path.join(target, entry.name));
}

export async function cmsSourceHash(): Promise<string> {
  const hash = crypto.createHash('sha256');
  for (const input of inputs) {
    for await (const file of walk(path.join(repoRoot, input))) {
      hash.update(path.relative(repoRoot, file));
      hash.update(await fs.readFile(file));
    }
  }
  return hash.digest('hex');
}

/**
 * `next build` for the CMS, skipped when the sources have not changed since the last build:
 * the build is the slowest step of a start, and most starts change nothing in the CMS.
 */
export async function buildCms(env: EnvVars, { force = false } = {}): Promise<'built' | 'reused'> {
  // One `next build` at a time: two at once (pnpm start while the tests run, or two test
  // files) would write the same .next folder. The second waits, then finds the build done.
  const lock = await waitForBuildLock(lockDir);
  try {
    return await buildUnlocked(env, force);
  } finally {
    await lock.release();
  }
}

const lockDir = path.join(cmsDir, '.oyu-build-lock');

async function buildUnlocked(env: EnvVars, force: boolean): Promise<'built' | 'reused'> {
  const hash = await cmsSourceHash();
  const previous = await fs.readFile(stampFile, 'utf8').catch(() => '');
  const hasBuild = await fs
    .access(path.join(cmsDir, '.next', 'BUILD_ID'))
    .then(() => true)
    .catch(() => false);
  if (!force && hasBuild && previous === hash) {
    info('  sources unchanged since the last build: reusing it');
    return 'reused';
  }
  await fs.rm(stampFile, { force: true });
  await run(path.join(cmsDir, 'node_modules', '.bin', 'next'), ['build'], {
    cwd: cmsDir,
    env: { ...env, NODE_ENV: 'production' },
    label: 'cms build',
  });
  await fs.writeFile(stampFile, hash);
  return 'built';
}
