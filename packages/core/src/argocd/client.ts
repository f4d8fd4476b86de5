import type { Agent } from 'undici';
import { errorForStatus, errorForStreamLine, readServerMessage, type Redact, type RequestContext } from './classify';
import { InputError } from '../errors';
import { ArgoCdProtocolError } from './errors';
import { createAgent, exchange, openStream, type HttpAnswer, type HttpCall, type HttpStream } from './http';
import {
  parseApplication,
  parseApplicationList,
  parseApplicationSet,
  parseJson,
  parseManagedResources,
  parseManifests,
  parseResourceManifest,
  parseResourceTree,
  parseWatchLine,
  type WatchLine,
} from './parse';
import type { SecretRedactor } from '../text/secret-redactor';
import { addSecret, redactorFor } from './secrets';
import { serverUrl } from './server-url';

// Kept importable from here; the check itself lives apart so input validation does not load undici.
export { serverUrl } from './server-url';
import { jsonLines, malformed, truncated, type JsonLine } from './stream';
import type { Application, ApplicationList, ApplicationSet, ApplicationWatchEvent, LiveObject, ManagedResource, ManifestsResponse, ResourceRef, ResourceTree } from './types';

/**
 * A small Argo CD REST client: the calls a CI step needs to wait on (and optionally sync) an
 * Application. No waiting loops, retries or logging live here: each method makes one request (a
 * 401 on an expired username/password session is the one exception: it logs in again once) and
 * either returns parsed data or throws an ArgoCdError whose `retryable` tells the caller what to do.
 * A caller's AbortSignal makes a method reject with the signal's reason, unwrapped.
 */

export type ArgoCdCredentials = { token: string } | { username: string; password: string };

export interface ArgoCdClientOptions {
  /**
   * `https://argocd.example.com`, optionally with the path prefix of a server run with
   * `--rootpath`; `http://` only for a server without TLS.
   */
  server: string;
  credentials: ArgoCdCredentials;
  /**
   * Applied to every text from outside (server messages, transport errors) kept in an error. The
   * client also removes the token, password and session token itself, wherever they appear.
   */
  redact: Redact;
  /** PEM of the CA that signed the server certificate (`ca-cert`). */
  caCert?: string;
  /** Skip certificate verification (`insecure`): labs only. */
  insecure?: boolean;
  /** Default per-request timeout; 30 s. */
  timeoutMs?: number;
  /** Called with the session token from username/password as soon as it exists, so CI can mask it. */
  onSessionToken?: (token: string) => void;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Overrides the client's per-request timeout for this call. */
  timeoutMs?: number;
}

export interface AppRequestOptions extends RequestOptions {
  /** Namespace of an app outside the control plane's namespace ("apps in any namespace"). */
  appNamespace?: string;
  /** The app's project: makes a missing app answer 404 instead of 403. */
  project?: string;
}

export interface GetApplicationOptions extends AppRequestOptions {
  /** Ask the controller to compare with git now; the GET then blocks until it has. */
  refresh?: 'normal' | 'hard';
}

export interface ListApplicationsOptions extends RequestOptions {
  /** Label selector, e.g. `team=web,env=prod`. */
  selector?: string;
  projects?: readonly string[];
  appNamespace?: string;
}

export interface ManifestsOptions extends AppRequestOptions {
  /** Branch, tag or commit SHA to render (single-source apps); default the app's target revision. */
  revision?: string;
}

export interface SyncOptions extends AppRequestOptions {
  /** Single-source apps: the revision to sync (default: the app's target revision). */
  revision?: string;
  /** Multi-source apps: revisions for the sources named by `sourcePositions`. */
  revisions?: readonly string[];
  /** 1-based positions in `spec.sources`, as `argocd app sync --source-positions`. */
  sourcePositions?: readonly number[];
  prune?: boolean;
  dryRun?: boolean;
}

export interface WatchOptions {
  /**
   * `name` or `namespace/name`. One is filtered by the server (its namespace as `appNamespace`).
   * Several are filtered here, on name and namespace, from a stream of every app the other filters
   * let through (the API takes a single name, and ignores `appNamespace` without one).
   */
  names?: readonly string[];
  selector?: string;
  projects?: readonly string[];
  appNamespace?: string;
  /** Resume after this version; the server still sends the current object first, as ADDED. */
  resourceVersion?: string;
  signal?: AbortSignal;
  /** Timeout for the response to start; the open stream then has no deadline. */
  timeoutMs?: number;
  /**
   * No bytes for this long → the iteration throws a retryable ArgoCdStreamError (`stalled`). Argo
   * CD sends no keepalives, so a quiet app also trips it: reconnecting then costs one ADDED event.
   */
  stallMs?: number;
}

