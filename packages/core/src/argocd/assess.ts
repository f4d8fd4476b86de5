import { formatDuration } from '../text/duration';
import {
  describeConditions,
  describeHealth,
  describeOperation,
  describeRevisionGap,
  describeSyncStatus,
  type ComparedRevision,
} from './assess-text';
import { revisionMatcher, sameCommit, type DescendantPredicate, type RevisionMatcher } from './revision-match';
import { operationRevisionAt, revisionAt, selectSources, short, sourceLayout, type SourceLayout, type SourceSelector } from './sources';
import type { Application, OperationState } from './types';

/**
 * Decides, from one Application object, whether a deployment is done, failed for good, or still
 * on its way. Pure: time, memory between calls and git ancestry come in through `context`, so the
 * same inputs always give the same answer and the waiting loop lives in the step.
 *
 * With `expectation.revision` (commit X) it implements "the app runs commit X" (CONTRACT.md):
 *   1. no top-level `operation`;
 *   2. a selected source's `sync.revision` (`revisions[i]`) is X, or a descendant of X;
 *   3. `sync.status` Synced and `health.status` Healthy;
 *   4. if `operationState` exists: phase Succeeded, `syncResult.revision(s)` X or a descendant, and
 *      `reconciledAt >= finishedAt` — except that an app Synced at X whose last sync succeeded for
 *      an older commit runs X too: X did not change its manifests, so no sync was needed.
 * Without it: `argocd app wait` (no operation, Synced, Healthy), plus the failures that command
 * misses, tied to the revision the app currently compares.
 *
 * Which source is "ours" (multi-source): `expectation.source` narrows the candidates to one index
 * or to every source of one repository; without it every source is a candidate. Ours are the
 * candidates whose compared revision is X or a descendant, and one is enough: sources of the same
 * repository and branch are resolved in the same comparison and move together, and a source of
 * that repository pinned elsewhere (a tag) never moves, so requiring all would wait forever.
 *
 * Terminal failures, and how stale state is kept from failing a fix:
 *   - the application is being deleted, or has an `InvalidSpecError` (Argo CD checks the spec
 *     before reading git, so no commit can clear it; only a change to the Application can);
 *   - `operationState.phase` Failed/Error, with no new operation queued, for an operation whose
 *     commit (syncResult, else the requested revision) is X or a descendant and is still the
 *     commit compared for that source. A failed operation for an older commit, for a commit
 *     already superseded by a newer comparison (its sync may fix it), or for an unknown commit
 *     (`HEAD`), is shown while waiting;
 *   - any other condition whose type ends in `Error`, once the conditions come from a comparison
 *     of X: a selected source's compared revision is X (or a descendant), or no source has a
 *     compared revision (a failed comparison records none) and `reconciledAt >= context.since`.
 *     Conditions carry no revision and are recomputed on every reconcile, so before that they may
 *     describe the commit we are replacing: they are shown while waiting, not failed on;
 *   - health Degraded after our commit was applied (rules 1, 2 and 4 hold) for at least
 *     `degradedGraceMs`, measured from when the caller first saw it Degraded at that commit.
 */

export interface Expectation {
  /** Commit X the app must run; abbreviated commits (7+ hex digits) are accepted. */
  revision?: string;
  /** Which source(s) X lives in (see above); default: all. Ignored without `revision`. */
  source?: SourceSelector;
  /** How long Degraded is tolerated once our commit is applied; default 0 (fail at once). */
  degradedGraceMs?: number;
  /**
   * Health Suspended (a Rollout paused at a canary or blue-green step) once our commit is applied
   * and Synced: `wait` (default) for it to be promoted, `succeed` (the paused step is the goal),
   * or `fail`.
   */
  suspended?: SuspendedPolicy;
}

export type SuspendedPolicy = 'wait' | 'succeed' | 'fail';

/** What `assess` needs to remember between calls; pass the last `Assessment.memory` back. */
export interface AssessMemory {
  /**
   * When Degraded was first seen at the applied revision(s) named by `key`. Kept while health is
   * something else in between, so an app flapping between Progressing and Degraded still uses up
   * its grace; a different applied revision starts a new clock.
   */
  degraded?: { key: string; since: number };
}

export interface AssessContext {
  /** Current time, ms since the epoch. */
  now: number;
  /** The previous call's `memory` for the same app and expectation. */
  memory?: AssessMemory;
  /** Without it only X itself matches, never a descendant. */
  isDescendant?: DescendantPredicate;
  /**
   * When X became visible to Argo CD (ms since the epoch, after the push). Lets a failed
   * comparison, which records no revision, count as a comparison of X. Compared with the
   * server's clock, so pass a moment safely after the push.
   */
  since?: number;
}

