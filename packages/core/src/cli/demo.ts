import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GitCommandManager } from '../git/git-command-manager';
import { TerminalPlatform } from '../platform/terminal-platform';
import { runStep } from '../steps/run-step';
import { stepNamed } from '../steps/registry';

/** The throwaway environment repository the demo promotes into, as a team would lay it out. */
const ENV_REPO: Record<string, string> = {
  'envs/dev/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - deployment.yaml
images:
  - name: ghcr.io/acme/payments   # the service this pipeline builds
    newTag: "1.4.1"
  - name: ghcr.io/acme/payments-worker
    newTag: 1.4.1
`,
  'envs/staging/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../../base
images:
  - name: ghcr.io/acme/payments   # promoted from dev by pull request
    newTag: "1.4.1"
`,
  'envs/dev/deployment.yaml': `# Deployed by Argo CD from envs/dev
apiVersion: apps/v1
kind: Deployment
metadata:
  name: payments
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: ghcr.io/acme/payments:1.4.1   # same image, runs migrations
      containers:
        - name: api
          image: 'ghcr.io/acme/payments:1.4.1'
        - name: worker
          image: ghcr.io/acme/payments-worker:1.4.1
`,
};

const IDENTITY = ['-c', 'user.name=gitops-promote demo', '-c', 'user.email=demo@gitops-promote.invalid'];

/**
 * `gitops-promote demo`: a real promotion, offline, in a temporary directory. It creates a bare
 * "remote" environment repo, clones it as a CI job would, runs update-manifest to bump
 * ghcr.io/acme/payments to 1.4.2, shows the commit that reached the remote, runs
 * wait-argocd-healthy against a simulated Argo CD deploying that repo until it runs the commit,
 * then open-promotion-pr to offer it to staging as a pull request.
 */
export async function runDemo(args: readonly string[]): Promise<number> {
  const keep = args.includes('--keep');
  const dir = await mkdtemp(path.join(tmpdir(), 'gitops-promote-demo-'));
  const say = (text: string): void => void process.stderr.write(`${text}\n`);
  let simulator: DemoArgoCd | undefined;
  try {
    const remote = path.join(dir, 'environments.git');
    const seed = path.join(dir, 'seed');
    const checkout = path.join(dir, 'checkout');
    await new GitCommandManager(dir).run(['init', '--quiet', '--bare', '--initial-branch=main', remote]);
    await mkdir(seed);
    const seedGit = new GitCommandManager(seed);
    await seedGit.run(['init', '--quiet', '--initial-branch=main']);
    for (const [file, content] of Object.entries(ENV_REPO)) {
      await mkdir(path.join(seed, path.dirname(file)), { recursive: true });
      await writeFile(path.join(seed, file), content);
    }
    await seedGit.run(['add', '.']);
    await seedGit.run([...IDENTITY, 'commit', '--quiet', '-m', 'dev runs payments 1.4.1']);
    await seedGit.run(['push', '--quiet', remote, 'main']);
    // Argo CD (simulated, on 127.0.0.1) deploys envs/dev from the remote: it runs 1.4.1 now.
    simulator = await startDemoArgoCd(remote);
    await new GitCommandManager(dir).run(['clone', '--quiet', remote, checkout]);
    say(`Environment repo: ${remote} (dev runs ghcr.io/acme/payments:1.4.1)`);
    say('Running: gitops-promote update-manifest --image ghcr.io/acme/payments --tag 1.4.2 --files "envs/dev/*.yaml"\n');

    const platform = new TerminalPlatform(
      new Map([
        ['path', checkout],
        ['files', 'envs/dev/*.yaml'],
        ['image', 'ghcr.io/acme/payments'],
        ['tag', '1.4.2'],
        ['author-name', 'gitops-promote demo'],
        ['author-email', 'demo@gitops-promote.invalid'],
      ]),
      process.stdout,
      process.stderr,
    );
    await runStep(stepNamed('update-manifest'), platform);
    if (process.exitCode === 1) return 1;

    const remoteGit = new GitCommandManager(remote);
    const log = await remoteGit.run(['log', '--format=%h %s', '-n', '2', 'main']);
    const diff = await remoteGit.run(['diff', '--unified=0', 'main~1', 'main']);
    say(`\nThe remote's main branch now has:\n${log}\n\n${diff}\n`);
    const kustomization = await readFile(path.join(checkout, 'envs/dev/kustomization.yaml'), 'utf8');
    if (!kustomization.includes('newTag: "1.4.2"') || kustomization.includes('payments-worker\n    newTag: 1.4.2')) {
      say('demo: unexpected result in envs/dev/kustomization.yaml');
      return 1;
    }
    say('Every other byte is unchanged: comments, quoting and payments-worker stay as they were.\n');

    const pushed = await remoteGit.run(['rev-parse', 'main']);
    const waited = await waitForArgoCd(simulator, pushed, say);
    if (waited !== 0) return waited;
    const promoted = await promoteToStaging(remote, say);
    if (promoted !== 0) return promoted;
    const rolledBack = await rollBackAndHold(checkout, say);
    if (rolledBack !== 0) return rolledBack;
    if (keep) say(`Kept: ${dir}`);
    return 0;
  } finally {
    await simulator?.close();
    if (!keep) await rm(dir, { recursive: true, force: true });
  }
}

