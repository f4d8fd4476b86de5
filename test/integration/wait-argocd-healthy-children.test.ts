/**
 * wait-argocd-healthy with `children: true` on the simulator: an app of apps whose resource tree
 * lists child Applications (seeded in Argo CD as the parent's sync would create them), each waited
 * for at the pushed commit on one watch; a Degraded child fails the wait naming it and its parent,
 * and a parent with no children answers at once.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArgoCdSimulator, type AppConfig } from '../../packages/argocd-simulator/src/index';
import { GitopsPromoteError } from '../../packages/core/src/errors';
import { waitArgocdHealthySpec } from '../../packages/core/src/steps/wait-argocd-healthy/spec';
import { waitArgocdHealthyStep } from '../../packages/core/src/steps/wait-argocd-healthy/step';
import { outcomeOf } from '../support/errors';
import { FakePlatform } from '../support/fake-platform';
import { useHermeticGitEnv } from '../support/hermetic-git-env';
import { createSandbox, randomToken, type Sandbox } from '../support/run-bundle';
import { testWaitContext } from '../support/wait-context';

const TOKEN = randomToken();
const IDENTITY = ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.invalid'];
const deployment = (name: string, tag: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${name}}\nspec: {template: {spec: {containers: [{name: api, image: "ghcr.io/acme/${name}:${tag}"}]}}}\n`;
const application = (name: string, repo: string): string =>
  [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Application',
    `metadata: {name: ${name}, namespace: argocd}`,
    'spec:',
    '  project: default',
    `  source: {repoURL: "${pathToFileURL(repo).href}", path: envs/${name}, targetRevision: main}`,
    `  destination: {server: "https://kubernetes.default.svc", namespace: ${name}}`,
    '',
  ].join('\n');

let sandbox: Sandbox;
let simulator: ArgoCdSimulator | undefined;
useHermeticGitEnv();
beforeEach(async () => {
  sandbox = await createSandbox('gitops-promote-children-');
});
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
  await sandbox.cleanup();
});

interface Tree {
  sim: ArgoCdSimulator;
  /** Commits `files` (path → content); returns the commit. */
  push: (files: Record<string, string>) => Promise<string>;
}

/** A repo with apps/ (the parent's Application manifests) and envs/<child>/; the apps seeded. */
async function setUp(children: readonly string[]): Promise<Tree> {
  const repo = join(sandbox.dir, 'environments');
  await mkdir(join(repo, 'apps'), { recursive: true });
  await sandbox.gitOk(['init', '--quiet', '--initial-branch=main'], repo);
  const push = async (files: Record<string, string>): Promise<string> => {
    for (const [path, content] of Object.entries(files)) {
      await mkdir(join(repo, path, '..'), { recursive: true });
      await writeFile(join(repo, path), content);
    }
    await sandbox.gitOk(['add', '.'], repo);
    await sandbox.gitOk([...IDENTITY, 'commit', '--quiet', '-m', 'change'], repo);
    return sandbox.gitOk(['rev-parse', 'HEAD'], repo);
  };
  const files: Record<string, string> = { 'apps/README.md': 'the app of apps\n' };
  for (const child of children) {
    files[`apps/${child}.yaml`] = application(child, repo);
    files[`envs/${child}/deployment.yaml`] = deployment(child, '1.0.0');
  }
  await push(files);
  const apps: AppConfig[] = [
    { name: 'platform', project: 'default', source: { repoPath: repo, targetRevision: 'main', path: 'apps' } },
    ...children.map((child): AppConfig => ({ name: child, project: 'default', source: { repoPath: repo, targetRevision: 'main', path: `envs/${child}` } })),
  ];
  simulator = await ArgoCdSimulator.start({ tokens: [TOKEN], reconcileIntervalMs: 0, apps });
  return { sim: simulator, push };
}

async function wait(sim: ArgoCdSimulator, extra: Record<string, string>): Promise<{ platform: FakePlatform; error?: GitopsPromoteError }> {
  const all = new Map<string, string>(waitArgocdHealthySpec.inputs.map((input) => [input.name, '']));
  for (const [key, value] of Object.entries({ server: sim.url, token: TOKEN, application: 'platform', children: 'true', timeout: '20s', ...extra })) all.set(key, value);
  const platform = new FakePlatform(all);
  const { error } = await outcomeOf(waitArgocdHealthyStep(platform, testWaitContext()));
  return error ? { platform, error } : { platform };
}

const result = (platform: FakePlatform): Record<string, { outcome: string; revision: string; health: string }> =>
  JSON.parse(platform.outputs.get('result') ?? '{}') as Record<string, { outcome: string; revision: string; health: string }>;

