export const id = 341;
export const ids = [341];
export const modules = {

/***/ 798:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q8: () => (/* binding */ ForgeError),
/* harmony export */   Rf: () => (/* binding */ ForgeBranchMovedError),
/* harmony export */   mv: () => (/* binding */ TransientForgeError),
/* harmony export */   vl: () => (/* binding */ forgeErrorClassFor)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7638);

/**
 * A forge API request failed and needs a person (credentials, permissions, a missing repository or
 * branch, an invalid request): the same request fails the same way later. `status` is the HTTP
 * status (0: no response). Whether a failure is worth retrying is a property of its type: see
 * TransientForgeError. Messages carry no token: implementations build them from status, method,
 * path and the API's own message, redacted.
 */
class ForgeError extends _errors__WEBPACK_IMPORTED_MODULE_0__/* .GitopsPromoteError */ .$o {
    status;
    constructor(message, hint, status) {
        super(message, hint);
        this.status = status;
    }
    /** Whether the same request may succeed later. */
    get retryable() {
        return false;
    }
}
/** A forge API request that may succeed later: 5xx, no answer, rate limits already waited out. */
class TransientForgeError extends ForgeError {
    get retryable() {
        return true;
    }
}
/** The class of a refusal with HTTP `status`: 408, 429 and 5xx pass; the rest need a person. */
function forgeErrorClassFor(status) {
    return status === 408 || status === 429 || status >= 500 ? TransientForgeError : ForgeError;
}
/**
 * The forge refused a ref update because the branch moved, appeared or went since it was read (a
 * lost race, by type rather than by status): the API committer hands it to the publishers as a
 * BranchMovedError, retried on the branch as it is now.
 */
class ForgeBranchMovedError extends TransientForgeError {
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

/***/ 5896:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ signedCommitterFor),
/* harmony export */   c: () => (/* binding */ apiCommitterOf)
/* harmony export */ });
/* harmony import */ var _git_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5207);
/* harmony import */ var _forge_errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(798);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7638);



/**
 * The git publishers' sign-commits hook, made by `forge`: a commit the forge refuses because the
 * branch moved or appeared meanwhile (a BranchMovedError) is a lost race, said in the log and
 * re-planned on the new tip like a rejected push.
 */
function apiCommitterOf(forge, log) {
    const commit = forge.commitThroughApi?.bind(forge);
    if (!commit) {
        throw new _forge_errors__WEBPACK_IMPORTED_MODULE_1__/* .ForgeError */ .Q8(`sign-commits is not available on ${forge.kind}.`, 'Remove sign-commits, or sign commits with a key your CI holds and push them yourself.', 0);
    }
    return async (request) => {
        try {
            return await commit(request);
        }
        catch (error) {
            if (!(error instanceof _forge_errors__WEBPACK_IMPORTED_MODULE_1__/* .ForgeBranchMovedError */ .Rf))
                throw error;
            log(`The forge refused the branch update (${error.message}); reading the branch again.`);
            throw new _git_errors__WEBPACK_IMPORTED_MODULE_0__/* .BranchMovedError */ .wk(error.message, error.hint, request.expectedHead);
        }
    };
}
/**
 * sign-commits: the GitHub repository behind `remote` (its URL `remoteUrl`), committed to through
 * its API; a remote that is not a GitHub HTTPS URL is refused by name.
 */
async function signedCommitterFor(remote, context, platform) {
    const github = context.forgeOfRemote(remote.url, remote.apiUrl ? { apiUrl: remote.apiUrl } : {});
    if (github?.kind !== 'github') {
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`sign-commits commits through the GitHub API, but remote '${remote.name}' is not a GitHub HTTPS URL (${platform.redact(remote.url)}).`, 'Use a GitHub remote (https://github.com/owner/repo.git, or your GitHub Enterprise host), or remove sign-commits.');
    }
    const forge = await context.openForge({ kind: 'github', apiUrl: github.apiUrl, repository: github.repository, token: remote.token }, platform);
    return apiCommitterOf(forge, (message) => platform.info(message));
}


/***/ }),

/***/ 6128:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pm: () => (/* binding */ readTips),
/* harmony export */   Wh: () => (/* binding */ changeBranchName),
/* harmony export */   e5: () => (/* binding */ deleteCreatedBranch),
/* harmony export */   kX: () => (/* binding */ publishChangeBranch),
/* harmony export */   oH: () => (/* binding */ rereadChangeBranch)
/* harmony export */ });
/* unused harmony export checkChangeBranch */
/* harmony import */ var _text_duration__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8473);
/* harmony import */ var _git_errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5207);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7638);
/* harmony import */ var _git_branch_name__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6698);
/* harmony import */ var _publisher__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9579);
/* harmony import */ var _runtime_retry__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4629);
/* harmony import */ var _race_policy__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8009);







