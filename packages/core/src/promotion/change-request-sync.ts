import { deleteCreatedBranch, rereadChangeBranch, type ChangeBranchOutcome } from './change-branch';
import type { GitRepository } from '../git/git-repository';
import type { FileWrite } from './publisher';
import { ensureChangeRequest, type ChangeOperation, type WantedChangeRequest } from './change-request';
import type { ChangeRequest, Forge } from '../forge/forge';

/** A change branch just published (publishChangeBranch), and how to describe it as a change request. */
export interface ChangeRequestSync<T extends FileWrite> {
  forge: Forge;
  repo: GitRepository;
  remote: string;
  base: string;
  branch: string;
  outcome: ChangeBranchOutcome<T>;
  /** The change branch's plan: the edit as read at a revision (none left: it holds our values). */
  plan(revision: string): Promise<T[]>;
  /** The change request that describes the branch, from the edit as planned on it and its head commit. */
  wanted(planned: readonly T[], headSha: string): WantedChangeRequest | Promise<WantedChangeRequest>;
  /** What a branch whose edit reads `planned` holds, for messages ("ghcr.io/acme/app 3.0.1"). */
  describe(planned: readonly T[]): string;
  info(message: string): void;
  /** The notice of a superseded run (Platform has no notice level; a warning is what shows). */
  warning(message: string): void;
  /** Runs once the change request is current (auto-merge); a failure there counts like the forge's. */
  finish?(change: ChangeRequest, headSha: string): Promise<void>;
}

export type ChangeRequestSynced<T> =
  | { kind: 'base-holds'; existing: ChangeRequest | undefined; baseTip: string }
  /** Another run replaced the branch: `planned` read at `head` says what it holds; nothing was written. */
  | { kind: 'superseded'; change: ChangeRequest | undefined; headSha: string; planned: T[] }
  | { kind: 'ensured'; operation: ChangeOperation; change: ChangeRequest; headSha: string; planned: T[]; verified: boolean | undefined };

/**
 * Makes the change request describe what its branch holds. The branch is read again just before
 * the title and body are written: when another run replaced it with other values, this run writes
 * nothing and says it was superseded. When the forge fails after this run created the branch and
 * before any change request exists for it, the branch is deleted (with a lease on our commit), or
 * the error names it.
 */
export async function syncChangeRequest<T extends FileWrite>(sync: ChangeRequestSync<T>): Promise<ChangeRequestSynced<T>> {
  const { outcome } = sync;
  let opened = false;
  try {
    const existing = await sync.forge.findOpen(sync.branch, sync.base);
    opened = existing !== undefined;
    if (outcome.kind === 'base-holds') return { kind: 'base-holds', existing, baseTip: outcome.baseTip };
    const current = outcome.kind === 'superseded' ? outcome : await rereadChangeBranch(sync, outcome);
    if (current.kind === 'superseded') {
      sync.warning(
        `Superseded: ${sync.branch} was replaced while this run worked and holds ${sync.describe(current.planned)} at ${current.headSha.slice(0, 12)}; this run's change is not on it, and the ${sync.forge.noun} is left describing what the branch holds.`,
      );
      return { kind: 'superseded', change: existing, headSha: current.headSha, planned: current.planned };
    }
    const { operation, change } = await ensureChangeRequest(sync.forge, await sync.wanted(current.planned, current.headSha), existing, current.kind === 'pushed', sync.info, () => {
      opened = true;
    });
    await sync.finish?.(change, current.headSha);
    return { kind: 'ensured', operation, change, headSha: current.headSha, planned: current.planned, verified: current.kind === 'pushed' ? current.verified : undefined };
  } catch (error) {
    if (outcome.kind === 'pushed' && outcome.previousHead === undefined && !opened) await removeCreatedBranch(sync, outcome.headSha, error);
    throw error;
  }
}

/**
 * A branch no change request uses would wait for a person to find it; deleting it lets the next
 * run start over. When that fails too, the error says which branch was left behind.
 */
async function removeCreatedBranch<T extends FileWrite>(sync: ChangeRequestSync<T>, sha: string, error: unknown): Promise<void> {
  const failed = await deleteCreatedBranch(sync.repo, sync.remote, sync.branch, sha).catch((caught: unknown) => (caught instanceof Error ? caught.message : String(caught)));
  if (failed === undefined) {
    sync.info(`Deleted ${sync.branch} (${sha.slice(0, 12)}), which this run had created: no ${sync.forge.noun} was opened for it.`);
    return;
  }
  const note = ` The branch ${sync.branch} this run pushed (${sha.slice(0, 12)}) could not be deleted (${failed}); delete it unless a ${sync.forge.noun} is opened from it.`;
  // The forge's error stays the one reported (its class, status and hint); it gains the branch.
  if (error instanceof Error) error.message += note;
  else sync.warning(note.trim());
}
