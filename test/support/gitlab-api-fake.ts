/**
 * A stateful GitLab REST v4 fake on nock, for the endpoints the GitLab forge uses, following
 * GitLab's API docs and (where the docs are silent) its source, lib/api/merge_requests.rb and
 * lib/api/helpers.rb, as of GitLab 17.x:
 *
 * - no or a wrong PRIVATE-TOKEN / JOB-TOKEN / Authorization: Bearer → 401 {message:'401 Unauthorized'};
 * - a project other than `projectPath` / `projectId` → 404 {message:'404 Project Not Found'}
 *   (GitLab's answer both for a missing project and one the token cannot see);
 * - a second open MR for a source branch → 409 {message:['Another open merge request already exists
 *   for this source branch: !N']} (MergeRequest#validate_branches, rendered by conflict!);
 * - a source or target branch missing from the repository → 422 {message:['Source branch "x" does
 *   not exist']} (MergeRequests::BuildService errors on :base, rendered by unprocessable_entity!);
 * - PUT .../merge: closed/merged, or auto-merge asked while no pipeline exists (`pipelines: false`,
 *   so no auto-merge strategy is available and the head pipeline has not succeeded), or asked before
 *   GitLab has created a new MR's pipeline (`pipelineCreatedAfterMergeCalls`) → 405
 *   {message:'405 Method Not Allowed'} (not_allowed!); a conflicting immediate merge → 422
 *   {message:'Branch cannot be merged'}; then a `sha` other than the source head → 409
 *   {message:'SHA does not match HEAD of source branch: <head>'} (check_sha_param!), in that order;
 * - GET /users?username= for an unknown name → 200 [].
 *
 * Refs live in a REAL bare repository (`gitDir`), read and written with the synchronous git CLI,
 * so an MR's `sha` is the branch tip and each handler's check-then-write runs without yielding:
 * concurrent in-process runs see GitLab's one-at-a-time behaviour. The Commits API really writes
 * the commit (hash-object, a temporary index, write-tree, commit-tree, update-ref with the old
 * value) and such commits have a signature, as GitLab signs the commits it creates.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiFakeCore, type Fault, type RecordedRequest, type Reply } from './api-fake';
import { hermeticGitEnv } from './hermetic-git-env';

export interface GitLabApiFakeOptions {
  /** https://gitlab.example.com */
  origin: string;
  /** Default '/api/v4'; '/gitlab/api/v4' for a GitLab under a sub-path. */
  basePath?: string;
  /** group/sub/project */
  projectPath: string;
  projectId?: number;
  gitDir: string;
  token: string;
  defaultBranch?: string;
  /** Users /users knows; the token's own user is `bot` (id 1) unless listed. */
  users?: Array<{ id: number; username: string }>;
  /** Whether MRs get a (never finishing, until runPipelines) pipeline for auto-merge to wait for. */
  pipelines?: boolean;
  /**
   * With `pipelines`: GitLab creates an MR's pipeline in the background, so the first this many
   * auto-merge calls on each MR find none yet and get 405 (gitlab-org/gitlab#353984). Default 0.
   */
  pipelineCreatedAfterMergeCalls?: number;
  /** Delay before each request is handled, so concurrent runs interleave. */
  latencyMs?: number;
  /**
   * Other projects the token can read (group/sub/project → bare repository), for the compare
   * endpoint: the application project whose tags a promotion's changelog compares.
   */
  sourceProjects?: Record<string, string>;
}

export interface FakeMergeRequest {
  id: number;
  iid: number;
  title: string;
  description: string;
  source_branch: string;
  target_branch: string;
  state: 'opened' | 'closed' | 'merged';
  labels: string[];
  assignee_ids: number[];
  reviewer_ids: number[];
  /** The source head when created, used once the branch is gone. */
  sha: string;
  merge_when_pipeline_succeeds: boolean;
  /** The sha auto-merge was pinned to. */
  auto_merge_sha: string | undefined;
  squash: boolean;
  should_remove_source_branch: boolean | null;
  force_remove_source_branch: boolean;
  merge_commit_sha: string | null;
  created_at: string;
  /** Auto-merge calls made while the pipeline was still being created. */
  merge_calls_before_pipeline: number;
}

