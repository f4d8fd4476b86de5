import { describe, expect, it } from 'vitest';
import { assess, type AssessContext, type Expectation } from '../../packages/core/src/argocd/assess';
import { parseApplication } from '../../packages/core/src/argocd/parse';
import { normaliseRepoURL } from '../../packages/core/src/argocd/sources';

// Shapes written from CONTRACT.md's field list, in the server's JSON spelling, and read through the
// real parser, so a test also proves what the parser hands to assess.
const X = '2222222222222222222222222222222222222222';
const OLD = '1111111111111111111111111111111111111111';
const NEWER = '3333333333333333333333333333333333333333';
const REPO = 'https://git.example.com/org/deploy.git';
const SINCE = Date.parse('2025-01-01T09:59:00Z');
const NOW = Date.parse('2025-01-01T10:01:00Z');

// The wire shape, as far as these fixtures write it.
interface RawSource {
  repoURL?: string;
  path?: string;
  chart?: string;
  ref?: string;
  targetRevision?: string;
}
interface RawOperation {
  sync?: { revision?: string; revisions?: string[]; dryRun?: boolean };
}
interface RawOperationState {
  phase?: string;
  message?: string;
  startedAt?: string;
  finishedAt?: string;
  retryCount?: number;
  operation?: RawOperation;
  syncResult?: { revision?: string; revisions?: string[] };
}
interface Raw {
  metadata: { name: string; namespace?: string; resourceVersion?: string; deletionTimestamp?: string };
  spec: { project?: string; source?: RawSource; sources?: RawSource[]; syncPolicy?: { automated?: { prune?: boolean; enabled?: boolean } } };
  operation?: RawOperation;
  status: {
    sync: { status?: string; revision?: string; revisions?: string[]; comparedTo?: { destination?: object; source?: RawSource } };
    health: { status?: string; message?: string };
    operationState?: RawOperationState;
    reconciledAt?: string;
    conditions?: { type: string; message?: string }[];
  };
}

function opState(raw: Raw): RawOperationState {
  if (!raw.status.operationState) throw new Error('this fixture has no operationState');
  return raw.status.operationState;
}

function syncResult(raw: Raw): { revision?: string; revisions?: string[] } {
  const state = opState(raw);
  state.syncResult ??= {};
  return state.syncResult;
}

/** An app that runs X: synced by an operation, reconciled after it finished. */
function runsX(): Raw {
  return {
    metadata: { name: 'web', namespace: 'argocd', resourceVersion: '10' },
    spec: {
      project: 'default',
      source: { repoURL: REPO, path: 'web', targetRevision: 'main' },
      syncPolicy: { automated: { prune: true } },
    },
    status: {
      sync: { status: 'Synced', revision: X, comparedTo: { source: { repoURL: REPO } } },
      health: { status: 'Healthy' },
      operationState: {
        phase: 'Succeeded',
        message: 'successfully synced (all tasks run)',
        startedAt: '2025-01-01T10:00:00Z',
        finishedAt: '2025-01-01T10:00:05Z',
        operation: { sync: { revision: X } },
        syncResult: { revision: X },
      },
      reconciledAt: '2025-01-01T10:00:06Z',
    },
  };
}

/** Helm chart from a chart repository plus our values repository (`ref`), one revision each. */
function multiSource(): Raw {
  const raw = runsX();
  delete raw.spec.source;
  raw.spec.sources = [
    { repoURL: 'https://charts.example.com', chart: 'web', targetRevision: '1.2.3' },
    { repoURL: REPO, ref: 'values', targetRevision: 'main' },
  ];
  raw.status.sync = { status: 'Synced', revisions: ['1.2.3', X] };
  opState(raw).operation = { sync: { revisions: ['1.2.3', 'main'] } };
  opState(raw).syncResult = { revisions: ['1.2.3', X] };
  return raw;
}

/** Never reconciled: what Argo CD stores for a freshly created app. */
function neverReconciled(): Raw {
  return {
    metadata: { name: 'web' },
    spec: { project: 'default', source: { repoURL: REPO } },
    status: { health: {}, sync: { comparedTo: { destination: {}, source: { repoURL: '' } }, status: '' } },
  };
}

const descendsFromX = (candidate: string, expected: string): boolean | undefined =>
  expected === X ? candidate === NEWER || candidate === X : undefined;

