/**
 * Every failure a user can cause or fix is a GitopsPromoteError: a one-line `message` saying what
 * went wrong and where, and a `hint` saying how to fix it. Steps print both and exit non-zero;
 * anything else that escapes is a bug and is reported as one.
 */
export class GitopsPromoteError extends Error {
  readonly hint: string;

  constructor(message: string, hint: string) {
    super(message);
    this.name = new.target.name;
    this.hint = hint;
  }
}

/** A step input is missing, malformed or contradicts another input. */
export class InputError extends GitopsPromoteError {}

/** Formats any thrown value as the single line a user sees. */
export function describeError(error: unknown): string {
  if (error instanceof GitopsPromoteError) {
    return error.hint ? `${error.message}\n  How to fix: ${error.hint}` : error.message;
  }
  if (error instanceof Error) {
    return `Unexpected internal error: ${error.message}. This is a bug in gitops-promote; please report it with the log above.`;
  }
  return `Unexpected internal error: ${String(error)}`;
}
