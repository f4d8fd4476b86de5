import { formatDuration } from '../text/duration';
import {
  ArgoCdAppNotFoundError,
  ArgoCdAuthError,
  ArgoCdConnectionError,
  ArgoCdHostNotFoundError,
  ArgoCdRequestError,
  ArgoCdServerError,
  ArgoCdTimeoutError,
  ArgoCdTlsError,
  ArgoCdUnreachableError,
  type ArgoCdError,
} from './errors';
import type { StreamErrorBody } from './types';

/**
 * Maps what went wrong with one request to the ArgoCdError a user reads: terminal when a person
 * must change something, retryable when the same request may work later. Every text that came from
 * outside (server bodies, transport messages) passes through `redact` before it is kept.
 */

export type Redact = (text: string) => string;

export interface RequestContext {
  method: 'GET' | 'POST';
  /** Path without the query string (which names nothing secret, but is noise in a message). */
  path: string;
  /** `host[:port]` of the server, as the user configured it. */
  host: string;
  /** The application the request is about, for "not found or not permitted". */
  application?: string;
  /** Which credential the request carried: decides the 401 hint. */
  credential: 'token' | 'session' | 'password';
  /** A `refresh` GET blocks until the controller reconciles: a timeout then means something else. */
  refresh?: boolean;
}

export interface ServerMessage {
  message?: string;
  grpcCode?: number;
}

const MAX_MESSAGE = 300;

function request(context: RequestContext): string {
  return `${context.method} ${context.path}`;
}

/** One line of at most MAX_MESSAGE characters. */
export function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_MESSAGE ? `${flat.slice(0, MAX_MESSAGE - 1)}…` : flat;
}

/** Argo CD's error body is `{"error","code","message"}`; a proxy's may be text or HTML (dropped). */
export function readServerMessage(text: string, contentType: string, redact: Redact): ServerMessage {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      const body: unknown = JSON.parse(trimmed);
      if (typeof body === 'object' && body !== null) {
        const fields = body as Record<string, unknown>;
        const message = [fields.message, fields.error].find((entry): entry is string => typeof entry === 'string' && entry !== '');
        const code = typeof fields.code === 'number' ? fields.code : undefined;
        return { message: message === undefined ? undefined : oneLine(redact(message)), grpcCode: code };
      }
    } catch {
      // Not JSON after all: treated as text below.
    }
  }
  if (trimmed === '' || /html/i.test(contentType) || trimmed.startsWith('<')) return {};
  return { message: oneLine(redact(trimmed)) };
}

export function errorForStatus(status: number, server: ServerMessage, context: RequestContext, redact: Redact): ArgoCdError {
  const detail = server.message ? `: ${server.message}` : '';
  const answered = `HTTP ${status}${detail}`;
  const safe = (text: string): string => oneLine(redact(text));
  if (status === 401) return authError(answered, context, safe);
  const application = context.application;
  const denied = status === 403 && (server.message === undefined || /^permission denied/i.test(server.message));
  if (application !== undefined && (status === 404 || denied)) {
    return new ArgoCdAppNotFoundError(
      safe(`Argo CD application '${application}' not found or not permitted (${request(context)} on ${context.host} answered ${answered}).`),
      safe(
        `Check the application name and its namespace (appNamespace). Set \`project\` to the app's project so that a missing app answers 404 instead of a bare 403, and make sure the account's RBAC allows \`applications, get\` (and \`sync\` to sync) on <project>/${application}.`,
      ),
      application,
      status,
    );
  }
  if (status >= 500 || status === 408 || status === 429) {
    return new ArgoCdServerError(
      safe(`Argo CD at ${context.host} failed ${request(context)} (${answered}).`),
      'A server-side or overload failure; the step retries. If it persists, check the argocd-server and repo-server logs.',
      status,
      server.message,
    );
  }
  return new ArgoCdRequestError(
    safe(`Argo CD at ${context.host} refused ${request(context)} (${answered}).`),
    safe(refusalHint(status, server.message)),
    status,
    server.message,
    server.grpcCode,
  );
}

