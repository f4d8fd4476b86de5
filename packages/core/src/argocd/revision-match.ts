/**
 * Answers "is `candidate` a descendant of `expected`?" from a git checkout: `true`/`false` when the
 * checkout knows both commits, `undefined` when it does not (yet). Never called with a branch name,
 * `HEAD` or a chart version: only with commit-like revisions.
 */
export type DescendantPredicate = (candidate: string, expected: string) => boolean | undefined;

export type RevisionMatch =
  /** The expected commit itself (an abbreviated expectation matches its full form). */
  | 'exact'
  /** A later commit that contains the expected one: others pushed after us, our change is in it. */
  | 'descendant'
  /** Not the expected commit, and (if there is a predicate) known not to contain it. */
  | 'other'
  /** A commit the predicate cannot place yet. */
  | 'unknown'
  /** No revision reported. */
  | 'absent';

export interface RevisionMatcher {
  classify(candidate: string | undefined): RevisionMatch;
  /** `exact` or `descendant`. */
  matches(candidate: string | undefined): candidate is string;
  /** Every candidate classified `unknown` so far, in first-seen order. */
  readonly unknown: string[];
}

const COMMIT = /^[0-9a-f]{7,64}$/i;

export function revisionMatcher(expected: string, isDescendant: DescendantPredicate | undefined): RevisionMatcher {
  const unknown: string[] = [];
  const classify = (candidate: string | undefined): RevisionMatch => {
    if (candidate === undefined || candidate === '') return 'absent';
    if (sameCommit(candidate, expected)) return 'exact';
    if (!isDescendant || !COMMIT.test(candidate) || !COMMIT.test(expected)) return 'other';
    const answer = isDescendant(candidate, expected);
    if (answer === undefined) {
      if (!unknown.includes(candidate)) unknown.push(candidate);
      return 'unknown';
    }
    return answer ? 'descendant' : 'other';
  };
  return {
    classify,
    matches: (candidate): candidate is string => {
      const match = classify(candidate);
      return match === 'exact' || match === 'descendant';
    },
    unknown,
  };
}

/** Case-insensitive; an abbreviated expected commit (7+ hex digits) matches the full one it starts. */
export function sameCommit(candidate: string, expected: string): boolean {
  const have = candidate.toLowerCase();
  const want = expected.toLowerCase();
  if (have === want) return true;
  return COMMIT.test(want) && COMMIT.test(have) && want.length < have.length && have.startsWith(want);
}
