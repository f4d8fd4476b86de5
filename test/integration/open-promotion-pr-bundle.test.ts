/**
 * The built open-promotion-pr bundle as a runner runs it: git over smart HTTP with auth on
 * 127.0.0.1, the forge API faked with nock in this process and reached by the child through a
 * loopback relay. Once as GitHub Actions runs it, once under GitLab CI variables.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ArgoCdSimulator } from '../../packages/argocd-simulator/src';
import { startApiRelay, type ApiRelay } from '../support/api-relay';
import { startGitHttpServer, type GitHttpServer } from '../support/git-http-server';
import { createGitHubApiFake, type GitHubApiFake } from '../support/github-api-fake';
import { createGitLabApiFake, type GitLabApiFake } from '../support/gitlab-api-fake';
import { BUNDLE_NODE, createSandbox, OPEN_PROMOTION_PR_BUNDLE, randomToken, runBundle, runProcess, type Sandbox } from '../support/run-bundle';

const TOKEN = randomToken();
const IMAGE = 'ghcr.io/acme/payments';
const kustomization = (tag: string) => `resources:\n  - deployment.yaml\nimages:\n  - name: ${IMAGE}\n    newTag: ${tag} # set by CI\n`;
const FILES = { 'envs/staging/kustomization.yaml': kustomization('1.4.2'), 'envs/prod/kustomization.yaml': kustomization('1.4.1') };
const BRANCH = 'gitops-promote/prod/ghcr.io-acme-payments';

let sandbox: Sandbox;
beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => nock.enableNetConnect());
beforeEach(async () => {
  sandbox = await createSandbox('gitops-promote-pr-bundle-');
});
afterEach(async () => {
  nock.cleanAll();
  await sandbox.cleanup();
});

function tipOf(bare: string, branch: string): string {
  return execFileSync('git', ['--git-dir', bare, 'rev-parse', `refs/heads/${branch}`], { encoding: 'utf8' }).trim();
}

describe('open-promotion-pr bundle under GitHub Actions', () => {
  let server: GitHttpServer;
  let relay: ApiRelay;
  let api: GitHubApiFake;
  let bare: string;

  beforeEach(async () => {
    server = await startGitHttpServer({ username: 'x-access-token', password: TOKEN });
    bare = await server.createBareRepo('environments', FILES);
    api = createGitHubApiFake({ origin: 'https://api.github.test', owner: 'acme', repo: 'environments', gitDir: bare, token: TOKEN, collaborators: ['alice'] });
    relay = await startApiRelay('https://api.github.test');
  });
  afterEach(async () => {
    api.stop();
    await relay.close();
    await server.close();
  });

  const run = (extra: Record<string, string> = {}) =>
    runBundle({
      bundle: OPEN_PROMOTION_PR_BUNDLE,
      cwd: sandbox.dir,
      home: sandbox.home,
      inputs: {
        repository: 'acme/environments',
        'repository-url': server.repoUrl('environments'),
        token: TOKEN,
        image: IMAGE,
        'source-files': 'envs/staging/kustomization.yaml',
        files: 'envs/prod/kustomization.yaml',
        environment: 'prod',
        reviewers: 'alice',
        ...extra,
      },
      env: { GITHUB_REPOSITORY: 'acme/app', GITHUB_API_URL: relay.url, GITHUB_SERVER_URL: 'https://github.test' },
    });

  it('opens the PR, then a rerun is unchanged with no write; the token is in no output', async () => {
    const first = await run();
    expect(first.exitCode, `${first.stdout}\n${first.stderr}`).toBe(0);
    expect(first.outputs).toMatchObject({ operation: 'created', 'pull-request-number': '1', branch: BRANCH, 'previous-value': '1.4.1', value: '1.4.2', 'commits-verified': '' });
    expect(first.outputs['head-sha']).toBe(tipOf(bare, BRANCH));
    expect(api.pulls).toHaveLength(1);
    expect(api.pulls[0]).toMatchObject({ head: BRANCH, base: 'main', title: `Promote ${IMAGE} 1.4.2 to prod` });
    expect(first.summary).toContain('Opened [#1]');
    expect(first.masks).toContain(TOKEN);

    const writes = api.writes();
    const requests = api.requests.length;
    const second = await run();
    expect(second.exitCode, second.stdout).toBe(0);
    expect(second.outputs.operation).toBe('unchanged');
    expect(api.writes()).toBe(writes);
    expect(api.requests.length - requests).toBeLessThanOrEqual(3);
    const credential = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');
    for (const text of [first.log, first.stderr, first.summary, second.log, JSON.stringify(first.outputs)]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(credential);
    }
  });

  it('an environment (images: all, exclude-images): one commit, one PR with a row per image, the changes output', async () => {
    const images = (tags: Record<string, string>) =>
      `resources:\n  - deployment.yaml\nimages:\n${Object.entries(tags)
        .map(([name, tag]) => `  - name: ${name}\n    newTag: ${tag}\n`)
        .join('')}`;
    const names = { payments: IMAGE, ledger: 'ghcr.io/acme/ledger', auth: 'ghcr.io/acme/auth', migrations: 'ghcr.io/acme/payments-migrations' };
    const envBare = await server.createBareRepo('environment', {
      'envs/staging/kustomization.yaml': images({ [names.payments]: '1.4.2', [names.ledger]: '3.1.0', [names.auth]: '7.0', [names.migrations]: '1.4.2' }),
      'envs/prod/kustomization.yaml': images({ [names.payments]: '1.4.1', [names.ledger]: '3.0.0', [names.auth]: '7.0', [names.migrations]: '1.4.1' }),
    });
    api.stop();
    api = createGitHubApiFake({ origin: 'https://api.github.test', owner: 'acme', repo: 'environments', gitDir: envBare, token: TOKEN, collaborators: ['alice'] });
    const result = await run({ image: '', images: 'all', 'exclude-images': 'ghcr.io/acme/*-migrations', 'repository-url': server.repoUrl('environment') });
    expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0);
    const branch = 'gitops-promote/prod/environment';
    expect(result.outputs).toMatchObject({ operation: 'created', 'pull-request-number': '1', branch, value: '', 'previous-value': '' });
    expect(JSON.parse(result.outputs.changes ?? '')).toEqual([
      { image: names.auth, previous: ['7.0'], value: '7.0', skipped: 'running' },
      { image: names.ledger, previous: ['3.0.0'], value: '3.1.0' },
      { image: names.payments, previous: ['1.4.1'], value: '1.4.2' },
    ]);
    const head = tipOf(envBare, branch);
    expect(execFileSync('git', ['--git-dir', envBare, 'rev-list', '--count', `main..${branch}`], { encoding: 'utf8' }).trim()).toBe('1');
    const sets = execFileSync('git', ['--git-dir', envBare, 'log', '-1', '--format=%(trailers:key=Gitops-Promote-Set,valueonly)', head], { encoding: 'utf8' });
    expect(sets.trim().split('\n').map((line) => (JSON.parse(line) as { image: string }).image)).toEqual([names.ledger, names.payments]);
    expect(api.pulls).toHaveLength(1);
    const [pull] = api.pulls;
    expect(pull).toMatchObject({ head: branch, base: 'main', title: 'Promote 2 images ledger 3.1.0, payments 1.4.2 to prod' });
    expect(pull?.body).toContain(`| \`${names.ledger}\` | envs/prod/kustomization.yaml | 7 | \`images[1].newTag\` | \`3.0.0\` | \`3.1.0\` |`);
    expect(pull?.body).toContain(`| \`${names.payments}\` | envs/prod/kustomization.yaml | 5 | \`images[0].newTag\` | \`1.4.1\` | \`1.4.2\` |`);
    expect(pull?.body).toContain(`Already running in **prod** (skipped): \`${names.auth}\` \`7.0\`.`);
    // The excluded image is no row of the change (the drift section lists it as staying).
    expect(pull?.body).not.toContain('| `ghcr.io/acme/payments-migrations` | envs/prod');
  });

  it('sign-commits: the commit is made by the API and reported verified', async () => {
    const result = await run({ 'sign-commits': 'true' });
    expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.outputs).toMatchObject({ operation: 'created', 'commits-verified': 'true' });
    const head = tipOf(bare, BRANCH);
    expect(result.outputs['head-sha']).toBe(head);
    expect(execFileSync('git', ['--git-dir', bare, 'show', `${head}:envs/prod/kustomization.yaml`], { encoding: 'utf8' })).toBe(kustomization('1.4.2'));
    expect(execFileSync('git', ['--git-dir', bare, 'log', '-1', '--format=%(trailers:key=Gitops-Promote-Step,valueonly)', head], { encoding: 'utf8' }).trim()).toBe('open-promotion-pr');
    // No git push happened: the branch came from the API.
    expect(server.requests.some((request) => request.path.includes('git-receive-pack'))).toBe(false);
  });

  it('a refused token fails with a clear message and exit 1, nothing pushed', async () => {
    const result = await run({ token: 'wrong-token-123' });
    expect(result.exitCode).toBe(1);
    expect(result.errors.join('\n')).toMatch(/GitHub rejected the token|401/);
    expect(result.errors.join('\n')).toMatch(/How to fix:/);
    expect(result.log).not.toContain('wrong-token-123');
    expect(() => tipOf(bare, BRANCH)).toThrow();
  });
});

describe('open-promotion-pr bundle with Argo CD: the body shows what the promotion changes', () => {
  const ARGOCD_TOKEN = randomToken();
  const deployment = (env: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: payments\n  namespace: ${env}\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ${IMAGE}:0.0.0\n`;
  let server: GitHttpServer;
  let relay: ApiRelay;
  let api: GitHubApiFake;
  let sim: ArgoCdSimulator;

  beforeEach(async () => {
    server = await startGitHttpServer({ username: 'x-access-token', password: TOKEN });
    const bare = await server.createBareRepo('environments', { ...FILES, 'envs/staging/deployment.yaml': deployment('staging'), 'envs/prod/deployment.yaml': deployment('prod') });
    api = createGitHubApiFake({ origin: 'https://api.github.test', owner: 'acme', repo: 'environments', gitDir: bare, token: TOKEN });
    relay = await startApiRelay('https://api.github.test');
    sim = await ArgoCdSimulator.start({
      tokens: [ARGOCD_TOKEN],
      reconcileIntervalMs: 0,
      timings: { syncMs: 20, rolloutMs: 20 },
      apps: ['staging', 'prod'].map((env) => ({ name: `payments-${env}`, source: { repoPath: bare, targetRevision: 'main', path: `envs/${env}` } })),
    });
    for (const env of ['staging', 'prod']) await sim.waitFor(`payments-${env}`, (app) => app.status.sync.status === 'Synced' && app.status.health.status === 'Healthy');
  });
  afterEach(async () => {
    api.stop();
    await sim.close();
    await relay.close();
    await server.close();
  });

  it('renders the diff and the evidence through the bundle, with the Argo CD token from its own variable and in no output', async () => {
    const result = await runBundle({
      bundle: OPEN_PROMOTION_PR_BUNDLE,
      cwd: sandbox.dir,
      home: sandbox.home,
      inputs: {
        repository: 'acme/environments',
        'repository-url': server.repoUrl('environments'),
        token: TOKEN,
        image: IMAGE,
        'source-files': 'envs/staging/kustomization.yaml',
        files: 'envs/prod/kustomization.yaml',
        environment: 'prod',
        'argocd-server': sim.url,
        'argocd-application': 'payments-prod',
        'source-application': 'payments-staging',
      },
      env: { GITHUB_REPOSITORY: 'acme/app', GITHUB_API_URL: relay.url, GITHUB_SERVER_URL: 'https://github.test', GITOPS_PROMOTE_ARGOCD_TOKEN: ARGOCD_TOKEN },
    });
    expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0);
    const body = api.pulls[0]?.body ?? '';
    expect(body).toContain('### What Argo CD will change in prod');
    expect(body).toMatch(/-\s+image: ghcr\.io\/acme\/payments:1\.4\.1\n\+\s+image: ghcr\.io\/acme\/payments:1\.4\.2/);
    expect(body).toMatch(/`payments-staging` runs `1\.4\.2`: Synced at `[0-9a-f]{12}` and Healthy, running it since/);
    expect(result.outputs['source-healthy-since']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(result.masks).toContain(ARGOCD_TOKEN);
    for (const text of [result.log, result.stderr, result.summary, body, JSON.stringify(result.outputs)]) expect(text).not.toContain(ARGOCD_TOKEN);
  });
});

describe('open-promotion-pr bundle under GitLab CI', () => {
  let server: GitHttpServer;
  let relay: ApiRelay;
  let api: GitLabApiFake;

  beforeEach(async () => {
    server = await startGitHttpServer({ username: 'oauth2', password: TOKEN });
    const bare = await server.createBareRepo('environments', FILES);
    api = createGitLabApiFake({ origin: 'https://gitlab.test', projectPath: 'acme/platform/environments', projectId: 42, gitDir: bare, token: TOKEN, users: [{ id: 7, username: 'alice' }] });
    relay = await startApiRelay('https://gitlab.test');
  });
  afterEach(async () => {
    api.stop();
    await relay.close();
    await server.close();
  });

  it('reads INPUT_ variables and CI_* defaults, opens the MR, writes the dotenv report', async () => {
    const projectDir = sandbox.dir;
    const result = await runProcess(BUNDLE_NODE, [OPEN_PROMOTION_PR_BUNDLE], {
      cwd: projectDir,
      env: sandbox.env({
        GITLAB_CI: 'true',
        CI_PROJECT_DIR: projectDir,
        CI_PROJECT_PATH: 'acme/platform/environments',
        CI_API_V4_URL: `${relay.url}/api/v4`,
        CI_SERVER_URL: 'https://gitlab.test',
        GITLAB_USER_NAME: 'Grace Hopper',
        GITLAB_USER_EMAIL: 'grace@example.invalid',
        GITOPS_PROMOTE_TOKEN: TOKEN,
        INPUT_REPOSITORY_URL: server.repoUrl('environments'),
        INPUT_IMAGE: IMAGE,
        INPUT_SOURCE_FILES: 'envs/staging/kustomization.yaml',
        INPUT_FILES: 'envs/prod/kustomization.yaml',
        INPUT_ENVIRONMENT: 'prod',
        INPUT_REVIEWERS: 'alice',
      }),
      timeoutMs: 90_000,
    });
    expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0);
    const dotenv = await readFile(join(projectDir, 'gitops-promote.env'), 'utf8');
    const outputs = Object.fromEntries(dotenv.trim().split('\n').map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
    expect(outputs).toMatchObject({ OPERATION: 'created', PULL_REQUEST_NUMBER: '1', BRANCH, PREVIOUS_VALUE: '1.4.1', VALUE: '1.4.2' });
    const [mr] = api.mergeRequests;
    expect(mr).toMatchObject({ source_branch: BRANCH, target_branch: 'main' });
    expect(api.head(BRANCH)).toBe(outputs.HEAD_SHA);
    expect(await sandbox.gitOk(['log', '-1', '--format=%an', outputs.HEAD_SHA ?? ''], join(server.root, 'environments.git'))).toBe('Grace Hopper');
    for (const text of [result.stdout, result.stderr, dotenv]) expect(text).not.toContain(TOKEN);
  });
});
