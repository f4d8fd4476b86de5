/**
 * GitHub's own local runner for JavaScript actions, @github/local-action 7, runs our actions as
 * they are: it reads the action.yml, imports the entry it names and calls the exported run().
 * update-manifest pushes a commit to a local repository, rollback returns it, and the root action
 * dispatches by its step input. LOCAL_ACTION names the binary (.ci/run installs it); without it
 * the suite fails, saying how to get it.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOutputFile, REPO_ROOT, createSandbox, runProcess, type ProcessResult, type Sandbox } from '../support/run-bundle';

const LOCAL_ACTION = process.env.LOCAL_ACTION ?? '';
const FILE = 'envs/dev/kustomization.yaml';
const IMAGE = 'ghcr.io/acme/payments';
const kustomization = (tag: string): string => `images:\n  - name: ${IMAGE}  # the service\n    newTag: "${tag}"\n`;

let sandbox: Sandbox;
let bare: string;
let checkout: string;

beforeAll(async () => {
  if (!LOCAL_ACTION) {
    throw new Error('LOCAL_ACTION is not set: install @github/local-action@7 (npm install --prefix /tmp/la @github/local-action@7) and set LOCAL_ACTION=/tmp/la/node_modules/.bin/local-action; .ci/run does.');
  }
  sandbox = await createSandbox('gitops-promote-local-action-');
  bare = join(sandbox.dir, 'remote.git');
  checkout = join(sandbox.dir, 'checkout');
  await sandbox.gitOk(['init', '--quiet', '--bare', '--initial-branch=main', bare], sandbox.dir);
  await sandbox.gitOk(['clone', '--quiet', bare, checkout], sandbox.dir);
  await sandbox.gitOk(['checkout', '--quiet', '-b', 'main'], checkout);
  await mkdir(join(checkout, 'envs/dev'), { recursive: true });
  await writeFile(join(checkout, FILE), kustomization('1.4.1'));
  await sandbox.gitOk(['add', '.'], checkout);
  await sandbox.gitOk(['-c', 'user.name=P', '-c', 'user.email=p@example.invalid', 'commit', '--quiet', '-m', 'dev 1.4.1'], checkout);
  await sandbox.gitOk(['push', '--quiet', 'origin', 'main'], checkout);
}, 60_000);
afterAll(async () => sandbox?.cleanup());

/** local-action run <action dir> <entry, relative to it> <dotenv>, with the inputs in the dotenv file as the tool expects. */
async function localAction(actionDir: string, entry: string, inputs: Record<string, string>): Promise<ProcessResult & { outputs: Record<string, string> }> {
  const outputFile = join(sandbox.dir, `output-${Date.now()}`);
  await writeFile(outputFile, '');
  const dotenv = join(sandbox.dir, `inputs-${Date.now()}.env`);
  const lines = Object.entries({ ...inputs, 'author-name': 'CI', 'author-email': 'ci@example.invalid' }).map(([name, value]) => `INPUT_${name.toUpperCase()}=${value}`);
  await writeFile(dotenv, [...lines, 'GITHUB_ACTIONS=true', `GITHUB_OUTPUT=${outputFile}`, ''].join('\n'));
  const result = await runProcess(LOCAL_ACTION, ['run', actionDir, entry, dotenv], { cwd: REPO_ROOT, env: sandbox.env({ NODE_PACKAGE_MANAGER: 'npm' }), timeoutMs: 120_000 });
  return { ...result, outputs: parseOutputFile(await readFile(outputFile, 'utf8')) };
}

const remoteTip = (): Promise<string> => sandbox.gitOk(['rev-parse', 'main'], bare);
const remoteFile = (): Promise<string> => sandbox.gitOk(['show', `main:${FILE}`], bare);

describe('@github/local-action 7 runs the actions as they are', () => {
  it('update-manifest: imports dist/update-manifest/index.js, calls run(), and the commit reaches the remote', async () => {
    const result = await localAction(join(REPO_ROOT, 'actions/update-manifest'), '../../dist/update-manifest/index.js', { path: checkout, files: FILE, image: IMAGE, tag: '1.4.2' });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(/does not export a run\(\) function/);
    expect(result.outputs).toMatchObject({ changed: 'true', pushed: 'true', 'commit-sha': await remoteTip() });
    expect(await remoteFile()).toBe(kustomization('1.4.2').trimEnd());
  });

  it('rollback: the same, back to 1.4.1 with its hold', async () => {
    const result = await localAction(join(REPO_ROOT, 'actions/rollback'), '../../dist/rollback/index.js', { path: checkout, files: FILE, image: IMAGE, reason: 'local-action check' });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.outputs).toMatchObject({ 'rolled-back-from': '1.4.2', 'rolled-back-to': '1.4.1', 'commit-sha': await remoteTip() });
    expect(await remoteFile()).toBe(kustomization('1.4.1').trimEnd());
  });

  it('the root action dispatches by its step input, and the hold refuses 1.4.2 with exit 1', async () => {
    const before = await remoteTip();
    const result = await localAction(REPO_ROOT, 'dist/main/index.js', { step: 'update-manifest', path: checkout, files: FILE, image: IMAGE, tag: '1.4.2' });
    expect(`${result.stdout}${result.stderr}`).toMatch(/1\.4\.2 was rolled back in [0-9a-f]{12}/);
    expect(await remoteTip()).toBe(before);
  });
});
