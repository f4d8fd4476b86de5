/**
 * open-promotion-pr promoting an environment (issue 23, item 2): `images` / `keys` read every
 * value from the source files, one commit with a trailer per value, one PR with a row per value on
 * a stable branch; values the target runs or a rollback holds are left out and named. Real git,
 * the fake forge.
 */
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeForge } from '../../packages/core/src/cli/demo-forge';
import { RolledBackValueError } from '../../packages/core/src/promotion/hold';
import { readTrailers, valuesOfCommit } from '../../packages/core/src/promotion/trailers';
import { ManifestEditError } from '../../packages/core/src/manifest/errors';
import { validateOpenPromotionPrInputs, type OpenPromotionPrInputs } from '../../packages/core/src/steps/open-promotion-pr/config';
import { openPromotionPrStep } from '../../packages/core/src/steps/open-promotion-pr/step';
import { openPromotionPrSpec } from '../../packages/core/src/steps/open-promotion-pr/spec';
import { runOpenPromotionPr } from '../../packages/core/src/steps/open-promotion-pr/run';
import { createTestRepo, type TestRepo } from '../support/argocd-git-repo';
import { FakePlatform } from '../support/fake-platform';
import { useHermeticGitEnv } from '../support/hermetic-git-env';
import { testContext } from '../support/step-context';

useHermeticGitEnv();

const API = 'ghcr.io/acme/api';
const WEB = 'ghcr.io/acme/web';
const DB = 'ghcr.io/acme/db';
const MIGRATIONS = 'ghcr.io/acme/api-migrations';
const BRANCH = 'gitops-promote/prod/environment';
const STAGING = 'envs/staging/kustomization.yaml';
const PROD = 'envs/prod/kustomization.yaml';

/** A kustomization setting each image's tag. */
const kustomization = (tags: Record<string, string>): string =>
  `resources:\n  - ../../base\nimages:\n${Object.entries(tags)
    .map(([name, tag]) => `  - name: ${name}\n    newTag: "${tag}"\n`)
    .join('')}`;

const staging = { [API]: '1.1.0', [WEB]: '2.1.0', [DB]: '5.0', [MIGRATIONS]: '1.1.0' };
const prod = { [API]: '1.0.0', [WEB]: '2.0.0', [DB]: '5.0', [MIGRATIONS]: '1.0.0' };

function inputs(repo: TestRepo, overrides: Partial<OpenPromotionPrInputs>): OpenPromotionPrInputs {
  const all = Object.fromEntries(openPromotionPrSpec.inputs.map((input) => [input.name, ''])) as OpenPromotionPrInputs;
  return {
    ...all,
    forge: 'github',
    repository: 'acme/envs',
    'repository-url': repo.dir,
    'api-url': 'https://api.github.test',
    token: 'test-token-0123',
    files: PROD,
    'source-files': STAGING,
    environment: 'prod',
    ...overrides,
  };
}

