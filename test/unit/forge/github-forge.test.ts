import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { components } from '@octokit/openapi-types';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ForgeError } from '../../../packages/core/src/forge/errors';
import type { ChangeRequest, Forge, ForgeOptions } from '../../../packages/core/src/forge/forge';
import { createGitHubForge, gitHubGraphqlUrl } from '../../../packages/core/src/forge/github-forge';
import { startApiRelay } from '../../support/api-relay';
import { failureOf } from '../../support/errors';
import { validatingFetch } from '../../support/github-openapi';
import { createGitHubApiFake, createGitHubJson, fakePull, type GitHubApiFake, type GitHubApiFakeOptions } from '../../support/github-api-fake';
import { gitIdentity, hermeticGitEnv, useHermeticGitEnv } from '../../support/hermetic-git-env';

useHermeticGitEnv();

const TOKEN = 'ghs_s3cretTokenValue0123456789';
const API = 'https://api.github.com';
const OWNER = 'acme';
const REPO = 'envs';
const json = createGitHubJson({ origin: API, owner: OWNER, repo: REPO });
const SHA_A = 'a'.repeat(40);
const SHA_B = 'b'.repeat(40);

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => {
  nock.enableNetConnect();
});

const cleanups: Array<() => void> = [];
/** What the fake or a nock below answered that GitHub's API description says GitHub never would. */
const replyProblems: string[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  nock.cleanAll();
  expect(replyProblems.splice(0), 'replies GitHub would not give').toEqual([]);
});

function forgeFor(extra: Partial<ForgeOptions> = {}): Forge & { logs: string[] } {
  const logs: string[] = [];
  const forge = createGitHubForge({
    apiUrl: API,
    token: TOKEN,
    repository: `${OWNER}/${REPO}`,
    retryDelayScale: 0,
    log: (message) => logs.push(message),
    ...extra,
    fetch: validatingFetch(extra.apiUrl ?? API, replyProblems, extra.fetch ?? globalThis.fetch),
  });
  return Object.assign(forge, { logs });
}

// ---- a real bare repository behind the fake ----

interface Seed {
  gitDir: string;
  main: string;
  mainTree: string;
  feature: string;
}

function git(gitDir: string, args: string[], input?: string, env: Record<string, string> = {}): string {
  return execFileSync('git', ['--git-dir', gitDir, ...args], {
    input,
    encoding: 'utf8',
    env: hermeticGitEnv({ ...gitIdentity('Seed', 'seed@example.com'), ...env }),
  }).trim();
}