export interface FakeNote {
  id: number;
  iid: number;
  body: string;
}

export type { Fault, RecordedRequest } from './api-fake';

export interface GitLabApiFake {
  readonly mergeRequests: FakeMergeRequest[];
  readonly notes: FakeNote[];
  readonly requests: RecordedRequest[];
  /** Commits made through the Commits API (these have a signature). */
  readonly apiCommits: Set<string>;
  writes(): RecordedRequest[];
  /**
   * The next request matching method and path with its query (and `body`, when given: one PUT
   * edits title, labels or reviewers alike) gets `fault` instead of an answer (one-shot, queued in order).
   */
  failNext(method: string, path: RegExp, fault: Fault, body?: (body: Record<string, unknown>) => boolean): void;
  /** Tip of a branch in the bare repository. */
  head(branch: string): string | undefined;
  /** Pipelines finish: MRs waiting for auto-merge merge if their head is still the pinned sha, else auto-merge is cancelled. */
  runPipelines(): void;
  stop(): void;
}

const ZERO = '0'.repeat(40);
const DRAFT = /^\s*(?:\[draft\]|\(draft\)|draft:|draft\s+-)/i;
const GIT_ENV = hermeticGitEnv();

export function createGitLabApiFake(options: GitLabApiFakeOptions): GitLabApiFake {
  const basePath = (options.basePath ?? '/api/v4').replace(/\/+$/, '');
  const projectId = options.projectId ?? 42;
  const webBase = `${options.origin}${basePath.replace(/\/api\/v4$/, '')}/${options.projectPath}`;
  const bot = { id: 1, username: 'bot' };
  const users = [...(options.users ?? [])];
  if (!users.some((user) => user.id === bot.id)) users.push(bot);
  const mergeRequests: FakeMergeRequest[] = [];
  const notes: FakeNote[] = [];
  const apiCommits = new Set<string>();
  let nextId = 1000;

  function git(args: readonly string[], input?: string | Buffer, env: NodeJS.ProcessEnv = {}): string {
    return execFileSync('git', args, { env: { ...GIT_ENV, GIT_DIR: options.gitDir, ...env }, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] }).trim();
  }
  function head(branch: string): string | undefined {
    try {
      return git(['rev-parse', '--verify', '-q', `refs/heads/${branch}^{commit}`]);
    } catch {
      return undefined;
    }
  }
  function isCommit(sha: string): boolean {
    if (!/^[0-9a-f]{40}$/.test(sha)) return false;
    try {
      git(['cat-file', '-e', `${sha}^{commit}`]);
      return true;
    } catch {
      return false;
    }
  }

  function userJson(id: number): Record<string, unknown> | undefined {
    const user = users.find((candidate) => candidate.id === id);
    if (!user) return undefined;
    return { id: user.id, username: user.username, name: user.username, state: 'active', avatar_url: null, web_url: `${options.origin}/${user.username}` };
  }
  function mrJson(mr: FakeMergeRequest): Record<string, unknown> {
    const assignees = mr.assignee_ids.map(userJson).filter(Boolean);
    const draft = DRAFT.test(mr.title);
    return {
      id: mr.id,
      iid: mr.iid,
      project_id: projectId,
      title: mr.title,
      description: mr.description,
      state: mr.state,
      created_at: mr.created_at,
      updated_at: mr.created_at,
      target_branch: mr.target_branch,
      source_branch: mr.source_branch,
      author: userJson(bot.id),
      assignees,
      assignee: assignees[0] ?? null,
      reviewers: mr.reviewer_ids.map(userJson).filter(Boolean),
      source_project_id: projectId,
      target_project_id: projectId,
      labels: mr.labels,
      draft,
      work_in_progress: draft,
      merge_when_pipeline_succeeds: mr.merge_when_pipeline_succeeds,
      merge_status: 'can_be_merged',
      detailed_merge_status: draft ? 'draft_status' : options.pipelines ? 'ci_still_running' : 'mergeable',
      // A merged MR's source branch may be gone; GitLab keeps the last head.
      sha: (mr.state === 'opened' ? head(mr.source_branch) : undefined) ?? mr.sha,
      merge_commit_sha: mr.merge_commit_sha,
      squash: mr.squash,
      should_remove_source_branch: mr.should_remove_source_branch,
      force_remove_source_branch: mr.force_remove_source_branch,
      reference: `!${mr.iid}`,
      web_url: `${webBase}/-/merge_requests/${mr.iid}`,
    };
  }

  function authorised(headers: Record<string, string>): boolean {
    const bearer = /^Bearer (.+)$/.exec(headers['authorization'] ?? '')?.[1];
    const given = headers['private-token'] ?? headers['job-token'] ?? bearer;
    return given !== undefined && given === options.token;
  }

  function handle(method: string, uri: string, body: Record<string, unknown>): Reply {
    const url = new URL(uri, options.origin);
    const segments = url.pathname.slice(basePath.length + 1).split('/').map(decodeURIComponent);
    const query = url.searchParams;
    if (segments[0] === 'users' && segments.length === 1 && method === 'GET') {
      const name = query.get('username');
      const found = name === null ? users : users.filter((user) => user.username.toLowerCase() === name.toLowerCase());
      return [200, found.map((user) => userJson(user.id))];
    }
    if (segments[0] !== 'projects' || segments[1] === undefined) return notFound();
    const rest = segments.slice(2);
    const source = sourceProject(segments[1]);
    if (source !== undefined && method === 'GET' && rest.join('/') === 'repository/compare') return compare(source.path, source.gitDir, query);
    if (segments[1].toLowerCase() !== options.projectPath.toLowerCase() && segments[1] !== String(projectId)) return notFound('Project');
    const route = `${method} ${rest.map((part, index) => (index > 0 && /^(merge_requests|commits|branches)$/.test(rest[index - 1] ?? '') ? ':x' : part)).join('/')}`;
    switch (route) {
      case 'GET ':
        return [200, { id: projectId, path_with_namespace: options.projectPath, default_branch: options.defaultBranch ?? 'main', web_url: webBase }];
      case 'GET merge_requests':
        return listMergeRequests(url);
      case 'POST merge_requests':
        return createMergeRequest(body);
      case 'GET merge_requests/:x':
        return withMr(rest[1], (mr) => [200, mrJson(mr)]);
      case 'PUT merge_requests/:x':
        return withMr(rest[1], (mr) => editMergeRequest(mr, body));
      case 'POST merge_requests/:x/notes':
        return withMr(rest[1], (mr) => {
          if (typeof body['body'] !== 'string' || body['body'] === '') return [400, { error: 'body is missing' }];
          const note = { id: nextId++, iid: mr.iid, body: body['body'] };
          notes.push(note);
          return [201, { id: note.id, body: note.body, author: userJson(bot.id), system: false, noteable_type: 'MergeRequest', noteable_iid: mr.iid }];
        });
      case 'PUT merge_requests/:x/merge':
        return withMr(rest[1], (mr) => merge(mr, body));
      case 'GET repository/branches/:x': {
        const sha = head(rest[2] ?? '');
        return sha ? [200, { name: rest[2], commit: { id: sha } }] : notFound('Branch');
      }
      case 'POST repository/commits':
        return createCommit(body);
      case 'GET repository/commits/:x/signature': {
        const sha = rest[2] ?? '';
        if (!isCommit(sha)) return notFound('Commit');
        if (!apiCommits.has(sha)) return notFound('GPG Signature');
        // Shape from doc/api/commits.md, "Get signature of a commit" (the SSH example).
        return [200, { signature_type: 'SSH', verification_status: 'verified', commit_source: 'gitaly' }];
      }
      default:
        return notFound();
    }
  }

  /** The environment project or a source project, by path (case-insensitive) or, for the former, id. */
  function sourceProject(id: string): { path: string; gitDir: string } | undefined {
    if (id.toLowerCase() === options.projectPath.toLowerCase() || id === String(projectId)) return { path: options.projectPath, gitDir: options.gitDir };
    const found = Object.entries(options.sourceProjects ?? {}).find(([path]) => path.toLowerCase() === id.toLowerCase());
    return found ? { path: found[0], gitDir: found[1] } : undefined;
  }

  /**
   * GET /projects/:id/repository/compare (lib/api/repositories.rb, lib/api/entities/compare.rb):
   * `from` and `to` required (Grape: 400 "from is missing"); either not a branch, tag or commit →
   * 404 "Ref Not Found"; `commits` are to's commits not in from, oldest first, all of them, and
   * `commit` the last; `straight` (default false) diffs from..to instead of from the merge base.
   */
  function compare(path: string, gitDir: string, query: URLSearchParams): Reply {
    const from = query.get('from');
    const to = query.get('to');
    const missing = [from ? undefined : 'from is missing', to ? undefined : 'to is missing'].filter(Boolean);
    if (missing.length > 0) return [400, { error: missing.join(', ') }];
    const run = (args: readonly string[]) => {
      try {
        return execFileSync('git', args, { env: { ...GIT_ENV, GIT_DIR: gitDir }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
      } catch {
        return undefined;
      }
    };
    const resolve = (ref: string) => (ref.startsWith('-') || /\s|:/.test(ref) ? undefined : run(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]));
    const base = resolve(from as string);
    const head = resolve(to as string);
    if (!base || !head) return notFound('Ref');
    const straight = bool(query.get('straight') ?? undefined);
    const diffBase = straight ? base : (run(['merge-base', base, head]) ?? base);
    const listed = run(['rev-list', '--reverse', `${base}..${head}`]) ?? '';
    const web = `${options.origin}${basePath.replace(/\/api\/v4$/, '')}/${path}`;
    const commits = (listed === '' ? [] : listed.split('\n')).map((sha) => compareCommitJson(run, sha, web));
    return [
      200,
      {
        commit: commits.at(-1) ?? null,
        commits,
        diffs: compareDiffs(run, diffBase, head),
        compare_timeout: false,
        compare_same_ref: base === head,
        web_url: `${web}/-/compare/${base}...${head}`,
      },
    ];
  }

  function withMr(iid: string | undefined, act: (mr: FakeMergeRequest) => Reply): Reply {
    const mr = mergeRequests.find((candidate) => String(candidate.iid) === iid);
    return mr ? act(mr) : notFound();
  }

  function listMergeRequests(url: URL): Reply {
    const query = url.searchParams;
    const state = query.get('state') ?? 'all';
    const found = mergeRequests
      .filter((mr) => state === 'all' || mr.state === state)
      .filter((mr) => !query.has('source_branch') || mr.source_branch === query.get('source_branch'))
      .filter((mr) => !query.has('target_branch') || mr.target_branch === query.get('target_branch'))
      .sort((a, b) => b.iid - a.iid);
    const perPage = Math.min(Number(query.get('per_page') ?? 20) || 20, 100);
    const page = Math.max(Number(query.get('page') ?? 1) || 1, 1);
    const headers: Record<string, string> = { 'x-total': String(found.length), 'x-page': String(page), 'x-per-page': String(perPage) };
    if (page * perPage < found.length) {
      const next = new URL(url);
      next.searchParams.set('page', String(page + 1));
      next.searchParams.set('per_page', String(perPage));
      headers['link'] = `<${next.toString()}>; rel="next"`;
    }
    return [200, found.slice((page - 1) * perPage, page * perPage).map(mrJson), headers];
  }

  function createMergeRequest(body: Record<string, unknown>): Reply {
    const source = text(body['source_branch']);
    const target = text(body['target_branch']);
    const title = text(body['title']);
    if (!source || !target || !title) return [400, { error: 'source_branch, target_branch, title are missing' }];
    const errors: string[] = [];
    if (source === target) errors.push('You must select different branches');
    const sha = head(source);
    if (!sha) errors.push(`Source branch "${source}" does not exist`);
    if (!head(target)) errors.push(`Target branch "${target}" does not exist`);
    if (errors.length > 0) return [422, { message: errors }];
    const open = mergeRequests.find((mr) => mr.state === 'opened' && mr.source_branch === source);
    if (open) return [409, { message: [`Another open merge request already exists for this source branch: !${open.iid}`] }];
    const mr: FakeMergeRequest = {
      id: nextId++,
      iid: mergeRequests.length + 1,
      title,
      description: text(body['description']) ?? '',
      source_branch: source,
      target_branch: target,
      state: 'opened',
      labels: labelList(body['labels']),
      assignee_ids: knownIds(body['assignee_ids']),
      reviewer_ids: knownIds(body['reviewer_ids']),
      sha: sha as string,
      merge_when_pipeline_succeeds: false,
      auto_merge_sha: undefined,
      squash: bool(body['squash']),
      should_remove_source_branch: null,
      force_remove_source_branch: bool(body['remove_source_branch']),
      merge_commit_sha: null,
      merge_calls_before_pipeline: 0,
      created_at: new Date().toISOString(),
    };
    mergeRequests.push(mr);
    return [201, mrJson(mr)];
  }

  function editMergeRequest(mr: FakeMergeRequest, body: Record<string, unknown>): Reply {
    const title = text(body['title']);
    if (title !== undefined) mr.title = title;
    if (typeof body['description'] === 'string') mr.description = body['description'];
    if (body['labels'] !== undefined) mr.labels = labelList(body['labels']);
    for (const label of labelList(body['add_labels'])) if (!mr.labels.includes(label)) mr.labels.push(label);
    const remove = labelList(body['remove_labels']);
    mr.labels = mr.labels.filter((label) => !remove.includes(label));
    // GitLab drops ids of users who cannot be assigned; [0] or [] unassigns everyone.
    if (body['assignee_ids'] !== undefined) mr.assignee_ids = knownIds(body['assignee_ids']);
    if (body['reviewer_ids'] !== undefined) mr.reviewer_ids = knownIds(body['reviewer_ids']);
    if (body['remove_source_branch'] !== undefined) mr.force_remove_source_branch = bool(body['remove_source_branch']);
    if (body['state_event'] === 'close' && mr.state === 'opened') {
      mr.state = 'closed';
      mr.merge_when_pipeline_succeeds = false;
    } else if (body['state_event'] === 'reopen' && mr.state === 'closed') {
      mr.state = 'opened';
    }
    return [200, mrJson(mr)];
  }

  // The order of lib/api/merge_requests.rb `put ':id/merge_requests/:merge_request_iid/merge'`.
  function merge(mr: FakeMergeRequest, body: Record<string, unknown>): Reply {
    const auto = bool(body['merge_when_pipeline_succeeds']) || bool(body['auto_merge']);
    const draft = DRAFT.test(mr.title);
    const automatically = auto && options.pipelines === true && mr.state === 'opened' && pipelineCreated(mr);
    // Our pipelines never succeed before runPipelines(), so an auto-merge request never merges at once.
    const immediately = !auto && mr.state === 'opened' && !draft;
    if (!immediately && !automatically) return [405, { message: '405 Method Not Allowed' }];
    const sourceHead = head(mr.source_branch);
    const targetHead = head(mr.target_branch);
    if (!sourceHead || !targetHead) return [422, { message: 'Branch cannot be merged' }];
    const sha = text(body['sha']);
    if (sha !== undefined && sha !== sourceHead) return [409, { message: `SHA does not match HEAD of source branch: ${sourceHead}` }];
    if (bool(body['squash'])) mr.squash = true;
    if (body['should_remove_source_branch'] !== undefined) mr.should_remove_source_branch = bool(body['should_remove_source_branch']);
    if (automatically) {
      mr.merge_when_pipeline_succeeds = true;
      mr.auto_merge_sha = sourceHead;
      return [200, mrJson(mr)];
    }
    return mergeNow(mr, sourceHead, targetHead) ? [200, mrJson(mr)] : [422, { message: 'Branch cannot be merged' }];
  }

  /** Whether the MR's pipeline exists yet; each call before it does counts towards its creation. */
  function pipelineCreated(mr: FakeMergeRequest): boolean {
    if (mr.merge_calls_before_pipeline >= (options.pipelineCreatedAfterMergeCalls ?? 0)) return true;
    mr.merge_calls_before_pipeline++;
    return false;
  }

  function mergeNow(mr: FakeMergeRequest, sourceHead: string, targetHead: string): boolean {
    let tree: string;
    try {
      tree = git(['merge-tree', '--write-tree', targetHead, sourceHead]).split('\n')[0] ?? '';
    } catch {
      return false; // exit 1: conflicts
    }
    const message = `Merge branch '${mr.source_branch}' into '${mr.target_branch}'\n\n${mr.title}\n\nSee merge request !${mr.iid}`;
    const commit = git(['commit-tree', tree, '-p', targetHead, '-p', sourceHead, '-F', '-'], message, committer());
    git(['update-ref', `refs/heads/${mr.target_branch}`, commit, targetHead]);
    mr.state = 'merged';
    mr.sha = sourceHead;
    mr.merge_commit_sha = commit;
    mr.merge_when_pipeline_succeeds = false;
    if (mr.should_remove_source_branch ?? mr.force_remove_source_branch) git(['update-ref', '-d', `refs/heads/${mr.source_branch}`, sourceHead]);
    return true;
  }

  // POST /projects/:id/repository/commits (doc/api/commits.md); error texts from Files/Commits services.
  function createCommit(body: Record<string, unknown>): Reply {
    const branch = text(body['branch']);
    const message = text(body['commit_message']);
    const actions = Array.isArray(body['actions']) ? (body['actions'] as Array<Record<string, unknown>>) : undefined;
    if (!branch || !message || !actions) return [400, { error: 'branch, commit_message, actions are missing' }];
    const current = head(branch);
    const startSha = text(body['start_sha']);
    const startBranch = text(body['start_branch']);
    if ((startSha || startBranch) && current && !bool(body['force'])) {
      return [400, { message: `A branch called '${branch}' already exists. Switch to that branch in order to make changes` }];
    }
    const start = startSha ?? (startBranch ? head(startBranch) : current);
    if (!start) return [400, { message: 'You can only create or edit files when you are on a branch' }];
    if (!isCommit(start)) return [400, { message: `Cannot find start_sha '${start}'` }];
    const scratch = mkdtempSync(join(tmpdir(), 'gitlab-fake-index-'));
    try {
      const env = { GIT_INDEX_FILE: join(scratch, 'index') };
      git(['read-tree', start], undefined, env);
      for (const action of actions) {
        const path = text(action['file_path']) ?? '';
        const existing = git(['ls-tree', start, '--', path]);
        const kind = action['action'];
        if ((kind === 'update' || kind === 'delete') && existing === '') return [400, { message: "A file with this name doesn't exist" }];
        if (kind === 'create' && existing !== '') return [400, { message: 'A file with this name already exists' }];
        if (kind === 'delete') {
          git(['update-index', '--force-remove', '--', path], undefined, env);
          continue;
        }
        if (kind !== 'update' && kind !== 'create') return [400, { error: 'actions[action] does not have a valid value' }];
        const raw = text(action['content']) ?? '';
        const content = action['encoding'] === 'base64' ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
        const blob = git(['hash-object', '-w', '--stdin'], content);
        const mode = existing.split(' ')[0] || '100644';
        git(['update-index', '--add', '--cacheinfo', `${mode},${blob},${path}`], undefined, env);
      }
      const tree = git(['write-tree'], undefined, env);
      const commit = git(['commit-tree', tree, '-p', start, '-F', '-'], message, committer(text(body['author_name']), text(body['author_email'])));
      // With the old value (or "must not exist"), so a ref that moved meanwhile fails instead of being lost.
      git(['update-ref', `refs/heads/${branch}`, commit, current ?? ZERO]);
      apiCommits.add(commit);
      return [
        201,
        { id: commit, short_id: commit.slice(0, 8), title: message.split('\n')[0], message, parent_ids: [start], web_url: `${webBase}/-/commit/${commit}` },
      ];
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }

  function committer(name = 'bot', email = 'bot@noreply.gitlab.example'): NodeJS.ProcessEnv {
    return { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: 'GitLab', GIT_COMMITTER_EMAIL: 'noreply@gitlab.example' };
  }
  function knownIds(value: unknown): number[] {
    const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : String(value).split(',');
    return [...new Set(list.map(Number))].filter((id) => users.some((user) => user.id === id));
  }

  const core = createApiFakeCore<RecordedRequest>({
    origin: options.origin,
    record: (request) => request,
    ours: (uri) => uri.startsWith(`${basePath}/`),
    faultsSeeQuery: true,
    faultBody: (status) => ({ message: `${status}` }),
    authorised,
    unauthorised: [401, { message: '401 Unauthorized' }],
    handle,
    latencyMs: options.latencyMs,
  });

  return {
    mergeRequests,
    notes,
    requests: core.requests,
    apiCommits,
    writes: core.writes,
    failNext: core.failNext,
    head,
    runPipelines() {
      for (const mr of mergeRequests) {
        if (mr.state !== 'opened' || !mr.merge_when_pipeline_succeeds) continue;
        const sourceHead = head(mr.source_branch);
        const targetHead = head(mr.target_branch);
        // GitLab aborts auto-merge when the source branch is pushed after it was set.
        if (!sourceHead || !targetHead || sourceHead !== mr.auto_merge_sha || !mergeNow(mr, sourceHead, targetHead)) mr.merge_when_pipeline_succeeds = false;
      }
    },
    stop: core.stop,
  };
}

type Git = (args: readonly string[]) => string | undefined;

/** API::Entities::Commit of GitLab 17: dates in the author's offset, title the first line. */
function compareCommitJson(git: Git, sha: string, projectUrl: string): Record<string, unknown> {
  const fields = (git(['show', '-s', '--format=%P%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%B', sha]) ?? '').split('\0');
  const [parents = '', authorName = '', authorEmail = '', authoredDate = '', committerName = '', committerEmail = '', committedDate = '', message = ''] = fields;
  return {
    id: sha,
    short_id: sha.slice(0, 8),
    created_at: committedDate,
    parent_ids: parents === '' ? [] : parents.split(' '),
    title: message.split('\n')[0] ?? '',
    message,
    author_name: authorName,
    author_email: authorEmail,
    authored_date: authoredDate,
    committer_name: committerName,
    committer_email: committerEmail,
    committed_date: committedDate,
    trailers: {},
    extended_trailers: {},
    web_url: `${projectUrl}/-/commit/${sha}`,
  };
}

/** API::Entities::Diff for each changed file (text diffs; renames detected as GitLab does). */
function compareDiffs(git: Git, base: string, head: string): Array<Record<string, unknown>> {
  const raw = git(['diff', '--raw', '-M', '-z', '--no-abbrev', base, head]) ?? '';
  const parts = raw.split('\0').filter((part) => part !== '');
  const diffs: Array<Record<string, unknown>> = [];
  for (let index = 0; index < parts.length; ) {
    const [oldMode = '', newMode = '', , , status = ''] = (parts[index++] ?? '').slice(1).split(' ');
    const oldPath = parts[index++] ?? '';
    const newPath = status.startsWith('R') ? (parts[index++] ?? '') : oldPath;
    const patch = git(['diff', '-M', base, head, '--', ...new Set([oldPath, newPath])]) ?? '';
    diffs.push({
      old_path: oldPath,
      new_path: newPath,
      a_mode: oldMode,
      b_mode: newMode,
      new_file: status === 'A',
      renamed_file: status.startsWith('R'),
      deleted_file: status === 'D',
      diff: patch.slice(Math.max(0, patch.indexOf('\n@@') + 1)),
    });
  }
  return diffs;
}

function notFound(what?: string): Reply {
  return [404, { message: what ? `404 ${what} Not Found` : '404 Not Found' }];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** Grape coerces "true"/"false" and 1/0. */
function bool(value: unknown): boolean {
  return value === true || value === 'true' || value === 1 || value === '1';
}

/** Labels arrive as "a,b" or ["a","b"]. */
function labelList(value: unknown): string[] {
  const list = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : [];
  return list.map((label) => label.trim()).filter((label) => label !== '');
}
