import { forgeKindOfUrl } from './select';

const COMMIT = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i;
// What a repository path may hold to be linked as is: no spaces, parentheses or Markdown syntax.
const PATH = /^[A-Za-z0-9][A-Za-z0-9._~/-]*$/;
const HOST = /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::\d{1,5})?$/i;

/**
 * The web page of `sha` in the repository a git URL names, when its host says which forge serves
 * it (github.com, gitlab.example.com…): `https://host/org/repo/commit/<sha>` (GitLab: `/-/commit/`).
 * Built from the host and path only, so credentials in the URL (`https://user:token@…`) never reach
 * it; an ssh URL links to the https site of the same host. Undefined otherwise: an unknown host,
 * a local path, or a revision that is not a commit (a chart version).
 */
export function commitWebUrl(repoURL: string, sha: string): string | undefined {
  const kind = forgeKindOfUrl(repoURL);
  const site = kind ? webSite(repoURL) : undefined;
  if (!site || !COMMIT.test(sha)) return undefined;
  return kind === 'github' ? `${site}/commit/${sha.toLowerCase()}` : `${site}/-/commit/${sha.toLowerCase()}`;
}

/** `https://host[:port]/org/repo` of an https, ssh or scp-like (`git@host:org/repo.git`) URL. */
function webSite(repoURL: string): string | undefined {
  const scp = /^[^/@:]+@([^:/]+):(?!\/)(.+)$/.exec(repoURL);
  let scheme = 'https:';
  let host: string;
  let path: string;
  if (scp?.[1] && scp[2]) {
    host = scp[1];
    path = scp[2];
  } else {
    let url: URL;
    try {
      url = new URL(repoURL);
    } catch {
      return undefined;
    }
    if (url.protocol === 'ssh:') host = url.hostname;
    else if (url.protocol === 'https:' || url.protocol === 'http:') [scheme, host] = [url.protocol, url.host];
    else return undefined;
    path = url.pathname;
  }
  const repo = path.replace(/^\/+/, '').replace(/\/+$/, '').replace(/\.git$/, '');
  // Only what Markdown reads as one plain link: a host or path with `)` or a space would end it.
  if (!HOST.test(host) || !PATH.test(repo) || !repo.includes('/')) return undefined;
  return `${scheme}//${host.toLowerCase()}/${repo}`;
}
