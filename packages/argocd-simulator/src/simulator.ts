/**
 * ArgoCdSimulator: a real HTTP server on a loopback address speaking Argo CD's REST API, with
 * a simulated controller reconciling real git repositories, plus the control surface tests and
 * benchmarks drive it with (apps, holds, timelines, faults, tokens, request log).
 */
import { setMaxListeners } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  classify,
  handleGet,
  handleList,
  handleResource,
  handleResourceTree,
  handleSession,
  handleSync,
  handleUserInfo,
  handleVersion,
  type ApiContext,
  type Route,
} from './api-routes.js';
import { Auth, tokenFrom, type TokenGrant, type UserConfig } from './auth.js';
import { handleControl } from './control-routes.js';
import { Controller, type SyncRequest } from './controller.js';
import { ApiError, appNotFound, GrpcCode } from './errors.js';
import { sendFaultError } from './fault-response.js';
import { FaultRegistry, type FaultAction } from './faults.js';
import { GitReader } from './git-reader.js';
import { Holds, type Stage } from './holds.js';
import { queryObject, sendError, sendJson, sendText } from './http-util.js';
import { applyMergePatch, type MergePatch } from './merge-patch.js';
import { DEFAULT_TIMINGS, normaliseApp, type AppConfig, type SimTimings } from './options.js';
import { RequestLog, type RequestRecord } from './request-log.js';
import { applicationSetObject, newApplicationSet, ownerReference, type ApplicationSetConfig, type StoredApplicationSet } from './application-sets.js';
import { abortCanary, promoteCanary } from './rollouts.js';
import { appKey, SimApp } from './sim-app.js';
import { AppStore, type StoreListener } from './store.js';
import { handleManifests } from './manifests-route.js';
import { handleManagedResources } from './resource-diff.js';
import { handleStream, type ActiveStream } from './stream.js';
import { formatTime, sleep, systemClock, type Clock } from './time.js';
import type { TimelineStep } from './timeline-step.js';

export type { TimelineStep };
import type { Application, Endpoint, ObjectMeta } from './types.js';

export interface SimulatorOptions {
  /** A loopback address only: `127.0.0.1` (default), `::1` or `localhost`. */
  host?: string;
  /** Default 0: any free port (read `url`). */
  port?: number;
  /** Accepted bearer tokens: a list (all projects, user `admin`) or token → grant. */
  tokens?: readonly string[] | Readonly<Record<string, TokenGrant>>;
  /** Local users for `POST /api/v1/session`. */
  users?: Readonly<Record<string, UserConfig>>;
  /** The Argo CD control-plane namespace; default `argocd`. */
  namespace?: string;
  /** Periodic comparison of every app with git; default 120 000 (Argo CD's), 0 turns it off. */
  reconcileIntervalMs?: number;
  /** Controller stage delays for every app (an app's own `timings` win). */
  timings?: Partial<SimTimings>;
  apps?: readonly AppConfig[];
  /** Serve the `/__sim/…` HTTP control endpoints (unauthenticated; loopback only). Default false. */
  controlApi?: boolean;
  /** Seed of the generator behind probabilistic faults; default 1. */
  seed?: number;
  /**
   * Where time comes from: every timestamp written and every delay (controller stages, the
   * reconcile timer, timelines, fault delays, stream cuts, request arrival times). Default the
   * real clock; pass a `ManualClock` to move time yourself. `waitFor`'s timeout stays in real
   * time: it guards the caller's test, not the simulated cluster.
   */
  clock?: Clock;
  /** Request records kept (counts stay exact beyond it); default 100 000. */
  requestLogLimit?: number;
  /** Unexpected internal errors (bugs, a vanished repository); default: written to stderr. */
  onError?: (error: unknown) => void;
  /**
   * The helm binary Helm sources are rendered with (`helm template`); default the `HELM_BIN`
   * variable. Without one a Helm source is a ComparisonError, as on a repo server lacking helm.
   */
  helmBin?: string;
}

export interface Timeline {
  /** Resolves when every step ran (or the timeline was cancelled / the simulator closed). */
  done: Promise<void>;
  cancel(): void;
}

