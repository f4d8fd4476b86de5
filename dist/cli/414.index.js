export const id = 414;
export const ids = [414,605];
export const modules = {

/***/ 5129:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   yX: () => (/* binding */ requireRemoteBranch)
/* harmony export */ });
/* unused harmony export BranchNotFoundError */
/* harmony import */ var _git_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5207);
/* harmony import */ var _text_closest__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(978);


// Kept importable from here, where they were first written.

/** The branch a step was told to write to does not exist on the remote, and creating it was not asked for. */
class BranchNotFoundError extends _git_errors__WEBPACK_IMPORTED_MODULE_0__/* .GitError */ .XS {
}
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
async function requireRemoteBranch(repo, remote, branch, create, info) {
    const tip = await repo.fetch(remote, branch);
    if (tip !== undefined)
        return tip;
    if (create) {
        info(`Branch ${branch} does not exist on ${remote}; create-branch is true, so the push creates it.`);
        return undefined;
    }
    const branches = await repo.remoteBranches(remote);
    const closest = (0,_text_closest__WEBPACK_IMPORTED_MODULE_1__/* .closestFirst */ .EK)(branch, branches);
    const listed = closest.slice(0, LISTED).join(', ');
    const more = closest.length > LISTED ? ` and ${closest.length - LISTED} more` : '';
    throw new BranchNotFoundError(`Branch '${branch}' does not exist on ${remote}${branches.length > 0 ? `; its branches, closest first: ${listed}${more}` : ', which has no branch at all'}. Nothing was written.`, closest[0] !== undefined
        ? `Set branch to the branch your environment deploys from (e.g. branch: ${closest[0]}), or set create-branch: true to create '${branch}'.`
        : `Push a first commit to ${remote}, or set create-branch: true to create '${branch}'.`);
}


/***/ }),

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

// EXTERNAL MODULE: ./packages/core/src/git/git-repository.ts + 2 modules
var git_repository = __webpack_require__(3311);
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
    const probe = await git_repository/* GitRepository */.xr.open(path, {}, redact);
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
    return new git_repository/* GitRepository */.xr(probe.workTree, remoteEnv, redact);
}
/** A scratch clone of `url` in `dir` (see GitRepository.initScratch), the token handed to git per command (never in .git/config). */
function openScratchClone(dir, url, token, forge, platform, env) {
    return git_repository/* GitRepository */.xr.initScratch(dir, url, remoteAuthEnv(url, token, forge, platform, env), (text) => platform.redact(text));
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


/***/ }),

/***/ 3414:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rollbackStep: () => (/* binding */ rollbackStep)
});

// EXTERNAL MODULE: ./packages/core/src/platform/markdown.ts
var markdown = __webpack_require__(3388);
// EXTERNAL MODULE: ./packages/core/src/steps/inputs.ts
var steps_inputs = __webpack_require__(9032);
// EXTERNAL MODULE: ./packages/core/src/steps/outputs.ts
var outputs = __webpack_require__(2295);
// EXTERNAL MODULE: ./packages/core/src/text/duration.ts
var duration = __webpack_require__(8473);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/forge/select.ts
var forge_select = __webpack_require__(8529);
// EXTERNAL MODULE: ./packages/core/src/manifest/image-reference.ts
var image_reference = __webpack_require__(5830);
// EXTERNAL MODULE: ./packages/core/src/text/list-input.ts
var list_input = __webpack_require__(6444);
// EXTERNAL MODULE: ./packages/core/src/manifest/key-path.ts
var key_path = __webpack_require__(4790);
// EXTERNAL MODULE: ./packages/core/src/steps/review-inputs.ts
var review_inputs = __webpack_require__(3459);
// EXTERNAL MODULE: ./packages/core/src/steps/shared-inputs.ts
var shared_inputs = __webpack_require__(9880);
// EXTERNAL MODULE: ./packages/core/src/steps/rollback/spec.ts
var spec = __webpack_require__(1823);
;// CONCATENATED MODULE: ./packages/core/src/steps/rollback/config.ts










