/**
 * The Argo CD simulator renders a Helm source with the real helm (HELM_BIN, from
 * scripts/get-renderers.sh), as Argo CD's repo server does: `helm template` with the app's name as
 * release, the destination namespace, the value files, inline values and parameters, the same
 * rendering for the comparison, the sync and `GET …/manifests`; a chart helm rejects is a
 * ComparisonError with helm's own message.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ArgoCdSimulator, type AppConfig } from '../../packages/argocd-simulator/src';
import { call } from '../support/argocd-http';
import { createTestRepo, type TestRepo } from '../support/argocd-git-repo';
import { chartFiles, helmBinary } from '../support/helm-chart';

const TOKEN = 'helm-renderers-token';
const cleanups: Array<() => Promise<void>> = [];
let helmBin = '';

beforeAll(() => {
  helmBin = helmBinary();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type K8s = { kind: string; metadata: { name: string; namespace?: string }; spec?: { replicas?: number; template?: { spec?: { containers?: Array<{ image: string }> } } }; data?: Record<string, string> };

async function start(repo: TestRepo, app: Partial<AppConfig>): Promise<ArgoCdSimulator> {
  const sim = await ArgoCdSimulator.start({
    tokens: [TOKEN],
    reconcileIntervalMs: 0,
    timings: { syncMs: 5, rolloutMs: 5 },
    helmBin,
    apps: [{ name: 'payments-prod', source: { repoPath: repo.dir, targetRevision: 'main', path: 'chart' }, destination: { namespace: 'prod' }, ...app }],
  });
  cleanups.push(() => sim.close());
  return sim;
}

async function manifests(sim: ArgoCdSimulator, query = ''): Promise<K8s[]> {
  const reply = await call(`${sim.url}/api/v1/applications/payments-prod/manifests${query}`, { token: TOKEN });
  expect(reply.status).toBe(200);
  return (reply.json<{ manifests?: string[] }>().manifests ?? []).map((text) => JSON.parse(text) as K8s);
}

const deploymentOf = (objects: K8s[]): K8s | undefined => objects.find((object) => object.kind === 'Deployment');
const imageOf = (object: K8s | undefined): string | undefined => object?.spec?.template?.spec?.containers?.[0]?.image;

describe('a Helm source in the simulator', () => {
  it('renders with value files, inline values and parameters in Argo CD order, and syncs what it renders', async () => {
    const repo = await createTestRepo({
      ...chartFiles('chart'),
      'envs/prod/values.yaml': 'replicaCount: 3\nimage:\n  tag: "1.4.1"\nconfig:\n  release: "from-file"\n',
      'chart/templates/release.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: release\ndata:\n  namespace: {{ .Release.Namespace }}\n',
    });
    cleanups.push(() => repo.remove());
    const sim = await start(repo, {
      source: {
        repoPath: repo.dir,
        targetRevision: 'main',
        path: 'chart',
        helm: {
          valueFiles: ['../envs/prod/values.yaml'],
          valuesObject: { config: { release: 'inline', debug: true } },
          parameters: [{ name: 'config.release', value: 'a,b', forceString: true }],
        },
      },
    });
    const app = sim.getApp('payments-prod');
    expect(app.status.conditions).toBeUndefined();
    expect(app.status.sourceType).toBe('Helm');
    expect(app.status.sync.status).toBe('Synced');
    expect(app.status.summary).toEqual({ images: ['ghcr.io/acme/payments:1.4.1'] });

    const rendered = await manifests(sim);
    const deployment = deploymentOf(rendered);
    // The release is the app's name, the release namespace the destination's; like Argo CD, the
    // manifests carry no namespace the chart did not write, and the controller puts them there.
    expect(deployment?.metadata).toMatchObject({ name: 'payments-prod' });
    expect(deployment?.metadata.namespace).toBeUndefined();
    expect(rendered.find((object) => object.metadata.name === 'release')?.data).toEqual({ namespace: 'prod' });
    expect(app.status.resources?.find((resource) => resource.kind === 'Deployment')).toMatchObject({ namespace: 'prod', name: 'payments-prod' });
    expect(deployment?.spec?.replicas).toBe(3);
    expect(imageOf(deployment)).toBe('ghcr.io/acme/payments:1.4.1');
    // parameters beat inline values, which beat the value files; a comma in a parameter is kept.
    const config = rendered.find((object) => object.kind === 'ConfigMap');
    expect(config?.data).toMatchObject({ RELEASE: 'a,b', DEBUG: 'true' });

    // A new commit: the comparison, the manifests at that revision and the sync all render it.
    const bump = await repo.commit({ 'envs/prod/values.yaml': 'replicaCount: 3\nimage:\n  tag: "1.4.2"\n' });
    expect(imageOf(deploymentOf(await manifests(sim, `?revision=${bump}`)))).toBe('ghcr.io/acme/payments:1.4.2');
    await sim.refresh('payments-prod');
    const synced = await sim.waitFor('payments-prod', (state) => state.status.sync.status === 'Synced' && state.status.sync.revision === bump && state.status.health.status === 'Healthy');
    expect(synced.status.summary).toEqual({ images: ['ghcr.io/acme/payments:1.4.2'] });
  });

  it('renders a directory holding a Chart.yaml without any helm settings, and releaseName names the release', async () => {
    const repo = await createTestRepo(chartFiles('chart'));
    cleanups.push(() => repo.remove());
    const sim = await start(repo, { source: { repoPath: repo.dir, targetRevision: 'main', path: 'chart' } });
    expect(sim.getApp('payments-prod').status.sourceType).toBe('Helm');
    expect(imageOf(deploymentOf(await manifests(sim)))).toBe('ghcr.io/acme/payments:1.5');
    const named = await start(repo, { name: 'other', source: { repoPath: repo.dir, targetRevision: 'main', path: 'chart', helm: { releaseName: 'payments' } } });
    const reply = await call(`${named.url}/api/v1/applications/other/manifests`, { token: TOKEN });
    expect((reply.json<{ manifests: string[] }>().manifests.map((text) => JSON.parse(text) as K8s)).map((object) => object.metadata.name).sort()).toEqual(['payments', 'payments-config']);
  });

  it('reports a chart helm rejects, and a missing value file, as a ComparisonError with a stable message', async () => {
    const repo = await createTestRepo(chartFiles('chart'));
    cleanups.push(() => repo.remove());
    const sim = await start(repo, { source: { repoPath: repo.dir, targetRevision: 'main', path: 'chart', helm: { valueFiles: ['values.yaml'] } } });
    const fixed = (await repo.git(['rev-parse', 'HEAD'])).trim();
    await repo.commit({ 'chart/templates/broken.yaml': 'kind: ConfigMap\nname: {{ .Values.missing.deeper }}\n' });
    const broken = await sim.refresh('payments-prod');
    const message = broken.status.conditions?.find((entry) => entry.type === 'ComparisonError')?.message ?? '';
    expect(message).toMatch(/`helm template \. --name-template payments-prod --namespace prod --values values\.yaml --include-crds` failed exit status 1: Error: .*broken\.yaml.*nil pointer/s);
    expect(message).not.toMatch(/argocd-sim-helm-/);
    // Rendered again in another scratch directory: the same message, so a condition keeps its transition time.
    const other = await start(repo, { initiallyDeployed: false, source: { repoPath: repo.dir, targetRevision: 'main', path: 'chart', helm: { valueFiles: ['values.yaml'] } } });
    expect(other.getApp('payments-prod').status.conditions?.find((entry) => entry.type === 'ComparisonError')?.message).toBe(message);

    const missing = await start(repo, { name: 'missing', source: { repoPath: repo.dir, targetRevision: 'main', path: 'chart', helm: { valueFiles: ['../envs/none.yaml'] } }, initiallyDeployed: false });
    expect(missing.getApp('missing').status.conditions?.[0]?.message).toMatch(/desc = Error: open envs\/none\.yaml: no such file or directory$/);
    // ignoreMissingValueFiles skips it; `values` (YAML text) still applies.
    const tolerant = await start(repo, { name: 'tolerant', source: { repoPath: repo.dir, targetRevision: 'main', path: 'chart', helm: { valueFiles: ['../envs/none.yaml'], ignoreMissingValueFiles: true, values: 'replicaCount: 7\n' } }, initiallyDeployed: false });
    const reply = await call(`${tolerant.url}/api/v1/applications/tolerant/manifests?revision=${fixed}`, { token: TOKEN });
    expect(deploymentOf(reply.json<{ manifests: string[] }>().manifests.map((text) => JSON.parse(text) as K8s))?.spec?.replicas).toBe(7);
  });
});
