import type {
  ApiCommit,
  ApiCommitRequest,
  AutoMergeOutcome,
  ChangeRequest,
  ChangeRequestDraft,
  CreateOutcome,
  Forge,
  ForgeOptions,
  ForgeRepositoryInfo,
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

export { gitHubGraphqlUrl };

/**
 * The GitHub (and GitHub Enterprise Server) forge: pull requests over REST, auto-merge over
 * GraphQL, signed commits through the Git Data API. See github-octokit.ts for the retry and
 * rate-limit policy and github-errors.ts for how refusals are reported.
 */

/** Waits before resending a label/assignee/reviewer request GitHub answered before it caught up with a new pull request. */
const CONSISTENCY_DELAYS_MS = [500, 1000, 2000, 4000];

export function createGitHubForge(options: ForgeOptions): Forge {
  const [owner, repo, extra] = options.repository.split('/');
  if (!owner || !repo || extra !== undefined) {
    throw new ForgeError(
      `"${options.repository}" is not a GitHub repository name.`,
      'Name the repository as owner/name, e.g. acme/environments.',
      0,
    );
  }
  let requests = 0;
  const apiUrl = options.apiUrl.replace(/\/+$/, '');
  const scale = options.retryDelayScale ?? 1;
  const octokit: GitHubOctokit = createOctokit({
    apiUrl,
    token: options.token,
    fetch: options.fetch,
    log: options.log ?? (() => undefined),
    retryDelayScale: scale,
    onRequest: () => {
      requests++;
    },
  });
  const scrub = (text: string): string => {
    const redacted = options.redact ? options.redact(text) : text;
    return options.token === '' ? redacted : redacted.split(options.token).join('***');
  };
  const context = (action: string, extraContext: Partial<ErrorContext> = {}): ErrorContext => ({
    action,
    repository: options.repository,
    apiUrl,
    scrub,
    ...extraContext,
  });
  const nodeIds = new Map<number, string>();
  const remember = (pull: PullFields): ChangeRequest => {
    nodeIds.set(pull.number, pull.node_id);
    return toChangeRequest(pull);
  };
  const call = async <T>(ctx: ErrorContext, send: () => Promise<T>): Promise<T> => {
    try {
      return await send();
    } catch (error) {
      throw toForgeError(error, ctx);
    }
  };
  const noun = 'pull request';
  const pullNotFound = (change: ChangeRequest, action: string): ErrorContext['notFound'] => ({
    message: `GitHub has no pull request #${change.number} in ${options.repository} (404 while trying to ${action}), or the token cannot see the repository.`,
    hint: 'The pull request may have been deleted with its repository or transferred; otherwise give the token access to the repository ("Pull requests: write").',
  });

  /** Labels, assignees and reviewers right after a create can hit a replica that has not seen the pull request yet. */
  const withConsistencyRetry = async (ctx: ErrorContext, send: () => Promise<unknown>): Promise<void> => {
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
        options.log?.(`GitHub has not caught up with the new ${noun} yet; retrying to ${ctx.action} in ${delay}ms`);
        await sleep(delay * scale);
      }
    }
  };

  const findOpen = async (head: string, base: string): Promise<ChangeRequest | undefined> => {
    const response = await call(context(`look up the open pull request ${head} → ${base}`), () =>
      octokit.request('GET /repos/{owner}/{repo}/pulls', { owner, repo, state: 'open', head: `${owner}:${head}`, base, per_page: 10 }),
    );
    const pull = response.data[0];
    return pull === undefined ? undefined : remember(pull);
  };

  const forge: Forge = {
    kind: 'github',
    noun,
    get requests() {
      return requests;
    },

    async repository(): Promise<ForgeRepositoryInfo> {
      const { data } = await call(context('read the repository'), () => octokit.request('GET /repos/{owner}/{repo}', { owner, repo }));
      return { defaultBranch: data.default_branch, webUrl: data.html_url };
    },

    findOpen,

    async create(draft: ChangeRequestDraft): Promise<CreateOutcome> {
      const action = `open a pull request from ${draft.head} into ${draft.base}`;
      try {
        const { data } = await octokit.request('POST /repos/{owner}/{repo}/pulls', {
          owner,
          repo,
          title: draft.title,
          head: draft.head,
          base: draft.base,
          body: draft.body,
          draft: draft.draft,
        });
        return { change: remember(data), created: true };
      } catch (error) {
        if (!isGitHubHttpError(error) || error.status !== 422) throw toForgeError(error, context(action));
        if (validationDetails(error).some((detail) => /pull request already exists/i.test(detail.message ?? ''))) {
          // Another run opened it between our lookup and our create: use theirs.
          const existing = await findOpen(draft.head, draft.base);
          if (existing) return { change: existing, created: false };
          throw new TransientForgeError(
            scrub(`GitHub says a pull request from ${draft.head} into ${draft.base} already exists in ${options.repository}, but none is open.`),
            'Another run is probably closing or merging it right now; run the job again.',
            422,
          );
        }
        throw createRefusal(error, draft, context(action));
      }
    },

    async update(change, patch): Promise<ChangeRequest> {
      const fields: { title?: string; body?: string } = {};
      if (patch.title !== undefined && patch.title !== change.title) fields.title = patch.title;
      if (patch.body !== undefined && patch.body !== change.body) fields.body = patch.body;
      if (Object.keys(fields).length === 0) return change;
      const action = `update pull request #${change.number}`;
      const { data } = await call(context(action, { notFound: pullNotFound(change, action) }), () =>
        octokit.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', { owner, repo, pull_number: change.number, ...fields }),
      );
      return remember(data);
    },

    async close(change, comment): Promise<void> {
      const action = `close pull request #${change.number}`;
      const ctx = context(action, { notFound: pullNotFound(change, action) });
      if (comment !== '') {
        await call(ctx, () =>
          octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number: change.number, body: comment }),
        );
      }
      await call(ctx, () =>
        octokit.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', { owner, repo, pull_number: change.number, state: 'closed' }),
      );
    },

    async addLabels(change, labels): Promise<void> {
      if (labels.length === 0) return;
      const action = `label pull request #${change.number}`;
      await withConsistencyRetry(context(action, { notFound: pullNotFound(change, action) }), () =>
        octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
          owner,
          repo,
          issue_number: change.number,
          labels: [...labels],
        }),
      );
    },

    async addAssignees(change, users): Promise<void> {
      if (users.length === 0) return;
      const action = `assign pull request #${change.number} to ${users.join(', ')}`;
      await withConsistencyRetry(context(action, { notFound: pullNotFound(change, action) }), () =>
        octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/assignees', {
          owner,
          repo,
          issue_number: change.number,
          assignees: [...users],
        }),
      );
    },

    async requestReviewers(change, users, teams): Promise<void> {
      if (users.length === 0 && teams.length === 0) return;
      const names = [...users, ...teams.map((team) => `team ${team}`)].join(', ');
      const action = `request reviews on pull request #${change.number} from ${names}`;
      await withConsistencyRetry(
        context(action, {
          notFound: pullNotFound(change, action),
          validationHint:
            'Reviewers must be collaborators of the repository (teams: have access to it) and cannot be the pull request author; fix `reviewers` / `team-reviewers`.',
        }),
        () =>
          octokit.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers', {
            owner,
            repo,
            pull_number: change.number,
            reviewers: [...users],
            team_reviewers: [...teams],
          }),
      );
    },

    async enableAutoMerge(change, method): Promise<AutoMergeOutcome> {
      const action = `enable auto-merge on pull request #${change.number}`;
      const ctx = context(action, { notFound: pullNotFound(change, action) });
      let nodeId = nodeIds.get(change.number);
      if (nodeId === undefined) {
        const { data } = await call(ctx, () =>
          octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { owner, repo, pull_number: change.number }),
        );
        remember(data);
        nodeId = data.node_id;
      }
      const id = nodeId;
      const response: { data: unknown } = await call(ctx, () =>
        octokit.request(`POST ${gitHubGraphqlUrl(apiUrl)}`, {
          query: ENABLE_AUTO_MERGE,
          variables: { id, m: method.toUpperCase(), head: change.headSha },
        }),
      );
      return autoMergeOutcome(response.data, change, method, ctx);
    },

    async commitThroughApi(request: ApiCommitRequest): Promise<ApiCommit> {
      const action = `commit to ${request.branch} through the API`;
      const ctx = context(action);
      const { data: tree } = await call(ctx, () =>
        octokit.request('POST /repos/{owner}/{repo}/git/trees', {
          owner,
          repo,
          base_tree: request.parentTree,
          // Always a regular file: the API cannot keep an existing mode without reading the
          // parent tree first, and the files we write (manifests) are never executable.
          tree: request.files.map((file) => ({ path: file.path, mode: '100644' as const, type: 'blob' as const, content: file.content })),
        }),
      );
      // No author or committer: only then does GitHub sign the commit with its own key (Verified).
      const { data: commit } = await call(ctx, () =>
        octokit.request('POST /repos/{owner}/{repo}/git/commits', {
          owner,
          repo,
          message: request.message,
          tree: tree.sha,
          parents: [request.parent],
        }),
      );
      const ref = `heads/${request.branch}`;
      if (request.expectedHead === undefined) {
        try {
          await octokit.request('POST /repos/{owner}/{repo}/git/refs', { owner, repo, ref: `refs/${ref}`, sha: commit.sha });
        } catch (error) {
          if (isGitHubHttpError(error) && error.status === 422 && /reference already exists/i.test(describeValidation(error))) {
            throw branchRace(request, 'another run created the branch while this one was committing');
          }
          throw toForgeError(error, ctx);
        }
      } else if (request.fastForwardOnly) {
        // A shared branch: GitHub itself refuses to move it unless our commit descends from its
        // head, which is exactly the check a push makes; a refusal is a lost race.
        try {
          await octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { owner, repo, ref, sha: commit.sha, force: false });
        } catch (error) {
          if (isGitHubHttpError(error) && error.status === 422 && /not a fast.forward|reference does not exist/i.test(describeValidation(error))) {
            throw branchRace(request, 'another push moved it first');
          }
          throw toForgeError(error, ctx);
        }
      } else {
        // The REST API has no compare-and-swap for refs; reading first narrows the window in which
        // a concurrent run's commit could be overwritten by our forced update to milliseconds.
        const current = await currentTip(ref);
        if (current !== request.expectedHead) {
          throw branchRace(request, current === undefined ? 'the branch was deleted' : `it now points at ${current}`);
        }
        try {
          await octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { owner, repo, ref, sha: commit.sha, force: true });
        } catch (error) {
          if (isGitHubHttpError(error) && error.status === 422 && /reference does not exist/i.test(describeValidation(error))) {
            throw branchRace(request, 'the branch was deleted');
          }
          throw toForgeError(error, ctx);
        }
      }
      return { sha: commit.sha, verified: commit.verification.verified };
    },
  };

  const currentTip = async (ref: string): Promise<string | undefined> => {
    try {
      const { data } = await octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { owner, repo, ref });
      return data.object.sha;
    } catch (error) {
      if (isGitHubHttpError(error) && error.status === 404) return undefined;
      throw toForgeError(error, context(`read ${ref}`));
    }
  };

  const branchRace = (request: ApiCommitRequest, what: string): ForgeBranchMovedError =>
    new ForgeBranchMovedError(
      scrub(`Branch ${request.branch} in ${options.repository} changed under this run: ${what}.`),
      'Another run is promoting to the same branch; this run retries from the new state, or run the job again.',
      409,
    );

  return forge;
}

