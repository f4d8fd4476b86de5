import { ArgoCdProtocolError } from './errors';
import type {
  ApplicationSet,
  LiveObject,
  ManagedResource,
  ManifestsResponse,
  Application,
  ApplicationCondition,
  ApplicationList,
  ApplicationSource,
  ApplicationWatchEvent,
  HealthStatus,
  Operation,
  OperationState,
  ResourceNode,
  ResourceStatus,
  ResourceTree,
  RevisionHistory,
  StreamErrorBody,
  SyncOperationResult,
  WatchEventType,
} from './types';

/**
 * Turns the server's JSON into ./types. Only the top level is strict (it must be an object, an
 * Application must have a name): a wrong top level means the URL reaches something that is not the
 * Argo CD API, and saying so beats waiting on garbage. Below that, a field of an unexpected type is
 * treated as absent, because a newer server reshaping a field we merely display must not fail a
 * deployment that is otherwise fine.
 *
 * `where` names the request in errors, e.g. "GET /api/v1/applications/web on argocd.example.com".
 */

type JsonObject = Record<string, unknown>;

const HINT =
  'Point the server URL at the Argo CD API server itself (the address `argocd login` uses), not at a login page or a proxy in front of the UI.';

export function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ArgoCdProtocolError(`${where} answered with something that is not JSON.`, HINT);
  }
}

export function parseApplication(value: unknown, where: string): Application {
  const root = requireObject(value, where, 'an Application');
  const metadata = object(root.metadata);
  const name = string(metadata?.name);
  if (name === undefined) {
    throw new ArgoCdProtocolError(`${where} answered with an Application that has no metadata.name.`, HINT);
  }
  const spec = object(root.spec);
  const status = object(root.status);
  const sync = object(status?.sync);
  const comparedTo = object(sync?.comparedTo);
  const automated = object(object(spec?.syncPolicy)?.automated);
  return {
    metadata: {
      name,
      namespace: string(metadata?.namespace),
      resourceVersion: string(metadata?.resourceVersion),
      labels: labels(metadata?.labels),
      deletionTimestamp: string(metadata?.deletionTimestamp),
      ...ownerReferences(metadata?.ownerReferences),
    },
    spec: {
      project: string(spec?.project),
      source: source(spec?.source),
      sources: list(spec?.sources, source),
      syncPolicy: automated
        ? {
            automated: {
              enabled: boolean(automated.enabled),
              prune: boolean(automated.prune),
              selfHeal: boolean(automated.selfHeal),
            },
          }
        : undefined,
    },
    operation: operation(root.operation),
    status: {
      sync: {
        status: string(sync?.status),
        revision: string(sync?.revision),
        revisions: positional(sync?.revisions),
        comparedTo: comparedTo
          ? { source: source(comparedTo.source), sources: list(comparedTo.sources, source) }
          : undefined,
      },
      health: health(status?.health) ?? {},
      operationState: operationState(status?.operationState),
      reconciledAt: string(status?.reconciledAt),
      conditions: list(status?.conditions, condition),
      resources: list(status?.resources, resourceStatus),
      history: list(status?.history, revisionHistory),
    },
  };
}

/** A history entry without deployedAt says nothing usable and is dropped. */
function revisionHistory(value: unknown): RevisionHistory | undefined {
  const entry = object(value);
  const deployedAt = string(entry?.deployedAt);
  if (!entry || !deployedAt) return undefined;
  const revisions = positional(entry.revisions);
  return {
    id: number(entry.id) ?? 0,
    deployedAt,
    ...(string(entry.revision) ? { revision: string(entry.revision) } : {}),
    ...(revisions.length > 0 ? { revisions } : {}),
    ...(string(entry.deployStartedAt) ? { deployStartedAt: string(entry.deployStartedAt) } : {}),
  };
}

export function parseApplicationList(value: unknown, where: string): ApplicationList {
  const root = requireObject(value, where, 'an ApplicationList');
  // Go encodes an empty list as null; anything else that is not a list is not a list answer.
  if (root.items !== undefined && root.items !== null && !Array.isArray(root.items)) {
    throw new ArgoCdProtocolError(`${where} answered with an ApplicationList whose items is not a list.`, HINT);
  }
  const items = Array.isArray(root.items) ? root.items : [];
  return {
    items: items.map((item, index) => parseApplication(item, `${where} (items[${index}])`)),
    resourceVersion: string(object(root.metadata)?.resourceVersion),
  };
}

export function parseResourceTree(value: unknown, where: string): ResourceTree {
  const root = requireObject(value, where, 'a resource tree');
  return { nodes: list(root.nodes, resourceNode), orphanedNodes: list(root.orphanedNodes, resourceNode) };
}

