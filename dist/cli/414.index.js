export const id = 414;
export const ids = [414];
export const modules = {

/***/ 4441:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ ensureChangeRequest)
/* harmony export */ });
/* unused harmony export requestedBefore */
/**
 * Invisible in the rendered body: says gitops-promote wrote it, and whom it asked for review. A
 * reviewer who has reviewed drops out of the forge's requested reviewers; remembering the request
 * here keeps later runs from asking them again.
 */
const MARKER = /<!-- gitops-promote(?::[a-z-]+)?(?: requested=([^\s]*))? -->/;
function marker(requested) {
    return `<!-- gitops-promote${requested.length > 0 ? ` requested=${requested.map(encodeURIComponent).join(',')}` : ''} -->`;
}
/** The reviewers (users, and teams as `team:slug`) an earlier run asked, read from the body's marker. */
function requestedBefore(body) {
    const list = MARKER.exec(body)?.[1];
    return list ? list.split(',').filter((name) => name !== '').map(decodeURIComponent) : [];
}
/**
 * Opens the change request or brings the open one (`existing`) up to date: title, body, then
 * labels, assignees and reviewers only where missing. Each write is skipped when the forge already
 * shows it, so a repeated run writes nothing; a create that loses a race to another run's create
 * continues with that one. `branchMoved` (our branch was pushed this run) makes it `updated`.
 */
async function ensureChangeRequest(forge, wanted, existing, branchMoved, log) {
    const askedBefore = existing ? requestedBefore(existing.body) : [];
    const asked = [...wanted.reviewers, ...wanted.teamReviewers.map((team) => `team:${team}`)];
    const body = `${wanted.body.trimEnd()}\n\n${marker([...new Set([...askedBefore, ...asked])].sort())}\n`;
    let operation = branchMoved ? 'updated' : 'unchanged';
    let change = existing;
    if (!change) {
        const made = await forge.create({ head: wanted.head, base: wanted.base, title: wanted.title, body, draft: wanted.draft });
        change = made.change;
        if (made.created)
            operation = 'created';
        log(made.created ? `Opened ${forge.noun} #${change.number}: ${change.url}` : `Another run opened ${forge.noun} #${change.number} first; using it.`);
    }
    if (change.title !== wanted.title || change.body.trimEnd() !== body.trimEnd()) {
        change = await forge.update(change, { ...(change.title !== wanted.title ? { title: wanted.title } : {}), ...(change.body.trimEnd() !== body.trimEnd() ? { body } : {}) });
        if (operation === 'unchanged')
            operation = 'updated';
        log(`Updated the title and description of ${forge.noun} #${change.number}.`);
    }
    if ((await addMissing(forge, wanted, change, askedBefore)) && operation === 'unchanged')
        operation = 'updated';
    return { operation, change };
}
/** Adds what is missing of labels, assignees and reviewers; true when anything was written. */
async function addMissing(forge, wanted, change, askedBefore) {
    const missing = (names, present) => {
        const have = new Set(present.map((name) => name.toLowerCase()));
        return names.filter((name) => !have.has(name.toLowerCase()));
    };
    const labels = missing(wanted.labels, change.labels);
    const assignees = missing(wanted.assignees, change.assignees);
    const reviewers = missing(wanted.reviewers, [...change.reviewers, ...askedBefore]);
    const teams = missing(wanted.teamReviewers, [...change.teamReviewers, ...askedBefore.filter((name) => name.startsWith('team:')).map((name) => name.slice(5))]);
    if (labels.length > 0)
        await forge.addLabels(change, labels);
    if (assignees.length > 0)
        await forge.addAssignees(change, assignees);
    if (reviewers.length > 0 || teams.length > 0)
        await forge.requestReviewers(change, reviewers, teams);
    return labels.length + assignees.length + reviewers.length + teams.length > 0;
}


/***/ }),

/***/ 6698:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ branchSegment)
/* harmony export */ });
/**
 * A name (an environment, an image, a key path) as one segment of a branch name the steps make:
 * characters git refuses, and `/` (which would nest refs and clash), become `-`; no `..`, no
 * leading or trailing `-`/`.`, no `.lock` ending.
 */
