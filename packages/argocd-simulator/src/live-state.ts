/**
 * The simulated cluster side of an Application: which resources are deployed, from which
 * revision, and how far their rollout has got. Health messages are gitops-engine's, so a client
 * explaining a Degraded app meets the wording a real cluster produces.
 */
import { createHash } from 'node:crypto';
import type { ManifestResource } from './manifest-parse.js';
import type { HealthStatusCode } from './types.js';

export interface LiveResource extends ManifestResource {
  uid: string;
  createdAt: string;
  resourceVersion: string;
  /** `metadata.generation`: 1 when created, +1 whenever an apply changed it. */
  objectGeneration: number;
  /** `progressing` right after apply; `settled` once the rollout time has passed. */
  rollout: 'progressing' | 'settled';
  /** Whether a degraded-image rule matched one of its images when it was applied. */
  broken: boolean;
  /** An Argo Rollout walking its canary steps after an update (see rollouts.ts). */
  canary?: CanaryState;
}

/** Where a canary stands, as the Rollout's `status` reports it. */
export interface CanaryState {
  phase: 'Progressing' | 'Paused' | 'Degraded' | 'Healthy';
  /** `status.currentStepIndex`: the step being run (the pause step while paused). */
  stepIndex: number;
  /** The pause in effect: `startTime`, and how long when the step gives a duration. */
  pause?: { startTime: string; durationMs?: number };
  /** A blue-green Rollout: it pauses (`BlueGreenPause`) before the switch instead of walking steps. */
  blueGreen?: boolean;
  /** `status.message` of an aborted Rollout. */
  abortMessage?: string;
  analysisRuns: AnalysisRunState[];
}

export interface AnalysisRunState {
  name: string;
  uid: string;
  createdAt: string;
  phase: 'Running' | 'Successful' | 'Failed';
  metric: string;
  /** The failed run's `status.message`. */
  message?: string;
  /** The failed measurement's value. */
  value?: string;
}

export interface LiveState {
  /** Commit per source that was last applied; undefined before the first sync. */
  revisions: string[] | undefined;
  resources: LiveResource[];
  /** Bumped on every apply, so a rollout timer of an older apply knows it is stale. */
  generation: number;
}

export interface ResourceHealth {
  status: HealthStatusCode;
  message?: string;
}

const HEALTH_ORDER: readonly HealthStatusCode[] = ['Healthy', 'Suspended', 'Progressing', 'Missing', 'Degraded', 'Unknown'];

export function worseHealth(a: HealthStatusCode, b: HealthStatusCode): HealthStatusCode {
  return HEALTH_ORDER.indexOf(b) > HEALTH_ORDER.indexOf(a) ? b : a;
}

// Kinds that are healthy as soon as they exist; kinds in neither list have no health at all
// (ConfigMap, Secret, RBAC…), exactly as Argo CD leaves them without a health check.
const ALWAYS_HEALTHY = new Set([
  'Service',
  'Ingress',
  'PersistentVolumeClaim',
  'HorizontalPodAutoscaler',
  'CronJob',
  'Namespace',
  'PodDisruptionBudget',
]);

export function resourceHealth(resource: LiveResource): ResourceHealth | undefined {
  const settled = resource.rollout === 'settled';
  const { name } = resource;
  switch (resource.kind) {
    case 'Deployment':
      if (!settled) return { status: 'Progressing', message: 'Waiting for rollout to finish: 0 of 1 updated replicas are available...' };
      if (resource.broken) return { status: 'Degraded', message: `Deployment "${name}" exceeded its progress deadline` };
      return { status: 'Healthy' };
    case 'Rollout':
      if (resource.canary) {
        const canaryHealth = canaryRolloutHealth(resource.canary);
        if (canaryHealth) return canaryHealth;
      }
      if (!settled) return { status: 'Progressing', message: 'more replicas need to be updated' };
      if (resource.broken) {
        return { status: 'Degraded', message: `ProgressDeadlineExceeded: ReplicaSet "${replicaSetName(resource)}" has timed out progressing.` };
      }
      return { status: 'Healthy' };
    case 'StatefulSet':
      // A crash-looping pod never becomes ready, and a StatefulSet has no progress deadline.
      if (!settled || resource.broken) return { status: 'Progressing', message: 'Waiting for 1 pods to be ready...' };
      return { status: 'Healthy', message: `statefulset rolling update complete 1 pods at revision ${name}-${resource.hash.slice(0, 10)}...` };
    case 'DaemonSet':
      if (!settled || resource.broken) {
        return { status: 'Progressing', message: `Waiting for daemon set "${name}" rollout to finish: 0 of 1 updated pods are available...` };
      }
      return { status: 'Healthy' };
    case 'Job':
      if (!settled) return { status: 'Progressing' };
      if (resource.broken) return { status: 'Degraded', message: 'Job has reached the specified backoff limit' };
      return { status: 'Healthy', message: 'job completed' };
    case 'Pod':
      return podHealth(resource, resource.images[0]?.container ?? name, name);
    default:
      return ALWAYS_HEALTHY.has(resource.kind) ? { status: 'Healthy' } : undefined;
  }
}

/**
 * Argo CD's Rollout health check (resource_customizations/argoproj.io/Rollout/health.lua): a
 * pause condition makes it Suspended with the condition's reason, an abort Degraded with the
 * Rollout's message. Undefined once the canary finished: the usual rollout health then applies.
 */
function canaryRolloutHealth(canary: CanaryState): ResourceHealth | undefined {
  switch (canary.phase) {
    case 'Paused':
      return { status: 'Suspended', message: canary.blueGreen ? 'BlueGreenPause' : 'CanaryPauseStep' };
    case 'Degraded':
      return { status: 'Degraded', message: canary.abortMessage ?? 'Rollout is aborted' };
    case 'Progressing':
      return { status: 'Progressing', message: 'more replicas need to be updated' };
    default:
      return undefined;
  }
}

/** AnalysisRun health as Argo CD's check gives it: Failed is Degraded with the run's message. */
export function analysisRunHealth(run: AnalysisRunState): ResourceHealth {
  if (run.phase === 'Failed') return { status: 'Degraded', message: run.message ?? 'Analysis failed' };
  return run.phase === 'Successful' ? { status: 'Healthy' } : { status: 'Progressing' };
}

export function podHealth(resource: LiveResource, container: string, podName: string): ResourceHealth {
  if (resource.rollout !== 'settled') return { status: 'Progressing' };
  if (resource.broken) {
    return { status: 'Degraded', message: `back-off 5m0s restarting failed container=${container} pod=${podName}_${resource.namespace}` };
  }
  return { status: 'Healthy' };
}

/** Pod-template-hash-like suffix: changes whenever the resource's content does. */
export function replicaSetName(resource: LiveResource): string {
  return `${resource.name}-${resource.hash.slice(0, 10)}`;
}

/** A UUID-shaped id derived from a seed, so child objects keep their uid across renders. */
export function stableUid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
