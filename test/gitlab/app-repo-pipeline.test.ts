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
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArgoCdSimulator } from '../../packages/argocd-simulator/src/index';
import { dotenvOf as dotenvIn, runGitLabCiLocal, startLoopbackGitLab, type LoopbackGitLab } from '../support/gitlab-local';
import { REPO_ROOT, createSandbox, type ProcessResult, type Sandbox } from '../support/run-bundle';

const TOKEN = 'glpat-environments-token-0123456789';
const ARGOCD_TOKEN = 'argocd-token-abcdefghijkl';
const REGISTRY_IMAGE = 'registry.example.com/acme/payments';
const kustomization = (env: string, tag: string) => `# ${env}\nresources:\n  - deployment.yaml\nimages:\n  - name: ${REGISTRY_IMAGE}   # built by acme/payments\n    newTag: "${tag}"\n`;
const deployment = (env: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: payments\n  namespace: payments-${env}\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ${REGISTRY_IMAGE}\n`;

let sandbox: Sandbox;
let gitlab: LoopbackGitLab;
let argocd: { url: string; close(): Promise<void> };
let project: string;
let run: ProcessResult;
let environments: string;
const dotenvOf = (job: string) => dotenvIn(project, job);

beforeAll(async () => {
  sandbox = await createSandbox('gitops-promote-gitlab-');
  gitlab = await startLoopbackGitLab(sandbox, TOKEN, {
    'envs/dev/kustomization.yaml': kustomization('dev', '1.4.1'),
    'envs/dev/deployment.yaml': deployment('dev'),
    'envs/staging/kustomization.yaml': kustomization('staging', '1.4.1'),
    'envs/staging/deployment.yaml': deployment('staging'),
  });
  environments = gitlab.environments;
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

  run = await runGitLabCiLocal(
    sandbox,
    gitlab,
    project,
    { ENVIRONMENTS_TOKEN: TOKEN, ARGOCD_TOKEN, ARGOCD_SERVER: argocd.url, CI_REGISTRY_IMAGE: REGISTRY_IMAGE, GITLAB_USER_NAME: 'Dev', GITLAB_USER_EMAIL: 'dev@example.invalid' },
    { bin },
  );
}, 300_000);

afterAll(async () => {
  await argocd?.close();
  await gitlab?.close();
  await sandbox?.cleanup();
});

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
    const [mr] = gitlab.api.mergeRequests;
    expect(gitlab.api.mergeRequests).toHaveLength(1);
    expect(mr).toMatchObject({ source_branch: promoted.BRANCH, target_branch: 'main', state: 'opened' });
    expect(mr?.title).toContain(shortSha);
    expect(await sandbox.gitOk(['show', `${promoted.BRANCH}:envs/staging/kustomization.yaml`], environments)).toBe(kustomization('staging', shortSha).trimEnd());
    // The jobs ran the release from the registry, fetched once and then from npm's cache.
    expect(gitlab.registry.requests).toContain('/gitops-promote');
  });

  it('leaves no token in the log, the dotenv reports or the clone it made', async () => {
    const output = `${run.stdout}\n${run.stderr}`;
    for (const secret of [TOKEN, ARGOCD_TOKEN]) expect(output).not.toContain(secret);
    for (const job of ['deploy-dev', 'verify-dev', 'promote-staging']) expect(JSON.stringify(await dotenvOf(job))).not.toContain(TOKEN);
    expect(await readFile(join(project, 'environments', '.git', 'config'), 'utf8')).not.toContain(TOKEN);
  });
});
