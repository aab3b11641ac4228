import fsp from 'node:fs/promises';
import path from 'node:path';
import { mapLimit } from '@oyu/shared-types';
import * as tar from 'tar';
import { cmsDir, repoRoot } from '../env';
import { type DatabaseDescription, snapshotDatabase } from './database';
import { dialectOf, type Install, mediaFolder, photoStore, transfers, trees } from './install';
import {
  backupFormat,
  backupFormatVersion,
  type Dialect,
  databaseFiles,
  listFiles,
  type Manifest,
  type Progress,
  sha256,
} from './manifest';

export type BackupResult = { archive: string; manifest: Manifest; bytes: number };

/**
 * Writes one archive of the install. The database is snapshotted first, while the CMS may keep
 * running; photos are never changed in place (a new upload is a new file), so copying them
 * afterwards gives every photo the snapshot refers to.
 */
export async function createBackup(
  install: Install,
  archive: string,
  options: { onProgress?: Progress; onStep?: (step: string) => void } = {},
): Promise<BackupResult> {
  const { onProgress, onStep } = options;
  const dialect = dialectOf(install);
  const staging = `${archive}.staging-${process.pid}`;
  await fsp.rm(staging, { recursive: true, force: true });
  await fsp.mkdir(staging, { recursive: true });
  try {
    onStep?.('database snapshot');
    const described = await snapshotDatabase(install, dialect, path.join(staging, databaseFiles[dialect]));
    onStep?.('photos');
    const carried = [
      ...(await carryPhotos(install, staging, onProgress)),
      ...(await carryTrees(install, staging, onProgress)),
    ];
    onStep?.('checksums');
    const all = [databaseFiles[dialect], ...carried];
    const manifest = await manifestOf(dialect, described, await checksums(staging, all, onProgress));
    await fsp.writeFile(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    onStep?.('archive');
    await writeArchive(staging, archive, all, onProgress);
    return { archive, manifest, bytes: (await fsp.stat(archive)).size };
  } finally {
    await fsp.rm(staging, { recursive: true, force: true });
    await fsp.rm(`${archive}.partial-${process.pid}`, { force: true });
  }
}

/** Every photo, from the folder or the bucket, into the archive's media/; their archive paths. */
async function carryPhotos(install: Install, staging: string, onProgress?: Progress): Promise<string[]> {
  const store = photoStore(install);
  const photos = await store.list();
  await fsp.mkdir(path.join(staging, mediaFolder), { recursive: true });
  let fetched = 0;
  await mapLimit(photos, transfers, async (photo) => {
    await store.download(photo.name, path.join(staging, mediaFolder, photo.name));
    onProgress?.(++fetched, photos.length, mediaFolder);
  });
  return photos.map((photo) => `${mediaFolder}/${photo.name}`);
}

/** The frozen pages and any other carried folder, linked into the archive; their archive paths. */
async function carryTrees(install: Install, staging: string, onProgress?: Progress): Promise<string[]> {
  const carried: string[] = [];
  for (const tree of trees(install)) {
    const files = await listFiles(tree.dir);
    let done = 0;
    for (const file of files) {
      const target = path.join(staging, tree.name, file);
      await fsp.mkdir(path.dirname(target), { recursive: true });
      // A hard link costs nothing; another disk gets a copy.
      await fsp
        .link(path.join(tree.dir, file), target)
        .catch(() => fsp.copyFile(path.join(tree.dir, file), target));
      carried.push(path.posix.join(tree.name, file.split(path.sep).join('/')));
      done += 1;
      onProgress?.(done, files.length, tree.name);
    }
  }
  return carried;
}

async function checksums(staging: string, all: string[], onProgress?: Progress): Promise<Manifest['files']> {
  const files: Manifest['files'] = [];
  let done = 0;
  for (const file of all) {
    const full = path.join(staging, file);
    files.push({ path: file, size: (await fsp.stat(full)).size, sha256: await sha256(full) });
    done += 1;
    onProgress?.(done, all.length, 'checksums');
  }
  return files;
}

async function packageVersion(file: string): Promise<string> {
  return (JSON.parse(await fsp.readFile(file, 'utf8')) as { version: string }).version;
}

async function manifestOf(
  dialect: Dialect,
  described: DatabaseDescription,
  files: Manifest['files'],
): Promise<Manifest> {
  return {
    format: backupFormat,
    formatVersion: backupFormatVersion,
    createdAt: new Date().toISOString(),
    versions: {
      oyu: await packageVersion(path.join(repoRoot, 'package.json')),
      payload: await packageVersion(path.join(cmsDir, 'node_modules', 'payload', 'package.json')),
      node: process.version,
      database: described.version,
    },
    dialect,
    migrations: described.migrations,
    counts: described.counts,
    files,
  };
}

/** The staged files packed into `archive`, which appears only once it is whole. */
async function writeArchive(staging: string, archive: string, all: string[], onProgress?: Progress) {
  const partial = `${archive}.partial-${process.pid}`;
  let written = 0;
  await fsp.mkdir(path.dirname(archive), { recursive: true });
  await tar.create(
    {
      gzip: true,
      file: partial,
      cwd: staging,
      portable: true,
      onWriteEntry: () => {
        written += 1;
        onProgress?.(Math.min(written, all.length + 1), all.length + 1, 'archive');
      },
    },
    ['manifest.json', ...all],
  );
  await fsp.rename(partial, archive);
}