interface Case {
  name: string;
  raw: () => Raw;
  expectation?: Expectation;
  context?: Partial<AssessContext>;
  state: 'waiting' | 'success' | 'failure';
  /** Exact `waitingFor` (string) or a pattern. */
  waitingFor?: string | RegExp;
  reason?: string | RegExp;
}

function edit(base: () => Raw, change: (raw: Raw) => void): () => Raw {
  return () => {
    const raw = base();
    change(raw);
    return raw;
  };
}

const revisionCases: Case[] = [
  { name: 'runs X: success', raw: runsX, state: 'success', reason: 'web runs 2222222 (Synced, Healthy)' },
  {
    name: 'reconciledAt equal to finishedAt is enough',
    raw: edit(runsX, (raw) => (raw.status.reconciledAt = opState(raw).finishedAt)),
    state: 'success',
  },
  {
    name: 'no operationState at all (never synced by an operation) is success at X',
    raw: edit(runsX, (raw) => delete raw.status.operationState),
    state: 'success',
  },
  {
    name: 'an abbreviated expected commit matches the full one',
    raw: runsX,
    expectation: { revision: '2222222' },
    state: 'success',
  },
  {
    name: 'warning conditions do not fail or hold the wait',
    raw: edit(runsX, (raw) => (raw.status.conditions = [{ type: 'OrphanedResourceWarning', message: 'Application has 1 orphaned resources' }])),
    state: 'success',
  },
  {
    name: 'top-level operation queued',
    raw: edit(runsX, (raw) => (raw.operation = { sync: { revision: X } })),
    state: 'waiting',
    waitingFor: 'operation queued (sync of 2222222)',
  },
  {
    name: 'queued dry-run operation',
    raw: edit(runsX, (raw) => (raw.operation = { sync: { revision: X, dryRun: true } })),
    state: 'waiting',
    waitingFor: 'operation queued (dry-run sync of 2222222)',
  },
  {
    name: 'operation running',
    raw: edit(runsX, (raw) => {
      raw.operation = { sync: { revision: 'main' } };
      raw.status.operationState = { phase: 'Running', startedAt: '2025-01-01T10:00:30Z', operation: { sync: { revision: 'main' } }, syncResult: { revision: X } };
    }),
    state: 'waiting',
    waitingFor: 'operation Running (syncing 2222222)',
  },
  {
    name: 'operation running its retries says why',
    raw: edit(runsX, (raw) => {
      raw.operation = { sync: { revision: X } };
      raw.status.operationState = { phase: 'Running', retryCount: 2, message: 'Retrying attempt #2 at 10:01AM', operation: { sync: { revision: X } } };
    }),
    state: 'waiting',
    waitingFor: 'operation Running (syncing 2222222, retry 2: Retrying attempt #2 at 10:01AM)',
  },
  {
    name: 'operationState Running without the top-level operation still waits',
    raw: edit(runsX, (raw) => (raw.status.operationState = { phase: 'Terminating', syncResult: { revision: X } })),
    state: 'waiting',
    waitingFor: 'last operation Terminating (revision 2222222), waiting for it to finish',
  },
  {
    name: 'older sync.revision',
    raw: edit(runsX, (raw) => (raw.status.sync.revision = OLD)),
    state: 'waiting',
    waitingFor: 'sync.revision is 1111111, waiting for 2222222',
  },
  {
    name: 'never reconciled: empty status is not yet known, not a failure',
    raw: neverReconciled,
    state: 'waiting',
    waitingFor: 'sync.revision is not set yet (Argo CD has not compared the app), waiting for 2222222',
  },
  {
    name: 'stale reconciledAt: the reconcile predates the sync that finished',
    raw: edit(runsX, (raw) => (raw.status.reconciledAt = '2025-01-01T10:00:04Z')),
    state: 'waiting',
    waitingFor: 'waiting for a reconcile after the sync finished at 2025-01-01T10:00:05Z (last reconcile at 2025-01-01T10:00:04Z)',
  },
  {
    name: 'no reconciledAt at all after a sync',
    raw: edit(runsX, (raw) => delete raw.status.reconciledAt),
    state: 'waiting',
    waitingFor: 'waiting for a reconcile after the sync finished at 2025-01-01T10:00:05Z (no reconcile recorded)',
  },
  {
    // X left the manifests unchanged: Argo CD is Synced at X and starts no sync; the app runs X.
    name: 'Synced at X after an older successful sync (a change that syncs nothing) runs X',
    raw: edit(runsX, (raw) => (syncResult(raw).revision = OLD)),
    state: 'success',
  },
  {
    name: 'compared X, OutOfSync, the last sync of an older commit: waits for the sync of X',
    raw: edit(runsX, (raw) => {
      syncResult(raw).revision = OLD;
      raw.status.sync.status = 'OutOfSync';
    }),
    state: 'waiting',
    waitingFor: "last sync was of 1111111, waiting for a sync of 2222222 (none starts if 2222222 leaves this app's manifests unchanged)",
  },
  {
    name: 'Failed operation for X is terminal and carries its message',
    raw: edit(runsX, (raw) => {
      opState(raw).phase = 'Failed';
      opState(raw).message = 'one or more objects failed to apply: Deployment.apps "web" is invalid';
      raw.status.sync.status = 'OutOfSync';
    }),
    state: 'failure',
    reason: 'web: the sync of 2222222 ended Failed: one or more objects failed to apply: Deployment.apps "web" is invalid',
  },
  {
    name: 'Error phase for X, revision only in the requested operation (auto-sync requests the SHA)',
    raw: edit(runsX, (raw) => {
      raw.status.operationState = { phase: 'Error', message: 'rpc error: manifest generation failed', operation: { sync: { revision: X } }, finishedAt: '2025-01-01T10:00:05Z' };
    }),
    state: 'failure',
    reason: 'web: the sync of 2222222 ended Error: rpc error: manifest generation failed',
  },
  {
    name: 'Failed for X while a new operation is queued: wait for the retry',
    raw: edit(runsX, (raw) => {
      opState(raw).phase = 'Failed';
      raw.operation = { sync: { revision: X } };
    }),
    state: 'waiting',
    waitingFor: 'operation queued (sync of 2222222)',
  },
  {
    name: 'Failed for an older commit while the app still compares it',
    raw: edit(runsX, (raw) => {
      raw.status.sync.revision = OLD;
      opState(raw).phase = 'Failed';
      syncResult(raw).revision = OLD;
    }),
    state: 'waiting',
    waitingFor: 'sync.revision is 1111111, waiting for 2222222',
  },
  {
    name: 'Failed for a requested HEAD with no resolved commit: shown, not failed on',
    raw: edit(runsX, (raw) => {
      raw.status.operationState = { phase: 'Failed', message: 'ComparisonError: repo unreachable', operation: { sync: { revision: 'HEAD' } }, finishedAt: '2025-01-01T10:00:05Z' };
    }),
    state: 'waiting',
    waitingFor: 'last operation Failed (revision HEAD): ComparisonError: repo unreachable; waiting for a sync of 2222222',
  },
  {
    name: 'Failed for X after a newer descendant was compared: its sync may fix it',
    raw: edit(runsX, (raw) => {
      raw.status.sync.revision = NEWER;
      opState(raw).phase = 'Failed';
      opState(raw).message = 'hook failed';
    }),
    context: { isDescendant: descendsFromX },
    state: 'waiting',
    waitingFor: 'last operation Failed (revision 2222222): hook failed; waiting for a sync of 2222222',
  },
  {
    name: 'ComparisonError at X is terminal',
    raw: edit(runsX, (raw) => {
      raw.status.sync.status = 'Unknown';
      raw.status.conditions = [{ type: 'ComparisonError', message: 'Failed to load target state: kustomize build failed' }];
    }),
    state: 'failure',
    reason: 'web: ComparisonError: Failed to load target state: kustomize build failed',
  },
  {
    name: 'SyncError and UnknownError at X are terminal',
    raw: edit(runsX, (raw) => {
      raw.status.conditions = [
        { type: 'SyncError', message: 'Failed last sync attempt to [2222222]' },
        { type: 'UnknownError', message: 'boom' },
      ];
    }),
    state: 'failure',
    reason: 'web: SyncError: Failed last sync attempt to [2222222]; UnknownError: boom',
  },
  {
    name: 'ComparisonError while an older commit is compared is stale: wait, and show it',
    raw: edit(runsX, (raw) => {
      raw.status.sync.revision = OLD;
      raw.status.conditions = [{ type: 'ComparisonError', message: 'bad yaml' }];
    }),
    state: 'waiting',
    waitingFor: 'sync.revision is 1111111, waiting for 2222222',
    reason: 'web: sync.revision is 1111111, waiting for 2222222; ComparisonError: bad yaml (reported before 2222222 was compared)',
  },
  {
    name: 'ComparisonError with no compared revision, reconciled after `since`: a comparison of X that failed',
    raw: edit(runsX, (raw) => {
      delete raw.status.sync.revision;
      raw.status.sync.status = 'Unknown';
      raw.status.reconciledAt = '2025-01-01T10:00:30Z';
      raw.status.conditions = [{ type: 'ComparisonError', message: 'path does not exist' }];
    }),
    context: { since: SINCE },
    state: 'failure',
    reason: 'web: ComparisonError: path does not exist',
  },
  {
    name: 'ComparisonError with no compared revision, reconciled before `since`: stale',
    raw: edit(runsX, (raw) => {
      delete raw.status.sync.revision;
      raw.status.reconciledAt = '2025-01-01T09:58:00Z';
      raw.status.conditions = [{ type: 'ComparisonError', message: 'path does not exist' }];
    }),
    context: { since: SINCE },
    state: 'waiting',
    waitingFor: 'sync.revision is not set yet (Argo CD has not compared the app), waiting for 2222222',
  },
  {
    name: 'ComparisonError with no compared revision and no `since`: cannot be tied to X, wait',
    raw: edit(runsX, (raw) => {
      delete raw.status.sync.revision;
      raw.status.conditions = [{ type: 'ComparisonError', message: 'path does not exist' }];
    }),
    state: 'waiting',
  },
  {
    name: 'InvalidSpecError fails whatever is compared (no commit can clear it)',
    raw: edit(runsX, (raw) => {
      raw.status.sync.revision = OLD;
      raw.status.conditions = [{ type: 'InvalidSpecError', message: 'application destination is not permitted in project' }];
    }),
    state: 'failure',
    reason: 'web: InvalidSpecError: application destination is not permitted in project',
  },
  {
    name: 'being deleted',
    raw: edit(runsX, (raw) => (raw.metadata.deletionTimestamp = '2025-01-01T10:00:50Z')),
    state: 'failure',
    reason: 'web: the application is being deleted (since 2025-01-01T10:00:50Z)',
  },
  {
    name: 'Progressing',
    raw: edit(runsX, (raw) => (raw.status.health = { status: 'Progressing' })),
    state: 'waiting',
    waitingFor: 'health is Progressing',
  },
  {
    name: 'Unknown health names the reason',
    raw: edit(runsX, (raw) => (raw.status.health = { status: 'Unknown', message: 'cluster unreachable' })),
    state: 'waiting',
    waitingFor: 'health is Unknown: cluster unreachable',
  },
  {
    name: 'Suspended waits (a paused rollout is resumed by someone)',
    raw: edit(runsX, (raw) => (raw.status.health = { status: 'Suspended' })),
    state: 'waiting',
    waitingFor: 'health is Suspended (a paused rollout or suspended resource waits to be resumed)',
  },
  {
    name: 'Missing waits',
    raw: edit(runsX, (raw) => (raw.status.health = { status: 'Missing' })),
    state: 'waiting',
    waitingFor: 'health is Missing (resources not created yet)',
  },
  {
    name: 'health not assessed yet',
    raw: edit(runsX, (raw) => (raw.status.health = {})),
    state: 'waiting',
    waitingFor: 'health is not assessed yet',
  },
  {
    name: 'OutOfSync at X after the sync (drift)',
    raw: edit(runsX, (raw) => (raw.status.sync.status = 'OutOfSync')),
    state: 'waiting',
    waitingFor: 'sync.status is OutOfSync',
  },
  {
    name: 'OutOfSync with automated sync off says someone must sync',
    raw: edit(runsX, (raw) => {
      raw.status.sync.status = 'OutOfSync';
      raw.spec.syncPolicy = { automated: { prune: true, enabled: false } };
    }),
    state: 'waiting',
    waitingFor: 'sync.status is OutOfSync (automated sync is off: someone must sync the app)',
  },
  {
    name: 'Degraded before our commit is applied only waits',
    raw: edit(runsX, (raw) => {
      raw.status.sync.revision = OLD;
      raw.status.health = { status: 'Degraded' };
    }),
    state: 'waiting',
    waitingFor: 'sync.revision is 1111111, waiting for 2222222',
  },
  {
    name: 'Degraded after X was applied, no grace: terminal',
    raw: edit(runsX, (raw) => (raw.status.health = { status: 'Degraded', message: 'Deployment "web" exceeded its progress deadline' })),
    state: 'failure',
    reason: 'web: health is Degraded after 2222222 was applied: Deployment "web" exceeded its progress deadline',
  },
  {
    name: 'descendant compared and synced, predicate says yes',
    raw: edit(runsX, (raw) => {
      raw.status.sync.revision = NEWER;
      syncResult(raw).revision = NEWER;
    }),
    context: { isDescendant: descendsFromX },
    state: 'success',
    reason: 'web runs 3333333, a descendant of 2222222 (Synced, Healthy)',
  },
  {
    name: 'other commit, predicate says no',
    raw: edit(runsX, (raw) => (raw.status.sync.revision = NEWER)),
    context: { isDescendant: () => false },
    state: 'waiting',
    waitingFor: 'sync.revision is 3333333, waiting for 2222222',
  },
  {
    name: 'other commit, predicate cannot tell: keep waiting and say so',
    raw: edit(runsX, (raw) => (raw.status.sync.revision = NEWER)),
    context: { isDescendant: () => undefined },
    state: 'waiting',
    waitingFor: 'cannot tell yet whether sync.revision 3333333 descends from 2222222 (that commit is not in the checkout yet)',
  },
  {
    name: 'other commit, no predicate: exact match only',
    raw: edit(runsX, (raw) => (raw.status.sync.revision = NEWER)),
    state: 'waiting',
    waitingFor: 'sync.revision is 3333333, waiting for 2222222',
  },
];

