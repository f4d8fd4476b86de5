import { ManifestEditError } from '../manifest/errors';
import type { CommitInfo } from '../git/git-repository';
import { commitsOfFiles, rollbackMarks, valueAt, type FilesHistory, type HistoryRequest, type ValueAt } from './history';
import type { Hold } from './hold';
import { readTrailers } from './trailers';

/** What a rollback decided for one value. */
export interface RollbackDecision {
  /** The image name as given (or read), or the formatted key path. */
  name: string;
  /** What the files give the value now (its tag and digest, for the hold record). */
  now: ValueAt;
  from: string;
  to: string;
  /** The read site of `to` in history (its tag and digest); undefined for an explicit `to`. */
  at?: ValueAt;
  /** The commit `to` was read after, as people read it; undefined for an explicit `to`. */
  source?: string;
}

/**
 * The value now, and the one to return to: `to`, or the newest value in the files' history that
 * differs from now and that no rollback moved away from (so a second rollback goes further back).
 * A train is decided value by value with this same rule, so rolling back a train and rolling back
 * each of its values one at a time return the same values.
 */
export async function decideRollback(history: HistoryRequest, name: string, to: string | undefined, hold: Hold): Promise<RollbackDecision> {
  const now = await valueAt(history, { sha: history.rev, author: '', subject: '', message: '' });
  if (now.value === undefined) {
    throw new ManifestEditError(
      `${name} has no single value in ${history.files.join(', ')} at ${history.rev.slice(0, 12)}.`,
      'Check the image name or key, and that the files agree on one value (roll back each file on its own otherwise).',
    );
  }
  const from = now.value;
  if (to !== undefined) return { name, now, from, to };
  // Values a rollback moved away from are skipped: the hold's records and recent trailers (the whole
  // graph, so a rollback merged through a PR counts), and the trailers of every commit walked.
  const seen = new Map<string, ValueAt>();
  const candidate = async (commits: readonly CommitInfo[]): Promise<ValueAt | undefined> => {
    const marks = rollbackMarks(commits, history.target);
    for (const commit of commits) {
      const at = seen.get(commit.sha) ?? (await valueAt(history, commit));
      seen.set(commit.sha, at);
      if (at.value !== undefined && at.value !== from && !marks.has(at.value) && !hold.find(at.value)) return at;
    }
    return undefined;
  };
  // A shallow clone is deepened until a candidate shows up (or the bound); every rollback mark in
  // the commits read counts, so a value rolled back from is skipped wherever it reappears.
  let found: ValueAt | undefined;
  const commits = await commitsOfFiles(history, async (list) => (found = await candidate(list)) !== undefined);
  found ??= await candidate(commits);
  if (!found) {
    const marks = [...new Set([...rollbackMarks(commits, history.target).keys(), ...hold.records.map((record) => record.value), ...hold.trailerMarks.map((mark) => mark.value)])];
    throw new ManifestEditError(
      `Nothing to roll back to: the ${commits.length} commit(s) that changed ${history.files.join(', ')} hold no value of ${name} other than ${from}${marks.length > 0 ? ` and the rolled-back ${marks.join(', ')}` : ''}.`,
      "Give the value to return to in 'to' (one value at a time, with 'image' or 'key').",
    );
  }
  const trailers = readTrailers(found.commit.message);
  return { name, now, from, to: found.value ?? '', at: found, source: `${found.commit.sha.slice(0, 12)} ${trailers.get('Step') ? `(${trailers.get('Step')})` : `"${found.commit.subject}"`}` };
}

/**
 * How a rollback reads the hold: over the whole graph (a rollback merged through a PR counts) and
 * without deepening (the walk deepens as it needs); pass it to readHolds once for several values.
 */
export function holdHistory<T extends FilesHistory>(history: T): T {
  return { ...history, branch: undefined, firstParent: false };
}