export interface WaitOptions {
  namespace?: string;
  /** Default 10 000. */
  timeoutMs?: number;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export class ArgoCdSimulator {
  /** Fault injection: `faults.add({ endpoint, app, token, times, probability, action })`. */
  readonly faults: FaultRegistry;
  readonly namespace: string;
  private readonly store = new AppStore();
  private readonly applicationSets = new Map<string, StoredApplicationSet>();
  private readonly holds = new Holds();
  private readonly reader = new GitReader();
  private readonly auth: Auth;
  private readonly log: RequestLog;
  private readonly controller: Controller;
  private readonly api: ApiContext;
  private readonly abort = new AbortController();
  private readonly streams = new Set<ActiveStream>();
  private readonly server: Server;
  private readonly clock: Clock;
  private readonly timings: SimTimings;
  private readonly helmBin: string | undefined;
  private readonly onError: (error: unknown) => void;
  private baseUrl = '';

  private constructor(private readonly options: SimulatorOptions) {
    this.namespace = options.namespace ?? 'argocd';
    this.clock = options.clock ?? systemClock;
    this.timings = { ...DEFAULT_TIMINGS, ...options.timings };
    this.helmBin = options.helmBin || process.env['HELM_BIN'] || undefined;
    this.onError = options.onError ?? ((error) => process.stderr.write(`argocd-simulator: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`));
    // Every pending stage timer listens on this one signal: many busy apps are normal, not a leak.
    setMaxListeners(0, this.abort.signal);
    this.faults = new FaultRegistry(options.seed ?? 1);
    this.auth = new Auth(options.tokens ?? [], options.users ?? {}, this.clock);
    this.log = new RequestLog(options.requestLogLimit ?? 100_000);
    this.controller = new Controller({
      store: this.store,
      reader: this.reader,
      holds: this.holds,
      clock: this.clock,
      signal: this.abort.signal,
      reconcileIntervalMs: options.reconcileIntervalMs ?? 120_000,
      onError: this.onError,
    });
    this.api = { store: this.store, controller: this.controller, reader: this.reader, auth: this.auth, clock: this.clock, namespace: this.namespace };
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.onError(error);
        if (!res.headersSent) sendError(res, new ApiError(GrpcCode.Unknown, error instanceof Error ? error.message : String(error)));
        else res.destroy();
      });
    });
  }

  static async start(options: SimulatorOptions = {}): Promise<ArgoCdSimulator> {
    const host = options.host ?? '127.0.0.1';
    if (!LOOPBACK.has(host)) throw new Error(`argocd-simulator listens on loopback addresses only, not ${host}`);
    const simulator = new ArgoCdSimulator(options);
    await new Promise<void>((resolve, reject) => {
      simulator.server.once('error', reject);
      simulator.server.listen(options.port ?? 0, host, () => resolve());
    });
    const address = simulator.server.address() as AddressInfo;
    const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    simulator.baseUrl = `http://${shown}:${address.port}`;
    try {
      for (const app of options.apps ?? []) await simulator.addApp(app);
    } catch (error) {
      await simulator.close();
      throw error;
    }
    return simulator;
  }

  /** `http://127.0.0.1:PORT`, without a trailing slash; the API is under `/api/v1`. */
  get url(): string {
    return this.baseUrl;
  }

  // ---- apps ----

  /** Creates an app, reads its repositories and returns it as the API would (ADDED on streams). */
  async addApp(config: AppConfig): Promise<Application> {
    const sim = new SimApp(normaliseApp(config, { namespace: this.namespace, timings: this.timings, helmBin: this.helmBin }), this.clock.now());
    if (this.store.get(sim.config.namespace, sim.name)) throw new Error(`application ${sim.key} already exists`);
    await this.controller.initialise(sim);
    this.store.add(sim);
    this.controller.started(sim);
    return structuredClone(sim.app);
  }

  /** Deletes an app (DELETED on streams; later requests get 403/404). */
  removeApp(name: string, namespace?: string): void {
    const sim = this.sim(name, namespace);
    this.controller.stopped(sim);
    this.store.remove(sim, formatTime(this.clock.now()));
  }

  /** A copy of the app as `GET /api/v1/applications/{name}` returns it. */
  getApp(name: string, namespace?: string): Application {
    return structuredClone(this.sim(name, namespace).app);
  }

  listApps(): Application[] {
    return this.store.list().map((sim) => structuredClone(sim.app));
  }

  /** A refresh like a webhook or `?refresh=`: resolves once the controller has compared with git. */
  async refresh(name: string, options: { hard?: boolean; namespace?: string } = {}): Promise<Application> {
    const sim = this.sim(name, options.namespace);
    await this.controller.refresh(sim, options.hard ? 'hard' : 'normal');
    return structuredClone(sim.app);
  }

  /** A sync request as `POST …/sync` makes it; throws ApiError (e.g. operation in progress). */
  sync(name: string, request: SyncRequest & { username?: string } = {}, namespace?: string): Promise<Application> {
    return this.controller.sync(this.sim(name, namespace), request, request.username ?? 'admin');
  }

  /**
   * Changes the stored object directly, as `kubectl patch` would (MODIFIED on streams). The
   * controller keeps running: fields it owns are overwritten at its next comparison or stage.
   */
  patchApp(name: string, patch: MergePatch | ((app: Application) => void), namespace?: string): Application {
    const sim = this.sim(name, namespace);
    this.store.update(sim, (app) => {
      if (typeof patch === 'function') patch(app);
      else applyMergePatch(app as unknown as Record<string, unknown>, patch);
    });
    return structuredClone(sim.app);
  }

  /** Applies patches on a schedule: a scripted sequence of states. */
  timeline(name: string, steps: readonly TimelineStep[], namespace?: string): Timeline {
    const sim = this.sim(name, namespace);
    const cancel = new AbortController();
    const onClose = (): void => cancel.abort();
    this.abort.signal.addEventListener('abort', onClose, { once: true });
    const done = (async () => {
      try {
        for (const step of steps) {
          if (!(await sleep(this.clock, step.afterMs, cancel.signal)) || sim.deleted) return;
          this.store.update(sim, (app) => {
            if (step.patch) applyMergePatch(app as unknown as Record<string, unknown>, step.patch);
            step.mutate?.(app);
          });
        }
      } finally {
        this.abort.signal.removeEventListener('abort', onClose);
      }
    })();
    return { done, cancel: () => cancel.abort() };
  }

  /**
   * An ApplicationSet that generated `config.apps` (which must exist): `GET
   * /api/v1/applicationsets/{name}` lists them in `status.resources`, and each gets an owner
   * reference to the set (MODIFIED on watches).
   */
  addApplicationSet(config: ApplicationSetConfig): Record<string, unknown> {
    const set = newApplicationSet(config, this.namespace, this.clock.now());
    const { name, namespace } = set.config;
    for (const app of set.config.apps) {
      const sim = this.sim(app, namespace);
      this.store.update(sim, (object) => {
        const metadata = object.metadata as ObjectMeta & { ownerReferences?: unknown[] };
        metadata.ownerReferences = [ownerReference(set)];
      });
    }
    this.applicationSets.set(`${namespace}/${name}`, set);
    return this.applicationSetObject(name, namespace);
  }

  /** The set as the API answers it. */
  applicationSetObject(name: string, namespace = this.namespace): Record<string, unknown> {
    const set = this.applicationSets.get(`${namespace}/${name}`);
    if (!set) throw new ApiError(GrpcCode.NotFound, `applicationsets.argoproj.io "${name}" not found`);
    const apps = set.config.apps.flatMap((app) => {
      const sim = this.store.get(namespace, app);
      return sim && !sim.deleted ? [sim.app] : [];
    });
    return applicationSetObject(set, apps);
  }

  /**
   * `kubectl argo rollouts promote`: the Rollout `rollout` of the app, paused at a canary step
   * without a duration, goes on with its next steps. Throws when it is not paused there.
   */
  promoteRollout(name: string, rollout: string, namespace?: string): Application {
    const sim = this.sim(name, namespace);
    const resource = sim.live.resources.find((entry) => entry.kind === 'Rollout' && entry.name === rollout);
    if (!resource || !promoteCanary(resource)) throw new Error(`Rollout ${rollout} of app ${name} is not paused at a step awaiting promotion`);
    return structuredClone(sim.app);
  }

  /** `kubectl argo rollouts abort`: the Rollout's update is aborted (Degraded, "RolloutAborted"). */
  abortRollout(name: string, rollout: string, namespace?: string): Application {
    const sim = this.sim(name, namespace);
    const resource = sim.live.resources.find((entry) => entry.kind === 'Rollout' && entry.name === rollout);
    const update = (change: () => void): void => {
      this.store.update(sim, () => {
        change();
        sim.renderDerived(this.clock.now());
      });
    };
    if (!resource || !abortCanary(resource, update)) throw new Error(`Rollout ${rollout} of app ${name} has no canary update in progress`);
    return structuredClone(sim.app);
  }

  /**
   * Holds a controller stage open for one app (or all when `name` is omitted) until the returned
   * function is called: e.g. `hold('sync', 'app')` keeps its next operation Running.
   */
  hold(stage: Stage, name?: string, namespace?: string): () => void {
    return this.holds.hold(stage, name === undefined ? undefined : appKey(namespace ?? this.namespace, name));
  }

  /** Resolves with the app once `predicate` holds for it (checked now and on every change). */
  waitFor(name: string, predicate: (app: Application) => boolean, options: WaitOptions = {}): Promise<Application> {
    const key = appKey(options.namespace ?? this.namespace, name);
    const timeoutMs = options.timeoutMs ?? 10_000;
    return new Promise<Application>((resolve, reject) => {
      let last: Application | undefined;
      const check = (app: Application): boolean => {
        last = app;
        if (!predicate(app)) return false;
        cleanup();
        resolve(structuredClone(app));
        return true;
      };
      const unsubscribe = this.store.subscribe((event) => {
        if (appKey(event.application.metadata.namespace, event.application.metadata.name) === key) check(event.application);
      });
      // Real time on purpose: this guards the caller's test; a ManualClock never advanced would
      // otherwise leave it waiting forever.
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`waitFor(${key}) timed out after ${timeoutMs} ms; last state: ${summarise(last)}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        unsubscribe();
      };
      const current = this.store.get(options.namespace ?? this.namespace, name);
      if (current) check(current.app);
    });
  }

  /** Every stored change (ADDED / MODIFIED / DELETED) with a copy of the object. */
  onChange(listener: StoreListener): () => void {
    return this.store.subscribe(listener);
  }

  // ---- auth ----

  addToken(token: string, grant?: TokenGrant): void {
    this.auth.addToken(token, grant);
  }

  revokeToken(token: string): void {
    this.auth.revokeToken(token);
  }

  setTokenProjects(token: string, projects: readonly string[] | undefined): void {
    this.auth.setTokenProjects(token, projects);
  }

  addUser(name: string, user: UserConfig): void {
    this.auth.addUser(name, user);
  }

  // ---- requests and streams ----

  get requests(): readonly RequestRecord[] {
    return this.log.records;
  }

  requestCount(endpoint?: Endpoint): number {
    return this.log.count(endpoint);
  }

  requestCounts(): Record<Endpoint, number> {
    return this.log.counts();
  }

  clearRequests(): void {
    this.log.clear();
  }

  get openStreams(): number {
    return this.streams.size;
  }

  /** Ends every open watch cleanly, as a proxy's timeout does; returns how many. */
  closeStreams(): number {
    const open = [...this.streams];
    for (const stream of open) stream.end();
    return open.length;
  }

  async close(): Promise<void> {
    if (this.abort.signal.aborted) return;
    this.abort.abort();
    this.controller.stopAll();
    this.holds.releaseAll();
    this.closeStreams();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  // ---- internals ----

  private sim(name: string, namespace?: string): SimApp {
    const sim = this.store.get(namespace ?? this.namespace, name);
    if (!sim) throw appNotFound(name);
    return sim;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const method = req.method ?? 'GET';
    if (url.pathname.startsWith('/__sim/')) {
      if (this.options.controlApi) await handleControl(this, this.faults, req, res, url);
      else sendText(res, 404, '404 page not found\n');
      return;
    }
    const route = classify(method, url.pathname, url.searchParams);
    const record = this.log.record({
      at: this.clock.now().getTime(),
      method,
      path: url.pathname,
      query: queryObject(url.searchParams),
      endpoint: route.endpoint,
      ...(route.app !== undefined ? { app: route.app } : {}),
      authorization: req.headers.authorization !== undefined,
      cookie: /(?:^|;\s*)argocd\.token=/.test(req.headers.cookie ?? ''),
    });
    res.once('close', () => {
      if (res.headersSent) record.status = res.statusCode;
    });
    const fault = this.faults.take({ endpoint: route.endpoint, app: route.app, token: tokenFrom(req.headers) });
    if (fault) record.fault = fault.type;
    if (fault && (await this.applyFault(fault, req, res))) return;
    // Argo CD's enforceContentTypes wraps the whole API: every method but GET must send JSON.
    if (method !== 'GET' && (req.headers['content-type'] ?? '').toLowerCase() !== 'application/json') {
      sendText(res, 415, 'Invalid content type\n');
      return;
    }
    try {
      await this.dispatch(route, req, res, url.searchParams, fault);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      sendError(res, error);
    }
  }

  /** Carries out a fault; true when the request is finished with. */
  private async applyFault(fault: FaultAction, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    switch (fault.type) {
      case 'error':
        sendFaultError(res, fault);
        return true;
      case 'reset':
        req.socket.resetAndDestroy();
        return true;
      case 'stall':
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.flushHeaders();
        return true;
      case 'delay':
        await sleep(this.clock, fault.ms, this.abort.signal);
        return res.destroyed;
      default:
        return false;
    }
  }

  private async dispatch(route: Route, req: IncomingMessage, res: ServerResponse, params: URLSearchParams, fault: FaultAction | undefined): Promise<void> {
    switch (route.endpoint) {
      case 'get':
      case 'refresh':
        return handleGet(this.api, req, res, route, params);
      case 'list':
        return handleList(this.api, req, res, params);
      case 'resource-tree':
        return handleResourceTree(this.api, req, res, route, params);
      case 'resource':
        return handleResource(this.api, req, res, route, params);
      case 'manifests':
        return handleManifests(this.api, req, res, route, params);
      case 'managed-resources':
        return handleManagedResources(this.api, req, res, route, params);
      case 'applicationset':
        this.api.auth.authenticate(req.headers);
        return sendJson(res, 200, this.applicationSetObject(route.app ?? '', params.get('appsetNamespace') || this.namespace));
      case 'sync':
        return handleSync(this.api, req, res, route);
      case 'session':
        return handleSession(this.api, req, res);
      case 'userinfo':
        return handleUserInfo(this.api, req, res);
      case 'version':
        return handleVersion(res);
      case 'stream': {
        const streamFault =
          fault?.type === 'stream-drop' || fault?.type === 'stream-error' || fault?.type === 'stream-garbage' || fault?.type === 'stream-idle-timeout' || fault?.type === 'buffer'
            ? fault
            : undefined;
        return handleStream(this.api, req, res, params, this.streams, streamFault);
      }
      default:
        // grpc-gateway's answer for a route it does not have.
        throw new ApiError(GrpcCode.NotFound, 'Not Found');
    }
  }
}

/** Starts a simulator; see SimulatorOptions. */
export function startArgoCdSimulator(options: SimulatorOptions = {}): Promise<ArgoCdSimulator> {
  return ArgoCdSimulator.start(options);
}

function summarise(app: Application | undefined): string {
  if (!app) return 'no such app';
  const status = app.status;
  const health = 'status' in status.health ? status.health.status : '';
  const revision = status.sync.revision ?? status.sync.revisions?.join(',') ?? '';
  return `sync=${status.sync.status}@${revision} health=${health} operation=${app.operation ? 'present' : 'none'} phase=${status.operationState?.phase ?? ''}`;
}
