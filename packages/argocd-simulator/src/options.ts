/**
 * How a simulated Argo CD and its Applications are configured, and the defaults filled in.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HelmSourceConfig, ResourceIgnoreDifferences } from './types.js';
import { compileImageMatcher, type ContainerImage, type ImageMatcher } from './images.js';
import type { ApplicationDestination, RetryStrategy } from './types.js';

/**
 * Delays of the simulated controller, in milliseconds. Each stage can also be held open
 * indefinitely with `ArgoCdSimulator.hold()`.
 */
export interface SimTimings {
  /** Comparison latency: from a refresh request (or the periodic timer) to the reconciled status. */
  refreshMs: number;
  /** From an operation being set (top-level `operation`) to `operationState.phase: Running`. */
  operationStartMs: number;
  /** From Running to the phase the sync ends in (Succeeded / Failed / Error). */
  syncMs: number;
  /** From `finishedAt` to the comparison that sets `sync.status` and `reconciledAt` again. */
  postSyncReconcileMs: number;
  /** From `finishedAt` to workloads leaving Progressing (Healthy, or Degraded for a broken image). */
  rolloutMs: number;
  /** First retry delay of a failing sync; each further retry doubles it (Argo CD's backoff). */
  retryBackoffMs: number;
}

export const DEFAULT_TIMINGS: SimTimings = {
  refreshMs: 5,
  operationStartMs: 10,
  syncMs: 25,
  postSyncReconcileMs: 10,
  rolloutMs: 40,
  retryBackoffMs: 10,
};

/** What a revision looks like to a rule: its commits (one per source) and what it deploys. */
export interface RevisionContext {
  app: string;
  revisions: readonly string[];
  images: readonly ContainerImage[];
  resources: ReadonlyArray<{ kind: string; name: string; namespace: string }>;
}

export interface AppRules {
  /**
   * Images whose rollout never becomes healthy: a Deployment (or Argo Rollout) goes Degraded
   * "exceeded its progress deadline" and its Pod Degraded (CrashLoopBackOff); a StatefulSet or
   * DaemonSet stays Progressing, as on a real cluster. Default: tags starting with `broken-`;
   * `null` disables.
   */
  degradedImage?: ImageMatcher | null;
  /** Images whose sync fails to apply (operation Failed, after retries for auto-sync). */
  failSyncImage?: ImageMatcher | null;
  /**
   * Images whose canary analysis fails: an Argo Rollout's `analysis` step ends with its
   * AnalysisRun Failed and the Rollout aborted (Degraded). Default: tags starting with
   * `failing-analysis-`; `null` disables.
   */
  failAnalysisImage?: ImageMatcher | null;
  /** The apply error for `failSyncImage` / `failSync`; default names the first resource. */
  failSyncMessage?: string;
  /** Programmatic sync failure: return a message to fail the sync of that revision. */
  failSync?: (revision: RevisionContext) => string | undefined;
  /** Programmatic comparison failure: return a message to raise a ComparisonError for that revision. */
  comparisonError?: (revision: RevisionContext) => string | undefined;
}

export interface SourceConfig {
  /** A local git repository directory, bare or with a work tree; only commits are read. */
  repoPath: string;
  /** Branch, tag, `HEAD` or commit to track; default `HEAD`. */
  targetRevision?: string;
  /** Directory inside the repository; default the root. Omit for a multi-source `ref` source. */
  path?: string;
  /** What `spec.source.repoURL` shows; default the `file://` URL of `repoPath`. */
  repoURL?: string;
  /** Include sub-directories of a Directory source (`directory.recurse`). */
  recurse?: boolean;
  /** Multi-source reference name (`$ref` for value files); such a source has no manifests. */
  ref?: string;
  /**
   * `spec.source.helm`: makes the source a Helm source (so does a `Chart.yaml` in `path`),
   * rendered with `helm template` by the simulator's `helmBin`.
   */
  helm?: HelmSourceConfig;
}

/** `spec.ignoreDifferences` entry, as the simulator takes it (see ResourceIgnoreDifferences). */
export type IgnoreDifference = ResourceIgnoreDifferences;