describe('wait-argocd-healthy with children: true', () => {
  it('waits for each child at the pushed commit; a Degraded child fails the wait naming it and its parent, with a summary row per app', async () => {
    const { sim, push } = await setUp(['billing', 'ledger', 'search']);
    const revision = await push({ 'envs/billing/deployment.yaml': deployment('billing', '1.1.0'), 'envs/ledger/deployment.yaml': deployment('ledger', 'broken-1.1.0'), 'envs/search/deployment.yaml': deployment('search', '1.1.0') });
    const { platform, error } = await wait(sim, { revision });
    expect(error?.message).toMatch(/^ledger: health is Degraded after [0-9a-f]{7} was applied.* \(a child Application of platform\)/);
    expect(platform.log).toContain('platform lists 3 child Applications: billing, ledger, search; waiting for them too.');
    const reports = result(platform);
    expect(Object.keys(reports).sort()).toEqual(['billing', 'ledger', 'platform', 'search']);
    expect(reports['ledger']).toMatchObject({ outcome: 'failure', health: 'Degraded' });
    for (const summary of ['platform', 'ledger']) expect(platform.summaries.join('\n')).toMatch(new RegExp(`^\\| ${summary} \\| (ready|failed) \\|`, 'm'));
    // One watch for the tree (reopened once to carry the children), never one per child.
    const streams = sim.requests.filter((request) => request.endpoint === 'stream');
    expect(streams.length).toBeLessThanOrEqual(2);
    for (const stream of streams) expect(stream.query['name']).toBeUndefined();
  });

  it('succeeds once every child runs the pushed commit', async () => {
    const { sim, push } = await setUp(['billing', 'ledger', 'search']);
    const revision = await push({ 'envs/billing/deployment.yaml': deployment('billing', '1.2.0'), 'envs/search/deployment.yaml': deployment('search', '1.2.0') });
    const { platform, error } = await wait(sim, { revision });
    expect(error).toBeUndefined();
    for (const name of ['platform', 'billing', 'ledger', 'search']) expect(result(platform)[name]).toMatchObject({ outcome: 'success', revision });
  });

  it('a child reading another repository is waited for Synced and Healthy, not at the pushed commit', async () => {
    const { sim, push } = await setUp(['billing']);
    // A second repository (a shared chart repo, say) whose app the parent also manages.
    const other = join(sandbox.dir, 'shared');
    await mkdir(join(other, 'envs', 'mesh'), { recursive: true });
    await sandbox.gitOk(['init', '--quiet', '--initial-branch=main'], other);
    await writeFile(join(other, 'envs', 'mesh', 'deployment.yaml'), deployment('mesh', '1.0.0'));
    await sandbox.gitOk(['add', '.'], other);
    await sandbox.gitOk([...IDENTITY, 'commit', '--quiet', '-m', 'mesh'], other);
    await sim.addApp({ name: 'mesh', project: 'default', source: { repoPath: other, targetRevision: 'main', path: 'envs/mesh' } });
    const revision = await push({ 'apps/mesh.yaml': application('mesh', other), 'envs/billing/deployment.yaml': deployment('billing', '1.3.0') });
    const { platform, error } = await wait(sim, { revision });
    expect(error).toBeUndefined();
    const reports = result(platform);
    expect(reports['billing']).toMatchObject({ outcome: 'success', revision });
    expect(reports['mesh']?.outcome).toBe('success');
    expect(reports['mesh']?.revision).not.toBe(revision);
  });

  it('follows apps of apps recursively, down to 3 levels below the app given', async () => {
    const { sim, push } = await setUp([]);
    // platform → level-1 → level-2 → level-3 → level-4, each an app of the next (apps/<level>/).
    const repo = join(sandbox.dir, 'environments');
    const levels = ['level-1', 'level-2', 'level-3', 'level-4'];
    const nested = (name: string): string => application(name, repo).replace(`path: envs/${name}`, `path: apps/${name}`);
    const files: Record<string, string> = { 'apps/level-1.yaml': nested('level-1') };
    levels.forEach((level, index) => {
      const next = levels[index + 1];
      files[`apps/${level}/${next ? `${next}.yaml` : 'deployment.yaml'}`] = next ? nested(next) : deployment('leaf', '1.0.0');
    });
    await push(files);
    for (const level of levels) await sim.addApp({ name: level, project: 'default', source: { repoPath: repo, targetRevision: 'main', path: `apps/${level}` } });
    await sim.refresh('platform');
    const { platform, error } = await wait(sim, {});
    expect(error).toBeUndefined();
    expect(Object.keys(result(platform)).sort()).toEqual(['level-1', 'level-2', 'level-3', 'platform']);
    expect(platform.log).toContain('level-2 lists 1 child Application: level-3; waiting for them too.');
  });

  it('a parent with no children answers at once instead of hanging', async () => {
    const { sim } = await setUp([]);
    const { platform, error } = await wait(sim, { timeout: '20s' });
    expect(error).toBeUndefined();
    expect(platform.log).toContain('platform lists no child Application (children: true).');
    expect(Object.keys(result(platform))).toEqual(['platform']);
    // Decided from the first read: no watch was ever opened.
    expect(sim.requestCount('stream')).toBe(0);
  });
});
