export const id = 414;
export const ids = [414];
export const modules = {

/***/ 4204:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  l: () => (/* binding */ syncChangeRequest)
});

// EXTERNAL MODULE: ./packages/core/src/git/change-branch.ts
var change_branch = __webpack_require__(3737);
;// CONCATENATED MODULE: ./packages/core/src/forge/change-request.ts
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
 * The body's marker names a reviewer only once the forge accepted the request, so a request that
 * failed is made again by the next run. `opened` hears of the change request as soon as it exists.
 */
async function ensureChangeRequest(forge, wanted, existing, branchMoved, log, opened = () => undefined) {
    const bodyWith = (names) => `${wanted.body.trimEnd()}\n\n${marker([...names].sort())}\n`;
    let operation = branchMoved ? 'updated' : 'unchanged';
    let change = existing;
    if (!change) {
        const made = await forge.create({ head: wanted.head, base: wanted.base, title: wanted.title, body: bodyWith(new Set()), draft: wanted.draft });
        change = made.change;
        opened(change);
        if (made.created)
            operation = 'created';
        log(made.created ? `Opened ${forge.noun} #${change.number}: ${change.url}` : `Another run opened ${forge.noun} #${change.number} first; using it.`);
    }
    const recorded = recordedRequests(wanted, change);
    const body = bodyWith(recorded);
    if (change.title !== wanted.title || change.body.trimEnd() !== body.trimEnd()) {
        change = await forge.update(change, { ...(change.title !== wanted.title ? { title: wanted.title } : {}), ...(change.body.trimEnd() !== body.trimEnd() ? { body } : {}) });
        if (operation === 'unchanged')
            operation = 'updated';
        log(`Updated the title and description of ${forge.noun} #${change.number}.`);
    }
    const requested = await addMissing(forge, wanted, change, [...recorded]);
    if (requested === undefined)
        return { operation, change };
    if (operation === 'unchanged')
        operation = 'updated';
    // Only now, with the forge's yes, is the request remembered in the body.
    for (const name of requested)
        recorded.add(name);
    const marked = bodyWith(recorded);
    if (change.body.trimEnd() !== marked.trimEnd())
        change = await forge.update(change, { body: marked });
    return { operation, change };
}
/** The reviewers the marker keeps: asked by an earlier run, or shown by the forge as requested already. */
function recordedRequests(wanted, change) {
    const shown = new Set([...change.reviewers, ...change.teamReviewers.map((team) => `team:${team}`)].map((name) => name.toLowerCase()));
    const asked = [...wanted.reviewers, ...wanted.teamReviewers.map((team) => `team:${team}`)];
    return new Set([...requestedBefore(change.body), ...asked.filter((name) => shown.has(name.toLowerCase()))]);
}
/**
 * Adds what is missing of labels, assignees and reviewers. undefined when nothing was written,
 * else the reviewers (teams as `team:slug`) the forge accepted a request for.
 */
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
    if (labels.length + assignees.length + reviewers.length + teams.length === 0)
        return undefined;
    return [...reviewers, ...teams.map((team) => `team:${team}`)];
}

;// CONCATENATED MODULE: ./packages/core/src/forge/change-branch-request.ts


/**
 * Makes the change request describe what its branch holds. The branch is read again just before
 * the title and body are written: when another run replaced it with other values, this run writes
 * nothing and says it was superseded. When the forge fails after this run created the branch and
 * before any change request exists for it, the branch is deleted (with a lease on our commit), or
 * the error names it.
 */