/** The change branch a step keeps for `kind` of change (none: a promotion) of `parts` (environment, target). */
function changeBranchName(kind, parts) {
    return ['gitops-promote', ...(kind ? [kind] : []), ...parts.map(_git_branch_name__WEBPACK_IMPORTED_MODULE_6__/* .branchSegment */ .i)].join('/');
}
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
        throw new _git_errors__WEBPACK_IMPORTED_MODULE_1__/* .GitError */ .XS(`Base branch ${base} does not exist in the environment repository.`, "Set 'base' to an existing branch, or leave it empty for the repository's default branch.");
    }
    const head = tips.get(branch);
    await repo.fetchBranches(remote, head === undefined ? [base] : [base, branch]);
    return { baseTip, headSha: head };
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
    return (0,_runtime_retry__WEBPACK_IMPORTED_MODULE_4__/* .retrying */ .R$)((0,_race_policy__WEBPACK_IMPORTED_MODULE_5__/* .branchRacePolicy */ .I)(request, {
        exhausted: (attempts) => `Could not update ${request.branch} within push-timeout ${(0,_text_duration__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(request.timeoutMs)} (${attempts} attempt${attempts === 1 ? '' : 's'}): it kept changing under us.`,
        exhaustedHint: 'Another run is promoting to the same branch; run the step again or raise push-timeout.',
        onRetry: (attempt, delay) => `Attempt ${attempt}: ${request.branch} moved since it was read; reading it again in ${(0,_text_duration__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(delay)}.`,
    }), (attempt, lost) => attemptOnce(request, attempt === 1 ? request.tips : undefined, lost));
}
/** One read-build-push of the branch; a push lost to another writer throws a BranchMovedError naming the head it expected. */
async function attemptOnce(request, known, lost) {
    const { repo, remote, base, branch } = request;
    const { baseTip, headSha: head } = known ?? (await fetchTips(repo, remote, base, branch));
    if (lost && head !== undefined && head !== lost.expectedHead) {
        const superseded = await supersededBy(request, baseTip, head);
        if (superseded)
            return superseded;
    }
    const fromBase = await request.plan(baseTip);
    if ((0,_publisher__WEBPACK_IMPORTED_MODULE_3__/* .changedOnly */ .RE)(fromBase).length === 0)
        return { kind: 'base-holds', baseTip, headSha: head, planned: fromBase };
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
                return { kind: 'unchanged', baseTip, headSha: head, planned };
            }
            request.info(`${branch} holds ${foreign.length} commit(s) not written by gitops-promote (${short(foreign[0])}); adding the change on top of them.`);
        }
    }
    const message = request.message(planned);
    const files = (0,_publisher__WEBPACK_IMPORTED_MODULE_3__/* .changedOnly */ .RE)(planned).map((file) => ({ path: file.file, content: file.output }));
    const sha = await repo.commitOnto(parent, files, message, request.author);
    if (head !== undefined && parent === baseTip && (await repo.parentsOf(head)).join(' ') === baseTip && (await repo.treeOf(head)) === (await repo.treeOf(sha))) {
        request.info(`${branch} already holds this change on ${base}'s tip (${head.slice(0, 12)}); nothing to push.`);
        return { kind: 'unchanged', baseTip, headSha: head, planned };
    }
    if (request.commitThroughApi) {
        const made = await request.commitThroughApi({ branch, parent, parentTree: await repo.treeOf(parent), message, files, ...(head !== undefined ? { expectedHead: head } : {}) }).catch((error) => {
            // The head this attempt expected, whatever the forge's error names: the next attempt compares against it.
            throw (0,_git_errors__WEBPACK_IMPORTED_MODULE_1__/* .isBranchMoved */ .Kc)(error) ? new _git_errors__WEBPACK_IMPORTED_MODULE_1__/* .BranchMovedError */ .wk(error.message, error.hint, head) : error;
        });
        request.info(`The forge committed ${made.sha.slice(0, 12)} to ${branch}${made.verified ? ' (signed, Verified)' : ''}.`);
        return { kind: 'pushed', baseTip, headSha: made.sha, previousHead: head, planned, verified: made.verified };
    }
    const pushed = await repo.pushLeased(remote, sha, branch, head);
    if (!pushed.ok) {
        if (pushed.race)
            throw new _git_errors__WEBPACK_IMPORTED_MODULE_1__/* .BranchMovedError */ .wk(`git push to ${branch} lost a race: ${pushed.message}`, 'Run the step again.', head);
        throw new _git_errors__WEBPACK_IMPORTED_MODULE_1__/* .GitError */ .XS(`git push to ${branch} was refused: ${pushed.message}`, 'The token needs write access to the environment repository (GitHub: contents: write; GitLab: write_repository), and branch protection must allow pushing branches named like this one.');
    }
    request.info(`Pushed ${sha.slice(0, 12)} to ${remote}/${branch}${head === undefined ? ' (new branch)' : `, replacing ${head.slice(0, 12)}`}.`);
    return { kind: 'pushed', baseTip, headSha: sha, previousHead: head, planned, verified: undefined };
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
    return { kind: 'superseded', baseTip, headSha: head, planned: held };
}
/**
 * The branch as it is just before its change request is written: another run may have replaced
 * the head we pushed or found since. A head that still holds our values is taken as ours (its
 * sha is what we report); one that holds others makes the outcome `superseded`.
 */
async function rereadChangeBranch(request, outcome) {
    const { repo, remote, branch } = request;
    const head = (await repo.remoteTips(remote, [branch])).get(branch);
    if (head === undefined || head === outcome.headSha)
        return outcome;
    await repo.fetchBranches(remote, [branch]);
    const held = await request.plan(head);
    if ((0,_publisher__WEBPACK_IMPORTED_MODULE_3__/* .changedOnly */ .RE)(held).length === 0)
        return { ...outcome, headSha: head };
    request.info(`${branch} moved to ${head.slice(0, 12)} after this run's ${outcome.headSha.slice(0, 12)}, and holds other values.`);
    return { kind: 'superseded', baseTip: outcome.baseTip, headSha: head, planned: held };
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
    return new _git_errors__WEBPACK_IMPORTED_MODULE_1__/* .GitError */ .XS(`${branch} holds ${foreign.length === 1 ? 'a commit' : `${foreign.length} commits`} that gitops-promote did not write, changing ${touching.join(', ')}: ${foreign.slice(0, 3).map(short).join('; ')}. It is not overwritten.`, `Merge or close the change request that carries it (or revert it on ${branch}); when the branch holds only gitops-promote's commits, or is deleted, the next run updates it.`);
}