type Query = Record<string, string | readonly string[] | undefined>;

interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  query?: Query;
  body?: unknown;
  application?: string;
  refresh?: boolean;
  options: RequestOptions;
}

const DEFAULT_TIMEOUT_MS = 30_000;

export class ArgoCdClient {
  private readonly base: URL;
  private readonly agent: Agent;
  private readonly timeoutMs: number;
  private readonly secrets: SecretRedactor;
  private session: Promise<string> | undefined;
  private answered = false;

  constructor(private readonly options: ArgoCdClientOptions) {
    this.secrets = redactorFor('token' in options.credentials ? options.credentials.token : options.credentials.password);
    this.base = serverUrl(options.server, (text) => this.redact(text));
    validateCredentials(options.credentials);
    if (options.caCert !== undefined && !options.caCert.includes('-----BEGIN CERTIFICATE-----')) {
      throw new InputError('The Argo CD CA certificate (`ca-cert`) is not PEM text.', 'Give the CA certificate itself, starting with -----BEGIN CERTIFICATE-----.');
    }
    this.timeoutMs = validTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    this.agent = createAgent({ caCert: options.caCert, insecure: options.insecure });
  }

  /** Whether any request got an HTTP answer (any status): something listens at the server URL. */
  get hasAnswered(): boolean {
    return this.answered;
  }

  /** `host[:port]` of the server, for log lines. */
  get host(): string {
    return this.base.host;
  }

  /** The caller's redaction after removing every credential this client knows. */
  redact(text: string): string {
    return this.options.redact(this.secrets.redact(text));
  }

  async getApplication(name: string, options: GetApplicationOptions = {}): Promise<Application> {
    const path = `/api/v1/applications/${encodeURIComponent(name)}`;
    const { refresh, appNamespace, project } = options;
    const value = await this.json({ method: 'GET', path, query: { refresh, appNamespace, project }, application: name, refresh: refresh !== undefined, options });
    return parseApplication(value, this.where('GET', path));
  }

  async listApplications(options: ListApplicationsOptions = {}): Promise<ApplicationList> {
    const path = '/api/v1/applications';
    const { selector, projects, appNamespace } = options;
    const value = await this.json({ method: 'GET', path, query: { selector, projects, appNamespace }, options });
    return parseApplicationList(value, this.where('GET', path));
  }

  async resourceTree(name: string, options: AppRequestOptions = {}): Promise<ResourceTree> {
    const path = `/api/v1/applications/${encodeURIComponent(name)}/resource-tree`;
    const { appNamespace, project } = options;
    const value = await this.json({ method: 'GET', path, query: { appNamespace, project }, application: name, options });
    return parseResourceTree(value, this.where('GET', path));
  }

  /** An ApplicationSet and the Applications it generated; `appsetNamespace` for one outside Argo CD's namespace. */
  async getApplicationSet(name: string, options: RequestOptions & { appsetNamespace?: string } = {}): Promise<ApplicationSet> {
    const path = `/api/v1/applicationsets/${encodeURIComponent(name)}`;
    const value = await this.json({ method: 'GET', path, query: { appsetNamespace: options.appsetNamespace }, options });
    return parseApplicationSet(value, this.where('GET', path));
  }

  /** One live resource of the app (`GET …/resource`), e.g. a Rollout with its status. */
  async getResource(name: string, resource: ResourceRef, options: AppRequestOptions = {}): Promise<LiveObject> {
    const path = `/api/v1/applications/${encodeURIComponent(name)}/resource`;
    const { appNamespace, project } = options;
    const query = { resourceName: resource.name, kind: resource.kind, namespace: resource.namespace, group: resource.group, version: resource.version, appNamespace, project };
    const value = await this.json({ method: 'GET', path, query, application: name, options });
    return parseResourceManifest(value, this.where('GET', path));
  }

  /**
   * What Argo CD renders for the app at `revision` (`GET …/manifests`): Helm, Kustomize and plugins
   * exactly as its repo server runs them. An unknown revision or a render failure is the server's
   * error (HTTP 500, or 400 for a file that does not parse), classified like any other answer.
   */
  async manifests(name: string, options: ManifestsOptions = {}): Promise<ManifestsResponse> {
    const path = `/api/v1/applications/${encodeURIComponent(name)}/manifests`;
    const { revision, appNamespace, project } = options;
    const value = await this.json({ method: 'GET', path, query: { revision, appNamespace, project }, application: name, options });
    return parseManifests(value, this.where('GET', path));
  }

