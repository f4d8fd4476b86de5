import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ForgeBranchMovedError, ForgeError } from '../../../packages/core/src/forge/errors';
import type { ChangeRequest, Forge, ForgeOptions } from '../../../packages/core/src/forge/forge';
import { createGitLabForge, type GitLabForgeExtras } from '../../../packages/core/src/forge/gitlab-forge';
import { failureOf } from '../../support/errors';
import { createGitLabApiFake, type GitLabApiFake, type GitLabApiFakeOptions } from '../../support/gitlab-api-fake';
import { gitIdentity, hermeticGitEnv, useHermeticGitEnv } from '../../support/hermetic-git-env';

useHermeticGitEnv();

const ORIGIN = 'https://gitlab.example.com';
const PROJECT = 'acme/platform/envs';
const TOKEN = 'glpat-SECRET-7f3a9c';
const FILE = 'envs/prod/values.yaml';
const USERS = [
  { id: 11, username: 'alice' },
  { id: 12, username: 'bob' },
  { id: 13, username: 'carol' },
];

interface BareRepo {
  gitDir: string;
  /** Commits `files` on top of `branch` (or of `from`), moving `branch`; returns the commit. */
  commit(branch: string, files: Record<string, string>, from?: string): string;
  show(rev: string, path: string): string;
  git(args: readonly string[]): string;
}

const scratch: string[] = [];
let fake: GitLabApiFake | undefined;
let repo: BareRepo;

