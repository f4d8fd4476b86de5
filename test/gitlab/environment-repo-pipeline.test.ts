/**
 * examples/gitlab/environment-repo.gitlab-ci.yml, unchanged, run by gitlab-ci-local in the
 * environment repository after a staging merge request landed on main, against the loopback
 * "GitLab" (test/support/gitlab-local.ts) and the Argo CD simulator deploying envs/staging:
 * - staging becomes Healthy at the merge commit → promote-prod opens the prod MR, no rollback;
 * - staging goes Degraded → verify-staging fails naming the resource, rollback-staging
 *   (when: on_failure) opens the rollback MR back to the version before, promote-prod never runs.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArgoCdSimulator } from '../../packages/argocd-simulator/src/index';
import { dotenvOf, runGitLabCiLocal, startLoopbackGitLab, type LoopbackGitLab } from '../support/gitlab-local';
import { REPO_ROOT, authHeaderConfig, createSandbox, type ProcessResult, type Sandbox } from '../support/run-bundle';

const TOKEN = 'glpat-environments-token-9876543210';
const ARGOCD_TOKEN = 'argocd-token-zyxwvutsrqpo';
const IMAGE = 'registry.example.com/acme/payments';
const kustomization = (env: string, tag: string) => `# ${env}\nresources:\n  - deployment.yaml\nimages:\n  - name: ${IMAGE}\n    newTag: "${tag}"\n`;
const deployment = (env: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: payments\n  namespace: payments-${env}\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ${IMAGE}\n`;
const IDENTITY = ['-c', 'user.name=Reviewer', '-c', 'user.email=reviewer@example.invalid'];

interface Pipeline {
  sandbox: Sandbox;
  gitlab: LoopbackGitLab;
  argocd: { close(): Promise<void> };
  project: string;
  run: ProcessResult;
  merged: string;
}

/** The environment repository with staging on 1.4.2, then the merge that sets `stagingTag`, and its pipeline. */
async function pipelineAfterMerge(stagingTag: string): Promise<Pipeline> {
  const sandbox = await createSandbox('gitops-promote-gitlab-env-');
  const gitlab = await startLoopbackGitLab(sandbox, TOKEN, {
    'envs/staging/kustomization.yaml': kustomization('staging', '1.4.2'),
    'envs/staging/deployment.yaml': deployment('staging'),
    'envs/prod/kustomization.yaml': kustomization('prod', '1.4.1'),
    'envs/prod/deployment.yaml': deployment('prod'),
  }, [{ id: 7, username: 'ops-lead' }]);
  const project = join(sandbox.dir, 'environments');
  await sandbox.gitOk([...authHeaderConfig('oauth2', TOKEN), 'clone', '--quiet', `${gitlab.url}/acme/environments.git`, project], sandbox.dir);
  await writeFile(join(project, '.gitlab-ci.yml'), await readFile(join(REPO_ROOT, 'examples/gitlab/environment-repo.gitlab-ci.yml')));
  await sandbox.gitOk(['add', '.gitlab-ci.yml'], project);
  await sandbox.gitOk([...IDENTITY, 'commit', '--quiet', '-m', 'ci: promote with gitops-promote'], project);
  await writeFile(join(project, 'envs/staging/kustomization.yaml'), kustomization('staging', stagingTag));
  await sandbox.gitOk([...IDENTITY, 'commit', '--quiet', '-am', `Merge: promote payments ${stagingTag} to staging`], project);
  await sandbox.gitOk([...authHeaderConfig('oauth2', TOKEN), 'push', '--quiet', 'origin', 'main'], project);
  const merged = await sandbox.gitOk(['rev-parse', 'HEAD'], project);
  // Tags starting with broken- roll out Degraded in the simulator (its default rule).
  const argocd = await ArgoCdSimulator.start({
    tokens: [ARGOCD_TOKEN],
    timings: { syncMs: 300, rolloutMs: 600 },
    apps: [{ name: 'payments-staging', source: { repoPath: gitlab.environments, targetRevision: 'main', path: 'envs/staging' } }],
  });
  const run = await runGitLabCiLocal(
    sandbox,
    gitlab,
    project,
    { ENVIRONMENTS_TOKEN: TOKEN, ARGOCD_TOKEN, ARGOCD_SERVER: argocd.url, GITLAB_USER_NAME: 'Release Bot', GITLAB_USER_EMAIL: 'release-bot@example.invalid' },
    // The workflow's `changes:` needs a push event's diff, which a local run has not got.
    { args: ['--no-evaluate-rule-changes'] },
  );
  return { sandbox, gitlab, argocd, project, run, merged };
}

