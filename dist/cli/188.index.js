export const id = 188;
export const ids = [188];
export const modules = {

/***/ 9103:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CU: () => (/* binding */ NAMESPACE),
/* harmony export */   WW: () => (/* binding */ parseAppRef),
/* harmony export */   _$: () => (/* binding */ appLabel)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7638);

// Kubernetes object names (RFC 1123 subdomain) and namespaces (RFC 1123 label).
const APP_NAME = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/;
const NAMESPACE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Parses one `name` / `namespace/name` entry of the input `input`; refuses anything Kubernetes would not name. */
function parseAppRef(entry, input, refusal = (given) => invalidApplication(given, input)) {
    const parts = entry.split('/');
    const name = parts.at(-1) ?? '';
    const namespace = parts.length === 2 ? parts[0] : undefined;
    if (parts.length > 2 || !APP_NAME.test(name) || (namespace !== undefined && !NAMESPACE.test(namespace)))
        throw refusal(entry);
    return namespace !== undefined ? { name, namespace } : { name };
}
function invalidApplication(entry, input) {
    return new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Input '${input}' holds an invalid Application name: ${JSON.stringify(entry)}.`, 'Give `name` or `namespace/name`: Application names are lower-case letters, digits, `-` and `.` (Kubernetes object names), namespaces lower-case letters, digits and `-`.');
}
/** `namespace/name`, or `name` alone when the namespace is Argo CD's default. */
function appLabel(app) {
    return app.namespace ? `${app.namespace}/${app.name}` : app.name;
}


/***/ }),

/***/ 6593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ addSecret),
/* harmony export */   s: () => (/* binding */ redactorFor)
/* harmony export */ });
/* harmony import */ var _text_secret_redactor__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5378);

/**
 * The client's own redaction of the credentials it holds (token, password, session token). The
 * caller's `redact` may not know the session token, which only exists after logging in, and a
 * server echoing a request may escape what it echoes; so every spelling is removed here first.
 */
/** A credential as it may appear in text: as is, JSON-escaped, percent-encoded. */
function secretForms(secret) {
    if (secret === '')
        return [];
    return [...new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])];
}
/** A redactor holding every spelling of `secret`; more are added as credentials appear (a session). */
function redactorFor(secret) {
    const redactor = new _text_secret_redactor__WEBPACK_IMPORTED_MODULE_0__/* .SecretRedactor */ .pE();
    addSecret(redactor, secret);
    return redactor;
}
function addSecret(redactor, secret) {
    for (const form of secretForms(secret))
        redactor.add(form);
}


/***/ }),

/***/ 4881:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ serverUrl)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7638);

/**
 * The server input as a URL, or the InputError saying what to change. Exported so a step's input
 * validation reports it together with its other input errors, before any client exists.
 */
function serverUrl(server, redact) {
    const hint = 'Write it as https://argocd.example.com (add the path prefix of a server run with --rootpath; http:// only without TLS).';
    let url;
    try {
        url = new URL(server.trim());
    }
    catch {
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`The Argo CD server URL is not a URL: ${JSON.stringify(redact(server))}.`, hint);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`The Argo CD server URL must start with https:// or http://, not ${url.protocol}//.`, hint);
    }
    if (url.username !== '' || url.password !== '') {
        // Not echoed: the part before @ is a credential.
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('The Argo CD server URL carries credentials (user:password@).', 'Remove them from the URL and pass a token, or a username and password, as their own inputs.');
    }
    // An address copied from the web UI's address bar (…/applications/argocd/payments-dev): the API
    // lives under the base URL, and the UI path would answer every call with the UI's HTML page.
    const ui = /\/applications(?:\/|$)/.exec(url.pathname);
    if (ui) {
        const base = `${url.origin}${url.pathname.slice(0, ui.index)}`;
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`The Argo CD server URL ${JSON.stringify(redact(server))} is a web UI page (it holds /applications), not the server's base URL.`, `Use the base URL: ${base} (the application goes in its own input).`);
    }
    if (url.search !== '' || url.hash !== '') {
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`The Argo CD server URL must not have a query or fragment: ${JSON.stringify(redact(server))}.`, hint);
    }
    return url;
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
        const { operation, change } = await ensureChangeRequest(sync.forge, await sync.wanted(current.planned, current.headSha), existing, current.kind === 'pushed', sync.info, () => {
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

/***/ 1150:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ fitBody)
/* harmony export */ });
/* unused harmony export BODY_LIMIT */
/**
 * A change request's body within the forge's limit, with the review sections in the order a
 * reviewer reads them: what changes in the cluster, what the version contains, the evidence, what
 * stays behind. GitHub refuses a body over 65,536 characters (GitLab allows more; one limit
 * keeps both alike). The Argo CD diff is the one section that can be long: it is rendered last,
 * with what the others leave (see argocd-diff-section: it drops whole resources and says how many).
 */
const BODY_LIMIT = 65_536;
/** Kept free for the marker ensureChangeRequest appends (whom review was requested from). */
const MARKER_RESERVE = 2_048;
/** `head`, the sections, then `footer`: within BODY_LIMIT, the diff taking whatever room is left. */
function fitBody(head, review, footer) {
    const before = [head];
    const after = [review.changelog ?? '', review.evidence ?? '', review.drift ?? '', footer];
    const fixed = join([...before, ...after]);
    const room = BODY_LIMIT - MARKER_RESERVE - fixed.length - 4;
    const diff = review.diff && room > 0 ? review.diff(room) : '';
    return truncate(join([...before, diff, ...after]));
}
function join(parts) {
    return parts.map((part) => part.trim()).filter((part) => part !== '').join('\n\n');
}
/** The last guard (a long template or table): cut at a line end, saying so. */
function truncate(body) {
    const limit = BODY_LIMIT - MARKER_RESERVE;
    if (body.length <= limit)
        return body;
    const note = '\n\n…(cut here: a description holds at most 65,536 characters)';
    const cut = body.lastIndexOf('\n', limit - note.length);
    return `${body.slice(0, cut > 0 ? cut : limit - note.length)}${note}`;
}