function authError(answered: string, context: RequestContext, safe: (text: string) => string): ArgoCdAuthError {
  switch (context.credential) {
    case 'password':
      return new ArgoCdAuthError(
        safe(`Argo CD at ${context.host} refused the username and password (${request(context)} answered ${answered}).`),
        'Check the username and password. A local account needs the `login` capability (accounts.<name>: login in argocd-cm); an SSO-only Argo CD needs a token instead.',
      );
    case 'session':
      return new ArgoCdAuthError(
        safe(`Argo CD at ${context.host} refused the session obtained with username and password (${request(context)} answered ${answered}).`),
        'The session was refused right after logging in: check that the account is enabled and that the server clock and its token signing key (server.secretkey) are not changing.',
      );
    case 'token':
      return new ArgoCdAuthError(
        safe(`Argo CD at ${context.host} refused the token: token invalid or expired (${request(context)} answered ${answered}).`),
        'Create a new token (`argocd account generate-token --account <ci-account>`, or a project role token), store it in the CI secret the step reads, and give it an expiry longer than your release cadence.',
      );
  }
}

function refusalHint(status: number, message: string | undefined): string {
  if (status < 400) return 'The server redirected instead of answering (often to an SSO login page): point the server URL at the Argo CD API server itself.';
  if (status === 415) return 'Argo CD accepts only Content-Type: application/json; this is a bug in gitops-promote, please report it.';
  if (message && /another operation is already in progress/i.test(message)) {
    return 'Wait for the running operation to finish (or terminate it: `argocd app terminate-op <app>`), then sync again.';
  }
  if (status === 403) return "Argo CD refused for a reason other than RBAC (for example a sync window); the server's message says which.";
  return "The server's message names what it refused; fix that input and run again.";
}

/** gRPC status → the HTTP status grpc-gateway would have used, for stream errors without one. */
const GRPC_TO_HTTP: Readonly<Record<number, number>> = { 1: 499, 3: 400, 4: 504, 5: 404, 7: 403, 8: 429, 9: 400, 13: 500, 14: 503, 16: 401 };

/** The final `{"error":…}` line of a watch stream, as the error the same HTTP status would be. */
export function errorForStreamLine(body: StreamErrorBody, context: RequestContext, redact: Redact): ArgoCdError {
  const status = body.httpCode || (body.grpcCode !== undefined ? GRPC_TO_HTTP[body.grpcCode] : undefined) || 500;
  const message = body.message === undefined ? undefined : oneLine(redact(body.message));
  // 499 (cancelled by the server) is no verdict on the request: reconnect like after a 5xx.
  return errorForStatus(status === 499 ? 503 : status, { message, grpcCode: body.grpcCode }, context, redact);
}

/** Node and undici codes of a certificate that cannot be verified, or of a port that is not TLS. */
const TLS_CODES: ReadonlySet<string> = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_REVOKED',
  'INVALID_CA',
  'INVALID_PURPOSE',
  'PATH_LENGTH_EXCEEDED',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function isTlsCode(code: string): boolean {
  // ERR_SSL_*: handshake refused or not TLS at all (wrong port, http server): no retry fixes that.
  return TLS_CODES.has(code) || code.startsWith('ERR_SSL_');
}

/** The codes and first message along an error's `cause` chain (undici sometimes wraps). */
function inspect(error: unknown): { codes: string[]; message: string } {
  const codes: string[] = [];
  let message = '';
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const fields = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof fields.code === 'string') codes.push(fields.code);
    if (message === '' && typeof fields.message === 'string') message = fields.message;
    current = fields.cause;
  }
  if (message === '' && typeof error === 'string') message = error;
  return { codes, message };
}

/**
 * Whether `error` is a failure of the network or the HTTP library (it carries a Node or undici
 * error code, itself or along its causes). Anything else thrown while talking to Argo CD (a
 * TypeError, say) is a bug in this code: it is passed on as it is, never retried as an outage.
 */
