/**
 * Every fault the simulator injects, observed from a real HTTP client: error statuses (counted
 * and probabilistic), resets, stalls, slow refreshes, per-token 401/403, stream drops mid-line,
 * stream error lines, idle cuts and buffering proxies; plus the request log and timelines.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import { ArgoCdSimulator, type Application, type SimulatorOptions } from '../../src/index';
import { call, watch } from '../../../../test/support/argocd-http';
import { createTestRepo, deployment } from '../../../../test/support/argocd-git-repo';

const TOKEN = 'fault-token';
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(options: SimulatorOptions = {}): Promise<ArgoCdSimulator> {
  const repo = await createTestRepo({ 'deploy.yaml': deployment('web', 'web:1') });
  cleanups.push(() => repo.remove());
  const sim = await ArgoCdSimulator.start({
    tokens: [TOKEN, 'second'],
    reconcileIntervalMs: 0,
    apps: [
      { name: 'web', source: { repoPath: repo.dir } },
      { name: 'api', source: { repoPath: repo.dir } },
    ],
    ...options,
  });
  cleanups.push(() => sim.close());
  return sim;
}

const appUrl = (sim: ArgoCdSimulator, name = 'web'): string => `${sim.url}/api/v1/applications/${name}`;
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('argocd-simulator faults', () => {
  it('answers the next N matching requests with an error status, then recovers', async () => {
    const sim = await setup();
    const fault = sim.faults.add({ endpoint: 'get', times: 2, action: { type: 'error', status: 503 } });
    const first = await call(appUrl(sim), { token: TOKEN });
    expect(first.status).toBe(503);
    expect(first.headers['content-type']).toBe('text/html');
    expect(first.text).toContain('<title>503 Service Unavailable</title>');
    // Other endpoints are untouched.
    expect((await call(`${sim.url}/api/v1/applications`, { token: TOKEN })).status).toBe(200);
    expect((await call(appUrl(sim), { token: TOKEN })).status).toBe(503);
    expect((await call(appUrl(sim), { token: TOKEN })).status).toBe(200);
    expect(fault.hits).toBe(2);
    expect(fault.active).toBe(false);
    const gets = sim.requests.filter((record) => record.endpoint === 'get');
    expect(gets.map((record) => [record.status, record.fault])).toEqual([
      [503, 'error'],
      [503, 'error'],
      [200, undefined],
    ]);
  });

  it('sends runtimeError JSON for a 500 and can target one app', async () => {
    const sim = await setup();
    sim.faults.add({ app: 'api', action: { type: 'error', status: 500 } });
    const failed = await call(appUrl(sim, 'api'), { token: TOKEN });
    expect(failed.status).toBe(500);
    expect(failed.json()).toEqual({ error: 'internal error', code: 13, message: 'internal error' });
    expect((await call(appUrl(sim, 'web'), { token: TOKEN })).status).toBe(200);
    expect((await call(`${appUrl(sim, 'api')}/resource-tree`, { token: TOKEN })).status).toBe(500);
  });

  it('fires probabilistic faults in a pattern fixed by the seed', async () => {
    const pattern = async (seed: number): Promise<number[]> => {
      const sim = await setup({ seed });
      sim.faults.add({ endpoint: 'list', probability: 0.5, action: { type: 'error', status: 502 } });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i += 1) statuses.push((await call(`${sim.url}/api/v1/applications`, { token: TOKEN })).status);
      return statuses;
    };
    const a = await pattern(7);
    const b = await pattern(7);
    const c = await pattern(8);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    const failures = a.filter((status) => status === 502).length;
    expect(failures).toBeGreaterThan(5);
    expect(failures).toBeLessThan(35);
  });

  it('resets the connection without an answer', async () => {
    const sim = await setup();
    sim.faults.add({ endpoint: 'get', times: 1, action: { type: 'reset' } });
    await expect(call(appUrl(sim), { token: TOKEN })).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect((await call(appUrl(sim), { token: TOKEN })).status).toBe(200);
    expect(sim.requests[0]).toMatchObject({ endpoint: 'get', fault: 'reset' });
    expect(sim.requests[0]?.status).toBeUndefined();
  });

  it('stalls: status and headers arrive, the body never does', async () => {
    const sim = await setup();
    sim.faults.add({ endpoint: 'get', action: { type: 'stall' } });
    const outcome = await new Promise<{ status: number; bytes: number; ended: boolean }>((resolve, reject) => {
      const req = httpRequest(appUrl(sim), { headers: { Authorization: `Bearer ${TOKEN}` }, agent: false }, (res) => {
        let bytes = 0;
        let ended = false;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.once('end', () => (ended = true));
        setTimeout(() => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, bytes, ended });
        }, 300);
      });
      req.once('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? undefined : reject(error)));
      req.end();
    });
    expect(outcome).toEqual({ status: 200, bytes: 0, ended: false });
  });

  it('delays a refresh GET before acting on it (slow refresh)', async () => {
    const sim = await setup();
    sim.faults.add({ endpoint: 'refresh', action: { type: 'delay', ms: 800 } });
    let answered = false;
    const pending = call(`${appUrl(sim)}?refresh=normal`, { token: TOKEN }).then((reply) => {
      answered = true;
      return reply;
    });
    for (let i = 0; i < 100 && sim.requestCount('refresh') === 0; i += 1) await pause(5);
    expect(sim.requestCount('refresh')).toBe(1);
    // The delay comes first: no refresh annotation yet, no answer yet.
    expect(sim.getApp('web').metadata.annotations).toBeUndefined();
    expect(answered).toBe(false);
    expect((await call(appUrl(sim), { token: TOKEN })).status).toBe(200);
    const reply = await pending;
    expect(reply.status).toBe(200);
    expect(sim.requests.find((record) => record.endpoint === 'refresh')).toMatchObject({ fault: 'delay', status: 200, query: { refresh: 'normal' } });
  });

  it('answers 401 or 403 for a given token only', async () => {
    const sim = await setup();
    sim.faults.add({ token: 'second', endpoint: ['get', 'stream'], action: { type: 'error', status: 401 } });
    const expired = await call(appUrl(sim), { token: 'second' });
    expect(expired.status).toBe(401);
    expect(expired.json()).toMatchObject({ code: 16, error: expect.stringMatching(/^invalid session: /) });
    expect((await call(appUrl(sim), { token: TOKEN })).status).toBe(200);
    sim.faults.clear();
    sim.faults.add({ token: TOKEN, action: { type: 'error', status: 403 } });
    expect((await call(appUrl(sim), { token: TOKEN })).json()).toEqual({ error: 'permission denied', code: 7, message: 'permission denied' });
    expect((await call(appUrl(sim), { token: 'second' })).status).toBe(200);
  });

  it('drops a stream in the middle of an event line', async () => {
    const sim = await setup();
    sim.faults.add({ endpoint: 'stream', times: 1, action: { type: 'stream-drop', afterEvents: 1 } });
    const stream = watch(`${sim.url}/api/v1/stream/applications?name=web`, TOKEN);
    cleanups.push(async () => stream.close());
    await stream.next((line) => line.result?.type === 'ADDED');
    sim.patchApp('web', { metadata: { labels: { poke: '1' } } });
    expect(await stream.ended).toEqual({ aborted: true });
    expect(stream.lines).toHaveLength(1);
    const rest = stream.raw().slice(stream.raw().indexOf('\n') + 1);
    expect(rest.startsWith('{"result":{"type":"MODIFIED"')).toBe(true);
    expect(rest.endsWith('\n')).toBe(false);
    expect(() => JSON.parse(rest) as unknown).toThrow();
    // The fault was for one stream only: the next one works.
    const again = watch(`${sim.url}/api/v1/stream/applications?name=web`, TOKEN);
    cleanups.push(async () => again.close());
    expect((await again.next(() => true)).result?.application.metadata.labels).toEqual({ poke: '1' });
  });

  it('ends a stream with a final error line', async () => {
    const sim = await setup();
    sim.faults.add({ endpoint: 'stream', action: { type: 'stream-error', afterEvents: 1, grpcCode: 14, message: 'transport is closing' } });
    const stream = watch(`${sim.url}/api/v1/stream/applications?name=web`, TOKEN);
    await stream.next((line) => line.result !== undefined);
    sim.patchApp('web', { metadata: { labels: { poke: '2' } } });
    expect(await stream.ended).toEqual({ aborted: false });
    expect(stream.lines.at(-1)).toEqual({ error: { grpc_code: 14, http_code: 503, message: 'transport is closing', http_status: 'Service Unavailable' } });
    expect(stream.lines).toHaveLength(2);
  });

  it('cuts an idle stream like a proxy with an idle timeout', async () => {
    const sim = await setup();
    sim.faults.add({ endpoint: 'stream', action: { type: 'stream-idle-timeout', ms: 100 } });
    const stream = watch(`${sim.url}/api/v1/stream/applications?name=web`, TOKEN);
    expect(await stream.ended).toEqual({ aborted: true });
    expect(stream.lines.map((line) => line.result?.type)).toEqual(['ADDED']);
  });

  it('buffers a stream until it ends, so nothing reaches the client while it is open', async () => {
    const sim = await setup();
    sim.faults.add({ endpoint: 'stream', action: { type: 'buffer' } });
    const stream = watch(`${sim.url}/api/v1/stream/applications?name=web`, TOKEN);
    cleanups.push(async () => stream.close());
    for (let i = 0; i < 100 && sim.openStreams === 0; i += 1) await pause(5);
    sim.patchApp('web', { metadata: { labels: { poke: '3' } } });
    const early = await Promise.race([stream.status, pause(200).then(() => 'pending')]);
    expect(early).toBe('pending');
    expect(stream.raw()).toBe('');
    expect(sim.closeStreams()).toBe(1);
    expect(await stream.status).toBe(200);
    expect(await stream.ended).toEqual({ aborted: false });
    expect(stream.lines.map((line) => line.result?.type)).toEqual(['ADDED', 'MODIFIED']);
  });

  it('logs every request with endpoint, query and whether credentials came', async () => {
    const sim = await setup();
    await call(`${appUrl(sim)}?appNamespace=argocd`, { token: TOKEN });
    await call(`${sim.url}/api/v1/applications?projects=a&projects=b`, { headers: { Cookie: `argocd.token=${TOKEN}` } });
    await call(`${appUrl(sim)}?refresh=hard`, { token: TOKEN });
    await call(`${appUrl(sim)}/sync`, { method: 'POST', body: {} });
    expect(sim.requestCounts()).toMatchObject({ get: 1, list: 1, refresh: 1, sync: 1, stream: 0 });
    expect(sim.requestCount()).toBe(4);
    expect(sim.requests.map((record) => [record.method, record.path, record.endpoint, record.authorization, record.cookie, record.status])).toEqual([
      ['GET', '/api/v1/applications/web', 'get', true, false, 200],
      ['GET', '/api/v1/applications', 'list', false, true, 200],
      ['GET', '/api/v1/applications/web', 'refresh', true, false, 200],
      ['POST', '/api/v1/applications/web/sync', 'sync', false, false, 401],
    ]);
    expect(sim.requests[1]?.query).toEqual({ projects: ['a', 'b'] });
    expect(sim.requests[0]?.app).toBe('web');
    sim.clearRequests();
    expect(sim.requestCount()).toBe(0);
  });

  it('plays a scripted timeline of patches in order', async () => {
    const sim = await setup();
    const stream = watch(`${sim.url}/api/v1/stream/applications?name=api`, TOKEN);
    cleanups.push(async () => stream.close());
    await stream.next(() => true);
    const timeline = sim.timeline('api', [
      { afterMs: 10, patch: { status: { health: { status: 'Progressing' } } } },
      { afterMs: 10, patch: { status: { health: { status: 'Degraded', message: 'scripted' } } } },
      { afterMs: 10, mutate: (app: Application) => void (app.status.conditions = [{ type: 'SyncError', message: 'scripted too' }]) },
    ]);
    await timeline.done;
    await stream.next((line) => line.result?.application.status.conditions?.length === 1);
    const healths = stream.lines.map((line) => {
      const health = line.result?.application.status.health;
      return health && 'status' in health ? health.status : undefined;
    });
    expect(healths).toEqual(['Healthy', 'Progressing', 'Degraded', 'Degraded']);
    expect(sim.getApp('api').status.health).toMatchObject({ status: 'Degraded', message: 'scripted' });
  });
});
