/**
 * The hold and rollback's walk on real git histories (a bare remote, checkouts as CI makes them):
 * the hold is a record in .gitops-promote/holds read at the remote branch's tip, keyed on what runs
 * (digest, normalised image name), with no horizon; dry runs refuse what real runs refuse; rollback
 * follows the branch's first parents and never moves a checked-out branch it was not asked to.
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeForge } from '../../packages/core/src/cli/demo-forge';
import { HOLD_FILE, parseHolds } from '../../packages/core/src/promotion/hold';
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
import { useHermeticGitEnv } from '../support/hermetic-git-env';
import { blankInputs, useRemoteCheckout } from '../support/remote-checkout';
import type { Sandbox } from '../support/run-bundle';
import { testContext } from '../support/step-context';

const IMAGE = 'ghcr.io/acme/payments';
const FILE = 'envs/prod/kustomization.yaml';
const kustomization = (tag: string, replicas = 2, image = IMAGE) => `# prod\nimages:\n  - name: ${image}\n    newTag: "${tag}"\nreplicas:\n  - name: payments\n    count: ${replicas}\n`;
const IDENTITY = ['-c', 'user.name=Person', '-c', 'user.email=person@example.invalid'];
const DIGEST = `sha256:${'a'.repeat(64)}`;

useHermeticGitEnv();
const repos = useRemoteCheckout('gitops-promote-hold-');
let sandbox: Sandbox;
let bare: string;
let checkout: string;
beforeEach(() => {
  ({ sandbox, bare, checkout } = repos());
});

const blank = blankInputs;

/** A commit by a person, without trailers, pushed. */
const handCommit = (files: Record<string, string>, message: string, dir?: string, branch?: string): Promise<string> => repos().commitAsPerson(files, message, dir, branch);

function updateManifest(tag: string, extra: Partial<UpdateManifestInputs> = {}, dir = checkout) {
  const config = validateUpdateManifestInputs({ ...blank<UpdateManifestInputs>(updateManifestSpec), path: dir, files: FILE, image: IMAGE, tag, 'author-name': 'CI', 'author-email': 'ci@example.invalid', ...extra });
  return runUpdateManifest(config, new FakePlatform(), testContext({ backoff: { minDelayMs: 5, maxDelayMs: 20 } }));
}

function rollback(extra: Partial<RollbackInputs> = {}) {
  const config = validateRollbackInputs({ ...blank<RollbackInputs>(rollbackSpec), path: checkout, files: FILE, image: IMAGE, reason: 'fails health checks', 'author-name': 'CI', 'author-email': 'ci@example.invalid', ...extra });
  return runRollback(config, new FakePlatform(), testContext({ backoff: { minDelayMs: 5, maxDelayMs: 20 } }));
}

const remoteFile = (file = FILE, branch = 'main') => sandbox.gitOk(['show', `${branch}:${file}`], bare);
const tip = (branch = 'main', dir = bare) => sandbox.gitOk(['rev-parse', branch], dir);

/** 1.4.0 by hand, 1.4.1 then 1.5.0 by CI; a rollback returns to 1.4.1 and holds 1.5.0. */
async function rolledBack(): Promise<void> {
  await handCommit({ [FILE]: kustomization('1.4.0') }, 'prod 1.4.0');
  expect((await updateManifest('1.4.1')).pushed).toBe(true);
  expect((await updateManifest('1.5.0')).pushed).toBe(true);
  expect(await rollback()).toMatchObject({ from: '1.5.0', to: '1.4.1', pushed: true });
}