function bareRepo(): BareRepo {
  const dir = mkdtempSync(join(tmpdir(), 'gitlab-forge-test-'));
  scratch.push(dir);
  const gitDir = join(dir, 'envs.git');
  const env = hermeticGitEnv(gitIdentity('test', 'test@example.invalid'));
  const git = (args: readonly string[], input?: string, extra: Record<string, string> = {}): string =>
    execFileSync('git', args, { env: { ...env, GIT_DIR: gitDir, ...extra }, input, encoding: 'utf8' }).trim();
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', gitDir], { env });
  let indexes = 0;
  const head = (branch: string): string | undefined => {
    try {
      return git(['rev-parse', '--verify', '-q', `refs/heads/${branch}`]);
    } catch {
      return undefined;
    }
  };
  return {
    gitDir,
    git,
    commit(branch, files, from) {
      const start = from ?? head(branch);
      const index = { GIT_INDEX_FILE: join(dir, `index-${(indexes += 1)}`) };
      if (start) git(['read-tree', start], undefined, index);
      for (const [path, content] of Object.entries(files)) {
        const blob = git(['hash-object', '-w', '--stdin'], content);
        git(['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`], undefined, index);
      }
      const tree = git(['write-tree'], undefined, index);
      const commit = git(['commit-tree', tree, ...(start ? ['-p', start] : []), '-m', `edit ${branch}`]);
      git(['update-ref', `refs/heads/${branch}`, commit]);
      return commit;
    },
    show: (rev, path) => git(['show', `${rev}:${path}`]),
  };
}

function start(overrides: Partial<GitLabApiFakeOptions> = {}): GitLabApiFake {
  fake = createGitLabApiFake({ origin: ORIGIN, projectPath: PROJECT, gitDir: repo.gitDir, token: TOKEN, users: USERS, pipelines: true, ...overrides });
  return fake;
}

function forge(overrides: Partial<ForgeOptions> = {}, extras: GitLabForgeExtras = {}): Forge {
  return createGitLabForge(
    { apiUrl: `${ORIGIN}/api/v4`, token: TOKEN, repository: PROJECT, fetch: globalThis.fetch, retryDelayScale: 0, ...overrides },
    extras,
  );
}

async function failure(promise: Promise<unknown>): Promise<ForgeError> {
  const forgeError = await failureOf(promise, ForgeError);
  // Whatever went wrong, the token is never in what a person (or a log scraper) reads.
  expect(`${forgeError.message} ${forgeError.hint} ${JSON.stringify(forgeError)}`).not.toContain(TOKEN);
  return forgeError;
}

const draft = { head: 'promote/prod', base: 'main', title: 'Promote app to prod', body: 'Image app:1.2.3', draft: false };

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => {
  nock.enableNetConnect();
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  repo = bareRepo();
  repo.commit('main', { [FILE]: 'image: app:1.0.0\n', 'README.md': 'envs\n' });
  repo.commit('promote/prod', { [FILE]: 'image: app:1.2.3\n' }, repo.git(['rev-parse', 'main']));
});
afterEach(() => {
  fake?.stop();
  fake = undefined;
});

describe('repository and merge requests', () => {
  it('reads the default branch and web URL of the project', async () => {
    start({ defaultBranch: 'trunk' });
    expect(await forge().repository()).toEqual({ defaultBranch: 'trunk', webUrl: `${ORIGIN}/${PROJECT}` });
    expect(fake?.requests.map((request) => `${request.method} ${request.path}`)).toEqual([`GET /api/v4/projects/acme%2Fplatform%2Fenvs`]);
  });

  it('keeps the sub-path of a self-managed GitLab', async () => {
    start({ origin: 'https://example.com', basePath: '/gitlab/api/v4' });
    const info = await forge({ apiUrl: 'https://example.com/gitlab/api/v4/' }).repository();
    expect(info.webUrl).toBe(`https://example.com/gitlab/${PROJECT}`);
    expect(fake?.requests[0]?.path).toBe('/gitlab/api/v4/projects/acme%2Fplatform%2Fenvs');
  });

  it('takes an API URL without /api/v4 as the instance root', async () => {
    start();
    await forge({ apiUrl: ORIGIN }).repository();
    expect(fake?.requests[0]?.path).toBe('/api/v4/projects/acme%2Fplatform%2Fenvs');
  });

  it('creates a merge request and finds it again in the neutral shape', async () => {
    start();
    const gitlab = forge();
    expect(await gitlab.findOpen('promote/prod', 'main')).toBeUndefined();
    const outcome = await gitlab.create(draft);
    expect(outcome.created).toBe(true);
    expect(fake?.writes().map((request) => request.body)).toEqual([
      { source_branch: 'promote/prod', target_branch: 'main', title: 'Promote app to prod', description: 'Image app:1.2.3', remove_source_branch: true },
    ]);
    const found = await gitlab.findOpen('promote/prod', 'main');
    const expected: ChangeRequest = {
      number: 1,
      url: `${ORIGIN}/${PROJECT}/-/merge_requests/1`,
      title: 'Promote app to prod',
      body: 'Image app:1.2.3',
      head: 'promote/prod',
      base: 'main',
      headSha: repo.git(['rev-parse', 'promote/prod']),
      draft: false,
      state: 'open',
      labels: [],
      assignees: [],
      reviewers: [],
      teamReviewers: [],
      autoMerge: false,
    };
    expect(found).toEqual(expected);
    expect(outcome.change).toEqual(expected);
    const list = fake?.requests.find((request) => request.method === 'GET');
    expect(new URL(list?.path ?? '', ORIGIN).searchParams.toString()).toBe('state=opened&source_branch=promote%2Fprod&target_branch=main');
    expect(await gitlab.findOpen('promote/prod', 'release')).toBeUndefined();
  });

  it('creates drafts with the Draft: prefix, which the neutral title does not carry', async () => {
    start();
    const gitlab = forge();
    const { change } = await gitlab.create({ ...draft, draft: true });
    expect(fake?.writes()[0]?.body).toMatchObject({ title: 'Draft: Promote app to prod' });
    expect(change).toMatchObject({ title: 'Promote app to prod', draft: true });
    // Retitling a draft keeps it a draft: GitLab would turn a title without the prefix into "ready".
    const updated = await gitlab.update(change, { title: 'Promote app:1.2.4 to prod' });
    expect(fake?.writes()[1]?.body).toEqual({ title: 'Draft: Promote app:1.2.4 to prod' });
    expect(updated).toMatchObject({ title: 'Promote app:1.2.4 to prod', draft: true });
  });

  it('updates only the fields that changed, and sends nothing when none did', async () => {
    start();
    const gitlab = forge();
    const { change } = await gitlab.create(draft);
    const updated = await gitlab.update(change, { title: change.title, body: 'Image app:1.2.4' });
    expect(fake?.writes()[1]).toMatchObject({ method: 'PUT', path: '/api/v4/projects/acme%2Fplatform%2Fenvs/merge_requests/1', body: { description: 'Image app:1.2.4' } });
    expect(updated.body).toBe('Image app:1.2.4');
    const before = gitlab.requests;
    expect(await gitlab.update(updated, { title: updated.title, body: updated.body })).toBe(updated);
    expect(gitlab.requests).toBe(before);
  });

  it('closes with a note first', async () => {
    start();
    const gitlab = forge();
    const { change } = await gitlab.create(draft);
    await gitlab.close(change, 'Superseded by app:1.2.4');
    expect(fake?.writes().slice(1).map((request) => [request.method, request.path, request.body])).toEqual([
      ['POST', '/api/v4/projects/acme%2Fplatform%2Fenvs/merge_requests/1/notes', { body: 'Superseded by app:1.2.4' }],
      ['PUT', '/api/v4/projects/acme%2Fplatform%2Fenvs/merge_requests/1', { state_event: 'close' }],
    ]);
    expect(fake?.notes).toEqual([expect.objectContaining({ iid: 1, body: 'Superseded by app:1.2.4' })]);
    expect(fake?.mergeRequests[0]?.state).toBe('closed');
    expect(await gitlab.findOpen('promote/prod', 'main')).toBeUndefined();
  });

  it('turns the 409 of a lost create race into a lookup: ten runs, one merge request', async () => {
    start({ latencyMs: 5 });
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => forge().create(draft)));
    expect(outcomes.filter((outcome) => outcome.created)).toHaveLength(1);
    expect(new Set(outcomes.map((outcome) => outcome.change.number))).toEqual(new Set([1]));
    expect(fake?.mergeRequests).toHaveLength(1);
    expect(fake?.requests.filter((request) => request.method === 'POST')).toHaveLength(10);
  });

  it('reports a 409 for an open merge request into another branch instead of hiding it', async () => {
    start();
    repo.commit('release', {}, repo.git(['rev-parse', 'main']));
    await forge().create({ ...draft, base: 'release' });
    const error = await failure(forge().create(draft));
    expect(error.status).toBe(409);
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('Another open merge request already exists for this source branch: !1');
    expect(error.hint).toContain(`!1 (${ORIGIN}/${PROJECT}/-/merge_requests/1) already takes promote/prod into release`);
  });

  it('says which branch is missing when GitLab answers 422', async () => {
    start();
    const error = await failure(forge().create({ ...draft, head: 'promote/nowhere' }));
    expect(error).toMatchObject({ status: 422, retryable: false });
    expect(error.message).toContain('Source branch "promote/nowhere" does not exist');
  });
});

