/**
 * The one retry loop: an attempt, a predicate saying which failures are worth another attempt, a
 * backoff between attempts and a point in time after which no attempt starts. Every loop that
 * retries (the wait's requests and its stream reconnects, the race loops of the git layer) is this
 * function with its own predicate and log line; none writes its own `for (;;)`.
 */
import { setTimeout as sleepFor } from 'node:timers/promises';
import { sleepUnlessAborted } from './deadline';

/** Ms to wait; resolves early (never rejects) when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * The wait before retry n (1 = the first) is min(maxDelayMs, base·2ⁿ), where base is `minDelayMs`
 * (or, with `fromAttemptDuration`, the failed attempt's duration when longer), jittered.
 */
export interface Backoff {
  /** Default 250 ms. */
  minDelayMs?: number;
  /** Default 8 s. */
  maxDelayMs?: number;
  /**
   * `full` (the default): each wait is random in [0, the delay] ("full jitter"), so runs that
   * collided once spread out instead of colliding again. `none`: the delay itself, for a single
   * client riding out an outage, whose log then says plainly how long it waits.
   */
  jitter?: 'full' | 'none';
  /**
   * The base is the longer of `minDelayMs` and how long the failed attempt took: the slower a
   * contested round is, the wider racing runs must spread out to stop colliding.
   */
  fromAttemptDuration?: boolean;
}

/** What `onRetry` is told before each wait. */
export interface RetryEvent {
  /** The failure that is retried. */
  error: unknown;
  /** The attempt that failed, 1 for the first. */
  attempt: number;
  /** How long the wait before the next attempt is. */
  delayMs: number;
  /** Ms left until `deadline`; Infinity without one. */
  remainingMs: number;
}

export interface RetryOptions {
  /** Whether a failure may go away by trying again; any other failure is thrown at once, as is. */
  retryable: (error: unknown) => boolean;
  backoff: Backoff;
  /**
   * When retrying stops (ms on `now`'s clock): a retry whose wait would end at or after it is not
   * made, and `exhausted` says why. Unset: retried until it succeeds or `signal` aborts.
   */
  deadline?: number;
  /** The error thrown when the deadline stops the retries; default: the last failure itself. */
  exhausted?: (last: unknown, attempts: number) => unknown;
  /**
   * Stops the retrying: no attempt starts once it aborted; the last failure is thrown (callers
   * that care tell an abort from a failure by their signal). Passed to `sleep`.
   */
  signal?: AbortSignal;
  /** Said before each wait: the place for a log line. */
  onRetry?: (event: RetryEvent) => void;
  sleep?: Sleep;
  now?: () => number;
  /** In [0, 1): the jitter's source. */
  random?: () => number;
}

/**
 * Runs `attempt` (given its number, from 1) until it resolves, a failure is not `retryable`, the
 * deadline leaves no room for another wait, or `signal` aborts.
 */
export async function retry<T>(attempt: (n: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? sleepUnlessAborted;
  for (let n = 1; ; n += 1) {
    const started = now();
    try {
      return await attempt(n);
    } catch (error) {
      if (options.signal?.aborted || !options.retryable(error)) throw error;
      const delayMs = backoffDelayMs(n, now() - started, options.backoff, options.random);
      const remainingMs = options.deadline === undefined ? Number.POSITIVE_INFINITY : options.deadline - now();
      if (remainingMs - delayMs <= 0) throw options.exhausted ? options.exhausted(error, n) : error;
      options.onRetry?.({ error, attempt: n, delayMs, remainingMs });
      await sleep(delayMs, options.signal);
      if (options.signal?.aborted) throw error;
    }
  }
}

/** The wait after failed attempt `attempt` (1 = the first), which took `attemptMs`: see Backoff. */
export function backoffDelayMs(attempt: number, attemptMs: number, backoff: Backoff, random: () => number = Math.random): number {
  const min = backoff.minDelayMs ?? 250;
  const base = backoff.fromAttemptDuration ? Math.max(min, attemptMs) : min;
  const capped = Math.min(backoff.maxDelayMs ?? 8000, base * 2 ** attempt);
  return backoff.jitter === 'none' ? capped : Math.round(random() * capped);
}

/** Time as the git layer's race loops see it: a step's context hands in the real one, a test its own. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = { now: () => Date.now(), sleep: (ms) => sleepFor(ms) };

/** The delay before race retry `retry` (1 = the first), after an attempt that took `lastAttemptMs`: full jitter from the attempt's duration. */
export function retryDelayMs(retry: number, lastAttemptMs: number, backoff: Backoff = {}, random: () => number = Math.random): number {
  return backoffDelayMs(retry, lastAttemptMs, { ...backoff, jitter: 'full', fromAttemptDuration: true }, random);
}

/** When a lost race is worth another attempt, for how long, and what is said meanwhile. */
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
 * `retry` as the git layer's race loops use it (publish, the change branch): a time budget from
 * the first attempt, full jitter from each attempt's duration, and the last lost race handed to
 * the next attempt.
 */
export async function retrying<T, E>(policy: RetryPolicy<E>, attempt: (n: number, last: E | undefined) => Promise<T>): Promise<T> {
  const clock = policy.clock ?? systemClock;
  let last: E | undefined;
  return retry(
    async (n) => {
      try {
        return await attempt(n, last);
      } catch (error) {
        if (policy.retryable(error)) last = error;
        throw error;
      }
    },
    {
      retryable: (error) => policy.retryable(error),
      backoff: { ...policy.backoff, jitter: 'full', fromAttemptDuration: true },
      deadline: clock.now() + policy.timeoutMs,
      exhausted: (error, attempts) => policy.exhausted(attempts, error as E),
      onRetry: ({ error, attempt: n, delayMs, remainingMs }) => policy.onRetry(n, delayMs, remainingMs, error as E),
      sleep: (ms) => clock.sleep(ms),
      now: () => clock.now(),
    },
  );
}
