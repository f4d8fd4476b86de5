/**
 * The built wait-argocd-healthy bundle against the simulator with an app tree: `children: true` on
 * an app of apps (one child Degraded), and `application-set` (its apps, and an empty set), as
 * GitHub Actions runs the bundle. Run `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArgoCdSimulator, type AppConfig } from '../../packages/argocd-simulator/src/index';
import { createSandbox, randomToken, REPO_ROOT, runBundle, type Sandbox } from '../support/run-bundle';

const BUNDLE = join(REPO_ROOT, 'dist', 'wait-argocd-healthy', 'index.js');
const TOKEN = randomToken();
const IDENTITY = ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.invalid'];
const CHILDREN = ['billing', 'ledger', 'search'];
const deployment = (name: string, tag: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${name}}\nspec: {template: {spec: {containers: [{name: api, image: "ghcr.io/acme/${name}:${tag}"}]}}}\n`;
const application = (name: string, repo: string): string =>
  `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: ${name}, namespace: argocd}\nspec:\n  project: default\n  source: {repoURL: "${pathToFileURL(repo).href}", path: envs/${name}, targetRevision: main}\n  destination: {server: "https://kubernetes.default.svc", namespace: ${name}}\n`;

let sandbox: Sandbox;
let simulator: ArgoCdSimulator | undefined;
beforeEach(async () => {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build`);
  sandbox = await createSandbox('gitops-promote-tree-bundle-');
});
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
  await sandbox.cleanup();
});

/** The parent `platform` (apps/) and its children (envs/<child>/); `ledger` then gets `ledgerTag`. */
async function setUp(ledgerTag: string): Promise<{ sim: ArgoCdSimulator; revision: string; workspace: string }> {
  const repo = join(sandbox.dir, 'environments');
  await mkdir(join(repo, 'apps'), { recursive: true });
  await sandbox.gitOk(['init', '--quiet', '--initial-branch=main'], repo);
  for (const child of CHILDREN) {
    await mkdir(join(repo, 'envs', child), { recursive: true });
    await writeFile(join(repo, 'envs', child, 'deployment.yaml'), deployment(child, '1.0.0'));
    await writeFile(join(repo, 'apps', `${child}.yaml`), application(child, repo));
  }
  await sandbox.gitOk(['add', '.'], repo);
  await sandbox.gitOk([...IDENTITY, 'commit', '--quiet', '-m', 'initial'], repo);
  const apps: AppConfig[] = [
    { name: 'platform', source: { repoPath: repo, targetRevision: 'main', path: 'apps' } },
    ...CHILDREN.map((child): AppConfig => ({ name: child, source: { repoPath: repo, targetRevision: 'main', path: `envs/${child}` } })),
  ];
  simulator = await ArgoCdSimulator.start({ tokens: [TOKEN], reconcileIntervalMs: 0, apps });
  await writeFile(join(repo, 'envs/ledger/deployment.yaml'), deployment('ledger', ledgerTag));
  await sandbox.gitOk([...IDENTITY, 'commit', '--quiet', '-am', `ledger ${ledgerTag}`], repo);
  const workspace = join(sandbox.dir, 'workspace');
  await mkdir(workspace);
  return { sim: simulator, revision: await sandbox.gitOk(['rev-parse', 'HEAD'], repo), workspace };
}

function run(sim: ArgoCdSimulator, workspace: string, inputs: Record<string, string>): ReturnType<typeof runBundle> {
  return runBundle({ bundle: BUNDLE, cwd: workspace, home: sandbox.home, inputs: { server: sim.url, token: TOKEN, timeout: '30s', ...inputs } });
}

describe('wait-argocd-healthy bundle with app trees', () => {
  it('children: true fails on the Degraded child, naming it and its parent, with a summary row per app', async () => {
    const { sim, revision, workspace } = await setUp('broken-2.0.0');
    const result = await run(sim, workspace, { application: 'platform', children: 'true', revision });
    expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(1);
    expect(result.errors[0]).toMatch(/^ledger: health is Degraded .* \(a child Application of platform\)/);
    for (const app of ['platform', 'billing', 'ledger', 'search']) expect(result.summary).toMatch(new RegExp(`^\\| ${app} \\| (ready|failed) \\|`, 'm'));
  });

  it('application-set waits for the apps the set generated; an empty set fails saying so', async () => {
    const { sim, revision, workspace } = await setUp('2.0.0');
    sim.addApplicationSet({ name: 'children', apps: CHILDREN });
    sim.addApplicationSet({ name: 'nothing', apps: [] });
    const result = await run(sim, workspace, { 'application-set': 'children', revision });
    expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(Object.keys(JSON.parse(result.outputs.result ?? '{}') as object).sort()).toEqual(CHILDREN);
    const empty = await run(sim, workspace, { 'application-set': 'nothing' });
    expect(empty.exitCode).not.toBe(0);
    expect(empty.errors[0]).toMatch(/ApplicationSet nothing has generated no Application/);
  });
});
