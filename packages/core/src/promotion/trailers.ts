/**
 * Git trailers on every commit a step makes, so history says, to machines as much as to people,
 * which commits were promotions and rollbacks and what they set (`git log --format=%(trailers)`).
 * Keys are fixed; values are single lines (inputs are validated as such before they get here).
 */
export const TRAILER_PREFIX = 'Gitops-Promote-';

export interface StepRecord {
  step: string;
  /** The image name (image mode) or the key path (key mode). */
  image?: string;
  key?: string;
  /** What was set: `tag`, `@digest`, `tag@digest`, or the key's value. */
  value: string;
  /** What was there before, when it was one value (several distinct ones are listed comma-separated). */
  previous: readonly string[];
  environment?: string;
  /** Further `Gitops-Promote-<Name>` trailers, e.g. Rolled-Back-From. */
  extra?: Readonly<Record<string, string>>;
}

/** Whether a commit is one a run of `step` wrote: its trailers say so (a person's commit has none). */
export function writtenBy(step: string): (commit: { message: string }) => boolean {
  return (commit) => readTrailers(commit.message).get('Step') === step;
}

/** `message` with the record's trailers appended as its last paragraph. */
export function withTrailers(message: string, record: StepRecord): string {
  const lines = [`${TRAILER_PREFIX}Step: ${record.step}`];
  if (record.image !== undefined) lines.push(`${TRAILER_PREFIX}Image: ${record.image}`);
  if (record.key !== undefined) lines.push(`${TRAILER_PREFIX}Key: ${record.key}`);
  lines.push(`${TRAILER_PREFIX}Value: ${record.value}`);
  const previous = [...new Set(record.previous)].filter((value) => value !== record.value);
  if (previous.length > 0) lines.push(`${TRAILER_PREFIX}Previous: ${previous.join(', ')}`);
  if (record.environment) lines.push(`${TRAILER_PREFIX}Environment: ${record.environment}`);
  for (const [name, value] of Object.entries(record.extra ?? {})) lines.push(`${TRAILER_PREFIX}${name}: ${withoutLineBreaks(value)}`);
  return `${message.trimEnd()}\n\n${lines.map(withoutLineBreaks).join('\n')}\n`;
}

/** The `Gitops-Promote-*` trailers of a commit message (keys without the prefix), last paragraph only. */
export function readTrailers(message: string): Map<string, string> {
  const paragraphs = message.trimEnd().split(/\n\s*\n/);
  const last = paragraphs[paragraphs.length - 1] ?? '';
  const trailers = new Map<string, string>();
  for (const line of last.split('\n')) {
    const match = /^Gitops-Promote-([A-Za-z-]+):\s*(.*)$/.exec(line.trim());
    if (match?.[1] !== undefined && match[2] !== undefined) trailers.set(match[1], match[2]);
  }
  return trailers;
}

/** A trailer value stays one trailer: line breaks become spaces (values are validated single lines before; this is the guard). */
function withoutLineBreaks(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
