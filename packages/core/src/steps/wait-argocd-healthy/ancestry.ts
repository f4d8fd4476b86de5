import { short } from '../../argocd/sources';
import { fileNotHoldingChange } from '../../git/change-held';
import type { GitRepository } from '../../git/git-repository';

/**
 * Which commits run the awaited one, placed with the checkout (`path`): a commit runs it when it
 * descends from it and still holds its change (a later revert does not run it). Each pair is
 * decided once; an unknown pair stays undecided (the assessment then waits).
 */
export class Ancestry {
  private readonly decided = new Map<string, boolean>();

  constructor(
    private readonly repo: GitRepository,
    private readonly info: (line: string) => void,
  ) {}

  /** Whether `candidate` runs `expected`; undefined until `place` decided it. */
  runs(candidate: string, expected: string): boolean | undefined {
    return this.decided.get(`${candidate}..${expected}`);
  }

  /** Decides whether `candidate` runs `expected`, fetching once when the checkout lacks either. */
  async place(candidate: string, expected: string): Promise<void> {
    const key = `${candidate}..${expected}`;
    const repo = this.repo;
    if (this.decided.has(key)) return;
    const known = async (): Promise<boolean> => (await repo.hasCommit(candidate)) && (await repo.hasCommit(expected));
    if (!(await known())) await repo.fetchAll('origin').catch(() => undefined);
    if (!(await known())) return;
    if (!(await repo.isAncestor(expected, candidate))) {
      this.decided.set(key, false);
      return;
    }
    const undone = await fileNotHoldingChange(repo, expected, candidate);
    if (undone !== undefined) {
      this.info(`${short(candidate)} descends from ${short(expected)} but no longer holds its change to ${undone} (reverted or overwritten): it does not count as running ${short(expected)}.`);
    }
    this.decided.set(key, undone === undefined);
  }
}
