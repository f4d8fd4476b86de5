import { GitopsPromoteError } from '../errors';

/** A git command failed for a reason other than a lost push race. */
export class GitError extends GitopsPromoteError {}

/** Every push attempt lost the race against other writers. */
export class PushRetriesExhaustedError extends GitopsPromoteError {}
