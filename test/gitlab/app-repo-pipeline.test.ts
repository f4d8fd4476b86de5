/**
 * examples/gitlab/app-repo.gitlab-ci.yml, unchanged, run by gitlab-ci-local (jobs in a shell, no
 * Docker) against loopback stand-ins for everything it talks to:
 * - "GitLab" on 127.0.0.1: git's http-backend serving acme/gitops-promote (public, with the
 *   templates/ of this checkout at the release tag, so the `component:` includes resolve as the
 *   CI/CD Catalog resolves them), acme/environments (token only) and, on the same origin,
 *   /api/v4 relayed to a stateful nock GitLab fake for the merge request;
 * - an npm registry serving the packed package, so the jobs' `npx gitops-promote@<version>` is
 *   the release's bundle;
 * - the Argo CD simulator deploying envs/dev of acme/environments.
 * The jobs hand on values only through dotenv reports: build's IMAGE_TAG to deploy-dev,
 * deploy-dev's COMMIT_SHA to verify-dev, which must wait for exactly that commit.
 */
import { chmod, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArgoCdSimulator } from '../../packages/argocd-simulator/src/index';
import { relayHandler } from '../support/api-relay';
import { startGitHttpServer, type GitHttpServer } from '../support/git-http-server';
import { createGitLabApiFake, type GitLabApiFake } from '../support/gitlab-api-fake';
import { startNpmRegistry, type NpmRegistry } from '../support/npm-registry';
import { REPO_ROOT, createSandbox, runProcess, type ProcessResult, type Sandbox } from '../support/run-bundle';

const GITLAB_CI_LOCAL = process.env.GITLAB_CI_LOCAL ?? '';
const TOKEN = 'glpat-environments-token-0123456789';
const ARGOCD_TOKEN = 'argocd-token-abcdefghijkl';
const REGISTRY_IMAGE = 'registry.example.com/acme/payments';
const version = (JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const kustomization = (env: string, tag: string) => `# ${env}\nresources:\n  - deployment.yaml\nimages:\n  - name: ${REGISTRY_IMAGE}   # built by acme/payments\n    newTag: "${tag}"\n`;
const deployment = (env: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: payments\n  namespace: payments-${env}\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ${REGISTRY_IMAGE}\n`;

let sandbox: Sandbox;
let gitlab: GitHttpServer;
let api: GitLabApiFake;
let registry: NpmRegistry;
let argocd: { url: string; close(): Promise<void> };
let project: string;
let run: ProcessResult;
let environments: string;

beforeAll(async () => {
  if (!GITLAB_CI_LOCAL) throw new Error('GITLAB_CI_LOCAL is not set: point it at gitlab-ci-local 4.73.0 (npm install gitlab-ci-local@4.73.0; .ci/run does), with rsync installed');
  sandbox = await createSandbox('gitops-promote-gitlab-');
  const packed = await runProcess('npm', ['pack', '--silent', '--pack-destination', sandbox.dir], { cwd: REPO_ROOT, env: sandbox.env({ npm_config_cache: join(sandbox.dir, 'npm-cache') }), timeoutMs: 60_000 });
  expect(packed.exitCode, packed.stderr).toBe(0);
  const manifest = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string; bin: unknown; engines: unknown; type: string };
  registry = await startNpmRegistry(join(sandbox.dir, packed.stdout.trim().split('\n').pop() ?? ''), { name: manifest.name, version: manifest.version, bin: manifest.bin, engines: manifest.engines, type: manifest.type });

  // The API on the git server's own origin, as GitLab serves both: CI_API_V4_URL follows from the remote.
  const route = relayHandler('https://gitlab.test');
  gitlab = await startGitHttpServer({
    username: 'oauth2',
    password: TOKEN,
    publicRepos: ['acme/gitops-promote'],
    route: (req, res) => {
      if (!(req.url ?? '').startsWith('/api/v4/')) return false;
      route(req, res);
      return true;
    },
  });
  const templates: Record<string, string> = { 'README.md': '# gitops-promote\n' };
  for (const file of await readdir(join(REPO_ROOT, 'templates'))) templates[`templates/${file}`] = await readFile(join(REPO_ROOT, 'templates', file), 'utf8');
  const components = await gitlab.createBareRepo('acme/gitops-promote', templates);
  await sandbox.gitOk(['tag', version, 'main'], components);
  environments = await gitlab.createBareRepo('acme/environments', {
    'envs/dev/kustomization.yaml': kustomization('dev', '1.4.1'),
    'envs/dev/deployment.yaml': deployment('dev'),
    'envs/staging/kustomization.yaml': kustomization('staging', '1.4.1'),
    'envs/staging/deployment.yaml': deployment('staging'),
  });
  api = createGitLabApiFake({ origin: 'https://gitlab.test', projectPath: 'acme/environments', projectId: 42, gitDir: environments, token: TOKEN });
  argocd = await ArgoCdSimulator.start({
    tokens: [ARGOCD_TOKEN],
    timings: { syncMs: 300, rolloutMs: 600 },
    apps: [{ name: 'payments-dev', source: { repoPath: environments, targetRevision: 'main', path: 'envs/dev' } }],
  });

  // The application repository, its CI file the example as it is, pushed to "GitLab".
  project = join(sandbox.dir, 'payments');
  await mkdir(project);
  await sandbox.gitOk(['init', '--quiet', '--initial-branch=main'], project);
  await sandbox.gitOk(['remote', 'add', 'origin', `${gitlab.url}/acme/payments.git`], project);
  await writeFile(join(project, '.gitlab-ci.yml'), await readFile(join(REPO_ROOT, 'examples/gitlab/app-repo.gitlab-ci.yml')));
  await writeFile(join(project, 'Dockerfile'), 'FROM scratch\n');
  await sandbox.gitOk(['add', '.'], project);
  await sandbox.gitOk(['-c', 'user.name=Dev', '-c', 'user.email=dev@example.invalid', 'commit', '--quiet', '-m', 'payments: a change'], project);

  // buildah, which the build job runs, records what it was asked and does nothing else.
  const bin = join(sandbox.dir, 'bin');
  await mkdir(bin);
  await writeFile(join(bin, 'buildah'), `#!/bin/sh\necho "buildah $*" >> "${join(sandbox.dir, 'buildah.log')}"\ncat >/dev/null 2>&1 || true\n`);
  await chmod(join(bin, 'buildah'), 0o755);

  const variables = {
    ENVIRONMENTS_TOKEN: TOKEN,
    ARGOCD_TOKEN,
    ARGOCD_SERVER: argocd.url,
    CI_REGISTRY_IMAGE: REGISTRY_IMAGE,
    NPM_CONFIG_REGISTRY: registry.url,
    npm_config_cache: join(sandbox.dir, 'npm-cache'),
    npm_config_update_notifier: 'false',
    GITLAB_USER_NAME: 'Dev',
    GITLAB_USER_EMAIL: 'dev@example.invalid',
  };
  run = await runProcess(
    GITLAB_CI_LOCAL,
    ['--force-shell-executor', '--ignore-predefined-vars', 'CI_REGISTRY_IMAGE,GITLAB_USER_NAME,GITLAB_USER_EMAIL', ...Object.entries(variables).flatMap(([key, value]) => ['--variable', `${key}=${value}`])],
    { cwd: project, env: sandbox.env({ PATH: `${bin}:${process.env.PATH ?? ''}` }), timeoutMs: 240_000 },
  );
}, 300_000);

