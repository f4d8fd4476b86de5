import type { ChangeRequest, ChangeRequestDraft, Forge } from '../forge/forge';

/** What a step wants its change request to look like; ensureChangeRequest makes the forge agree. */
export interface WantedChangeRequest extends ChangeRequestDraft {
  /** Markdown; the marker saying whom was asked for review is appended here. */
  body: string;
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
 * The body's marker names a reviewer only once the forge accepted the request, so a request that
 * failed is made again by the next run. `opened` hears of the change request as soon as it exists.
 */
export async function ensureChangeRequest(
  forge: Forge,
  wanted: WantedChangeRequest,
  existing: ChangeRequest | undefined,
  branchMoved: boolean,
  log: (message: string) => void,
  opened: (change: ChangeRequest) => void = () => undefined,
): Promise<{ operation: ChangeOperation; change: ChangeRequest }> {
  const bodyWith = (names: ReadonlySet<string>): string => `${wanted.body.trimEnd()}\n\n${marker([...names].sort())}\n`;
  let operation: ChangeOperation = branchMoved ? 'updated' : 'unchanged';
  let change = existing;
  if (!change) {
    const made = await forge.create({ head: wanted.head, base: wanted.base, title: wanted.title, body: bodyWith(new Set()), draft: wanted.draft });
    change = made.change;
    opened(change);
    if (made.created) operation = 'created';
    log(made.created ? `Opened ${forge.noun} #${change.number}: ${change.url}` : `Another run opened ${forge.noun} #${change.number} first; using it.`);
  }
  const recorded = recordedRequests(wanted, change);
  const body = bodyWith(recorded);
  if (change.title !== wanted.title || change.body.trimEnd() !== body.trimEnd()) {
    change = await forge.update(change, { ...(change.title !== wanted.title ? { title: wanted.title } : {}), ...(change.body.trimEnd() !== body.trimEnd() ? { body } : {}) });
    if (operation === 'unchanged') operation = 'updated';
    log(`Updated the title and description of ${forge.noun} #${change.number}.`);
  }
  const requested = await addMissing(forge, wanted, change, [...recorded]);
  if (requested === undefined) return { operation, change };
  if (operation === 'unchanged') operation = 'updated';
  // Only now, with the forge's yes, is the request remembered in the body.
  for (const name of requested) recorded.add(name);
  const marked = bodyWith(recorded);
  if (change.body.trimEnd() !== marked.trimEnd()) change = await forge.update(change, { body: marked });
  return { operation, change };
}

/** The reviewers the marker keeps: asked by an earlier run, or shown by the forge as requested already. */
function recordedRequests(wanted: WantedChangeRequest, change: ChangeRequest): Set<string> {
  const shown = new Set([...change.reviewers, ...change.teamReviewers.map((team) => `team:${team}`)].map((name) => name.toLowerCase()));
  const asked = [...wanted.reviewers, ...wanted.teamReviewers.map((team) => `team:${team}`)];
  return new Set([...requestedBefore(change.body), ...asked.filter((name) => shown.has(name.toLowerCase()))]);
}

/**
 * Adds what is missing of labels, assignees and reviewers. undefined when nothing was written,
 * else the reviewers (teams as `team:slug`) the forge accepted a request for.
 */
async function addMissing(forge: Forge, wanted: WantedChangeRequest, change: ChangeRequest, askedBefore: readonly string[]): Promise<string[] | undefined> {
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
  if (labels.length + assignees.length + reviewers.length + teams.length === 0) return undefined;
  return [...reviewers, ...teams.map((team) => `team:${team}`)];
}
