import { posix } from 'node:path';
import { formatDuration } from '../text/duration';
import { FileSelectionError } from '../files/errors';
import { BranchMovedError, GitError } from '../git/errors';
import type { Author } from '../git/author';
import { retrying, type RetryPolicy } from '../runtime/retry';
import { branchRacePolicy, type BranchWrite } from './race-policy';

export type { Backoff } from '../runtime/retry';
import { writeFileAtomically } from '../files/write-file';
import type { ApiCommitter } from '../git/api-committer';
import { fetchHint, type FileContent, type GitRepository, type PushOutcome } from '../git/git-repository';

/** One file's planned content: `file` relative to the work tree, `source` as read, `output` as wanted. */
export interface FileWrite {
  file: string;
  absolute: string;
  source: string;
  output: string;
  /**
   * Read from a commit that lacks the values in a way no edit of its text shows (the file is
   * missing there, or nothing in it matches): the commit does not hold the values.
   */
  pending?: boolean;
}

export interface PublishRequest<T extends FileWrite> extends BranchWrite {
  /** The commit message for a plan: it may say what the plan changes (trailers name the previous values). */
  message(planned: readonly T[]): string;
  /**
   * The branch's remote tip as the caller has just fetched it (requireRemoteBranch, undefined
   * when the remote lacks it): publish starts from it instead of fetching the branch again.
   */
  fetched?: { tip: string | undefined };
  /**
   * The files with the wanted values applied, read from commit `revision` (without touching the
   * work tree), or from the work tree when `revision` is undefined. Called again after every lost
   * race, on the new remote tip, so the edit is re-made on what others pushed.
   */
  plan(revision?: string): Promise<T[]>;
  /**
   * sign-commits: the forge makes each commit (so it signs it), fast-forward only, instead of a
   * local commit and a push; the checkout is then moved to it.
   */
  commitThroughApi?: ApiCommitter;
}

export interface Publication<T extends FileWrite> {
  /** false when the remote branch already held the values: nothing was committed or pushed. */
  changed: boolean;
  pushed: boolean;
  /** The commit that holds the values on the remote (ours, or the tip that already had them). */
  commitSha: string;
  /** The plan the pushed commit was made from (or the remote's, when nothing changed). */
  planned: T[];
  /** With commitThroughApi: whether the forge reports the commit as verified. */
  verified?: boolean;
}

/** The files whose content must change (or that a commit lacks) for the values to be there. */
export function changedOnly<T extends FileWrite>(files: readonly T[]): T[] {
  return files.filter((file) => file.pending === true || file.output !== file.source);
}

/**
 * Commits the planned writes: files written, exactly those committed. If the commit fails (a
 * hook, a missing identity, signing), the files get their old bytes back, so a failed run leaves
 * the work tree as it found it.
 */
export async function commitWrites(repo: GitRepository, planned: readonly FileWrite[], message: string, author: Author | undefined): Promise<string> {
  const changed = changedOnly(planned);
  const dirty = await repo.dirtyFiles(changed.map((file) => file.file));
  if (dirty.length > 0) {
    throw new FileSelectionError(
      `Uncommitted changes in ${dirty.join(', ')} would be committed along with the edit.`,
      'Commit or stash them first, or run with commit: false.',
    );
  }
  for (const file of changed) await writeFileAtomically(file.absolute, file.output);
  try {
    return await repo.commit(changed.map((file) => file.file), message, author);
  } catch (error) {
    for (const file of changed) await writeFileAtomically(file.absolute, file.source);
    await repo.unstage(changed.map((file) => file.file));
    throw error;
  }
}

/** Commits the planned writes without pushing (push: false) and says so; '' when nothing changes. */
export async function commitLocally(repo: GitRepository, planned: readonly FileWrite[], message: string, author: Author | undefined, info: (message: string) => void): Promise<string> {
  if (changedOnly(planned).length === 0) return '';
  const sha = await commitWrites(repo, planned, message, author);
  info(`Committed ${sha.slice(0, 12)}: ${message.split('\n')[0] ?? ''}`);
  return sha;
}

/**
 * The one way a step lands a change on a branch: decided against the remote tip, committed,
 * pushed, and re-made on the new tip whenever another writer got there first, until the time
 * budget is spent. Nothing is force-pushed, so nobody's commit is ever lost.
 *
 * `changed: false` means the remote branch holds the values — not merely the checkout, which may
 * hold them in an unpushed commit or an uncommitted edit from a cancelled run.
 */
