/**
 * Forge.compare on both forges, against the API fakes over a real application repository with
 * tags: a tag pair, a SHA pair, a missing tag (undefined), a comparison of more than 20 commits
 * (the newest 20 and the full count), one request each; then the changelog section end to end.
 * GitHub's replies are checked against its OpenAPI description on the way in (validatingFetch)
 * and by the fake itself (stop() throws on a reply GitHub would never give).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ForgeError } from '../../../packages/core/src/forge/errors';
import type { Forge } from '../../../packages/core/src/forge/forge';
import { createGitHubForge } from '../../../packages/core/src/forge/github-forge';
import { createGitLabForge } from '../../../packages/core/src/forge/gitlab-forge';
import { loadChangelog, renderChangelog } from '../../../packages/core/src/promotion/review/changelog';
import { failureOf } from '../../support/errors';
import { createGitHubApiFake, type GitHubApiFake } from '../../support/github-api-fake';
import { validatingFetch } from '../../support/github-openapi';
import { createGitLabApiFake, type GitLabApiFake } from '../../support/gitlab-api-fake';
import { gitIdentity, hermeticGitEnv, useHermeticGitEnv } from '../../support/hermetic-git-env';

useHermeticGitEnv();

const GITHUB_API = 'https://api.github.com';
const GITLAB = 'https://gitlab.example.com';
const TOKEN = 'tok-S3cret-compare-0123456789';

let dir: string;
let envsGitDir: string;
let appGitDir: string;
/** The application's commits, oldest first: app[0] … app[29]. */
const app: string[] = [];

function git(gitDir: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', env: hermeticGitEnv({ ...gitIdentity('Seed', 'seed@example.com'), ...env }) }).trim();
}

beforeAll(() => {
  nock.disableNetConnect();
  dir = mkdtempSync(join(tmpdir(), 'forge-compare-test-'));
  envsGitDir = join(dir, 'envs.git');
  appGitDir = join(dir, 'app.git');
  for (const gitDir of [envsGitDir, appGitDir]) execFileSync('git', ['init', '-q', '--bare', '-b', 'main', gitDir], { env: hermeticGitEnv() });
  const tree = git(appGitDir, ['mktree']);
  let parent: string | undefined;
  for (let n = 1; n <= 30; n++) {
    // Every third commit by an account GitHub knows by its no-reply address.
    const author = n % 3 === 0 ? { GIT_AUTHOR_NAME: 'Octo Cat', GIT_AUTHOR_EMAIL: '583231+octocat@users.noreply.github.com' } : { GIT_AUTHOR_NAME: 'Ann Dev', GIT_AUTHOR_EMAIL: 'ann@example.com' };
    const date = { GIT_AUTHOR_DATE: `2024-05-01T12:${String(n).padStart(2, '0')}:00Z`, GIT_COMMITTER_DATE: `2024-05-01T12:${String(n).padStart(2, '0')}:00Z` };
    parent = git(appGitDir, ['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', `Change ${n} (#${n})`], { ...author, ...date });
    app.push(parent);
  }
  git(appGitDir, ['update-ref', 'refs/heads/main', parent!]);
  git(appGitDir, ['tag', '1.0.0', app[4]!]);
  git(appGitDir, ['tag', '-a', '-m', 'annotated', '1.1.0', app[7]!]);
  git(appGitDir, ['tag', '2.0.0', app[29]!]);
  git(appGitDir, ['tag', 'release/1.1', app[7]!]);
});

afterAll(() => {
  nock.enableNetConnect();
  rmSync(dir, { recursive: true, force: true });
});

const stops: Array<() => void> = [];
const replyProblems: string[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  nock.cleanAll();
  expect(replyProblems.splice(0), 'replies GitHub would not give').toEqual([]);
});

interface Setup {
  forge: Forge;
  /** Requests the fake saw. */
  seen(): number;
  repositoryUrl: string;
}

function github(): Setup & { fake: GitHubApiFake } {
  const fake = createGitHubApiFake({ origin: GITHUB_API, owner: 'acme', repo: 'envs', gitDir: envsGitDir, token: TOKEN, sourceRepositories: { 'acme/app': appGitDir } });
  stops.push(() => fake.stop());
  const forge = createGitHubForge({ apiUrl: GITHUB_API, token: TOKEN, repository: 'acme/envs', retryDelayScale: 0, fetch: validatingFetch(GITHUB_API, replyProblems) });
  return { fake, forge, seen: () => fake.requests.length, repositoryUrl: 'https://github.com/acme/app' };
}

