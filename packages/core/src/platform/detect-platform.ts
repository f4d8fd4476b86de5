import { GitLabPlatform } from './gitlab-platform';
import type { Platform } from './platform';
import { TerminalPlatform } from './terminal-platform';

/**
 * Picks the adapter from the CI's own marker variables; a terminal otherwise. The GitHub adapter
 * is loaded only on GitHub: `@actions/core` pulls in an HTTP client (undici) whose start-up cost
 * GitLab jobs and the CLI need not pay.
 */
export async function detectPlatform(env: NodeJS.ProcessEnv = process.env): Promise<Platform> {
  if (env.GITHUB_ACTIONS === 'true') {
    const { GitHubPlatform } = await import('./github-platform');
    return new GitHubPlatform();
  }
  if (env.GITLAB_CI === 'true') return new GitLabPlatform(env);
  // Without a CI, a step bundle still reads INPUT_* variables, as GitHub's runner would set them.
  const inputs = new Map<string, string>();
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith('INPUT_') && value !== undefined) inputs.set(key.slice(6).toLowerCase().replace(/_/g, '-'), value);
  }
  return new TerminalPlatform(inputs);
}
