import { z } from 'zod';

/**
 * The peer site's settings, checked once: ../peer.ts passes them to each build. Nothing else in
 * the peer site reads `process.env` (its pages get `CMS_URL` through `import.meta.env`).
 */
const PeerEnvSchema = z.object({
  CMS_URL: z.url().default('http://localhost:3000'),
  PEER_OUT_DIR: z.string().min(1).default('./dist'),
  // peer.ts gives each build a fresh cache, so every photo is fetched and re-encoded, as on a
  // starter's first deploy.
  PEER_CACHE_DIR: z.string().min(1).default('./node_modules/.astro'),
});

const parsed = PeerEnvSchema.safeParse(process.env);
if (!parsed.success) {
  throw new Error(
    `The peer site's environment is not valid: ${parsed.error.issues
      .map((issue) => `${issue.path.join('.')} ${issue.message}`)
      .join('; ')}`,
  );
}

export const peerEnv = {
  cmsUrl: new URL(parsed.data.CMS_URL),
  outDir: parsed.data.PEER_OUT_DIR,
  cacheDir: parsed.data.PEER_CACHE_DIR,
};
