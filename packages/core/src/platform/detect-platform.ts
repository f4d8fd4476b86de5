import { GitHubPlatform } from './github-platform';
import { GitLabPlatform } from './gitlab-platform';
import type { Platform } from './platform';
import { TerminalPlatform } from './terminal-platform';

/** Picks the adapter from the CI's own marker variables; a terminal otherwise. */
export function detectPlatform(env: NodeJS.ProcessEnv = process.env): Platform {
  if (env.GITHUB_ACTIONS === 'true') return new GitHubPlatform();
  if (env.GITLAB_CI === 'true') return new GitLabPlatform(env);
  // Without a CI, a step bundle still reads INPUT_* variables, as GitHub's runner would set them.
  const inputs = new Map<string, string>();
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith('INPUT_') && value !== undefined) inputs.set(key.slice(6).toLowerCase().replace(/_/g, '-'), value);
  }
  return new TerminalPlatform(inputs);
}