function branchSegment(name) {
    return (name
        .replace(/[^A-Za-z0-9._-]+/g, '-')
        .replace(/\.{2,}/g, '.')
        .replace(/^[-.]+|[-.]+$|\.lock$/g, '')
        .slice(0, 100) || 'value');
}


/***/ }),

/***/ 3152:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   yX: () => (/* binding */ requireRemoteBranch)
/* harmony export */ });
/* unused harmony export BranchNotFoundError */
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7638);
/* harmony import */ var _text_closest__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(978);


// Kept importable from here, where they were first written.

/** The branch a step was told to write to does not exist on the remote, and creating it was not asked for. */
class BranchNotFoundError extends _errors__WEBPACK_IMPORTED_MODULE_0__/* .GitError */ .XS {
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

/***/ 3737:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ readTips),
/* harmony export */   k: () => (/* binding */ publishChangeBranch)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _duration__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9713);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7638);
/* harmony import */ var _publisher__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6030);




/** Reads and fetches base and the change branch in one round trip each; a missing base is an error. */
async function readTips(repo, remote, base, branch) {
    const tips = await repo.remoteTips(remote, [base, branch]);
    const baseTip = tips.get(base);
    if (baseTip === undefined) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .GitError */ .XS(`Base branch ${base} does not exist in the environment repository.`, "Set 'base' to an existing branch, or leave it empty for the repository's default branch.");
    }
    const head = tips.get(branch);
    await repo.fetchBranches(remote, head === undefined ? [base] : [base, branch]);
    return { baseTip, head };
}
/**
 * Keeps `branch` one commit of ours on top of `base` holding the values: the branch of a change
 * request. Each run rebuilds it from the tip of base and replaces the old head with a lease on the
 * head it saw, so a concurrent run or a person's push in between is never overwritten. A commit
 * on the branch that no run of ours wrote (someone fixed something on the PR) is kept: when it
 * leaves the edited files alone our commit goes on top of it, else the run stops and names it.
 */
