import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * Generated files are committed so the site and the admin build without Payload running, so
 * they must match the config. Regenerate with `pnpm generate:types` and
 * `pnpm --filter @oyu/cms generate:importmap`.
 */
const run = promisify(execFile);
const cmsDir = path.resolve(import.meta.dirname, '../..');
const payloadBin = path.join(cmsDir, 'node_modules', '.bin', 'payload');

async function generate(command: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-generate-'));
  await run(payloadBin, [command], {
    cwd: cmsDir,
    env: { ...process.env, OYU_GENERATE_DIR: dir },
    timeout: 120_000,
  });
  return dir;
}

describe('generated files', () => {
  it('shared-types/src/payload-types.ts matches the Payload config', { timeout: 120_000 }, async () => {
    const dir = await generate('generate:types');
    const fresh = fs.readFileSync(path.join(dir, 'payload-types.ts'), 'utf8');
    const committed = fs.readFileSync(path.join(cmsDir, '../shared-types/src/payload-types.ts'), 'utf8');
    expect(committed, 'payload-types.ts is stale: run `pnpm generate:types`').toBe(fresh);
  });

  it('the admin import map matches the Payload config', { timeout: 120_000 }, async () => {
    const dir = await generate('generate:importmap');
    const committedFile = path.join(cmsDir, 'src/app/(payload)/admin/importMap.js');
    // Local components are imported by relative path, which depends on where the map is
    // written: compare the files they resolve to.
    const resolveImports = (file: string) =>
      fs
        .readFileSync(file, 'utf8')
        .replace(
          /from '(\.[^']+)'/g,
          (_, specifier: string) => `from '${path.resolve(path.dirname(file), specifier)}'`,
        );
    expect(
      resolveImports(committedFile),
      'importMap.js is stale: run `pnpm --filter @oyu/cms generate:importmap`',
    ).toBe(resolveImports(path.join(dir, 'importMap.js')));
  });
});
