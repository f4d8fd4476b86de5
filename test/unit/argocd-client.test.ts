import { createServer as createHttpServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ArgoCdAppNotFoundError,
  ArgoCdAuthError,
  ArgoCdClient,
  ArgoCdConnectionError,
  ArgoCdProtocolError,
  ArgoCdRequestError,
  ArgoCdServerError,
  ArgoCdStreamError,
  ArgoCdTimeoutError,
  ArgoCdTlsError,
  isRetryableArgoCdError,
  type ApplicationWatchEvent,
  type ArgoCdClientOptions,
} from '../../packages/core/src/argocd';
import { GitopsPromoteError, InputError } from '../../packages/core/src/errors';
import { ArgoCdSimulator } from '../../packages/argocd-simulator/src/index';
import { createTestRepo, deployment, service, type TestRepo } from '../support/argocd-git-repo';
import { rejectionOf } from '../support/errors';
import { createTestCertificates, type TestCertificates } from '../support/tls';

const TOKEN = 'tok-SECRET-2f1c9a';
const PASSWORD = 'pa$$ "word" SECRET';
const MASKED = 'internal-host-7';

interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

type Handler = (request: IncomingMessage, response: ServerResponse, body: string) => void | Promise<void>;

interface TestServer {
  url: string;
  host: string;
  requests: Recorded[];
  close(): Promise<void>;
}

const servers: TestServer[] = [];
const clients: ArgoCdClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(handler: Handler, tls?: { key: string; cert: string }): Promise<TestServer> {
  const requests: Recorded[] = [];
  const listener = (request: IncomingMessage, response: ServerResponse): void => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      void Promise.resolve(handler(request, response, body)).catch((error: unknown) => response.destroy(error as Error));
    });
  };
  const server: Server = tls ? createHttpsServer(tls, listener) : createHttpServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  const result: TestServer = {
    url: `${tls ? 'https' : 'http'}://${host}`,
    host,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(result);
  return result;
}

function client(server: TestServer | string, options: Partial<ArgoCdClientOptions> = {}): ArgoCdClient {
  const created = new ArgoCdClient({
    server: typeof server === 'string' ? server : server.url,
    credentials: { token: TOKEN },
    redact: (text) => text.replaceAll(MASKED, '[masked]'),
    ...options,
  });
  clients.push(created);
  return created;
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function app(name: string, resourceVersion = '1', labels: Record<string, string> = {}): object {
  return {
    metadata: { name, namespace: 'argocd', resourceVersion, labels },
    spec: { project: 'default', source: { repoURL: 'https://git.example.com/org/deploy.git', path: name } },
    status: { sync: { status: 'Synced', revision: 'abc' }, health: { status: 'Healthy' } },
  };
}

function eventLine(type: string, name: string, resourceVersion: string, labels: Record<string, string> = {}): string {
  return `${JSON.stringify({ result: { type, application: app(name, resourceVersion, labels) } })}\n`;
}

function openStream(response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.flushHeaders();
}

async function collect(events: AsyncIterable<ApplicationWatchEvent>): Promise<{ seen: ApplicationWatchEvent[]; error?: unknown }> {
  const seen: ApplicationWatchEvent[] = [];
  try {
    for await (const event of events) seen.push(event);
  } catch (error) {
    return { seen, error };
  }
  return { seen };
}

/** Every way an error can be printed or serialised carries none of the secrets. */
function expectNoSecrets(error: unknown, secrets: readonly string[] = [TOKEN]): void {
  expect(error).toBeInstanceOf(GitopsPromoteError);
  const failure = error as GitopsPromoteError;
  expect(failure.cause).toBeUndefined();
  for (const text of [String(error), failure.message, failure.hint, failure.stack ?? '', JSON.stringify(error), inspect(error, { depth: 10 })]) {
    for (const secret of secrets) expect(text).not.toContain(secret);
  }
}

describe('ArgoCdClient requests', () => {
  it('GETs an application with the bearer token and the refresh, appNamespace and project query', async () => {
    const server = await serve((_request, response) => json(response, 200, app('web', '42')));
    const got = await client(server).getApplication('web', { refresh: 'normal', appNamespace: 'team-a', project: 'web-project' });
    expect(got.metadata).toMatchObject({ name: 'web', resourceVersion: '42' });
    expect(got.status.health.status).toBe('Healthy');
    const [request] = server.requests;
    expect(request?.method).toBe('GET');
    expect(request?.url).toBe('/api/v1/applications/web?refresh=normal&appNamespace=team-a&project=web-project');
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request?.headers.accept).toBe('application/json');
  });

  it('keeps the path prefix of a server run with --rootpath and encodes the name', async () => {
    const server = await serve((_request, response) => json(response, 200, app('a b')));
    await client(`${server.url}/argocd/`).getApplication('a b');
    expect(server.requests[0]?.url).toBe('/argocd/api/v1/applications/a%20b');
  });

  it('lists applications with a selector and repeated projects; a null items list is empty', async () => {
    const server = await serve((_request, response) => json(response, 200, { metadata: { resourceVersion: '77' }, items: null }));
    const list = await client(server).listApplications({ selector: 'team=web', projects: ['a', 'b'], appNamespace: 'ns' });
    expect(list).toEqual({ items: [], resourceVersion: '77' });
    expect(server.requests[0]?.url).toBe('/api/v1/applications?selector=team%3Dweb&projects=a&projects=b&appNamespace=ns');
  });

  it('reads the resource tree', async () => {
    const server = await serve((_request, response) =>
      json(response, 200, { nodes: [{ kind: 'Deployment', name: 'web', namespace: 'prod', health: { status: 'Degraded', message: 'deadline exceeded' } }], orphanedNodes: null }),
    );
    const tree = await client(server).resourceTree('web', { project: 'p' });
    expect(tree.nodes[0]).toMatchObject({ kind: 'Deployment', name: 'web', health: { status: 'Degraded', message: 'deadline exceeded' } });
    expect(tree.orphanedNodes).toEqual([]);
    expect(server.requests[0]?.url).toBe('/api/v1/applications/web/resource-tree?project=p');
  });

  it('POSTs a sync with Content-Type exactly application/json', async () => {
    const server = await serve((_request, response) => json(response, 200, { ...app('web'), operation: { sync: { revision: 'abc' } } }));
    const synced = await client(server).sync('web', { revision: 'abc', prune: true, project: 'p' });
    expect(synced.operation?.sync?.revision).toBe('abc');
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/api/v1/applications/web/sync');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({ name: 'web', project: 'p', revision: 'abc', prune: true });
  });
});

