/**
 * What the GitHub and GitLab API fakes share: nock interception of one origin, the request log,
 * one-shot fault injection (an HTTP answer or a network error instead of the real answer), the
 * token check, latency, and a reply check (GitHub's: its OpenAPI description). Each fake brings
 * only its API: which paths are its own, how it authenticates, and the handler that answers.
 *
 * The handler runs synchronously (git via execFileSync), after the latency: a check and the
 * update it guards cannot interleave with another request's, as on the real service.
 */
import nock from 'nock';

/** [status, body, headers]: a string body is sent as it is, anything else as JSON. */
export type Reply = readonly [number, unknown] | readonly [number, unknown, Record<string, string> | undefined];

export interface RecordedRequest {
  method: string;
  /** Path and query as sent, base path included: /api/v4/projects/group%2Fenvs/merge_requests?state=opened */
  path: string;
  body: unknown;
  /** Lower-cased names. */
  headers: Record<string, string>;
}

/** An HTTP answer, or a network error with this code (ECONNRESET, ENOTFOUND) and no answer at all. */
export type Fault = { status: number; body?: unknown; headers?: Record<string, string> } | { networkError: string };

export interface ApiFakeCore<R extends RecordedRequest | Omit<RecordedRequest, 'headers'>> {
  readonly requests: R[];
  /** Requests other than GET, answered or not. */
  writes(): R[];
  /**
   * The next request matching method and path (and `body`, when given) gets `fault` instead of
   * an answer; one-shot, queued in order.
   */
  failNext(method: string, path: RegExp, fault: Fault, body?: (body: Record<string, unknown>) => boolean): void;
  /** Replies the check refused so far. */
  readonly invalidReplies: string[];
  /** Removes the interceptors; throws if the fake gave a reply its service never would. */
  stop(): void;
}

export interface ApiFakeCoreOptions<R> {
  origin: string;
  /** What the request log keeps of a request (GitHub's keeps no headers). */
  record(request: RecordedRequest): R;
  /** Whether a request path (with query) is this fake's to answer. */
  ours(path: string): boolean;
  /** Whether a fault's path pattern sees the query too (GitLab) or the path alone (GitHub). */
  faultsSeeQuery: boolean;
  /** Body of a fault given without one. */
  faultBody(status: number): unknown;
  authorised(headers: Record<string, string>): boolean;
  unauthorised: Reply;
  handle(method: string, path: string, body: Record<string, unknown>, headers: Record<string, string>): Reply;
  /** What is wrong with a reply the service would never give ([] when nothing). */
  check?(method: string, path: string, status: number, body: unknown): string[];
  latencyMs?: number;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export function createApiFakeCore<R extends RecordedRequest | Omit<RecordedRequest, 'headers'>>(options: ApiFakeCoreOptions<R>): ApiFakeCore<R> {
  const requests: R[] = [];
  const faults: Array<{ method: string; path: RegExp; fault: Fault; body?: (body: Record<string, unknown>) => boolean }> = [];
  const invalidReplies: string[] = [];

  const takeFault = (method: string, uri: string, body: Record<string, unknown>): Fault | undefined => {
    const target = options.faultsSeeQuery ? uri : (uri.split('?')[0] ?? '');
    const index = faults.findIndex((fault) => fault.method === method && fault.path.test(target) && (fault.body?.(body) ?? true));
    return index >= 0 ? faults.splice(index, 1)[0]?.fault : undefined;
  };

  const answer = (method: string, uri: string, body: Record<string, unknown>, headers: Record<string, string>, fault: Fault | undefined): Reply => {
    if (fault && 'status' in fault) return [fault.status, fault.body ?? options.faultBody(fault.status), fault.headers];
    if (!options.authorised(headers)) return options.unauthorised;
    return options.handle(method, uri, body, headers);
  };

  const checked = (method: string, uri: string, reply: Reply): Reply => {
    const problems = options.check?.(method, uri.split('?')[0] ?? '', reply[0], reply[1]) ?? [];
    invalidReplies.push(...problems);
    return reply;
  };

  const scope = nock(options.origin).persist();
  const interceptors = METHODS.map((method) => {
    const interceptor = scope.intercept((uri) => options.ours(uri), method);
    interceptor.reply(function (uri, rawBody, callback) {
      const headers = Object.fromEntries(Object.entries(this.req.headers).map(([key, value]) => [key.toLowerCase(), String(value)]));
      const body = parseBody(rawBody);
      requests.push(options.record({ method, path: uri, body, headers }));
      const fault = takeFault(method, uri, body);
      const respond = (): void => {
        if (fault && 'networkError' in fault) {
          callback(Object.assign(new Error(`fake ${fault.networkError}`), { code: fault.networkError }), [0]);
          return;
        }
        try {
          const [status, json, extra] = checked(method, uri, answer(method, uri, body, headers, fault));
          const text = typeof json === 'string' ? json : JSON.stringify(json);
          const type: Record<string, string> = typeof json === 'string' ? {} : { 'content-type': 'application/json; charset=utf-8' };
          callback(null, [status, text, { ...type, ...(extra ?? {}) }]);
        } catch (error) {
          callback(error as Error, [0]);
        }
      };
      if (options.latencyMs) setTimeout(respond, options.latencyMs);
      else respond();
    });
    return interceptor;
  });

  return {
    requests,
    invalidReplies,
    writes: () => requests.filter((request) => request.method !== 'GET'),
    failNext(method, path, fault, body) {
      faults.push({ method: method.toUpperCase(), path, fault, ...(body ? { body } : {}) });
    },
    stop() {
      for (const interceptor of interceptors) nock.removeInterceptor(interceptor);
      if (invalidReplies.length > 0) throw new Error(`The fake answered what the real API never would:\n${invalidReplies.join('\n')}`);
    },
  };
}

/** JSON, a form body (GitLab accepts both), or nothing. */
export function parseBody(raw: unknown): Record<string, unknown> {
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) return raw as Record<string, unknown>;
  if (typeof raw !== 'string' || raw === '') return {};
  try {
    const value: unknown = JSON.parse(raw);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return Object.fromEntries(new URLSearchParams(raw));
  }
}
