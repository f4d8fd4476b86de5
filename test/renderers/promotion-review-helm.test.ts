/**
 * The promotion's change request on a Helm values change (issue 22): an environment repository
 * with one chart and a values file per environment, Argo CD's apps rendering it with the real helm
 * (the simulator runs HELM_BIN, as a repo server runs its helm), open-promotion-pr in key mode
 * promoting `image.tag` from staging to prod. The body must show the Deployment's image line as
 * helm renders it, the evidence from staging, and `replicaCount` staying behind.
 */
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ArgoCdSimulator, type AppConfig } from '../../packages/argocd-simulator/src';
import { validateOpenPromotionPrInputs, type OpenPromotionPrInputs } from '../../packages/core/src/steps/open-promotion-pr/config';
import { runOpenPromotionPr } from '../../packages/core/src/steps/open-promotion-pr/run';
import { openPromotionPrSpec } from '../../packages/core/src/steps/open-promotion-pr/spec';
import { createTestRepo, type TestRepo } from '../support/argocd-git-repo';
import { FakePlatform } from '../support/fake-platform';
import { createGitHubApiFake, type GitHubApiFake } from '../support/github-api-fake';
import { chartFiles, helmBinary } from '../support/helm-chart';
import { useHermeticGitEnv } from '../support/hermetic-git-env';
import { testContext } from '../support/step-context';

useHermeticGitEnv();
let helmBin = '';
beforeAll(() => {
  helmBin = helmBinary();
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => nock.enableNetConnect());

const TOKEN = 'forge-token-3b7d21';
const ARGOCD_TOKEN = 'argocd-token-9e4c0a';

const values = (tag: string, replicas: number): string => `# ${replicas} replicas here\nreplicaCount: ${replicas}\nimage:\n  tag: "${tag}" # CI\n`;

describe('the promotion body on a Helm values change', () => {
  let envs: TestRepo;
  let sim: ArgoCdSimulator;
  let fake: GitHubApiFake;

  const helmApp = (env: string, extra: Partial<AppConfig> = {}): AppConfig => ({
    name: `payments-${env}`,
    source: { repoPath: envs.dir, targetRevision: 'main', path: 'chart', helm: { valueFiles: [`../envs/${env}/values.yaml`] } },
    destination: { server: 'https://kubernetes.default.svc', namespace: env },
    ...extra,
  });

  beforeEach(async () => {
    envs = await createTestRepo({ ...chartFiles('chart'), 'envs/staging/values.yaml': values('1.4.2', 2), 'envs/prod/values.yaml': values('1.4.1', 5) });
    sim = await ArgoCdSimulator.start({
      tokens: [ARGOCD_TOKEN],
      reconcileIntervalMs: 0,
      timings: { syncMs: 20, rolloutMs: 20 },
      helmBin,
      apps: [helmApp('staging'), helmApp('prod', { autoSync: false })],
    });
    for (const name of ['payments-staging', 'payments-prod']) await sim.waitFor(name, (state) => state.status.sync.status === 'Synced' && state.status.health.status === 'Healthy');
    fake = createGitHubApiFake({ origin: 'https://api.github.test', owner: 'acme', repo: 'envs', gitDir: join(envs.dir, '.git'), token: TOKEN });
  });
  afterEach(async () => {
    fake.stop();
    nock.cleanAll();
    await sim.close();
    await envs.remove();
  });

  const promote = async (): Promise<{ operation: string; body: string; log: string; sourceHealthySince: string | undefined }> => {
    const inputs = {
      ...Object.fromEntries(openPromotionPrSpec.inputs.map((input) => [input.name, ''])),
      forge: 'github',
      repository: 'acme/envs',
      'repository-url': envs.dir,
      'api-url': 'https://api.github.test',
      token: TOKEN,
      key: 'image.tag',
      'source-files': 'envs/staging/values.yaml',
      files: 'envs/prod/values.yaml',
      environment: 'prod',
      'source-environment': 'staging',
      'argocd-server': sim.url,
      'argocd-application': 'payments-prod',
      'source-application': 'payments-staging',
    } as OpenPromotionPrInputs;
    const platform = new FakePlatform();
    const config = validateOpenPromotionPrInputs(inputs, { GITOPS_PROMOTE_ARGOCD_TOKEN: ARGOCD_TOKEN });
    const result = await runOpenPromotionPr(config, platform, testContext({ fetch: globalThis.fetch, retryDelayScale: 0 }));
    return { operation: result.operation, body: fake.pulls[0]?.body ?? '', log: platform.log, sourceHealthySince: result.sourceHealthySince };
  };

  it("shows helm's rendering of the new tag as Argo CD's diff, the evidence from staging and replicaCount staying behind", async () => {
    expect(sim.getApp('payments-prod').status.sourceType).toBe('Helm');
    const before = sim.requestCounts();
    const { operation, body, log, sourceHealthySince } = await promote();
    if (process.env['SHOW_BODY']) console.log(body);
    expect(operation).toBe('created');

    // Only the image line: the chart quotes repository:tag, and prod keeps its 5 replicas.
    expect(body).toContain('### What Argo CD will change in prod');
    expect(body).toMatch(/Deployment prod\/payments-prod<\/code> changed/);
    expect(body).toMatch(/-\s+image: ghcr\.io\/acme\/payments:1\.4\.1\n\+\s+image: ghcr\.io\/acme\/payments:1\.4\.2\n/);
    expect(body).not.toMatch(/^[-+]\s+replicas:/m);
    expect(body).not.toMatch(/ConfigMap prod\/payments-prod-config<\/code> changed/);

    expect(body).toContain('### Evidence from staging');
    expect(body).toMatch(/`payments-staging` runs `1\.4\.2`: Synced at `[0-9a-f]{12}` and Healthy, running it since \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    expect(sourceHealthySince).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    expect(body).toContain('### Not in this promotion');
    expect(body).toContain('| `replicaCount` | `2` | `5` |');
    expect(log).not.toContain(ARGOCD_TOKEN);

    // The diff came from the simulator's helm rendering: one manifests and one managed-resources call for prod.
    const after = sim.requestCounts();
    expect(after.manifests - before.manifests).toBe(1);
    expect(after['managed-resources'] - before['managed-resources']).toBe(1);

    // helm renders deterministically: a rerun finds the same body and writes nothing.
    const writes = fake.writes();
    expect((await promote()).operation).toBe('unchanged');
    expect(fake.writes()).toBe(writes);
  });
});
