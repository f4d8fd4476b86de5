/**
 * The unary Argo CD API endpoints: get (with refresh), list, resource tree, sync, session
 * (manifests and managed resources live in manifests-route.ts and resource-diff.ts).
 * Lookups follow the API server's getAppEnforceRBAC, so "missing" and "not permitted" are told
 * apart exactly as far as the real server tells them apart.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Auth, Principal } from './auth.js';
import type { Controller, SyncRequest } from './controller.js';
import type { GitReader } from './git-reader.js';
import { ApiError, appNotFound, GrpcCode, permissionDenied } from './errors.js';
import { readJson, sendJson } from './http-util.js';
import { parseLabelSelector, SelectorError } from './label-selector.js';
import type { LiveResource } from './live-state.js';
import { buildResourceTree } from './resource-tree.js';
import { analysisRunObject, findAnalysisRun, rolloutObject } from './rollouts.js';
import type { Clock } from './time.js';
import type { SimApp } from './sim-app.js';
import type { AppStore } from './store.js';
import type { Application, Endpoint } from './types.js';

export interface ApiContext {
  store: AppStore;
  controller: Controller;
  /** The repo server's side: reads commits for `GET …/manifests`. */
  reader: GitReader;
  auth: Auth;
  clock: Clock;
  /** The control-plane namespace: where apps live when no `appNamespace` is given. */
  namespace: string;
}

export interface Route {
  endpoint: Endpoint;
  app?: string;
}

const APP_PATH = /^\/api\/v1\/applications\/([^/]+)(\/resource-tree|\/resource|\/sync|\/manifests|\/managed-resources)?$/;