/***/ }),

/***/ 9672:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  yo: () => (/* binding */ argoCdDiff),
  uu: () => (/* binding */ argoCdDiffNotRendered),
  RS: () => (/* binding */ changelogSections),
  $N: () => (/* binding */ connectReview),
  SH: () => (/* binding */ repositoryPath),
  K7: () => (/* binding */ settledReview)
});

// EXTERNAL MODULE: ./packages/core/src/argocd/app-ref.ts
var app_ref = __webpack_require__(9103);
// EXTERNAL MODULE: ./packages/core/src/argocd/errors.ts
var errors = __webpack_require__(649);
// EXTERNAL MODULE: ./packages/core/src/argocd/resource-diff.ts + 2 modules
var resource_diff = __webpack_require__(1909);
// EXTERNAL MODULE: ./packages/core/src/platform/markdown.ts
var markdown = __webpack_require__(3388);
// EXTERNAL MODULE: ./packages/core/src/text/one-line.ts
var one_line = __webpack_require__(2512);
// EXTERNAL MODULE: ./packages/core/src/text/neutralise.ts
var neutralise = __webpack_require__(3235);
;// CONCATENATED MODULE: ./packages/core/src/promotion/review/argocd-diff-section.ts


/** A diff this short is shown open; a longer one collapsed. */
const OPEN_LINES = 30;
/** A single diff is cut here, so one huge ConfigMap cannot take the whole budget from the rest. */
const MAX_DIFF_LINES = 300;
/** Masked Secrets named at most, per app. */
const MAX_MASKED_NAMES = 10;
/**
 * The section, at most `budget` characters when whole resources can be dropped to fit (the
 * heading and one line per app are always kept). Dropped resources are counted per app in
 * "N more resources changed: see …".
 */
