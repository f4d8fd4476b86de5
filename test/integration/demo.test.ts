/**
 * `gitops-promote demo` from source (the bundle's run is in update-manifest-cli.test.ts): the
 * whole story, in order, as a user reads it. No timing is asserted: the numbers vary by machine.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, REPO_ROOT, runProcess, type ProcessResult, type Sandbox } from '../support/run-bundle';

const MAIN = join(REPO_ROOT, 'packages', 'core', 'src', 'cli', 'main.ts');
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

let sandbox: Sandbox;
let result: ProcessResult;

beforeAll(async () => {
  sandbox = await createSandbox('gitops-promote-it-demo-');
  // TMPDIR inside the sandbox: the demo's own temporary folder is then ours to look for afterwards.
  result = await runProcess(process.execPath, ['--import', 'tsx', MAIN, 'demo'], {
    cwd: REPO_ROOT,
    env: sandbox.env({ TMPDIR: sandbox.dir }),
    timeoutMs: 55_000,
  });
});
afterAll(async () => {
  await sandbox.cleanup();
});

function show(): string {
  return `exit ${String(result.exitCode)}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

/** Asserts each pattern matches `text` after the previous one's match, and returns the matches. */
function inOrder(text: string, patterns: readonly RegExp[]): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  let from = 0;
  for (const pattern of patterns) {
    const match = new RegExp(pattern.source, pattern.flags.includes('m') ? pattern.flags : `${pattern.flags}m`).exec(text.slice(from));
    expect(match, `${String(pattern)} after offset ${from}\n${show()}`).not.toBeNull();
    if (!match) return matches;
    matches.push(match);
    from += match.index + match[0].length;
  }
  return matches;
}

