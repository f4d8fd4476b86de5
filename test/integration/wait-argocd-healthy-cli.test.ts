/**
 * wait-argocd-healthy through the built CLI (dist/cli/index.js), with flags as a person or a script
 * runs it: input errors all at once, a server nobody listens at failing fast, and a cancel (SIGTERM,
 * SIGINT) ending the step however it was launched: plain node, or npx from an installed package as
 * the GitLab templates launch it (npm exec runs the bin under `sh -c`). Run `npm run build` first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ArgoCdSimulator } from '../../packages/argocd-simulator/src/index';
import { BUNDLE_NODE, CLI_BUNDLE, createSandbox, randomToken, REPO_ROOT, runCli, runProcess, type Sandbox } from '../support/run-bundle';
import { hermeticGitEnv } from '../support/hermetic-git-env';

const TOKEN = randomToken();
const IDENTITY = ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.invalid'];

let sandbox: Sandbox;
let simulator: ArgoCdSimulator | undefined;
beforeAll(() => {
  if (!existsSync(CLI_BUNDLE)) throw new Error(`${CLI_BUNDLE} is missing: run npm run build`);
});
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
  await sandbox?.cleanup();
});

async function freshSandbox(): Promise<Sandbox> {
  sandbox = await createSandbox('gitops-promote-wait-cli-');
  return sandbox;
}

function wait(args: readonly string[], env: Record<string, string> = { GITOPS_PROMOTE_TOKEN: TOKEN }) {
  return runCli(['wait-argocd-healthy', ...args], { cwd: sandbox.dir, home: sandbox.home, env });
}

/** A simulator whose app never syncs (manual sync): a wait on a new commit lasts until cancelled. */
async function neverReady(): Promise<{ sim: ArgoCdSimulator; revision: string }> {
  const repo = join(sandbox.dir, 'environments');
  await mkdir(join(repo, 'envs/dev'), { recursive: true });
  await sandbox.gitOk(['init', '--quiet', '--initial-branch=main'], repo);
  await writeFile(join(repo, 'envs/dev/deployment.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: payments\n  namespace: payments\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/payments:1.0.0\n');
  await sandbox.gitOk(['add', '.'], repo);
  await sandbox.gitOk([...IDENTITY, 'commit', '--quiet', '-m', 'initial'], repo);
  simulator = await ArgoCdSimulator.start({
    tokens: [TOKEN],
    reconcileIntervalMs: 0,
    apps: [{ name: 'payments-dev', project: 'default', autoSync: false, source: { repoPath: repo, targetRevision: 'main', path: 'envs/dev' } }],
  });
  await writeFile(join(repo, 'envs/dev/deployment.yaml'), (await sandbox.gitOk(['show', 'HEAD:envs/dev/deployment.yaml'], repo)).replace('1.0.0', '1.1.0'));
  await sandbox.gitOk([...IDENTITY, 'commit', '--quiet', '-am', 'dev runs 1.1.0'], repo);
  return { sim: simulator, revision: await sandbox.gitOk(['rev-parse', 'HEAD'], repo) };
}

describe('wait-argocd-healthy CLI: input errors and an absent server', () => {
  it('reports every input error at once, before any request', async () => {
    await freshSandbox();
    const run = await wait(['--server', 'https://argocd.example.com/applications/argocd/payments-dev?view=tree&resource=', '--application', 'payments-dev', '--timeout', 'soon'], {});
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/^error: 3 inputs are invalid:$/m);
    expect(run.stderr).toContain("Argo CD credentials are missing: give 'token'");
    expect(run.stderr).toContain("Input 'timeout' is not a duration: \"soon\".");
    expect(run.stderr).toContain('is a web UI page (it holds /applications), not the server\'s base URL. Use the base URL: https://argocd.example.com ');
    expect(run.stderr).not.toMatch(/Waiting for Argo CD/);
  });

  it('an unknown host fails at once, saying nothing answers there', async () => {
    await freshSandbox();
    const run = await wait(['--server', 'https://argocd.nothing-here.invalid', '--application', 'payments-dev', '--timeout', '10m']);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/^error: Nothing answers at argocd\.nothing-here\.invalid: the Argo CD host argocd\.nothing-here\.invalid does not resolve/m);
    expect(run.stderr).not.toMatch(/Raise timeout/);
  });

  it('a refused connection from the start fails within about 30 s, not after the 10 minute timeout', async () => {
    await freshSandbox();
    const closed = await ArgoCdSimulator.start({ tokens: [TOKEN], apps: [] });
    const { host } = new URL(closed.url);
    await closed.close();
    const run = await wait(['--server', `http://${host}`, '--application', 'payments-dev', '--timeout', '10m']);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(`error: Nothing answers at ${host}: every connection was refused (ECONNREFUSED)`);
    expect(run.stderr).toMatch(/How to fix: Check the --server flag/);
    expect(run.stderr).not.toMatch(/Raise timeout/);
  }, 90_000);
});