function ownerReferences(value: unknown): { ownerReferences?: { kind: string; name: string }[] } {
  const owners = list(value, (entry) => {
    const owner = object(entry);
    const kind = string(owner?.kind);
    const name = string(owner?.name);
    return kind !== undefined && name !== undefined ? { kind, name } : undefined;
  }).filter((owner): owner is { kind: string; name: string } => owner !== undefined);
  return owners.length > 0 ? { ownerReferences: owners } : {};
}

/** `GET /api/v1/applicationsets/{name}`: its name and the Applications in `status.resources`. */
export function parseApplicationSet(value: unknown, where: string): ApplicationSet {
  const root = requireObject(value, where, 'an ApplicationSet');
  const metadata = object(root.metadata);
  const status = object(root.status);
  const applications = list(status?.resources, (entry) => {
    const row = object(entry);
    const name = string(row?.name);
    if (name === undefined || (row?.kind !== undefined && row.kind !== 'Application')) return undefined;
    const namespace = string(row?.namespace);
    return { name, ...(namespace ? { namespace } : {}) };
  }).filter((app): app is { name: string; namespace?: string } => app !== undefined);
  const count = status?.resourcesCount;
  const resourcesCount = typeof count === 'number' ? count : typeof count === 'string' && /^\d+$/.test(count) ? Number(count) : undefined;
  const namespace = string(metadata?.namespace);
  return { name: string(metadata?.name) ?? '', ...(namespace ? { namespace } : {}), applications, ...(resourcesCount !== undefined ? { resourcesCount } : {}) };
}

/** `GET …/resource`: `{manifest}`, the live object as JSON text. */
export function parseResourceManifest(value: unknown, where: string): LiveObject {
  const root = requireObject(value, where, 'a resource answer');
  if (typeof root.manifest !== 'string') throw new ArgoCdProtocolError(`${where} answered without the resource's manifest.`, HINT);
  return requireObject(parseJson(root.manifest, where), where, 'a Kubernetes object') as LiveObject;
}

/** `GET …/manifests`: the rendered manifests (JSON text each); the other fields only from Argo CD < 2.11. */
export function parseManifests(value: unknown, where: string): ManifestsResponse {
  const root = requireObject(value, where, 'a manifests answer');
  return {
    manifests: topLevelList(root.manifests, where, 'manifests').filter((entry): entry is string => typeof entry === 'string' && entry !== ''),
    revision: string(root.revision),
    sourceType: string(root.sourceType),
    namespace: string(root.namespace),
    server: string(root.server),
  };
}

/** `GET …/managed-resources`: `{items}`; an item without kind or name identifies nothing and is dropped. */
export function parseManagedResources(value: unknown, where: string): ManagedResource[] {
  const root = requireObject(value, where, 'a managed resources answer');
  return list(topLevelList(root.items, where, 'items'), managedResource);
}

function managedResource(value: unknown): ManagedResource | undefined {
  const entry = object(value);
  const kind = string(entry?.kind);
  const name = string(entry?.name);
  if (!entry || kind === undefined || name === undefined) return undefined;
  return {
    group: string(entry.group),
    kind,
    namespace: string(entry.namespace),
    name,
    targetState: state(entry.targetState),
    liveState: state(entry.liveState),
    normalizedLiveState: state(entry.normalizedLiveState),
    predictedLiveState: state(entry.predictedLiveState),
    hook: boolean(entry.hook),
    modified: boolean(entry.modified),
    resourceVersion: string(entry.resourceVersion),
  };
}

/** A JSON-encoded object; Go writes "null" for a side the resource does not exist on. */
function state(value: unknown): string | undefined {
  const text = string(value);
  return text === undefined || text === 'null' ? undefined : text;
}

/**
 * A list field of an answer's top level: null or absent (Go's empty list) is []; anything else
 * that is not a list means the answer is not what the endpoint sends.
 */
function topLevelList(value: unknown, where: string, field: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ArgoCdProtocolError(`${where} answered with a \`${field}\` that is not a list.`, HINT);
  return value;
}

export type WatchLine =
  | { kind: 'event'; event: ApplicationWatchEvent }
  | { kind: 'error'; error: StreamErrorBody }
  /** An event type this client does not act on (e.g. a Kubernetes BOOKMARK): nothing to report. */
  | { kind: 'ignored' };

const EVENT_TYPES: readonly string[] = ['ADDED', 'MODIFIED', 'DELETED'] satisfies WatchEventType[];

