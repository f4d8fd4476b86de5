/**
 * The simulator's API surface as a client meets it: authentication, 403-versus-404, list and
 * watch filters, manual sync with its content-type and in-progress rules, sessions.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ArgoCdSimulator, type Application, type SimulatorOptions } from '../../src/index';
import { call, watch } from '../../../../test/support/argocd-http';
import { createTestRepo, deployment, type TestRepo } from '../../../../test/support/argocd-git-repo';

const TOKEN = 'api-token';
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(options: SimulatorOptions = {}): Promise<{ sim: ArgoCdSimulator; repo: TestRepo }> {
  const repo = await createTestRepo({ 'deploy.yaml': deployment('web', 'web:1') });
  cleanups.push(() => repo.remove());
  const sim = await ArgoCdSimulator.start({
    tokens: [TOKEN],
    reconcileIntervalMs: 0,
    apps: [{ name: 'web', source: { repoPath: repo.dir, targetRevision: 'main' }, labels: { team: 'a', tier: 'web' } }],
    ...options,
  });
  cleanups.push(() => sim.close());
  return { sim, repo };
}

const health = (app: Application): string | undefined => ('status' in app.status.health ? app.status.health.status : undefined);

describe('argocd-simulator API', () => {
  it('answers 401 in runtimeError form without a token, with an unknown one and with a revoked one', async () => {
    const { sim } = await setup();
    const missing = await call(`${sim.url}/api/v1/applications/web`);
    expect(missing.status).toBe(401);
    expect(missing.json()).toEqual({ error: 'no session information', code: 16, message: 'no session information' });
    const unknown = await call(`${sim.url}/api/v1/applications/web`, { token: 'not-a-token' });
    expect(unknown.status).toBe(401);
    expect(unknown.json()).toMatchObject({ code: 16, error: expect.stringMatching(/^invalid session: /) });
    for (const path of ['/api/v1/applications', '/api/v1/stream/applications?name=web', '/api/v1/applications/web/resource-tree']) {
      expect((await call(`${sim.url}${path}`)).status).toBe(401);
    }
    sim.revokeToken(TOKEN);
    const revoked = await call(`${sim.url}/api/v1/applications/web`, { token: TOKEN });
    expect(revoked.status).toBe(401);
    expect(revoked.json<{ message: string }>().message).toMatch(/^invalid session: token is revoked/);
  });

  it('accepts the argocd.token cookie and issues tokens from POST /session', async () => {
    const { sim } = await setup({ users: { ci: { password: 's3cret' } } });
    expect((await call(`${sim.url}/api/v1/applications/web`, { headers: { Cookie: `other=1; argocd.token=${TOKEN}` } })).status).toBe(200);
    const wrong = await call(`${sim.url}/api/v1/session`, { method: 'POST', body: { username: 'ci', password: 'nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.json()).toEqual({ error: 'Invalid username or password', code: 16, message: 'Invalid username or password' });
    const login = await call(`${sim.url}/api/v1/session`, { method: 'POST', body: { username: 'ci', password: 's3cret' } });
    expect(login.status).toBe(200);
    const { token } = login.json<{ token: string }>();
    expect(token.split('.')).toHaveLength(3);
    expect(login.headers['set-cookie']?.[0]).toMatch(/^argocd\.token=/);
    expect((await call(`${sim.url}/api/v1/applications/web`, { token })).status).toBe(200);
    const wrongType = await call(`${sim.url}/api/v1/session`, { method: 'POST', body: '{"username":"ci","password":"s3cret"}', headers: { 'Content-Type': 'text/plain' } });
    expect(wrongType.status).toBe(415);
  });

  it('says 403 permission denied for a missing app unless the project is given, then 404', async () => {
    const { sim } = await setup();
    const denied = await call(`${sim.url}/api/v1/applications/ghost`, { token: TOKEN });
    expect(denied.status).toBe(403);
    expect(denied.json()).toEqual({ error: 'permission denied', code: 7, message: 'permission denied' });
    const notFound = await call(`${sim.url}/api/v1/applications/ghost?project=default`, { token: TOKEN });
    expect(notFound.status).toBe(404);
    expect(notFound.json()).toEqual({ error: 'applications.argoproj.io "ghost" not found', code: 5, message: 'applications.argoproj.io "ghost" not found' });
    // An existing app asked for under another project is "not found" too.
    expect((await call(`${sim.url}/api/v1/applications/web?project=other`, { token: TOKEN })).status).toBe(404);
    expect((await call(`${sim.url}/api/v1/applications/ghost/resource-tree`, { token: TOKEN })).status).toBe(403);
    expect((await call(`${sim.url}/api/v1/applications/web?project=default`, { token: TOKEN })).status).toBe(200);
  });

  it('hides apps of projects a token may not read: 403 on GET, absent from lists and watches', async () => {
    const { sim, repo } = await setup({ tokens: { [TOKEN]: {}, narrow: { projects: ['team-b'] } } });
    await sim.addApp({ name: 'b-app', project: 'team-b', source: { repoPath: repo.dir } });
    expect((await call(`${sim.url}/api/v1/applications/web`, { token: 'narrow' })).status).toBe(403);
    expect((await call(`${sim.url}/api/v1/applications/web?project=default`, { token: 'narrow' })).status).toBe(403);
    const list = (await call(`${sim.url}/api/v1/applications`, { token: 'narrow' })).json<{ items: Application[] }>();
    expect(list.items.map((app) => app.metadata.name)).toEqual(['b-app']);
    const narrow = watch(`${sim.url}/api/v1/stream/applications`, 'narrow');
    cleanups.push(async () => narrow.close());
    await narrow.next((line) => line.result?.application.metadata.name === 'b-app');
    expect(narrow.lines.map((line) => line.result?.application.metadata.name)).toEqual(['b-app']);
    sim.setTokenProjects('narrow', undefined);
    expect((await call(`${sim.url}/api/v1/applications/web`, { token: 'narrow' })).status).toBe(200);
  });

  it('filters lists by label selector, project and namespace', async () => {
    const { sim, repo } = await setup();
    await sim.addApp({ name: 'api', labels: { team: 'b', tier: 'api' }, source: { repoPath: repo.dir } });
    await sim.addApp({ name: 'batch', project: 'jobs', labels: { team: 'a' }, source: { repoPath: repo.dir } });
    await sim.addApp({ name: 'elsewhere', namespace: 'team-ns', labels: { team: 'a' }, source: { repoPath: repo.dir } });
    const names = async (query: string): Promise<string[]> => {
      const reply = await call(`${sim.url}/api/v1/applications?${query}`, { token: TOKEN });
      expect(reply.status).toBe(200);
      return reply.json<{ items: Application[] }>().items.map((app) => app.metadata.name);
    };
    expect(await names('')).toEqual(['api', 'batch', 'elsewhere', 'web']);
    expect(await names('selector=team%3Da')).toEqual(['batch', 'elsewhere', 'web']);
    expect(await names('selector=team%3Da,tier%3Dweb')).toEqual(['web']);
    expect(await names('selector=team!%3Da')).toEqual(['api']);
    expect(await names(`selector=${encodeURIComponent('tier in (api, web)')}`)).toEqual(['api', 'web']);
    expect(await names(`selector=${encodeURIComponent('tier notin (web)')}`)).toEqual(['api', 'batch', 'elsewhere']);
    expect(await names('selector=tier')).toEqual(['api', 'web']);
    expect(await names('projects=jobs')).toEqual(['batch']);
    expect(await names('projects=jobs&projects=default&appNamespace=argocd')).toEqual(['api', 'batch', 'web']);
    expect(await names('appNamespace=team-ns')).toEqual(['elsewhere']);
    const list = (await call(`${sim.url}/api/v1/applications`, { token: TOKEN })).json<{ metadata: { resourceVersion: string } }>();
    expect(Number(list.metadata.resourceVersion)).toBeGreaterThan(0);
    expect((await call(`${sim.url}/api/v1/applications?selector=${encodeURIComponent('a in b')}`, { token: TOKEN })).status).toBe(500);
    expect((await call(`${sim.url}/api/v1/applications/elsewhere`, { token: TOKEN })).status).toBe(403);
    expect((await call(`${sim.url}/api/v1/applications/elsewhere?appNamespace=team-ns`, { token: TOKEN })).status).toBe(200);
  });

  it('keeps a manual-sync app OutOfSync until POST sync, which needs exactly application/json and one operation at a time', async () => {
    const { sim, repo } = await setup({ apps: [] });
    await sim.addApp({ name: 'manual', autoSync: false, source: { repoPath: repo.dir, targetRevision: 'main' } });
    expect(sim.getApp('manual').spec.syncPolicy).toBeUndefined();
    const commit = await repo.commit({ 'deploy.yaml': deployment('web', 'web:2') });
    const outOfSync = await sim.refresh('manual');
    expect(outOfSync.status.sync).toMatchObject({ status: 'OutOfSync', revision: commit });
    expect(outOfSync.operation).toBeUndefined();
    expect((await sim.refresh('manual')).operation).toBeUndefined();

    const url = `${sim.url}/api/v1/applications/manual/sync`;
    for (const type of ['text/plain', 'application/json; charset=utf-8']) {
      const reply = await call(url, { method: 'POST', token: TOKEN, body: '{}', headers: { 'Content-Type': type } });
      expect(reply.status).toBe(415);
      expect(reply.text).toBe('Invalid content type\n');
    }
    const release = sim.hold('sync', 'manual');
    const started = await call(url, { method: 'POST', token: TOKEN, body: { revision: 'main', prune: true } });
    expect(started.status).toBe(200);
    expect(started.json<Application>().operation).toEqual({ sync: { revision: commit, prune: true }, initiatedBy: { username: 'admin' } });
    const running = await sim.waitFor('manual', (app) => app.status.operationState?.phase === 'Running');
    expect(health(running)).toBe('Progressing');
    const second = await call(url, { method: 'POST', token: TOKEN, body: {} });
    expect(second.status).toBe(400);
    expect(second.json()).toEqual({ error: 'another operation is already in progress', code: 9, message: 'another operation is already in progress' });
    release();
    const done = await sim.waitFor('manual', (app) => app.status.sync.status === 'Synced' && health(app) === 'Healthy' && !app.operation);
    expect(done.status.operationState).toMatchObject({ phase: 'Succeeded', syncResult: { revision: commit }, operation: { initiatedBy: { username: 'admin' } } });
  });

  it('syncs a manual app to an older revision and then shows it OutOfSync against the tip', async () => {
    const { sim, repo } = await setup({ apps: [] });
    const old = await repo.git(['rev-parse', 'HEAD']);
    await sim.addApp({ name: 'pin', autoSync: false, source: { repoPath: repo.dir, targetRevision: 'main' } });
    const tip = await repo.commit({ 'deploy.yaml': deployment('web', 'web:2') });
    await sim.refresh('pin');
    await sim.sync('pin', { revision: tip });
    await sim.waitFor('pin', (app) => app.status.sync.status === 'Synced' && app.status.operationState?.syncResult?.revision === tip && !app.operation);
    const reply = await call(`${sim.url}/api/v1/applications/pin/sync`, { method: 'POST', token: TOKEN, body: { revision: old.slice(0, 10) } });
    expect(reply.status).toBe(200);
    const done = await sim.waitFor('pin', (app) => app.status.operationState?.syncResult?.revision === old && app.status.sync.status === 'OutOfSync');
    expect(done.status.sync.revision).toBe(tip);
    expect(done.status.summary.images).toEqual(['web:1']);
  });

  it('refuses a revision other than the target for an auto-sync app, and an unresolvable one', async () => {
    const { sim, repo } = await setup();
    const url = `${sim.url}/api/v1/applications/web/sync`;
    const pinned = await call(url, { method: 'POST', token: TOKEN, body: { revision: 'feature' } });
    expect(pinned.status).toBe(400);
    expect(pinned.json()).toMatchObject({ code: 9, message: 'Cannot sync to feature: auto-sync currently set to main' });
    await sim.addApp({ name: 'man', autoSync: false, source: { repoPath: repo.dir } });
    const unknown = await call(`${sim.url}/api/v1/applications/man/sync`, { method: 'POST', token: TOKEN, body: { revision: 'no-such-branch' } });
    expect(unknown.status).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 9, message: expect.stringContaining("unable to resolve 'no-such-branch' to a commit SHA") });
    // A dry run may name any revision, even on an auto-sync app.
    expect((await call(url, { method: 'POST', token: TOKEN, body: { revision: 'HEAD', dryRun: true } })).status).toBe(200);
  });

  it('runs a dry-run sync without changing what is deployed', async () => {
    const { sim, repo } = await setup({ apps: [] });
    await sim.addApp({ name: 'dry', autoSync: false, source: { repoPath: repo.dir } });
    const commit = await repo.commit({ 'deploy.yaml': deployment('web', 'web:9') });
    await sim.refresh('dry');
    await sim.sync('dry', { dryRun: true });
    const done = await sim.waitFor('dry', (app) => app.status.operationState?.operation.sync.dryRun === true && app.status.operationState.phase === 'Succeeded');
    expect(done.status.operationState?.syncResult?.revision).toBe(commit);
    expect(done.status.summary.images).toEqual(['web:1']);
    expect((await sim.refresh('dry')).status.sync.status).toBe('OutOfSync');
  });

  it('watches: ADDED first for matching apps only, quiet for an app that does not exist yet, resumable by resourceVersion', async () => {
    const { sim, repo } = await setup();
    await sim.addApp({ name: 'other', labels: { team: 'b' }, source: { repoPath: repo.dir } });
    const byLabel = watch(`${sim.url}/api/v1/stream/applications?selector=team%3Db`, TOKEN);
    const ghost = watch(`${sim.url}/api/v1/stream/applications?name=ghost`, TOKEN);
    cleanups.push(async () => byLabel.close(), async () => ghost.close());
    expect(await ghost.status).toBe(200);
    await byLabel.next((line) => line.result?.type === 'ADDED');
    sim.patchApp('other', { metadata: { labels: { team: 'b', touched: 'yes' } } });
    await byLabel.next((line) => line.result?.type === 'MODIFIED');
    expect(ghost.raw()).toBe('');
    await sim.addApp({ name: 'ghost', source: { repoPath: repo.dir } });
    const added = await ghost.next(() => true);
    expect(added.result?.type).toBe('ADDED');

    const current = sim.getApp('web');
    const resumed = watch(`${sim.url}/api/v1/stream/applications?resourceVersion=${current.metadata.resourceVersion}`, TOKEN);
    const named = watch(`${sim.url}/api/v1/stream/applications?name=web&resourceVersion=${current.metadata.resourceVersion}`, TOKEN);
    cleanups.push(async () => resumed.close(), async () => named.close());
    // A named watch still sends the current object; a resumed list watch sends only what comes next.
    expect((await named.next(() => true)).result?.type).toBe('ADDED');
    sim.patchApp('web', { metadata: { labels: { team: 'a', tier: 'web', bumped: '1' } } });
    const next = await resumed.next(() => true);
    expect(next.result).toMatchObject({ type: 'MODIFIED', application: { metadata: { name: 'web' } } });
    sim.removeApp('web');
    const deleted = await named.next((line) => line.result?.type === 'DELETED');
    expect(deleted.result?.application.metadata.name).toBe('web');
    expect((await call(`${sim.url}/api/v1/applications/web?project=default`, { token: TOKEN })).status).toBe(404);
  });

  it('answers unknown routes 404 and serves the version unauthenticated', async () => {
    const { sim } = await setup();
    expect((await call(`${sim.url}/api/v1/nothing`, { token: TOKEN })).status).toBe(404);
    const version = await call(`${sim.url}/api/version`);
    expect(version.status).toBe(200);
    expect(version.json<{ Version: string }>().Version).toMatch(/^v3\./);
    expect((await call(`${sim.url}/__sim/requests`)).status).toBe(404);
  });
});
