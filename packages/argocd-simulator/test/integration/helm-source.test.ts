/**
 * A Helm source without a helm binary: Argo CD's repo server reports a missing tool as the
 * app's ComparisonError and the manifests call's error, and the simulator does the same rather
 * than render a chart its own way. Rendering with the real helm is checked in
 * test/renderers/argocd-simulator-helm.test.ts (the renderers project, which has HELM_BIN).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ArgoCdSimulator, type AppConfig, type SimulatorOptions } from '../../src/index';
import { call } from '../../../../test/support/argocd-http';
import { createTestRepo, deployment } from '../../../../test/support/argocd-git-repo';

const TOKEN = 'helm-token';
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  vi.unstubAllEnvs();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const CHART = {
  'chart/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
  'chart/values.yaml': 'tag: "1.0.0"\n',
  'chart/templates/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n',
};

async function start(files: Record<string, string>, source: Partial<AppConfig['source']> = {}, options: SimulatorOptions = {}): Promise<ArgoCdSimulator> {
  const repo = await createTestRepo(files);
  cleanups.push(() => repo.remove());
  const sim = await ArgoCdSimulator.start({
    tokens: [TOKEN],
    reconcileIntervalMs: 0,
    apps: [{ name: 'web', source: { repoPath: repo.dir, path: 'chart', ...source }, destination: { namespace: 'shop' }, initiallyDeployed: false }],
    ...options,
  });
  cleanups.push(() => sim.close());
  return sim;
}

describe('a Helm source without helm', () => {
  it('is a ComparisonError naming the missing tool, and the manifests call answers it', async () => {
    vi.stubEnv('HELM_BIN', '');
    const sim = await start(CHART, { helm: { valueFiles: ['values.yaml'] } });
    const app = sim.getApp('web');
    expect(app.status.sync.status).toBe('Unknown');
    expect(app.spec.source?.helm).toEqual({ valueFiles: ['values.yaml'] });
    const condition = app.status.conditions?.find((entry) => entry.type === 'ComparisonError');
    expect(condition?.message).toBe(
      'Failed to load target state: failed to generate manifest for source 1 of 1: rpc error: code = Unknown desc = `helm template . --name-template web --namespace shop` failed: exec: "helm": executable file not found in $PATH (give the simulator a helm binary: option helmBin or the HELM_BIN variable)',
    );
    const reply = await call(`${sim.url}/api/v1/applications/web/manifests`, { token: TOKEN });
    expect(reply.status).toBe(500);
    expect(reply.json()).toMatchObject({ code: 2, message: expect.stringContaining('executable file not found') });
  });

  it('is a ComparisonError when the given binary cannot run', async () => {
    const sim = await start(CHART, {}, { helmBin: '/nonexistent/helm' });
    const condition = sim.getApp('web').status.conditions?.find((entry) => entry.type === 'ComparisonError');
    expect(condition?.message).toMatch(/`helm template \. --name-template web --namespace shop --include-crds` failed: spawn \/nonexistent\/helm ENOENT$/);
  });

  it('leaves a directory that holds a kustomization as well as a Chart.yaml to Kustomize, as Argo CD discovery does', async () => {
    vi.stubEnv('HELM_BIN', '');
    const sim = await start({ ...CHART, 'chart/kustomization.yaml': 'resources:\n  - deploy.yaml\n', 'chart/deploy.yaml': deployment('web', 'ghcr.io/acme/web:1.0.0') });
    const app = await sim.refresh('web');
    expect(app.status.conditions).toBeUndefined();
    expect(app.status.sourceType).toBe('Kustomize');
  });
});