export type AssessState = 'waiting' | 'success' | 'failure';

export interface Assessment {
  state: AssessState;
  /** One line for the log, starting with the app's name. */
  reason: string;
  /** While waiting: the first unmet condition, e.g. "health is Progressing". */
  waitingFor?: string;
  /** Give back as `context.memory` next time. */
  memory: AssessMemory;
  /** Commits `isDescendant` could not place: fetch them, then assess again. */
  unknownAncestry: string[];
  /** The revision of our source the app compares (revision mode: the one matching X). */
  revision?: string;
  /**
   * Revision mode: X is applied (rules 1, 2 and 4 hold), so the app's health is X's. Before that
   * it is the health of the manifests X replaces.
   */
  applied?: boolean;
}

export function assess(app: Application, expectation: Expectation, context: AssessContext): Assessment {
  const name = app.metadata.name;
  if (app.metadata.deletionTimestamp !== undefined) {
    return failure(`${name}: the application is being deleted (since ${app.metadata.deletionTimestamp})`);
  }
  const invalidSpec = app.status.conditions.filter((condition) => condition.type === 'InvalidSpecError');
  if (invalidSpec.length > 0) return failure(`${name}: ${describeConditions(invalidSpec)}`);
  const result =
    expectation.revision === undefined
      ? assessAppWait(app, expectation, context)
      : assessRevision(app, expectation.revision, expectation, context);
  return result.state === 'waiting' && !result.memory.degraded ? { ...result, memory: carried(context) } : result;
}

function assessRevision(app: Application, expected: string, expectation: Expectation, context: AssessContext): Assessment {
  const name = app.metadata.name;
  const layout = sourceLayout(app);
  const selected = selectSources(layout, expectation.source);
  if ('problem' in selected) return failure(`${name}: ${selected.problem}`);
  const matcher = revisionMatcher(expected, context.isDescendant);
  const { status } = app;
  const compared = comparedRevisions(app, layout, selected.indexes);
  const ours = compared.flatMap((entry) => (matcher.matches(entry.revision) ? [{ index: entry.index, revision: entry.revision }] : []));
  const state = status.operationState;
  const idle = app.operation === undefined;
  const want = short(expected);
  const finish = (result: Assessment): Assessment => ({
    ...result,
    unknownAncestry: [...matcher.unknown],
  });

  if (idle && state && isFailedPhase(state.phase)) {
    // Once a newer commit is compared for that source, a sync of it may still fix things: wait.
    const attempted = compared
      .map((entry) => ({ entry, tried: operationRevisionAt(layout, state, entry.index) }))
      .find(({ entry, tried }) => matcher.matches(tried) && (entry.revision === undefined || sameCommit(entry.revision, tried)))?.tried;
    if (attempted !== undefined) {
      return finish(failureResult(`${name}: the sync of ${short(attempted)} ended ${state.phase}: ${state.message ?? 'no message'}`, attempted));
    }
  }

  const errors = errorConditions(app);
  const comparedOurs = ours.length > 0 || (compared.every((entry) => entry.revision === undefined) && reconciledSince(status.reconciledAt, context.since));
  if (errors.length > 0 && comparedOurs) {
    return finish(failureResult(`${name}: ${describeConditions(errors)}`, ours[0]?.revision));
  }
  // Shown while waiting: an error that may belong to the commit X replaces, or a failed older sync.
  const notes: string[] = [];
  if (errors.length > 0) notes.push(`${describeConditions(errors)} (reported before ${want} was compared)`);

  if (!idle) return finish(waitingResult(name, describeOperation(app, layout, selected.indexes), notes));
  const [first] = ours;
  if (first === undefined) return finish(waitingResult(name, describeRevisionGap(layout, compared, expected, matcher), notes));
  const revision = first.revision;

  if (state) {
    // Synced at X after a sync that succeeded: the live state is X's manifests. When X left this
    // app's manifests unchanged, Argo CD starts no sync, so the last syncResult stays on an older
    // commit; waiting for one would never end (a selector spanning apps whose files this commit
    // did not touch). A failed last sync is not excused: its hooks (smoke tests) may have failed.
    // Rule 4's reconcile-after-finish check still applies.
    const unchangedByX = status.sync.status === 'Synced' && state.phase === 'Succeeded';
    const unmet = unchangedByX ? undefined : operationStateGap(state, layout, ours, matcher, want);
    if (unmet !== undefined) return finish({ ...waitingResult(name, unmet, notes), revision });
    if (!reconciledAfter(status.reconciledAt, state.finishedAt)) {
      const last = status.reconciledAt ? `last reconcile at ${status.reconciledAt}` : 'no reconcile recorded';
      return finish({ ...waitingResult(name, `waiting for a reconcile after the sync finished at ${state.finishedAt} (${last})`, notes), revision });
    }
  }

  // Our commit is applied: from here on Degraded is ours, and the health is our commit's.
  const applied = (result: Assessment): Assessment => finish({ ...result, applied: true });
  const key = ours.map((entry) => entry.revision).join(',');
  if (status.health.status === 'Degraded') {
    return applied(degraded(app, key, `${short(revision)} was applied`, expectation, context, revision));
  }
  if (status.sync.status !== 'Synced') return applied({ ...waitingResult(name, describeSyncStatus(app), notes), revision });
  const suspended = suspendedVerdict(app, expectation, `runs ${short(revision)}`, revision);
  if (suspended) return applied(suspended);
  if (status.health.status !== 'Healthy') return applied({ ...waitingResult(name, describeHealth(app), notes), revision });
  const descendant = matcher.classify(revision) === 'descendant' ? `, a descendant of ${want}` : '';
  return applied({ state: 'success', reason: `${name} runs ${short(revision)}${descendant} (Synced, Healthy)`, memory: {}, unknownAncestry: [], revision });
}

