/**
 * Every API request the simulator received, for tests and the benchmark to measure a client by:
 * requests per endpoint, polling rate, whether credentials were sent.
 */
import type { FaultAction } from './faults.js';
import { ENDPOINTS, type Endpoint } from './types.js';

export interface RequestRecord {
  /** 1-based arrival order. */
  seq: number;
  /** Arrival time in epoch milliseconds, on the simulator's clock. */
  at: number;
  method: string;
  /** The path without the query string. */
  path: string;
  /** Query parameters; repeated ones (`projects=a&projects=b`) as arrays. */
  query: Record<string, string | string[]>;
  endpoint: Endpoint;
  /** The app the request names, if any. */
  app?: string;
  /** Whether an `Authorization` header was present (whatever its value). */
  authorization: boolean;
  /** Whether an `argocd.token` cookie was present. */
  cookie: boolean;
  /** HTTP status sent; absent while in flight, for a stalled response, or when the connection was cut first. */
  status?: number;
  /** The fault that fired on it, if one did. */
  fault?: FaultAction['type'];
}

export class RequestLog {
  private readonly entries: RequestRecord[] = [];
  private readonly totals = new Map<Endpoint, number>();
  private seq = 0;

  constructor(private readonly limit: number) {}

  record(entry: Omit<RequestRecord, 'seq'>): RequestRecord {
    this.seq += 1;
    const record: RequestRecord = { seq: this.seq, ...entry };
    this.entries.push(record);
    // Old records go first on a long benchmark; the per-endpoint counts stay exact.
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    this.totals.set(entry.endpoint, (this.totals.get(entry.endpoint) ?? 0) + 1);
    return record;
  }

  get records(): readonly RequestRecord[] {
    return this.entries;
  }

  count(endpoint?: Endpoint): number {
    if (endpoint !== undefined) return this.totals.get(endpoint) ?? 0;
    let sum = 0;
    for (const value of this.totals.values()) sum += value;
    return sum;
  }

  counts(): Record<Endpoint, number> {
    return Object.fromEntries(ENDPOINTS.map((endpoint) => [endpoint, this.totals.get(endpoint) ?? 0])) as Record<Endpoint, number>;
  }

  clear(): void {
    this.entries.length = 0;
    this.totals.clear();
  }
}