export async function publish<T extends FileWrite>(request: PublishRequest<T>, initial: T[]): Promise<Publication<T>> {
  const { repo, remote, branch } = request;
  const tip = request.fetched ? request.fetched.tip : await repo.fetch(remote, branch);
  const checkedOut = await repo.currentBranch();
  // Another branch than the checked-out one: the checkout's branch is none of this run's business.
  const elsewhere = checkedOut !== undefined && checkedOut !== branch;
  let remotePlan: T[] | undefined;
  if (tip !== undefined) {
    remotePlan = await request.plan(tip);
    if (changedOnly(remotePlan).length === 0) {
      request.info(
        changedOnly(initial).length > 0
          ? `${remote}/${branch} already holds the values at ${tip.slice(0, 12)} (the checkout is behind it); nothing to push.`
          : `${remote}/${branch} already holds the values at ${tip.slice(0, 12)}; nothing to push.`,
      );
      return { changed: false, pushed: false, commitSha: tip, planned: remotePlan };
    }
  }
  if (request.commitThroughApi) return commitThroughApi(request, request.commitThroughApi, tip, remotePlan ?? initial, !elsewhere);
  if (elsewhere) return publishOnto(request, tip, remotePlan);
  if (changedOnly(initial).length === 0) return pushHeldLocally(request, tip, remotePlan ?? initial);

  const base = await repo.head();
  await nameCommitsRidingAlong(request, base, tip);
  const message = request.message(initial);
  const state = { commitSha: await commitWrites(repo, initial, message, request.author), planned: initial, changed: true };
  request.info(`Committed ${state.commitSha.slice(0, 12)}: ${message.split('\n')[0] ?? ''}`);
  return pushWithRetries(request, base, state).catch(async (error: unknown) => {
    // A run that cannot push leaves the checkout as it found it: our unpushed commit is undone
    // (`--keep` refuses rather than touch other local work), and running again redoes it.
    await repo.resetKeep(base).then(
      () => request.info(`The unpushed commit was undone; the checkout is back at ${base.slice(0, 12)}.`),
      () => request.info(`The unpushed commit ${state.commitSha.slice(0, 12)} is still in the checkout.`),
    );
    throw error;
  });
}

/**
 * The work tree already holds the values but the remote does not: a run cancelled between commit
 * and push, or someone's unpushed commit. Push the local commit that holds them; an uncommitted
 * edit is refused by name rather than reported as done.
 */
async function pushHeldLocally<T extends FileWrite>(request: PublishRequest<T>, tip: string | undefined, remotePlan: T[]): Promise<Publication<T>> {
  const { repo, remote, branch } = request;
  const needed = changedOnly(remotePlan).map((file) => file.file);
  const dirty = await repo.dirtyFiles(needed);
  if (dirty.length > 0) {
    throw new FileSelectionError(
      `${dirty.join(', ')} already ${dirty.length === 1 ? 'holds' : 'hold'} the values in the work tree, but uncommitted: ${remote}/${branch} does not have them.`,
      `Commit and push the change yourself, or discard it (git checkout -- ${dirty.join(' ')}) so the step makes and pushes the commit.`,
    );
  }
  const head = await repo.head();
  if (tip !== undefined && head === tip) {
    throw new FileSelectionError(
      `${needed.join(', ')} ${needed.length === 1 ? 'holds' : 'hold'} the values in the work tree, but git does not track ${needed.length === 1 ? 'it' : 'them'} (ignored?), so ${remote}/${branch} cannot get them.`,
      'Select tracked files, or remove them from .gitignore and commit them.',
    );
  }
  if (tip !== undefined && !(await repo.isAncestor(tip, head))) {
    throw new GitError(
      `The checkout holds the values in local commits, but it has diverged from ${remote}/${branch}.`,
      `Rebase or drop the local commits (git log ${remote}/${branch}...HEAD), then run again.`,
    );
  }
  request.info(`The checkout holds the values in unpushed commit ${head.slice(0, 12)}; pushing it to ${remote}/${branch}.`);
  await nameCommitsRidingAlong(request, head, tip);
  return pushWithRetries(request, head, { commitSha: head, planned: remotePlan, changed: true });
}

/**
 * A push sends every local commit the remote lacks, not only the one this run makes: an earlier
 * `push: false` run's commit, or someone's local work, would land unannounced. Each is named in
 * the log (sha, subject, author) before the push, so what reaches the environment is never a
 * surprise.
 */
async function nameCommitsRidingAlong<T extends FileWrite>(request: PublishRequest<T>, head: string, tip: string | undefined): Promise<void> {
  const { repo, remote, branch } = request;
  const riding = await repo.commitsOnlyIn(head, tip ?? `--remotes=${remote}`);
  if (riding.length === 0) return;
  request.info(
    `The push also carries ${riding.length} commit${riding.length === 1 ? '' : 's'} that ${remote}/${branch} lacks and this run did not make: ${riding
      .map((commit) => `${commit.sha.slice(0, 12)} "${commit.subject}" by ${commit.author}`)
      .join('; ')}.`,
  );
}

interface PushState<T> {
  commitSha: string;
  planned: T[];
  changed: boolean;
}

