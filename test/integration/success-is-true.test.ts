/**
 * Issue 19's shared mechanisms, in process on real git (local bare repositories): a branch the
 * remote lacks is refused unless create-branch asks for it; commits a run pushes that it did not
 * make are named; the authenticated git commands run without hooks; outputs are redacted like
 * the log; short secrets are not masked character by character; terminal errors use flag syntax.
 */
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tokenAuth } from '../../packages/core/src/git/git-auth';
import { GitRepository } from '../../packages/core/src/git/git-repository';
import { closestFirst, editDistance } from '../../packages/core/src/text/closest';
import { validateRollbackInputs, type RollbackInputs } from '../../packages/core/src/steps/rollback/config';
import { runRollback } from '../../packages/core/src/steps/rollback/run';
import { rollbackSpec } from '../../packages/core/src/steps/rollback/spec';
import { validateUpdateManifestInputs, type UpdateManifestInputs } from '../../packages/core/src/steps/update-manifest/config';
import { runUpdateManifest, type UpdateManifestResult } from '../../packages/core/src/steps/update-manifest/run';
import { updateManifestSpec } from '../../packages/core/src/steps/update-manifest/spec';
import { failureOf } from '../support/errors';
import { FakePlatform } from '../support/fake-platform';
import { startGitHttpServer } from '../support/git-http-server';
import { useHermeticGitEnv } from '../support/hermetic-git-env';
import { createSandbox, runCli, type Sandbox } from '../support/run-bundle';
import { testContext } from '../support/step-context';

const IMAGE = 'ghcr.io/acme/payments';
const FILE = 'envs/dev/kustomization.yaml';
const kustomization = (tag: string): string => `images:\n  - name: ${IMAGE}\n    newTag: "${tag}"\n`;
const IDENTITY = ['-c', 'user.name=Someone', '-c', 'user.email=someone@example.invalid'];

useHermeticGitEnv();
let sandbox: Sandbox;
let bare: string;
let checkout: string;
let initial: string;
beforeEach(async () => {
  sandbox = await createSandbox('gitops-promote-success-');
  bare = join(sandbox.dir, 'remote.git');
  const seed = join(sandbox.dir, 'seed');
  await sandbox.gitOk(['init', '--quiet', '--bare', '--initial-branch=main', bare], sandbox.dir);
  await mkdir(join(seed, 'envs/dev'), { recursive: true });
  await sandbox.gitOk(['init', '--quiet', '--initial-branch=main'], seed);
  await writeFile(join(seed, FILE), kustomization('1.4.1'));
  await sandbox.gitOk(['add', '.'], seed);
  await sandbox.gitOk([...IDENTITY, 'commit', '--quiet', '-m', 'initial'], seed);
  for (const branch of ['main', 'staging', 'production', 'env/dev']) await sandbox.gitOk(['push', '--quiet', bare, `main:refs/heads/${branch}`], seed);
  checkout = join(sandbox.dir, 'checkout');
  await sandbox.gitOk(['clone', '--quiet', bare, checkout], sandbox.dir);
  initial = await sandbox.gitOk(['rev-parse', 'HEAD'], checkout);
});
afterEach(async () => sandbox.cleanup());

const blank = <T>(spec: { inputs: readonly { name: string }[] }): T => Object.fromEntries(spec.inputs.map((input) => [input.name, ''])) as T;

function updateManifest(extra: Partial<UpdateManifestInputs> = {}, platform = new FakePlatform()): Promise<UpdateManifestResult> {
  const config = validateUpdateManifestInputs({ ...blank<UpdateManifestInputs>(updateManifestSpec), path: checkout, files: FILE, image: IMAGE, tag: '1.4.2', ...extra });
  return runUpdateManifest(config, platform, testContext({ backoff: { minDelayMs: 5, maxDelayMs: 20 } }));
}

const branches = async (): Promise<string> => sandbox.gitOk(['for-each-ref', '--format=%(refname:short) %(objectname)', 'refs/heads'], bare);

