/**
 * rollback on real git histories (a bare remote, a checkout as CI makes it): the target is read
 * from the files' history, only that value changes, a second rollback goes further back, the hold
 * keeps update-manifest and open-promotion-pr from setting the rolled-back value again.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import nock from 'nock';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeForge } from '../../packages/core/src/cli/demo-forge';
import { readTrailers } from '../../packages/core/src/promotion/trailers';
import { validateOpenPromotionPrInputs, type OpenPromotionPrInputs } from '../../packages/core/src/steps/open-promotion-pr/config';
import { runOpenPromotionPr } from '../../packages/core/src/steps/open-promotion-pr/run';
import { openPromotionPrSpec } from '../../packages/core/src/steps/open-promotion-pr/spec';
import { validateRollbackInputs, type RollbackInputs } from '../../packages/core/src/steps/rollback/config';
import { runRollback } from '../../packages/core/src/steps/rollback/run';
import { rollbackSpec } from '../../packages/core/src/steps/rollback/spec';
import { validateUpdateManifestInputs, type UpdateManifestInputs } from '../../packages/core/src/steps/update-manifest/config';
import { runUpdateManifest } from '../../packages/core/src/steps/update-manifest/run';
import { updateManifestSpec } from '../../packages/core/src/steps/update-manifest/spec';
import { FakePlatform } from '../support/fake-platform';
import { createGitHubApiFake } from '../support/github-api-fake';
import { useHermeticGitEnv } from '../support/hermetic-git-env';
import { blankInputs, useRemoteCheckout } from '../support/remote-checkout';
import type { Sandbox } from '../support/run-bundle';
import { testContext, type TestContextOptions } from '../support/step-context';

const IMAGE = 'ghcr.io/acme/payments';
const FILE = 'envs/prod/kustomization.yaml';
const DEPLOYMENT = 'envs/prod/deployment.yaml';
const kustomization = (tag: string, replicas = 2) => `# prod\nimages:\n  - name: ${IMAGE} # the service\n    newTag: "${tag}"\nreplicas:\n  - name: payments\n    count: ${replicas}\n`;

useHermeticGitEnv();
const repos = useRemoteCheckout('gitops-promote-rollback-');
let sandbox: Sandbox;
let bare: string;
let checkout: string;
beforeEach(() => {
  ({ sandbox, bare, checkout } = repos());
});

const blank = blankInputs;

/** A commit by a person, without trailers, pushed. */
const handCommit = (files: Record<string, string>, message: string, dir?: string, branch?: string): Promise<string> => repos().commitAsPerson(files, message, dir, branch);

function updateManifest(tag: string, extra: Partial<UpdateManifestInputs> = {}) {
  const config = validateUpdateManifestInputs({ ...blank<UpdateManifestInputs>(updateManifestSpec), path: checkout, files: FILE, image: IMAGE, tag, 'author-name': 'CI', 'author-email': 'ci@example.invalid', ...extra });
  return runUpdateManifest(config, new FakePlatform(), testContext({ backoff: { minDelayMs: 5, maxDelayMs: 20 } }));
}

function rollback(extra: Partial<RollbackInputs> = {}, platform = new FakePlatform(), options: TestContextOptions = {}) {
  const config = validateRollbackInputs({ ...blank<RollbackInputs>(rollbackSpec), path: checkout, files: FILE, image: IMAGE, reason: '1.5.0 fails health checks', 'author-name': 'CI', 'author-email': 'ci@example.invalid', ...extra });
  return runRollback(config, platform, testContext({ backoff: { minDelayMs: 5, maxDelayMs: 20 }, ...options }));
}

const remoteFile = (file = FILE) => sandbox.gitOk(['show', `main:${file}`], bare);
const remoteMessage = () => sandbox.gitOk(['log', '-1', '--format=%B', 'main'], bare);

