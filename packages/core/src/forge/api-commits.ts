import type { ApiCommitter } from '../git/api-committer';
import { BranchMovedError } from '../git/errors';
import { ForgeBranchMovedError, ForgeError } from './errors';
import type { Forge } from './forge';

/**
 * The git publishers' sign-commits hook, made by `forge`: a commit the forge refuses because the
 * branch moved or appeared meanwhile (a BranchMovedError) is a lost race, said in the log and
 * re-planned on the new tip like a rejected push.
 */
export function apiCommitterOf(forge: Forge, log: (message: string) => void): ApiCommitter {
  const commit = forge.commitThroughApi?.bind(forge);
  if (!commit) {
    throw new ForgeError(`sign-commits is not available on ${forge.kind}.`, 'Remove sign-commits, or sign commits with a key your CI holds and push them yourself.', 0);
  }
  return async (request) => {
    try {
      return await commit(request);
    } catch (error) {
      if (!(error instanceof ForgeBranchMovedError)) throw error;
      log(`The forge refused the branch update (${error.message}); reading the branch again.`);
      throw new BranchMovedError(error.message, error.hint, request.expectedHead);
    }
  };
}
