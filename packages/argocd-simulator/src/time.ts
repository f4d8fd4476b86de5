/**
 * Timestamps as Kubernetes' metav1.Time marshals them: RFC 3339 in UTC with whole seconds. A
 * client comparing `reconciledAt` with `finishedAt` therefore meets equal values within one
 * second, exactly as against a real server.
 */
export function formatTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** `HH:MM:SS`, as Argo CD writes times into retry messages. */
export function clockTime(date: Date): string {
  return date.toISOString().slice(11, 19);
}

/**
 * Where the simulator reads the time and schedules its delays: every timestamp it writes, every
 * controller stage, the reconcile timer, timelines, fault delays and stream cuts. The default is
 * the real clock; a test passes a `ManualClock` to move time forward itself.
 */
export interface Clock {
  now(): Date;
  /** Calls `callback` once `ms` milliseconds of this clock have passed; returns a cancel function. */
  schedule(ms: number, callback: () => void): () => void;
}

/** The real clock: `new Date()` and `setTimeout`. */
export const systemClock: Clock = {
  now: () => new Date(),
  schedule(ms, callback) {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
};

/**
 * Waits `ms` on `clock` unless `signal` aborts first; resolves to false when aborted so a caller
 * can stop instead of acting on a simulator that has been closed.
 */
export function sleep(clock: Clock, ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise<boolean>((resolve) => {
    const onAbort = (): void => {
      cancel();
      resolve(false);
    };
    const cancel = clock.schedule(ms, () => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    });
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Calls `callback` every `ms` on `clock` until the returned function is called. */
export function every(clock: Clock, ms: number, callback: () => void): () => void {
  let cancel = (): void => undefined;
  const arm = (): void => {
    cancel = clock.schedule(ms, () => {
      arm();
      callback();
    });
  };
  arm();
  return () => cancel();
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
