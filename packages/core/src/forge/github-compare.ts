import { COMPARISON_COMMITS, type ComparedCommit, type Comparison } from './forge';

/** What is read of GitHub's `commit-comparison` (the OpenAPI schema; Octokit's type fits it). */
interface CompareData {
  html_url: string;
  total_commits: number;
  commits: GitHubCommit[];
}

interface GitHubCommit {
  sha: string;
  html_url: string;
  commit: { message: string; author: { name?: string } | null };
  /** The account git's author e-mail belongs to: null, or an empty object, when none. */
  author: { login: string } | Record<string, never> | null;
}

/**
 * GitHub's commit comparison in the forge-neutral shape. GitHub lists commits oldest first and,
 * asked without paging, the newest 250 of them: the last 20, reversed, are the newest 20.
 */
export function toComparison(data: CompareData): Comparison {
  return {
    commits: data.commits.slice(-COMPARISON_COMMITS).reverse().map(toComparedCommit),
    totalCommits: data.total_commits,
    webUrl: data.html_url,
    repositoryUrl: data.html_url.replace(/\/compare\/.*$/, ''),
  };
}

function toComparedCommit(commit: GitHubCommit): ComparedCommit {
  const login = commit.author !== null && typeof commit.author.login === 'string' ? commit.author.login : undefined;
  return {
    sha: commit.sha,
    subject: commit.commit.message.split('\n')[0] ?? '',
    authorName: commit.commit.author?.name ?? login ?? '',
    ...(login !== undefined ? { authorLogin: login } : {}),
    url: commit.html_url,
  };
}
