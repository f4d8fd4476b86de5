import type { ArgoCdClient, ArgoCdClientOptions } from '../../argocd';
import { abortOnSignals } from '../../runtime/cancellation';
import { sleepUnlessAborted } from '../../runtime/deadline';
import type { Backoff, Sleep } from '../../runtime/retry';

/** How long the wait gives the stream, the server and the log. */
export interface WaitTimings {
  /** A stream that sends nothing for this long is taken as dropped (Argo CD sends no keepalives). */
  stallMs: number;
  /** A stream that has not sent the current objects within this long is buffered by a proxy: poll. */
  firstEventMs: number;
  /** The pause between two rounds of reads when polling. */
  pollMs: number;
  /** How often a line says what each app still waits for. */
  progressMs: number;
  /** How long connections refused (or a host that does not resolve) are retried before any answer came. */
  unreachableMs: number;
  /** Between retries of a failed request, and between stream reconnects. */
  backoff: Backoff;
}

/**
 * What the step is given rather than reaching for: time, the Argo CD client and the cancel. The
 * registration hands it the production context; tests build one with their own timings.
 */
export interface WaitContext {
  timings: WaitTimings;
  /** Ms since the epoch. */
  now: () => number;
  sleep: Sleep;
  /** Makes the client for the step's inputs; throws an InputError for a bad server URL or CA. */
  connect: (options: ArgoCdClientOptions) => Promise<ArgoCdClient>;
  /**
   * Aborts `controller` when the run is cancelled, so the wait ends through its own code path;
   * returns the function that stops listening. Production: SIGTERM and SIGINT.
   */
  onCancel: (controller: AbortController) => () => void;
}

export const WAIT_TIMINGS: WaitTimings = {
  stallMs: 30_000,
  firstEventMs: 10_000,
  pollMs: 5_000,
  progressMs: 30_000,
  unreachableMs: 30_000,
  // 0.5 s, 1 s, 2 s … 10 s. One client riding out an outage: no jitter, so the log says exactly
  // how long it waits.
  backoff: { minDelayMs: 250, maxDelayMs: 10_000, jitter: 'none' },
};

/** The production context: real time, the REST client, SIGTERM/SIGINT. */
export function waitContext(): WaitContext {
  return {
    timings: WAIT_TIMINGS,
    now: Date.now,
    sleep: sleepUnlessAborted,
    // The HTTP client (undici) loads only once the inputs are valid: a typo fails at once.
    connect: async (options) => new (await import('../../argocd/client')).ArgoCdClient(options),
    onCancel: (controller) => abortOnSignals(controller),
  };
}
