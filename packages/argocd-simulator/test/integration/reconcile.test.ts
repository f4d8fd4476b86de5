/**
 * The simulator's controller against real git repositories: a commit goes OutOfSync → Running /
 * Progressing → Succeeded / Healthy at that commit, seen through GET and through the watch;
 * broken images, failing syncs, invalid manifests, multi-source and kustomize apps.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ArgoCdSimulator, type AppConfig, type Application, type SimulatorOptions } from '../../src/index';
import { call, watch } from '../../../../test/support/argocd-http';
import { createTestRepo, deployment, service, type TestRepo } from '../../../../test/support/argocd-git-repo';

const TOKEN = 'reconcile-token';
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function repoWith(files: Record<string, string>): Promise<TestRepo> {
  const repo = await createTestRepo(files);
  cleanups.push(() => repo.remove());
  return repo;
}

async function simulator(apps: AppConfig[], options: SimulatorOptions = {}): Promise<ArgoCdSimulator> {
  const sim = await ArgoCdSimulator.start({ tokens: [TOKEN], reconcileIntervalMs: 0, apps, ...options });
  cleanups.push(() => sim.close());
  return sim;
}

const health = (app: Application): string | undefined => ('status' in app.status.health ? app.status.health.status : undefined);

/** CONTRACT.md's "the app runs commit X", all four conditions. */
function runsCommit(app: Application, commit: string): boolean {
  const state = app.status.operationState;
  return (
    app.operation === undefined &&
    app.status.sync.revision === commit &&
    app.status.sync.status === 'Synced' &&
    health(app) === 'Healthy' &&
    state?.phase === 'Succeeded' &&
    state.syncResult?.revision === commit &&
    (state.finishedAt ?? '') <= (app.status.reconciledAt ?? '')
  );
}

