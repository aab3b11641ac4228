// Runs a command and takes it down, with everything it started, when the parent goes away.
// The parent holds this process's stdin open and never writes to it; when the parent exits
// for any reason (even SIGKILL), stdin ends and the whole process group is stopped.
// Usage: node guard.cjs <events|no-events> <command> [args...]   (a process-group leader)
const { spawn } = require('node:child_process');
const os = require('node:os');

const [events, command, ...args] = process.argv.slice(2);
// An events pipe at fd 3 (see onEvent in processes.ts) goes on to the command under the same
// number; the parent says whether there is one.
const stdio = ['ignore', 'inherit', 'inherit'];
if (events === 'events') stdio.push(3);
const child = spawn(command, args, { stdio });

const signalGroup = (signal) => {
  try {
    process.kill(-process.pid, signal);
  } catch {}
};

for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
  process.on(signal, () => {
    child.kill(signal);
    setTimeout(() => signalGroup('SIGKILL'), 5000);
  });
}
process.stdin.on('end', () => {
  signalGroup('SIGTERM');
  setTimeout(() => signalGroup('SIGKILL'), 5000);
});
process.stdin.resume();
child.on('error', (error) => {
  process.stderr.write(`${command}: ${error.message}\n`);
  process.exit(127);
});
// The parent sees only this process's exit: a signal is said, and coded as a shell does (128 + n).
child.on('exit', (code, signal) => {
  if (signal) process.stderr.write(`${command} was stopped by ${signal}\n`);
  process.exit(signal ? 128 + (os.constants.signals[signal] ?? 0) : (code ?? 1));
});
