/**
 * The built wait-argocd-healthy bundle (dist/wait-argocd-healthy/index.js) as GitHub Actions runs
 * it (GITHUB_ACTIONS=true, INPUT_*, GITHUB_OUTPUT) and as a GitLab job runs it (GITLAB_CI=true,
 * INPUT_<NAME> with underscores, a dotenv report), against the Argo CD simulator reconciling a real
 * git repository. Run `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArgoCdSimulator } from '../../packages/argocd-simulator/src/index';
import { BUNDLE_NODE, createSandbox, randomToken, REPO_ROOT, runBundle, runProcess, type Sandbox } from '../support/run-bundle';

const BUNDLE = join(REPO_ROOT, 'dist', 'wait-argocd-healthy', 'index.js');
const TOKEN = randomToken();
const IDENTITY = ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.invalid'];
const deployment = (tag: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: payments\n  namespace: payments\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/payments:${tag}\n`;

let sandbox: Sandbox;
let simulator: ArgoCdSimulator | undefined;

beforeEach(async () => {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build`);
  sandbox = await createSandbox('gitops-promote-wait-bundle-');
});
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
  await sandbox.cleanup();
});

/** A repo whose envs/dev runs payments at `tag`, an app tracking it, and the commit of `next`. */
async function setUp(next: string): Promise<{ sim: ArgoCdSimulator; revision: string; workspace: string }> {
  const repo = join(sandbox.dir, 'environments');
  await mkdir(join(repo, 'envs/dev'), { recursive: true });
  await sandbox.gitOk(['init', '--quiet', '--initial-branch=main'], repo);
  await writeFile(join(repo, 'envs/dev/deployment.yaml'), deployment('1.0.0'));
  await sandbox.gitOk(['add', '.'], repo);
  await sandbox.gitOk([...IDENTITY, 'commit', '--quiet', '-m', 'initial'], repo);
  simulator = await ArgoCdSimulator.start({
    tokens: [TOKEN],
    reconcileIntervalMs: 0,
    apps: [{ name: 'payments-dev', project: 'default', source: { repoPath: repo, targetRevision: 'main', path: 'envs/dev' } }],
  });
  await writeFile(join(repo, 'envs/dev/deployment.yaml'), deployment(next));
  await sandbox.gitOk([...IDENTITY, 'commit', '--quiet', '-am', `dev runs ${next}`], repo);
  const workspace = join(sandbox.dir, 'workspace');
  await mkdir(workspace);
  return { sim: simulator, revision: await sandbox.gitOk(['rev-parse', 'HEAD'], repo), workspace };
}

describe('wait-argocd-healthy bundle', () => {
  it('under GitHub Actions: waits for the pushed commit and writes the outputs, never the token', async () => {
    const { sim, revision, workspace } = await setUp('1.1.0');
    const result = await runBundle({
      bundle: BUNDLE,
      cwd: workspace,
      home: sandbox.home,
      inputs: { server: sim.url, token: TOKEN, application: 'payments-dev', revision, timeout: '30s' },
    });
    expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.outputs).toMatchObject({ health: 'Healthy', sync: 'Synced', revision });
    const parsed = JSON.parse(result.outputs.result ?? '{}') as Record<string, { outcome: string }>;
    expect(parsed['payments-dev']?.outcome).toBe('success');
    expect(result.log).toMatch(/::group::Waiting for Argo CD/);
    expect(result.log).toMatch(/payments-dev runs [0-9a-f]{7}/);
    expect(result.summary).toContain('#### payments-dev — ready');
    expect(result.masks).toContain(TOKEN);
    for (const text of [result.log, result.stderr, result.summary, JSON.stringify(result.outputs)]) expect(text).not.toContain(TOKEN);
  });

  it('under GitHub Actions: a Degraded rollout fails with the resource and exit code 1', async () => {
    const { sim, revision, workspace } = await setUp('broken-7');
    const result = await runBundle({
      bundle: BUNDLE,
      cwd: workspace,
      home: sandbox.home,
      inputs: { server: sim.url, token: TOKEN, application: 'payments-dev', revision, timeout: '30s' },
    });
    expect(result.exitCode).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/Degraded/);
    expect(result.errors[0]).toMatch(/Deployment\/payments\/payments: /);
    expect(result.outputs.health).toBe('Degraded');
    expect(`${result.stdout}\n${result.stderr}`).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });

  it('under GitLab CI: INPUT_ variables in, a dotenv report out', async () => {
    const { sim, revision, workspace } = await setUp('1.2.0');
    const run = await runProcess(BUNDLE_NODE, [BUNDLE], {
      cwd: workspace,
      env: sandbox.env({
        GITLAB_CI: 'true',
        CI_PROJECT_DIR: workspace,
        INPUT_SERVER: sim.url,
        INPUT_APPLICATION: 'payments-dev',
        INPUT_REVISION: revision,
        INPUT_TIMEOUT: '30s',
        INPUT_TOKEN: TOKEN,
      }),
      timeoutMs: 60_000,
    });
    expect(run.exitCode, `${run.stdout}\n${run.stderr}`).toBe(0);
    const dotenv = await readFile(join(workspace, 'gitops-promote.env'), 'utf8');
    expect(dotenv).toContain('HEALTH=Healthy\n');
    expect(dotenv).toContain(`REVISION=${revision}\n`);
    expect(dotenv).toMatch(/^RESULT=\{"payments-dev":\{/m);
    expect(run.stdout).toMatch(/section_start:\d+:gitops_promote_1/);
    expect(`${run.stdout}${run.stderr}${dotenv}`).not.toContain(TOKEN);
  });
});
