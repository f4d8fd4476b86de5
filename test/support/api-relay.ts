/**
 * Lets a child process reach an API faked with nock in this process. nock only sees this
 * process's requests, so the child (a built bundle) is pointed at a loopback server that replays
 * each request with this process's globalThis.fetch, which nock intercepts, and relays the answer
 * byte for byte. Forge-neutral: GitHub and GitLab fakes both sit behind it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiRelay {
  /** http://127.0.0.1:PORT, without trailing slash; append the API's base path. */
  url: string;
  close(): Promise<void>;
}

/** Headers that describe one hop, not the request: fetch sets its own. */
const HOP_HEADERS = new Set(['host', 'connection', 'content-length', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']);
/** fetch has already decoded the body, so these would describe bytes the child never gets. */
const DECODED_HEADERS = new Set(['content-encoding', 'content-length', 'transfer-encoding', 'connection', 'keep-alive']);

export async function startApiRelay(targetOrigin: string): Promise<ApiRelay> {
  const server = createServer(relayHandler(targetOrigin));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The relay as a request handler, for a server that also answers other requests (see git-http-server's `route`). */
export function relayHandler(targetOrigin: string): (request: IncomingMessage, response: ServerResponse) => void {
  const target = new URL(targetOrigin).origin;
  return (request, response) => {
    relay(target, request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`api-relay: ${error instanceof Error ? error.message : String(error)}`);
    });
  };
}

async function relay(target: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || HOP_HEADERS.has(name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = request.method ?? 'GET';
  const answer = await globalThis.fetch(`${target}${request.url ?? '/'}`, {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' || chunks.length === 0 ? undefined : Buffer.concat(chunks),
    redirect: 'manual',
  });
  const body = Buffer.from(await answer.arrayBuffer());
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of answer.headers) {
    if (DECODED_HEADERS.has(name)) continue;
    if (name === 'set-cookie') continue;
    out[name] = value;
  }
  const cookies = answer.headers.getSetCookie();
  if (cookies.length > 0) out['set-cookie'] = cookies;
  out['content-length'] = String(body.length);
  response.writeHead(answer.status, answer.statusText, out);
  response.end(body);
}
