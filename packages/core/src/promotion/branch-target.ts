import { GitError } from '../git/errors';
import { closestFirst } from '../text/closest';
import type { GitRepository } from '../git/git-repository';

// Kept importable from here, where they were first written.
export { closestFirst, editDistance } from '../text/closest';

/** The branch a step was told to write to does not exist on the remote, and creating it was not asked for. */
export class BranchNotFoundError extends GitError {}

/** How many of the remote's branches the error lists. */
const LISTED = 8;

/**
 * The one check every step makes before it writes to a branch: the branch must already exist on
 * the remote, because a typo (`mian`) would otherwise create a branch nobody deploys from while
 * the environment keeps running the old value, and the step would still exit 0. `create` (the
 * input `create-branch: true`) is the explicit way to make a new one. Fetches the branch and
 * returns its tip (undefined only with `create`); the remote's branches are listed only when it
 * is missing, so a run to an existing branch costs no extra round trip.
 */
export async function requireRemoteBranch(repo: GitRepository, remote: string, branch: string, create: boolean, info: (message: string) => void): Promise<string | undefined> {
  const tip = await repo.fetch(remote, branch);
  if (tip !== undefined) return tip;
  if (create) {
    info(`Branch ${branch} does not exist on ${remote}; create-branch is true, so the push creates it.`);
    return undefined;
  }
  const branches = await repo.remoteBranches(remote);
  const closest = closestFirst(branch, branches);
  const listed = closest.slice(0, LISTED).join(', ');
  const more = closest.length > LISTED ? ` and ${closest.length - LISTED} more` : '';
  throw new BranchNotFoundError(
    `Branch '${branch}' does not exist on ${remote}${branches.length > 0 ? `; its branches, closest first: ${listed}${more}` : ', which has no branch at all'}. Nothing was written.`,
    closest[0] !== undefined
      ? `Set branch to the branch your environment deploys from (e.g. branch: ${closest[0]}), or set create-branch: true to create '${branch}'.`
      : `Push a first commit to ${remote}, or set create-branch: true to create '${branch}'.`,
  );
}