export function classify(method: string, path: string, params: URLSearchParams): Route {
  if (path === '/api/v1/session' && method === 'POST') return { endpoint: 'session' };
  if (path === '/api/v1/session/userinfo' && method === 'GET') return { endpoint: 'userinfo' };
  if (path === '/api/version' && method === 'GET') return { endpoint: 'version' };
  if (path === '/api/v1/applications' && method === 'GET') return { endpoint: 'list' };
  const set = /^\/api\/v1\/applicationsets\/([^/]+)$/.exec(path);
  if (set && method === 'GET') return { endpoint: 'applicationset', app: safeDecode(set[1] ?? '') };
  if (path === '/api/v1/stream/applications' && method === 'GET') {
    const name = params.get('name');
    return name ? { endpoint: 'stream', app: name } : { endpoint: 'stream' };
  }
  const match = APP_PATH.exec(path);
  if (match) {
    let app: string;
    try {
      app = decodeURIComponent(match[1] ?? '');
    } catch {
      return { endpoint: 'unknown' };
    }
    if (match[2] === '/resource-tree' && method === 'GET') return { endpoint: 'resource-tree', app };
    if (match[2] === '/resource' && method === 'GET') return { endpoint: 'resource', app };
    if (match[2] === '/sync' && method === 'POST') return { endpoint: 'sync', app };
    if (match[2] === '/manifests' && method === 'GET') return { endpoint: 'manifests', app };
    if (match[2] === '/managed-resources' && method === 'GET') return { endpoint: 'managed-resources', app };
    if (match[2] === undefined && method === 'GET') return { endpoint: params.has('refresh') ? 'refresh' : 'get', app };
  }
  return { endpoint: 'unknown' };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Finds an app the principal may see; see the module comment for the 403/404 rules. */
export function lookupApp(ctx: ApiContext, principal: Principal, name: string, appNamespace: string | null | undefined, project: string | null | undefined): SimApp {
  if (project && !principal.canAccess(project)) throw permissionDenied();
  const sim = ctx.store.get(appNamespace || ctx.namespace, name);
  if (!sim) {
    // Only a caller who named the project (and may read it) learns that the app does not exist.
    if (project) throw appNotFound(name);
    throw permissionDenied();
  }
  if (!principal.canAccess(sim.config.project)) throw permissionDenied();
  if (project && sim.config.project !== project) throw appNotFound(name);
  return sim;
}

export async function handleGet(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, route: Route, params: URLSearchParams): Promise<void> {
  const principal = ctx.auth.authenticate(req.headers);
  const sim = lookupApp(ctx, principal, route.app ?? '', params.get('appNamespace'), params.get('project'));
  if (route.endpoint === 'refresh') {
    // Like the real server: no deadline of its own; it answers once the controller has reconciled.
    const closed = new Promise<void>((resolve) => res.once('close', resolve));
    await Promise.race([ctx.controller.refresh(sim, params.get('refresh') === 'hard' ? 'hard' : 'normal'), closed]);
    if (sim.deleted) throw appNotFound(sim.name);
  }
  sendJson(res, 200, sim.app);
}

export function handleList(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, params: URLSearchParams): void {
  const principal = ctx.auth.authenticate(req.headers);
  const filter = appFilter(params);
  const items = ctx.store
    .list()
    .map((sim) => sim.app)
    .filter((app) => principal.canAccess(app.spec.project) && filter(app))
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
  sendJson(res, 200, { metadata: { resourceVersion: ctx.store.resourceVersion }, items });
}

/** The list/watch filters: `name`, `selector`, `projects` (and legacy `project`), `appNamespace`. */
export function appFilter(params: URLSearchParams): (app: Application) => boolean {
  let selector;
  try {
    selector = parseLabelSelector(params.get('selector') ?? '');
  } catch (error) {
    if (!(error instanceof SelectorError)) throw error;
    throw new ApiError(GrpcCode.Unknown, `error parsing the selector: ${error.message}`);
  }
  const projects = new Set([...params.getAll('projects'), ...params.getAll('project')].filter((project) => project !== ''));
  const name = params.get('name');
  const namespace = params.get('appNamespace');
  return (app) =>
    (!name || app.metadata.name === name) &&
    (!namespace || app.metadata.namespace === namespace) &&
    (projects.size === 0 || projects.has(app.spec.project)) &&
    selector(app.metadata.labels);
}

export function handleResourceTree(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, route: Route, params: URLSearchParams): void {
  const principal = ctx.auth.authenticate(req.headers);
  const sim = lookupApp(ctx, principal, route.app ?? '', params.get('appNamespace'), params.get('project'));
  sendJson(res, 200, buildResourceTree(sim.live.resources));
}

/**
 * `GET …/resource?namespace=&resourceName=&version=&group=&kind=`: `{manifest}`, the live object
 * as JSON text. Rollouts and their AnalysisRuns carry their status; other kinds their identity.
 */
export function handleResource(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, route: Route, params: URLSearchParams): void {
  const principal = ctx.auth.authenticate(req.headers);
  const sim = lookupApp(ctx, principal, route.app ?? '', params.get('appNamespace'), params.get('project'));
  const kind = params.get('kind') ?? '';
  const name = params.get('resourceName') ?? '';
  const namespace = params.get('namespace') ?? '';
  const group = params.get('group') ?? '';
  const object = liveObject(sim.live.resources, { kind, name, namespace, group });
  if (!object) throw new ApiError(GrpcCode.NotFound, `${kind} ${name} not found as part of application ${sim.name}`);
  sendJson(res, 200, { manifest: JSON.stringify(object) });
}

function liveObject(resources: readonly LiveResource[], ref: { kind: string; name: string; namespace: string; group: string }): Record<string, unknown> | undefined {
  if (ref.kind === 'AnalysisRun') {
    const found = findAnalysisRun(resources, ref.name);
    return found && found.owner.namespace === ref.namespace ? analysisRunObject(found.owner, found.run) : undefined;
  }
  const resource = resources.find((entry) => entry.kind === ref.kind && entry.name === ref.name && entry.namespace === ref.namespace && entry.group === ref.group);
  if (!resource) return undefined;
  if (resource.kind === 'Rollout') return rolloutObject(resource);
  return {
    apiVersion: resource.group ? `${resource.group}/${resource.version}` : resource.version,
    kind: resource.kind,
    metadata: { name: resource.name, ...(resource.namespace ? { namespace: resource.namespace } : {}), uid: resource.uid, resourceVersion: resource.resourceVersion },
  };
}

export async function handleSync(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, route: Route): Promise<void> {
  const principal = ctx.auth.authenticate(req.headers);
  const body = await readJson(req);
  const sim = lookupApp(ctx, principal, route.app ?? '', stringField(body, 'appNamespace'), stringField(body, 'project'));
  const app = await ctx.controller.sync(sim, parseSyncRequest(body), principal.username);
  sendJson(res, 200, app);
}

export async function handleSession(ctx: ApiContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJson(req);
  const token = ctx.auth.login(body['username'], body['password']);
  res.setHeader('Set-Cookie', `argocd.token=${token}; path=/; SameSite=lax; httpOnly`);
  sendJson(res, 200, { token });
}

export function handleUserInfo(ctx: ApiContext, req: IncomingMessage, res: ServerResponse): void {
  let principal: Principal | undefined;
  try {
    principal = ctx.auth.authenticate(req.headers);
  } catch {
    principal = undefined;
  }
  sendJson(res, 200, principal ? { loggedIn: true, username: principal.username, iss: 'argocd' } : { loggedIn: false });
}

export function handleVersion(res: ServerResponse): void {
  sendJson(res, 200, { Version: 'v3.6.0+simulator', Platform: `${process.platform}/${process.arch}` });
}

/** The fields of a sync request body the simulation acts on. */
export function parseSyncRequest(body: Record<string, unknown>): SyncRequest {
  const request: SyncRequest = {};
  const revision = stringField(body, 'revision');
  if (revision) request.revision = revision;
  const revisions = body['revisions'];
  if (Array.isArray(revisions)) request.revisions = revisions.map(String);
  const positions = body['sourcePositions'];
  if (Array.isArray(positions)) request.sourcePositions = positions.map((position) => Number(position));
  if (body['prune'] === true) request.prune = true;
  if (body['dryRun'] === true) request.dryRun = true;
  if (isRecord(body['strategy'])) request.strategy = body['strategy'];
  if (Array.isArray(body['resources'])) request.resources = body['resources'].filter(isRecord).map(resourceRef);
  if (isRecord(body['syncOptions']) && Array.isArray(body['syncOptions']['items'])) {
    request.syncOptions = { items: body['syncOptions']['items'].map(String) };
  }
  if (isRecord(body['retryStrategy'])) {
    const limit = Number(body['retryStrategy']['limit']);
    if (Number.isInteger(limit)) request.retryStrategy = { limit };
  }
  return request;
}

function resourceRef(value: Record<string, unknown>): NonNullable<SyncRequest['resources']>[number] {
  return {
    ...(typeof value['group'] === 'string' ? { group: value['group'] } : {}),
    kind: String(value['kind'] ?? ''),
    name: String(value['name'] ?? ''),
    ...(typeof value['namespace'] === 'string' ? { namespace: value['namespace'] } : {}),
  };
}

function stringField(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  return typeof value === 'string' ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
