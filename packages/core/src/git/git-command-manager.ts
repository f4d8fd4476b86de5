import { getExecOutput } from '@actions/exec';
import { GitError } from './errors';

export interface GitResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the `git` CLI in one work tree. Output is captured, never echoed: the caller decides what a
 * user sees, after redaction. `GIT_TERMINAL_PROMPT=0` makes a missing credential fail at once
 * instead of hanging a CI job on a password prompt.
 */
export class GitCommandManager {
  constructor(
    readonly workTree: string,
    private readonly extraEnv: Readonly<Record<string, string>> = {},
    private readonly redact: (text: string) => string = (text) => text,
  ) {}

  /** Runs git and returns its result whatever the exit code. */
  async exec(args: readonly string[], extraEnv: Readonly<Record<string, string>> = {}, input?: string): Promise<GitResult> {
    const env = gitEnvironment(process.env);
    Object.assign(env, { GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }, this.extraEnv, extraEnv);
    try {
      const result = await getExecOutput('git', [...args], {
        cwd: this.workTree,
        env,
        silent: true,
        ignoreReturnCode: true,
        ...(input !== undefined ? { input: Buffer.from(input, 'utf8') } : {}),
      });
      return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
    } catch (error) {
      throw new GitError(
        `Could not run git: ${error instanceof Error ? error.message : String(error)}.`,
        'Install git and make sure it is on PATH.',
      );
    }
  }

  /** Runs git and returns trimmed stdout; a non-zero exit becomes a GitError naming the command. */
  async run(args: readonly string[], hint = 'See the git message above.', extraEnv: Readonly<Record<string, string>> = {}, input?: string): Promise<string> {
    const result = await this.exec(args, extraEnv, input);
    if (result.exitCode !== 0) {
      const output = result.stderr.trim() || result.stdout.trim();
      // git's diagnosis is in its `error:`/`fatal:` lines; the advice lines after them say less.
      const lines = output.split('\n');
      const diagnosis = lines.filter((line) => /^(?:error|fatal): /.test(line)).slice(0, 3);
      const message = (diagnosis.length > 0 ? diagnosis : lines.slice(-3)).join(' | ');
      throw new GitError(this.redact(`git ${subcommand(args)} failed (exit ${result.exitCode}): ${message}`), lockHint(output) ?? hint);
    }
    return result.stdout.trim();
  }
}

/**
 * What git and its hooks get from our environment: everything but the step's own inputs and
 * secrets. `INPUT_TOKEN` (GitHub passes every input as `INPUT_*`), `GITOPS_PROMOTE_*` (the CLI's
 * secret variables) and the runner's own tokens are nothing git needs, and a hook or credential
 * helper of the environment repository must not be able to read them.
 */
export function gitEnvironment(source: NodeJS.ProcessEnv): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    if (value === undefined || WITHHELD.test(key)) continue;
    env[key] = value;
  }
  return env;
}

const WITHHELD = /^(?:INPUT_.*|GITOPS_PROMOTE_.*|ACTIONS_RUNTIME_TOKEN|ACTIONS_ID_TOKEN_REQUEST_(?:TOKEN|URL))$/i;

/**
 * A lock file left by a git process that was killed (a cancelled job, an OOM) makes every later
 * command fail with "Unable to create '…/index.lock': File exists"; say which file and when it is
 * safe to delete it.
 */
export function lockHint(output: string): string | undefined {
  const lock = /Unable to create '([^']+\.lock)': File exists/i.exec(output)?.[1];
  if (lock === undefined) return undefined;
  return `Another git process holds ${lock}, or one was killed and left it behind. If no git process is running in this repository, delete that file (rm '${lock}') and run again.`;
}

/** The git subcommand of `args`, past global options such as `-c key=value`. */
function subcommand(args: readonly string[]): string {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '-c' || arg === '-C') i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return '';
}
