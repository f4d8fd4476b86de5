import { ciOf } from './ci-environment';
import { GitLabPlatform } from './gitlab-platform';
import type { Platform } from './platform';
import { secretVariable } from './secret-variable';
import { TerminalPlatform } from './terminal-platform';

/**
 * Picks the adapter from the CI's own marker variables; a terminal otherwise. The GitHub adapter
 * is loaded only on GitHub: GitLab jobs and the CLI need none of `@actions/core`'s modules.
 */
export async function detectPlatform(env: NodeJS.ProcessEnv = process.env, secretInputs: readonly string[] = []): Promise<Platform> {
  const ci = ciOf(env);
  if (ci === 'github') {
    const { GitHubPlatform } = await import('./github-platform');
    return new GitHubPlatform();
  }
  if (ci === 'gitlab') return new GitLabPlatform(env, secretInputs);
  return new TerminalPlatform(terminalInputs(env, secretInputs));
}

/**
 * Without a CI, a step bundle reads INPUT_* variables, as GitHub's runner would set them, and a
 * secret input also from the CLI's GITOPS_PROMOTE_<NAME> variable, so one name works for both.
 */
function terminalInputs(env: NodeJS.ProcessEnv, secretInputs: readonly string[]): Map<string, string> {
  const inputs = new Map<string, string>();
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith('INPUT_') && value !== undefined) inputs.set(key.slice(6).toLowerCase().replace(/_/g, '-'), value);
  }
  for (const name of secretInputs) {
    const value = env[secretVariable(name)];
    // As with the CLI's flags, the input given for this run wins over the shared variable.
    if (value && !inputs.get(name)) inputs.set(name, value);
  }
  return inputs;
}
