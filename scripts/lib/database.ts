import {
  ensureFirstAdmin,
  ensureVocabularies,
  isDatabaseEmpty,
  seedDemo as seedDemoContent,
} from '@oyu/cms/seed';
import { info, progress } from './log';
import { saveCredentials } from './secrets';

export type PrepareOptions = {
  dataDir: string;
  seedDemo: boolean;
  /** Size of the demo's drawn photographs; tests use small ones. */
  photoSize?: { width: number; height: number };
};
export type PrepareReport = {
  migrated: boolean;
  admin: { email: string; password: string; file: string } | null;
  seeded: Awaited<ReturnType<typeof seedDemoContent>> | null;
};

/**
 * Brings the database up to date and fills a new one: applies committed migrations, creates
 * the first admin with a random password, and seeds the demo when there is no content yet.
 * Run with the CMS environment already exported (`exportEnv`): the config reads it on import.
 */
export async function prepareDatabase(options: PrepareOptions): Promise<PrepareReport> {
  const [{ getPayload }, { default: config }, { migrationsFor }, { env }] = await Promise.all([
    import('payload'),
    import('@oyu/cms/config'),
    import('@oyu/cms/database'),
    import('@oyu/cms/env'),
  ]);
  const payload = await getPayload({ config });
  try {
    await payload.db.migrate({ migrations: migrationsFor(env) });
    const created = await ensureFirstAdmin(payload);
    const admin = created
      ? { ...created, file: saveCredentials(options.dataDir, created.email, created.password) }
      : null;
    await ensureVocabularies(payload);
    let seeded: PrepareReport['seeded'] = null;
    if (options.seedDemo && (await isDatabaseEmpty(payload))) {
      const bar = progress('demo photos');
      seeded = await seedDemoContent(payload, {
        onProgress: (p) => bar(p.done, p.total),
        ...(options.photoSize ? { photoSize: options.photoSize } : {}),
      });
    } else if (options.seedDemo) {
      info('  content found: demo not seeded again');
    }
    return { migrated: true, admin, seeded };
  } finally {
    await payload.destroy();
  }
}
