/**
 * A stateful fake of the GitHub REST (and one GraphQL) API, served through nock, for the endpoints
 * the GitHub forge uses. It answers like GitHub, including what GitHub refuses: a wrong token, a
 * second open pull request for the same head and base, a head branch that is not there, a
 * reviewer who is not a collaborator.
 *
 * Branches live in a REAL bare repository (`gitDir`): a pull request's head.sha is the branch tip
 * as git reports it, and the Git Data API endpoints write real objects and refs into it, so a test
 * can check a commit made "through the API" with git itself.
 *
 * Every handler runs its checks and updates synchronously (execFileSync for git), so concurrent
 * requests from many in-process runs cannot interleave between a check and the update it guards.
 * Only the optional latency is awaited, and it comes before any state is read.
 *
 * Every REST reply, the faults a test injects included, is checked against GitHub's OpenAPI
 * description (test/support/github-openapi.ts): stop() throws if GitHub would never have given one.
 * The interceptors are removed by stop(); a test file that calls nock.cleanAll() removes them too.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { components } from '@octokit/openapi-types';
import { createApiFakeCore, type Fault, type RecordedRequest, type Reply } from './api-fake';
import { gitHubReplyProblems } from './github-openapi';
import { hermeticGitEnv } from './hermetic-git-env';

type Schemas = components['schemas'];
type Json = Schemas['basic-error'] | Schemas['validation-error'] | object;

export type AutoMergePolicy = 'allowed' | 'not-allowed' | 'clean-status';

export interface GitHubApiFakeOptions {
  /** e.g. https://api.github.com or https://ghe.example.com */
  origin: string;
  /** '' (github.com) or '/api/v3' (GitHub Enterprise Server); GraphQL is then at /graphql or /api/graphql. */
  basePath?: string;
  owner: string;
  repo: string;
  /** Bare repository holding the branches. */
  gitDir: string;
  /** The one token accepted (as `token X` or `Bearer X`). */
  token: string;
  defaultBranch?: string;
  /** Logins that may be requested as reviewers and assigned. The token's own user is always one. */
  collaborators?: string[];
  /** Team slugs that may be requested as reviewers. */
  teams?: string[];
  /** Delay before each answer. */
  latencyMs?: number;
  /** How the GraphQL enablePullRequestAutoMerge mutation answers. Default 'allowed'. */
  autoMerge?: AutoMergePolicy;
  /** Login of the token's user: author of pull requests and API commits. Default 'promote-bot'. */
  viewer?: string;
  /**
   * Other repositories the token can read (owner/name → bare repository), for the compare
   * endpoint: the application repository whose tags a promotion's changelog compares.
   */
  sourceRepositories?: Record<string, string>;
}

export interface FakePull {
  number: number;
  nodeId: string;
  title: string;
  body: string | null;
  head: string;
  base: string;
  /** Last known head tip; answers read the live branch tip and fall back to this. */
  headSha: string;
  draft: boolean;
  state: 'open' | 'closed';
  mergedAt: string | null;
  labels: string[];
  assignees: string[];
  reviewers: string[];
  teams: string[];
  autoMerge: 'merge' | 'squash' | 'rebase' | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface FakeComment {
  id: number;
  issueNumber: number;
  body: string;
}

/** A request as the fake saw it: path and query as sent, base path included; body parsed. */
export type FakeRequest = Omit<RecordedRequest, 'headers'>;
/** An HTTP answer, or `{ networkError: 'ECONNRESET' }` for none at all. */
export type FakeFault = Fault;

export interface GitHubApiFake {
  /** The REST base to hand to the forge: origin + basePath. */
  readonly apiUrl: string;
  readonly graphqlUrl: string;
  readonly pulls: FakePull[];
  readonly comments: FakeComment[];
  readonly requests: FakeRequest[];
  /** Mutable: switch the auto-merge answer mid-test. */
  autoMerge: AutoMergePolicy;
  /** Replies GitHub's API description says GitHub never gives; stop() throws when there are any. */
  readonly invalidReplies: string[];
  /** Requests other than GET, answered or not. */
  writes(): number;
  /**
   * The next request matching method and path (base path included, query excluded; and `body`,
   * when given) gets this answer instead; one-shot, queued.
   */
  failNext(method: string, path: RegExp, fault: FakeFault, body?: (body: Record<string, unknown>) => boolean): void;
  /** Current tip of a branch in the bare repository. */
  tip(branch: string): string | undefined;
  /** Removes this fake's interceptors. */
  stop(): void;
}


class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly body: Json,
  ) {
    super(`HTTP ${status}`);
  }
}

const DOCS = 'https://docs.github.com/rest';
const FIXED_TIME = '2024-05-01T12:00:00Z';

