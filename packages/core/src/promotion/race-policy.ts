import { BranchMovedError, isBranchMoved, PushRetriesExhaustedError } from '../git/errors';
import type { Author } from '../git/author';
import type { GitRepository } from '../git/git-repository';
import type { Backoff, Clock, RetryPolicy } from '../runtime/retry';

/** What a race loop is: a time budget, its backoff and clock, and where to say each wait. */
export interface RaceBudget {
  timeoutMs: number;
  backoff?: Backoff | undefined;
  clock?: Clock | undefined;
  info(message: string): void;
}

/** Who writes to which branch of which remote, within a race budget: what publish and the change branch share. */
export interface BranchWrite extends RaceBudget {
  repo: GitRepository;
  remote: string;
  branch: string;
  author: Author | undefined;
}

/**
 * The retry policy of every loop that writes to a shared branch (publish, the change branch): a
 * branch that moved is tried again until push-timeout is spent, each wait said in the log, and
 * the budget's end reported as PushRetriesExhaustedError with the caller's words.
 */
export function branchRacePolicy(
  budget: RaceBudget,
  said: { exhausted(attempts: number): string; exhaustedHint: string; onRetry(attempt: number, delay: number, left: number): string },
): RetryPolicy<BranchMovedError> {
  return {
    timeoutMs: budget.timeoutMs,
    backoff: budget.backoff,
    clock: budget.clock,
    retryable: isBranchMoved,
    exhausted: (attempts) => new PushRetriesExhaustedError(said.exhausted(attempts), said.exhaustedHint),
    onRetry: (attempt, delay, left) => budget.info(said.onRetry(attempt, delay, left)),
  };
}
