import { oneLine } from '../text/one-line';
import { ForgeError, TransientForgeError } from './errors';

/**
 * Turns a failed GitLab API request into the ForgeError a person reads. Built only from the
 * method, the endpoint (project path, iid: never the query, never headers), the status and
 * GitLab's own `message`, and passed through `redact` (options.redact plus the token itself), so
 * no credential can reach a message or hint.
 */
export interface FailedRequest {
  method: string;
  /** Endpoint relative to /api/v4, decoded for reading: `projects/group/sub/project/merge_requests/3`. */
  path: string;
  status: number;
  /** GitLab's `message` / `error`, flattened to one line. */
  serverMessage: string | undefined;
  /** The project path as configured, to name it in 404 messages. */
  project: string;
  jobToken: boolean;
  redact: (text: string) => string;
}

const TOKEN_HINT =
  'Use a project, group or personal access token with the `api` scope (a project access token with the Developer role is enough), stored as a masked CI/CD variable';
const JOB_TOKEN_NOTE =
  'CI_JOB_TOKEN can call only a few API endpoints (merge requests are not among them unless your instance allows it), so pass an access token instead';

/** A ForgeError for an HTTP answer, keeping GitLab's own (scrubbed) message for callers that react to it. */
export class GitLabRequestError extends ForgeError {
  constructor(
    message: string,
    hint: string,
    status: number,
    readonly serverMessage: string | undefined,
  ) {
    super(message, hint, status);
  }

  /** Rate limits and GitLab's own failures pass; every other refusal needs a person. */
  override get retryable(): boolean {
    return this.status === 429 || this.status >= 500;
  }
}

export function httpError(failure: FailedRequest): GitLabRequestError {
  const { method, path, status, project, redact } = failure;
  const said = failure.serverMessage ? `: ${failure.serverMessage}` : '';
  const where = `GitLab ${method} ${path}`;
  let message: string;
  let hint: string;
  if (status === 401) {
    message = `${where} was refused (HTTP 401${said}): the token is invalid, expired or revoked`;
    hint = failure.jobToken ? `${JOB_TOKEN_NOTE}. ${TOKEN_HINT}.` : `${TOKEN_HINT}; check that it has not expired.`;
  } else if (status === 403) {
    message = `${where} was forbidden (HTTP 403${said}): the token may not do this in ${project}`;
    hint = failure.jobToken
      ? `${JOB_TOKEN_NOTE}.`
      : `The token's user (or bot) needs at least the Developer role on ${project} and the token the \`api\` scope; a token with only \`read_api\` or \`write_repository\` cannot open merge requests.`;
  } else if (status === 404 && isProjectLookup(path, failure.serverMessage)) {
    // GitLab does not tell "no such project" from "you may not see it": both are 404.
    message = `${where} found no project ${project} (HTTP 404${said}): it does not exist, or the token cannot see it`;
    hint = `Check the repository path (group/subgroup/project, as in the project's URL) and that the token's user or bot is a member of the project; GitLab answers 404 rather than 403 for projects a token cannot read.`;
  } else if (status === 404) {
    message = `${where} found nothing (HTTP 404${said})`;
    hint = `The merge request, branch or commit may have been deleted meanwhile; run the step again.`;
  } else if (status === 429) {
    message = `${where} was rate limited (HTTP 429${said}) and retries did not get through`;
    hint = `GitLab's rate limits for this token are exhausted; run the step again later, or use a token of its own for promotions.`;
  } else if (status >= 500) {
    message = `${where} failed on GitLab's side (HTTP ${status}${said})`;
    hint = `GitLab (or a proxy in front of it) is having trouble; this usually passes, so run the step again.`;
  } else {
    message = `${where} was refused (HTTP ${status}${said})`;
    hint = `GitLab rejected the request as sent; its message above says why.`;
  }
  const server = failure.serverMessage === undefined ? undefined : redact(failure.serverMessage);
  return new GitLabRequestError(redact(message), redact(hint), status, server);
}

/** No HTTP answer at all. A host name that does not resolve is a typo far more often than an outage. */
export function networkError(method: string, path: string, origin: string, code: string | undefined, redact: (text: string) => string): ForgeError {
  const why = code ? ` (${code})` : '';
  if (code === 'ENOTFOUND') {
    return new ForgeError(
      redact(`GitLab ${method} ${path}: the host of ${origin} does not resolve${why}`),
      redact(`Check the GitLab API URL (for self-managed GitLab: https://<host>[/<path>]/api/v4).`),
      0,
    );
  }
  return new TransientForgeError(
    redact(`GitLab ${method} ${path}: no answer from ${origin}${why}`),
    redact(`The connection failed or timed out; this usually passes, so run the step again. If it persists, check the URL and any proxy between the runner and GitLab.`),
    0,
  );
}

/** A 2xx that is not GitLab's JSON: the URL points at something else (a login page, a proxy). */
export function protocolError(method: string, path: string, detail: string, redact: (text: string) => string): ForgeError {
  return new ForgeError(
    redact(`GitLab ${method} ${path} answered with something that is not the GitLab API (${detail})`),
    redact(`Check the GitLab API URL: it must end in /api/v4 (https://gitlab.example.com/api/v4).`),
    0,
  );
}

function isProjectLookup(path: string, serverMessage: string | undefined): boolean {
  if (serverMessage !== undefined && /project not found/i.test(serverMessage)) return true;
  // GET projects/:id itself (the path may contain slashes once decoded, so look for what follows it).
  return /^projects\/[^?]*$/.test(path) && !/\/(merge_requests|repository|notes|users)(\/|$)/.test(path);
}

/** GitLab's error bodies: {message: string}, {message: string[]}, {message: {field: [..]}}, {error, error_description}. */
export function serverMessageOf(body: unknown): string | undefined {
  if (typeof body === 'string') return flatMessage(body);
  if (body === null || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  const message = record['message'] ?? record['error_description'] ?? record['error'];
  if (typeof message === 'string') return flatMessage(message);
  if (Array.isArray(message)) return flatMessage(message.map(String).join('; '));
  if (message !== null && typeof message === 'object') {
    const parts = Object.entries(message as Record<string, unknown>).map(([field, value]) =>
      `${field} ${Array.isArray(value) ? value.map(String).join(', ') : String(value)}`,
    );
    return flatMessage(parts.join('; '));
  }
  return undefined;
}

/** GitLab's message on one line, at most 300 characters; undefined when it says nothing. */
function flatMessage(text: string): string | undefined {
  return oneLine(text, 300) || undefined;
}