const multiSourceCases: Case[] = [
  { name: 'multi-source, default: the source at X is ours', raw: multiSource, state: 'success', reason: 'web runs 2222222 (Synced, Healthy)' },
  {
    name: 'multi-source, by repoURL in another spelling',
    raw: multiSource,
    expectation: { revision: X, source: { repoURL: 'git@GIT.example.com:org/deploy' } },
    state: 'success',
  },
  { name: 'multi-source, by index', raw: multiSource, expectation: { revision: X, source: { index: 1 } }, state: 'success' },
  {
    name: 'multi-source, the index of the chart source',
    raw: multiSource,
    expectation: { revision: X, source: { index: 0 } },
    state: 'waiting',
    waitingFor: 'sync.revisions[0] is 1.2.3, waiting for 2222222',
  },
  {
    name: 'multi-source, an index that does not exist',
    raw: multiSource,
    expectation: { revision: X, source: { index: 2 } },
    state: 'failure',
    reason: 'web: source index 2 does not exist: the app has 2 sources (indexes start at 0)',
  },
  {
    name: 'multi-source, a repoURL that is not a source',
    raw: multiSource,
    expectation: { revision: X, source: { repoURL: 'https://git.example.com/org/other.git' } },
    state: 'failure',
    reason: 'web: no source of the app has repoURL https://git.example.com/org/other.git (its sources: https://charts.example.com, https://git.example.com/org/deploy.git)',
  },
  {
    name: 'multi-source, no source at X yet',
    raw: edit(multiSource, (raw) => (raw.status.sync.revisions = ['1.2.3', OLD])),
    state: 'waiting',
    waitingFor: 'no source is at 2222222 yet (sync.revisions[0] 1.2.3, sync.revisions[1] 1111111)',
  },
  {
    name: 'multi-source, compared at X, OutOfSync, syncResult.revisions[1] older',
    raw: edit(multiSource, (raw) => {
      syncResult(raw).revisions = ['1.2.3', OLD];
      raw.status.sync.status = 'OutOfSync';
    }),
    state: 'waiting',
    waitingFor: "last sync was of 1111111, waiting for a sync of 2222222 (none starts if 2222222 leaves this app's manifests unchanged)",
  },
  {
    name: 'multi-source, Failed with syncResult.revisions[1] at X',
    raw: edit(multiSource, (raw) => {
      opState(raw).phase = 'Failed';
      opState(raw).message = 'PostSync hook failed';
    }),
    state: 'failure',
    reason: 'web: the sync of 2222222 ended Failed: PostSync hook failed',
  },
  {
    name: 'multi-source, descendant in revisions[1]',
    raw: edit(multiSource, (raw) => {
      raw.status.sync.revisions = ['1.2.3', NEWER];
      syncResult(raw).revisions = ['1.2.3', NEWER];
    }),
    expectation: { revision: X, source: { repoURL: REPO } },
    context: { isDescendant: descendsFromX },
    state: 'success',
    reason: 'web runs 3333333, a descendant of 2222222 (Synced, Healthy)',
  },
];

