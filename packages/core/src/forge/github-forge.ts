import type {
  ApiCommit,
  ApiCommitRequest,
  AutoMergeOutcome,
  ChangeRequest,
  ChangeRequestDraft,
  Comparison,
  CreateOutcome,
  Forge,
  ForgeOptions,
  ForgeRepositoryInfo,
  MergeMethod,
} from './forge';
import { ForgeBranchMovedError, ForgeError, TransientForgeError } from './errors';
import {
  describeValidation,
  isGitHubHttpError,
  toForgeError,
  validationDetails,
  type ErrorContext,
} from './github-errors';
import { autoMergeOutcome, ENABLE_AUTO_MERGE, gitHubGraphqlUrl } from './github-automerge';
import { createOctokit, sleep, type GitHubOctokit } from './github-octokit';
import { createRefusal, toChangeRequest, type PullFields } from './github-pulls';
import { toComparison } from './github-compare';

export { gitHubGraphqlUrl };

/**
 * The GitHub (and GitHub Enterprise Server) forge: pull requests over REST, auto-merge over
 * GraphQL, signed commits through the Git Data API. See github-octokit.ts for the retry and
 * rate-limit policy and github-errors.ts for how refusals are reported.
 */

/** Waits before resending a label/assignee/reviewer request GitHub answered before it caught up with a new pull request. */
const CONSISTENCY_DELAYS_MS = [500, 1000, 2000, 4000];

export function createGitHubForge(options: ForgeOptions): Forge {
  return new GitHubForge(options);
}

class GitHubForge implements Forge {
  readonly kind = 'github' as const;
  readonly noun = 'pull request';
  private readonly ids: { owner: string; repo: string };
  private readonly apiUrl: string;
  private readonly scale: number;
  private readonly octokit: GitHubOctokit;
  private readonly nodeIds = new Map<number, string>();
  private requestCount = 0;

  constructor(private readonly options: ForgeOptions) {
    const [owner, repo, extra] = options.repository.split('/');
    if (!owner || !repo || extra !== undefined) {
      throw new ForgeError(`"${options.repository}" is not a GitHub repository name.`, 'Name the repository as owner/name, e.g. acme/environments.', 0);
    }
    this.ids = { owner, repo };
    this.apiUrl = options.apiUrl.replace(/\/+$/, '');
    this.scale = options.retryDelayScale ?? 1;
    this.octokit = createOctokit({
      apiUrl: this.apiUrl,
      token: options.token,
      fetch: options.fetch,
      log: options.log ?? (() => undefined),
      retryDelayScale: this.scale,
      onRequest: () => {
        this.requestCount++;
      },
    });
  }

  get requests(): number {
    return this.requestCount;
  }

  private redact(text: string): string {
    const redacted = this.options.redact ? this.options.redact(text) : text;
    return this.options.token === '' ? redacted : redacted.split(this.options.token).join('***');
  }

  private context(action: string, extraContext: Partial<ErrorContext> = {}): ErrorContext {
    return { action, repository: this.options.repository, apiUrl: this.apiUrl, redact: (text) => this.redact(text), ...extraContext };
  }

  private remember(pull: PullFields): ChangeRequest {
    this.nodeIds.set(pull.number, pull.node_id);
    return toChangeRequest(pull);
  }

