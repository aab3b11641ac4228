/**
 * `pnpm restore <archive>`: checks the whole archive (manifest, every checksum) before touching
 * anything, then restores it onto an empty install (OYU_DATA_DIR, DATABASE_URI) and applies any
 * migrations the archive predates. Start the CMS afterwards with `pnpm start`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MediaStorageError } from '@oyu/cms/media/storage';
import { BackupError, restoreBackup } from './lib/backup';
import { exportEnv, readScriptEnv, repoRoot } from './lib/env';
import { formatDuration, info, progress } from './lib/log';
import { run } from './lib/processes';
import { describeStack, paths } from './lib/stack';

const started = performance.now();
try {
  const { positionals } = parseArgs({ allowPositionals: true });
  const [given] = positionals;
  if (!given) throw new BackupError('Name the backup to restore: pnpm restore <file.tar.gz>');
  const archive = path.resolve(given);
  const env = readScriptEnv();
  const bars = new Map<string, ReturnType<typeof progress>>();
  const { manifest } = await restoreBackup(
    archive,
    { dataDir: env.dataDir, databaseUri: env.databaseUri, mediaDir: env.mediaDir, s3: env.s3 },
    {
      onStep: (step) => info(`▸ ${step}`),
      onProgress: (done, total, detail = '') => {
        if (!bars.has(detail)) bars.set(detail, progress(detail));
        bars.get(detail)?.(done, total);
      },
    },
  );
  info('▸ migrations');
  const stack = describeStack(env);
  exportEnv(stack.cmsEnv);
  await run(paths.tsxBin, [paths.seedScript], {
    cwd: repoRoot,
    env: { ...stack.cmsEnv, OYU_SEED_DEMO: 'false' },
    label: 'migrate',
  });
  // A backup is restored as it was taken. Content from before the publishing contract (or made
  // invalid by a newer schema) is named now, rather than by the next build that stops on it.
  info('▸ checking published documents');
  const [{ getPayload }, { default: config }, { auditPublished }] = await Promise.all([
    import('payload'),
    import('@oyu/cms/config'),
    import('@oyu/cms/contract/audit'),
  ]);
  const payload = await getPayload({ config });
  const findings = await auditPublished(payload).finally(() => payload.destroy());
  if (findings.length) {
    info(
      `\n${findings.length} published document(s) in this backup cannot be built as they are. The next site build stops on them until they are fixed or unpublished in the admin:`,
    );
    for (const finding of findings)
      info(
        `  ${finding.collection} ${finding.slug ? `"${finding.slug}" ` : ''}(id ${String(finding.id)}): ${finding.problems.join('; ')}`,
      );
  }
  const counts = Object.entries(manifest.counts)
    .map(([table, n]) => `${n} ${table}`)
    .join(', ');
  info(
    `\nRestored ${archive} (made ${manifest.createdAt}) into ${env.dataDir}\n  ${counts}\n` +
      `  in ${formatDuration(performance.now() - started)}. Start it with: npx -y pnpm@12.4.2 start`,
  );
} catch (error) {
  info(
    `\n${error instanceof BackupError || error instanceof MediaStorageError ? error.message : (error as Error).stack}`,
  );
  process.exitCode = 1;
}
// PostgreSQL: Payload keeps a pool connection open after payload.destroy(); end the process
// when done. Remove with the same line in scripts/import.ts.
process.exit();
