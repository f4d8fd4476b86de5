/**
 * Argo Rollouts canaries: an updated Rollout walks its steps (a manual pause waits for a
 * promotion, a timed one for its duration on the clock), an AnalysisRun can fail and abort it, and
 * the app's health, resource tree and `GET …/resource` say so as Argo CD does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ArgoCdSimulator, type Application } from '../../src/index';
import { call } from '../../../../test/support/argocd-http';
import { createTestRepo } from '../../../../test/support/argocd-git-repo';

const TOKEN = 'rollout-token';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const rollout = (tag: string, steps = ['setWeight: 20', 'pause: {}', 'setWeight: 50', 'pause: {duration: 30s}', 'analysis: {templates: [{templateName: success-rate}]}']): string =>
  [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Rollout',
    'metadata: {name: web, namespace: shop}',
    'spec:',
    '  strategy:',
    '    canary:',
    '      steps:',
    ...steps.map((step) => `        - ${step}`),
    '  template:',
    '    spec:',
    '      containers:',
    `        - {name: web, image: "ghcr.io/acme/web:${tag}"}`,
    '',
  ].join('\n');

const health = (app: Application): string | undefined => ('status' in app.status.health ? app.status.health.status : undefined);

async function setup(steps?: string[]): Promise<{ sim: ArgoCdSimulator; push: (tag: string) => Promise<string> }> {
  const repo = await createTestRepo({ 'rollout.yaml': rollout('1.0.0', steps) });
  cleanups.push(() => repo.remove());
  const sim = await ArgoCdSimulator.start({ tokens: [TOKEN], reconcileIntervalMs: 0, controlApi: true, apps: [{ name: 'web', source: { repoPath: repo.dir, targetRevision: 'main' } }] });
  cleanups.push(() => sim.close());
  return { sim, push: (tag) => repo.commit({ 'rollout.yaml': rollout(tag, steps) }) };
}

async function resource(sim: ArgoCdSimulator, kind: string, name: string): Promise<{ status: Record<string, unknown> }> {
  const query = new URLSearchParams({ kind, resourceName: name, namespace: 'shop', group: 'argoproj.io', version: 'v1alpha1' });
  const answer = await call(`${sim.url}/api/v1/applications/web/resource?${query}`, { token: TOKEN });
  expect(answer.status).toBe(200);
  return JSON.parse(answer.json<{ manifest: string }>().manifest) as { status: Record<string, unknown> };
}

describe('simulated Argo Rollouts', () => {
  it('a first deployment skips the steps; an update pauses at the manual step (Suspended) until promoted, then for the timed one, then runs its analysis', async () => {
    const { sim, push } = await setup(['setWeight: 20', 'pause: {}', 'setWeight: 50', 'pause: {duration: 1}', 'analysis: {templates: [{templateName: success-rate}]}']);
    expect(health(sim.getApp('web'))).toBe('Healthy');
    await push('1.1.0');
    await sim.refresh('web');
    const paused = await sim.waitFor('web', (app) => health(app) === 'Suspended');
    expect(paused.status.resources?.find((row) => row.kind === 'Rollout')?.health).toEqual({ status: 'Suspended', message: 'CanaryPauseStep' });
    const live = await resource(sim, 'Rollout', 'web');
    expect(live.status).toMatchObject({ phase: 'Paused', currentStepIndex: 1, pauseConditions: [{ reason: 'CanaryPauseStep' }], controllerPause: true });
    expect(JSON.stringify(live)).toContain('"steps":[{"setWeight":20},{"pause":{}}');

    sim.promoteRollout('web', 'web');
    const timed = await sim.waitFor('web', (app) => app.status.resources?.find((row) => row.kind === 'Rollout')?.health?.status === 'Suspended');
    expect(health(timed)).toBe('Suspended');
    expect((await resource(sim, 'Rollout', 'web')).status).toMatchObject({ phase: 'Paused', currentStepIndex: 3 });
    await sim.waitFor('web', (app) => health(app) === 'Progressing', { timeoutMs: 5000 });
    const tree = (await call(`${sim.url}/api/v1/applications/web/resource-tree`, { token: TOKEN })).json<{ nodes: Array<{ kind: string; name: string; health?: { status: string } }> }>();
    expect(tree.nodes.find((node) => node.kind === 'AnalysisRun')?.health?.status).toBe('Progressing');
    const done = await sim.waitFor('web', (app) => health(app) === 'Healthy');
    expect(health(done)).toBe('Healthy');
    expect((await resource(sim, 'Rollout', 'web')).status).toMatchObject({ phase: 'Healthy', currentStepIndex: 5 });
  });

  it('a failed AnalysisRun aborts the Rollout: the app is Degraded, the run names its metric and message', async () => {
    const { sim, push } = await setup(['setWeight: 20', 'pause: {}', 'analysis: {templates: [{templateName: success-rate}]}', 'setWeight: 100']);
    await push('failing-analysis-1.1.0');
    await sim.refresh('web');
    await sim.waitFor('web', (app) => health(app) === 'Suspended');
    sim.promoteRollout('web', 'web');
    const degraded = await sim.waitFor('web', (app) => health(app) === 'Degraded', { timeoutMs: 5000 });
    expect(degraded.status.health).toMatchObject({ status: 'Degraded' });
    const rolloutObject = await resource(sim, 'Rollout', 'web');
    expect(rolloutObject.status).toMatchObject({ phase: 'Degraded', abort: true, message: expect.stringMatching(/^RolloutAborted: .*Metric "success-rate" assessed Failed/) });
    const tree = (await call(`${sim.url}/api/v1/applications/web/resource-tree`, { token: TOKEN })).json<{ nodes: Array<{ kind: string; name: string; health?: { status: string } }> }>();
    const run = tree.nodes.find((node) => node.kind === 'AnalysisRun');
    expect(run?.health?.status).toBe('Degraded');
    const analysis = await resource(sim, 'AnalysisRun', run?.name ?? '');
    expect(analysis.status).toMatchObject({ phase: 'Failed', metricResults: [{ name: 'success-rate', phase: 'Failed', measurements: [{ value: '[0.42]' }] }] });
  });

  it('abort and promote over the control API; promoting a Rollout not paused answers 400', async () => {
    const { sim, push } = await setup();
    await push('1.2.0');
    await sim.refresh('web');
    await sim.waitFor('web', (app) => health(app) === 'Suspended');
    const notPaused = await call(`${sim.url}/__sim/apps/web/rollouts/other/promote`, { method: 'POST' });
    expect(notPaused.status).toBe(400);
    expect(notPaused.json<{ error: string }>().error).toMatch(/not paused/);
    expect((await call(`${sim.url}/__sim/apps/web/rollouts/web/abort`, { method: 'POST' })).status).toBe(200);
    const aborted = sim.getApp('web');
    expect(aborted.status.health).toMatchObject({ status: 'Degraded' });
    expect(aborted.status.resources?.find((row) => row.kind === 'Rollout')?.health).toEqual({ status: 'Degraded', message: 'RolloutAborted: Rollout aborted update to revision 2' });
  });
});
