import { isNothingListening, unreachableError } from './classify';
import type { ArgoCdError } from './errors';

/** What Reachability needs of the client: whether anything ever answered, and where it points. */
export interface AnsweringClient {
  readonly hasAnswered: boolean;
  readonly host: string;
}

/**
 * Nothing listening at the server from the start (refused, or a host that does not resolve) is
 * a wrong URL far more often than an outage: after `windowMs` it is a verdict, instead of being
 * retried for the whole timeout. A server that answered once and then refuses is riding out a
 * restart, and is retried like any outage.
 */
export class Reachability {
  /** When the first "nothing listening" failure came, while the server never answered yet. */
  private since: number | undefined;

  constructor(
    private readonly client: AnsweringClient,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** The terminal error `error` amounts to (ENOTFOUND at once, refusals after the window); else undefined. */
  verdict(error: unknown): ArgoCdError | undefined {
    if (!isNothingListening(error) || this.client.hasAnswered) return undefined;
    const now = this.now();
    this.since ??= now;
    const waited = now - this.since;
    if (error.retryable && waited < this.windowMs) return undefined;
    return unreachableError(this.client.host, error, waited);
  }

  /** How long "nothing listening" may still be retried; unbounded once the server answered. */
  windowLeftMs(): number {
    if (this.since === undefined || this.client.hasAnswered) return Number.POSITIVE_INFINITY;
    return Math.max(0, this.since + this.windowMs - this.now());
  }
}
