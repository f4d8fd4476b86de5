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
import { rejectionOf } from '../support/errors';
import { FakePlatform } from '../support/fake-platform';
import { createGitHubApiFake, type GitHubApiFake } from '../support/github-api-fake';
import { createGitLabApiFake, type GitLabApiFake } from '../support/gitlab-api-fake';
import { useHermeticGitEnv } from '../support/hermetic-git-env';
import { testContext } from '../support/step-context';

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
  /** The forge answers the next create, or reviewer request, with `status`, as it words that status. */
  fail(request: 'create' | 'reviewers', status: 403 | 422 | 500): void;
  stop(): void;
}

const GITHUB_DOCS = 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request';
const GITHUB_FAULTS = {
  403: { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: GITHUB_DOCS, status: '403' } },
  422: { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'PullRequest', field: 'base', code: 'invalid' }], documentation_url: GITHUB_DOCS, status: '422' } },
  500: { status: 500, body: { message: 'Server Error' } },
};
const GITLAB_FAULTS = {
  403: { status: 403, body: { message: '403 Forbidden' } },
  422: { status: 422, body: { message: ['Target branch "main" does not exist'] } },
  500: { status: 500, body: { message: '500 Internal Server Error' } },
};

function gitHubApi(fake: GitHubApiFake): Api {
  return {
    changes: () => fake.pulls.map((p) => ({ number: p.number, title: p.title, body: p.body ?? '', state: p.state, labels: p.labels, reviewers: p.reviewers, draft: p.draft })),
    comments: () => fake.comments.map((c) => c.body),
    writes: () => fake.writes(),
    requests: () => fake.requests.length,
    autoMergePinnedTo: () => (fake.pulls[0]?.autoMerge ? fake.pulls[0].headSha : undefined),
    fail: (request, status) => {
      // Octokit resends a 5xx three times: every attempt fails, as during an outage.
      for (let attempt = 0; attempt < (status === 500 ? 4 : 1); attempt++) {
        fake.failNext('POST', request === 'create' ? /\/pulls$/ : /\/pulls\/\d+\/requested_reviewers$/, GITHUB_FAULTS[status]);
      }
    },
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
    fail: (request, status) => {
      // A POST is not resent on a 5xx (GitLab may have acted on it); reviewers go by PUT with reviewer_ids.
      if (request === 'create') fake.failNext('POST', /\/merge_requests$/, GITLAB_FAULTS[status]);
      else fake.failNext('PUT', /\/merge_requests\/\d+$/, GITLAB_FAULTS[status], (body) => body['reviewer_ids'] !== undefined);
    },
    stop: () => fake.stop(),
  };
}

/** A platform that runs `hook` (another run) once, when the step enters the log group `at`. */
class InterleavingPlatform extends FakePlatform {
  constructor(
    private readonly at: RegExp,
    private hook: (() => Promise<unknown>) | undefined,
  ) {
    super();
  }

