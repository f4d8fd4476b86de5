/**
 * Where the environment repository lives, as far as change requests go: GitHub pull requests or
 * GitLab merge requests. Independent of the CI runner (a GitLab job may promote on GitHub), so
 * this is not part of `Platform`. Steps talk to this interface only; `select.ts` picks the
 * implementation; `cli/demo-forge.ts` is the in-memory one the demo (and step tests) use.
 *
 * Every method is one logical operation and hides the forge's quirks: "already exists" races
 * become lookups, the "could not resolve to a node" that follows a create is retried, rate limits
 * are waited out. Failures are `ForgeError`s (errors.ts), marked retryable or terminal.
 */
export type ForgeKind = 'github' | 'gitlab';

export type MergeMethod = 'merge' | 'squash' | 'rebase';

/** An open (or just closed) pull request / merge request, in the forge-neutral shape steps use. */
export interface ChangeRequest {
  /** GitHub PR number; GitLab MR iid. */
  number: number;
  /** The page a person opens: html_url / web_url. */
  url: string;
  title: string;
  /** '' when the forge has none. */
  body: string;
  /** Source branch. */
  head: string;
  /** Target branch. */
  base: string;
  headSha: string;
  draft: boolean;
  state: 'open' | 'closed' | 'merged';
  labels: string[];
  /** Logins (GitHub) / usernames (GitLab). */
  assignees: string[];
  /** Requested reviewers' logins / usernames. */
  reviewers: string[];
  /** GitHub team slugs requested for review; always [] on GitLab. */
  teamReviewers: string[];
  /** Auto-merge is already enabled (GitHub auto_merge set; GitLab merge_when_pipeline_succeeds / auto_merge). */
  autoMerge: boolean;
}

export interface ChangeRequestDraft {
  head: string;
  base: string;
  title: string;
  body: string;
  draft: boolean;
}

export interface ForgeRepositoryInfo {
  defaultBranch: string;
  /** The repository's page, e.g. https://github.com/acme/envs. */
  webUrl: string;
}

export interface CreateOutcome {
  change: ChangeRequest;
  /** false when the forge said one already exists for head→base and it was looked up instead. */
  created: boolean;
}

export type AutoMergeOutcome = { enabled: true } | { enabled: false; reason: string };

/** A commit made by the forge itself (so it signs it: GitHub shows it Verified). */
export interface ApiCommitRequest {
  branch: string;
  /** Parent commit, already on the forge (the tip of base we built on). */
  parent: string;
  /** Tree of `parent`, so the new tree is `parent`'s with `files` replaced. */
  parentTree: string;
  message: string;
  /** Full new content of each changed file, path relative to the repository root. */
  files: ReadonlyArray<{ path: string; content: string }>;
  /**
   * The branch head the caller observed, which the commit replaces (our own earlier commit);
   * undefined means the branch must not exist yet and is created.
   */
  expectedHead?: string;
  /**
   * Move the branch only if the new commit descends from its head (a shared branch others push
   * to: a moved head is a lost race, reported as a retryable 409/422). Otherwise the head is
   * replaced (our own change-request branch, rebuilt on base).
   */
  fastForwardOnly?: boolean;
}

export interface ApiCommit {
  sha: string;
  /** What the forge says of the commit's signature (GitHub `verification.verified`). */
  verified: boolean;
}

/** One commit of a {@link Comparison}, in the forge-neutral shape the changelog renders. */
export interface ComparedCommit {
  sha: string;
  /** The first line of the message. */
  subject: string;
  /** The git author's name. */
  authorName: string;
  /** The forge account git's author e-mail belongs to (GitHub only; GitLab's compare does not say). */
  authorLogin?: string;
  /** The commit's page. */
  url: string;
}

/** What one repository's history adds between two refs (`from`…`to`, from their merge base). */
export interface Comparison {
  /** The newest commits first, at most {@link COMPARISON_COMMITS}. */
  commits: ComparedCommit[];
  /** How many commits `to` has that `from` has not, all of them (commits may hold fewer). */
  totalCommits: number;
  /** The forge's compare page for the two refs. */
  webUrl: string;
  /** The compared repository's page (https://github.com/acme/app), for links to its pull/merge requests. */
  repositoryUrl: string;
}

/** How many commits a {@link Comparison} carries at most: what a change request's body shows. */
export const COMPARISON_COMMITS = 20;

export interface Forge {
  readonly kind: ForgeKind;
  /** 'pull request' or 'merge request', for messages. */
  readonly noun: string;
  /** Requests sent so far (retries included): for logs and the benchmark. */
  readonly requests: number;
  repository(): Promise<ForgeRepositoryInfo>;
  /** The open change request from `head` into `base`, if any. */
  findOpen(head: string, base: string): Promise<ChangeRequest | undefined>;
  create(draft: ChangeRequestDraft): Promise<CreateOutcome>;
  update(change: ChangeRequest, patch: { title?: string; body?: string }): Promise<ChangeRequest>;
  /** Comments, then closes. */
  close(change: ChangeRequest, comment: string): Promise<void>;
  /** Adds labels (creating missing ones where the forge needs that); existing labels stay. */
  addLabels(change: ChangeRequest, labels: readonly string[]): Promise<void>;
  addAssignees(change: ChangeRequest, users: readonly string[]): Promise<void>;
  requestReviewers(change: ChangeRequest, users: readonly string[], teams: readonly string[]): Promise<void>;
  /** Auto-merge once checks pass, pinned to `change.headSha`; a refusal the user can act on is returned, not thrown. */
  enableAutoMerge(change: ChangeRequest, method: MergeMethod): Promise<AutoMergeOutcome>;
  /**
   * The commits `to` adds to `from` in ANOTHER repository on the same forge (the application's:
   * `owner/app`, `group/sub/app`), newest first, in one request. undefined when the forge answers
   * 404 for a ref; GitHub answers the same 404 for a repository the token cannot see (and for two
   * refs without a common ancestor), GitLab names a missing project, which is a ForgeError.
   */
  compare(repository: string, from: string, to: string): Promise<Comparison | undefined>;
  /** Commits through the API (sign-commits). Forges that cannot sign this way leave it undefined. */
  commitThroughApi?(request: ApiCommitRequest): Promise<ApiCommit>;
}

/** What every forge implementation is built from. */
export interface ForgeOptions {
  /** REST base: https://api.github.com, https://ghe.example.com/api/v3, https://gitlab.example.com/api/v4. */
  apiUrl: string;
  token: string;
  /** `owner/name` (GitHub) or `group/sub/project` (GitLab). */
  repository: string;
  /** Replaces the HTTP client's fetch; in-process tests pass globalThis.fetch so nock sees requests. */
  fetch?: typeof globalThis.fetch;
  /** Progress a person should see (waiting out a rate limit, a retry). */
  log?: (message: string) => void;
  /** Removes registered secrets from text before it goes into an error. */
  redact?: (text: string) => string;
  /** Retry delays are multiplied by this (tests use 0 or a small number); default 1. */
  retryDelayScale?: number;
}
