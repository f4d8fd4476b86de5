import { GitopsPromoteError } from '../errors';
import { normalizeImageName } from '../manifest/image-reference';
import { formatKeyPath } from '../manifest/key-path';
import { readImages, readManifest, type FileText, type ReadTarget, type ReadValue, type ValueSites } from '../manifest/manifest-reader';
import { parseKeyPath } from '../manifest/key-path';
import type { CommitInfo, GitRepository } from '../git/git-repository';
import { readTrailers, valuesOfCommit } from './trailers';

/**
 * What the history of an environment's files says about one image or key: the value after each
 * commit (read from the files, so hand-made commits count as much as ours), and which values a
 * rollback moved away from (read from the trailers every step writes). Rollback walks it for its
 * target; update-manifest and open-promotion-pr consult it so a rolled-back value stays away.
 */
export interface HistoryRequest extends FilesHistory {
  target: ReadTarget;
}

/** The history of the files alone, whatever value is read from it. */
export interface FilesHistory {
  repo: GitRepository;
  remote: string;
  /** The branch to deepen a shallow clone along; undefined leaves the clone as it is. */
  branch: string | undefined;
  rev: string;
  /** The target files, relative to the repository's work tree (as GitRepository takes paths). */
  files: readonly string[];
  /**
   * Walk only the branch's own line (first parents): what the branch ran, one state after another,
   * so a merge that brought a value is one step. Rollback's search sets it.
   */
  firstParent?: boolean;
  /**
   * The files' texts read so far, by commit and file: a rollback of several values reads the same
   * commits once per value, and without it each read is a git process (values × commits × files).
   */
  texts?: Map<string, string>;
  /** The commit lists commitsOfFiles read, by revision: the same for every value (cleared when the clone is deepened). */
  commitLists?: Map<string, CommitInfo[]>;
  info(message: string): void;
}

/** The value the files give the target after one commit; undefined when they disagree or give none. */
export interface ValueAt {
  commit: CommitInfo;
  value: string | undefined;
  site: ReadValue | undefined;
}

export interface RollbackMark {
  value: string;
  commit: CommitInfo;
  reason: string;
}

/** At most this many commits of the files' history are read (the hold's trailer window: the branch's last this many commits). */
export const HISTORY_COMMITS = 200;
/** A shallow clone is deepened this many commits at a time, up to MAX_DEEPEN (rollback's search). */
const DEEPEN_STEP = 100;
const MAX_DEEPEN = 1000;

/**
 * The commits that changed the files, newest first, with `enough` deciding when to stop: a
 * shallow clone is deepened (git fetch --deepen) until `enough` is satisfied, the history is
 * whole, or MAX_DEEPEN commits were fetched, which is then said in the log.
 */
export async function commitsOfFiles(
  request: FilesHistory,
  enough: (commits: readonly CommitInfo[]) => boolean | Promise<boolean>,
  maxDeepen = MAX_DEEPEN,
): Promise<CommitInfo[]> {
  const { repo } = request;
  let deepened = 0;
  for (;;) {
    const key = `${request.rev}:${request.firstParent === true}`;
    const commits = request.commitLists?.get(key) ?? (await repo.commitsTouching(request.rev, request.files, HISTORY_COMMITS, request.firstParent));
    request.commitLists?.set(key, commits);
    if ((await enough(commits)) || commits.length >= HISTORY_COMMITS || request.branch === undefined || !(await repo.isShallow())) return commits;
    if (deepened >= maxDeepen) {
      request.info(`The clone is shallow; ${maxDeepen} more commits of history were fetched, and the ${commits.length} among them that changed the files are what was read.`);
      return commits;
    }
    await repo.deepen(request.remote, request.branch, DEEPEN_STEP);
    request.commitLists?.clear();
    deepened += DEEPEN_STEP;
    request.info(`The clone is shallow: fetched ${deepened} more commits of history.`);
  }
}

/** The value after `commit`, read from all the files at that commit. */
export async function valueAt(request: HistoryRequest, commit: CommitInfo): Promise<ValueAt> {
  const sites = await sitesAt(request, commit.sha, request.target);
  const values = new Set(sites.map((site) => site.value));
  const [only] = values;
  return values.size === 1 && only !== undefined && only !== '' ? { commit, value: only, site: sites[0] } : { commit, value: undefined, site: undefined };
}