function headOf(repo: TestRepo, branch: string): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], { cwd: repo.dir, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('open-promotion-pr: an environment (images / keys)', () => {
  let repo: TestRepo;
  let forge: FakeForge;

  beforeEach(async () => {
    repo = await createTestRepo({ [STAGING]: kustomization(staging), [PROD]: kustomization(prod), 'README.md': 'envs\n' });
    forge = new FakeForge('github', { defaultBranch: 'main', webUrl: 'https://github.test/acme/envs' }, (branch) => headOf(repo, branch));
  });
  afterEach(async () => repo.remove());

  const run = async (overrides: Partial<OpenPromotionPrInputs>, platform = new FakePlatform()) => {
    const config = validateOpenPromotionPrInputs(inputs(repo, overrides), {});
    return { result: await runOpenPromotionPr(config, platform, testContext({ forge, backoff: { minDelayMs: 5, maxDelayMs: 40 } })), platform };
  };
  const message = (rev: string) => repo.git(['log', '-1', '--format=%B', rev]);

  it('a two-image train: one commit naming both in trailers, one PR with a row per value, the changes output', async () => {
    const mainBefore = headOf(repo, 'main');
    const platform = new FakePlatform(new Map(Object.entries(inputs(repo, { images: `${API}\n${WEB}` }))));
    const result = await openPromotionPrStep(platform, testContext({ forge, backoff: { minDelayMs: 5, maxDelayMs: 40 } }));
    expect(result).toMatchObject({ operation: 'created', number: 1, branch: BRANCH, value: '', previous: [] });
    expect(headOf(repo, 'main')).toBe(mainBefore);
    expect(await repo.git(['rev-parse', `${BRANCH}^`])).toBe(mainBefore);
    expect(await repo.git(['show', `${BRANCH}:${PROD}`])).toBe(kustomization({ ...prod, [API]: '1.1.0', [WEB]: '2.1.0' }).trimEnd());
    const body = await message(BRANCH);
    expect(body.split('\n')[0]).toBe('chore(promote): 2 images to prod');
    expect(readTrailers(body).get('Step')).toBe('open-promotion-pr');
    expect(valuesOfCommit(body)).toEqual([
      { image: API, value: '1.1.0', previous: ['1.0.0'] },
      { image: WEB, value: '2.1.0', previous: ['2.0.0'] },
    ]);
    expect(forge.changes).toHaveLength(1);
    const [change] = forge.changes;
    expect(change?.title).toBe('Promote 2 images api 1.1.0, web 2.1.0 to prod');
    expect(change?.body).toContain('| Image / key | File | Line | Path | Before | After |');
    expect(change?.body).toContain(`| \`${API}\` | ${PROD} | 5 | \`images[0].newTag\` | \`1.0.0\` | \`1.1.0\` |`);
    expect(change?.body).toContain(`| \`${WEB}\` | ${PROD} | 7 | \`images[1].newTag\` | \`2.0.0\` | \`2.1.0\` |`);
    expect(JSON.parse(platform.outputs.get('changes') ?? '')).toEqual([
      { image: API, previous: ['1.0.0'], value: '1.1.0' },
      { image: WEB, previous: ['2.0.0'], value: '2.1.0' },
    ]);
    expect(Object.fromEntries(platform.outputs)).toMatchObject({ value: '', 'previous-value': '', branch: BRANCH });
    expect(platform.summaries.join('\n')).toContain('Opened [#1](https://github.test/acme/envs/pull/1): `api 1.1.0, web 2.1.0` in **prod**.');
  });

  it('images: all minus exclude-images globs; an image the target already runs is skipped and listed', async () => {
    const { result, platform } = await run({ images: 'all', 'exclude-images': 'ghcr.io/acme/*-migrations' });
    expect(result.operation).toBe('created');
    expect(await repo.git(['show', `${BRANCH}:${PROD}`])).toBe(kustomization({ ...prod, [API]: '1.1.0', [WEB]: '2.1.0' }).trimEnd());
    expect(valuesOfCommit(await message(BRANCH)).map((value) => value.image)).toEqual([API, WEB]);
    expect(JSON.parse(result.changes)).toEqual([
      { image: API, previous: ['1.0.0'], value: '1.1.0' },
      { image: DB, previous: ['5.0'], value: '5.0', skipped: 'running' },
      { image: WEB, previous: ['2.0.0'], value: '2.1.0' },
    ]);
    expect(forge.changes[0]?.body).toContain(`Already running in **prod** (skipped): \`${DB}\` \`5.0\`.`);
    expect(platform.lines.join('\n')).toContain(`Skipped ${DB} 5.0: the target already runs it.`);
    // Without the exclude, the migrations image is in the same train.
    const all = await run({ images: 'all' });
    expect(all.result.operation).toBe('updated');
    expect(valuesOfCommit(await message(BRANCH)).map((value) => value.image)).toEqual([API, MIGRATIONS, WEB]);
  });

  it('a value that matches nothing is an error naming it: nothing pushed, no PR', async () => {
    const typo = await failureOf(run({ images: `${API}, ghcr.io/acme/typo` }));
    expect(typo).toBeInstanceOf(ManifestEditError);
    expect(typo.message).toBe(`Not set in the source files (${STAGING}): ghcr.io/acme/typo.`);
    await repo.commit({ [STAGING]: kustomization({ ...staging, 'ghcr.io/acme/debug': '0.1' }) }, 'staging: a debug sidecar');
    const stagingOnly = await failureOf(run({ images: 'all' }));
    expect(stagingOnly.message).toBe(`Not referenced in the target files (${PROD}), so there is nothing to edit: ghcr.io/acme/debug.`);
    const key = await failureOf(run({ keys: 'replicas' }));
    expect(key.message).toBe(`Not set in the source files (${STAGING}): replicas.`);
    expect(headOf(repo, BRANCH)).toBeUndefined();
    expect(forge.changes).toHaveLength(0);
    expect(forge.writes).toEqual([]);
  });

  it('a held value inside a train is left out and named; on-held: fail refuses the whole promotion', async () => {
    await repo.commit(
      { [PROD]: kustomization(prod) + '# rolled back\n' },
      `Roll back ${WEB}\n\nGitops-Promote-Step: rollback\nGitops-Promote-Image: ${WEB}\nGitops-Promote-Value: 2.0.0\nGitops-Promote-Rolled-Back-From: 2.1.0\nGitops-Promote-Reason: smoke tests failed`,
    );
    const failed = await failureOf(run({ images: `${API}, ${WEB}`, 'on-held': 'fail' }));
    expect(failed).toBeInstanceOf(RolledBackValueError);
    expect(failed.message).toMatch(new RegExp(`^${WEB} 2\\.1\\.0 was rolled back in [0-9a-f]{12} \\("Roll back ${WEB}"\\), reason: smoke tests failed`));
    expect(headOf(repo, BRANCH)).toBeUndefined();
    expect(forge.writes).toEqual([]);

    const { result, platform } = await run({ images: `${API}, ${WEB}` });
    expect(result.operation).toBe('created');
    // One value left: the one-value trailers, as any one-value promotion.
    expect(Object.fromEntries(readTrailers(await message(BRANCH)))).toEqual({ Step: 'open-promotion-pr', Image: API, Value: '1.1.0', Previous: '1.0.0', Environment: 'prod' });
    expect(await repo.git(['show', `${BRANCH}:${PROD}`])).toContain(`name: ${WEB}\n    newTag: "2.0.0"`);
    expect(JSON.parse(result.changes)[1]).toEqual({ image: WEB, previous: ['2.0.0'], value: '2.1.0', skipped: 'held' });
    expect(forge.changes[0]?.title).toBe('Promote 1 image api 1.1.0 to prod');
    expect(forge.changes[0]?.body).toMatch(/Left out, held by a rollback: .*ghcr\.io\/acme\/web 2\.1\.0 was rolled back in [0-9a-f]{12}.*smoke tests failed/);
    expect(platform.lines.join('\n')).toMatch(/Skipped \(held\) ghcr\.io\/acme\/web 2\.1\.0 was rolled back/);
    // allow-rolled-back overrides the hold for the whole set.
    const allowed = await run({ images: `${API}, ${WEB}`, 'allow-rolled-back': 'true' });
    expect(allowed.result.operation).toBe('updated');
    expect(valuesOfCommit(await message(BRANCH)).map((value) => value.image)).toEqual([API, WEB]);
  });

  it('a rerun with one more image updates the same PR; an unchanged rerun writes nothing', async () => {
    await run({ images: API });
    expect(forge.changes[0]?.title).toBe('Promote 1 image api 1.1.0 to prod');
    const first = headOf(repo, BRANCH);

    const { result } = await run({ images: `${API}\n${WEB}` });
    expect(result).toMatchObject({ operation: 'updated', number: 1, branch: BRANCH });
    expect(forge.changes).toHaveLength(1);
    expect(forge.changes[0]?.title).toBe('Promote 2 images api 1.1.0, web 2.1.0 to prod');
    expect(headOf(repo, BRANCH)).not.toBe(first);
    expect(await repo.git(['rev-list', '--count', `main..${BRANCH}`])).toBe('1');
    expect(valuesOfCommit(await message(BRANCH)).map((value) => value.image)).toEqual([API, WEB]);

    const head = headOf(repo, BRANCH);
    const writes = forge.writes.length;
    const requests = forge.requests;
    const again = await run({ images: `${API}\n${WEB}` });
    expect(again.result.operation).toBe('unchanged');
    expect(headOf(repo, BRANCH)).toBe(head);
    expect(forge.writes.length).toBe(writes);
    expect(forge.requests - requests).toBeLessThanOrEqual(3);
  });

  it('keys: key paths promoted together with images, each row naming its key', async () => {
    const values = (tag: string, replicas: string) => `replicas: ${replicas}\nworker:\n  tag: "${tag}"\n`;
    await repo.commit({ 'envs/staging/values.yaml': values('3.1', '4'), 'envs/prod/values.yaml': values('3.0', '2') }, 'values files');
    const { result } = await run({ images: API, keys: 'worker.tag\nreplicas', files: `${PROD}\nenvs/prod/values.yaml`, 'source-files': `${STAGING}\nenvs/staging/values.yaml` });
    expect(result.operation).toBe('created');
    expect(await repo.git(['show', `${BRANCH}:envs/prod/values.yaml`])).toBe(values('3.1', '4').trimEnd());
    expect(valuesOfCommit(await message(BRANCH))).toEqual([
      { image: API, value: '1.1.0', previous: ['1.0.0'] },
      { key: 'worker.tag', value: '3.1', previous: ['3.0'] },
      { key: 'replicas', value: '4', previous: ['2'] },
    ]);
    expect(forge.changes[0]?.title).toBe('Promote 1 image and 2 keys api 1.1.0, worker.tag 3.1, replicas 4 to prod');
    expect(forge.changes[0]?.body).toContain('| `replicas` | envs/prod/values.yaml | 1 | `replicas` | `2` | `4` |');
  });

  it('a dry run prints the title and body of the set and writes nothing', async () => {
    const { result, platform } = await run({ images: 'all', 'dry-run': 'true' });
    expect(result).toMatchObject({ operation: 'created', dryRun: true, headSha: '' });
    expect(platform.lines.join('\n')).toContain('Title: Promote 3 images api 1.1.0, api-migrations 1.1.0, web 2.1.0 to prod');
    expect(headOf(repo, BRANCH)).toBeUndefined();
    expect(forge.writes).toEqual([]);
  });

  it('every value already running: nothing to promote, no PR, no write', async () => {
    const { result } = await run({ images: DB });
    expect(result).toMatchObject({ operation: 'unchanged', headSha: '' });
    expect(JSON.parse(result.changes)).toEqual([{ image: DB, previous: ['5.0'], value: '5.0', skipped: 'running' }]);
    expect(headOf(repo, BRANCH)).toBeUndefined();
    expect(forge.writes).toEqual([]);
  });
});