describe('ArgoCdClient username and password', () => {
  const SESSION = 'session-SECRET-9d8e7f';

  it('logs in once, uses the session token, and hands it over for masking', async () => {
    const server = await serve((request, response, body) => {
      if (request.url === '/api/v1/session') {
        expect(JSON.parse(body)).toEqual({ username: 'ci', password: PASSWORD });
        return json(response, 200, { token: SESSION });
      }
      expect(request.headers.authorization).toBe(`Bearer ${SESSION}`);
      json(response, 200, app('web'));
    });
    const handed: string[] = [];
    const argocd = client(server, { credentials: { username: 'ci', password: PASSWORD }, onSessionToken: (token) => handed.push(token) });
    await argocd.getApplication('web');
    await argocd.getApplication('web');
    expect(server.requests.map((request) => request.url)).toEqual(['/api/v1/session', '/api/v1/applications/web', '/api/v1/applications/web']);
    expect(handed).toEqual([SESSION]);
  });

  it('logs in again once when the session expired', async () => {
    let logins = 0;
    const server = await serve((request, response) => {
      if (request.url === '/api/v1/session') {
        logins += 1;
        return json(response, 200, { token: `${SESSION}-${logins}` });
      }
      if (request.headers.authorization !== `Bearer ${SESSION}-2`) return json(response, 401, { error: 'token is expired', code: 16, message: 'token is expired' });
      json(response, 200, app('web'));
    });
    const got = await client(server, { credentials: { username: 'ci', password: PASSWORD } }).getApplication('web');
    expect(got.metadata.name).toBe('web');
    expect(logins).toBe(2);
  });

  it('maps a refused password to a terminal auth error that never shows the password or session', async () => {
    const server = await serve((_request, response, body) => json(response, 401, { error: `invalid login: ${body}`, code: 16, message: `invalid login: ${body}` }));
    const error = await rejectionOf(client(server, { credentials: { username: 'ci', password: PASSWORD } }).getApplication('web'));
    expect(error).toBeInstanceOf(ArgoCdAuthError);
    expect(isRetryableArgoCdError(error)).toBe(false);
    expect((error as ArgoCdAuthError).message).toContain('refused the username and password');
    expect((error as ArgoCdAuthError).hint).toContain('login');
    expectNoSecrets(error, [PASSWORD, 'SECRET']);
  });
});

