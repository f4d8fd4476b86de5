import { GitopsPromoteError } from '../errors';

/** The run was cancelled (a CI cancel sends SIGTERM; Ctrl-C sends SIGINT) before it finished. */
export class CancelledError extends GitopsPromoteError {
  constructor(readonly signal: NodeJS.Signals) {
    super(`Cancelled by ${signal} before the step finished.`, 'The job was cancelled (or timed out at the CI level); run it again when ready.');
  }
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/**
 * Turns a CI cancel into an abort of `controller`, so a long wait ends promptly through its own
 * code path (printing what it still waited for) instead of dying mid-line. A second signal ends
 * the process the default way, for a step that does not react. Returns the function that removes
 * the handlers.
 */
export function abortOnSignals(controller: AbortController, signals: readonly NodeJS.Signals[] = SIGNALS): () => void {
  const handler = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      dispose();
      process.kill(process.pid, signal);
      return;
    }
    controller.abort(new CancelledError(signal));
  };
  const dispose = (): void => {
    for (const signal of signals) process.removeListener(signal, handler);
  };
  for (const signal of signals) process.on(signal, handler);
  return dispose;
}

/**
 * Calls `onOrphaned` once when this process's parent is gone (its parent pid changes: the kernel
 * hands an orphan to init or a subreaper). A launcher that dies on a cancel without passing it on
 * (npx runs the step under `sh -c`, and SIGTERM to npx ends that shell, not node) would otherwise
 * leave the step running unseen. Polls, as Node has no parent-death signal. Returns the stop function.
 */
export function onParentExit(onOrphaned: () => void, intervalMs = 1000): () => void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onOrphaned();
  }, intervalMs);
  // Never what keeps the process alive.
  timer.unref();
  return () => clearInterval(timer);
}