function validateRollbackInputs(given, env = process.env) {
    const inputs = (0,steps_inputs/* withDefaults */.rO)(spec/* rollbackSpec */.k, given);
    const files = (0,list_input/* splitList */.r)(inputs.files);
    if (files.length === 0)
        throw new errors/* InputError */.dz("Input 'files' is required.", "List the environment's manifests, relative to 'path', e.g. envs/prod/kustomization.yaml.");
    if ((inputs.image === '') === (inputs.key === '')) {
        throw new errors/* InputError */.dz("Give exactly one of 'image' and 'key'.", 'Example: image: ghcr.io/acme/payments, or key: image.tag.');
    }
    let target;
    let targetName;
    if (inputs.image !== '') {
        (0,image_reference/* validateImageName */.He)(inputs.image, 'image');
        target = { mode: 'image', name: inputs.image };
        targetName = inputs.image;
    }
    else {
        const path = (0,key_path/* parseKeyPath */._q)(inputs.key);
        target = { mode: 'key', path };
        targetName = (0,key_path/* formatKeyPath */.K7)(path);
    }
    const mode = inputs.mode;
    if (mode !== 'commit' && mode !== 'pull-request')
        throw new errors/* InputError */.dz(`Input 'mode' must be commit or pull-request, got ${JSON.stringify(mode)}.`, 'Set mode: commit (default) or mode: pull-request.');
    const config = {
        path: inputs.path,
        files,
        target,
        targetName,
        reason: (0,shared_inputs/* singleLine */.pF)(inputs.reason, 'reason'),
        mode,
        push: (0,steps_inputs/* parseBoolean */.yG)(inputs.push, 'push'),
        createBranch: (0,steps_inputs/* parseBoolean */.yG)(inputs['create-branch'], 'create-branch'),
        commitMessageTemplate: inputs['commit-message'],
        pushTimeoutMs: (0,duration/* parseDuration */.E)(inputs['push-timeout'], 'push-timeout'),
        labels: [...new Set(['rollback', ...(inputs.environment ? [inputs.environment] : []), ...(0,list_input/* splitList */.r)(inputs.labels)])],
        reviewers: (0,list_input/* splitList */.r)(inputs.reviewers),
        dryRun: (0,steps_inputs/* parseBoolean */.yG)(inputs['dry-run'], 'dry-run'),
    };
    if (inputs.to !== '') {
        const to = (0,shared_inputs/* singleLine */.pF)(inputs.to, 'to');
        if (target.mode === 'image') {
            const version = (0,shared_inputs/* imageVersionInputs */.n_)(to.startsWith('@') ? '' : to, to.startsWith('@') ? to.slice(1) : '');
            config.to = { value: (0,image_reference/* imageValue */.T6)(version), ...version };
        }
        else {
            config.to = { value: to };
        }
    }
    if (inputs.branch !== '')
        config.branch = (0,shared_inputs/* singleLine */.pF)(inputs.branch, 'branch');
    if (inputs.token !== '')
        config.token = (0,shared_inputs/* singleLine */.pF)(inputs.token, 'token');
    if (inputs.environment !== '')
        config.environment = (0,shared_inputs/* singleLine */.pF)(inputs.environment, 'environment');
    const forge = (0,forge_select/* forgeInput */.y_)(inputs);
    if (forge)
        config.forge = forge;
    if (inputs.repository !== '')
        config.repository = (0,shared_inputs/* singleLine */.pF)(inputs.repository, 'repository');
    if (inputs['api-url'] !== '')
        config.apiUrl = (0,shared_inputs/* singleLine */.pF)(inputs['api-url'], 'api-url');
    const author = (0,shared_inputs/* authorInputs */.Pm)(inputs['author-name'], inputs['author-email']);
    if (author)
        config.author = author;
    if (inputs['source-repository'] !== '')
        config.sourceRepository = (0,shared_inputs/* singleLine */.pF)(inputs['source-repository'], 'source-repository');
    const argocd = (0,review_inputs/* argoCdReviewConfig */.vN)(inputs, env);
    if (argocd)
        config.argocd = argocd;
    if (config.mode !== 'pull-request' && (config.argocd || config.sourceRepository)) {
        throw new errors/* InputError */.dz("Inputs 'argocd-server', 'argocd-application' and 'source-repository' describe a change request: they go with mode: pull-request.", 'Set mode: pull-request, or drop them (a direct commit has no description to show them in).');
    }
    if (config.mode === 'pull-request' && !config.token) {
        throw new errors/* InputError */.dz("Input 'token' is required with mode: pull-request: the PR/MR is opened through the forge's API.", 'Pass a token with contents and pull-requests write (GitHub) or the api scope (GitLab).');
    }
    return config;
}