async function publishChangeBranch(request) {
    const deadline = Date.now() + request.timeoutMs;
    for (let attempt = 1;; attempt++) {
        const started = Date.now();
        const outcome = await attemptOnce(request, attempt === 1 ? request.tips : undefined);
        if (outcome !== 'race')
            return outcome;
        const delay = (0,_publisher__WEBPACK_IMPORTED_MODULE_3__/* .retryDelayMs */ .qO)(attempt, Date.now() - started, request.backoff);
        const left = deadline - Date.now();
        if (left - delay <= 0) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .PushRetriesExhaustedError */ .KJ(`Could not update ${request.branch} within push-timeout ${(0,_duration__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(request.timeoutMs)} (${attempt} attempt${attempt === 1 ? '' : 's'}): it kept changing under us.`, 'Another run is promoting to the same branch; run the step again or raise push-timeout.');
        }
        request.info(`Attempt ${attempt}: ${request.branch} moved since it was read; reading it again in ${(0,_duration__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(delay)}.`);
        await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(delay);
    }
}
async function attemptOnce(request, known) {
    const { repo, remote, base, branch } = request;
    const { baseTip, head } = known ?? (await readTips(repo, remote, base, branch));
    const fromBase = await request.plan(baseTip);
    if ((0,_publisher__WEBPACK_IMPORTED_MODULE_3__/* .changedOnly */ .RE)(fromBase).length === 0)
        return { kind: 'base-holds', baseTip, head, planned: fromBase };
    let parent = baseTip;
    let planned = fromBase;
    if (head !== undefined) {
        const foreign = (await repo.commitsOnlyIn(head, baseTip)).filter((commit) => !request.ours(commit));
        if (foreign.length > 0) {
            // Build on their work when it leaves our files alone; where it touches them, our edit would
            // silently override what a person chose, so that is theirs to resolve.
            const ours = new Set((0,_publisher__WEBPACK_IMPORTED_MODULE_3__/* .changedOnly */ .RE)(fromBase).map((file) => file.file));
            const touching = await filesTouched(repo, foreign, ours);
            if (touching.length > 0)
                throw foreignCommitError(branch, foreign, touching);
            parent = head;
            planned = await request.plan(head);
            if ((0,_publisher__WEBPACK_IMPORTED_MODULE_3__/* .changedOnly */ .RE)(planned).length === 0) {
                request.info(`${branch} already holds the values on top of the commits people added; nothing to push.`);
                return { kind: 'unchanged', baseTip, head, planned };
            }
            request.info(`${branch} holds ${foreign.length} commit(s) not written by gitops-promote (${short(foreign[0])}); adding the change on top of them.`);
        }
    }
    const message = request.message(planned);
    const files = (0,_publisher__WEBPACK_IMPORTED_MODULE_3__/* .changedOnly */ .RE)(planned).map((file) => ({ path: file.file, content: file.output }));
    const sha = await repo.commitOnto(parent, files, message, request.author);
    if (head !== undefined && parent === baseTip && (await repo.parentsOf(head)).join(' ') === baseTip && (await repo.treeOf(head)) === (await repo.treeOf(sha))) {
        request.info(`${branch} already holds this change on ${base}'s tip (${head.slice(0, 12)}); nothing to push.`);
        return { kind: 'unchanged', baseTip, head, planned };
    }
    if (request.commitThroughApi) {
        const made = await request.commitThroughApi({ branch, parent, parentTree: await repo.treeOf(parent), message, files, ...(head !== undefined ? { expectedHead: head } : {}) });
        if (made === 'race')
            return 'race';
        request.info(`The forge committed ${made.sha.slice(0, 12)} to ${branch}${made.verified ? ' (signed, Verified)' : ''}.`);
        return { kind: 'pushed', baseTip, head: made.sha, previousHead: head, planned, verified: made.verified };
    }
    const pushed = await repo.pushLeased(remote, sha, branch, head);
    if (!pushed.ok) {
        if (pushed.race)
            return 'race';
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .GitError */ .XS(`git push to ${branch} was refused: ${pushed.message}`, 'The token needs write access to the environment repository (GitHub: contents: write; GitLab: write_repository), and branch protection must allow pushing branches named like this one.');
    }
    request.info(`Pushed ${sha.slice(0, 12)} to ${remote}/${branch}${head === undefined ? ' (new branch)' : `, replacing ${head.slice(0, 12)}`}.`);
    return { kind: 'pushed', baseTip, head: sha, previousHead: head, planned, verified: undefined };
}
async function filesTouched(repo, commits, files) {
    const touched = new Set();
    for (const commit of commits)
        for (const file of await repo.changedFiles(commit.sha))
            if (files.has(file))
                touched.add(file);
    return [...touched];
}
function short(commit) {
    return commit ? `${commit.sha.slice(0, 7)} "${commit.subject}" by ${commit.author}` : '';
}
function foreignCommitError(branch, foreign, touching) {
    return new _errors__WEBPACK_IMPORTED_MODULE_2__/* .GitError */ .XS(`${branch} holds ${foreign.length === 1 ? 'a commit' : `${foreign.length} commits`} that gitops-promote did not write, changing ${touching.join(', ')}: ${foreign.slice(0, 3).map(short).join('; ')}. It is not overwritten.`, `Merge or close the change request that carries it (or revert it on ${branch}); when the branch holds only gitops-promote's commits, or is deleted, the next run updates it.`);
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
// EXTERNAL MODULE: ./packages/core/src/duration.ts
var duration = __webpack_require__(9713);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/forge/select.ts
var forge_select = __webpack_require__(8529);
// EXTERNAL MODULE: ./packages/core/src/image-reference.ts
var image_reference = __webpack_require__(5988);
// EXTERNAL MODULE: ./packages/core/src/list-input.ts
var list_input = __webpack_require__(5268);
// EXTERNAL MODULE: ./packages/core/src/manifest/key-path.ts
var key_path = __webpack_require__(4790);
// EXTERNAL MODULE: ./packages/core/src/steps/shared-inputs.ts
var shared_inputs = __webpack_require__(9880);
;// CONCATENATED MODULE: ./packages/core/src/steps/rollback/config.ts








function validateRollbackInputs(inputs) {
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
    const mode = inputs.mode || 'commit';
    if (mode !== 'commit' && mode !== 'pull-request')
        throw new errors/* InputError */.dz(`Input 'mode' must be commit or pull-request, got ${JSON.stringify(mode)}.`, 'Set mode: commit (default) or mode: pull-request.');
    const config = {
        path: inputs.path || '.',
        files,
        target,
        targetName,
        reason: (0,shared_inputs/* singleLine */.pF)(inputs.reason, 'reason'),
        mode,
        push: (0,steps_inputs/* parseBoolean */.y)(inputs.push, 'push', true),
        createBranch: (0,steps_inputs/* parseBoolean */.y)(inputs['create-branch'], 'create-branch', false),
        commitMessageTemplate: inputs['commit-message'] || 'revert(deploy): roll back {{target}} from {{from}} to {{to}}',
        pushTimeoutMs: (0,duration/* parseDuration */.E)(inputs['push-timeout'] || '5m', 'push-timeout'),
        labels: [...new Set(['rollback', ...(inputs.environment ? [inputs.environment] : []), ...(0,list_input/* splitList */.r)(inputs.labels)])],
        reviewers: (0,list_input/* splitList */.r)(inputs.reviewers),
        dryRun: (0,steps_inputs/* parseBoolean */.y)(inputs['dry-run'], 'dry-run', false),
    };
    if (inputs.to !== '') {
        const to = (0,shared_inputs/* singleLine */.pF)(inputs.to, 'to');
        if (target.mode === 'image') {
            const version = (0,shared_inputs/* imageVersionInputs */.n_)(to.startsWith('@') ? '' : to, to.startsWith('@') ? to.slice(1) : '');
            config.to = { value: `${version.tag ?? ''}${version.digest ? `@${version.digest}` : ''}`, ...version };
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
    const forge = (0,forge_select/* parseForgeKind */.dG)(inputs.platform);
    if (forge)
        config.forge = forge;
    if (inputs.repository !== '')
        config.repository = (0,shared_inputs/* singleLine */.pF)(inputs.repository, 'repository');
    if (inputs['api-url'] !== '')
        config.apiUrl = (0,shared_inputs/* singleLine */.pF)(inputs['api-url'], 'api-url');
    const author = (0,shared_inputs/* authorInputs */.Pm)(inputs['author-name'], inputs['author-email']);
    if (author)
        config.author = author;
    if (config.mode === 'pull-request' && !config.token) {
        throw new errors/* InputError */.dz("Input 'token' is required with mode: pull-request: the PR/MR is opened through the forge's API.", 'Pass a token with contents and pull-requests write (GitHub) or the api scope (GitLab).');
    }
    return config;
}

// EXTERNAL MODULE: ./packages/core/src/forge/change-request.ts
var change_request = __webpack_require__(4441);
// EXTERNAL MODULE: ./packages/core/src/git/branch-name.ts
var branch_name = __webpack_require__(6698);
// EXTERNAL MODULE: ./packages/core/src/git/branch-target.ts
var branch_target = __webpack_require__(3152);
// EXTERNAL MODULE: ./packages/core/src/git/change-branch.ts
var change_branch = __webpack_require__(3737);
// EXTERNAL MODULE: ./packages/core/src/git/promotion-history.ts
var promotion_history = __webpack_require__(5726);
// EXTERNAL MODULE: ./packages/core/src/git/publisher.ts
var publisher = __webpack_require__(6030);
// EXTERNAL MODULE: ./packages/core/src/git/trailers.ts
var git_trailers = __webpack_require__(1704);
// EXTERNAL MODULE: ./packages/core/src/manifest/file-edits.ts
var file_edits = __webpack_require__(7441);
// EXTERNAL MODULE: ./packages/core/src/repo-files.ts
var repo_files = __webpack_require__(9363);
// EXTERNAL MODULE: ./packages/core/src/template.ts
var template = __webpack_require__(771);
// EXTERNAL MODULE: ./packages/core/src/steps/checkout.ts + 1 modules
var checkout = __webpack_require__(7271);
// EXTERNAL MODULE: ./packages/core/src/steps/forge-client.ts
var forge_client = __webpack_require__(7664);
;// CONCATENATED MODULE: ./packages/core/src/steps/rollback/run.ts















const STEP = 'rollback';
async function runRollback(config, platform, options = {}) {
    if (config.token)
        platform.setSecret(config.token);
    const remoteSide = config.mode === 'pull-request' || config.push;
    const files = await (0,repo_files/* selectFiles */.A)(config.path, config.files);
    const repo = await (0,checkout/* openCheckout */.Hj)(config.path, 'origin', config.token, remoteSide, platform);
    const branch = await (0,checkout/* targetBranch */.mY)(repo, config.branch, platform);
    // Decided on what the remote runs: the checkout may be behind it.
    const rev = (remoteSide ? await (0,branch_target/* requireRemoteBranch */.yX)(repo, 'origin', branch, config.mode === 'commit' && config.createBranch, (message) => platform.info(message)) : undefined) ?? (await repo.head());
    const history = { repo, remote: 'origin', branch: remoteSide ? branch : undefined, rev, files: files.map((file) => file.relative), target: config.target, info: (message) => platform.info(message) };
    const decision = await platform.group(`Reading the history of ${config.targetName}`, () => decide(config, history));
    platform.info(`${config.targetName} runs ${decision.from} at ${rev.slice(0, 12)}; rolling back to ${decision.to}${decision.source ? `, the value after ${decision.source}` : ' (given as to)'}.`);
    const result = { changed: decision.to !== decision.from, from: decision.from, to: decision.to, commitSha: '', pushed: false, ...(decision.source ? { source: decision.source } : {}) };
    if (!result.changed) {
        platform.info(`${config.targetName} is already at ${decision.to}; nothing to roll back.`);
        return result;
    }
    if (config.dryRun) {
        platform.info(`Dry run: would roll ${config.targetName} back from ${decision.from} to ${decision.to}; nothing written.`);
        return result;
    }
    const request = editRequest(config, decision);
    const message = (0,git_trailers/* withTrailers */.jX)((0,template/* fillTemplate */.o)(config.commitMessageTemplate, { target: config.targetName, from: decision.from, to: decision.to, reason: config.reason }, 'commit-message'), {
        step: STEP,
        ...(config.target.mode === 'image' ? { image: config.targetName } : { key: config.targetName }),
        value: decision.to,
        previous: [decision.from],
        ...(config.environment ? { environment: config.environment } : {}),
        extra: { 'Rolled-Back-From': decision.from, 'Rolled-Back-To': decision.to, ...(config.reason ? { Reason: config.reason } : {}) },
    });
    if (config.mode === 'pull-request')
        return platform.group('Opening the rollback change request', () => openRollbackChange(config, platform, repo, branch, files, request, message, result, options));
    return platform.group('Committing the rollback', () => commitRollback(config, platform, repo, branch, files, request, message, result, options));
}
/**
 * The value now, and the one to return to: `to`, or the newest value in the files' history that
 * differs from now and that no rollback moved away from (so a second rollback goes further back).
 */
async function decide(config, history) {
    const now = await (0,promotion_history/* valueAt */.fK)(history, { sha: history.rev, author: '', subject: '', message: '' });
    if (now.value === undefined) {
        throw new errors/* ManifestEditError */.MA(`${config.targetName} has no single value in ${history.files.join(', ')} at ${history.rev.slice(0, 12)}.`, 'Check the image name or key, and that the files agree on one value (roll back each file on its own otherwise).');
    }
    const from = now.value;
    if (config.to)
        return { from, to: config.to.value };
    const seen = new Map();
    const candidate = async (commits) => {
        const marks = (0,promotion_history/* rollbackMarks */.f1)(commits, config.target);
        for (const commit of commits) {
            const at = seen.get(commit.sha) ?? (await (0,promotion_history/* valueAt */.fK)(history, commit));
            seen.set(commit.sha, at);
            if (at.value !== undefined && at.value !== from && !marks.has(at.value))
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
        const marks = [...(0,promotion_history/* rollbackMarks */.f1)(commits, config.target).keys()];
        throw new errors/* ManifestEditError */.MA(`Nothing to roll back to: the ${commits.length} commit(s) that changed ${history.files.join(', ')} hold no value of ${config.targetName} other than ${from}${marks.length > 0 ? ` and the rolled-back ${marks.join(', ')}` : ''}.`, "Give the value to return to in 'to'.");
    }
    const trailers = (0,git_trailers/* readTrailers */.t8)(found.commit.message);
    return { from, to: found.value ?? '', at: found, source: `${found.commit.sha.slice(0, 12)} ${trailers.get('Step') ? `(${trailers.get('Step')})` : `"${found.commit.subject}"`}` };
}
function editRequest(config, decision) {
    if (config.target.mode === 'key')
        return { mode: 'key', path: config.target.path, value: decision.to };
    const site = decision.at?.site;
    const tag = config.to ? config.to.tag : site?.tag;
    const digest = config.to ? config.to.digest : site?.digest;
    if (tag === undefined && digest === undefined)
        throw new errors/* InputError */.dz(`Cannot roll back ${config.targetName} to ${JSON.stringify(decision.to)}.`, "Give 'to' as a tag, tag@digest or @digest.");
    return { mode: 'image', image: { name: config.targetName, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) } };
}
/** What both modes hand their publisher alike: where, as whom, the message, the retry budget. */
function publishing(config, platform, repo, message, options) {
    return {
        repo,
        remote: 'origin',
        author: config.author ?? platform.defaultAuthor(),
        message: () => message,
        timeoutMs: config.pushTimeoutMs,
        ...(options.backoff ? { backoff: options.backoff } : {}),
        info: (text) => platform.info(text),
    };
}
async function commitRollback(config, platform, repo, branch, files, request, message, result, options) {
    const planned = await (0,file_edits/* planFileEdits */.z7)(request, files);
    const author = config.author ?? platform.defaultAuthor();
    if (!config.push) {
        if ((0,publisher/* changedOnly */.RE)(planned).length === 0)
            return { ...result, changed: false };
        const sha = await (0,publisher/* commitWrites */.QD)(repo, planned, message, author);
        platform.info(`Committed ${sha.slice(0, 12)}: ${message.split('\n')[0] ?? ''}`);
        return { ...result, commitSha: sha };
    }
    const publication = await (0,publisher/* publish */.mk)({
        ...publishing(config, platform, repo, message, options),
        branch,
        plan: async (revision) => revision !== undefined ? (0,file_edits/* planFileEdits */.z7)(request, files, (file) => repo.fileAt(revision, file.relative)) : (0,file_edits/* planFileEdits */.z7)(request, await (0,repo_files/* selectFiles */.A)(config.path, config.files)),
    }, planned);
    return { ...result, changed: publication.changed, commitSha: publication.commitSha, pushed: publication.pushed };
}
/** mode: pull-request: one change request per environment and target, kept current like a promotion's. */
async function openRollbackChange(config, platform, repo, base, files, request, message, result, options) {
    const env = options.env ?? process.env;
    const remote = (0,forge_select/* forgeOfRemote */.lV)(await repo.remoteUrl('origin'), env, { ...(config.forge ? { kind: config.forge } : {}), ...(config.repository ? { repository: config.repository } : {}), ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}) });
    if (!options.forge && !remote) {
        throw new errors/* InputError */.dz("Cannot tell which forge hosts the remote for mode: pull-request.", "Set 'platform', 'repository' and 'api-url', or use an HTTPS remote on GitHub or GitLab.");
    }
    const forge = options.forge ??
        (await (0,forge_client/* openForge */.y)({ kind: remote?.kind ?? 'github', apiUrl: remote?.apiUrl ?? '', repository: remote?.repository ?? '', token: config.token ?? '', env, ...(options.fetch ? { fetch: options.fetch } : {}) }, platform));
    const branch = `gitops-promote/rollback/${config.environment ? `${(0,branch_name/* branchSegment */.i)(config.environment)}/` : ''}${(0,branch_name/* branchSegment */.i)(config.targetName)}`;
    const outcome = await (0,change_branch/* publishChangeBranch */.k)({
        ...publishing(config, platform, repo, message, options),
        base,
        branch,
        plan: (revision) => (0,file_edits/* planFileEdits */.z7)(request, files, (file) => repo.fileAt(revision, file.relative)),
        ours: (commit) => (0,git_trailers/* readTrailers */.t8)(commit.message).get('Step') === STEP,
    });
    const existing = await forge.findOpen(branch, base);
    if (outcome.kind === 'base-holds')
        return { ...result, changed: false, ...(existing ? { number: existing.number, url: existing.url } : {}) };
    const where = config.environment ? ` in ${config.environment}` : '';
    const { change } = await (0,change_request/* ensureChangeRequest */.E)(forge, {
        head: branch,
        base,
        title: `Roll back ${config.targetName}${where} to ${result.to}`,
        body: [
            `Rolls ${(0,markdown/* markdownCode */.D)(config.targetName)}${where} back from ${(0,markdown/* markdownCode */.D)(result.from)} to ${(0,markdown/* markdownCode */.D)(result.to)}${result.source ? ` (the value after ${(0,markdown/* markdownCode */.D)(result.source)})` : ''}.`,
            '',
            config.reason ? `Reason: ${config.reason}` : 'No reason given.',
            '',
            `Once merged, gitops-promote refuses to promote ${(0,markdown/* markdownCode */.D)(result.from)} again unless \`allow-rolled-back: true\` is set.`,
        ].join('\n'),
        draft: false,
        labels: config.labels,
        assignees: [],
        reviewers: config.reviewers,
        teamReviewers: [],
    }, existing, outcome.kind === 'pushed', (text) => platform.info(text));
    return { ...result, commitSha: outcome.head, pushed: outcome.kind === 'pushed', number: change.number, url: change.url };
}

// EXTERNAL MODULE: ./packages/core/src/steps/rollback/spec.ts
var spec = __webpack_require__(1823);
;// CONCATENATED MODULE: ./packages/core/src/steps/rollback/step.ts





/** The whole step as every entry (action, GitLab job, CLI) runs it: inputs → core → outputs. */
async function rollbackStep(platform, options = {}) {
    const config = validateRollbackInputs((0,steps_inputs/* readInputs */.K)(spec/* rollbackSpec */.k, platform));
    if (config.token)
        platform.setSecret(config.token);
    const result = await runRollback(config, platform, options);
    platform.setOutput('changed', String(result.changed));
    platform.setOutput('rolled-back-from', result.from);
    platform.setOutput('rolled-back-to', result.to);
    platform.setOutput('commit-sha', result.commitSha);
    platform.setOutput('pull-request-number', result.number === undefined ? '' : String(result.number));
    platform.setOutput('pull-request-url', result.url ?? '');
    const lines = ['### gitops-promote: rollback', ''];
    if (!result.changed)
        lines.push(`${(0,markdown/* markdownText */.p)(config.targetName)} is already at ${(0,markdown/* markdownCode */.D)(result.to)}; nothing changed.`);
    else {
        lines.push(`${(0,markdown/* markdownCode */.D)(config.targetName)}: ${(0,markdown/* markdownCode */.D)(result.from)} → ${(0,markdown/* markdownCode */.D)(result.to)}${result.source ? ` (the value after ${(0,markdown/* markdownCode */.D)(result.source)})` : ''}.`);
        if (config.reason)
            lines.push('', `Reason: ${(0,markdown/* markdownCode */.D)(config.reason)}`);
        if (result.url)
            lines.push('', `Change request: [#${result.number ?? ''}](${result.url})`);
        else if (result.commitSha)
            lines.push('', `Commit ${(0,markdown/* markdownCode */.D)(result.commitSha)}${result.pushed ? ' pushed' : ''}.`);
        if (config.dryRun)
            lines.push('', 'Dry run: nothing was written.');
    }
    await platform.appendSummary(lines.join('\n'));
    return result;
}


/***/ })

};
