import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { inheritedEnv, repoRoot } from './env';

/**
 * Child processes for the main job. Each runs in its own process group so that stopping it
 * also stops whatever it started (pnpm shims, Next workers), and every one is stopped when
 * the parent exits or gets Ctrl-C.
 */

/** Environment variables for a child; unset ones are left out. */
export type EnvVars = Record<string, string | undefined>;

const running = new Set<ChildProcess>();

// Whoever uses this module, its children do not outlive it.
process.once('exit', () => killAllNow());

/** PATH with the repository's own bins first, so children run on the pinned Node 24. */
export function childPath(): string {
  return [path.join(repoRoot, 'node_modules', '.bin'), inheritedEnv().PATH ?? ''].join(path.delimiter);
}

export type RunOptions = {
  cwd: string;
  env?: EnvVars;
  /** Prefix for each line of output; output is hidden (but kept for errors) when absent. */
  label?: string;
  /** For servers: show their output as it comes (commands run to completion always do). */
  echo?: boolean;
  /** Receives each line of output (stdout and stderr) as it comes. */
  onLine?: (line: string) => void;
  /**
   * Receives each line the command writes on a pipe of its own, apart from its output: file
   * descriptor 3, whose number the command finds in OYU_EVENTS_FD (for the site build's
   * events, see site/src/lib/buildEvents.ts).
   */
  onEvent?: (line: string) => void;
};

/** The descriptor of the events pipe, in the command and in the guard between them. */
const eventsFd = 3;

function pipeLines(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void) {
  if (!stream) return;
  let buffer = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split(/\r?\n/);
    buffer = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
  stream.on('end', () => buffer && onLine(buffer));
}

const guard = fileURLToPath(new URL('./guard.cjs', import.meta.url));

export function start(command: string, args: string[], options: RunOptions): ChildProcess {
  // The guard leads the child's process group and ends it if this process dies unannounced.
  // Never an OYU_EVENTS_FD of this process's own: the command would write to whatever fd 3 is.
  const events = { OYU_EVENTS_FD: options.onEvent ? String(eventsFd) : undefined };
  const child = spawn(process.execPath, [guard, options.onEvent ? 'events' : 'no-events', command, ...args], {
    cwd: options.cwd,
    env: inheritedEnv({ ...options.env, ...events, PATH: childPath() }),
    stdio: options.onEvent ? ['pipe', 'pipe', 'pipe', 'pipe'] : ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(child);
  child.on('exit', () => running.delete(child));
  return child;
}

/** Runs a command to completion; a non-zero exit throws with the last lines of its output. */
export async function run(command: string, args: string[], options: RunOptions): Promise<void> {
  const child = start(command, args, options);
  const tail: string[] = [];
  const onLine = (line: string) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
    if (options.label && line.trim()) process.stdout.write(`  ${options.label} │ ${line}\n`);
    options.onLine?.(line);
  };
  pipeLines(child.stdout, onLine);
  pipeLines(child.stderr, onLine);
  const events = options.onEvent ? (child.stdio[eventsFd] as Readable) : undefined;
  const eventsClosed = new Promise<void>((resolve) =>
    events ? events.once('close', () => resolve()) : resolve(),
  );
  if (events && options.onEvent) pipeLines(events, options.onEvent);
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
    (resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal }));
    },
  );
  await drained(eventsClosed);
  if (code !== 0 || signal) {
    const how = signal ? `was stopped by ${signal}` : `exited with ${code}`;
    throw new Error(
      `\`${command} ${args.join(' ')}\` (in ${path.relative(repoRoot, options.cwd) || '.'}) ${how}:\n${tail.join('\n')}`,
    );
  }
}

/**
 * Waits, once the command has exited, until the events pipe has given everything the command
 * wrote (its last event may say why it failed). A process the command left running may hold
 * the pipe open: this waits `graceMs` at most.
 */
async function drained(closed: Promise<void>, graceMs = 2000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
  clearTimeout(timer);
}

/** Starts a long-running server and keeps its output for when something goes wrong. */
export function startServer(command: string, args: string[], options: RunOptions) {
  const child = start(command, args, options);
  const output: string[] = [];
  const onLine = (line: string) => {
    output.push(line);
    if (output.length > 200) output.shift();
    if (options.label && options.echo) process.stdout.write(`  ${options.label} │ ${line}\n`);
  };
  pipeLines(child.stdout, onLine);
  pipeLines(child.stderr, onLine);
  return { child, output, stop: () => stop(child) };
}

export async function stop(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {}
  }, graceMs);
  await exited;
  clearTimeout(timer);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => stop(child)));
}

/** Last resort when the parent is exiting: kill every group at once, synchronously. */
export function killAllNow() {
  for (const child of running) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {}
  }
}

export async function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls a URL until it answers 2xx, the process dies, or time runs out. */
export async function waitForHttp(
  url: string,
  {
    timeoutMs = 120_000,
    child,
    output,
  }: { timeoutMs?: number; child?: ChildProcess; output?: string[] } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) {
      throw new Error(
        `The server for ${url} exited with ${child.exitCode}:\n${(output ?? []).slice(-30).join('\n')}`,
      );
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await response.body?.cancel();
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `${url} did not answer within ${timeoutMs / 1000} s (${last}):\n${(output ?? []).slice(-30).join('\n')}`,
  );
}
