import { formatDuration } from '../text/duration';
import { GitopsPromoteError } from '../errors';

/** The step's time budget ran out; `message` says what it was still waiting for. */
export class DeadlineExceededError extends GitopsPromoteError {}

/**
 * A point in time a step must finish by, with an AbortSignal that fires then (and earlier when the
 * parent signal, e.g. a CI cancel, fires). Passed down to every wait and request, so no layer can
 * outlive the step's `timeout`.
 */
export class Deadline {
  readonly at: number;
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;

  constructor(
    readonly budgetMs: number,
    parent?: AbortSignal,
    private readonly now: () => number = Date.now,
  ) {
    this.at = now() + budgetMs;
    this.signal = parent ? AbortSignal.any([parent, this.controller.signal]) : this.controller.signal;
    this.timer = setTimeout(() => this.controller.abort(new DeadlineExceededError(`Timed out after ${formatDuration(budgetMs)}.`, 'Raise the timeout, or find out why it takes longer.')), budgetMs);
    // A pending deadline must not keep the process alive once the work is done.
    this.timer.unref();
  }

  remainingMs(): number {
    return Math.max(0, this.at - this.now());
  }

  expired(): boolean {
    return this.remainingMs() === 0 || this.controller.signal.aborted;
  }

  /** Stops the timer; call when the work finished before the deadline. */
  dispose(): void {
    clearTimeout(this.timer);
  }
}

/** Waits `ms`, or less when `signal` fires first (then resolves, never rejects: callers check the signal). */
export function sleepUnlessAborted(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted || ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