/***/ }),

/***/ 64:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  l: () => (/* binding */ syncChangeRequest)
});

// EXTERNAL MODULE: ./packages/core/src/promotion/change-branch.ts
var change_branch = __webpack_require__(6128);
;// CONCATENATED MODULE: ./packages/core/src/promotion/change-request.ts
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

;// CONCATENATED MODULE: ./packages/core/src/promotion/change-request-sync.ts


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
            sync.warning(`Superseded: ${sync.branch} was replaced while this run worked and holds ${sync.describe(current.planned)} at ${current.headSha.slice(0, 12)}; this run's change is not on it, and the ${sync.forge.noun} is left describing what the branch holds.`);
            return { kind: 'superseded', change: existing, headSha: current.headSha, planned: current.planned };
        }
        const { operation, change } = await ensureChangeRequest(sync.forge, sync.wanted(current.planned), existing, current.kind === 'pushed', sync.info, () => {
            opened = true;
        });
        await sync.finish?.(change, current.headSha);
        return { kind: 'ensured', operation, change, headSha: current.headSha, planned: current.planned, verified: current.kind === 'pushed' ? current.verified : undefined };
    }
    catch (error) {
        if (outcome.kind === 'pushed' && outcome.previousHead === undefined && !opened)
            await removeCreatedBranch(sync, outcome.headSha, error);
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

/***/ 5204:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ changeTable)
/* harmony export */ });
/* harmony import */ var _platform_markdown__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3388);

/**
 * The Markdown table of what an edit changes, as the job summary and the PR/MR body show it:
 * repository content is shown literally (code spans); `removed` is what a removed value shows.
 */
function changeTable(changes, removed) {
    const cell = (text, none) => (text === null ? none : (0,_platform_markdown__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D)(text));
    const rows = changes.map((change) => `| ${(0,_platform_markdown__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p)(change.file)} | ${change.line} | ${(0,_platform_markdown__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D)(change.path)} | ${cell(change.previous, '—')} | ${cell(change.value, removed)} |`);
    return ['| File | Line | Path | Before | After |', '| --- | ---: | --- | --- | --- |', ...rows].join('\n');
}


/***/ }),

/***/ 341:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openPromotionPrStep: () => (/* binding */ openPromotionPrStep)
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
// EXTERNAL MODULE: ./packages/core/src/git/branch-name.ts
var branch_name = __webpack_require__(6698);
// EXTERNAL MODULE: ./packages/core/src/manifest/image-reference.ts
var image_reference = __webpack_require__(5830);
// EXTERNAL MODULE: ./packages/core/src/manifest/key-path.ts
var key_path = __webpack_require__(4790);
// EXTERNAL MODULE: ./packages/core/src/platform/ci-environment.ts
var ci_environment = __webpack_require__(1981);
// EXTERNAL MODULE: ./packages/core/src/text/list-input.ts
var list_input = __webpack_require__(6444);
// EXTERNAL MODULE: ./packages/core/src/steps/shared-inputs.ts
var shared_inputs = __webpack_require__(9880);
// EXTERNAL MODULE: ./packages/core/src/steps/open-promotion-pr/spec.ts
var spec = __webpack_require__(7224);
;// CONCATENATED MODULE: ./packages/core/src/steps/open-promotion-pr/config.ts