describe('ArgoCdClient error classification', () => {
  it('401: terminal "token invalid or expired" with how to fix, never the token even when echoed', async () => {
    const server = await serve((request, response) =>
      json(response, 401, { error: `bad header ${request.headers.authorization}`, code: 16, message: `invalid session: ${request.headers.authorization}` }),
    );
    const error = await rejectionOf(client(server).getApplication('web'));
    expect(error).toBeInstanceOf(ArgoCdAuthError);
    expect((error as ArgoCdAuthError).retryable).toBe(false);
    expect((error as ArgoCdAuthError).message).toContain('token invalid or expired');
    expect((error as ArgoCdAuthError).message).toContain('invalid session: Bearer ***');
    expect((error as ArgoCdAuthError).hint).toContain('argocd account generate-token');
    expectNoSecrets(error);
  });

  it('applies the caller redaction to what the server says', async () => {
    const server = await serve((_request, response) => json(response, 500, { message: `cannot reach ${MASKED}` }));
    const error = await rejectionOf(client(server).getApplication('web'));
    expect((error as ArgoCdServerError).message).toContain('cannot reach [masked]');
    expect((error as ArgoCdServerError).message).not.toContain(MASKED);
  });

  it.each([
    [403, { error: 'permission denied', code: 7, message: 'permission denied' }],
    [404, { error: 'applications.argoproj.io "web" not found', code: 5, message: 'applications.argoproj.io "web" not found' }],
  ])('%d on an app: terminal "not found or not permitted" naming project and RBAC', async (status, body) => {
    const server = await serve((_request, response) => json(response, status, body));
    const error = await rejectionOf(client(server).getApplication('web'));
    expect(error).toBeInstanceOf(ArgoCdAppNotFoundError);
    expect(error).toMatchObject({ application: 'web', status, retryable: false });
    expect((error as ArgoCdAppNotFoundError).message).toContain("Argo CD application 'web' not found or not permitted");
    expect((error as ArgoCdAppNotFoundError).hint).toContain('`project`');
    expect((error as ArgoCdAppNotFoundError).hint).toContain('RBAC');
  });

  it.each([
    [400, 'another operation is already in progress', 'terminate-op'],
    [403, 'Cannot sync: Blocked by sync window', 'sync window'],
    [415, 'unsupported content type', 'application/json'],
  ])('%d %s: terminal request error with the server message', async (status, message, hint) => {
    const server = await serve((_request, response) => json(response, status, { error: message, code: 9, message }));
    const error = await rejectionOf(client(server).sync('web'));
    expect(error).toBeInstanceOf(ArgoCdRequestError);
    expect(error).toMatchObject({ status, serverMessage: message, grpcCode: 9, retryable: false });
    expect((error as ArgoCdRequestError).message).toContain(message);
    expect((error as ArgoCdRequestError).hint).toContain(hint);
  });

  it.each([500, 502, 503, 504, 429])('%d: retryable server error; an HTML body stays out of the message', async (status) => {
    const server = await serve((_request, response) => {
      response.writeHead(status, { 'content-type': 'text/html' });
      response.end('<html><body>Bad Gateway from the proxy</body></html>');
    });
    const error = await rejectionOf(client(server).getApplication('web'));
    expect(error).toBeInstanceOf(ArgoCdServerError);
    expect(isRetryableArgoCdError(error)).toBe(true);
    expect((error as ArgoCdServerError).message).toBe(`Argo CD at ${server.host} failed GET /api/v1/applications/web (HTTP ${status}).`);
  });

  it('ECONNREFUSED: retryable connection error', async () => {
    const server = await serve(() => undefined);
    await server.close();
    const error = await rejectionOf(client(server).getApplication('web'));
    expect(error).toBeInstanceOf(ArgoCdConnectionError);
    expect(error).toMatchObject({ code: 'ECONNREFUSED', retryable: true });
    expect((error as ArgoCdConnectionError).message).toContain(server.host);
  });

  it('a connection the server drops: retryable connection error', async () => {
    const server = await serve((request) => {
      request.socket.destroy();
    });
    const error = await rejectionOf(client(server).getApplication('web'));
    expect(error).toBeInstanceOf(ArgoCdConnectionError);
    expect(isRetryableArgoCdError(error)).toBe(true);
    expectNoSecrets(error);
  });

  it('no answer within the per-request timeout: retryable timeout; for a refresh the hint names the controller', async () => {
    const server = await serve(() => undefined);
    const error = await rejectionOf(client(server).getApplication('web', { refresh: 'normal', timeoutMs: 150 }));
    expect(error).toBeInstanceOf(ArgoCdTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 150, retryable: true });
    expect((error as ArgoCdTimeoutError).message).toBe(`Argo CD at ${server.host} did not answer GET /api/v1/applications/web within 150 ms.`);
    expect((error as ArgoCdTimeoutError).hint).toContain('controller');
  });

  it('the caller abort rejects with the caller reason, unwrapped', async () => {
    let arrived: () => void = () => undefined;
    const received = new Promise<void>((resolve) => (arrived = resolve));
    const server = await serve(() => arrived());
    const controller = new AbortController();
    const pending = client(server).getApplication('web', { signal: controller.signal });
    await received;
    const reason = new Error('step cancelled');
    controller.abort(reason);
    expect(await rejectionOf(pending)).toBe(reason);
  });

  it('an answer that is not an Application object: terminal protocol error', async () => {
    const server = await serve((request, response) => {
      if (request.url?.includes('html')) {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end('<html>login</html>');
        return;
      }
      json(response, 200, ['not', 'an', 'object']);
    });
    const argocd = client(server);
    const list = await rejectionOf(argocd.getApplication('web'));
    expect(list).toBeInstanceOf(ArgoCdProtocolError);
    expect((list as ArgoCdProtocolError).message).toBe(`GET /api/v1/applications/web on ${server.host} answered with a list where an Application (a JSON object) belongs.`);
    expect(await rejectionOf(argocd.getApplication('html'))).toBeInstanceOf(ArgoCdProtocolError);
  });

  it('refuses unusable settings up front, without echoing credentials', () => {
    expect(() => new ArgoCdClient({ server: 'https://ci:hunter2@argocd.example.com', credentials: { token: TOKEN }, redact: (text) => text })).toThrow(InputError);
    try {
      new ArgoCdClient({ server: 'https://ci:hunter2@argocd.example.com', credentials: { token: TOKEN }, redact: (text) => text });
    } catch (error) {
      expect(String(error)).not.toContain('hunter2');
    }
    expect(() => new ArgoCdClient({ server: 'argocd.example.com', credentials: { token: TOKEN }, redact: (text) => text })).toThrow(InputError);
    expect(() => new ArgoCdClient({ server: 'ftp://argocd.example.com', credentials: { token: TOKEN }, redact: (text) => text })).toThrow(InputError);
    expect(() => new ArgoCdClient({ server: 'https://argocd.example.com', credentials: { token: ' ' }, redact: (text) => text })).toThrow(InputError);
    expect(() => new ArgoCdClient({ server: 'https://argocd.example.com', credentials: { token: TOKEN }, caCert: 'not a pem', redact: (text) => text })).toThrow(InputError);
  });
});

