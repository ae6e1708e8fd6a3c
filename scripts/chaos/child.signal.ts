import type { ChildProcess } from 'node:child_process';

/** Sends a signal to a child process and resolves when it has exited (at once if it already had). */
export function signalAndWait(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