// EXTERNAL MODULE: ./packages/core/src/manifest/errors.ts
var manifest_errors = __webpack_require__(2136);
// EXTERNAL MODULE: ./packages/core/src/manifest/manifest-reader.ts
var manifest_reader = __webpack_require__(3336);
// EXTERNAL MODULE: ./packages/core/src/files/repo-files.ts
var repo_files = __webpack_require__(7651);
// EXTERNAL MODULE: ./packages/core/src/text/template.ts
var template = __webpack_require__(7003);
// EXTERNAL MODULE: ./packages/core/src/promotion/branch-target.ts
var branch_target = __webpack_require__(5129);
// EXTERNAL MODULE: ./packages/core/src/promotion/change-branch.ts
var change_branch = __webpack_require__(6128);
// EXTERNAL MODULE: ./packages/core/src/promotion/change-request-sync.ts + 1 modules
var change_request_sync = __webpack_require__(64);
// EXTERNAL MODULE: ./packages/core/src/promotion/checkout.ts + 1 modules
var checkout = __webpack_require__(6605);
// EXTERNAL MODULE: ./packages/core/src/promotion/history.ts
var promotion_history = __webpack_require__(3083);
// EXTERNAL MODULE: ./packages/core/src/promotion/hold.ts
var promotion_hold = __webpack_require__(4482);
// EXTERNAL MODULE: ./packages/core/src/promotion/plan.ts
var promotion_plan = __webpack_require__(832);
// EXTERNAL MODULE: ./packages/core/src/promotion/publisher.ts
var publisher = __webpack_require__(9579);
// EXTERNAL MODULE: ./packages/core/src/promotion/review/body.ts
var body = __webpack_require__(1150);
// EXTERNAL MODULE: ./packages/core/src/promotion/review/changelog.ts
var changelog = __webpack_require__(1282);
// EXTERNAL MODULE: ./packages/core/src/promotion/review/review.ts + 4 modules
var review_review = __webpack_require__(2778);
// EXTERNAL MODULE: ./packages/core/src/promotion/trailers.ts
var promotion_trailers = __webpack_require__(4815);
// EXTERNAL MODULE: ./packages/core/src/steps/step-context.ts
var step_context = __webpack_require__(6553);
;// CONCATENATED MODULE: ./packages/core/src/steps/rollback/run.ts



