function commitFiles(gitDir: string, files: Record<string, string>, parent: string | undefined, message: string): string {
  const index = { GIT_INDEX_FILE: join(gitDir, `seed-index-${Math.random().toString(36).slice(2)}`) };
  for (const [path, content] of Object.entries(files)) {
    const blob = git(gitDir, ['hash-object', '-w', '--stdin'], content);
    git(gitDir, ['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`], undefined, index);
  }
  const tree = git(gitDir, ['write-tree'], undefined, index);
  rmSync(index.GIT_INDEX_FILE, { force: true });
  return git(gitDir, ['commit-tree', tree, ...(parent ? ['-p', parent] : [])], message);
}

function seedRepository(): Seed {
  const dir = mkdtempSync(join(tmpdir(), 'github-forge-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const gitDir = join(dir, 'envs.git');
  execFileSync('git', ['init', '--bare', '--quiet', '--initial-branch=main', gitDir], { env: hermeticGitEnv() });
  const main = commitFiles(gitDir, { 'prod/values.yaml': 'image: app:1.0.0\n', 'README.md': 'envs\n' }, undefined, 'seed');
  git(gitDir, ['update-ref', 'refs/heads/main', main]);
  const feature = commitFiles(gitDir, { 'prod/values.yaml': 'image: app:1.1.0\n', 'README.md': 'envs\n' }, main, 'promote app 1.1.0');
  git(gitDir, ['update-ref', 'refs/heads/promote/prod', feature]);
  return { gitDir, main, mainTree: git(gitDir, ['rev-parse', `${main}^{tree}`]), feature };
}

function startFake(extra: Partial<GitHubApiFakeOptions> = {}): { fake: GitHubApiFake; seed: Seed } {
  const seed = seedRepository();
  const fake = createGitHubApiFake({
    origin: API,
    owner: OWNER,
    repo: REPO,
    gitDir: seed.gitDir,
    token: TOKEN,
    collaborators: ['alice', 'bob'],
    teams: ['platform'],
    ...extra,
  });
  cleanups.push(() => fake.stop());
  return { fake, seed };
}

async function failure(promise: Promise<unknown>): Promise<ForgeError> {
  const forgeError = await failureOf(promise, ForgeError);
  // Whatever went wrong, the token is in neither line a person reads.
  expect(`${forgeError.message}\n${forgeError.hint}`).not.toContain(TOKEN);
  return forgeError;
}

const draft = { head: 'promote/prod', base: 'main', title: 'Promote app 1.1.0 to prod', body: 'Image app:1.1.0', draft: false };

describe('reading', () => {
  it('reads the default branch and web URL of the repository', async () => {
    nock(API)
      .get('/repos/acme/envs')
      .reply(200, { ...json.fullRepository(), default_branch: 'trunk' } satisfies components['schemas']['full-repository']);
    const forge = forgeFor();
    await expect(forge.repository()).resolves.toEqual({ defaultBranch: 'trunk', webUrl: 'https://github.com/acme/envs' });
    expect(forge.requests).toBe(1);
  });

  it('looks up the open pull request by owner:head and base and maps every field', async () => {
    const pull = fakePull({
      number: 7,
      head: 'promote/prod',
      base: 'main',
      headSha: SHA_A,
      title: 'Promote',
      body: null,
      draft: true,
      labels: ['promotion', 'prod'],
      assignees: ['alice'],
      reviewers: ['bob'],
      teams: ['platform'],
      autoMerge: 'squash',
    });
    nock(API)
      .get('/repos/acme/envs/pulls')
      .query({ state: 'open', head: 'acme:promote/prod', base: 'main', per_page: '10' })
      .reply(200, [json.pullSimple(pull)] satisfies Array<components['schemas']['pull-request-simple']>);
    const found = await forgeFor().findOpen('promote/prod', 'main');
    expect(found).toEqual<ChangeRequest>({
      number: 7,
      url: 'https://github.com/acme/envs/pull/7',
      title: 'Promote',
      body: '',
      head: 'promote/prod',
      base: 'main',
      headSha: SHA_A,
      draft: true,
      state: 'open',
      labels: ['promotion', 'prod'],
      assignees: ['alice'],
      reviewers: ['bob'],
      teamReviewers: ['platform'],
      autoMerge: true,
    });
  });

  it('answers undefined when no pull request is open', async () => {
    nock(API).get('/repos/acme/envs/pulls').query(true).reply(200, []);
    await expect(forgeFor().findOpen('promote/prod', 'main')).resolves.toBeUndefined();
  });
});

describe('create, update, close', () => {
  it('sends exactly title, head, base, body and draft', async () => {
    const pull = fakePull({ number: 3, head: draft.head, base: draft.base, headSha: SHA_A, title: draft.title, body: draft.body });
    nock(API)
      .post('/repos/acme/envs/pulls', { title: draft.title, head: draft.head, base: draft.base, body: draft.body, draft: false })
      .reply(201, json.pullFull(pull) satisfies components['schemas']['pull-request']);
    const outcome = await forgeFor().create(draft);
    expect(outcome.created).toBe(true);
    expect(outcome.change).toMatchObject({ number: 3, headSha: SHA_A, state: 'open', body: draft.body });
  });

  it('turns "a pull request already exists" into a lookup of the existing one', async () => {
    const existing = fakePull({ number: 9, head: draft.head, base: draft.base, headSha: SHA_B });
    nock(API)
      .post('/repos/acme/envs/pulls')
      .reply(422, {
        message: 'Validation Failed',
        errors: [{ resource: 'PullRequest', code: 'custom', message: 'A pull request already exists for acme:promote/prod.' }],
        documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
      } satisfies components['schemas']['validation-error'])
      .get('/repos/acme/envs/pulls')
      .query({ state: 'open', head: 'acme:promote/prod', base: 'main', per_page: '10' })
      .reply(200, [json.pullSimple(existing)]);
    const forge = forgeFor();
    const outcome = await forge.create(draft);
    expect(outcome).toMatchObject({ created: false, change: { number: 9, headSha: SHA_B } });
    expect(forge.requests).toBe(2);
  });

  it('opens, finds, updates and closes a pull request against the stateful fake', async () => {
    const { fake, seed } = startFake();
    const forge = forgeFor();
    const { change, created } = await forge.create(draft);
    expect(created).toBe(true);
    expect(change.headSha).toBe(seed.feature);
    expect(await forge.findOpen('promote/prod', 'main')).toEqual(change);

    const updated = await forge.update(change, { title: draft.title, body: 'Image app:1.1.0\n\nRebuilt' });
    expect(updated.body).toBe('Image app:1.1.0\n\nRebuilt');
    const patch = fake.requests.find((request) => request.method === 'PATCH');
    // The unchanged title is not sent.
    expect(patch?.body).toEqual({ body: 'Image app:1.1.0\n\nRebuilt' });

    const before = forge.requests;
    expect(await forge.update(updated, { title: draft.title })).toBe(updated);
    expect(forge.requests).toBe(before);

    await forge.close(updated, 'Superseded by a newer promotion.');
    expect(fake.comments).toEqual([{ id: 1, issueNumber: change.number, body: 'Superseded by a newer promotion.' }]);
    expect(fake.pulls[0]?.state).toBe('closed');
    expect(fake.requests.slice(-2).map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /repos/acme/envs/issues/1/comments',
      'PATCH /repos/acme/envs/pulls/1',
    ]);
    await expect(forge.findOpen('promote/prod', 'main')).resolves.toBeUndefined();
    expect(forge.requests).toBe(fake.requests.length);
  });

  it('lets exactly one of ten concurrent runs create the pull request; the others find it', async () => {
    const { fake } = startFake({ latencyMs: 5 });
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => forgeFor().create(draft)));
    expect(outcomes.filter((outcome) => outcome.created)).toHaveLength(1);
    expect(new Set(outcomes.map((outcome) => outcome.change.number))).toEqual(new Set([1]));
    expect(fake.pulls).toHaveLength(1);
  });

  it('says which branch is missing when the head branch is not on GitHub', async () => {
    const { fake } = startFake();
    const error = await failure(forgeFor().create({ ...draft, head: 'promote/nope' }));
    expect(error.status).toBe(422);
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('branch promote/nope does not exist');
    expect(error.hint).toContain('Push promote/nope');
    expect(fake.pulls).toHaveLength(0);
  });

  it('explains a head branch without commits beyond base', async () => {
    startFake();
    const error = await failure(forgeFor().create({ ...draft, head: 'main', base: 'main' }));
    expect(error.message).toMatch(/main has no commits that main lacks/);
  });
});

describe('labels, assignees, reviewers', () => {
  async function opened(extra: Partial<GitHubApiFakeOptions> = {}) {
    const { fake } = startFake(extra);
    const forge = forgeFor();
    const { change } = await forge.create(draft);
    return { fake, forge, change };
  }

  it('adds labels, assignees and reviewers (users and teams)', async () => {
    const { fake, forge, change } = await opened();
    await forge.addLabels(change, ['promotion', 'env/prod']);
    await forge.addAssignees(change, ['alice']);
    await forge.requestReviewers(change, ['bob'], ['platform']);
    expect(await forge.findOpen(draft.head, draft.base)).toMatchObject({
      labels: ['promotion', 'env/prod'],
      assignees: ['alice'],
      reviewers: ['bob'],
      teamReviewers: ['platform'],
    });
    const reviewRequest = fake.requests.find((request) => request.path.endsWith('/requested_reviewers'));
    expect(reviewRequest?.body).toEqual({ reviewers: ['bob'], team_reviewers: ['platform'] });
  });

  it('sends nothing for empty lists', async () => {
    const { fake, forge, change } = await opened();
    const before = fake.requests.length;
    await forge.addLabels(change, []);
    await forge.addAssignees(change, []);
    await forge.requestReviewers(change, [], []);
    expect(fake.requests.length).toBe(before);
  });

  it('retries "Could not resolve to a node" and a 404 right after the create', async () => {
    const { fake, forge, change } = await opened();
    fake.failNext('POST', /\/issues\/1\/labels$/, {
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [{ resource: 'Label', code: 'unprocessable', field: 'data', message: "Could not resolve to a node with the global id of 'PR_kwFAKE1'." }],
        documentation_url: 'https://docs.github.com/rest/issues/labels#add-labels-to-an-issue',
      },
    });
    fake.failNext('POST', /\/issues\/1\/assignees$/, { status: 404, body: { message: 'Not Found' } });
    await forge.addLabels(change, ['promotion']);
    await forge.addAssignees(change, ['alice']);
    expect(fake.pulls[0]).toMatchObject({ labels: ['promotion'], assignees: ['alice'] });
    expect(fake.requests.filter((request) => request.path.endsWith('/labels'))).toHaveLength(2);
    expect(forge.requests).toBe(fake.requests.length);
    expect(forge.logs.some((line) => line.includes('has not caught up'))).toBe(true);
  });

  it('gives up on a pull request that stays unresolvable', async () => {
    const { fake, forge, change } = await opened();
    for (let i = 0; i < 6; i++) fake.failNext('POST', /\/labels$/, { status: 404, body: { message: 'Not Found' } });
    const error = await failure(forge.addLabels(change, ['promotion']));
    expect(error.status).toBe(404);
    expect(error.message).toContain('#1');
    expect(fake.requests.filter((request) => request.path.endsWith('/labels'))).toHaveLength(5);
  });

  it('reports a reviewer who is not a collaborator without retrying', async () => {
    const { fake, forge, change } = await opened();
    const error = await failure(forge.requestReviewers(change, ['mallory'], []));
    expect(error.status).toBe(422);
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('Reviews may only be requested from collaborators');
    expect(error.hint).toContain('collaborators');
    expect(fake.requests.filter((request) => request.path.endsWith('/requested_reviewers'))).toHaveLength(1);
  });
});