function gitlab(): Setup & { fake: GitLabApiFake } {
  const fake = createGitLabApiFake({ origin: GITLAB, projectPath: 'acme/platform/envs', gitDir: envsGitDir, token: TOKEN, sourceProjects: { 'acme/platform/app': appGitDir } });
  stops.push(() => fake.stop());
  const forge = createGitLabForge({ apiUrl: `${GITLAB}/api/v4`, token: TOKEN, repository: 'acme/platform/envs', retryDelayScale: 0, fetch: globalThis.fetch });
  return { fake, forge, seen: () => fake.requests.length, repositoryUrl: 'https://gitlab.example.com/acme/platform/app' };
}

const forges = [
  ['GitHub', github, 'acme/app'],
  ['GitLab', gitlab, 'acme/platform/app'],
] as const;

describe.each(forges)('%s compare', (_name, setup, repository) => {
  it('lists the commits between two tags, newest first, in one request', async () => {
    const { forge, seen, repositoryUrl } = setup();
    const comparison = await forge.compare(repository, '1.0.0', '1.1.0');
    expect(seen()).toBe(1);
    expect(forge.requests).toBe(1);
    expect(comparison).toBeDefined();
    expect(comparison!.totalCommits).toBe(3);
    expect(comparison!.commits.map((commit) => commit.subject)).toEqual(['Change 8 (#8)', 'Change 7 (#7)', 'Change 6 (#6)']);
    expect(comparison!.commits[0]).toMatchObject({ sha: app[7], authorName: 'Ann Dev', url: expect.stringContaining(`${repositoryUrl}/`) });
    expect(comparison!.commits[0]!.url).toMatch(new RegExp(`/commit/${app[7]}$`));
    expect(comparison!.repositoryUrl).toBe(repositoryUrl);
    expect(comparison!.webUrl).toMatch(new RegExp(`^${repositoryUrl}(/-)?/compare/`));
  });

  it('compares two commit SHAs (short ones too)', async () => {
    const { forge } = setup();
    const comparison = await forge.compare(repository, app[9]!.slice(0, 7), app[11]!);
    expect(comparison?.commits.map((commit) => commit.sha)).toEqual([app[11], app[10]]);
    expect(comparison?.totalCommits).toBe(2);
  });

  it('compares a tag whose name holds a slash', async () => {
    const { forge } = setup();
    await expect(forge.compare(repository, '1.0.0', 'release/1.1')).resolves.toMatchObject({ totalCommits: 3 });
  });

  it('answers undefined for a tag the repository does not have', async () => {
    const { forge, seen } = setup();
    await expect(forge.compare(repository, '1.0.0', '9.9.9')).resolves.toBeUndefined();
    await expect(forge.compare(repository, 'v1.0.0', '1.1.0')).resolves.toBeUndefined();
    expect(seen()).toBe(2);
  });

  it('shows the newest 20 of a larger comparison and counts them all, in one request', async () => {
    const { forge, seen } = setup();
    const comparison = await forge.compare(repository, '1.0.0', '2.0.0');
    expect(seen()).toBe(1);
    expect(comparison?.totalCommits).toBe(25);
    expect(comparison?.commits.map((commit) => commit.sha)).toEqual(app.slice(10).reverse());
  });

  it('finds nothing new when the new value is older', async () => {
    const { forge } = setup();
    const comparison = await forge.compare(repository, '1.1.0', '1.0.0');
    expect(comparison).toMatchObject({ totalCommits: 0, commits: [] });
  });

  it('builds the changelog section from the forge, the v tags tried second', async () => {
    const { forge, seen, repositoryUrl } = setup();
    const changelog = await loadChangelog(forge, { repository, previous: ['1.0.0'], value: '2.0.0', mode: 'image' });
    expect(seen()).toBe(1);
    const section = renderChangelog(changelog, '2.0.0');
    expect(section.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(20);
    expect(section).toContain(`25 commits in [${repository}](${repositoryUrl}) from \`1.0.0\` to \`2.0.0\`, newest first:`);
    expect(section).toContain('5 more: see the [full comparison](');
    const missing = await loadChangelog(forge, { repository, previous: ['1.0.0'], value: '3.0.0', mode: 'image' });
    expect(seen()).toBe(3);
    expect(renderChangelog(missing, '3.0.0')).toContain('`1.0.0`…`3.0.0` or `v1.0.0`…`v3.0.0` not found in');
  });
});

describe('GitHub compare specifics', () => {
  it('takes the login of the account an author e-mail belongs to', async () => {
    const { forge } = github();
    const comparison = await forge.compare('acme/app', '1.0.0', '1.1.0');
    expect(comparison?.commits.map((commit) => commit.authorLogin)).toEqual([undefined, undefined, 'octocat']);
    expect(comparison?.commits[2]?.authorName).toBe('Octo Cat');
  });

  it('asks once, without paging, whatever the size', async () => {
    const { fake, forge } = github();
    await forge.compare('acme/app', '1.0.0', '2.0.0');
    expect(fake.requests.map((request) => request.path)).toEqual(['/repos/acme/app/compare/1.0.0...2.0.0']);
  });

  it('answers pages from the oldest, as GitHub does, so only the unpaged answer ends with the newest', async () => {
    const { fake } = github();
    const response = await fetch(`${GITHUB_API}/repos/acme/app/compare/1.0.0...2.0.0?per_page=10&page=3`, { headers: { authorization: `token ${TOKEN}` } });
    const body = (await response.json()) as { total_commits: number; commits: Array<{ sha: string }> };
    expect(body.total_commits).toBe(25);
    expect(body.commits.map((commit) => commit.sha)).toEqual(app.slice(25, 30));
    expect(fake.invalidReplies).toEqual([]);
  });

  it('refuses a repository name that is not owner/name, and reports a refusal other than 404', async () => {
    const { fake, forge } = github();
    const error = await failureOf(forge.compare('acme/platform/app', '1.0.0', '1.1.0'), ForgeError);
    expect(error.message).toContain('"acme/platform/app" is not a GitHub repository name.');
    fake.failNext('GET', /\/compare\//, { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' } });
    const refused = await failureOf(forge.compare('acme/app', '1.0.0', '1.1.0'), ForgeError);
    expect(refused.status).toBe(403);
    expect(refused.message).toContain('compare 1.0.0...1.1.0 in acme/app');
    expect(`${refused.message}${refused.hint}`).not.toContain(TOKEN);
  });
});

describe('GitLab compare specifics', () => {
  it('reports a project it cannot find as an error naming it, not as a missing ref', async () => {
    const { forge } = gitlab();
    const error = await failureOf(forge.compare('acme/platform/nope', '1.0.0', '1.1.0'), ForgeError);
    expect(error.status).toBe(404);
    expect(error.message).toContain('GitLab found no project acme/platform/nope to compare 1.0.0...1.1.0');
    expect(error.hint).toContain('source-repository');
  });

  it('names the application project when GitLab refuses the token there', async () => {
    const { fake, forge } = gitlab();
    fake.failNext('GET', /repository\/compare/, { status: 403, body: { message: '403 Forbidden' } });
    const error = await failureOf(forge.compare('acme/platform/app', '1.0.0', '1.1.0'), ForgeError);
    expect(error.message).toBe('GitLab refused to compare 1.0.0...1.1.0 in acme/platform/app (HTTP 403: 403 Forbidden)');
    expect(error.retryable).toBe(false);
  });

  it('sends from and to as query parameters to the URL-encoded project, and the fake answers as GitLab does', async () => {
    const { fake, forge } = gitlab();
    await forge.compare('acme/platform/app', '1.0.0', '1.1.0');
    expect(fake.requests.map((request) => request.path)).toEqual(['/api/v4/projects/acme%2Fplatform%2Fapp/repository/compare?from=1.0.0&to=1.1.0']);
    const response = await fetch(`${GITLAB}/api/v4/projects/acme%2Fplatform%2Fapp/repository/compare?from=1.0.0`, { headers: { 'private-token': TOKEN } });
    expect(response.status).toBe(400);
    const same = (await (await fetch(`${GITLAB}/api/v4/projects/acme%2Fplatform%2Fapp/repository/compare?from=1.0.0&to=1.0.0`, { headers: { 'private-token': TOKEN } })).json()) as Record<string, unknown>;
    expect(same).toMatchObject({ commit: null, commits: [], diffs: [], compare_same_ref: true });
  });
});
