import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../env';
import { run } from '../processes';
import { probed } from './probeRun';

/**
 * The benchmark's peer baseline: the small Astro site in ./peerSite, built the way Payload + Astro
 * starters commonly build one (pages fetch the CMS's REST API themselves, `<Image>` fetches and
 * re-encodes every photo to WebP at build time), over the same CMS as Oyu's build. It renders
 * English only (Oyu renders three languages), so compare the two per page.
 */
export type PeerFigures = {
  seconds: number;
  /** HTML pages written: the home page, one per published work and one per published artisan. */
  pages: number;
  pagesPerSecond: number;
  /** Image encodes through sharp during the build (probe.cjs): one per photo and size. */
  encodes: number;
  /** Peak memory of the astro build process. */
  peakRssMiB: number;
  /** Distinct CMS photos the build downloaded (each re-encoded once per size the pages use). */
  photosFetched: number;
  /**
   * Why the build stopped, when it did not finish (out of memory, say): a starter's build that
   * cannot get through the dataset is a finding, not a reason to lose the rest of the run.
   */
  failed?: string;
};

const peerDir = fileURLToPath(new URL('./peerSite', import.meta.url));
const astroBin = path.join(repoRoot, 'scripts', 'node_modules', '.bin', 'astro');

/** Builds the peer site from the CMS at `cmsUrl` into `outDir` (emptied first), cold. */
export async function peerBuild(options: {
  cmsUrl: string;
  outDir: string;
  /** Receives each line Astro prints. */
  onLine?: (line: string) => void;
}): Promise<PeerFigures> {
  // A fresh cache: otherwise Astro reuses the photos it encoded in an earlier run.
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-bench-peer-cache-'));
  try {
    const started = performance.now();
    const {
      result: failure,
      peakRssMiB,
      encodes,
    } = await probed((nodeOptions) =>
      run(astroBin, ['build'], {
        cwd: peerDir,
        env: {
          CMS_URL: options.cmsUrl.replace(/\/$/, ''),
          PEER_OUT_DIR: options.outDir,
          PEER_CACHE_DIR: cacheDir,
          ASTRO_TELEMETRY_DISABLED: '1',
          NODE_OPTIONS: nodeOptions,
        },
        onLine: options.onLine,
      }).then(
        () => undefined,
        (error: Error) => error,
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    const files = fs.existsSync(options.outDir)
      ? fs.readdirSync(options.outDir, { recursive: true, encoding: 'utf8' })
      : [];
    const pages = files.filter((file) => file.endsWith('.html')).length;
    return {
      seconds: round(seconds),
      pages,
      pagesPerSecond: failure ? 0 : round(pages / seconds),
      encodes,
      peakRssMiB,
      photosFetched: photosFetched(path.join(options.outDir, '_astro')),
      ...(failure ? { failed: reason(failure) } : {}),
    };
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
}

/**
 * Astro names each processed remote photo `<original name>_<hash>.<format>`, one file per size;
 * it downloads each original once per build.
 */
function photosFetched(assetsDir: string): number {
  if (!fs.existsSync(assetsDir)) return 0;
  const originals = fs
    .readdirSync(assetsDir)
    .filter((file) => /\.(webp|avif|png|jpe?g)$/.test(file))
    .map((file) => file.replace(/_[^_]+$/, ''));
  return new Set(originals).size;
}

/** The line of a failed build's output that says why: the error, else its last words. */
function reason(error: Error): string {
  const lines = error.message
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const said = lines.filter((line) => !line.startsWith('at ') && !line.startsWith('`'));
  // How it ended ("exited with 1", "was stopped by SIGKILL"), for when it printed no error.
  const ended = error.message.match(/\) (exited with \S+|was stopped by \S+):/)?.[1];
  const telling =
    said.find((line) => /out of memory/i.test(line)) ??
    said.find((line) => /^\[?\w*Error\b/.test(line)) ??
    said.find((line) => /\bfailed\b/i.test(line)) ??
    (ended ? `${ended} after: ${said.at(-1) ?? 'no output'}` : said.at(-1)) ??
    error.message;
  return telling.slice(0, 300);
}

const round = (value: number) => Math.round(value * 100) / 100;
