import { Branches, Commits, MergeRequestNotes, MergeRequests, Projects, Repositories, Users, type MergeRequestSchema } from '@gitbeaker/rest';
import { ForgeBranchMovedError, ForgeError } from './errors';
import type { ApiCommit, ApiCommitRequest, AutoMergeOutcome, ChangeRequest, ChangeRequestDraft, Comparison, CreateOutcome, Forge, ForgeOptions, ForgeRepositoryInfo, MergeMethod } from './forge';
import { toComparison, type GitLabCompare } from './gitlab-compare';
import { GitLabRequestError } from './gitlab-errors';
import { autoMergeRefusal, hostOf, toChangeRequest } from './gitlab-mapping';
import { createTransport } from './gitlab-transport';

/**
 * Seconds between auto-merge attempts GitLab refused with 405, 30 s in all: long enough for GitLab
 * to create a new MR's pipeline (the reporter of gitlab-org/gitlab#353984 needed up to 20 s),
 * short enough that a project without pipelines is told so within half a minute.
 */
const PIPELINE_CREATION_WAITS_S: readonly number[] = [1, 2, 3, 5, 8, 11];

/** What only GitLab needs, kept out of ForgeOptions. */
export interface GitLabForgeExtras {
  /**
   * The token is the job's CI_JOB_TOKEN (the caller compares it with the environment; this module
   * never reads process.env): it is sent as JOB-TOKEN instead of PRIVATE-TOKEN.
   */
  jobToken?: boolean;
}

/**
 * GitLab merge requests through gitbeaker, sent by our own transport (gitlab-transport.ts).
 * `options.apiUrl` is the /api/v4 base; a self-managed GitLab under a sub-path
 * (https://example.com/gitlab/api/v4) keeps its sub-path, since gitbeaker appends /api/v4 to `host`.
 */
export function createGitLabForge(options: ForgeOptions, extras: GitLabForgeExtras = {}): Forge {
  return new GitLabForge(options, extras.jobToken === true);
}

class GitLabForge implements Forge {
  readonly kind = 'gitlab' as const;
  readonly noun = 'merge request';
  private readonly project: string;
  private readonly token: string;
  private readonly transport: ReturnType<typeof createTransport>;
  private readonly projects: Projects;
  private readonly mergeRequests: MergeRequests;
  private readonly notes: MergeRequestNotes;
  private readonly users: Users;
  private readonly commits: Commits;
  private readonly branches: Branches;
  private readonly repositories: Repositories;
  /** username (lower case) → id, filled from every merge request seen and every /users lookup. */
  private readonly userIds = new Map<string, number>();

  constructor(
    private readonly options: ForgeOptions,
    jobToken: boolean,
  ) {
    this.project = options.repository.replace(/^\/+|\/+$/g, '');
    this.token = options.token;
    this.transport = createTransport({
      fetch: options.fetch ?? globalThis.fetch,
      project: this.project,
      jobToken,
      log: options.log ?? (() => undefined),
      redact: (text) => this.redact(text),
      retryDelayScale: options.retryDelayScale ?? 1,
    });
    // queryTimeout null: gitbeaker's timeout covers all retries of a call; the transport times each attempt.
    const config = { host: hostOf(options.apiUrl), requesterFn: this.transport.requesterFn, queryTimeout: null, ...(jobToken ? { jobToken: this.token } : { token: this.token }) };
    this.projects = new Projects(config);
    this.mergeRequests = new MergeRequests(config);
    this.notes = new MergeRequestNotes(config);
    this.users = new Users(config);
    this.commits = new Commits(config);
    this.branches = new Branches(config);
    this.repositories = new Repositories(config);
  }

  get requests(): number {
    return this.transport.requests;
  }

  private redact(text: string): string {
    const redacted = this.options.redact ? this.options.redact(text) : text;
    return this.token ? redacted.split(this.token).join('***') : redacted;
  }

