/**
 * Whether a process is running: the holder of a lock file (the site build lock, a photo
 * writer's registration). A process that exists but belongs to someone else (EPERM) counts.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
