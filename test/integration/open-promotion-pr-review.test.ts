/**
 * The promotion's change request shows what it promotes (issue 22): Argo CD's own diff of the
 * pushed head against what the target app runs (the simulator renders it), the application's
 * commits between the two tags (the forge's compare API), the evidence from the source app, and
 * what stays behind. Real git, the real forge clients against the GitHub and GitLab fakes, the
 * real Argo CD client against the simulator.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ArgoCdSimulator } from '../../packages/argocd-simulator/src';
import { validateOpenPromotionPrInputs, type OpenPromotionPrInputs } from '../../packages/core/src/steps/open-promotion-pr/config';
import { runOpenPromotionPr } from '../../packages/core/src/steps/open-promotion-pr/run';
import { openPromotionPrSpec } from '../../packages/core/src/steps/open-promotion-pr/spec';
import { validateRollbackInputs, type RollbackInputs } from '../../packages/core/src/steps/rollback/config';
import { runRollback } from '../../packages/core/src/steps/rollback/run';
import { rollbackSpec } from '../../packages/core/src/steps/rollback/spec';
import { createTestRepo, type TestRepo } from '../support/argocd-git-repo';
import { FakePlatform } from '../support/fake-platform';
import { createGitHubApiFake, type GitHubApiFake } from '../support/github-api-fake';
import { createGitLabApiFake, type GitLabApiFake } from '../support/gitlab-api-fake';
import { useHermeticGitEnv } from '../support/hermetic-git-env';
import { testContext } from '../support/step-context';

useHermeticGitEnv();
beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => nock.enableNetConnect());

const TOKEN = 'forge-token-5f1e9a';
const ARGOCD_TOKEN = 'argocd-token-77c2e1';
const IMAGE = 'ghcr.io/acme/app';
const SECRET_VALUE = 'hunter2-very-secret';

const kustomization = (tag: string, extra = '') => `resources:\n  - deployment.yaml\n${extra}images:\n  - name: ${IMAGE}\n    newTag: "${tag}" # CI\n  - name: ghcr.io/acme/worker\n    newTag: "${tag === '1.4.2' ? '2.0.0' : '1.9.0'}"\n`;
const deployment = (namespace: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  namespace: ${namespace}
spec:
  template:
    spec:
      containers:
        - name: app
          image: ${IMAGE}:0.0.0
        - name: worker
          image: ghcr.io/acme/worker:0.0.0
`;
const service = `apiVersion: v1\nkind: Service\nmetadata:\n  name: legacy\n  namespace: prod\nspec:\n  ports:\n    - port: 80\n`;
const secret = (password: string, extra = '') => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app-db\n  namespace: prod\nstringData:\n  password: ${password}\n  user: app\n${extra}`;
const configMap = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-flags\n  namespace: prod\ndata:\n  checkout: fast\n`;

interface Forge {
  forge: 'github' | 'gitlab';
  apiUrl: string;
  repository: string;
  start(gitDir: string, appGitDir: string): { bodies(): string[]; requests(): number; writes(): number; stop(): void };
}

const FORGES: Forge[] = [
  {
    forge: 'github',
    apiUrl: 'https://api.github.test',
    repository: 'acme/envs',
    start: (gitDir, appGitDir) => {
      const fake: GitHubApiFake = createGitHubApiFake({ origin: 'https://api.github.test', owner: 'acme', repo: 'envs', gitDir, token: TOKEN, sourceRepositories: { 'acme/app': appGitDir } });
      return { bodies: () => fake.pulls.map((pull) => pull.body ?? ''), requests: () => fake.requests.length, writes: () => fake.writes(), stop: () => fake.stop() };
    },
  },
  {
    forge: 'gitlab',
    apiUrl: 'https://gitlab.test/api/v4',
    repository: 'acme/platform/envs',
    start: (gitDir, appGitDir) => {
      const fake: GitLabApiFake = createGitLabApiFake({ origin: 'https://gitlab.test', projectPath: 'acme/platform/envs', projectId: 9, gitDir, token: TOKEN, users: [], sourceProjects: { 'acme/app': appGitDir } });
      return { bodies: () => fake.mergeRequests.map((mr) => mr.description), requests: () => fake.requests.length, writes: () => fake.writes().length, stop: () => fake.stop() };
    },
  },
];

describe.each(FORGES)('the promotion body on $forge', ({ forge, apiUrl, repository, start }) => {
  let envs: TestRepo;
  let app: TestRepo;
  let sim: ArgoCdSimulator;
  let api: ReturnType<Forge['start']>;

  beforeEach(async () => {
    // The application: 1.4.1, then two changes, then 1.4.2.
    app = await createTestRepo({ 'README.md': 'app\n' });
    await app.git(['tag', '1.4.1']);
    await app.commit({ 'checkout.go': 'fast\n' }, 'Faster checkout (#12)');
    await app.commit({ 'rounding.go': 'fixed\n' }, 'Fix rounding of refunds');
    await app.git(['tag', '1.4.2']);
    envs = await createTestRepo({
      'envs/staging/kustomization.yaml': kustomization('1.4.2'),
      'envs/staging/deployment.yaml': deployment('staging'),
      'envs/prod/kustomization.yaml': kustomization('1.4.1', '  - service.yaml\n  - secret.yaml\n'),
      'envs/prod/deployment.yaml': deployment('prod'),
      'envs/prod/service.yaml': service,
      'envs/prod/secret.yaml': secret(SECRET_VALUE),
    });
    sim = await ArgoCdSimulator.start({
      tokens: [ARGOCD_TOKEN],
      reconcileIntervalMs: 0,
      timings: { syncMs: 20, rolloutMs: 20 },
      apps: [
        { name: 'app-staging', source: { repoPath: envs.dir, targetRevision: 'main', path: 'envs/staging' } },
        { name: 'app-prod', source: { repoPath: envs.dir, targetRevision: 'main', path: 'envs/prod' }, autoSync: false },
      ],
    });
    await sim.sync('app-prod');
    for (const name of ['app-staging', 'app-prod']) await sim.waitFor(name, (state) => state.status.sync.status === 'Synced' && state.status.health.status === 'Healthy');
    api = start(join(envs.dir, '.git'), join(app.dir, '.git'));
  });
  afterEach(async () => {
    api.stop();
    nock.cleanAll();
    await sim.close();
    await envs.remove();
    await app.remove();
  });

  const blank = <T extends { inputs: readonly { name: string }[] }>(spec: T) => Object.fromEntries(spec.inputs.map((input) => [input.name, ''])) as Record<T['inputs'][number]['name'], string>;

  const promote = async (overrides: Partial<OpenPromotionPrInputs> = {}, platform = new FakePlatform()) => {
    const inputs: OpenPromotionPrInputs = {
      ...blank(openPromotionPrSpec),
      forge,
      repository,
      'repository-url': envs.dir,
      'api-url': apiUrl,
      token: TOKEN,
      image: IMAGE,
      'source-files': 'envs/staging/kustomization.yaml',
      files: 'envs/prod/kustomization.yaml',
      environment: 'prod',
      'source-environment': 'staging',
      'source-repository': 'acme/app',
      'argocd-server': sim.url,
      'argocd-application': 'app-prod',
      'source-application': 'app-staging',
      ...overrides,
    };
    const config = validateOpenPromotionPrInputs(inputs, { GITOPS_PROMOTE_ARGOCD_TOKEN: ARGOCD_TOKEN });
    const result = await runOpenPromotionPr(config, platform, testContext({ fetch: globalThis.fetch, retryDelayScale: 0 }));
    return { result, platform, body: api.bodies()[0] ?? '' };
  };

  it('shows the Argo CD diff (image bump, added and removed resources, Secret keys only), the changelog, the evidence and the drift; a rerun writes nothing', async () => {
    // main moved on since prod last synced: a Service removed, a ConfigMap added, the Secret's password changed.
    await envs.commit({
      'envs/prod/kustomization.yaml': kustomization('1.4.1', '  - secret.yaml\n  - configmap.yaml\n'),
      'envs/prod/service.yaml': null,
      'envs/prod/configmap.yaml': configMap,
      'envs/prod/secret.yaml': secret('correct-horse-battery', '  host: db.prod.internal\n'),
    });
    const argocdBefore = sim.requestCounts();
    const { result, body, platform } = await promote();
    expect(result.operation).toBe('created');

    expect(body).toContain('### What Argo CD will change in prod');
    expect(body).toMatch(/-\s+image: ghcr\.io\/acme\/app:1\.4\.1\n\+\s+image: ghcr\.io\/acme\/app:1\.4\.2/);
    expect(body).toMatch(/ConfigMap prod\/app-flags<\/code> added/);
    expect(body).toMatch(/Service prod\/legacy<\/code> removed/);
    expect(body).toMatch(/Secret prod\/app-db<\/code> changed/);
    expect(body).toMatch(/`host`[^\n]*added/);
    expect(body).not.toContain('db.prod.internal');
    expect(body).not.toContain(SECRET_VALUE);
    expect(body).not.toContain('correct-horse-battery');
    expect(body).not.toContain('++++');

    expect(body).toContain('### What 1.4.2 contains');
    expect(body).toMatch(/2 commits in .*acme\/app.* from `1\.4\.1` to `1\.4\.2`/);
    expect(body).toContain('Faster checkout');
    expect(body).toMatch(forge === 'github' ? /\[#12\]\(https:\/\/[^)]*\/acme\/app\/pull\/12\)/ : /#12/);

    expect(body).toContain('### Evidence from staging');
    expect(body).toMatch(/`app-staging` runs `1\.4\.2`: Synced at `[0-9a-f]{12}` and Healthy, running it since \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    expect(result.sourceHealthySince).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    expect(body).toContain('### Not in this promotion');
    expect(body).toContain('| `ghcr.io/acme/worker` | `2.0.0` | `1.9.0` |');
    expect(body.length).toBeLessThan(65_536);
    expect(platform.log).not.toContain(ARGOCD_TOKEN);

    // 2 requests per target app (manifests, managed-resources), 1 per source app.
    const argocdAfter = sim.requestCounts();
    expect(argocdAfter.manifests - argocdBefore.manifests).toBe(1);
    expect(argocdAfter['managed-resources'] - argocdBefore['managed-resources']).toBe(1);

    const writes = api.writes();
    const again = await promote();
    expect(again.result.operation).toBe('unchanged');
    expect(api.writes()).toBe(writes);
  });

  it('an environment promotion (images: all) gets a changelog and evidence per value and one Argo CD diff showing both images', async () => {
    const { result, body } = await promote({ image: '', images: 'all' });
    expect(result.operation).toBe('created');
    expect(body).toContain('### What ghcr.io/acme/app `1.4.2` contains');
    expect(body).toContain('Faster checkout');
    // The worker's tags are not in the application repository: one line says so.
    expect(body).toMatch(/### What ghcr\.io\/acme\/worker `2\.0\.0` contains\n\n.*not found in .*acme\/app/);
    expect(body.match(/### What Argo CD will change in prod/g)).toHaveLength(1);
    expect(body).toMatch(/-\s+image: ghcr\.io\/acme\/app:1\.4\.1\n\+\s+image: ghcr\.io\/acme\/app:1\.4\.2/);
    expect(body).toMatch(/-\s+image: ghcr\.io\/acme\/worker:1\.9\.0\n\+\s+image: ghcr\.io\/acme\/worker:2\.0\.0/);
    expect(body).toMatch(/`app-staging` runs `ghcr\.io\/acme\/app 1\.4\.2`: Synced/);
    expect(body).toMatch(/`app-staging` runs `ghcr\.io\/acme\/worker 2\.0\.0`: Synced/);
    expect(body).not.toContain('### Not in this promotion');
  });

  it('dry-run prints the title and body it would write, and pushes and writes nothing', async () => {
    const requests = api.requests();
    const { result, platform } = await promote({ 'dry-run': 'true' });
    expect(result).toMatchObject({ operation: 'created', dryRun: true });
    expect(api.writes()).toBe(0);
    expect(platform.log).toContain(`Title: Promote ${IMAGE} 1.4.2 to prod\nBody:\nPromotes`);
    expect(platform.log).toContain('Not rendered in a dry run: nothing was pushed, so Argo CD has no commit to render.');
    expect(platform.log).toContain('### What 1.4.2 contains');
    expect(platform.log).toContain('### Evidence from staging');
    expect(api.requests() - requests).toBeGreaterThan(0);
  });

  it('refuses Argo CD inputs that cannot work, before anything is read', () => {
    const base = { ...blank(openPromotionPrSpec), forge, repository, 'repository-url': envs.dir, 'api-url': apiUrl, token: TOKEN, image: IMAGE, tag: '1.4.2', files: 'envs/prod/kustomization.yaml', environment: 'prod' };
    expect(() => validateOpenPromotionPrInputs({ ...base, 'argocd-application': 'app-prod' }, {})).toThrow(/'argocd-application' and 'source-application' need 'argocd-server'/);
    expect(() => validateOpenPromotionPrInputs({ ...base, 'argocd-server': sim.url }, {})).toThrow(/no application is/);
    expect(() => validateOpenPromotionPrInputs({ ...base, 'argocd-server': sim.url, 'argocd-application': 'app-prod' }, { GITOPS_PROMOTE_TOKEN: TOKEN })).toThrow(/neither 'argocd-token' nor the variable GITOPS_PROMOTE_ARGOCD_TOKEN/);
    expect(() => validateOpenPromotionPrInputs({ ...base, 'argocd-server': 'https://argocd.example.com/applications/x', 'argocd-application': 'app-prod' }, { GITOPS_PROMOTE_ARGOCD_TOKEN: ARGOCD_TOKEN })).toThrow(/Input 'argocd-server'/);
    expect(() => validateOpenPromotionPrInputs({ ...base, 'argocd-server': sim.url, 'argocd-application': 'App_Prod' }, { GITOPS_PROMOTE_ARGOCD_TOKEN: ARGOCD_TOKEN })).toThrow(/Input 'argocd-application' holds an invalid Application name/);
  });

  it('warns when the source app is not Healthy, and says why a value maps to no commit', async () => {
    await sim.close();
    sim = await ArgoCdSimulator.start({
      tokens: [ARGOCD_TOKEN],
      reconcileIntervalMs: 0,
      timings: { syncMs: 20, rolloutMs: 20 },
      apps: [
        { name: 'app-staging', source: { repoPath: envs.dir, targetRevision: 'main', path: 'envs/staging' }, rules: { degradedImage: { images: [`${IMAGE}:1.4.2`] } } },
        { name: 'app-prod', source: { repoPath: envs.dir, targetRevision: 'main', path: 'envs/prod' } },
      ],
    });
    await sim.waitFor('app-staging', (state) => state.status.health.status === 'Degraded', { timeoutMs: 20_000 });
    await app.git(['tag', '-d', '1.4.2']);
    const { result, body } = await promote();
    expect(result.operation).toBe('created');
    expect(result.sourceHealthySince).toBeUndefined();
    expect(body).toContain('> [!WARNING]');
    expect(body).toMatch(/`app-staging` runs `1\.4\.2` at `[0-9a-f]{12}` but is Synced and Degraded/);
    expect(body).toMatch(/### What 1\.4\.2 contains\n\n.*not found in .*acme\/app/);
  });
});

describe('the body within the forge limit, and the rollback PR', () => {
  let envs: TestRepo;
  let sim: ArgoCdSimulator;
  let fake: GitHubApiFake;

  beforeEach(async () => {
    envs = await createTestRepo({ 'envs/staging/kustomization.yaml': kustomization('1.4.2'), 'envs/staging/deployment.yaml': deployment('staging'), 'envs/prod/kustomization.yaml': kustomization('1.4.1'), 'envs/prod/deployment.yaml': deployment('prod') });
    sim = await ArgoCdSimulator.start({ tokens: [ARGOCD_TOKEN], reconcileIntervalMs: 0, timings: { syncMs: 20, rolloutMs: 20 }, apps: [{ name: 'app-prod', source: { repoPath: envs.dir, targetRevision: 'main', path: 'envs/prod' } }] });
    await sim.waitFor('app-prod', (state) => state.status.sync.status === 'Synced' && state.status.health.status === 'Healthy');
    fake = createGitHubApiFake({ origin: 'https://api.github.test', owner: 'acme', repo: 'envs', gitDir: join(envs.dir, '.git'), token: TOKEN });
  });
  afterEach(async () => {
    fake.stop();
    nock.cleanAll();
    await sim.close();
    await envs.remove();
  });

  it('drops whole resources past 65,536 characters and says how many more changed and where to see them', async () => {
    const pending: Record<string, string> = {};
    const names: string[] = [];
    for (let index = 0; index < 120; index++) {
      names.push(`  - flags-${index}.yaml\n`);
      pending[`envs/prod/flags-${index}.yaml`] = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flags-${index}\n  namespace: prod\ndata:\n${Array.from({ length: 40 }, (_, line) => `  flag-${line}: "${'x'.repeat(20)}"\n`).join('')}`;
    }
    await sim.patchApp('app-prod', (state) => {
      if (state.spec.syncPolicy) state.spec.syncPolicy.automated = undefined;
    });
    await envs.commit({ ...pending, 'envs/prod/kustomization.yaml': kustomization('1.4.1', names.join('')) });
    const inputs: OpenPromotionPrInputs = {
      ...Object.fromEntries(openPromotionPrSpec.inputs.map((input) => [input.name, ''])),
      forge: 'github', repository: 'acme/envs', 'repository-url': envs.dir, 'api-url': 'https://api.github.test', token: TOKEN, image: IMAGE,
      'source-files': 'envs/staging/kustomization.yaml', files: 'envs/prod/kustomization.yaml', environment: 'prod', 'argocd-server': sim.url, 'argocd-application': 'app-prod', 'argocd-token': ARGOCD_TOKEN,
    } as OpenPromotionPrInputs;
    const result = await runOpenPromotionPr(validateOpenPromotionPrInputs(inputs, {}), new FakePlatform(), testContext({ fetch: globalThis.fetch, retryDelayScale: 0 }));
    expect(result.operation).toBe('created');
    const body = fake.pulls[0]?.body ?? '';
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toMatch(/\n\d+ more resources changed: see <http:\/\/127\.0\.0\.1:\d+\/applications\/app-prod>\./);
    expect(body).toContain('<sub>Opened by gitops-promote.');
  });

  it("rollback's pull request shows the revert as Argo CD renders it", async () => {
    const running = await envs.commit({ 'envs/prod/kustomization.yaml': kustomization('1.4.2') }, 'prod runs 1.4.2');
    await sim.sync('app-prod');
    await sim.waitFor('app-prod', (state) => state.status.sync.status === 'Synced' && state.status.health.status === 'Healthy' && state.status.sync.revision === running, { timeoutMs: 20_000 });
    const checkout = await mkdtemp(join(tmpdir(), 'rollback-checkout-'));
    await envs.git(['clone', '--quiet', envs.dir, checkout]);
    const inputs = {
      ...Object.fromEntries(rollbackSpec.inputs.map((input) => [input.name, ''])),
      path: checkout, files: 'envs/prod/kustomization.yaml', image: IMAGE, mode: 'pull-request', token: TOKEN, environment: 'prod', forge: 'github', repository: 'acme/envs', 'api-url': 'https://api.github.test',
      'argocd-server': sim.url, 'argocd-application': 'app-prod', reason: 'checkout errors',
    } as RollbackInputs;
    const result = await runRollback(validateRollbackInputs(inputs, { GITOPS_PROMOTE_ARGOCD_TOKEN: ARGOCD_TOKEN }), new FakePlatform(), testContext({ fetch: globalThis.fetch, retryDelayScale: 0 }));
    expect(result).toMatchObject({ changed: true, from: '1.4.2', to: '1.4.1' });
    const body = fake.pulls[0]?.body ?? '';
    expect(body).toContain('### What Argo CD will change in prod');
    expect(body).toMatch(/-\s+image: ghcr\.io\/acme\/app:1\.4\.2\n\+\s+image: ghcr\.io\/acme\/app:1\.4\.1/);
    expect(body).toContain('Once merged, gitops-promote refuses to promote `1.4.2` again');
    await rm(checkout, { recursive: true, force: true });
  });
});
