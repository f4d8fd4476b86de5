/**
 * wait-argocd-healthy and Argo Rollouts, on the simulator: a canary paused at a manual step under
 * each `suspended` value, a timed pause, an aborted Rollout and a failed AnalysisRun, each verdict
 * naming the Rollout, its step, the analysis and its metric.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArgoCdSimulator, type Application } from '../../packages/argocd-simulator/src/index';
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
const MANUAL = ['setWeight: 20', 'pause: {}', 'setWeight: 60', 'analysis: {templates: [{templateName: success-rate}]}', 'setWeight: 100'];

const BLUE_GREEN: readonly string[] = [];
const rollout = (tag: string, steps: readonly string[]): string =>
  [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Rollout',
    'metadata: {name: payments, namespace: payments}',
    'spec:',
    '  strategy:',
    ...(steps === BLUE_GREEN ? ['    blueGreen: {activeService: payments, previewService: payments-preview, autoPromotionEnabled: false}'] : ['    canary:', '      steps:', ...steps.map((step) => `        - ${step}`)]),
    '  template:',
    '    spec:',
    '      containers:',
    `        - {name: api, image: "ghcr.io/acme/payments:${tag}"}`,
    '',
  ].join('\n');

let sandbox: Sandbox;
let simulator: ArgoCdSimulator | undefined;
useHermeticGitEnv();
beforeEach(async () => {
  sandbox = await createSandbox('gitops-promote-rollouts-');
});
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
  await sandbox.cleanup();
});

interface Env {
  sim: ArgoCdSimulator;
  /** Commits the Rollout at `tag`; returns the commit. */
  push: (tag: string) => Promise<string>;
}

async function setUp(steps: readonly string[] = MANUAL): Promise<Env> {
  const repo = join(sandbox.dir, 'environments');
  await mkdir(join(repo, 'envs/dev'), { recursive: true });
  await sandbox.gitOk(['init', '--quiet', '--initial-branch=main'], repo);
  const push = async (tag: string): Promise<string> => {
    await writeFile(join(repo, 'envs/dev/rollout.yaml'), rollout(tag, steps));
    await sandbox.gitOk(['add', '.'], repo);
    await sandbox.gitOk([...IDENTITY, 'commit', '--quiet', '-m', `dev runs ${tag}`], repo);
    return sandbox.gitOk(['rev-parse', 'HEAD'], repo);
  };
  await push('1.0.0');
  simulator = await ArgoCdSimulator.start({
    tokens: [TOKEN],
    reconcileIntervalMs: 0,
    apps: [{ name: 'payments-dev', project: 'default', source: { repoPath: repo, targetRevision: 'main', path: 'envs/dev' } }],
  });
  return { sim: simulator, push };
}

const CONTEXT = testWaitContext({ timings: { progressMs: 200 } });

function platformFor(sim: ArgoCdSimulator, extra: Record<string, string>): FakePlatform {
  const all = new Map<string, string>(waitArgocdHealthySpec.inputs.map((input) => [input.name, '']));
  for (const [key, value] of Object.entries({ server: sim.url, token: TOKEN, application: 'payments-dev', timeout: '20s', ...extra })) all.set(key, value);
  return new FakePlatform(all);
}

async function wait(sim: ArgoCdSimulator, extra: Record<string, string>, platform = platformFor(sim, extra)): Promise<{ platform: FakePlatform; error?: GitopsPromoteError }> {
  const { error } = await outcomeOf(waitArgocdHealthyStep(platform, CONTEXT));
  return error ? { platform, error } : { platform };
}