describe('a branch the remote does not have is refused (issue 19, item 1)', () => {
  it('update-manifest --branch mian names the branch and the remote branches, closest first, and writes nothing', async () => {
    const before = await branches();
    const error = await failureOf(updateManifest({ branch: 'mian' }));
    expect(error.message).toBe("Branch 'mian' does not exist on origin; its branches, closest first: main, staging, env/dev, production. Nothing was written.");
    expect(error.hint).toMatch(/branch: main\b.*create-branch: true/);
    expect(await branches()).toBe(before);
    expect(await sandbox.gitOk(['rev-parse', 'HEAD'], checkout)).toBe(initial);
    expect(await sandbox.gitOk(['status', '--porcelain'], checkout)).toBe('');
  });

  it('update-manifest on a checked-out branch the remote lacks is refused too', async () => {
    await sandbox.gitOk(['checkout', '--quiet', '-b', 'local-only'], checkout);
    const error = await failureOf(updateManifest());
    expect(error.message).toMatch(/^Branch 'local-only' does not exist on origin/);
    expect(await branches()).not.toMatch(/local-only/);
  });

  it('create-branch: true creates it', async () => {
    const platform = new FakePlatform();
    const result = await updateManifest({ branch: 'env/qa', 'create-branch': 'true' }, platform);
    expect(result.pushed).toBe(true);
    expect(platform.log).toMatch(/Branch env\/qa does not exist on origin; create-branch is true/);
    expect(await sandbox.gitOk(['show', `env/qa:${FILE}`], bare)).toBe(kustomization('1.4.2').trimEnd());
  });

  it('rollback --branch mian is refused before anything is written', async () => {
    await writeFile(join(checkout, FILE), kustomization('1.5.0'));
    await sandbox.gitOk([...IDENTITY, 'commit', '--quiet', '-am', '1.5.0'], checkout);
    await sandbox.gitOk(['push', '--quiet', 'origin', 'HEAD:main'], checkout);
    const before = await branches();
    const config = validateRollbackInputs({ ...blank<RollbackInputs>(rollbackSpec), path: checkout, files: FILE, image: IMAGE, branch: 'mian', 'author-name': 'CI', 'author-email': 'ci@example.invalid' });
    const error = await failureOf(runRollback(config, new FakePlatform()));
    expect(error.message).toMatch(/^Branch 'mian' does not exist on origin; its branches, closest first: main, /);
    expect(await branches()).toBe(before);
  });

  it('orders names by edit distance, a transposition being one edit', () => {
    expect(editDistance('mian', 'main')).toBe(1);
    expect(editDistance('stagin', 'staging')).toBe(1);
    expect(closestFirst('prodution', ['main', 'staging', 'production', 'prod'])).toEqual(['production', 'prod', 'main', 'staging']);
  });
});

describe('every commit a push carries that the run did not make is named (issue 19, item 8)', () => {
  it('an earlier push: false commit riding along is named by sha, subject and author', async () => {
    const kept = await updateManifest({ push: 'false', 'author-name': 'Earlier Run', 'author-email': 'earlier@example.invalid' });
    expect(kept.commitSha).not.toBe('');
    const platform = new FakePlatform();
    const result = await updateManifest({ tag: '1.4.3' }, platform);
    expect(result.pushed).toBe(true);
    expect(platform.log).toContain(
      `The push also carries 1 commit that origin/main lacks and this run did not make: ${kept.commitSha.slice(0, 12)} "chore(deploy): set ${IMAGE} to 1.4.2" by Earlier Run <earlier@example.invalid>.`,
    );
    expect(await sandbox.gitOk(['rev-parse', 'main~1'], bare)).toBe(kept.commitSha);
  });

  it('says nothing when the push carries only its own commit', async () => {
    const platform = new FakePlatform();
    expect((await updateManifest({}, platform)).pushed).toBe(true);
    expect(platform.log).not.toMatch(/also carries/);
  });
});

