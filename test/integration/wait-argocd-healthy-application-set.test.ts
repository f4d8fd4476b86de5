/**
 * wait-argocd-healthy with `application-set` on the simulator: every Application the set generated
 * is waited for (from `status.resources`, or from the apps it owns when that list is cut short), by
 * name and namespace; an empty set is an error saying so.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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
const REGIONS = ['eu-1', 'eu-2', 'us-1', 'us-2', 'ap-1'];
const deployment = (tag: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: payments, namespace: payments}\nspec: {template: {spec: {containers: [{name: api, image: "ghcr.io/acme/payments:${tag}"}]}}}\n`;

let sandbox: Sandbox;
let simulator: ArgoCdSimulator | undefined;
useHermeticGitEnv();
beforeEach(async () => {
  sandbox = await createSandbox('gitops-promote-appset-');
});
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
  await sandbox.cleanup();
});

/** One app per region (envs/<region>), as a list generator makes them; returns the push. */
async function setUp(): Promise<{ sim: ArgoCdSimulator; push: (tag: string) => Promise<string> }> {
  const repo = join(sandbox.dir, 'environments');
  await mkdir(repo, { recursive: true });
  await sandbox.gitOk(['init', '--quiet', '--initial-branch=main'], repo);
  const push = async (tag: string): Promise<string> => {
    for (const region of REGIONS) {
      await mkdir(join(repo, 'envs', region), { recursive: true });
      await writeFile(join(repo, 'envs', region, 'deployment.yaml'), deployment(tag));
    }
    await sandbox.gitOk(['add', '.'], repo);
    await sandbox.gitOk([...IDENTITY, 'commit', '--quiet', '-m', `payments ${tag}`], repo);
    return sandbox.gitOk(['rev-parse', 'HEAD'], repo);
  };
  await push('1.0.0');
  const apps = REGIONS.map((region): AppConfig => ({ name: `payments-${region}`, project: 'default', source: { repoPath: repo, targetRevision: 'main', path: `envs/${region}` } }));
  simulator = await ArgoCdSimulator.start({ tokens: [TOKEN], reconcileIntervalMs: 0, apps });
  return { sim: simulator, push };
}

async function wait(sim: ArgoCdSimulator, extra: Record<string, string>): Promise<{ platform: FakePlatform; error?: GitopsPromoteError }> {
  const all = new Map<string, string>(waitArgocdHealthySpec.inputs.map((input) => [input.name, '']));
  for (const [key, value] of Object.entries({ server: sim.url, token: TOKEN, 'application-set': 'payments', timeout: '20s', ...extra })) all.set(key, value);
  const platform = new FakePlatform(all);
  const { error } = await outcomeOf(waitArgocdHealthyStep(platform, testWaitContext()));
  return error ? { platform, error } : { platform };
}

const result = (platform: FakePlatform): Record<string, { outcome: string; revision: string }> => JSON.parse(platform.outputs.get('result') ?? '{}') as Record<string, { outcome: string; revision: string }>;

describe('wait-argocd-healthy with application-set', () => {
  it('waits for each of the 5 Applications the set generated to run the commit, one summary row each', async () => {
    const { sim, push } = await setUp();
    sim.addApplicationSet({ name: 'payments', apps: REGIONS.map((region) => `payments-${region}`) });
    const revision = await push('1.1.0');
    const { platform, error } = await wait(sim, { revision });
    expect(error).toBeUndefined();
    const reports = result(platform);
    expect(Object.keys(reports).sort()).toEqual(REGIONS.map((region) => `payments-${region}`).sort());
    for (const report of Object.values(reports)) expect(report).toMatchObject({ outcome: 'success', revision });
    for (const region of REGIONS) expect(platform.summaries.join('\n')).toMatch(new RegExp(`^\\| payments-${region} \\| ready \\|`, 'm'));
    expect(sim.requestCount('stream')).toBeLessThanOrEqual(1);
  });

  it('reads the apps the set owns when its status lists only some of them', async () => {
    const { sim, push } = await setUp();
    sim.addApplicationSet({ name: 'payments', apps: REGIONS.map((region) => `payments-${region}`), resourcesLimit: 2 });
    const revision = await push('1.2.0');
    const { platform, error } = await wait(sim, { revision });
    expect(error).toBeUndefined();
    expect(Object.keys(result(platform))).toHaveLength(5);
  });

  it('an empty set is an error saying so; an unknown one names it', async () => {
    const { sim } = await setUp();
    sim.addApplicationSet({ name: 'empty', apps: [] });
    const { error } = await wait(sim, { 'application-set': 'empty' });
    expect(error?.message).toBe('ApplicationSet empty has generated no Application: its status lists none, and no Application this token may see is owned by it.');
    const unknown = await wait(sim, { 'application-set': 'ghost' });
    expect(unknown.error?.message).toMatch(/ghost/);
  });
});