describe('gitops-promote demo', () => {
  it('exits 0 without a stack trace', () => {
    expect(result.exitCode, show()).toBe(0);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it('narrates the eleven steps in order, each closed with its outcome', () => {
    inOrder(result.stderr, [
      /^setup … [\d.]+ s, ok: /,
      /^\[1\/11\] update-manifest: /,
      /^\[1\/11\] update-manifest … [\d.]+ s, ok: set 1\.4\.1 → 1\.4\.2 in dev/,
      /^\[2\/11\] wait-argocd-healthy … [\d.]+ s, ok: payments-dev runs [0-9a-f]{7} \(Synced, Healthy\)$/,
      /^\[3\/11\] open-promotion-pr … [\d.]+ s, ok: PR #1 to staging \(1\.4\.1 → 1\.4\.2\) opened with 4 of 4 review sections/,
      /^\[4\/11\] update-manifest … [\d.]+ s, ok: set 1\.4\.2 → 1\.5\.0 in dev/,
      /^\[5\/11\] wait-argocd-healthy … [\d.]+ s, failed, as it should: Degraded: Deployment\/payments: Deployment "payments" exceeded its progress deadline$/,
      /^\[6\/11\] rollback … [\d.]+ s, ok: rolled back 1\.5\.0 → 1\.4\.2/,
      /^\[7\/11\] wait-argocd-healthy … [\d.]+ s, ok: payments-dev runs [0-9a-f]{7} \(Synced, Healthy\)$/,
      /^\[8\/11\] update-manifest … [\d.]+ s, refused, as it should: hold refused 1\.5\.0/,
      /^\[9\/11\] update-manifest … [\d.]+ s, ok: set 1\.4\.1 → 1\.4\.2 in canary, pushed [0-9a-f]{7}$/,
      /^\[10\/11\] wait-argocd-healthy … [\d.]+ s, ok: Suspended at [0-9a-f]{7}: paused at setWeight 20, step 2 of 3, waiting for a manual promotion$/,
      /^\[11\/11\] open-promotion-pr … [\d.]+ s, ok: PR #1 to prod: 2 images in 1 commit \(ghcr\.io\/acme\/payments 1\.4\.0 → 1\.4\.1, ghcr\.io\/acme\/payments-worker 1\.3\.9 → 1\.4\.0\)$/,
    ]);
  });

  it('keeps the first promotion: the pushed commit, healthy in dev, one PR that a rerun leaves alone', () => {
    const pushed = /^update-manifest: commit-sha=([0-9a-f]{40})$/m.exec(result.stdout)?.[1] ?? '';
    expect(pushed, show()).not.toBe('');
    expect(result.stdout).toContain(`wait-argocd-healthy: health=Healthy\nwait-argocd-healthy: sync=Synced\nwait-argocd-healthy: revision=${pushed}\n`);
    expect(result.stderr).toContain("The remote's main branch now has:");
    expect(result.stderr).toContain('| envs/staging/kustomization.yaml | 7 | `images[0].newTag` | `1.4.1` | `1.4.2` |');
    expect(result.stdout).toMatch(/^open-promotion-pr: operation=created$/m);
    expect(result.stdout).toMatch(/^open-promotion-pr: operation=unchanged$/m);
    expect(result.stderr).toContain('1 open, 0 API writes and no push on the second run');
  });

  it('promotes the whole staging environment to prod in one pull request: a row per image, both in Argo CD\'s diff of prod', () => {
    expect(result.stderr).toContain('# Promote 2 images payments 1.4.1, payments-worker 1.4.0 to prod');
    expect(result.stderr).toContain('| `ghcr.io/acme/payments` | envs/prod/kustomization.yaml | 7 | `images[0].newTag` | `1.4.0` | `1.4.1` |');
    expect(result.stderr).toContain('| `ghcr.io/acme/payments-worker` | envs/prod/kustomization.yaml | 9 | `images[1].newTag` | `1.3.9` | `1.4.0` |');
    expect(result.stderr).toMatch(/-\s+image: ghcr\.io\/acme\/payments-worker:1\.3\.9\n\+\s+image: ghcr\.io\/acme\/payments-worker:1\.4\.0/);
    expect(result.stderr).toMatch(/`payments-staging` runs `ghcr\.io\/acme\/payments-worker 1\.4\.0`: Synced/);
    expect(result.stdout).toContain('open-promotion-pr: changes=[{"image":"ghcr.io/acme/payments","previous":["1.4.0"],"value":"1.4.1"},{"image":"ghcr.io/acme/payments-worker","previous":["1.3.9"],"value":"1.4.0"}]');
  });

  it("shows what the staging PR promotes: Argo CD's diff, the changelog, the evidence from dev, the drift", () => {
    expect(result.stderr).toMatch(/### What Argo CD will change in staging\n\n`payments-staging` at `[0-9a-f]{12}`: 1 changed, 0 added, 0 removed\./);
    expect(result.stderr).toMatch(/-\s+image: ghcr\.io\/acme\/payments:1\.4\.1\n\+\s+image: ghcr\.io\/acme\/payments:1\.4\.2/);
    expect(result.stderr).toContain('3 commits in [acme/payments](https://github.invalid/acme/payments) from `1.4.1` to `1.4.2`, newest first:');
    expect(result.stderr).toContain('Fix rounding of refunds in JPY \\([#42](https://github.invalid/acme/payments/pull/42)\\)');
    expect(result.stderr).toMatch(/`payments-dev` runs `1\.4\.2`: Synced at `[0-9a-f]{12}` and Healthy, running it since \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\./);
    expect(result.stderr).toContain('| `ghcr.io/acme/payments-worker` | `1.4.1` | `1.4.0` |');
    expect(result.stdout).toMatch(/^open-promotion-pr: source-healthy-since=\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/m);
  });

  it('the wait after the bad release fails Degraded, naming the Deployment and its message', () => {
    const broken = /^wait-argocd-healthy: health=Degraded\nwait-argocd-healthy: sync=Synced\nwait-argocd-healthy: revision=([0-9a-f]{40})\nwait-argocd-healthy: result=(.+)$/m.exec(result.stdout);
    expect(broken, show()).not.toBeNull();
    const [, revision = '', json = '{}'] = broken ?? [];
    const report: unknown = JSON.parse(json);
    expect(report).toMatchObject({
      'payments-dev': {
        health: 'Degraded',
        outcome: 'failure',
        revision,
        degraded: expect.arrayContaining([{ kind: 'Deployment', namespace: 'default', name: 'payments', message: 'Deployment "payments" exceeded its progress deadline' }]),
      },
    });
    // The step's own failure, as a pipeline's log shows it.
    expect(result.stderr).toContain(
      `error: payments-dev: health is Degraded after ${revision.slice(0, 7)} was applied\n  Deployment/default/payments: Deployment "payments" exceeded its progress deadline\n`,
    );
  });

  it('rolls back, waits healthy again at the rollback commit, then the hold refuses 1.5.0', () => {
    const rollback = /^rollback: rolled-back-from=1\.5\.0\nrollback: rolled-back-to=1\.4\.2\nrollback: commit-sha=([0-9a-f]{40})$/m.exec(result.stdout);
    expect(rollback, show()).not.toBeNull();
    const commit = rollback?.[1] ?? '';
    // The next wait's outputs come after the rollback's and name that very commit.
    expect(result.stdout.slice(rollback?.index ?? 0)).toContain(`wait-argocd-healthy: health=Healthy\nwait-argocd-healthy: sync=Synced\nwait-argocd-healthy: revision=${commit}\n`);
    inOrder(result.stderr, [
      /^\[6\/11\] rollback: /,
      new RegExp(`^Pushed ${commit.slice(0, 12)} to origin/main\\.$`),
      /^\[7\/11\] wait-argocd-healthy: /,
      new RegExp(`^\\$ GITOPS_PROMOTE_TOKEN=\\S+ gitops-promote wait-argocd-healthy .*--revision ${commit}$`),
      new RegExp(`payments-dev runs ${commit.slice(0, 7)} \\(Synced, Healthy\\)$`),
      /^\[8\/11\] update-manifest: /,
      new RegExp(
        `^error: ghcr\\.io/acme/payments 1\\.5\\.0 was rolled back in ${commit.slice(0, 12)} .*reason: 1\\.5\\.0 fails its health checks; it is not set again\\.$`,
      ),
      new RegExp(`^Nothing was pushed: main stays at ${commit.slice(0, 7)}`),
    ]);
  });

  it('ends with a table of every step: what happened, seconds and result', () => {
    const rows = [
      /^Step {2,}What happened {2,}Seconds {2}Result$/,
      /^setup {2,}environment repo .* {2,}[\d.]+ {2}ok$/,
      /^\[1\/11\] update-manifest {2,}set 1\.4\.1 → 1\.4\.2 .* {2,}[\d.]+ {2}ok$/,
      /^\[2\/11\] wait-argocd-healthy {2,}payments-dev runs .* {2,}[\d.]+ {2}ok$/,
      /^\[3\/11\] open-promotion-pr {2,}PR #1 .*rerun: unchanged, 0 writes {2,}[\d.]+ {2}ok$/,
      /^\[4\/11\] update-manifest {2,}set 1\.4\.2 → 1\.5\.0 .* {2,}[\d.]+ {2}ok$/,
      /^\[5\/11\] wait-argocd-healthy {2,}Degraded: Deployment\/payments: .* {2,}[\d.]+ {2}failed, as it should$/,
      /^\[6\/11\] rollback {2,}rolled back 1\.5\.0 → 1\.4\.2, pushed [0-9a-f]{7} {2,}[\d.]+ {2}ok$/,
      /^\[7\/11\] wait-argocd-healthy {2,}payments-dev runs .* {2,}[\d.]+ {2}ok$/,
      /^\[8\/11\] update-manifest {2,}hold refused 1\.5\.0 .* {2,}[\d.]+ {2}refused, as it should$/,
      /^\[9\/11\] update-manifest {2,}set 1\.4\.1 → 1\.4\.2 in canary, pushed [0-9a-f]{7} {2,}[\d.]+ {2}ok$/,
      /^\[10\/11\] wait-argocd-healthy {2,}Suspended at [0-9a-f]{7}: paused at setWeight 20, step 2 of 3, waiting for a manual promotion {2,}[\d.]+ {2}ok$/,
      /^total {2,}setup included {2,}[\d.]+$/,
    ];
    inOrder(result.stderr, rows);
  });

  it('prints every output line under the name of the step that wrote it', () => {
    expect(result.stdout.trimEnd().split('\n').filter((line) => !/^(update-manifest|wait-argocd-healthy|open-promotion-pr|rollback): [a-z-]+=/.test(line))).toEqual([]);
  });

  it('echoes commands that run the step as it ran: every input as a flag, --path included, quoted for a shell', () => {
    const checkout = /^Environment repo: .+, cloned to (.+)$/m.exec(result.stderr)?.[1] ?? '';
    expect(checkout, show()).not.toBe('');
    const commands = result.stderr.split('\n').filter((line) => line.startsWith('$ '));
    expect(commands).toHaveLength(11);
    expect(commands[0]).toBe(
      `$ gitops-promote update-manifest --path ${checkout} --files 'envs/dev/*.yaml' --image ghcr.io/acme/payments --tag 1.4.2 --author-name 'gitops-promote demo' --author-email demo@gitops-promote.invalid`,
    );
    expect(commands[5]).toContain(`gitops-promote rollback --path ${checkout} --files 'envs/dev/*.yaml' --image ghcr.io/acme/payments --reason '1.5.0 fails its health checks'`);
    // The token goes where the CLI reads it from, off the command line.
    expect(commands[1]).toMatch(/^\$ GITOPS_PROMOTE_TOKEN=\S+ gitops-promote wait-argocd-healthy --server http:\/\/127\.0\.0\.1:\d+ --application payments-dev --timeout 15s --revision [0-9a-f]{40}$/);
    expect(commands.join('\n')).not.toMatch(/--token|--argocd-token/);
    // The Argo CD token has its own variable.
    expect(commands[10]).toMatch(/^\$ GITOPS_PROMOTE_TOKEN=\S+ GITOPS_PROMOTE_ARGOCD_TOKEN=\S+ gitops-promote open-promotion-pr .* --images all /);
  });

  it('cleans up its temporary folder', async () => {
    const repo = /^Environment repo: (.+)\/environments\.git /m.exec(result.stderr)?.[1] ?? '';
    expect(repo, show()).not.toBe('');
    expect(repo.startsWith(sandbox.dir)).toBe(true);
    expect(existsSync(repo)).toBe(false);
    expect((await readdir(sandbox.dir)).filter((name) => name.startsWith('gitops-promote-demo-'))).toEqual([]);
    expect(result.stderr).toContain(`stopped the Argo CD simulator, removed ${repo}.`);
  });
});