export function createGitHubApiFake(options: GitHubApiFakeOptions): GitHubApiFake {
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const origin = options.origin.replace(/\/+$/, '');
  const { owner, repo, gitDir } = options;
  const viewer = options.viewer ?? 'promote-bot';
  const collaborators = new Set([viewer, ...(options.collaborators ?? [])]);
  const teams = new Set(options.teams ?? []);
  const repoPath = `${basePath}/repos/${owner}/${repo}`;
  const graphqlPath = basePath === '/api/v3' ? '/api/graphql' : `${basePath}/graphql`;
  const webOrigin = new URL(origin).hostname.startsWith('api.') ? origin.replace('//api.', '//') : origin;
  const apiBase = `${origin}${basePath}`;
  const repoApi = `${apiBase}/repos/${owner}/${repo}`;
  const repoWeb = `${webOrigin}/${owner}/${repo}`;
  const pulls: FakePull[] = [];
  const comments: FakeComment[] = [];
  let nextIssueId = 1;

  const git = (args: string[], input?: string, env?: Record<string, string>): string =>
    execFileSync('git', ['--git-dir', gitDir, ...args], {
      input,
      env: hermeticGitEnv(env),
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
    }).trim();
  const tryGit = (args: string[]): string | undefined => {
    try {
      return git(args);
    } catch {
      return undefined;
    }
  };
  const tip = (branch: string): string | undefined => tryGit(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`]);
  const objectType = (sha: string): string | undefined => (/^[0-9a-f]{40}$/.test(sha) ? tryGit(['cat-file', '-t', sha]) : undefined);

  const json = createGitHubJson(
    { origin, basePath, owner, repo, defaultBranch: options.defaultBranch, viewer },
    {
      tip,
      commentCount: (number) => comments.filter((comment) => comment.issueNumber === number).length,
      openCount: () => pulls.filter((pull) => pull.state === 'open').length,
      autoMergeAllowed: () => fake.autoMerge !== 'not-allowed',
    },
  );
  const { label, pullSimple, pullFull, issueOf, gitRef, fullRepository, user } = json;

  // ---- refusals, shaped as GitHub shapes them ----

  const notFound = (): Refusal => new Refusal(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
  const invalid = (errors: NonNullable<Schemas['validation-error']['errors']>, message = 'Validation Failed'): Refusal =>
    new Refusal(422, { message, errors, documentation_url: DOCS });
  const unprocessable = (message: string): Refusal => new Refusal(422, { message, documentation_url: DOCS, status: '422' });

  const pullOr404 = (number: string | undefined): FakePull => {
    const pull = pulls.find((candidate) => String(candidate.number) === number);
    if (!pull) throw notFound();
    return pull;
  };
  const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

  // ---- REST routes (paths relative to /repos/{owner}/{repo}) ----

  type Handler = (match: RegExpMatchArray, body: Record<string, unknown>, query: URLSearchParams) => Reply;
  const routes: Array<{ method: string; pattern: RegExp; handle: Handler }> = [];
  const route = (method: string, pattern: RegExp, handle: Handler) => routes.push({ method, pattern, handle });

  route('GET', /^$/, () => [200, fullRepository()]);

  route('GET', /^\/pulls$/, (_match, _body, query) => {
    const state = query.get('state') ?? 'open';
    const head = query.get('head');
    const base = query.get('base');
    const found = pulls
      .filter((pull) => state === 'all' || pull.state === state)
      .filter((pull) => head === null || `${owner}:${pull.head}` === head || (!head.includes(':') && pull.head === head))
      .filter((pull) => base === null || pull.base === base)
      .sort((a, b) => b.number - a.number);
    const perPage = Number(query.get('per_page') ?? '30');
    return [200, found.slice(0, perPage).map(pullSimple)];
  });

  route('POST', /^\/pulls$/, (_match, body) => {
    const title = stringField(body, 'title');
    const head = stringField(body, 'head');
    const base = stringField(body, 'base');
    const missing = (['title', 'head', 'base'] as const).filter((field) => ({ title, head, base })[field] === undefined);
    if (missing.length > 0) throw invalid(missing.map((field) => ({ resource: 'PullRequest', field, code: 'missing_field' })));
    const headBranch = head!.startsWith(`${owner}:`) ? head!.slice(owner.length + 1) : head!;
    const headSha = tip(headBranch);
    const baseSha = tip(base!);
    if (headSha === undefined) throw invalid([{ resource: 'PullRequest', field: 'head', code: 'invalid' }]);
    if (baseSha === undefined) throw invalid([{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
    if (pulls.some((pull) => pull.state === 'open' && pull.head === headBranch && pull.base === base)) {
      throw invalid([{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${owner}:${headBranch}.` }]);
    }
    if (git(['rev-list', '--count', `${baseSha}..${headSha}`]) === '0') {
      throw invalid([{ resource: 'PullRequest', code: 'custom', message: `No commits between ${base} and ${headBranch}` }]);
    }
    const number = pulls.length + 1;
    const created = now();
    const pull: FakePull = {
      number,
      nodeId: `PR_kwFAKE${number}`,
      title: title!,
      body: stringField(body, 'body') ?? null,
      head: headBranch,
      base: base!,
      headSha,
      draft: body['draft'] === true,
      state: 'open',
      mergedAt: null,
      labels: [],
      assignees: [],
      reviewers: [],
      teams: [],
      autoMerge: null,
      createdAt: created,
      updatedAt: created,
      closedAt: null,
    };
    pulls.push(pull);
    return [201, pullFull(pull), { location: `${repoApi}/pulls/${number}` }];
  });

  route('GET', /^\/pulls\/(\d+)$/, (match) => [200, pullFull(pullOr404(match[1]))]);

  route('PATCH', /^\/pulls\/(\d+)$/, (match, body) => {
    const pull = pullOr404(match[1]);
    const state = body['state'];
    if (state !== undefined && state !== 'open' && state !== 'closed') {
      throw invalid([{ resource: 'PullRequest', field: 'state', code: 'invalid' }]);
    }
    if (state === 'open' && pull.state === 'closed' && pulls.some((other) => other !== pull && other.state === 'open' && other.head === pull.head && other.base === pull.base)) {
      throw invalid([{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${owner}:${pull.head}.` }]);
    }
    const title = stringField(body, 'title');
    const text = stringField(body, 'body');
    if (title !== undefined) pull.title = title;
    if (text !== undefined) pull.body = text;
    if (state === 'closed' && pull.state === 'open') {
      pull.state = 'closed';
      pull.closedAt = now();
      pull.autoMerge = null;
    } else if (state === 'open') {
      pull.state = 'open';
      pull.closedAt = null;
    }
    pull.updatedAt = now();
    return [200, pullFull(pull)];
  });

  route('POST', /^\/issues\/(\d+)\/comments$/, (match, body) => {
    const pull = pullOr404(match[1]);
    const text = stringField(body, 'body');
    if (text === undefined || text === '') throw invalid([{ resource: 'IssueComment', field: 'body', code: 'missing_field' }]);
    const comment: FakeComment = { id: nextIssueId++, issueNumber: pull.number, body: text };
    comments.push(comment);
    const issue = `${repoApi}/issues/${pull.number}`;
    const answer: Schemas['issue-comment'] = {
      id: comment.id,
      node_id: `IC_${comment.id}`,
      url: `${repoApi}/issues/comments/${comment.id}`,
      body: text,
      html_url: `${repoWeb}/pull/${pull.number}#issuecomment-${comment.id}`,
      user: user(viewer),
      created_at: now(),
      updated_at: now(),
      issue_url: issue,
      author_association: 'COLLABORATOR',
    };
    return [201, answer];
  });

  route('POST', /^\/issues\/(\d+)\/labels$/, (match, body) => {
    const pull = pullOr404(match[1]);
    const labels = stringList(body, 'labels');
    if (labels === undefined) throw invalid([{ resource: 'Label', field: 'labels', code: 'invalid' }]);
    for (const name of labels) if (!pull.labels.includes(name)) pull.labels.push(name);
    return [200, pull.labels.map(label)];
  });

  route('POST', /^\/issues\/(\d+)\/assignees$/, (match, body) => {
    const pull = pullOr404(match[1]);
    const users = stringList(body, 'assignees') ?? [];
    // As GitHub does: users who cannot be assigned are dropped without an error.
    for (const login of users) if (collaborators.has(login) && !pull.assignees.includes(login)) pull.assignees.push(login);
    return [201, issueOf(pull)];
  });

  route('POST', /^\/pulls\/(\d+)\/requested_reviewers$/, (match, body) => {
    const pull = pullOr404(match[1]);
    const users = stringList(body, 'reviewers') ?? [];
    const teamSlugs = stringList(body, 'team_reviewers') ?? [];
    if (users.includes(viewer)) throw unprocessable('Review cannot be requested from pull request author.');
    if (users.some((login) => !collaborators.has(login)) || teamSlugs.some((slug) => !teams.has(slug))) {
      throw unprocessable(
        `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${owner}/${repo} repository.`,
      );
    }
    for (const login of users) if (!pull.reviewers.includes(login)) pull.reviewers.push(login);
    for (const slug of teamSlugs) if (!pull.teams.includes(slug)) pull.teams.push(slug);
    return [201, pullSimple(pull)];
  });

  route('POST', /^\/git\/trees$/, (_match, body) => {
    const baseTree = stringField(body, 'base_tree');
    const entries = body['tree'];
    if (!Array.isArray(entries)) throw invalid([{ resource: 'Tree', field: 'tree', code: 'missing_field' }]);
    if (baseTree !== undefined && objectType(baseTree) !== 'tree') throw unprocessable('base_tree is not a valid tree oid');
    const scratch = mkdtempSync(join(tmpdir(), 'github-fake-index-'));
    try {
      const env = { GIT_INDEX_FILE: join(scratch, 'index') };
      if (baseTree !== undefined) git(['read-tree', baseTree], undefined, env);
      for (const entry of entries as unknown[]) {
        const { path, mode, type, content, sha } = (entry ?? {}) as Record<string, unknown>;
        if (typeof path !== 'string' || path === '' || path.startsWith('/') || typeof mode !== 'string' || type !== 'blob') {
          throw unprocessable('tree.path, tree.mode and tree.type are required; only blobs are supported by this fake');
        }
        if (!['100644', '100755', '120000'].includes(mode)) throw unprocessable(`tree.mode ${mode} is invalid`);
        if (sha === null) {
          git(['update-index', '--force-remove', '--', path], undefined, env);
          continue;
        }
        const blob = typeof content === 'string' ? git(['hash-object', '-w', '--stdin'], content) : typeof sha === 'string' ? sha : undefined;
        if (blob === undefined || objectType(blob) !== 'blob') throw unprocessable('tree.sha is not a valid blob');
        git(['update-index', '--add', '--cacheinfo', `${mode},${blob},${path}`], undefined, env);
      }
      const treeSha = git(['write-tree'], undefined, env);
      const listing = git(['ls-tree', treeSha]);
      const answer: Schemas['git-tree'] = {
        sha: treeSha,
        url: `${repoApi}/git/trees/${treeSha}`,
        truncated: false,
        tree: listing === '' ? [] : listing.split('\n').map(treeEntry),
      };
      return [201, answer];
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  route('POST', /^\/git\/commits$/, (_match, body) => {
    const message = stringField(body, 'message');
    const tree = stringField(body, 'tree');
    const parents = stringList(body, 'parents') ?? [];
    if (message === undefined || tree === undefined) throw invalid([{ resource: 'Commit', field: message === undefined ? 'message' : 'tree', code: 'missing_field' }]);
    if (objectType(tree) !== 'tree') throw unprocessable('Tree SHA does not exist');
    if (parents.some((parent) => objectType(parent) !== 'commit')) throw unprocessable('Parent SHA does not exist or is not a commit object');
    const author = signature(body['author']);
    const committer = signature(body['committer']);
    // GitHub signs a commit it authors itself: one sent without author and committer.
    const signed = author === undefined && committer === undefined;
    const by = author ?? { name: viewer, email: `${idOf(viewer)}+${viewer}@users.noreply.github.com`, date: now() };
    const commitBy = committer ?? (signed ? { name: 'GitHub', email: 'noreply@github.com', date: by.date } : by);
    const sha = git(['commit-tree', tree, ...parents.flatMap((parent) => ['-p', parent])], message, {
      GIT_AUTHOR_NAME: by.name,
      GIT_AUTHOR_EMAIL: by.email,
      GIT_AUTHOR_DATE: by.date,
      GIT_COMMITTER_NAME: commitBy.name,
      GIT_COMMITTER_EMAIL: commitBy.email,
      GIT_COMMITTER_DATE: commitBy.date,
    });
    const payload = git(['cat-file', 'commit', sha]);
    const answer: Schemas['git-commit'] = {
      sha,
      node_id: `C_${sha}`,
      url: `${repoApi}/git/commits/${sha}`,
      html_url: `${repoWeb}/commit/${sha}`,
      author: by,
      committer: commitBy,
      message,
      tree: { sha: tree, url: `${repoApi}/git/trees/${tree}` },
      parents: parents.map((parent) => ({ sha: parent, url: `${repoApi}/git/commits/${parent}`, html_url: `${repoWeb}/commit/${parent}` })),
      verification: signed
        ? { verified: true, reason: 'valid', signature: FAKE_SIGNATURE, payload: `${payload}\n`, verified_at: by.date }
        : { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    };
    return [201, answer];
  });

  route('POST', /^\/git\/refs$/, (_match, body) => {
    const ref = stringField(body, 'ref');
    const sha = stringField(body, 'sha');
    if (ref === undefined || !/^refs\/.+/.test(ref) || ref.split('/').length < 3) throw unprocessable('Reference name must start with refs/ and have at least two slashes.');
    if (sha === undefined || objectType(sha) !== 'commit') throw unprocessable('Object does not exist');
    try {
      // The empty old value makes git refuse when the ref exists: the check and the write are one step.
      git(['update-ref', ref, sha, '']);
    } catch {
      throw unprocessable('Reference already exists');
    }
    return [201, gitRef(ref, sha), { location: `${repoApi}/git/${ref}` }];
  });

  route('GET', /^\/git\/ref\/(.+)$/, (match) => {
    const ref = `refs/${decodePath(match[1] ?? '')}`;
    const sha = tryGit(['rev-parse', '--verify', '--quiet', ref]);
    if (sha === undefined) throw notFound();
    return [200, gitRef(ref, sha)];
  });

  route('PATCH', /^\/git\/refs\/(.+)$/, (match, body) => {
    const ref = `refs/${decodePath(match[1] ?? '')}`;
    const sha = stringField(body, 'sha');
    if (sha === undefined || objectType(sha) !== 'commit') throw unprocessable('Object does not exist');
    const current = tryGit(['rev-parse', '--verify', '--quiet', ref]);
    if (current === undefined) throw unprocessable('Reference does not exist');
    if (body['force'] !== true && tryGit(['merge-base', '--is-ancestor', current, sha]) === undefined) {
      throw unprocessable('Update is not a fast forward');
    }
    git(['update-ref', ref, sha, current]);
    return [200, gitRef(ref, sha)];
  });

  // ---- GraphQL: only enablePullRequestAutoMerge ----

  const graphql = (body: Record<string, unknown>): Reply => {
    const query = stringField(body, 'query') ?? '';
    const variables = (typeof body['variables'] === 'object' && body['variables'] !== null ? body['variables'] : {}) as Record<string, unknown>;
    if (!/enablePullRequestAutoMerge/.test(query)) {
      return [200, { errors: [{ message: 'This fake only answers enablePullRequestAutoMerge' }] }];
    }
    const input = (name: string): unknown => {
      const found = new RegExp(`${name}\\s*:\\s*(?:\\$(\\w+)|"([^"]*)"|(\\w+))`).exec(query);
      if (!found) return undefined;
      return found[1] !== undefined ? variables[found[1]] : (found[2] ?? found[3]);
    };
    const failure = (type: string, message: string): Reply => [
      200,
      { data: { enablePullRequestAutoMerge: null }, errors: [{ type, path: ['enablePullRequestAutoMerge'], locations: [{ line: 2, column: 3 }], message }] },
    ];
    const id = input('pullRequestId');
    const method = input('mergeMethod');
    const pull = pulls.find((candidate) => candidate.nodeId === id);
    if (!pull) return failure('NOT_FOUND', `Could not resolve to a node with the global id of '${String(id)}'`);
    if (method !== 'MERGE' && method !== 'SQUASH' && method !== 'REBASE') {
      return [200, { errors: [{ message: `Argument 'mergeMethod' on InputObject 'EnablePullRequestAutoMergeInput' has an invalid value (${String(method)}).` }] }];
    }
    if (fake.autoMerge === 'not-allowed') return failure('UNPROCESSABLE', 'Auto merge is not allowed for this repository');
    if (fake.autoMerge === 'clean-status') return failure('UNPROCESSABLE', 'Pull request is in clean status');
    if (pull.state !== 'open') return failure('UNPROCESSABLE', 'Pull request is closed');
    const expected = input('expectedHeadOid');
    const head = tip(pull.head) ?? pull.headSha;
    if (expected !== undefined && expected !== null && expected !== head) {
      return failure('UNPROCESSABLE', `Expected head oid ${String(expected)} does not match the pull request head ${head}`);
    }
    pull.autoMerge = method === 'MERGE' ? 'merge' : method === 'SQUASH' ? 'squash' : 'rebase';
    return [200, { data: { enablePullRequestAutoMerge: { pullRequest: { autoMergeRequest: { enabledAt: now() } } } } }];
  };

  // ---- compare, in this repository or a source repository ----

  const sources = new Map(Object.entries({ ...(options.sourceRepositories ?? {}), [`${owner}/${repo}`]: gitDir }).map(([name, dir]) => [name.toLowerCase(), { name, dir }]));
  const sourceOf = (path: string): { name: string; dir: string; basehead: string } | undefined => {
    const found = new RegExp(`^${basePath}/repos/([^/]+)/([^/]+)/compare/([^/]+)$`).exec(path);
    const known = found ? sources.get(`${found[1]}/${found[2]}`.toLowerCase()) : undefined;
    return known && found ? { ...known, basehead: decodeURIComponent(found[3] ?? '') } : undefined;
  };
  const compare = (source: { name: string; dir: string; basehead: string }, query: URLSearchParams): Reply => {
    const site = createGitHubJson({ origin, basePath, owner: source.name.split('/')[0] ?? '', repo: source.name.split('/')[1] ?? '', viewer });
    return [200, compareReply(source.dir, source.basehead, query, site, notFound)];
  };

  // ---- dispatch ----

  const handle = (method: string, uri: string, body: Record<string, unknown>): Reply => {
    const url = new URL(uri, origin);
    try {
      if (url.pathname === graphqlPath) {
        if (method !== 'POST') throw notFound();
        return graphql(body);
      }
      const source = sourceOf(url.pathname);
      if (source !== undefined) return compare(source, url.searchParams);
      const rest = url.pathname.slice(repoPath.length);
      for (const candidate of routes) {
        const match = candidate.method === method ? candidate.pattern.exec(rest) : null;
        if (match) return candidate.handle(match, body, url.searchParams);
      }
      throw notFound();
    } catch (error) {
      if (error instanceof Refusal) return [error.status, error.body];
      throw error;
    }
  };

  const core = createApiFakeCore<FakeRequest>({
    origin,
    record: ({ method, path, body }) => ({ method, path, body }),
    ours: (uri) => {
      const path = uri.split('?')[0] ?? '';
      return path === graphqlPath || path === repoPath || path.startsWith(`${repoPath}/`) || sourceOf(path) !== undefined;
    },
    faultsSeeQuery: false,
    faultBody: () => '',
    authorised: (headers) => headers['authorization'] === `token ${options.token}` || headers['authorization'] === `Bearer ${options.token}`,
    unauthorised: [401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' }],
    handle,
    // GraphQL has no OpenAPI description; every REST reply must be one GitHub documents.
    check: (method, path, status, body) => (path === graphqlPath ? [] : gitHubReplyProblems(method, path.slice(basePath.length), status, body)),
    latencyMs: options.latencyMs,
  });

  const fake: GitHubApiFake = {
    apiUrl: apiBase,
    graphqlUrl: `${origin}${graphqlPath}`,
    pulls,
    comments,
    requests: core.requests,
    invalidReplies: core.invalidReplies,
    autoMerge: options.autoMerge ?? 'allowed',
    writes: () => core.writes().length,
    failNext: core.failNext,
    tip,
    stop: core.stop,
  };
  return fake;
}


export interface GitHubSite {
  origin: string;
  basePath?: string;
  owner: string;
  repo: string;
  defaultBranch?: string;
  viewer?: string;
}

/** What the JSON depends on besides the pull request itself; the fake passes its live state. */
export interface GitHubLiveState {
  tip(branch: string): string | undefined;
  commentCount(number: number): number;
  openCount(): number;
  autoMergeAllowed(): boolean;
}

/**
 * GitHub's JSON for one repository, typed by the OpenAPI schemas so a missing required field does
 * not compile. Exported for tests that answer with plain nock interceptors.
 */
export function createGitHubJson(site: GitHubSite, live: Partial<GitHubLiveState> = {}) {
  const origin = site.origin.replace(/\/+$/, '');
  const basePath = (site.basePath ?? '').replace(/\/+$/, '');
  const { owner, repo } = site;
  const viewer = site.viewer ?? 'promote-bot';
  const webOrigin = new URL(origin).hostname.startsWith('api.') ? origin.replace('//api.', '//') : origin;
  const apiBase = `${origin}${basePath}`;
  const repoApi = `${apiBase}/repos/${owner}/${repo}`;
  const repoWeb = `${webOrigin}/${owner}/${repo}`;
  const state: GitHubLiveState = {
    tip: live.tip ?? (() => undefined),
    commentCount: live.commentCount ?? (() => 0),
    openCount: live.openCount ?? (() => 0),
    autoMergeAllowed: live.autoMergeAllowed ?? (() => true),
  };

  const user = (login: string): Schemas['simple-user'] => {
    const url = `${apiBase}/users/${login}`;
    return {
      login,
      id: idOf(login),
      node_id: `U_${login}`,
      avatar_url: `${webOrigin}/avatars/${login}`,
      gravatar_id: '',
      url,
      html_url: `${webOrigin}/${login}`,
      followers_url: `${url}/followers`,
      following_url: `${url}/following{/other_user}`,
      gists_url: `${url}/gists{/gist_id}`,
      starred_url: `${url}/starred{/owner}{/repo}`,
      subscriptions_url: `${url}/subscriptions`,
      organizations_url: `${url}/orgs`,
      repos_url: `${url}/repos`,
      events_url: `${url}/events{/privacy}`,
      received_events_url: `${url}/received_events`,
      type: login.endsWith('[bot]') ? 'Bot' : 'User',
      site_admin: false,
    };
  };
  const team = (slug: string): Schemas['team'] => ({
    id: idOf(slug),
    node_id: `T_${slug}`,
    name: slug,
    slug,
    description: null,
    permission: 'push',
    url: `${apiBase}/orgs/${owner}/teams/${slug}`,
    html_url: `${webOrigin}/orgs/${owner}/teams/${slug}`,
    members_url: `${apiBase}/orgs/${owner}/teams/${slug}/members{/member}`,
    repositories_url: `${apiBase}/orgs/${owner}/teams/${slug}/repos`,
    type: 'organization',
    parent: null,
  });
  const label = (name: string): Schemas['label'] & { description: string } => ({
    id: idOf(`label:${name}`),
    node_id: `LA_${name}`,
    url: `${repoApi}/labels/${encodeURIComponent(name)}`,
    name,
    description: '',
    color: 'ededed',
    default: false,
  });
  const repository = (): Schemas['repository'] => ({
    id: idOf(`${owner}/${repo}`),
    node_id: `R_${owner}_${repo}`,
    name: repo,
    full_name: `${owner}/${repo}`,
    license: null,
    forks: 0,
    owner: user(owner),
    private: true,
    html_url: repoWeb,
    description: null,
    fork: false,
    url: repoApi,
    archive_url: `${repoApi}/{archive_format}{/ref}`,
    assignees_url: `${repoApi}/assignees{/user}`,
    blobs_url: `${repoApi}/git/blobs{/sha}`,
    branches_url: `${repoApi}/branches{/branch}`,
    collaborators_url: `${repoApi}/collaborators{/collaborator}`,
    comments_url: `${repoApi}/comments{/number}`,
    commits_url: `${repoApi}/commits{/sha}`,
    compare_url: `${repoApi}/compare/{base}...{head}`,
    contents_url: `${repoApi}/contents/{+path}`,
    contributors_url: `${repoApi}/contributors`,
    deployments_url: `${repoApi}/deployments`,
    downloads_url: `${repoApi}/downloads`,
    events_url: `${repoApi}/events`,
    forks_url: `${repoApi}/forks`,
    git_commits_url: `${repoApi}/git/commits{/sha}`,
    git_refs_url: `${repoApi}/git/refs{/sha}`,
    git_tags_url: `${repoApi}/git/tags{/sha}`,
    git_url: `${repoWeb.replace(/^https?:/, 'git:')}.git`,
    issue_comment_url: `${repoApi}/issues/comments{/number}`,
    issue_events_url: `${repoApi}/issues/events{/number}`,
    issues_url: `${repoApi}/issues{/number}`,
    keys_url: `${repoApi}/keys{/key_id}`,
    labels_url: `${repoApi}/labels{/name}`,
    languages_url: `${repoApi}/languages`,
    merges_url: `${repoApi}/merges`,
    milestones_url: `${repoApi}/milestones{/number}`,
    notifications_url: `${repoApi}/notifications{?since,all,participating}`,
    pulls_url: `${repoApi}/pulls{/number}`,
    releases_url: `${repoApi}/releases{/id}`,
    ssh_url: `git@${new URL(webOrigin).host}:${owner}/${repo}.git`,
    stargazers_url: `${repoApi}/stargazers`,
    statuses_url: `${repoApi}/statuses/{sha}`,
    subscribers_url: `${repoApi}/subscribers`,
    subscription_url: `${repoApi}/subscription`,
    tags_url: `${repoApi}/tags`,
    teams_url: `${repoApi}/teams`,
    trees_url: `${repoApi}/git/trees{/sha}`,
    clone_url: `${repoWeb}.git`,
    mirror_url: null,
    hooks_url: `${repoApi}/hooks`,
    svn_url: repoWeb,
    homepage: null,
    language: null,
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    size: 1,
    default_branch: site.defaultBranch ?? 'main',
    open_issues_count: state.openCount(),
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    archived: false,
    disabled: false,
    visibility: 'private',
    pushed_at: FIXED_TIME,
    created_at: FIXED_TIME,
    updated_at: FIXED_TIME,
    allow_auto_merge: state.autoMergeAllowed(),
    open_issues: state.openCount(),
    watchers: 0,
  });
  const fullRepository = (): Schemas['full-repository'] => ({
    ...repository(),
    has_discussions: false,
    pushed_at: FIXED_TIME,
    created_at: FIXED_TIME,
    updated_at: FIXED_TIME,
    subscribers_count: 0,
    network_count: 0,
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
  });
  const pullSimple = (pull: FakePull): Schemas['pull-request-simple'] => {
    const url = `${repoApi}/pulls/${pull.number}`;
    const html = `${repoWeb}/pull/${pull.number}`;
    const issue = `${repoApi}/issues/${pull.number}`;
    const sha = state.tip(pull.head) ?? pull.headSha;
    const side = (ref: string, refSha: string) => ({ label: `${owner}:${ref}`, ref, repo: repository(), sha: refSha, user: user(owner) });
    return {
      url,
      id: 1000 + pull.number,
      node_id: pull.nodeId,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: issue,
      commits_url: `${url}/commits`,
      review_comments_url: `${url}/comments`,
      review_comment_url: `${repoApi}/pulls/comments{/number}`,
      comments_url: `${issue}/comments`,
      statuses_url: `${repoApi}/statuses/${sha}`,
      number: pull.number,
      state: pull.state,
      locked: false,
      title: pull.title,
      user: user(viewer),
      body: pull.body,
      labels: pull.labels.map(label),
      milestone: null,
      created_at: pull.createdAt,
      updated_at: pull.updatedAt,
      closed_at: pull.closedAt,
      merged_at: pull.mergedAt,
      merge_commit_sha: null,
      assignee: pull.assignees[0] === undefined ? null : user(pull.assignees[0]),
      assignees: pull.assignees.map(user),
      requested_reviewers: pull.reviewers.map(user),
      requested_teams: pull.teams.map(team),
      head: side(pull.head, sha),
      base: side(pull.base, state.tip(pull.base) ?? sha),
      _links: {
        comments: { href: `${issue}/comments` },
        commits: { href: `${url}/commits` },
        statuses: { href: `${repoApi}/statuses/${sha}` },
        html: { href: html },
        issue: { href: issue },
        review_comments: { href: `${url}/comments` },
        review_comment: { href: `${repoApi}/pulls/comments{/number}` },
        self: { href: url },
      },
      author_association: 'COLLABORATOR',
      auto_merge:
        pull.autoMerge === null ? null : { enabled_by: user(viewer), merge_method: pull.autoMerge, commit_title: pull.title, commit_message: '' },
      draft: pull.draft,
    };
  };
  const pullFull = (pull: FakePull): Schemas['pull-request'] => {
    const simple = pullSimple(pull);
    const author = user(viewer);
    return {
      ...simple,
      state: pull.state,
      user: author,
      head: { ...simple.head, user: user(owner) },
      base: { ...simple.base, user: user(owner) },
      merged: pull.mergedAt !== null,
      mergeable: pull.state === 'open' ? true : null,
      rebaseable: pull.state === 'open' ? true : null,
      mergeable_state: pull.state === 'open' ? 'clean' : 'unknown',
      merged_by: null,
      comments: state.commentCount(pull.number),
      review_comments: 0,
      maintainer_can_modify: false,
      commits: 1,
      additions: 1,
      deletions: 1,
      changed_files: 1,
    };
  };
  const issueOf = (pull: FakePull): Schemas['issue'] => {
    const issue = `${repoApi}/issues/${pull.number}`;
    return {
      id: 1000 + pull.number,
      node_id: pull.nodeId,
      url: issue,
      repository_url: repoApi,
      labels_url: `${issue}/labels{/name}`,
      comments_url: `${issue}/comments`,
      events_url: `${issue}/events`,
      html_url: `${repoWeb}/pull/${pull.number}`,
      number: pull.number,
      state: pull.state,
      title: pull.title,
      body: pull.body,
      user: user(viewer),
      labels: pull.labels.map(label),
      assignee: pull.assignees[0] === undefined ? null : user(pull.assignees[0]),
      assignees: pull.assignees.map(user),
      milestone: null,
      locked: false,
      comments: state.commentCount(pull.number),
      pull_request: {
        merged_at: pull.mergedAt,
        diff_url: `${repoWeb}/pull/${pull.number}.diff`,
        html_url: `${repoWeb}/pull/${pull.number}`,
        patch_url: `${repoWeb}/pull/${pull.number}.patch`,
        url: `${repoApi}/pulls/${pull.number}`,
      },
      closed_at: pull.closedAt,
      created_at: pull.createdAt,
      updated_at: pull.updatedAt,
    };
  };
  const gitRef = (ref: string, sha: string): Schemas['git-ref'] => ({
    ref,
    node_id: `REF_${ref}`,
    url: `${repoApi}/git/${ref}`,
    object: { type: 'commit', sha, url: `${repoApi}/git/commits/${sha}` },
  });

  return { user, team, label, repository, fullRepository, pullSimple, pullFull, issueOf, gitRef, repoApi, repoWeb };
}

/** A FakePull with defaults, for fixtures. */
export function fakePull(fields: Pick<FakePull, 'number' | 'head' | 'base' | 'headSha'> & Partial<FakePull>): FakePull {
  return {
    nodeId: `PR_kwFAKE${fields.number}`,
    title: `Pull request ${fields.number}`,
    body: null,
    draft: false,
    state: 'open',
    mergedAt: null,
    labels: [],
    assignees: [],
    reviewers: [],
    teams: [],
    autoMerge: null,
    createdAt: FIXED_TIME,
    updatedAt: FIXED_TIME,
    closedAt: null,
    ...fields,
  };
}

/** A stand-in armoured signature: the fake cannot sign as GitHub, only say that it did. */
const FAKE_SIGNATURE = '-----BEGIN PGP SIGNATURE-----\n\nwsBcBAABCAAQBQJmMiFAKEsignature\n-----END PGP SIGNATURE-----\n';

function stringField(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  return typeof value === 'string' ? value : undefined;
}

function stringList(body: Record<string, unknown>, key: string): string[] | undefined {
  const value = body[key];
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
}

function signature(value: unknown): { name: string; email: string; date: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { name, email, date } = value as Record<string, unknown>;
  if (typeof name !== 'string' || typeof email !== 'string') return undefined;
  return { name, email, date: typeof date === 'string' ? date : new Date().toISOString() };
}

function treeEntry(line: string): Schemas['git-tree']['tree'][number] {
  const [meta = '', path = ''] = line.split('\t');
  const [mode = '', type = '', sha = ''] = meta.split(' ');
  return { path, mode, type, sha };
}

/** Refs arrive with their slashes either as-is or as %2F (Octokit encodes the {ref} parameter). */
function decodePath(path: string): string {
  return path.split('/').map(decodeURIComponent).join('/');
}

/** Stable small numbers for ids, so answers do not change between runs. */
function idOf(text: string): number {
  let hash = 7;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_000_007;
  return hash;
}

type GitHubSiteJson = ReturnType<typeof createGitHubJson>;

/** Commits GitHub lists in a compare asked without paging: the newest ones, oldest first. */
const UNPAGED_COMPARE_COMMITS = 250;

/**
 * GET /repos/{owner}/{repo}/compare/{basehead} on a real repository, as GitHub's description
 * says: BASE...HEAD (three dots), each a branch, tag or SHA; commits reachable from HEAD but not
 * BASE, oldest first; without per_page/page the newest 250 (the last one the newest of all), with
 * them pages from the oldest (per_page at most 100). A ref GitHub cannot resolve, or two refs
 * without a common ancestor: 404. `files` (optional in the schema) is left out.
 */
function compareReply(dir: string, basehead: string, query: URLSearchParams, site: GitHubSiteJson, notFound: () => Error): Schemas['commit-comparison'] {
  const git = (args: string[]): string | undefined => {
    try {
      return execFileSync('git', ['--git-dir', dir, ...args], { env: hermeticGitEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    } catch {
      return undefined;
    }
  };
  const [base, head, extra] = basehead.split('...');
  const resolve = (ref: string | undefined) => (ref === undefined || ref === '' || ref.startsWith('-') ? undefined : git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]));
  const baseSha = resolve(base);
  const headSha = resolve(head);
  if (extra !== undefined || baseSha === undefined || headSha === undefined) throw notFound();
  const mergeBase = git(['merge-base', baseSha, headSha]);
  if (mergeBase === undefined) throw notFound();
  const listed = git(['rev-list', '--reverse', `${baseSha}..${headSha}`]) ?? '';
  const all = listed === '' ? [] : listed.split('\n');
  const behind = Number(git(['rev-list', '--count', `${headSha}..${baseSha}`]) ?? '0');
  const paged = query.has('per_page') || query.has('page');
  const perPage = Math.min(Math.max(Number(query.get('per_page') ?? '30') || 30, 1), 100);
  const page = Math.max(Number(query.get('page') ?? '1') || 1, 1);
  const shown = paged ? all.slice((page - 1) * perPage, page * perPage) : all.slice(-UNPAGED_COMPARE_COMMITS);
  const commit = (sha: string) => commitJson(git, sha, site);
  const status = all.length === 0 ? (behind === 0 ? 'identical' : 'behind') : behind === 0 ? 'ahead' : 'diverged';
  const web = `${site.repoWeb}/compare/${basehead}`;
  return {
    url: `${site.repoApi}/compare/${basehead}`,
    html_url: web,
    permalink_url: `${site.repoWeb}/compare/${baseSha.slice(0, 7)}...${headSha.slice(0, 7)}`,
    diff_url: `${web}.diff`,
    patch_url: `${web}.patch`,
    base_commit: commit(baseSha),
    merge_base_commit: commit(mergeBase),
    status,
    ahead_by: all.length,
    behind_by: behind,
    total_commits: all.length,
    commits: shown.map(commit),
  };
}

/**
 * A commit as GitHub shows it; `author`/`committer` are the accounts their e-mails belong to,
 * which here are GitHub's no-reply addresses (`[id+]login@users.noreply.github.com`): null otherwise.
 */
function commitJson(git: (args: string[]) => string | undefined, sha: string, site: GitHubSiteJson): Schemas['commit'] {
  const fields = (git(['show', '-s', '--format=%T%x00%P%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%B', sha]) ?? '').split('\0');
  const [tree = '', parents = '', authorName = '', authorEmail = '', authorDate = '', committerName = '', committerEmail = '', committerDate = '', message = ''] = fields;
  const utc = (date: string) => new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const account = (email: string) => {
    const login = /^(?:\d+\+)?([A-Za-z0-9-]+)@users\.noreply\.github\.com$/.exec(email)?.[1];
    return login === undefined ? null : site.user(login);
  };
  return {
    url: `${site.repoApi}/commits/${sha}`,
    sha,
    node_id: `C_${sha}`,
    html_url: `${site.repoWeb}/commit/${sha}`,
    comments_url: `${site.repoApi}/commits/${sha}/comments`,
    commit: {
      url: `${site.repoApi}/git/commits/${sha}`,
      author: { name: authorName, email: authorEmail, date: utc(authorDate) },
      committer: { name: committerName, email: committerEmail, date: utc(committerDate) },
      message: message.replace(/\n+$/, ''),
      comment_count: 0,
      tree: { sha: tree, url: `${site.repoApi}/git/trees/${tree}` },
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    },
    author: account(authorEmail),
    committer: account(committerEmail),
    parents: parents === '' ? [] : parents.split(' ').map((parent) => ({ sha: parent, url: `${site.repoApi}/commits/${parent}`, html_url: `${site.repoWeb}/commit/${parent}` })),
  };
}
