export const id = 81;
export const ids = [81];
export const modules = {

/***/ 150:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ apiCommitterOf)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(798);

/**
 * The git publishers' sign-commits hook, made by `forge`: a commit the forge refuses because the
 * branch moved or appeared meanwhile (a retryable 409/422) is a lost race, re-planned on the new
 * tip like a rejected push.
 */
function apiCommitterOf(forge, log) {
    const commit = forge.commitThroughApi?.bind(forge);
    if (!commit) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .ForgeError */ .Q(`sign-commits is not available on ${forge.kind}.`, 'Remove sign-commits, or sign commits with a key your CI holds and push them yourself.', 0, false);
    }
    return async (request) => {
        try {
            return await commit(request);
        }
        catch (error) {
            if (error instanceof _errors__WEBPACK_IMPORTED_MODULE_0__/* .ForgeError */ .Q && error.retryable && (error.status === 409 || error.status === 422)) {
                log(`The forge refused the branch update (${error.message}); reading the branch again.`);
                return 'race';
            }
            throw error;
        }
    };
}


/***/ }),

/***/ 798:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ ForgeError)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7638);

/**
 * A forge API request failed. `status` is the HTTP status (0: no response); `retryable` says
 * whether the same request may succeed later (5xx, network, rate limits already waited out),
 * as opposed to needing a person (credentials, permissions, a missing repository or branch).
 * Messages carry no token: implementations build them from status, method, path and the API's
 * own message, redacted.
 */
class ForgeError extends _errors__WEBPACK_IMPORTED_MODULE_0__/* .GitopsPromoteError */ .$o {
    status;
    retryable;
    constructor(message, hint, status, retryable) {
        super(message, hint);
        this.status = status;
        this.retryable = retryable;
    }
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

/***/ 9081:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  updateManifestStep: () => (/* binding */ updateManifestStep)
});

// EXTERNAL MODULE: ./packages/core/src/platform/markdown.ts
var markdown = __webpack_require__(3388);
// EXTERNAL MODULE: ./packages/core/src/platform/neutralise.ts
var neutralise = __webpack_require__(3255);
// EXTERNAL MODULE: ./packages/core/src/steps/inputs.ts
var steps_inputs = __webpack_require__(9032);
// EXTERNAL MODULE: ./packages/core/src/duration.ts
var duration = __webpack_require__(9713);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/image-reference.ts
var image_reference = __webpack_require__(5988);
// EXTERNAL MODULE: ./packages/core/src/manifest/key-path.ts
var key_path = __webpack_require__(4790);
// EXTERNAL MODULE: ./packages/core/src/list-input.ts
var list_input = __webpack_require__(5268);
// EXTERNAL MODULE: ./packages/core/src/steps/shared-inputs.ts
var shared_inputs = __webpack_require__(9880);
// EXTERNAL MODULE: ./packages/core/src/template.ts
var src_template = __webpack_require__(771);
;// CONCATENATED MODULE: ./packages/core/src/steps/update-manifest/commit-message.ts

/** Fills `{{image}}`, `{{tag}}`, `{{digest}}`, `{{key}}`, `{{value}}` and `{{subject}}`. */
function parseCommitMessageTemplate(template, values) {
    return (0,src_template/* fillTemplate */.o)(template, { ...values }, 'commit-message');
}

;// CONCATENATED MODULE: ./packages/core/src/steps/update-manifest/config.ts








