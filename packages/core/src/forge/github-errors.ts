import { oneLine } from '../text/one-line';
import { ForgeError, forgeErrorClassFor, TransientForgeError } from './errors';

/**
 * GitHub's refusals turned into ForgeErrors a person can act on. Built only from the status, the
 * response body's `message`/`errors` and names we chose, then scrubbed: Octokit's RequestError
 * carries the request (headers included) and is never passed on or used as a cause.
 */

/** The parts of an Octokit RequestError we read; declared here so nothing else of it leaks in. */
export interface GitHubHttpError {
  status: number;
  message: string;
  response?: { headers: Record<string, string | undefined>; data: unknown };
}

export function isGitHubHttpError(error: unknown): error is GitHubHttpError {
  return (
    error instanceof Error &&
    'status' in error &&
    typeof error.status === 'number' &&
    (!('response' in error) || error.response === undefined || (typeof error.response === 'object' && error.response !== null))
  );
}

export interface ValidationDetail {
  resource?: string;
  field?: string;
  code?: string;
  message?: string;
}

/** GitHub's own `message`, e.g. "Validation Failed" or "Bad credentials". */
export function apiMessage(error: GitHubHttpError): string | undefined {
  const data = error.response?.data;
  if (typeof data === 'object' && data !== null && 'message' in data && typeof data.message === 'string') return data.message;
  return undefined;
}

/** The `errors` array of a 422, which says what exactly was invalid. */
export function validationDetails(error: GitHubHttpError): ValidationDetail[] {
  const data = error.response?.data;
  if (typeof data !== 'object' || data === null || !('errors' in data) || !Array.isArray(data.errors)) return [];
  return data.errors.map((item: unknown): ValidationDetail => {
    if (typeof item === 'string') return { message: item };
    if (typeof item !== 'object' || item === null) return {};
    const record = item as Record<string, unknown>;
    const text = (key: string): string | undefined => (typeof record[key] === 'string' ? record[key] : undefined);
    return { resource: text('resource'), field: text('field'), code: text('code'), message: text('message') };
  });
}

/** "Validation Failed: A pull request already exists for acme:b.; head invalid" */
export function describeValidation(error: GitHubHttpError): string {
  const parts = validationDetails(error).map(
    (detail) => detail.message ?? [detail.field, detail.code].filter((part) => part !== undefined).join(' '),
  );
  const head = apiMessage(error) ?? `HTTP ${error.status}`;
  const details = parts.filter((part) => part !== '');
  return details.length > 0 ? `${head}: ${details.join('; ')}` : head;
}

export interface ErrorContext {
  /** "create the pull request feature → main": what we were doing, as a verb phrase. */
  action: string;
  repository: string;
  apiUrl: string;
  redact: (text: string) => string;
  /** Hint for a 422, where only the caller knows which input was wrong. */
  validationHint?: string;
  /** What a 404 means for this request when it is not the repository itself. */
  notFound?: { message: string; hint: string };
}

const PERMISSIONS_HINT =
  'The token needs "Pull requests: write" and "Contents: write" on the repository. For GITHUB_TOKEN, add ' +
  '`permissions: { contents: write, pull-requests: write }` to the job; for a fine-grained personal access ' +
  'token or a GitHub App installation, the repository must be one of the selected repositories.';

/**
 * The ForgeError for a GitHub refusal. Anything that is not an HTTP answer or its absence (a
 * TypeError in our code, say) nobody expected: it is a bug, passed on as it is rather than told
 * as "retry the job".
 */
export function toForgeError(error: unknown, context: ErrorContext): Error {
  const redact = (text: string) => oneLine(context.redact(text));
  const where = `${context.action} in ${context.repository}`;
  if (error instanceof ForgeError) return error;
  if (!isGitHubHttpError(error)) return error instanceof Error ? error : new Error(String(error));
  const { status } = error;
  const message = apiMessage(error);
  if (error.response === undefined) {
    // No answer at all: Octokit reports a failed fetch as status 500 without a response. A host
    // that does not resolve is a typo in api-url far more often than an outage: not retried.
    const Unreachable = /ENOTFOUND/.test(error.message) ? ForgeError : TransientForgeError;
    return new Unreachable(
      redact(`Could not reach GitHub at ${context.apiUrl} to ${where}: ${error.message}.`),
      'Check `api-url` (GitHub Enterprise Server: https://HOST/api/v3), DNS, and any proxy (HTTPS_PROXY/NO_PROXY) between the runner and GitHub.',
      0,
    );
  }
  return refusal(error, error.response.headers, status, message, { ...context, where, redact });
}

