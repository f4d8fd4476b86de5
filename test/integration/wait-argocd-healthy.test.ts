/**
 * wait-argocd-healthy's step logic in process (a fake Platform) against the Argo CD simulator
 * reconciling a real git repository: the verdict is reached on the pushed commit only, failures
 * are explained, transient trouble is ridden out, and the token never reaches the output.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArgoCdSimulator, type AppConfig } from '../../packages/argocd-simulator/src/index';
import { GitopsPromoteError } from '../../packages/core/src/errors';
import { waitArgocdHealthySpec } from '../../packages/core/src/steps/wait-argocd-healthy/spec';
import type { WaitContext } from '../../packages/core/src/steps/wait-argocd-healthy/context';
import { waitArgocdHealthyStep } from '../../packages/core/src/steps/wait-argocd-healthy/step';
import { outcomeOf } from '../support/errors';
import { FakePlatform } from '../support/fake-platform';
import { useHermeticGitEnv } from '../support/hermetic-git-env';
import { createSandbox, randomToken, type Sandbox } from '../support/run-bundle';
import { testWaitContext } from '../support/wait-context';

const TOKEN = randomToken();
const IDENTITY = ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.invalid'];
const deployment = (tag: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: payments
  namespace: payments
spec:
  template:
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/payments:${tag}
`;

let sandbox: Sandbox;
let simulator: ArgoCdSimulator | undefined;
useHermeticGitEnv();
beforeEach(async () => {
  sandbox = await createSandbox('gitops-promote-wait-');
});
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
  await sandbox.cleanup();
});

interface Env {
  repo: string;
  initial: string;
}

/** An environment repo with envs/dev holding payments at 1.0.0. */
async function setUpRepo(): Promise<Env> {
  const repo = join(sandbox.dir, 'environments');
  await mkdir(join(repo, 'envs/dev'), { recursive: true });
  await sandbox.gitOk(['init', '--quiet', '--initial-branch=main'], repo);
  await writeFile(join(repo, 'envs/dev/deployment.yaml'), deployment('1.0.0'));
  await sandbox.gitOk(['add', '.'], repo);
  await sandbox.gitOk([...IDENTITY, 'commit', '--quiet', '-m', 'dev runs 1.0.0'], repo);
  return { repo, initial: await sandbox.gitOk(['rev-parse', 'HEAD'], repo) };
}

async function push(env: Env, tag: string): Promise<string> {
  await writeFile(join(env.repo, 'envs/dev/deployment.yaml'), deployment(tag));
  await sandbox.gitOk([...IDENTITY, 'commit', '--quiet', '-am', `dev runs ${tag}`], env.repo);
  return sandbox.gitOk(['rev-parse', 'HEAD'], env.repo);
}

function app(env: Env, name = 'payments-dev', extra: Partial<AppConfig> = {}): AppConfig {
  return { name, project: 'default', labels: { team: 'payments' }, source: { repoPath: env.repo, targetRevision: 'main', path: 'envs/dev' }, ...extra };
}

async function startSimulator(apps: AppConfig[], reconcileIntervalMs = 0): Promise<ArgoCdSimulator> {
  simulator = await ArgoCdSimulator.start({ tokens: [TOKEN], apps, reconcileIntervalMs });
  return simulator;
}

function inputs(sim: Pick<ArgoCdSimulator, 'url'>, extra: Record<string, string>): Map<string, string> {
  const all = new Map<string, string>(waitArgocdHealthySpec.inputs.map((input) => [input.name, '']));
  for (const [key, value] of Object.entries({ server: sim.url, token: TOKEN, application: 'payments-dev', timeout: '20s', ...extra })) all.set(key, value);
  return all;
}

const FAST = testWaitContext();

async function wait(sim: Pick<ArgoCdSimulator, 'url'>, extra: Record<string, string>, context: WaitContext = FAST): Promise<{ platform: FakePlatform; error?: GitopsPromoteError }> {
  const platform = new FakePlatform(inputs(sim, extra));
  const { error } = await outcomeOf(waitArgocdHealthyStep(platform, context));
  return error ? { platform, error } : { platform };
}

