import { GitopsPromoteError } from '../errors';

/**
 * Every failure of an Argo CD request. `retryable` is the one thing a waiting step needs to decide
 * (as Kargo's steps do), and it is a property of the error's type, fixed in each class below: true
 * means the same request may succeed later (5xx, a dropped connection, a timeout, a dropped watch
 * stream), false means retrying cannot help until a person changes something (credentials, RBAC,
 * the application name, the CA, the request itself). Anything thrown that is not an ArgoCdError
 * is a bug, never retried.
 *
 * Messages are built from redacted text only and no instance carries a `cause`, request headers or
 * the raw transport error, so printing or serialising one cannot leak a token or password.
 */
export abstract class ArgoCdError extends GitopsPromoteError {
  abstract readonly retryable: boolean;
}

/** True for an {@link ArgoCdError} that may succeed when the same request is sent again. */
export function isRetryableArgoCdError(error: unknown): boolean {
  return error instanceof ArgoCdError && error.retryable;
}

/** HTTP 401: the token (or the session obtained with username and password) was refused. Terminal. */
export class ArgoCdAuthError extends ArgoCdError {
  readonly retryable = false;
  readonly status = 401;
}

/**
 * HTTP 403/404 on a named application. Argo CD answers 403 "permission denied" for an app that does
 * not exist unless `project` is passed, so the two cannot be told apart. Terminal.
 */
export class ArgoCdAppNotFoundError extends ArgoCdError {
  readonly retryable = false;

  constructor(
    message: string,
    hint: string,
    readonly application: string,
    readonly status: number,
  ) {
    super(message, hint);
  }
}

/**
 * Any other status outside 2xx below 500 (408 and 429 excepted): Argo CD, or something in front of
 * it, refused the request, e.g. 400 "another operation is already in progress", 403 "blocked by a
 * sync window", 415, or a 302 to a login page.
 * `serverMessage` is Argo CD's own (redacted) message, for callers that react to a specific refusal.
 * Terminal.
 */
export class ArgoCdRequestError extends ArgoCdError {
  readonly retryable = false;

  constructor(
    message: string,
    hint: string,
    readonly status: number,
    readonly serverMessage: string | undefined,
    readonly grpcCode: number | undefined,
  ) {
    super(message, hint);
  }
}

/** HTTP 5xx, 408 or 429, or a watch stream that ended with such an error line. Retryable. */
export class ArgoCdServerError extends ArgoCdError {
  readonly retryable = true;

  constructor(
    message: string,
    hint: string,
    readonly status: number,
    readonly serverMessage: string | undefined,
  ) {
    super(message, hint);
  }
}

/** The server's certificate could not be verified (or the port does not speak TLS). Terminal. */
export class ArgoCdTlsError extends ArgoCdError {
  readonly retryable = false;

  constructor(
    message: string,
    hint: string,
    readonly code: string,
  ) {
    super(message, hint);
  }
}

/**
 * The connection failed below HTTP: refused, reset, closed, unreachable. Retryable: the server may
 * be restarting (the two subclasses below are the verdicts that it is no outage).
 */
export class ArgoCdConnectionError extends ArgoCdError {
  readonly retryable: boolean = true;

  constructor(
    message: string,
    hint: string,
    readonly code: string | undefined,
  ) {
    super(message, hint);
  }
}

/** The host name does not resolve at all (ENOTFOUND): a typo far more often than an outage. Terminal. */
export class ArgoCdHostNotFoundError extends ArgoCdConnectionError {
  override readonly retryable = false;
}

/**
 * Nothing has listened at the server since the first request (every connection refused, or no
 * route), for longer than an outage is worth waiting out: a wrong host or port. Terminal.
 */
export class ArgoCdUnreachableError extends ArgoCdConnectionError {
  override readonly retryable = false;
}

/** No complete answer within the per-request timeout. Retryable. */
export class ArgoCdTimeoutError extends ArgoCdError {
  readonly retryable = true;

  constructor(
    message: string,
    hint: string,
    readonly timeoutMs: number,
  ) {
    super(message, hint);
  }
}

/**
 * An open watch stream stopped delivering: `stalled` (no bytes for the stall timeout), `dropped`
 * (the connection broke mid-body), `truncated` (it ended inside a line) or `malformed` (a line that
 * is not a watch event: a proxy's garbage, a corrupted chunk). Retryable: reconnect,
 * passing the last resourceVersion; the server resends the current object first as ADDED.
 */
export class ArgoCdStreamError extends ArgoCdError {
  readonly retryable = true;

  constructor(
    message: string,
    hint: string,
    readonly kind: 'stalled' | 'dropped' | 'truncated' | 'malformed',
  ) {
    super(message, hint);
  }
}

/**
 * A 2xx answer that is not what the API documents (not JSON, not an object, an Application without
 * a name). Usually the server URL points at something else (a login page, a proxy). Terminal.
 */
export class ArgoCdProtocolError extends ArgoCdError {
  readonly retryable = false;
}
