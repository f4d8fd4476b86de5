import { ForgeError } from './errors';
import type { AutoMergeOutcome, ChangeRequest, MergeMethod } from './forge';
import type { ErrorContext } from './github-errors';

/**
 * Auto-merge is GraphQL-only on GitHub. GitHub answers a refusal with HTTP 200 and an `errors`
 * entry; the ones a repository admin can fix become a reason, permission problems are thrown.
 */

/** GraphQL endpoint for a REST base: api.github.com/graphql, or HOST/api/graphql on GHES (REST at HOST/api/v3). */
export function gitHubGraphqlUrl(apiUrl: string): string {
  const base = apiUrl.replace(/\/+$/, '');
  return /\/api\/v3$/.test(base) ? base.replace(/\/api\/v3$/, '/api/graphql') : `${base}/graphql`;
}

/** Pinned to the head the caller saw (expectedHeadOid), so a commit pushed since is not merged unseen. */
export const ENABLE_AUTO_MERGE = `mutation($id: ID!, $m: PullRequestMergeMethod!, $head: GitObjectID) {
  enablePullRequestAutoMerge(input: {pullRequestId: $id, mergeMethod: $m, expectedHeadOid: $head}) {
    pullRequest { autoMergeRequest { enabledAt } }
  }
}`;

export function autoMergeOutcome(data: unknown, change: ChangeRequest, method: MergeMethod, ctx: ErrorContext): AutoMergeOutcome {
  const body = typeof data === 'object' && data !== null ? (data as { data?: unknown; errors?: unknown }) : {};
  const errors = Array.isArray(body.errors) ? body.errors.map(graphqlError) : [];
  const first = errors[0];
  if (first === undefined) {
    const enabledAt = (body.data as { enablePullRequestAutoMerge?: { pullRequest?: { autoMergeRequest?: unknown } } } | null | undefined)
      ?.enablePullRequestAutoMerge?.pullRequest?.autoMergeRequest;
    if (enabledAt) return { enabled: true };
    return { enabled: false, reason: 'GitHub accepted the request but reported no auto-merge on the pull request.' };
  }
  const message = ctx.redact(first.message);
  if (first.type === 'FORBIDDEN' || /resource not accessible/i.test(message)) {
    throw new ForgeError(
      `GitHub refused to ${ctx.action} in ${ctx.repository}: ${message}`,
      'Enabling auto-merge needs "Pull requests: write" and "Contents: write"; give the token both.',
      403,
    );
  }
  if (first.type === 'NOT_FOUND') {
    throw new ForgeError(
      `GitHub could not find pull request #${change.number} in ${ctx.repository} to enable auto-merge: ${message}`,
      'Give the token access to the repository ("Pull requests: write").',
      404,
    );
  }
  if (/auto.?merge is not allowed/i.test(message)) {
    return {
      enabled: false,
      reason: `auto-merge is switched off for ${ctx.repository}; an admin can enable "Allow auto-merge" under Settings → General → Pull Requests.`,
    };
  }
  if (/\bclean status\b/i.test(message)) {
    return {
      enabled: false,
      reason: `the pull request can be merged right away, so GitHub has nothing to wait for: auto-merge needs a branch protection rule or ruleset on ${change.base} with required status checks (or required reviews).`,
    };
  }
  if (/merge method|merging is not allowed/i.test(message)) {
    return { enabled: false, reason: `the ${method} merge method is not allowed in ${ctx.repository} (${message}); choose one the repository allows.` };
  }
  return { enabled: false, reason: `GitHub refused: ${message}` };
}

function graphqlError(item: unknown): { type?: string; message: string } {
  if (typeof item !== 'object' || item === null) return { message: String(item) };
  const record = item as { type?: unknown; message?: unknown };
  return {
    type: typeof record.type === 'string' ? record.type : undefined,
    message: typeof record.message === 'string' ? record.message : 'unknown GraphQL error',
  };
}

