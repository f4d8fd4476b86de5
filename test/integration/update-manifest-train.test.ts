/**
 * update-manifest with `images` and `values` (issue 23): several values in one run make one plan
 * over all files, one commit and one push (with the same race retry), trailers naming every value,
 * the `changes` output and a table row per value. A value that matches nothing, or a held one,
 * stops the run before anything is written. In process: a fake Platform, real git on local bare
 * repositories (a post-receive hook there counts the pushes).
 */
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManifestEditError } from '../../packages/core/src/manifest/errors';
import { RolledBackValueError } from '../../packages/core/src/promotion/hold';
import { valuesOfCommit } from '../../packages/core/src/promotion/trailers';
import { updateManifestStep } from '../../packages/core/src/steps/update-manifest/step';
import { failureOf } from '../support/errors';
import { FakePlatform } from '../support/fake-platform';
import { useHermeticGitEnv } from '../support/hermetic-git-env';
import { createSandbox, type Sandbox } from '../support/run-bundle';
import { testContext } from '../support/step-context';

const API = 'ghcr.io/acme/api';
const WEB = 'ghcr.io/acme/web';
const KUSTOMIZATION = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
images:
  - name: ${API}   # the api
    newTag: "1.4.1"
  - name: ${WEB}
    newTag: 2.0.0
  - name: ghcr.io/acme/other
    newTag: 0.1.0
`;
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: ${API}:1.4.1   # same image
`;
const APPLICATION = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: api
spec:
  source:
    helm:
      parameters:
        - name: image.tag
          value: "1.4.1"
        - name: replicas
          value: "2"
`;
const FILES = { 'envs/prod/kustomization.yaml': KUSTOMIZATION, 'envs/prod/deployment.yaml': DEPLOYMENT, 'envs/prod/app.yaml': APPLICATION };
const FILE_LIST = Object.keys(FILES).join('\n');
const IDENTITY = ['-c', 'user.name=Someone', '-c', 'user.email=someone@example.invalid'];

let sandbox: Sandbox;
useHermeticGitEnv();
beforeEach(async () => {
  sandbox = await createSandbox('gitops-promote-train-');
});
afterEach(async () => sandbox.cleanup());

interface Env {
  bare: string;
  seed: string;
  checkout: string;
  initial: string;
  pushes: string;
}

async function setUp(): Promise<Env> {
  const bare = join(sandbox.dir, 'remote.git');
  const seed = join(sandbox.dir, 'seed');
  await sandbox.gitOk(['init', '--quiet', '--bare', '--initial-branch=main', bare], sandbox.dir);
  await mkdir(seed);
  await sandbox.gitOk(['init', '--quiet', '--initial-branch=main'], seed);
  for (const [file, text] of Object.entries(FILES)) {
    await mkdir(join(seed, file, '..'), { recursive: true });
    await writeFile(join(seed, file), text);
  }
  await sandbox.gitOk(['add', '.'], seed);
  await sandbox.gitOk([...IDENTITY, 'commit', '--quiet', '-m', 'initial'], seed);
  await sandbox.gitOk(['push', '--quiet', bare, 'main'], seed);
  // Every push that updates the remote appends a line: "one push" is counted, not assumed.
  const pushes = join(sandbox.dir, 'pushes.log');
  await writeFile(join(bare, 'hooks', 'post-receive'), `#!/bin/sh\ncat >> '${pushes}'\n`);
  await chmod(join(bare, 'hooks', 'post-receive'), 0o755);
  const checkout = join(sandbox.dir, 'checkout');
  await sandbox.gitOk(['clone', '--quiet', bare, checkout], sandbox.dir);
  return { bare, seed, checkout, pushes, initial: await sandbox.gitOk(['rev-parse', 'main'], bare) };
}

async function step(env: Env, inputs: Record<string, string>): Promise<FakePlatform> {
  const platform = new FakePlatform(new Map(Object.entries({ path: env.checkout, files: FILE_LIST, ...inputs })));
  await updateManifestStep(platform, testContext({ backoff: { minDelayMs: 5, maxDelayMs: 20 } }));
  return platform;
}

async function pushCount(env: Env): Promise<number> {
  const log = await readFile(env.pushes, 'utf8').catch(() => '');
  return log.split('\n').filter((line) => line !== '').length;
}