const STEP = 'rollback';
async function runRollback(config, platform, context = (0,step_context/* defaultStepContext */.x)()) {
    if (config.token)
        platform.setSecret(config.token);
    const remoteSide = config.mode === 'pull-request' || config.push;
    const files = await (0,repo_files/* selectFiles */.A)(config.path, config.files);
    const repo = await context.git.openCheckout(config.path, 'origin', config.token, remoteSide, platform);
    const branch = await (0,checkout.targetBranch)(repo, config.branch, platform);
    // Decided on what the remote runs: the checkout may be behind it.
    const tip = remoteSide ? await (0,branch_target/* requireRemoteBranch */.yX)(repo, 'origin', branch, config.mode === 'commit' && config.createBranch, (message) => platform.info(message)) : undefined;
    const rev = tip ?? (await repo.head());
    const history = {
        repo,
        remote: 'origin',
        branch: remoteSide ? branch : undefined,
        rev,
        files: files.map((file) => file.relative),
        target: config.target,
        firstParent: true,
        info: (message) => platform.info(message),
    };
    const decision = await platform.group(`Reading the history of ${config.targetName}`, () => decide(config, history));
    platform.info(`${config.targetName} runs ${decision.from} at ${rev.slice(0, 12)}; rolling back to ${decision.to}${decision.source ? `, the value after ${decision.source}` : ' (given as to)'}.`);
    const result = { changed: decision.to !== decision.from, from: decision.from, to: decision.to, commitSha: '', pushed: false, ...(decision.source ? { source: decision.source } : {}) };
    if (!result.changed) {
        platform.info(`${config.targetName} is already at ${decision.to}; nothing to roll back.`);
        return result;
    }
    const plan = await rollbackPlan(config, repo, history, decision, files);
    // What the real run refuses without writing is refused before a dry run returns: an unusable
    // `to` (rollbackPlan), a forge that cannot be told, files where nothing matches, an unreadable
    // hold file.
    const forgeRemote = config.mode === 'pull-request' ? await rollbackForgeRemote(config, repo, context) : undefined;
    if (config.mode === 'commit')
        await planWithHold(repo, plan, undefined);
    if (remoteSide)
        await planWithHold(repo, plan, rev);
    if (config.dryRun) {
        platform.info(`Dry run: would roll ${config.targetName} back from ${decision.from} to ${decision.to}; nothing written.`);
        return result;
    }
    if (config.mode === 'pull-request')
        return platform.group('Opening the rollback change request', () => openRollbackChange(config, platform, repo, branch, plan, result, forgeRemote, context));
    return platform.group('Committing the rollback', () => commitRollback(config, platform, repo, { branch, tip }, plan, result, context));
}
/**
 * The value now, and the one to return to: `to`, or the newest value in the files' history that
 * differs from now and that no rollback moved away from (so a second rollback goes further back).
 */
