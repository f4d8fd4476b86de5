import type { Readable } from 'node:stream';
import { formatDuration } from '../text/duration';
import { isTransportFailure, oneLine, type Redact } from './classify';
import { ArgoCdError, ArgoCdStreamError } from './errors';
import { MAX_BODY_BYTES, tooLarge } from './http';

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
  stallMs?: number;
  /** When it aborts, iteration rejects with its reason. */
  signal?: AbortSignal;
  /** "the watch stream from argocd.example.com": names the stream in errors. */
  source: string;
  redact: Redact;
  /** A line longer than this ends the stream with an error; default MAX_BODY_BYTES. */
  maxLineBytes?: number;
}

const RECONNECT =
  'Proxies and load balancers drop idle or long-lived streams; the step reconnects from the last resourceVersion, and the server resends the current state first.';

export async function* jsonLines(body: Readable, options: JsonLinesOptions): AsyncGenerator<JsonLine> {
  const decoder = new TextDecoder('utf-8');
  const iterator: AsyncIterator<unknown> = body[Symbol.asyncIterator]();
  const stallMs = options.stallMs ?? 0;
  let stalled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The unfinished line, in pieces: joined only once its newline comes, so a long line costs its
  // length once, not once per chunk.
  const pending = new PendingLine();
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
        throw interrupted(error, stalled, stallMs, pending.text(), options);
      } finally {
        clearTimeout(timer);
      }
      if (next.done) break;
      const text = typeof next.value === 'string' ? next.value : decoder.decode(next.value as Uint8Array, { stream: true });
      let start = 0;
      let newline = text.indexOf('\n');
      while (newline >= 0) {
        const line = pending.take(text.slice(start, newline)).trim();
        if (line !== '') yield { value: parseLine(line, options), terminated: true, text: line };
        start = newline + 1;
        newline = text.indexOf('\n', start);
      }
      pending.add(text.slice(start));
      // Characters never outnumber bytes: a line past the cap in characters is past it in bytes.
      if (pending.length > (options.maxLineBytes ?? MAX_BODY_BYTES)) throw tooLarge(capitalised(options.source));
    }
    const tail = pending.take(decoder.decode()).trim();
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

class PendingLine {
  private pieces: string[] = [];
  length = 0;

  add(piece: string): void {
    if (piece === '') return;
    this.pieces.push(piece);
    this.length += piece.length;
  }

  /** The line so far plus `end`; starts a new line. */
  take(end: string): string {
    const line = this.pieces.join('') + end;
    this.pieces = [];
    this.length = 0;
    return line;
  }

  text(): string {
    return this.pieces.join('');
  }
}

/** A complete line that is not JSON is a corrupted or foreign line, not a verdict: reconnect. */
function parseLine(line: string, options: JsonLinesOptions): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw malformed(line, options);
  }
}

export function malformed(line: string, options: Pick<JsonLinesOptions, 'source'>): ArgoCdStreamError {
  return new ArgoCdStreamError(`${capitalised(options.source)} sent a line that is not a watch event (${Buffer.byteLength(line)} bytes).`, RECONNECT, 'malformed');
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
  if (error instanceof ArgoCdError || !isTransportFailure(error)) return error;
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
