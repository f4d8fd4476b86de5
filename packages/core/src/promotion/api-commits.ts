import type { ApiCommitter } from '../git/api-committer';
import { BranchMovedError } from '../git/errors';
import { ForgeBranchMovedError, ForgeError } from '../forge/errors';
import type { Forge } from '../forge/forge';
import type { RemoteForge } from '../forge/select';
import { InputError } from '../errors';
import type { Platform } from '../platform/platform';
import type { ForgeTarget } from './forge-client';

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

/**
 * sign-commits: the GitHub repository behind `remote` (its URL `remoteUrl`), committed to through
 * its API; a remote that is not a GitHub HTTPS URL is refused by name.
 */
export async function signedCommitterFor(
  remote: { name: string; url: string; apiUrl: string | undefined; token: string },
  context: { forgeOfRemote(remoteUrl: string, given: Partial<RemoteForge>): RemoteForge | undefined; openForge(target: ForgeTarget, platform: Platform): Promise<Forge> },
  platform: Platform,
): Promise<ApiCommitter> {
  const github = context.forgeOfRemote(remote.url, remote.apiUrl ? { apiUrl: remote.apiUrl } : {});
  if (github?.kind !== 'github') {
    throw new InputError(
      `sign-commits commits through the GitHub API, but remote '${remote.name}' is not a GitHub HTTPS URL (${platform.redact(remote.url)}).`,
      'Use a GitHub remote (https://github.com/owner/repo.git, or your GitHub Enterprise host), or remove sign-commits.',
    );
  }
  const forge = await context.openForge({ kind: 'github', apiUrl: github.apiUrl, repository: github.repository, token: remote.token }, platform);
  return apiCommitterOf(forge, (message) => platform.info(message));
}
