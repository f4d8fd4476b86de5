import { ForgeError } from './errors';
import type { ChangeRequest, ChangeRequestDraft } from './forge';
import { describeValidation, toForgeError, validationDetails, type ErrorContext, type GitHubHttpError } from './github-errors';

/** Pull request JSON to the forge-neutral ChangeRequest, and the create refusals worth their own words. */

/** The fields of a pull request (full or list form) that a ChangeRequest is made of. */
export interface PullFields {
  number: number;
  node_id: string;
  html_url: string;
  title: string;
  body: string | null;
  state: string;
  draft?: boolean;
  merged_at: string | null;
  head: { ref: string; sha: string };
  base: { ref: string };
  labels: ReadonlyArray<{ name: string }>;
  assignees?: ReadonlyArray<{ login: string }> | null;
  requested_reviewers?: ReadonlyArray<{ login: string }> | null;
  requested_teams?: ReadonlyArray<{ slug: string }> | null;
  auto_merge: object | null;
}

/** A 422 on create, phrased after what was wrong: mostly a branch that is not on GitHub. */
export function createRefusal(error: GitHubHttpError, draft: ChangeRequestDraft, ctx: ErrorContext): Error {
  const details = validationDetails(error);
  const text = describeValidation(error);
  const refuse = (why: string, hint: string) =>
    new ForgeError(ctx.redact(`Cannot ${ctx.action} in ${ctx.repository}: ${why} (GitHub: ${text}).`), hint, error.status);
  if (details.some((detail) => detail.field === 'head') || /\bhead\b.*\binvalid\b/i.test(text)) {
    return refuse(
      `branch ${draft.head} does not exist there`,
      `Push ${draft.head} to the repository before opening the pull request, or check the branch name.`,
    );
  }
  if (details.some((detail) => detail.field === 'base') || /\bbase\b.*\binvalid\b/i.test(text)) {
    return refuse(`base branch ${draft.base} does not exist there`, 'Check the target branch input; it must name an existing branch.');
  }
  if (/no commits between/i.test(text)) {
    return refuse(
      `${draft.head} has no commits that ${draft.base} lacks`,
      `There is nothing to review; the change may already be on ${draft.base}.`,
    );
  }
  return toForgeError(error, { ...ctx, validationHint: 'Check the title, branches and body named in the message.' });
}

export function toChangeRequest(pull: PullFields): ChangeRequest {
  return {
    number: pull.number,
    url: pull.html_url,
    title: pull.title,
    body: pull.body ?? '',
    head: pull.head.ref,
    base: pull.base.ref,
    headSha: pull.head.sha,
    draft: pull.draft ?? false,
    state: pull.merged_at !== null ? 'merged' : pull.state === 'closed' ? 'closed' : 'open',
    labels: pull.labels.map((label) => label.name),
    assignees: (pull.assignees ?? []).map((user) => user.login),
    reviewers: (pull.requested_reviewers ?? []).map((user) => user.login),
    teamReviewers: (pull.requested_teams ?? []).map((team) => team.slug),
    autoMerge: pull.auto_merge !== null,
  };
}
