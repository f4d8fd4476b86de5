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
 * Waits `ms` unless `signal` aborts first; resolves to false when aborted so a caller can stop
 * instead of acting on a simulator that has been closed.
 */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise<boolean>((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
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
