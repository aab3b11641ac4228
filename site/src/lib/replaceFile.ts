import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Writing into a build's output that may share files with the live release. A partial build
 * starts as a hard-link copy of the live release (src/publish/stage.ts): its files are the
 * live release's own, so writing one in place (`writeFile`, `copyFile`) would change the page
 * visitors are being served, and the release kept for rollback. These write a new file beside
 * it and rename it over the name: the live release keeps its file.
 */
export async function replaceFile(file: string, body: string | Uint8Array): Promise<void> {
  const next = `${file}.${process.pid}.next`;
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(next, body);
  await fs.rename(next, file);
}

/** Copies `source` to `target`, replacing (never writing into) a file already there. */
export async function replaceWithCopy(source: string, target: string): Promise<void> {
  const next = `${target}.${process.pid}.next`;
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.copyFile(source, next);
  await fs.rename(next, target);
}
