/**
 * The built rollback bundle as GitHub Actions runs it: a checkout of a repository served over
 * smart HTTP with auth on 127.0.0.1, the token from `with:`, outputs and summary in the runner's
 * files; then the update-manifest bundle refusing to set the rolled-back version again.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHttpServer, type GitHttpServer } from '../support/git-http-server';
import { authHeaderConfig, createSandbox, randomToken, ROLLBACK_BUNDLE, ROOT_ACTION_BUNDLE, runBundle, type Sandbox } from '../support/run-bundle';

const TOKEN = randomToken();
const IMAGE = 'ghcr.io/acme/payments';
const FILE = 'envs/prod/kustomization.yaml';
const kustomization = (tag: string) => `images:\n  - name: ${IMAGE} # prod\n    newTag: ${tag}\n`;
const trailers = (value: string, previous: string) =>
  `\n\nGitops-Promote-Step: update-manifest\nGitops-Promote-Image: ${IMAGE}\nGitops-Promote-Value: ${value}\nGitops-Promote-Previous: ${previous}`;

let sandbox: Sandbox;
let server: GitHttpServer;
beforeEach(async () => {
  sandbox = await createSandbox('gitops-promote-rollback-bundle-');
  server = await startGitHttpServer({ username: 'x-access-token', password: TOKEN });
});
afterEach(async () => {
  await server.close();
  await sandbox.cleanup();
});

describe('rollback bundle under GitHub Actions', () => {
  it('rolls back, reports outputs and summary, and the update-manifest bundle then refuses the bad version', async () => {
    const bare = await server.createBareRepo('environments', { [FILE]: kustomization('1.4.1') });
    const checkout = join(sandbox.dir, 'environments');
    const auth = authHeaderConfig('x-access-token', TOKEN);
    await sandbox.gitOk([...auth, 'clone', '--quiet', server.repoUrl('environments'), checkout], sandbox.dir);
    await sandbox.gitOk(['-c', 'user.name=CI', '-c', 'user.email=ci@example.invalid', 'commit', '--quiet', '--allow-empty', '-m', 'noise'], checkout);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(checkout, FILE), kustomization('1.5.0'));
    await sandbox.gitOk(['-c', 'user.name=CI', '-c', 'user.email=ci@example.invalid', 'commit', '--quiet', '-am', `chore(deploy): set ${IMAGE} to 1.5.0${trailers('1.5.0', '1.4.1')}`], checkout);
    await sandbox.gitOk([...auth, 'push', '--quiet', 'origin', 'main'], checkout);

    const result = await runBundle({
      bundle: ROLLBACK_BUNDLE,
      cwd: sandbox.dir,
      home: sandbox.home,
      inputs: { path: 'environments', files: FILE, image: IMAGE, reason: 'errors after deploy', token: TOKEN },
    });
    expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0);
    const tip = await sandbox.gitOk(['rev-parse', 'main'], bare);
    expect(result.outputs).toEqual({ changed: 'true', 'rolled-back-from': '1.5.0', 'rolled-back-to': '1.4.1', changes: JSON.stringify([{ image: IMAGE, from: '1.5.0', to: '1.4.1' }]), 'commit-sha': tip, 'pull-request-number': '', 'pull-request-url': '' });
    expect(await sandbox.gitOk(['show', `${tip}:${FILE}`], bare)).toBe(kustomization('1.4.1').trimEnd());
    expect(await sandbox.gitOk(['log', '-1', '--format=%an|%(trailers:key=Gitops-Promote-Rolled-Back-From,valueonly)', tip], bare)).toBe('github-actions[bot]|1.5.0');
    expect(result.summary).toContain('`1.5.0` → `1.4.1`');
    expect(result.log).not.toContain(TOKEN);

    // Through the root action (the Marketplace entry): `step` picks the same update-manifest bundle.
    const again = await runBundle({
      bundle: ROOT_ACTION_BUNDLE,
      cwd: sandbox.dir,
      home: sandbox.home,
      inputs: { step: 'update-manifest', path: 'environments', files: FILE, image: IMAGE, tag: '1.5.0', token: TOKEN },
    });
    expect(again.exitCode).toBe(1);
    expect(again.errors.join('\n')).toMatch(new RegExp(`${IMAGE} 1\\.5\\.0 was rolled back in ${tip.slice(0, 12)} .*reason: errors after deploy; it is not set again\\.\\n {2}How to fix: .*allow-rolled-back: true`));
    expect(await sandbox.gitOk(['rev-parse', 'main'], bare)).toBe(tip);
  });

  it('images: all rolls back a train of two images in one commit through the bundle: changes output, a hold per image', async () => {
    const LEDGER = 'ghcr.io/acme/ledger';
    const both = (payments: string, ledger: string) => `images:\n  - name: ${IMAGE}\n    newTag: ${payments}\n  - name: ${LEDGER}\n    newTag: ${ledger}\n`;
    const bare = await server.createBareRepo('environments', { [FILE]: both('1.4.1', '2.0.0') });
    const checkout = join(sandbox.dir, 'environments');
    const auth = authHeaderConfig('x-access-token', TOKEN);
    await sandbox.gitOk([...auth, 'clone', '--quiet', server.repoUrl('environments'), checkout], sandbox.dir);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(checkout, FILE), both('1.5.0', '2.1.0'));
    const set = (image: string, value: string, previous: string) => `Gitops-Promote-Set: ${JSON.stringify({ image, value, previous: [previous] })}`;
    const message = `chore(deploy): promote staging to prod\n\nGitops-Promote-Step: update-manifest\n${set(IMAGE, '1.5.0', '1.4.1')}\n${set(LEDGER, '2.1.0', '2.0.0')}`;
    await sandbox.gitOk(['-c', 'user.name=CI', '-c', 'user.email=ci@example.invalid', 'commit', '--quiet', '-am', message], checkout);
    await sandbox.gitOk([...auth, 'push', '--quiet', 'origin', 'main'], checkout);
    const before = await sandbox.gitOk(['rev-parse', 'main'], bare);

    const result = await runBundle({
      bundle: ROLLBACK_BUNDLE,
      cwd: sandbox.dir,
      home: sandbox.home,
      inputs: { path: 'environments', files: FILE, images: 'all', reason: 'the train fails', token: TOKEN },
    });
    expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0);
    const tip = await sandbox.gitOk(['rev-parse', 'main'], bare);
    expect(await sandbox.gitOk(['rev-parse', `${tip}^`], bare)).toBe(before);
    expect(result.outputs).toMatchObject({ changed: 'true', 'rolled-back-from': '1.5.0, 2.1.0', 'rolled-back-to': '1.4.1, 2.0.0', 'commit-sha': tip });
    expect(JSON.parse(result.outputs.changes ?? '')).toEqual([
      { image: IMAGE, from: '1.5.0', to: '1.4.1' },
      { image: LEDGER, from: '2.1.0', to: '2.0.0' },
    ]);
    expect(await sandbox.gitOk(['show', `${tip}:${FILE}`], bare)).toBe(both('1.4.1', '2.0.0').trimEnd());
    const holds = JSON.parse(await sandbox.gitOk(['show', `${tip}:.gitops-promote/holds`], bare)) as { holds: Array<{ image: string; value: string }> };
    expect(holds.holds.map((record) => [record.image, record.value])).toEqual([
      [IMAGE, '1.5.0'],
      [LEDGER, '2.1.0'],
    ]);
    expect(result.summary).toContain(`- \`${LEDGER}\`: \`2.1.0\` → \`2.0.0\``);
    expect(result.log).not.toContain(TOKEN);
  });

  it('the root action refuses an unknown step in one line, with exit 1', async () => {
    const result = await runBundle({ bundle: ROOT_ACTION_BUNDLE, cwd: sandbox.dir, home: sandbox.home, inputs: { step: 'deploy\nnow' } });
    expect(result.exitCode).toBe(1);
    expect(result.errors).toEqual([`Input 'step' must be one of update-manifest, wait-argocd-healthy, open-promotion-pr, rollback, got "deploy\\nnow".\n  How to fix: set step: to one of them (default update-manifest).`]);
  });
});
