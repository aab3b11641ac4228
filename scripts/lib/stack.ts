import path from 'node:path';
import type { ScriptEnv } from './env';
import { repoRoot } from './env';
import type { EnvVars } from './processes';
import { ensureSecrets } from './secrets';

/** Everything the CMS processes need to know, derived once from the scripts' settings. */
export type Stack = {
  dataDir: string;
  cmsPort: number;
  sitePort: number;
  cmsUrl: string;
  siteUrl: string;
  cmsEnv: EnvVars;
};

export function describeStack(env: ScriptEnv): Stack {
  const secrets = ensureSecrets(env.dataDir);
  const cmsUrl = `http://localhost:${env.cmsPort}`;
  const siteUrl = `http://localhost:${env.sitePort}`;
  return {
    dataDir: env.dataDir,
    cmsPort: env.cmsPort,
    sitePort: env.sitePort,
    cmsUrl,
    siteUrl,
    cmsEnv: {
      ...secrets,
      OYU_DATA_DIR: env.dataDir,
      SERVER_URL: cmsUrl,
      // Builds started from the CMS (the Site page, automatic rebuilds) use the site's address.
      SITE_URL: siteUrl,
      // The draft preview pages this process serves read the CMS here.
      CMS_URL: cmsUrl,
      // The same servers under their numeric address, so signing in works from either URL.
      CORS_ORIGINS: [siteUrl, `http://127.0.0.1:${env.cmsPort}`, `http://127.0.0.1:${env.sitePort}`].join(
        ',',
      ),
      NEXT_TELEMETRY_DISABLED: '1',
      ...(env.databaseUri ? { DATABASE_URI: env.databaseUri } : {}),
    },
  };
}

export const paths = {
  seedScript: path.join(repoRoot, 'scripts', 'seed.ts'),
  serveSiteScript: path.join(repoRoot, 'scripts', 'serve-site.ts'),
  tsxBin: path.join(repoRoot, 'node_modules', '.bin', 'tsx'),
};
