/**
 * Hands a token to git for HTTPS without writing it anywhere: git reads `GIT_CONFIG_COUNT` /
 * `GIT_CONFIG_KEY_n` / `GIT_CONFIG_VALUE_n` from the environment of the one command (git >= 2.31),
 * so nothing lands in `.git/config`, in the remote URL or on the command line (visible in `ps`).
 */
export interface GitAuth {
  /** Environment for git commands that talk to the remote. */
  env: Record<string, string>;
  /** The base64 credential as sent in the header; registered as a secret too. */
  credential: string;
}

export function tokenAuth(remoteUrl: string, token: string, username: string): GitAuth | undefined {
  let url: URL;
  try {
    url = new URL(remoteUrl);
  } catch {
    return undefined; // scp-like SSH remotes (git@host:org/repo) take no token
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const credential = Buffer.from(`${username}:${token}`).toString('base64');
  // Scoped like actions/checkout's own entry (`http.https://github.com/.extraheader`); the empty
  // value first clears a header a checkout persisted, so git never sends two Authorization headers.
  const key = `http.${url.protocol}//${url.host}/.extraheader`;
  return {
    credential,
    env: {
      GIT_CONFIG_COUNT: '2',
      GIT_CONFIG_KEY_0: key,
      GIT_CONFIG_VALUE_0: '',
      GIT_CONFIG_KEY_1: key,
      GIT_CONFIG_VALUE_1: `AUTHORIZATION: basic ${credential}`,
    },
  };
}

/**
 * The user name a forge expects beside a token over HTTPS: GitLab tells a CI job token
 * (`gitlab-ci-token`) from a personal, project or OAuth token (`oauth2`); GitHub takes any name
 * and documents `x-access-token`.
 */
export function tokenUsername(forge: string, token: string, env: NodeJS.ProcessEnv = process.env): string {
  if (forge !== 'gitlab') return 'x-access-token';
  return token === env.CI_JOB_TOKEN ? 'gitlab-ci-token' : 'oauth2';
}