describe('rate limits and server errors', () => {
  const secondary = {
    message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
  };

  it('waits out a secondary rate limit for its retry-after and retries', async () => {
    const { fake } = startFake();
    fake.failNext('POST', /\/pulls$/, { status: 403, body: secondary, headers: { 'retry-after': '3' } });
    const forge = forgeFor({ retryDelayScale: 0.05 });
    const started = Date.now();
    const { created } = await forge.create(draft);
    expect(created).toBe(true);
    // 3s scaled by 0.05.
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(forge.logs).toContain('GitHub rate limit: waiting 3s before retrying POST /repos/acme/envs/pulls');
    expect(fake.requests.filter((request) => request.method === 'POST')).toHaveLength(2);
    expect(forge.requests).toBe(2);
  });

  it('honours a bare retry-after on 429 too', async () => {
    const { fake } = startFake();
    fake.failNext('POST', /\/labels$/, { status: 429, body: { message: 'Too Many Requests' }, headers: { 'retry-after': '1' } });
    const forge = forgeFor();
    const { change } = await forge.create(draft);
    await forge.addLabels(change, ['promotion']);
    expect(fake.pulls[0]?.labels).toEqual(['promotion']);
    expect(forge.logs).toContain('GitHub rate limit: waiting 1s before retrying POST /repos/acme/envs/issues/1/labels');
  });

  it('reports a secondary rate limit that does not clear as retryable, not as a token problem', async () => {
    const { fake } = startFake();
    for (let i = 0; i < 5; i++) fake.failNext('GET', /\/repos\/acme\/envs$/, { status: 403, body: secondary, headers: { 'retry-after': '0' } });
    const forge = forgeFor();
    const error = await failure(forge.repository());
    expect(error.status).toBe(403);
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('rate limit');
    expect(error.hint).not.toContain('permissions');
    // The first answer and three waited-out retries.
    expect(forge.requests).toBe(4);
  });

  it('waits for a primary rate limit reset', async () => {
    const reset = Math.floor(Date.now() / 1000) + 2;
    nock(API)
      .get('/repos/acme/envs')
      .reply(
        403,
        { message: 'API rate limit exceeded for installation ID 1.', documentation_url: 'https://docs.github.com/rest' },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      )
      .get('/repos/acme/envs')
      .reply(200, json.fullRepository());
    const forge = forgeFor({ retryDelayScale: 0.001 });
    await expect(forge.repository()).resolves.toMatchObject({ defaultBranch: 'main' });
    expect(forge.logs.some((line) => /^GitHub rate limit: waiting [23]s before retrying GET \/repos\/acme\/envs$/.test(line))).toBe(true);
    expect(forge.requests).toBe(2);
  });

  it('resends after 5xx answers', async () => {
    nock(API).get('/repos/acme/envs').times(2).reply(502, 'Bad Gateway').get('/repos/acme/envs').reply(200, json.fullRepository());
    const forge = forgeFor();
    await expect(forge.repository()).resolves.toMatchObject({ webUrl: 'https://github.com/acme/envs' });
    expect(forge.requests).toBe(3);
  });

  it('reports a 5xx that persists as retryable', async () => {
    nock(API).get('/repos/acme/envs').times(4).reply(503, { message: 'Service Unavailable' });
    const forge = forgeFor();
    const error = await failure(forge.repository());
    expect(error).toMatchObject({ status: 503, retryable: true });
    expect(forge.requests).toBe(4);
    expect(nock.isDone()).toBe(true);
  });

  it('reports an unreachable API as retryable with status 0', async () => {
    nock(API).get('/repos/acme/envs').times(4).replyWithError({ code: 'ECONNRESET', message: 'socket hang up' });
    const error = await failure(forgeFor().repository());
    expect(error).toMatchObject({ status: 0, retryable: true });
    expect(error.message).toContain('Could not reach GitHub at https://api.github.com');
  });
});

