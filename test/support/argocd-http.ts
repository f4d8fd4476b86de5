/**
 * A bare node:http client for the Argo CD simulator's tests: exact statuses, headers and raw
 * bytes (a JSON client would hide half-written lines and connection resets, which are the point).
 */
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { Application } from '../../packages/argocd-simulator/src/index';

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json<T = unknown>(): T;
}

export interface RequestOptions {
  method?: string;
  token?: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Abort after this long (default 10 s) so a test fails instead of hanging. */
  timeoutMs?: number;
}

export function call(url: string, options: RequestOptions = {}): Promise<Reply> {
  return new Promise<Reply>((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token !== undefined) headers['Authorization'] = `Bearer ${options.token}`;
    let payload: string | undefined;
    if (options.body !== undefined) {
      payload = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['Content-Type'] ??= 'application/json';
    }
    const req = httpRequest(url, { method: options.method ?? 'GET', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('error', reject);
      res.once('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T });
      });
    });
    req.setTimeout(options.timeoutMs ?? 10_000, () => req.destroy(new Error(`request to ${url} timed out`)));
    req.once('error', reject);
    req.end(payload);
  });
}

export interface WatchLine {
  result?: { type: string; application: Application };
  error?: { grpc_code: number; http_code: number; message: string; http_status: string };
}

export interface Watch {
  status: Promise<number>;
  /** Raw bytes received so far. */
  raw(): string;
  lines: WatchLine[];
  /** Resolves with the first line (from the start) satisfying `predicate`. */
  next(predicate: (line: WatchLine) => boolean, timeoutMs?: number): Promise<WatchLine>;
  /** Settles when the response ends: `aborted` true when the connection was cut mid-body. */
  ended: Promise<{ aborted: boolean }>;
  close(): void;
}

export function watch(url: string, token: string): Watch {
  let raw = '';
  const lines: WatchLine[] = [];
  const waiters = new Set<() => void>();
  let resolveStatus: (status: number) => void = () => undefined;
  let resolveEnded: (value: { aborted: boolean }) => void = () => undefined;
  const status = new Promise<number>((resolve) => (resolveStatus = resolve));
  const ended = new Promise<{ aborted: boolean }>((resolve) => (resolveEnded = resolve));
  const req = httpRequest(url, { headers: { Authorization: `Bearer ${token}` }, agent: false }, (res: IncomingMessage) => {
    resolveStatus(res.statusCode ?? 0);
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      raw += chunk;
      const complete = raw.split('\n');
      complete.pop();
      while (lines.length < complete.length) lines.push(JSON.parse(complete[lines.length] ?? '') as WatchLine);
      for (const wake of [...waiters]) wake();
    });
    // `complete` is false when the connection closed before the terminating chunk.
    res.once('error', () => undefined);
    res.once('close', () => resolveEnded({ aborted: !res.complete }));
  });
  req.once('error', () => {
    resolveStatus(0);
    resolveEnded({ aborted: true });
  });
  req.end();
  return {
    status,
    raw: () => raw,
    lines,
    next(predicate, timeoutMs = 10_000) {
      return new Promise<WatchLine>((resolve, reject) => {
        const check = (): void => {
          const found = lines.find(predicate);
          if (!found) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no matching watch line within ${timeoutMs} ms; got ${lines.length} lines`));
        }, timeoutMs);
        const cleanup = (): void => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    ended,
    close: () => req.destroy(),
  };
}