describe('labels, assignees and reviewers', () => {
  it('adds labels with add_labels and skips labels already there', async () => {
    start();
    const gitlab = forge();
    const { change } = await gitlab.create(draft);
    await gitlab.addLabels(change, ['promotion', 'env:prod']);
    expect(fake?.writes()[1]?.body).toEqual({ add_labels: 'promotion,env:prod' });
    const found = (await gitlab.findOpen('promote/prod', 'main')) as ChangeRequest;
    expect(found.labels).toEqual(['promotion', 'env:prod']);
    const before = fake?.writes().length;
    await gitlab.addLabels(found, ['env:prod']);
    expect(fake?.writes().length).toBe(before);
  });

  it('looks each username up once and keeps the present assignees and reviewers', async () => {
    start();
    const gitlab = forge();
    const { change } = await gitlab.create(draft);
    await gitlab.addAssignees(change, ['alice']);
    const assigned = (await gitlab.findOpen('promote/prod', 'main')) as ChangeRequest;
    expect(assigned.assignees).toEqual(['alice']);
    await gitlab.requestReviewers(assigned, ['Alice', 'bob'], ['platform-team']);
    const reviewed = (await gitlab.findOpen('promote/prod', 'main')) as ChangeRequest;
    expect(reviewed.reviewers).toEqual(['alice', 'bob']);
    expect(reviewed.teamReviewers).toEqual([]);
    await gitlab.addAssignees(reviewed, ['carol']);
    const lookups = fake?.requests.filter((request) => request.path.startsWith('/api/v4/users')).map((request) => request.path);
    expect(lookups).toEqual(['/api/v4/users?username=alice', '/api/v4/users?username=bob', '/api/v4/users?username=carol']);
    expect(fake?.writes().slice(1).map((request) => request.body)).toEqual([{ assignee_ids: [11] }, { reviewer_ids: [11, 12] }, { assignee_ids: [11, 13] }]);
    // Ids of users already on the MR come with the MR, so a fresh forge needs no lookup for them either.
    const fresh = forge();
    const current = (await fresh.findOpen('promote/prod', 'main')) as ChangeRequest;
    await fresh.addAssignees(current, ['bob']);
    expect(fake?.writes().at(-1)?.body).toEqual({ assignee_ids: [11, 13, 12] });
    // bob is already a reviewer, so his id came with the MR as well.
    expect(fake?.requests.filter((request) => request.path.startsWith('/api/v4/users'))).toHaveLength(3);
  });

  it('sends nothing for users already there or for teams alone', async () => {
    start();
    const gitlab = forge();
    const { change } = await gitlab.create(draft);
    const before = gitlab.requests;
    await gitlab.requestReviewers(change, [], ['platform-team']);
    await gitlab.addAssignees({ ...change, assignees: ['alice'] }, ['ALICE']);
    expect(gitlab.requests).toBe(before);
  });

  it('names every unknown username and changes nothing', async () => {
    start();
    const gitlab = forge();
    const { change } = await gitlab.create(draft);
    const error = await failure(gitlab.addAssignees(change, ['alice', 'mallory', 'Trent']));
    expect(error).toMatchObject({ status: 404, retryable: false });
    expect(error.message).toContain("'mallory'");
    expect(error.message).toContain("'Trent'");
    expect(error.message).not.toContain("'alice'");
    expect(error.hint).toContain('username');
    expect(fake?.writes()).toHaveLength(1);
  });
});

