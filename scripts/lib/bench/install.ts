import fs from 'node:fs';
import { readCredentials } from '../secrets';
import { type SeededCms, startSeededCms } from '../seededCms';
import { RestClient } from './seedRest';

/** The address the benchmark's site is built for; it is served on a local port. */
export const benchSiteUrl = 'https://oyu.example';

/** A benchmark's CMS, running, with a client signed in as its admin. */
export type BenchInstall = { cms: SeededCms; cmsUrl: string; client: RestClient };

/**
 * A fresh install at `dataDir` (SQLite there, or the empty PostgreSQL database given), running;
 * with `resume`, the install already there, to carry on seeding it.
 */
export async function freshInstall(
  dataDir: string,
  databaseUri: string | undefined,
  options: {
    resume?: boolean;
    /** The photos, when not the install's own media/ folder. */
    mediaDir?: string;
    /** After the migrations, before the CMS starts (the PostgreSQL copy goes in here). */
    beforeStart?: () => Promise<void>;
    /** Whose admin logs in: the install's own, or the one a copied database came with. */
    credentialsFrom?: string;
  } = {},
): Promise<BenchInstall> {
  if (!options.resume) fs.rmSync(dataDir, { recursive: true, force: true });
  const { mediaDir, beforeStart } = options;
  // The CMS's own builds (the automatic rebuild) make the same site as the benchmark's.
  const cms = await startSeededCms({ dataDir, databaseUri, mediaDir, beforeStart, siteUrl: benchSiteUrl });
  try {
    const client = new RestClient(cms.url);
    const { email, password } = readCredentials(options.credentialsFrom ?? dataDir);
    await client.login(email, password);
    // The benchmark's builds read the CMS at the address its own builds do (SERVER_URL): a
    // build after one that read it under another name reads every document again (44 s at M).
    return { cms, cmsUrl: cms.env.SERVER_URL ?? cms.url, client };
  } catch (error) {
    await cms.stop();
    throw error;
  }
}
