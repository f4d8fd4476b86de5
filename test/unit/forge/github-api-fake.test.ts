import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubApiFake, createGitHubJson } from '../../support/github-api-fake';
import { gitHubReplyProblems, validatingFetch } from '../../support/github-openapi';

const API = 'https://api.github.com';
const DOCS = 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request';
const json = createGitHubJson({ origin: API, owner: 'acme', repo: 'envs' });
const SHA = 'a'.repeat(40);

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

// The three replies github-forge.test.ts gave before they were checked, and their valid forms.
describe('a reply GitHub would never give is reported', () => {
  it('a 422 without documentation_url', () => {
    expect(gitHubReplyProblems('POST', '/repos/acme/envs/pulls', 422, { message: 'Validation Failed', errors: [{ code: 'custom' }] })).toEqual([
      "POST /repos/acme/envs/pulls 422: (body) must have required property 'documentation_url'",
    ]);
    expect(gitHubReplyProblems('POST', '/repos/acme/envs/pulls', 422, { message: 'Validation Failed', errors: [{ code: 'custom' }], documentation_url: DOCS })).toEqual([]);
  });

  it('an entry of errors without code', () => {
    const body = { message: 'Validation Failed', documentation_url: DOCS, errors: [{ message: 'Could not resolve to a node' }] };
    expect(gitHubReplyProblems('POST', '/repos/acme/envs/issues/1/labels', 422, body)).toEqual([
      "POST /repos/acme/envs/issues/1/labels 422: /errors/0 must have required property 'code'",
    ]);
    const valid = { ...body, errors: [{ resource: 'Label', code: 'unprocessable', field: 'data', message: 'Could not resolve to a node' }] };
    expect(gitHubReplyProblems('POST', '/repos/acme/envs/issues/1/labels', 422, valid)).toEqual([]);
  });

  it('an empty string where GitHub gives a URL', () => {
    const commit = {
      sha: SHA,
      node_id: 'C_1',
      url: `${json.repoApi}/git/commits/${SHA}`,
      html_url: `${json.repoWeb}/commit/${SHA}`,
      author: { name: 'bot', email: 'bot@example.com', date: '2024-05-01T12:00:00Z' },
      committer: { name: 'bot', email: 'bot@example.com', date: '2024-05-01T12:00:00Z' },
      message: 'm',
      tree: { sha: SHA, url: '' },
      parents: [],
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    };
    expect(gitHubReplyProblems('POST', '/repos/acme/envs/git/commits', 201, commit)).toEqual(['POST /repos/acme/envs/git/commits 201: /tree/url must match format "uri"']);
    expect(gitHubReplyProblems('POST', '/repos/acme/envs/git/commits', 201, { ...commit, tree: { sha: SHA, url: `${json.repoApi}/git/trees/${SHA}` } })).toEqual([]);
  });

  it('what the fake builds for a pull request, a repository and a ref is what GitHub documents', () => {
    const pull = { number: 1, nodeId: 'PR_1', title: 't', body: null, head: 'promote/prod', base: 'main', headSha: SHA, draft: false, state: 'open' as const };
    const full = { ...pull, mergedAt: null, labels: ['promotion'], assignees: ['alice'], reviewers: ['bob'], teams: ['platform'], autoMerge: 'squash' as const };
    const fields = { ...full, createdAt: '2024-05-01T12:00:00Z', updatedAt: '2024-05-01T12:00:00Z', closedAt: null };
    expect(gitHubReplyProblems('GET', '/repos/acme/envs/pulls/1', 200, json.pullFull(fields))).toEqual([]);
    expect(gitHubReplyProblems('GET', '/repos/acme/envs/pulls', 200, [json.pullSimple(fields)])).toEqual([]);
    expect(gitHubReplyProblems('POST', '/repos/acme/envs/issues/1/assignees', 201, json.issueOf(fields))).toEqual([]);
    expect(gitHubReplyProblems('GET', '/repos/acme/envs', 200, json.fullRepository())).toEqual([]);
    expect(gitHubReplyProblems('GET', '/repos/acme/envs/git/ref/heads%2Fmain', 200, json.gitRef('refs/heads/main', SHA))).toEqual([]);
  });

  it('a path GitHub does not have', () => {
    expect(gitHubReplyProblems('GET', '/repos/acme/envs/merge_requests', 200, [])).toEqual(['GET /repos/acme/envs/merge_requests 200: no such operation in GitHub\'s REST API']);
  });
});

describe('the checks are wired in', () => {
  it('the fake refuses to stop quietly after answering what GitHub never would', async () => {
    const fake = createGitHubApiFake({ origin: API, owner: 'acme', repo: 'envs', gitDir: '/nonexistent', token: 't' });
    fake.failNext('POST', /\/pulls$/, { status: 422, body: { message: 'Validation Failed' } });
    const response = await fetch(`${API}/repos/acme/envs/pulls`, { method: 'POST', body: '{}', headers: { authorization: 'token t' } });
    expect(response.status).toBe(422);
    expect(fake.invalidReplies).toEqual(["POST /repos/acme/envs/pulls 422: (body) must have required property 'documentation_url'"]);
    expect(() => fake.stop()).toThrow(/never would:\nPOST \/repos\/acme\/envs\/pulls 422/);
  });

  it('the checking fetch reports a hand-written nock reply, and lets GraphQL (no OpenAPI description) through', async () => {
    const problems: string[] = [];
    const checked = validatingFetch(API, problems);
    nock(API).get('/repos/acme/envs').reply(404, { message: 404, documentation_url: DOCS });
    nock(API).post('/graphql').reply(200, { data: null });
    await checked(`${API}/repos/acme/envs`);
    await checked(`${API}/graphql`, { method: 'POST', body: '{}' });
    expect(problems).toEqual(['GET /repos/acme/envs 404: /message must be string']);
  });
});
