import { getExecOutput } from '@actions/exec';
import { GitError } from '../errors';

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
  async exec(args: readonly string[], extraEnv: Readonly<Record<string, string>> = {}): Promise<GitResult> {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    Object.assign(env, { GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }, this.extraEnv, extraEnv);
    try {
      const result = await getExecOutput('git', [...args], { cwd: this.workTree, env, silent: true, ignoreReturnCode: true });
      return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
    } catch (error) {
      throw new GitError(
        `Could not run git: ${error instanceof Error ? error.message : String(error)}.`,
        'Install git and make sure it is on PATH.',
      );
    }
  }

  /** Runs git and returns trimmed stdout; a non-zero exit becomes a GitError naming the command. */
  async run(args: readonly string[], hint = 'See the git message above.'): Promise<string> {
    const result = await this.exec(args);
    if (result.exitCode !== 0) {
      const message = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-3).join(' | ');
      throw new GitError(this.redact(`git ${subcommand(args)} failed (exit ${result.exitCode}): ${message}`), hint);
    }
    return result.stdout.trim();
  }
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
