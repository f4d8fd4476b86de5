/**
 * update-manifest with sign-commits: the commit is made by the GitHub API (nock fake writing into
 * the real bare repository served over smart HTTP), fast-forward only, so a push that lands
 * between our read and our commit is re-planned on, never overwritten; the checkout follows.
 */
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateUpdateManifestInputs, type UpdateManifestInputs } from '../../packages/core/src/steps/update-manifest/config';
import { runUpdateManifest } from '../../packages/core/src/steps/update-manifest/run';
import { updateManifestSpec } from '../../packages/core/src/steps/update-manifest/spec';
import { FakePlatform } from '../support/fake-platform';
import { startGitHttpServer, type GitHttpServer } from '../support/git-http-server';
import { createGitHubApiFake, type GitHubApiFake } from '../support/github-api-fake';
import { useHermeticGitEnv } from '../support/hermetic-git-env';
import { authHeaderConfig, createSandbox, randomToken, type Sandbox } from '../support/run-bundle';
import { testContext } from '../support/step-context';

const TOKEN = randomToken();
const FILE = 'envs/dev/kustomization.yaml';
const KUSTOMIZATION = 'images:\n  - name: ghcr.io/acme/payments # built here\n    newTag: "1.4.1"\n';

useHermeticGitEnv();
let sandbox: Sandbox;
let server: GitHttpServer;
let api: GitHubApiFake;
let bare: string;
let checkout: string;

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => nock.enableNetConnect());
beforeEach(async () => {
  sandbox = await createSandbox('gitops-promote-signed-');
  server = await startGitHttpServer({ username: 'x-access-token', password: TOKEN });
  bare = await server.createBareRepo('acme/environments', { [FILE]: KUSTOMIZATION, 'README.md': 'envs\n' });
  api = createGitHubApiFake({ origin: 'https://api.github.test', owner: 'acme', repo: 'environments', gitDir: bare, token: TOKEN });
  checkout = join(sandbox.dir, 'checkout');
  await sandbox.gitOk([...authHeaderConfig('x-access-token', TOKEN), 'clone', '--quiet', server.repoUrl('acme/environments'), checkout], sandbox.dir);
});
afterEach(async () => {
  api.stop();
  nock.cleanAll();
  await server.close();
  await sandbox.cleanup();
});

function run(tag: string, platform = new FakePlatform()) {
  const blank = Object.fromEntries(updateManifestSpec.inputs.map((input) => [input.name, ''])) as UpdateManifestInputs;
  const config = validateUpdateManifestInputs({ ...blank, path: checkout, files: FILE, image: 'ghcr.io/acme/payments', tag, token: TOKEN, 'sign-commits': 'true', 'api-url': 'https://api.github.test' });
  return runUpdateManifest(config, platform, testContext({ fetch: globalThis.fetch, env: { GITHUB_SERVER_URL: server.url }, backoff: { minDelayMs: 5, maxDelayMs: 20 } }));
}

describe('update-manifest sign-commits (GitHub API)', () => {
  it('commits through the API (verified, with trailers), pushes nothing itself, and moves the checkout to it', async () => {
    const result = await run('1.4.2');
    expect(result).toMatchObject({ changed: true, pushed: true, verified: true });
    const tip = await sandbox.gitOk(['rev-parse', 'refs/heads/main'], bare);
    expect(result.commitSha).toBe(tip);
    expect(await sandbox.gitOk(['show', `${tip}:${FILE}`], bare)).toBe(KUSTOMIZATION.replace('1.4.1', '1.4.2').trimEnd());
    expect(await sandbox.gitOk(['log', '-1', '--format=%(trailers:key=Gitops-Promote-Previous,valueonly)', tip], bare)).toBe('1.4.1');
    expect(server.requests.some((request) => request.path.includes('git-receive-pack'))).toBe(false);
    expect(await sandbox.gitOk(['rev-parse', 'HEAD'], checkout)).toBe(tip);
    expect(await sandbox.gitOk(['status', '--porcelain'], checkout)).toBe('');
    // Again: the remote holds the value, so nothing is committed.
    const again = await run('1.4.2');
    expect(again).toMatchObject({ changed: false, pushed: false, commitSha: tip });
  });

  it('GitHub refusing a non-fast-forward update is a lost race: re-planned on the fetched tip, which keeps the other push', async () => {
    const other = join(sandbox.dir, 'other');
    await sandbox.gitOk([...authHeaderConfig('x-access-token', TOKEN), 'clone', '--quiet', server.repoUrl('acme/environments'), other], sandbox.dir);
    const platform = new FakePlatform();
    // Someone else pushed; the first ref update is then refused, as GitHub refuses a non-fast-forward one.
    api.failNext('PATCH', /\/git\/refs\/heads(\/|%2F)main$/, { status: 422, body: { message: 'Update is not a fast forward', documentation_url: 'https://docs.github.com/rest' } });
    await sandbox.gitOk(['-c', 'user.name=P', '-c', 'user.email=p@example.invalid', 'commit', '--quiet', '--allow-empty', '-m', 'someone else'], other);
    await sandbox.gitOk([...authHeaderConfig('x-access-token', TOKEN), 'push', '--quiet', 'origin', 'main'], other);
    const theirs = await sandbox.gitOk(['rev-parse', 'refs/heads/main'], bare);
    const result = await run('1.4.3', platform);
    expect(result.pushed).toBe(true);
    expect(await sandbox.gitOk(['rev-parse', `${result.commitSha}^`], bare)).toBe(theirs);
    expect(platform.lines.join('\n'), platform.lines.join('\n')).toMatch(/moved; re-applying the edit on the new tip/);
  });
});