afterAll(async () => {
  await argocd?.close();
  api?.stop();
  await registry?.close();
  await gitlab?.close();
  await sandbox?.cleanup();
});

/** A job's dotenv report as gitlab-ci-local kept it for the jobs after it. */
async function dotenvOf(job: string): Promise<Record<string, string>> {
  const dir = join(project, '.gitlab-ci-local', 'artifacts', job, '.gitlab-ci-reports', 'dotenv');
  const [file] = await readdir(dir);
  const text = await readFile(join(dir, file ?? ''), 'utf8');
  return Object.fromEntries(text.trim().split('\n').map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

describe('examples/gitlab/app-repo.gitlab-ci.yml under gitlab-ci-local', () => {
  it('runs build → deploy-dev → verify-dev → promote-staging, all passing', () => {
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.exitCode, output).toBe(0);
    for (const job of ['build', 'deploy-dev', 'verify-dev', 'promote-staging']) expect(output).toMatch(new RegExp(`PASS\\s+${job}\\b`));
  });

  it('hands values on through dotenv reports: the image tag, then the commit verify-dev waits for', async () => {
    const shortSha = (await sandbox.gitOk(['rev-parse', '--short=8', 'HEAD'], project));
    expect(await readFile(join(sandbox.dir, 'buildah.log'), 'utf8')).toContain(`buildah push ${REGISTRY_IMAGE}:${shortSha}`);
    expect(await dotenvOf('build')).toEqual({ IMAGE_TAG: shortSha });
    const deployed = await dotenvOf('deploy-dev');
    const tip = await sandbox.gitOk(['rev-parse', 'main'], environments);
    expect(deployed).toMatchObject({ CHANGED: 'true', PUSHED: 'true', COMMIT_SHA: tip });
    expect(await sandbox.gitOk(['show', 'main:envs/dev/kustomization.yaml'], environments)).toBe(kustomization('dev', shortSha).trimEnd());
    expect(await sandbox.gitOk(['log', '-1', '--format=%an', 'main'], environments)).toBe('Dev');
    // verify-dev waited for exactly deploy-dev's commit: Argo CD ran it, Synced and Healthy.
    expect(await dotenvOf('verify-dev')).toMatchObject({ HEALTH: 'Healthy', SYNC: 'Synced', REVISION: tip });
  });

  it('opens the staging merge request with the version dev runs', async () => {
    const shortSha = (await sandbox.gitOk(['rev-parse', '--short=8', 'HEAD'], project));
    const promoted = await dotenvOf('promote-staging');
    expect(promoted).toMatchObject({ OPERATION: 'created', PULL_REQUEST_NUMBER: '1', PREVIOUS_VALUE: '1.4.1', VALUE: shortSha });
    const [mr] = api.mergeRequests;
    expect(api.mergeRequests).toHaveLength(1);
    expect(mr).toMatchObject({ source_branch: promoted.BRANCH, target_branch: 'main', state: 'opened' });
    expect(mr?.title).toContain(shortSha);
    expect(await sandbox.gitOk(['show', `${promoted.BRANCH}:envs/staging/kustomization.yaml`], environments)).toBe(kustomization('staging', shortSha).trimEnd());
    // The jobs ran the release from the registry, fetched once and then from npm's cache.
    expect(registry.requests).toContain('/gitops-promote');
  });

  it('leaves no token in the log, the dotenv reports or the clone it made', async () => {
    const output = `${run.stdout}\n${run.stderr}`;
    for (const secret of [TOKEN, ARGOCD_TOKEN]) expect(output).not.toContain(secret);
    for (const job of ['deploy-dev', 'verify-dev', 'promote-staging']) expect(JSON.stringify(await dotenvOf(job))).not.toContain(TOKEN);
    expect(await readFile(join(project, 'environments', '.git', 'config'), 'utf8')).not.toContain(TOKEN);
  });
});
