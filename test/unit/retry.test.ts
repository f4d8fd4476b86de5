/**
 * The retry primitive on a fake clock: the sleep it is given advances the clock and records the
 * waits, so every schedule is checked exactly and no test sleeps for real.
 */
import { describe, expect, it } from 'vitest';
import { backoffDelayMs, retry, type RetryEvent, type RetryOptions } from '../../packages/core/src/runtime/retry';

class Transient extends Error {}
class Fatal extends Error {}

/** A clock that only moves when slept on (or when an attempt says it took time). */
function fakeTime(): { now: () => number; sleep: (ms: number) => Promise<void>; slept: number[]; advance: (ms: number) => void } {
  let now = 1_000_000;
  const slept: number[] = [];
  return {
    now: () => now,
    sleep: (ms) => {
      slept.push(ms);
      now += ms;
      return Promise.resolve();
    },
    slept,
    advance: (ms) => {
      now += ms;
    },
  };
}

/** An attempt that fails with `failures` in order, then resolves with the attempt number. */
function failing(...failures: Error[]): { attempt: (n: number) => Promise<number>; calls: number[] } {
  const calls: number[] = [];
  return {
    calls,
    attempt: (n) => {
      calls.push(n);
      const failure = failures[n - 1];
      return failure ? Promise.reject(failure) : Promise.resolve(n);
    },
  };
}

const isTransient = (error: unknown): boolean => error instanceof Transient;

function options(time: ReturnType<typeof fakeTime>, extra: Partial<RetryOptions> = {}): RetryOptions {
  return { retryable: isTransient, backoff: { minDelayMs: 50, maxDelayMs: 1000, jitter: 'none' }, now: time.now, sleep: time.sleep, ...extra };
}

describe('retry', () => {
  it('returns the first success, without waiting when the first attempt succeeds', async () => {
    const time = fakeTime();
    const { attempt, calls } = failing();
    await expect(retry(attempt, options(time))).resolves.toBe(1);
    expect(calls).toEqual([1]);
    expect(time.slept).toEqual([]);
  });

  it('retries what the predicate accepts, doubling the delay up to the cap, numbering the attempts', async () => {
    const time = fakeTime();
    const { attempt, calls } = failing(...Array.from({ length: 6 }, () => new Transient('503')));
    await expect(retry(attempt, options(time))).resolves.toBe(7);
    expect(calls).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(time.slept).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('throws a failure the predicate rejects at once, as is, without waiting', async () => {
    const time = fakeTime();
    const fatal = new Fatal('401');
    const { attempt, calls } = failing(new Transient('503'), fatal);
    await expect(retry(attempt, options(time))).rejects.toBe(fatal);
    expect(calls).toEqual([1, 2]);
    expect(time.slept).toEqual([100]);
  });

  it('an error nobody expected (a bug) is not retried by a predicate that names what is', async () => {
    const time = fakeTime();
    const bug = new TypeError('cannot read properties of undefined');
    const { attempt, calls } = failing(bug);
    await expect(retry(attempt, options(time))).rejects.toBe(bug);
    expect(calls).toEqual([1]);
  });

  it('tells onRetry the failure, the attempt, the delay and the time left before each wait', async () => {
    const time = fakeTime();
    const events: RetryEvent[] = [];
    const first = new Transient('a');
    const second = new Transient('b');
    const { attempt } = failing(first, second);
    await retry(attempt, options(time, { deadline: time.now() + 10_000, onRetry: (event) => events.push(event) }));
    expect(events).toEqual([
      { error: first, attempt: 1, delayMs: 100, remainingMs: 10_000 },
      { error: second, attempt: 2, delayMs: 200, remainingMs: 9_900 },
    ]);
  });

  it('stops at the deadline with the last failure, or what `exhausted` makes of it', async () => {
    const time = fakeTime();
    const failures = Array.from({ length: 10 }, (_, index) => new Transient(`attempt ${index + 1}`));
    const last = await retry(failing(...failures).attempt, options(time, { deadline: time.now() + 350 })).catch((error: unknown) => error);
    // 100 + 200 fit in 350; the next wait (400) would end past the deadline: no third retry.
    expect(last).toBe(failures[2]);
    expect(time.slept).toEqual([100, 200]);

    const later = fakeTime();
    const exhausted = (error: unknown, attempts: number): Error => new Fatal(`gave up after ${attempts}: ${(error as Error).message}`);
    const given = retry(failing(...failures).attempt, options(later, { deadline: later.now() + 350, exhausted }));
    await expect(given).rejects.toThrow('gave up after 3: attempt 3');
  });

  it('no attempt starts once the signal aborted during a wait; the last failure is thrown', async () => {
    const time = fakeTime();
    const controller = new AbortController();
    const failure = new Transient('dropped');
    const { attempt, calls } = failing(failure, new Transient('again'));
    const sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
      expect(signal).toBe(controller.signal);
      controller.abort();
      return time.sleep(ms);
    };
    await expect(retry(attempt, options(time, { signal: controller.signal, sleep }))).rejects.toBe(failure);
    expect(calls).toEqual([1]);
  });

  it('a failure after the signal aborted is thrown without a wait', async () => {
    const time = fakeTime();
    const controller = new AbortController();
    const failure = new Transient('aborted');
    const attempt = (): Promise<never> => {
      controller.abort();
      return Promise.reject(failure);
    };
    await expect(retry(attempt, options(time, { signal: controller.signal }))).rejects.toBe(failure);
    expect(time.slept).toEqual([]);
  });

  it('with the default full jitter, each wait is random in [0, the delay]', async () => {
    const time = fakeTime();
    const draws = [0.5, 0, 0.999];
    const random = (): number => draws.shift() ?? 1;
    const { attempt } = failing(new Transient('a'), new Transient('b'), new Transient('c'));
    await retry(attempt, options(time, { backoff: { minDelayMs: 50, maxDelayMs: 1000 }, random }));
    expect(time.slept).toEqual([50, 0, 400]);
  });
});

describe('backoffDelayMs', () => {
  it('retry n waits base·2ⁿ, the base growing to the attempt duration when longer (fromAttemptDuration)', () => {
    const backoff = { minDelayMs: 250, maxDelayMs: 8000, jitter: 'none' as const, fromAttemptDuration: true };
    expect(backoffDelayMs(1, 100, backoff)).toBe(500);
    expect(backoffDelayMs(1, 1000, backoff)).toBe(2000);
    expect(backoffDelayMs(2, 1000, backoff)).toBe(4000);
    expect(backoffDelayMs(5, 1000, backoff)).toBe(8000);
    expect(backoffDelayMs(1, 1000, { ...backoff, fromAttemptDuration: false })).toBe(500);
  });

  it('full jitter scales the capped delay by the random draw', () => {
    expect(backoffDelayMs(1, 0, { minDelayMs: 50, maxDelayMs: 1000 }, () => 0.25)).toBe(25);
    expect(backoffDelayMs(9, 0, { minDelayMs: 50, maxDelayMs: 1000 }, () => 0.5)).toBe(500);
  });
});