const appWaitCases: Case[] = [
  { name: 'app wait: Synced, Healthy, no operation', raw: runsX, expectation: {}, state: 'success', reason: 'web is Synced and Healthy at 2222222 with no operation running' },
  {
    name: 'app wait: an older last sync does not matter',
    raw: edit(runsX, (raw) => (syncResult(raw).revision = OLD)),
    expectation: {},
    state: 'success',
  },
  {
    name: 'app wait: operation present',
    raw: edit(runsX, (raw) => (raw.operation = { sync: { revision: X } })),
    expectation: {},
    state: 'waiting',
    waitingFor: 'operation queued (sync of 2222222)',
  },
  {
    name: 'app wait: never reconciled',
    raw: neverReconciled,
    expectation: {},
    state: 'waiting',
    waitingFor: 'sync.status is not known yet (Argo CD has not reconciled the app)',
  },
  {
    name: 'app wait: Progressing',
    raw: edit(runsX, (raw) => (raw.status.health = { status: 'Progressing' })),
    expectation: {},
    state: 'waiting',
    waitingFor: 'health is Progressing',
  },
  {
    name: 'app wait: Failed sync of the compared commit fails (argocd app wait would hang)',
    raw: edit(runsX, (raw) => {
      opState(raw).phase = 'Failed';
      opState(raw).message = 'one or more objects failed to apply';
      raw.status.sync.status = 'OutOfSync';
    }),
    expectation: {},
    state: 'failure',
    reason: 'web: the sync of 2222222 ended Failed: one or more objects failed to apply',
  },
  {
    name: 'app wait: Failed sync of an older commit while a newer one is compared waits',
    raw: edit(runsX, (raw) => {
      opState(raw).phase = 'Failed';
      syncResult(raw).revision = OLD;
      raw.status.sync.status = 'OutOfSync';
    }),
    expectation: {},
    state: 'waiting',
    waitingFor: 'sync.status is OutOfSync',
  },
  {
    name: 'app wait: error condition fails',
    raw: edit(runsX, (raw) => (raw.status.conditions = [{ type: 'ComparisonError', message: 'bad yaml' }])),
    expectation: {},
    state: 'failure',
    reason: 'web: ComparisonError: bad yaml',
  },
  {
    name: 'app wait: Degraded at a settled Synced state fails',
    raw: edit(runsX, (raw) => (raw.status.health = { status: 'Degraded' })),
    expectation: {},
    state: 'failure',
    reason: 'web: health is Degraded after the last sync',
  },
  {
    name: 'app wait: Degraded while OutOfSync may still be synced away',
    raw: edit(runsX, (raw) => {
      raw.status.health = { status: 'Degraded' };
      raw.status.sync.status = 'OutOfSync';
    }),
    expectation: {},
    state: 'waiting',
    waitingFor: 'sync.status is OutOfSync',
  },
];