async function syncChangeRequest(sync) {
    const { outcome } = sync;
    let opened = false;
    try {
        const existing = await sync.forge.findOpen(sync.branch, sync.base);
        opened = existing !== undefined;
        if (outcome.kind === 'base-holds')
            return { kind: 'base-holds', existing, baseTip: outcome.baseTip };
        const current = outcome.kind === 'superseded' ? outcome : await (0,change_branch/* rereadChangeBranch */.oH)(sync, outcome);
        if (current.kind === 'superseded') {
            sync.warning(`Superseded: ${sync.branch} was replaced while this run worked and holds ${sync.describe(current.planned)} at ${current.head.slice(0, 12)}; this run's change is not on it, and the ${sync.forge.noun} is left describing what the branch holds.`);
            return { kind: 'superseded', change: existing, head: current.head, planned: current.planned };
        }
        const { operation, change } = await ensureChangeRequest(sync.forge, sync.wanted(current.planned), existing, current.kind === 'pushed', sync.info, () => {
            opened = true;
        });
        await sync.finish?.(change, current.head);
        return { kind: 'ensured', operation, change, head: current.head, planned: current.planned, verified: current.kind === 'pushed' ? current.verified : undefined };
    }
    catch (error) {
        if (outcome.kind === 'pushed' && outcome.previousHead === undefined && !opened)
            await removeCreatedBranch(sync, outcome.head, error);
        throw error;
    }
}
/**
 * A branch no change request uses would wait for a person to find it; deleting it lets the next
 * run start over. When that fails too, the error says which branch was left behind.
 */
async function removeCreatedBranch(sync, sha, error) {
    const failed = await (0,change_branch/* deleteCreatedBranch */.e5)(sync.repo, sync.remote, sync.branch, sha).catch((caught) => (caught instanceof Error ? caught.message : String(caught)));
    if (failed === undefined) {
        sync.info(`Deleted ${sync.branch} (${sha.slice(0, 12)}), which this run had created: no ${sync.forge.noun} was opened for it.`);
        return;
    }
    const note = ` The branch ${sync.branch} this run pushed (${sha.slice(0, 12)}) could not be deleted (${failed}); delete it unless a ${sync.forge.noun} is opened from it.`;
    // The forge's error stays the one reported (its class, status and hint); it gains the branch.
    if (error instanceof Error)
        error.message += note;
    else
        sync.warning(note.trim());
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
/* harmony export */   Pm: () => (/* binding */ readTips),
/* harmony export */   e5: () => (/* binding */ deleteCreatedBranch),
/* harmony export */   kX: () => (/* binding */ publishChangeBranch),
/* harmony export */   oH: () => (/* binding */ rereadChangeBranch)
/* harmony export */ });
/* unused harmony export checkChangeBranch */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _duration__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9713);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7638);
/* harmony import */ var _publisher__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6030);




/**
 * Refuses, before anything is fetched or pushed, a change branch or base git would not take as a
 * branch name (the one validator every step's branch inputs go through), and a change branch
 * that is its base: its commit would land on the base itself instead of in a change request.
 */
