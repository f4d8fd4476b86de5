export const id = 605;
export const ids = [605];
export const modules = {

/***/ 6605:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openCheckout: () => (/* binding */ openCheckout),
  openScratchClone: () => (/* binding */ openScratchClone),
  remoteAuthEnv: () => (/* binding */ remoteAuthEnv),
  targetBranch: () => (/* binding */ targetBranch)
});

// EXTERNAL MODULE: ./packages/core/src/git/errors.ts
var errors = __webpack_require__(5207);
;// CONCATENATED MODULE: ./packages/core/src/git/git-auth.ts
function tokenAuth(remoteUrl, token, username) {
    let url;
    try {
        url = new URL(remoteUrl);
    }
    catch {
        return undefined; // scp-like SSH remotes (git@host:org/repo) take no token
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        return undefined;
    const credential = Buffer.from(`${username}:${token}`).toString('base64');
    // Scoped like actions/checkout's own entry (`http.https://github.com/.extraheader`); the empty
    // value first clears a header a checkout persisted, so git never sends two Authorization headers.
    const key = `http.${url.protocol}//${url.host}/.extraheader`;
    return {
        credential,
        env: {
            GIT_CONFIG_COUNT: '2',
            GIT_CONFIG_KEY_0: key,
            GIT_CONFIG_VALUE_0: '',
            GIT_CONFIG_KEY_1: key,
            GIT_CONFIG_VALUE_1: `AUTHORIZATION: basic ${credential}`,
        },
    };
}
/**
 * The user name a forge expects beside a token over HTTPS: GitLab tells a CI job token
 * (`gitlab-ci-token`) from a personal, project or OAuth token (`oauth2`); GitHub takes any name
 * and documents `x-access-token`.
 */
function tokenUsername(forge, token, env = process.env) {
    if (forge !== 'gitlab')
        return 'x-access-token';
    return token === env.CI_JOB_TOKEN ? 'gitlab-ci-token' : 'oauth2';
}

// EXTERNAL MODULE: ./packages/core/src/git/git-repository.ts + 3 modules
var git_repository = __webpack_require__(1089);
// EXTERNAL MODULE: ./packages/core/src/platform/ci-environment.ts
var ci_environment = __webpack_require__(1981);
;// CONCATENATED MODULE: ./packages/core/src/promotion/checkout.ts




/**
 * The user's checkout at `path`, with `token` handed to git for its HTTPS remote per command
 * (never written to .git/config) when `useToken`; an SSH remote keeps git's own credentials,
 * which is said in the log.
 */
async function openCheckout(path, remote, token, useToken, platform) {
    const redact = (text) => platform.redact(text);
    const probe = await git_repository/* GitRepository */.x.open(path, {}, redact);
    if (!token || !useToken)
        return probe;
    const url = await probe.remoteUrl(remote);
    const remoteEnv = remoteAuthEnv(url, token, platform.name, platform);
    if (Object.keys(remoteEnv).length === 0) {
        platform.warning(`Remote '${remote}' is not an HTTPS URL; input 'token' is ignored and git's own credentials (e.g. SSH keys) are used.`);
    }
    else {
        platform.info(`git commands that send the token (fetch, push, ls-remote) run with hooks disabled, so no hook of the repository can read it; commit hooks run, without it.`);
    }
    return new git_repository/* GitRepository */.x(probe.workTree, remoteEnv, redact);
}
/** A scratch clone of `url` in `dir` (see GitRepository.initScratch), the token handed to git per command (never in .git/config). */
function openScratchClone(dir, url, token, forge, platform, env) {
    return git_repository/* GitRepository */.x.initScratch(dir, url, remoteAuthEnv(url, token, forge, platform, env), (text) => platform.redact(text));
}
/**
 * The environment that hands `token` to git for an HTTPS `url` (see git-auth.ts), its credential
 * registered as a secret; {} for an SSH URL or a local path, which take git's own credentials.
 * `forge` decides the user name GitLab expects beside the token.
 */
function remoteAuthEnv(url, token, forge, platform, env = process.env) {
    const auth = tokenAuth(url, token, tokenUsername(forge, token, env));
    if (!auth)
        return {};
    platform.setSecret(auth.credential);
    return auth.env;
}
/**
 * The branch to push to: the given one (checked as git would), else the checked-out one. A CI
 * runner's own checkout is a detached HEAD at the pipeline's commit (GitLab always, GitHub for a
 * tag or a sha); when HEAD is exactly that commit, the branch the pipeline runs for is meant.
 */
async function targetBranch(repo, given, platform, env = process.env) {
    if (given !== undefined) {
        await repo.checkBranchName(given);
        return given;
    }
    const branch = await repo.currentBranch();
    if (branch)
        return branch;
    const pipeline = (0,ci_environment/* pipelineBranch */.b)(env);
    if (pipeline && (await repo.head()) === pipeline.sha) {
        await repo.checkBranchName(pipeline.branch);
        platform.info(`HEAD is detached at the pipeline's commit; pushing to its branch '${pipeline.branch}' (${pipeline.variable}).`);
        return pipeline.branch;
    }
    throw new errors/* GitError */.XS('HEAD is detached, so there is no branch to push to.', "Set the input 'branch' (e.g. main), or check out a branch (actions/checkout with 'ref: main').");
}


/***/ })

};
