import type { RevisionMatcher } from './revision-match';
import { operationRevisionAt, revisionAt, revisionField, short, type SourceLayout } from './sources';
import type { Application, ApplicationCondition } from './types';

/** The sentences `assess` puts in `waitingFor` and `reason`: what a CI log shows while waiting. */

export interface ComparedRevision {
  index: number;
  revision: string | undefined;
}

/** Why none of the selected sources is at the expected commit yet. */
export function describeRevisionGap(
  layout: SourceLayout,
  compared: readonly ComparedRevision[],
  expected: string,
  matcher: RevisionMatcher,
): string {
  const want = short(expected);
  const field = (entry: ComparedRevision): string => revisionField(layout, 'sync', entry.index);
  const unplaced = compared.filter((entry) => entry.revision !== undefined && matcher.unknown.includes(entry.revision));
  if (unplaced.length > 0) {
    const which = unplaced.map((entry) => `${field(entry)} ${short(entry.revision ?? '')}`).join(', ');
    return `cannot tell yet whether ${which} descends from ${want} (that commit is not in the checkout yet)`;
  }
  const [only] = compared;
  if (compared.length === 1 && only) {
    return only.revision === undefined
      ? `${field(only)} is not set yet (Argo CD has not compared the app), waiting for ${want}`
      : `${field(only)} is ${short(only.revision)}, waiting for ${want}`;
  }
  const seen = compared.map((entry) => `${field(entry)} ${entry.revision === undefined ? 'not set' : short(entry.revision)}`);
  return `no source is at ${want} yet (${seen.join(', ')})`;
}

/** `operation Running (syncing 2222222)`, `operation queued (dry-run sync of 041eab7)`. */
export function describeOperation(app: Application, layout: SourceLayout, indexes: readonly number[]): string {
  const state = app.status.operationState;
  const active = state !== undefined && (state.phase === 'Running' || state.phase === 'Terminating');
  const requested = app.operation?.sync;
  const revision = indexes
    .map((index) =>
      active && state
        ? operationRevisionAt(layout, state, index)
        : requested
          ? revisionAt(layout, requested.revision, requested.revisions, index)
          : undefined,
    )
    .find((entry) => entry !== undefined);
  const dryRun = (active ? state?.operation?.sync?.dryRun : requested?.dryRun) ? 'dry-run ' : '';
  if (active && state) {
    const retry = state.retryCount ? `, retry ${state.retryCount}${state.message ? `: ${state.message}` : ''}` : '';
    const what = revision ? `${dryRun}syncing ${short(revision)}` : `${dryRun}syncing`;
    return `operation ${state.phase} (${what}${retry})`;
  }
  return `operation queued (${dryRun}sync${revision ? ` of ${short(revision)}` : ''})`;
}

export function describeSyncStatus(app: Application): string {
  const status = app.status.sync.status;
  if (status === undefined) return 'sync.status is not known yet (Argo CD has not reconciled the app)';
  const automated = app.spec.syncPolicy?.automated;
  if (status === 'OutOfSync' && (!automated || automated.enabled === false)) {
    return 'sync.status is OutOfSync (automated sync is off: someone must sync the app)';
  }
  return `sync.status is ${status}`;
}

export function describeHealth(app: Application): string {
  const { status, message } = app.status.health;
  const detail = message ? `: ${message}` : '';
  switch (status) {
    case undefined:
      return 'health is not assessed yet';
    case 'Suspended':
      return `health is Suspended (a paused rollout or suspended resource waits to be resumed)${detail}`;
    case 'Missing':
      return `health is Missing (resources not created yet)${detail}`;
    default:
      return `health is ${status}${detail}`;
  }
}

export function describeConditions(conditions: readonly ApplicationCondition[]): string {
  return conditions.map((condition) => (condition.message ? `${condition.type}: ${condition.message}` : condition.type)).join('; ');
}
