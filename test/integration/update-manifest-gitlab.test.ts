/**
 * The same update-manifest bundle under GitLab CI (GITLAB_CI=true): inputs from INPUT_<NAME>
 * variables with underscores, outputs in a dotenv report, a Markdown summary file, collapsible log
 * sections, the GitLab user as author, and a project token sent as `oauth2:<token>`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGitHttpServer, type GitHttpServer } from '../support/git-http-server';
import {
  authHeaderConfig,
  BUNDLE_NODE,
  createSandbox,
  randomToken,
  runProcess,
  UPDATE_MANIFEST_BUNDLE,
  type Sandbox,
} from '../support/run-bundle';

const USER = 'oauth2'; // what GitLab expects with a project or personal access token
const TOKEN = randomToken();

const KUSTOMIZATION = `resources:
  - deployment.yaml
images:
  - name: registry.gitlab.example/acme/payments
    newTag: 1.4.1 # bumped by CI
`;

let server: GitHttpServer;
let sandbox: Sandbox;

beforeAll(async () => {
  server = await startGitHttpServer({ username: USER, password: TOKEN });
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  sandbox = await createSandbox('gitops-promote-gitlab-');
});
afterEach(async () => {
  await sandbox.cleanup();
});

describe('update-manifest bundle under GitLab CI', () => {
  it('reads INPUT_ variables, pushes with the token, writes the dotenv report and summary', async () => {
    const bare = await server.createBareRepo('environments', { 'envs/dev/kustomization.yaml': KUSTOMIZATION });
    const projectDir = join(sandbox.dir, 'project');
    const checkout = join(projectDir, 'environments');
    await sandbox.gitOk([...authHeaderConfig(USER, TOKEN), 'clone', '--quiet', server.repoUrl('environments'), checkout], sandbox.dir);

    const result = await runProcess(BUNDLE_NODE, [UPDATE_MANIFEST_BUNDLE], {
      cwd: projectDir,
      env: sandbox.env({
        GITLAB_CI: 'true',
        CI_PROJECT_DIR: projectDir,
        GITLAB_USER_NAME: 'Grace Hopper',
        GITLAB_USER_EMAIL: 'grace@example.invalid',
        INPUT_PATH: 'environments',
        INPUT_FILES: 'envs/dev/kustomization.yaml',
        INPUT_IMAGE: 'registry.gitlab.example/acme/payments',
        INPUT_TAG: '1.4.2',
        INPUT_TOKEN: TOKEN,
        INPUT_COMMIT_MESSAGE: 'deploy {{image}}:{{tag}} to dev',
      }),
      timeoutMs: 60_000,
    });
    expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0);

    const dotenv = await readFile(join(projectDir, 'gitops-promote.env'), 'utf8');
    const outputs = Object.fromEntries(dotenv.trim().split('\n').map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
    const head = await sandbox.gitOk(['rev-parse', 'refs/heads/main'], bare);
    expect(outputs).toEqual({
      CHANGED: 'true',
      CHANGED_FILES: '["envs/dev/kustomization.yaml"]',
      PREVIOUS_VALUES: JSON.stringify([
        { file: 'envs/dev/kustomization.yaml', document: 0, path: 'images[0].newTag', line: 5, previous: '1.4.1', value: '1.4.2' },
      ]),
      CHANGES: JSON.stringify([
        { file: 'envs/dev/kustomization.yaml', document: 0, line: 5, path: 'images[0].newTag', image: 'registry.gitlab.example/acme/payments', previous: '1.4.1', value: '1.4.2' },
      ]),
      COMMIT_SHA: head,
      PUSHED: 'true',
      COMMITS_VERIFIED: '',
    });
    expect(await sandbox.gitOk(['show', '-s', '--format=%an <%ae>|%s', head], bare)).toBe(
      'Grace Hopper <grace@example.invalid>|deploy registry.gitlab.example/acme/payments:1.4.2 to dev',
    );
    expect(await sandbox.gitOk(['show', `${head}:envs/dev/kustomization.yaml`], bare)).toBe(
      KUSTOMIZATION.replace('newTag: 1.4.1', 'newTag: 1.4.2').trimEnd(),
    );
    const summary = await readFile(join(projectDir, 'gitops-promote-summary.md'), 'utf8');
    expect(summary).toContain('| envs/dev/kustomization.yaml | 5 | `images[0].newTag` | `1.4.1` | `1.4.2` |');
    expect(summary).toContain(`Pushed commit \`${head}\`.`);
    expect(result.stdout).toMatch(/section_start:\d+:gitops_promote_1\[collapsed=true\]\r\u001b\[0KEditing manifests/);
    const credential = Buffer.from(`${USER}:${TOKEN}`).toString('base64');
    for (const text of [result.stdout, result.stderr, summary, dotenv, await readFile(join(checkout, '.git', 'config'), 'utf8')]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(credential);
    }
  });
});