  private toChange(mr: MergeRequestSchema): ChangeRequest {
    for (const user of [...(mr.assignees ?? []), ...(mr.reviewers ?? [])]) this.userIds.set(user.username.toLowerCase(), user.id);
    return toChangeRequest(mr);
  }

  async findOpen(head: string, base: string): Promise<ChangeRequest | undefined> {
    const found = await this.mergeRequests.all({ projectId: this.project, state: 'opened', sourceBranch: head, targetBranch: base });
    const first = found.find((mr) => mr.source_branch === head && mr.target_branch === base);
    return first ? this.toChange(first) : undefined;
  }

  /** Ids for usernames, looking each unknown one up once; every unknown name is reported together. */
  private async idsOf(usernames: readonly string[]): Promise<number[]> {
    const missing = [...new Set(usernames.map((name) => name.toLowerCase()).filter((name) => !this.userIds.has(name)))];
    const unknown: string[] = [];
    await Promise.all(
      missing.map(async (name) => {
        const found = await this.users.all({ username: name });
        const user = found.find((candidate) => candidate.username.toLowerCase() === name);
        if (user) this.userIds.set(name, user.id);
        else unknown.push(usernames.find((original) => original.toLowerCase() === name) ?? name);
      }),
    );
    if (unknown.length > 0) {
      const list = unknown.map((name) => `'${name}'`).join(', ');
      // GitLab answers 200 [] for a username it does not know; 404 is what that means here.
      throw new ForgeError(
        this.redact(`GitLab has no user ${list}`),
        this.redact(`Use GitLab usernames (the @name in a profile URL), not display names or e-mail addresses; a user the token cannot see is also not found.`),
        404,
      );
    }
    return usernames.map((name) => this.userIds.get(name.toLowerCase()) as number);
  }

  /** Usernames from `wanted` not already in `present`; GitLab usernames are case-insensitive. */
  private added(present: readonly string[], wanted: readonly string[]): string[] {
    const have = new Set(present.map((name) => name.toLowerCase()));
    return [...new Set(wanted)].filter((name) => !have.has(name.toLowerCase()));
  }


  async repository(): Promise<ForgeRepositoryInfo> {
    const info = await this.projects.show(this.project);
    if (!info.default_branch) {
      throw new ForgeError(
        this.redact(`GitLab project ${this.project} has no default branch: its repository is empty`),
        'Push an initial commit (with the environment manifests) to the project first.',
        0,
      );
    }
    return { defaultBranch: info.default_branch, webUrl: info.web_url };
  }

  async create(draft: ChangeRequestDraft): Promise<CreateOutcome> {
    try {
      const mr = await this.mergeRequests.create(this.project, draft.head, draft.base, draft.draft ? `Draft: ${draft.title}` : draft.title, {
        description: draft.body,
        removeSourceBranch: true,
      });
      return { change: this.toChange(mr), created: true };
    } catch (error) {
      // 409: "Another open merge request already exists for this source branch: !12" (the text
      // is translated on some instances, so only the status is trusted). Another run won the race.
      if (!(error instanceof ForgeError) || error.status !== 409) throw error;
      // By source branch only: GitLab allows one open MR per source branch, whatever its target.
      const open = await this.mergeRequests.all({ projectId: this.project, state: 'opened', sourceBranch: draft.head });
      const same = open.find((mr) => mr.target_branch === draft.base);
      if (same) return { change: this.toChange(same), created: false };
      const other = open[0];
      throw new ForgeError(
        error.message,
        this.redact(
          other
            ? `Merge request !${other.iid} (${other.web_url}) already takes ${draft.head} into ${other.target_branch}; close it, or promote from another branch.`
            : `An open merge request from ${draft.head} already exists; close it, or promote from another branch.`,
        ),
        409,
      );
    }
  }

  async update(change: ChangeRequest, patch: { title?: string; body?: string }): Promise<ChangeRequest> {
    const body: { title?: string; description?: string } = {};
    if (patch.title !== undefined && patch.title !== change.title) body.title = change.draft ? `Draft: ${patch.title}` : patch.title;
    if (patch.body !== undefined && patch.body !== change.body) body.description = patch.body;
    if (body.title === undefined && body.description === undefined) return change;
    return this.toChange(await this.mergeRequests.edit(this.project, change.number, body));
  }

