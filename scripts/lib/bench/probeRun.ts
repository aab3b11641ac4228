import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inheritedEnv } from '../env';

/** What probe.cjs wrote for one process of a build. */
export type ProbeEntry = {
  pid: number;
  /** `process.argv[1..2]` by base name, e.g. `astro.js build` or `guard.cjs events`. */
  command: string;
  maxRssKb: number;
  sharpLoaded: boolean;
  encodes: number;
};

export type ProbeFigures = {
  /**
   * Peak memory of the astro process itself (not the guard that started it), or of this
   * process when the build started none (the publisher renders partial builds in process).
   */
  peakRssMiB: number;
  peakIn: 'astro' | 'this process';
  /** Image encodes through sharp in any process of the build. */
  encodes: number;
  sharpLoaded: boolean;
  processes: ProbeEntry[];
};

const probe = fileURLToPath(new URL('./probe.cjs', import.meta.url));

/**
 * Runs `body` with probe.cjs preloaded into the processes it starts, and reads what the probe
 * recorded. `body` gets the NODE_OPTIONS to give those processes (the inherited ones with the
 * probe added). The probe writes beside itself, so each call copies it into a fresh folder:
 * two builds never mix their findings.
 */
export async function probed<T>(
  body: (nodeOptions: string) => Promise<T>,
): Promise<{ result: T } & ProbeFigures> {
  const probeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-bench-probe-'));
  try {
    const probeCopy = path.join(probeDir, 'probe.cjs');
    fs.copyFileSync(probe, probeCopy);
    const nodeOptions = [inheritedEnv().NODE_OPTIONS, `--require ${probeCopy}`].filter(Boolean).join(' ');
    // This process's own memory, sampled: resourceUsage's maxRSS covers its whole life.
    let ownPeak = process.memoryUsage.rss();
    const sampler = setInterval(() => {
      ownPeak = Math.max(ownPeak, process.memoryUsage.rss());
    }, 100);
    const result = await body(nodeOptions).finally(() => clearInterval(sampler));
    return { result, ...readProbes(probeDir, ownPeak) };
  } finally {
    fs.rmSync(probeDir, { recursive: true, force: true });
  }
}

function readProbes(probeDir: string, ownPeakBytes: number): ProbeFigures {
  const processes = fs
    .readdirSync(probeDir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(fs.readFileSync(path.join(probeDir, file), 'utf8')) as ProbeEntry);
  const astro = processes.filter((entry) => entry.command.startsWith('astro'));
  return {
    peakRssMiB: astro.length
      ? Math.round((Math.max(...astro.map((entry) => entry.maxRssKb)) / 1024) * 100) / 100
      : Math.round((ownPeakBytes / 2 ** 20) * 100) / 100,
    peakIn: astro.length ? 'astro' : 'this process',
    encodes: processes.reduce((sum, entry) => sum + entry.encodes, 0),
    sharpLoaded: processes.some((entry) => entry.sharpLoaded),
    processes,
  };
}