describe('assess', () => {
  it.each([...revisionCases, ...multiSourceCases, ...appWaitCases])('$name', (testCase) => {
    const app = parseApplication(testCase.raw(), 'test');
    const result = assess(app, testCase.expectation ?? { revision: X }, { now: NOW, ...testCase.context });
    expect(result.state).toBe(testCase.state);
    if (testCase.state === 'waiting') {
      expect(result.waitingFor).toBeTypeOf('string');
      expect(result.reason.startsWith('web: ')).toBe(true);
    } else {
      expect(result.waitingFor).toBeUndefined();
    }
    if (typeof testCase.waitingFor === 'string') expect(result.waitingFor).toBe(testCase.waitingFor);
    if (testCase.waitingFor instanceof RegExp) expect(result.waitingFor).toMatch(testCase.waitingFor);
    if (typeof testCase.reason === 'string') expect(result.reason).toBe(testCase.reason);
    if (testCase.reason instanceof RegExp) expect(result.reason).toMatch(testCase.reason);
  });

  it('reports the commits the predicate could not place, so the caller can fetch them', () => {
    const raw = runsX();
    raw.status.sync.revision = NEWER;
    const result = assess(parseApplication(raw, 'test'), { revision: X }, { now: NOW, isDescendant: () => undefined });
    expect(result.unknownAncestry).toEqual([NEWER]);
    expect(assess(parseApplication(runsX(), 'test'), { revision: X }, { now: NOW, isDescendant: () => undefined }).unknownAncestry).toEqual([]);
  });

  it('asks the predicate about commits only, never about HEAD, branches or chart versions', () => {
    const raw = multiSource();
    raw.status.sync.revisions = ['1.2.3', NEWER];
    raw.status.operationState = { phase: 'Failed', operation: { sync: { revisions: ['1.2.3', 'HEAD'] } } };
    const asked: string[] = [];
    assess(parseApplication(raw, 'test'), { revision: X }, {
      now: NOW,
      isDescendant: (candidate) => {
        asked.push(candidate);
        return false;
      },
    });
    expect(asked).toEqual([NEWER]);
  });

  it('reports the revision it matched', () => {
    expect(assess(parseApplication(runsX(), 'test'), { revision: '2222222' }, { now: NOW }).revision).toBe(X);
  });
});