/** Rule 4 before the reconcile check: the last operation succeeded, for our commit. */
function operationStateGap(
  state: OperationState,
  layout: SourceLayout,
  ours: readonly ComparedRevision[],
  matcher: RevisionMatcher,
  want: string,
): string | undefined {
  const synced = ours.map((entry) => (state.syncResult ? revisionAt(layout, state.syncResult.revision, state.syncResult.revisions, entry.index) : undefined));
  if (state.phase !== 'Succeeded') {
    const of = synced.find((entry) => entry !== undefined) ?? operationRevisionAt(layout, state, ours[0]?.index ?? 0);
    const what = `last operation ${state.phase ?? 'has no phase'}${of ? ` (revision ${short(of)})` : ''}`;
    return isFailedPhase(state.phase)
      ? `${what}: ${state.message ?? 'no message'}; waiting for a sync of ${want}`
      : `${what}, waiting for it to finish`;
  }
  if (synced.some((entry) => matcher.matches(entry))) return undefined;
  const last = synced.find((entry) => entry !== undefined);
  // Argo CD only syncs when the commit changes this app's manifests; say so, or the wait looks stuck.
  return `${last ? `last sync was of ${short(last)}` : 'last sync recorded no revision'}, waiting for a sync of ${want} (none starts if ${want} leaves this app's manifests unchanged)`;
}

function assessAppWait(app: Application, expectation: Expectation, context: AssessContext): Assessment {
  const name = app.metadata.name;
  const layout = sourceLayout(app);
  const indexes = layout.sources.map((_, index) => index);
  const { status } = app;
  const compared = comparedRevisions(app, layout, indexes);
  const current = compared.map((entry) => entry.revision).filter((entry): entry is string => entry !== undefined);
  const state = status.operationState;
  const idle = app.operation === undefined;
  const revision = current[0];

  // Without X, "ours" is what the app compares now: an operation that failed on that commit.
  if (idle && state && isFailedPhase(state.phase)) {
    const attempted = indexes
      .map((index) => operationRevisionAt(layout, state, index))
      .find((entry) => entry !== undefined && current.some((now) => sameCommit(entry, now)));
    if (attempted !== undefined) {
      return failureResult(`${name}: the sync of ${short(attempted)} ended ${state.phase}: ${state.message ?? 'no message'}`, attempted);
    }
  }
  const errors = errorConditions(app);
  if (errors.length > 0) return failureResult(`${name}: ${describeConditions(errors)}`, revision);
  if (!idle) return { ...waitingResult(name, describeOperation(app, layout, indexes), []), revision };
  const settled = !state || (!isActivePhase(state.phase) && reconciledAfter(status.reconciledAt, state.finishedAt));
  // OutOfSync may still be synced away (automated sync); Degraded at a settled Synced state is final.
  if (status.health.status === 'Degraded' && status.sync.status === 'Synced' && settled) {
    return degraded(app, current.join(',') || '(no revision)', `the last sync`, expectation, context, revision);
  }
  if (status.sync.status !== 'Synced') return { ...waitingResult(name, describeSyncStatus(app), []), revision };
  const suspended = settled ? suspendedVerdict(app, expectation, `is Synced${revision ? ` at ${short(revision)}` : ''}`, revision) : undefined;
  if (suspended) return suspended;
  if (status.health.status !== 'Healthy') return { ...waitingResult(name, describeHealth(app), []), revision };
  const at = revision ? ` at ${short(revision)}` : '';
  return { state: 'success', reason: `${name} is Synced and Healthy${at} with no operation running`, memory: {}, unknownAncestry: [], revision };
}