async function decide(config, history) {
    const now = await (0,promotion_history/* valueAt */.fK)(history, { sha: history.rev, author: '', subject: '', message: '' });
    if (now.value === undefined) {
        throw new manifest_errors/* ManifestEditError */.M(`${config.targetName} has no single value in ${history.files.join(', ')} at ${history.rev.slice(0, 12)}.`, 'Check the image name or key, and that the files agree on one value (roll back each file on its own otherwise).');
    }
    const from = now.value;
    if (config.to)
        return { now, from, to: config.to.value };
    // Values a rollback moved away from are skipped: the hold's records and recent trailers (the whole
    // graph, so a rollback merged through a PR counts), and the trailers of every commit walked.
    const hold = await (0,promotion_hold/* readHold */.uw)({ ...history, branch: undefined, firstParent: false });
    const seen = new Map();
    const candidate = async (commits) => {
        const marks = (0,promotion_history/* rollbackMarks */.f1)(commits, config.target);
        for (const commit of commits) {
            const at = seen.get(commit.sha) ?? (await (0,promotion_history/* valueAt */.fK)(history, commit));
            seen.set(commit.sha, at);
            if (at.value !== undefined && at.value !== from && !marks.has(at.value) && !hold.find(at.value))
                return at;
        }
        return undefined;
    };
    // A shallow clone is deepened until a candidate shows up (or the bound); every rollback mark in
    // the commits read counts, so a value rolled back from is skipped wherever it reappears.
    let found;
    const commits = await (0,promotion_history/* commitsOfFiles */.lZ)(history, async (list) => (found = await candidate(list)) !== undefined);
    found ??= await candidate(commits);
    if (!found) {
        const marks = [...new Set([...(0,promotion_history/* rollbackMarks */.f1)(commits, config.target).keys(), ...hold.records.map((record) => record.value), ...hold.trailerMarks.map((mark) => mark.value)])];
        throw new manifest_errors/* ManifestEditError */.M(`Nothing to roll back to: the ${commits.length} commit(s) that changed ${history.files.join(', ')} hold no value of ${config.targetName} other than ${from}${marks.length > 0 ? ` and the rolled-back ${marks.join(', ')}` : ''}.`, "Give the value to return to in 'to'.");
    }
    const trailers = (0,promotion_trailers/* readTrailers */.t8)(found.commit.message);
    return { now, from, to: found.value ?? '', at: found, source: `${found.commit.sha.slice(0, 12)} ${trailers.get('Step') ? `(${trailers.get('Step')})` : `"${found.commit.subject}"`}` };
}
function editRequest(config, decision) {
    const image = config.to ?? decision.at?.site;
    if (config.target.mode === 'image' && image?.tag === undefined && image?.digest === undefined) {
        throw new errors/* InputError */.dz(`Cannot roll back ${config.targetName} to ${JSON.stringify(decision.to)}.`, "Give 'to' as a tag, tag@digest or @digest.");
    }
    return (0,promotion_plan/* editRequestFor */.Dx)(config.target, decision.to, image);
}
/** What both modes hand their publisher alike: where, as whom, the message, the retry budget. */
function publishing(config, platform, repo, message, context) {
    return {
        repo,
        remote: 'origin',
        author: config.author ?? platform.defaultAuthor(),
        message: () => message,
        timeoutMs: config.pushTimeoutMs,
        backoff: context.backoff,
        clock: context.clock,
        info: (text) => platform.info(text),
    };
}
/** The edit, the commit message and the hold record of a decided rollback. */
async function rollbackPlan(config, repo, history, decision, files) {
    const request = editRequest(config, decision);
    const site = decision.now.site;
    const record = await (0,promotion_hold/* holdRecord */.XH)(repo, {
        target: config.target,
        files: history.files,
        value: decision.from,
        ...(site?.tag !== undefined ? { tag: site.tag } : {}),
        ...(site?.digest !== undefined ? { digest: site.digest } : {}),
        to: decision.to,
        reason: config.reason,
        ...(config.environment ? { environment: config.environment } : {}),
        rev: history.rev,
        at: new Date(),
    });
    const message = (0,promotion_trailers/* withTrailers */.jX)((0,template/* fillTemplate */.o)(config.commitMessageTemplate, { target: config.targetName, from: decision.from, to: decision.to, reason: config.reason }, 'commit-message'), {
        step: STEP,
        ...(config.target.mode === 'image' ? { image: config.targetName } : { key: config.targetName }),
        value: decision.to,
        previous: [decision.from],
        ...(config.environment ? { environment: config.environment } : {}),
        extra: { 'Rolled-Back-From': decision.from, 'Rolled-Back-To': decision.to, ...(config.reason ? { Reason: config.reason } : {}) },
    });
    return { files, request, message, record };
}
/** The files' edit read at `revision` (undefined: the work tree), plus the hold record when they change. */
async function planWithHold(repo, plan, revision, files = plan.files) {
    return (0,promotion_plan/* withHold */.yw)(repo, await (0,promotion_plan/* planAt */.Jl)(repo, plan.request, files, revision), revision, (0,promotion_hold/* addHold */.DD)(plan.record));
}
/** `target.tip`: the branch's remote tip as read for the decision, where publish starts. */
async function commitRollback(config, platform, repo, target, plan, result, context) {
    const planned = await planWithHold(repo, plan, undefined);
    const author = config.author ?? platform.defaultAuthor();
    if (!config.push) {
        const sha = await (0,publisher/* commitLocally */.aK)(repo, planned, plan.message, author, (message) => platform.info(message));
        return sha === '' ? { ...result, changed: false } : { ...result, commitSha: sha };
    }
    const publication = await (0,publisher/* publish */.mk)({
        ...publishing(config, platform, repo, plan.message, context),
        branch: target.branch,
        fetched: { tip: target.tip },
        plan: async (revision) => planWithHold(repo, plan, revision, revision !== undefined ? plan.files : await (0,repo_files/* selectFiles */.A)(config.path, config.files)),
    }, planned);
    return { ...result, changed: publication.changed, commitSha: publication.commitSha, pushed: publication.pushed };
}
/** mode: pull-request: which forge hosts the remote, or a refusal (checked before a dry run returns). */
async function rollbackForgeRemote(config, repo, context) {
    const remote = context.forgeOfRemote(await repo.remoteUrl('origin'), { ...(config.forge ? { kind: config.forge } : {}), ...(config.repository ? { repository: config.repository } : {}), ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}) });
    if (!remote) {
        throw new errors/* InputError */.dz("Cannot tell which forge hosts the remote for mode: pull-request.", "Set 'forge', 'repository' and 'api-url', or use an HTTPS remote on GitHub or GitLab.");
    }
    return remote;
}
/**
 * A rerun rebuilds the change branch from base: the record the branch already carries for this
 * rollback (same id) is reused, so the rebuilt commit is the same and nothing is pushed.
 */
