/**
 * The same templates/<step>.yml file, included the three other ways GitLab offers besides
 * `component:` (covered by the example pipelines): `project:` (gitlab-ci-local clones
 * acme/gitops-promote at the ref from the remote's origin, as GitLab reads the project's tree),
 * `remote:` (its raw URL) and `local:` (a file of the project itself, as in the gitops-promote
 * repository's own pipeline). Each job runs update-manifest with dry-run and reports the change;
 * nothing is pushed.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELEASE, dotenvOf, runGitLabCiLocal, startLoopbackGitLab, type LoopbackGitLab } from '../support/gitlab-local';
import { REPO_ROOT, authHeaderConfig, createSandbox, type ProcessResult, type Sandbox } from '../support/run-bundle';

const TOKEN = 'glpat-include-forms-token-55555';
const IMAGE = 'registry.example.com/acme/payments';
const KUSTOMIZATION = `images:\n  - name: ${IMAGE}\n    newTag: "1.4.1"   # dev\n`;

let sandbox: Sandbox;
let gitlab: LoopbackGitLab;
let project: string;
let run: ProcessResult;
let tip: string;

beforeAll(async () => {
  sandbox = await createSandbox('gitops-promote-gitlab-include-');
  gitlab = await startLoopbackGitLab(sandbox, TOKEN, { 'envs/dev/kustomization.yaml': KUSTOMIZATION });
  project = join(sandbox.dir, 'environments');
  await sandbox.gitOk([...authHeaderConfig('oauth2', TOKEN), 'clone', '--quiet', `${gitlab.url}/acme/environments.git`, project], sandbox.dir);
  await mkdir(join(project, 'templates'));
  await copyFile(join(REPO_ROOT, 'templates/update-manifest.yml'), join(project, 'templates/update-manifest.yml'));
  const inputs = (job: string, stage: string, tag: string) =>
    `    inputs:\n      job-name: ${job}\n      stage: ${stage}\n      files: envs/dev/kustomization.yaml\n      image: ${IMAGE}\n      tag: "${tag}"\n      dry-run: true\n`;
  await writeFile(
    join(project, '.gitlab-ci.yml'),
    `stages: [by-project, by-remote, by-local]\ninclude:\n` +
      `  - project: acme/gitops-promote\n    ref: "${RELEASE}"\n    file: templates/update-manifest.yml\n${inputs('by-project', 'by-project', '2.0.0')}` +
      `  - remote: ${gitlab.url}/acme/gitops-promote/-/raw/${RELEASE}/templates/update-manifest.yml\n${inputs('by-remote', 'by-remote', '2.0.1')}` +
      `  - local: templates/update-manifest.yml\n${inputs('by-local', 'by-local', '2.0.2')}`,
  );
  await sandbox.gitOk(['add', '.'], project);
  await sandbox.gitOk(['-c', 'user.name=Ops', '-c', 'user.email=ops@example.invalid', 'commit', '--quiet', '-m', 'ci'], project);
  tip = await sandbox.gitOk(['rev-parse', 'main'], gitlab.environments);
  run = await runGitLabCiLocal(sandbox, gitlab, project, { GITOPS_PROMOTE_TOKEN: TOKEN });
}, 300_000);

afterAll(async () => {
  await gitlab?.close();
  await sandbox?.cleanup();
});

describe('templates/update-manifest.yml by include: project, remote and local', () => {
  it('gives a job that runs the step with its inputs each way', async () => {
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.exitCode, output).toBe(0);
    for (const [job, tag] of [['by-project', '2.0.0'], ['by-remote', '2.0.1'], ['by-local', '2.0.2']] as const) {
      expect(output).toMatch(new RegExp(`PASS\\s+${job}\\b`));
      expect(output).toContain(`"1.4.1" → "${tag}"`);
      const report = await dotenvOf(project, job);
      expect(report.CHANGED).toBe('true');
      expect(JSON.parse(report.PREVIOUS_VALUES ?? '[]')).toEqual([expect.objectContaining({ previous: '1.4.1', value: tag })]);
    }
    // dry-run: the files and the remote are as they were.
    expect(await readFile(join(project, 'envs/dev/kustomization.yaml'), 'utf8')).toBe(KUSTOMIZATION);
    expect(await sandbox.gitOk(['rev-parse', 'main'], gitlab.environments)).toBe(tip);
    expect(output).not.toContain(TOKEN);
  });
});
