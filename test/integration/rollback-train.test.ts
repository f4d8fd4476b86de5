/**
 * rollback of several values in one commit (issue 23, item 3) on real git histories: `images: all`
 * rolls back the whole train (the newest commit that changed values: its trailers name them, or a
 * person's commit is read by comparing the images at it and its parent), a list rolls back one car;
 * one commit, a hold record per value, each refused on a later update-manifest.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeForge } from '../../packages/core/src/cli/demo-forge';
import { describeError } from '../../packages/core/src/errors';
import { HOLD_FILE, parseHolds } from '../../packages/core/src/promotion/hold';
import { valuesOfCommit, withTrailers } from '../../packages/core/src/promotion/trailers';
import { validateRollbackInputs, type RollbackInputs } from '../../packages/core/src/steps/rollback/config';
import { runRollback } from '../../packages/core/src/steps/rollback/run';
import { rollbackSpec } from '../../packages/core/src/steps/rollback/spec';
import { rollbackStep } from '../../packages/core/src/steps/rollback/step';
import { validateUpdateManifestInputs, type UpdateManifestInputs } from '../../packages/core/src/steps/update-manifest/config';
import { runUpdateManifest } from '../../packages/core/src/steps/update-manifest/run';
import { updateManifestSpec } from '../../packages/core/src/steps/update-manifest/spec';
import { FakePlatform } from '../support/fake-platform';
import { useHermeticGitEnv } from '../support/hermetic-git-env';
import { blankInputs, useRemoteCheckout } from '../support/remote-checkout';
import type { Sandbox } from '../support/run-bundle';
import { testContext, type TestContextOptions } from '../support/step-context';

const PAYMENTS = 'ghcr.io/acme/payments';
const LEDGER = 'ghcr.io/acme/ledger';
const FILE = 'envs/prod/kustomization.yaml';
const kustomization = (payments: string, ledger: string, replicas = 2) =>
  `# prod\nimages:\n  - name: ${PAYMENTS}\n    newTag: "${payments}"\n  - name: ${LEDGER}\n    newTag: "${ledger}"\nreplicas:\n  - name: payments\n    count: ${replicas}\n`;

useHermeticGitEnv();
const repos = useRemoteCheckout('gitops-promote-rollback-train-');
let sandbox: Sandbox;
let bare: string;
let checkout: string;
beforeEach(() => {
  ({ sandbox, bare, checkout } = repos());
});

const blank = blankInputs;

/** A commit by a person, without trailers, pushed. */
const commit = (files: Record<string, string>, message: string, dir?: string, branch?: string): Promise<string> => repos().commitAsPerson(files, message, dir, branch);

function updateManifest(image: string, tag: string) {
  const config = validateUpdateManifestInputs({ ...blank<UpdateManifestInputs>(updateManifestSpec), path: checkout, files: FILE, image, tag, 'author-name': 'CI', 'author-email': 'ci@example.invalid' });
  return runUpdateManifest(config, new FakePlatform(), testContext({ backoff: { minDelayMs: 5, maxDelayMs: 20 } }));
}

const inputs = (extra: Partial<RollbackInputs>): RollbackInputs => ({ ...blank<RollbackInputs>(rollbackSpec), path: checkout, files: FILE, reason: 'the train fails health checks', 'author-name': 'CI', 'author-email': 'ci@example.invalid', ...extra });

function rollback(extra: Partial<RollbackInputs>, platform = new FakePlatform(), options: TestContextOptions = {}) {
  return runRollback(validateRollbackInputs(inputs(extra)), platform, testContext({ backoff: { minDelayMs: 5, maxDelayMs: 20 }, ...options }));
}

const remoteFile = () => sandbox.gitOk(['show', `main:${FILE}`], bare);
const tip = () => sandbox.gitOk(['rev-parse', 'main'], bare);
const count = async () => Number(await sandbox.gitOk(['rev-list', '--count', 'main'], bare));
const holds = async (rev = 'main') => parseHolds(await sandbox.gitOk(['show', `${rev}:${HOLD_FILE}`], bare));

/**
 * payments 1.4.0 / ledger 2.0.0 by hand, payments 1.4.1 and ledger 2.0.1 by CI, then a train (one commit, a Set
 * trailer per value as update-manifest writes it) to payments 1.5.0 / ledger 2.1.0, then a person
 * scales prod (no value changes).
 */
