/**
 * This repository's own .gitlab-ci.yml, as GitLab runs it where the project is published to the
 * CI/CD Catalog: it includes its component at the pipeline's own commit
 * (`$CI_SERVER_FQDN/$CI_PROJECT_PATH/update-manifest@$CI_COMMIT_SHA`, read from templates/ of
 * the checkout), runs it with the package packed from the same commit, and a later job reads the
 * outputs from the dotenv report. Run on a copy of the work tree (what npm pack and the include
 * read), committed, with the project's origin on GitLab.
 */
import { cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GITLAB_CI_LOCAL, dotenvOf, requireGitLabCiLocal } from '../support/gitlab-local';
import { REPO_ROOT, createSandbox, runProcess, type ProcessResult, type Sandbox } from '../support/run-bundle';

let sandbox: Sandbox;
let project: string;
let run: ProcessResult;

beforeAll(async () => {
  requireGitLabCiLocal();
  sandbox = await createSandbox('gitops-promote-gitlab-self-');
  project = join(sandbox.dir, 'gitops-promote');
  await mkdir(project);
  for (const entry of ['.gitlab-ci.yml', 'package.json', 'README.md', 'templates', 'dist']) await cp(join(REPO_ROOT, entry), join(project, entry), { recursive: true });
  await sandbox.gitOk(['init', '--quiet', '--initial-branch=main'], project);
  await sandbox.gitOk(['remote', 'add', 'origin', 'https://gitlab.example.com/acme/gitops-promote.git'], project);
  await sandbox.gitOk(['add', '.'], project);
  await sandbox.gitOk(['-c', 'user.name=Maintainer', '-c', 'user.email=maintainer@example.invalid', 'commit', '--quiet', '-m', 'release candidate'], project);
  run = await runProcess(GITLAB_CI_LOCAL, ['--force-shell-executor', '--variable', `npm_config_cache=${join(sandbox.dir, 'npm-cache')}`, '--variable', 'npm_config_offline=true'], {
    cwd: project,
    env: sandbox.env(),
    timeoutMs: 240_000,
  });
}, 300_000);

afterAll(async () => sandbox?.cleanup());

describe("this repository's .gitlab-ci.yml (the Catalog project's pipeline)", () => {
  it('includes its own component at the commit, runs it, and the next job reads its outputs', async () => {
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.exitCode, output).toBe(0);
    expect(output).toMatch(/PASS\s+component-update-manifest\b/);
    expect(output).toMatch(/PASS\s+component-outputs\b/);
    // Only on a tag: no release from a branch pipeline.
    expect(output).not.toMatch(/release\s+starting/);
    const sha = await sandbox.gitOk(['rev-parse', '--short=8', 'HEAD'], project);
    expect(await dotenvOf(project, 'component-update-manifest')).toMatchObject({ CHANGED: 'true', CHANGED_FILES: '["kustomization.yaml"]' });
    expect(output).toContain(`"0.0.0" → "${sha}"`);
  });
});
