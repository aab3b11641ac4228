import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import { info } from './log';
import { stop } from './processes';

/**
 * Keeps the servers of `pnpm start` running: a server that exits when nobody asked it to is
 * started again after a pause that doubles with each failure in a row (1 s, 2 s, 4 s … 30 s),
 * so a server that cannot start does not spin, and one crash costs seconds, not the install.
 * Each server is a child process, so one server's crash never reaches another, nor this one.
 */

/** A started server, as `startServer` (processes.ts) returns it. */
export type Launched = { child: ChildProcess; output: string[] };

export type ServerSpec = {
  /** How the log names it: "the CMS", "the site server". */
  name: string;
  /** Starts one instance. */
  launch: () => Launched;
  /** Resolves once an instance answers; rejects if it exits or does not answer in time. */
  ready?: (server: Launched) => Promise<void>;
};

export type Backoff = {
  /** The pause before the first restart. */
  firstMs: number;
  /** The longest pause. */
  maxMs: number;
  /** An instance that stayed up this long starts the count again from `firstMs`. */
  resetAfterMs: number;
};

export const defaultBackoff: Backoff = { firstMs: 1000, maxMs: 30_000, resetAfterMs: 60_000 };

export type SuperviseOptions = {
  backoff?: Backoff;
  /** Where the supervisor says what happened (default: the console). */
  log?: (message: string) => void;
};

export type Supervisor = {
  /** The running instance, or undefined between a crash and its restart. */
  current: () => Launched | undefined;
  /** Stops the server for good: no restart follows. */
  stop: () => Promise<void>;
};

/** "exit code 1", "signal SIGKILL", or "exit code 137 (SIGKILL)" from a guarded child. */
export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) return `signal ${signal}`;
  if (code === null) return 'no exit code';
  const name = code > 128 && Object.entries(os.constants.signals).find(([, n]) => n === code - 128)?.[0];
  return name ? `exit code ${code} (${name})` : `exit code ${code}`;
}

/** The pause before restart number `failures` + 1. */
export function restartDelay(backoff: Backoff, failures: number): number {
  return Math.min(backoff.firstMs * 2 ** failures, backoff.maxMs);
}

/** The last lines a server printed, for the log: usually they say why it stopped. */
function lastLines(output: string[], count = 10): string {
  const lines = output.filter((line) => line.trim()).slice(-count);
  return lines.length ? lines.map((line) => `    │ ${line}`).join('\n') : '    │ (no output)';
}

class ServerSupervisor implements Supervisor {
  private server: Launched | undefined;
  private stopping = false;
  /** False until the first start is ready: a first start that fails is not retried. */
  private supervising = false;
  private failures = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly spec: ServerSpec,
    private readonly backoff: Backoff,
    private readonly log: (message: string) => void,
  ) {}

  current = () => this.server;

  /** The first start: its failure is the caller's (a setting is wrong), so it throws. */
  async start(): Promise<void> {
    const server = this.launch();
    try {
      await this.spec.ready?.(server);
    } catch (error) {
      await this.stop();
      throw error;
    }
    this.supervising = true;
  }

  stop = async (): Promise<void> => {
    this.stopping = true;
    clearTimeout(this.timer);
    if (this.server) await stop(this.server.child);
  };

  private launch(): Launched {
    const server = this.spec.launch();
    const startedAt = Date.now();
    this.server = server;
    server.child.once('exit', (code, signal) => this.exited(server, startedAt, code, signal));
    server.child.on('error', (error) =>
      this.log(`${capitalised(this.spec.name)} could not be started: ${error.message}`),
    );
    return server;
  }

  private exited(server: Launched, startedAt: number, code: number | null, signal: NodeJS.Signals | null) {
    if (this.server === server) this.server = undefined;
    if (this.stopping || !this.supervising) return;
    killGroup(server.child);
    if (Date.now() - startedAt >= this.backoff.resetAfterMs) this.failures = 0;
    const delay = restartDelay(this.backoff, this.failures);
    this.failures += 1;
    this.log(
      `${capitalised(this.spec.name)} stopped unexpectedly (${describeExit(code, signal)}). Its last output:\n` +
        `${lastLines(server.output)}\n  Restarting ${this.spec.name} in ${formatDelay(delay)} (restart ${this.failures}).`,
    );
    this.timer = setTimeout(() => void this.restart(), delay);
  }

  private async restart() {
    if (this.stopping) return;
    const server = this.launch();
    try {
      await this.spec.ready?.(server);
      if (!this.stopping) this.log(`${capitalised(this.spec.name)} is running again.`);
    } catch (error) {
      // An instance that exited is reported by `exited`; one that hangs is stopped, then reported.
      if (server.child.exitCode !== null || server.child.signalCode !== null || this.stopping) return;
      this.log(`${capitalised(this.spec.name)} did not answer: ${(error as Error).message.split('\n')[0]}`);
      await stop(server.child);
    }
  }
}

/**
 * Whatever an instance left behind in its process group (a worker, the server under a shim
 * when the guard was killed) goes too, so that the restart finds its port free.
 */
function killGroup(child: ChildProcess) {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {}
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const formatDelay = (ms: number) => (ms < 1000 ? `${ms} ms` : `${ms / 1000} s`);

/**
 * Starts a server, waits until it is ready, and restarts it whenever it exits until `stop` is
 * called. Rejects if the first start fails: then nothing is left running.
 */
export async function supervise(spec: ServerSpec, options: SuperviseOptions = {}): Promise<Supervisor> {
  const supervisor = new ServerSupervisor(spec, options.backoff ?? defaultBackoff, options.log ?? info);
  await supervisor.start();
  return supervisor;
}