  async close(change: ChangeRequest, comment: string): Promise<void> {
    if (comment !== '') await this.notes.create(this.project, change.number, comment);
    await this.mergeRequests.edit(this.project, change.number, { stateEvent: 'close' });
  }

  async addLabels(change: ChangeRequest, labels: readonly string[]): Promise<void> {
    const wanted = labels.filter((label) => !change.labels.includes(label));
    if (wanted.length === 0) return;
    const comma = wanted.find((label) => label.includes(','));
    if (comma !== undefined) {
      throw new ForgeError(
        this.redact(`GitLab label '${comma}' contains a comma, which GitLab reads as a separator between labels`),
        'Rename the label without commas.',
        0,
      );
    }
    // add_labels keeps existing labels, and GitLab creates project labels it does not have.
    await this.mergeRequests.edit(this.project, change.number, { addLabels: [...new Set(wanted)].join(',') });
  }

  async addAssignees(change: ChangeRequest, wanted: readonly string[]): Promise<void> {
    const more = this.added(change.assignees, wanted);
    if (more.length === 0) return;
    // assignee_ids replaces the list, so the present assignees go along (their ids came with the MR).
    await this.mergeRequests.edit(this.project, change.number, { assigneeIds: await this.idsOf([...change.assignees, ...more]) });
  }

  async requestReviewers(change: ChangeRequest, wanted: readonly string[], _teams: readonly string[]): Promise<void> {
    // GitLab has no team reviewers; steps refuse `team-reviewers` on GitLab before getting here.
    const more = this.added(change.reviewers, wanted);
    if (more.length === 0) return;
    await this.mergeRequests.edit(this.project, change.number, { reviewerIds: await this.idsOf([...change.reviewers, ...more]) });
  }



  async enableAutoMerge(change: ChangeRequest, method: MergeMethod): Promise<AutoMergeOutcome> {
    if (method === 'rebase') {
      return { enabled: false, reason: 'GitLab has no rebase merge method per request; set the project merge method' };
    }
    const mr = `!${change.number}`;
    for (let attempt = 0; ; attempt++) {
      try {
        const merged = await this.mergeRequests.merge(this.project, change.number, {
          sha: change.headSha,
          shouldRemoveSourceBranch: true,
          squash: method === 'squash',
          // auto_merge is the GitLab ≥ 17.11 name, merge_when_pipeline_succeeds the older one; both are accepted.
          autoMerge: true,
          mergeWhenPipelineSucceeds: true,
        });
        // GitLab merges at once when the head pipeline has already succeeded: more than was asked, and fine.
        if (merged.state === 'merged') this.options.log?.(`GitLab merged ${mr} at once: its pipeline had already succeeded.`);
        return { enabled: true };
      } catch (error) {
        const reason = error instanceof GitLabRequestError ? autoMergeRefusal(error, change) : undefined;
        if (reason === undefined) throw error;
        const wait = PIPELINE_CREATION_WAITS_S[attempt];
        if (!(error instanceof GitLabRequestError) || error.status !== 405 || change.draft || wait === undefined) return { enabled: false, reason: this.redact(reason) };
        // 405 right after a push or the MR's creation: GitLab creates the MR's pipeline in the
        // background and refuses auto-merge until it exists (gitlab-org/gitlab#353984). A project
        // with no pipeline at all answers 405 too; it gets the report once the waits are spent.
        this.options.log?.(`GitLab refused auto-merge on ${mr} (HTTP 405): its pipeline may still be being created; retrying in ${wait} s.`);
        await this.pause(wait * 1000);
      }
    }
  }

  private pause(ms: number): Promise<void> {
    const scaled = Math.max(0, Math.round(ms * (this.options.retryDelayScale ?? 1)));
    return scaled > 0 ? new Promise((resolve) => setTimeout(resolve, scaled)) : Promise.resolve();
  }

