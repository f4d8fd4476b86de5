/**
 * The subset of Argo CD's v1alpha1 Application (and its tree and watch events) that waiting on a
 * deployment reads. Produced only by ./parse, which normalises what the Go server leaves out:
 * empty strings (a never-reconciled app has `sync.status: ""`) become `undefined`, `null` and
 * missing lists become `[]`. Positional lists (`revisions`) keep their positions; an entry the
 * server left empty is `''` there, because its index says which `spec.sources` entry it belongs to.
 *
 * Status values are kept as the server's strings, so a value a newer Argo CD adds is shown, not
 * lost. Known values: health Healthy, Progressing, Degraded, Suspended, Missing, Unknown; sync
 * Synced, OutOfSync, Unknown; operation phase Running, Terminating, Succeeded, Failed, Error.
 */

export interface ApplicationSource {
  repoURL?: string;
  path?: string;
  chart?: string;
  /** Set on a multi-source entry that only provides files to others (`$ref/values.yaml`). */
  ref?: string;
  targetRevision?: string;
  name?: string;
}

export interface ApplicationMetadata {
  name: string;
  namespace?: string;
  resourceVersion?: string;
  labels: Record<string, string>;
  /** Set once the application is being deleted. */
  deletionTimestamp?: string;
  /** Who owns it: an ApplicationSet names itself here on the apps it generates. */
  ownerReferences?: { kind: string; name: string }[];
}

export interface AutomatedSyncPolicy {
  /** `false` switches automated sync off while keeping its settings (Argo CD 3.x). */
  enabled?: boolean;
  prune?: boolean;
  selfHeal?: boolean;
}

export interface ApplicationSpec {
  project?: string;
  source?: ApplicationSource;
  /** Non-empty means a multi-source app: `spec.source` is then ignored by Argo CD. */
  sources: ApplicationSource[];
  syncPolicy?: { automated?: AutomatedSyncPolicy };
}

export interface SyncOperation {
  /** As requested: may be a branch, `HEAD` or empty; the resolved commit is in `syncResult`. */
  revision?: string;
  revisions: string[];
  dryRun?: boolean;
  prune?: boolean;
}

export interface Operation {
  sync?: SyncOperation;
  initiatedBy?: { username?: string; automated?: boolean };
}

export interface SyncStatus {
  status?: string;
  /** The commit last compared (single source). */
  revision?: string;
  /** The commits last compared, in `spec.sources` order (multi-source). */
  revisions: string[];
  comparedTo?: { source?: ApplicationSource; sources: ApplicationSource[] };
}

export interface HealthStatus {
  status?: string;
  message?: string;
}

export interface SyncOperationResult {
  /** The commit actually synced (single source). */
  revision?: string;
  /** The commits actually synced, in `spec.sources` order (multi-source). */
  revisions: string[];
}

export interface OperationState {
  phase?: string;
  message?: string;
  startedAt?: string;
  finishedAt?: string;
  /** The operation this state describes (kept after it finished, unlike the top-level one). */
  operation?: Operation;
  syncResult?: SyncOperationResult;
  retryCount?: number;
}

export interface ApplicationCondition {
  /** `ComparisonError`, `InvalidSpecError`, `SyncError`, `UnknownError`, … or a `*Warning`. */
  type: string;
  message?: string;
  lastTransitionTime?: string;
}

export interface ResourceStatus {
  group?: string;
  version?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  status?: string;
  /** Filled in by the API server on GET and watch (3.x keeps it in the tree, not the object). */
  health?: HealthStatus;
}

export interface ApplicationStatus {
  sync: SyncStatus;
  health: HealthStatus;
  operationState?: OperationState;
  /** Last full comparison against git (RFC 3339, second precision). */
  reconciledAt?: string;
  conditions: ApplicationCondition[];
  resources: ResourceStatus[];
  /** Past syncs, oldest first (Argo CD keeps `revisionHistoryLimit`, 10 by default); [] when none. */
  history: RevisionHistory[];
}

/** One finished sync in `status.history`. */
export interface RevisionHistory {
  id: number;
  /** Single-source apps: the commit (or chart version) deployed. */
  revision?: string;
  /** Multi-source apps: one revision per source, in `spec.sources` order. */
  revisions?: string[];
  /** When the sync finished (RFC 3339). */
  deployedAt: string;
  deployStartedAt?: string;
}

/**
 * `GET /api/v1/applications/{name}/manifests?revision=`: what Argo CD renders for a revision.
 * Argo CD ≥ 2.11 answers `manifests` only; `revision`, `sourceType`, `namespace` and `server` come
 * from older servers, so nothing may depend on them.
 */
export interface ManifestsResponse {
  /**
   * One JSON-encoded Kubernetes object per element, as Argo CD rendered them (Helm, Kustomize,
   * plugins), with its tracking label or annotation; Secret values masked (`++++++++`). The repo
   * server does not fill in the destination namespace: an object without one lands there.
   */
  manifests: string[];
  /** The revision rendered, resolved to a commit SHA (Argo CD < 2.11 only). */
  revision?: string;
  sourceType?: string;
  namespace?: string;
  server?: string;
}

/**
 * One item of `GET /api/v1/applications/{applicationName}/managed-resources` (Argo CD's
 * ResourceDiff). The states are JSON-encoded objects, absent when the resource does not exist on
 * that side (the server's "null" is not kept). Secret values arrive masked by Argo CD: per key, a
 * run of `+` per distinct value, so two runs of different length mean the value changed.
 */
export interface ManagedResource {
  group?: string;
  kind: string;
  namespace?: string;
  name: string;
  /** What the app's current target revision renders. */
  targetState?: string;
  /** The object in the cluster. */
  liveState?: string;
  /** The live object with the app's ignoreDifferences and Argo CD's normalizations applied: what its diff compares. */
  normalizedLiveState?: string;
  predictedLiveState?: string;
  hook?: boolean;
  modified?: boolean;
  /** The live object's resourceVersion. */
  resourceVersion?: string;
}

export interface Application {
  metadata: ApplicationMetadata;
  spec: ApplicationSpec;
  /** Present while an operation is queued or running; Argo CD removes it when it finishes. */
  operation?: Operation;
  status: ApplicationStatus;
}

export interface ApplicationList {
  items: Application[];
  /** Pass to `watch` to see only what changed after this list. */
  resourceVersion?: string;
}

export interface ResourceNode {
  group?: string;
  version?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  health?: HealthStatus;
}

/** `GET …/resource-tree`: what explains a Degraded app (which resource, and its message). */
export interface ResourceTree {
  nodes: ResourceNode[];
  orphanedNodes: ResourceNode[];
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface ApplicationWatchEvent {
  type: WatchEventType;
  application: Application;
}

/** The body of a watch stream's final `{"error":…}` line. */
export interface StreamErrorBody {
  grpcCode?: number;
  httpCode?: number;
  httpStatus?: string;
  message?: string;
}

/** A live Kubernetes object as `GET …/resource` returns it (a Rollout, an AnalysisRun…): read field by field. */
export type LiveObject = Record<string, unknown>;

/** Which resource of an app `GET …/resource` reads: a node of its resource tree. */
export interface ResourceRef {
  group?: string;
  version?: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** `GET /api/v1/applicationsets/{name}`: the Applications it generated (`status.resources`). */
export interface ApplicationSet {
  name: string;
  namespace?: string;
  /** The generated apps listed; may be cut short by the controller's limit (see `resourcesCount`). */
  applications: { name: string; namespace?: string }[];
  /** How many it generated in all, when the server says. */
  resourcesCount?: number;
}
