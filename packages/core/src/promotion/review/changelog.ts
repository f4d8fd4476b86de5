import { ForgeError } from '../../forge/errors';
import type { Comparison, ComparedCommit, Forge, ForgeKind } from '../../forge/forge';
import { markdownCode, markdownInline, markdownText } from '../../platform/markdown';
import { oneLine } from '../../text/one-line';

/**
 * "What the new version contains": the commits of the application repository between the value
 * the target environment runs and the promoted one, as a section of the change request's body.
 *
 * A value names a commit by one of two rules, in this order:
 * 1. a commit SHA inside it: a segment of 7 to 40 lower-case hex digits with at least one letter,
 *    after a `-` or as the whole value (`sha-1a2b3c4`, `1.4.2-1a2b3c4`, `main-1a2b3c4d`, a bare
 *    SHA); a pure number (`20240101`) is not one;
 * 2. else a git tag of the value's own name (`1.4.2`). A version that starts with a digit also
 *    stands for its `v` tag (`v1.4.2`), asked only when the first comparison finds no tag, so a
 *    changelog costs at most two requests.
 * An image value's digest (`1.4.2@sha256:…`) is left aside; a digest alone names no commit.
 */

export type ValueMode = 'image' | 'key';

/** The git ref a value names, or why it names none. */
export type ValueRef =
  | { kind: 'commit'; ref: string }
  | { kind: 'tag'; ref: string; /** The `v` tag a version also stands for. */ alternative?: string }
  | { kind: 'none'; reason: string };

