/**
 * Issue 21, item 5: every step bundle (and the root action's dispatcher) exports run() and starts
 * itself only when node was started with it. Imported by a host (GitHub's local-action, the
 * dispatcher, a test), it does nothing until run() is called; started by node, it runs at once.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_NODE, REPO_ROOT, runProcess } from '../support/run-bundle';

const ENTRIES = ['update-manifest', 'wait-argocd-healthy', 'open-promotion-pr', 'rollback', 'main'].map((name) => join(REPO_ROOT, 'dist', name, 'index.js'));
const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };

describe('bundles export run() and start only as the process entry', () => {
  it.each(ENTRIES)('%s: imported, it exports run and prints nothing', async (entry) => {
    const script = `const m = await import(${JSON.stringify(entry)}); process.stdout.write(JSON.stringify(Object.keys(m)) + ' ' + typeof m.run);`;
    const result = await runProcess(BUNDLE_NODE, ['--input-type=module', '-e', script], { cwd: REPO_ROOT, env });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('["run"] function');
    expect(result.exitCode).toBe(0);
  });

  it.each(ENTRIES)('%s: started by node, it runs (and refuses the missing inputs)', async (entry) => {
    const result = await runProcess(BUNDLE_NODE, [entry], { cwd: REPO_ROOT, env: { ...env, GITHUB_ACTIONS: 'true' } });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/::error::/);
  });

  it('imported and run() called, the step runs once', async () => {
    const entry = join(REPO_ROOT, 'dist', 'update-manifest', 'index.js');
    const script = `const { run } = await import(${JSON.stringify(entry)}); await run();`;
    const result = await runProcess(BUNDLE_NODE, ['--input-type=module', '-e', script], { cwd: REPO_ROOT, env: { ...env, GITHUB_ACTIONS: 'true' } });
    expect(result.exitCode).toBe(1);
    expect(result.stdout.match(/::error::/g)).toHaveLength(1);
  });
});
