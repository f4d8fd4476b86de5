import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { GitopsPromoteError } from '../errors';
import { normalizeImageName } from '../manifest/image-reference';
import { formatKeyPath } from '../manifest/key-path';
import type { ReadTarget } from '../manifest/manifest-reader';
import type { GitRepository } from '../git/git-repository';
import { HISTORY_COMMITS, rollbackMarks, type HistoryRequest, type RollbackMark } from './history';
import type { FileWrite } from './publisher';

/**
 * The hold: a rollback keeps the value it moved away from from being set again in the files it
 * protects. Each rollback commit also writes a record into HOLD_FILE, at the environment
 * repository's root, in the same commit (a merged rollback PR brings it along), so the hold is one
 * read of one file at the branch tip, however old the rollback. Commits made before the file
 * existed are still honoured through their Rolled-Back-From trailers among the branch's last
 * HISTORY_COMMITS commits.
 *
 * The name: a dot-folder and no extension, so no renderer reads it as a manifest (Argo CD's
 * directory source reads *.yaml, *.yml, *.json and *.jsonnet; Kustomize reads only what a
 * kustomization lists; Helm reads templates/ and values files). The content is JSON.
 */
export const HOLD_FILE = '.gitops-promote/holds';

export interface HoldRecord {
  /** Stable per rollback (target, value, the commit it was decided on): finds the commit that added it. */
  id: string;
  /** Image mode: the image name as normalizeImageName spells it. */
  image?: string;
  /** Key mode: the key path. */
  key?: string;
  /** The files it protects, relative to the repository root (a prod rollback does not hold dev). */
  files: string[];
  /** What was rolled back from: `tag`, `@digest`, `tag@digest`, or the key's value. */
  value: string;
  tag?: string;
  digest?: string;
  /** What the rollback set instead. */
  to: string;
  reason: string;
  environment?: string;
  /** When the rollback was made (ISO 8601). */
  at: string;
}

interface HoldFile {
  version: 1;
  holds: HoldRecord[];
}

/** HOLD_FILE does not parse: the hold cannot be read, so nothing is promoted past it. */
export class HoldFileError extends GitopsPromoteError {}

/** A value a rollback moved the target away from, refused unless allow-rolled-back is set. */
export class RolledBackValueError extends GitopsPromoteError {}

/** What a read of the hold found for one target in some files. */
export interface Hold {
  /** The records of HOLD_FILE that protect these files from this target's values. */
  records: HoldRecord[];
  /** Trailer marks (rollbacks recorded before HOLD_FILE) among the recent commits. */
  trailerMarks: RollbackMark[];
  /** The record or mark that holds `value` back, if any. */
  find(value: string): { record?: HoldRecord; mark?: RollbackMark } | undefined;
}

/** The target as the hold keys it: what runs, not how it is spelled. */
function holdKey(target: ReadTarget): { image: string } | { key: string } {
  return target.mode === 'image' ? { image: normalizeImageName(target.name) } : { key: formatKeyPath(target.path) };
}

/**
 * Whether `value` is the held one: in key mode the same text; in image mode the same digest
 * (whatever the tag), or the same tag (a bad tag stays bad, whatever its digest).
 */
export function sameVersion(held: string, value: string, target: ReadTarget): boolean {
  if (target.mode === 'key') return held === value;
  const a = versionParts(held);
  const b = versionParts(value);
  return (a.digest !== undefined && a.digest === b.digest) || (a.tag !== undefined && a.tag === b.tag);
}

function versionParts(value: string): { tag?: string; digest?: string } {
  const at = value.indexOf('@');
  const tag = at < 0 ? value : value.slice(0, at);
  return { ...(tag !== '' ? { tag } : {}), ...(at >= 0 ? { digest: value.slice(at + 1) } : {}) };
}