/** A file that no longer parses at an old commit gives no value there, rather than failing the walk. */
function safeRead(text: string, file: string, target: ReadTarget): ReadValue[] {
  try {
    return readManifest(text, file, target);
  } catch (error) {
    if (error instanceof GitopsPromoteError) return [];
    throw error;
  }
}

/**
 * The values rollbacks of this target moved away from, newest rollback first: a one-value
 * rollback's Rolled-Back-From trailer, or the `rolledBackFrom` of the target's entry in a train's.
 */
export function rollbackMarks(commits: readonly CommitInfo[], target: ReadTarget): Map<string, RollbackMark> {
  const marks = new Map<string, RollbackMark>();
  for (const commit of commits) {
    const trailers = readTrailers(commit.message);
    for (const from of rolledBackFrom(commit.message, trailers, target)) {
      if (!marks.has(from)) marks.set(from, { value: from, commit, reason: trailers.get('Reason') ?? '' });
    }
  }
  return marks;
}

/** What one commit rolled `target` back from, in either trailer form. */
function rolledBackFrom(message: string, trailers: ReadonlyMap<string, string>, target: ReadTarget): string[] {
  if (!trailers.has('Set')) {
    // The one-value form, read as it always was (a Value trailer is not required).
    const from = trailers.get('Rolled-Back-From');
    return from !== undefined && sameTarget({ image: trailers.get('Image'), key: trailers.get('Key') }, target) ? [from] : [];
  }
  return valuesOfCommit(message)
    .filter((value) => value.rolledBackFrom !== undefined && sameTarget(value, target))
    .map((value) => value.rolledBackFrom ?? '');
}

/** The trailer names the image as that run's input spelled it; what runs is compared. */
function sameTarget(named: { image?: string | undefined; key?: string | undefined }, target: ReadTarget): boolean {
  if (target.mode === 'key') return named.key === formatKeyPath(target.path);
  return named.image !== undefined && normalizeImageName(named.image) === normalizeImageName(target.name);
}

/** The newest commit that changed values in the files, and the values it changed. */
export interface ValueChangeCommit {
  commit: CommitInfo;
  /** Each value it changed, once (an image by the name its trailer or the manifests give it). */
  targets: ReadTarget[];
}

/**
 * The newest commit (along `request.firstParent`) that changed any value in the files: what a
 * rollback of the whole train undoes. A commit a step wrote names its values in its trailers (one
 * or a train); a person's commit is read by comparing the images at it and at its parent. Either
 * way only values whose reading in the files differs from the parent's count, so a commit that
 * only scaled replicas, or whose trailers name values of other files, is passed over.
 */
export async function newestValueChange(request: FilesHistory): Promise<ValueChangeCommit | undefined> {
  let found: ValueChangeCommit | undefined;
  const read = new Set<string>();
  const enough = async (commits: readonly CommitInfo[]): Promise<boolean> => {
    for (const commit of commits) {
      if (read.has(commit.sha)) continue;
      // At a shallow clone's boundary the parent is not there, and every value would read as new:
      // deepen first (returning false asks commitsOfFiles for more), and read the commit again then.
      if (await beyondShallowBoundary(request, commit)) return false;
      read.add(commit.sha);
      const targets = await valuesChangedBy(request, commit);
      if (targets.length > 0) {
        found = { commit, targets };
        return true;
      }
    }
    return false;
  };
  // commitsOfFiles asks `enough` of every list it reads, the last one included.
  await commitsOfFiles(request, enough);
  return found;
}

/** Whether `commit`'s parent is cut off by a shallow clone that may still be deepened (a root commit has none to fetch). */
async function beyondShallowBoundary(request: FilesHistory, commit: CommitInfo): Promise<boolean> {
  if (request.branch === undefined || (await request.repo.hasCommit(`${commit.sha}^`))) return false;
  return request.repo.isShallow();
}

/**
 * The values `commit` changed in the files, compared with its first parent. Each side is read
 * once for every image (readImages: one pass per file), not once per value, so a train of N
 * images in N files costs N reads per side rather than N².
 */
