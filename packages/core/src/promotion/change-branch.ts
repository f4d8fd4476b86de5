import { formatDuration } from '../text/duration';
import { BranchMovedError, GitError, isBranchMoved } from '../git/errors';
import { InputError } from '../errors';
import type { ApiCommitter } from '../git/api-committer';
import { branchSegment } from '../git/branch-name';
import type { CommitInfo, GitRepository } from '../git/git-repository';
export type { ApiCommitter } from '../git/api-committer';
import { changedOnly, type FileWrite } from './publisher';
import { retrying } from '../runtime/retry';
import { branchRacePolicy, type BranchWrite } from './race-policy';

/** `repo` is a scratch repository (GitRepository.initScratch): nothing is checked out. */
export interface ChangeBranchRequest<T extends FileWrite> extends BranchWrite {
  base: string;
  /** The files with the values applied, read from `revision` (the base tip, or the branch head to build on). */
  plan(revision: string): Promise<T[]>;
  message(planned: readonly T[]): string;
  /** Whether a commit on the branch is one a run of this step wrote (its trailers say so). */
  ours(commit: CommitInfo): boolean;
  /** sign-commits: the forge commits instead of a push, so it signs the commit. */
  commitThroughApi?: ApiCommitter;
  /** Tips the caller has just read and fetched (readTips): the first attempt starts from them. */
  tips?: BranchTips;
}

export interface BranchTips {
  baseTip: string;
  /** The change branch's head commit; undefined when the branch does not exist. */
  headSha: string | undefined;
}

/** The change branch a step keeps for `kind` of change (none: a promotion) of `parts` (environment, target). */
export function changeBranchName(kind: string | undefined, parts: readonly string[]): string {
  return ['gitops-promote', ...(kind ? [kind] : []), ...parts.map(branchSegment)].join('/');
}

/**
 * Refuses, before anything is fetched or pushed, a change branch or base git would not take as a
 * branch name (the one validator every step's branch inputs go through), and a change branch
 * that is its base: its commit would land on the base itself instead of in a change request.
 */
export async function checkChangeBranch(repo: GitRepository, base: string, branch: string): Promise<void> {
  await repo.checkBranchName(base, 'base');
  await repo.checkBranchName(branch, 'branch');
  if (branch === base) {
    throw new InputError(
      `Input 'branch' is the base branch itself (${base}): the change would be pushed straight to ${base} instead of into a change request.`,
      "Leave 'branch' empty (gitops-promote/<environment>/<target>) or name another branch; 'base' is the branch the change request targets (the repository's default branch when empty).",
    );
  }
}

/** Checks the names (checkChangeBranch), then reads and fetches base and the change branch; a missing base is an error. */
export async function readTips(repo: GitRepository, remote: string, base: string, branch: string): Promise<BranchTips> {
  await checkChangeBranch(repo, base, branch);
  return fetchTips(repo, remote, base, branch);
}

/** Reads and fetches base and the change branch in one round trip each; a missing base is an error. */
async function fetchTips(repo: GitRepository, remote: string, base: string, branch: string): Promise<BranchTips> {
  const tips = await repo.remoteTips(remote, [base, branch]);
  const baseTip = tips.get(base);
  if (baseTip === undefined) {
    throw new GitError(`Base branch ${base} does not exist in the environment repository.`, "Set 'base' to an existing branch, or leave it empty for the repository's default branch.");
  }
  const head = tips.get(branch);
  await repo.fetchBranches(remote, head === undefined ? [base] : [base, branch]);
  return { baseTip, headSha: head };
}

export type ChangeBranchOutcome<T> =
  | { kind: 'base-holds'; baseTip: string; headSha: string | undefined; planned: T[] }
  | { kind: 'unchanged'; baseTip: string; headSha: string; planned: T[] }
  | { kind: 'pushed'; baseTip: string; headSha: string; previousHead: string | undefined; planned: T[]; verified: boolean | undefined }
  /**
   * Another writer replaced the branch while this run worked, with a head that does not hold our
   * values: `planned` is the edit as read at that head, so `source` is what the branch holds.
   */
  | { kind: 'superseded'; baseTip: string; headSha: string; planned: T[] };