  private async call<T>(ctx: ErrorContext, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw toForgeError(error, ctx);
    }
  }

  private pullNotFound(change: ChangeRequest, action: string): ErrorContext['notFound'] {
    return {
      message: `GitHub has no pull request #${change.number} in ${this.options.repository} (404 while trying to ${action}), or the token cannot see the repository.`,
      hint: 'The pull request may have been deleted with its repository or transferred; otherwise give the token access to the repository ("Pull requests: write").',
    };
  }

  /** Labels, assignees and reviewers right after a create can hit a replica that has not seen the pull request yet. */
  private async withConsistencyRetry(ctx: ErrorContext, send: () => Promise<unknown>): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await send();
        return;
      } catch (error) {
        const delay = CONSISTENCY_DELAYS_MS[attempt];
        const lagging =
          isGitHubHttpError(error) &&
          (error.status === 404 || (error.status === 422 && /could not resolve to a node/i.test(describeValidation(error))));
        if (!lagging || delay === undefined) throw toForgeError(error, ctx);
        this.options.log?.(`GitHub has not caught up with the new ${this.noun} yet; retrying to ${ctx.action} in ${delay}ms`);
        await sleep(delay * this.scale);
      }
    }
  }

  async findOpen(head: string, base: string): Promise<ChangeRequest | undefined> {
    const response = await this.call(this.context(`look up the open pull request ${head} → ${base}`), () =>
      this.octokit.request('GET /repos/{owner}/{repo}/pulls', { ...this.ids, state: 'open', head: `${this.ids.owner}:${head}`, base, per_page: 10 }),
    );
    const pull = response.data[0];
    return pull === undefined ? undefined : this.remember(pull);
  }

  async repository(): Promise<ForgeRepositoryInfo> {
    const { data } = await this.call(this.context('read the repository'), () => this.octokit.request('GET /repos/{owner}/{repo}', this.ids));
    return { defaultBranch: data.default_branch, webUrl: data.html_url };
  }

  async create(draft: ChangeRequestDraft): Promise<CreateOutcome> {
    const action = `open a pull request from ${draft.head} into ${draft.base}`;
    try {
      const { data } = await this.octokit.request('POST /repos/{owner}/{repo}/pulls', {
        ...this.ids,
        title: draft.title,
        head: draft.head,
        base: draft.base,
        body: draft.body,
        draft: draft.draft,
      });
      return { change: this.remember(data), created: true };
    } catch (error) {
      if (!isGitHubHttpError(error) || error.status !== 422) throw toForgeError(error, this.context(action));
      if (validationDetails(error).some((detail) => /pull request already exists/i.test(detail.message ?? ''))) {
        // Another run opened it between our lookup and our create: use theirs.
        const existing = await this.findOpen(draft.head, draft.base);
        if (existing) return { change: existing, created: false };
        throw new TransientForgeError(
          this.redact(`GitHub says a pull request from ${draft.head} into ${draft.base} already exists in ${this.options.repository}, but none is open.`),
          'Another run is probably closing or merging it right now; run the job again.',
          422,
        );
      }
      throw createRefusal(error, draft, this.context(action));
    }
  }

  async update(change: ChangeRequest, patch: { title?: string; body?: string }): Promise<ChangeRequest> {
    const fields: { title?: string; body?: string } = {};
    if (patch.title !== undefined && patch.title !== change.title) fields.title = patch.title;
    if (patch.body !== undefined && patch.body !== change.body) fields.body = patch.body;
    if (Object.keys(fields).length === 0) return change;
    const action = `update pull request #${change.number}`;
    const { data } = await this.call(this.context(action, { notFound: this.pullNotFound(change, action) }), () =>
      this.octokit.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', { ...this.ids, pull_number: change.number, ...fields }),
    );
    return this.remember(data);
  }

  async close(change: ChangeRequest, comment: string): Promise<void> {
    const action = `close pull request #${change.number}`;
    const ctx = this.context(action, { notFound: this.pullNotFound(change, action) });
    if (comment !== '') {
      await this.call(ctx, () =>
        this.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...this.ids, issue_number: change.number, body: comment }),
      );
    }
    await this.call(ctx, () =>
      this.octokit.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', { ...this.ids, pull_number: change.number, state: 'closed' }),
    );
  }

  async addLabels(change: ChangeRequest, labels: readonly string[]): Promise<void> {
    if (labels.length === 0) return;
    const action = `label pull request #${change.number}`;
    await this.withConsistencyRetry(this.context(action, { notFound: this.pullNotFound(change, action) }), () =>
      this.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
        ...this.ids,
        issue_number: change.number,
        labels: [...labels],
      }),
    );
  }

  async addAssignees(change: ChangeRequest, users: readonly string[]): Promise<void> {
    if (users.length === 0) return;
    const action = `assign pull request #${change.number} to ${users.join(', ')}`;
    await this.withConsistencyRetry(this.context(action, { notFound: this.pullNotFound(change, action) }), () =>
      this.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/assignees', {
        ...this.ids,
        issue_number: change.number,
        assignees: [...users],
      }),
    );
  }

  async requestReviewers(change: ChangeRequest, users: readonly string[], teams: readonly string[]): Promise<void> {
    if (users.length === 0 && teams.length === 0) return;
    const names = [...users, ...teams.map((team) => `team ${team}`)].join(', ');
    const action = `request reviews on pull request #${change.number} from ${names}`;
    await this.withConsistencyRetry(
      this.context(action, {
        notFound: this.pullNotFound(change, action),
        validationHint:
          'Reviewers must be collaborators of the repository (teams: have access to it) and cannot be the pull request author; fix `reviewers` / `team-reviewers`.',
      }),
      () =>
        this.octokit.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers', {
          ...this.ids,
          pull_number: change.number,
          reviewers: [...users],
          team_reviewers: [...teams],
        }),
    );
  }

  async enableAutoMerge(change: ChangeRequest, method: MergeMethod): Promise<AutoMergeOutcome> {
    const action = `enable auto-merge on pull request #${change.number}`;
    const ctx = this.context(action, { notFound: this.pullNotFound(change, action) });
    let nodeId = this.nodeIds.get(change.number);
    if (nodeId === undefined) {
      const { data } = await this.call(ctx, () =>
        this.octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...this.ids, pull_number: change.number }),
      );
      this.remember(data);
      nodeId = data.node_id;
    }
    const id = nodeId;
    const response: { data: unknown } = await this.call(ctx, () =>
      this.octokit.request(`POST ${gitHubGraphqlUrl(this.apiUrl)}`, {
        query: ENABLE_AUTO_MERGE,
        variables: { id, m: method.toUpperCase(), head: change.headSha },
      }),
    );
    return autoMergeOutcome(response.data, change, method, ctx);
  }

  async compare(repository: string, from: string, to: string): Promise<Comparison | undefined> {
    const [owner, repo, extra] = repository.split('/');
    if (!owner || !repo || extra !== undefined) {
      throw new ForgeError(`"${repository}" is not a GitHub repository name.`, 'Name the application repository as owner/name, e.g. acme/app.', 0);
    }
    const ctx = this.context(`compare ${from}...${to}`, { repository });
    try {
      // No per_page/page: then GitHub answers the newest 250 commits (oldest first) and the total,
      // so the newest 20 take one request whatever the comparison's size.
      const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/compare/{basehead}', { owner, repo, basehead: `${from}...${to}` });
      return toComparison(data);
    } catch (error) {
      // A ref (or the repository, for a token that cannot see it) GitHub does not know.
      if (isGitHubHttpError(error) && error.status === 404) return undefined;
      throw toForgeError(error, ctx);
    }
  }

  async commitThroughApi(request: ApiCommitRequest): Promise<ApiCommit> {
    const action = `commit to ${request.branch} through the API`;
    const ctx = this.context(action);
    const { data: tree } = await this.call(ctx, () =>
      this.octokit.request('POST /repos/{owner}/{repo}/git/trees', {
        ...this.ids,
        base_tree: request.parentTree,
        // Always a regular file: the API cannot keep an existing mode without reading the
        // parent tree first, and the files we write (manifests) are never executable.
        tree: request.files.map((file) => ({ path: file.path, mode: '100644' as const, type: 'blob' as const, content: file.content })),
      }),
    );
    // No author or committer: only then does GitHub sign the commit with its own key (Verified).
    const { data: commit } = await this.call(ctx, () =>
      this.octokit.request('POST /repos/{owner}/{repo}/git/commits', {
        ...this.ids,
        message: request.message,
        tree: tree.sha,
        parents: [request.parent],
      }),
    );
    const ref = `heads/${request.branch}`;
    if (request.expectedHead === undefined) {
      try {
        await this.octokit.request('POST /repos/{owner}/{repo}/git/refs', { ...this.ids, ref: `refs/${ref}`, sha: commit.sha });
      } catch (error) {
        if (isGitHubHttpError(error) && error.status === 422 && /reference already exists/i.test(describeValidation(error))) {
          throw this.branchRace(request, 'another run created the branch while this one was committing');
        }
        throw toForgeError(error, ctx);
      }
    } else if (request.fastForwardOnly) {
      // A shared branch: GitHub itself refuses to move it unless our commit descends from its
      // head, which is exactly the check a push makes; a refusal is a lost race.
      try {
        await this.octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { ...this.ids, ref, sha: commit.sha, force: false });
      } catch (error) {
        if (isGitHubHttpError(error) && error.status === 422 && /not a fast.forward|reference does not exist/i.test(describeValidation(error))) {
          throw this.branchRace(request, 'another push moved it first');
        }
        throw toForgeError(error, ctx);
      }
    } else {
      // The REST API has no compare-and-swap for refs; reading first narrows the window in which
      // a concurrent run's commit could be overwritten by our forced update to milliseconds.
      const current = await this.currentTip(ref);
      if (current !== request.expectedHead) {
        throw this.branchRace(request, current === undefined ? 'the branch was deleted' : `it now points at ${current}`);
      }
      try {
        await this.octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { ...this.ids, ref, sha: commit.sha, force: true });
      } catch (error) {
        if (isGitHubHttpError(error) && error.status === 422 && /reference does not exist/i.test(describeValidation(error))) {
          throw this.branchRace(request, 'the branch was deleted');
        }
        throw toForgeError(error, ctx);
      }
    }
    return { sha: commit.sha, verified: commit.verification.verified };
  }

  private async currentTip(ref: string): Promise<string | undefined> {
    try {
      const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { ...this.ids, ref });
      return data.object.sha;
    } catch (error) {
      if (isGitHubHttpError(error) && error.status === 404) return undefined;
      throw toForgeError(error, this.context(`read ${ref}`));
    }
  }

  private branchRace(request: ApiCommitRequest, what: string): ForgeBranchMovedError {
    return new ForgeBranchMovedError(
      this.redact(`Branch ${request.branch} in ${this.options.repository} changed under this run: ${what}.`),
      'Another run is promoting to the same branch; this run retries from the new state, or run the job again.',
      409,
    );
  }
}