async function recordOnBranch(repo, head, record) {
    const text = head !== undefined ? await repo.rootFileAt(head, promotion_hold/* HOLD_FILE */.Zb) : undefined;
    return (text !== undefined ? (0,promotion_hold/* parseHolds */._v)(text).find((entry) => entry.id === record.id) : undefined) ?? record;
}
/** mode: pull-request: one change request per environment and target, kept current like a promotion's. */
async function openRollbackChange(config, platform, repo, base, plan, result, remote, context) {
    const forge = await context.openForge({ kind: remote?.kind ?? 'github', apiUrl: remote?.apiUrl ?? '', repository: remote?.repository ?? '', token: config.token ?? '' }, platform);
    const branch = (0,change_branch/* changeBranchName */.Wh)('rollback', [...(config.environment ? [config.environment] : []), config.targetName]);
    const tips = await (0,change_branch/* readTips */.Pm)(repo, 'origin', base, branch);
    const onBranch = { ...plan, record: await recordOnBranch(repo, tips.headSha, plan.record) };
    const planOnBranch = (revision) => planWithHold(repo, onBranch, revision);
    const outcome = await (0,change_branch/* publishChangeBranch */.kX)({
        ...publishing(config, platform, repo, plan.message, context),
        base,
        branch,
        tips,
        plan: planOnBranch,
        ours: (0,promotion_trailers/* writtenBy */.xO)(STEP),
    });
    const where = config.environment ? ` in ${config.environment}` : '';
    // What the revert takes out of the application: the commits from `to` up to `from`.
    const review = config.sourceRepository
        ? { changelog: (0,changelog/* renderChangelog */.R8)(await (0,changelog/* loadChangelog */.fN)(forge, { repository: (0,review_review/* repositoryPath */.SH)(config.sourceRepository), previous: [result.to], value: result.from, mode: config.target.mode }), result.from, `### What rolling back ${(0,markdown/* markdownText */.p7)(result.from)} takes out`) }
        : {};
    const argocd = config.argocd ? await (0,review_review/* connectReview */.$N)(config.argocd, (options) => context.connectArgoCd(options), (text) => platform.redact(text)) : undefined;
    try {
        return await syncRollbackChange(config, platform, forge, repo, { base, branch, outcome, planOnBranch, result, where, review, argocd });
    }
    finally {
        await argocd?.client.close();
    }
}
/** The change request describes the rollback branch: its body shows the revert as Argo CD renders it, and what it takes out. */
async function syncRollbackChange(config, platform, forge, repo, rollback) {
    const { base, branch, outcome, planOnBranch, result, where, review, argocd } = rollback;
    const synced = await (0,change_request_sync/* syncChangeRequest */.l)({
        forge,
        repo,
        remote: 'origin',
        base,
        branch,
        outcome,
        plan: planOnBranch,
        wanted: async (_planned, head) => ({
            head: branch,
            base,
            title: `Roll back ${config.targetName}${where} to ${result.to}`,
            body: (0,body/* fitBody */.K)([
                `Rolls ${(0,markdown/* markdownCode */.D9)(config.targetName)}${where} back from ${(0,markdown/* markdownCode */.D9)(result.from)} to ${(0,markdown/* markdownCode */.D9)(result.to)}${result.source ? ` (the value after ${(0,markdown/* markdownCode */.D9)(result.source)})` : ''}.`,
                '',
                config.reason ? `Reason: ${config.reason}` : 'No reason given.',
            ].join('\n'), { ...review, ...(argocd && argocd.targets.length > 0 ? { diff: await (0,review_review/* argoCdDiff */.yo)(argocd, head, config.environment ?? 'the environment', (text) => platform.info(text)) } : {}) }, `Once merged, gitops-promote refuses to promote ${(0,markdown/* markdownCode */.D9)(result.from)} again unless \`allow-rolled-back: true\` is set.`),
            draft: false,
            labels: config.labels,
            assignees: [],
            reviewers: config.reviewers,
            teamReviewers: [],
        }),
        describe: (planned) => `${config.targetName} ${(0,manifest_reader/* valuesIn */.aC)(planned, config.target).join(', ') || '(not set)'}`,
        info: (text) => platform.info(text),
        warning: (text) => platform.warning(text),
    });
    if (synced.kind === 'base-holds')
        return { ...result, changed: false, ...(synced.existing ? { number: synced.existing.number, url: synced.existing.url } : {}) };
    const change = synced.change ? { number: synced.change.number, url: synced.change.url } : {};
    // Superseded: another rollback replaced the branch; the outputs say what it holds instead.
    if (synced.kind === 'superseded')
        return { ...result, to: (0,manifest_reader/* valuesIn */.aC)(synced.planned, config.target).join(', '), commitSha: synced.headSha, pushed: false, ...change };
    return { ...result, commitSha: synced.headSha, pushed: outcome.kind === 'pushed', ...change };
}

