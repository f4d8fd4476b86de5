/**
 * A loopback npm registry serving one packed tarball, as a company's registry mirror would
 * (NPM_CONFIG_REGISTRY): `npx gitops-promote@<version>` resolves and installs it offline. It
 * answers the packument (GET /<name>) and the tarball, 404 for any other package.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename } from 'node:path';

export interface NpmRegistry {
  /** http://127.0.0.1:PORT/ (npm wants the trailing slash). */
  url: string;
  /** Request paths, in order: which packages npm asked for. */
  requests: string[];
  close(): Promise<void>;
}

export async function startNpmRegistry(tarball: string, manifest: { name: string; version: string; [key: string]: unknown }): Promise<NpmRegistry> {
  const bytes = await readFile(tarball);
  const integrity = `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
  const shasum = createHash('sha1').update(bytes).digest('hex');
  const file = basename(tarball);
  const requests: string[] = [];
  let origin = '';
  const server = createServer((request, response) => {
    const path = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/');
    requests.push(path);
    if (path === `/${manifest.name}`) {
      const packument = {
        name: manifest.name,
        'dist-tags': { latest: manifest.version },
        versions: { [manifest.version]: { ...manifest, dist: { tarball: `${origin}/${manifest.name}/-/${file}`, integrity, shasum } } },
      };
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(packument));
    } else if (path === `/${manifest.name}/-/${file}`) {
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) });
      response.end(bytes);
    } else {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end('{"error":"Not found"}');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
