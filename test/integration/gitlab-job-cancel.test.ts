/**
 * Issue 21, item 6: a GitLab job runs its template's command in a shell; a cancel sends that shell
 * SIGTERM (Ctrl-C in a terminal sends SIGINT). The command installs the packed package from a
 * loopback registry (as from a mirror) and execs node, so the signal reaches the step: the wait
 * ends at once and no process of the job is left. With npx in between, node was orphaned.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { ArgoCdSimulator } from '../../packages/argocd-simulator/src/index';
import { startNpmRegistry, type NpmRegistry } from '../support/npm-registry';
import { BUNDLE_NODE, createSandbox, randomToken, REPO_ROOT, runProcess, type Sandbox } from '../support/run-bundle';

const TOKEN = randomToken();
let sandbox: Sandbox;
let registry: NpmRegistry;
let simulator: ArgoCdSimulator;
let command: string;

beforeAll(async () => {
  sandbox = await createSandbox('gitops-promote-cancel-');
  const npmEnv = sandbox.env({ npm_config_cache: join(sandbox.dir, 'npm-cache') });
  const packed = await runProcess('npm', ['pack', '--silent', '--pack-destination', sandbox.dir], { cwd: REPO_ROOT, env: npmEnv, timeoutMs: 60_000 });
  if (packed.exitCode !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  const manifest = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string; bin: unknown; engines: unknown; type: string };
  registry = await startNpmRegistry(join(sandbox.dir, packed.stdout.trim().split('\n').pop() ?? ''), { name: manifest.name, version: manifest.version, bin: manifest.bin, engines: manifest.engines, type: manifest.type });
  const [, jobs] = parseAllDocuments(await readFile(join(REPO_ROOT, 'templates', 'wait-argocd-healthy.yml'), 'utf8')).map((document) => document.toJS() as unknown);
  const job = (jobs as Record<string, { script: string[] }>)['$[[ inputs.job-name ]]'];
  command = (job?.script ?? []).join('\n').replaceAll('$[[ inputs.gitops-promote-version ]]', manifest.version);
  const repo = join(sandbox.dir, 'environments');
  await sandbox.gitOk(['init', '--quiet', '--initial-branch=main', repo], sandbox.dir);
  await sandbox.gitOk(['-c', 'user.name=D', '-c', 'user.email=d@example.invalid', 'commit', '--quiet', '--allow-empty', '-m', 'initial'], repo);
  simulator = await ArgoCdSimulator.start({ tokens: [TOKEN], reconcileIntervalMs: 0, apps: [{ name: 'payments-dev', project: 'default', source: { repoPath: repo, targetRevision: 'main', path: '.' } }] });
}, 120_000);
afterAll(async () => {
  await registry?.close();
  await simulator?.close();
  await sandbox?.cleanup();
});

/** Pids of live processes whose command line (or, with `environ`, environment) mentions `needle`. */
async function processesWith(needle: string, where: 'cmdline' | 'environ' = 'cmdline'): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const text = await readFile(`/proc/${entry}/${where}`, 'utf8').catch(() => '');
    const state = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // A zombie is gone but for its exit status, which its parent has yet to collect.
    if (text.includes(needle) && !/^\d+ \(.*\) Z /.test(state)) found.push(Number(entry));
  }
  return found;
}

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T | undefined> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("a templated GitLab job's command, cancelled", () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s to the job shell ends the step and leaves no process', async (signal) => {
    expect(command).not.toMatch(/\bnpx\b/);
    const marker = `gp-cancel-${signal}-${Date.now()}`;
    // The job's shell, as a runner starts it; the marker (an unused input) finds its processes.
    const shell = spawn('bash', ['-c', command], {
      cwd: sandbox.dir,
      env: {
        ...sandbox.env({ npm_config_cache: join(sandbox.dir, 'npm-cache'), NPM_CONFIG_REGISTRY: registry.url, PATH: `${join(BUNDLE_NODE, '..')}:${process.env.PATH ?? ''}` }),
        GITOPS_PROMOTE_PLATFORM: 'gitlab',
        GITOPS_PROMOTE_DOTENV: join(sandbox.dir, `${marker}.env`),
        GITOPS_PROMOTE_SUMMARY: join(sandbox.dir, `${marker}.md`),
        GITOPS_PROMOTE_TOKEN: TOKEN,
        INPUT_SERVER: simulator.url,
        INPUT_APPLICATION: 'payments-dev',
        INPUT_REVISION: 'f'.repeat(40),
        INPUT_TIMEOUT: '5m',
        INPUT_MARKER: marker,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    shell.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    shell.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => shell.once('close', (code, killedBy) => resolve(code ?? (killedBy ? 128 : null))));
    // The step is waiting once it has said so.
    const waiting = await until(async () => (/Waiting up to/.test(output) ? true : undefined), 60_000);
    expect(waiting, output).toBe(true);
    const running = await processesWith('gitops-promote/dist/cli/index.js');
    expect(running).toContain(shell.pid);
    shell.kill(signal);
    const code = await Promise.race([exited, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 15_000))]);
    expect(code, output).not.toBe('hung');
    expect(code).not.toBe(0);
    // Every process of the job (the shell, npm, node) carries the marker in its environment.
    const left = await until(async () => ((await processesWith(marker, 'environ')).length === 0 ? true : undefined), 5_000);
    expect(left, `still running: ${(await processesWith(marker, 'environ')).join(', ')}`).toBe(true);
  });
});
