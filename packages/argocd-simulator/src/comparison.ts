/**
 * What one reconciliation writes into an Application: the comparison with git (sync status,
 * revision, ComparisonError) and the auto-sync decision, following Argo CD's controller rules.
 */
import { resourceKey } from './manifest-parse.js';
import type { SimApp } from './sim-app.js';
import type { TargetResult } from './target-state.js';
import { formatTime } from './time.js';
import type { Application, ApplicationCondition, Operation, SyncStatusCode } from './types.js';

export function applyComparison(sim: SimApp, target: TargetResult, now: Date): void {
  const status = syncStatusOf(sim, target);
  sim.comparison = {
    revisions: target.revisions,
    target: target.resources,
    status,
    sourceTypes: target.sourceTypes,
    ...(target.error !== undefined ? { error: target.error } : {}),
  };
  const app = sim.app;
  // As in Argo CD, a comparison that could not generate manifests reports no revision at all.
  const revisions = target.resources !== undefined ? target.revisions : undefined;
  app.status.sync = { status, comparedTo: sim.comparedTo(), ...(revisions ? sim.revisionFields(revisions) : {}) };
  delete app.status.sourceType;
  delete app.status.sourceTypes;
  if (target.resources !== undefined) {
    if (sim.config.multiSource) app.status.sourceTypes = [...target.sourceTypes];
    else if (target.sourceTypes[0]) app.status.sourceType = target.sourceTypes[0];
  }
  setCondition(app, 'ComparisonError', target.error, now);
  app.status.reconciledAt = formatTime(now);
  sim.renderDerived(now);
}

function syncStatusOf(sim: SimApp, target: TargetResult): SyncStatusCode {
  if (target.resources === undefined) return 'Unknown';
  const live = new Map(sim.live.resources.map((resource) => [resourceKey(resource), resource.hash]));
  if (live.size !== target.resources.length) return 'OutOfSync';
  for (const resource of target.resources) {
    if (live.get(resourceKey(resource)) !== resource.hash) return 'OutOfSync';
  }
  return 'Synced';
}

/**
 * Argo CD's autoSync: sync an OutOfSync app to the compared revision unless an operation is
 * already there or the last attempt was to that same revision — a failed one turns into a
 * SyncError condition instead of a retry loop. Returns whether an operation was started.
 */
export function decideAutoSync(sim: SimApp, now: Date): boolean {
  const app = sim.app;
  const automated = sim.config.automated;
  const comparison = sim.comparison;
  if (!automated) return false;
  if (app.operation || comparison?.status !== 'OutOfSync' || !comparison.revisions) {
    if (comparison?.status !== 'OutOfSync') setCondition(app, 'SyncError', undefined, now);
    return false;
  }
  const desired = comparison.revisions;
  const attempt = sim.lastAttempt;
  if (attempt && attempt.revisions.join(',') === desired.join(',')) {
    const failed = attempt.phase === 'Failed' || attempt.phase === 'Error';
    setCondition(app, 'SyncError', failed ? `Failed last sync attempt to [${desired.join(' ')}]: ${attempt.message}` : undefined, now);
    return false;
  }
  setCondition(app, 'SyncError', undefined, now);
  const operation: Operation = {
    sync: {
      ...sim.revisionFields(desired),
      ...(automated.prune ? { prune: true } : {}),
      ...(sim.config.syncOptions ? { syncOptions: [...sim.config.syncOptions] } : {}),
    },
    initiatedBy: { automated: true },
    retry: structuredClone(sim.config.retry ?? { limit: 5 }),
  };
  app.operation = operation;
  return true;
}

/** Sets (or with `message` undefined, clears) the one condition of `type`, keeping its transition time. */
export function setCondition(app: Application, type: string, message: string | undefined, now: Date): void {
  const others = (app.status.conditions ?? []).filter((condition) => condition.type !== type);
  const existing = app.status.conditions?.find((condition) => condition.type === type);
  const next: ApplicationCondition[] = [...others];
  if (message !== undefined) {
    next.push({
      type,
      message,
      lastTransitionTime: existing?.message === message && existing.lastTransitionTime ? existing.lastTransitionTime : formatTime(now),
    });
  }
  if (next.length > 0) app.status.conditions = next;
  else delete app.status.conditions;
}