/** Step 2: wait-argocd-healthy against the simulated Argo CD until it runs the pushed commit. */
async function waitForArgoCd(simulator: DemoArgoCd, revision: string, tell: (text: string) => void): Promise<number> {
  tell(`Running: gitops-promote wait-argocd-healthy --server ${simulator.url} --application payments-dev --revision ${revision.slice(0, 12)}\n`);
  const platform = new TerminalPlatform(
    new Map([
      ['server', simulator.url],
      ['token', DEMO_TOKEN],
      ['application', 'payments-dev'],
      ['revision', revision],
      ['timeout', '60s'],
    ]),
    process.stdout,
    process.stderr,
  );
  await runStep(stepNamed('wait-argocd-healthy'), platform);
  if (process.exitCode === 1) return 1;
  tell('\nArgo CD runs the pushed commit: Synced and Healthy, decided on that commit, not the one before it.');
  return 0;
}

/**
 * Step 3: open-promotion-pr offers what dev now runs to staging, as a pull request. The forge is
 * an in-process stand-in (FakeForge) for GitHub's API; the branch is pushed to the real remote.
 * Run twice: the second run finds the same PR up to date and writes nothing.
 */
async function promoteToStaging(remote: string, tell: (text: string) => void): Promise<number> {
  tell('\nRunning: gitops-promote open-promotion-pr --image ghcr.io/acme/payments --source-files envs/dev/kustomization.yaml --files envs/staging/kustomization.yaml --environment staging\n');
  const [{ FakeForge }, { openPromotionPrStep }] = await Promise.all([import('../forge/fake-forge'), import('../steps/open-promotion-pr/step')]);
  const forge = new FakeForge('github', { defaultBranch: 'main', webUrl: 'https://github.invalid/acme/environments' }, (branch) => {
    try {
      return execFileSync('git', ['--git-dir', remote, 'rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], { encoding: 'utf8' }).trim();
    } catch {
      return undefined;
    }
  });
  const inputs = new Map([
    ['platform', 'github'],
    ['repository', 'acme/environments'],
    ['repository-url', remote],
    ['api-url', 'https://api.github.invalid'],
    ['token', DEMO_TOKEN],
    ['image', 'ghcr.io/acme/payments'],
    ['source-files', 'envs/dev/kustomization.yaml'],
    ['files', 'envs/staging/kustomization.yaml'],
    ['environment', 'staging'],
    ['reviewers', 'alice'],
    ['author-name', 'gitops-promote demo'],
    ['author-email', 'demo@gitops-promote.invalid'],
  ]);
  const run = () => runStep({ spec: stepNamed('open-promotion-pr').spec, run: (platform) => openPromotionPrStep(platform, { forge }) }, new TerminalPlatform(inputs, process.stdout, process.stderr));
  await run();
  if (process.exitCode === 1) return 1;
  const change = forge.changes[0];
  if (!change) {
    tell('demo: no pull request was opened');
    return 1;
  }
  tell(`\nPull request #${change.number} (${change.head} → ${change.base}), labels ${change.labels.join(', ')}, review requested from ${change.reviewers.join(', ')}:\n\n# ${change.title}\n\n${change.body.replace(/<!--.*-->\n?/g, '').trimEnd()}\n`);
  const writes = forge.writes.length;
  tell('Running it again with the same value:\n');
  await run();
  if (process.exitCode === 1) return 1;
  tell(`\nThe same pull request, still one: ${forge.changes.length} open, ${forge.writes.length - writes} API writes and no push on the second run.`);
  return 0;
}

/**
 * Step 4: a bad release reaches dev; rollback returns dev to the version before it, found in the
 * files' history, and the hold then refuses update-manifest setting the bad version again.
 */
async function rollBackAndHold(checkout: string, tell: (text: string) => void): Promise<number> {
  const step = async (name: string, inputs: Array<[string, string]>): Promise<number> => {
    process.exitCode = 0;
    await runStep(stepNamed(name), new TerminalPlatform(new Map([['path', checkout], ['files', 'envs/dev/*.yaml'], ['image', 'ghcr.io/acme/payments'], ['author-name', 'gitops-promote demo'], ['author-email', 'demo@gitops-promote.invalid'], ...inputs]), process.stdout, process.stderr));
    return process.exitCode ?? 0;
  };
  tell('\nA bad release: gitops-promote update-manifest --tag 1.5.0 (dev), then: gitops-promote rollback --reason "1.5.0 fails its health checks"\n');
  if ((await step('update-manifest', [['tag', '1.5.0']])) !== 0) return 1;
  if ((await step('rollback', [['reason', '1.5.0 fails its health checks']])) !== 0) return 1;
  tell('\nThe pipeline runs again with 1.5.0; the hold refuses it (this failure is the point):\n');
  const refused = await step('update-manifest', [['tag', '1.5.0']]);
  process.exitCode = 0;
  if (refused === 0) {
    tell('demo: the hold did not refuse the rolled-back version');
    return 1;
  }
  tell('\nDev stays on 1.4.2 until a newer version is promoted (or allow-rolled-back: true is given).');
  return 0;
}

const DEMO_TOKEN = 'demo-token-not-a-secret';

interface DemoArgoCd {
  url: string;
  close(): Promise<void>;
}

/**
 * An Argo CD simulator (packages/argocd-simulator) on a free loopback port, with one auto-sync app
 * tracking envs/dev of `remote`. Loaded only by the demo, so the steps never pay for it.
 */
async function startDemoArgoCd(remote: string): Promise<DemoArgoCd> {
  const { ArgoCdSimulator } = await import('@gitops-promote/argocd-simulator');
  return ArgoCdSimulator.start({
    tokens: [DEMO_TOKEN],
    // A rollout that takes a moment, so the wait has something to show.
    timings: { syncMs: 400, rolloutMs: 800 },
    apps: [{ name: 'payments-dev', source: { repoPath: remote, targetRevision: 'main', path: 'envs/dev' } }],
  });
}
