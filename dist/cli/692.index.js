export const id = 692;
export const ids = [692,605];
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


/***/ }),

/***/ 692:
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
// EXTERNAL MODULE: ./packages/core/src/steps/argocd-inputs.ts
var argocd_inputs = __webpack_require__(4601);
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
    const selection = rollbackTargets(inputs);
    const mode = inputs.mode;
    if (mode !== 'commit' && mode !== 'pull-request')
        throw new errors/* InputError */.dz(`Input 'mode' must be commit or pull-request, got ${JSON.stringify(mode)}.`, 'Set mode: commit (default) or mode: pull-request.');
    const config = {
        path: inputs.path,
        files,
        ...selection,
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
    const [single] = selection.targets;
    if (inputs.to !== '') {
        if (!single || selection.targets.length !== 1 || selection.allValues || (inputs.image === '' && inputs.key === '')) {
            throw new errors/* InputError */.dz("Input 'to' goes with 'image' or 'key' (one value).", "Drop 'to' to return each of 'images'/'keys' to its own last good value, or roll back one value with 'image'/'key' and 'to'.");
        }
        const to = (0,shared_inputs/* singleLine */.pF)(inputs.to, 'to');
        if (single.target.mode === 'image') {
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
    const argocd = (0,argocd_inputs/* argoCdReviewConfig */.v)(inputs, env);
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
/**
 * Which values: exactly one of `image`, `key`, or the lists `images` (names, or `all`) and `keys`
 * (key paths, one per line: a key path may hold a comma). `images: all` takes the values from
 * history, so it stands alone.
 */
function rollbackTargets(inputs) {
    const images = (0,list_input/* splitList */.r)(inputs.images);
    const keys = inputs.keys.split('\n').map((line) => line.trim()).filter((line) => line !== '');
    const given = [inputs.image !== '', inputs.key !== '', images.length > 0 || keys.length > 0].filter(Boolean).length;
    if (given !== 1) {
        throw new errors/* InputError */.dz("Give exactly one of 'image' and 'key', or the lists 'images' and 'keys' instead.", 'Example: image: ghcr.io/acme/payments; key: image.tag; images: all (every value the newest change set); images: ghcr.io/acme/payments, ghcr.io/acme/ledger.');
    }
    if (inputs.image !== '') {
        (0,image_reference/* validateImageName */.He)(inputs.image, 'image');
        return { targets: [{ target: { mode: 'image', name: inputs.image }, name: inputs.image }], allValues: false, targetInput: 'image' };
    }
    if (inputs.key !== '') {
        const path = (0,key_path/* parseKeyPath */._q)(inputs.key);
        return { targets: [{ target: { mode: 'key', path }, name: (0,key_path/* formatKeyPath */.K7)(path) }], allValues: false, targetInput: 'key' };
    }
    if (images.some((image) => image.toLowerCase() === 'all')) {
        if (images.length > 1 || keys.length > 0) {
            throw new errors/* InputError */.dz("Input 'images: all' stands alone: it already takes every value (images and keys) the newest change set.", "Set images: all alone, or list the images and keys to roll back instead.");
        }
        return { targets: [], allValues: true, targetInput: 'images' };
    }
    const targets = [];
    const seen = new Set();
    for (const image of images) {
        (0,image_reference/* validateImageName */.He)(image, 'images');
        const id = `image:${(0,image_reference/* normalizeImageName */.Y2)(image)}`;
        if (!seen.has(id))
            targets.push({ target: { mode: 'image', name: image }, name: image });
        seen.add(id);
    }
    for (const key of keys) {
        const path = (0,key_path/* parseKeyPath */._q)(key);
        const id = `key:${(0,key_path/* formatKeyPath */.K7)(path)}`;
        if (!seen.has(id))
            targets.push({ target: { mode: 'key', path }, name: (0,key_path/* formatKeyPath */.K7)(path) });
        seen.add(id);
    }
    return { targets, allValues: false, targetInput: images.length > 0 ? 'images' : 'keys' };
}

// EXTERNAL MODULE: ./packages/core/src/text/neutralise.ts
var neutralise = __webpack_require__(3235);
// EXTERNAL MODULE: ./packages/core/src/manifest/errors.ts
var manifest_errors = __webpack_require__(2136);
// EXTERNAL MODULE: ./packages/core/src/files/repo-files.ts
var repo_files = __webpack_require__(7651);
// EXTERNAL MODULE: ./packages/core/src/promotion/branch-target.ts
var branch_target = __webpack_require__(5129);
// EXTERNAL MODULE: ./packages/core/src/promotion/checkout.ts + 1 modules
var checkout = __webpack_require__(6605);
// EXTERNAL MODULE: ./packages/core/src/promotion/history.ts
var promotion_history = __webpack_require__(3083);
// EXTERNAL MODULE: ./packages/core/src/promotion/hold.ts
var hold = __webpack_require__(4482);
// EXTERNAL MODULE: ./packages/core/src/promotion/publisher.ts
var publisher = __webpack_require__(9579);
// EXTERNAL MODULE: ./packages/core/src/promotion/trailers.ts
var promotion_trailers = __webpack_require__(4815);
;// CONCATENATED MODULE: ./packages/core/src/promotion/rollback-decision.ts



/**
 * The value now, and the one to return to: `to`, or the newest value in the files' history that
 * differs from now and that no rollback moved away from (so a second rollback goes further back).
 * A train is decided value by value with this same rule, so rolling back a train and rolling back
 * each of its values one at a time return the same values.
 */
async function decideRollback(history, name, to, hold) {
    const now = await (0,promotion_history/* valueAt */.fK)(history, { sha: history.rev, author: '', subject: '', message: '' });
    if (now.value === undefined) {
        throw new manifest_errors/* ManifestEditError */.M(`${name} has no single value in ${history.files.join(', ')} at ${history.rev.slice(0, 12)}.`, 'Check the image name or key, and that the files agree on one value (roll back each file on its own otherwise).');
    }
    const from = now.value;
    if (to !== undefined)
        return { name, now, from, to };
    // Values a rollback moved away from are skipped: the hold's records and recent trailers (the whole
    // graph, so a rollback merged through a PR counts), and the trailers of every commit walked.
    const seen = new Map();
    const candidate = async (commits) => {
        const marks = (0,promotion_history/* rollbackMarks */.f1)(commits, history.target);
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
        const marks = [...new Set([...(0,promotion_history/* rollbackMarks */.f1)(commits, history.target).keys(), ...hold.records.map((record) => record.value), ...hold.trailerMarks.map((mark) => mark.value)])];
        throw new manifest_errors/* ManifestEditError */.M(`Nothing to roll back to: the ${commits.length} commit(s) that changed ${history.files.join(', ')} hold no value of ${name} other than ${from}${marks.length > 0 ? ` and the rolled-back ${marks.join(', ')}` : ''}.`, "Give the value to return to in 'to' (one value at a time, with 'image' or 'key').");
    }
    const trailers = (0,promotion_trailers/* readTrailers */.t8)(found.commit.message);
    return { name, now, from, to: found.value ?? '', at: found, source: `${found.commit.sha.slice(0, 12)} ${trailers.get('Step') ? `(${trailers.get('Step')})` : `"${found.commit.subject}"`}` };
}
/**
 * How a rollback reads the hold: over the whole graph (a rollback merged through a PR counts) and
 * without deepening (the walk deepens as it needs); pass it to readHolds once for several values.
 */
function holdHistory(history) {
    return { ...history, branch: undefined, firstParent: false };
}

// EXTERNAL MODULE: ./packages/core/src/steps/step-context.ts
var step_context = __webpack_require__(6553);
// EXTERNAL MODULE: ./packages/core/src/manifest/manifest-reader.ts
var manifest_reader = __webpack_require__(3336);
// EXTERNAL MODULE: ./packages/core/src/promotion/change-branch.ts
var change_branch = __webpack_require__(6128);
// EXTERNAL MODULE: ./packages/core/src/promotion/change-request-sync.ts + 1 modules
var change_request_sync = __webpack_require__(64);
// EXTERNAL MODULE: ./packages/core/src/promotion/review/body.ts
var body = __webpack_require__(1150);
// EXTERNAL MODULE: ./packages/core/src/promotion/review/review.ts + 5 modules
var review_review = __webpack_require__(9672);
;// CONCATENATED MODULE: ./packages/core/src/steps/rollback/description.ts

/**
 * The PR/MR title and body of a rollback (its head and footer: the review sections go between): one value in a sentence (as always); several (a train)
 * in a table, a row per value with where its value was read.
 */
function rollbackDescription(config, values, result) {
    const where = config.environment ? ` in ${config.environment}` : '';
    const reason = config.reason ? `Reason: ${config.reason}` : 'No reason given.';
    const [only, ...more] = values;
    if (!only || more.length === 0) {
        const name = only?.name ?? '';
        return {
            title: `Roll back ${name}${where} to ${result.to}`,
            head: [`Rolls ${(0,markdown/* markdownCode */.D9)(name)}${where} back from ${(0,markdown/* markdownCode */.D9)(result.from)} to ${(0,markdown/* markdownCode */.D9)(result.to)}${result.source ? ` (the value after ${(0,markdown/* markdownCode */.D9)(result.source)})` : ''}.`, '', reason].join('\n'),
            footer: `Once merged, gitops-promote refuses to promote ${(0,markdown/* markdownCode */.D9)(result.from)} again unless \`allow-rolled-back: true\` is set.`,
        };
    }
    const rows = values.map((value) => `| ${(0,markdown/* markdownCode */.D9)(value.name)} | ${(0,markdown/* markdownCode */.D9)(value.from)} | ${(0,markdown/* markdownCode */.D9)(value.to)} | ${value.source ? (0,markdown/* markdownCode */.D9)(value.source) : '—'} |`);
    return {
        title: `Roll back ${values.length} values${where}`,
        head: [`Rolls back ${values.length} values${where} in one commit:`, '', '| Image / key | From | To | The value after |', '| --- | --- | --- | --- |', ...rows, '', reason].join('\n'),
        footer: 'Once merged, gitops-promote refuses to promote each value in the From column again unless `allow-rolled-back: true` is set.',
    };
}

// EXTERNAL MODULE: ./packages/core/src/text/template.ts
var template = __webpack_require__(7003);
// EXTERNAL MODULE: ./packages/core/src/promotion/plan.ts
var promotion_plan = __webpack_require__(832);
;// CONCATENATED MODULE: ./packages/core/src/steps/rollback/plan.ts





/** Commits of this step carry `Gitops-Promote-Step: rollback`. */
const STEP = 'rollback';
function editRequest(config, decision) {
    const image = config.to ?? decision.at?.site;
    if (decision.target.mode === 'image' && image?.tag === undefined && image?.digest === undefined) {
        throw new errors/* InputError */.dz(`Cannot roll back ${decision.name} to ${JSON.stringify(decision.to)}.`, "Give 'to' as a tag, tag@digest or @digest.");
    }
    return (0,promotion_plan/* editRequestFor */.Dx)(decision.target, decision.to, image);
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
/** The edit, the commit message and the hold records of a decided rollback (one per value). */
async function rollbackPlan(config, repo, history, decisions, files) {
    const requests = decisions.map((decision) => editRequest(config, decision));
    const records = [];
    const at = new Date();
    for (const decision of decisions) {
        const site = decision.now.site;
        records.push(await (0,hold/* holdRecord */.XH)(repo, {
            target: decision.target,
            files: history.files,
            value: decision.from,
            ...(site?.tag !== undefined ? { tag: site.tag } : {}),
            ...(site?.digest !== undefined ? { digest: site.digest } : {}),
            to: decision.to,
            reason: config.reason,
            ...(config.environment ? { environment: config.environment } : {}),
            rev: history.rev,
            at,
        }));
    }
    const list = (pick) => decisions.map(pick).join(', ');
    const subject = (0,template/* fillTemplate */.o)(config.commitMessageTemplate, { target: list((decision) => decision.name), from: list((decision) => decision.from), to: list((decision) => decision.to), reason: config.reason }, 'commit-message');
    // A train of one is written in the one-value form (Image, Value, Rolled-Back-From/-To), as before.
    const message = (0,promotion_trailers/* withTrailers */.jX)(subject, {
        step: STEP,
        values: decisions.map((decision) => ({ ...(decision.target.mode === 'image' ? { image: decision.name } : { key: decision.name }), value: decision.to, previous: [decision.from], rolledBackFrom: decision.from })),
        ...(config.environment ? { environment: config.environment } : {}),
        ...(config.reason ? { extra: { Reason: config.reason } } : {}),
    });
    return { files, requests, message, records, decisions };
}
/** The files' edit read at `revision` (undefined: the work tree), plus the hold records when they change. */
async function planWithHold(repo, plan, revision, files = plan.files) {
    return (0,promotion_plan/* withHold */.yw)(repo, await (0,promotion_plan/* planAt */.Jl)(repo, plan.requests, files, revision), revision, (0,hold/* addHolds */.oY)(plan.records));
}

;// CONCATENATED MODULE: ./packages/core/src/steps/rollback/change-request.ts











/** mode: pull-request: which forge hosts the remote, or a refusal (checked before a dry run returns). */
async function rollbackForgeRemote(config, repo, context) {
    const remote = context.forgeOfRemote(await repo.remoteUrl('origin'), { ...(config.forge ? { kind: config.forge } : {}), ...(config.repository ? { repository: config.repository } : {}), ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}) });
    if (!remote) {
        throw new errors/* InputError */.dz("Cannot tell which forge hosts the remote for mode: pull-request.", "Set 'forge', 'repository' and 'api-url', or use an HTTPS remote on GitHub or GitLab.");
    }
    return remote;
}
/**
 * A rerun rebuilds the change branch from base: the records the branch already carries for this
 * rollback (same ids) are reused, so the rebuilt commit is the same and nothing is pushed.
 */
async function recordsOnBranch(repo, head, records) {
    const text = head !== undefined ? await repo.rootFileAt(head, hold/* HOLD_FILE */.Zb) : undefined;
    const onBranch = text !== undefined ? (0,hold/* parseHolds */._v)(text) : [];
    return records.map((record) => onBranch.find((entry) => entry.id === record.id) ?? record);
}
/** mode: pull-request: one change request per environment and target, kept current like a promotion's. */
async function openRollbackChange(config, platform, repo, base, plan, result, remote, context) {
    const forge = await context.openForge({ kind: remote?.kind ?? 'github', apiUrl: remote?.apiUrl ?? '', repository: remote?.repository ?? '', token: config.token ?? '' }, platform);
    // One value keeps its own branch; several share one per environment, so a later train rollback updates the same PR/MR.
    const [only, ...more] = plan.decisions;
    const branch = (0,change_branch/* changeBranchName */.Wh)('rollback', [...(config.environment ? [config.environment] : []), only && more.length === 0 ? only.name : 'train']);
    const tips = await (0,change_branch/* readTips */.Pm)(repo, 'origin', base, branch);
    const onBranch = { ...plan, records: await recordsOnBranch(repo, tips.headSha, plan.records) };
    const planOnBranch = (revision) => planWithHold(repo, onBranch, revision);
    const outcome = await (0,change_branch/* publishChangeBranch */.kX)({
        ...publishing(config, platform, repo, plan.message, context),
        base,
        branch,
        tips,
        plan: planOnBranch,
        ours: (0,promotion_trailers/* writtenBy */.xO)(STEP),
    });
    const review = config.sourceRepository ? { changelog: await takenOut(forge, config.sourceRepository, plan.decisions) } : {};
    const argocd = config.argocd ? await (0,review_review/* connectReview */.$N)(config.argocd, (options) => context.connectArgoCd(options), (text) => platform.redact(text)) : undefined;
    try {
        return await syncRollbackChange(config, platform, forge, repo, { base, branch, outcome, planOnBranch, plan, result, review, argocd });
    }
    finally {
        await argocd?.client.close();
    }
}
/** What the revert takes out of the application, per value: the commits from `to` up to `from`. */
async function takenOut(forge, sourceRepository, decisions) {
    const entries = decisions.map((decision) => ({
        previous: [decision.to],
        value: decision.from,
        mode: decision.target.mode,
        heading: `### What rolling back ${(0,markdown/* markdownText */.p7)(decisions.length > 1 ? `${decision.name} ${decision.from}` : decision.from)} takes out`,
    }));
    return (await (0,review_review/* changelogSections */.RS)({ forge, repository: (0,review_review/* repositoryPath */.SH)(sourceRepository) }, entries)).text;
}
/** The change request describes the rollback branch: its body shows the revert as Argo CD renders it, and what it takes out. */
async function syncRollbackChange(config, platform, forge, repo, rollback) {
    const { base, branch, outcome, planOnBranch, plan, result, review, argocd } = rollback;
    const described = rollbackDescription(config, plan.decisions, result);
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
            title: described.title,
            body: (0,body/* fitBody */.K)(described.head, { ...review, ...(argocd && argocd.targets.length > 0 ? { diff: await (0,review_review/* argoCdDiff */.yo)(argocd, head, config.environment ?? 'the environment', (text) => platform.info(text)) } : {}) }, described.footer),
            draft: false,
            labels: config.labels,
            assignees: [],
            reviewers: config.reviewers,
            teamReviewers: [],
        }),
        describe: (planned) => plan.decisions.map((decision) => `${decision.name} ${(0,manifest_reader/* valuesIn */.aC)(planned, decision.target).join(', ') || '(not set)'}`).join('; '),
        info: (text) => platform.info(text),
        warning: (text) => platform.warning(text),
    });
    if (synced.kind === 'base-holds')
        return { ...result, changed: false, ...(synced.existing ? { number: synced.existing.number, url: synced.existing.url } : {}) };
    const change = synced.change ? { number: synced.change.number, url: synced.change.url } : {};
    // Superseded: another rollback replaced the branch; the outputs say what it holds instead.
    if (synced.kind === 'superseded') {
        const holds = plan.decisions.map((decision) => (0,manifest_reader/* valuesIn */.aC)(synced.planned, decision.target).join(', '));
        return { ...result, to: holds.join(', '), changes: result.changes.map((entry, index) => ({ ...entry, to: holds[index] ?? entry.to })), commitSha: synced.headSha, pushed: false, ...change };
    }
    return { ...result, commitSha: synced.headSha, pushed: outcome.kind === 'pushed', ...change };
}

