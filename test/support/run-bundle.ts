/**
 * Runs the built step bundles (`dist/<step>/index.js`, `dist/cli/index.js`) in a child process,
 * the way a CI runner would, plus the hermetic git helpers the integration tests share.
 *
 * Every child gets an allowlisted environment: no inherited GIT_* variables, proxies, CI markers
 * or the developer's git configuration (HOME is a throwaway directory, system config is off), so
 * a test sees exactly what it set up and nothing of the machine it runs on.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hermeticGitEnv } from './hermetic-git-env';

/**
 * The Node binary the bundles run under: the test runner's own, or the one .ci/run points at
 * (Node 24, GitHub's `runs.using: node24`) so the same tests prove the bundles there too.
 */
export const BUNDLE_NODE = process.env.GITOPS_PROMOTE_TEST_NODE || process.execPath;

/** Repository root (this file lives in test/support). */
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const UPDATE_MANIFEST_BUNDLE = join(REPO_ROOT, 'dist', 'update-manifest', 'index.js');
export const OPEN_PROMOTION_PR_BUNDLE = join(REPO_ROOT, 'dist', 'open-promotion-pr', 'index.js');
export const ROLLBACK_BUNDLE = join(REPO_ROOT, 'dist', 'rollback', 'index.js');
export const ROOT_ACTION_BUNDLE = join(REPO_ROOT, 'dist', 'main', 'index.js');
export const CLI_BUNDLE = join(REPO_ROOT, 'dist', 'cli', 'index.js');