function result(platform: FakePlatform): Record<string, { health: string; sync: string; revision: string; outcome: string; degraded: unknown[] }> {
  return JSON.parse(platform.outputs.get('result') ?? '{}') as Record<string, { health: string; sync: string; revision: string; outcome: string; degraded: unknown[] }>;
}

function expectNoToken(platform: FakePlatform, error?: Error): void {
  expect(platform.log).not.toContain(TOKEN);
  expect(JSON.stringify([...platform.outputs])).not.toContain(TOKEN);
  expect(platform.summaries.join('\n')).not.toContain(TOKEN);
  if (error) expect(`${error.message} ${(error as GitopsPromoteError).hint}`).not.toContain(TOKEN);
}

describe('wait-argocd-healthy', () => {
  it('succeeds once the app runs the pushed commit, Synced and Healthy', async () => {
    const env = await setUpRepo();
    const sim = await startSimulator([app(env)]);
    const revision = await push(env, '1.1.0');
    const { platform, error } = await wait(sim, { revision });
    expect(error).toBeUndefined();
    expect(platform.outputs.get('health')).toBe('Healthy');
    expect(platform.outputs.get('sync')).toBe('Synced');
    expect(platform.outputs.get('revision')).toBe(revision);
    expect(result(platform)['payments-dev']).toMatchObject({ outcome: 'success', revision });
    expect(sim.getApp('payments-dev').status?.sync?.revision).toBe(revision);
    expect(platform.summaries.join('\n')).toContain('#### payments-dev — ready');
    expectNoToken(platform);
  });

  it('does not pass on the previous commit: with refresh none it waits until Argo CD has compared the new one', async () => {
    const env = await setUpRepo();
    const sim = await startSimulator([app(env)], 300);
    const revision = await push(env, '1.1.0');
    const { platform, error } = await wait(sim, { revision, refresh: 'none' });
    expect(error).toBeUndefined();
    // It saw the app at the old commit first and said what it waited for.
    expect(platform.log).toMatch(new RegExp(`waiting for ${revision.slice(0, 7)}|${env.initial.slice(0, 7)}`));
    expect(platform.outputs.get('revision')).toBe(revision);
  });

  it('fails on a Degraded rollout, naming each Degraded resource from the tree', async () => {
    const env = await setUpRepo();
    const sim = await startSimulator([app(env)]);
    const revision = await push(env, 'broken-1');
    const { platform, error } = await wait(sim, { revision });
    expect(error?.message).toMatch(/Degraded/);
    expect(error?.message).toMatch(/\n {2}Deployment\/payments\/payments: /);
    expect(result(platform)['payments-dev']).toMatchObject({ outcome: 'failure', health: 'Degraded' });
    expect(result(platform)['payments-dev']?.degraded.length).toBeGreaterThan(0);
    expectNoToken(platform, error);
  });

  it('fails fast on a Failed sync operation with its message', async () => {
    const env = await setUpRepo();
    const sim = await startSimulator([app(env, 'payments-dev', { rules: { failSync: () => 'one or more objects failed to apply: admission webhook denied' } })]);
    const revision = await push(env, '1.2.0');
    const { error } = await wait(sim, { revision });
    expect(error?.message).toMatch(/admission webhook denied/);
  });

  it('fails on a ComparisonError condition for the revision', async () => {
    const env = await setUpRepo();
    const sim = await startSimulator([app(env, 'payments-dev', { rules: { comparisonError: (target) => (target.revisions.includes(env.initial) ? undefined : 'rpc error: manifest generation failed') } })]);
    const revision = await push(env, '1.2.0');
    const { error } = await wait(sim, { revision });
    expect(error?.message).toMatch(/ComparisonError/);
    expect(error?.message).toMatch(/manifest generation failed/);
  });

  it('waits out a Degraded spell within degraded-grace, then fails', async () => {
    const env = await setUpRepo();
    const sim = await startSimulator([app(env)]);
    const revision = await push(env, 'broken-2');
    const { platform, error } = await wait(sim, { revision, 'degraded-grace': '1s' });
    expect(error?.message).toMatch(/Degraded/);
    expect(platform.log).toMatch(/Degraded/);
  });

  it('answers 401 with the token invalid, never printing it', async () => {
    const env = await setUpRepo();
    const sim = await startSimulator([app(env)]);
    const wrong = randomToken();
    const { platform, error } = await wait(sim, { token: wrong });
    expect(error?.message).toMatch(/401|token/i);
    expect(`${error?.message} ${platform.log}`).not.toContain(wrong);
  });

  it('reports a missing app as not found or not permitted', async () => {
    const env = await setUpRepo();
    const sim = await startSimulator([app(env)]);
    const { error } = await wait(sim, { application: 'nope' });
    expect(error?.message).toMatch(/nope/);
    expect(error?.message).toMatch(/not found or not permitted/);
  });

  it('times out with what each app still waited for (a manual-sync app nobody syncs)', async () => {
    const env = await setUpRepo();
    const sim = await startSimulator([app(env, 'payments-dev', { autoSync: false })]);
    const revision = await push(env, '1.3.0');
    const { platform, error } = await wait(sim, { revision, timeout: '2s' });
    expect(error?.message).toMatch(/^Timed out after 2\.0 s; still waiting for:\n {2}payments-dev: /);
    expect(result(platform)['payments-dev']?.outcome).toBe('waiting');
  });

  it('sync: true syncs a manual-sync app to the revision', async () => {
    const env = await setUpRepo();
    const sim = await startSimulator([app(env, 'payments-dev', { autoSync: false })]);
    const revision = await push(env, '1.3.0');
    const { platform, error } = await wait(sim, { revision, sync: 'true' });
    expect(error).toBeUndefined();
    expect(platform.log).toMatch(/sync of [0-9a-f]{12} requested/);
    expect(sim.requestCount('sync')).toBe(1);
  });

  it('stops promptly when cancelled, printing the last state', async () => {
    const env = await setUpRepo();
    const sim = await startSimulator([app(env, 'payments-dev', { autoSync: false })]);
    const revision = await push(env, '1.3.0');
    const controller = new AbortController();
    setTimeout(() => controller.abort(new GitopsPromoteError('Cancelled by SIGTERM before the step finished.', 'x')), 500);
    const { error } = await wait(sim, { revision, timeout: '60s' }, testWaitContext({ signal: controller.signal }));
    expect(error?.message).toMatch(/^Cancelled by SIGTERM before the step finished\.; still waiting for:\n {2}payments-dev: /);
  });

  it('waits for several apps on one stream (selector)', async () => {
    const env = await setUpRepo();
    const sim = await startSimulator([app(env, 'payments-dev'), app(env, 'payments-dev-eu'), app(env, 'other', { labels: { team: 'other' } })]);
    const revision = await push(env, '1.4.0');
    const { platform, error } = await wait(sim, { application: '', selector: 'team=payments', revision });
    expect(error).toBeUndefined();
    expect(Object.keys(result(platform)).sort()).toEqual(['payments-dev', 'payments-dev-eu']);
    expect(sim.requestCount('stream')).toBeLessThanOrEqual(1);
  });

  it('sees an app that finished between its first read and the stream opening (several apps)', async () => {
    const env = await setUpRepo();
    const sim = await startSimulator([app(env, 'payments-dev'), app(env, 'payments-dev-eu')]);
    // The second app's refresh is slow: the first app finishes its rollout meanwhile, before the
    // watch is opened, so only the stream's current objects can tell the step it is done.
    sim.faults.add({ endpoint: 'refresh', app: 'payments-dev-eu', times: 1, action: { type: 'delay', ms: 1500 } });
    const revision = await push(env, '1.4.1');
    const { platform, error } = await wait(sim, { application: 'payments-dev,payments-dev-eu', revision, timeout: '10s' });
    expect(error).toBeUndefined();
    expect(result(platform)['payments-dev']?.outcome).toBe('success');
    expect(result(platform)['payments-dev-eu']?.outcome).toBe('success');
    expect(platform.log).not.toMatch(/polling the applications instead/);
  });

  it('resumes after the stream drops mid-event', async () => {
    const env = await setUpRepo();
    const sim = await startSimulator([app(env, 'payments-dev', { timings: { syncMs: 300 } })], 200);
    sim.faults.add({ endpoint: 'stream', times: 1, action: { type: 'stream-drop', afterEvents: 1 } });
    const revision = await push(env, '1.5.0');
    const { platform, error } = await wait(sim, { revision, refresh: 'none' });
    expect(error).toBeUndefined();
    expect(platform.log).toMatch(/The watch stream dropped; reconnecting/);
    expect(sim.requestCount('stream')).toBeGreaterThanOrEqual(2);
  });

  it('reconnects after a malformed line in the stream instead of failing', async () => {
    const env = await setUpRepo();
    const sim = await startSimulator([app(env, 'payments-dev', { timings: { syncMs: 300 } })], 200);
    sim.faults.add({ endpoint: 'stream', times: 1, action: { type: 'stream-garbage', afterEvents: 1 } });
    const revision = await push(env, '1.5.1');
    const { platform, error } = await wait(sim, { revision, refresh: 'none' });
    expect(error).toBeUndefined();
    expect(platform.log).toMatch(/The watch stream sent a malformed line; reconnecting/);
    expect(sim.requestCount('stream')).toBeGreaterThanOrEqual(2);
  });

  it('falls back to polling when a proxy buffers the stream', async () => {
    const env = await setUpRepo();
    const sim = await startSimulator([app(env, 'payments-dev', { timings: { syncMs: 300 } })], 200);
    sim.faults.add({ endpoint: 'stream', action: { type: 'buffer' } });
    const revision = await push(env, '1.6.0');
    const { platform, error } = await wait(sim, { revision, refresh: 'none' });
    expect(error).toBeUndefined();
    expect(platform.log).toMatch(/polling the applications instead/);
    expect(platform.summaries.join('\n')).toMatch(/were polled/);
  });

  it('rides out a storm of 503s', async () => {
    const env = await setUpRepo();
    const sim = await startSimulator([app(env)]);
    sim.faults.add({ endpoint: ['refresh', 'get'], times: 3, action: { type: 'error', status: 503 } });
    const revision = await push(env, '1.7.0');
    const { platform, error } = await wait(sim, { revision });
    expect(error).toBeUndefined();
    expect(platform.log).toMatch(/Retrying in/);
  });

  it('accepts a descendant of the revision when path points at a checkout', async () => {
    const env = await setUpRepo();
    const sim = await startSimulator([app(env)]);
    const ours = await push(env, '1.8.0');
    // A later commit that leaves ours in place (another file): the app running it runs ours.
    await writeFile(join(env.repo, 'envs/dev/config.yaml'), 'kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: payments\n  namespace: payments\n');
    await sandbox.gitOk(['add', '.'], env.repo);
    await sandbox.gitOk([...IDENTITY, 'commit', '--quiet', '-m', 'a config map'], env.repo);
    const { platform, error } = await wait(sim, { revision: ours, path: env.repo });
    expect(error).toBeUndefined();
    expect(result(platform)['payments-dev']?.outcome).toBe('success');
  });

  it('without path, a later commit is not ours: it waits and times out', async () => {
    const env = await setUpRepo();
    const sim = await startSimulator([app(env)]);
    const ours = await push(env, '1.9.0');
    await push(env, '1.9.1');
    const { error } = await wait(sim, { revision: ours, timeout: '2s' });
    expect(error?.message).toMatch(/^Timed out after 2\.0 s/);
  });

  it('a descendant that reverted the change does not run it: the wait times out, saying why', async () => {
    const env = await setUpRepo();
    const sim = await startSimulator([app(env)]);
    const ours = await push(env, '2.0.0');
    const revert = await push(env, '1.0.0');
    const { platform, error } = await wait(sim, { revision: ours, path: env.repo, timeout: '3s' });
    expect(error?.message).toMatch(/^Timed out after 3\.0 s; still waiting for:\n {2}payments-dev: /);
    expect(platform.log).toContain(`${revert.slice(0, 7)} descends from ${ours.slice(0, 7)} but no longer holds its change to envs/dev/deployment.yaml`);
    expect(result(platform)['payments-dev']?.outcome).toBe('waiting');
  });

  it('a descendant that edits another value of the same file still runs the change', async () => {
    const env = await setUpRepo();
    const sim = await startSimulator([app(env)]);
    const ours = await push(env, '2.1.0');
    const file = join(env.repo, 'envs/dev/deployment.yaml');
    await writeFile(file, deployment('2.1.0').replace('  name: payments\n', '  name: payments\n  labels:\n    team: payments\n'));
    await sandbox.gitOk([...IDENTITY, 'commit', '--quiet', '-am', 'a label'], env.repo);
    const { error } = await wait(sim, { revision: ours, path: env.repo });
    expect(error).toBeUndefined();
  });

  it('an app is its namespace and name: a same-named app in another namespace never satisfies the wait', async () => {
    const env = await setUpRepo();
    const sim = await startSimulator([
      app(env, 'payments-dev', { autoSync: false }),
      app(env, 'payments-dev', { namespace: 'team-b' }),
      app(env, 'payments-dev-eu'),
    ]);
    const revision = await push(env, '2.2.0');
    const both = await wait(sim, { application: 'payments-dev,payments-dev-eu', revision, timeout: '3s' });
    expect(both.error?.message).toMatch(/^Timed out after 3\.0 s; still waiting for:\n {2}payments-dev: /);
    expect(result(both.platform)['payments-dev']?.outcome).toBe('waiting');
    // Named with its namespace, the other one is waited for, and reported under that name.
    const twin = await wait(sim, { application: 'team-b/payments-dev,payments-dev-eu', revision });
    expect(twin.error).toBeUndefined();
    expect(Object.keys(result(twin.platform)).sort()).toEqual(['payments-dev-eu', 'team-b/payments-dev']);
  });

  it('says at least every progress interval what each app still waits for, at which revision', async () => {
    const env = await setUpRepo();
    const sim = await startSimulator([app(env, 'payments-dev', { autoSync: false })]);
    const revision = await push(env, '2.3.0');
    const { platform, error } = await wait(sim, { revision, timeout: '2s' }, testWaitContext({ timings: { progressMs: 300 } }));
    expect(error?.message).toMatch(/^Timed out/);
    const lines = platform.log.split('\n').filter((line) => line.includes('still waiting for payments-dev: '));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.at(-1)).toMatch(new RegExp(`\\(sync OutOfSync at ${revision.slice(0, 7)}, health Healthy, no operation running; awaiting ${revision.slice(0, 7)}\\)$`));
  });

  it('on a timeout, health is the health at the awaited revision, not the old one\'s', async () => {
    const env = await setUpRepo();
    const sim = await startSimulator([app(env, 'payments-dev', { autoSync: false })]);
    const revision = await push(env, '2.4.0');
    const { platform, error } = await wait(sim, { revision, timeout: '1s' });
    expect(error?.message).toMatch(/^Timed out/);
    expect(sim.getApp('payments-dev').status?.health?.status).toBe('Healthy');
    expect(platform.outputs.get('health')).toBe('Unknown');
  });

  it('nothing listening at the server from the start fails fast, naming host:port', async () => {
    const closed = await ArgoCdSimulator.start({ tokens: [TOKEN], apps: [] });
    const url = closed.url;
    await closed.close();
    const { platform, error } = await wait({ url }, { timeout: '10m' }, testWaitContext({ timings: { unreachableMs: 1500 } }));
    const host = new URL(url).host;
    expect(error?.message).toMatch(new RegExp(`^Nothing answers at ${host.replace('.', '\\.')}: every connection was refused \\(ECONNREFUSED\\)`));
    expect(error?.hint).toMatch(/'server' input/);
    expect(error?.hint).not.toMatch(/^Raise timeout/);
    expect(platform.log).toMatch(/Retrying in/);
  });

  it('reports every input error at once: a missing credential does not hide a bad timeout or server', async () => {
    const env = await setUpRepo();
    const sim = await startSimulator([app(env)]);
    const { error } = await wait(sim, { token: '', timeout: 'soon', server: `${sim.url}/applications/argocd/payments-dev` });
    expect(error?.message).toMatch(/^3 inputs are invalid:/);
    expect(error?.message).toContain("Argo CD credentials are missing: give 'token'");
    expect(error?.message).toContain("Input 'timeout' is not a duration: \"soon\".");
    expect(error?.message).toContain("Input 'server': The Argo CD server URL");
    expect(error?.message).toContain(`is a web UI page (it holds /applications), not the server's base URL. Use the base URL: ${sim.url}`);
    expect(sim.requestCount('get')).toBe(0);
  });
});
