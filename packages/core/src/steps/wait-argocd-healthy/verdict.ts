import type { ResourceNode } from '../../argocd';
import { formatDuration } from '../../text/duration';
import { GitopsPromoteError } from '../../errors';
import { DeadlineExceededError } from '../../runtime/deadline';
import type { AppState, WatchState } from './watch-state';

/** The Applications did not reach the expected state; `message` names the app and why. */
export class ApplicationNotReadyError extends GitopsPromoteError {}

/** One app's outcome, for the `result` output and the summary. */
export interface AppReport {
  health: string;
  sync: string;
  revision: string;
  operationPhase: string;
  degraded: { kind: string; namespace: string; name: string; message: string }[];
  waitedSeconds: number;
  outcome: 'success' | 'failure' | 'waiting';
  reason: string;
}

export interface WaitResult {
  reports: Record<string, AppReport>;
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
  for (const app of state.apps.values()) {
    const degraded = app.app?.status.health.status === 'Degraded' ? await input.degradedOf(app) : [];
    reports[app.label] = report(app, degraded, input.elapsed(), input.expected);
  }
  const failedApp = state.failed();
  if (failedApp) return { reports, failure: failedError(failedApp, reports[failedApp.label]?.degraded ?? []) };
  if (!state.done()) return { reports, failure: stillWaitingError(state, input) };
  return { reports };
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
  return {
    health: (atExpected ? app?.status.health.status : undefined) ?? 'Unknown',
    sync: sync?.status ?? 'Unknown',
    revision: state.assessment?.revision ?? sync?.revision ?? sync?.revisions[0] ?? '',
    operationPhase: app?.status.operationState?.phase ?? '',
    degraded,
    waitedSeconds: Math.round((state.decidedAfterMs ?? elapsedMs) / 100) / 10,
    outcome: state.assessment?.state ?? 'waiting',
    reason: state.assessment?.reason ?? 'no state received',
  };
}
