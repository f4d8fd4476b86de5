import { InputError } from '../errors';
import type { Forge, ForgeKind, ForgeOptions } from './forge';

/** The forge a repository URL's host points to, when the host says so (github.com, gitlab.example.com). */
export function forgeKindOfUrl(url: string): ForgeKind | undefined {
  const host = hostOf(url);
  if (host === undefined) return undefined;
  if (/(^|\.)github\.com$/.test(host) || /^github\./.test(host)) return 'github';
  if (/(^|\.)gitlab\.com$/.test(host) || /^gitlab\./.test(host)) return 'gitlab';
  return undefined;
}

/** The host of an https/ssh/scp-like git URL; undefined for a local path. */
export function hostOf(url: string): string | undefined {
  const scp = /^[^/@]+@([^:/]+):/.exec(url);
  if (scp?.[1]) return scp[1].toLowerCase();
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'file:' ? undefined : parsed.hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * The API base for a forge at the host of `webUrl` (`https://host`): github.com's API has its own
 * host, GitHub Enterprise Server serves it under /api/v3, GitLab under /api/v4.
 */
export function apiUrlFor(kind: ForgeKind, webUrl: string): string {
  const url = new URL(webUrl);
  if (kind === 'github') return url.hostname === 'github.com' ? 'https://api.github.com' : `${url.origin}/api/v3`;
  return `${url.origin}/api/v4`;
}

/** The forge's implementation, loaded only when used (a step bundle pays for the one it needs). */
export async function createForge(kind: ForgeKind, options: ForgeOptions, extras: { jobToken?: boolean } = {}): Promise<Forge> {
  if (kind === 'github') return (await import('./github-forge')).createGitHubForge(options);
  // A CI job token authenticates as JOB-TOKEN, not PRIVATE-TOKEN.
  return (await import('./gitlab-forge')).createGitLabForge(options, { jobToken: extras.jobToken === true });
}

/** The `forge` input (or its deprecated name `platform`, which `input` then is); undefined when empty. */
export function parseForgeKind(value: string, input = 'forge'): ForgeKind | undefined {
  if (value === '') return undefined;
  if (value === 'github' || value === 'gitlab') return value;
  throw new InputError(`Input '${input}' must be github or gitlab, got ${JSON.stringify(value)}.`, `Set ${input}: github or ${input}: gitlab, or leave it empty to detect it.`);
}

/** The forge the inputs name: `forge`, else the deprecated `platform` it replaced. */
export function forgeInput(inputs: { forge: string; platform: string }): ForgeKind | undefined {
  return inputs.forge !== '' ? parseForgeKind(inputs.forge, 'forge') : parseForgeKind(inputs.platform, 'platform');
}

/** `group/project` from `https://host/group/project.git` or `git@host:group/project.git`; undefined for a local path. */
export function repositoryOfUrl(url: string): string | undefined {
  if (hostOf(url) === undefined) return undefined;
  const scp = /^[^/@]+@[^:/]+:(.+)$/.exec(url)?.[1];
  const path = scp ?? new URL(url).pathname.replace(/^\/+/, '');
  return path.replace(/\.git$/, '').replace(/\/+$/, '') || undefined;
}

/** Where a checkout's remote lives, as a forge client needs it. */
export interface RemoteForge {
  kind: ForgeKind;
  repository: string;
  apiUrl: string;
}

/**
 * The forge behind a checkout's remote URL: the host names it (github.com, gitlab.example.com), or
 * the CI runs on that host (GITHUB_SERVER_URL / CI_SERVER_URL), or `given.kind` says. The API base
 * is the CI's when the remote is on the CI's server, else derived from the host. Undefined when
 * the URL has no host (a local path) and nothing names one.
 */
export function forgeOfRemote(remoteUrl: string, env: NodeJS.ProcessEnv, given: Partial<RemoteForge> = {}): RemoteForge | undefined {
  const host = hostOf(remoteUrl);
  const onGitHubServer = host !== undefined && env.GITHUB_SERVER_URL !== undefined && hostOf(env.GITHUB_SERVER_URL) === host;
  const onGitLabServer = host !== undefined && env.CI_SERVER_URL !== undefined && hostOf(env.CI_SERVER_URL) === host;
  const kind = given.kind ?? forgeKindOfUrl(remoteUrl) ?? (onGitHubServer ? 'github' : onGitLabServer ? 'gitlab' : undefined);
  const repository = given.repository ?? repositoryOfUrl(remoteUrl);
  if (!kind || !repository) return undefined;
  const ciApi = kind === 'github' ? (onGitHubServer ? env.GITHUB_API_URL : undefined) : onGitLabServer ? env.CI_API_V4_URL : undefined;
  const apiUrl = given.apiUrl ?? ciApi ?? (host ? apiUrlFor(kind, `https://${host}`) : undefined);
  return apiUrl ? { kind, repository, apiUrl } : undefined;
}
