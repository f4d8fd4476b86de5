/**
 * ApplicationSets as a waiting client meets them: `GET /api/v1/applicationsets/{name}` lists the
 * generated Applications in `status.resources` (cut to `resourcesLimit`, `resourcesCount` counting
 * all), each app names the set in `ownerReferences`, and the control route adds one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ArgoCdSimulator } from '../../src/index';
import { call } from '../../../../test/support/argocd-http';
import { createTestRepo, deployment } from '../../../../test/support/argocd-git-repo';

const TOKEN = 'appset-token';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(): Promise<ArgoCdSimulator> {
  const repo = await createTestRepo({ 'a/deploy.yaml': deployment('a', 'a:1'), 'b/deploy.yaml': deployment('b', 'b:1'), 'c/deploy.yaml': deployment('c', 'c:1') });
  cleanups.push(() => repo.remove());
  const apps = ['a', 'b', 'c'].map((name) => ({ name: `web-${name}`, source: { repoPath: repo.dir, targetRevision: 'main', path: name } }));
  const sim = await ArgoCdSimulator.start({ tokens: [TOKEN], reconcileIntervalMs: 0, controlApi: true, apps });
  cleanups.push(() => sim.close());
  return sim;
}

describe('simulated ApplicationSets', () => {
  it('lists the generated apps in status.resources and marks each app as owned by the set', async () => {
    const sim = await setup();
    const added = await call(`${sim.url}/__sim/applicationsets`, { method: 'POST', body: { name: 'web', apps: ['web-a', 'web-b', 'web-c'], resourcesLimit: 2 } });
    expect(added.status).toBe(200);
    expect((await call(`${sim.url}/api/v1/applicationsets/web`)).status).toBe(401);
    const set = (await call(`${sim.url}/api/v1/applicationsets/web`, { token: TOKEN })).json<{ metadata: { name: string; namespace: string }; status: { resources: Array<Record<string, unknown>>; resourcesCount: number } }>();
    expect(set.metadata).toMatchObject({ name: 'web', namespace: 'argocd' });
    expect(set.status.resourcesCount).toBe(3);
    expect(set.status.resources).toEqual([
      { group: 'argoproj.io', version: 'v1alpha1', kind: 'Application', namespace: 'argocd', name: 'web-a', status: 'Synced', health: { status: 'Healthy' } },
      { group: 'argoproj.io', version: 'v1alpha1', kind: 'Application', namespace: 'argocd', name: 'web-b', status: 'Synced', health: { status: 'Healthy' } },
    ]);
    const app = (await call(`${sim.url}/api/v1/applications/web-c`, { token: TOKEN })).json<{ metadata: { ownerReferences?: Array<{ kind: string; name: string }> } }>();
    expect(app.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: 'ApplicationSet', name: 'web', controller: true })]);
  });

  it('an empty set has no resources; an unknown one answers 404', async () => {
    const sim = await setup();
    sim.addApplicationSet({ name: 'none', apps: [] });
    const empty = (await call(`${sim.url}/api/v1/applicationsets/none`, { token: TOKEN })).json<{ status: Record<string, unknown> }>();
    expect(empty.status['resources']).toBeUndefined();
    expect(empty.status['resourcesCount']).toBe(0);
    const unknown = await call(`${sim.url}/api/v1/applicationsets/ghost`, { token: TOKEN });
    expect(unknown.status).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 5, message: 'applicationsets.argoproj.io "ghost" not found' });
  });
});