/**
 * Pushes; after each lost race, waits (see retryDelayMs), rebuilds on the remote tip and pushes
 * again, until the budget is spent. Resolves with what landed (nothing, when a rebuild found the
 * remote already holding the values). Only a lost race is retried: a refusal, or a failure while
 * re-applying (fetch refused, `reset --keep` protecting local work), would fail the same way
 * after every backoff.
 */
async function pushWithRetries<T extends FileWrite>(request: PublishRequest<T>, base: string, state: PushState<T>): Promise<Publication<T>> {
  const { repo, remote, branch } = request;
  const landed = (): Publication<T> => {
    if (state.changed) request.info(`Pushed ${state.commitSha.slice(0, 12)} to ${remote}/${branch}.`);
    return { changed: state.changed, pushed: state.changed, commitSha: state.commitSha, planned: state.planned };
  };
  return retrying(
    racePolicy(request, {
      exhaustedHint: PUSH_EXHAUSTED_HINT,
      onRetry: (attempt, delay, left) =>
        `Push attempt ${attempt}: the remote branch moved; fetching and re-applying the edit in ${formatDuration(delay)} (${formatDuration(left)} left of push-timeout).`,
    }),
    async (attempt) => {
      if (attempt > 1) await rebuildOnRemote(request, base, state);
      if (!state.changed) return landed();
      await pushOrThrow(repo.push(remote, branch), branch);
      return landed();
    },
  );
}

const PUSH_EXHAUSTED_HINT = 'Run the step again or raise push-timeout; if this repeats, fewer concurrent writers to one branch (or a merge queue) will help.';

/** A push's outcome as the retry loop takes it: a lost race is a BranchMovedError, a refusal a GitError. */
async function pushOrThrow(pushing: Promise<PushOutcome>, branch: string, expectedHead?: string): Promise<void> {
  const outcome = await pushing;
  if (outcome.ok) return;
  if (outcome.race) throw new BranchMovedError(`git push to ${branch} lost a race: ${outcome.message}`, 'Run the step again.', expectedHead);
  throw new GitError(`git push to ${branch} was refused: ${outcome.message}`, fetchHint(outcome.message));
}

/** How the publishers retry: a moved branch until push-timeout is spent, each wait said in the log. */
function racePolicy<T extends FileWrite>(
  request: PublishRequest<T>,
  said: { exhausted?(attempts: number): string; exhaustedHint: string; onRetry(attempt: number, delay: number, left: number): string },
): RetryPolicy<BranchMovedError> {
  return branchRacePolicy(request, {
    exhausted: (attempts) =>
      said.exhausted?.(attempts) ??
      `Could not push to ${request.branch} within push-timeout ${formatDuration(request.timeoutMs)} (${attempts} attempt${attempts === 1 ? '' : 's'}): other pushes kept moving the branch.`,
    exhaustedHint: said.exhaustedHint,
    onRetry: said.onRetry,
  });
}

/**
 * After a lost race: move to the remote tip, edit the files as they are now, commit again. A
 * commit of ours that the remote lacks is dropped (it is re-made); a local commit that is not ours
 * would be lost by the reset, so that stops the run instead.
 */
async function rebuildOnRemote<T extends FileWrite>(request: PublishRequest<T>, base: string, state: PushState<T>): Promise<void> {
  const { repo, remote, branch } = request;
  const tip = await repo.fetch(remote, branch);
  if (!tip) {
    throw new GitError(`Branch ${branch} was deleted from ${remote} while the push was being retried.`, `Recreate ${branch} on ${remote} (or set 'branch'), then run again.`);
  }
  const unpushed = await repo.countMissing(base, tip);
  if (unpushed > 0) {
    throw new GitError(
      `The local branch has ${unpushed} commit(s) that ${remote}/${branch} does not, and the push was rejected.`,
      `Push or drop those commits first (git log ${remote}/${branch}..HEAD), or check out ${branch} itself; resetting onto the remote would lose them.`,
    );
  }
  await repo.resetKeep(tip);
  const planned = await request.plan();
  state.planned = planned;
  if (changedOnly(planned).length === 0) {
    request.info(`${remote}/${branch} already has the requested values; nothing to push.`);
    state.changed = false;
    state.commitSha = tip;
    return;
  }
  state.commitSha = await commitWrites(repo, planned, request.message(planned), request.author);
}

/**
 * sign-commits: each attempt asks the forge to commit the plan onto the remote tip, moving the
 * branch only by fast-forward; a tip that moved meanwhile is a lost race, re-planned on the new tip
 * like a rejected push. Paths go to the forge relative to the repository root.
 */