/** Resolves once the step has logged `text` (polling its log), or after `ms`. */
async function logged(platform: FakePlatform, text: string, ms = 10_000): Promise<void> {
  for (let waited = 0; waited < ms && !platform.log.includes(text); waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
}

const health = (app: Application): string | undefined => ('status' in app.status.health ? app.status.health.status : undefined);
const result = (platform: FakePlatform): Record<string, { outcome: string; health: string; reason: string }> =>
  JSON.parse(platform.outputs.get('result') ?? '{}') as Record<string, { outcome: string; health: string; reason: string }>;

describe('wait-argocd-healthy with Argo Rollouts', () => {
  it('suspended: wait (the default) says which Rollout is paused at which step and that it awaits a promotion, then succeeds once promoted', async () => {
    const { sim, push } = await setUp();
    const revision = await push('1.1.0');
    const platform = platformFor(sim, { revision });
    const waiting = wait(sim, { revision }, platform);
    // Promoted once the step has said what it waits for, as a person would after reading it.
    await logged(platform, 'waiting for a manual promotion');
    sim.promoteRollout('payments-dev', 'payments');
    const outcome = await waiting;
    expect(outcome.error).toBeUndefined();
    expect(outcome.platform.log).toContain('Rollout payments/payments paused at setWeight 20, step 2 of 5, waiting for a manual promotion (kubectl argo rollouts promote payments)');
    expect(result(outcome.platform)['payments-dev']).toMatchObject({ outcome: 'success', health: 'Healthy' });
  });

  it('suspended: succeed accepts the paused canary step, naming it', async () => {
    const { sim, push } = await setUp();
    const revision = await push('1.1.0');
    const { platform, error } = await wait(sim, { revision, suspended: 'succeed' });
    expect(error).toBeUndefined();
    expect(platform.outputs.get('health')).toBe('Suspended');
    expect(result(platform)['payments-dev']).toMatchObject({ outcome: 'success', health: 'Suspended' });
    expect(result(platform)['payments-dev']?.reason).toMatch(/accepted by suspended: succeed\): Rollout payments\/payments paused at setWeight 20, step 2 of 5/);
  });

  it('suspended: fail fails on the paused step, naming the Rollout and the step', async () => {
    const { sim, push } = await setUp();
    const revision = await push('1.1.0');
    const { error } = await wait(sim, { revision, suspended: 'fail' });
    expect(error?.message).toMatch(/^payments-dev: health is Suspended.*\(suspended: fail\): Rollout payments\/payments paused at setWeight 20, step 2 of 5, waiting for a manual promotion/);
  });

  it('a timed pause says how long; a timeout then names the Rollout step still awaited', async () => {
    const { sim, push } = await setUp(['setWeight: 10', 'pause: {duration: 1h}', 'setWeight: 100']);
    const revision = await push('1.1.0');
    const { error } = await wait(sim, { revision, timeout: '4s' });
    expect(error?.message).toMatch(/^Timed out after 4\.0 s; still waiting for:\n {2}payments-dev: health is Suspended: Rollout payments\/payments paused at setWeight 10, step 2 of 3, waiting for a pause of 60m to end \(59m \d+s left\)/);
  });

  it('an aborted Rollout fails the wait at once, naming the Rollout and its message', async () => {
    const { sim, push } = await setUp();
    const revision = await push('1.1.0');
    const waiting = wait(sim, { revision, 'degraded-grace': '10m' });
    await sim.waitFor('payments-dev', (app) => health(app) === 'Suspended');
    sim.abortRollout('payments-dev', 'payments');
    const { error } = await waiting;
    expect(error?.message).toBe('payments-dev: Rollout payments/payments aborted: RolloutAborted: Rollout aborted update to revision 2');
  });

  it('a failed AnalysisRun fails the wait at once (whatever degraded-grace), naming the Rollout, the analysis, its metric and message', async () => {
    const { sim, push } = await setUp();
    const revision = await push('failing-analysis-1.1.0');
    const waiting = wait(sim, { revision, 'degraded-grace': '10m' });
    await sim.waitFor('payments-dev', (app) => health(app) === 'Suspended');
    sim.promoteRollout('payments-dev', 'payments');
    const { error, platform } = await waiting;
    expect(error?.message).toMatch(/^payments-dev: Rollout payments\/payments aborted: RolloutAborted: .*; AnalysisRun payments\/payments-[0-9a-f]{10}-3 of Rollout payments failed: metric "success-rate" Failed \(value \[0\.42\]\); Metric "success-rate" assessed Failed due to failed \(1\) > failureLimit \(0\)/);
    expect(result(platform)['payments-dev']).toMatchObject({ outcome: 'failure', health: 'Degraded' });
  });

  it('a blue-green Rollout waiting to switch says it awaits a manual promotion, then succeeds once promoted', async () => {
    const { sim, push } = await setUp(BLUE_GREEN);
    const revision = await push('1.1.0');
    const platform = platformFor(sim, { revision });
    const waiting = wait(sim, { revision }, platform);
    await logged(platform, 'waiting for a manual promotion');
    sim.promoteRollout('payments-dev', 'payments');
    const outcome = await waiting;
    expect(outcome.error).toBeUndefined();
    expect(outcome.platform.log).toContain('Rollout payments/payments paused at the blue-green switch, waiting for a manual promotion (kubectl argo rollouts promote payments)');
  });

  it("rejects a suspended value it does not know, naming the input", async () => {
    const { sim } = await setUp();
    const { error } = await wait(sim, { suspended: 'maybe' });
    expect(error?.message).toContain(`Input 'suspended' must be wait, succeed or fail, got "maybe".`);
  });
});