/** The pids below `root` (children, grandchildren, …), from /proc. */
function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command may hold spaces and parentheses: fields resume after its last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // Gone meanwhile.
    }
  }
  const found: number[] = [];
  let frontier = [root];
  while (frontier.length > 0) {
    const next = [...parents].filter(([, ppid]) => frontier.includes(ppid)).map(([pid]) => pid);
    found.push(...next);
    frontier = next;
  }
  return found;
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** Running: a zombie (ended, not yet reaped by whoever adopted it) counts as gone. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

interface Launched {
  child: ChildProcess;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Every writer of its output is gone (the step's node included, wherever it was reparented). */
  closed: Promise<void>;
}

function launch(command: string, args: readonly string[], cwd: string, env: Record<string, string>): Launched {
  const child = spawn(command, [...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdout?.resume();
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return { child, stderr: () => stderr, exit, closed };
}

async function until(check: () => boolean, what: string, limitMs = 30_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`gave up waiting: ${what}`);
    await sleep(100);
  }
}

describe('wait-argocd-healthy CLI: a cancel reaches the step however it is launched', () => {
  let dir: string;
  let app: string;

  beforeAll(async () => {
    // The package as npm installs it (see npm-package.test.ts), so npx runs it through npm exec.
    dir = await mkdtemp(join(tmpdir(), 'gitops-promote-cancel-'));
    const out = join(dir, 'out');
    await mkdir(out);
    const env = npmEnv();
    const packed = await runProcess('npm', ['pack', '--silent', '--pack-destination', out], { cwd: REPO_ROOT, env, timeoutMs: 60_000 });
    expect(packed.exitCode, packed.stderr).toBe(0);
    app = join(dir, 'app');
    await mkdir(app);
    await writeFile(join(app, 'package.json'), '{"name":"consumer","private":true}\n');
    const tarball = join(out, packed.stdout.trim().split('\n').pop() ?? '');
    const installed = await runProcess('npm', ['install', '--offline', tarball], { cwd: app, env, timeoutMs: 60_000 });
    expect(installed.exitCode, installed.stderr).toBe(0);
  }, 120_000);
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  const npmEnv = (): Record<string, string> =>
    hermeticGitEnv(
      {
        npm_config_cache: join(dir ?? tmpdir(), 'cache'),
        npm_config_update_notifier: 'false',
        npm_config_fund: 'false',
        npm_config_audit: 'false',
      },
      join(dir ?? tmpdir(), 'home'),
    );

  const launchers = {
    node: (args: readonly string[], env: Record<string, string>) => launch(BUNDLE_NODE, [CLI_BUNDLE, ...args], sandbox.dir, env),
    npx: (args: readonly string[], env: Record<string, string>) => launch('npx', ['--offline', '--no-install', 'gitops-promote', ...args], app, env),
  };

  for (const via of ['node', 'npx'] as const) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      it(`${signal} to ${via === 'npx' ? 'npx' : 'node'}: the step ends promptly, non-zero, leaving no process behind`, async () => {
        await freshSandbox();
        const { sim, revision } = await neverReady();
        const args = ['wait-argocd-healthy', '--server', sim.url, '--application', 'payments-dev', '--revision', revision, '--timeout', '5m'];
        const run = launchers[via](args, { ...npmEnv(), GITOPS_PROMOTE_TOKEN: TOKEN });
        const launcher = run.child.pid ?? 0;
        // Signalled only once it is waiting, as a CI cancel comes.
        await until(() => /waiting for a sync of/.test(run.stderr()), 'the step waiting');
        const step = via === 'node' ? launcher : (descendants(launcher).find((pid) => commandLine(pid).includes('gitops-promote wait-argocd-healthy') && commandLine(pid).startsWith('node')) ?? 0);
        expect(step, `the step's node process under ${via}`).toBeGreaterThan(0);
        try {
          process.kill(launcher, signal);
          const exit = await run.exit;
          expect(exit.code === null ? exit.signal : exit.code, run.stderr()).not.toBe(0);
          await until(() => !alive(step), `node ${step} to end`, 10_000);
          await run.closed;
          expect(run.stderr()).toMatch(new RegExp(`Cancelled by ${signal} before the step finished`));
        } finally {
          // A failing run must not leave its orphan behind for the rest of the suite.
          if (alive(step)) process.kill(step, 'SIGKILL');
        }
      }, 90_000);
    }
  }
});
