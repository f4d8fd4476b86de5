/**
 * The Argo CD error model: whether a failure is retried is a property of its type, a host that
 * does not resolve is terminal, and anything thrown that is no transport failure (a bug) passes
 * through as itself instead of becoming a retryable "cannot reach Argo CD".
 */
import { Readable } from 'node:stream';
import type { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import {
  ArgoCdAuthError,
  ArgoCdConnectionError,
  ArgoCdHostNotFoundError,
  ArgoCdProtocolError,
  ArgoCdServerError,
  ArgoCdStreamError,
  ArgoCdTimeoutError,
  ArgoCdUnreachableError,
  isRetryableArgoCdError,
} from '../../packages/core/src/argocd';
import { errorForTransport, unreachableError, type RequestContext } from '../../packages/core/src/argocd/classify';
import { exchange } from '../../packages/core/src/argocd/http';
import { jsonLines } from '../../packages/core/src/argocd/stream';

const context: RequestContext = { method: 'GET', path: '/api/v1/applications/web', host: 'argocd.example.com:8443', credential: 'token' };
const redact = (text: string): string => text;

/** A dispatcher that fails as a bug would: a TypeError, no error code anywhere. */
const brokenAgent = {
  dispatch(): never {
    throw new TypeError("Cannot read properties of undefined (reading 'headers')");
  },
} as unknown as Agent;

describe('Argo CD errors', () => {
  it('each type says whether it is retried; no instance is told', () => {
    expect(new ArgoCdServerError('m', 'h', 503, undefined).retryable).toBe(true);
    expect(new ArgoCdTimeoutError('m', 'h', 1000).retryable).toBe(true);
    expect(new ArgoCdStreamError('m', 'h', 'dropped').retryable).toBe(true);
    expect(new ArgoCdConnectionError('m', 'h', 'ECONNRESET').retryable).toBe(true);
    expect(new ArgoCdAuthError('m', 'h').retryable).toBe(false);
    expect(new ArgoCdProtocolError('m', 'h').retryable).toBe(false);
    expect(new ArgoCdHostNotFoundError('m', 'h', 'ENOTFOUND').retryable).toBe(false);
    expect(new ArgoCdUnreachableError('m', 'h', 'ECONNREFUSED').retryable).toBe(false);
  });

  it('a host that does not resolve is a terminal connection error naming the server input', () => {
    const error = errorForTransport(Object.assign(new Error('getaddrinfo ENOTFOUND argocd.example.com'), { code: 'ENOTFOUND' }), context, redact);
    expect(error).toBeInstanceOf(ArgoCdHostNotFoundError);
    expect(error).toBeInstanceOf(ArgoCdConnectionError);
    expect(error).toMatchObject({ code: 'ENOTFOUND', retryable: false });
    expect(error.message).toBe('Nothing answers at argocd.example.com:8443: the Argo CD host argocd.example.com does not resolve (ENOTFOUND: getaddrinfo ENOTFOUND argocd.example.com).');
  });

  it('a refused connection is retryable until the verdict that nothing listens, which is terminal', () => {
    const refused = errorForTransport(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8443'), { code: 'ECONNREFUSED' }), context, redact);
    expect(refused).toMatchObject({ code: 'ECONNREFUSED', retryable: true });
    const verdict = unreachableError('127.0.0.1:8443', refused as ArgoCdConnectionError, 30_000);
    expect(verdict).toBeInstanceOf(ArgoCdUnreachableError);
    expect(verdict).toMatchObject({ code: 'ECONNREFUSED', retryable: false });
    expect(verdict.message).toMatch(/^Nothing answers at 127\.0\.0\.1:8443: every connection was refused \(ECONNREFUSED\)/);
  });

  it('a bug below a request (no error code) is thrown as itself, not as a retryable connection error', async () => {
    const call = { method: 'GET' as const, url: new URL('https://argocd.example.com/api/v1/applications'), headers: {}, timeoutMs: 5000, context, redact };
    const error = await exchange(brokenAgent, call).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect(isRetryableArgoCdError(error)).toBe(false);
  });

  it('a bug while reading a watch stream is thrown as itself, not as a dropped stream', async () => {
    const bug = new TypeError('chunk.subarray is not a function');
    const body = new Readable({
      read() {
        this.destroy(bug);
      },
    });
    const lines = jsonLines(body, { source: 'the watch stream from argocd.example.com', redact });
    const error = await lines.next().catch((caught: unknown) => caught);
    expect(error).toBe(bug);
  });

  it('a transport failure while reading a watch stream is a retryable dropped stream', async () => {
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    const body = new Readable({
      read() {
        this.destroy(reset);
      },
    });
    const error = await jsonLines(body, { source: 'the watch stream from argocd.example.com', redact })
      .next()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ArgoCdStreamError);
    expect(error).toMatchObject({ kind: 'dropped', retryable: true });
  });
});
