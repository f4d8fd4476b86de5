/**
 * One simulated Application: the object the API serves plus the controller's own bookkeeping
 * (live state, last comparison, last sync attempt) that real Argo CD keeps in its caches.
 */
import { randomUUID } from 'node:crypto';
import { resourceKey, type ManifestResource } from './manifest-parse.js';
import { resourceHealth, worseHealth, type LiveState } from './live-state.js';
import type { NormalisedApp } from './options.js';
import { formatTime } from './time.js';
import type {
  Application,
  ApplicationSource,
  HealthStatusCode,
  OperationPhase,
  ResourceStatus,
  SyncStatusCode,
} from './types.js';

export const REFRESH_ANNOTATION = 'argocd.argoproj.io/refresh';

/** The outcome of the last comparison with git. */
export interface Comparison {
  /** Resolved commit per source; undefined when the revision could not be resolved or loaded. */
  revisions: string[] | undefined;
  /** Desired resources; undefined when manifests could not be generated. */
  target: ManifestResource[] | undefined;
  status: SyncStatusCode;
  sourceTypes: string[];
  error?: string;
}

export interface SyncAttempt {
  revisions: string[];
  phase: OperationPhase;
  message: string;
}

export class SimApp {
  readonly key: string;
  readonly app: Application;
  live: LiveState = { revisions: undefined, resources: [], generation: 0 };
  comparison: Comparison | undefined;
  lastAttempt: SyncAttempt | undefined;
  deleted = false;
  /** Set while an operation's stages are being run, so only one runner exists per app. */
  operationRunning = false;

  constructor(
    readonly config: NormalisedApp,
    now: Date,
  ) {
    this.key = appKey(config.namespace, config.name);
    const sources = config.sources.map(specSource);
    this.app = {
      metadata: {
        name: config.name,
        namespace: config.namespace,
        uid: randomUUID(),
        resourceVersion: '0',
        generation: 1,
        creationTimestamp: formatTime(now),
        ...(Object.keys(config.labels).length > 0 ? { labels: { ...config.labels } } : {}),
        ...(Object.keys(config.annotations).length > 0 ? { annotations: { ...config.annotations } } : {}),
      },
      spec: {
        ...(config.multiSource ? { sources } : { source: sources[0] }),
        destination: { ...config.destination },
        project: config.project,
        ...(config.automated || config.retry || config.syncOptions
          ? {
              syncPolicy: {
                ...(config.automated ? { automated: { ...config.automated } } : {}),
                ...(config.syncOptions ? { syncOptions: [...config.syncOptions] } : {}),
                ...(config.retry ? { retry: structuredClone(config.retry) } : {}),
              },
            }
          : {}),
        ...(config.ignoreDifferences.length > 0 ? { ignoreDifferences: structuredClone(config.ignoreDifferences) } : {}),
      },
      status: {
        sync: { status: 'Unknown', comparedTo: this.comparedTo() },
        health: {},
        summary: {},
        sourceHydrator: {},
      },
    };
  }

  get name(): string {
    return this.config.name;
  }

  comparedTo(): Application['status']['sync']['comparedTo'] {
    const spec = this.config.sources.map(specSource);
    return {
      ...(this.config.multiSource ? { sources: spec } : { source: spec[0] }),
      destination: { ...this.config.destination },
    };
  }

  /** `revision` or `revisions` as the app's source count calls for. */
  revisionFields(revisions: readonly string[]): { revision?: string; revisions?: string[] } {
    return this.config.multiSource ? { revisions: [...revisions] } : { revision: revisions[0] ?? '' };
  }

  sourceFields(): { source?: ApplicationSource; sources?: ApplicationSource[] } {
    const spec = this.config.sources.map(specSource);
    return this.config.multiSource ? { sources: spec } : { source: spec[0] };
  }

  /**
   * Recomputes what follows from live state and the last comparison: `status.resources`
   * (sync status per resource and inline health), `status.health`, `summary.images`.
   */
  renderDerived(now: Date): void {
    const status = this.app.status;
    const comparison = this.comparison;
    const liveByKey = new Map(this.live.resources.map((resource) => [resourceKey(resource), resource]));
    const targetByKey = new Map((comparison?.target ?? []).map((resource) => [resourceKey(resource), resource]));
    const keys = [...new Set([...targetByKey.keys(), ...liveByKey.keys()])];
    const rows: ResourceStatus[] = [];
    let health: HealthStatusCode = 'Healthy';
    for (const key of keys) {
      const live = liveByKey.get(key);
      const target = targetByKey.get(key);
      const identity = (live ?? target) as ManifestResource;
      const row: ResourceStatus = {
        ...(identity.group ? { group: identity.group } : {}),
        version: identity.version,
        kind: identity.kind,
        ...(identity.namespace ? { namespace: identity.namespace } : {}),
        name: identity.name,
      };
      if (comparison?.target === undefined) row.status = 'Unknown';
      else row.status = live && target && live.hash === target.hash ? 'Synced' : 'OutOfSync';
      if (live && !target && comparison?.target !== undefined) row.requiresPruning = true;
      const resourceHealthStatus = live ? resourceHealth(live) : target ? { status: 'Missing' as const } : undefined;
      if (resourceHealthStatus) {
        row.health = resourceHealthStatus;
        // A resource about to be pruned no longer counts towards the app's health.
        if (!row.requiresPruning) health = worseHealth(health, resourceHealthStatus.status);
      }
      rows.push(row);
    }
    rows.sort((a, b) => `${a.kind}/${a.name}`.localeCompare(`${b.kind}/${b.name}`));
    if (rows.length > 0) status.resources = rows;
    else delete status.resources;
    const previous = 'status' in status.health ? status.health : undefined;
    if (previous?.status !== health) status.health = { status: health, lastTransitionTime: formatTime(now) };
    const images = [...new Set(this.live.resources.flatMap((resource) => resource.images.map((entry) => entry.image)))].sort();
    status.summary = images.length > 0 ? { images } : {};
  }
}

export function appKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

function specSource(source: NormalisedApp['sources'][number]): ApplicationSource {
  return {
    repoURL: source.repoURL,
    ...(source.path !== undefined ? { path: source.path } : {}),
    targetRevision: source.targetRevision,
    ...(source.ref !== undefined ? { ref: source.ref } : {}),
    ...(source.recurse ? { directory: { recurse: true } } : {}),
    ...(source.helm ? { helm: structuredClone(source.helm) } : {}),
  };
}