describe('rollback follows the branch it rolls back', () => {
  it('when a merge brought the bad value, returns to what the branch ran just before the merge', async () => {
    const base = await handCommit({ [FILE]: kustomization('1.4.0') }, 'prod 1.4.0');
    expect((await updateManifest('1.4.1')).pushed).toBe(true);
    // A release branch from 1.4.0 goes 1.4.9 then 1.5.0, and is merged into main, taking its side.
    await sandbox.gitOk(['checkout', '--quiet', '-b', 'release', base], checkout);
    await handCommit({ [FILE]: kustomization('1.4.9') }, 'release 1.4.9', checkout, 'release');
    await handCommit({ [FILE]: kustomization('1.5.0') }, 'release 1.5.0', checkout, 'release');
    await sandbox.gitOk(['checkout', '--quiet', 'main'], checkout);
    await sandbox.gitOk([...IDENTITY, 'merge', '--quiet', '--no-ff', '-X', 'theirs', '-m', 'merge release', 'release'], checkout);
    await sandbox.gitOk(['push', '--quiet', 'origin', 'main'], checkout);
    expect(await remoteFile()).toContain('newTag: "1.5.0"');

    // main never ran 1.4.9: before the merge it ran 1.4.1.
    expect(await rollback()).toMatchObject({ changed: true, from: '1.5.0', to: '1.4.1' });
    expect(await remoteFile()).toContain('newTag: "1.4.1"');
  });

  it("with branch other than the checked-out one, the checkout's branch and work tree stay as they are (rollback and update-manifest)", async () => {
    await rolledBack();
    await sandbox.gitOk(['push', '--quiet', 'origin', 'main:env/prod'], checkout);
    expect((await updateManifest('1.5.1', { branch: 'env/prod' })).pushed).toBe(true);
    const before = await tip('main', checkout);
    const remoteMain = await tip();

    const result = await rollback({ branch: 'env/prod', reason: '1.5.1 leaks' });
    expect(result).toMatchObject({ changed: true, from: '1.5.1', to: '1.4.1', pushed: true });
    expect(await remoteFile(FILE, 'env/prod')).toContain('newTag: "1.4.1"');
    expect(await tip('env/prod')).toBe(result.commitSha);

    expect(await tip('main', checkout)).toBe(before);
    expect(await sandbox.gitOk(['symbolic-ref', 'HEAD'], checkout)).toBe('refs/heads/main');
    expect(await sandbox.gitOk(['status', '--porcelain'], checkout)).toBe('');
    expect(await tip()).toBe(remoteMain);
    // update-manifest to env/prod: the hold written there applies, and main is still untouched.
    await expect(updateManifest('1.5.1', { branch: 'env/prod' })).rejects.toThrow(/1\.5\.1 was rolled back/);
    expect((await updateManifest('1.6.0', { branch: 'env/prod' })).pushed).toBe(true);
    expect(await tip('main', checkout)).toBe(before);
    expect(await sandbox.gitOk(['status', '--porcelain'], checkout)).toBe('');
  });
  it('with branch other than the checked-out one, a lost race is re-made on the new tip, keeping what landed', async () => {
    await rolledBack();
    await sandbox.gitOk(['push', '--quiet', 'origin', 'main:env/prod'], checkout);
    expect((await updateManifest('1.5.1', { branch: 'env/prod' })).pushed).toBe(true);
    const before = await tip('main', checkout);
    // The first push loses a race: a person's commit lands on env/prod just before it.
    const marker = join(sandbox.dir, 'raced');
    const hook = join(bare, 'hooks', 'pre-receive');
    await writeFile(
      hook,
      [
        '#!/bin/sh',
        `[ -e '${marker}' ] && exit 0`,
        `touch '${marker}'`,
        'unset GIT_QUARANTINE_PATH GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES',
        'export GIT_AUTHOR_NAME=Person GIT_AUTHOR_EMAIL=person@example.invalid GIT_COMMITTER_NAME=Person GIT_COMMITTER_EMAIL=person@example.invalid',
        'tip=$(git rev-parse refs/heads/env/prod)',
        'blob=$(echo "on call: alice" | git hash-object -w --stdin)',
        'tree=$( (git ls-tree "$tip"; printf "100644 blob %s\tnotes.txt\n" "$blob") | git mktree)',
        'theirs=$(git commit-tree "$tree" -p "$tip" -m notes)',
        'git update-ref refs/heads/env/prod "$theirs" "$tip"',
        'echo "error: cannot lock ref \'refs/heads/env/prod\': is at $theirs but expected $tip" >&2',
        'exit 1',
        '',
      ].join('\n'),
      { mode: 0o755 },
    );

    const result = await rollback({ branch: 'env/prod', reason: '1.5.1 leaks' });
    expect(result).toMatchObject({ changed: true, from: '1.5.1', to: '1.4.1', pushed: true });
    expect(await remoteFile('notes.txt', 'env/prod')).toBe('on call: alice');
    expect(await remoteFile(FILE, 'env/prod')).toContain('newTag: "1.4.1"');
    expect(await sandbox.gitOk(['log', '-1', '--format=%s', 'env/prod~1'], bare)).toBe('notes');
    expect(await tip('main', checkout)).toBe(before);
    expect(await sandbox.gitOk(['status', '--porcelain'], checkout)).toBe('');
  });
});

