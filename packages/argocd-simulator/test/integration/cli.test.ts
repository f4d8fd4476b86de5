/**
 * The simulator run standalone, as the demo and a benchmark in another process use it: the CLI
 * prints its URL, serves the API, and is driven through the `/__sim/…` control endpoints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Application } from '../../src/index';
import { call } from '../../../../test/support/argocd-http';
import { createTestRepo, deployment, type TestRepo } from '../../../../test/support/argocd-git-repo';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const CLI = join(ROOT, 'packages', 'argocd-simulator', 'src', 'cli.ts');
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Running {
  child: ChildProcess;
  url: string;
  exit: Promise<number | null>;
}

function startCli(args: readonly string[]): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  cleanups.push(async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exit;
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise<Running>((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const newline = stdout.indexOf('\n');
      if (newline >= 0) resolve({ child, url: stdout.slice(0, newline), exit });
    });
    void exit.then((code) => reject(new Error(`cli exited (${code}) before printing its URL: ${stderr}`)));
  });
}

function runToExit(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

async function repoWith(): Promise<TestRepo> {
  const repo = await createTestRepo({ 'apps/web/deploy.yaml': deployment('web', 'web:1') });
  cleanups.push(() => repo.remove());
  return repo;
}

const json = (body: unknown): { method: string; body: unknown } => ({ method: 'POST', body });

describe('argocd-simulator CLI and control API', () => {
  it('serves the apps given on the command line and is driven over /__sim', async () => {
    const repo = await repoWith();
    const { url, child, exit } = await startCli([
      '--repo', repo.dir, '--app', 'web:apps/web:main',
      '--manual', '--app', 'man:apps/web',
      '--token', 'T', '--port', '0', '--timing', 'syncMs=5', '--reconcile-interval-ms', '0',
    ]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const list = (await call(`${url}/api/v1/applications`, { token: 'T' })).json<{ items: Application[] }>();
    expect(list.items.map((app) => [app.metadata.name, app.spec.source?.path, app.spec.syncPolicy?.automated !== undefined])).toEqual([
      ['man', 'apps/web', false],
      ['web', 'apps/web', true],
    ]);

    expect((await call(`${url}/__sim/faults`, json({ endpoint: 'get', times: 1, action: { type: 'error', status: 502 } }))).status).toBe(200);
    expect((await call(`${url}/api/v1/applications/web`, { token: 'T' })).status).toBe(502);
    expect((await call(`${url}/api/v1/applications/web`, { token: 'T' })).status).toBe(200);
    const log = (await call(`${url}/__sim/requests`)).json<{ counts: Record<string, number>; total: number }>();
    expect(log.counts['get']).toBe(2);
    expect(log.total).toBe(3);

    const hold = (await call(`${url}/__sim/holds`, json({ stage: 'sync', app: 'man' }))).json<{ id: number }>();
    const commit = await repo.commit({ 'apps/web/deploy.yaml': deployment('web', 'web:2') });
    const refreshed = (await call(`${url}/__sim/apps/man/refresh`, { method: 'POST' })).json<Application>();
    expect(refreshed.status.sync).toMatchObject({ status: 'OutOfSync', revision: commit });
    expect((await call(`${url}/api/v1/applications/man/sync`, { ...json({}), token: 'T' })).status).toBe(200);
    expect((await call(`${url}/api/v1/applications/man/sync`, { ...json({}), token: 'T' })).status).toBe(400);
    expect((await call(`${url}/__sim/holds/${hold.id}`, { method: 'DELETE' })).status).toBe(204);
    let app: Application | undefined;
    for (let i = 0; i < 200; i += 1) {
      app = (await call(`${url}/api/v1/applications/man`, { token: 'T' })).json<Application>();
      if (app.status.sync.status === 'Synced' && !app.operation) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(app?.status.operationState?.syncResult?.revision).toBe(commit);

    expect((await call(`${url}/__sim/tokens`, json({ token: 'fresh', projects: ['default'] }))).status).toBe(204);
    expect((await call(`${url}/api/v1/applications/web`, { token: 'fresh' })).status).toBe(200);
    expect((await call(`${url}/__sim/tokens/revoke`, json({ token: 'fresh' }))).status).toBe(204);
    expect((await call(`${url}/api/v1/applications/web`, { token: 'fresh' })).status).toBe(401);
    const patched = (await call(`${url}/__sim/apps/web/patch`, json({ metadata: { labels: { via: 'control' } } }))).json<Application>();
    expect(patched.metadata.labels).toEqual({ via: 'control' });
    expect((await call(`${url}/__sim/apps/web/timeline`, json([{ afterMs: 0, patch: { metadata: { labels: null } } }]))).status).toBe(202);
    expect((await call(`${url}/__sim/streams/close`, { method: 'POST' })).json()).toEqual({ closed: 0 });

    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });

  it('exits 2 with its usage on bad arguments', async () => {
    const noApp = await runToExit(['--port', '0']);
    expect(noApp.code).toBe(2);
    expect(noApp.stderr).toContain('usage:');
    const appFirst = await runToExit(['--app', 'x']);
    expect(appFirst.code).toBe(2);
    expect(appFirst.stderr).toContain('--app x needs a --repo before it');
  });
});
