/**
 * Git trailers on every commit a step makes, so history says, to machines as much as to people,
 * which commits were promotions and rollbacks and what they set (`git log --format=%(trailers)`).
 * Keys are fixed; values are single lines (inputs are validated as such before they get here).
 *
 * A commit that sets one value names it in `Image`/`Key`, `Value` and `Previous` trailers. A commit
 * that sets several (a train) names each in its own `Gitops-Promote-Set` trailer (git trailers may
 * repeat a key), whose value is one line of JSON: `{"image":…,"value":…,"previous":[…]}` or
 * `{"key":…,…}`, with `rolledBackFrom` when a rollback moved it away from that value. JSON because
 * key paths and key values may hold spaces, `=` and commas; a train has no `Image`/`Key`/`Value`
 * trailers, so a reader of the one-value form never mistakes it for one.
 */
const TRAILER_PREFIX = 'Gitops-Promote-';

/** The trailer key (without the prefix) of one value of a train. */
const SET_TRAILER = 'Set';

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

/** One value a commit set: an image (by name as the input spelled it) or a key path. */
export interface ValueRecord {
  image?: string;
  key?: string;
  /** What was set: `tag`, `@digest`, `tag@digest`, or the key's value. */
  value: string;
  /** The distinct values it replaced (the value itself left out). */
  previous: readonly string[];
  /** A rollback: the value it moved away from (and now holds back). */
  rolledBackFrom?: string;
}

/** A commit that sets several values at once; with one value it is written as a StepRecord. */
export interface TrainRecord {
  step: string;
  values: readonly ValueRecord[];
  environment?: string;
  /** Further `Gitops-Promote-<Name>` trailers for the whole commit, e.g. Reason. */
  extra?: Readonly<Record<string, string>>;
}

/** Whether a commit is one a run of `step` wrote: its trailers say so (a person's commit has none). */
export function writtenBy(step: string): (commit: { message: string }) => boolean {
  return (commit) => readTrailers(commit.message).get('Step') === step;
}

/**
 * `message` with the record's trailers appended as its last paragraph. A train of one value is
 * written exactly as a one-value commit (its rollback mark as Rolled-Back-From/-To trailers).
 */
export function withTrailers(message: string, record: StepRecord | TrainRecord): string {
  if (!('values' in record)) return appendTrailers(message, singleTrailers(record));
  const [only, ...more] = record.values;
  if (only && more.length === 0) return appendTrailers(message, singleTrailers(singleOfTrain(record, only)));
  const lines = [`${TRAILER_PREFIX}Step: ${record.step}`];
  for (const value of record.values) lines.push(`${TRAILER_PREFIX}${SET_TRAILER}: ${JSON.stringify(setEntry(value))}`);
  if (record.environment) lines.push(`${TRAILER_PREFIX}Environment: ${record.environment}`);
  for (const [name, value] of Object.entries(record.extra ?? {})) lines.push(`${TRAILER_PREFIX}${name}: ${withoutLineBreaks(value)}`);
  return appendTrailers(message, lines);
}

function singleTrailers(record: StepRecord): string[] {
  const lines = [`${TRAILER_PREFIX}Step: ${record.step}`];
  if (record.image !== undefined) lines.push(`${TRAILER_PREFIX}Image: ${record.image}`);
  if (record.key !== undefined) lines.push(`${TRAILER_PREFIX}Key: ${record.key}`);
  lines.push(`${TRAILER_PREFIX}Value: ${record.value}`);
  const previous = [...new Set(record.previous)].filter((value) => value !== record.value);
  if (previous.length > 0) lines.push(`${TRAILER_PREFIX}Previous: ${previous.join(', ')}`);
  if (record.environment) lines.push(`${TRAILER_PREFIX}Environment: ${record.environment}`);
  for (const [name, value] of Object.entries(record.extra ?? {})) lines.push(`${TRAILER_PREFIX}${name}: ${withoutLineBreaks(value)}`);
  return lines;
}

