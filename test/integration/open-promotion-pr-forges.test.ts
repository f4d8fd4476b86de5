/**
 * open-promotion-pr in process against both real forge clients (Octokit, gitbeaker) and the
 * stateful nock fakes of their APIs, which refuse what GitHub and GitLab refuse; git is a real
 * repository whose refs the fakes read. Each behaviour of the step runs on both forges.
 */
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateOpenPromotionPrInputs, type OpenPromotionPrInputs } from '../../packages/core/src/steps/open-promotion-pr/config';
import { runOpenPromotionPr } from '../../packages/core/src/steps/open-promotion-pr/run';
import { openPromotionPrSpec } from '../../packages/core/src/steps/open-promotion-pr/spec';
import { createTestRepo, type TestRepo } from '../support/argocd-git-repo';
import { FakePlatform } from '../support/fake-platform';
import { createGitHubApiFake, type GitHubApiFake } from '../support/github-api-fake';
import { createGitLabApiFake, type GitLabApiFake } from '../support/gitlab-api-fake';
import { useHermeticGitEnv } from '../support/hermetic-git-env';

useHermeticGitEnv();
beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => nock.enableNetConnect());

const TOKEN = 'forge-token-5f1e9a';
const IMAGE = 'ghcr.io/acme/app';
const BRANCH = 'gitops-promote/prod/ghcr.io-acme-app';
const kustomization = (tag: string) => `images:\n  - name: ${IMAGE}\n    newTag: ${tag} # CI\n`;

/** One view of either fake, in the step's terms. */
interface Api {
  changes(): Array<{ number: number; title: string; body: string; state: string; labels: string[]; reviewers: string[]; draft: boolean }>;
  comments(): string[];
  writes(): number;
  requests(): number;
  autoMergePinnedTo(): string | undefined;
  stop(): void;
}

function gitHubApi(fake: GitHubApiFake): Api {
  return {
    changes: () => fake.pulls.map((p) => ({ number: p.number, title: p.title, body: p.body ?? '', state: p.state, labels: p.labels, reviewers: p.reviewers, draft: p.draft })),
    comments: () => fake.comments.map((c) => c.body),
    writes: () => fake.writes(),
    requests: () => fake.requests.length,
    autoMergePinnedTo: () => (fake.pulls[0]?.autoMerge ? fake.pulls[0].headSha : undefined),
    stop: () => fake.stop(),
  };
}

const GITLAB_USERS = [{ id: 7, username: 'alice' }];
function gitLabApi(fake: GitLabApiFake): Api {
  const name = (id: number) => GITLAB_USERS.find((user) => user.id === id)?.username ?? String(id);
  return {
    changes: () =>
      fake.mergeRequests.map((mr) => ({
        number: mr.iid,
        title: mr.title.replace(/^Draft: /, ''),
        body: mr.description,
        state: mr.state === 'opened' ? 'open' : mr.state,
        labels: mr.labels,
        reviewers: mr.reviewer_ids.map(name),
        draft: /^Draft: /.test(mr.title),
      })),
    comments: () => fake.notes.map((note) => note.body),
    writes: () => fake.writes().length,
    requests: () => fake.requests.length,
    autoMergePinnedTo: () => fake.mergeRequests[0]?.auto_merge_sha,
    stop: () => fake.stop(),
  };
}

const FORGES = [
  {
    forge: 'github' as const,
    apiUrl: 'https://api.github.test',
    repository: 'acme/envs',
    start: (gitDir: string, options: { pipelines?: boolean } = {}) =>
      gitHubApi(createGitHubApiFake({ origin: 'https://api.github.test', owner: 'acme', repo: 'envs', gitDir, token: TOKEN, collaborators: ['alice'], ...(options.pipelines === false ? { autoMerge: 'not-allowed' as const } : {}) })),
  },
  {
    forge: 'gitlab' as const,
    apiUrl: 'https://gitlab.test/api/v4',
    repository: 'acme/platform/envs',
    start: (gitDir: string, options: { pipelines?: boolean } = {}) =>
      gitLabApi(createGitLabApiFake({ origin: 'https://gitlab.test', projectPath: 'acme/platform/envs', projectId: 9, gitDir, token: TOKEN, users: GITLAB_USERS, pipelines: options.pipelines ?? true })),
  },
];