describe('credentials and permissions', () => {
  it('401: says the token was rejected and how to pass another', async () => {
    startFake();
    const error = await failure(forgeFor({ token: 'ghp_wrongTokenValue' }).create(draft));
    expect(error.status).toBe(401);
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('GitHub rejected the token (401 Bad credentials)');
    expect(error.hint).toContain('`token`');
    expect(error.message + error.hint).not.toContain('ghp_wrongTokenValue');
  });

  it('403: names the repository and the permissions needed', async () => {
    nock(API)
      .post('/repos/acme/envs/pulls')
      .reply(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' });
    const error = await failure(forgeFor().create(draft));
    expect(error).toMatchObject({ status: 403, retryable: false });
    expect(error.message).toContain('acme/envs');
    expect(error.message).toContain('Resource not accessible by integration');
    expect(error.hint).toContain('Pull requests: write');
    expect(error.hint).toContain('Contents: write');
    expect(error.hint).toContain('selected repositories');
  });

  it('403 for Actions not allowed to open pull requests points at the setting', async () => {
    nock(API)
      .post('/repos/acme/envs/pulls')
      .reply(403, { message: 'GitHub Actions is not permitted to create or approve pull requests.' });
    const error = await failure(forgeFor().create(draft));
    expect(error.hint).toContain('Allow GitHub Actions to create and approve pull requests');
  });

  it('404 on the repository explains that private repositories look missing', async () => {
    nock(API).get('/repos/acme/envs').reply(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    const error = await failure(forgeFor().repository());
    expect(error).toMatchObject({ status: 404, retryable: false });
    expect(error.message).toContain('acme/envs');
    expect(error.hint).toContain('private repository');
  });

  it('scrubs the token and redacted text from GitHub messages', async () => {
    nock(API)
      .post('/repos/acme/envs/pulls')
      .reply(422, {
        message: 'Validation Failed',
        errors: [{ code: 'custom', message: `title echoes ${TOKEN} and hunter2` }],
        documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
      });
    const error = await failure(forgeFor({ redact: (text) => text.replaceAll('hunter2', '***') }).create(draft));
    expect(error.message).toContain('title echoes *** and ***');
    expect(error.message).not.toContain('hunter2');
  });

  it('rejects a repository name that is not owner/name', () => {
    expect(() => forgeFor({ repository: 'acme' })).toThrow(ForgeError);
  });
});

describe('auto-merge', () => {
  it('enables auto-merge pinned to the head commit', async () => {
    const { fake, seed } = startFake();
    const forge = forgeFor();
    const { change } = await forge.create(draft);
    await expect(forge.enableAutoMerge(change, 'squash')).resolves.toEqual({ enabled: true });
    expect(fake.pulls[0]?.autoMerge).toBe('squash');
    const graphql = fake.requests.find((request) => request.path === '/graphql');
    expect(graphql?.body).toMatchObject({ variables: { id: 'PR_kwFAKE1', m: 'SQUASH', head: seed.feature } });
    expect((await forge.findOpen(draft.head, draft.base))?.autoMerge).toBe(true);
  });

  it('looks up the node id of a pull request it has not seen', async () => {
    const { fake } = startFake();
    const { change } = await forgeFor().create(draft);
    const fresh = forgeFor();
    await expect(fresh.enableAutoMerge(change, 'merge')).resolves.toEqual({ enabled: true });
    expect(fake.requests.slice(-2).map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /repos/acme/envs/pulls/1',
      'POST /graphql',
    ]);
  });

  it('returns an actionable reason when the repository does not allow auto-merge', async () => {
    const { fake } = startFake({ autoMerge: 'not-allowed' });
    const forge = forgeFor();
    const { change } = await forge.create(draft);
    const outcome = await forge.enableAutoMerge(change, 'merge');
    expect(outcome.enabled).toBe(false);
    expect(outcome.enabled === false && outcome.reason).toContain('Allow auto-merge');
    expect(fake.pulls[0]?.autoMerge).toBeNull();
  });

  it('explains "clean status": the base branch has no required checks', async () => {
    startFake({ autoMerge: 'clean-status' });
    const forge = forgeFor();
    const { change } = await forge.create(draft);
    const outcome = await forge.enableAutoMerge(change, 'rebase');
    expect(outcome.enabled === false && outcome.reason).toContain('required status checks');
  });

  it('refuses when the head moved since the caller looked', async () => {
    startFake();
    const forge = forgeFor();
    const { change } = await forge.create(draft);
    const outcome = await forge.enableAutoMerge({ ...change, headSha: SHA_A }, 'merge');
    expect(outcome.enabled).toBe(false);
  });
});

describe('GitHub Enterprise Server', () => {
  it('derives the GraphQL URL for github.com, GHES and GHE.com', () => {
    expect(gitHubGraphqlUrl('https://api.github.com')).toBe('https://api.github.com/graphql');
    expect(gitHubGraphqlUrl('https://api.github.com/')).toBe('https://api.github.com/graphql');
    expect(gitHubGraphqlUrl('https://ghe.example.com/api/v3')).toBe('https://ghe.example.com/api/graphql');
    expect(gitHubGraphqlUrl('https://ghe.example.com/api/v3/')).toBe('https://ghe.example.com/api/graphql');
    expect(gitHubGraphqlUrl('https://api.acme.ghe.com')).toBe('https://api.acme.ghe.com/graphql');
  });

  it('talks REST under /api/v3 and GraphQL at /api/graphql', async () => {
    const { fake } = startFake({ origin: 'https://ghe.example.com', basePath: '/api/v3' });
    const forge = forgeFor({ apiUrl: 'https://ghe.example.com/api/v3' });
    expect(await forge.repository()).toEqual({ defaultBranch: 'main', webUrl: 'https://ghe.example.com/acme/envs' });
    const { change } = await forge.create(draft);
    expect(change.url).toBe('https://ghe.example.com/acme/envs/pull/1');
    await expect(forge.enableAutoMerge(change, 'squash')).resolves.toEqual({ enabled: true });
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /api/v3/repos/acme/envs',
      'POST /api/v3/repos/acme/envs/pulls',
      'POST /api/graphql',
    ]);
  });
});

