/**
 * `pnpm seed`: migrate the database, create the first admin if there is none, and seed the
 * demo if there is no content. Safe to run again: it never seeds twice.
 */
import { MediaStorageError } from '@oyu/cms/media/storage';
import { prepareDatabase } from './lib/database';
import { exportEnv, readScriptEnv } from './lib/env';
import { info } from './lib/log';
import { describeStack } from './lib/stack';

const env = readScriptEnv();
// The Payload config reads its environment when imported, so it must be set first.
exportEnv(describeStack(env).cmsEnv);
const report = await prepareDatabase({
  dataDir: env.dataDir,
  seedDemo: env.seedDemo,
  ...(env.demoPhotoSize ? { photoSize: env.demoPhotoSize } : {}),
}).catch((error: Error) => {
  // A photo bucket that cannot be used says what to fix; a stack trace would bury it.
  if (error instanceof MediaStorageError) {
    info(`\n${error.message}`);
    process.exit(1);
  }
  throw error;
});
if (report.admin) {
  info(`  first admin: ${report.admin.email}  password: ${report.admin.password}`);
  info(`  (shown once; also saved in ${report.admin.file})`);
}
if (report.seeded) {
  const s = report.seeded;
  info(
    `  demo: ${s.artisans} artisans, ${s.works} published works and ${s.drafts} drafts, ${s.photos} photos, ` +
      `${s.editions} editions, ${s.showcases} collections, ${s.venues} venues`,
  );
}
// PostgreSQL: Payload keeps a pool connection open for good, which would keep this process
// alive after its work is done (`pnpm start` would wait for it forever). Remove with the same
// line in scripts/import.ts.
process.exit();
