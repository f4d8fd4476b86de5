import type { ResourceNode } from '../../argocd';
import { repoURLOfRevision } from '../../argocd/sources';
import { commitWebUrl } from '../../forge/web-url';
import { formatDuration } from '../../text/duration';
import { GitopsPromoteError } from '../../errors';
import { DeadlineExceededError } from '../../runtime/deadline';
import type { AppState, WatchState } from './watch-state';

/** The Applications did not reach the expected state; `message` names the app and why. */
export class ApplicationNotReadyError extends GitopsPromoteError {}

/** One app's outcome, for the `result` output and the summary. */
export interface AppReport {
  /** The namespace the app lives in, as Argo CD reported it; '' before any object was read. */
  namespace: string;
  health: string;
  sync: string;
  revision: string;
  /** The revision's commit page when its repository is on a known forge (no credentials); else ''. */
  revisionUrl: string;
  operationPhase: string;
  degraded: { kind: string; namespace: string; name: string; message: string }[];
  waitedSeconds: number;
  /** Ms from the step's start until the app first satisfied the verdict; null when it never did. */
  healthyAfterMs: number | null;
  outcome: 'success' | 'failure' | 'waiting';
  reason: string;
}

export interface WaitResult {
  reports: Record<string, AppReport>;
  /** The keys of `reports` in a stable order: the `application` input's order, then by name. */
  order: string[];
  /** Set when the wait failed; the step reports the outputs first, then fails with it. */
  failure?: GitopsPromoteError;
  /** How the step watched: `stream`, or `poll` when the stream was unusable. */
  mode: 'stream' | 'poll';
}

/** What the verdict is drawn from once the watching ended. */
export interface VerdictInput {
  state: WatchState;
  expected: string | undefined;
  timeoutMs: number;
  /** Ms since the wait started. */
  elapsed: () => number;
  /** Why the watching was stopped early: the deadline or a cancel. */
  stopReason: unknown;
  /** The Degraded resources of an app, from its resource tree. */
  degradedOf: (state: AppState) => Promise<AppReport['degraded']>;
}

/** The verdict: success, a failure explained (Degraded resources from the tree), or what each app still waited for. */
export async function verdict(input: VerdictInput): Promise<Omit<WaitResult, 'mode'>> {
  const { state } = input;
  const reports: Record<string, AppReport> = {};
  const ordered = state.ordered();
  for (const app of ordered) {
    const degraded = app.app?.status.health.status === 'Degraded' ? await input.degradedOf(app) : [];
    reports[app.label] = report(app, degraded, input.elapsed(), input.expected);
  }
  const order = ordered.map((app) => app.label);
  const failedApp = state.failed();
  if (failedApp) return { reports, order, failure: failedError(failedApp, reports[failedApp.label]?.degraded ?? []) };
  if (!state.done()) return { reports, order, failure: stillWaitingError(state, input) };
  return { reports, order };
}

function failedError(failedApp: AppState, degraded: AppReport['degraded']): ApplicationNotReadyError {
  const details = degraded.map((node) => `\n  ${node.kind}/${node.namespace}/${node.name}: ${node.message}`).join('');
  const child = failedApp.parent ? ` (a child Application of ${failedApp.parent.label})` : '';
  return new ApplicationNotReadyError(
    `${failedApp.assessment?.reason ?? failedApp.name}${child}${details}`,
    degraded.length > 0
      ? 'Look at the resources above (kubectl describe, the Argo CD UI); roll back or fix the manifests, then promote again.'
      : 'See the reason above in the Argo CD UI (the app\'s conditions and last operation); fix the manifests or the app, then run again.',
  );
}

/** Timed out or cancelled: what each app not ready still waited for. */
function stillWaitingError(state: WatchState, input: VerdictInput): ApplicationNotReadyError {
  const reason = input.stopReason;
  const lines = [...state.apps.values()]
    .filter((app) => app.assessment?.state !== 'success')
    .map((app) => `\n  ${app.label}: ${app.assessment?.waitingFor ?? app.assessment?.reason ?? 'no state received yet'}`)
    .join('');
  const cancelled = reason instanceof GitopsPromoteError && !(reason instanceof DeadlineExceededError);
  return new ApplicationNotReadyError(
    `${cancelled ? reason.message : `Timed out after ${formatDuration(input.timeoutMs)}`}; still waiting for:${lines}`,
    cancelled ? 'The job was cancelled; the applications may still reach the state later.' : 'Raise timeout if the rollout is just slow; otherwise look at the apps in the Argo CD UI.',
  );
}

export function describeNode(node: ResourceNode): AppReport['degraded'][number] {
  return { kind: node.kind ?? '?', namespace: node.namespace ?? '', name: node.name ?? '?', message: node.health?.message ?? '' };
}

/**
 * One app's outcome. With a revision, `health` is the app's health at that revision: an app that
 * has not applied it yet reports `Unknown`, not the Healthy of the commit it still runs.
 */
function report(state: AppState, degraded: AppReport['degraded'], elapsedMs: number, expected: string | undefined): AppReport {
  const app = state.app;
  const sync = app?.status.sync;
  const atExpected = expected === undefined || state.assessment?.applied === true || state.assessment?.state === 'failure';
  const revision = state.assessment?.revision ?? sync?.revision ?? sync?.revisions[0] ?? '';
  const repoURL = app && revision ? repoURLOfRevision(app, revision) : undefined;
  return {
    namespace: state.namespace ?? app?.metadata.namespace ?? '',
    health: (atExpected ? app?.status.health.status : undefined) ?? 'Unknown',
    sync: sync?.status ?? 'Unknown',
    revision,
    revisionUrl: (repoURL && commitWebUrl(repoURL, revision)) ?? '',
    operationPhase: app?.status.operationState?.phase ?? '',
    degraded,
    waitedSeconds: Math.round((state.decidedAfterMs ?? elapsedMs) / 100) / 10,
    healthyAfterMs: state.healthyAfterMs ?? null,
    outcome: state.assessment?.state ?? 'waiting',
    reason: state.assessment?.reason ?? 'no state received',
  };
}
