import { short } from '../../argocd/sources';
import type { AppState } from './watch-state';

/**
 * One line saying where a waited-for app stands: what it still waits for, its sync status, health
 * and operation, and the revision it is at (and the one awaited). Printed periodically, so a long
 * rollout shows progress even when nothing changes.
 */
export function progressLine(state: AppState, expected: string | undefined): string {
  const app = state.app;
  if (!app) return `still waiting for ${state.label}: no state received yet`;
  const { status } = app;
  const waitingFor = state.assessment?.waitingFor ?? state.assessment?.reason ?? 'no verdict yet';
  const operation = app.operation ? `operation ${status.operationState?.phase ?? 'queued'}` : 'no operation running';
  const at = status.sync.revision ?? status.sync.revisions.find((revision) => revision !== '');
  const compared = at ? ` at ${short(at)}` : ' (no revision compared yet)';
  const awaited = expected ? `; awaiting ${short(expected)}` : '';
  return `still waiting for ${state.label}: ${waitingFor} (sync ${status.sync.status ?? 'Unknown'}${compared}, health ${status.health.status ?? 'Unknown'}, ${operation}${awaited})`;
}