export function parseHolds(text: string): HoldRecord[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw holdFileError(`it is not JSON (${(error as Error).message})`);
  }
  const holds = (parsed as Partial<HoldFile> | null)?.holds;
  if (!Array.isArray(holds) || !holds.every(isRecord)) throw holdFileError('it is not {"version": 1, "holds": [...]} with id, files, value, to, reason and at in each entry');
  return holds;
}

function isRecord(entry: unknown): entry is HoldRecord {
  if (typeof entry !== 'object' || entry === null) return false;
  const record = entry as Record<string, unknown>;
  const text = (name: string): boolean => typeof record[name] === 'string';
  return text('id') && text('value') && (text('image') || text('key')) && Array.isArray(record.files) && record.files.every((file) => typeof file === 'string');
}

function holdFileError(why: string): HoldFileError {
  return new HoldFileError(`${HOLD_FILE} cannot be read: ${why}.`, `Fix or delete the file on the environment branch (git log -p -- ${HOLD_FILE} shows what the rollbacks wrote).`);
}

export function formatHolds(records: readonly HoldRecord[]): string {
  return `${JSON.stringify({ version: 1, holds: [...records] } satisfies HoldFile, null, 2)}\n`;
}

function protects(record: HoldRecord, key: { image: string } | { key: string }, files: readonly string[]): boolean {
  const sameTarget = 'image' in key ? record.image !== undefined && normalizeImageName(record.image) === key.image : record.key === key.key;
  return sameTarget && record.files.some((file) => files.includes(file));
}

/** `files` (relative to the work tree) relative to the repository root, as records name them. */
async function rootPaths(repo: GitRepository, files: readonly string[]): Promise<string[]> {
  const prefix = await repo.prefix();
  return files.map((file) => path.posix.normalize(`${prefix}${file}`));
}

/**
 * Reads the hold at `request.rev` (the tip of the remote branch it protects, fetched by the
 * caller): one read of HOLD_FILE, plus the trailers of the last HISTORY_COMMITS commits (a bounded
 * window, so the cost does not grow with the history) for rollbacks recorded before the file.
 */
export async function readHold(request: HistoryRequest): Promise<Hold> {
  const [hold] = await readHolds(request, [request.target]);
  if (!hold) throw new Error('readHolds returns one hold per target');
  return hold;
}

/**
 * The hold of each of `targets` in the same files, from one read of HOLD_FILE and one walk of the
 * trailer window (a train of 100 values costs what one value does); `request.target` is ignored.
 */
export async function readHolds(request: Omit<HistoryRequest, 'target'>, targets: readonly ReadTarget[]): Promise<Hold[]> {
  const { repo } = request;
  const files = await rootPaths(repo, request.files);
  const text = await repo.rootFileAt(request.rev, HOLD_FILE);
  const all = text === undefined ? [] : parseHolds(text);
  await deepenWindow(request);
  const commits = targets.length > 0 ? await repo.recentCommitsTouching(request.rev, request.files, HISTORY_COMMITS) : [];
  const holds: Hold[] = [];
  // A train's rollback marks many targets in one commit: what it changed is asked once.
  const changed = new Map<string, Promise<string[]>>();
  const changedFiles = (sha: string): Promise<string[]> => {
    let paths = changed.get(sha);
    if (!paths) changed.set(sha, (paths = repo.changedFiles(sha)));
    return paths;
  };
  for (const target of targets) {
    const key = holdKey(target);
    const records = all.filter((record) => protects(record, key, files));
    const trailerMarks = await legacyMarks(changedFiles, [...rollbackMarks(commits, target).values()]);
    holds.push(holdOf(records, trailerMarks, target));
  }
  return holds;
}

function holdOf(records: HoldRecord[], trailerMarks: RollbackMark[], target: ReadTarget): Hold {
  return {
    records,
    trailerMarks,
    find(value) {
      const record = records.find((entry) => sameVersion(entry.value, value, target));
      if (record) return { record };
      const mark = trailerMarks.find((entry) => sameVersion(entry.value, value, target));
      return mark ? { mark } : undefined;
    },
  };
}