describe('auto-merge', () => {
  it('pins auto-merge to the head sha, with both parameter names', async () => {
    start();
    const gitlab = forge();
    const { change } = await gitlab.create(draft);
    expect(await gitlab.enableAutoMerge(change, 'squash')).toEqual({ enabled: true });
    expect(fake?.writes()[1]).toMatchObject({
      method: 'PUT',
      path: '/api/v4/projects/acme%2Fplatform%2Fenvs/merge_requests/1/merge',
      body: { sha: change.headSha, should_remove_source_branch: true, squash: true, auto_merge: true, merge_when_pipeline_succeeds: true },
    });
    expect((await gitlab.findOpen('promote/prod', 'main'))?.autoMerge).toBe(true);
    // The pipeline passes and GitLab merges: a real merge commit lands on main in the bare repository.
    fake?.runPipelines();
    expect(fake?.mergeRequests[0]?.state).toBe('merged');
    expect(repo.show('main', FILE)).toBe('image: app:1.2.3');
    expect(fake?.head('promote/prod')).toBeUndefined();
  });

  it('sends squash: false for the merge method', async () => {
    start();
    const gitlab = forge();
    const { change } = await gitlab.create(draft);
    await gitlab.enableAutoMerge(change, 'merge');
    expect(fake?.writes()[1]?.body).toMatchObject({ squash: false });
  });

  it('returns a fallback when the merge request has no pipeline to wait for', async () => {
    start({ pipelines: false });
    const gitlab = forge();
    const { change } = await gitlab.create(draft);
    const outcome = await gitlab.enableAutoMerge(change, 'merge');
    expect(outcome.enabled).toBe(false);
    const reason = outcome.enabled ? '' : outcome.reason;
    expect(reason).toContain('HTTP 405: 405 Method Not Allowed');
    expect(reason).toContain('no pipeline');
    expect(reason).toContain('by hand');
    expect(reason).toContain('add a CI pipeline');
    expect(fake?.mergeRequests[0]).toMatchObject({ state: 'opened', merge_when_pipeline_succeeds: false });
  });

  it("retries the 405 GitLab answers while a new merge request's pipeline is being created", async () => {
    start({ pipelineCreatedAfterMergeCalls: 3 });
    const log: string[] = [];
    const gitlab = forge({ log: (line) => log.push(line) });
    const { change } = await gitlab.create(draft);
    expect(await gitlab.enableAutoMerge(change, 'merge')).toEqual({ enabled: true });
    expect(fake?.writes().filter((request) => request.path.endsWith('/merge'))).toHaveLength(4);
    expect(fake?.mergeRequests[0]).toMatchObject({ state: 'opened', merge_when_pipeline_succeeds: true, auto_merge_sha: change.headSha });
    expect(log).toEqual([1, 2, 3].map((seconds) => `GitLab refused auto-merge on !1 (HTTP 405): its pipeline may still be being created; retrying in ${seconds} s.`));
  });

  it('reports the missing pipeline once the bounded retries (30 s in all) are spent', async () => {
    start({ pipelines: false });
    const log: string[] = [];
    const gitlab = forge({ log: (line) => log.push(line) });
    const { change } = await gitlab.create(draft);
    const outcome = await gitlab.enableAutoMerge(change, 'merge');
    expect(outcome.enabled ? '' : outcome.reason).toContain('the merge request has no pipeline');
    // Six waits of 1, 2, 3, 5, 8 and 11 s (scaled to 0 here), then the seventh 405 is reported.
    expect(fake?.writes().filter((request) => request.path.endsWith('/merge'))).toHaveLength(7);
    expect(log.map((line) => Number(/retrying in (\d+) s/.exec(line)?.[1])).reduce((sum, seconds) => sum + seconds, 0)).toBe(30);
  });

  it('does not wait for a pipeline on a draft merge request', async () => {
    start({ pipelines: false });
    const gitlab = forge();
    const { change } = await gitlab.create({ ...draft, draft: true });
    expect((await gitlab.enableAutoMerge(change, 'merge')).enabled).toBe(false);
    expect(fake?.writes().filter((request) => request.path.endsWith('/merge'))).toHaveLength(1);
  });

  it('refuses when the branch moved past the sha it was asked to pin', async () => {
    start();
    const gitlab = forge();
    const { change } = await gitlab.create(draft);
    repo.commit('promote/prod', { [FILE]: 'image: app:6.6.6\n' });
    const outcome = await gitlab.enableAutoMerge(change, 'merge');
    expect(outcome).toEqual({ enabled: false, reason: expect.stringContaining(`moved past ${change.headSha.slice(0, 12)}`) });
    expect(outcome.enabled ? '' : outcome.reason).toContain('SHA does not match HEAD of source branch');
    expect(fake?.mergeRequests[0]?.merge_when_pipeline_succeeds).toBe(false);
  });

  it('returns 422 "Branch cannot be merged" as a refusal', async () => {
    start();
    const gitlab = forge();
    const { change } = await gitlab.create(draft);
    fake?.failNext('PUT', /\/merge$/, { status: 422, body: { message: 'Branch cannot be merged' } });
    const outcome = await gitlab.enableAutoMerge(change, 'merge');
    expect(outcome).toEqual({ enabled: false, reason: expect.stringContaining('Branch cannot be merged') });
  });

  it('refuses the rebase method without asking GitLab', async () => {
    start();
    const gitlab = forge();
    const { change } = await gitlab.create(draft);
    const before = gitlab.requests;
    expect(await gitlab.enableAutoMerge(change, 'rebase')).toEqual({
      enabled: false,
      reason: 'GitLab has no rebase merge method per request; set the project merge method',
    });
    expect(gitlab.requests).toBe(before);
  });
});

