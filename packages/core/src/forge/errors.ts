import { GitopsPromoteError } from '../errors';

/**
 * A forge API request failed. `status` is the HTTP status (0: no response); `retryable` says
 * whether the same request may succeed later (5xx, network, rate limits already waited out),
 * as opposed to needing a person (credentials, permissions, a missing repository or branch).
 * Messages carry no token: implementations build them from status, method, path and the API's
 * own message, redacted.
 */
export class ForgeError extends GitopsPromoteError {
  constructor(
    message: string,
    hint: string,
    readonly status: number,
    readonly retryable: boolean,
  ) {
    super(message, hint);
  }
}