async function commitThroughApi<T extends FileWrite>(
  request: PublishRequest<T>,
  committer: ApiCommitter,
  firstTip: string | undefined,
  firstPlan: T[],
  followCheckout: boolean,
): Promise<Publication<T>> {
  const { repo, remote, branch } = request;
  const prefix = await repo.prefix();
  let tip = firstTip;
  let planned = firstPlan;
  const policy = racePolicy(request, {
    exhausted: (attempts) => `Could not commit to ${branch} within push-timeout ${formatDuration(request.timeoutMs)} (${attempts} attempts): other pushes kept moving the branch.`,
    exhaustedHint: 'Run the step again or raise push-timeout.',
    onRetry: (attempt, delay) => `Attempt ${attempt}: ${branch} moved; re-applying the edit on the new tip in ${formatDuration(delay)}.`,
  });
  return retrying(policy, async (attempt): Promise<Publication<T>> => {
    if (attempt > 1) {
      tip = await repo.fetch(remote, branch);
      if (tip !== undefined) {
        planned = await request.plan(tip);
        if (changedOnly(planned).length === 0) {
          request.info(`${remote}/${branch} already holds the values at ${tip.slice(0, 12)}; nothing to commit.`);
          return { changed: false, pushed: false, commitSha: tip, planned };
        }
      }
    }
    if (tip === undefined) {
      throw new GitError(`Branch ${branch} does not exist on ${remote}; sign-commits commits onto an existing branch.`, `Create ${branch} first, or set 'branch' to an existing one.`);
    }
    const files = rootFiles(prefix, planned);
    const made = await committer({ branch, parent: tip, parentTree: await repo.treeOf(tip), message: request.message(planned), files, expectedHead: tip, fastForwardOnly: true });
    request.info(`The forge committed ${made.sha.slice(0, 12)} to ${branch}${made.verified ? ' (signed, Verified)' : ''}.`);
    if (followCheckout) await moveCheckout(request, made.sha);
    return { changed: true, pushed: true, commitSha: made.sha, planned, verified: made.verified };
  });
}

/** The changed files as commits name them: relative to the repository root (`path` may be below it). */
function rootFiles(prefix: string, planned: readonly FileWrite[]): FileContent[] {
  return changedOnly(planned).map((file) => ({ path: posix.normalize(`${prefix}${file.file}`), content: file.output }));
}

/**
 * `branch` is not the checked-out one: each attempt commits the plan onto the remote tip with
 * plumbing (no work tree, no index, no ref of the checkout moves) and pushes it with a lease on
 * that tip; a tip that moved meanwhile is a lost race, re-planned on the new tip. A branch the
 * remote lacks is created from the checkout's HEAD.
 */
async function publishOnto<T extends FileWrite>(request: PublishRequest<T>, firstTip: string | undefined, firstPlan: T[] | undefined): Promise<Publication<T>> {
  const { repo, remote, branch } = request;
  const prefix = await repo.prefix();
  let tip = firstTip;
  let planned = firstPlan;
  const policy = racePolicy(request, {
    exhaustedHint: PUSH_EXHAUSTED_HINT,
    onRetry: (attempt, delay) => `Push attempt ${attempt}: ${remote}/${branch} moved; re-applying the edit on its new tip in ${formatDuration(delay)}.`,
  });
  return retrying(policy, async (attempt): Promise<Publication<T>> => {
    if (attempt > 1) {
      tip = await repo.fetch(remote, branch);
      planned = undefined;
    }
    const parent = tip ?? (await repo.head());
    planned ??= await request.plan(parent);
    if (tip !== undefined && changedOnly(planned).length === 0) {
      request.info(`${remote}/${branch} already holds the values at ${tip.slice(0, 12)}; nothing to push.`);
      return { changed: false, pushed: false, commitSha: tip, planned };
    }
    const message = request.message(planned);
    const sha = await repo.commitOnto(parent, rootFiles(prefix, planned), message, request.author);
    await pushOrThrow(repo.pushLeased(remote, sha, branch, tip), branch, tip);
    request.info(`Committed ${sha.slice(0, 12)} onto ${remote}/${branch} (the checked-out branch is left as it is): ${message.split('\n')[0] ?? ''}`);
    return { changed: true, pushed: true, commitSha: sha, planned };
  });
}

/** After an API commit: the checkout follows the branch, when it can without touching local work. */
async function moveCheckout<T extends FileWrite>(request: PublishRequest<T>, sha: string): Promise<void> {
  const { repo, remote, branch } = request;
  try {
    await repo.fetch(remote, branch);
    // Only forward: a checkout with commits of its own stays as it is rather than lose them.
    if (!(await repo.isAncestor(await repo.head(), sha))) throw new Error('diverged');
    await repo.resetKeep(sha);
    request.info(`The checkout is now at ${sha.slice(0, 12)}.`);
  } catch {
    request.info(`The checkout stays where it was; ${remote}/${branch} is at ${sha.slice(0, 12)} (fetch it to follow).`);
  }
}