describe('errors', () => {
  it('explains a refused token (401) without the token', async () => {
    start();
    const error = await failure(forge({ token: 'glpat-WRONG-token' }).repository());
    expect(error).toMatchObject({ status: 401, retryable: false });
    expect(error.message).toContain('invalid, expired or revoked');
    expect(error.message).toContain('401 Unauthorized');
    expect(error.hint).toContain('`api` scope');
    expect(`${error.message}${error.hint}`).not.toContain('glpat-WRONG-token');
  });

  it('sends a CI job token as JOB-TOKEN and says what job tokens cannot do', async () => {
    start();
    await forge({}, { jobToken: true }).repository();
    expect(fake?.requests[0]?.headers['job-token']).toBe(TOKEN);
    expect(fake?.requests[0]?.headers['private-token']).toBeUndefined();
    fake?.failNext('POST', /merge_requests$/, { status: 403, body: { message: '403 Forbidden' } });
    const error = await failure(forge({}, { jobToken: true }).create(draft));
    expect(error).toMatchObject({ status: 403, retryable: false });
    expect(error.hint).toContain('CI_JOB_TOKEN');
  });

  it('sends an access token as PRIVATE-TOKEN and explains 403 with the role and scope needed', async () => {
    start();
    fake?.failNext('POST', /merge_requests$/, { status: 403, body: { message: '403 Forbidden' } });
    const error = await failure(forge().create(draft));
    expect(fake?.requests[0]?.headers['private-token']).toBe(TOKEN);
    expect(error.message).toContain('403 Forbidden');
    expect(error.hint).toContain('Developer role');
  });

  it('says a 404 project may be missing or invisible to the token', async () => {
    start();
    const error = await failure(forge({ repository: 'acme/missing' }).findOpen('promote/prod', 'main'));
    expect(error).toMatchObject({ status: 404, retryable: false });
    expect(error.message).toContain('acme/missing');
    expect(error.message).toContain('does not exist, or the token cannot see it');
    expect(error.hint).toContain('member');
  });

  it('passes messages through redact', async () => {
    start();
    fake?.failNext('GET', /projects/, { status: 400, body: { message: { title: ['mentions internal-host-7'] } } });
    const error = await failure(forge({ redact: (text) => text.split('internal-host-7').join('***') }).repository());
    expect(error.message).toContain('title mentions ***');
    expect(error.message).not.toContain('internal-host-7');
  });

  it('waits out a 429 for as long as Retry-After says, logging it, and counts every attempt', async () => {
    start();
    const log: string[] = [];
    fake?.failNext('GET', /projects/, { status: 429, body: { message: 'Retry later' }, headers: { 'retry-after': '20' } });
    fake?.failNext('GET', /projects/, { status: 429, body: { message: 'Retry later' }, headers: { 'retry-after': '0' } });
    const gitlab = forge({ retryDelayScale: 0.01, log: (line) => log.push(line) });
    const started = Date.now();
    expect((await gitlab.repository()).defaultBranch).toBe('main');
    // 20 s scaled by 0.01: the wait was Retry-After's, not a fixed backoff.
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(gitlab.requests).toBe(3);
    expect(fake?.requests).toHaveLength(3);
    expect(log).toEqual([expect.stringContaining('HTTP 429; retrying in 20s (retry 1 of 3)'), expect.stringContaining('retrying in 0s (retry 2 of 3)')]);
  });

  it('gives up after three retries with a retryable 429', async () => {
    start();
    for (let i = 0; i < 4; i += 1) fake?.failNext('GET', /projects/, { status: 429, headers: { 'retry-after': '0' } });
    const gitlab = forge();
    const error = await failure(gitlab.repository());
    expect(error).toMatchObject({ status: 429, retryable: true });
    expect(gitlab.requests).toBe(4);
  });

  it('retries a 502 on GET but not on POST, where GitLab may have acted', async () => {
    start();
    const gitlab = forge();
    fake?.failNext('GET', /projects/, { status: 502, body: { message: 'Bad Gateway' } });
    await gitlab.repository();
    expect(gitlab.requests).toBe(2);
    fake?.failNext('POST', /merge_requests$/, { status: 502, body: { message: 'Bad Gateway' } });
    const error = await failure(gitlab.create(draft));
    expect(error).toMatchObject({ status: 502, retryable: true });
    expect(error.message).toContain("failed on GitLab's side");
    expect(gitlab.requests).toBe(3);
    expect(fake?.mergeRequests).toHaveLength(0);
  });

  it('does not retry a 500 but marks it retryable', async () => {
    start();
    const gitlab = forge();
    fake?.failNext('GET', /projects/, { status: 500, body: { message: '500 Internal Server Error' } });
    expect(await failure(gitlab.repository())).toMatchObject({ status: 500, retryable: true });
    expect(gitlab.requests).toBe(1);
  });

  it('retries a dropped connection on GET', async () => {
    start();
    const gitlab = forge();
    fake?.failNext('GET', /projects/, { networkError: 'ECONNRESET' });
    expect((await gitlab.repository()).defaultBranch).toBe('main');
    expect(gitlab.requests).toBe(2);
  });

  it('fails a request nock does not answer as a network error, never as a hang', async () => {
    // No fake for this origin: nock refuses the connection (net connect is disabled).
    const error = await failure(forge({ apiUrl: 'https://elsewhere.example/api/v4' }).findOpen('a', 'b'));
    expect(error.status).toBe(0);
    expect(error.message).toContain('https://elsewhere.example');
  });
});

