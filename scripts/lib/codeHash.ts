import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { siteDir } from './env';

/**
 * A fingerprint of the code that makes pages: the site, the shared schemas and the locked
 * dependencies. A build made with other code cannot reuse pages of the live one; a preview
 * server built from other code is built again. `extra` adds files or folders (relative to
 * site/) that only one of them uses.
 */
export async function codeHash(extra: string[] = []): Promise<string> {
  const hash = createHash('sha1');
  const roots = [path.join(siteDir, 'src'), path.join(siteDir, '..', 'shared-types', 'src')];
  const files = [
    path.join(siteDir, 'astro.config.ts'),
    path.join(siteDir, 'package.json'),
    path.join(siteDir, '..', 'pnpm-lock.yaml'),
  ];
  for (const item of extra) {
    const full = path.join(siteDir, item);
    if ((await fs.stat(full)).isDirectory()) roots.push(full);
    else files.push(full);
  }
  for (const root of roots) {
    for (const entry of await fs.readdir(root, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) files.push(path.join(entry.parentPath, entry.name));
    }
  }
  for (const file of files.sort()) hash.update(file).update(await fs.readFile(file));
  return hash.digest('hex');
}