/**
 * The trailer marks of rollbacks that wrote no record: a rollback that did is held by its record
 * alone, so deleting the record (or allow-rolled-back retiring it) lifts the hold.
 */
async function legacyMarks(changedFiles: (sha: string) => Promise<string[]>, marks: readonly RollbackMark[]): Promise<RollbackMark[]> {
  const legacy: RollbackMark[] = [];
  for (const mark of marks) if (!(await changedFiles(mark.commit.sha)).includes(HOLD_FILE)) legacy.push(mark);
  return legacy;
}

/** A shallow clone is deepened once so the trailer window (the branch's last HISTORY_COMMITS commits) is there. */
async function deepenWindow(request: Omit<HistoryRequest, 'target'>): Promise<void> {
  const { repo } = request;
  if (request.branch === undefined || !(await repo.isShallow())) return;
  const have = await repo.countCommits(request.rev);
  if (have >= HISTORY_COMMITS) return;
  await repo.deepen(request.remote, request.branch, HISTORY_COMMITS - have);
  request.info(`The clone is shallow: fetched up to ${HISTORY_COMMITS - have} more commits of history to read the rollbacks recorded in commit trailers.`);
}

/**
 * The hold applied: refuses to set `value` when a rollback moved the target away from it, naming
 * the rollback commit and its reason; `allow` (allow-rolled-back) lifts it (the caller retires the
 * record in the commit that sets the value: see retireHold).
 */
export async function refuseRolledBack(request: HistoryRequest, value: string, allow: boolean): Promise<void> {
  await refuseRolledBackAll(request, [{ target: request.target, value }], allow);
}

/** One value a run sets, as the hold is asked about it. */
export interface WantedValue {
  target: ReadTarget;
  value: string;
}

/**
 * The hold applied to every value of a train, reading the hold file and the trailer window once:
 * the first held value is refused, named as for a single value.
 */
export async function refuseRolledBackAll(request: Omit<HistoryRequest, 'target'>, wanted: readonly WantedValue[], allow: boolean): Promise<void> {
  if (allow) return;
  const held = (await heldErrors(request, wanted)).find((error) => error !== undefined);
  if (held) throw held;
}

/** For each wanted value, the refusal the hold gives it (undefined: not held), from one read of the hold. */
export async function heldErrors(request: Omit<HistoryRequest, 'target'>, wanted: readonly WantedValue[]): Promise<Array<RolledBackValueError | undefined>> {
  if (wanted.length === 0) return [];
  const holds = await readHolds(request, wanted.map((value) => value.target));
  const errors: Array<RolledBackValueError | undefined> = [];
  for (const [index, { target, value }] of wanted.entries()) {
    const hold = holds[index];
    errors.push(hold ? await heldError({ ...request, target }, value, hold) : undefined);
  }
  return errors;
}

/**
 * The refusal of `value` when `hold` holds it back (undefined when it does not), naming the
 * rollback commit and its reason: thrown for one value, or, for a value of a train left out,
 * its message is the line that names it.
 */
export async function heldError(request: HistoryRequest, value: string, hold: Hold): Promise<RolledBackValueError | undefined> {
  const found = hold.find(value);
  if (!found) return undefined;
  const what = request.target.mode === 'image' ? request.target.name : formatKeyPath(request.target.path);
  const { record, mark } = found;
  // Only on refusal: the commit that wrote the record, so the message names it as before.
  const commit = record ? await request.repo.commitChanging(request.rev, HOLD_FILE, record.id) : mark?.commit;
  const reason = record?.reason ?? mark?.reason ?? '';
  const held = record?.value ?? mark?.value ?? value;
  const where = commit ? `in ${commit.sha.slice(0, 12)} ("${commit.subject}")` : `(${HOLD_FILE}, ${record?.at ?? ''})`;
  return new RolledBackValueError(
    `${what} ${value} was rolled back ${where}${held !== value ? ` as ${held}` : ''}${reason ? `, reason: ${reason}` : ''}; it is not set again.`,
    `Promote a newer version, or set allow-rolled-back: true to set this one anyway${record ? ` (or delete its entry from ${HOLD_FILE})` : ''}.`,
  );
}

