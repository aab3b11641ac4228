/** Plain, honest console output: a line per step with its duration, and a progress bar. */

const interactive = Boolean(process.stdout.isTTY);

export function info(message: string) {
  process.stdout.write(`${message}\n`);
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Runs one named step, printing when it starts and how long it took. */
export async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  info(`▸ ${name}…`);
  try {
    const result = await run();
    info(`✓ ${name} (${formatDuration(performance.now() - started)})`);
    return result;
  } catch (error) {
    info(`✗ ${name} failed after ${formatDuration(performance.now() - started)}`);
    throw error;
  }
}

/** A progress bar on a terminal; on a log file, a line every tenth of the way. */
export function progress(label: string) {
  let lastTenth = -1;
  return (done: number, total: number, detail = '') => {
    const share = total === 0 ? 1 : done / total;
    if (interactive) {
      const width = 24;
      const filled = Math.round(share * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      process.stdout.write(`\r  ${label} ${bar} ${done}/${total} ${detail}`.padEnd(100).slice(0, 100));
      if (done === total) process.stdout.write('\n');
      return;
    }
    const tenth = Math.floor(share * 10);
    if (tenth !== lastTenth) {
      lastTenth = tenth;
      info(`  ${label} ${done}/${total}${detail ? ` ${detail}` : ''}`);
    }
  };
}
