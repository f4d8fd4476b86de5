import type { ResourceChange, ResourceDiff, ResourceId } from '../../argocd/resource-diff';
import { markdownCode, markdownText } from '../../platform/markdown';
import { escapeControls } from '../../text/neutralise';

/**
 * The promotion body's "What Argo CD will change" section: per target Application, the resources
 * Argo CD renders differently for the promotion's head than what runs now, each a unified diff in
 * a `<details>` block (open when short). Pure and deterministic, so an unchanged rerun writes the
 * same text and makes no forge write.
 */

export interface AppDiffReport {
  /** The Application as the user named it (`name` or `namespace/name`). */
  application: string;
  /** The revision Argo CD rendered (the manifests answer's `revision`). */
  revision?: string;
  /** The diff, or why it could not be made (a one-line, already redacted reason). */
  outcome: { diff: ResourceDiff } | { error: string };
  /** Where every resource can be seen: a URL (linked), or a text such as a command (shown as code). */
  seeAll: string;
}

export interface ArgoCdDiffSectionOptions {
  environment: string;
  apps: readonly AppDiffReport[];
  /** The most characters the section may take; whole resources are dropped from the end to fit. */
  budget: number;
}

/** A diff this short is shown open; a longer one collapsed. */
const OPEN_LINES = 30;
/** A single diff is cut here, so one huge ConfigMap cannot take the whole budget from the rest. */
const MAX_DIFF_LINES = 300;
/** Masked Secrets named at most, per app. */
const MAX_MASKED_NAMES = 10;

interface AppBlocks {
  head: string;
  resources: string[];
  tail: string[];
  seeAll: string;
}

/**
 * The section, at most `budget` characters when whole resources can be dropped to fit (the
 * heading and one line per app are always kept). Dropped resources are counted per app in
 * "N more resources changed: see …".
 */
export function argoCdDiffSection({ environment, apps, budget }: ArgoCdDiffSectionOptions): string {
  const heading = `### What Argo CD will change in ${markdownText(environment)}`;
  const blocks = apps.map(appBlocks);
  const total = blocks.reduce((sum, app) => sum + app.resources.length, 0);
  // Fewer and fewer resources, dropped from the end, until the section fits. Lengths are summed
  // without joining, so 500 resources of 300-line diffs cost milliseconds, not seconds.
  let kept = total;
  let parts = layout(heading, blocks, kept);
  while (kept > 0 && joinedLength(parts) > budget) {
    kept -= 1;
    parts = layout(heading, blocks, kept);
  }
  return `${parts.join('\n\n')}\n`;
}

/** The length of `parts.join('\n\n') + '\n'`. */
function joinedLength(parts: readonly string[]): number {
  return parts.reduce((sum, part) => sum + part.length + 2, 0) - 1;
}

/** The section's paragraphs with the first `kept` resources (in app order) and a count of the rest per app. */
function layout(heading: string, blocks: readonly AppBlocks[], kept: number): string[] {
  const parts = [heading];
  let left = kept;
  for (const app of blocks) {
    const shown = app.resources.slice(0, Math.max(0, left));
    left -= shown.length;
    const dropped = app.resources.length - shown.length;
    parts.push(app.head, ...shown);
    if (dropped > 0) parts.push(`${dropped} more ${dropped === 1 ? 'resource' : 'resources'} changed: see ${where(app.seeAll)}.`);
    parts.push(...app.tail);
  }
  return parts;
}

function appBlocks(app: AppDiffReport): AppBlocks {
  const name = `${markdownCode(app.application)}${app.revision ? ` at ${markdownCode(shortRevision(app.revision))}` : ''}`;
  if ('error' in app.outcome) {
    return { head: `${name}: Argo CD's diff is not available: ${markdownCode(app.outcome.error)}.`, resources: [], tail: [], seeAll: app.seeAll };
  }
  const { changes, maskedSecrets } = app.outcome.diff;
  const tail = maskedSecrets.length > 0 ? [maskedLine(maskedSecrets)] : [];
  if (changes.length === 0) return { head: `${name}: Argo CD renders the same resources as the application runs now.`, resources: [], tail, seeAll: app.seeAll };
  return { head: `${name}: ${counts(changes)}.`, resources: changes.map((change) => resourceBlock(change, app.seeAll)), tail, seeAll: app.seeAll };
}

function shortRevision(revision: string): string {
  return /^[0-9a-f]{40}$/.test(revision) ? revision.slice(0, 12) : revision;
}

function counts(changes: readonly ResourceChange[]): string {
  const count = (kind: ResourceChange['change']): number => changes.filter((change) => change.change === kind).length;
  return `${count('changed')} changed, ${count('added')} added, ${count('removed')} removed`;
}

function maskedLine(secrets: readonly ResourceId[]): string {
  const names = secrets.slice(0, MAX_MASKED_NAMES).map((secret) => markdownCode(qualifiedName(secret)));
  const more = secrets.length > MAX_MASKED_NAMES ? ` and ${secrets.length - MAX_MASKED_NAMES} more` : '';
  return `Secrets whose keys are unchanged but whose values Argo CD masks, so they may have changed: ${names.join(', ')}${more}.`;
}

function qualifiedName(id: ResourceId): string {
  return id.namespace ? `${id.namespace}/${id.name}` : id.name;
}

function resourceBlock(change: ResourceChange, seeAll: string): string {
  const lines = change.diff === '' ? [] : change.diff.split('\n');
  const open = lines.length <= OPEN_LINES ? ' open' : '';
  const summary = `<code>${html(`${change.kind} ${qualifiedName(change)}`)}</code> ${change.change}`;
  const body = [secretLine(change), diffBlock(lines, seeAll)].filter((part) => part !== '');
  return [`<details${open}><summary>${summary}</summary>`, ...body, '</details>'].join('\n\n');
}

/** A Secret's keys that change, never a value. */
function secretLine(change: ResourceChange): string {
  if (!change.secretKeys) return '';
  const keys = change.secretKeys.map((key) => `${markdownCode(key.key)} ${key.change}`);
  const unverified = change.unverifiedSecretKeys ?? [];
  const masked = unverified.length > 0 ? `${keys.length > 0 ? '; ' : ''}values Argo CD masks, which may have changed: ${unverified.map(markdownCode).join(', ')}` : '';
  return `Secret keys (values are never shown): ${keys.join(', ')}${masked}.`;
}

/** A ```diff block whose fence no line of the diff can close, cut at {@link MAX_DIFF_LINES}. */
function diffBlock(lines: readonly string[], seeAll: string): string {
  if (lines.length === 0) return '';
  const shown = escapeControls(lines.slice(0, MAX_DIFF_LINES).join('\n'));
  const longestRun = Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  const cut = lines.length > MAX_DIFF_LINES ? `\n\n${lines.length - MAX_DIFF_LINES} more lines of this diff: see ${where(seeAll)}.` : '';
  return `${fence}diff\n${shown}\n${fence}${cut}`;
}

/** A URL as an autolink (characters that would end one percent-encoded), anything else as code. */
function where(seeAll: string): string {
  if (!/^https?:\/\/\S+$/.test(seeAll)) return markdownCode(seeAll);
  return `<${seeAll.replace(/[<>"`\\]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}>`;
}

/** Text for inside an HTML element: GitHub renders the `<summary>` line as HTML, not Markdown. */
function html(text: string): string {
  const escaped = escapeControls(text, { newlines: false });
  return escaped.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