const remoteFile = async (env: Env, file: string): Promise<string> => (await sandbox.git(['cat-file', 'blob', `main:${file}`], env.bare)).stdout;

describe('update-manifest: several values in one run', () => {
  it('sets a two-image train in one commit and one push, with a Set trailer per value and the changes output', async () => {
    const env = await setUp();
    const platform = await step(env, { images: `${API}=1.5.0\n\n  ${WEB}=2.1.0@sha256:${'c'.repeat(64)}  \n` });
    expect(await sandbox.gitOk(['rev-list', '--count', `${env.initial}..main`], env.bare)).toBe('1');
    expect(await pushCount(env)).toBe(1);
    expect(await remoteFile(env, 'envs/prod/kustomization.yaml')).toBe(
      KUSTOMIZATION.replace('"1.4.1"', '"1.5.0"').replace('newTag: 2.0.0', `newTag: 2.1.0\n    digest: sha256:${'c'.repeat(64)}`),
    );
    expect(await remoteFile(env, 'envs/prod/deployment.yaml')).toBe(DEPLOYMENT.replace(`${API}:1.4.1`, `${API}:1.5.0`));
    expect(await remoteFile(env, 'envs/prod/app.yaml')).toBe(APPLICATION);
    const message = await sandbox.gitOk(['log', '-1', '--format=%B', 'main'], env.bare);
    expect(message.split('\n')[0]).toBe(`chore(deploy): set ${API} to 1.5.0, ${WEB} to 2.1.0@sha256:${'c'.repeat(64)}`);
    expect(valuesOfCommit(message)).toEqual([
      { image: API, value: '1.5.0', previous: ['1.4.1'] },
      { image: WEB, value: `2.1.0@sha256:${'c'.repeat(64)}`, previous: ['2.0.0'] },
    ]);
    expect(platform.outputs.get('pushed')).toBe('true');
    expect(platform.outputs.get('commit-sha')).toBe(await sandbox.gitOk(['rev-parse', 'main'], env.bare));
    const changes = JSON.parse(platform.outputs.get('changes') ?? '') as Array<Record<string, unknown>>;
    expect(changes.map((change) => [change.file, change.line, change.image, change.previous, change.value])).toEqual([
      ['envs/prod/kustomization.yaml', 5, API, '1.4.1', '1.5.0'],
      ['envs/prod/kustomization.yaml', 7, WEB, '2.0.0', '2.1.0'],
      ['envs/prod/kustomization.yaml', 8, WEB, null, `sha256:${'c'.repeat(64)}`],
      ['envs/prod/deployment.yaml', 10, API, `${API}:1.4.1`, `${API}:1.5.0`],
    ]);
    const summary = platform.summaries.join('\n');
    expect(summary).toContain('| Image / key | File | Line | Path | Before | After |');
    expect(summary).toContain(`| \`${WEB}\` | envs/prod/kustomization.yaml | 7 | \`images[1].newTag\` | \`2.0.0\` | \`2.1.0\` |`);
    // A rerun with the same list finds the remote holding every value: no commit, no push.
    const again = await step(env, { images: `${API}=1.5.0\n${WEB}=2.1.0@sha256:${'c'.repeat(64)}` });
    expect(again.outputs.get('changed')).toBe('false');
    expect(await pushCount(env)).toBe(1);
  });

  it('sets images and key paths together (a key path holding = in its selector)', async () => {
    const env = await setUp();
    const platform = await step(env, { images: `${WEB}=2.2.0`, values: 'spec.source.helm.parameters[name=image.tag].value=1.6.0\nspec.source.helm.parameters[name=replicas].value = 3' });
    expect(platform.outputs.get('pushed')).toBe('true');
    expect(await remoteFile(env, 'envs/prod/app.yaml')).toBe(APPLICATION.replace('"1.4.1"', '"1.6.0"').replace('"2"', '"3"'));
    const message = await sandbox.gitOk(['log', '-1', '--format=%B', 'main'], env.bare);
    expect(message.split('\n')[0]).toBe(`chore(deploy): set ${WEB} to 2.2.0, spec.source.helm.parameters[name=image.tag].value to 1.6.0, spec.source.helm.parameters[name=replicas].value to 3`);
    expect(valuesOfCommit(message).map((value) => [value.image ?? value.key, value.value, value.previous])).toEqual([
      [WEB, '2.2.0', ['2.0.0']],
      ['spec.source.helm.parameters[name=image.tag].value', '1.6.0', ['1.4.1']],
      ['spec.source.helm.parameters[name=replicas].value', '3', ['2']],
    ]);
  });

  it('refuses a value that matches nothing, naming it: nothing written, the remote untouched', async () => {
    const env = await setUp();
    const error = await failureOf(step(env, { images: `${API}=1.5.0\nghcr.io/acme/typo=9.9.9` }), ManifestEditError);
    expect(error.message).toBe('Image ghcr.io/acme/typo is not referenced in 3 files (envs/prod/kustomization.yaml, envs/prod/deployment.yaml, envs/prod/app.yaml).');
    expect(error.hint).toContain(`Images found: ghcr.io/acme/api, ghcr.io/acme/other, ghcr.io/acme/web.`);
    expect(await sandbox.gitOk(['status', '--porcelain'], env.checkout)).toBe('');
    expect(await sandbox.gitOk(['rev-parse', 'main'], env.bare)).toBe(env.initial);
    expect(await pushCount(env)).toBe(0);
  });

  it('refuses a held value inside a train, naming it, before anything is written', async () => {
    const env = await setUp();
    await sandbox.gitOk(['pull', '--quiet', env.bare, 'main'], env.seed);
    await writeFile(join(env.seed, 'envs/prod/kustomization.yaml'), KUSTOMIZATION.replace('newTag: 2.0.0', 'newTag: 1.9.0'));
    await sandbox.gitOk([...IDENTITY, 'commit', '--quiet', '-am', `Roll back web\n\nGitops-Promote-Step: rollback\nGitops-Promote-Image: ${WEB}\nGitops-Promote-Value: 1.9.0\nGitops-Promote-Rolled-Back-From: 2.1.0\nGitops-Promote-Reason: 500s`], env.seed);
    await sandbox.gitOk(['push', '--quiet', env.bare, 'main'], env.seed);
    const tip = await sandbox.gitOk(['rev-parse', 'main'], env.bare);
    const error = await failureOf(step(env, { images: `${API}=1.5.0\n${WEB}=2.1.0` }), RolledBackValueError);
    expect(error.message).toMatch(new RegExp(`^${WEB.replace(/\./g, '\\.')} 2\\.1\\.0 was rolled back in [0-9a-f]{12} \\("Roll back web"\\), reason: 500s; it is not set again\\.$`));
    expect(await sandbox.gitOk(['rev-parse', 'main'], env.bare)).toBe(tip);
    expect(await sandbox.gitOk(['status', '--porcelain'], env.checkout)).toBe('');
  });

  it('re-applies every value on top of a commit that moved the branch (the race retry), still one commit', async () => {
    const env = await setUp();
    // Another writer changes a third image in the same file after the checkout was made.
    await sandbox.gitOk(['pull', '--quiet', env.bare, 'main'], env.seed);
    await writeFile(join(env.seed, 'envs/prod/kustomization.yaml'), KUSTOMIZATION.replace('newTag: 0.1.0', 'newTag: 0.2.0'));
    await sandbox.gitOk([...IDENTITY, 'commit', '--quiet', '-am', 'other: 0.2.0'], env.seed);
    await sandbox.gitOk(['push', '--quiet', env.bare, 'main'], env.seed);
    const other = await sandbox.gitOk(['rev-parse', 'main'], env.bare);
    const platform = await step(env, { images: `${API}=1.5.0\n${WEB}=2.1.0`, branch: 'main' });
    expect(platform.lines.join('\n')).toMatch(/Push attempt 1: the remote branch moved; fetching and re-applying the edit/);
    expect(await sandbox.gitOk(['rev-parse', 'main^'], env.bare)).toBe(other);
    expect(await remoteFile(env, 'envs/prod/kustomization.yaml')).toBe(KUSTOMIZATION.replace('"1.4.1"', '"1.5.0"').replace('newTag: 2.0.0', 'newTag: 2.1.0').replace('newTag: 0.1.0', 'newTag: 0.2.0'));
    expect(valuesOfCommit(await sandbox.gitOk(['log', '-1', '--format=%B', 'main'], env.bare)).map((value) => value.image)).toEqual([API, WEB]);
  });
});