describe('commitThroughApi', () => {
  it('creates the branch with a GitLab-made, signed commit on top of the parent', async () => {
    start();
    const gitlab = forge();
    const parent = repo.git(['rev-parse', 'main']);
    const commit = await gitlab.commitThroughApi?.({
      branch: 'promote/staging',
      parent,
      parentTree: repo.git(['rev-parse', 'main^{tree}']),
      message: 'Promote app:1.2.3 to staging',
      files: [{ path: FILE, content: 'image: app:1.2.3\n' }],
    });
    expect(commit?.verified).toBe(true);
    expect(fake?.head('promote/staging')).toBe(commit?.sha);
    expect(repo.show(commit?.sha ?? '', FILE)).toBe('image: app:1.2.3');
    expect(repo.show(commit?.sha ?? '', 'README.md')).toBe('envs');
    expect(repo.git(['rev-parse', `${commit?.sha}^`])).toBe(parent);
    expect(repo.git(['log', '-1', '--format=%B', commit?.sha ?? ''])).toBe('Promote app:1.2.3 to staging');
    expect(fake?.writes()[0]).toMatchObject({
      method: 'POST',
      path: '/api/v4/projects/acme%2Fplatform%2Fenvs/repository/commits',
      body: {
        branch: 'promote/staging',
        commit_message: 'Promote app:1.2.3 to staging',
        start_sha: parent,
        force: false,
        actions: [{ action: 'update', file_path: FILE, content: 'image: app:1.2.3\n', encoding: 'text' }],
      },
    });
    expect(fake?.requests.at(-1)?.path).toBe(`/api/v4/projects/acme%2Fplatform%2Fenvs/repository/commits/${commit?.sha}/signature`);
  });

  it('replaces our earlier commit on the branch with force when expectedHead is given', async () => {
    start();
    const gitlab = forge();
    const parent = repo.git(['rev-parse', 'main']);
    const request = { branch: 'promote/staging', parent, parentTree: '', message: 'Promote', files: [{ path: FILE, content: 'image: app:1.2.3\n' }] };
    const first = await gitlab.commitThroughApi?.(request);
    const second = await gitlab.commitThroughApi?.({ ...request, files: [{ path: FILE, content: 'image: app:1.2.4\n' }], expectedHead: first?.sha });
    expect(second?.sha).not.toBe(first?.sha);
    expect(fake?.head('promote/staging')).toBe(second?.sha);
    expect(repo.git(['rev-parse', `${second?.sha}^`])).toBe(parent);
    expect(repo.show(second?.sha ?? '', FILE)).toBe('image: app:1.2.4');
    expect(fake?.writes()[1]?.body).toMatchObject({ force: true, start_sha: parent });
  });

  it('refuses to create a branch that already exists', async () => {
    start();
    const error = await failure(
      forge().commitThroughApi?.({ branch: 'promote/prod', parent: repo.git(['rev-parse', 'main']), parentTree: '', message: 'x', files: [{ path: FILE, content: 'y' }] }) ??
        Promise.resolve(),
    );
    expect(error).toMatchObject({ status: 400, retryable: false });
    expect(error.message).toContain("A branch called 'promote/prod' already exists");
    expect(fake?.head('promote/prod')).toBe(repo.git(['rev-parse', 'promote/prod']));
  });

  it('reports an unsigned commit as not verified', async () => {
    start();
    fake?.failNext('GET', /\/signature$/, { status: 404, body: { message: '404 GPG Signature Not Found' } });
    const commit = await forge().commitThroughApi?.({
      branch: 'promote/staging',
      parent: repo.git(['rev-parse', 'main']),
      parentTree: '',
      message: 'x',
      files: [{ path: FILE, content: 'image: app:2\n' }],
    });
    expect(commit?.verified).toBe(false);
    expect(fake?.head('promote/staging')).toBe(commit?.sha);
  });
});

