/**
 * The JSON the simulator serves, typed after Argo CD's swagger.json (v1alpha1Application and the
 * objects inside it). Only fields the simulator emits are listed; every optional field is omitted
 * when empty, as Go's `omitempty` does on the real server.
 */

export type SyncStatusCode = 'Synced' | 'OutOfSync' | 'Unknown';
export type HealthStatusCode = 'Healthy' | 'Progressing' | 'Degraded' | 'Suspended' | 'Missing' | 'Unknown';
export type OperationPhase = 'Running' | 'Terminating' | 'Succeeded' | 'Failed' | 'Error';
export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface ObjectMeta {
  name: string;
  namespace: string;
  uid: string;
  resourceVersion: string;
  generation: number;
  creationTimestamp: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  deletionTimestamp?: string;
}

export interface ApplicationSource {
  repoURL: string;
  path?: string;
  targetRevision?: string;
  ref?: string;
  directory?: { recurse?: boolean };
  helm?: HelmSourceConfig;
}

export interface ApplicationDestination {
  server?: string;
  name?: string;
  namespace?: string;
}

export interface RetryStrategy {
  limit?: number;
  backoff?: { duration?: string; factor?: number; maxDuration?: string };
}

export interface SyncPolicy {
  automated?: { prune?: boolean; selfHeal?: boolean };
  syncOptions?: string[];
  retry?: RetryStrategy;
}

/**
 * `spec.ignoreDifferences[]`: fields the diff leaves out. Only `jsonPointers` are acted upon (in
 * `managed-resources`' normalizedLiveState / predictedLiveState); `jqPathExpressions` and
 * `managedFieldsManagers` are shown in the spec but not simulated.
 */
export interface ResourceIgnoreDifferences {
  /** Glob; '' (default) is the core group. */
  group?: string;
  /** Glob, e.g. `Deployment` or `*`. */
  kind: string;
  name?: string;
  namespace?: string;
  jsonPointers?: string[];
  jqPathExpressions?: string[];
  managedFieldsManagers?: string[];
}

export interface ApplicationSpec {
  source?: ApplicationSource;
  sources?: ApplicationSource[];
  destination: ApplicationDestination;
  project: string;
  syncPolicy?: SyncPolicy;
  ignoreDifferences?: ResourceIgnoreDifferences[];
}

export interface HealthStatus {
  status: HealthStatusCode;
  message?: string;
  lastTransitionTime?: string;
}

export interface ComparedTo {
  source?: ApplicationSource;
  sources?: ApplicationSource[];
  destination: ApplicationDestination;
}

export interface SyncStatus {
  status: SyncStatusCode;
  comparedTo: ComparedTo;
  revision?: string;
  revisions?: string[];
}

export interface OperationInitiator {
  username?: string;
  automated?: boolean;
}

export interface SyncOperation {
  revision?: string;
  revisions?: string[];
  prune?: boolean;
  dryRun?: boolean;
  syncOptions?: string[];
  syncStrategy?: Record<string, unknown>;
  resources?: Array<{ group?: string; kind: string; name: string; namespace?: string }>;
}

export interface Operation {
  sync: SyncOperation;
  initiatedBy: OperationInitiator;
  retry?: RetryStrategy;
}

export interface ResourceResult {
  group?: string;
  version: string;
  kind: string;
  namespace?: string;
  name: string;
  status: 'Synced' | 'SyncFailed' | 'Pruned' | 'PruneSkipped';
  message?: string;
  hookPhase?: string;
  syncPhase?: string;
  images?: string[];
}

export interface SyncOperationResult {
  resources?: ResourceResult[];
  revision?: string;
  revisions?: string[];
  source?: ApplicationSource;
  sources?: ApplicationSource[];
}

export interface OperationState {
  operation: Operation;
  phase: OperationPhase;
  message?: string;
  startedAt: string;
  finishedAt?: string;
  retryCount?: number;
  syncResult?: SyncOperationResult;
}

export interface ApplicationCondition {
  type: string;
  message: string;
  lastTransitionTime?: string;
}

export interface ResourceStatus {
  group?: string;
  version: string;
  kind: string;
  namespace?: string;
  name: string;
  status?: SyncStatusCode;
  health?: { status: HealthStatusCode; message?: string };
  requiresPruning?: boolean;
}

export interface RevisionHistory {
  id: number;
  revision?: string;
  revisions?: string[];
  deployStartedAt: string;
  deployedAt: string;
  source?: ApplicationSource;
  sources?: ApplicationSource[];
  initiatedBy?: OperationInitiator;
}

export interface ApplicationStatus {
  resources?: ResourceStatus[];
  sync: SyncStatus;
  health: HealthStatus | Record<string, never>;
  history?: RevisionHistory[];
  conditions?: ApplicationCondition[];
  reconciledAt?: string;
  operationState?: OperationState;
  sourceType?: string;
  sourceTypes?: string[];
  summary: { images?: string[] };
  controllerNamespace?: string;
  sourceHydrator: Record<string, never>;
}

export interface Application {
  metadata: ObjectMeta;
  spec: ApplicationSpec;
  status: ApplicationStatus;
  operation?: Operation;
}

export interface ApplicationList {
  metadata: { resourceVersion?: string };
  items: Application[];
}

export interface ApplicationWatchEvent {
  type: WatchEventType;
  application: Application;
}

export interface ResourceRef {
  group?: string;
  version: string;
  kind: string;
  namespace?: string;
  name: string;
  uid: string;
}

export interface ResourceNode extends ResourceRef {
  resourceVersion: string;
  createdAt: string;
  health?: { status: HealthStatusCode; message?: string };
  images?: string[];
  info?: Array<{ name: string; value: string }>;
  parentRefs?: ResourceRef[];
}

export interface ApplicationTree {
  nodes: ResourceNode[];
  orphanedNodes: ResourceNode[];
}

/** The endpoint classes requests are counted and faults are targeted by. */
export type Endpoint =
  | 'session'
  | 'userinfo'
  | 'version'
  | 'list'
  | 'get'
  /** `GET /applications/{name}` with a `refresh` query parameter. */
  | 'refresh'
  | 'stream'
  | 'resource-tree'
  /** `GET /applications/{name}/resource`: one live object's manifest. */
  | 'resource'
  /** `GET /applicationsets/{name}`. */
  | 'applicationset'
  /** `GET /applications/{name}/manifests`: the rendered manifests of a revision. */
  | 'manifests'
  /** `GET /applications/{name}/managed-resources`: live and target state per resource. */
  | 'managed-resources'
  | 'sync'
  | 'unknown';

export const ENDPOINTS: readonly Endpoint[] = [
  'session',
  'userinfo',
  'version',
  'list',
  'get',
  'refresh',
  'stream',
  'resource-tree',
  'resource',
  'applicationset',
  'manifests',
  'managed-resources',
  'sync',
  'unknown',
];

/** `spec.source.helm`: the fields the simulator acts upon (Argo CD's names and meaning). */
export interface HelmSourceConfig {
  /** Value files, relative to the source path (`/x` is relative to the repository root). */
  valueFiles?: string[];
  /** `--set name=value`, or `--set-string` with `forceString`; they win over every file. */
  parameters?: Array<{ name: string; value: string; forceString?: boolean }>;
  /** Inline values (YAML text), applied after the value files. */
  values?: string;
  /** Inline values as an object; wins over `values`. */
  valuesObject?: Record<string, unknown>;
  /** Default the Application's name. */
  releaseName?: string;
  /** Skip value files the commit does not hold instead of failing. */
  ignoreMissingValueFiles?: boolean;
}
