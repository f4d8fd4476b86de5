import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';

/**
 * The Octokit a GitHub forge talks through, and the waiting policy around it:
 *
 * - @octokit/plugin-retry resends 5xx answers and dropped connections (3 times, 1s/4s/9s);
 * - @octokit/plugin-throttling paces writes as GitHub asks (1s between writes, 3s between
 *   notification-triggering ones such as creating a pull request or a comment) and waits out
 *   primary rate limits (x-ratelimit-remaining: 0) and "secondary rate limit" answers;
 * - a last layer of our own waits out a 403/429 that carries retry-after but not the wording the
 *   throttling plugin looks for (GitHub documents retry-after as the authoritative signal).
 *
 * Every wait is multiplied by `retryDelayScale`, so tests run the same code paths in milliseconds.
 */

export type GitHubOctokit = ReturnType<typeof getOctokit>;
type OctokitOptions = NonNullable<Parameters<typeof getOctokit>[1]>;
type OctokitPlugin = Parameters<typeof getOctokit>[2];
type ThrottleGroup = NonNullable<ThrottlingOptions['write']>;

/** Rate-limit waits retried per request before giving up with a retryable ForgeError. */
export const MAX_RATE_LIMIT_RETRIES = 3;
/** A primary limit resetting later than this is not waited for: a CI job should fail and say when. */
export const MAX_RATE_LIMIT_WAIT_SECONDS = 15 * 60;

export interface OctokitSetup {
  apiUrl: string;
  token: string;
  fetch?: typeof globalThis.fetch;
  log: (message: string) => void;
  retryDelayScale: number;
  /** Called once per HTTP request actually sent, retries included. */
  onRequest: () => void;
}

export function createOctokit(setup: OctokitSetup): GitHubOctokit {
  const scale = setup.retryDelayScale;
  const shouldWait = (retryAfter: number, options: { method: string; url: string }, retryCount: number): boolean => {
    if (retryCount >= MAX_RATE_LIMIT_RETRIES || retryAfter > MAX_RATE_LIMIT_WAIT_SECONDS) return false;
    setup.log(`GitHub rate limit: waiting ${retryAfter}s before retrying ${options.method} ${options.url}`);
    return true;
  };
  const throttle: ThrottlingOptions = {
    // An id of our own keeps these pacing queues apart from any other Octokit in the process
    // (the plugin's queues are process-wide per id); all forges of one run share it, as they
    // share the token's budget.
    id: 'gitops-promote',
    retryAfterBaseValue: 1000 * scale,
    fallbackSecondaryRateRetryAfter: 60,
    onRateLimit: (retryAfter, options, _octokit, retryCount) => shouldWait(retryAfter, expandedRoute(options), retryCount),
    onSecondaryRateLimit: (retryAfter, options, _octokit, retryCount) =>
      shouldWait(retryAfter, expandedRoute(options), retryCount),
    ...(scale === 1 ? {} : { write: pacedGroup(1000 * scale), notifications: pacedGroup(3000 * scale) }),
  };
  const options: OctokitOptions = {
    baseUrl: setup.apiUrl,
    throttle,
    // 429 is left to the throttling plugin and our retry-after layer, which honour retry-after;
    // plugin-retry would resend it on its own 1s/4s/9s schedule.
    retry: { retryAfterBaseValue: 1000 * scale, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    // Only when asked: passing `request` replaces @actions/github's default proxy-aware fetch.
    ...(setup.fetch ? { request: { fetch: setup.fetch } } : {}),
    // Octokit's default logger prints deprecation notices and plugin errors with console.warn;
    // they carry request options (never the token), but a step's output should stay ours.
    log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
  };
  // Registered before retry and throttling, so its hook sits inside theirs and sees every resend.
  const counting: OctokitPlugin = (octokit) => {
    octokit.hook.wrap('request', (request, requestOptions) => {
      setup.onRequest();
      return request(requestOptions);
    });
    return {};
  };
  const octokit = getOctokit(setup.token, options, counting, retry, throttling);
  octokit.hook.wrap('request', async (request, requestOptions) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(requestOptions);
      } catch (error) {
        const retryAfter = bareRetryAfter(error);
        if (retryAfter === undefined || !shouldWait(retryAfter, expandedRoute(requestOptions), attempt)) throw error;
        await sleep(retryAfter * 1000 * scale);
      }
    }
  });
  return octokit;
}

/** retry-after seconds of a 403/429 the throttling plugin did not recognise as a rate limit. */
function bareRetryAfter(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error) || !('response' in error)) return undefined;
  const { status, response, message } = error as { status: unknown; response: unknown; message?: unknown };
  if ((status !== 403 && status !== 429) || typeof response !== 'object' || response === null) return undefined;
  const headers = (response as { headers?: Record<string, string | undefined> }).headers ?? {};
  if (/\bsecondary rate\b/i.test(String(message)) || headers['x-ratelimit-remaining'] === '0') return undefined;
  const value = headers['retry-after'];
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
}

/** "POST /repos/acme/envs/pulls": the route as sent, for a person reading the log. */
function expandedRoute(options: { method: string; url: string }): { method: string; url: string } {
  const params = options as unknown as Record<string, unknown>;
  const path = options.url.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    params[name] === undefined ? placeholder : encodeURIComponent(String(params[name])),
  );
  return { method: options.method, url: new URL(path, 'http://github.invalid').pathname };
}

/**
 * Stand-in for the throttling plugin's Bottleneck groups when waits are scaled (tests): it keeps
 * the order and spacing of writes, with the spacing scaled. The plugin only ever calls
 * `group.key(id).schedule(jobOptions, fn, ...args)` on these; Bottleneck itself is not a
 * dependency of ours, so the type is asserted rather than implemented in full.
 */
function pacedGroup(minTimeMs: number): ThrottleGroup {
  let queue: Promise<void> = Promise.resolve();
  let lastStart = 0;
  const limiter = {
    schedule<R>(_jobOptions: object, job: (...args: unknown[]) => Promise<R>, ...args: unknown[]): Promise<R> {
      const turn = queue.then(async () => {
        const wait = lastStart + minTimeMs - Date.now();
        if (wait > 0) await sleep(wait);
        lastStart = Date.now();
      });
      queue = turn;
      return turn.then(() => job(...args));
    },
  };
  return { key: () => limiter } as unknown as ThrottleGroup;
}

export function sleep(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}