export interface ProcessResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns `command` and collects its output; never rejects on a non-zero exit. */
export function runProcess(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: Record<string, string>; timeoutMs?: number },
): Promise<ProcessResult> {
  return new Promise<ProcessResult>((resolvePromise, reject) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: options.env,
      // No stdin: a step never reads it, and a child closing a pipe early would raise EPIPE here.
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            child.kill('SIGKILL');
          }, options.timeoutMs);
    child.once('error', (error) => {
      if (timer) clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code: number | null) => {
      if (timer) clearTimeout(timer);
      resolvePromise({
        exitCode: code,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}

/** A scratch directory with its own HOME, removed by `cleanup()`. */
export interface Sandbox {
  dir: string;
  home: string;
  env(extra?: Record<string, string>): Record<string, string>;
  git(args: readonly string[], cwd: string, extra?: Record<string, string>): Promise<ProcessResult>;
  /** Like git() but throws (with git's stderr) on a non-zero exit; returns trimmed stdout. */
  gitOk(args: readonly string[], cwd: string, extra?: Record<string, string>): Promise<string>;
  cleanup(): Promise<void>;
}

export async function createSandbox(prefix = 'gitops-promote-it-'): Promise<Sandbox> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const home = join(dir, 'home');
  await mkdir(home, { recursive: true });
  const env = (extra: Record<string, string> = {}): Record<string, string> => hermeticGitEnv(extra, home);
  const git = (args: readonly string[], cwd: string, extra: Record<string, string> = {}): Promise<ProcessResult> =>
    runProcess('git', args, { cwd, env: env(extra) });
  const gitOk = async (args: readonly string[], cwd: string, extra: Record<string, string> = {}): Promise<string> => {
    const result = await git(args, cwd, extra);
    if (result.exitCode !== 0) {
      throw new Error(`git ${args.join(' ')} (in ${cwd}) exited ${String(result.exitCode)}:\n${result.stderr}`);
    }
    return result.stdout.trim();
  };
  return {
    dir,
    home,
    env,
    git,
    gitOk,
    cleanup: () => rm(dir, { recursive: true, force: true, maxRetries: 3 }),
  };
}

/** `-c http.extraHeader=…`: basic auth as a header for one command, never in a URL or on disk. */
export function authHeaderConfig(username: string, password: string): string[] {
  const credential = Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
  return ['-c', `http.extraHeader=Authorization: Basic ${credential}`];
}

export interface BundleRun {
  /** Inputs by their action.yml name (`commit-message`, `dry-run`, …); each becomes INPUT_<NAME>. */
  inputs: Record<string, string>;
  /** Working directory (GITHUB_WORKSPACE); `path` inputs are relative to it. */
  cwd: string;
  /** HOME for the run (a sandbox's); required so the user's git config never leaks in. */
  home: string;
  /** Extra environment, applied last. */
  env?: Record<string, string>;
  bundle?: string;
  timeoutMs?: number;
}

export interface BundleResult extends ProcessResult {
  /** Outputs parsed from the GITHUB_OUTPUT file. */
  outputs: Record<string, string>;
  /** Contents of the GITHUB_STEP_SUMMARY file. */
  summary: string;
  /** Values the step registered with `::add-mask::` (the runner consumes these lines). */
  masks: string[];
  /** stdout as the runner shows it in the log: without the `::add-mask::` commands it consumes. */
  log: string;
  /** Decoded `::error::` messages (what setFailed reported). */
  errors: string[];
}

/** The input environment variable the runner sets: upper-cased, spaces to `_`, hyphens kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Runs a step bundle under a simulated GitHub Actions runner. */
export async function runBundle(run: BundleRun): Promise<BundleResult> {
  const files = await mkdtemp(join(tmpdir(), 'gitops-promote-runner-'));
  try {
    const outputFile = join(files, 'github_output');
    const summaryFile = join(files, 'step_summary');
    await writeFile(outputFile, '');
    await writeFile(summaryFile, '');
    const inputs: Record<string, string> = {};
    for (const [name, value] of Object.entries(run.inputs)) inputs[inputVariable(name)] = value;
    const env = hermeticGitEnv({
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_WORKSPACE: run.cwd,
      RUNNER_TEMP: files,
      ...inputs,
      ...run.env,
    }, run.home);
    const result = await runProcess(BUNDLE_NODE, [run.bundle ?? UPDATE_MANIFEST_BUNDLE], {
      cwd: run.cwd,
      env,
      timeoutMs: run.timeoutMs ?? 110_000,
    });
    const outputs = parseOutputFile(await readFile(outputFile, 'utf8'));
    const summary = await readFile(summaryFile, 'utf8');
    const { masks, log, errors } = parseWorkflowCommands(result.stdout);
    return { ...result, outputs, summary, masks, log, errors };
  } finally {
    await rm(files, { recursive: true, force: true });
  }
}

/**
 * Parses a GITHUB_OUTPUT file: `name<<DELIMITER\nvalue\nDELIMITER` blocks (what @actions/core
 * writes) and plain `name=value` lines.
 */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = '', delimiter = ''] = heredoc;
      const value: string[] = [];
      let j = i + 1;
      while (j < lines.length && lines[j] !== delimiter) value.push(lines[j++] ?? '');
      if (j >= lines.length) throw new Error(`GITHUB_OUTPUT: unterminated ${name}<<${delimiter}`);
      outputs[name] = value.join('\n');
      i = j;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`GITHUB_OUTPUT: malformed line ${JSON.stringify(line)}`);
    outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return outputs;
}

/** Undoes @actions/core's escaping of workflow command data. */
function unescapeCommandData(data: string): string {
  return data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function parseWorkflowCommands(stdout: string): { masks: string[]; log: string; errors: string[] } {
  const masks: string[] = [];
  const errors: string[] = [];
  const kept: string[] = [];
  for (const line of stdout.split('\n')) {
    const mask = /^::add-mask::(.*)$/.exec(line);
    if (mask) {
      masks.push(unescapeCommandData(mask[1] ?? ''));
      continue;
    }
    const error = /^::error(?: [^:]*)?::(.*)$/.exec(line);
    if (error) errors.push(unescapeCommandData(error[1] ?? ''));
    kept.push(line);
  }
  return { masks, log: kept.join('\n'), errors };
}

/** Runs `node dist/cli/index.js …args` in a hermetic environment. */
export function runCli(args: readonly string[], options: { cwd: string; home: string; env?: Record<string, string> }): Promise<ProcessResult> {
  return runProcess(BUNDLE_NODE, [CLI_BUNDLE, ...args], {
    cwd: options.cwd,
    env: hermeticGitEnv(options.env, options.home),
    timeoutMs: 60_000,
  });
}

/** A token-like secret unique to one test run. */
export function randomToken(): string {
  return `ghs_${randomUUID().replace(/-/g, '')}`;
}