describe('commitThroughApi', () => {
  const files = [{ path: 'prod/values.yaml', content: 'image: app:2.0.0\n' }];

  it('sends tree, commit without author, and ref creation exactly', async () => {
    const treeBody = { base_tree: SHA_A, tree: [{ path: 'prod/values.yaml', mode: '100644', type: 'blob', content: 'image: app:2.0.0\n' }] };
    nock(API)
      .post('/repos/acme/envs/git/trees', treeBody)
      .reply(201, { sha: SHA_B, truncated: false, tree: [] } satisfies components['schemas']['git-tree'])
      .post('/repos/acme/envs/git/commits', { message: 'Promote app 2.0.0', tree: SHA_B, parents: [SHA_A] })
      .reply(201, {
        sha: 'c'.repeat(40),
        node_id: 'C_1',
        url: `${json.repoApi}/git/commits/${'c'.repeat(40)}`,
        html_url: `${json.repoWeb}/commit/${'c'.repeat(40)}`,
        author: { name: 'promote-bot', email: 'bot@example.com', date: '2024-05-01T12:00:00Z' },
        committer: { name: 'GitHub', email: 'noreply@github.com', date: '2024-05-01T12:00:00Z' },
        message: 'Promote app 2.0.0',
        tree: { sha: SHA_B, url: `${json.repoApi}/git/trees/${SHA_B}` },
        parents: [{ sha: SHA_A, url: `${json.repoApi}/git/commits/${SHA_A}`, html_url: `${json.repoWeb}/commit/${SHA_A}` }],
        verification: { verified: true, reason: 'valid', signature: 'sig', payload: 'payload', verified_at: '2024-05-01T12:00:00Z' },
      } satisfies components['schemas']['git-commit'])
      .post('/repos/acme/envs/git/refs', { ref: 'refs/heads/promote/prod', sha: 'c'.repeat(40) })
      .reply(201, json.gitRef('refs/heads/promote/prod', 'c'.repeat(40)));
    const forge = forgeFor();
    const commit = await forge.commitThroughApi!({ branch: 'promote/prod', parent: SHA_A, parentTree: SHA_A, message: 'Promote app 2.0.0', files });
    expect(commit).toEqual({ sha: 'c'.repeat(40), verified: true });
    expect(nock.isDone()).toBe(true);
    expect(forge.requests).toBe(3);
  });

  it('creates a new branch with a signed commit in the real repository', async () => {
    const { fake, seed } = startFake();
    const forge = forgeFor();
    const commit = await forge.commitThroughApi!({
      branch: 'promote/staging',
      parent: seed.main,
      parentTree: seed.mainTree,
      message: 'Promote app 2.0.0 to staging',
      files,
    });
    expect(commit.verified).toBe(true);
    expect(fake.tip('promote/staging')).toBe(commit.sha);
    expect(git(seed.gitDir, ['show', `${commit.sha}:prod/values.yaml`])).toBe('image: app:2.0.0');
    // Untouched files come from the parent tree.
    expect(git(seed.gitDir, ['show', `${commit.sha}:README.md`])).toBe('envs');
    expect(git(seed.gitDir, ['rev-parse', `${commit.sha}^`])).toBe(seed.main);
    expect(git(seed.gitDir, ['log', '-1', '--format=%an|%cn|%s', commit.sha])).toBe('promote-bot|GitHub|Promote app 2.0.0 to staging');
    expect(forge.requests).toBe(3);
  });

  it('force-updates the branch it committed to before', async () => {
    const { fake, seed } = startFake();
    const forge = forgeFor();
    const commit = await forge.commitThroughApi!({
      branch: 'promote/prod',
      parent: seed.main,
      parentTree: seed.mainTree,
      message: 'Promote app 2.0.0',
      files,
      expectedHead: seed.feature,
    });
    expect(fake.tip('promote/prod')).toBe(commit.sha);
    // Rebuilt on main, replacing (not following) the old branch commit.
    expect(git(seed.gitDir, ['rev-parse', `${commit.sha}^`])).toBe(seed.main);
    const patch = fake.requests.find((request) => request.method === 'PATCH');
    expect(patch).toEqual({ method: 'PATCH', path: '/repos/acme/envs/git/refs/heads%2Fpromote%2Fprod', body: { sha: commit.sha, force: true } });
  });

  it('refuses to overwrite a branch another run moved', async () => {
    const { fake, seed } = startFake();
    const error = await failure(
      forgeFor().commitThroughApi!({ branch: 'promote/prod', parent: seed.main, parentTree: seed.mainTree, message: 'm', files, expectedHead: SHA_A }),
    );
    expect(error.retryable).toBe(true);
    expect(error.message).toContain(`now points at ${seed.feature}`);
    expect(fake.tip('promote/prod')).toBe(seed.feature);
  });

  it('reports a branch another run created as retryable', async () => {
    const { fake, seed } = startFake();
    const error = await failure(
      forgeFor().commitThroughApi!({ branch: 'promote/prod', parent: seed.main, parentTree: seed.mainTree, message: 'm', files }),
    );
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('another run created the branch');
    expect(fake.tip('promote/prod')).toBe(seed.feature);
  });
});