/**
 * Keeps `branch` one commit of ours on top of `base` holding the values: the branch of a change
 * request. Each run rebuilds it from the tip of base and replaces the old head with a lease on the
 * head it saw, so a concurrent run or a person's push in between is never overwritten. A commit
 * on the branch that no run of ours wrote (someone fixed something on the PR) is kept: when it
 * leaves the edited files alone our commit goes on top of it, else the run stops and names it.
 * A push lost to another run of ours that put other values there is `superseded`, not undone.
 */
export async function publishChangeBranch<T extends FileWrite>(request: ChangeBranchRequest<T>): Promise<ChangeBranchOutcome<T>> {
  // Tips handed in came from readTips, which checked the names already.
  if (!request.tips) await checkChangeBranch(request.repo, request.base, request.branch);
  return retrying(
    branchRacePolicy(request, {
      exhausted: (attempts) =>
        `Could not update ${request.branch} within push-timeout ${formatDuration(request.timeoutMs)} (${attempts} attempt${attempts === 1 ? '' : 's'}): it kept changing under us.`,
      exhaustedHint: 'Another run is promoting to the same branch; run the step again or raise push-timeout.',
      onRetry: (attempt, delay) => `Attempt ${attempt}: ${request.branch} moved since it was read; reading it again in ${formatDuration(delay)}.`,
    }),
    (attempt, lost) => attemptOnce(request, attempt === 1 ? request.tips : undefined, lost),
  );
}

/** One read-build-push of the branch; a push lost to another writer throws a BranchMovedError naming the head it expected. */
async function attemptOnce<T extends FileWrite>(request: ChangeBranchRequest<T>, known: BranchTips | undefined, lost: BranchMovedError | undefined): Promise<ChangeBranchOutcome<T>> {
  const { repo, remote, base, branch } = request;
  const { baseTip, headSha: head } = known ?? (await fetchTips(repo, remote, base, branch));
  if (lost && head !== undefined && head !== lost.expectedHead) {
    const superseded = await supersededBy(request, baseTip, head);
    if (superseded) return superseded;
  }
  const fromBase = await request.plan(baseTip);
  if (changedOnly(fromBase).length === 0) return { kind: 'base-holds', baseTip, headSha: head, planned: fromBase };

  let parent = baseTip;
  let planned = fromBase;
  if (head !== undefined) {
    const foreign = (await repo.commitsOnlyIn(head, baseTip)).filter((commit) => !request.ours(commit));
    if (foreign.length > 0) {
      // Build on their work when it leaves our files alone; where it touches them, our edit would
      // silently override what a person chose, so that is theirs to resolve.
      const ours = new Set(changedOnly(fromBase).map((file) => file.file));
      const touching = await filesTouched(repo, foreign, ours);
      if (touching.length > 0) throw foreignCommitError(branch, foreign, touching);
      parent = head;
      planned = await request.plan(head);
      if (changedOnly(planned).length === 0) {
        request.info(`${branch} already holds the values on top of the commits people added; nothing to push.`);
        return { kind: 'unchanged', baseTip, headSha: head, planned };
      }
      request.info(`${branch} holds ${foreign.length} commit(s) not written by gitops-promote (${short(foreign[0])}); adding the change on top of them.`);
    }
  }
  const message = request.message(planned);
  const files = changedOnly(planned).map((file) => ({ path: file.file, content: file.output }));
  const sha = await repo.commitOnto(parent, files, message, request.author);
  if (head !== undefined && parent === baseTip && (await repo.parentsOf(head)).join(' ') === baseTip && (await repo.treeOf(head)) === (await repo.treeOf(sha))) {
    request.info(`${branch} already holds this change on ${base}'s tip (${head.slice(0, 12)}); nothing to push.`);
    return { kind: 'unchanged', baseTip, headSha: head, planned };
  }
  if (request.commitThroughApi) {
    const made = await request.commitThroughApi({ branch, parent, parentTree: await repo.treeOf(parent), message, files, ...(head !== undefined ? { expectedHead: head } : {}) }).catch((error: unknown) => {
      // The head this attempt expected, whatever the forge's error names: the next attempt compares against it.
      throw isBranchMoved(error) ? new BranchMovedError(error.message, error.hint, head) : error;
    });
    request.info(`The forge committed ${made.sha.slice(0, 12)} to ${branch}${made.verified ? ' (signed, Verified)' : ''}.`);
    return { kind: 'pushed', baseTip, headSha: made.sha, previousHead: head, planned, verified: made.verified };
  }
  const pushed = await repo.pushLeased(remote, sha, branch, head);
  if (!pushed.ok) {
    if (pushed.race) throw new BranchMovedError(`git push to ${branch} lost a race: ${pushed.message}`, 'Run the step again.', head);
    throw new GitError(
      `git push to ${branch} was refused: ${pushed.message}`,
      'The token needs write access to the environment repository (GitHub: contents: write; GitLab: write_repository), and branch protection must allow pushing branches named like this one.',
    );
  }
  request.info(`Pushed ${sha.slice(0, 12)} to ${remote}/${branch}${head === undefined ? ' (new branch)' : `, replacing ${head.slice(0, 12)}`}.`);
  return { kind: 'pushed', baseTip, headSha: sha, previousHead: head, planned, verified: undefined };
}

