import type { MergeRequestSchema } from '@gitbeaker/rest';
import { ForgeError } from './errors';
import type { ChangeRequest } from './forge';
import type { GitLabRequestError } from './gitlab-errors';

/** GitLab makes a merge request a draft by its title (the create API has no draft flag). */
export const DRAFT_PREFIX = /^\s*(?:\[draft\]|\(draft\)|draft:|draft\s+-)\s*/i;

/** A GitLab merge request in the forge-neutral shape. */
export function toChangeRequest(mr: MergeRequestSchema): ChangeRequest {
  const draft = mr.draft === true || mr.work_in_progress === true;
  return {
    number: mr.iid,
    url: mr.web_url,
    // The neutral title carries no "Draft: " (a GitHub draft has none); update() puts it back.
    title: draft ? mr.title.replace(DRAFT_PREFIX, '') : mr.title,
    body: mr.description ?? '',
    head: mr.source_branch,
    base: mr.target_branch,
    headSha: mr.sha,
    draft,
    // 'locked' is the moment of merging: still open as far as a step is concerned.
    state: mr.state === 'merged' ? 'merged' : mr.state === 'closed' ? 'closed' : 'open',
    labels: (mr.labels ?? []).map((label) => (typeof label === 'string' ? label : label.name)),
    assignees: (mr.assignees ?? []).map((user) => user.username),
    reviewers: (mr.reviewers ?? []).map((user) => user.username),
    teamReviewers: [],
    // merge_when_pipeline_succeeds is what every GitLab version reports; auto_merge in case a newer one does.
    autoMerge: mr.merge_when_pipeline_succeeds === true || (mr as { auto_merge?: unknown }).auto_merge === true,
  };
}

/**
 * What PUT .../merge refusals mean, per lib/api/merge_requests.rb: 405 `not_allowed!` when the MR
 * can neither merge now nor wait (no pipeline, so no auto-merge strategy; closed; blocked); 422
 * (406 before GitLab 13) "Branch cannot be merged"; 409 from check_sha_param!; 401 when the user
 * may not merge into the target branch. undefined: not a refusal, rethrow.
 */
export function autoMergeRefusal(error: GitLabRequestError, change: ChangeRequest): string | undefined {
  const mr = `!${change.number}`;
  const said = `HTTP ${error.status}${error.serverMessage ? `: ${error.serverMessage}` : ''}`;
  const fallback = 'Merge it by hand, or add a CI pipeline to the environment repository so auto-merge has one to wait for.';
  switch (error.status) {
    case 405:
      return `GitLab would not set auto-merge on ${mr} (${said}, still after 30 s of retries): the merge request has no pipeline, so auto-merge cannot wait for one (or its pipeline failed, or it is a draft, closed or blocked). ${fallback}`;
    case 406:
    case 422:
      return `GitLab cannot merge ${mr} (${said}): it has conflicts or failing merge checks, or no pipeline for auto-merge to wait for. ${fallback}`;
    case 409:
      return `The source branch of ${mr} moved past ${change.headSha.slice(0, 12)} (${said}), so auto-merge was not enabled for commits nobody reviewed; run the step again.`;
    case 401:
    case 403:
      // Here GitLab means "may not merge into the target branch", not a bad token (that failed earlier).
      return `GitLab did not let the token's user merge ${mr} (${said}); allow it to merge into ${change.base} (protected branch "Allowed to merge"), or merge by hand.`;
    default:
      return undefined;
  }
}

/**
 * gitbeaker wants the instance root and appends /api/v4 itself:
 * https://gitlab.example.com/api/v4 → https://gitlab.example.com;
 * https://example.com/gitlab/api/v4/ → https://example.com/gitlab (a self-managed sub-path is kept).
 * Without /api/v4 (e.g. CI_SERVER_URL was passed) the URL is taken as the instance root.
 */
export function hostOf(apiUrl: string): string {
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    throw new ForgeError(`GitLab API URL '${apiUrl}' is not a URL`, 'Give the REST base, e.g. https://gitlab.example.com/api/v4.', 0);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ForgeError(`GitLab API URL '${url.origin}' is not http(s)`, 'Give the REST base, e.g. https://gitlab.example.com/api/v4.', 0);
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/v4$/, '');
  return `${url.origin}${path}`;
}
