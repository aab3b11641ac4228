import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import * as tar from 'tar';
import {
  BackupError,
  databaseFiles,
  listFiles,
  type Manifest,
  ManifestSchema,
  type Progress,
  sha256,
} from './manifest';

/**
 * Unpacks an archive into `into` and checks it whole: the manifest, every file's size and
 * checksum, nothing missing and nothing extra. Throws a BackupError that names the problem.
 */
export async function verifyBackup(archive: string, into: string, onProgress?: Progress): Promise<Manifest> {
  if (!fs.existsSync(archive)) throw new BackupError(`There is no backup at ${archive}.`);
  await fsp.mkdir(into, { recursive: true });
  await extract(archive, into);
  const manifest = await readManifest(archive, into);
  const problems = [
    ...(await damagedFiles(manifest, into, onProgress)),
    ...(await unlistedFiles(manifest, into)),
  ];
  if (!manifest.files.some((file) => file.path === databaseFiles[manifest.dialect])) {
    problems.push(`${databaseFiles[manifest.dialect]} is not in the manifest`);
  }
  if (problems.length) {
    throw new BackupError(
      `The backup ${archive} is damaged; nothing was restored:\n  ${problems.slice(0, 20).join('\n  ')}` +
        (problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''),
    );
  }
  return manifest;
}

/** Unpacks the archive, refusing any entry a backup never has. */
async function extract(archive: string, into: string) {
  const refused: string[] = [];
  try {
    await tar.extract({
      file: archive,
      cwd: into,
      strict: true,
      // Only plain files and folders, inside the folder: no links, no absolute or ../ paths.
      filter: (entryPath, entry) => {
        const type = 'type' in entry ? entry.type : 'File';
        const safe =
          (type === 'File' || type === 'Directory') &&
          !path.isAbsolute(entryPath) &&
          !entryPath.split(/[\\/]/).includes('..');
        if (!safe) refused.push(entryPath);
        return safe;
      },
    });
  } catch (error) {
    throw new BackupError(
      `${archive} cannot be read as a backup (${(error as Error).message}): it may be truncated.`,
    );
  }
  if (refused.length)
    throw new BackupError(`${archive} holds entries a backup never has: ${refused.join(', ')}`);
}

async function readManifest(archive: string, into: string): Promise<Manifest> {
  const manifestFile = path.join(into, 'manifest.json');
  if (!fs.existsSync(manifestFile))
    throw new BackupError(`${archive} has no manifest.json: it is not an Oyu backup.`);
  const parsed = ManifestSchema.safeParse(
    JSON.parse(await fsp.readFile(manifestFile, 'utf8').catch(() => 'null')),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'manifest'} ${issue.message}`,
    );
    throw new BackupError(`The manifest of ${archive} is not valid: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** The manifest's files that are missing, or whose size or checksum is not the manifest's. */
async function damagedFiles(manifest: Manifest, into: string, onProgress?: Progress): Promise<string[]> {
  const problems: string[] = [];
  let done = 0;
  for (const file of manifest.files) {
    const full = path.join(into, file.path);
    const stat = await fsp.stat(full).catch(() => null);
    if (!stat) problems.push(`${file.path} is missing`);
    else if (stat.size !== file.size)
      problems.push(`${file.path} has ${stat.size} bytes, the manifest says ${file.size}`);
    else if ((await sha256(full)) !== file.sha256) problems.push(`${file.path} does not match its checksum`);
    done += 1;
    onProgress?.(done, manifest.files.length, 'checked');
  }
  return problems;
}

/** Files the archive holds that the manifest does not list. */
async function unlistedFiles(manifest: Manifest, into: string): Promise<string[]> {
  const listed = new Set(manifest.files.map((file) => file.path));
  return (await listFiles(into))
    .filter((file) => file !== 'manifest.json' && !listed.has(file.split(path.sep).join('/')))
    .map((file) => `${file} is not in the manifest`);
}