export function isTransportFailure(error: unknown): boolean {
  return inspect(error).codes.length > 0;
}

export function errorForTransport(error: unknown, context: RequestContext, redact: Redact): ArgoCdError {
  const { codes, message } = inspect(error);
  const safe = (text: string): string => oneLine(redact(text));
  const tls = codes.find(isTlsCode);
  const hostname = context.host.replace(/:\d+$/, '');
  if (tls !== undefined) {
    const fix = 'Pass the PEM of the CA that signed the server certificate in `ca-cert`; only in a lab, set `insecure: true` to skip verification.';
    const hint =
      tls === 'ERR_TLS_CERT_ALTNAME_INVALID' || tls === 'HOSTNAME_MISMATCH'
        ? `The certificate does not name ${hostname}: use a host name it was issued for in the server URL, or reissue it. ${fix}`
        : tls === 'CERT_HAS_EXPIRED' || tls === 'CERT_NOT_YET_VALID'
          ? `Renew the server certificate (or check the runner's clock). ${fix}`
          : tls.startsWith('ERR_SSL_')
            ? `Check that the port speaks HTTPS (use http:// for a plain-HTTP server). ${fix}`
            : fix;
    return new ArgoCdTlsError(safe(`TLS verification of Argo CD at ${context.host} failed: ${tls} (${message}).`), safe(hint), tls);
  }
  const code = codes.find((entry) => entry !== 'UND_ERR') ?? codes[0];
  const what = code ? `${code}: ${message}` : message || 'unknown error';
  if (code === 'ENOTFOUND') {
    return new ArgoCdHostNotFoundError(
      safe(`Nothing answers at ${context.host}: the Argo CD host ${hostname} does not resolve (${what}).`),
      "Check the 'server' input for a typo (the Argo CD base URL, e.g. https://argocd.example.com), and that the runner can resolve that name.",
      code,
    );
  }
  return new ArgoCdConnectionError(
    safe(`Cannot reach Argo CD at ${context.host} for ${request(context)} (${what}).`),
    'A network failure; the step retries. If it persists, check the server URL and port, and any proxy or firewall between the runner and Argo CD.',
    code,
  );
}

export function timeoutError(context: RequestContext, timeoutMs: number): ArgoCdTimeoutError {
  const hint = context.refresh
    ? 'A refresh GET waits until the application controller has compared the app with git; raise the timeout or check the controller (and repo-server) if it is slow.'
    : 'The step retries; if it persists, check the server and the network between the runner and Argo CD.';
  return new ArgoCdTimeoutError(
    oneLine(`Argo CD at ${context.host} did not answer ${request(context)} within ${formatDuration(timeoutMs)}.`),
    hint,
    timeoutMs,
  );
}

/** Transport codes that mean nobody listens at the address: no server, a wrong port or host. */
const NOTHING_LISTENING: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export function isNothingListening(error: unknown): error is ArgoCdConnectionError {
  return error instanceof ArgoCdConnectionError && error.code !== undefined && NOTHING_LISTENING.has(error.code);
}

/**
 * The verdict on a server that never answered: refused (or unresolvable) since the first request
 * for `waitedMs`. A wrong host or port, not an outage worth the whole timeout.
 */
export function unreachableError(host: string, last: ArgoCdConnectionError, waitedMs: number): ArgoCdConnectionError {
  if (!last.retryable) return last;
  return new ArgoCdUnreachableError(
    `Nothing answers at ${host}: ${last.code === 'ECONNREFUSED' ? 'every connection was refused' : 'no connection could be made'} (${last.code ?? 'no code'}) for ${formatDuration(waitedMs)} since the first request.`,
    "Check the 'server' input: the Argo CD base URL with the right host and port (e.g. https://argocd.example.com), and that Argo CD runs and this runner can reach it.",
    last.code,
  );
}
