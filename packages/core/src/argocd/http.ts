import { rootCertificates } from 'node:tls';
import type { Readable } from 'node:stream';
import { Agent, request } from 'undici';
import { errorForTransport, isTransportFailure, timeoutError, type Redact, type RequestContext } from './classify';
import { ArgoCdError, ArgoCdProtocolError } from './errors';

/**
 * One HTTP exchange with Argo CD on undici: a per-request deadline, the caller's AbortSignal, and
 * transport failures turned into ArgoCdErrors. Status codes are left to the caller (the client
 * knows which application a 403 is about).
 */

export interface TlsOptions {
  /** PEM of the CA that signed the server certificate; trusted in addition to the public roots. */
  caCert?: string;
  /** Skip certificate verification (a lab with a throwaway certificate). */
  insecure?: boolean;
}

export function createAgent(tls: TlsOptions): Agent {
  return new Agent({
    connect: {
      // Added to, not instead of, the public roots: a server behind a public-CA proxy keeps working.
      ca: tls.caCert === undefined ? undefined : [...rootCertificates, tls.caCert],
      rejectUnauthorized: !tls.insecure,
    },
  });
}

export interface HttpCall {
  method: 'GET' | 'POST';
  url: URL;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  timeoutMs: number;
  context: RequestContext;
  redact: Redact;
}

export interface HttpAnswer {
  status: number;
  contentType: string;
  text: string;
}

export interface HttpStream {
  status: number;
  contentType: string;
  body: Readable;
}

/**
 * The most of one answer (or one watch line) read: far above any Application or list a real
 * server sends, far below what exhausts a runner's memory when something answers without end.
 */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** Sends the request and reads the whole body (at most MAX_BODY_BYTES), all within `timeoutMs`. */
export async function exchange(agent: Agent, call: HttpCall): Promise<HttpAnswer> {
  return withDeadline(call, async (signal) => {
    const response = await send(agent, call, signal);
    return { status: response.statusCode, contentType: contentType(response.headers), text: await readCapped(response.body, call) };
  });
}

/** The body as text, or an error naming the endpoint once it passes MAX_BODY_BYTES. */
async function readCapped(body: Readable, call: HttpCall): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += bytes.length;
    if (size > MAX_BODY_BYTES) {
      body.destroy();
      throw tooLarge(`${call.context.method} ${call.context.path} on ${call.context.host}`);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** An answer (`what`: the endpoint, or the watch stream) that passed MAX_BODY_BYTES. Terminal. */
export function tooLarge(what: string): ArgoCdProtocolError {
  return new ArgoCdProtocolError(
    `${what} answered with more than ${MAX_BODY_BYTES / 1024 / 1024} MiB; stopped reading.`,
    'No Argo CD answer is that large: point the server URL at the Argo CD API server itself, not at a proxy or another service.',
  );
}

/**
 * Sends the request and returns the open body of a 2xx answer; the deadline covers only the wait
 * for the status line (a watch is quiet for as long as nothing changes). Any other status is read
 * whole, still within the deadline, and returned as an HttpAnswer for the caller to classify.
 * The caller owns the returned body and must consume or destroy it.
 */
export async function openStream(agent: Agent, call: HttpCall): Promise<HttpStream | HttpAnswer> {
  return withDeadline(call, async (signal) => {
    const response = await send(agent, call, signal);
    const type = contentType(response.headers);
    if (response.statusCode >= 200 && response.statusCode < 300) {
      return { status: response.statusCode, contentType: type, body: response.body };
    }
    return { status: response.statusCode, contentType: type, text: await readCapped(response.body, call) };
  });
}

function send(agent: Agent, call: HttpCall, signal: AbortSignal): ReturnType<typeof request> {
  return request(call.url, {
    dispatcher: agent,
    method: call.method,
    headers: call.headers,
    body: call.body,
    signal,
    // Our own deadline and stall detector replace undici's timers, which would cut quiet watches.
    headersTimeout: 0,
    bodyTimeout: 0,
  });
}

async function withDeadline<T>(call: HttpCall, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), call.timeoutMs);
  const signal = call.signal ? AbortSignal.any([call.signal, deadline.signal]) : deadline.signal;
  try {
    return await work(signal);
  } catch (error) {
    // The caller's own abort comes back as its reason, unwrapped, as fetch() does.
    if (call.signal?.aborted) throw call.signal.reason;
    if (deadline.signal.aborted) throw timeoutError(call.context, call.timeoutMs);
    if (error instanceof ArgoCdError || !isTransportFailure(error)) throw error;
    throw errorForTransport(error, call.context, call.redact);
  } finally {
    clearTimeout(timer);
  }
}

function contentType(headers: Record<string, string | string[] | undefined>): string {
  const value = headers['content-type'];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}