async function valuesChangedBy(request: FilesHistory, commit: CommitInfo): Promise<ReadTarget[]> {
  const parent = `${commit.sha}^`;
  const afterTexts = await textsAt(request, commit.sha);
  const beforeTexts = await textsAt(request, parent);
  const after = readImages(afterTexts);
  const before = readImages(beforeTexts);
  const named = namedTargets(commit.message);
  if (named.length > 0) {
    const changed: ReadTarget[] = [];
    for (const target of named) {
      const listed = target.mode === 'image' && (after.has(target.name) || before.has(target.name));
      const [now, then] = listed ? [after.get(target.name)?.sites ?? [], before.get(target.name)?.sites ?? []] : [readSites(afterTexts, target), readSites(beforeTexts, target)];
      if (distinctValues(now) !== distinctValues(then)) changed.push(target);
    }
    return changed;
  }
  const sameSites = new Set<string>();
  const changed: ReadTarget[] = [];
  for (const [name, sites] of after) {
    if (distinctValues(sites.sites) === distinctValues(before.get(name)?.sites ?? [])) continue;
    // A Kustomize entry answers to its name and its newName: one place, rolled back once.
    const where = placesOf(sites);
    if (sameSites.has(where)) continue;
    sameSites.add(where);
    changed.push({ mode: 'image', name });
  }
  return changed;
}

/**
 * The sites of a target read file by file: a key, or an image name readImages does not list (the
 * editor also answers to a Helm map's `repository` without its `registry`).
 */
function readSites(texts: ReadonlyArray<{ file: string; source: string }>, target: ReadTarget): ReadValue[] {
  return texts.flatMap(({ file, source }) => (source === '' ? [] : safeRead(source, file, target)));
}

/** The values a commit's trailers name (either form), as read targets, each once. */
function namedTargets(message: string): ReadTarget[] {
  const targets = new Map<string, ReadTarget>();
  for (const value of valuesOfCommit(message)) {
    if (value.image !== undefined) targets.set(`image:${normalizeImageName(value.image)}`, { mode: 'image', name: value.image });
    else if (value.key !== undefined) {
      const path = keyPathOf(value.key);
      if (path) targets.set(`key:${formatKeyPath(path)}`, { mode: 'key', path });
    }
  }
  return [...targets.values()];
}

/** A trailer's key path; undefined for one edited by hand into something that no longer parses. */
function keyPathOf(text: string): ReturnType<typeof parseKeyPath> | undefined {
  try {
    return parseKeyPath(text);
  } catch (error) {
    if (error instanceof GitopsPromoteError) return undefined;
    throw error;
  }
}

async function sitesAt(request: FilesHistory, rev: string, target: ReadTarget): Promise<ReadValue[]> {
  const sites: ReadValue[] = [];
  for (const { file, source } of await textsAt(request, rev)) if (source !== '') sites.push(...safeRead(source, file, target));
  return sites;
}

/**
 * The files' texts at `rev` (a commit id or `<id>^`: both name fixed content; '' for a file it
 * lacks, or a parent a root commit does not have): those the request's cache lacks are read in one
 * git process. A missing file is not cached: deepening a shallow clone may bring it.
 */
async function textsAt(request: FilesHistory, rev: string): Promise<FileText[]> {
  const key = (file: string): string => `${rev}:${file}`;
  const missing = request.files.filter((file) => request.texts?.get(key(file)) === undefined);
  const read = missing.length > 0 ? await request.repo.filesAt(rev, missing) : new Map<string, string | undefined>();
  return request.files.map((file) => {
    const text = request.texts?.get(key(file)) ?? read.get(file);
    if (text !== undefined) request.texts?.set(key(file), text);
    return { file, source: text ?? '' };
  });
}

function distinctValues(sites: readonly ReadValue[]): string {
  return JSON.stringify([...new Set(sites.map((site) => site.value))].sort());
}

function placesOf(sites: ValueSites): string {
  return JSON.stringify(sites.sites.map((site) => `${site.file}:${site.line}:${site.path}`).sort());
}

/** The targets the files do not set anywhere at `request.rev`. */
export async function unsetTargets(request: FilesHistory, targets: readonly ReadTarget[]): Promise<ReadTarget[]> {
  const missing: ReadTarget[] = [];
  for (const target of targets) if ((await sitesAt(request, request.rev, target)).length === 0) missing.push(target);
  return missing;
}

/** The image names the files reference at `request.rev`, for an error naming what is there. */
export async function imagesAt(request: FilesHistory): Promise<string[]> {
  return [...readImages(await textsAt(request, request.rev)).keys()].sort();
}
