import { appLabel, type AppRef } from '../../argocd/app-ref';
import type { Application } from '../../argocd/types';
import { markdownCode, markdownText } from '../../platform/markdown';

/**
 * Evidence from the source environment: does its Application run the promoted value, Synced and
 * Healthy, and since when. Pure: the caller reads the app and says which value each revision
 * carries (from the source files at that commit); undefined when a revision is unknown there.
 */
export type ValueAtRevision = (revision: string) => Promise<string | undefined>;

export type SourceEvidence =
  | { app: string; state: 'runs'; revision: string; since?: string }
  /** It runs the value but is not (yet) Synced and Healthy. */
  | { app: string; state: 'unsettled'; revision: string; sync: string; health: string }
  /** It runs something else (or nothing we can read). */
  | { app: string; state: 'other'; revision?: string; runs?: string }
  | { app: string; state: 'unreadable'; reason: string };

export async function assessSource(ref: AppRef, app: Application, value: string, valueAt: ValueAtRevision): Promise<SourceEvidence> {
  const label = appLabel(ref);
  const revision = app.status.sync.revision ?? app.status.sync.revisions[0];
  if (!revision) return { app: label, state: 'other' };
  const runs = await valueAt(revision);
  if (runs !== value) return { app: label, state: 'other', revision, ...(runs !== undefined ? { runs } : {}) };
  const sync = app.status.sync.status ?? 'Unknown';
  const health = app.status.health.status ?? 'Unknown';
  if (sync !== 'Synced' || health !== 'Healthy') return { app: label, state: 'unsettled', revision, sync, health };
  const since = await firstDeployment(app, value, valueAt);
  return { app: label, state: 'runs', revision, ...(since ? { since } : {}) };
}

/**
 * When the app started running `value` for good: the deployedAt of the oldest sync in the newest
 * unbroken run of syncs whose revision carries it (a later commit that keeps the value does not
 * reset the clock; a sync of another value in between does).
 */
async function firstDeployment(app: Application, value: string, valueAt: ValueAtRevision): Promise<string | undefined> {
  let since: string | undefined;
  for (const entry of [...app.status.history].reverse()) {
    const revision = entry.revision ?? entry.revisions?.[0];
    if (!revision || (await valueAt(revision)) !== value) break;
    since = entry.deployedAt;
  }
  return since;
}

/** The latest `since` of apps that all run the value: when the whole source environment ran it; undefined otherwise. */
export function healthySince(evidence: readonly SourceEvidence[]): string | undefined {
  if (evidence.length === 0 || evidence.some((item) => item.state !== 'runs' || !item.since)) return undefined;
  return evidence
    .map((item) => (item.state === 'runs' ? (item.since ?? '') : ''))
    .sort()
    .at(-1);
}

/** The body's section. A time is printed as Argo CD recorded it, so a rerun writes the same text. */
export function evidenceSection(evidence: readonly SourceEvidence[], environment: string, value: string): string {
  return evidenceOfValues([{ evidence, value }], environment);
}

/** One section for several values (a set): one heading, each value's lines under it. */
export function evidenceOfValues(groups: ReadonlyArray<{ evidence: readonly SourceEvidence[]; value: string }>, environment: string): string {
  const lines = [`### Evidence from ${markdownText(environment)}`, ''];
  for (const { evidence, value } of groups) {
    for (const item of evidence) {
      const app = markdownCode(item.app);
      if (item.state === 'runs') {
        lines.push(`- ✅ ${app} runs ${markdownCode(value)}: Synced at ${markdownCode(item.revision.slice(0, 12))} and Healthy${item.since ? `, running it since ${utc(item.since)}` : ''}.`);
        continue;
      }
      lines.push('', '> [!WARNING]', `> ${warningText(item, app, value)}`, '');
    }
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd();
}

function warningText(item: Exclude<SourceEvidence, { state: 'runs' }>, app: string, value: string): string {
  switch (item.state) {
    case 'unsettled':
      return `${app} runs ${markdownCode(value)} at ${markdownCode(item.revision.slice(0, 12))} but is ${markdownText(item.sync)} and ${markdownText(item.health)}, not Synced and Healthy: nothing shows yet that this value works there.`;
    case 'other':
      return item.revision
        ? `${app} does not run ${markdownCode(value)}: it is at ${markdownCode(item.revision.slice(0, 12))}, which ${item.runs !== undefined ? `runs ${markdownCode(item.runs)}` : 'sets no value in the source files'}.`
        : `${app} has not synced any revision yet, so it does not run ${markdownCode(value)}.`;
    case 'unreadable':
      return `${app} could not be read: ${item.reason}`;
  }
}

/** `2026-12-06T14:02:11Z` → `2026-12-06 14:02 UTC` (seconds add nothing a reviewer needs). */
function utc(timestamp: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(timestamp);
  return match ? `${match[1]} ${match[2]} UTC` : markdownCode(timestamp);
}
