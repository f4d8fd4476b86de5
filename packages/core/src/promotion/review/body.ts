/**
 * A change request's body within the forge's limit, with the review sections in the order a
 * reviewer reads them: what changes in the cluster, what the version contains, the evidence, what
 * stays behind. GitHub refuses a body over 65,536 characters (GitLab allows more; one limit
 * keeps both alike). The Argo CD diff is the one section that can be long: it is rendered last,
 * with what the others leave (see argocd-diff-section: it drops whole resources and says how many).
 */
export const BODY_LIMIT = 65_536;

/** Kept free for the marker ensureChangeRequest appends (whom review was requested from). */
const MARKER_RESERVE = 2_048;

export interface ReviewSections {
  /** The Argo CD diff, rendered within a character budget. */
  diff?: (budget: number) => string;
  changelog?: string;
  /** The changelog compared and links the full comparison (the plain compare link would repeat it). */
  compared?: boolean;
  evidence?: string;
  drift?: string;
}

/** `head`, the sections, then `footer`: within BODY_LIMIT, the diff taking whatever room is left. */
export function fitBody(head: string, review: ReviewSections, footer: string): string {
  const before = [head];
  const after = [review.changelog ?? '', review.evidence ?? '', review.drift ?? '', footer];
  const fixed = join([...before, ...after]);
  const room = BODY_LIMIT - MARKER_RESERVE - fixed.length - 4;
  const diff = review.diff && room > 0 ? review.diff(room) : '';
  return truncate(join([...before, diff, ...after]));
}

function join(parts: readonly string[]): string {
  return parts.map((part) => part.trim()).filter((part) => part !== '').join('\n\n');
}

/** The last guard (a long template or table): cut at a line end, saying so. */
function truncate(body: string): string {
  const limit = BODY_LIMIT - MARKER_RESERVE;
  if (body.length <= limit) return body;
  const note = '\n\n…(cut here: a description holds at most 65,536 characters)';
  const cut = body.lastIndexOf('\n', limit - note.length);
  return `${body.slice(0, cut > 0 ? cut : limit - note.length)}${note}`;
}
