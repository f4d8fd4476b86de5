import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeForge } from '../../packages/core/src/cli/demo-forge';
import { readTrailers } from '../../packages/core/src/promotion/trailers';
import { validateOpenPromotionPrInputs, type OpenPromotionPrInputs } from '../../packages/core/src/steps/open-promotion-pr/config';
import { runOpenPromotionPr } from '../../packages/core/src/steps/open-promotion-pr/run';
import { openPromotionPrSpec } from '../../packages/core/src/steps/open-promotion-pr/spec';
import { createTestRepo, type TestRepo } from '../support/argocd-git-repo';
import { FakePlatform } from '../support/fake-platform';
import { useHermeticGitEnv } from '../support/hermetic-git-env';
import { testContext } from '../support/step-context';

useHermeticGitEnv();

const IMAGE = 'ghcr.io/acme/app';
const BRANCH = 'gitops-promote/prod/ghcr.io-acme-app';
const kustomization = (tag: string, extra = '') => `# prod overlay\nresources:\n  - ../../base\nimages:\n  - name: ${IMAGE}\n    newTag: "${tag}" # bumped by CI\n${extra}`;

function inputs(repo: TestRepo, overrides: Partial<OpenPromotionPrInputs> = {}): OpenPromotionPrInputs {
  const all = Object.fromEntries(openPromotionPrSpec.inputs.map((input) => [input.name, ''])) as OpenPromotionPrInputs;
  return {
    ...all,
    platform: 'github',
    repository: 'acme/envs',
    'repository-url': repo.dir,
    'api-url': 'https://api.github.test',
    token: 'test-token-0123',
    files: 'envs/prod/kustomization.yaml',
    'source-files': 'envs/staging/kustomization.yaml',
    image: IMAGE,
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

describe('open-promotion-pr (in process, real git, fake forge)', () => {
  let repo: TestRepo;
  let forge: FakeForge;

  beforeEach(async () => {
    repo = await createTestRepo({ 'envs/staging/kustomization.yaml': kustomization('1.4.2'), 'envs/prod/kustomization.yaml': kustomization('1.4.1'), 'README.md': 'envs\n' });
    forge = new FakeForge('github', { defaultBranch: 'main', webUrl: 'https://github.test/acme/envs' }, (branch) => headOf(repo, branch));
  });
  afterEach(async () => repo.remove());

  const run = async (overrides: Partial<OpenPromotionPrInputs> = {}, platform = new FakePlatform()) => {
    const config = validateOpenPromotionPrInputs(inputs(repo, overrides), {});
    return { result: await runOpenPromotionPr(config, platform, testContext({ forge, backoff: { minDelayMs: 5, maxDelayMs: 40 } })), platform };
  };

  it('opens one PR whose branch is one commit on base, with trailers, a table and labels; main is untouched', async () => {
    const mainBefore = headOf(repo, 'main');
    const { result } = await run({ 'source-repository': 'acme/app', reviewers: 'alice', assignees: 'bob' });
    expect(result).toMatchObject({ operation: 'created', number: 1, branch: BRANCH, previous: ['1.4.1'], value: '1.4.2' });
    expect(headOf(repo, 'main')).toBe(mainBefore);
    const head = headOf(repo, BRANCH);
    expect(result.headSha).toBe(head);
    expect(await repo.git(['rev-parse', `${BRANCH}^`])).toBe(mainBefore);
    expect(await repo.git(['show', `${BRANCH}:envs/prod/kustomization.yaml`])).toBe(kustomization('1.4.2').trimEnd());
    const trailers = readTrailers(await repo.git(['log', '-1', '--format=%B', BRANCH]));
    expect(Object.fromEntries(trailers)).toEqual({ Step: 'open-promotion-pr', Image: IMAGE, Value: '1.4.2', Previous: '1.4.1', Environment: 'prod' });
    const [change] = forge.changes;
    expect(change).toMatchObject({ title: `Promote ${IMAGE} 1.4.2 to prod`, head: BRANCH, base: 'main', labels: ['promotion', 'prod'], reviewers: ['alice'], assignees: ['bob'] });
    expect(change?.body).toContain('| envs/prod/kustomization.yaml | 6 | `images[0].newTag` | `1.4.1` | `1.4.2` |');
    expect(change?.body).toContain('Running in **staging** at commit');
    expect(change?.body).toContain('(https://github.com/acme/app/compare/1.4.1...1.4.2)');
  });

  it('a second run with the same value pushes nothing and writes nothing, in at most 3 requests', async () => {
    await run();
    const head = headOf(repo, BRANCH);
    const writes = forge.writes.length;
    const before = forge.requests;
    const { result } = await run();
    expect(result.operation).toBe('unchanged');
    expect(headOf(repo, BRANCH)).toBe(head);
    expect(forge.writes.length).toBe(writes);
    expect(forge.requests - before).toBeLessThanOrEqual(3);
  });

  it('a newer value updates the same PR and rebuilds the branch; base already running it closes the PR', async () => {
    await run();
    const first = headOf(repo, BRANCH);
    await repo.commit({ 'envs/staging/kustomization.yaml': kustomization('1.5.0') }, 'staging 1.5.0');
    const { result } = await run();
    expect(result).toMatchObject({ operation: 'updated', number: 1, value: '1.5.0', previous: ['1.4.1'] });
    expect(forge.changes).toHaveLength(1);
    expect(forge.changes[0]?.title).toBe(`Promote ${IMAGE} 1.5.0 to prod`);
    expect(headOf(repo, BRANCH)).not.toBe(first);
    expect(await repo.git(['rev-list', '--count', `main..${BRANCH}`])).toBe('1');

    await repo.commit({ 'envs/prod/kustomization.yaml': kustomization('1.5.0') }, 'hotfix prod by hand');
    const closed = await run();
    expect(closed.result.operation).toBe('closed');
    expect(forge.changes[0]?.state).toBe('closed');
    expect(forge.comments[0]?.body).toMatch(/main already runs 1\.5\.0 in prod/);
    // Nothing left to promote and nothing open: unchanged, no PR.
    expect((await run()).result).toMatchObject({ operation: 'unchanged', headSha: '' });
    expect(forge.changes).toHaveLength(1);
  });

  it('never overwrites a person\'s commit on the branch: stops naming it when it touches the file, builds on it otherwise', async () => {
    await run();
    await repo.checkout(BRANCH);
    const fix = await repo.commit({ 'envs/prod/kustomization.yaml': kustomization('1.4.2', 'replicas:\n  - name: app\n    count: 3\n') }, 'scale prod to 3');
    await repo.checkout('main');
    await repo.commit({ 'envs/staging/kustomization.yaml': kustomization('1.5.0') }, 'staging 1.5.0');
    await expect(run()).rejects.toThrow(new RegExp(`${fix.slice(0, 7)} "scale prod to 3" by test <test@example.invalid>.*It is not overwritten`));
    expect(headOf(repo, BRANCH)).toBe(fix);

    await repo.checkout(BRANCH);
    await repo.git(['reset', '-q', '--hard', `${fix}^`]);
    const docs = await repo.commit({ 'README.md': 'envs, with notes\n' }, 'docs on the PR branch');
    await repo.checkout('main');
    const { result } = await run();
    expect(result.operation).toBe('updated');
    expect(await repo.git(['rev-parse', `${BRANCH}^`])).toBe(docs);
    expect(await repo.git(['show', `${BRANCH}:envs/prod/kustomization.yaml`])).toContain('newTag: "1.5.0"');
  });

  it('asks a reviewer once: one who has reviewed (and so left the requested list) is not asked again', async () => {
    await run({ reviewers: 'alice', 'team-reviewers': 'platform' });
    const stored = forge.changes[0];
    if (!stored) throw new Error('no PR');
    stored.reviewers = [];
    stored.teamReviewers = [];
    await repo.commit({ 'envs/staging/kustomization.yaml': kustomization('1.5.0') }, 'staging 1.5.0');
    await run({ reviewers: 'alice, carol', 'team-reviewers': 'platform' });
    expect(forge.writes.filter((write) => write.startsWith('reviewers'))).toEqual(['reviewers #1 alice,platform', 'reviewers #1 carol']);
  });

  it('rebuilds on a moved base even when the value is the same', async () => {
    await run();
    const moved = await repo.commit({ 'README.md': 'envs v2\n' }, 'unrelated');
    const { result } = await run();
    expect(result.operation).toBe('updated');
    expect(await repo.git(['rev-parse', `${BRANCH}^`])).toBe(moved);
  });

  it('10 concurrent runs of one promotion: one branch commit, one PR, every run succeeds', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => run()));
    const operations = results.map((r) => r.result.operation);
    // Exactly one run opens it; the others find it (and may add the labels the first had not yet added).
    expect(operations.filter((operation) => operation === 'created')).toHaveLength(1);
    expect(operations.every((operation) => ['created', 'unchanged', 'updated'].includes(operation))).toBe(true);
    expect(forge.changes[0]?.labels).toEqual(['promotion', 'prod']);
    expect(forge.changes).toHaveLength(1);
    expect(await repo.git(['rev-list', '--count', `main..${BRANCH}`])).toBe('1');
    expect(new Set(results.map((r) => r.result.number))).toEqual(new Set([1]));
  });

  it('takes an explicit tag@digest, and refuses targets that match nothing without pushing', async () => {
    const digest = `sha256:${'b'.repeat(64)}`;
    const { result } = await run({ 'source-files': '', tag: `2.0.0@${digest}` });
    expect(result.value).toBe(`2.0.0@${digest}`);
    expect(await repo.git(['show', `${BRANCH}:envs/prod/kustomization.yaml`])).toContain(`digest: ${digest}`);
    await expect(run({ image: 'ghcr.io/acme/other', branch: 'promo/other' })).rejects.toThrow(/Image ghcr.io\/acme\/other is not (referenced|set)/);
    expect(headOf(repo, 'promo/other')).toBeUndefined();
  });

  it('validates branch and base as git would before anything is fetched or pushed, with the message every step gives', async () => {
    const main = headOf(repo, 'main');
    const platform = new FakePlatform();
    await expect(run({ branch: '--upload-pack=touch /tmp/pwned' }, platform)).rejects.toThrow(/Input 'branch' is not a valid branch name: "--upload-pack=touch \/tmp\/pwned" \(git check-ref-format refuses it\)/);
    await expect(run({ branch: 'promo..prod' })).rejects.toThrow(/Input 'branch' is not a valid branch name: "promo\.\.prod"/);
    await expect(run({ base: 'main..x' })).rejects.toThrow(/Input 'base' is not a valid branch name: "main\.\.x"/);
    await expect(run({ base: 'release', branch: 'release' })).rejects.toThrow(/Input 'branch' is the base branch itself \(release\)/);
    expect(platform.log).not.toMatch(/Pushed|token/i);
    expect(headOf(repo, 'main')).toBe(main);
    expect(await repo.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).toBe('refs/heads/main');
    expect(forge.writes).toEqual([]);
  });

  it('a missing base or repository is a clear error, and nothing is opened', async () => {
    await expect(run({ base: 'release' })).rejects.toThrow(/Base branch release does not exist/);
    await expect(run({ 'repository-url': `${repo.dir}-missing` })).rejects.toThrow(/git ls-remote origin failed/);
    expect(forge.changes).toEqual([]);
  });

  it('dry run: reports what it would do, pushes and writes nothing', async () => {
    const { result, platform } = await run({ 'dry-run': 'true' });
    expect(result).toMatchObject({ operation: 'created', dryRun: true });
    expect(headOf(repo, BRANCH)).toBeUndefined();
    expect(forge.writes).toEqual([]);
    expect(platform.lines.join('\n')).toMatch(/Dry run: would open a pull request/);
  });

  it('refuses source files that disagree, naming each value', async () => {
    await repo.commit({ 'envs/staging/extra.yaml': `image: ${IMAGE}:1.3.0\n` });
    await expect(run({ 'source-files': 'envs/staging/*.yaml' })).rejects.toThrow(/2 different values .*"1.3.0".*"1.4.2"|2 different values .*"1.4.2".*"1.3.0"/);
  });
});