describe('request counting', () => {
  it('sends through options.fetch, not gitbeaker\'s global fetch', async () => {
    start();
    const seen: string[] = [];
    const counting: typeof globalThis.fetch = (input, init) => {
      seen.push(String(input instanceof Request ? input.url : input));
      return globalThis.fetch(input, init);
    };
    await forge({ fetch: counting }).repository();
    expect(seen).toEqual([`${ORIGIN}/api/v4/projects/acme%2Fplatform%2Fenvs`]);
  });

  it('stops intercepting once the fake is stopped', async () => {
    start().stop();
    const error = await failure(forge().repository());
    expect(error.status).toBe(0);
    expect(fake?.requests).toHaveLength(0);
  });

  it('counts every request the forge sent', async () => {
    start();
    const gitlab = forge();
    const { change } = await gitlab.create(draft);
    await gitlab.addLabels(change, ['promotion']);
    await gitlab.addAssignees(change, ['alice']);
    await gitlab.enableAutoMerge(change, 'merge');
    expect(gitlab.kind).toBe('gitlab');
    expect(gitlab.noun).toBe('merge request');
    expect(gitlab.requests).toBe(5);
    expect(fake?.requests).toHaveLength(5);
  });
});

describe('commitThroughApi on a shared branch (fastForwardOnly) and under a race', () => {
  it('commits onto the branch head without forcing it', async () => {
    start();
    const head = repo.git(['rev-parse', 'main']);
    const commit = await forge().commitThroughApi?.({ branch: 'main', parent: head, parentTree: '', message: 'Set app:9', files: [{ path: FILE, content: 'image: app:9\n' }], expectedHead: head, fastForwardOnly: true });
    expect(repo.git(['rev-parse', `${commit?.sha}^`])).toBe(head);
    expect(fake?.head('main')).toBe(commit?.sha);
    const body = fake?.writes()[0]?.body as Record<string, unknown> | undefined;
    expect(body?.['force']).not.toBe(true);
  });

  it('a branch that moved since it was read is a lost race, retryable, and nothing is written', async () => {
    start();
    const stale = repo.git(['rev-parse', 'main']);
    const moved = repo.commit('main', { 'other.txt': 'someone else\n' });
    const error = await failure(
      forge().commitThroughApi?.({ branch: 'main', parent: stale, parentTree: '', message: 'x', files: [{ path: FILE, content: 'y\n' }], expectedHead: stale, fastForwardOnly: true }) ?? Promise.resolve(),
    );
    expect(error).toBeInstanceOf(ForgeBranchMovedError);
    expect(error.retryable).toBe(true);
    expect(error.message).toContain(`it now points at ${moved}`);
    expect(fake?.head('main')).toBe(moved);
    expect(fake?.writes()).toEqual([]);
  });
});
