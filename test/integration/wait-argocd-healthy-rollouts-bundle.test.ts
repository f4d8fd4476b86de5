/**
 * The built wait-argocd-healthy bundle against the simulator with an Argo Rollouts canary: a
 * paused canary under `suspended: fail` and `succeed`, and a failed AnalysisRun, as GitHub Actions
 * runs the bundle. Run `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArgoCdSimulator } from '../../packages/argocd-simulator/src/index';
import { createSandbox, randomToken, REPO_ROOT, runBundle, type Sandbox } from '../support/run-bundle';

const BUNDLE = join(REPO_ROOT, 'dist', 'wait-argocd-healthy', 'index.js');
const TOKEN = randomToken();
const IDENTITY = ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.invalid'];
const rollout = (tag: string): string =>
  [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Rollout',
    'metadata: {name: payments, namespace: payments}',
    'spec:',
    '  strategy:',
    '    canary:',
    '      steps: [{setWeight: 20}, {analysis: {templates: [{templateName: success-rate}]}}, {pause: {}}, {setWeight: 100}]',
    '  template:',
    '    spec:',
    `      containers: [{name: api, image: "ghcr.io/acme/payments:${tag}"}]`,
    '',
  ].join('\n');

let sandbox: Sandbox;
let simulator: ArgoCdSimulator | undefined;
beforeEach(async () => {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build`);
  sandbox = await createSandbox('gitops-promote-rollouts-bundle-');
});
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
  await sandbox.cleanup();
});

async function setUp(next: string): Promise<{ sim: ArgoCdSimulator; revision: string; workspace: string }> {
  const repo = join(sandbox.dir, 'environments');
  await mkdir(join(repo, 'envs/dev'), { recursive: true });
  await sandbox.gitOk(['init', '--quiet', '--initial-branch=main'], repo);
  await writeFile(join(repo, 'envs/dev/rollout.yaml'), rollout('1.0.0'));
  await sandbox.gitOk(['add', '.'], repo);
  await sandbox.gitOk([...IDENTITY, 'commit', '--quiet', '-m', 'initial'], repo);
  simulator = await ArgoCdSimulator.start({
    tokens: [TOKEN],
    reconcileIntervalMs: 0,
    apps: [{ name: 'payments-dev', project: 'default', source: { repoPath: repo, targetRevision: 'main', path: 'envs/dev' } }],
  });
  await writeFile(join(repo, 'envs/dev/rollout.yaml'), rollout(next));
  await sandbox.gitOk([...IDENTITY, 'commit', '--quiet', '-am', `dev runs ${next}`], repo);
  const workspace = join(sandbox.dir, 'workspace');
  await mkdir(workspace);
  return { sim: simulator, revision: await sandbox.gitOk(['rev-parse', 'HEAD'], repo), workspace };
}

function run(sim: ArgoCdSimulator, revision: string, workspace: string, extra: Record<string, string>): ReturnType<typeof runBundle> {
  return runBundle({ bundle: BUNDLE, cwd: workspace, home: sandbox.home, inputs: { server: sim.url, token: TOKEN, application: 'payments-dev', revision, timeout: '30s', ...extra } });
}

describe('wait-argocd-healthy bundle with Argo Rollouts', () => {
  it('suspended: fail fails on the paused canary, naming the Rollout and its step; suspended: succeed accepts it, with a row for the app in the summary', async () => {
    const { sim, revision, workspace } = await setUp('1.1.0');
    const failed = await run(sim, revision, workspace, { suspended: 'fail' });
    expect(failed.exitCode, `${failed.stdout}\n${failed.stderr}`).toBe(1);
    expect(failed.errors[0]).toMatch(/Rollout payments\/payments paused at setWeight 20, step 3 of 4, waiting for a manual promotion/);
    const accepted = await run(sim, revision, workspace, { suspended: 'succeed' });
    expect(accepted.exitCode, `${accepted.stdout}\n${accepted.stderr}`).toBe(0);
    expect(accepted.outputs.health).toBe('Suspended');
    expect(accepted.summary).toMatch(/^\| payments-dev \| ready \| Suspended \| Synced \| /m);
  });

  it('a failed AnalysisRun fails at once with exit code 1, naming the analysis, its metric and message', async () => {
    const { sim, revision, workspace } = await setUp('failing-analysis-1.1.0');
    const result = await run(sim, revision, workspace, { 'degraded-grace': '10m' });
    expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(1);
    expect(result.errors[0]).toMatch(/AnalysisRun payments\/payments-[0-9a-f]{10}-1 of Rollout payments failed: metric "success-rate" Failed \(value \[0\.42\]\)/);
    expect(result.outputs.health).toBe('Degraded');
  });
});
