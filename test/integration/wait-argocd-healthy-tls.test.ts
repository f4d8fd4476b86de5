/**
 * wait-argocd-healthy over TLS, at the step level: the Argo CD simulator (plain HTTP) behind an
 * https reverse proxy in this file, serving certificates from test/support/tls.ts, so the step's
 * own client verifies a private CA the way it would in front of a real Argo CD. The client's TLS
 * mapping is unit-tested; this proves the inputs reach it (`ca-cert`, `insecure`) and that the
 * step fails once, clearly, instead of retrying a certificate problem until its timeout.
 */
import { request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ArgoCdSimulator } from '../../packages/argocd-simulator/src/index';
import { ArgoCdTlsError } from '../../packages/core/src/argocd/errors';
import { GitopsPromoteError } from '../../packages/core/src/errors';
import type { WaitResult } from '../../packages/core/src/steps/wait-argocd-healthy/run';
import { waitArgocdHealthySpec } from '../../packages/core/src/steps/wait-argocd-healthy/spec';
import { waitArgocdHealthyStep } from '../../packages/core/src/steps/wait-argocd-healthy/step';
import { createTestRepo, deployment, type TestRepo } from '../support/argocd-git-repo';
import { outcomeOf } from '../support/errors';
import { FakePlatform } from '../support/fake-platform';
import { randomToken } from '../support/run-bundle';
import { createTestCertificates, type KeyPair, type TestCertificates } from '../support/tls';
import { testWaitContext } from '../support/wait-context';

const TOKEN = randomToken();
const APP = 'payments-dev';
const MANIFEST = 'envs/dev/deployment.yaml';
const FAST = testWaitContext();

// Meaningful for one connection only; a proxy must not pass them on (RFC 9110, section 7.6.1).
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade']);

interface TlsProxy {
  url: string;
  /** `127.0.0.1:PORT`, as the step names the server in its messages. */
  host: string;
  /** HTTP requests that got through the TLS handshake. */
  readonly requests: number;
  close(): Promise<void>;
}

function forwardable(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  return out;
}

/**
 * An https server that forwards every request to `target` and streams each answer back chunk by
 * chunk, as an ingress in front of Argo CD does; buffering would hide the watch stream (the step
 * would fall back to polling, which test 1 rules out).
 */
async function startTlsProxy(target: string, keyPair: KeyPair): Promise<TlsProxy> {
  const upstream = new URL(target);
  let requests = 0;
  const server = createHttpsServer(keyPair, (req, res) => {
    requests += 1;
    const forward = httpRequest(
      // A connection per request (agent: false): nothing pooled outlives the proxy when it closes.
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...forwardable(req.headers), host: upstream.host }, agent: false },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, forwardable(answer.headers));
        res.flushHeaders();
        answer.pipe(res);
        answer.once('error', () => res.destroy());
      },
    );
    forward.once('error', () => res.destroy());
    // The step ends its watch by dropping the connection: drop the upstream one too, or the
    // simulator keeps serving a stream nobody reads.
    res.once('close', () => {
      if (!res.writableFinished) forward.destroy();
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let certificates: TestCertificates;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  certificates = await createTestCertificates();
});
afterAll(async () => {
  await certificates.cleanup();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Setup {
  simulator: ArgoCdSimulator;
  proxy: TlsProxy;
  revision: string;
}

/** A repository with the app at 1.0.0, the simulator, a proxy with `keyPair`, and 1.1.0 pushed. */
async function setUp(keyPair: KeyPair): Promise<Setup> {
  const repo: TestRepo = await createTestRepo({ [MANIFEST]: deployment('payments', 'ghcr.io/acme/payments:1.0.0') });
  cleanups.push(() => repo.remove());
  const simulator = await ArgoCdSimulator.start({
    tokens: [TOKEN],
    reconcileIntervalMs: 0,
    apps: [{ name: APP, project: 'default', source: { repoPath: repo.dir, targetRevision: 'main', path: 'envs/dev' } }],
  });
  cleanups.push(() => simulator.close());
  const proxy = await startTlsProxy(simulator.url, keyPair);
  cleanups.push(() => proxy.close());
  const revision = await repo.commit({ [MANIFEST]: deployment('payments', 'ghcr.io/acme/payments:1.1.0') }, 'dev runs 1.1.0');
  return { simulator, proxy, revision };
}

async function wait(setup: Setup, extra: Record<string, string>): Promise<{ platform: FakePlatform; result?: WaitResult; error?: GitopsPromoteError }> {
  const inputs = new Map<string, string>(waitArgocdHealthySpec.inputs.map((input) => [input.name, '']));
  for (const [key, value] of Object.entries({ server: setup.proxy.url, token: TOKEN, application: APP, revision: setup.revision, timeout: '20s', ...extra })) inputs.set(key, value);
  const platform = new FakePlatform(inputs);
  const { value: result, error } = await outcomeOf(waitArgocdHealthyStep(platform, FAST));
  return error ? { platform, error } : { platform, result };
}

describe('wait-argocd-healthy over TLS', () => {
  it('with ca-cert set to the private CA: verifies the server, watches the stream through the proxy and succeeds', async () => {
    const setup = await setUp(certificates.loopback);
    const { platform, result, error } = await wait(setup, { 'ca-cert': certificates.ca });
    expect(error).toBeUndefined();
    expect(platform.outputs.get('health')).toBe('Healthy');
    expect(platform.outputs.get('revision')).toBe(setup.revision);
    // Streamed, not polled: the proxy passes the watch on as it comes.
    expect(result?.mode).toBe('stream');
    expect(setup.simulator.requestCount('stream')).toBeGreaterThanOrEqual(1);
    expect(setup.proxy.requests).toBe(setup.simulator.requestCount());
    expect(platform.log).not.toContain(TOKEN);
  });

  it('without ca-cert: fails at once with one TLS error naming the host and suggesting ca-cert', async () => {
    const setup = await setUp(certificates.loopback);
    const { platform, error } = await wait(setup, {});
    expect(error).toBeInstanceOf(ArgoCdTlsError);
    expect(error).toMatchObject({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', retryable: false });
    expect(error?.message).toContain(`TLS verification of Argo CD at ${setup.proxy.host} failed`);
    expect(error?.hint).toContain('`ca-cert`');
    // Not retried: no request ever got past the handshake, and the log shows no retry.
    expect(setup.proxy.requests).toBe(0);
    expect(setup.simulator.requestCount()).toBe(0);
    expect(platform.log).not.toMatch(/Retrying/);
    expect(`${error?.message} ${error?.hint} ${platform.log}`).not.toContain(TOKEN);
  });

  it('insecure: true skips verification and succeeds', async () => {
    const setup = await setUp(certificates.loopback);
    const { platform, error } = await wait(setup, { insecure: 'true' });
    expect(error).toBeUndefined();
    expect(platform.outputs.get('health')).toBe('Healthy');
    expect(platform.outputs.get('revision')).toBe(setup.revision);
    expect(setup.proxy.requests).toBeGreaterThan(0);
  });

  it('a certificate for another name fails even with ca-cert, saying the name does not match', async () => {
    const setup = await setUp(certificates.wrongName);
    const { error } = await wait(setup, { 'ca-cert': certificates.ca });
    expect(error).toBeInstanceOf(ArgoCdTlsError);
    expect(error).toMatchObject({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    expect(error?.hint).toContain('does not name 127.0.0.1');
    expect(setup.simulator.requestCount()).toBe(0);
  });
});