describe('ArgoCdClient watch', () => {
  it('parses events split over many writes, a UTF-8 character included', async () => {
    const server = await serve(async (_request, response) => {
      openStream(response);
      const bytes = Buffer.from(eventLine('ADDED', 'web', '10', { owner: 'jürgen' }) + eventLine('MODIFIED', 'web', '11'));
      const split = bytes.indexOf(Buffer.from('ü')) + 1; // inside the two bytes of ü
      for (const piece of [bytes.subarray(0, 7), bytes.subarray(7, split), bytes.subarray(split, split + 40), bytes.subarray(split + 40)]) {
        response.write(piece);
        await sleep(20);
      }
      response.end();
    });
    const { seen, error } = await collect(client(server).watch({ names: ['web'], resourceVersion: '9' }));
    expect(error).toBeUndefined();
    expect(seen.map((event) => [event.type, event.application.metadata.resourceVersion])).toEqual([
      ['ADDED', '10'],
      ['MODIFIED', '11'],
    ]);
    expect(seen[0]?.application.metadata.labels).toEqual({ owner: 'jürgen' });
    expect(server.requests[0]?.url).toBe('/api/v1/stream/applications?name=web&resourceVersion=9');
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('filters several names itself, since the API takes one', async () => {
    const server = await serve((_request, response) => {
      openStream(response);
      response.end(eventLine('ADDED', 'a', '1') + eventLine('ADDED', 'b', '2') + eventLine('ADDED', 'c', '3'));
    });
    const { seen } = await collect(client(server).watch({ names: ['a', 'c'], selector: 'team=web' }));
    expect(seen.map((event) => event.application.metadata.name)).toEqual(['a', 'c']);
    expect(server.requests[0]?.url).toBe('/api/v1/stream/applications?selector=team%3Dweb');
  });

  it('filters several apps on namespace and name: a same-named app in another namespace is not ours', async () => {
    const server = await serve((_request, response) => {
      openStream(response);
      const twin = JSON.stringify({ result: { type: 'ADDED', application: { ...app('a', '1'), metadata: { name: 'a', namespace: 'team-b', resourceVersion: '1' } } } });
      const ours = JSON.stringify({ result: { type: 'ADDED', application: { ...app('a', '2'), metadata: { name: 'a', namespace: 'argocd', resourceVersion: '2' } } } });
      response.end(`${twin}\n${ours}\n${eventLine('ADDED', 'c', '3')}`);
    });
    const { seen } = await collect(client(server).watch({ names: ['argocd/a', 'c'] }));
    expect(seen.map((event) => `${event.application.metadata.namespace ?? ''}/${event.application.metadata.name}`)).toEqual(['argocd/a', 'argocd/c']);
    // One app: the server filters, on its namespace too.
    await collect(client(server).watch({ names: ['team-b/a'] }));
    expect(server.requests[1]?.url).toBe('/api/v1/stream/applications?name=a&appNamespace=team-b');
  });

  it('a malformed line is a retryable stream error (reconnect), not a verdict on the server', async () => {
    for (const garbage of ['<html>proxy error</html>', '{"neither":1}']) {
      const server = await serve((_request, response) => {
        openStream(response);
        response.end(`${eventLine('ADDED', 'web', '1')}${garbage}\n${eventLine('MODIFIED', 'web', '2')}`);
      });
      const { seen, error } = await collect(client(server).watch({ names: ['web'] }));
      expect(seen.map((event) => event.type)).toEqual(['ADDED']);
      expect(error).toBeInstanceOf(ArgoCdStreamError);
      expect(error).toMatchObject({ kind: 'malformed', retryable: true });
      expect((error as Error).message).toBe(`The watch stream from ${server.host} sent a line that is not a watch event (${Buffer.byteLength(garbage)} bytes).`);
    }
  });

  it('an endless answer is cut at 64 MiB with an error naming the endpoint; an endless watch line too', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    const endless = async (response: ServerResponse): Promise<void> => {
      // Far past the cap, then hang: the client must stop on its own, well before this ends.
      for (let sent = 0; sent < 200 && !response.destroyed; sent += 1) {
        if (!response.write(chunk)) await new Promise((resolve) => response.once('drain', resolve));
      }
    };
    const server = await serve(async (request, response) => {
      openStream(response);
      if (request.url?.startsWith('/api/v1/stream')) response.write(eventLine('ADDED', 'web', '1'));
      await endless(response);
    });
    const argocd = client(server, { timeoutMs: 60_000 });
    const error = await rejectionOf(argocd.getApplication('web'));
    expect(error).toBeInstanceOf(ArgoCdProtocolError);
    expect((error as Error).message).toBe(`GET /api/v1/applications/web on ${server.host} answered with more than 64 MiB; stopped reading.`);
    const { seen, error: streamError } = await collect(argocd.watch({ names: ['web'] }));
    expect(seen.length).toBe(1);
    expect(streamError).toBeInstanceOf(ArgoCdProtocolError);
    expect((streamError as Error).message).toBe(`The watch stream from ${server.host} answered with more than 64 MiB; stopped reading.`);
  });

  it('turns a final error line into the typed error its status maps to', async () => {
    const server = await serve((request, response) => {
      openStream(response);
      const error = JSON.stringify({ error: { grpc_code: 14, http_code: 503, message: 'connection to the controller lost', http_status: 'Service Unavailable' } });
      // The second request's error line has no newline: still a complete error, not a half line.
      response.end(eventLine('ADDED', 'web', '1') + error + (request.url?.includes('name=web') ? '\n' : ''));
    });
    for (const names of [['web'], ['a', 'b']]) {
      const { seen, error } = await collect(client(server).watch({ names }));
      expect(seen.length).toBe(names.length === 1 ? 1 : 0);
      expect(error).toBeInstanceOf(ArgoCdServerError);
      expect(error).toMatchObject({ status: 503, retryable: true, serverMessage: 'connection to the controller lost' });
    }
  });

  it('a final error line about permissions becomes the terminal not-found error', async () => {
    const server = await serve((_request, response) => {
      openStream(response);
      response.end(`${JSON.stringify({ error: { grpc_code: 7, http_code: 403, message: 'permission denied' } })}\n`);
    });
    const { error } = await collect(client(server).watch({ names: ['web'] }));
    expect(error).toBeInstanceOf(ArgoCdAppNotFoundError);
  });

  it('a stream that ends inside a line: the half line is an error, not an event', async () => {
    let calls = 0;
    const server = await serve((_request, response) => {
      calls += 1;
      openStream(response);
      const next = eventLine('MODIFIED', 'web', '2');
      // The second cut falls just before the newline: complete JSON, still not trusted without it.
      response.end(eventLine('ADDED', 'web', '1') + (calls === 1 ? next.slice(0, 50) : next.trimEnd()));
    });
    for (const attempt of [1, 2]) {
      const { seen, error } = await collect(client(server).watch({ names: ['web'] }));
      expect(seen.map((event) => event.type), `attempt ${attempt}`).toEqual(['ADDED']);
      expect(error).toBeInstanceOf(ArgoCdStreamError);
      expect(error).toMatchObject({ kind: 'truncated', retryable: true });
    }
  });

  it('a connection dropped in the middle of a line: retryable, and the half line is not parsed', async () => {
    const server = await serve(async (_request, response) => {
      openStream(response);
      response.write(eventLine('ADDED', 'web', '1'));
      response.write(eventLine('MODIFIED', 'web', '2').slice(0, 30));
      await sleep(20);
      response.socket?.destroy();
    });
    const { seen, error } = await collect(client(server).watch({ names: ['web'] }));
    expect(seen.map((event) => event.type)).toEqual(['ADDED']);
    expect(error).toBeInstanceOf(ArgoCdStreamError);
    expect(error).toMatchObject({ kind: 'dropped', retryable: true });
    expect((error as ArgoCdStreamError).message).toContain('bytes of an unfinished line discarded');
    expectNoSecrets(error);
  });

  it('no bytes for the stall timeout: the stream counts as dropped', async () => {
    const server = await serve((_request, response) => {
      openStream(response);
      response.write(eventLine('ADDED', 'web', '1'));
    });
    const { seen, error } = await collect(client(server).watch({ names: ['web'], stallMs: 150 }));
    expect(seen.length).toBe(1);
    expect(error).toBeInstanceOf(ArgoCdStreamError);
    expect(error).toMatchObject({ kind: 'stalled', retryable: true });
    expect((error as ArgoCdStreamError).message).toBe(`The watch stream from ${server.host} sent nothing for 150 ms; treating it as dropped.`);
  });

  it('the stall clock does not run while the consumer handles an event', async () => {
    const server = await serve(async (_request, response) => {
      openStream(response);
      // Everything arrives within the stall timeout; only the consumer is slower than it.
      response.write(eventLine('ADDED', 'web', '1'));
      await sleep(40);
      response.write(eventLine('MODIFIED', 'web', '2'));
      await sleep(40);
      response.end();
    });
    const seen: string[] = [];
    for await (const event of client(server).watch({ names: ['web'], stallMs: 150 })) {
      seen.push(event.type);
      await sleep(400);
    }
    expect(seen).toEqual(['ADDED', 'MODIFIED']);
  });

  it('the caller abort ends an open stream with the caller reason', async () => {
    const server = await serve((_request, response) => {
      openStream(response);
      response.write(eventLine('ADDED', 'web', '1'));
    });
    const controller = new AbortController();
    const reason = new Error('deadline of the step');
    const seen: string[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const event of client(server).watch({ names: ['web'], signal: controller.signal })) {
          seen.push(event.type);
          controller.abort(reason);
        }
      })(),
    );
    expect(seen).toEqual(['ADDED']);
    expect(error).toBe(reason);
  });

  it('an error status before the stream starts is classified like any request', async () => {
    const server = await serve((_request, response) => json(response, 401, { message: 'no session information' }));
    const { error } = await collect(client(server).watch({ names: ['web'] }));
    expect(error).toBeInstanceOf(ArgoCdAuthError);
  });
});