describe('the hold', () => {
  it('is refused in dry runs as in real runs (update-manifest, open-promotion-pr); rollback dry runs check the forge', async () => {
    await rolledBack();
    const head = await tip();
    await expect(updateManifest('1.5.0', { 'dry-run': 'true' })).rejects.toThrow(/1\.5\.0 was rolled back/);
    await handCommit({ 'envs/staging/kustomization.yaml': kustomization('1.5.0') }, 'staging 1.5.0');
    const forge = new FakeForge('github', { defaultBranch: 'main', webUrl: 'https://github.test/acme/envs' }, () => undefined);
    const promote = validateOpenPromotionPrInputs(
      {
        ...blank<OpenPromotionPrInputs>(openPromotionPrSpec),
        platform: 'github',
        repository: 'acme/envs',
        'repository-url': bare,
        'api-url': 'https://api.github.test',
        token: 't',
        image: IMAGE,
        'source-files': 'envs/staging/kustomization.yaml',
        files: FILE,
        environment: 'prod',
        'dry-run': 'true',
      },
      {},
    );
    await expect(runOpenPromotionPr(promote, new FakePlatform(), testContext({ forge }))).rejects.toThrow(/1\.5\.0 was rolled back/);
    // A pull-request rollback whose remote names no forge is refused by the real run: so by the dry run.
    await expect(rollback({ mode: 'pull-request', token: 't', 'dry-run': 'true' })).rejects.toThrow(/Cannot tell which forge hosts the remote/);
    expect(await tip()).not.toBe(head);
    expect(await remoteFile()).toContain('newTag: "1.4.1"');
  });

  it('is read at the remote branch: a clone made before the rollback landed is refused', async () => {
    await handCommit({ [FILE]: kustomization('1.4.0') }, 'prod 1.4.0');
    expect((await updateManifest('1.4.1')).pushed).toBe(true);
    // A runner's clone, made while prod ran 1.4.1; then 1.5.0 ships and is rolled back.
    const stale = join(sandbox.dir, 'stale');
    await sandbox.gitOk(['clone', '--quiet', bare, stale], sandbox.dir);
    expect((await updateManifest('1.5.0')).pushed).toBe(true);
    await rollback();
    const head = await tip();

    await expect(updateManifest('1.5.0', {}, stale)).rejects.toThrow(/1\.5\.0 was rolled back/);
    await expect(updateManifest('1.5.0', { 'dry-run': 'true' }, stale)).rejects.toThrow(/1\.5\.0 was rolled back/);
    expect(await tip()).toBe(head);
    expect(await remoteFile()).toContain('newTag: "1.4.1"');
  });

  it('is keyed on what runs: the digest under any tag, the image however spelled', async () => {
    await handCommit({ [FILE]: kustomization('1.4.0', 2, 'nginx') }, 'prod nginx 1.4.0');
    const nginx = (tag: string, extra: Partial<UpdateManifestInputs> = {}) => updateManifest(tag, { image: 'nginx', ...extra });
    expect((await nginx(`1.5.0@${DIGEST}`)).pushed).toBe(true);
    expect(await rollback({ image: 'nginx' })).toMatchObject({ from: `1.5.0@${DIGEST}`, to: '1.4.0' });

    await expect(nginx('1.6.0', { digest: DIGEST })).rejects.toThrow(/was rolled back/);
    await expect(nginx('', { digest: DIGEST })).rejects.toThrow(/was rolled back/);
    for (const spelling of ['docker.io/nginx', 'docker.io/library/nginx', 'Index.Docker.IO/library/nginx']) {
      await handCommit({ [FILE]: kustomization('1.4.0', 2, spelling) }, `spell it ${spelling}`);
      await expect(updateManifest('1.5.0', { image: spelling })).rejects.toThrow(/1\.5\.0 was rolled back/);
      await expect(updateManifest('1.7.0', { image: spelling, digest: DIGEST })).rejects.toThrow(/was rolled back/);
    }
    expect((await updateManifest('1.6.0', { image: 'Index.Docker.IO/library/nginx' })).pushed).toBe(true);
  });

  it('has no horizon: a rollback 2,000 commits back still holds; allow-rolled-back retires its record in the commit that sets the value', async () => {
    await rolledBack();
    // 2,000 commits that each change the file (the replica count), made with fast-import.
    const parent = await tip('main', checkout);
    const commands: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const content = kustomization('1.4.1', 3 + (i % 2));
      commands.push('commit refs/heads/main', `committer CI <ci@example.invalid> ${1_700_000_000 + i} +0000`, `data ${`scale ${i}`.length}`, `scale ${i}`);
      if (i === 0) commands.push(`from ${parent}`);
      commands.push(`M 100644 inline ${FILE}`, `data ${Buffer.byteLength(content)}`, content, '');
    }
    execFileSync('git', ['fast-import', '--quiet'], { cwd: checkout, input: `${commands.join('\n')}\n`, env: sandbox.env() });
    await sandbox.gitOk(['reset', '--quiet', '--hard', 'main'], checkout);
    await sandbox.gitOk(['push', '--quiet', 'origin', 'main'], checkout);
    expect(Number(await sandbox.gitOk(['rev-list', '--count', 'main'], bare))).toBeGreaterThan(2000);

    await expect(updateManifest('1.5.0')).rejects.toThrow(/1\.5\.0 was rolled back in [0-9a-f]{12} \("revert\(deploy\): roll back/);
    const records = parseHolds(await remoteFile(HOLD_FILE));
    expect(records).toMatchObject([{ image: IMAGE, files: [FILE], value: '1.5.0', to: '1.4.1', reason: 'fails health checks' }]);

    const lifted = await updateManifest('1.5.0', { 'allow-rolled-back': 'true' });
    expect(lifted).toMatchObject({ pushed: true, changedFiles: [FILE] });
    expect(await sandbox.gitOk(['show', '--name-only', '--format=', 'main'], bare)).toBe([HOLD_FILE, FILE].sort().join('\n'));
    expect(parseHolds(await remoteFile(HOLD_FILE))).toEqual([]);
    expect(await readFile(join(checkout, HOLD_FILE), 'utf8')).toBe(await remoteFile(HOLD_FILE).then((text) => `${text}\n`));
  });

  it('mode: pull-request writes the record on the PR branch, so merging it brings the hold; open-promotion-pr with allow-rolled-back retires it in its own commit', async () => {
    await handCommit({ [FILE]: kustomization('1.4.0') }, 'prod 1.4.0');
    expect((await updateManifest('1.5.0')).pushed).toBe(true);
    const tipOf = (branch: string): string | undefined => {
      try {
        return execFileSync('git', ['--git-dir', bare, 'rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], { encoding: 'utf8' }).trim();
      } catch {
        return undefined;
      }
    };
    const forge = new FakeForge('github', { defaultBranch: 'main', webUrl: 'https://github.test/acme/envs' }, tipOf);
    const config = validateRollbackInputs({
      ...blank<RollbackInputs>(rollbackSpec),
      path: checkout,
      files: FILE,
      image: IMAGE,
      reason: 'fails health checks',
      mode: 'pull-request',
      token: 't',
      environment: 'prod',
      platform: 'github',
      repository: 'acme/envs',
      'api-url': 'https://api.github.test',
      'author-name': 'CI',
      'author-email': 'ci@example.invalid',
    });
    expect(await runRollback(config, new FakePlatform(), testContext({ forge }))).toMatchObject({ changed: true, from: '1.5.0', to: '1.4.0' });
    const branch = 'gitops-promote/rollback/prod/ghcr.io-acme-payments';
    expect(parseHolds(await remoteFile(HOLD_FILE, branch))).toMatchObject([{ image: IMAGE, files: [FILE], value: '1.5.0', to: '1.4.0', environment: 'prod' }]);
    // Not merged yet: nothing holds.
    expect(await sandbox.git(['cat-file', '-e', `main:${HOLD_FILE}`], bare)).toMatchObject({ exitCode: 128 });

    // Merged (a merge commit, as GitHub's default): the hold applies from main's tip.
    await sandbox.gitOk(['fetch', '--quiet', 'origin', branch], checkout);
    await sandbox.gitOk([...IDENTITY, 'merge', '--quiet', '--no-ff', '-m', 'Merge the rollback', 'FETCH_HEAD'], checkout);
    await sandbox.gitOk(['push', '--quiet', 'origin', 'main'], checkout);
    await expect(updateManifest('1.5.0')).rejects.toThrow(/1\.5\.0 was rolled back in [0-9a-f]{12} \("revert\(deploy\)/);

    await handCommit({ 'envs/staging/kustomization.yaml': kustomization('1.5.0') }, 'staging 1.5.0');
    const promote = validateOpenPromotionPrInputs(
      {
        ...blank<OpenPromotionPrInputs>(openPromotionPrSpec),
        platform: 'github',
        repository: 'acme/envs',
        'repository-url': bare,
        'api-url': 'https://api.github.test',
        token: 't',
        image: IMAGE,
        'source-files': 'envs/staging/kustomization.yaml',
        files: FILE,
        environment: 'prod',
        'allow-rolled-back': 'true',
      },
      {},
    );
    const promoted = await runOpenPromotionPr(promote, new FakePlatform(), testContext({ forge }));
    expect(promoted).toMatchObject({ operation: 'created', value: '1.5.0' });
    expect(parseHolds(await remoteFile(HOLD_FILE, promoted.branch))).toEqual([]);
    expect(parseHolds(await remoteFile(HOLD_FILE))).toHaveLength(1);
  });

  it('a person lifts it by deleting the entry from the file', async () => {
    await rolledBack();
    await handCommit({ [HOLD_FILE]: '{"version": 1, "holds": []}\n' }, 'lift the hold on 1.5.0');
    expect((await updateManifest('1.5.0')).pushed).toBe(true);
  });

  it('an unreadable hold file stops every step, dry runs included, naming the file', async () => {
    await rolledBack();
    await handCommit({ [HOLD_FILE]: '{"version": 1, "holds": [' }, 'a bad hand edit');
    const head = await tip();
    await expect(updateManifest('1.6.0', { 'dry-run': 'true' })).rejects.toThrow(/\.gitops-promote\/holds cannot be read: it is not JSON/);
    await expect(updateManifest('1.6.0')).rejects.toThrow(/\.gitops-promote\/holds cannot be read/);
    await expect(rollback({ 'dry-run': 'true' })).rejects.toThrow(/\.gitops-promote\/holds cannot be read/);
    expect(await tip()).toBe(head);
  });

  it('holds only the files the rollback protected: dev is not held by a prod rollback', async () => {
    await rolledBack();
    const dev = 'envs/dev/kustomization.yaml';
    await handCommit({ [dev]: kustomization('1.4.1') }, 'dev');
    expect((await updateManifest('1.5.0', { files: dev })).pushed).toBe(true);
  });
});