function argoCdDiffSection({ environment, apps, budget }) {
    const heading = `### What Argo CD will change in ${(0,markdown/* markdownText */.p7)(environment)}`;
    const blocks = apps.map(appBlocks);
    const total = blocks.reduce((sum, app) => sum + app.resources.length, 0);
    // Fewer and fewer resources, dropped from the end, until the section fits. Lengths are summed
    // without joining, so 500 resources of 300-line diffs cost milliseconds, not seconds.
    let kept = total;
    let parts = layout(heading, blocks, kept);
    while (kept > 0 && joinedLength(parts) > budget) {
        kept -= 1;
        parts = layout(heading, blocks, kept);
    }
    return `${parts.join('\n\n')}\n`;
}
/** The length of `parts.join('\n\n') + '\n'`. */
function joinedLength(parts) {
    return parts.reduce((sum, part) => sum + part.length + 2, 0) - 1;
}
/** The section's paragraphs with the first `kept` resources (in app order) and a count of the rest per app. */
function layout(heading, blocks, kept) {
    const parts = [heading];
    let left = kept;
    for (const app of blocks) {
        const shown = app.resources.slice(0, Math.max(0, left));
        left -= shown.length;
        const dropped = app.resources.length - shown.length;
        parts.push(app.head, ...shown);
        if (dropped > 0)
            parts.push(`${dropped} more ${dropped === 1 ? 'resource' : 'resources'} changed: see ${where(app.seeAll)}.`);
        parts.push(...app.tail);
    }
    return parts;
}
function appBlocks(app) {
    const name = `${(0,markdown/* markdownCode */.D9)(app.application)}${app.revision ? ` at ${(0,markdown/* markdownCode */.D9)(shortRevision(app.revision))}` : ''}`;
    if ('error' in app.outcome) {
        return { head: `${name}: Argo CD's diff is not available: ${(0,markdown/* markdownCode */.D9)(app.outcome.error)}.`, resources: [], tail: [], seeAll: app.seeAll };
    }
    const { changes, maskedSecrets } = app.outcome.diff;
    const tail = maskedSecrets.length > 0 ? [maskedLine(maskedSecrets)] : [];
    if (changes.length === 0)
        return { head: `${name}: Argo CD renders the same resources as the application runs now.`, resources: [], tail, seeAll: app.seeAll };
    return { head: `${name}: ${counts(changes)}.`, resources: changes.map((change) => resourceBlock(change, app.seeAll)), tail, seeAll: app.seeAll };
}
function shortRevision(revision) {
    return /^[0-9a-f]{40}$/.test(revision) ? revision.slice(0, 12) : revision;
}
function counts(changes) {
    const count = (kind) => changes.filter((change) => change.change === kind).length;
    return `${count('changed')} changed, ${count('added')} added, ${count('removed')} removed`;
}
function maskedLine(secrets) {
    const names = secrets.slice(0, MAX_MASKED_NAMES).map((secret) => (0,markdown/* markdownCode */.D9)(qualifiedName(secret)));
    const more = secrets.length > MAX_MASKED_NAMES ? ` and ${secrets.length - MAX_MASKED_NAMES} more` : '';
    return `Secrets whose keys are unchanged but whose values Argo CD masks, so they may have changed: ${names.join(', ')}${more}.`;
}
function qualifiedName(id) {
    return id.namespace ? `${id.namespace}/${id.name}` : id.name;
}
function resourceBlock(change, seeAll) {
    const lines = change.diff === '' ? [] : change.diff.split('\n');
    const open = lines.length <= OPEN_LINES ? ' open' : '';
    const summary = `<code>${html(`${change.kind} ${qualifiedName(change)}`)}</code> ${change.change}`;
    const body = [secretLine(change), diffBlock(lines, seeAll)].filter((part) => part !== '');
    return [`<details${open}><summary>${summary}</summary>`, ...body, '</details>'].join('\n\n');
}
/** A Secret's keys that change, never a value. */
function secretLine(change) {
    if (!change.secretKeys)
        return '';
    const keys = change.secretKeys.map((key) => `${(0,markdown/* markdownCode */.D9)(key.key)} ${key.change}`);
    const unverified = change.unverifiedSecretKeys ?? [];
    const masked = unverified.length > 0 ? `${keys.length > 0 ? '; ' : ''}values Argo CD masks, which may have changed: ${unverified.map(markdown/* markdownCode */.D9).join(', ')}` : '';
    return `Secret keys (values are never shown): ${keys.join(', ')}${masked}.`;
}
/** A ```diff block whose fence no line of the diff can close, cut at {@link MAX_DIFF_LINES}. */
function diffBlock(lines, seeAll) {
    if (lines.length === 0)
        return '';
    const shown = (0,neutralise/* escapeControls */.UN)(lines.slice(0, MAX_DIFF_LINES).join('\n'));
    const longestRun = Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(Math.max(3, longestRun + 1));
    const cut = lines.length > MAX_DIFF_LINES ? `\n\n${lines.length - MAX_DIFF_LINES} more lines of this diff: see ${where(seeAll)}.` : '';
    return `${fence}diff\n${shown}\n${fence}${cut}`;
}
/** A URL as an autolink (characters that would end one percent-encoded), anything else as code. */
function where(seeAll) {
    if (!/^https?:\/\/\S+$/.test(seeAll))
        return (0,markdown/* markdownCode */.D9)(seeAll);
    return `<${seeAll.replace(/[<>"`\\]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}>`;
}
/** Text for inside an HTML element: GitHub renders the `<summary>` line as HTML, not Markdown. */
function html(text) {
    const escaped = (0,neutralise/* escapeControls */.UN)(text, { newlines: false });
    return escaped.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

// EXTERNAL MODULE: ./packages/core/src/manifest/manifest-reader.ts
var manifest_reader = __webpack_require__(3336);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./packages/core/src/manifest/parsed-manifest.ts
var parsed_manifest = __webpack_require__(1542);
;// CONCATENATED MODULE: ./packages/core/src/manifest/leaf-values.ts


/**
 * Every scalar a manifest sets, by key path (`image.tag`, `spec.replicas`): what "the other keys"
 * of two environments' files are when comparing them. A file of several documents prefixes each
 * path with its document's `kind/name` (or position), so equal paths of different objects stay
 * apart. Files that do not parse give nothing: the editor reports them where it matters.
 */
function leafValues(source) {
    const leaves = new Map();
    const documents = (0,dist/* parseAllDocuments */.hR)(source);
    if (!Array.isArray(documents))
        return leaves;
    const several = documents.filter((document) => document.contents !== null).length > 1;
    documents.forEach((document, index) => {
        if (document.errors.length > 0 || document.contents === null)
            return;
        const prefix = several ? `${documentName(document.toJS(), index)}: ` : '';
        walk(document.contents, [], (path, value) => leaves.set(`${prefix}${(0,parsed_manifest/* formatPath */.jV)(path)}`, value));
    });
    return leaves;
}
function walk(node, path, leaf) {
    if ((0,dist/* isMap */.jh)(node)) {
        for (const pair of node.items) {
            const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : undefined;
            if (key !== undefined)
                walk(pair.value, [...path, key], leaf);
        }
    }
    else if ((0,dist/* isSeq */.oP)(node)) {
        node.items.forEach((item, index) => walk(item, [...path, index], leaf));
    }
    else if ((0,dist/* isScalar */.jn)(node) && path.length > 0) {
        leaf(path, node.value === null ? 'null' : String(node.value));
    }
}
function documentName(value, index) {
    const object = typeof value === 'object' && value !== null ? value : {};
    const kind = typeof object.kind === 'string' ? object.kind : undefined;
    const name = typeof object.metadata?.name === 'string' ? object.metadata.name : undefined;
    return kind && name ? `${kind}/${name}` : `document ${index + 1}`;
}

// EXTERNAL MODULE: ./packages/core/src/forge/select.ts
var forge_select = __webpack_require__(8529);
// EXTERNAL MODULE: ./packages/core/src/forge/errors.ts
var forge_errors = __webpack_require__(798);
;// CONCATENATED MODULE: ./packages/core/src/promotion/review/changelog.ts



const SHA_SEGMENT = /^(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;
const VERSION = /^\d+(?:\.\d+)*(?:[-+][0-9A-Za-z.+-]*)?$/;
/** The ref `value` names in the application repository (pure: no request). */
function refOfValue(value, mode) {
    const at = value.lastIndexOf('@');
    const withoutDigest = at >= 0 && DIGEST.test(value.slice(at + 1)) ? value.slice(0, at) : value;
    if (withoutDigest === '' || DIGEST.test(withoutDigest)) {
        return { kind: 'none', reason: `${(0,markdown/* markdownCode */.D9)(value)} is a digest only: it names an image, not a commit` };
    }
    const sha = shaIn(withoutDigest);
    if (sha !== undefined)
        return { kind: 'commit', ref: sha };
    if (!isTagName(withoutDigest)) {
        const what = mode === 'key' ? 'is neither a git tag name nor carries a commit SHA' : 'cannot be a git tag name and carries no commit SHA';
        return { kind: 'none', reason: `${(0,markdown/* markdownCode */.D9)(value)} ${what}` };
    }
    return VERSION.test(withoutDigest) ? { kind: 'tag', ref: withoutDigest, alternative: `v${withoutDigest}` } : { kind: 'tag', ref: withoutDigest };
}
/**
 * The last `-`-separated segment that is a commit SHA, or the whole value when it is one. After the
 * `sha-` prefix (docker/metadata-action's `type=sha`) a SHA of digits only counts too: elsewhere
 * `20240101` is a date, not a commit.
 */
function shaIn(tag) {
    const prefixed = /^sha-([0-9a-f]{7,40})$/.exec(tag)?.[1];
    if (prefixed !== undefined)
        return prefixed;
    if (SHA_SEGMENT.test(tag))
        return tag;
    const segments = tag.split('-').slice(1);
    return segments.reverse().find((segment) => SHA_SEGMENT.test(segment));
}
/** git check-ref-format's rules for refs/tags/<name>, for one name. */
function isTagName(name) {
    if (name === '@' || name.length > 255)
        return false;
    if (/[\u0000-\u0020\u007f~^:?*[\\]|\.\.|@\{|\/\/|^[/.-]|[/.]$|\.lock$|\/\./.test(name))
        return false;
    return !name.split('/').some((part) => part.endsWith('.lock'));
}
/**
 * The comparison of the previous and the promoted value, in at most two requests (the second only
 * to try `v` tags). A forge failure is told, not thrown: the changelog informs a review, and the
 * promotion does not wait for the application repository.
 */
async function loadChangelog(forge, request) {
    const pair = refsToCompare(request);
    if ('reason' in pair)
        return { kind: 'unavailable', reason: pair.reason };
    const { from, to } = pair;
    const attempts = [[from.ref, to.ref]];
    const fromAlternative = from.kind === 'tag' ? from.alternative : undefined;
    const toAlternative = to.kind === 'tag' ? to.alternative : undefined;
    if (fromAlternative !== undefined || toAlternative !== undefined)
        attempts.push([fromAlternative ?? from.ref, toAlternative ?? to.ref]);
    try {
        for (const [base, head] of attempts) {
            const comparison = await forge.compare(request.repository, base, head);
            if (comparison)
                return { kind: 'compared', repository: request.repository, forge: forge.kind, from: base, to: head, comparison };
        }
    }
    catch (error) {
        if (!(error instanceof forge_errors/* ForgeError */.Q8))
            throw error;
        return { kind: 'unavailable', reason: `Could not compare the two versions in ${(0,markdown/* markdownText */.p7)(request.repository)}: ${(0,markdown/* markdownInline */.nL)((0,one_line/* oneLine */.T)(error.message, 300))}` };
    }
    const tried = attempts.map(([base, head]) => `${(0,markdown/* markdownCode */.D9)(base)}…${(0,markdown/* markdownCode */.D9)(head)}`).join(' or ');
    return {
        kind: 'unavailable',
        reason: `${tried} not found in ${(0,markdown/* markdownText */.p7)(request.repository)}: a tag or commit is missing there, or the token cannot read the repository.`,
    };
}
function refsToCompare(request) {
    const [previous, ...others] = request.previous;
    if (previous === undefined)
        return { reason: 'The target files held no value before: there is no previous version to compare with.' };
    if (others.length > 0) {
        return { reason: `The target files hold several values (${request.previous.map(markdown/* markdownCode */.D9).join(', ')}): there is no single previous version to compare with.` };
    }
    if (previous === request.value)
        return { reason: `${(0,markdown/* markdownCode */.D9)(previous)} is already the previous value: nothing new to list.` };
    const from = refOfValue(previous, request.mode);
    const to = refOfValue(request.value, request.mode);
    if (from.kind === 'none')
        return { reason: `No changelog: the previous value ${from.reason}.` };
    if (to.kind === 'none')
        return { reason: `No changelog: ${to.reason}.` };
    if (from.ref === to.ref) {
        return { reason: `${(0,markdown/* markdownCode */.D9)(previous)} and ${(0,markdown/* markdownCode */.D9)(request.value)} both name ${(0,markdown/* markdownCode */.D9)(to.ref)} in ${(0,markdown/* markdownText */.p7)(request.repository)}: the image changed, its source did not.` };
    }
    return { from, to };
}
/** Subjects longer than this are cut: 20 of them stay a small part of the body's 65,536 characters. */
const SUBJECT_CHARACTERS = 200;
/**
 * The Markdown section: deterministic for the same comparison (no dates, a stable order). A
 * rollback names it for what it takes out instead (`heading`).
 */
function renderChangelog(changelog, value, heading = `### What ${(0,markdown/* markdownText */.p7)(value)} contains`) {
    if (changelog.kind === 'unavailable')
        return `${heading}\n\n${changelog.reason}\n`;
    const { comparison, from, to } = changelog;
    const repository = `[${(0,markdown/* markdownInline */.nL)(changelog.repository)}](${linkTarget(comparison.repositoryUrl)})`;
    const full = linkTarget(comparison.webUrl);
    if (comparison.totalCommits === 0) {
        return `${heading}\n\n${(0,markdown/* markdownCode */.D9)(to)} adds no commits to ${(0,markdown/* markdownCode */.D9)(from)} in ${repository}: it is the same commit or an older one ([comparison](${full})).\n`;
    }
    const count = comparison.totalCommits === 1 ? '1 commit' : `${comparison.totalCommits} commits`;
    const lines = comparison.commits.map((commit) => commitLine(commit, changelog.forge, comparison.repositoryUrl));
    const more = comparison.totalCommits - comparison.commits.length;
    const footer = more > 0 ? `${more} more: see the [full comparison](${full}).` : `[Full comparison](${full})`;
    return [heading, '', `${count} in ${repository} from ${(0,markdown/* markdownCode */.D9)(from)} to ${(0,markdown/* markdownCode */.D9)(to)}, newest first:`, '', ...lines, '', footer, ''].join('\n');
}
function commitLine(commit, forge, repositoryUrl) {
    const author = commit.authorName === '' ? '' : ` — ${(0,markdown/* markdownInline */.nL)(commit.authorName)}`;
    return `- [${(0,markdown/* markdownCode */.D9)(commit.sha.slice(0, 7))}](${linkTarget(commit.url)}) ${linkedSubject(commit.subject, forge, repositoryUrl)}${author}`;
}
/** A URL as a link destination: the characters that would end it or break the line percent-encoded (a tag may hold parentheses). */
function linkTarget(url) {
    return url.replace(/[\s()<>`\\]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
/**
 * `#123` (GitHub: a pull request; GitLab: an issue) and `!123` (GitLab: a merge request) linked to
 * the application repository, where they belong: left alone, the forge would link them to the
 * environment repository's. A SHA-like word goes into code so it is not linked there either.
 */
const REFERENCE = /(?<![\w/&#!])([#!])(\d+)\b|\b(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}\b/g;
function linkedSubject(subject, forge, repositoryUrl) {
    const text = [...subject].length > SUBJECT_CHARACTERS ? `${[...subject].slice(0, SUBJECT_CHARACTERS - 1).join('')}…` : subject;
    let out = '';
    let at = 0;
    for (const match of text.matchAll(REFERENCE)) {
        const [whole, sigil, number] = match;
        const url = sigil === undefined || number === undefined ? undefined : referenceUrl(sigil, number, forge, repositoryUrl);
        if (sigil !== undefined && url === undefined)
            continue;
        out += (0,markdown/* markdownInline */.nL)(text.slice(at, match.index)) + (url === undefined ? (0,markdown/* markdownCode */.D9)(whole) : `[${sigil}${number}](${linkTarget(url)})`);
        at = match.index + whole.length;
    }
    return out + (0,markdown/* markdownInline */.nL)(text.slice(at));
}
function referenceUrl(sigil, number, forge, repositoryUrl) {
    if (forge === 'github')
        return sigil === '#' ? `${repositoryUrl}/pull/${number}` : undefined;
    return `${repositoryUrl}/-/${sigil === '!' ? 'merge_requests' : 'issues'}/${number}`;
}

;// CONCATENATED MODULE: ./packages/core/src/promotion/review/drift.ts

function driftRows(source, target, promoted) {
    const names = [...new Set([...source.keys(), ...target.keys()])].filter((name) => !promoted.has(name)).sort();
    const rows = [];
    for (const name of names) {
        const from = [...(source.get(name) ?? [])].sort();
        const to = [...(target.get(name) ?? [])].sort();
        if (from.join('\n') !== to.join('\n'))
            rows.push({ name, source: from, target: to });
    }
    return rows;
}
/** Rows beyond this are counted, not listed: the section is a pointer, not a second diff. */
const MAX_ROWS = 50;
/** The body's section; '' when nothing differs. `what` is `image` or `key`. */
function driftSection(rows, what, source, target) {
    if (rows.length === 0)
        return '';
    const shown = rows.slice(0, MAX_ROWS);
    const nouns = what === 'image' ? ['Image', 'images'] : ['Key', 'keys'];
    const table = [
        `| ${nouns[0]} | ${(0,markdown/* markdownText */.p7)(source)} | ${(0,markdown/* markdownText */.p7)(target)} |`,
        '| --- | --- | --- |',
        ...shown.map((row) => `| ${(0,markdown/* markdownCode */.D9)(row.name)} | ${cell(row.source)} | ${cell(row.target)} |`),
    ];
    const more = rows.length > shown.length ? [``, `…and ${rows.length - shown.length} more ${nouns[1]} that differ.`] : [];
    const intro = `${rows.length} other ${rows.length === 1 ? nouns[0]?.toLowerCase() : nouns[1]} differ${rows.length === 1 ? 's' : ''} between ${(0,markdown/* markdownText */.p7)(source)} and ${(0,markdown/* markdownText */.p7)(target)} and stay${rows.length === 1 ? 's' : ''} as ${(0,markdown/* markdownText */.p7)(target)} has ${rows.length === 1 ? 'it' : 'them'}:`;
    const body = [intro, '', ...table, ...more].join('\n');
    return [`### Not in this promotion`, '', rows.length > 10 ? `<details><summary>${rows.length} ${nouns[1]} differ</summary>\n\n${body}\n\n</details>` : body].join('\n');
}
function cell(values) {
    return values.length === 0 ? '(not set)' : values.map(markdown/* markdownCode */.D9).join(', ');
}

;// CONCATENATED MODULE: ./packages/core/src/promotion/review/evidence.ts


async function assessSource(ref, app, value, valueAt) {
    const label = (0,app_ref/* appLabel */._$)(ref);
    const revision = app.status.sync.revision ?? app.status.sync.revisions[0];
    if (!revision)
        return { app: label, state: 'other' };
    const runs = await valueAt(revision);
    if (runs !== value)
        return { app: label, state: 'other', revision, ...(runs !== undefined ? { runs } : {}) };
    const sync = app.status.sync.status ?? 'Unknown';
    const health = app.status.health.status ?? 'Unknown';
    if (sync !== 'Synced' || health !== 'Healthy')
        return { app: label, state: 'unsettled', revision, sync, health };
    const since = await firstDeployment(app, value, valueAt);
    return { app: label, state: 'runs', revision, ...(since ? { since } : {}) };
}
/**
 * When the app started running `value` for good: the deployedAt of the oldest sync in the newest
 * unbroken run of syncs whose revision carries it (a later commit that keeps the value does not
 * reset the clock; a sync of another value in between does).
 */
async function firstDeployment(app, value, valueAt) {
    let since;
    for (const entry of [...app.status.history].reverse()) {
        const revision = entry.revision ?? entry.revisions?.[0];
        if (!revision || (await valueAt(revision)) !== value)
            break;
        since = entry.deployedAt;
    }
    return since;
}
/** The latest `since` of apps that all run the value: when the whole source environment ran it; undefined otherwise. */
function healthySince(evidence) {
    if (evidence.length === 0 || evidence.some((item) => item.state !== 'runs' || !item.since))
        return undefined;
    return evidence
        .map((item) => (item.state === 'runs' ? (item.since ?? '') : ''))
        .sort()
        .at(-1);
}
/** The body's section. A time is printed as Argo CD recorded it, so a rerun writes the same text. */
function evidenceSection(evidence, environment, value) {
    return evidenceOfValues([{ evidence, value }], environment);
}
/** One section for several values (a set): one heading, each value's lines under it. */
function evidenceOfValues(groups, environment) {
    const lines = [`### Evidence from ${(0,markdown/* markdownText */.p7)(environment)}`, ''];
    for (const { evidence, value } of groups) {
        for (const item of evidence) {
            const app = (0,markdown/* markdownCode */.D9)(item.app);
            if (item.state === 'runs') {
                lines.push(`- ✅ ${app} runs ${(0,markdown/* markdownCode */.D9)(value)}: Synced at ${(0,markdown/* markdownCode */.D9)(item.revision.slice(0, 12))} and Healthy${item.since ? `, running it since ${utc(item.since)}` : ''}.`);
                continue;
            }
            lines.push('', '> [!WARNING]', `> ${warningText(item, app, value)}`, '');
        }
    }
    return lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd();
}
function warningText(item, app, value) {
    switch (item.state) {
        case 'unsettled':
            return `${app} runs ${(0,markdown/* markdownCode */.D9)(value)} at ${(0,markdown/* markdownCode */.D9)(item.revision.slice(0, 12))} but is ${(0,markdown/* markdownText */.p7)(item.sync)} and ${(0,markdown/* markdownText */.p7)(item.health)}, not Synced and Healthy: nothing shows yet that this value works there.`;
        case 'other':
            return item.revision
                ? `${app} does not run ${(0,markdown/* markdownCode */.D9)(value)}: it is at ${(0,markdown/* markdownCode */.D9)(item.revision.slice(0, 12))}, which ${item.runs !== undefined ? `runs ${(0,markdown/* markdownCode */.D9)(item.runs)}` : 'sets no value in the source files'}.`
                : `${app} has not synced any revision yet, so it does not run ${(0,markdown/* markdownCode */.D9)(value)}.`;
        case 'unreadable':
            return `${app} could not be read: ${item.reason}`;
    }
}
/** `2026-12-06T14:02:11Z` → `2026-12-06 14:02 UTC` (seconds add nothing a reviewer needs). */
function utc(timestamp) {
    const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(timestamp);
    return match ? `${match[1]} ${match[2]} UTC` : (0,markdown/* markdownCode */.D9)(timestamp);
}

;// CONCATENATED MODULE: ./packages/core/src/promotion/review/review.ts












/**
 * The client for `config`, its token masked first. The caller closes it. Argo CD's own messages
 * go through `redact` (the platform's secrets) as well as the client's.
 */
async function connectReview(config, connect, redact) {
    const client = await connect({ server: config.server, credentials: { token: config.token }, redact, insecure: config.insecure, ...(config.caCert ? { caCert: config.caCert } : {}) });
    return { client, server: config.server, targets: config.targets, sources: config.sources };
}
async function settledReview(request) {
    const evidence = request.argocd && request.argocd.sources.length > 0 ? await sourceEvidence(request, request.argocd) : undefined;
    const since = evidence ? healthySince(evidence.items) : undefined;
    // Several values: each heading names its image or key.
    const entries = request.values.map(({ name, value, previous, target }) => ({ previous, value, mode: target.mode, ...(request.values.length > 1 ? { heading: `### What ${(0,markdown/* markdownText */.p7)(name)} ${(0,markdown/* markdownCode */.D9)(value)} contains` } : {}) }));
    const changelog = request.changelog ? await changelogSections(request.changelog, entries) : undefined;
    return {
        changelog: changelog?.text ?? '',
        compared: changelog?.compared ?? false,
        evidence: evidence?.section ?? '',
        drift: request.sourceFiles.length > 0 ? await drift(request) : '',
        ...(since ? { sourceHealthySince: since } : {}),
    };
}
/**
 * The changelog sections of a change request, one per entry (at most 2 forge requests each), and
 * whether every one compared (then each links its full comparison).
 */
async function changelogSections(source, entries) {
    const sections = [];
    let compared = true;
    for (const entry of entries) {
        const changelog = await loadChangelog(source.forge, { repository: source.repository, previous: entry.previous, value: entry.value, mode: entry.mode });
        compared &&= changelog.kind === 'compared';
        sections.push(renderChangelog(changelog, entry.value, entry.heading).trimEnd());
    }
    return { text: sections.join('\n\n'), compared };
}
/** `owner/app`, `group/sub/app` or a URL of it (https, ssh, scp-like) → the repository's path on its forge. */
function repositoryPath(input) {
    return (0,forge_select/* repositoryOfUrl */.Je)(input) ?? input.replace(/^\/+|\/+$/g, '').replace(/\.git$/, '');
}
/**
 * One GET per source app, however many values: each value is then assessed on the apps read. The
 * values each revision carries come from the source files in git, read once per revision.
 */
async function sourceEvidence(request, argocd) {
    const apps = new Map();
    for (const ref of argocd.sources) {
        const app = await argocd.client.getApplication(ref.name, ref.namespace ? { appNamespace: ref.namespace } : {}).catch((error) => {
            if (error instanceof errors/* ArgoCdError */.rA)
                return error.message;
            throw error;
        });
        apps.set(ref, app);
    }
    const source = sourceValues(request.repo, request.sourceFiles);
    const items = [];
    const groups = [];
    for (const promoted of request.values) {
        const evidence = [];
        for (const [ref, app] of apps) {
            const item = typeof app === 'string' ? { app: (0,app_ref/* appLabel */._$)(ref), state: 'unreadable', reason: app } : await assessSource(ref, app, promoted.value, source(promoted.target));
            request.info(`${item.app}: ${item.state === 'runs' ? `runs ${promoted.value}${item.since ? ` since ${item.since}` : ''}` : item.state === 'unreadable' ? item.reason : `does not run ${promoted.value} Synced and Healthy`}.`);
            evidence.push(item);
        }
        items.push(...evidence);
        // Several values: each line names its image or key, not just the value.
        groups.push({ evidence, value: request.values.length > 1 ? `${promoted.name} ${promoted.value}` : promoted.value });
    }
    return { items, section: evidenceOfValues(groups, request.sourceEnvironment) };
}
/**
 * What the source files give a target at a commit (undefined when the commit is unknown, or they
 * give none or several): the files are read once per commit (one git process) for every target.
 */
function sourceValues(repo, files) {
    const texts = new Map();
    const textsAt = (revision) => {
        let read = texts.get(revision);
        if (!read)
            texts.set(revision, (read = repo.hasCommit(revision).then((known) => (known ? repo.filesAt(revision, files) : undefined))));
        return read;
    };
    return (target) => async (revision) => {
        const read = await textsAt(revision);
        if (!read)
            return undefined;
        const values = new Set();
        for (const [file, text] of read)
            if (text !== undefined)
                for (const site of (0,manifest_reader/* readManifest */.WI)(text, file, target))
                    values.add(site.value);
        return values.size === 1 ? [...values][0] : undefined;
    };
}
/** Images (image mode) or keys (key mode) the two environments' files disagree on, besides the promoted ones. */
async function drift(request) {
    const mode = request.values[0]?.target.mode ?? 'image';
    const valuesOf = async (files) => {
        const texts = [];
        // One git process for all the files (an environment has as many as it has services).
        const read = await request.repo.filesAt(request.baseTip, files);
        for (const file of files) {
            const text = read.get(file);
            if (text !== undefined)
                texts.push({ file, text });
        }
        return mode === 'image' ? imageValues(texts) : keyValues(texts);
    };
    const rows = driftRows(await valuesOf(request.sourceFiles), await valuesOf(request.targetFiles), new Set(request.values.map((value) => value.name)));
    return driftSection(rows, mode, request.sourceEnvironment, request.targetEnvironment);
}
function keyValues(texts) {
    const values = new Map();
    for (const { text } of texts)
        for (const [path, value] of leafValues(text))
            (values.get(path) ?? values.set(path, new Set()).get(path))?.add(value);
    return new Map([...values].map(([name, set]) => [name, [...set]]));
}
/** Every image the files reference, with the values they give it (the reader the editor uses). */
function imageValues(texts) {
    const images = (0,manifest_reader/* readImages */.H)(texts.map(({ file, text }) => ({ file, source: text })));
    return new Map([...images].map(([name, sites]) => [name, [...sites.values]]));
}
/**
 * What Argo CD will change in the target environment: for each target app, what it renders for
 * `headSha` against what it runs now (2 requests per app). Returned as a function of the room the
 * body leaves (see body.ts). A failure of one app is one line in the section, not a failed step.
 */
async function argoCdDiff(argocd, headSha, environment, info) {
    const apps = [];
    for (const ref of argocd.targets) {
        const options = ref.namespace ? { appNamespace: ref.namespace } : {};
        const report = { application: (0,app_ref/* appLabel */._$)(ref), revision: headSha, seeAll: appPage(argocd.server, ref) };
        try {
            // Argo CD's repo server may take up to a minute to render a revision it has not seen.
            // The two reads do not depend on each other: the render (the slow one) and the live state at once.
            const [manifests, managed] = await Promise.all([argocd.client.manifests(ref.name, { ...options, revision: headSha, timeoutMs: RENDER_TIMEOUT_MS }), argocd.client.managedResources(ref.name, options)]);
            const diff = (0,resource_diff/* diffResources */.l)(manifests, managed);
            info(`${report.application}: Argo CD renders ${headSha.slice(0, 12)} with ${diff.changes.length} resource(s) changed, added or removed.`);
            apps.push({ ...report, outcome: { diff } });
        }
        catch (error) {
            if (!(error instanceof errors/* ArgoCdError */.rA))
                throw error;
            info(`${report.application}: no diff, ${error.message}`);
            apps.push({ ...report, outcome: { error: (0,one_line/* oneLine */.T)(error.message, 300) } });
        }
    }
    return (budget) => argoCdDiffSection({ environment, apps, budget });
}
/** A dry run pushes nothing, so Argo CD has no commit to render: the section says so. */
function argoCdDiffNotRendered(environment) {
    return () => `### What Argo CD will change in ${(0,markdown/* markdownText */.p7)(environment)}\n\nNot rendered in a dry run: nothing was pushed, so Argo CD has no commit to render.`;
}
const RENDER_TIMEOUT_MS = 60_000;
/** The app's page in Argo CD's UI. */
function appPage(server, ref) {
    const base = server.replace(/\/+$/, '');
    return `${base}/applications/${ref.namespace ? `${encodeURIComponent(ref.namespace)}/` : ''}${encodeURIComponent(ref.name)}`;
}


/***/ }),

/***/ 4601:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ checkServerInput),
/* harmony export */   v: () => (/* binding */ argoCdReviewConfig)
/* harmony export */ });
/* harmony import */ var _argocd_app_ref__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9103);
/* harmony import */ var _argocd_server_url__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4881);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7638);
/* harmony import */ var _platform_secret_variable__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1746);
/* harmony import */ var _argocd_secrets__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6593);
/* harmony import */ var _text_list_input__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6444);
/* harmony import */ var _inputs__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9032);
/* harmony import */ var _shared_inputs__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9880);








