import type { ChangeRequest, Forge } from './forge';

/** What a step wants its change request to look like; ensureChangeRequest makes the forge agree. */
export interface WantedChangeRequest {
  head: string;
  base: string;
  title: string;
  /** Markdown; the marker saying whom was asked for review is appended here. */
  body: string;
  draft: boolean;
  labels: readonly string[];
  assignees: readonly string[];
  reviewers: readonly string[];
  teamReviewers: readonly string[];
}

export type ChangeOperation = 'created' | 'updated' | 'unchanged';

/**
 * Invisible in the rendered body: says gitops-promote wrote it, and whom it asked for review. A
 * reviewer who has reviewed drops out of the forge's requested reviewers; remembering the request
 * here keeps later runs from asking them again.
 */
const MARKER = /<!-- gitops-promote(?::[a-z-]+)?(?: requested=([^\s]*))? -->/;

function marker(requested: readonly string[]): string {
  return `<!-- gitops-promote${requested.length > 0 ? ` requested=${requested.map(encodeURIComponent).join(',')}` : ''} -->`;
}

/** The reviewers (users, and teams as `team:slug`) an earlier run asked, read from the body's marker. */
export function requestedBefore(body: string): string[] {
  const list = MARKER.exec(body)?.[1];
  return list ? list.split(',').filter((name) => name !== '').map(decodeURIComponent) : [];
}

/**
 * Opens the change request or brings the open one (`existing`) up to date: title, body, then
 * labels, assignees and reviewers only where missing. Each write is skipped when the forge already
 * shows it, so a repeated run writes nothing; a create that loses a race to another run's create
 * continues with that one. `branchMoved` (our branch was pushed this run) makes it `updated`.
 */
export async function ensureChangeRequest(
  forge: Forge,
  wanted: WantedChangeRequest,
  existing: ChangeRequest | undefined,
  branchMoved: boolean,
  log: (message: string) => void,
): Promise<{ operation: ChangeOperation; change: ChangeRequest }> {
  const askedBefore = existing ? requestedBefore(existing.body) : [];
  const asked = [...wanted.reviewers, ...wanted.teamReviewers.map((team) => `team:${team}`)];
  const body = `${wanted.body.trimEnd()}\n\n${marker([...new Set([...askedBefore, ...asked])].sort())}\n`;
  let operation: ChangeOperation = branchMoved ? 'updated' : 'unchanged';
  let change = existing;
  if (!change) {
    const made = await forge.create({ head: wanted.head, base: wanted.base, title: wanted.title, body, draft: wanted.draft });
    change = made.change;
    if (made.created) operation = 'created';
    log(made.created ? `Opened ${forge.noun} #${change.number}: ${change.url}` : `Another run opened ${forge.noun} #${change.number} first; using it.`);
  }
  if (change.title !== wanted.title || change.body.trimEnd() !== body.trimEnd()) {
    change = await forge.update(change, { ...(change.title !== wanted.title ? { title: wanted.title } : {}), ...(change.body.trimEnd() !== body.trimEnd() ? { body } : {}) });
    if (operation === 'unchanged') operation = 'updated';
    log(`Updated the title and description of ${forge.noun} #${change.number}.`);
  }
  if ((await addMissing(forge, wanted, change, askedBefore)) && operation === 'unchanged') operation = 'updated';
  return { operation, change };
}

/** Adds what is missing of labels, assignees and reviewers; true when anything was written. */
async function addMissing(forge: Forge, wanted: WantedChangeRequest, change: ChangeRequest, askedBefore: readonly string[]): Promise<boolean> {
  const missing = (names: readonly string[], present: readonly string[]): string[] => {
    const have = new Set(present.map((name) => name.toLowerCase()));
    return names.filter((name) => !have.has(name.toLowerCase()));
  };
  const labels = missing(wanted.labels, change.labels);
  const assignees = missing(wanted.assignees, change.assignees);
  const reviewers = missing(wanted.reviewers, [...change.reviewers, ...askedBefore]);
  const teams = missing(wanted.teamReviewers, [...change.teamReviewers, ...askedBefore.filter((name) => name.startsWith('team:')).map((name) => name.slice(5))]);
  if (labels.length > 0) await forge.addLabels(change, labels);
  if (assignees.length > 0) await forge.addAssignees(change, assignees);
  if (reviewers.length > 0 || teams.length > 0) await forge.requestReviewers(change, reviewers, teams);
  return labels.length + assignees.length + reviewers.length + teams.length > 0;
}