/** Validates every input before anything is fetched; defaults come from the CI's variables in `env`. */
function validateOpenPromotionPrInputs(given, env) {
    const inputs = (0,steps_inputs/* withDefaults */.rO)(spec/* openPromotionPrSpec */.D, given);
    const files = (0,list_input/* splitList */.r)(inputs.files);
    if (files.length === 0) {
        throw new errors/* InputError */.dz("Input 'files' is required.", "List the target environment's manifests, relative to the repository root, e.g. envs/prod/kustomization.yaml.");
    }
    const environment = (0,shared_inputs/* singleLine */.pF)(inputs.environment, 'environment');
    if (environment === '')
        throw new errors/* InputError */.dz("Input 'environment' is required.", 'Name the environment promoted to, e.g. environment: prod; it goes into the branch, the title and a label.');
    const target = targetOf(inputs);
    const source = valueSourceOf(inputs, target);
    const { forge, repository, repositoryUrl, apiUrl, webUrl } = whereTheRepositoryIs(inputs, env);
    const token = (0,shared_inputs/* singleLine */.pF)(inputs.token, 'token');
    if (token === '') {
        throw new errors/* InputError */.dz("Input 'token' is required: the step reads and writes change requests through the API.", forge === 'github'
            ? 'Pass a token with contents: write and pull-requests: write, e.g. token: ${{ secrets.GITOPS_TOKEN }} (a GitHub App token, so the PR starts workflows).'
            : 'Pass a project or personal access token with the api scope from a masked CI/CD variable (GITOPS_PROMOTE_TOKEN).');
    }
    const teamReviewers = (0,list_input/* splitList */.r)(inputs['team-reviewers']);
    if (teamReviewers.length > 0 && forge === 'gitlab') {
        throw new errors/* InputError */.dz("Input 'team-reviewers' is GitHub only.", "On GitLab, list the people in 'reviewers', or use CODEOWNERS approval rules.");
    }
    const mergeMethod = inputs['merge-method'];
    if (mergeMethod !== 'merge' && mergeMethod !== 'squash' && mergeMethod !== 'rebase') {
        throw new errors/* InputError */.dz(`Input 'merge-method' must be merge, squash or rebase, got ${JSON.stringify(mergeMethod)}.`, 'Set merge-method: merge (default), squash or rebase.');
    }
    const targetName = target.mode === 'image' ? target.image : target.key;
    const branch = (0,shared_inputs/* singleLine */.pF)(inputs.branch, 'branch') || `gitops-promote/${(0,branch_name/* branchSegment */.i)(environment)}/${(0,branch_name/* branchSegment */.i)(targetName)}`;
    const config = {
        forge,
        repository,
        repositoryUrl,
        apiUrl: apiUrl.replace(/\/+$/, ''),
        webUrl,
        token,
        files,
        target,
        source,
        environment,
        branch,
        titleTemplate: (0,shared_inputs/* singleLine */.pF)(inputs.title, 'title'),
        labels: [...new Set(['promotion', environment, ...(0,list_input/* splitList */.r)(inputs.labels)])],
        assignees: (0,list_input/* splitList */.r)(inputs.assignees),
        reviewers: (0,list_input/* splitList */.r)(inputs.reviewers),
        teamReviewers,
        draft: (0,steps_inputs/* parseBoolean */.yG)(inputs.draft, 'draft'),
        autoMerge: (0,steps_inputs/* parseBoolean */.yG)(inputs['auto-merge'], 'auto-merge'),
        mergeMethod,
        signCommits: (0,steps_inputs/* parseBoolean */.yG)(inputs['sign-commits'], 'sign-commits'),
        pushTimeoutMs: (0,duration/* parseDuration */.E)(inputs['push-timeout'], 'push-timeout'),
        allowRolledBack: (0,steps_inputs/* parseBoolean */.yG)(inputs['allow-rolled-back'], 'allow-rolled-back'),
        dryRun: (0,steps_inputs/* parseBoolean */.yG)(inputs['dry-run'], 'dry-run'),
    };
    if (inputs.base !== '')
        config.base = (0,shared_inputs/* singleLine */.pF)(inputs.base, 'base');
    if (inputs.body !== '')
        config.bodyTemplate = inputs.body;
    if (inputs['source-environment'] !== '')
        config.sourceEnvironment = (0,shared_inputs/* singleLine */.pF)(inputs['source-environment'], 'source-environment');
    if (inputs['source-repository'] !== '')
        config.sourceRepository = (0,shared_inputs/* singleLine */.pF)(inputs['source-repository'], 'source-repository');
    const author = (0,shared_inputs/* authorInputs */.Pm)(inputs['author-name'], inputs['author-email']);
    if (author)
        config.author = author;
    return config;
}
/** Which forge hosts the environment repository, its path, clone URL, API and web origin: from the inputs, else the CI's variables. */
function whereTheRepositoryIs(inputs, env) {
    const repositoryUrlInput = (0,shared_inputs/* singleLine */.pF)(inputs['repository-url'], 'repository-url');
    const forge = (0,forge_select/* forgeInput */.y_)(inputs) ?? (0,ci_environment/* ciOf */.s)(env) ?? (repositoryUrlInput !== '' ? (0,forge_select/* forgeKindOfUrl */.kB)(repositoryUrlInput) : undefined);
    if (!forge) {
        throw new errors/* InputError */.dz('Cannot tell whether the environment repository is on GitHub or GitLab.', "Set forge: github or forge: gitlab (outside GitHub Actions and GitLab CI, and for a host whose name does not say).");
    }
    const repository = (0,shared_inputs/* singleLine */.pF)(inputs.repository, 'repository') || currentRepository(forge, env) || (0,forge_select/* repositoryOfUrl */.Je)(repositoryUrlInput);
    if (!repository || !/^[^/\s]+(\/[^/\s]+)+$/.test(repository) || (forge === 'github' && repository.split('/').length !== 2)) {
        throw new errors/* InputError */.dz(repository ? `Input 'repository' must be ${forge === 'github' ? 'owner/name' : 'group/sub/project'}, got ${JSON.stringify(repository)}.` : "Input 'repository' is required here.", forge === 'github' ? 'Example: repository: acme/environments.' : 'Example: repository: acme/platform/environments.');
    }
    const webUrl = webOrigin(forge, env, repositoryUrlInput);
    const repositoryUrl = repositoryUrlInput || `${webUrl}/${repository}.git`;
    const apiUrl = (0,shared_inputs/* singleLine */.pF)(inputs['api-url'], 'api-url') || ciApiUrl(forge, env) || (webUrl ? (0,forge_select/* apiUrlFor */.xr)(forge, webUrl) : '');
    if (!apiUrl || !/^https?:\/\//.test(apiUrl)) {
        throw new errors/* InputError */.dz(apiUrl ? `Input 'api-url' must be an http(s) URL, got ${JSON.stringify(apiUrl)}.` : `Input 'api-url' is required when 'repository-url' is not on a forge's host.`, forge === 'github' ? 'GitHub: https://api.github.com, or https://<host>/api/v3 for GitHub Enterprise Server.' : 'GitLab: https://<host>/api/v4.');
    }
    return { forge, repository, repositoryUrl, apiUrl, webUrl };
}
function targetOf(inputs) {
    if (inputs.image !== '' && inputs.key !== '') {
        throw new errors/* InputError */.dz("Inputs 'image' and 'key' were both given.", 'Promote an image (image) or one key path (key), not both; run the step twice for two.');
    }
    if (inputs.image !== '') {
        (0,image_reference/* validateImageName */.He)(inputs.image, 'image');
        if (inputs.value !== '')
            throw new errors/* InputError */.dz("Input 'value' goes with 'key', not 'image'.", "For an image, give 'tag' and/or 'digest', or read them from 'source-files'.");
        return { mode: 'image', image: inputs.image };
    }
    if (inputs.key !== '') {
        if (inputs.tag !== '' || inputs.digest !== '')
            throw new errors/* InputError */.dz("Inputs 'tag'/'digest' go with 'image', not 'key'.", "For a key path, give 'value', or read it from 'source-files'.");
        const path = (0,key_path/* parseKeyPath */._q)(inputs.key);
        return { mode: 'key', key: (0,key_path/* formatKeyPath */.K7)(path), path };
    }
    throw new errors/* InputError */.dz("Nothing to promote: give 'image' or 'key'.", 'Example: image: ghcr.io/acme/payments with source-files: envs/staging/kustomization.yaml.');
}
function valueSourceOf(inputs, target) {
    const sourceFiles = (0,list_input/* splitList */.r)(inputs['source-files']);
    const explicit = inputs.tag !== '' || inputs.digest !== '' || inputs.value !== '';
    if (sourceFiles.length > 0 && explicit) {
        throw new errors/* InputError */.dz("Inputs 'source-files' and 'tag'/'digest'/'value' were both given.", 'Read the value from the previous environment (source-files) or give it explicitly, not both.');
    }
    if (sourceFiles.length > 0)
        return { from: 'files', files: sourceFiles };
    if (!explicit) {
        throw new errors/* InputError */.dz("Nothing says which value to promote: give 'source-files' (the previous environment's manifests) or the value itself.", target.mode === 'image' ? 'Example: source-files: envs/staging/kustomization.yaml, or tag: 1.4.2.' : 'Example: source-files: envs/staging/values.yaml, or value: 1.4.2.');
    }
    if (target.mode === 'image') {
        const version = (0,shared_inputs/* imageVersionInputs */.n_)(inputs.tag, inputs.digest);
        return { from: 'input', request: { mode: 'image', image: { name: target.image, ...version } }, value: (0,image_reference/* imageValue */.T6)(version) };
    }
    const value = (0,shared_inputs/* singleLine */.pF)(inputs.value, 'value');
    return { from: 'input', request: { mode: 'key', path: target.path, value }, value };
}
function currentRepository(forge, env) {
    return forge === 'github' ? env.GITHUB_REPOSITORY : env.CI_PROJECT_PATH;
}
function ciApiUrl(forge, env) {
    return forge === 'github' ? env.GITHUB_API_URL : env.CI_API_V4_URL;
}
function webOrigin(forge, env, repositoryUrl) {
    const ci = forge === 'github' ? env.GITHUB_SERVER_URL : env.CI_SERVER_URL;
    if (ci)
        return ci.replace(/\/+$/, '');
    const host = repositoryUrl !== '' ? (0,forge_select/* hostOf */.w4)(repositoryUrl) : undefined;
    if (host)
        return `https://${host}`;
    return forge === 'github' ? 'https://github.com' : 'https://gitlab.com';
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./packages/core/src/manifest/file-edits.ts
var file_edits = __webpack_require__(7441);
// EXTERNAL MODULE: ./packages/core/src/manifest/manifest-reader.ts
var manifest_reader = __webpack_require__(3336);
// EXTERNAL MODULE: ./packages/core/src/files/repo-files.ts
var repo_files = __webpack_require__(7651);
// EXTERNAL MODULE: ./packages/core/src/promotion/api-commits.ts
var api_commits = __webpack_require__(5896);
// EXTERNAL MODULE: ./packages/core/src/promotion/change-branch.ts
var change_branch = __webpack_require__(6128);
// EXTERNAL MODULE: ./packages/core/src/promotion/change-request-sync.ts + 1 modules
var change_request_sync = __webpack_require__(64);
// EXTERNAL MODULE: ./packages/core/src/promotion/hold.ts
var hold = __webpack_require__(4482);
// EXTERNAL MODULE: ./packages/core/src/promotion/plan.ts
var promotion_plan = __webpack_require__(832);
// EXTERNAL MODULE: ./packages/core/src/promotion/publisher.ts
var publisher = __webpack_require__(9579);
// EXTERNAL MODULE: ./packages/core/src/promotion/trailers.ts
var trailers = __webpack_require__(4815);
// EXTERNAL MODULE: ./packages/core/src/steps/step-context.ts
var step_context = __webpack_require__(6553);
// EXTERNAL MODULE: ./packages/core/src/text/template.ts
var template = __webpack_require__(7003);
// EXTERNAL MODULE: ./packages/core/src/steps/change-table.ts
var change_table = __webpack_require__(5204);
;// CONCATENATED MODULE: ./packages/core/src/steps/open-promotion-pr/description.ts



function placeholders(config, facts) {
    return {
        target: config.target.mode === 'image' ? config.target.image : config.target.key,
        image: config.target.mode === 'image' ? config.target.image : '',
        key: config.target.mode === 'key' ? config.target.key : '',
        value: facts.value,
        previous: facts.previous.join(', '),
        environment: config.environment,
        base: facts.base,
    };
}
function promotionTitle(config, facts) {
    return (0,template/* fillTemplate */.o)(config.titleTemplate, placeholders(config, facts), 'title');
}
function promotionBody(config, facts) {
    const values = placeholders(config, facts);
    const table = (0,change_table/* changeTable */.H)(facts.changes, '(removed)');
    const source = sourceLine(config, facts);
    const compare = compareLink(config, facts);
    const previous = facts.previous.length > 0 ? facts.previous.map(markdown/* markdownCode */.D).join(', ') : '(not set)';
    const standard = [
        `Promotes ${(0,markdown/* markdownCode */.D)(values.target ?? '')} to **${(0,markdown/* markdownText */.p)(config.environment)}**: ${previous} → ${(0,markdown/* markdownCode */.D)(facts.value)}.`,
        '',
        table,
        '',
        ...(source ? [source, ''] : []),
        ...(compare ? [compare, ''] : []),
        `<sub>Opened by gitops-promote. Each run rebuilds this branch from ${(0,markdown/* markdownCode */.D)(facts.base)}; commits people push to it are kept, and a later value updates this ${config.forge === 'github' ? 'pull request' : 'merge request'} instead of opening another.</sub>`,
    ].join('\n');
    const body = config.bodyTemplate ? (0,template/* fillTemplate */.o)(config.bodyTemplate, { ...values, table, source, compare, default: standard }, 'body') : standard;
    return body;
}
function sourceLine(config, facts) {
    if (!facts.source)
        return `Value given explicitly to the step.`;
    const where = config.sourceEnvironment ?? environmentOf(facts.source.files);
    const commit = facts.source.commit ? ` at commit ${(0,markdown/* markdownCode */.D)(facts.source.commit.slice(0, 12))}` : '';
    return `Running in **${(0,markdown/* markdownText */.p)(where)}**${commit} (${facts.source.files.map(markdown/* markdownText */.p).join(', ')} on ${(0,markdown/* markdownCode */.D)(facts.base)}).`;
}
/** The folder the source files share, as the environment's name (envs/staging/… → staging). */
function environmentOf(files) {
    const folders = new Set(files.map((file) => file.split('/').slice(0, -1).pop() ?? ''));
    const [only] = [...folders];
    return folders.size === 1 && only ? only : 'the source environment';
}
/** The app repository's compare view old…new, when both are tags one could compare. */
function compareLink(config, facts) {
    if (!config.sourceRepository)
        return '';
    const from = facts.previous.length === 1 ? facts.previous[0]?.split('@')[0] : undefined;
    const to = facts.value.split('@')[0];
    if (!from || !to || from === to)
        return '';
    const repo = /^https?:\/\//.test(config.sourceRepository) ? config.sourceRepository.replace(/\/+$/, '').replace(/\.git$/, '') : `${config.webUrl}/${config.sourceRepository}`;
    const url = config.forge === 'github' ? `${repo}/compare/${encodeURIComponent(from)}...${encodeURIComponent(to)}` : `${repo}/-/compare/${encodeURIComponent(from)}...${encodeURIComponent(to)}`;
    return `Changes in the application: [${(0,markdown/* markdownCode */.D)(from)} … ${(0,markdown/* markdownCode */.D)(to)}](${url})`;
}

;// CONCATENATED MODULE: ./packages/core/src/steps/open-promotion-pr/run.ts















const STEP = 'open-promotion-pr';
async function runOpenPromotionPr(config, platform, context = (0,step_context/* defaultStepContext */.x)()) {
    platform.setSecret(config.token);
    const forge = await context.openForge({ kind: config.forge, apiUrl: config.apiUrl, repository: config.repository, token: config.token }, platform);
    const scratch = await (0,promises_.mkdtemp)(external_node_path_default().join((0,external_node_os_.tmpdir)(), 'gitops-promote-pr-'));
    try {
        const base = config.base ?? (await forge.repository()).defaultBranch;
        const repo = await context.git.openScratchClone(scratch, config.repositoryUrl, config.token, config.forge, platform);
        const prepared = await platform.group(`Reading ${base}`, () => prepare(config, platform, repo, base));
        if (config.dryRun)
            return await dryRun(config, platform, forge, prepared);
        const plan = async (revision) => withRetiredHold(config, repo, prepared, await (0,promotion_plan/* planAt */.Jl)(repo, prepared.request, prepared.targets, revision), revision);
        const outcome = await platform.group(`Updating branch ${config.branch}`, () => (0,change_branch/* publishChangeBranch */.kX)({
            repo,
            remote: 'origin',
            base,
            branch: config.branch,
            author: config.author ?? platform.defaultAuthor(),
            timeoutMs: config.pushTimeoutMs,
            backoff: context.backoff,
            clock: context.clock,
            info: (message) => platform.info(message),
            plan,
            message: (planned) => commitMessage(config, prepared, planned),
            ours: (0,trailers/* writtenBy */.xO)(STEP),
            ...(config.signCommits ? { commitThroughApi: (0,api_commits/* apiCommitterOf */.c)(forge, (message) => platform.info(message)) } : {}),
            tips: prepared.tips,
        }));
        return await platform.group(`Updating the ${forge.noun}`, () => updateChangeRequest(config, platform, forge, repo, prepared, outcome, plan));
    }
    finally {
        await (0,promises_.rm)(scratch, { recursive: true, force: true });
    }
}
/** Fetches base, reads the value to promote and what the target runs, and plans the edit on base. */
async function prepare(config, platform, repo, base) {
    const tips = await (0,change_branch/* readTips */.Pm)(repo, 'origin', base, config.branch);
    const { baseTip } = tips;
    await repo.checkoutDetached(baseTip);
    const targets = await (0,repo_files/* selectFiles */.A)(repo.workTree, config.files);
    const readTarget = readTargetOf(config);
    let request;
    let value;
    let source;
    if (config.source.from === 'input') {
        request = config.source.request;
        value = config.source.value;
    }
    else {
        const sourceFiles = await (0,repo_files/* selectFiles */.A)(repo.workTree, config.source.files);
        const reads = [];
        for (const file of sourceFiles)
            reads.push(...(0,manifest_reader/* readManifest */.WI)(await (0,file_edits/* readText */.yR)(file), file.relative, readTarget));
        const described = config.target.mode === 'image' ? `Image ${config.target.image}` : `Key ${config.target.key}`;
        const read = (0,manifest_reader/* singleValue */.u9)(reads, described, sourceFiles.map((file) => file.relative).join(', '));
        value = read.value;
        request = (0,promotion_plan/* editRequestFor */.Dx)(readTarget, value, read);
        source = { files: sourceFiles.map((file) => file.relative), commit: await repo.lastCommitTouching(baseTip, sourceFiles.map((file) => file.relative)) };
        platform.info(`${read.file}:${read.line} runs ${value}${source.commit ? ` (set in ${source.commit.slice(0, 12)})` : ''}.`);
    }
    await (0,hold/* refuseRolledBack */.Mt)({ repo, remote: 'origin', branch: undefined, rev: baseTip, files: targets.map((file) => file.relative), target: readTarget, info: (message) => platform.info(message) }, value, config.allowRolledBack);
    // Reading the work tree at the base tip refuses, by name, files where nothing matches.
    const planned = await (0,promotion_plan/* planAt */.Jl)(repo, request, targets, undefined);
    const previous = (0,manifest_reader/* valuesIn */.aC)(planned, readTarget);
    platform.info(`${config.environment} runs ${previous.join(', ') || '(nothing)'} on ${base} at ${baseTip.slice(0, 12)}; promoting ${value}.`);
    const facts = { base, value, previous, changes: planned.flatMap((file) => file.changes), ...(source ? { source } : {}) };
    return { base, tips, request, targets, facts, planned };
}
/**
 * allow-rolled-back: the hold records of the promoted value for these files are retired in the
 * promotion's own commit, so merging it lifts the hold and closing it leaves the hold in place.
 */
async function withRetiredHold(config, repo, prepared, planned, revision) {
    if (!config.allowRolledBack || (0,publisher/* changedOnly */.RE)(planned).length === 0)
        return planned;
    return (0,promotion_plan/* withHold */.yw)(repo, planned, revision, await (0,hold/* retireHold */.dB)(repo, readTargetOf(config), prepared.targets.map((file) => file.relative), prepared.facts.value));
}
function commitMessage(config, prepared, planned) {
    const target = config.target.mode === 'image' ? config.target.image : config.target.key;
    const changed = (0,publisher/* changedOnly */.RE)((0,promotion_plan/* manifestsOf */.oF)(planned)).length;
    return (0,trailers/* withTrailers */.jX)(`chore(promote): ${target} ${prepared.facts.value} to ${config.environment}\n\nSets ${changed} file${changed === 1 ? '' : 's'}; opened by gitops-promote ${STEP}.`, {
        step: STEP,
        ...(config.target.mode === 'image' ? { image: config.target.image } : { key: config.target.key }),
        value: prepared.facts.value,
        previous: prepared.facts.previous,
        environment: config.environment,
    });
}
async function dryRun(config, platform, forge, prepared) {
    const existing = await forge.findOpen(config.branch, prepared.base);
    const holds = (0,publisher/* changedOnly */.RE)(prepared.planned).length === 0;
    const operation = holds ? (existing ? 'closed' : 'unchanged') : existing ? 'updated' : 'created';
    platform.info(`Dry run: would ${holds ? (existing ? `close ${forge.noun} #${existing.number}` : 'do nothing') : existing ? `update ${forge.noun} #${existing.number}` : `open a ${forge.noun}`}; nothing was pushed or written.`);
    return resultOf(config, prepared, operation, existing, '', undefined, true);
}
function resultOf(config, prepared, operation, change, headSha, verified, dryRun = false) {
    return {
        operation,
        ...(change ? { number: change.number, url: change.url } : {}),
        branch: config.branch,
        headSha,
        previous: [...prepared.facts.previous],
        value: prepared.facts.value,
        ...(verified !== undefined ? { verified } : {}),
        facts: prepared.facts,
        dryRun,
    };
}
/** What promoting reads from the target files: the image or the key. */
function readTargetOf(config) {
    return config.target.mode === 'image' ? { mode: 'image', name: config.target.image } : { mode: 'key', path: config.target.path };
}
/** Makes the change request match the branch: closed when base already runs the value, superseded when another run replaced it, else ensured. */
async function updateChangeRequest(config, platform, forge, repo, prepared, outcome, plan) {
    const factsOf = (planned) => ({ ...prepared.facts, changes: planned.flatMap((file) => file.changes) });
    const synced = await (0,change_request_sync/* syncChangeRequest */.l)({
        forge,
        repo,
        remote: 'origin',
        base: prepared.base,
        branch: config.branch,
        outcome,
        plan,
        wanted: (planned) => ({
            head: config.branch,
            base: prepared.base,
            title: promotionTitle(config, factsOf(planned)),
            body: promotionBody(config, factsOf(planned)),
            draft: config.draft,
            labels: config.labels,
            assignees: config.assignees,
            reviewers: config.reviewers,
            teamReviewers: config.teamReviewers,
        }),
        describe: (planned) => `${config.target.mode === 'image' ? config.target.image : config.target.key} ${(0,manifest_reader/* valuesIn */.aC)(planned, readTargetOf(config)).join(', ') || '(not set)'}`,
        info: (message) => platform.info(message),
        warning: (message) => platform.warning(message),
        finish: async (change, head) => {
            if (!config.autoMerge || change.autoMerge)
                return;
            const merged = await forge.enableAutoMerge({ ...change, headSha: head }, config.mergeMethod);
            if (merged.enabled)
                platform.info(`Auto-merge (${config.mergeMethod}) enabled for ${forge.noun} #${change.number} at ${head.slice(0, 12)}.`);
            else
                platform.warning(`Auto-merge was not enabled for ${forge.noun} #${change.number}: ${merged.reason}`);
        },
    });
    if (synced.kind === 'base-holds')
        return closeFulfilled(config, platform, forge, prepared, synced.existing, synced.baseTip);
    if (synced.kind === 'superseded') {
        // The outputs describe the branch as it is: another run's value and head, not ours.
        const held = { ...prepared, facts: { ...prepared.facts, value: (0,manifest_reader/* valuesIn */.aC)(synced.planned, readTargetOf(config)).join(', ') } };
        return resultOf(config, held, 'superseded', synced.change, synced.headSha, undefined);
    }
    return resultOf(config, prepared, synced.operation, synced.change, synced.headSha, synced.verified);
}
/** Base already runs the value: the open change request, if any, has nothing left to do. */
async function closeFulfilled(config, platform, forge, prepared, existing, baseTip) {
    if (!existing) {
        platform.info(`${prepared.base} already runs ${prepared.facts.value} in ${config.environment}; no ${forge.noun} needed.`);
        return resultOf(config, prepared, 'unchanged', undefined, '', undefined);
    }
    await forge.close(existing, `${prepared.base} already runs ${prepared.facts.value} in ${config.environment} (at ${baseTip.slice(0, 12)}), so this promotion has nothing left to change. Closed by gitops-promote.`);
    platform.info(`Closed ${forge.noun} #${existing.number}: ${prepared.base} already runs ${prepared.facts.value}.`);
    return resultOf(config, prepared, 'closed', { ...existing, state: 'closed' }, '', undefined);
}

;// CONCATENATED MODULE: ./packages/core/src/steps/open-promotion-pr/step.ts







/** The whole step as every entry (action, GitLab job, CLI) runs it: inputs → core → outputs. */
async function openPromotionPrStep(platform, context = (0,step_context/* defaultStepContext */.x)()) {
    const config = validateOpenPromotionPrInputs((0,steps_inputs/* readInputs */.Ko)(spec/* openPromotionPrSpec */.D, platform), context.env);
    const result = await runOpenPromotionPr(config, platform, context);
    platform.setOutput('operation', result.operation);
    (0,outputs/* setChangeRequestOutputs */.M)(platform, result);
    platform.setOutput('branch', result.branch);
    platform.setOutput('head-sha', result.headSha);
    platform.setOutput('previous-value', result.previous.join(', '));
    platform.setOutput('value', result.value);
    platform.setOutput('commits-verified', result.verified === undefined ? '' : String(result.verified));
    await platform.appendSummary(summaryMarkdown(result, config.environment));
    return result;
}
function summaryMarkdown(result, environment) {
    const lines = ['### gitops-promote: open-promotion-pr', ''];
    const what = `${(0,markdown/* markdownCode */.D)(result.previous.join(', ') || '(not set)')} → ${(0,markdown/* markdownCode */.D)(result.value)} in **${(0,markdown/* markdownText */.p)(environment)}**`;
    const link = result.url ? `[#${result.number ?? ''}](${result.url})` : '';
    const verbs = {
        created: `Opened ${link}: ${what}.`,
        updated: `Updated ${link}: ${what}.`,
        unchanged: link ? `${link} is up to date: ${what}.` : `Nothing to promote: ${result.facts.base} already runs ${(0,markdown/* markdownCode */.D)(result.value)}.`,
        closed: `Closed ${link}: ${result.facts.base} already runs ${(0,markdown/* markdownCode */.D)(result.value)}.`,
        superseded: `Superseded: another run replaced ${(0,markdown/* markdownCode */.D)(result.branch)} while this one worked; it holds ${(0,markdown/* markdownCode */.D)(result.value)}${link ? ` (${link})` : ''}, and nothing of this run's was written.`,
    };
    lines.push(`${result.dryRun ? 'Dry run, would have: ' : ''}${verbs[result.operation]}`);
    return lines.join('\n');
}


/***/ }),

/***/ 2295:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ setChangeRequestOutputs)
/* harmony export */ });
/** The change request outputs both PR-opening steps give: empty when none was opened or found. */
function setChangeRequestOutputs(platform, change) {
    platform.setOutput('pull-request-number', change.number === undefined ? '' : String(change.number));
    platform.setOutput('pull-request-url', change.url ?? '');
}


/***/ })

};
