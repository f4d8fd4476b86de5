import { GitopsPromoteError } from '../errors';
import { normalizeImageName } from '../manifest/image-reference';
import { formatKeyPath } from '../manifest/key-path';
import { readManifest, type ReadTarget, type ReadValue } from '../manifest/manifest-reader';
import type { CommitInfo, GitRepository } from '../git/git-repository';
import { readTrailers, valuesOfCommit } from './trailers';

/**
 * What the history of an environment's files says about one image or key: the value after each
 * commit (read from the files, so hand-made commits count as much as ours), and which values a
 * rollback moved away from (read from the trailers every step writes). Rollback walks it for its
 * target; update-manifest and open-promotion-pr consult it so a rolled-back value stays away.
 */
export interface HistoryRequest {
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
  target: ReadTarget;
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
  request: HistoryRequest,
  enough: (commits: readonly CommitInfo[]) => boolean | Promise<boolean>,
  maxDeepen = MAX_DEEPEN,
): Promise<CommitInfo[]> {
  const { repo } = request;
  let deepened = 0;
  for (;;) {
    const commits = await repo.commitsTouching(request.rev, request.files, HISTORY_COMMITS, request.firstParent);
    if ((await enough(commits)) || commits.length >= HISTORY_COMMITS || request.branch === undefined || !(await repo.isShallow())) return commits;
    if (deepened >= maxDeepen) {
      request.info(`The clone is shallow; ${maxDeepen} more commits of history were fetched, and the ${commits.length} among them that changed the files are what was read.`);
      return commits;
    }
    await repo.deepen(request.remote, request.branch, DEEPEN_STEP);
    deepened += DEEPEN_STEP;
    request.info(`The clone is shallow: fetched ${deepened} more commits of history.`);
  }
}

/** The value after `commit`, read from all the files at that commit. */
export async function valueAt(request: HistoryRequest, commit: CommitInfo): Promise<ValueAt> {
  const sites: ReadValue[] = [];
  for (const file of request.files) {
    const text = await request.repo.fileAt(commit.sha, file);
    if (text !== undefined) sites.push(...safeRead(text, file, request.target));
  }
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