describe('ArgoCdClient TLS', () => {
  let certificates: TestCertificates;

  beforeAll(async () => {
    certificates = await createTestCertificates();
  });

  afterAll(async () => {
    await certificates.cleanup();
  });

  const ok = (_request: IncomingMessage, response: ServerResponse): void => json(response, 200, app('web'));

  it('verifies the server with the given ca-cert', async () => {
    const server = await serve(ok, certificates.loopback);
    const got = await client(server, { caCert: certificates.ca }).getApplication('web');
    expect(got.metadata.name).toBe('web');
  });

  it('without the CA: terminal TLS error naming the host and suggesting ca-cert or insecure', async () => {
    const server = await serve(ok, certificates.loopback);
    const error = await rejectionOf(client(server).getApplication('web'));
    expect(error).toBeInstanceOf(ArgoCdTlsError);
    expect(error).toMatchObject({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', retryable: false });
    expect((error as ArgoCdTlsError).message).toContain(`Argo CD at ${server.host}`);
    expect((error as ArgoCdTlsError).hint).toContain('`ca-cert`');
    expect((error as ArgoCdTlsError).hint).toContain('`insecure: true`');
    expectNoSecrets(error);
  });

  it('a certificate for another name: terminal, saying the name does not match', async () => {
    const server = await serve(ok, certificates.wrongName);
    const error = await rejectionOf(client(server, { caCert: certificates.ca }).getApplication('web'));
    expect(error).toBeInstanceOf(ArgoCdTlsError);
    expect(error).toMatchObject({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    expect((error as ArgoCdTlsError).hint).toContain('does not name 127.0.0.1');
  });

  it('insecure skips verification', async () => {
    const server = await serve(ok, certificates.wrongName);
    const got = await client(server, { insecure: true }).getApplication('web');
    expect(got.metadata.name).toBe('web');
  });
});

describe('ArgoCdClient manifests and managed resources', () => {
  const kustomization = (tag: string): string =>
    ['resources:', '  - deploy.yaml', '  - svc.yaml', 'images:', '  - name: ghcr.io/acme/web', `    newTag: "${tag}"`, ''].join('\n');
  let repo: TestRepo;
  let sim: ArgoCdSimulator;

  beforeAll(async () => {
    repo = await createTestRepo({ 'deploy.yaml': deployment('web', 'ghcr.io/acme/web:1.0.0'), 'svc.yaml': service('web'), 'kustomization.yaml': kustomization('1.0.0') });
    sim = await ArgoCdSimulator.start({
      tokens: [TOKEN],
      reconcileIntervalMs: 0,
      apps: [{ name: 'web', project: 'shop', autoSync: false, source: { repoPath: repo.dir, targetRevision: 'main' }, destination: { namespace: 'prod' } }],
    });
  });

  afterAll(async () => {
    await sim.close();
    await repo.remove();
  });

  const images = (manifests: readonly string[]): unknown[] =>
    manifests.map((text) => (JSON.parse(text) as { spec?: { template?: { spec?: { containers?: Array<{ image: string }> } } } }).spec?.template?.spec?.containers?.[0]?.image);

  it('renders a revision in one request, the target revision without one', async () => {
    const proposed = await repo.commit({ 'kustomization.yaml': kustomization('1.1.0') }, 'web 1.1.0');
    await repo.git(['reset', '-q', '--hard', 'HEAD~1']);
    sim.clearRequests();
    const argocd = client(sim.url);
    const rendered = await argocd.manifests('web', { revision: proposed, project: 'shop' });
    expect(images(rendered.manifests)).toEqual(['ghcr.io/acme/web:1.1.0', undefined]);
    expect(JSON.parse(rendered.manifests[1] ?? '{}')).toMatchObject({ kind: 'Service', metadata: { name: 'web', annotations: { 'argocd.argoproj.io/tracking-id': 'web:/Service:prod/web' } } });
    // Argo CD 3.x sends the manifests alone.
    expect(rendered).toEqual({ manifests: rendered.manifests, revision: undefined, sourceType: undefined, namespace: undefined, server: undefined });
    expect(images((await argocd.manifests('web')).manifests)).toEqual(['ghcr.io/acme/web:1.0.0', undefined]);
    expect(sim.requests.map((request) => [request.endpoint, request.query])).toEqual([
      ['manifests', { revision: proposed, project: 'shop' }],
      ['manifests', {}],
    ]);
  });

  it('reads every managed resource in one request; a missing side is undefined, not "null"', async () => {
    await repo.commit({ 'kustomization.yaml': kustomization('1.2.0').replace('  - svc.yaml\n', ''), 'svc.yaml': null }, 'drop the service');
    await sim.refresh('web');
    sim.clearRequests();
    const resources = await client(sim.url).managedResources('web', { appNamespace: 'argocd' });
    expect(sim.requestCount('managed-resources')).toBe(1);
    expect(resources.map((resource) => [resource.kind, resource.name, resource.namespace, resource.modified])).toEqual([
      ['Service', 'web', 'prod', undefined],
      ['Deployment', 'web', 'prod', true],
    ]);
    const [removed, changed] = resources;
    expect(removed?.targetState).toBeUndefined();
    expect(removed?.predictedLiveState).toBeUndefined();
    expect(JSON.parse(removed?.liveState ?? '{}')).toMatchObject({ kind: 'Service', spec: { type: 'ClusterIP' } });
    expect(changed?.group).toBe('apps');
    expect(changed?.resourceVersion).toMatch(/^\d+$/);
    expect(images([changed?.normalizedLiveState ?? '{}', changed?.predictedLiveState ?? '{}', changed?.targetState ?? '{}'])).toEqual([
      'ghcr.io/acme/web:1.0.0',
      'ghcr.io/acme/web:1.2.0',
      'ghcr.io/acme/web:1.2.0',
    ]);
  });

  it('classifies the errors like every other call: unknown revision and kustomize build error 500, missing app', async () => {
    const argocd = client(sim.url);
    const unknown = await rejectionOf(argocd.manifests('web', { revision: 'no-such-branch' }));
    expect(unknown).toBeInstanceOf(ArgoCdServerError);
    expect(unknown).toMatchObject({ status: 500, serverMessage: "unable to resolve 'no-such-branch' to a commit SHA", retryable: true });
    const bad = await repo.commit({ 'deploy.yaml': 'kind: [broken\n' }, 'broken');
    await repo.git(['reset', '-q', '--hard', 'HEAD~1']);
    const unparsable = await rejectionOf(argocd.manifests('web', { revision: bad }));
    expect(unparsable).toBeInstanceOf(ArgoCdServerError);
    expect(unparsable).toMatchObject({ status: 500, serverMessage: expect.stringMatching(/^Failed to unmarshal "deploy.yaml"/) });
    for (const call of [argocd.manifests('ghost'), argocd.managedResources('ghost', { project: 'shop' })]) {
      const error = await rejectionOf(call);
      expect(error).toBeInstanceOf(ArgoCdAppNotFoundError);
      expect(error).toMatchObject({ application: 'ghost', retryable: false });
    }
  });

  it('rejects a top level that is not the endpoint\'s answer, and reads below it leniently', async () => {
    const answers: Record<string, unknown> = {
      '/api/v1/applications/list/manifests': [],
      '/api/v1/applications/text/manifests': { manifests: 'apiVersion: v1' },
      '/api/v1/applications/map/managed-resources': { items: { web: {} } },
      '/api/v1/applications/old/manifests': { manifests: ['{"kind":"A"}', 7, '', null], revision: 'abc123', sourceType: 'Helm', namespace: 'prod', server: 'https://k8s' },
      '/api/v1/applications/empty/manifests': {},
      '/api/v1/applications/empty/managed-resources': { items: null },
      '/api/v1/applications/odd/managed-resources': {
        items: [{ kind: 'ConfigMap' }, 'x', { kind: 'ConfigMap', name: 'c', namespace: 5, targetState: '{"a":1}', liveState: 'null', normalizedLiveState: '', modified: 'yes', hook: true }],
      },
    };
    const server = await serve((request, response) => json(response, 200, answers[(request.url ?? '').split('?')[0] ?? '']));
    const argocd = client(server);
    for (const call of [argocd.manifests('list'), argocd.manifests('text'), argocd.managedResources('map')]) {
      expect(await rejectionOf(call)).toBeInstanceOf(ArgoCdProtocolError);
    }
    expect(await argocd.manifests('old')).toEqual({ manifests: ['{"kind":"A"}'], revision: 'abc123', sourceType: 'Helm', namespace: 'prod', server: 'https://k8s' });
    expect((await argocd.manifests('empty')).manifests).toEqual([]);
    expect(await argocd.managedResources('empty')).toEqual([]);
    expect(await argocd.managedResources('odd')).toEqual([
      { kind: 'ConfigMap', name: 'c', group: undefined, namespace: undefined, targetState: '{"a":1}', liveState: undefined, normalizedLiveState: undefined, predictedLiveState: undefined, hook: true, modified: undefined, resourceVersion: undefined },
    ]);
  });

  it('cuts an endless managed-resources answer at 64 MiB', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    const server = await serve(async (_request, response) => {
      openStream(response);
      for (let sent = 0; sent < 200 && !response.destroyed; sent += 1) {
        if (!response.write(chunk)) await new Promise((resolve) => response.once('drain', resolve));
      }
    });
    const error = await rejectionOf(client(server, { timeoutMs: 60_000 }).managedResources('web'));
    expect(error).toBeInstanceOf(ArgoCdProtocolError);
    expect((error as Error).message).toBe(`GET /api/v1/applications/web/managed-resources on ${server.host} answered with more than 64 MiB; stopped reading.`);
  });
});
