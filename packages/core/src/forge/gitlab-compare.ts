import { COMPARISON_COMMITS, type ComparedCommit, type Comparison } from './forge';

/**
 * What is read of GET /projects/:id/repository/compare (lib/api/entities/compare.rb): `commits`
 * oldest first (the entity's `commit` is `commits.last`), all of them, no paging. `web_url` came
 * with GitLab 16.x and a commit's `web_url` with 13.x: older instances get links built here.
 */
export interface GitLabCompare {
  commits?: GitLabCommit[];
  web_url?: string;
}

interface GitLabCommit {
  id: string;
  title: string;
  author_name: string;
  web_url?: string;
}

/** `projectUrl`: the compared project's page (https://gitlab.example.com/group/app). */
export function toComparison(answer: GitLabCompare, projectUrl: string, from: string, to: string): Comparison {
  const commits = answer.commits ?? [];
  return {
    commits: commits.slice(-COMPARISON_COMMITS).reverse().map((commit) => toComparedCommit(commit, projectUrl)),
    totalCommits: commits.length,
    webUrl: answer.web_url ?? `${projectUrl}/-/compare/${encodeURIComponent(from)}...${encodeURIComponent(to)}`,
    repositoryUrl: projectUrl,
  };
}

function toComparedCommit(commit: GitLabCommit, projectUrl: string): ComparedCommit {
  return {
    sha: commit.id,
    // `title` is the message's first line (a long one is cut with "…" by GitLab's full_title).
    subject: commit.title,
    authorName: commit.author_name,
    url: commit.web_url ?? `${projectUrl}/-/commit/${commit.id}`,
  };
}