describe('argocd-simulator reconciliation', () => {
  it('takes a pushed commit OutOfSync, syncs it and reports it Synced and Healthy at that commit', async () => {
    const repo = await repoWith({ 'apps/web/deploy.yaml': deployment('web', 'ghcr.io/acme/web:1.0.0'), 'apps/web/svc.yaml': service('web') });
    const sim = await simulator([{ name: 'web', source: { repoPath: repo.dir, path: 'apps/web', targetRevision: 'main' } }]);
    const initial = sim.getApp('web');
    expect(initial.status.sync.status).toBe('Synced');
    expect(health(initial)).toBe('Healthy');

    const commit = await repo.commit({ 'apps/web/deploy.yaml': deployment('web', 'ghcr.io/acme/web:1.1.0') });
    const refreshed = await call(`${sim.url}/api/v1/applications/web?refresh=normal`, { token: TOKEN });
    expect(refreshed.status).toBe(200);
    const afterRefresh = refreshed.json<Application>();
    // The refresh answer is the reconciled object: new revision compared, auto-sync queued, annotation gone.
    expect(afterRefresh.status.sync).toMatchObject({ status: 'OutOfSync', revision: commit });
    expect(afterRefresh.operation).toMatchObject({ sync: { revision: commit }, initiatedBy: { automated: true } });
    expect(afterRefresh.metadata.annotations?.['argocd.argoproj.io/refresh']).toBeUndefined();

    await sim.waitFor('web', (app) => runsCommit(app, commit));
    const done = (await call(`${sim.url}/api/v1/applications/web`, { token: TOKEN })).json<Application>();
    expect(runsCommit(done, commit)).toBe(true);
    expect(done.status.summary.images).toEqual(['ghcr.io/acme/web:1.1.0']);
    expect(done.status.history?.at(-1)).toMatchObject({ revision: commit, initiatedBy: { automated: true } });
    expect(done.status.operationState?.syncResult?.resources).toContainEqual(
      expect.objectContaining({ kind: 'Deployment', name: 'web', status: 'Synced', message: 'deployment.apps/web configured' }),
    );
    expect(done.status.resources?.map((r) => [r.kind, r.status, r.health?.status])).toEqual([
      ['Deployment', 'Synced', 'Healthy'],
      ['Service', 'Synced', 'Healthy'],
    ]);
    expect(Number(done.metadata.resourceVersion)).toBeGreaterThan(Number(initial.metadata.resourceVersion));
  });

  it('streams the same progression in order: ADDED first, then MODIFIED with increasing resourceVersion', async () => {
    const repo = await repoWith({ 'deploy.yaml': deployment('api', 'ghcr.io/acme/api:1') });
    const sim = await simulator([{ name: 'api', source: { repoPath: repo.dir } }]);
    const stream = watch(`${sim.url}/api/v1/stream/applications?name=api`, TOKEN);
    cleanups.push(async () => stream.close());
    expect(await stream.status).toBe(200);
    await stream.next((line) => line.result?.type === 'ADDED');

    const commit = await repo.commit({ 'deploy.yaml': deployment('api', 'ghcr.io/acme/api:2') });
    await sim.refresh('api');
    await stream.next((line) => {
      const app = line.result?.application;
      return app !== undefined && runsCommit(app, commit);
    });

    const events = stream.lines.map((line) => line.result);
    expect(events[0]?.type).toBe('ADDED');
    expect(events.slice(1).every((event) => event?.type === 'MODIFIED')).toBe(true);
    const versions = events.map((event) => Number(event?.application.metadata.resourceVersion));
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    const apps = events.flatMap((event) => (event ? [event.application] : []));
    const first = (predicate: (app: Application) => boolean): number => apps.findIndex(predicate);
    const annotated = first((app) => app.metadata.annotations?.['argocd.argoproj.io/refresh'] === 'normal');
    const outOfSync = first((app) => app.status.sync.status === 'OutOfSync' && app.status.sync.revision === commit);
    const running = first((app) => app.status.operationState?.phase === 'Running' && health(app) === 'Progressing');
    const succeeded = first((app) => app.status.operationState?.phase === 'Succeeded' && app.status.operationState.syncResult?.revision === commit);
    const synced = first((app) => runsCommit(app, commit));
    expect(annotated).toBeGreaterThan(0);
    expect([annotated < outOfSync, outOfSync < running, running < succeeded, succeeded < synced]).toEqual([true, true, true, true]);
    // While Running, the operation is still there; once Succeeded it is gone.
    expect(apps[running]?.operation).toBeDefined();
    expect(apps[succeeded]?.operation).toBeUndefined();
  });

  it('ends Degraded for a broken image, with the resource tree naming the failing Deployment and Pod', async () => {
    const repo = await repoWith({ 'deploy.yaml': deployment('shop', 'registry.example/shop:1.0') });
    const sim = await simulator([{ name: 'shop', source: { repoPath: repo.dir } }]);
    const commit = await repo.commit({ 'deploy.yaml': deployment('shop', 'registry.example/shop:broken-7') });
    await sim.refresh('shop');
    const degraded = await sim.waitFor('shop', (app) => health(app) === 'Degraded');
    // The sync itself succeeded; only the rollout failed.
    expect(degraded.status.operationState).toMatchObject({ phase: 'Succeeded', syncResult: { revision: commit } });
    expect(degraded.status.resources?.[0]?.health).toEqual({ status: 'Degraded', message: 'Deployment "shop" exceeded its progress deadline' });

    const tree = (await call(`${sim.url}/api/v1/applications/shop/resource-tree`, { token: TOKEN })).json<{
      nodes: Array<{ kind: string; name: string; health?: { status: string; message?: string }; images?: string[]; parentRefs?: unknown[] }>;
      orphanedNodes: unknown[];
    }>();
    expect(tree.orphanedNodes).toEqual([]);
    expect(tree.nodes.map((node) => node.kind)).toEqual(['Deployment', 'ReplicaSet', 'Pod']);
    expect(tree.nodes[0]?.health).toEqual({ status: 'Degraded', message: 'Deployment "shop" exceeded its progress deadline' });
    const pod = tree.nodes[2];
    expect(pod?.health?.status).toBe('Degraded');
    expect(pod?.health?.message).toContain('back-off');
    expect(pod?.images).toEqual(['registry.example/shop:broken-7']);
    expect(pod?.parentRefs).toHaveLength(1);
  });

  it('keeps a StatefulSet with a broken image Progressing while its pod crash-loops', async () => {
    const repo = await repoWith({ 'sts.yaml': deployment('db', 'db:1', 'StatefulSet') });
    const sim = await simulator([{ name: 'db', source: { repoPath: repo.dir } }]);
    await repo.commit({ 'sts.yaml': deployment('db', 'db:broken-1', 'StatefulSet') });
    await sim.refresh('db');
    await sim.waitFor('db', (app) => app.status.operationState?.phase === 'Succeeded' && app.status.sync.status === 'Synced');
    // The rollout stage passing shows only in the tree: the pod turns Degraded, the app does not.
    let podHealth: string | undefined;
    for (let attempt = 0; attempt < 200 && podHealth !== 'Degraded'; attempt += 1) {
      const tree = (await call(`${sim.url}/api/v1/applications/db/resource-tree`, { token: TOKEN })).json<{
        nodes: Array<{ kind: string; health?: { status: string } }>;
      }>();
      podHealth = tree.nodes.find((node) => node.kind === 'Pod')?.health?.status;
      if (podHealth !== 'Degraded') await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(podHealth).toBe('Degraded');
    expect(health(sim.getApp('db'))).toBe('Progressing');
  });

  it('reports a commit that leaves the app path alone as Synced at the new revision, with no operation', async () => {
    const repo = await repoWith({ 'apps/a/deploy.yaml': deployment('a', 'a:1'), 'README.md': 'hello\n' });
    const sim = await simulator([{ name: 'a', source: { repoPath: repo.dir, path: 'apps/a' } }]);
    const before = sim.getApp('a');
    const commit = await repo.commit({ 'README.md': 'changed\n' });
    const after = await sim.refresh('a');
    expect(after.status.sync).toMatchObject({ status: 'Synced', revision: commit });
    expect(after.operation).toBeUndefined();
    // The last sync is still the older commit: the "descendant of X" case of CONTRACT.md.
    expect(after.status.operationState?.syncResult?.revision).toBe(before.status.sync.revision);
  });

  it('raises a ComparisonError for invalid YAML, reports no revision, does not auto-sync, and recovers', async () => {
    const repo = await repoWith({ 'deploy.yaml': deployment('w', 'w:1') });
    const sim = await simulator([{ name: 'w', source: { repoPath: repo.dir } }]);
    await repo.commit({ 'deploy.yaml': 'kind: Deployment\nmetadata: [unclosed\n' });
    const broken = await sim.refresh('w');
    expect(broken.status.sync.status).toBe('Unknown');
    expect(broken.status.sync.revision).toBeUndefined();
    expect(broken.operation).toBeUndefined();
    const condition = broken.status.conditions?.find((c) => c.type === 'ComparisonError');
    expect(condition?.message).toMatch(/^Failed to load target state: failed to generate manifest for source 1 of 1: .*deploy\.yaml/);
    expect(health(broken)).toBe('Healthy');

    const fixed = await repo.commit({ 'deploy.yaml': deployment('w', 'w:2') });
    await sim.refresh('w');
    const recovered = await sim.waitFor('w', (app) => runsCommit(app, fixed));
    expect(recovered.status.conditions).toBeUndefined();
  });

  it('fails a sync that cannot apply after its retries, then reports SyncError instead of syncing again', async () => {
    const repo = await repoWith({ 'deploy.yaml': deployment('p', 'p:1') });
    const sim = await simulator([
      { name: 'p', source: { repoPath: repo.dir }, retry: { limit: 2 }, rules: { failSyncImage: { tagPrefix: 'rejected-' } } },
    ]);
    const commit = await repo.commit({ 'deploy.yaml': deployment('p', 'p:rejected-1') });
    const retrying = sim.waitFor('p', (app) => /^Retrying attempt #1 at \d\d:\d\d:\d\d: /.test(app.status.operationState?.message ?? ''));
    await sim.refresh('p');
    expect((await retrying).status.operationState?.phase).toBe('Running');
    const failed = await sim.waitFor('p', (app) => app.status.operationState?.phase === 'Failed');
    expect(failed.operation).toBeUndefined();
    expect(failed.status.operationState).toMatchObject({
      retryCount: 2,
      syncResult: { revision: commit, resources: [expect.objectContaining({ kind: 'Deployment', status: 'SyncFailed' })] },
    });
    expect(failed.status.operationState?.message).toMatch(/^one or more objects failed to apply, reason: .*p:rejected-1.* \(retried 2 times\)\.$/);
    const again = await sim.refresh('p');
    expect(again.operation).toBeUndefined();
    expect(again.status.sync).toMatchObject({ status: 'OutOfSync', revision: commit });
    expect(again.status.conditions?.find((c) => c.type === 'SyncError')?.message).toBe(
      `Failed last sync attempt to [${commit}]: ${failed.status.operationState?.message ?? ''}`,
    );
  });

  it('syncs a multi-source app and reports revisions[] in the order of spec.sources', async () => {
    const first = await repoWith({ 'deploy.yaml': deployment('front', 'front:1') });
    const second = await repoWith({ 'deploy.yaml': deployment('back', 'back:1') });
    const sim = await simulator([{ name: 'multi', sources: [{ repoPath: first.dir }, { repoPath: second.dir, targetRevision: 'main' }] }]);
    const firstTip = await first.git(['rev-parse', 'HEAD']);
    const secondTip = await second.commit({ 'deploy.yaml': deployment('back', 'back:2') });
    await sim.refresh('multi');
    const done = await sim.waitFor(
      'multi',
      (app) => app.status.sync.status === 'Synced' && health(app) === 'Healthy' && app.status.sync.revisions?.[1] === secondTip && !app.operation,
    );
    expect(done.spec.source).toBeUndefined();
    expect(done.spec.sources).toHaveLength(2);
    expect(done.status.sync.revision).toBeUndefined();
    expect(done.status.sync.revisions).toEqual([firstTip, secondTip]);
    expect(done.status.operationState?.operation.sync.revisions).toEqual([firstTip, secondTip]);
    expect(done.status.operationState?.syncResult?.revisions).toEqual([firstTip, secondTip]);
    expect(done.status.sourceTypes).toEqual(['Directory', 'Directory']);
    expect(done.status.summary.images).toEqual(['back:2', 'front:1']);
  });

  it('renders a kustomize overlay and follows an images: newTag promotion', async () => {
    const repo = await repoWith({
      'base/kustomization.yaml': 'resources:\n  - deploy.yaml\n',
      'base/deploy.yaml': deployment('k', 'ghcr.io/acme/k:0.1'),
      'overlays/prod/kustomization.yaml': 'namespace: prod\nresources:\n  - ../../base\nimages:\n  - name: ghcr.io/acme/k\n    newTag: "1.0"\n',
    });
    const sim = await simulator([{ name: 'k', source: { repoPath: repo.dir, path: 'overlays/prod' } }]);
    const initial = sim.getApp('k');
    expect(initial.status.sourceType).toBe('Kustomize');
    expect(initial.status.summary.images).toEqual(['ghcr.io/acme/k:1.0']);
    expect(initial.status.resources?.[0]).toMatchObject({ kind: 'Deployment', namespace: 'prod' });
    const commit = await repo.commit({
      'overlays/prod/kustomization.yaml': 'namespace: prod\nresources:\n  - ../../base\nimages:\n  - name: ghcr.io/acme/k\n    newTag: "1.1"\n',
    });
    await sim.refresh('k');
    const done = await sim.waitFor('k', (app) => runsCommit(app, commit));
    expect(done.status.summary.images).toEqual(['ghcr.io/acme/k:1.1']);
  });

  it('notices a push on its own when the reconcile interval elapses', async () => {
    const repo = await repoWith({ 'deploy.yaml': deployment('t', 't:1') });
    const sim = await simulator([{ name: 't', source: { repoPath: repo.dir } }], { reconcileIntervalMs: 50 });
    const commit = await repo.commit({ 'deploy.yaml': deployment('t', 't:2') });
    await sim.waitFor('t', (app) => runsCommit(app, commit));
    expect(sim.requestCount()).toBe(0);
  });

  it('starts a never-deployed app Missing and OutOfSync, then auto-syncs it', async () => {
    const repo = await repoWith({ 'deploy.yaml': deployment('n', 'n:1') });
    const sim = await simulator([]);
    const release = sim.hold('operationStart', 'n');
    const created = await sim.addApp({ name: 'n', source: { repoPath: repo.dir }, initiallyDeployed: false });
    expect(created.status.sync.status).toBe('OutOfSync');
    expect(health(created)).toBe('Missing');
    expect(created.status.operationState).toBeUndefined();
    expect(created.operation?.initiatedBy).toEqual({ automated: true });
    release();
    const tip = await repo.git(['rev-parse', 'HEAD']);
    await sim.waitFor('n', (app) => runsCommit(app, tip));
  });

  it('answers a refresh only after the controller compared: a held refresh stage blocks the GET', async () => {
    const repo = await repoWith({ 'deploy.yaml': deployment('h', 'h:1') });
    const sim = await simulator([{ name: 'h', source: { repoPath: repo.dir } }]);
    const release = sim.hold('refresh', 'h');
    let answered = false;
    const pending = call(`${sim.url}/api/v1/applications/h?refresh=hard`, { token: TOKEN }).then((reply) => {
      answered = true;
      return reply;
    });
    const annotated = await sim.waitFor('h', (app) => app.metadata.annotations?.['argocd.argoproj.io/refresh'] === 'hard');
    expect(annotated.metadata.annotations).toEqual({ 'argocd.argoproj.io/refresh': 'hard' });
    // A plain GET meanwhile is answered at once and shows the annotation.
    const plain = (await call(`${sim.url}/api/v1/applications/h`, { token: TOKEN })).json<Application>();
    expect(plain.metadata.annotations?.['argocd.argoproj.io/refresh']).toBe('hard');
    expect(answered).toBe(false);
    release();
    const reply = await pending;
    expect(reply.status).toBe(200);
    expect(reply.json<Application>().metadata.annotations).toBeUndefined();
  });
});
