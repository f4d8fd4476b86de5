/**
 * The demo's stage: a throwaway environment repository, the simulated Argo CD deploying it, and
 * the in-process forge stand-in. Kept apart from demo.ts so the story there reads as the steps.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FakeForge } from './demo-forge';
import { GitCommandManager } from '../git/git-command-manager';

export const IMAGE = 'ghcr.io/acme/payments';
export const APP = 'payments-dev';
/** The staging environment's Application: the promotion's pull request shows what Argo CD will change in it. */
export const STAGING_APP = 'payments-staging';
/** The production environment's Application: the environment promotion's pull request targets it. */
export const PROD_APP = 'payments-prod';
export const WORKER_IMAGE = 'ghcr.io/acme/payments-worker';
/** The application repository on the (simulated) forge, whose tags the changelog compares. */
export const APP_REPOSITORY = 'acme/payments';
/** The canary environment: an Argo Rollouts canary that pauses for a manual promotion. */
export const CANARY_APP = 'payments-canary';
/** The release that never becomes healthy: the simulator rolls it out Degraded. */
export const BROKEN_TAG = '1.5.0';
export const DEMO_TOKEN = 'demo-token-not-a-secret';
export const AUTHOR: ReadonlyArray<[string, string]> = [
  ['author-name', 'gitops-promote demo'],
  ['author-email', 'demo@gitops-promote.invalid'],
];

/** A canary Rollout: 20 % of the traffic, then a pause until a person promotes it. */
const CANARY_ROLLOUT = `# Deployed by Argo CD from envs/canary: an Argo Rollouts canary
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: payments
  namespace: payments-canary
spec:
  strategy:
    canary:
      steps:
        - setWeight: 20
        - pause: {}
        - setWeight: 100
  template:
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/payments:1.4.1
`;

/** The throwaway environment repository the demo promotes into, as a team would lay it out. */
const ENV_REPO: Record<string, string> = {
  'envs/canary/rollout.yaml': CANARY_ROLLOUT,
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
  - deployment.yaml
images:
  - name: ghcr.io/acme/payments   # promoted from dev by pull request
    newTag: "1.4.1"
  - name: ghcr.io/acme/payments-worker
    newTag: 1.4.0
`,
  'envs/prod/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - deployment.yaml
images:
  - name: ghcr.io/acme/payments   # promoted from staging, every service at once
    newTag: "1.4.0"
  - name: ghcr.io/acme/payments-worker
    newTag: 1.3.9
`,
  'envs/prod/deployment.yaml': `# Deployed by Argo CD from envs/prod
apiVersion: apps/v1
kind: Deployment
metadata:
  name: payments
spec:
  replicas: 4
  template:
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/payments:1.4.0
        - name: worker
          image: ghcr.io/acme/payments-worker:1.3.9
`,
  'envs/staging/deployment.yaml': `# Deployed by Argo CD from envs/staging
apiVersion: apps/v1
kind: Deployment
metadata:
  name: payments
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/payments:1.4.1
        - name: worker
          image: ghcr.io/acme/payments-worker:1.4.0
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

export interface DemoRepos {
  /** The bare repository playing the forge's remote. */
  remote: string;
  /** A clone of it, as a CI job checks the environment repo out. */
  checkout: string;
  /** The application repository (bare), tagged 1.4.1 and 1.4.2. */
  app: string;
}

/** A bare "remote" whose main runs payments 1.4.1 in dev and staging, 1.4.0 in prod, a clone of it, and the application repository. */
export async function createEnvironmentRepo(dir: string): Promise<DemoRepos> {
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
  await new GitCommandManager(dir).run(['clone', '--quiet', remote, checkout]);
  return { remote, checkout, app: await createAppRepo(dir) };
}

export interface DemoArgoCd {
  url: string;
  close(): Promise<void>;
}

/**
 * An Argo CD simulator (packages/argocd-simulator) on a free loopback port, with auto-sync apps
 * tracking envs/dev (a Deployment), envs/staging, envs/prod and envs/canary (an Argo Rollouts canary) of `remote`. Loaded only by the demo, so the steps never pay for it.
 */
export async function startDemoArgoCd(remote: string): Promise<DemoArgoCd> {
  const { ArgoCdSimulator } = await import('@gitops-promote/argocd-simulator');
  return ArgoCdSimulator.start({
    tokens: [DEMO_TOKEN],
    // A rollout that takes a moment, so the wait has something to show.
    timings: { syncMs: 400, rolloutMs: 800 },
    apps: [
      {
        name: APP,
        source: { repoPath: remote, targetRevision: 'main', path: 'envs/dev' },
        // The bad release: its pods crash-loop, so the Deployment exceeds its progress deadline.
        rules: { degradedImage: { images: [`${IMAGE}:${BROKEN_TAG}`] } },
      },
      { name: CANARY_APP, source: { repoPath: remote, targetRevision: 'main', path: 'envs/canary' } },
      { name: STAGING_APP, source: { repoPath: remote, targetRevision: 'main', path: 'envs/staging' } },
      { name: PROD_APP, source: { repoPath: remote, targetRevision: 'main', path: 'envs/prod' } },
    ],
  });
}

/**
 * The in-process stand-in for GitHub's API that open-promotion-pr talks to; branches are read
 * from the real remote, where the step pushes them.
 */
export async function createDemoForge(remote: string, appGitDir: string): Promise<FakeForge> {
  const { FakeForge } = await import('./demo-forge');
  const forge = new FakeForge('github', { defaultBranch: 'main', webUrl: 'https://github.invalid/acme/environments' }, (branch) => {
    try {
      return execFileSync('git', ['--git-dir', remote, 'rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], { encoding: 'utf8' }).trim();
    } catch {
      return undefined;
    }
  });
  forge.sourceRepositories.set(APP_REPOSITORY, { gitDir: appGitDir, webUrl: `https://github.invalid/${APP_REPOSITORY}` });
  return forge;
}

/** The application's history between the two releases the demo promotes: what the changelog lists. */
const APP_HISTORY: ReadonlyArray<{ subject: string; tag?: string }> = [
  { subject: 'Release 1.4.1', tag: '1.4.1' },
  { subject: 'Retry card declines once before failing (#41)' },
  { subject: 'Fix rounding of refunds in JPY (#42)' },
  { subject: 'Release 1.4.2', tag: '1.4.2' },
];

/** A bare application repository with tags 1.4.1 and 1.4.2, as the build that made the images left it. */
export async function createAppRepo(dir: string): Promise<string> {
  const gitDir = path.join(dir, 'payments-app.git');
  const git = new GitCommandManager(dir);
  await git.run(['init', '--quiet', '--bare', '--initial-branch=main', gitDir]);
  const tree = (await git.run(['--git-dir', gitDir, 'mktree'], undefined, {}, '')).trim();
  let parent: string | undefined;
  let when = Date.UTC(2026, 10, 2, 9, 0, 0) / 1000;
  for (const { subject, tag } of APP_HISTORY) {
    const date = `${when} +0000`;
    when += 3600;
    const env = { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
    const commit: string = (await git.run([...IDENTITY, '--git-dir', gitDir, 'commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', subject], undefined, env)).trim();
    parent = commit;
    if (tag) await git.run(['--git-dir', gitDir, 'tag', tag, commit]);
  }
  await git.run(['--git-dir', gitDir, 'update-ref', 'refs/heads/main', parent ?? '']);
  return gitDir;
}
