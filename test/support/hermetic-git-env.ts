import { devNull, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** What every hermetic git process gets, in a child's environment or in this process's. */
const GIT_SWITCHES: Readonly<Record<string, string>> = { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: devNull, GIT_TERMINAL_PROMPT: '0' };

/** The operating system's variables a child needs to start and find temp space; nothing else is inherited. */
const INHERITED = ['PATH', 'Path', 'PATHEXT', 'SYSTEMROOT', 'SystemRoot', 'TMPDIR', 'TEMP', 'TMP'];

/**
 * The one environment for a git (or node) child process a test starts: an allowlist instead of
 * process.env, because inherited GIT_DIR / GIT_CONFIG_PARAMETERS (e.g. when tests run from a git
 * hook), author identities, CGI variables, proxies or the developer's ~/.gitconfig would otherwise
 * change what git does. `home` becomes HOME (default: the temp directory), so no ~/.gitconfig,
 * credential helper or `url.insteadOf` of the machine leaks in; proxies are switched off for
 * 127.0.0.1 (curl would route the test server through an inherited http_proxy); LC_ALL=C keeps
 * git's messages in English to assert on. `extra` is applied last.
 */
export function hermeticGitEnv(extra: Record<string, string> = {}, home: string = tmpdir()): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of INHERITED) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return {
    ...env,
    HOME: home,
    USERPROFILE: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    ...GIT_SWITCHES,
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    LC_ALL: 'C',
    NO_PROXY: '127.0.0.1',
    no_proxy: '127.0.0.1',
    ...extra,
  };
}

/** Author and committer variables for commits a test makes itself. */
export function gitIdentity(name: string, email: string): Record<string, string> {
  return { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email };
}

/**
 * For in-process step tests: the step's git commands inherit this process's environment, as they
 * would a runner's, so the developer's system and global git configuration are switched off for
 * the file's tests (and restored after them).
 */
export function useHermeticGitEnv(): void {
  const saved: Record<string, string | undefined> = {};
  beforeAll(() => {
    for (const [key, value] of Object.entries(GIT_SWITCHES)) {
      saved[key] = process.env[key];
      process.env[key] = value;
    }
  });
  afterAll(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
}