;// CONCATENATED MODULE: ./packages/core/src/steps/rollback/run.ts












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
        firstParent: true,
        texts: new Map(),
        commitLists: new Map(),
        info: (message) => platform.info(message),
    };
    const decisions = await platform.group(`Reading the history of ${targetsLabel(config)}`, async () => decideAll(config, history, await targetsOf(config, history, platform)));
    for (const decision of decisions) {
        platform.info(`${decision.name} runs ${decision.from} at ${rev.slice(0, 12)}; rolling back to ${decision.to}${decision.source ? `, the value after ${decision.source}` : ' (given as to)'}.`);
    }
    const moving = decisions.filter((decision) => decision.to !== decision.from);
    const result = resultOf(moving.length > 0 ? moving : decisions, moving.length > 0);
    if (!result.changed) {
        platform.info(`${decisions.map((decision) => decision.name).join(', ')} ${decisions.length === 1 ? 'is' : 'are'} already at ${result.to}; nothing to roll back.`);
        return result;
    }
    const plan = await rollbackPlan(config, repo, history, moving, files);
    // What the real run refuses without writing is refused before a dry run returns: an unusable
    // `to` (rollbackPlan), a forge that cannot be told, files where nothing matches, an unreadable
    // hold file.
    const forgeRemote = config.mode === 'pull-request' ? await rollbackForgeRemote(config, repo, context) : undefined;
    if (config.mode === 'commit')
        await planWithHold(repo, plan, undefined);
    if (remoteSide)
        await planWithHold(repo, plan, rev);
    if (config.dryRun) {
        platform.info(`Dry run: would roll back ${moving.map((decision) => `${decision.name} from ${decision.from} to ${decision.to}`).join('; ')}; nothing written.`);
        return result;
    }
    if (config.mode === 'pull-request')
        return platform.group('Opening the rollback change request', () => openRollbackChange(config, platform, repo, branch, plan, result, forgeRemote, context));
    return platform.group('Committing the rollback', () => commitRollback(config, platform, repo, { branch, tip }, plan, result, context));
}
function targetsLabel(config) {
    return config.allValues ? 'the newest change of values' : config.targets.map((target) => target.name).join(', ');
}
/**
 * The values to roll back: those given, each of which the files must set (a list naming one they
 * do not is refused before anything is decided), or with `images: all` those the newest commit
 * that changed values changed (the whole train).
 */