const SHA_SEGMENT = /^(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;
const VERSION = /^\d+(?:\.\d+)*(?:[-+][0-9A-Za-z.+-]*)?$/;

/** The ref `value` names in the application repository (pure: no request). */
export function refOfValue(value: string, mode: ValueMode): ValueRef {
  const at = value.lastIndexOf('@');
  const withoutDigest = at >= 0 && DIGEST.test(value.slice(at + 1)) ? value.slice(0, at) : value;
  if (withoutDigest === '' || DIGEST.test(withoutDigest)) {
    return { kind: 'none', reason: `${markdownCode(value)} is a digest only: it names an image, not a commit` };
  }
  const sha = shaIn(withoutDigest);
  if (sha !== undefined) return { kind: 'commit', ref: sha };
  if (!isTagName(withoutDigest)) {
    const what = mode === 'key' ? 'is neither a git tag name nor carries a commit SHA' : 'cannot be a git tag name and carries no commit SHA';
    return { kind: 'none', reason: `${markdownCode(value)} ${what}` };
  }
  return VERSION.test(withoutDigest) ? { kind: 'tag', ref: withoutDigest, alternative: `v${withoutDigest}` } : { kind: 'tag', ref: withoutDigest };
}

/**
 * The last `-`-separated segment that is a commit SHA, or the whole value when it is one. After the
 * `sha-` prefix (docker/metadata-action's `type=sha`) a SHA of digits only counts too: elsewhere
 * `20240101` is a date, not a commit.
 */
function shaIn(tag: string): string | undefined {
  const prefixed = /^sha-([0-9a-f]{7,40})$/.exec(tag)?.[1];
  if (prefixed !== undefined) return prefixed;
  if (SHA_SEGMENT.test(tag)) return tag;
  const segments = tag.split('-').slice(1);
  return segments.reverse().find((segment) => SHA_SEGMENT.test(segment));
}

/** git check-ref-format's rules for refs/tags/<name>, for one name. */
function isTagName(name: string): boolean {
  if (name === '@' || name.length > 255) return false;
  if (/[\u0000-\u0020\u007f~^:?*[\\]|\.\.|@\{|\/\/|^[/.-]|[/.]$|\.lock$|\/\./.test(name)) return false;
  return !name.split('/').some((part) => part.endsWith('.lock'));
}

export interface ChangelogRequest {
  /** The application repository on the forge: `owner/app`, `group/sub/app`. */
  repository: string;
  /** The distinct values the target files hold now (several when they disagree). */
  previous: readonly string[];
  /** The promoted value. */
  value: string;
  mode: ValueMode;
}

/** What the section shows: a comparison, or one line why there is none. */
export type Changelog =
  | { kind: 'compared'; repository: string; forge: ForgeKind; from: string; to: string; comparison: Comparison }
  | { kind: 'unavailable'; reason: string };

/**
 * The comparison of the previous and the promoted value, in at most two requests (the second only
 * to try `v` tags). A forge failure is told, not thrown: the changelog informs a review, and the
 * promotion does not wait for the application repository.
 */
export async function loadChangelog(forge: Pick<Forge, 'kind' | 'compare'>, request: ChangelogRequest): Promise<Changelog> {
  const pair = refsToCompare(request);
  if ('reason' in pair) return { kind: 'unavailable', reason: pair.reason };
  const { from, to } = pair;
  const attempts = [[from.ref, to.ref] as const];
  const fromAlternative = from.kind === 'tag' ? from.alternative : undefined;
  const toAlternative = to.kind === 'tag' ? to.alternative : undefined;
  if (fromAlternative !== undefined || toAlternative !== undefined) attempts.push([fromAlternative ?? from.ref, toAlternative ?? to.ref]);
  try {
    for (const [base, head] of attempts) {
      const comparison = await forge.compare(request.repository, base, head);
      if (comparison) return { kind: 'compared', repository: request.repository, forge: forge.kind, from: base, to: head, comparison };
    }
  } catch (error) {
    if (!(error instanceof ForgeError)) throw error;
    return { kind: 'unavailable', reason: `Could not compare the two versions in ${markdownText(request.repository)}: ${markdownInline(oneLine(error.message, 300))}` };
  }
  const tried = attempts.map(([base, head]) => `${markdownCode(base)}…${markdownCode(head)}`).join(' or ');
  return {
    kind: 'unavailable',
    reason: `${tried} not found in ${markdownText(request.repository)}: a tag or commit is missing there, or the token cannot read the repository.`,
  };
}

type Mapped = Exclude<ValueRef, { kind: 'none' }>;

function refsToCompare(request: ChangelogRequest): { from: Mapped; to: Mapped } | { reason: string } {
  const [previous, ...others] = request.previous;
  if (previous === undefined) return { reason: 'The target files held no value before: there is no previous version to compare with.' };
  if (others.length > 0) {
    return { reason: `The target files hold several values (${request.previous.map(markdownCode).join(', ')}): there is no single previous version to compare with.` };
  }
  if (previous === request.value) return { reason: `${markdownCode(previous)} is already the previous value: nothing new to list.` };
  const from = refOfValue(previous, request.mode);
  const to = refOfValue(request.value, request.mode);
  if (from.kind === 'none') return { reason: `No changelog: the previous value ${from.reason}.` };
  if (to.kind === 'none') return { reason: `No changelog: ${to.reason}.` };
  if (from.ref === to.ref) {
    return { reason: `${markdownCode(previous)} and ${markdownCode(request.value)} both name ${markdownCode(to.ref)} in ${markdownText(request.repository)}: the image changed, its source did not.` };
  }
  return { from, to };
}

/** Subjects longer than this are cut: 20 of them stay a small part of the body's 65,536 characters. */
const SUBJECT_CHARACTERS = 200;

/**
 * The Markdown section: deterministic for the same comparison (no dates, a stable order). A
 * rollback names it for what it takes out instead (`heading`).
 */
export function renderChangelog(changelog: Changelog, value: string, heading = `### What ${markdownText(value)} contains`): string {
  if (changelog.kind === 'unavailable') return `${heading}\n\n${changelog.reason}\n`;
  const { comparison, from, to } = changelog;
  const repository = `[${markdownInline(changelog.repository)}](${linkTarget(comparison.repositoryUrl)})`;
  const full = linkTarget(comparison.webUrl);
  if (comparison.totalCommits === 0) {
    return `${heading}\n\n${markdownCode(to)} adds no commits to ${markdownCode(from)} in ${repository}: it is the same commit or an older one ([comparison](${full})).\n`;
  }
  const count = comparison.totalCommits === 1 ? '1 commit' : `${comparison.totalCommits} commits`;
  const lines = comparison.commits.map((commit) => commitLine(commit, changelog.forge, comparison.repositoryUrl));
  const more = comparison.totalCommits - comparison.commits.length;
  const footer = more > 0 ? `${more} more: see the [full comparison](${full}).` : `[Full comparison](${full})`;
  return [heading, '', `${count} in ${repository} from ${markdownCode(from)} to ${markdownCode(to)}, newest first:`, '', ...lines, '', footer, ''].join('\n');
}

function commitLine(commit: ComparedCommit, forge: ForgeKind, repositoryUrl: string): string {
  const author = commit.authorName === '' ? '' : ` — ${markdownInline(commit.authorName)}`;
  return `- [${markdownCode(commit.sha.slice(0, 7))}](${linkTarget(commit.url)}) ${linkedSubject(commit.subject, forge, repositoryUrl)}${author}`;
}

/** A URL as a link destination: the characters that would end it or break the line percent-encoded (a tag may hold parentheses). */
function linkTarget(url: string): string {
  return url.replace(/[\s()<>`\\]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * `#123` (GitHub: a pull request; GitLab: an issue) and `!123` (GitLab: a merge request) linked to
 * the application repository, where they belong: left alone, the forge would link them to the
 * environment repository's. A SHA-like word goes into code so it is not linked there either.
 */
const REFERENCE = /(?<![\w/&#!])([#!])(\d+)\b|\b(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}\b/g;

function linkedSubject(subject: string, forge: ForgeKind, repositoryUrl: string): string {
  const text = [...subject].length > SUBJECT_CHARACTERS ? `${[...subject].slice(0, SUBJECT_CHARACTERS - 1).join('')}…` : subject;
  let out = '';
  let at = 0;
  for (const match of text.matchAll(REFERENCE)) {
    const [whole, sigil, number] = match;
    const url = sigil === undefined || number === undefined ? undefined : referenceUrl(sigil, number, forge, repositoryUrl);
    if (sigil !== undefined && url === undefined) continue;
    out += markdownInline(text.slice(at, match.index)) + (url === undefined ? markdownCode(whole) : `[${sigil}${number}](${linkTarget(url)})`);
    at = match.index + whole.length;
  }
  return out + markdownInline(text.slice(at));
}

function referenceUrl(sigil: string, number: string, forge: ForgeKind, repositoryUrl: string): string | undefined {
  if (forge === 'github') return sigil === '#' ? `${repositoryUrl}/pull/${number}` : undefined;
  return `${repositoryUrl}/-/${sigil === '!' ? 'merge_requests' : 'issues'}/${number}`;
}