export interface AppConfig {
  name: string;
  /** Namespace of the Application object; default the simulator's `namespace`. */
  namespace?: string;
  project?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** One source (spec.source) … */
  source?: SourceConfig;
  /** … or several (spec.sources); sync revisions are then `revisions[]` in this order. */
  sources?: SourceConfig[];
  destination?: ApplicationDestination;
  /** Automated sync policy; default `true`. `false` makes a manual-sync app. */
  autoSync?: boolean | { prune?: boolean; selfHeal?: boolean };
  /**
   * `spec.syncPolicy.retry`: used by auto-sync (which otherwise retries 5 times) and by manual
   * syncs without a retryStrategy of their own (which otherwise do not retry). Only `limit`
   * counts; the delays come from `timings.retryBackoffMs`.
   */
  retry?: RetryStrategy;
  /** `spec.syncPolicy.syncOptions`, copied into operations as Argo CD does (not acted upon). */
  syncOptions?: string[];
  /** `spec.ignoreDifferences`; see IgnoreDifference for what is simulated. */
  ignoreDifferences?: IgnoreDifference[];
  /**
   * What runs when the app is created: `true` (default) the current tip of each source, a string
   * (or one per source) that revision, `false` nothing yet (health Missing, OutOfSync).
   */
  initiallyDeployed?: boolean | string | string[];
  timings?: Partial<SimTimings>;
  rules?: AppRules;
}

export interface NormalisedSource {
  repoPath: string;
  targetRevision: string;
  path: string | undefined;
  repoURL: string;
  recurse: boolean;
  ref: string | undefined;
  helm: HelmSourceConfig | undefined;
}

export interface NormalisedApp {
  name: string;
  namespace: string;
  project: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  multiSource: boolean;
  sources: NormalisedSource[];
  destination: ApplicationDestination;
  automated: { prune?: boolean; selfHeal?: boolean } | undefined;
  retry: RetryStrategy | undefined;
  syncOptions: string[] | undefined;
  ignoreDifferences: IgnoreDifference[];
  initiallyDeployed: boolean | string[];
  timings: SimTimings;
  isDegradedImage: (image: string) => boolean;
  isFailSyncImage: (image: string) => boolean;
  isFailAnalysisImage: (image: string) => boolean;
  failSyncMessage: string | undefined;
  failSync: AppRules['failSync'];
  comparisonError: AppRules['comparisonError'];
  /** The helm binary Helm sources render with; undefined makes them a ComparisonError. */
  helmBin: string | undefined;
}

export function normaliseApp(config: AppConfig, defaults: { namespace: string; timings: SimTimings; helmBin?: string }): NormalisedApp {
  const rawSources = config.sources ?? (config.source ? [config.source] : []);
  if (rawSources.length === 0) throw new Error(`app ${config.name}: give source or sources`);
  if (config.source && config.sources) throw new Error(`app ${config.name}: give source or sources, not both`);
  const sources = rawSources.map((source): NormalisedSource => {
    const repoPath = resolve(source.repoPath);
    return {
      repoPath,
      targetRevision: source.targetRevision ?? 'HEAD',
      path: source.path ?? (source.ref !== undefined ? undefined : '.'),
      repoURL: source.repoURL ?? pathToFileURL(repoPath).href,
      recurse: source.recurse ?? false,
      ref: source.ref,
      helm: source.helm ? structuredClone(source.helm) : undefined,
    };
  });
  const deployed = config.initiallyDeployed ?? true;
  const rules = config.rules ?? {};
  const automated = config.autoSync ?? true;
  return {
    name: config.name,
    namespace: config.namespace ?? defaults.namespace,
    project: config.project ?? 'default',
    labels: { ...config.labels },
    annotations: { ...config.annotations },
    multiSource: config.sources !== undefined,
    sources,
    destination: config.destination ?? { server: 'https://kubernetes.default.svc', namespace: 'default' },
    automated: automated === false ? undefined : automated === true ? { prune: false, selfHeal: false } : { ...automated },
    retry: config.retry,
    syncOptions: config.syncOptions ? [...config.syncOptions] : undefined,
    ignoreDifferences: structuredClone(config.ignoreDifferences ?? []),
    initiallyDeployed: typeof deployed === 'string' ? sources.map(() => deployed) : deployed,
    timings: { ...defaults.timings, ...config.timings },
    isDegradedImage: compileImageMatcher(rules.degradedImage === undefined ? { tagPrefix: 'broken-' } : rules.degradedImage),
    isFailSyncImage: compileImageMatcher(rules.failSyncImage),
    isFailAnalysisImage: compileImageMatcher(rules.failAnalysisImage === undefined ? { tagPrefix: 'failing-analysis-' } : rules.failAnalysisImage),
    failSyncMessage: rules.failSyncMessage,
    failSync: rules.failSync,
    comparisonError: rules.comparisonError,
    helmBin: defaults.helmBin,
  };
}