interface Refusing extends ErrorContext {
  where: string;
}

/** The ForgeError for an HTTP answer GitHub gave: what it means, and what the user can do. */
function refusal(error: GitHubHttpError, headers: Record<string, string | undefined>, status: number, message: string | undefined, context: Refusing): ForgeError {
  const { redact, where } = context;
  if (isRateLimited(error)) {
    const reset = Number(headers['x-ratelimit-reset']);
    const when = Number.isFinite(reset) && reset > 0 ? ` The limit resets at ${new Date(reset * 1000).toISOString()}.` : '';
    return new TransientForgeError(
      redact(`GitHub rate limit hit while trying to ${where} (${status}: ${message ?? 'rate limited'}), and waiting did not clear it.${when}`),
      'Run the job again later, or use a token with its own budget (a GitHub App installation token has a higher limit than GITHUB_TOKEN).',
      status,
    );
  }
  if (status === 401) {
    return new ForgeError(
      redact(`GitHub rejected the token (401 ${message ?? 'Unauthorized'}) while trying to ${where}.`),
      'The token is expired, revoked or mistyped. Pass a valid token in the `token` input (GITHUB_TOKEN, a fine-grained personal access token or a GitHub App installation token with access to the repository).',
      status,
    );
  }
  if (status === 403) {
    if (message !== undefined && /not permitted to create or approve pull requests/i.test(message)) {
      return new ForgeError(
        redact(`GitHub refused to ${where}: ${message}`),
        'Enable "Allow GitHub Actions to create and approve pull requests" (repository or organization Settings → Actions → General → Workflow permissions), or use a GitHub App or personal access token.',
        status,
      );
    }
    return new ForgeError(
      redact(`GitHub refused to ${where} (403 ${message ?? 'Forbidden'}): the token lacks permission on ${context.repository}.`),
      PERMISSIONS_HINT,
      status,
    );
  }
  if (status === 404) {
    if (context.notFound) return new ForgeError(redact(context.notFound.message), context.notFound.hint, status);
    return new ForgeError(
      redact(`GitHub answered 404 Not Found for ${context.repository} while trying to ${context.action}: the repository does not exist or the token cannot see it.`),
      `Check the repository name (owner/name). GitHub answers 404, not 403, for a private repository the token has no access to: ${PERMISSIONS_HINT}`,
      status,
    );
  }
  if (status === 422 || status === 400 || status === 409) {
    return new ForgeError(
      redact(`GitHub rejected the request to ${where}: ${describeValidation(error)}.`),
      context.validationHint ?? 'Check the inputs named in the message; the request is refused the same way every time until they change.',
      status,
    );
  }
  if (status >= 500) {
    return new TransientForgeError(
      redact(`GitHub answered ${status} ${message ?? ''} while trying to ${where}, and kept doing so when retried.`),
      'GitHub is having trouble (see https://www.githubstatus.com, or your GitHub Enterprise Server status); run the job again later.',
      status,
    );
  }
  const Refusal = forgeErrorClassFor(status);
  return new Refusal(
    redact(`GitHub answered ${status} ${message ?? ''} while trying to ${where}.`),
    'Check the inputs and the token; if the answer does not make sense for this request, report it with the log above.',
    status,
  );
}

function isRateLimited(error: GitHubHttpError): boolean {
  if (error.status !== 403 && error.status !== 429) return false;
  const headers = error.response?.headers ?? {};
  return (
    error.status === 429 ||
    headers['x-ratelimit-remaining'] === '0' ||
    headers['retry-after'] !== undefined ||
    /\b(secondary )?rate limit\b/i.test(apiMessage(error) ?? '')
  );
}