  /**
   * Every resource the app manages with its target, live, normalized live and predicted state as
   * of the controller's last comparison (`GET …/managed-resources`).
   */
  async managedResources(name: string, options: AppRequestOptions = {}): Promise<ManagedResource[]> {
    const path = `/api/v1/applications/${encodeURIComponent(name)}/managed-resources`;
    const { appNamespace, project } = options;
    const value = await this.json({ method: 'GET', path, query: { appNamespace, project }, application: name, options });
    return parseManagedResources(value, this.where('GET', path));
  }

  /** Starts a sync; resolves with the Application as the server stored the new operation. */
  async sync(name: string, options: SyncOptions = {}): Promise<Application> {
    const path = `/api/v1/applications/${encodeURIComponent(name)}/sync`;
    const { appNamespace, project, revision, revisions, sourcePositions, prune, dryRun } = options;
    const body = { name, appNamespace, project, revision, revisions, sourcePositions, prune, dryRun };
    const value = await this.json({ method: 'POST', path, body, application: name, options });
    return parseApplication(value, this.where('POST', path));
  }

  /**
   * Application events as they arrive. The iteration ends when the server closes the stream at a
   * line boundary (reconnect to go on); it throws the mapped error for a final `{"error":…}` line,
   * and a retryable ArgoCdStreamError for a stall, a broken connection, or a stream cut inside a line.
   */
  watch(options: WatchOptions = {}): AsyncIterable<ApplicationWatchEvent> {
    return this.watchEvents(options);
  }

  /** Drops pooled connections and aborts anything still in flight (an open watch included). */
  async close(): Promise<void> {
    await this.agent.destroy();
  }

  private async *watchEvents(options: WatchOptions): AsyncGenerator<ApplicationWatchEvent> {
    const names = options.names ?? [];
    const single = names.length === 1 && names[0] !== undefined ? splitName(names[0]) : undefined;
    const path = '/api/v1/stream/applications';
    const { selector, projects, resourceVersion, signal, timeoutMs } = options;
    const appNamespace = single?.namespace ?? options.appNamespace;
    const spec: RequestSpec = {
      method: 'GET',
      path,
      query: { name: single?.name, selector, projects, appNamespace, resourceVersion },
      application: single?.name,
      options: { signal, timeoutMs },
    };
    const { result, context } = await this.authorised(spec, (call) => openStream(this.agent, call));
    const where = this.where('GET', path);
    const source = `the watch stream from ${this.base.host}`;
    const lines = jsonLines((result as HttpStream).body, {
      stallMs: options.stallMs,
      signal,
      source,
      redact: (text) => this.redact(text),
    });
    const wanted = names.length > 1 ? names.map(splitName) : undefined;
    const isWanted = (metadata: Application['metadata']): boolean =>
      !wanted || wanted.some((entry) => entry.name === metadata.name && (entry.namespace === undefined || entry.namespace === metadata.namespace));
    for await (const line of lines) {
      const parsed = line.terminated ? watchLine(line, where, source) : unterminated(line, where, source);
      if (parsed.kind === 'error') throw errorForStreamLine(parsed.error, context, (text) => this.redact(text));
      if (parsed.kind === 'event' && isWanted(parsed.event.application.metadata)) yield parsed.event;
    }
  }

  private async json(spec: RequestSpec): Promise<unknown> {
    const { result } = await this.authorised(spec, (call) => exchange(this.agent, call));
    return parseJson((result as HttpAnswer).text, this.where(spec.method, spec.path));
  }

  /**
   * Sends with the credential, logging in again once when a session token is refused (sessions
   * expire after `users.session.duration`), and throws the classified error for any non-2xx.
   */
  private async authorised<T extends HttpAnswer | HttpStream>(
    spec: RequestSpec,
    perform: (call: HttpCall) => Promise<T>,
  ): Promise<{ result: T; context: RequestContext }> {
    let refused: Promise<string> | undefined;
    for (;;) {
      const { authorization, credential, session } = await this.authorization(refused, spec.options);
      const call = this.call(spec, credential, authorization);
      const result = await perform(call);
      this.answered = true;
      if (result.status >= 200 && result.status < 300) return { result, context: call.context };
      if (result.status === 401 && session !== undefined && refused === undefined) {
        refused = session;
        continue;
      }
      const text = 'text' in result ? result.text : '';
      throw errorForStatus(result.status, readServerMessage(text, result.contentType, call.redact), call.context, call.redact);
    }
  }