function singleOfTrain(train: TrainRecord, value: ValueRecord): StepRecord {
  const rollback: Record<string, string> = value.rolledBackFrom !== undefined ? { 'Rolled-Back-From': value.rolledBackFrom, 'Rolled-Back-To': value.value } : {};
  return {
    step: train.step,
    ...(value.image !== undefined ? { image: value.image } : {}),
    ...(value.key !== undefined ? { key: value.key } : {}),
    value: value.value,
    previous: value.previous,
    ...(train.environment ? { environment: train.environment } : {}),
    extra: { ...rollback, ...train.extra },
  };
}

/** A train entry as written: fixed field order, previous values distinct and without the value. */
function setEntry(value: ValueRecord): ValueRecord {
  return {
    ...(value.image !== undefined ? { image: value.image } : {}),
    ...(value.key !== undefined ? { key: value.key } : {}),
    value: value.value,
    previous: [...new Set(value.previous)].filter((previous) => previous !== value.value),
    ...(value.rolledBackFrom !== undefined ? { rolledBackFrom: value.rolledBackFrom } : {}),
  };
}

function appendTrailers(message: string, lines: readonly string[]): string {
  return `${message.trimEnd()}\n\n${lines.map(withoutLineBreaks).join('\n')}\n`;
}

/** The `Gitops-Promote-*` trailers of a commit message (keys without the prefix), last paragraph only; a repeated key gives its last value. */
export function readTrailers(message: string): Map<string, string> {
  return new Map(readTrailerList(message));
}

/** Every `Gitops-Promote-*` trailer of the last paragraph, in order, repeated keys included. */
function readTrailerList(message: string): Array<[string, string]> {
  const paragraphs = message.trimEnd().split(/\n\s*\n/);
  const last = paragraphs[paragraphs.length - 1] ?? '';
  const trailers: Array<[string, string]> = [];
  for (const line of last.split('\n')) {
    const match = /^Gitops-Promote-([A-Za-z-]+):\s*(.*)$/.exec(line.trim());
    if (match?.[1] !== undefined && match[2] !== undefined) trailers.push([match[1], match[2]]);
  }
  return trailers;
}

/**
 * Every value a commit's trailers say it set, in either form: the `Set` entries of a train, or the
 * one value of `Image`/`Key` + `Value` (+ `Previous`, `Rolled-Back-From`). Empty for a commit no
 * step wrote; a malformed `Set` entry (edited by hand) is skipped.
 */
export function valuesOfCommit(message: string): ValueRecord[] {
  const list = readTrailerList(message);
  const sets = list.filter(([name]) => name === SET_TRAILER).map(([, value]) => parseSetEntry(value));
  if (sets.length > 0) return sets.filter((entry): entry is ValueRecord => entry !== undefined);
  const trailers = new Map(list);
  const image = trailers.get('Image');
  const key = trailers.get('Key');
  const value = trailers.get('Value');
  if (value === undefined || (image === undefined && key === undefined)) return [];
  const previous = trailers.get('Previous');
  const from = trailers.get('Rolled-Back-From');
  return [
    {
      ...(image !== undefined ? { image } : {}),
      ...(key !== undefined ? { key } : {}),
      value,
      previous: previous !== undefined && previous !== '' ? previous.split(', ') : [],
      ...(from !== undefined ? { rolledBackFrom: from } : {}),
    },
  ];
}

function parseSetEntry(text: string): ValueRecord | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object') return undefined;
  const entry = parsed as Record<string, unknown>;
  const image = typeof entry.image === 'string' ? entry.image : undefined;
  const key = typeof entry.key === 'string' ? entry.key : undefined;
  if (typeof entry.value !== 'string' || (image === undefined) === (key === undefined)) return undefined;
  const previous = Array.isArray(entry.previous) ? entry.previous.filter((item): item is string => typeof item === 'string') : [];
  return {
    ...(image !== undefined ? { image } : { key: key ?? '' }),
    value: entry.value,
    previous,
    ...(typeof entry.rolledBackFrom === 'string' ? { rolledBackFrom: entry.rolledBackFrom } : {}),
  };
}

/** A trailer value stays one trailer: line breaks become spaces (values are validated single lines before; this is the guard). */
function withoutLineBreaks(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
