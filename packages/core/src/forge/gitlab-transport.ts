import type { MergeRequests } from '@gitbeaker/rest';
import type { ForgeError } from './errors';
import { httpError, networkError, protocolError, serverMessageOf } from './gitlab-errors';

/**
 * The HTTP layer under gitbeaker. @gitbeaker/rest's own request handler calls the global `fetch`
 * (no way to pass another), retries 429 and 502 ten times with 0.25 ms–128 ms pauses while
 * ignoring Retry-After, and puts the whole Request (headers, so the token) into its errors'
 * `cause`. So every resource is built with this `requesterFn` instead: gitbeaker keeps building
 * endpoints and bodies, and here we send them with `options.fetch`, count every attempt, honour
 * Retry-After, log waits, and turn failures into ForgeErrors that carry no headers.
 */
type ResourceConfig = ConstructorParameters<typeof MergeRequests>[0];
export type RequesterFn = NonNullable<ResourceConfig['requesterFn']>;
type ResourceOptions = Parameters<RequesterFn>[0];
type Requester = ReturnType<RequesterFn>;
type RequestOptions = NonNullable<Parameters<Requester['get']>[1]>;
type Formatted = Awaited<ReturnType<Requester['get']>>;

export interface TransportOptions {
  fetch: typeof globalThis.fetch;
  project: string;
  jobToken: boolean;
  log: (message: string) => void;
  redact: (text: string) => string;
  retryDelayScale: number;
}

/** Retries after the first attempt, for rate limits and (idempotent methods only) gateway errors. */
export const MAX_RETRIES = 3;
/** Per attempt; gitbeaker's own 300 s timeout is switched off (queryTimeout: null) as it spans all retries. */
export const REQUEST_TIMEOUT_MS = 60_000;
/** A Retry-After longer than this is not waited out in a CI job: the error says to come back later. */
const MAX_WAIT_MS = 5 * 60_000;
const GATEWAY_STATUSES = new Set([502, 503, 504]);
// POST is not retried on a gateway error or a dropped connection: GitLab may have acted on it
// (a duplicate note, a second commit). Rate limits are safe to retry: the request was not run.
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);

export interface Transport {
  requesterFn: RequesterFn;
  readonly requests: number;
}