describe.each(FORGES)('open-promotion-pr on $forge (real client, nock API, real git)', ({ forge, apiUrl, repository, start }) => {
  let repo: TestRepo;
  let api: Api;

  beforeEach(async () => {
    repo = await createTestRepo({ 'envs/staging/kustomization.yaml': kustomization('1.4.2'), 'envs/prod/kustomization.yaml': kustomization('1.4.1') });
    api = start(join(repo.dir, '.git'));
  });
  afterEach(async () => {
    api.stop();
    nock.cleanAll();
    await repo.remove();
  });

  const run = async (overrides: Partial<OpenPromotionPrInputs> = {}, platform = new FakePlatform()) => {
    const blank = Object.fromEntries(openPromotionPrSpec.inputs.map((input) => [input.name, ''])) as OpenPromotionPrInputs;
    const inputs: OpenPromotionPrInputs = {
      ...blank,
      platform: forge,
      repository,
      'repository-url': repo.dir,
      'api-url': apiUrl,
      token: TOKEN,
      image: IMAGE,
      'source-files': 'envs/staging/kustomization.yaml',
      files: 'envs/prod/kustomization.yaml',
      environment: 'prod',
      reviewers: 'alice',
      ...overrides,
    };
    const config = validateOpenPromotionPrInputs(inputs, {});
    const result = await runOpenPromotionPr(config, platform, { fetch: globalThis.fetch, retryDelayScale: 0, backoff: { minDelayMs: 5, maxDelayMs: 50 } });
    return { result, platform };
  };

  it('created → unchanged (no write, ≤ 3 requests) → updated (same one) → closed with a comment', async () => {
    const created = await run();
    expect(created.result).toMatchObject({ operation: 'created', number: 1, previous: ['1.4.1'], value: '1.4.2' });
    const [change] = api.changes();
    expect(change).toMatchObject({ title: `Promote ${IMAGE} 1.4.2 to prod`, labels: expect.arrayContaining(['promotion', 'prod']), reviewers: ['alice'], draft: false });
    expect(change?.body).toContain('| envs/prod/kustomization.yaml | 3 | `images[0].newTag` | `1.4.1` | `1.4.2` |');

    const writes = api.writes();
    const requests = api.requests();
    expect((await run()).result.operation).toBe('unchanged');
    expect(api.writes()).toBe(writes);
    expect(api.requests() - requests).toBeLessThanOrEqual(3);

    await repo.commit({ 'envs/staging/kustomization.yaml': kustomization('1.5.0') });
    const updated = await run();
    expect(updated.result).toMatchObject({ operation: 'updated', number: 1, value: '1.5.0' });
    expect(api.changes()).toHaveLength(1);
    expect(api.changes()[0]?.title).toBe(`Promote ${IMAGE} 1.5.0 to prod`);
    expect(api.changes()[0]?.reviewers).toEqual(['alice']);

    await repo.commit({ 'envs/prod/kustomization.yaml': kustomization('1.5.0') }, 'prod set by hand');
    const closed = await run();
    expect(closed.result).toMatchObject({ operation: 'closed', number: 1 });
    expect(api.changes()[0]?.state).toBe('closed');
    expect(api.comments().join('\n')).toMatch(/main already runs 1\.5\.0 in prod/);
  });

  it('10 concurrent runs of the same promotion open exactly one', async () => {
    const runs = await Promise.all(Array.from({ length: 10 }, () => run()));
    expect(runs.filter((r) => r.result.operation === 'created')).toHaveLength(1);
    expect(new Set(runs.map((r) => r.result.number))).toEqual(new Set([1]));
    expect(api.changes()).toHaveLength(1);
    expect(await repo.git(['rev-list', '--count', `main..${BRANCH}`])).toBe('1');
  });

  it('draft and auto-merge pinned to the pushed head; a forge that refuses auto-merge gives a warning, not a failure', async () => {
    const { result } = await run({ draft: 'true', 'auto-merge': 'true', 'merge-method': 'squash' });
    expect(result.operation).toBe('created');
    expect(api.changes()[0]?.draft).toBe(true);
    expect(api.autoMergePinnedTo()).toBe(result.headSha);
    api.stop();
    nock.cleanAll();
    api = start(join(repo.dir, '.git'), { pipelines: false });
    await repo.commit({ 'envs/staging/kustomization.yaml': kustomization('1.6.0') });
    const platform = new FakePlatform();
    await run({ 'auto-merge': 'true', branch: 'promo/second' }, platform);
    expect(platform.lines.join('\n')).toMatch(/warning: Auto-merge was not enabled for (pull|merge) request #1: /);
  });

  it('sign-commits: the forge makes the commit, on the branch, with our trailers', async () => {
    const { result } = await run({ 'sign-commits': 'true' });
    expect(result).toMatchObject({ operation: 'created', verified: true });
    expect(await repo.git(['rev-parse', BRANCH])).toBe(result.headSha);
    expect(await repo.git(['show', `${BRANCH}:envs/prod/kustomization.yaml`])).toBe(kustomization('1.4.2').trimEnd());
    expect(await repo.git(['log', '-1', '--format=%(trailers:key=Gitops-Promote-Value,valueonly)', BRANCH])).toBe('1.4.2');
  });

  it('a refused token: a clear error with a hint, nothing pushed, the token in no message', async () => {
    const error = await run({ token: 'not-the-token-77' }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Error);
    const { message, hint } = error as Error & { hint: string };
    expect(message).toMatch(/401|token/i);
    expect(hint.length).toBeGreaterThan(10);
    expect(`${message}${hint}`).not.toContain('not-the-token-77');
    await expect(repo.git(['rev-parse', '--verify', '--quiet', `refs/heads/${BRANCH}`])).rejects.toThrow();
  });

  it('a push refused by the server (protected branch) fails naming it, and opens nothing', async () => {
    const hook = join(repo.dir, '.git', 'hooks', 'pre-receive');
    await writeFile(hook, '#!/bin/sh\necho "GL-HOOK-ERR: branch gitops-promote/* is protected" >&2\nexit 1\n');
    await chmod(hook, 0o755);
    await repo.git(['config', 'core.hooksPath', join(repo.dir, '.git', 'hooks')]);
    await expect(run()).rejects.toThrow(/git push to gitops-promote\/prod\/ghcr\.io-acme-app was refused: .*protected/);
    expect(api.changes()).toHaveLength(0);
  });
});