  /**
   * GitLab signs commits that its Commits API creates (on gitlab.com with its own key), which is
   * what sign-commits wants. GitLab builds the tree itself from the branch or `start_sha` plus the
   * actions, so `parentTree` is not needed. Every action is `update`: the step only rewrites files
   * that exist at `parent` (GitLab has no upsert, and `update` of a missing file is refused with 400,
   * which is right). GitLab offers no compare-and-swap on the ref, so a branch that is not at
   * `expectedHead` when read just before is a lost race (ForgeBranchMovedError, retried like
   * GitHub's). `fastForwardOnly` (a shared branch): the commit goes onto the branch's head, never
   * forced; otherwise `force` replaces our own earlier commit on a change branch.
   */
  async compare(repository: string, from: string, to: string): Promise<Comparison | undefined> {
    const project = repository.replace(/^\/+|\/+$/g, '');
    let answer: GitLabCompare;
    try {
      answer = (await this.repositories.compare(project, from, to)) as GitLabCompare;
    } catch (error) {
      if (error instanceof GitLabRequestError && error.status === 403) {
        // The transport names the environment project; here the application's is meant.
        throw new ForgeError(
          this.redact(`GitLab refused to compare ${from}...${to} in ${project} (HTTP 403${error.serverMessage ? `: ${error.serverMessage}` : ''})`),
          'The token needs read access to the application project (the Reporter role and the `read_api` or `api` scope).',
          403,
        );
      }
      if (!(error instanceof GitLabRequestError) || error.status !== 404) throw error;
      // "404 Ref Not Found": `from` or `to` is no branch, tag or commit of the project.
      if (!/project not found/i.test(error.serverMessage ?? '')) return undefined;
      throw new ForgeError(
        this.redact(`GitLab found no project ${project} to compare ${from}...${to} in (HTTP 404): it does not exist, or the token cannot see it`),
        `Check \`source-repository\` (group/subgroup/project, as in the project's URL) and that the token's user or bot can read that project (Reporter role); GitLab answers 404 rather than 403 for projects a token cannot read.`,
        404,
      );
    }
    return toComparison(answer, `${hostOf(this.options.apiUrl)}/${project}`, from, to);
  }

  async commitThroughApi(request: ApiCommitRequest): Promise<ApiCommit> {
    if (request.expectedHead !== undefined) {
      const head = await this.branchHead(request.branch);
      if (head !== request.expectedHead) {
        throw new ForgeBranchMovedError(
          this.redact(`Branch ${request.branch} in ${this.project} changed under this run: ${head === undefined ? 'the branch was deleted' : `it now points at ${head}`}.`),
          'Another run is promoting to the same branch; this run retries from the new state, or run the job again.',
          409,
        );
      }
    }
    const onto = request.fastForwardOnly && request.expectedHead !== undefined ? {} : { startSha: request.parent, force: request.expectedHead !== undefined };
    const commit = await this.commits.create(
      this.project,
      request.branch,
      request.message,
      request.files.map((file) => ({ action: 'update' as const, filePath: file.path, content: file.content, encoding: 'text' })),
      onto,
    );
    return { sha: commit.id, verified: await this.verified(commit.id) };
  }

  /** The commit `branch` points at; undefined when it does not exist. */
  private async branchHead(branch: string): Promise<string | undefined> {
    try {
      return (await this.branches.show(this.project, branch)).commit.id;
    } catch (error) {
      if (error instanceof ForgeError && error.status === 404) return undefined;
      throw error;
    }
  }

  private async verified(sha: string): Promise<boolean> {
    try {
      const signature = await this.commits.showGPGSignature(this.project, sha);
      const status = (signature as { verification_status?: unknown }).verification_status;
      // verified_system: signed by GitLab itself (web and API commits).
      return status === 'verified' || status === 'verified_system';
    } catch (error) {
      // 404 "GPG Signature Not Found": the commit is unsigned (e.g. a self-managed instance without a signing key).
      if (error instanceof ForgeError && error.status === 404) return false;
      throw error;
    }
  }
}