/** One planned write of HOLD_FILE, shaped like the step's planned files so publishers commit it with them. */
export interface HoldWrite extends FileWrite {
  hold: true;
}

export function isHoldWrite(file: FileWrite): file is HoldWrite {
  return (file as Partial<HoldWrite>).hold === true;
}

/**
 * HOLD_FILE after `change`, read at `revision` (undefined: the work tree), as a write beside the
 * manifests; undefined when `change` leaves it as it is. `file` is relative to the work tree (as
 * the publishers take paths), so it climbs out of a `path` below the root.
 */
export async function holdWrite(repo: GitRepository, revision: string | undefined, change: (records: HoldRecord[]) => HoldRecord[]): Promise<HoldWrite | undefined> {
  const up = (await repo.prefix()).split('/').filter((part) => part !== '').length;
  const file = `${'../'.repeat(up)}${HOLD_FILE}`;
  const absolute = path.join(repo.workTree, file);
  const source = revision !== undefined ? ((await repo.rootFileAt(revision, HOLD_FILE)) ?? '') : await readFile(absolute, 'utf8').catch(() => '');
  const before = source === '' ? [] : parseHolds(source);
  const after = change(before);
  if (after.length === before.length && after.every((record, index) => record === before[index])) return undefined;
  return { hold: true, file, absolute, source, output: formatHolds(after) };
}

/** The record a rollback adds (replacing one with the same id, so a rerun writes the same bytes). */
export function addHold(record: HoldRecord): (records: HoldRecord[]) => HoldRecord[] {
  return (records) => {
    const existing = records.find((entry) => entry.id === record.id);
    return existing ? records : [...records, record];
  };
}

/** allow-rolled-back: the records holding `value` for this target and files are retired. */
export async function retireHold(repo: GitRepository, target: ReadTarget, files: readonly string[], value: string): Promise<(records: HoldRecord[]) => HoldRecord[]> {
  return retireHolds(repo, [{ target, value }], files);
}

/** allow-rolled-back for a train: the records holding any of the values, in these files, are retired. */
export async function retireHolds(repo: GitRepository, wanted: readonly WantedValue[], files: readonly string[]): Promise<(records: HoldRecord[]) => HoldRecord[]> {
  const roots = await rootPaths(repo, files);
  const keyed = wanted.map(({ target, value }) => ({ target, value, key: holdKey(target) }));
  return (records) => records.filter((record) => !keyed.some(({ target, value, key }) => protects(record, key, roots) && sameVersion(record.value, value, target)));
}

/** The record for a rollback of `target` in `files` from `value`, decided on commit `rev`. */
export async function holdRecord(
  repo: GitRepository,
  fields: { target: ReadTarget; files: readonly string[]; value: string; tag?: string; digest?: string; to: string; reason: string; environment?: string; rev: string; at: Date },
): Promise<HoldRecord> {
  const key = holdKey(fields.target);
  const files = await rootPaths(repo, fields.files);
  const id = createHash('sha256').update(JSON.stringify([key, files, fields.value, fields.rev])).digest('hex').slice(0, 16);
  return {
    id,
    ...key,
    files,
    value: fields.value,
    ...(fields.tag !== undefined ? { tag: fields.tag } : {}),
    ...(fields.digest !== undefined ? { digest: fields.digest } : {}),
    to: fields.to,
    reason: fields.reason,
    ...(fields.environment ? { environment: fields.environment } : {}),
    at: fields.at.toISOString(),
  };
}


/** The records of a rollback of several values (a train), added as addHold adds one. */
export function addHolds(records: readonly HoldRecord[]): (existing: HoldRecord[]) => HoldRecord[] {
  return (existing) => records.reduce((list, record) => addHold(record)(list), existing);
}
