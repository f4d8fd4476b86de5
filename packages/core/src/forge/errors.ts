import { GitopsPromoteError } from '../errors';

/**
 * A forge API request failed and needs a person (credentials, permissions, a missing repository or
 * branch, an invalid request): the same request fails the same way later. `status` is the HTTP
 * status (0: no response). Whether a failure is worth retrying is a property of its type: see
 * TransientForgeError. Messages carry no token: implementations build them from status, method,
 * path and the API's own message, redacted.
 */
export class ForgeError extends GitopsPromoteError {
  constructor(
    message: string,
    hint: string,
    readonly status: number,
  ) {
    super(message, hint);
  }

  /** Whether the same request may succeed later. */
  get retryable(): boolean {
    return false;
  }
}

/** A forge API request that may succeed later: 5xx, no answer, rate limits already waited out. */
export class TransientForgeError extends ForgeError {
  override get retryable(): boolean {
    return true;
  }
}

/** The class of a refusal with HTTP `status`: 408, 429 and 5xx pass; the rest need a person. */
export function forgeErrorClassFor(status: number): typeof ForgeError {
  return status === 408 || status === 429 || status >= 500 ? TransientForgeError : ForgeError;
}

/**
 * The forge refused a ref update because the branch moved, appeared or went since it was read (a
 * lost race, by type rather than by status): the API committer hands it to the publishers as a
 * BranchMovedError, retried on the branch as it is now.
 */
export class ForgeBranchMovedError extends TransientForgeError {}