  override async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    const hook = this.at.test(title) ? this.hook : undefined;
    if (hook) {
      this.hook = undefined;
      await hook();
    }
    return super.group(title, fn);
  }
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
    const result = await runOpenPromotionPr(config, platform, testContext({ fetch: globalThis.fetch, retryDelayScale: 0, backoff: { minDelayMs: 5, maxDelayMs: 50 } }));
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
    const error = await rejectionOf(run({ token: 'not-the-token-77' }));
    expect(error).toBeInstanceOf(Error);
    const { message, hint } = error as Error & { hint: string };
    expect(message).toMatch(/401|token/i);
    expect(hint.length).toBeGreaterThan(10);
    expect(`${message}${hint}`).not.toContain('not-the-token-77');
    await expect(repo.git(['rev-parse', '--verify', '--quiet', `refs/heads/${BRANCH}`])).rejects.toThrow();
  });

  it('never pushes to its base: branch equal to the default branch is refused before anything is pushed or written', async () => {
    const main = await repo.git(['rev-parse', 'main']);
    await expect(run({ branch: 'main' })).rejects.toThrow(/Input 'branch' is the base branch itself \(main\)/);
    await expect(run({ branch: 'main', 'dry-run': 'true' })).rejects.toThrow(/Input 'branch' is the base branch itself/);
    expect(await repo.git(['rev-parse', 'main'])).toBe(main);
    expect(api.writes()).toBe(0);
    expect(api.changes()).toHaveLength(0);
  });

  it.each([
    ['while it pushed (its lease lost)', /^Updating branch /],
    ['after it pushed, before it wrote the change request', /^Updating the (pull|merge) request/],
  ])('a run superseded by another value %s says so, exits 0, and describes the branch as it is', async (_when, at) => {
    const platform = new InterleavingPlatform(at, () => run({ 'source-files': '', tag: '3.0.1' }));
    const { result } = await run({ 'source-files': '', tag: '3.0.0' }, platform);
    const head = await repo.git(['rev-parse', BRANCH]);
    expect(await repo.git(['show', `${BRANCH}:envs/prod/kustomization.yaml`])).toBe(kustomization('3.0.1').trimEnd());
    expect(result).toMatchObject({ operation: 'superseded', number: 1, value: '3.0.1', headSha: head });
    expect(api.changes()).toHaveLength(1);
    expect(api.changes()[0]?.title).toBe(`Promote ${IMAGE} 3.0.1 to prod`);
    expect(api.changes()[0]?.body).toContain('`3.0.1` |');
    expect(api.changes()[0]?.body).not.toContain('3.0.0');
    expect(platform.log).toMatch(new RegExp(`warning: Superseded: ${BRANCH} was replaced while this run worked and holds ${IMAGE} 3\\.0\\.1 at ${head.slice(0, 12)}`));
  });

  it('a reviewer request the forge refused is not recorded as made: the next run asks again', async () => {
    api.fail('reviewers', 403);
    await expect(run()).rejects.toThrow(/403|forbidden|not accessible/i);
    expect(api.changes()[0]?.reviewers).toEqual([]);
    expect(api.changes()[0]?.body).not.toContain('requested=');
    const { result } = await run();
    expect(result.operation).toBe('updated');
    expect(api.changes()[0]?.reviewers).toEqual(['alice']);
    expect(api.changes()[0]?.body).toContain('<!-- gitops-promote requested=alice -->');
    expect((await run()).result.operation).toBe('unchanged');
  });

  it.each([403, 422, 500] as const)('the forge failing to open the change request (%i) deletes the branch this run created; the next run starts over', async (status) => {
    const main = await repo.git(['rev-parse', 'main']);
    api.fail('create', status);
    await expect(run()).rejects.toThrow();
    await expect(repo.git(['rev-parse', '--verify', '--quiet', `refs/heads/${BRANCH}`])).rejects.toThrow();
    expect(await repo.git(['rev-parse', 'main'])).toBe(main);
    expect(api.changes()).toHaveLength(0);
    expect((await run()).result).toMatchObject({ operation: 'created', number: 1 });
  });

  it('a branch it cannot delete is named in the error; a branch it did not create is never deleted', async () => {
    const hook = join(repo.dir, '.git', 'hooks', 'pre-receive');
    await writeFile(hook, '#!/bin/sh\nwhile read old new ref; do [ "$new" = 0000000000000000000000000000000000000000 ] && { echo "deleting branches is not allowed" >&2; exit 1; }; done\nexit 0\n');
    await chmod(hook, 0o755);
    await repo.git(['config', 'core.hooksPath', join(repo.dir, '.git', 'hooks')]);
    api.fail('create', 403);
    const error = await rejectionOf(run());
    const pushed = await repo.git(['rev-parse', BRANCH]);
    expect((error as Error).message).toContain(`The branch ${BRANCH} this run pushed (${pushed.slice(0, 12)}) could not be deleted`);
    expect((error as Error).message).toMatch(/deleting branches is not allowed/);

    // The branch exists before the next run (which rebuilds it on a new base): it is not this run's to delete.
    await repo.git(['config', '--unset', 'core.hooksPath']);
    const moved = await repo.commit({ 'README.md': 'moved\n' }, 'base moves');
    api.fail('create', 403);
    await expect(run()).rejects.toThrow(/403|forbidden|not accessible/i);
    expect(await repo.git(['rev-parse', `${BRANCH}^`])).toBe(moved);
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
