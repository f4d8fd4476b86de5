import { execFileSync } from 'node:child_process';
import {
  COMPARISON_COMMITS,
  type ApiCommit,
  type ApiCommitRequest,
  type AutoMergeOutcome,
  type ChangeRequest,
  type ChangeRequestDraft,
  type Comparison,
  type CreateOutcome,
  type Forge,
  type ForgeKind,
  type ForgeRepositoryInfo,
  type MergeMethod,
} from '../forge/forge';

/** An application repository the fake forge compares refs in: a local git repository and its page. */
export interface FakeSourceRepository {
  gitDir: string;
  /** e.g. https://github.invalid/acme/app */
  webUrl: string;
}

/**
 * An in-memory forge: the demo's stand-in for GitHub's API (cli/demo.ts hands it to the step
 * through its context), and step tests' too. Change requests in an array, every call counted, writes
 * listed. It keeps the rules steps rely on: one open change request per head→base (a second
 * create answers "already exists", as both forges do), closing removes it from findOpen.
 * `branchHead` says what sha a branch points to (tests pass the real git repository's).
 * `sourceRepositories` are the application repositories `compare` answers from (git itself).
 */
export class FakeForge implements Forge {
  readonly noun: string;
  readonly changes: ChangeRequest[] = [];
  readonly comments: Array<{ number: number; body: string }> = [];
  readonly writes: string[] = [];
  requests = 0;
  autoMergeRefusal: string | undefined;
  apiCommits: ApiCommitRequest[] = [];
  /** Repository name (acme/app) → the local git repository compare reads. */
  readonly sourceRepositories = new Map<string, FakeSourceRepository>();

  constructor(
    readonly kind: ForgeKind,
    private readonly info: ForgeRepositoryInfo,
    private readonly branchHead: (branch: string) => string | undefined,
    private readonly commitThroughApiImpl?: (request: ApiCommitRequest) => Promise<ApiCommit>,
  ) {
    this.noun = kind === 'github' ? 'pull request' : 'merge request';
    if (commitThroughApiImpl) {
      this.commitThroughApi = async (request) => {
        this.requests++;
        this.writes.push(`commit ${request.branch}`);
        this.apiCommits.push(request);
        return commitThroughApiImpl(request);
      };
    }
  }

  commitThroughApi?: (request: ApiCommitRequest) => Promise<ApiCommit>;

  async repository(): Promise<ForgeRepositoryInfo> {
    this.requests++;
    return this.info;
  }

  async findOpen(head: string, base: string): Promise<ChangeRequest | undefined> {
    this.requests++;
    const found = this.changes.find((change) => change.state === 'open' && change.head === head && change.base === base);
    return found ? this.fresh(found) : undefined;
  }

  async create(draft: ChangeRequestDraft): Promise<CreateOutcome> {
    this.requests++;
    const existing = this.changes.find((change) => change.state === 'open' && change.head === draft.head && change.base === draft.base);
    if (existing) return { change: this.fresh(existing), created: false };
    const headSha = this.branchHead(draft.head);
    if (headSha === undefined) throw new Error(`fake forge: head branch ${draft.head} does not exist`);
    this.writes.push(`create ${draft.head}`);
    const number = this.changes.length + 1;
    const change: ChangeRequest = {
      number,
      url: `${this.info.webUrl}/pull/${number}`,
      title: draft.title,
      body: draft.body,
      head: draft.head,
      base: draft.base,
      headSha,
      draft: draft.draft,
      state: 'open',
      labels: [],
      assignees: [],
      reviewers: [],
      teamReviewers: [],
      autoMerge: false,
    };
    this.changes.push(change);
    return { change: { ...change }, created: true };
  }

  async update(change: ChangeRequest, patch: { title?: string; body?: string }): Promise<ChangeRequest> {
    this.requests++;
    this.writes.push(`update #${change.number}`);
    const stored = this.stored(change);
    if (patch.title !== undefined) stored.title = patch.title;
    if (patch.body !== undefined) stored.body = patch.body;
    return this.fresh(stored);
  }

  async close(change: ChangeRequest, comment: string): Promise<void> {
    this.requests += 2;
    this.writes.push(`close #${change.number}`);
    this.comments.push({ number: change.number, body: comment });
    this.stored(change).state = 'closed';
  }

  async addLabels(change: ChangeRequest, labels: readonly string[]): Promise<void> {
    this.requests++;
    this.writes.push(`labels #${change.number} ${labels.join(',')}`);
    const stored = this.stored(change);
    stored.labels = [...new Set([...stored.labels, ...labels])];
  }

  async addAssignees(change: ChangeRequest, users: readonly string[]): Promise<void> {
    this.requests++;
    this.writes.push(`assignees #${change.number} ${users.join(',')}`);
    const stored = this.stored(change);
    stored.assignees = [...new Set([...stored.assignees, ...users])];
  }

  async requestReviewers(change: ChangeRequest, users: readonly string[], teams: readonly string[]): Promise<void> {
    this.requests++;
    this.writes.push(`reviewers #${change.number} ${[...users, ...teams].join(',')}`);
    const stored = this.stored(change);
    stored.reviewers = [...new Set([...stored.reviewers, ...users])];
    stored.teamReviewers = [...new Set([...stored.teamReviewers, ...teams])];
  }

  async enableAutoMerge(change: ChangeRequest, method: MergeMethod): Promise<AutoMergeOutcome> {
    this.requests++;
    if (this.autoMergeRefusal) return { enabled: false, reason: this.autoMergeRefusal };
    this.writes.push(`auto-merge #${change.number} ${method} ${change.headSha}`);
    this.stored(change).autoMerge = true;
    return { enabled: true };
  }

  /** As the forges do: one request, newest first, undefined for a ref (or repository) it does not know. */
  async compare(repository: string, from: string, to: string): Promise<Comparison | undefined> {
    this.requests++;
    const source = this.sourceRepositories.get(repository);
    if (!source) return undefined;
    const git = (args: string[]): string | undefined => {
      try {
        return execFileSync('git', ['--git-dir', source.gitDir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      } catch {
        return undefined;
      }
    };
    const commitOf = (ref: string) => (ref.startsWith('-') ? undefined : git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]));
    const base = commitOf(from);
    const head = commitOf(to);
    if (base === undefined || head === undefined) return undefined;
    const total = Number(git(['rev-list', '--count', `${base}..${head}`]) ?? '0');
    const log = git(['log', `--max-count=${COMPARISON_COMMITS}`, '--format=%H%x00%an%x00%s', `${base}..${head}`]) ?? '';
    const commits = log === '' ? [] : log.split('\n').map((line) => {
      const [sha = '', authorName = '', subject = ''] = line.split('\0');
      return { sha, subject, authorName, url: `${source.webUrl}/commit/${sha}` };
    });
    return { commits, totalCommits: total, webUrl: `${source.webUrl}/compare/${from}...${to}`, repositoryUrl: source.webUrl };
  }

  private stored(change: ChangeRequest): ChangeRequest {
    const stored = this.changes.find((candidate) => candidate.number === change.number);
    if (!stored) throw new Error(`fake forge: no change request #${change.number}`);
    return stored;
  }

  /** A copy with the branch's current head, as the forges report it. */
  private fresh(change: ChangeRequest): ChangeRequest {
    return { ...change, headSha: this.branchHead(change.head) ?? change.headSha, labels: [...change.labels] };
  }
}
