// The benchmark's peer baseline: a site built the way Payload + Astro starters commonly build
// one (pages fetch the CMS themselves, `<Image>` re-encodes the CMS's photos at build time), over
// the same dataset as Oyu. Deliberately not optimised; only the benchmark builds it (../peer.ts).
import { defineConfig } from 'astro/config';
import { peerEnv } from './env';

export default defineConfig({
  outDir: peerEnv.outDir,
  cacheDir: peerEnv.cacheDir,
  vite: { cacheDir: `${peerEnv.cacheDir}/vite` },
  // Without this Astro silently links the original photo instead of processing it.
  image: {
    remotePatterns: [
      { protocol: peerEnv.cmsUrl.protocol.replace(':', ''), hostname: peerEnv.cmsUrl.hostname },
    ],
  },
});
