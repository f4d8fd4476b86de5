import type { Readable } from 'node:stream';
import { formatDuration } from '../text/duration';
import { oneLine, type Redact } from './classify';
import { ArgoCdError, ArgoCdStreamError } from './errors';
import { parseJson } from './parse';

/**
 * Reads newline-delimited JSON from a response body as it arrives. Bytes are decoded with a
 * streaming decoder (a character split between two chunks stays whole) and a line is parsed only
 * once its newline arrived, so a value split over many writes is parsed once, complete.
 */

export interface JsonLine {
  value: unknown;
  /**
   * False for text left after the body ended without a final newline that still parses as JSON.
   * The caller decides: a final error line is meaningful without its newline, an event is not
   * (the connection may have been cut at a lucky byte).
   */
  terminated: boolean;
  /** The line as received, for error messages about it. */
  text: string;
}

export interface JsonLinesOptions {
  /** No bytes for this long: the stream counts as dropped. Unset or 0: wait forever. */
  stallTimeoutMs?: number;
  /** When it aborts, iteration rejects with its reason. */
  signal?: AbortSignal;
  /** "the watch stream from argocd.example.com": names the stream in errors. */
  source: string;
  redact: Redact;
}

const RECONNECT =
  'Proxies and load balancers drop idle or long-lived streams; the step reconnects from the last resourceVersion, and the server resends the current state first.';

export async function* jsonLines(body: Readable, options: JsonLinesOptions): AsyncGenerator<JsonLine> {
  const decoder = new TextDecoder('utf-8');
  const iterator: AsyncIterator<unknown> = body[Symbol.asyncIterator]();
  const stallMs = options.stallTimeoutMs ?? 0;
  let stalled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = '';
  try {
    for (;;) {
      // The clock runs only while we wait for bytes, never while the consumer handles a line.
      if (stallMs > 0) {
        timer = setTimeout(() => {
          stalled = true;
          // With an error, so the pending read rejects instead of looking like a clean end.
          body.destroy(new Error('stalled'));
        }, stallMs);
      }
      let next: IteratorResult<unknown>;
      try {
        next = await iterator.next();
      } catch (error) {
        throw interrupted(error, stalled, stallMs, pending, options);
      } finally {
        clearTimeout(timer);
      }
      if (next.done) break;
      pending += typeof next.value === 'string' ? next.value : decoder.decode(next.value as Uint8Array, { stream: true });
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        const line = pending.slice(0, newline).trim();
        pending = pending.slice(newline + 1);
        if (line !== '') yield { value: parseJson(line, capitalised(options.source)), terminated: true, text: line };
        newline = pending.indexOf('\n');
      }
    }
    const tail = (pending + decoder.decode()).trim();
    if (tail === '') return;
    let value: unknown;
    try {
      value = JSON.parse(tail);
    } catch {
      throw truncated(tail, options);
    }
    yield { value, terminated: false, text: tail };
  } finally {
    body.destroy();
  }
}

/** Turns an error thrown while waiting for bytes into the caller's reason or a dropped stream. */
function interrupted(error: unknown, stalled: boolean, stallMs: number, pending: string, options: JsonLinesOptions): unknown {
  if (options.signal?.aborted) return options.signal.reason;
  if (stalled) {
    return new ArgoCdStreamError(
      `${capitalised(options.source)} sent nothing for ${formatDuration(stallMs)}; treating it as dropped.`,
      RECONNECT,
      'stalled',
    );
  }
  if (error instanceof ArgoCdError) return error;
  const fields = typeof error === 'object' && error !== null ? (error as { code?: unknown; message?: unknown }) : {};
  const code = typeof fields.code === 'string' ? `${fields.code}: ` : '';
  const message = typeof fields.message === 'string' ? fields.message : String(error);
  const partial = pending.trim() === '' ? '' : ` with ${Buffer.byteLength(pending)} bytes of an unfinished line discarded`;
  return new ArgoCdStreamError(
    oneLine(options.redact(`${capitalised(options.source)} broke (${code}${message})${partial}.`)),
    RECONNECT,
    'dropped',
  );
}

export function truncated(tail: string, options: Pick<JsonLinesOptions, 'source'>): ArgoCdStreamError {
  return new ArgoCdStreamError(
    `${capitalised(options.source)} ended in the middle of a line (${Buffer.byteLength(tail)} bytes unparsed).`,
    RECONNECT,
    'truncated',
  );
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
