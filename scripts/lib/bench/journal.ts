import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../env';
import type { BenchSize } from './dataset';
import type { BenchResult, StepName, Steps } from './result';

/** The steps a run has measured so far, kept in its data folder so a stopped run carries on. */
export type Journal = {
  size: BenchSize;
  quick: boolean;
  steps: { [K in StepName]?: { commit: string; value: Steps[K] } };
};

/** Where a data folder keeps the steps measured so far. */
const journalFile = (dataDir: string) => path.join(dataDir, 'bench-steps.json');

export function readJournal(dataDir: string, size: BenchSize, quick: boolean): Journal {
  const fresh: Journal = { size, quick, steps: {} };
  if (!fs.existsSync(journalFile(dataDir))) return fresh;
  const journal = JSON.parse(fs.readFileSync(journalFile(dataDir), 'utf8')) as Journal;
  // A quick run's figures are not a full run's.
  return journal.size === size && journal.quick === quick ? journal : fresh;
}

/** The commit measured, marked when the work tree had changes. */
export function currentCommit(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
    const changed = git('status', '--porcelain', '--untracked-files=no') !== '';
    return `${git('rev-parse', '--short', 'HEAD')}${changed ? ' (with changes)' : ''}`;
  } catch {
    return 'unknown';
  }
}

/** Runs a step: measured now and written to the journal, or kept from the stopped run this one carries on. */
export type StepRunner = <K extends StepName>(name: K, measure: () => Promise<Steps[K]>) => Promise<Steps[K]>;

export function stepRunner(
  journal: Journal,
  dataDir: string,
  commit: string,
  onStep: (step: string) => void,
): StepRunner {
  return async (name, measure) => {
    const kept = journal.steps[name];
    if (kept) {
      onStep(`${name}: kept from the run stopped earlier (commit ${kept.commit})`);
      return kept.value as Steps[typeof name];
    }
    const value = await measure();
    journal.steps[name] = { commit, value } as Journal['steps'][typeof name];
    fs.writeFileSync(journalFile(dataDir), `${JSON.stringify(journal, null, 2)}\n`);
    return value;
  };
}

/** The commit each step was measured at. */
export function commitsOf(journal: Journal): BenchResult['commits'] {
  return Object.fromEntries(
    Object.entries(journal.steps).map(([name, kept]) => [name, kept.commit]),
  ) as BenchResult['commits'];
}