function validateUpdateManifestInputs(inputs) {
    const files = (0,list_input/* splitList */.r)(inputs.files);
    if (files.length === 0) {
        throw new errors/* InputError */.dz("Input 'files' is required.", "List the manifests to edit, relative to 'path', one per line or comma-separated; globs work: 'envs/dev/kustomization.yaml' or 'envs/dev/**/*.yaml'.");
    }
    const imageMode = inputs.image !== '' || inputs.tag !== '' || inputs.digest !== '';
    const keyMode = inputs.key !== '' || inputs.value !== '';
    if (imageMode && keyMode) {
        throw new errors/* InputError */.dz("Inputs 'image'/'tag'/'digest' and 'key'/'value' were both given.", "Use image mode (image + tag and/or digest) or key-path mode (key + value), not both; run the step twice for two edits.");
    }
    if (!imageMode && !keyMode) {
        throw new errors/* InputError */.dz("Nothing to set: give 'image' with 'tag' and/or 'digest', or 'key' with 'value'.", "Example: image: ghcr.io/acme/payments, tag: 1.4.2 — or key: image.tag, value: 1.4.2.");
    }
    let request;
    let subject;
    let version;
    if (imageMode) {
        if (inputs.image === '')
            throw new errors/* InputError */.dz("Input 'image' is required with 'tag'/'digest'.", 'Name the image as the manifests write it, without tag, e.g. ghcr.io/acme/payments.');
        (0,image_reference/* validateImageName */.He)(inputs.image, 'image');
        const { tag = '', digest = '' } = (0,shared_inputs/* imageVersionInputs */.n_)(inputs.tag, inputs.digest);
        if (tag === '' && digest === '')
            throw new errors/* InputError */.dz("Input 'tag' or 'digest' is required with 'image'.", 'Give the new tag (e.g. 1.4.2), the digest (sha256:…), or both.');
        request = { mode: 'image', image: { name: inputs.image, ...(tag !== '' ? { tag } : {}), ...(digest !== '' ? { digest } : {}) } };
        version = [tag, digest].filter((part) => part !== '').join('@');
        subject = `${inputs.image} to ${version}`;
    }
    else {
        if (inputs.key === '')
            throw new errors/* InputError */.dz("Input 'key' is required with 'value'.", 'Give the key path to set, e.g. image.tag.');
        if (inputs.value === '')
            throw new errors/* InputError */.dz("Input 'value' is required with 'key'.", 'Give the value to set at the key path.');
        request = { mode: 'key', path: (0,key_path/* parseKeyPath */._q)(inputs.key), value: (0,shared_inputs/* singleLine */.pF)(inputs.value, 'value') };
        version = inputs.value;
        subject = `${inputs.key} to ${inputs.value}`;
    }
    const commit = (0,steps_inputs/* parseBoolean */.y)(inputs.commit, 'commit', true);
    const push = (0,steps_inputs/* parseBoolean */.y)(inputs.push, 'push', true) && commit;
    const author = (0,shared_inputs/* authorInputs */.Pm)(inputs['author-name'], inputs['author-email']);
    // Checked with `git check-ref-format --branch` by the run, before anything is committed.
    const branch = (0,shared_inputs/* singleLine */.pF)(inputs.branch, 'branch');
    const template = inputs['commit-message'] || 'chore(deploy): set {{subject}}';
    const config = {
        path: inputs.path || '.',
        files,
        request,
        commit,
        push,
        remote: 'origin',
        commitMessage: parseCommitMessageTemplate(template, {
            subject,
            image: inputs.image,
            tag: request.mode === 'image' ? (request.image.tag ?? '') : '',
            digest: request.mode === 'image' ? (request.image.digest ?? '') : '',
            key: inputs.key,
            value: version,
        }),
        version: request.mode === 'image' ? `${request.image.tag ?? ''}${request.image.digest ? `@${request.image.digest}` : ''}` : version,
        signCommits: (0,steps_inputs/* parseBoolean */.y)(inputs['sign-commits'], 'sign-commits', false),
        allowRolledBack: (0,steps_inputs/* parseBoolean */.y)(inputs['allow-rolled-back'], 'allow-rolled-back', false),
        dryRun: (0,steps_inputs/* parseBoolean */.y)(inputs['dry-run'], 'dry-run', false),
        createBranch: (0,steps_inputs/* parseBoolean */.y)(inputs['create-branch'], 'create-branch', false),
        pushTimeoutMs: (0,duration/* parseDuration */.E)(inputs['push-timeout'] || '5m', 'push-timeout'),
    };
    if (branch !== '')
        config.branch = branch;
    if (author)
        config.author = author;
    if (inputs.token !== '')
        config.token = (0,shared_inputs/* singleLine */.pF)(inputs.token, 'token');
    if (inputs['api-url'] !== '')
        config.apiUrl = (0,shared_inputs/* singleLine */.pF)(inputs['api-url'], 'api-url');
    if (config.signCommits && config.push && !config.token) {
        throw new errors/* InputError */.dz("Input 'sign-commits' needs 'token': the commit is made through the GitHub API.", 'Pass a token with contents: write on the environment repository.');
    }
    return config;
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./packages/core/src/steps/checkout.ts + 1 modules
var checkout = __webpack_require__(7271);
// EXTERNAL MODULE: ./packages/core/src/forge/api-commits.ts
var api_commits = __webpack_require__(150);
// EXTERNAL MODULE: ./packages/core/src/forge/select.ts
var forge_select = __webpack_require__(8529);
// EXTERNAL MODULE: ./packages/core/src/steps/forge-client.ts
var forge_client = __webpack_require__(7664);
// EXTERNAL MODULE: ./packages/core/src/git/publisher.ts
var publisher = __webpack_require__(6030);
// EXTERNAL MODULE: ./packages/core/src/manifest/file-edits.ts
var file_edits = __webpack_require__(7441);
// EXTERNAL MODULE: ./packages/core/src/repo-files.ts
var repo_files = __webpack_require__(9363);
// EXTERNAL MODULE: ./packages/core/src/write-file.ts
var write_file = __webpack_require__(4929);
// EXTERNAL MODULE: ./packages/core/src/git/branch-target.ts
var branch_target = __webpack_require__(3152);
// EXTERNAL MODULE: ./packages/core/src/git/hold.ts
var hold = __webpack_require__(7889);
// EXTERNAL MODULE: ./packages/core/src/git/trailers.ts
var trailers = __webpack_require__(1704);
// EXTERNAL MODULE: ./packages/core/src/manifest/manifest-reader.ts
var manifest_reader = __webpack_require__(3336);
;// CONCATENATED MODULE: ./packages/core/src/steps/update-manifest/run.ts















function logChanges(platform, results) {
    for (const result of results) {
        if (result.changes.length === 0) {
            platform.info(`${result.file}: already up to date (${result.matched} match${result.matched === 1 ? '' : 'es'})`);
        }
        for (const change of result.changes) {
            const from = change.previous === null ? '(added)' : JSON.stringify(change.previous);
            const to = change.value === null ? '(removed)' : JSON.stringify(change.value);
            platform.info(`${change.file}:${change.line} ${change.path}: ${from} → ${to}`);
        }
    }
}
async function writeAll(results) {
    for (const result of (0,publisher/* changedOnly */.RE)(results))
        await (0,write_file/* writeFileAtomically */.lo)(result.absolute, result.output);
}
async function runUpdateManifest(config, platform, options = {}) {
    if (config.token)
        platform.setSecret(config.token);
    const results = await platform.group('Editing manifests', async () => {
        const files = await (0,repo_files/* selectFiles */.A)(config.path, config.files);
        // Once per run: temp files a killed writer left next to the manifests.
        await (0,write_file/* removeStaleTempFiles */.Fh)(files.map((file) => external_node_path_default().dirname(file.absolute)));
        const planned = await (0,file_edits/* planFileEdits */.z7)(config.request, files);
        logChanges(platform, planned);
        return planned;
    });
    const changed = (0,publisher/* changedOnly */.RE)(results);
    const result = {
        changed: changed.length > 0,
        changedFiles: changed.map((r) => r.file),
        changes: results.flatMap((r) => r.changes),
        commitSha: '',
        pushed: false,
    };
    // With push, "nothing to change" is the remote's to say: the checkout may hold the values in an
    // unpushed commit or an uncommitted edit (a cancelled run), and then nothing is deployed.
    const askRemote = config.commit && config.push;
    if (!result.changed && !askRemote) {
        platform.info('Nothing to change: every match already has the requested value.');
        return result;
    }
    // Everything that can refuse the commit without writing (the repository, the branch name, the
    // hold) is checked before a dry run returns: a green dry run is one the real run will not refuse.
    const committing = config.commit ? await platform.group('Reading the hold', () => prepareCommit(config, platform, results)) : undefined;
    if (config.dryRun) {
        platform.info(`Dry run: ${result.changes.length} change(s) in ${changed.length} file(s) not written.`);
        return result;
    }
    if (!result.changed)
        platform.info('The checkout already holds the values; checking that the remote branch does too.');
    if (!committing) {
        await writeAll(results);
        platform.info(`Wrote ${changed.length} file(s); commit: false, so nothing was committed.`);
        return result;
    }
    return platform.group('Committing and pushing', () => commitAndPush(config, platform, committing, results, result, options));
}
/**
 * Opens the checkout and reads the hold where it applies: at the tip of the remote branch the
 * value goes to (fetched now, so a checkout made before a rollback landed cannot bypass it), or at
 * HEAD without push. A repository without a commit yet has no history to hold anything back.
 */
async function prepareCommit(config, platform, planned) {
    const repo = await (0,checkout/* openCheckout */.Hj)(config.path, config.remote, config.token, config.push, platform);
    const branch = config.push ? await (0,checkout/* targetBranch */.mY)(repo, config.branch, platform) : undefined;
    if (!config.push && config.branch !== undefined)
        await repo.checkBranchName(config.branch);
    // The branch must exist on the remote (or create-branch say to make it): fetched here, dry run too.
    const tip = branch !== undefined ? await (0,branch_target/* requireRemoteBranch */.yX)(repo, config.remote, branch, config.createBranch, (message) => platform.info(message)) : undefined;
    const rev = tip ?? (await repo.resolve('HEAD').catch(() => undefined));
    const files = planned.map((file) => file.file);
    const target = (0,manifest_reader/* readTargetOf */.tK)(config.request);
    if (rev !== undefined) {
        await (0,hold/* refuseRolledBack */.Mt)({ repo, remote: config.remote, branch, rev, files, target, info: (message) => platform.info(message) }, config.version, config.allowRolledBack);
    }
    return { repo, branch, retire: config.allowRolledBack ? await (0,hold/* retireHold */.dB)(repo, target, files, config.version) : undefined };
}
/** The manifests' plan, plus the hold records allow-rolled-back retires when the manifests change. */
async function withRetiredHold(committing, planned, revision) {
    if (!committing.retire || (0,publisher/* changedOnly */.RE)(planned).length === 0)
        return planned;
    const write = await (0,hold/* holdWrite */.xD)(committing.repo, revision, committing.retire);
    return write ? [...planned, { ...write, changes: [], matched: 0, imagesSeen: () => new Set() }] : planned;
}
/** The manifests among planned writes (the hold file is not one). */
function manifests(planned) {
    return planned.filter((file) => !(0,hold/* isHoldWrite */.$O)(file));
}
async function commitAndPush(config, platform, committing, planned, result, options) {
    const { repo, branch } = committing;
    const author = config.author ?? platform.defaultAuthor();
    if (branch === undefined) {
        if (!result.changed)
            return result;
        const message = commitMessage(config, planned);
        result.commitSha = await (0,publisher/* commitWrites */.QD)(repo, await withRetiredHold(committing, planned, undefined), message, author);
        platform.info(`Committed ${result.commitSha.slice(0, 12)}: ${message.split('\n')[0] ?? ''}`);
        return result;
    }
    const selection = planned.map((file) => ({ relative: file.file, absolute: file.absolute }));
    const committer = config.signCommits ? await signedCommitter(config, platform, await repo.remoteUrl(config.remote), options) : undefined;
    const publication = await (0,publisher/* publish */.mk)({
        repo,
        remote: config.remote,
        branch,
        message: (files) => commitMessage(config, files),
        author,
        timeoutMs: config.pushTimeoutMs,
        ...(options.backoff ? { backoff: options.backoff } : {}),
        ...(committer ? { commitThroughApi: committer } : {}),
        info: (message) => platform.info(message),
        // The remote tip is read for the files already selected; after a lost race the work tree
        // was reset onto a new tip, so the selection is made again there.
        plan: async (revision) => withRetiredHold(committing, revision !== undefined ? await (0,file_edits/* planFileEdits */.z7)(config.request, selection, (file) => repo.fileAt(revision, file.relative)) : await (0,file_edits/* planFileEdits */.z7)(config.request, await (0,repo_files/* selectFiles */.A)(config.path, config.files)), revision),
    }, await withRetiredHold(committing, planned, undefined));
    const changed = (0,publisher/* changedOnly */.RE)(manifests(publication.planned));
    return {
        changed: publication.changed,
        changedFiles: publication.changed ? changed.map((r) => r.file) : [],
        changes: publication.changed ? publication.planned.flatMap((r) => r.changes) : [],
        commitSha: publication.commitSha,
        pushed: publication.pushed,
        ...(publication.verified !== undefined ? { verified: publication.verified } : {}),
    };
}
/** sign-commits: the GitHub repository behind the remote, committed to through its API. */
async function signedCommitter(config, platform, remoteUrl, options) {
    const remote = (0,forge_select/* forgeOfRemote */.lV)(remoteUrl, options.env ?? process.env, config.apiUrl ? { apiUrl: config.apiUrl } : {});
    if (remote?.kind !== 'github') {
        throw new errors/* InputError */.dz(`sign-commits commits through the GitHub API, but remote '${config.remote}' is not a GitHub HTTPS URL (${platform.redact(remoteUrl)}).`, 'Use a GitHub remote (https://github.com/owner/repo.git, or your GitHub Enterprise host), or remove sign-commits.');
    }
    const forge = await (0,forge_client/* openForge */.y)({ kind: 'github', apiUrl: remote.apiUrl, repository: remote.repository, token: config.token ?? '', ...(options.fetch ? { fetch: options.fetch } : {}) }, platform);
    return (0,api_commits/* apiCommitterOf */.c)(forge, (message) => platform.info(message));
}
/** The message with trailers saying what was set and what it replaced, read from the files' old bytes. */
function commitMessage(config, planned) {
    const { request } = config;
    const previous = (0,manifest_reader/* valuesIn */.aC)((0,publisher/* changedOnly */.RE)(manifests(planned)), (0,manifest_reader/* readTargetOf */.tK)(request));
    return (0,trailers/* withTrailers */.jX)(config.commitMessage, {
        step: 'update-manifest',
        ...(request.mode === 'image' ? { image: request.image.name } : { key: (0,key_path/* formatKeyPath */.K7)(request.path) }),
        value: config.version,
        previous,
    });
}

// EXTERNAL MODULE: ./packages/core/src/steps/update-manifest/spec.ts
var spec = __webpack_require__(6696);
;// CONCATENATED MODULE: ./packages/core/src/steps/update-manifest/step.ts






/** The whole step as every entry (action, GitLab job, CLI) runs it: inputs → core → outputs. */
async function updateManifestStep(platform) {
    const config = validateUpdateManifestInputs((0,steps_inputs/* readInputs */.K)(spec/* updateManifestSpec */.m, platform));
    if (config.token)
        platform.setSecret(config.token);
    const result = await runUpdateManifest(config, platform);
    platform.setOutput('changed', String(result.changed));
    // File names and values come from the repository; where outputs are logged (the CLI prints them
    // on stdout), inert JSON keeps them from reading as a workflow command.
    platform.setOutput('changed-files', (0,neutralise/* inertJson */.nl)(result.changedFiles));
    platform.setOutput('previous-values', (0,neutralise/* inertJson */.nl)(result.changes));
    platform.setOutput('commit-sha', result.commitSha);
    platform.setOutput('pushed', String(result.pushed));
    platform.setOutput('commits-verified', result.verified === undefined ? '' : String(result.verified));
    await platform.appendSummary(summaryMarkdown(result, config.dryRun));
    return result;
}
/** A value for the summary: repository content, so shown literally whatever it holds. */
function cell(text) {
    return text === null ? '—' : (0,markdown/* markdownCode */.D)(text);
}
function summaryMarkdown(result, dryRun) {
    const lines = ['### gitops-promote: update-manifest', ''];
    if (!result.changed) {
        lines.push('No change needed: the manifests already hold the requested values.');
        return lines.join('\n');
    }
    lines.push('| File | Line | Path | Before | After |', '| --- | ---: | --- | --- | --- |');
    for (const change of result.changes) {
        lines.push(`| ${(0,markdown/* markdownText */.p)(change.file)} | ${change.line} | ${cell(change.path)} | ${cell(change.previous)} | ${cell(change.value)} |`);
    }
    lines.push('');
    if (dryRun)
        lines.push('Dry run: nothing was written.');
    else if (result.pushed)
        lines.push(`Pushed commit ${cell(result.commitSha)}.`);
    else if (result.commitSha)
        lines.push(`Committed ${cell(result.commitSha)} (not pushed).`);
    else
        lines.push('Files written, not committed.');
    return lines.join('\n');
}


/***/ })

};
