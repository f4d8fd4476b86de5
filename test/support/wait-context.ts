/**
 * The context wait-argocd-healthy's tests run the step with: the production one (real client,
 * real time) with short stream timings, and no SIGTERM/SIGINT handlers (the test runner's own);
 * a test's `signal` stands for the cancel.
 */
import { WAIT_TIMINGS, waitContext, type WaitContext, type WaitTimings } from '../../packages/core/src/steps/wait-argocd-healthy/context';

export interface TestWaitContextOptions {
  timings?: Partial<WaitTimings>;
  /** Aborting it cancels the wait, as SIGTERM does in production. */
  signal?: AbortSignal;
}

/** Stalls, buffering proxies and polling noticed within seconds, not tens of them. */
export const TEST_TIMINGS: WaitTimings = { ...WAIT_TIMINGS, stallMs: 2000, firstEventMs: 1000, pollMs: 100 };

export function testWaitContext(options: TestWaitContextOptions = {}): WaitContext {
  const signal = options.signal;
  return {
    ...waitContext(),
    timings: { ...TEST_TIMINGS, ...options.timings },
    onCancel: (controller) => {
      if (!signal) return () => undefined;
      const abort = (): void => controller.abort(signal.reason);
      if (signal.aborted) abort();
      signal.addEventListener('abort', abort, { once: true });
      return () => signal.removeEventListener('abort', abort);
    },
  };
}
