// The benchmark's peer baseline: a site built the way Payload + Astro starters commonly build
// one (pages fetch the CMS themselves, `<Image>` re-encodes the CMS's photos at build time), over
// the same dataset as Oyu. Deliberately not optimised; only the benchmark builds it (../peer.ts).
import { defineConfig } from 'astro/config';

const cmsUrl = new URL(process.env.CMS_URL ?? 'http://localhost:3000');
// peer.ts gives each build a fresh cache, so every photo is fetched and re-encoded, as on a
// starter's first deploy.
const cacheDir = process.env.PEER_CACHE_DIR ?? './node_modules/.astro';

export default defineConfig({
  outDir: process.env.PEER_OUT_DIR ?? './dist',
  cacheDir,
  vite: { cacheDir: `${cacheDir}/vite` },
  // Without this Astro silently links the original photo instead of processing it.
  image: {
    remotePatterns: [{ protocol: cmsUrl.protocol.replace(':', ''), hostname: cmsUrl.hostname }],
  },
});
