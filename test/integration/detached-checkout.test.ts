/**
 * A CI runner's own checkout is a detached HEAD at the pipeline's commit (GitLab always): with no
 * `branch` input, update-manifest and rollback push to the branch the pipeline runs for, but only
 * when HEAD is that very commit; any other detached HEAD still asks for `branch`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { validateRollbackInputs, type RollbackInputs } from '../../packages/core/src/steps/rollback/config';
import { runRollback } from '../../packages/core/src/steps/rollback/run';
import { rollbackSpec } from '../../packages/core/src/steps/rollback/spec';
import { validateUpdateManifestInputs, type UpdateManifestInputs } from '../../packages/core/src/steps/update-manifest/config';
import { runUpdateManifest } from '../../packages/core/src/steps/update-manifest/run';
import { updateManifestSpec } from '../../packages/core/src/steps/update-manifest/spec';
import { FakePlatform } from '../support/fake-platform';
import { useHermeticGitEnv } from '../support/hermetic-git-env';
import { createSandbox, type Sandbox } from '../support/run-bundle';
import { testContext } from '../support/step-context';

const IMAGE = 'registry.example.com/acme/payments';
const FILE = 'envs/staging/kustomization.yaml';
const kustomization = (tag: string) => `images:\n  - name: ${IMAGE}\n    newTag: "${tag}"\n`;
const IDENTITY = ['-c', 'user.name=Person', '-c', 'user.email=person@example.invalid'];
const blank = <T>(spec: { inputs: readonly { name: string }[] }): T => Object.fromEntries(spec.inputs.map((input) => [input.name, ''])) as T;

useHermeticGitEnv();
let sandbox: Sandbox;
let bare: string;
let checkout: string;
let pipelineSha: string;

beforeEach(async () => {
  sandbox = await createSandbox('gitops-promote-detached-');
  bare = join(sandbox.dir, 'remote.git');
  const seed = join(sandbox.dir, 'seed');
  await sandbox.gitOk(['init', '--quiet', '--bare', '--initial-branch=main', bare], sandbox.dir);
  await sandbox.gitOk(['clone', '--quiet', bare, seed], sandbox.dir);
  await sandbox.gitOk(['checkout', '--quiet', '-b', 'main'], seed);
  for (const tag of ['1.4.1', '1.5.0']) {
    await mkdir(join(seed, 'envs/staging'), { recursive: true });
    await writeFile(join(seed, FILE), kustomization(tag));
    await sandbox.gitOk(['add', '-A'], seed);
    await sandbox.gitOk([...IDENTITY, 'commit', '--quiet', '-m', `staging runs ${tag}`], seed);
  }
  await sandbox.gitOk(['push', '--quiet', 'origin', 'main'], seed);
  pipelineSha = await sandbox.gitOk(['rev-parse', 'HEAD'], seed);
  // As a GitLab runner checks out: fetch, then a detached HEAD at the pipeline's commit.
  checkout = join(sandbox.dir, 'checkout');
  await sandbox.gitOk(['clone', '--quiet', '--no-checkout', bare, checkout], sandbox.dir);
  await sandbox.gitOk(['checkout', '--quiet', '--detach', pipelineSha], checkout);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await sandbox.cleanup();
});

function onGitLab(sha = pipelineSha): void {
  vi.stubEnv('GITHUB_ACTIONS', '');
  vi.stubEnv('GITLAB_CI', 'true');
  vi.stubEnv('CI_COMMIT_BRANCH', 'main');
  vi.stubEnv('CI_COMMIT_SHA', sha);
}

const updateManifest = (platform = new FakePlatform()) =>
  runUpdateManifest(validateUpdateManifestInputs({ ...blank<UpdateManifestInputs>(updateManifestSpec), path: checkout, files: FILE, image: IMAGE, tag: '1.5.1', 'author-name': 'CI', 'author-email': 'ci@example.invalid' }), platform, testContext({ backoff: { minDelayMs: 5, maxDelayMs: 20 } }));

describe('a detached checkout at the pipeline commit', () => {
  it('update-manifest pushes to CI_COMMIT_BRANCH and says so', async () => {
    onGitLab();
    const platform = new FakePlatform();
    const result = await updateManifest(platform);
    expect(result.pushed).toBe(true);
    expect(await sandbox.gitOk(['rev-parse', 'main'], bare)).toBe(result.commitSha);
    expect(await sandbox.gitOk(['show', `main:${FILE}`], bare)).toBe(kustomization('1.5.1').trimEnd());
    expect(platform.lines.join('\n')).toContain("pushing to its branch 'main' (CI_COMMIT_BRANCH)");
  });

  it('rollback pushes the rollback commit to CI_COMMIT_BRANCH', async () => {
    onGitLab();
    const config = validateRollbackInputs({ ...blank<RollbackInputs>(rollbackSpec), path: checkout, files: FILE, image: IMAGE, reason: 'unhealthy', 'author-name': 'CI', 'author-email': 'ci@example.invalid' });
    const result = await runRollback(config, new FakePlatform(), testContext({ backoff: { minDelayMs: 5, maxDelayMs: 20 } }));
    expect(result).toMatchObject({ changed: true, from: '1.5.0', to: '1.4.1' });
    expect(await sandbox.gitOk(['show', `main:${FILE}`], bare)).toBe(kustomization('1.4.1').trimEnd());
  });

  it('refuses when HEAD is not the pipeline commit, or outside CI, and pushes nothing', async () => {
    onGitLab('0'.repeat(40));
    await expect(updateManifest()).rejects.toThrow(/HEAD is detached, so there is no branch to push to/);
    vi.stubEnv('GITLAB_CI', '');
    vi.stubEnv('GITOPS_PROMOTE_PLATFORM', '');
    vi.stubEnv('CI_COMMIT_SHA', pipelineSha);
    await expect(updateManifest()).rejects.toThrow(/HEAD is detached/);
    expect(await sandbox.gitOk(['rev-parse', 'main'], bare)).toBe(pipelineSha);
    expect(await readFile(join(checkout, FILE), 'utf8')).toBe(kustomization('1.5.0'));
  });
});