/**
 * After a lost race: the branch now ends in a commit another run of this step pushed meanwhile,
 * holding other values than ours (a newer promotion, say). Replacing it would undo that run's
 * work behind its back, so this run stops and reports the branch as it is.
 */
async function supersededBy<T extends FileWrite>(request: ChangeBranchRequest<T>, baseTip: string, head: string): Promise<ChangeBranchOutcome<T> | undefined> {
  const [top] = await request.repo.commitsOnlyIn(head, baseTip);
  if (!top || top.sha !== head || !request.ours(top)) return undefined;
  const held = await request.plan(head);
  if (changedOnly(held).length === 0) return undefined;
  request.info(`${request.branch} was replaced while this run worked, by ${short(top)}, which holds other values; it is left as it is.`);
  return { kind: 'superseded', baseTip, headSha: head, planned: held };
}

/**
 * The branch as it is just before its change request is written: another run may have replaced
 * the head we pushed or found since. A head that still holds our values is taken as ours (its
 * sha is what we report); one that holds others makes the outcome `superseded`.
 */
export async function rereadChangeBranch<T extends FileWrite>(
  request: Pick<ChangeBranchRequest<T>, 'repo' | 'remote' | 'branch' | 'plan' | 'info'>,
  outcome: Extract<ChangeBranchOutcome<T>, { kind: 'pushed' | 'unchanged' }>,
): Promise<Extract<ChangeBranchOutcome<T>, { kind: 'pushed' | 'unchanged' | 'superseded' }>> {
  const { repo, remote, branch } = request;
  const head = (await repo.remoteTips(remote, [branch])).get(branch);
  if (head === undefined || head === outcome.headSha) return outcome;
  await repo.fetchBranches(remote, [branch]);
  const held = await request.plan(head);
  if (changedOnly(held).length === 0) return { ...outcome, headSha: head };
  request.info(`${branch} moved to ${head.slice(0, 12)} after this run's ${outcome.headSha.slice(0, 12)}, and holds other values.`);
  return { kind: 'superseded', baseTip: outcome.baseTip, headSha: head, planned: held };
}

/**
 * Removes a branch this run created when what it was for (its change request) failed, with a
 * lease on the commit pushed, so nothing pushed there since is lost. Returns why it could not.
 */
export async function deleteCreatedBranch(repo: GitRepository, remote: string, branch: string, sha: string): Promise<string | undefined> {
  const deleted = await repo.deleteLeased(remote, branch, sha);
  if (deleted.ok) return undefined;
  return deleted.race ? `it moved past ${sha.slice(0, 12)} since, so it is someone else's now` : deleted.message;
}

async function filesTouched(repo: GitRepository, commits: readonly CommitInfo[], files: ReadonlySet<string>): Promise<string[]> {
  const touched = new Set<string>();
  for (const commit of commits) for (const file of await repo.changedFiles(commit.sha)) if (files.has(file)) touched.add(file);
  return [...touched];
}

function short(commit: CommitInfo | undefined): string {
  return commit ? `${commit.sha.slice(0, 7)} "${commit.subject}" by ${commit.author}` : '';
}

function foreignCommitError(branch: string, foreign: readonly CommitInfo[], touching: readonly string[]): GitError {
  return new GitError(
    `${branch} holds ${foreign.length === 1 ? 'a commit' : `${foreign.length} commits`} that gitops-promote did not write, changing ${touching.join(', ')}: ${foreign.slice(0, 3).map(short).join('; ')}. It is not overwritten.`,
    `Merge or close the change request that carries it (or revert it on ${branch}); when the branch holds only gitops-promote's commits, or is deleted, the next run updates it.`,
  );
}
