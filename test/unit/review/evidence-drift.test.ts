import { describe, expect, it } from 'vitest';
import type { Application } from '../../../packages/core/src/argocd/types';
import { leafValues } from '../../../packages/core/src/manifest/leaf-values';
import { driftRows, driftSection } from '../../../packages/core/src/promotion/review/drift';
import { assessSource, evidenceSection, healthySince } from '../../../packages/core/src/promotion/review/evidence';

function app(revision: string | undefined, sync: string, health: string, history: { revision: string; deployedAt: string }[]): Application {
  return {
    metadata: { name: 'payments-staging', labels: {} },
    spec: { sources: [] },
    status: {
      sync: { status: sync, revision, revisions: [] },
      health: { status: health },
      conditions: [],
      resources: [],
      history: history.map((entry, id) => ({ id, ...entry })),
    },
  } as Application;
}

// Which value each commit of the source files carries.
const carried: Record<string, string> = { c1: '1.4.0', c2: '1.4.2', c3: '1.4.2', c4: '1.4.2' };
const valueAt = (revision: string): Promise<string | undefined> => Promise.resolve(carried[revision]);

describe('evidence from the source environment', () => {
  it('runs the value since the first sync of the newest unbroken run that carried it', async () => {
    const history = [
      { revision: 'c2', deployedAt: '2026-12-01T09:00:00Z' },
      { revision: 'c1', deployedAt: '2026-12-02T09:00:00Z' },
      { revision: 'c3', deployedAt: '2026-12-03T10:15:42Z' },
      { revision: 'c4', deployedAt: '2026-12-04T11:00:00Z' },
    ];
    const evidence = await assessSource({ name: 'payments-staging' }, app('c4', 'Synced', 'Healthy', history), '1.4.2', valueAt);
    expect(evidence).toEqual({ app: 'payments-staging', state: 'runs', revision: 'c4', since: '2026-12-03T10:15:42Z' });
    expect(healthySince([evidence])).toBe('2026-12-03T10:15:42Z');
    expect(evidenceSection([evidence], 'staging', '1.4.2')).toContain('running it since 2026-12-03 10:15 UTC');
  });

  it('warns when the source app is not Healthy yet, and gives no since', async () => {
    const evidence = await assessSource({ name: 'payments-staging', namespace: 'team' }, app('c3', 'Synced', 'Progressing', []), '1.4.2', valueAt);
    expect(evidence.state).toBe('unsettled');
    expect(healthySince([evidence])).toBeUndefined();
    const section = evidenceSection([evidence], 'staging', '1.4.2');
    expect(section).toContain('> [!WARNING]');
    expect(section).toContain('`team/payments-staging` runs `1.4.2` at `c3` but is Synced and Progressing');
  });

  it('warns, naming what it runs instead, when the source app is elsewhere', async () => {
    const evidence = await assessSource({ name: 'payments-staging' }, app('c1', 'Synced', 'Healthy', []), '1.4.2', valueAt);
    expect(evidence).toEqual({ app: 'payments-staging', state: 'other', revision: 'c1', runs: '1.4.0' });
    expect(evidenceSection([evidence], 'staging', '1.4.2')).toContain('does not run `1.4.2`: it is at `c1`, which runs `1.4.0`');
  });

  it('gives a whole environment a since only when every app runs the value', () => {
    expect(healthySince([
      { app: 'a', state: 'runs', revision: 'c3', since: '2026-12-03T00:00:00Z' },
      { app: 'b', state: 'runs', revision: 'c4', since: '2026-12-04T00:00:00Z' },
    ])).toBe('2026-12-04T00:00:00Z');
    expect(healthySince([{ app: 'a', state: 'runs', revision: 'c3', since: '2026-12-03T00:00:00Z' }, { app: 'b', state: 'other' }])).toBeUndefined();
  });
});

describe('drift: what the promotion does not carry', () => {
  it('lists the other names whose values differ, not the promoted one, in a stable order', () => {
    const source = new Map([['ghcr.io/acme/payments', ['1.4.2']], ['ghcr.io/acme/worker', ['2.0.0']], ['redis', ['7.2']], ['ghcr.io/acme/new', ['0.1.0']]]);
    const target = new Map([['ghcr.io/acme/payments', ['1.4.1']], ['redis', ['7.2']], ['ghcr.io/acme/worker', ['1.9.0']], ['ghcr.io/acme/old', ['3.0']]]);
    const rows = driftRows(source, target, new Set(['ghcr.io/acme/payments']));
    expect(rows.map((row) => row.name)).toEqual(['ghcr.io/acme/new', 'ghcr.io/acme/old', 'ghcr.io/acme/worker']);
    const section = driftSection(rows, 'image', 'staging', 'prod');
    expect(section).toContain('| `ghcr.io/acme/worker` | `2.0.0` | `1.9.0` |');
    expect(section).toContain('| `ghcr.io/acme/old` | (not set) | `3.0` |');
    expect(section).not.toContain('payments');
    expect(driftSection(driftRows(source, source, new Set()), 'image', 'staging', 'prod')).toBe('');
  });

  it('reads every key a values file sets, by key path', () => {
    const leaves = leafValues('image:\n  repository: ghcr.io/acme/payments # the app\n  tag: "1.4.2"\nreplicaCount: 3\nenv:\n  - name: LOG\n    value: debug\n');
    expect([...leaves]).toEqual([
      ['image.repository', 'ghcr.io/acme/payments'],
      ['image.tag', '1.4.2'],
      ['replicaCount', '3'],
      ['env[0].name', 'LOG'],
      ['env[0].value', 'debug'],
    ]);
    expect([...leafValues('kind: A\nmetadata: {name: x}\n---\nkind: B\nmetadata: {name: y}\n').keys()]).toContain('B/y: metadata.name');
  });
});