async function stop(pipeline: Pipeline | undefined): Promise<void> {
  await pipeline?.argocd.close();
  await pipeline?.gitlab.close();
  await pipeline?.sandbox.cleanup();
}

describe('examples/gitlab/environment-repo.gitlab-ci.yml: staging healthy', () => {
  let pipeline: Pipeline;
  beforeAll(async () => {
    pipeline = await pipelineAfterMerge('1.5.0');
  }, 300_000);
  afterAll(() => stop(pipeline));

  it('verify-staging passes at the merge commit, promote-prod opens the prod MR, rollback-staging does not run', async () => {
    const { run, project, gitlab, merged } = pipeline;
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.exitCode, output).toBe(0);
    expect(output).toMatch(/PASS\s+verify-staging\b/);
    expect(output).toMatch(/PASS\s+promote-prod\b/);
    expect(output).not.toMatch(/rollback-staging\s+starting/);
    expect(await dotenvOf(project, 'verify-staging')).toMatchObject({ HEALTH: 'Healthy', SYNC: 'Synced', REVISION: merged });
    expect(await dotenvOf(project, 'promote-prod')).toMatchObject({ OPERATION: 'created', PREVIOUS_VALUE: '1.4.1', VALUE: '1.5.0' });
    expect(gitlab.api.mergeRequests).toHaveLength(1);
    expect(gitlab.api.mergeRequests[0]).toMatchObject({ target_branch: 'main', state: 'opened' });
    expect(gitlab.api.mergeRequests[0]?.labels).toContain('prod');
    expect(gitlab.api.mergeRequests[0]?.reviewer_ids).toEqual([7]);
    for (const secret of [TOKEN, ARGOCD_TOKEN]) expect(output).not.toContain(secret);
  });
});

describe('examples/gitlab/environment-repo.gitlab-ci.yml: staging Degraded', () => {
  let pipeline: Pipeline;
  beforeAll(async () => {
    pipeline = await pipelineAfterMerge('broken-1.5.0');
  }, 300_000);
  afterAll(() => stop(pipeline));

  it('verify-staging fails naming the Degraded Deployment; rollback-staging opens the MR back to 1.4.2; no prod MR', async () => {
    const { run, project, gitlab } = pipeline;
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.exitCode, output).not.toBe(0);
    expect(output).toMatch(/FAIL\s+verify-staging\b/);
    expect(output).toMatch(/Deployment\/[\w-]*\/?payments[^\n]*exceeded its progress deadline/);
    expect(output).toMatch(/PASS\s+rollback-staging\b/);
    expect(output).not.toMatch(/promote-prod\s+starting/);
    const rolledBack = await dotenvOf(project, 'rollback-staging');
    expect(rolledBack).toMatchObject({ CHANGED: 'true', ROLLED_BACK_FROM: 'broken-1.5.0', ROLLED_BACK_TO: '1.4.2' });
    expect(gitlab.api.mergeRequests).toHaveLength(1);
    const [mr] = gitlab.api.mergeRequests;
    expect(mr).toMatchObject({ target_branch: 'main', state: 'opened' });
    expect(mr?.labels).toEqual(expect.arrayContaining(['rollback', 'staging']));
    expect(await pipeline.sandbox.gitOk(['show', `${mr?.source_branch ?? ''}:envs/staging/kustomization.yaml`], gitlab.environments)).toBe(kustomization('staging', '1.4.2').trimEnd());
    for (const secret of [TOKEN, ARGOCD_TOKEN]) expect(output).not.toContain(secret);
  });
});
