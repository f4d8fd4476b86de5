import { GitopsPromoteError } from '../errors';

/** A git command failed for a reason other than a lost push race. */
export class GitError extends GitopsPromoteError {}

/** Every push attempt lost the race against other writers. */
export class PushRetriesExhaustedError extends GitopsPromoteError {}

/**
 * A branch moved (or appeared, or went) between reading it and writing it: a push or a forge's
 * ref update lost a race to another writer. Retried by re-reading the branch; never shown as such,
 * since the retry budget turns the last one into a PushRetriesExhaustedError.
 */
export class BranchMovedError extends GitopsPromoteError {
  /** The branch head the lost write expected to replace (undefined: it expected no branch). */
  readonly expectedHead: string | undefined;

  constructor(message: string, hint: string, expectedHead?: string) {
    super(message, hint);
    this.expectedHead = expectedHead;
  }

  /** Always worth another attempt, on the branch as it is now. */
  get retryable(): boolean {
    return true;
  }
}

/** The installed git is older than the one gitops-promote needs. */
export class GitVersionError extends GitopsPromoteError {}

export function isBranchMoved(error: unknown): error is BranchMovedError {
  return error instanceof BranchMovedError;
}
