/**
 * assess over the Application objects taken from Argo CD's own tests (../shared/argocd/examples,
 * outside this repository, so not run by the default project). Each must parse, and come out in
 * the state a person reading it would expect.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assess, type Expectation } from '../../packages/core/src/argocd/assess';
import { parseApplication } from '../../packages/core/src/argocd/parse';

const EXAMPLES = fileURLToPath(new URL('../../../shared/argocd/examples/', import.meta.url));

interface Example {
  file: string;
  expectation: Expectation;
  state: 'waiting' | 'success' | 'failure';
  text: string;
}

const AAAA = 'a'.repeat(40);
const VELERO_SYNCED = 'ea8759964626a583667a2bfd08f334ec2070040a';

const examples: Example[] = [
  { file: '01-healthy-synced-real-velero.json', expectation: {}, state: 'success', text: 'velero-test is Synced and Healthy at rev1 with no operation running' },
  // Its test author replaced sync.revision with "rev1": the compared revision is not the synced one.
  { file: '01-healthy-synced-real-velero.json', expectation: { revision: VELERO_SYNCED }, state: 'waiting', text: 'sync.revision is rev1, waiting for ea87599' },
  { file: '02-healthy-synced-minimal.json', expectation: {}, state: 'success', text: 'my-app is Synced and Healthy with no operation running' },
  { file: '02-healthy-synced-minimal.json', expectation: { revision: AAAA }, state: 'waiting', text: 'sync.revision is not set yet (Argo CD has not compared the app), waiting for aaaaaaa' },
  { file: '03-pending-operation-dryrun.json', expectation: {}, state: 'waiting', text: 'operation queued (dry-run sync of 041eab7)' },
  { file: '04-deleting-outofsync-degraded.json', expectation: {}, state: 'failure', text: 'my-app-3: the application is being deleted (since 2020-03-16T09:17:45Z)' },
  { file: '05-outofsync-degraded-with-conditions.json', expectation: {}, state: 'waiting', text: 'sync.status is OutOfSync (automated sync is off: someone must sync the app)' },
  { file: '06-operation-running-progressing.json', expectation: {}, state: 'waiting', text: 'sync.status is OutOfSync (automated sync is off: someone must sync the app)' },
  { file: '07-operation-succeeded-finished.json', expectation: {}, state: 'success', text: 'my-app is Synced and Healthy with no operation running' },
  { file: '08-single-source-operation-succeeded-syncresult.json', expectation: { revision: AAAA }, state: 'waiting', text: 'sync.revision is not set yet (Argo CD has not compared the app), waiting for aaaaaaa' },
  { file: '08-single-source-operation-succeeded-syncresult.json', expectation: {}, state: 'waiting', text: 'sync.status is not known yet (Argo CD has not reconciled the app)' },
  {
    file: '09-multi-source-operation-succeeded.json',
    expectation: { revision: 'b'.repeat(40), source: { repoURL: 'https://github.com/argoproj/argocd-example-apps-fake' } },
    state: 'waiting',
    text: 'sync.revisions[1] is not set yet (Argo CD has not compared the app), waiting for bbbbbbb',
  },
  { file: '10-never-reconciled-empty-status.json', expectation: {}, state: 'waiting', text: 'sync.status is not known yet (Argo CD has not reconciled the app)' },
  { file: '10-never-reconciled-empty-status.json', expectation: { revision: AAAA }, state: 'waiting', text: 'sync.revision is not set yet (Argo CD has not compared the app), waiting for aaaaaaa' },
  { file: '11-health-unknown-stale-reconciledAt.json', expectation: {}, state: 'waiting', text: 'sync.status is not known yet (Argo CD has not reconciled the app)' },
];

describe('assess over Argo CD example Applications', () => {
  it.each(examples)('$file with $expectation is $state', ({ file, expectation, state, text }) => {
    const app = parseApplication(JSON.parse(readFileSync(`${EXAMPLES}${file}`, 'utf8')), file);
    const result = assess(app, expectation, { now: Date.parse('2025-06-01T00:00:00Z') });
    expect(result.state).toBe(state);
    expect(state === 'waiting' ? result.waitingFor : result.reason).toBe(text);
  });

  it('parses what the real velero object carries', () => {
    const app = parseApplication(JSON.parse(readFileSync(`${EXAMPLES}01-healthy-synced-real-velero.json`, 'utf8')), 'velero');
    expect(app.metadata.labels.cluster_name).toBe('gke-alpha-01-europe-west1');
    expect(app.status.operationState?.syncResult?.revision).toBe(VELERO_SYNCED);
    expect(app.status.resources.map((resource) => [resource.kind, resource.health?.status])).toEqual([
      ['Service', 'Healthy'],
      ['Deployment', 'Healthy'],
    ]);
  });
});
