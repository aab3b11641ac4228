import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { type BuildEvent, BuildEventSchema, parseBuildEvent } from '@oyu/shared-types';
import { childEnv, env } from '../env';

/**
 * The process that runs this CMS's site builds: `scripts/build-site.ts --serve`, started at
 * the first build and kept for the next ones, so a build does not pay again for starting
 * Node, compiling the build's code and loading the render app and the snapshot (a few seconds
 * each time, most of a one-work edit's build on a small site). It never shares the CMS's
 * memory: a build that runs out of it ends its own process, not the CMS.
 *
 * Requests go one a line on its stdin, one at a time; its events come back one a line on its
 * output, each request's ending with an `exit` event. If the process ends during a request,
 * that request ends with its exit code and the next one starts a new process. It ends with the
 * CMS: its stdin closes then.
 */
type Request = { args: string[]; onEvent: (event: BuildEvent) => void; resolve: (code: number) => void };

/**
 * The process, the request it runs, and the requests waiting (they run one after another, in
 * the order they came). Kept on the global object: in `pnpm dev` this module is loaded again
 * when the CMS's code changes, and a second process would be started beside the first.
 */
type State = { child?: ChildProcess; current?: Request; queue: Promise<unknown> };
const registry = globalThis as { [key: symbol]: State | undefined };
const key = Symbol.for('oyu.buildWorker');
registry[key] ??= { queue: Promise.resolve() };
const state: State = registry[key];

function buildScript() {
  return {
    tsx: path.join(/*turbopackIgnore: true*/ env.repoRoot, 'node_modules', '.bin', 'tsx'),
    script: path.join(/*turbopackIgnore: true*/ env.repoRoot, 'scripts', 'build-site.ts'),
  };
}

function start(): ChildProcess {
  const { tsx, script } = buildScript();
  const started = spawn(tsx, [script, '--serve'], {
    cwd: env.repoRoot,
    env: childEnv({ PATH: `${path.dirname(tsx)}${path.delimiter}${childEnv({}).PATH ?? ''}` }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const onLine = (line: string) => {
    const event = parseBuildEvent(BuildEventSchema, line) ?? { type: 'log' as const, line };
    const request = state.current;
    if (!request) return;
    if (event.type === 'exit') {
      state.current = undefined;
      request.resolve(event.code);
    } else request.onEvent(event);
  };
  for (const stream of [started.stdout, started.stderr]) {
    let buffer = '';
    stream?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split(/\r?\n/);
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) onLine(line);
    });
  }
  // The CMS does not wait for its build process to end, nor fail when it could not write to it.
  started.stdin?.on('error', () => undefined);
  started.unref();
  hold(started, false);
  const ended = (code: number) => {
    if (state.child === started) state.child = undefined;
    const request = state.current;
    state.current = undefined;
    request?.resolve(code);
  };
  started.on('error', (error) => {
    state.current?.onEvent({ type: 'failed', message: `the build could not start: ${error.message}` });
    ended(1);
  });
  // Killed by a signal: reported as a shell would (128 + n), so it reads as interrupted.
  started.on('close', (code, signal) => ended(code ?? (signal ? 128 + 9 : 1)));
  return started;
}

/**
 * Whether the build process's pipes keep this process running: while a request runs, as a
 * child process's would; between requests not, so a script that asked for a build can end.
 */
function hold(build: ChildProcess, held: boolean) {
  for (const stream of [build.stdin, build.stdout, build.stderr]) {
    const socket = stream as unknown as { ref?: () => void; unref?: () => void } | null;
    if (held) socket?.ref?.();
    else socket?.unref?.();
  }
}

/** Runs build-site.ts with `args` in the build process; resolves with the request's exit code. */
export function runInBuildProcess(args: string[], onEvent: (event: BuildEvent) => void): Promise<number> {
  const run = () =>
    new Promise<number>((resolve) => {
      state.child ??= start();
      const running = state.child;
      hold(running, true);
      state.current = {
        args,
        onEvent,
        resolve: (code) => {
          hold(running, false);
          resolve(code);
        },
      };
      running.stdin?.write(`${JSON.stringify(args)}\n`);
    });
  const result = state.queue.then(run, run);
  state.queue = result;
  return result;
}

/**
 * Starts the build process and gets it ready for the first build (the render app, the
 * snapshot in memory), while the CMS waits for its first edit. What it says goes to the CMS's
 * log only if it fails.
 */
export function prepareBuildProcess(onFailure: (message: string) => void): void {
  let failure = '';
  void runInBuildProcess(['--prepare', '--data-dir', env.dataDir, '--site-url', env.siteUrl], (event) => {
    if (event.type === 'failed') failure = event.message;
  }).then((code) => {
    if (code !== 0) onFailure(failure || `exit code ${code}`);
  });
}