describe('git hooks cannot get the credential (item 21)', () => {
  it('pre-push and reference-transaction hooks do not run with the token; pre-commit runs without it', async () => {
    const TOKEN = 'ghp_hooksMustNotSeeThis0123456789';
    const server = await startGitHttpServer({ username: 'x-access-token', password: TOKEN });
    try {
      await server.createBareRepo('env', { [FILE]: kustomization('1.4.1') });
      const clone = join(sandbox.dir, 'http-checkout');
      await sandbox.gitOk(['clone', '--quiet', server.repoUrl('env'), clone], sandbox.dir, { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.extraHeader', GIT_CONFIG_VALUE_0: `Authorization: Basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}` });
      const dump = join(sandbox.dir, 'hooks.txt');
      for (const hook of ['pre-commit', 'pre-push', 'reference-transaction', 'post-commit']) {
        const file = join(clone, '.git', 'hooks', hook);
        await writeFile(file, `#!/bin/sh\necho "== ${hook}" >> '${dump}'\nenv >> '${dump}'\n`);
        await chmod(file, 0o755);
      }
      const platform = new FakePlatform();
      const config = validateUpdateManifestInputs({ ...blank<UpdateManifestInputs>(updateManifestSpec), path: clone, files: FILE, image: IMAGE, tag: '1.4.2', token: TOKEN });
      const result = await runUpdateManifest(config, platform, testContext({ backoff: { minDelayMs: 5, maxDelayMs: 20 } }));
      expect(result.pushed).toBe(true);
      expect(platform.log).toMatch(/run with hooks disabled/);
      const seen = await readFile(dump, 'utf8');
      expect(seen).toContain('== pre-commit');
      expect(seen).not.toContain('== pre-push');
      const credential = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');
      expect(seen).not.toContain(credential);
      expect(seen).not.toContain(TOKEN);
      expect(seen).not.toMatch(/^GIT_CONFIG_VALUE_/m);
    } finally {
      await server.close();
    }
  });
});

describe('a leased push or delete of a branch runs no hook with the token', () => {
  it('pushLeased and deleteLeased (the clean-up of a branch a failed run created) run with hooks off', async () => {
    const TOKEN = 'ghp_deleteMustNotShowHooks0123456789';
    const server = await startGitHttpServer({ username: 'x-access-token', password: TOKEN });
    try {
      await server.createBareRepo('env', { [FILE]: kustomization('1.4.1') });
      const auth = tokenAuth(server.repoUrl('env'), TOKEN, 'x-access-token');
      const clone = join(sandbox.dir, 'lease-checkout');
      await sandbox.gitOk(['clone', '--quiet', server.repoUrl('env'), clone], sandbox.dir, auth?.env ?? {});
      const dump = join(sandbox.dir, 'lease-hooks.txt');
      for (const hook of ['pre-push', 'reference-transaction']) {
        const file = join(clone, '.git', 'hooks', hook);
        await writeFile(file, `#!/bin/sh\necho "== ${hook}" >> '${dump}'\nenv >> '${dump}'\n`);
        await chmod(file, 0o755);
      }
      const repo = await GitRepository.open(clone, auth?.env ?? {}, (text) => text);
      const head = await repo.head();
      expect(await repo.pushLeased('origin', head, 'gitops-promote/tmp', undefined)).toEqual({ ok: true });
      expect(await repo.deleteLeased('origin', 'gitops-promote/tmp', head)).toEqual({ ok: true });
      expect(await readFile(dump, 'utf8').catch(() => '')).not.toContain('== pre-push');
      expect(await readFile(dump, 'utf8').catch(() => '')).not.toContain(TOKEN);
    } finally {
      await server.close();
    }
  });
});

describe('the CLI says the fix in flag syntax (item 1 from a terminal)', () => {
  it('update-manifest --branch mian exits 1, names main first and says --branch main / --create-branch', async () => {
    const before = await branches();
    const result = await runCli(['update-manifest', '--path', checkout, '--files', FILE, '--image', IMAGE, '--tag', '1.4.2', '--branch', 'mian'], { cwd: sandbox.dir, home: sandbox.home });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("error: Branch 'mian' does not exist on origin; its branches, closest first: main, ");
    expect(result.stderr).toContain('How to fix: Set branch to the branch your environment deploys from (e.g. --branch main), or pass --create-branch to create');
    expect(await branches()).toBe(before);
  });
});