describe('assess: Degraded grace period', () => {
  const degraded = (): Raw => edit(runsX, (raw) => (raw.status.health = { status: 'Degraded', message: 'CrashLoopBackOff' }))();
  const expectation: Expectation = { revision: X, degradedGraceMs: 60_000 };

  it('waits within the grace period and returns when it first saw Degraded', () => {
    const result = assess(parseApplication(degraded(), 'test'), expectation, { now: NOW });
    expect(result.state).toBe('waiting');
    expect(result.waitingFor).toBe('health is Degraded: CrashLoopBackOff (for 0 ms; failing after 1m)');
    expect(result.memory).toEqual({ degraded: { key: X, since: NOW } });
  });

  it('keeps the first sighting while still inside the grace period', () => {
    const memory = { degraded: { key: X, since: NOW - 30_000 } };
    const result = assess(parseApplication(degraded(), 'test'), expectation, { now: NOW, memory });
    expect(result.state).toBe('waiting');
    expect(result.memory).toEqual(memory);
    expect(result.waitingFor).toBe('health is Degraded: CrashLoopBackOff (for 30.0 s; failing after 1m)');
  });

  it('fails once Degraded has lasted the grace period', () => {
    const result = assess(parseApplication(degraded(), 'test'), expectation, { now: NOW, memory: { degraded: { key: X, since: NOW - 60_000 } } });
    expect(result.state).toBe('failure');
    expect(result.reason).toBe('web: health is Degraded for 1m after 2222222 was applied: CrashLoopBackOff');
  });

  it('starts a new clock when a different revision is applied', () => {
    const result = assess(parseApplication(degraded(), 'test'), expectation, { now: NOW, memory: { degraded: { key: OLD, since: NOW - 600_000 } } });
    expect(result.state).toBe('waiting');
    expect(result.memory).toEqual({ degraded: { key: X, since: NOW } });
  });

  it('keeps the memory through a Progressing observation, so flapping cannot reset the clock', () => {
    const progressing = edit(runsX, (raw) => (raw.status.health = { status: 'Progressing' }))();
    const memory = { degraded: { key: X, since: NOW - 59_000 } };
    const between = assess(parseApplication(progressing, 'test'), expectation, { now: NOW, memory });
    expect(between.memory).toEqual(memory);
    const after = assess(parseApplication(degraded(), 'test'), expectation, { now: NOW + 1000, memory: between.memory });
    expect(after.state).toBe('failure');
  });

  it('forgets nothing it was not asked to remember: success and failure carry no memory', () => {
    expect(assess(parseApplication(runsX(), 'test'), expectation, { now: NOW, memory: { degraded: { key: X, since: NOW } } }).memory).toEqual({});
  });
});

describe('normaliseRepoURL', () => {
  it.each([
    ['https://github.com/Org/Repo.git', 'github.com/org/repo'],
    ['https://github.com/org/repo/', 'github.com/org/repo'],
    ['git@github.com:org/repo.git', 'github.com/org/repo'],
    ['ssh://git@github.com/org/repo', 'github.com/org/repo'],
    ['https://git.example.com:8443/org/repo', 'git.example.com:8443/org/repo'],
  ])('%s is %s', (url, normalised) => {
    expect(normaliseRepoURL(url)).toBe(normalised);
  });
});