/** Suspended once Synced, under `suspended: succeed | fail`; undefined to go on (`wait`, or not Suspended). */
function suspendedVerdict(app: Application, expectation: Expectation, what: string, revision: string | undefined): Assessment | undefined {
  const policy = expectation.suspended ?? 'wait';
  if (app.status.health.status !== 'Suspended' || policy === 'wait') return undefined;
  const name = app.metadata.name;
  if (policy === 'succeed') {
    return { state: 'success', reason: `${name} ${what} (Synced, Suspended: a paused rollout, accepted by suspended: succeed)`, memory: {}, unknownAncestry: [], revision };
  }
  return failureResult(`${name}: ${describeHealth(app)} (suspended: fail)`, revision);
}

/** Degraded at an applied revision: waiting inside the grace period, failure after it. */
function degraded(
  app: Application,
  key: string,
  after: string,
  expectation: Expectation,
  context: AssessContext,
  revision: string | undefined,
): Assessment {
  const name = app.metadata.name;
  const remembered = context.memory?.degraded;
  const since = remembered && remembered.key === key && remembered.since <= context.now ? remembered.since : context.now;
  const elapsed = context.now - since;
  const grace = Math.max(0, expectation.degradedGraceMs ?? 0);
  const message = app.status.health.message ? `: ${app.status.health.message}` : '';
  if (elapsed >= grace) {
    const forHow = grace > 0 ? ` for ${formatDuration(elapsed)}` : '';
    return failureResult(`${name}: health is Degraded${forHow} after ${after}${message}`, revision);
  }
  const waitingFor = `health is Degraded${message} (for ${formatDuration(elapsed)}; failing after ${formatDuration(grace)})`;
  return { ...waitingResult(name, waitingFor, []), memory: { degraded: { key, since } }, revision };
}

/** See {@link AssessMemory}: `degraded()` ignores a remembered key that is no longer applied. */
function carried(context: AssessContext): AssessMemory {
  return context.memory?.degraded ? { degraded: context.memory.degraded } : {};
}

function comparedRevisions(app: Application, layout: SourceLayout, indexes: readonly number[]): ComparedRevision[] {
  const { sync } = app.status;
  return indexes.map((index) => ({ index, revision: revisionAt(layout, sync.revision, sync.revisions, index) }));
}

function errorConditions(app: Application) {
  return app.status.conditions.filter((condition) => condition.type.endsWith('Error') && condition.type !== 'InvalidSpecError');
}

function isFailedPhase(phase: string | undefined): boolean {
  return phase === 'Failed' || phase === 'Error';
}

function isActivePhase(phase: string | undefined): boolean {
  return phase === 'Running' || phase === 'Terminating';
}

/** `reconciledAt >= finishedAt`; an operation without `finishedAt` has nothing to be after. */
function reconciledAfter(reconciledAt: string | undefined, finishedAt: string | undefined): boolean {
  const finished = finishedAt === undefined ? Number.NaN : Date.parse(finishedAt);
  if (Number.isNaN(finished)) return true;
  const reconciled = reconciledAt === undefined ? Number.NaN : Date.parse(reconciledAt);
  return !Number.isNaN(reconciled) && reconciled >= finished;
}

function reconciledSince(reconciledAt: string | undefined, since: number | undefined): boolean {
  if (since === undefined || reconciledAt === undefined) return false;
  const reconciled = Date.parse(reconciledAt);
  return !Number.isNaN(reconciled) && reconciled >= since;
}

function failure(reason: string): Assessment {
  return failureResult(reason, undefined);
}

function failureResult(reason: string, revision: string | undefined): Assessment {
  return { state: 'failure', reason, memory: {}, unknownAncestry: [], revision };
}

function waitingResult(name: string, waitingFor: string, notes: readonly string[]): Assessment {
  const extra = notes.length > 0 ? `; ${notes.join('; ')}` : '';
  return { state: 'waiting', reason: `${name}: ${waitingFor}${extra}`, waitingFor, memory: {}, unknownAncestry: [] };
}