describe('transport', () => {
  it('keeps the proxy-aware default fetch when no fetch is passed', async () => {
    // A real loopback server and a nock interceptor for the same origin: only the default
    // (undici package) fetch bypasses nock and reaches the server.
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ...json.fullRepository(), default_branch: 'from-server' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => void server.close());
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    nock(origin).get('/repos/acme/envs').reply(200, { ...json.fullRepository(), default_branch: 'from-nock' });
    const forge = createGitHubForge({ apiUrl: origin, token: TOKEN, repository: 'acme/envs', retryDelayScale: 0 });
    await expect(forge.repository()).resolves.toMatchObject({ defaultBranch: 'from-server' });
    expect(forge.requests).toBe(1);
  });
});

describe('api relay', () => {
  it('lets a child process reach the nock fake through 127.0.0.1', async () => {
    const { fake } = startFake();
    const relay = await startApiRelay(API);
    cleanups.push(() => void relay.close());
    const script =
      'const [url, token] = process.argv.slice(1);' +
      'const r = await fetch(url + "/repos/acme/envs/pulls", { method: "POST", headers: { authorization: "token " + token, "content-type": "application/json" },' +
      ' body: JSON.stringify({ title: "t", head: "promote/prod", base: "main" }) });' +
      'const body = await r.json(); console.log(JSON.stringify({ status: r.status, number: body.number, type: r.headers.get("content-type") }));';
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, relay.url, TOKEN]);
    expect(JSON.parse(stdout)).toEqual({ status: 201, number: 1, type: expect.stringContaining('application/json') });
    expect(fake.pulls).toHaveLength(1);
  });
});