/** One line of `GET /api/v1/stream/applications`: `{"result":{type,application}}` or `{"error":{…}}`. */
export function parseWatchLine(value: unknown, where: string): WatchLine {
  const root = requireObject(value, where, 'a watch stream line');
  const error = object(root.error);
  if (error) {
    return {
      kind: 'error',
      error: {
        grpcCode: number(error.grpc_code),
        httpCode: number(error.http_code),
        httpStatus: string(error.http_status),
        message: string(error.message),
      },
    };
  }
  const result = object(root.result);
  if (!result) {
    throw new ArgoCdProtocolError(`${where} sent a line with neither "result" nor "error".`, HINT);
  }
  const type = string(result.type);
  if (type === undefined || !EVENT_TYPES.includes(type)) return { kind: 'ignored' };
  return {
    kind: 'event',
    event: { type: type as WatchEventType, application: parseApplication(result.application, `${where} (${type} event)`) },
  };
}

function requireObject(value: unknown, where: string, what: string): JsonObject {
  const result = object(value);
  if (!result) {
    throw new ArgoCdProtocolError(`${where} answered with ${describeJson(value)} where ${what} (a JSON object) belongs.`, HINT);
  }
  return result;
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

function object(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

/** Go omits nothing it zero-values, so "" means "not set" for every field read here. */
function string(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function number(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  // protojson writes int64 as a string.
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  return undefined;
}

function boolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

function list<T>(value: unknown, item: (entry: unknown) => T | undefined): T[] {
  if (!Array.isArray(value)) return [];
  const result: T[] = [];
  for (const entry of value) {
    const parsed = item(entry);
    if (parsed !== undefined) result.push(parsed);
  }
  return result;
}

/** A list indexed like `spec.sources`: entries are never dropped, so index i stays source i. */
function positional(value: unknown): string[] {
  return Array.isArray(value) ? value.map((entry) => (typeof entry === 'string' ? entry : '')) : [];
}

function labels(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, entry] of Object.entries(object(value) ?? {})) {
    if (typeof entry === 'string') result[key] = entry;
  }
  return result;
}

function source(value: unknown): ApplicationSource | undefined {
  const entry = object(value);
  if (!entry) return undefined;
  return {
    repoURL: string(entry.repoURL),
    path: string(entry.path),
    chart: string(entry.chart),
    ref: string(entry.ref),
    targetRevision: string(entry.targetRevision),
    name: string(entry.name),
  };
}

function health(value: unknown): HealthStatus | undefined {
  const entry = object(value);
  return entry ? { status: string(entry.status), message: string(entry.message) } : undefined;
}

function operation(value: unknown): Operation | undefined {
  const entry = object(value);
  if (!entry) return undefined;
  const sync = object(entry.sync);
  const initiatedBy = object(entry.initiatedBy);
  return {
    sync: sync
      ? {
          revision: string(sync.revision),
          revisions: positional(sync.revisions),
          dryRun: boolean(sync.dryRun),
          prune: boolean(sync.prune),
        }
      : undefined,
    initiatedBy: initiatedBy
      ? { username: string(initiatedBy.username), automated: boolean(initiatedBy.automated) }
      : undefined,
  };
}

function syncResult(value: unknown): SyncOperationResult | undefined {
  const entry = object(value);
  return entry ? { revision: string(entry.revision), revisions: positional(entry.revisions) } : undefined;
}

function operationState(value: unknown): OperationState | undefined {
  const entry = object(value);
  if (!entry) return undefined;
  return {
    phase: string(entry.phase),
    message: string(entry.message),
    startedAt: string(entry.startedAt),
    finishedAt: string(entry.finishedAt),
    operation: operation(entry.operation),
    syncResult: syncResult(entry.syncResult),
    retryCount: number(entry.retryCount),
  };
}

function condition(value: unknown): ApplicationCondition | undefined {
  const entry = object(value);
  const type = string(entry?.type);
  if (!entry || type === undefined) return undefined;
  return { type, message: string(entry.message), lastTransitionTime: string(entry.lastTransitionTime) };
}

function resourceRef(entry: JsonObject): Omit<ResourceNode, 'health' | 'uid'> {
  return {
    group: string(entry.group),
    version: string(entry.version),
    kind: string(entry.kind),
    namespace: string(entry.namespace),
    name: string(entry.name),
  };
}

function resourceStatus(value: unknown): ResourceStatus | undefined {
  const entry = object(value);
  return entry ? { ...resourceRef(entry), status: string(entry.status), health: health(entry.health) } : undefined;
}

function resourceNode(value: unknown): ResourceNode | undefined {
  const entry = object(value);
  return entry ? { ...resourceRef(entry), uid: string(entry.uid), health: health(entry.health) } : undefined;
}