  private async authorization(
    refused: Promise<string> | undefined,
    options: RequestOptions,
  ): Promise<{ authorization: string; credential: RequestContext['credential']; session?: Promise<string> }> {
    const credentials = this.options.credentials;
    if ('token' in credentials) return { authorization: `Bearer ${credentials.token}`, credential: 'token' };
    // Only the first request to see a refused session logs in again; the others reuse its login.
    if (this.session === undefined || this.session === refused) {
      const session = this.login(credentials.username, credentials.password, options);
      this.session = session;
      session.catch(() => {
        if (this.session === session) this.session = undefined;
      });
    }
    const session = this.session;
    return { authorization: `Bearer ${await session}`, credential: 'session', session };
  }

  private async login(username: string, password: string, options: RequestOptions): Promise<string> {
    const path = '/api/v1/session';
    const call = this.call({ method: 'POST', path, body: { username, password }, options }, 'password', undefined);
    const answer = await exchange(this.agent, call);
    this.answered = true;
    if (answer.status < 200 || answer.status >= 300) {
      throw errorForStatus(answer.status, readServerMessage(answer.text, answer.contentType, call.redact), call.context, call.redact);
    }
    const value = parseJson(answer.text, this.where('POST', path));
    const token = typeof value === 'object' && value !== null ? (value as { token?: unknown }).token : undefined;
    if (typeof token !== 'string' || token === '') {
      throw new ArgoCdProtocolError(`${this.where('POST', path)} answered without a session token.`, 'Point the server URL at the Argo CD API server itself.');
    }
    addSecret(this.secrets, token);
    this.options.onSessionToken?.(token);
    return token;
  }

  private call(spec: RequestSpec, credential: RequestContext['credential'], authorization: string | undefined): HttpCall {
    const url = new URL(`${this.base.pathname.replace(/\/+$/, '')}${spec.path}`, this.base);
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(spec.query ?? {})) {
      for (const entry of typeof value === 'string' ? [value] : (value ?? [])) search.append(key, entry);
    }
    url.search = search.toString();
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'gitops-promote' };
    if (authorization !== undefined) headers.authorization = authorization;
    // Exactly this value: Argo CD answers 415 to anything else, a charset parameter included.
    if (spec.body !== undefined) headers['content-type'] = 'application/json';
    return {
      method: spec.method,
      url,
      headers,
      body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
      signal: spec.options.signal,
      timeoutMs: spec.options.timeoutMs === undefined ? this.timeoutMs : validTimeout(spec.options.timeoutMs),
      context: { method: spec.method, path: spec.path, host: this.base.host, application: spec.application, credential, refresh: spec.refresh },
      redact: (text) => this.redact(text),
    };
  }

  private where(method: string, path: string): string {
    return `${method} ${path} on ${this.base.host}`;
  }
}

/** `namespace/name` or `name` (a `/` is in neither a namespace nor an Application name). */
function splitName(entry: string): { name: string; namespace?: string } {
  const slash = entry.indexOf('/');
  return slash < 0 ? { name: entry } : { name: entry.slice(slash + 1), namespace: entry.slice(0, slash) };
}

/** A complete line; one that is JSON but no watch event is malformed (retryable), like non-JSON. */
function watchLine(line: JsonLine, where: string, source: string): WatchLine {
  try {
    return parseWatchLine(line.value, where);
  } catch (error) {
    if (error instanceof ArgoCdProtocolError) throw malformed(line.text, { source });
    throw error;
  }
}

/** The final text of a stream without its newline: only an error line is taken as complete. */
function unterminated(line: JsonLine, where: string, source: string): WatchLine {
  let parsed: WatchLine | undefined;
  try {
    parsed = parseWatchLine(line.value, where);
  } catch {
    parsed = undefined;
  }
  if (parsed?.kind === 'error') return parsed;
  throw truncated(line.text, { source });
}


function validateCredentials(credentials: ArgoCdCredentials): void {
  if ('token' in credentials) {
    if (credentials.token.trim() === '') throw new InputError('The Argo CD token is empty.', 'Pass an Argo CD API token, or a username and password.');
    return;
  }
  if (credentials.username.trim() === '' || credentials.password === '') {
    throw new InputError('The Argo CD username or password is empty.', 'Pass both a username and a password, or an API token instead.');
  }
}

function validTimeout(timeoutMs: number): number {
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new InputError(`An Argo CD request timeout must be a positive number of milliseconds, not ${timeoutMs}.`, 'Give a timeout such as 30s.');
  }
  return timeoutMs;
}