/** Validates the review inputs (all of them or none); the token falls back to its own variable in `env`. */
function argoCdReviewConfig(inputs, env) {
    const server = (0,_shared_inputs__WEBPACK_IMPORTED_MODULE_5__/* .singleLine */ .pF)(inputs['argocd-server'], 'argocd-server').trim();
    const targets = (0,_text_list_input__WEBPACK_IMPORTED_MODULE_6__/* .splitList */ .r)(inputs['argocd-application']).map((entry) => (0,_argocd_app_ref__WEBPACK_IMPORTED_MODULE_0__/* .parseAppRef */ .WW)(entry, 'argocd-application'));
    const sources = (0,_text_list_input__WEBPACK_IMPORTED_MODULE_6__/* .splitList */ .r)(inputs['source-application'] ?? '').map((entry) => (0,_argocd_app_ref__WEBPACK_IMPORTED_MODULE_0__/* .parseAppRef */ .WW)(entry, 'source-application'));
    if (server === '') {
        if (targets.length + sources.length > 0) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz("Inputs 'argocd-application' and 'source-application' need 'argocd-server'.", 'Give argocd-server: https://argocd.example.com (the Argo CD the applications live in).');
        }
        return undefined;
    }
    if (targets.length + sources.length === 0) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz("Input 'argocd-server' is given but no application is.", "Name the target environment's Application in 'argocd-application' and/or the source environment's in 'source-application'.");
    }
    const variable = (0,_platform_secret_variable__WEBPACK_IMPORTED_MODULE_7__/* .secretVariable */ .H)('argocd-token');
    const token = (0,_shared_inputs__WEBPACK_IMPORTED_MODULE_5__/* .singleLine */ .pF)(inputs['argocd-token'], 'argocd-token').trim() || (env[variable] ?? '').trim();
    if (token === '') {
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`No Argo CD token: 'argocd-server' is given but neither 'argocd-token' nor the variable ${variable} is.`, `Create a read-only token (\`argocd account generate-token\`, or a project role with applications, get) and put it in a masked variable ${variable}; it is a different system from the forge, so not GITOPS_PROMOTE_TOKEN.`);
    }
    checkServerInput(server, token, 'argocd-server');
    const caCert = inputs['argocd-ca-cert'].trim();
    return { server, token, insecure: (0,_inputs__WEBPACK_IMPORTED_MODULE_4__/* .parseBoolean */ .yG)(inputs['argocd-insecure'], 'argocd-insecure'), targets, sources, ...(caCert ? { caCert } : {}) };
}
/**
 * An Argo CD server input's shape (scheme, no credentials or query, not a web UI page), as the
 * client checks it, named as the input it is; `secret` is kept out of the message.
 */
function checkServerInput(server, secret, input) {
    if (server.trim() === '')
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input '${input}' is required.`, 'Give the Argo CD base URL, e.g. https://argocd.example.com.');
    const redactor = (0,_argocd_secrets__WEBPACK_IMPORTED_MODULE_3__/* .redactorFor */ .s)(secret);
    try {
        (0,_argocd_server_url__WEBPACK_IMPORTED_MODULE_1__/* .serverUrl */ .V)(server, (text) => redactor.redact(text));
    }
    catch (error) {
        if (error instanceof _errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz)
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input '${input}': ${error.message}`, error.hint);
        throw error;
    }
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
