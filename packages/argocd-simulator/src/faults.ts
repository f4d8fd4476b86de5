/**
 * Fault injection: what the network, a proxy or an overloaded server does to a client. Each
 * fault targets requests (by endpoint, app, token), fires for the next N of them or with a
 * probability (from a seeded generator, so a benchmark run is repeatable), and does one thing.
 */
import type { Endpoint } from './types.js';

export type FaultAction =
  /** Answer with this status instead of the API. Default bodies: runtimeError JSON for 4xx/500, a proxy's HTML page for 502/503/504. */
  | { type: 'error'; status: number; message?: string; grpcCode?: number; body?: string; contentType?: string }
  /** Destroy the connection without answering (TCP RST). */
  | { type: 'reset' }
  /** Send 200 and headers, then never a byte of body. */
  | { type: 'stall' }
  /** Wait, then answer normally: a slow refresh is `{ endpoint: 'refresh', action: { type: 'delay', ms } }`. */
  | { type: 'delay'; ms: number }
  /** Stream: after `afterEvents` complete lines (default 0), write half of the next one and destroy the connection. */
  | { type: 'stream-drop'; afterEvents?: number }
  /** Stream: after `afterEvents` lines, write a final `{"error":…}` line and end. */
  | { type: 'stream-error'; afterEvents?: number; grpcCode?: number; message?: string }
  /** Stream: after `afterEvents` lines, write one line that is not a watch event (a proxy's garbage, a corrupted chunk), then go on. */
  | { type: 'stream-garbage'; afterEvents?: number; line?: string }
  /** Stream: destroy the connection once nothing was written for `ms`, as an idle-timeout proxy does. */
  | { type: 'stream-idle-timeout'; ms: number }
  /** Stream: a buffering proxy; nothing (not even headers) reaches the client until the stream ends or `flushAfterMs` passes. */
  | { type: 'buffer'; flushAfterMs?: number };

export interface FaultSpec {
  /** Endpoints it applies to; default every API endpoint (stream-only actions: `stream`). */
  endpoint?: Endpoint | readonly Endpoint[];
  /** Only requests naming this app (path `{name}` or the stream's `name`). */
  app?: string;
  /** Only requests authenticating with this token. */
  token?: string;
  /** Fire for this many matching requests, then retire; default unlimited. */
  times?: number;
  /** Chance (0–1) of firing per matching request; default 1. */
  probability?: number;
  action: FaultAction;
}

export interface FaultHandle {
  readonly id: number;
  /** How many requests it fired on. */
  readonly hits: number;
  readonly active: boolean;
  remove(): void;
}

export interface FaultTarget {
  endpoint: Endpoint;
  app: string | undefined;
  token: string | undefined;
}

const STREAM_ONLY = new Set<FaultAction['type']>(['stream-drop', 'stream-error', 'stream-garbage', 'stream-idle-timeout', 'buffer']);

interface Entry {
  id: number;
  spec: FaultSpec;
  hits: number;
  active: boolean;
}

export class FaultRegistry {
  private entries: Entry[] = [];
  private nextId = 1;
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = mulberry32(seed);
  }

  add(spec: FaultSpec): FaultHandle {
    if (spec.action.type === 'delay' && !(spec.action.ms >= 0)) throw new Error('a delay fault needs ms >= 0');
    const entry: Entry = { id: this.nextId++, spec, hits: 0, active: true };
    this.entries.push(entry);
    return {
      id: entry.id,
      get hits() {
        return entry.hits;
      },
      get active() {
        return entry.active;
      },
      remove: () => this.retire(entry),
    };
  }

  remove(id: number): boolean {
    const entry = this.entries.find((candidate) => candidate.id === id);
    if (entry) this.retire(entry);
    return entry !== undefined;
  }

  clear(): void {
    for (const entry of this.entries) entry.active = false;
    this.entries = [];
  }

  list(): Array<{ id: number; hits: number; spec: FaultSpec }> {
    return this.entries.map(({ id, hits, spec }) => ({ id, hits, spec }));
  }

  /** The action of the first fault that matches and fires, counting the hit. */
  take(target: FaultTarget): FaultAction | undefined {
    for (const entry of this.entries) {
      if (!matches(entry.spec, target)) continue;
      if (entry.spec.probability !== undefined && this.random() >= entry.spec.probability) continue;
      entry.hits += 1;
      if (entry.spec.times !== undefined && entry.hits >= entry.spec.times) this.retire(entry);
      return entry.spec.action;
    }
    return undefined;
  }

  private retire(entry: Entry): void {
    entry.active = false;
    this.entries = this.entries.filter((candidate) => candidate !== entry);
  }
}

function matches(spec: FaultSpec, target: FaultTarget): boolean {
  const endpoints = spec.endpoint === undefined ? undefined : typeof spec.endpoint === 'string' ? [spec.endpoint] : spec.endpoint;
  if (STREAM_ONLY.has(spec.action.type) && target.endpoint !== 'stream') return false;
  if (endpoints && !endpoints.includes(target.endpoint)) return false;
  if (spec.app !== undefined && spec.app !== target.app) return false;
  if (spec.token !== undefined && spec.token !== target.token) return false;
  return true;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same fault pattern. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
