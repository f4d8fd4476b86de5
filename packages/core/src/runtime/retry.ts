import { setTimeout as sleep } from 'node:timers/promises';

/** Time as the retrying code sees it: a step's context hands in the real one, a test its own. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = { now: () => Date.now(), sleep: (ms) => sleep(ms) };

export interface Backoff {
  /**
   * Backoff before retry n is random in [0, min(maxDelay, base·2ⁿ)] ms ("full jitter"), where base
   * is the larger of minDelay and how long the attempt that lost took: the slower one
   * fetch-edit-commit-push round is, the wider racing runs must spread out to stop colliding.
   */
  minDelayMs?: number;
  maxDelayMs?: number;
}

/** The delay before retry `retry` (1 = the first), after an attempt that took `lastAttemptMs`; see Backoff. */
export function retryDelayMs(retry: number, lastAttemptMs: number, backoff: Backoff = {}, random: () => number = Math.random): number {
  const base = Math.max(backoff.minDelayMs ?? 250, lastAttemptMs);
  return Math.round(random() * Math.min(backoff.maxDelayMs ?? 8000, base * 2 ** retry));
}

/** When an attempt is worth repeating, for how long, and what is said meanwhile. */
export interface RetryPolicy<E> {
  /** Attempts are repeated until this much time has passed since the first began. */
  timeoutMs: number;
  backoff?: Backoff | undefined;
  clock?: Clock | undefined;
  /** Whether a failure is worth another attempt: anything else is thrown as it is. */
  retryable(error: unknown): error is E;
  /** The error thrown when the next wait would end past the deadline. */
  exhausted(attempts: number, last: E): Error;
  /** Said before each wait. */
  onRetry(attempt: number, delayMs: number, leftMs: number, last: E): void;
}

/**
 * The one retry loop (predicate + deadline + backoff): runs `attempt` (1, 2, …) until it returns,
 * throws what the policy does not call retryable, or the time budget is spent.
 */
export async function retrying<T, E>(policy: RetryPolicy<E>, attempt: (n: number, last: E | undefined) => Promise<T>): Promise<T> {
  const clock = policy.clock ?? systemClock;
  const deadline = clock.now() + policy.timeoutMs;
  let last: E | undefined;
  for (let n = 1; ; n++) {
    const started = clock.now();
    try {
      return await attempt(n, last);
    } catch (error) {
      if (!policy.retryable(error)) throw error;
      last = error;
      const delay = retryDelayMs(n, clock.now() - started, policy.backoff);
      const left = deadline - clock.now();
      if (left - delay <= 0) throw policy.exhausted(n, error);
      policy.onRetry(n, delay, left, error);
      await clock.sleep(delay);
    }
  }
}