export function createTransport(options: TransportOptions): Transport {
  let requests = 0;

  async function send(resource: ResourceOptions, method: string, endpoint: string, request: RequestOptions | undefined): Promise<Formatted> {
    const { url, path, headers, body } = await buildRequest(resource, endpoint, request);

    for (let attempt = 0; ; attempt += 1) {
      requests += 1;
      let response: Response;
      try {
        response = await options.fetch(url, { method, headers, body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      } catch (error) {
        const failure = networkError(method, path, url.origin, errorCode(error), options.redact);
        if (failure.retryable && IDEMPOTENT.has(method) && attempt < MAX_RETRIES) {
          await pause(backoffMs(attempt), `GitLab ${method} ${path}: no answer (${errorCode(error) ?? 'network error'})`, attempt);
          continue;
        }
        throw failure;
      }
      if (response.ok) return parseResponse(response, method, path, options.redact);

      const text = await response.text().catch(() => '');
      const failure = httpError({
        method,
        path,
        status: response.status,
        serverMessage: serverMessageOf(parseJson(text) ?? text),
        project: options.project,
        jobToken: options.jobToken,
        redact: options.redact,
      });
      const retry = response.status === 429 || (GATEWAY_STATUSES.has(response.status) && IDEMPOTENT.has(method));
      if (!retry || attempt >= MAX_RETRIES) throw failure;
      const waitMs = response.status === 429 ? rateLimitWaitMs(response.headers, attempt) : backoffMs(attempt);
      if (waitMs > MAX_WAIT_MS) throw laterError(failure, waitMs);
      await pause(waitMs, `GitLab ${method} ${path} answered HTTP ${response.status}`, attempt);
    }
  }

  async function pause(waitMs: number, what: string, attempt: number): Promise<void> {
    const scaled = Math.max(0, Math.round(waitMs * options.retryDelayScale));
    options.log(options.redact(`${what}; retrying in ${formatSeconds(waitMs)} (retry ${attempt + 1} of ${MAX_RETRIES})`));
    if (scaled > 0) await new Promise((resolve) => setTimeout(resolve, scaled));
  }

  const requesterFn: RequesterFn = (resource) => {
    const verb =
      (method: string) =>
      <T extends Formatted['body']>(endpoint: string, request?: RequestOptions) =>
        send(resource, method, endpoint, request) as Promise<{ body: T; headers: Record<string, string>; status: number }>;
    return { get: verb('GET'), post: verb('POST'), put: verb('PUT'), patch: verb('PATCH'), delete: verb('DELETE') };
  };

  return {
    requesterFn,
    get requests() {
      return requests;
    },
  };
}

/** The URL, readable path (for messages), headers and JSON body of one request. */
async function buildRequest(
  resource: ResourceOptions,
  endpoint: string,
  request: RequestOptions | undefined,
): Promise<{ url: URL; path: string; headers: Record<string, string>; body: string | undefined }> {
  const base = resource.url.endsWith('/') ? resource.url : `${resource.url}/`;
  const url = new URL(endpoint, base);
  const query = formatQuery(request?.searchParams);
  if (query) url.search = query;
  const headers: Record<string, string> = { ...resource.headers, accept: 'application/json' };
  for (const [name, value] of Object.entries(resource.authHeaders)) headers[name] = await value();
  let body: string | undefined;
  if (request?.body !== undefined) {
    if (request.body instanceof FormData) throw new TypeError('gitlab-forge sends JSON bodies only');
    body = JSON.stringify(decamelizeKeys(request.body));
    headers['content-type'] = 'application/json';
  }
  return { url, path: readablePath(endpoint), headers, body };
}

/** A 2xx answer's body: GitLab's JSON, or text; an HTML page or broken JSON is not the API. */
async function parseResponse(response: Response, method: string, path: string, redact: (text: string) => string): Promise<Formatted> {
  const headers = Object.fromEntries(response.headers.entries());
  if (response.status === 204) return { body: null, headers, status: response.status };
  const text = await response.text();
  const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
  if (type === 'application/json') {
    if (text === '') return { body: {}, headers, status: response.status };
    const value = parseJson(text);
    if (value === undefined) throw protocolError(method, path, 'invalid JSON', redact);
    return { body: value as Formatted['body'], headers, status: response.status };
  }
  if (type === 'text/html') throw protocolError(method, path, 'an HTML page', redact);
  return { body: text, headers, status: response.status };
}

/** Retry-After (seconds or an HTTP date), else GitLab's RateLimit-Reset (epoch seconds), else backoff. */
function rateLimitWaitMs(headers: Headers, attempt: number): number {
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null && retryAfter.trim() !== '') {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
  }
  const reset = Number(headers.get('ratelimit-reset'));
  if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - Date.now());
  return backoffMs(attempt);
}

function backoffMs(attempt: number): number {
  return 1000 * 2 ** attempt;
}

function laterError(failure: ForgeError, waitMs: number): ForgeError {
  failure.message = `${failure.message}; GitLab asks to wait ${formatSeconds(waitMs)}, longer than a job should`;
  return failure;
}

function formatSeconds(ms: number): string {
  return `${Math.round(ms / 100) / 10}s`;
}

function errorCode(error: unknown): string | undefined {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'timeout';
  const cause = error instanceof Error ? (error as Error & { cause?: unknown }).cause : undefined;
  const code = (cause as { code?: unknown } | undefined)?.code ?? (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `projects/group%2Fsub%2Fproject/merge_requests/3` → `projects/group/sub/project/merge_requests/3`. */
function readablePath(endpoint: string): string {
  const path = endpoint.split('?')[0] ?? endpoint;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** gitbeaker hands over camelCase keys (sourceBranch) and GitLab wants snake_case (source_branch). */
function snake(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

function decamelizeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decamelizeKeys);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, inner]) => [snake(key), decamelizeKeys(inner)]));
  }
  return value;
}

/** Flat query strings (arrays as key[]=v, as gitbeaker does); the few this forge sends are flat. */
function formatQuery(params: Record<string, unknown> | undefined): string {
  if (!params) return '';
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) query.append(`${snake(key)}[]`, String(item));
    else query.append(snake(key), String(value));
  }
  return query.toString();
}