;// CONCATENATED MODULE: ./packages/core/src/steps/rollback/step.ts






/** The whole step as every entry (action, GitLab job, CLI) runs it: inputs → core → outputs. */
async function rollbackStep(platform, context) {
    const config = validateRollbackInputs((0,steps_inputs/* readInputs */.Ko)(spec/* rollbackSpec */.k, platform), context?.env ?? process.env);
    const result = await runRollback(config, platform, context);
    platform.setOutput('changed', String(result.changed));
    platform.setOutput('rolled-back-from', result.from);
    platform.setOutput('rolled-back-to', result.to);
    platform.setOutput('commit-sha', result.commitSha);
    (0,outputs/* setChangeRequestOutputs */.M)(platform, result);
    const lines = ['### gitops-promote: rollback', ''];
    if (!result.changed)
        lines.push(`${(0,markdown/* markdownText */.p7)(config.targetName)} is already at ${(0,markdown/* markdownCode */.D9)(result.to)}; nothing changed.`);
    else {
        lines.push(`${(0,markdown/* markdownCode */.D9)(config.targetName)}: ${(0,markdown/* markdownCode */.D9)(result.from)} → ${(0,markdown/* markdownCode */.D9)(result.to)}${result.source ? ` (the value after ${(0,markdown/* markdownCode */.D9)(result.source)})` : ''}.`);
        if (config.reason)
            lines.push('', `Reason: ${(0,markdown/* markdownCode */.D9)(config.reason)}`);
        if (result.url)
            lines.push('', `Change request: [#${result.number ?? ''}](${result.url})`);
        else if (result.commitSha)
            lines.push('', `Commit ${(0,markdown/* markdownCode */.D9)(result.commitSha)}${result.pushed ? ' pushed' : ''}.`);
        if (config.dryRun)
            lines.push('', 'Dry run: nothing was written.');
    }
    await platform.appendSummary(lines.join('\n'));
    return result;
}


/***/ })

};