/** 1.4.0 by hand, 1.4.1 by CI, an unrelated commit, 1.5.0 by CI, then a person scales prod to 3. */
async function history(): Promise<void> {
  await handCommit({ [FILE]: kustomization('1.4.0'), 'README.md': 'envs\n' }, 'prod 1.4.0 (by hand, before gitops-promote)');
  expect((await updateManifest('1.4.1')).pushed).toBe(true);
  await handCommit({ 'README.md': 'envs, documented\n' }, 'docs');
  expect((await updateManifest('1.5.0')).pushed).toBe(true);
  await handCommit({ [FILE]: kustomization('1.5.0', 3) }, 'scale prod to 3');
}

describe('rollback', () => {
  it('returns to the last good value, changing only it; a second rollback goes further back, never forward', async () => {
    await history();
    const first = await rollback();
    expect(first).toMatchObject({ changed: true, from: '1.5.0', to: '1.4.1', pushed: true });
    expect(await remoteFile()).toBe(kustomization('1.4.1', 3).trimEnd());
    expect(Object.fromEntries(readTrailers(await remoteMessage()))).toMatchObject({ Step: 'rollback', Image: IMAGE, 'Rolled-Back-From': '1.5.0', 'Rolled-Back-To': '1.4.1', Reason: '1.5.0 fails health checks' });
    expect((await remoteMessage()).split('\n')[0]).toBe(`revert(deploy): roll back ${IMAGE} from 1.5.0 to 1.4.1`);

    const second = await rollback({ reason: '1.4.1 leaks memory' });
    expect(second).toMatchObject({ changed: true, from: '1.4.1', to: '1.4.0' });
    expect(await remoteFile()).toBe(kustomization('1.4.0', 3).trimEnd());
  });

  it('the hold: update-manifest and open-promotion-pr refuse the rolled-back value, naming the rollback; newer values and allow-rolled-back pass', async () => {
    await history();
    const rolled = await rollback();
    await expect(updateManifest('1.5.0')).rejects.toThrow(
      new RegExp(`${IMAGE.replace(/\//g, '\\/')} 1\\.5\\.0 was rolled back in ${rolled.commitSha.slice(0, 12)} .*reason: 1\\.5\\.0 fails health checks; it is not set again`),
    );
    await expect(updateManifest(`1.5.0@sha256:${'d'.repeat(64)}`)).rejects.toThrow(/was rolled back/);
    expect(await remoteFile()).toBe(kustomization('1.4.1', 3).trimEnd());

    // open-promotion-pr from staging (which still runs 1.5.0) to prod is refused too.
    await handCommit({ 'envs/staging/kustomization.yaml': kustomization('1.5.0') }, 'staging 1.5.0');
    const forge = new FakeForge('github', { defaultBranch: 'main', webUrl: 'https://github.test/acme/envs' }, () => undefined);
    const promote = validateOpenPromotionPrInputs(
      { ...blank<OpenPromotionPrInputs>(openPromotionPrSpec), platform: 'github', repository: 'acme/envs', 'repository-url': bare, 'api-url': 'https://api.github.test', token: 't', image: IMAGE, 'source-files': 'envs/staging/kustomization.yaml', files: FILE, environment: 'prod' },
      {},
    );
    await expect(runOpenPromotionPr(promote, new FakePlatform(), testContext({ forge }))).rejects.toThrow(/1\.5\.0 was rolled back/);
    expect(forge.changes).toEqual([]);

    expect((await updateManifest('1.5.1')).pushed).toBe(true);
    expect((await updateManifest('1.5.0', { 'allow-rolled-back': 'true' })).pushed).toBe(true);
    expect(await remoteFile()).toContain('newTag: "1.5.0"');
  });

  it('explicit to: sets it; to equal to the current value changes nothing', async () => {
    await history();
    expect(await rollback({ to: '1.4.0' })).toMatchObject({ changed: true, from: '1.5.0', to: '1.4.0' });
    const head = await sandbox.gitOk(['rev-parse', 'main'], bare);
    expect(await rollback({ to: '1.4.0' })).toMatchObject({ changed: false, from: '1.4.0', to: '1.4.0', commitSha: '' });
    expect(await sandbox.gitOk(['rev-parse', 'main'], bare)).toBe(head);
  });

  it('nothing to roll back to: a clear error and nothing committed', async () => {
    await handCommit({ [FILE]: kustomization('1.4.0') }, 'first');
    const head = await sandbox.gitOk(['rev-parse', 'main'], bare);
    await expect(rollback()).rejects.toThrow(/Nothing to roll back to: the 1 commit\(s\) that changed envs\/prod\/kustomization.yaml hold no value of ghcr.io\/acme\/payments other than 1\.4\.0/);
    expect(await sandbox.gitOk(['rev-parse', 'main'], bare)).toBe(head);
    expect(await sandbox.gitOk(['status', '--porcelain'], checkout)).toBe('');
  });

  it('multi-file targets roll back together; a push that lands meanwhile is kept', async () => {
    const deployment = (tag: string) => `spec:\n  template:\n    spec:\n      containers:\n        - image: ${IMAGE}:${tag}\n`;
    await handCommit({ [FILE]: kustomization('1.4.0'), [DEPLOYMENT]: deployment('1.4.0') }, 'prod 1.4.0');
    await handCommit({ [FILE]: kustomization('1.5.0'), [DEPLOYMENT]: deployment('1.5.0') }, 'prod 1.5.0');
    // Someone pushes after this checkout was made: the rollback decides on the remote and keeps it.
    const other = join(sandbox.dir, 'other');
    await sandbox.gitOk(['clone', '--quiet', bare, other], sandbox.dir);
    const theirs = await handCommit({ 'envs/prod/notes.txt': 'on call: alice\n' }, 'notes', other);
    const result = await rollback({ files: 'envs/prod/*.yaml' });
    expect(result).toMatchObject({ changed: true, from: '1.5.0', to: '1.4.0', pushed: true });
    expect(await remoteFile(DEPLOYMENT)).toBe(deployment('1.4.0').trimEnd());
    expect(await remoteFile()).toContain('newTag: "1.4.0"');
    expect(await sandbox.gitOk(['merge-base', '--is-ancestor', theirs, 'main'], bare)).toBe('');
  });

  it('on a depth-1 clone, deepens the history until it finds the value, and says so', async () => {
    await history();
    const shallow = join(sandbox.dir, 'shallow');
    await sandbox.gitOk(['clone', '--quiet', '--depth', '1', pathToFileURL(bare).href, shallow], sandbox.dir);
    expect(await sandbox.gitOk(['rev-parse', '--is-shallow-repository'], shallow)).toBe('true');
    const platform = new FakePlatform();
    const config = validateRollbackInputs({ ...blank<RollbackInputs>(rollbackSpec), path: shallow, files: FILE, image: IMAGE, 'author-name': 'CI', 'author-email': 'ci@example.invalid' });
    const result = await runRollback(config, platform, testContext({}));
    expect(result).toMatchObject({ from: '1.5.0', to: '1.4.1', pushed: true });
    expect(platform.lines.join('\n')).toMatch(/The clone is shallow: fetched 100 more commits of history/);
  });

  it('mode: pull-request opens one change request on its own branch; the environment branch is untouched; a rerun writes nothing', async () => {
    await history();
    const head = await sandbox.gitOk(['rev-parse', 'main'], bare);
    const tipOf = (branch: string) => {
      try {
        return execFileSync('git', ['--git-dir', bare, 'rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], { encoding: 'utf8' }).trim();
      } catch {
        return undefined;
      }
    };
    const forge = new FakeForge('github', { defaultBranch: 'main', webUrl: 'https://github.test/acme/envs' }, tipOf);
    const inputs = { mode: 'pull-request', token: 'tok', environment: 'prod', platform: 'github', repository: 'acme/envs', 'api-url': 'https://api.github.test', reviewers: 'sre-lead' };
    const result = await rollback(inputs, new FakePlatform(), { forge });
    expect(result).toMatchObject({ changed: true, from: '1.5.0', to: '1.4.1', number: 1 });
    expect(await sandbox.gitOk(['rev-parse', 'main'], bare)).toBe(head);
    const branch = 'gitops-promote/rollback/prod/ghcr.io-acme-payments';
    expect(tipOf(branch)).toBe(result.commitSha);
    expect(await sandbox.gitOk(['show', `${branch}:${FILE}`], bare)).toBe(kustomization('1.4.1', 3).trimEnd());
    expect(forge.changes[0]).toMatchObject({ title: `Roll back ${IMAGE} in prod to 1.4.1`, labels: ['rollback', 'prod'], reviewers: ['sre-lead'] });
    expect(forge.changes[0]?.body).toContain('Reason: 1.5.0 fails health checks');
    const writes = forge.writes.length;
    expect(await rollback(inputs, new FakePlatform(), { forge })).toMatchObject({ changed: true, number: 1 });
    expect(forge.writes.length).toBe(writes);
    expect(forge.changes).toHaveLength(1);
  });

  it('mode: pull-request through the real GitHub client against the nock API', async () => {
    await history();
    nock.disableNetConnect();
    const api = createGitHubApiFake({ origin: 'https://api.github.test', owner: 'acme', repo: 'envs', gitDir: bare, token: 'gh-token-123' });
    try {
      const inputs = { mode: 'pull-request', token: 'gh-token-123', environment: 'prod', platform: 'github', repository: 'acme/envs', 'api-url': 'https://api.github.test' };
      const result = await rollback(inputs, new FakePlatform(), { fetch: globalThis.fetch });
      expect(result).toMatchObject({ changed: true, from: '1.5.0', to: '1.4.1', number: 1 });
      expect(api.pulls[0]).toMatchObject({ head: 'gitops-promote/rollback/prod/ghcr.io-acme-payments', base: 'main', title: `Roll back ${IMAGE} in prod to 1.4.1` });
      expect(api.pulls[0]?.labels).toEqual(['rollback', 'prod']);
    } finally {
      api.stop();
      nock.cleanAll();
      nock.enableNetConnect();
    }
  });

  it('mode: pull-request: the forge refusing the pull request deletes the rollback branch this run pushed; the environment branch is untouched', async () => {
    await history();
    const head = await sandbox.gitOk(['rev-parse', 'main'], bare);
    nock.disableNetConnect();
    const api = createGitHubApiFake({ origin: 'https://api.github.test', owner: 'acme', repo: 'envs', gitDir: bare, token: 'gh-token-123' });
    try {
      api.failNext('POST', /\/pulls$/, { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request', status: '403' } });
      const inputs = { mode: 'pull-request', token: 'gh-token-123', environment: 'prod', platform: 'github', repository: 'acme/envs', 'api-url': 'https://api.github.test' };
      const platform = new FakePlatform();
      await expect(rollback(inputs, platform, { fetch: globalThis.fetch })).rejects.toThrow(/403|not accessible/i);
      expect(api.tip('gitops-promote/rollback/prod/ghcr.io-acme-payments')).toBeUndefined();
      expect(platform.log).toMatch(/Deleted gitops-promote\/rollback\/prod\/ghcr\.io-acme-payments \([0-9a-f]{12}\), which this run had created/);
      expect(await sandbox.gitOk(['rev-parse', 'main'], bare)).toBe(head);
      expect(api.pulls).toEqual([]);
    } finally {
      api.stop();
      nock.cleanAll();
      nock.enableNetConnect();
    }
  });

  it('refuses bad input before touching anything', async () => {
    await history();
    expect(() => validateRollbackInputs({ ...blank<RollbackInputs>(rollbackSpec), files: FILE })).toThrow(/exactly one of 'image' and 'key'/);
    expect(() => validateRollbackInputs({ ...blank<RollbackInputs>(rollbackSpec), files: FILE, image: IMAGE, mode: 'revert' })).toThrow(/'mode' must be commit or pull-request/);
    expect(() => validateRollbackInputs({ ...blank<RollbackInputs>(rollbackSpec), files: FILE, image: IMAGE, mode: 'pull-request' })).toThrow(/'token' is required with mode: pull-request/);
    expect(() => validateRollbackInputs({ ...blank<RollbackInputs>(rollbackSpec), files: FILE, image: IMAGE, to: '1.0;rm' })).toThrow(/not a valid OCI tag/);
    expect(await readFile(join(checkout, FILE), 'utf8')).toBe(kustomization('1.5.0', 3));
  });
});
