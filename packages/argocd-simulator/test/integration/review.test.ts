/**
 * What a promotion review reads from Argo CD: `GET …/manifests?revision=` (a revision rendered as
 * the app's comparison renders it, or the repo server's error), `GET …/managed-resources` (live,
 * normalized live, predicted live and target per resource, Secret values masked) and
 * `status.history` (one entry per full sync, timestamped by the simulator's clock).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ArgoCdSimulator, ManualClock, type AppConfig, type Application, type ResourceDiff, type SimulatorOptions } from '../../src/index';
import { call } from '../../../../test/support/argocd-http';
import { createTestRepo, deployment, service, type TestRepo } from '../../../../test/support/argocd-git-repo';

const TOKEN = 'review-token';
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});


type K8s = Record<string, Record<string, unknown> | string | undefined> & { metadata: Record<string, unknown>; spec?: Record<string, unknown> };

const SECRET = ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: creds', 'stringData:', '  user: app', '  password: first', ''].join('\n');

const KUSTOMIZATION = (tag: string): string =>
  ['resources:', '  - deploy.yaml', '  - svc.yaml', 'namespace: shop', 'images:', '  - name: ghcr.io/acme/web', `    newTag: "${tag}"`, ''].join('\n');

async function setup(files: Record<string, string>, app: Partial<AppConfig> = {}, options: SimulatorOptions = {}): Promise<{ sim: ArgoCdSimulator; repo: TestRepo }> {
  const repo = await createTestRepo(files);
  cleanups.push(() => repo.remove());
  const sim = await ArgoCdSimulator.start({
    tokens: [TOKEN],
    reconcileIntervalMs: 0,
    apps: [{ name: 'web', source: { repoPath: repo.dir, targetRevision: 'main' }, destination: { server: 'https://kubernetes.default.svc', namespace: 'web' }, ...app }],
    ...options,
  });
  cleanups.push(() => sim.close());
  return { sim, repo };
}

async function manifests(sim: ArgoCdSimulator, query = ''): Promise<K8s[]> {
  const reply = await call(`${sim.url}/api/v1/applications/web/manifests${query}`, { token: TOKEN });
  expect(reply.status).toBe(200);
  return (reply.json<{ manifests?: string[] }>().manifests ?? []).map((text) => JSON.parse(text) as K8s);
}

async function managed(sim: ArgoCdSimulator, query = ''): Promise<ResourceDiff[]> {
  const reply = await call(`${sim.url}/api/v1/applications/web/managed-resources${query}`, { token: TOKEN });
  expect(reply.status).toBe(200);
  return reply.json<{ items: ResourceDiff[] }>().items;
}

const parse = (text: string): K8s | null => JSON.parse(text) as K8s | null;
const image = (object: K8s | null): unknown => (((object?.spec?.['template'] as K8s | undefined)?.spec?.['containers'] as Array<{ image: string }> | undefined) ?? [])[0]?.image;
const health = (app: Application): string | undefined => ('status' in app.status.health ? app.status.health.status : undefined);

describe('GET /api/v1/applications/{name}/manifests', () => {
  it('renders a Kustomize source at any revision, its target revision without one, with tracking ids and no other keys', async () => {
    const { sim, repo } = await setup({ 'deploy.yaml': deployment('web', 'ghcr.io/acme/web:1.0.0'), 'svc.yaml': service('web'), 'kustomization.yaml': KUSTOMIZATION('1.0.0') });
    const head = await repo.commit({ 'kustomization.yaml': KUSTOMIZATION('1.1.0') });
    await repo.branch('promote');
    const proposed = await repo.commit({ 'kustomization.yaml': KUSTOMIZATION('1.2.0') });

    const current = await manifests(sim);
    expect(current.map(image)).toEqual(['ghcr.io/acme/web:1.1.0', undefined]);
    for (const query of [`?revision=${proposed}`, '?revision=promote', `?revision=${proposed.slice(0, 7)}`]) {
      const rendered = await manifests(sim, query);
      expect(rendered.map(image)).toEqual(['ghcr.io/acme/web:1.2.0', undefined]);
    }
    const [deploy, svc] = await manifests(sim, `?revision=${head}`);
    expect(deploy?.metadata).toEqual({ name: 'web', namespace: 'shop', annotations: { 'argocd.argoproj.io/tracking-id': 'web:apps/Deployment:shop/web' } });
    expect(svc?.metadata['annotations']).toEqual({ 'argocd.argoproj.io/tracking-id': 'web:/Service:shop/web' });
    // Argo CD 3.x answers the manifests alone.
    const raw = await call(`${sim.url}/api/v1/applications/web/manifests?revision=${head}`, { token: TOKEN });
    expect(Object.keys(raw.json<Record<string, unknown>>())).toEqual(['manifests']);
    expect(sim.requestCount('manifests')).toBe(6);
  });

  it('leaves the namespace of a plain directory to the controller and masks Secret values', async () => {
    const { sim, repo } = await setup({ 'deploy.yaml': deployment('web', 'web:1'), 'secret.yaml': SECRET, 'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n' });
    const [deploy, namespace, secret] = await manifests(sim);
    // A cluster-scoped object's tracking id names the destination namespace, as Argo CD's does.
    expect(namespace?.metadata['annotations']).toEqual({ 'argocd.argoproj.io/tracking-id': 'web:/Namespace:web/shop' });
    // An app outside the control-plane namespace is tracked as namespace_name.
    await sim.addApp({ name: 'web', namespace: 'team', source: { repoPath: repo.dir, targetRevision: 'main' }, destination: { namespace: 'web' } });
    const reply = await call(`${sim.url}/api/v1/applications/web/manifests?appNamespace=team`, { token: TOKEN });
    const [teamDeploy] = reply.json<{ manifests: string[] }>().manifests.map((text) => JSON.parse(text) as K8s);
    expect(teamDeploy?.metadata['annotations']).toEqual({ 'argocd.argoproj.io/tracking-id': 'team_web:apps/Deployment:web/web' });
    expect(deploy?.metadata['namespace']).toBeUndefined();
    expect(deploy?.metadata['annotations']).toEqual({ 'argocd.argoproj.io/tracking-id': 'web:apps/Deployment:web/web' });
    expect(secret?.['stringData']).toBeUndefined();
    expect(secret?.['data']).toEqual({ user: '++++++++', password: '++++++++' });
    expect(JSON.stringify(secret)).not.toMatch(/first|YXBw|Zmlyc3Q/);
  });

  it('answers the repo server errors: unknown branch 500 Unknown, unknown SHA 500 Internal, unparsable file 400, missing app 403/404', async () => {
    const { sim, repo } = await setup({ 'deploy.yaml': deployment('web', 'web:1') });
    const branch = await call(`${sim.url}/api/v1/applications/web/manifests?revision=no-such-branch`, { token: TOKEN });
    expect(branch.status).toBe(500);
    expect(branch.json()).toEqual({ code: 2, error: "unable to resolve 'no-such-branch' to a commit SHA", message: "unable to resolve 'no-such-branch' to a commit SHA" });
    const sha = 'f'.repeat(40);
    const missing = await call(`${sim.url}/api/v1/applications/web/manifests?revision=${sha}`, { token: TOKEN });
    expect(missing.status).toBe(500);
    expect(missing.json()).toMatchObject({ code: 13, message: expect.stringMatching(new RegExp(`^Failed to checkout revision ${sha}: `)) });
    await repo.branch('bad');
    const bad = await repo.commit({ 'deploy.yaml': 'kind: [broken\n' });
    const unparsable = await call(`${sim.url}/api/v1/applications/web/manifests?revision=${bad}`, { token: TOKEN });
    expect(unparsable.status).toBe(400);
    expect(unparsable.json()).toMatchObject({ code: 9, message: expect.stringMatching(/^Failed to unmarshal "deploy.yaml": /) });
    expect((await call(`${sim.url}/api/v1/applications/ghost/manifests`, { token: TOKEN })).status).toBe(403);
    expect((await call(`${sim.url}/api/v1/applications/ghost/manifests?project=default`, { token: TOKEN })).status).toBe(404);
    expect((await call(`${sim.url}/api/v1/applications/web/manifests`)).status).toBe(401);
  });

  it('takes revisions with sourcePositions for a multi-source app', async () => {
    const repo = await createTestRepo({ 'a/deploy.yaml': deployment('a', 'a:1') });
    cleanups.push(() => repo.remove());
    const first = await repo.git(['rev-parse', 'HEAD']);
    await repo.commit({ 'a/deploy.yaml': deployment('a', 'a:2') });
    const sim = await ArgoCdSimulator.start({ tokens: [TOKEN], reconcileIntervalMs: 0, apps: [{ name: 'multi', sources: [{ repoPath: repo.dir, path: 'a' }, { repoPath: repo.dir, ref: 'values' }] }] });
    cleanups.push(() => sim.close());
    const at = async (query: string): Promise<unknown[]> => {
      const reply = await call(`${sim.url}/api/v1/applications/multi/manifests${query}`, { token: TOKEN });
      return (reply.json<{ manifests: string[] }>().manifests ?? []).map((text) => image(JSON.parse(text) as K8s));
    };
    expect(await at('')).toEqual(['a:2']);
    // A multi-source app's history names every source and its revision, in spec.sources order.
    const tip = await repo.git(['rev-parse', 'HEAD']);
    expect(sim.getApp('multi').status.history).toEqual([
      expect.objectContaining({ id: 0, revisions: [tip, tip], sources: [expect.objectContaining({ path: 'a' }), expect.objectContaining({ ref: 'values' })] }),
    ]);
    expect(await at(`?revisions=${first}&sourcePositions=1`)).toEqual(['a:1']);
    const outOfRange = await call(`${sim.url}/api/v1/applications/multi/manifests?revisions=main&sourcePositions=3`, { token: TOKEN });
    expect(outOfRange.status).toBe(500);
    expect(outOfRange.json()).toMatchObject({ code: 2, message: 'source position is out of range' });
  });
});

describe('GET /api/v1/applications/{applicationName}/managed-resources', () => {
  it('gives live state as a cluster stores it, and a normalized live state that differs from the target only where the target changes', async () => {
    const { sim, repo } = await setup({ 'deploy.yaml': deployment('web', 'ghcr.io/acme/web:1.0.0'), 'svc.yaml': service('web') }, { autoSync: false });
    const synced = await managed(sim);
    expect(synced.map((item) => [item.group, item.kind, item.namespace, item.name, item.modified])).toEqual([
      [undefined, 'Service', 'web', 'web', undefined],
      ['apps', 'Deployment', 'web', 'web', undefined],
    ]);
    const deploy = synced[1] as ResourceDiff;
    const live = parse(deploy.liveState) as K8s;
    expect(live.metadata).toMatchObject({ uid: expect.any(String), resourceVersion: expect.any(String), creationTimestamp: expect.any(String), generation: 1, namespace: 'web' });
    expect(live.spec).toMatchObject({ replicas: 1, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 });
    // What a client-side apply leaves: the applied object, without anything the server added.
    expect(JSON.parse(String((live.metadata['annotations'] as Record<string, unknown>)['kubectl.kubernetes.io/last-applied-configuration']))).toEqual(parse(deploy.targetState));
    expect(live['status']).toMatchObject({ observedGeneration: 1, availableReplicas: 1 });
    const normalized = parse(deploy.normalizedLiveState) as K8s;
    expect(normalized['status']).toBeUndefined();
    expect(normalized.spec).toMatchObject({ revisionHistoryLimit: 10 });
    expect(deploy.predictedLiveState).toBe(deploy.normalizedLiveState);
    const target = parse(deploy.targetState) as K8s;
    expect(target.metadata).toEqual({ name: 'web', namespace: 'web', annotations: { 'argocd.argoproj.io/tracking-id': 'web:apps/Deployment:web/web' } });
    const svc = parse((synced[0] as ResourceDiff).liveState) as K8s;
    expect(svc.spec).toMatchObject({ type: 'ClusterIP', clusterIP: expect.stringMatching(/^10\.96\./), ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] });

    // The app's target moves on (not synced yet): the diff is the image, nothing the server set.
    await repo.commit({ 'deploy.yaml': deployment('web', 'ghcr.io/acme/web:1.1.0'), 'svc.yaml': null, 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra}\ndata: {a: "1"}\n' });
    await sim.refresh('web');
    const moved = await managed(sim);
    expect(moved.map((item) => [item.kind, item.modified, item.liveState === 'null', item.targetState === 'null'])).toEqual([
      ['ConfigMap', true, true, false],
      ['Service', undefined, false, true],
      ['Deployment', true, false, false],
    ]);
    const [added, removed, changed] = moved as [ResourceDiff, ResourceDiff, ResourceDiff];
    expect(added.normalizedLiveState).toBe('null');
    expect(parse(added.predictedLiveState)?.metadata['name']).toBe('extra');
    expect(removed.predictedLiveState).toBe('null');
    expect(image(parse(changed.normalizedLiveState))).toBe('ghcr.io/acme/web:1.0.0');
    const predicted = parse(changed.predictedLiveState) as K8s;
    expect(image(predicted)).toBe('ghcr.io/acme/web:1.1.0');
    // Predicted keeps the server's fields: only the image differs from normalized live.
    const withOldImage = JSON.parse(changed.predictedLiveState.replace('ghcr.io/acme/web:1.1.0', 'ghcr.io/acme/web:1.0.0')) as unknown;
    expect(withOldImage).toEqual(parse(changed.normalizedLiveState));
    expect(await managed(sim, '?kind=Deployment&name=web')).toHaveLength(1);
    expect(sim.requestCount('managed-resources')).toBe(3);
  });

  it('leaves out the ignoreDifferences jsonPointers of matching resources', async () => {
    const replicas = deployment('web', 'web:1').replace('spec:\n', 'spec:\n  replicas: 3\n');
    const { sim, repo } = await setup(
      { 'deploy.yaml': replicas },
      { autoSync: false, ignoreDifferences: [{ group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas', '/metadata/annotations/argocd.argoproj.io~1tracking-id'] }, { kind: 'Service', jsonPointers: ['/spec'] }] },
    );
    expect(sim.getApp('web').spec.ignoreDifferences?.[0]?.jsonPointers).toEqual(['/spec/replicas', '/metadata/annotations/argocd.argoproj.io~1tracking-id']);
    await repo.commit({ 'deploy.yaml': replicas.replace('replicas: 3', 'replicas: 5') });
    await sim.refresh('web');
    const [item] = await managed(sim);
    expect(item?.modified).toBeUndefined();
    const normalized = parse(item?.normalizedLiveState ?? 'null') as K8s;
    expect(normalized.spec?.['replicas']).toBeUndefined();
    expect(Object.keys(normalized.metadata['annotations'] as object)).toEqual(['kubectl.kubernetes.io/last-applied-configuration']);
    expect((parse(item?.liveState ?? 'null') as K8s).spec?.['replicas']).toBe(3);
  });

  it('masks Secret values with a + run per distinct value, so only which keys changed shows', async () => {
    const { sim, repo } = await setup({ 'secret.yaml': SECRET }, { autoSync: false });
    await repo.commit({ 'secret.yaml': SECRET.replace('password: first', 'password: second').replace('  user: app\n', '  user: app\n  token: new\n') });
    await sim.refresh('web');
    const [item] = await managed(sim);
    const text = JSON.stringify(item);
    for (const secret of ['first', 'second', 'new', Buffer.from('first').toString('base64'), Buffer.from('second').toString('base64'), Buffer.from('app').toString('base64')]) {
      expect(text).not.toContain(secret);
    }
    expect(parse(item?.targetState ?? 'null')?.['data']).toEqual({ user: '++++++++', password: '++++++++', token: '++++++++' });
    expect(parse(item?.liveState ?? 'null')?.['data']).toEqual({ user: '++++++++', password: '++++++++++++' });
    // The applied Secret in the live object's annotation is masked with the same runs.
    const liveMetadata = (parse(item?.liveState ?? 'null') as K8s).metadata;
    const applied = JSON.parse(String((liveMetadata['annotations'] as Record<string, unknown>)['kubectl.kubernetes.io/last-applied-configuration'])) as K8s;
    expect(applied['data']).toEqual({ user: '++++++++', password: '++++++++++++' });
    expect(applied['stringData']).toBeUndefined();
    expect(parse(item?.predictedLiveState ?? 'null')?.['data']).toEqual({ user: '++++++++', password: '++++++++', token: '++++++++' });
    expect(item?.modified).toBe(true);
  });
});

describe('faults on the review endpoints', () => {
  it('targets manifests and managed-resources by endpoint name, leaving the other one alone', async () => {
    const { sim } = await setup({ 'deploy.yaml': deployment('web', 'web:1') });
    sim.faults.add({ endpoint: 'manifests', times: 1, action: { type: 'error', status: 503, message: 'repo server overloaded' } });
    const failed = await call(`${sim.url}/api/v1/applications/web/manifests`, { token: TOKEN });
    expect(failed.status).toBe(503);
    expect((await call(`${sim.url}/api/v1/applications/web/managed-resources`, { token: TOKEN })).status).toBe(200);
    expect((await call(`${sim.url}/api/v1/applications/web/manifests`, { token: TOKEN })).status).toBe(200);
    expect(sim.requests.map((request) => [request.endpoint, request.status, request.fault])).toEqual([
      ['manifests', 503, 'error'],
      ['managed-resources', 200, undefined],
      ['manifests', 200, undefined],
    ]);
  });
});

describe('status.history', () => {
  it('appends one entry per full sync with the simulator clock, and none for a dry run or a partial sync', async () => {
    const clock = new ManualClock(new Date('2030-01-02T03:04:05Z'));
    const { sim, repo } = await setup({ 'deploy.yaml': deployment('web', 'web:1') }, { autoSync: false, timings: { operationStartMs: 0, syncMs: 0, postSyncReconcileMs: 0, rolloutMs: 0, refreshMs: 0 } }, { clock });
    const first = sim.getApp('web').status.history ?? [];
    expect(first).toEqual([expect.objectContaining({ id: 0, deployedAt: '2030-01-02T03:04:05Z', deployStartedAt: '2030-01-02T03:04:05Z', initiatedBy: { username: 'admin' } })]);
    const next = await repo.commit({ 'deploy.yaml': deployment('web', 'web:2') });
    await sim.refresh('web');
    await clock.advance(60_000);
    const settled = (app: Application): boolean => !app.operation && app.status.operationState?.phase === 'Succeeded' && health(app) === 'Healthy';
    await sim.sync('web', { dryRun: true, username: 'ci' });
    await sim.waitFor('web', (app) => settled(app) && app.status.operationState?.operation.sync.dryRun === true);
    await sim.sync('web', { resources: [{ group: 'apps', kind: 'Deployment', name: 'web' }], username: 'ci' });
    await sim.waitFor('web', (app) => settled(app) && app.status.operationState?.operation.sync.resources !== undefined);
    expect(sim.getApp('web').status.history).toHaveLength(1);
    await clock.advance(60_000);
    await sim.sync('web', { username: 'ci' });
    const done = await sim.waitFor('web', (app) => settled(app) && (app.status.history?.length ?? 0) === 2);
    expect(done.status.history?.[1]).toEqual({
      id: 1,
      revision: next,
      deployStartedAt: '2030-01-02T03:06:05Z',
      deployedAt: '2030-01-02T03:06:05Z',
      source: expect.objectContaining({ targetRevision: 'main' }),
      initiatedBy: { username: 'ci' },
    });
  });
});