async function checkChangeBranch(repo, base, branch) {
    await repo.checkBranchName(base, 'base');
    await repo.checkBranchName(branch, 'branch');
    if (branch === base) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input 'branch' is the base branch itself (${base}): the change would be pushed straight to ${base} instead of into a change request.`, "Leave 'branch' empty (gitops-promote/<environment>/<target>) or name another branch; 'base' is the branch the change request targets (the repository's default branch when empty).");
    }
}
/** Checks the names (checkChangeBranch), then reads and fetches base and the change branch; a missing base is an error. */
async function readTips(repo, remote, base, branch) {
    await checkChangeBranch(repo, base, branch);
    return fetchTips(repo, remote, base, branch);
}
/** Reads and fetches base and the change branch in one round trip each; a missing base is an error. */
async function fetchTips(repo, remote, base, branch) {
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
 * A push lost to another run of ours that put other values there is `superseded`, not undone.
 */
async function publishChangeBranch(request) {
    // Tips handed in came from readTips, which checked the names already.
    if (!request.tips)
        await checkChangeBranch(request.repo, request.base, request.branch);
    const deadline = Date.now() + request.timeoutMs;
    let lost;
    for (let attempt = 1;; attempt++) {
        const started = Date.now();
        const outcome = await attemptOnce(request, attempt === 1 ? request.tips : undefined, lost);
        if (!('race' in outcome))
            return outcome;
        lost = outcome;
        const delay = (0,_publisher__WEBPACK_IMPORTED_MODULE_3__/* .retryDelayMs */ .qO)(attempt, Date.now() - started, request.backoff);
        const left = deadline - Date.now();
        if (left - delay <= 0) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .PushRetriesExhaustedError */ .KJ(`Could not update ${request.branch} within push-timeout ${(0,_duration__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(request.timeoutMs)} (${attempt} attempt${attempt === 1 ? '' : 's'}): it kept changing under us.`, 'Another run is promoting to the same branch; run the step again or raise push-timeout.');
        }
        request.info(`Attempt ${attempt}: ${request.branch} moved since it was read; reading it again in ${(0,_duration__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(delay)}.`);
        await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(delay);
    }
}
async function attemptOnce(request, known, lost) {
    const { repo, remote, base, branch } = request;
    const { baseTip, head } = known ?? (await fetchTips(repo, remote, base, branch));
    if (lost && head !== undefined && head !== lost.expected) {
        const superseded = await supersededBy(request, baseTip, head);
        if (superseded)
            return superseded;
    }
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
            return { race: true, expected: head };
        request.info(`The forge committed ${made.sha.slice(0, 12)} to ${branch}${made.verified ? ' (signed, Verified)' : ''}.`);
        return { kind: 'pushed', baseTip, head: made.sha, previousHead: head, planned, verified: made.verified };
    }
    const pushed = await repo.pushLeased(remote, sha, branch, head);
    if (!pushed.ok) {
        if (pushed.race)
            return { race: true, expected: head };
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .GitError */ .XS(`git push to ${branch} was refused: ${pushed.message}`, 'The token needs write access to the environment repository (GitHub: contents: write; GitLab: write_repository), and branch protection must allow pushing branches named like this one.');
    }
    request.info(`Pushed ${sha.slice(0, 12)} to ${remote}/${branch}${head === undefined ? ' (new branch)' : `, replacing ${head.slice(0, 12)}`}.`);
    return { kind: 'pushed', baseTip, head: sha, previousHead: head, planned, verified: undefined };
}
/**
 * After a lost race: the branch now ends in a commit another run of this step pushed meanwhile,
 * holding other values than ours (a newer promotion, say). Replacing it would undo that run's
 * work behind its back, so this run stops and reports the branch as it is.
 */
async function supersededBy(request, baseTip, head) {
    const [top] = await request.repo.commitsOnlyIn(head, baseTip);
    if (!top || top.sha !== head || !request.ours(top))
        return undefined;
    const held = await request.plan(head);
    if ((0,_publisher__WEBPACK_IMPORTED_MODULE_3__/* .changedOnly */ .RE)(held).length === 0)
        return undefined;
    request.info(`${request.branch} was replaced while this run worked, by ${short(top)}, which holds other values; it is left as it is.`);
    return { kind: 'superseded', baseTip, head, planned: held };
}
/**
 * The branch as it is just before its change request is written: another run may have replaced
 * the head we pushed or found since. A head that still holds our values is taken as ours (its
 * sha is what we report); one that holds others makes the outcome `superseded`.
 */
async function rereadChangeBranch(request, outcome) {
    const { repo, remote, branch } = request;
    const head = (await repo.remoteTips(remote, [branch])).get(branch);
    if (head === undefined || head === outcome.head)
        return outcome;
    await repo.fetchBranches(remote, [branch]);
    const held = await request.plan(head);
    if ((0,_publisher__WEBPACK_IMPORTED_MODULE_3__/* .changedOnly */ .RE)(held).length === 0)
        return { ...outcome, head };
    request.info(`${branch} moved to ${head.slice(0, 12)} after this run's ${outcome.head.slice(0, 12)}, and holds other values.`);
    return { kind: 'superseded', baseTip: outcome.baseTip, head, planned: held };
}
/**
 * Removes a branch this run created when what it was for (its change request) failed, with a
 * lease on the commit pushed, so nothing pushed there since is lost. Returns why it could not.
 */
async function deleteCreatedBranch(repo, remote, branch, sha) {
    const deleted = await repo.deleteLeased(remote, branch, sha);
    if (deleted.ok)
        return undefined;
    return deleted.race ? `it moved past ${sha.slice(0, 12)} since, so it is someone else's now` : deleted.message;
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

// EXTERNAL MODULE: ./packages/core/src/forge/change-branch-request.ts + 1 modules
var change_branch_request = __webpack_require__(4204);
// EXTERNAL MODULE: ./packages/core/src/git/branch-name.ts
var branch_name = __webpack_require__(6698);
// EXTERNAL MODULE: ./packages/core/src/git/branch-target.ts
var branch_target = __webpack_require__(3152);
// EXTERNAL MODULE: ./packages/core/src/git/change-branch.ts
var change_branch = __webpack_require__(3737);
// EXTERNAL MODULE: ./packages/core/src/git/hold.ts
var git_hold = __webpack_require__(7889);
// EXTERNAL MODULE: ./packages/core/src/git/promotion-history.ts
var promotion_history = __webpack_require__(5726);
// EXTERNAL MODULE: ./packages/core/src/manifest/manifest-reader.ts
var manifest_reader = __webpack_require__(3336);
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
    const forgeRemote = config.mode === 'pull-request' ? await rollbackForgeRemote(config, repo, options) : undefined;
    if (config.mode === 'commit')
        await planWithHold(repo, plan, undefined);
    if (remoteSide)
        await planWithHold(repo, plan, rev);
    if (config.dryRun) {
        platform.info(`Dry run: would roll ${config.targetName} back from ${decision.from} to ${decision.to}; nothing written.`);
        return result;
    }
    if (config.mode === 'pull-request')
        return platform.group('Opening the rollback change request', () => openRollbackChange(config, platform, repo, branch, plan, result, forgeRemote, options));
    return platform.group('Committing the rollback', () => commitRollback(config, platform, repo, branch, plan, result, options));
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
        return { now, from, to: config.to.value };
    // Values a rollback moved away from are skipped: the hold's records and recent trailers (the whole
    // graph, so a rollback merged through a PR counts), and the trailers of every commit walked.
    const hold = await (0,git_hold/* readHold */.uw)({ ...history, branch: undefined, firstParent: false });
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
        throw new errors/* ManifestEditError */.MA(`Nothing to roll back to: the ${commits.length} commit(s) that changed ${history.files.join(', ')} hold no value of ${config.targetName} other than ${from}${marks.length > 0 ? ` and the rolled-back ${marks.join(', ')}` : ''}.`, "Give the value to return to in 'to'.");
    }
    const trailers = (0,git_trailers/* readTrailers */.t8)(found.commit.message);
    return { now, from, to: found.value ?? '', at: found, source: `${found.commit.sha.slice(0, 12)} ${trailers.get('Step') ? `(${trailers.get('Step')})` : `"${found.commit.subject}"`}` };
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
/** The edit, the commit message and the hold record of a decided rollback. */
async function rollbackPlan(config, repo, history, decision, files) {
    const request = editRequest(config, decision);
    const site = decision.now.site;
    const record = await (0,git_hold/* holdRecord */.XH)(repo, {
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
    const message = (0,git_trailers/* withTrailers */.jX)((0,template/* fillTemplate */.o)(config.commitMessageTemplate, { target: config.targetName, from: decision.from, to: decision.to, reason: config.reason }, 'commit-message'), {
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
    const planned = await (0,file_edits/* planFileEdits */.z7)(plan.request, files, revision !== undefined ? (file) => repo.fileAt(revision, file.relative) : undefined);
    if ((0,publisher/* changedOnly */.RE)(planned).length === 0)
        return planned;
    const write = await (0,git_hold/* holdWrite */.xD)(repo, revision, (0,git_hold/* addHold */.DD)(plan.record));
    return write ? [...planned, { ...write, changes: [], matched: 0, imagesSeen: () => new Set() }] : planned;
}
async function commitRollback(config, platform, repo, branch, plan, result, options) {
    const planned = await planWithHold(repo, plan, undefined);
    const author = config.author ?? platform.defaultAuthor();
    if (!config.push) {
        if ((0,publisher/* changedOnly */.RE)(planned).length === 0)
            return { ...result, changed: false };
        const sha = await (0,publisher/* commitWrites */.QD)(repo, planned, plan.message, author);
        platform.info(`Committed ${sha.slice(0, 12)}: ${plan.message.split('\n')[0] ?? ''}`);
        return { ...result, commitSha: sha };
    }
    const publication = await (0,publisher/* publish */.mk)({
        ...publishing(config, platform, repo, plan.message, options),
        branch,
        plan: async (revision) => planWithHold(repo, plan, revision, revision !== undefined ? plan.files : await (0,repo_files/* selectFiles */.A)(config.path, config.files)),
    }, planned);
    return { ...result, changed: publication.changed, commitSha: publication.commitSha, pushed: publication.pushed };
}
/** mode: pull-request: which forge hosts the remote, or a refusal (checked before a dry run returns). */
async function rollbackForgeRemote(config, repo, options) {
    const env = options.env ?? process.env;
    const remote = (0,forge_select/* forgeOfRemote */.lV)(await repo.remoteUrl('origin'), env, { ...(config.forge ? { kind: config.forge } : {}), ...(config.repository ? { repository: config.repository } : {}), ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}) });
    if (!options.forge && !remote) {
        throw new errors/* InputError */.dz("Cannot tell which forge hosts the remote for mode: pull-request.", "Set 'platform', 'repository' and 'api-url', or use an HTTPS remote on GitHub or GitLab.");
    }
    return remote;
}
/**
 * A rerun rebuilds the change branch from base: the record the branch already carries for this
 * rollback (same id) is reused, so the rebuilt commit is the same and nothing is pushed.
 */
async function recordOnBranch(repo, head, record) {
    const text = head !== undefined ? await repo.rootFileAt(head, git_hold/* HOLD_FILE */.Zb) : undefined;
    return (text !== undefined ? (0,git_hold/* parseHolds */._v)(text).find((entry) => entry.id === record.id) : undefined) ?? record;
}
/** mode: pull-request: one change request per environment and target, kept current like a promotion's. */
async function openRollbackChange(config, platform, repo, base, plan, result, remote, options) {
    const env = options.env ?? process.env;
    const forge = options.forge ??
        (await (0,forge_client/* openForge */.y)({ kind: remote?.kind ?? 'github', apiUrl: remote?.apiUrl ?? '', repository: remote?.repository ?? '', token: config.token ?? '', env, ...(options.fetch ? { fetch: options.fetch } : {}) }, platform));
    const branch = `gitops-promote/rollback/${config.environment ? `${(0,branch_name/* branchSegment */.i)(config.environment)}/` : ''}${(0,branch_name/* branchSegment */.i)(config.targetName)}`;
    const tips = await (0,change_branch/* readTips */.Pm)(repo, 'origin', base, branch);
    const onBranch = { ...plan, record: await recordOnBranch(repo, tips.head, plan.record) };
    const planOnBranch = (revision) => planWithHold(repo, onBranch, revision);
    const outcome = await (0,change_branch/* publishChangeBranch */.kX)({
        ...publishing(config, platform, repo, plan.message, options),
        base,
        branch,
        tips,
        plan: planOnBranch,
        ours: (commit) => (0,git_trailers/* readTrailers */.t8)(commit.message).get('Step') === STEP,
    });
    const where = config.environment ? ` in ${config.environment}` : '';
    const synced = await (0,change_branch_request/* syncChangeRequest */.l)({
        forge,
        repo,
        remote: 'origin',
        base,
        branch,
        outcome,
        plan: planOnBranch,
        wanted: () => ({
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
        return { ...result, to: (0,manifest_reader/* valuesIn */.aC)(synced.planned, config.target).join(', '), commitSha: synced.head, pushed: false, ...change };
    return { ...result, commitSha: synced.head, pushed: outcome.kind === 'pushed', ...change };
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
