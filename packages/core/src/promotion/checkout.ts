import { GitError } from '../git/errors';
import { tokenAuth, tokenUsername } from '../git/git-auth';
import { GitRepository } from '../git/git-repository';
import { pipelineBranch } from '../platform/ci-environment';
import type { Platform } from '../platform/platform';

/**
 * The user's checkout at `path`, with `token` handed to git for its HTTPS remote per command
 * (never written to .git/config) when `useToken`; an SSH remote keeps git's own credentials,
 * which is said in the log.
 */
export async function openCheckout(path: string, remote: string, token: string | undefined, useToken: boolean, platform: Platform): Promise<GitRepository> {
  const redact = (text: string): string => platform.redact(text);
  const probe = await GitRepository.open(path, {}, redact);
  if (!token || !useToken) return probe;
  const url = await probe.remoteUrl(remote);
  const remoteEnv = remoteAuthEnv(url, token, platform.name, platform);
  if (Object.keys(remoteEnv).length === 0) {
    platform.warning(`Remote '${remote}' is not an HTTPS URL; input 'token' is ignored and git's own credentials (e.g. SSH keys) are used.`);
  } else {
    platform.info(`git commands that send the token (fetch, push, ls-remote) run with hooks disabled, so no hook of the repository can read it; commit hooks run, without it.`);
  }
  return new GitRepository(probe.workTree, remoteEnv, redact);
}

/** A scratch clone of `url` in `dir` (see GitRepository.initScratch), the token handed to git per command (never in .git/config). */
export function openScratchClone(dir: string, url: string, token: string, forge: string, platform: Platform, env: NodeJS.ProcessEnv): Promise<GitRepository> {
  return GitRepository.initScratch(dir, url, remoteAuthEnv(url, token, forge, platform, env), (text) => platform.redact(text));
}

/**
 * The environment that hands `token` to git for an HTTPS `url` (see git-auth.ts), its credential
 * registered as a secret; {} for an SSH URL or a local path, which take git's own credentials.
 * `forge` decides the user name GitLab expects beside the token.
 */
export function remoteAuthEnv(url: string, token: string, forge: string, platform: Platform, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const auth = tokenAuth(url, token, tokenUsername(forge, token, env));
  if (!auth) return {};
  platform.setSecret(auth.credential);
  return auth.env;
}

/**
 * The branch to push to: the given one (checked as git would), else the checked-out one. A CI
 * runner's own checkout is a detached HEAD at the pipeline's commit (GitLab always, GitHub for a
 * tag or a sha); when HEAD is exactly that commit, the branch the pipeline runs for is meant.
 */
export async function targetBranch(repo: GitRepository, given: string | undefined, platform: Platform, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (given !== undefined) {
    await repo.checkBranchName(given);
    return given;
  }
  const branch = await repo.currentBranch();
  if (branch) return branch;
  const pipeline = pipelineBranch(env);
  if (pipeline && (await repo.head()) === pipeline.sha) {
    await repo.checkBranchName(pipeline.branch);
    platform.info(`HEAD is detached at the pipeline's commit; pushing to its branch '${pipeline.branch}' (${pipeline.variable}).`);
    return pipeline.branch;
  }
  throw new GitError(
    'HEAD is detached, so there is no branch to push to.',
    "Set the input 'branch' (e.g. main), or check out a branch (actions/checkout with 'ref: main').",
  );
}