async function targetsOf(config, history, platform) {
    if (!config.allValues) {
        if (config.targetInput === 'images' || config.targetInput === 'keys')
            await requireSet(config, history);
        return config.targets;
    }
    const change = await (0,promotion_history/* newestValueChange */.im)(history);
    if (!change) {
        throw new manifest_errors/* ManifestEditError */.M(`Nothing to roll back: no commit that changed ${history.files.join(', ')} (first parents of ${history.rev.slice(0, 12)}) changed an image or a named value.`, "Name the values to roll back with 'image', 'key', 'images' or 'keys' (and 'to' for one value).");
    }
    const targets = change.targets.map((target) => ({ target, name: target.mode === 'image' ? target.name : (0,key_path/* formatKeyPath */.K7)(target.path) }));
    platform.info(`The newest change of values is ${change.commit.sha.slice(0, 12)} ("${change.commit.subject}"): ${targets.map((target) => target.name).join(', ')}.`);
    return targets;
}
/** A list naming an image or key the files do not set: an error naming each, and what the files hold. */
async function requireSet(config, history) {
    const missing = await (0,promotion_history/* unsetTargets */.e_)(history, config.targets.map((target) => target.target));
    if (missing.length === 0)
        return;
    const names = missing.map((target) => (target.mode === 'image' ? target.name : (0,key_path/* formatKeyPath */.K7)(target.path)));
    const images = await (0,promotion_history/* imagesAt */.Yu)(history);
    throw new manifest_errors/* ManifestEditError */.M(`Input '${config.targetInput}' names ${names.join(', ')}, which ${history.files.join(', ')} ${missing.length === 1 ? 'does' : 'do'} not set at ${history.rev.slice(0, 12)}; nothing was rolled back.`, `List only values these files set${images.length > 0 ? ` (images there: ${images.slice(0, 10).join(', ')}${images.length > 10 ? ', …' : ''})` : ''}, or check 'files'.`);
}
async function decideAll(config, history, targets) {
    const decisions = [];
    // One read of the hold for every value.
    const holds = await (0,hold/* readHolds */.RC)(holdHistory(history), targets.map(({ target }) => target));
    for (const [index, { target, name }] of targets.entries()) {
        const hold = holds[index];
        if (!hold)
            throw new Error('readHolds gives one hold per target');
        decisions.push({ ...(await decideRollback({ ...history, target }, name, config.to?.value, hold)), target });
    }
    return decisions;
}
/** The decisions as outputs: one value as before, several comma-separated, each in `changes`. */
function resultOf(decisions, changed) {
    const [only] = decisions;
    return {
        changed,
        from: decisions.map((decision) => decision.from).join(', '),
        to: decisions.map((decision) => decision.to).join(', '),
        changes: changed ? decisions.map(changeOf) : [],
        commitSha: '',
        pushed: false,
        ...(decisions.length === 1 && only?.source ? { source: only.source } : {}),
    };
}
function changeOf(decision) {
    const named = decision.target.mode === 'image' ? { image: decision.name } : { key: decision.name };
    return { ...named, from: decision.from, to: decision.to };
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
    // Last, so the one-value outputs read as they always did, in their order.
    platform.setOutput('changes', (0,neutralise/* inertJson */.nl)(result.changes));
    await platform.appendSummary(summary(config, result).join('\n'));
    return result;
}
/** The job summary: one value in a sentence (as always), several as a list, a line per value. */
function summary(config, result) {
    const lines = ['### gitops-promote: rollback', ''];
    if (!result.changed) {
        const names = config.targets.map((target) => target.name).join(', ') || 'Every value';
        lines.push(`${(0,markdown/* markdownText */.p7)(names)} ${config.targets.length > 1 ? 'are' : 'is'} already at ${(0,markdown/* markdownCode */.D9)(result.to)}; nothing changed.`);
        return lines;
    }
    const [only, ...more] = result.changes;
    if (only && more.length === 0) {
        lines.push(`${(0,markdown/* markdownCode */.D9)(only.image ?? only.key ?? '')}: ${(0,markdown/* markdownCode */.D9)(result.from)} → ${(0,markdown/* markdownCode */.D9)(result.to)}${result.source ? ` (the value after ${(0,markdown/* markdownCode */.D9)(result.source)})` : ''}.`);
    }
    else {
        lines.push(`${result.changes.length} values rolled back in one change:`, '');
        for (const change of result.changes)
            lines.push(`- ${(0,markdown/* markdownCode */.D9)(change.image ?? change.key ?? '')}: ${(0,markdown/* markdownCode */.D9)(change.from)} → ${(0,markdown/* markdownCode */.D9)(change.to)}`);
    }
    if (config.reason)
        lines.push('', `Reason: ${(0,markdown/* markdownCode */.D9)(config.reason)}`);
    if (result.url)
        lines.push('', `Change request: [#${result.number ?? ''}](${result.url})`);
    else if (result.commitSha)
        lines.push('', `Commit ${(0,markdown/* markdownCode */.D9)(result.commitSha)}${result.pushed ? ' pushed' : ''}.`);
    if (config.dryRun)
        lines.push('', 'Dry run: nothing was written.');
    return lines;
}


/***/ })

};
