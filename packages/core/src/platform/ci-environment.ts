/** A CI runner, as its own marker variables name it. */
export type CiKind = 'github' | 'gitlab';

/**
 * The CI this process runs under, or undefined for a terminal. The GitLab templates also say so
 * themselves (GITOPS_PROMOTE_PLATFORM): gitlab-ci-local, for one, sets GITLAB_CI=false.
 */
export function ciOf(env: NodeJS.ProcessEnv = process.env): CiKind | undefined {
  if (env.GITHUB_ACTIONS === 'true') return 'github';
  if (env.GITLAB_CI === 'true' || env.GITOPS_PROMOTE_PLATFORM === 'gitlab') return 'gitlab';
  return undefined;
}

/** The branch and commit the CI's pipeline runs for, when it runs for a branch (not a tag or an MR ref). */
export function pipelineBranch(env: NodeJS.ProcessEnv = process.env): { branch: string; sha: string; variable: string } | undefined {
  switch (ciOf(env)) {
    case 'gitlab':
      return env.CI_COMMIT_BRANCH && env.CI_COMMIT_SHA ? { branch: env.CI_COMMIT_BRANCH, sha: env.CI_COMMIT_SHA, variable: 'CI_COMMIT_BRANCH' } : undefined;
    case 'github':
      return env.GITHUB_REF?.startsWith('refs/heads/') && env.GITHUB_SHA ? { branch: env.GITHUB_REF.slice('refs/heads/'.length), sha: env.GITHUB_SHA, variable: 'GITHUB_REF' } : undefined;
    default:
      return undefined;
  }
}
