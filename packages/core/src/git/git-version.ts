import { GitVersionError } from './errors';
import type { GitCommandManager } from './git-command-manager';

/**
 * The oldest git that takes a credential from the environment of one command
 * (GIT_CONFIG_COUNT / GIT_CONFIG_KEY_n / GIT_CONFIG_VALUE_n, see git-auth.ts). An older git
 * ignores those variables and fails later with a misleading "Authentication failed".
 */
export const MINIMUM_GIT_VERSION: readonly [number, number] = [2, 31];

/** `git --version`'s answer as numbers ("git version 2.39.2.windows.1" → [2, 39, 2]); undefined when unreadable. */
export function parseGitVersion(output: string): [number, number, number] | undefined {
  const match = /git version (\d+)\.(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
}

/** Whether `version` is at least MINIMUM_GIT_VERSION. */
export function isSupportedGit(version: readonly number[]): boolean {
  const [major = 0, minor = 0] = version;
  const [needMajor, needMinor] = MINIMUM_GIT_VERSION;
  return major > needMajor || (major === needMajor && minor >= needMinor);
}

/** Checked once per PATH: the git found there does not change while a step runs. */
const checked = new Map<string, Promise<void>>();

/**
 * Refuses, before the first command that hands git a credential, a git too old to take it, naming
 * the version found and the one needed.
 */
export function requireCredentialCapableGit(git: GitCommandManager): Promise<void> {
  const key = process.env.PATH ?? '';
  let check = checked.get(key);
  if (!check) {
    check = checkGitVersion(git);
    checked.set(key, check);
    // A failed check (git missing, say) is asked again next time rather than remembered.
    check.catch(() => checked.delete(key));
  }
  return check;
}

async function checkGitVersion(git: GitCommandManager): Promise<void> {
  const output = (await git.exec(['--version'])).stdout.trim();
  const version = parseGitVersion(output);
  if (version === undefined || isSupportedGit(version)) return;
  const [major, minor] = MINIMUM_GIT_VERSION;
  throw new GitVersionError(
    `${output} is installed, but gitops-promote needs git ${major}.${minor} or newer to hand the token to git without writing it to disk (GIT_CONFIG_COUNT, new in git ${major}.${minor}).`,
    `Install git ${major}.${minor} or newer on the runner (a current runner image, or your distribution's backports), then run again.`,
  );
}
