import { readFileSync } from 'node:fs';
import { GitopsPromoteError } from '../errors';

/** The run was cancelled (a CI cancel sends SIGTERM; Ctrl-C sends SIGINT) before it finished. */
export class CancelledError extends GitopsPromoteError {
  constructor(readonly signal: NodeJS.Signals) {
    super(`Cancelled by ${signal} before the step finished.`, 'The job was cancelled (or timed out at the CI level); run it again when ready.');
  }
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/** The controllers of the steps running now that end in order when cancelled (abortOnSignals). */
const listening = new Set<AbortController>();

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
    listening.delete(controller);
    for (const signal of signals) process.removeListener(signal, handler);
  };
  listening.add(controller);
  for (const signal of signals) process.on(signal, handler);
  return dispose;
}

/**
 * A cancel learnt other than by a signal (the launcher died, or was signalled without passing it
 * on): as a first `signal`, never as a second one, so a step already ending in order (the signal
 * reached us too) is not cut short. With no step listening, the process ends as by the signal.
 */
export function cancelAsBy(signal: NodeJS.Signals): void {
  if (listening.size === 0) {
    process.kill(process.pid, signal);
    return;
  }
  for (const controller of listening) if (!controller.signal.aborted) controller.abort(new CancelledError(signal));
}

export interface LauncherWatch {
  /** The parent is gone: the kernel handed us to init or a subreaper (the parent pid changed). */
  onGone: () => void;
  /** The `sh -c` npm exec runs us under woke up while waiting for us: it was signalled. */
  onWrapperSignalled: () => void;
  intervalMs?: number;
}

/**
 * Watches the process that launched this one, since a cancel sent to a launcher may never reach
 * us. npx runs a bin under `sh -c` and forwards SIGINT/SIGTERM to that shell only: SIGTERM ends
 * the shell and orphans us; SIGINT is caught by the shell (dash), which waits for us to end before
 * acting on it. Both show from here: the parent pid changes, or the shell, which otherwise sleeps
 * in wait() until we exit, wakes up (Linux counts its context switches in /proc). Polls, as Node
 * has no parent-death signal. Returns the function that stops watching.
 */
export function watchLauncher(watch: LauncherWatch): () => void {
  const parent = process.ppid;
  const wrapper = npmExecShell(parent);
  let wakes = wrapper === undefined ? undefined : contextSwitches(wrapper);
  // Stopped and continued (Ctrl-Z, fg): the shell was woken by our stop, not by a cancel.
  const resumed = (): void => {
    if (wrapper !== undefined) wakes = contextSwitches(wrapper);
  };
  process.on('SIGCONT', resumed);
  const stop = (): void => {
    clearInterval(timer);
    process.removeListener('SIGCONT', resumed);
  };
  const intervalMs = watch.intervalMs ?? 1000;
  let lastTick = Date.now();
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      stop();
      watch.onGone();
      return;
    }
    if (wrapper === undefined || wakes === undefined) return;
    const now = contextSwitches(wrapper);
    // A tick long overdue means we were stopped (or blocked): the shell's wake may be our stop.
    const overdue = Date.now() - lastTick > 3 * intervalMs;
    lastTick = Date.now();
    if (now === undefined || now === wakes) return;
    if (overdue) {
      wakes = now;
      return;
    }
    stop();
    watch.onWrapperSignalled();
  }, intervalMs);
  // Never what keeps the process alive.
  timer.unref();
  return stop;
}

/** `pid` when it is the `sh -c` of an `npm exec`/npx run (Linux /proc), else undefined. */
function npmExecShell(pid: number): number | undefined {
  if (process.env.npm_command !== 'exec' || process.platform !== 'linux') return undefined;
  try {
    const [command, flag] = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return flag === '-c' && /(?:^|\/)sh$/.test(command ?? '') ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** How often `pid` was scheduled; a shell blocked in wait() changes it only when signalled. */
function contextSwitches(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const count = (field: string): number => Number(new RegExp(`^${field}:\\s*(\\d+)`, 'm').exec(status)?.[1] ?? Number.NaN);
    const total = count('voluntary_ctxt_switches') + count('nonvoluntary_ctxt_switches');
    return Number.isNaN(total) ? undefined : total;
  } catch {
    return undefined;
  }
}