async function train(): Promise<string> {
  await commit({ [FILE]: kustomization('1.4.0', '2.0.0') }, 'prod by hand');
  expect((await updateManifest(PAYMENTS, '1.4.1')).pushed).toBe(true);
  expect((await updateManifest(LEDGER, '2.0.1')).pushed).toBe(true);
  const message = withTrailers('chore(deploy): promote staging to prod', {
    step: 'update-manifest',
    values: [
      { image: PAYMENTS, value: '1.5.0', previous: ['1.4.1'] },
      { image: LEDGER, value: '2.1.0', previous: ['2.0.1'] },
    ],
  });
  const sha = await commit({ [FILE]: kustomization('1.5.0', '2.1.0') }, message);
  await commit({ [FILE]: kustomization('1.5.0', '2.1.0', 3) }, 'scale prod to 3');
  return sha;
}

/** The whole step (inputs → outputs and summary), as every entry runs it. */
async function rollbackStepWith(extra: Partial<RollbackInputs>, options: TestContextOptions = {}) {
  const platform = new FakePlatform(new Map(Object.entries(inputs(extra))));
  const result = await rollbackStep(platform, testContext({ backoff: { minDelayMs: 5, maxDelayMs: 20 }, ...options }));
  return { result, platform };
}

describe('rollback of a train', () => {
  it('images: all returns every value of the newest train in one commit, a hold per value; update-manifest then refuses each', async () => {
    await train();
    const before = await count();
    const { result, platform } = await rollbackStepWith({ images: 'all' });
    expect(result).toMatchObject({ changed: true, pushed: true });
    expect(await count()).toBe(before + 1);
    expect(await tip()).toBe(result.commitSha);
    // Only the values move; the person's replicas stay.
    expect(await remoteFile()).toBe(kustomization('1.4.1', '2.0.1', 3).trimEnd());
    const changes = [
      { image: PAYMENTS, from: '1.5.0', to: '1.4.1' },
      { image: LEDGER, from: '2.1.0', to: '2.0.1' },
    ];
    expect(JSON.parse(platform.outputs.get('changes') ?? '')).toEqual(changes);
    expect(platform.outputs.get('rolled-back-from')).toBe('1.5.0, 2.1.0');
    expect(platform.outputs.get('rolled-back-to')).toBe('1.4.1, 2.0.1');
    expect(platform.summaries.join('\n')).toContain(`2 values rolled back in one change:\n\n- \`${PAYMENTS}\`: \`1.5.0\` → \`1.4.1\`\n- \`${LEDGER}\`: \`2.1.0\` → \`2.0.1\``);
    expect(platform.lines.join('\n')).toMatch(/The newest change of values is [0-9a-f]{12} \("chore\(deploy\): promote staging to prod"\)/);
    // The trailers name every value, each with what it was rolled back from.
    const message = await sandbox.gitOk(['log', '-1', '--format=%B', 'main'], bare);
    expect(message.split('\n')[0]).toBe(`revert(deploy): roll back ${PAYMENTS}, ${LEDGER} from 1.5.0, 2.1.0 to 1.4.1, 2.0.1`);
    expect(valuesOfCommit(message)).toEqual([
      { image: PAYMENTS, value: '1.4.1', previous: ['1.5.0'], rolledBackFrom: '1.5.0' },
      { image: LEDGER, value: '2.0.1', previous: ['2.1.0'], rolledBackFrom: '2.1.0' },
    ]);
    expect((await holds()).map((record) => [record.image, record.value, record.to])).toEqual([
      [PAYMENTS, '1.5.0', '1.4.1'],
      [LEDGER, '2.1.0', '2.0.1'],
    ]);

    const held = await tip();
    await expect(updateManifest(PAYMENTS, '1.5.0')).rejects.toThrow(/ghcr\.io\/acme\/payments 1\.5\.0 was rolled back in [0-9a-f]{12} .*reason: the train fails health checks/);
    await expect(updateManifest(LEDGER, '2.1.0')).rejects.toThrow(/ghcr\.io\/acme\/ledger 2\.1\.0 was rolled back in [0-9a-f]{12} .*reason: the train fails health checks/);
    expect(await tip()).toBe(held);
  });

  it('a second images: all goes further back, value by value (the rule of a one-value rollback), never to a held value', async () => {
    await train();
    await rollback({ images: 'all' });
    // The newest change of values is now the rollback itself: each value goes one step further back.
    const second = await rollback({ images: 'all', reason: 'still failing' });
    expect(second.changes).toEqual([
      { image: PAYMENTS, from: '1.4.1', to: '1.4.0' },
      { image: LEDGER, from: '2.0.1', to: '2.0.0' },
    ]);
    expect(await remoteFile()).toBe(kustomization('1.4.0', '2.0.0', 3).trimEnd());
    expect((await holds()).map((record) => [record.image, record.value])).toEqual([
      [PAYMENTS, '1.5.0'],
      [LEDGER, '2.1.0'],
      [PAYMENTS, '1.4.1'],
      [LEDGER, '2.0.1'],
    ]);
  });

  it('one car: images names one image of the train; the other stays as it is', async () => {
    await train();
    const before = await count();
    const result = await rollback({ images: LEDGER });
    expect(result).toMatchObject({ changed: true, from: '2.1.0', to: '2.0.1', changes: [{ image: LEDGER, from: '2.1.0', to: '2.0.1' }] });
    expect(await count()).toBe(before + 1);
    expect(await remoteFile()).toBe(kustomization('1.5.0', '2.0.1', 3).trimEnd());
    expect((await holds()).map((record) => [record.image, record.value])).toEqual([[LEDGER, '2.1.0']]);
    // One value: the commit is written in the one-value form, as a rollback with `image` writes it.
    const trailers = await sandbox.gitOk(['log', '-1', '--format=%(trailers:key=Gitops-Promote-Image,key=Gitops-Promote-Rolled-Back-From,valueonly)', 'main'], bare);
    expect(trailers.split('\n')).toEqual([LEDGER, '2.1.0']);
    // payments 1.5.0 is not held: promoting it again is allowed.
    expect((await updateManifest(PAYMENTS, '1.5.0')).changed).toBe(false);
    await expect(updateManifest(LEDGER, '2.1.0')).rejects.toThrow(/2\.1\.0 was rolled back/);
  });

  it('a list naming an image the files do not set: an error naming it, nothing written', async () => {
    await train();
    const head = await tip();
    const error = await rollback({ images: `${LEDGER}\nghcr.io/acme/missing` }).catch((caught: unknown) => caught);
    expect(describeError(error)).toMatch(
      /^Input 'images' names ghcr\.io\/acme\/missing, which envs\/prod\/kustomization\.yaml does not set at [0-9a-f]{12}; nothing was rolled back\.\n {2}How to fix: .*images there: ghcr\.io\/acme\/ledger, ghcr\.io\/acme\/payments/,
    );
    expect(await tip()).toBe(head);
    expect(await sandbox.gitOk(['status', '--porcelain'], checkout)).toBe('');
    expect(await sandbox.gitOk(['ls-tree', '--name-only', 'main', '.gitops-promote'], bare)).toBe('');
  });

  it("a person's commit is read by comparing the images at it and its parent (commits that changed no value are passed over)", async () => {
    await commit({ [FILE]: kustomization('1.4.0', '2.0.0') }, 'prod by hand');
    await commit({ [FILE]: kustomization('1.5.0', '2.1.0') }, 'prod: payments 1.5.0 and ledger 2.1.0 by hand');
    await commit({ [FILE]: kustomization('1.5.0', '2.1.0', 3) }, 'scale prod to 3');
    const result = await rollback({ images: 'all' });
    expect(result.changes).toEqual([
      { image: LEDGER, from: '2.1.0', to: '2.0.0' },
      { image: PAYMENTS, from: '1.5.0', to: '1.4.0' },
    ]);
    expect(await remoteFile()).toBe(kustomization('1.4.0', '2.0.0', 3).trimEnd());
    expect(await holds()).toHaveLength(2);
  });

  it('on a depth-1 clone, deepens before reading the tip against its parent: only the train moves, not every image the tip holds', async () => {
    const WEB = 'ghcr.io/acme/web';
    const three = (payments: string, ledger: string, web: string, replicas = 2) => `${kustomization(payments, ledger, replicas)}  - name: web\n    count: 1\n# web\n`.replace('replicas:', `  - name: ${WEB}\n    newTag: "${web}"\nreplicas:`);
    await commit({ [FILE]: three('1.4.0', '2.0.0', '3.0.0') }, 'prod by hand');
    await commit({ [FILE]: three('1.4.0', '2.0.0', '3.1.0') }, 'web 3.1.0 by hand');
    await commit({ [FILE]: three('1.5.0', '2.1.0', '3.1.0') }, 'payments 1.5.0 and ledger 2.1.0 by hand');
    await commit({ [FILE]: three('1.5.0', '2.1.0', '3.1.0', 3) }, 'scale prod to 3');
    const shallow = join(sandbox.dir, 'shallow');
    await sandbox.gitOk(['clone', '--quiet', '--depth', '1', pathToFileURL(bare).href, shallow], sandbox.dir);
    const config = validateRollbackInputs({ ...inputs({ images: 'all' }), path: shallow });
    const result = await runRollback(config, new FakePlatform(), testContext({}));
    expect(result.changes).toEqual([
      { image: LEDGER, from: '2.1.0', to: '2.0.0' },
      { image: PAYMENTS, from: '1.5.0', to: '1.4.0' },
    ]);
    expect(await remoteFile()).toBe(three('1.4.0', '2.0.0', '3.1.0', 3).trimEnd());
  });

  it('keys: a train of key paths (named in Set trailers) rolled back whole, and by one key', async () => {
    const VALUES = 'envs/prod/values.yaml';
    const values = (payments: string, ledger: string) => `payments:\n  image:\n    tag: "${payments}"\nledger:\n  image:\n    tag: "${ledger}"\n`;
    await commit({ [VALUES]: values('1.4.0', '2.0.0') }, 'prod by hand');
    const message = withTrailers('chore(deploy): promote staging to prod', {
      step: 'update-manifest',
      values: [
        { key: 'payments.image.tag', value: '1.5.0', previous: ['1.4.0'] },
        { key: 'ledger.image.tag', value: '2.1.0', previous: ['2.0.0'] },
      ],
    });
    const train = await commit({ [VALUES]: values('1.5.0', '2.1.0') }, message);
    const one = await rollback({ files: VALUES, keys: 'ledger.image.tag', 'dry-run': 'true' });
    expect(one).toMatchObject({ changed: true, changes: [{ key: 'ledger.image.tag', from: '2.1.0', to: '2.0.0' }] });
    expect(await tip()).toBe(train);
    const whole = await rollback({ files: VALUES, images: 'all' });
    expect(whole.changes).toEqual([
      { key: 'payments.image.tag', from: '1.5.0', to: '1.4.0' },
      { key: 'ledger.image.tag', from: '2.1.0', to: '2.0.0' },
    ]);
    expect(await sandbox.gitOk(['show', `main:${VALUES}`], bare)).toBe(values('1.4.0', '2.0.0').trimEnd());
    expect((await holds()).map((record) => [record.key, record.value])).toEqual([
      ['payments.image.tag', '1.5.0'],
      ['ledger.image.tag', '2.1.0'],
    ]);
  });

  it('mode: pull-request: one change request for the train on one branch; the environment branch is untouched; a rerun writes nothing', async () => {
    await train();
    const head = await tip();
    const tipOf = (branch: string) => {
      try {
        return execFileSync('git', ['--git-dir', bare, 'rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], { encoding: 'utf8' }).trim();
      } catch {
        return undefined;
      }
    };
    const forge = new FakeForge('github', { defaultBranch: 'main', webUrl: 'https://github.test/acme/envs' }, tipOf);
    const pr = { images: 'all', mode: 'pull-request', token: 'tok', environment: 'prod', forge: 'github', repository: 'acme/envs', 'api-url': 'https://api.github.test' };
    const result = await rollback(pr, new FakePlatform(), { forge });
    expect(result).toMatchObject({ changed: true, number: 1, changes: [{ image: PAYMENTS, from: '1.5.0', to: '1.4.1' }, { image: LEDGER, from: '2.1.0', to: '2.0.1' }] });
    expect(await tip()).toBe(head);
    const branch = 'gitops-promote/rollback/prod/train';
    expect(tipOf(branch)).toBe(result.commitSha);
    expect(await sandbox.gitOk(['rev-list', '--count', `main..${branch}`], bare)).toBe('1');
    expect(await sandbox.gitOk(['show', `${branch}:${FILE}`], bare)).toBe(kustomization('1.4.1', '2.0.1', 3).trimEnd());
    expect((await holds(branch)).map((record) => record.image)).toEqual([PAYMENTS, LEDGER]);
    expect(forge.changes).toHaveLength(1);
    expect(forge.changes[0]).toMatchObject({ title: 'Roll back 2 values in prod', labels: ['rollback', 'prod'] });
    expect(forge.changes[0]?.body).toContain(`| \`${PAYMENTS}\` | \`1.5.0\` | \`1.4.1\` |`);
    expect(forge.changes[0]?.body).toContain(`| \`${LEDGER}\` | \`2.1.0\` | \`2.0.1\` |`);
    expect(forge.changes[0]?.body).toContain('Reason: the train fails health checks');
    const writes = forge.writes.length;
    expect(await rollback(pr, new FakePlatform(), { forge })).toMatchObject({ changed: true, number: 1 });
    expect(forge.writes.length).toBe(writes);
    expect(forge.changes).toHaveLength(1);
  });

  it('refuses inputs that do not go together, before touching anything', () => {
    expect(() => validateRollbackInputs(inputs({ image: PAYMENTS, images: LEDGER }))).toThrow(/exactly one of 'image' and 'key', or the lists 'images' and 'keys'/);
    expect(() => validateRollbackInputs(inputs({ images: 'all', keys: 'image.tag' }))).toThrow(/'images: all' stands alone/);
    expect(() => validateRollbackInputs(inputs({ images: `${PAYMENTS}, ${LEDGER}`, to: '1.4.0' }))).toThrow(/Input 'to' goes with 'image' or 'key'/);
    expect(() => validateRollbackInputs(inputs({ images: 'ghcr.io/acme/Bad Name' }))).toThrow(/Input 'images' is not a valid image name/);
  });
});
