export const id = 457;
export const ids = [457,605];
export const modules = {

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

/***/ 5204:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ changeTable)
/* harmony export */ });
/* harmony import */ var _platform_markdown__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3388);

/**
 * The Markdown table of what an edit changes, as the job summary and the PR/MR body show it:
 * repository content is shown literally (code spans); `removed` is what a removed value shows.
 * Changes that name their value (a train: ValueChange with `image` or `key`) get a first column
 * saying which, so each row reads as one value at one place.
 */
function changeTable(changes, removed) {
    const cell = (text, none) => (text === null ? none : (0,_platform_markdown__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(text));
    const named = changes.some((change) => change.image !== undefined || change.key !== undefined);
    const rows = changes.map((change) => {
        const row = `| ${(0,_platform_markdown__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(change.file)} | ${change.line} | ${(0,_platform_markdown__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(change.path)} | ${cell(change.previous, '—')} | ${cell(change.value, removed)} |`;
        return named ? `| ${cell(change.image ?? change.key ?? null, '—')} ${row}` : row;
    });
    const header = named ? ['| Image / key | File | Line | Path | Before | After |', '| --- | --- | ---: | --- | --- | --- |'] : ['| File | Line | Path | Before | After |', '| --- | ---: | --- | --- | --- |'];
    return [...header, ...rows].join('\n');
}


/***/ }),

/***/ 5457:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  updateManifestStep: () => (/* binding */ updateManifestStep)
});

// EXTERNAL MODULE: ./packages/core/src/platform/markdown.ts
var markdown = __webpack_require__(3388);
// EXTERNAL MODULE: ./packages/core/src/text/neutralise.ts
var neutralise = __webpack_require__(3235);
// EXTERNAL MODULE: ./packages/core/src/steps/change-table.ts
var change_table = __webpack_require__(5204);
// EXTERNAL MODULE: ./packages/core/src/steps/inputs.ts
var steps_inputs = __webpack_require__(9032);
// EXTERNAL MODULE: ./packages/core/src/text/duration.ts
var duration = __webpack_require__(8473);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/manifest/image-reference.ts
var image_reference = __webpack_require__(5830);
// EXTERNAL MODULE: ./packages/core/src/manifest/key-path.ts
var key_path = __webpack_require__(4790);
// EXTERNAL MODULE: ./packages/core/src/text/list-input.ts
var list_input = __webpack_require__(6444);
// EXTERNAL MODULE: ./packages/core/src/steps/shared-inputs.ts
var shared_inputs = __webpack_require__(9880);
// EXTERNAL MODULE: ./packages/core/src/manifest/edit-request.ts
var edit_request = __webpack_require__(3059);
// EXTERNAL MODULE: ./packages/core/src/manifest/value-changes.ts
var value_changes = __webpack_require__(3690);
// EXTERNAL MODULE: ./packages/core/src/promotion/plan.ts
var plan = __webpack_require__(832);
// EXTERNAL MODULE: ./packages/core/src/promotion/trailers.ts
var trailers = __webpack_require__(4815);
// EXTERNAL MODULE: ./packages/core/src/text/template.ts
var text_template = __webpack_require__(7003);
;// CONCATENATED MODULE: ./packages/core/src/steps/update-manifest/commit-message.ts





/** Fills `{{image}}`, `{{tag}}`, `{{digest}}`, `{{key}}`, `{{value}}` and `{{subject}}`. */
function parseCommitMessageTemplate(template, values) {
    return (0,text_template/* fillTemplate */.o)(template, { ...values }, 'commit-message');
}
/** Up to this many values are named in a subject; more are counted (the trailers name every one). */
const NAMED_IN_SUBJECT = 3;
/**
 * The subject of a commit that sets several values: `api to 1.4.2, web to 2.0.1` when they are
 * few, `12 images and 2 keys` when a commit subject could not hold them all.
 */
function listSubject(requests) {
    if (requests.length <= NAMED_IN_SUBJECT)
        return requests.map((request) => `${(0,edit_request/* requestName */.Z)(request)} to ${(0,value_changes/* requestValue */.L)(request)}`).join(', ');
    const images = requests.filter((request) => request.mode === 'image').length;
    const keys = requests.length - images;
    const count = (n, what) => `${n} ${what}${n === 1 ? '' : 's'}`;
    return [images > 0 ? count(images, 'image') : '', keys > 0 ? count(keys, 'key') : ''].filter((part) => part !== '').join(' and ');
}
/**
 * `message` with trailers saying what was set and what it replaced, read from the files' old
 * bytes: one value as the one-value trailers, several each in its own Set trailer.
 */
function withStepTrailers(message, requests, planned) {
    return (0,trailers/* withTrailers */.jX)(message, { step: 'update-manifest', values: (0,plan/* valueRecords */.Q7)(planned, requests) });
}

;// CONCATENATED MODULE: ./packages/core/src/steps/value-lists.ts



/**
 * The `images:` and `values:` list inputs: several values set in one run, one entry per line.
 * Blank lines are skipped; every entry is validated here, before any file or ref is touched.
 */
/** The lines of a list input that hold an entry, with their 1-based line numbers for errors. */
function entries(input) {
    return input
        .split(/\r?\n/)
        .map((text, index) => ({ line: index + 1, text: text.trim() }))
        .filter((entry) => entry.text !== '');
}
/** An entry goes into one line of a commit message and a trailer: a lone CR or NUL is refused. */
function oneLine(entry, inputName) {
    if (/[\r\u0000]/.test(entry.text))
        throw new errors/* InputError */.dz(`Input '${inputName}' line ${entry.line} holds a carriage return or NUL.`, 'Give one entry per line, without control characters.');
    return entry;
}
const IMAGE_FORMS = "Write one image per line as name=tag, name@sha256:<digest> or name=tag@sha256:<digest>, e.g. 'ghcr.io/acme/api=1.4.2'.";
/**
 * `images:`: `name=tag`, `name@sha256:…` or `name=tag@sha256:…` per line. An image listed twice is
 * refused (which of its two values was meant?).
 */
function parseImageList(input, inputName = 'images') {
    const requests = [];
    const seen = new Map();
    for (const { line, text } of entries(input).map((entry) => oneLine(entry, inputName))) {
        const where = `Input '${inputName}' line ${line}`;
        const eq = text.indexOf('=');
        const at = text.indexOf('@');
        const nameEnd = eq >= 0 ? eq : at;
        if (nameEnd < 0)
            throw new errors/* InputError */.dz(`${where} gives no tag or digest: ${(0,image_reference/* quoteForMessage */.Hx)(text)}.`, IMAGE_FORMS);
        const name = text.slice(0, nameEnd).trim();
        const version = eq >= 0 ? text.slice(eq + 1).trim() : text.slice(at);
        const vAt = version.indexOf('@');
        const tag = vAt >= 0 ? version.slice(0, vAt) : version;
        const digest = vAt >= 0 ? version.slice(vAt + 1) : '';
        if (!(0,image_reference/* isValidImageName */.Ne)(name))
            throw new errors/* InputError */.dz(`${where}: ${(0,image_reference/* quoteForMessage */.Hx)(name)} is not a valid image name.`, `Give the repository part exactly as the manifests write it (no tag, no digest, lower case). ${IMAGE_FORMS}`);
        if (tag !== '' && !(0,image_reference/* isValidTag */.r_)(tag))
            throw new errors/* InputError */.dz(`${where}: ${(0,image_reference/* quoteForMessage */.Hx)(tag)} is not a valid OCI tag.`, 'A tag is 1-128 characters of letters, digits, `_`, `.` and `-`, not starting with `.` or `-`.');
        if (vAt >= 0 && !(0,image_reference/* isValidDigest */.fH)(digest))
            throw new errors/* InputError */.dz(`${where}: ${(0,image_reference/* quoteForMessage */.Hx)(digest)} is not a valid OCI digest.`, "Give 'sha256:' followed by 64 lower-case hex digits, or 'sha512:' followed by 128.");
        if (tag === '' && digest === '')
            throw new errors/* InputError */.dz(`${where} gives no tag or digest: ${(0,image_reference/* quoteForMessage */.Hx)(text)}.`, IMAGE_FORMS);
        const first = seen.get(name);
        if (first !== undefined)
            throw new errors/* InputError */.dz(`${where} lists ${name} again (first on line ${first}).`, 'List each image once, with the one value it should get.');
        seen.set(name, line);
        requests.push({ mode: 'image', image: { name, ...(tag !== '' ? { tag } : {}), ...(digest !== '' ? { digest } : {}) } });
    }
    return requests;
}
/**
 * `values:`: `key=value` per line. The key path may hold `=` itself, inside brackets
 * (`parameters[name=image.tag].value=1.4.2`) or quotes (`annotations["a=b"]=x`): the entry is split
 * at the first `=` outside both. A key listed twice is refused.
 */
function parseValueList(input, inputName = 'values') {
    const requests = [];
    const seen = new Map();
    for (const { line, text } of entries(input).map((entry) => oneLine(entry, inputName))) {
        const where = `Input '${inputName}' line ${line}`;
        const split = keyValueSplit(text);
        if (split < 0)
            throw new errors/* InputError */.dz(`${where} has no '=' after its key path: ${(0,image_reference/* quoteForMessage */.Hx)(text)}.`, "Write one key=value per line, e.g. 'image.tag=1.4.2' or 'spec.source.helm.parameters[name=image.tag].value=1.4.2'.");
        const keyText = text.slice(0, split).trim();
        const value = text.slice(split + 1).trim();
        const path = renamed(() => (0,key_path/* parseKeyPath */._q)(keyText), where);
        if (value === '')
            throw new errors/* InputError */.dz(`${where} gives ${keyText} no value.`, 'Write the value after the =, e.g. image.tag=1.4.2.');
        const key = (0,key_path/* formatKeyPath */.K7)(path);
        const first = seen.get(key);
        if (first !== undefined)
            throw new errors/* InputError */.dz(`${where} lists ${key} again (first on line ${first}).`, 'List each key path once, with the one value it should get.');
        seen.set(key, line);
        requests.push({ mode: 'key', path, value });
    }
    return requests;
}
/** The index of the first `=` outside brackets and double quotes; -1 when there is none. */
function keyValueSplit(text) {
    let depth = 0;
    let quoted = false;
    for (let index = 0; index < text.length; index++) {
        const c = text[index];
        if (quoted) {
            if (c === '\\')
                index++;
            else if (c === '"')
                quoted = false;
        }
        else if (c === '"')
            quoted = true;
        else if (c === '[')
            depth++;
        else if (c === ']')
            depth = Math.max(0, depth - 1);
        else if (c === '=' && depth === 0)
            return index;
    }
    return -1;
}
/** parseKeyPath's error, said of the list entry rather than of input 'key'. */
function renamed(parse, where) {
    try {
        return parse();
    }
    catch (error) {
        if (error instanceof errors/* GitopsPromoteError */.$o)
            throw new errors/* InputError */.dz(error.message.replace(/^Input 'key' is /, `${where}: `), error.hint);
        throw error;
    }
}

// EXTERNAL MODULE: ./packages/core/src/steps/update-manifest/spec.ts
var spec = __webpack_require__(6696);
;// CONCATENATED MODULE: ./packages/core/src/steps/update-manifest/config.ts










function validateUpdateManifestInputs(given) {
    const inputs = (0,steps_inputs/* withDefaults */.rO)(spec/* updateManifestSpec */.m, given);
    const files = (0,list_input/* splitList */.r)(inputs.files);
    if (files.length === 0) {
        throw new errors/* InputError */.dz("Input 'files' is required.", "List the manifests to edit, relative to 'path', one per line or comma-separated; globs work: 'envs/dev/kustomization.yaml' or 'envs/dev/**/*.yaml'.");
    }
    const wanted = inputs.images.trim() !== '' || inputs.values.trim() !== '' ? listMode(inputs) : singleMode(inputs);
    const [request] = wanted.requests;
    if (!request)
        throw new errors/* InputError */.dz("Inputs 'images' and 'values' list nothing.", "Give one entry per line: 'images: ghcr.io/acme/api=1.4.2', 'values: image.tag=1.4.2'.");
    const commit = (0,steps_inputs/* parseBoolean */.yG)(inputs.commit, 'commit');
    const push = (0,steps_inputs/* parseBoolean */.yG)(inputs.push, 'push') && commit;
    const author = (0,shared_inputs/* authorInputs */.Pm)(inputs['author-name'], inputs['author-email']);
    // Checked with `git check-ref-format --branch` by the run, before anything is committed.
    const branch = (0,shared_inputs/* singleLine */.pF)(inputs.branch, 'branch');
    const template = inputs['commit-message'];
    const config = {
        path: inputs.path,
        files,
        requests: wanted.requests,
        request,
        commit,
        push,
        remote: 'origin',
        commitMessage: parseCommitMessageTemplate(template, wanted.message),
        signCommits: (0,steps_inputs/* parseBoolean */.yG)(inputs['sign-commits'], 'sign-commits'),
        allowRolledBack: (0,steps_inputs/* parseBoolean */.yG)(inputs['allow-rolled-back'], 'allow-rolled-back'),
        dryRun: (0,steps_inputs/* parseBoolean */.yG)(inputs['dry-run'], 'dry-run'),
        createBranch: (0,steps_inputs/* parseBoolean */.yG)(inputs['create-branch'], 'create-branch'),
        pushTimeoutMs: (0,duration/* parseDuration */.E)(inputs['push-timeout'], 'push-timeout'),
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
/** Image mode (image + tag/digest) or key-path mode (key + value): one value. */
function singleMode(inputs) {
    const imageMode = inputs.image !== '' || inputs.tag !== '' || inputs.digest !== '';
    const keyMode = inputs.key !== '' || inputs.value !== '';
    if (imageMode && keyMode) {
        throw new errors/* InputError */.dz("Inputs 'image'/'tag'/'digest' and 'key'/'value' were both given.", "Use image mode (image + tag and/or digest) or key-path mode (key + value), not both; for several values in one commit, list them in 'images' and 'values'.");
    }
    if (!imageMode && !keyMode) {
        throw new errors/* InputError */.dz("Nothing to set: give 'image' with 'tag' and/or 'digest', or 'key' with 'value'.", "Example: image: ghcr.io/acme/payments, tag: 1.4.2 — or key: image.tag, value: 1.4.2 (several values: one per line in 'images' / 'values').");
    }
    if (imageMode) {
        if (inputs.image === '')
            throw new errors/* InputError */.dz("Input 'image' is required with 'tag'/'digest'.", 'Name the image as the manifests write it, without tag, e.g. ghcr.io/acme/payments.');
        (0,image_reference/* validateImageName */.He)(inputs.image, 'image');
        const { tag = '', digest = '' } = (0,shared_inputs/* imageVersionInputs */.n_)(inputs.tag, inputs.digest);
        if (tag === '' && digest === '')
            throw new errors/* InputError */.dz("Input 'tag' or 'digest' is required with 'image'.", 'Give the new tag (e.g. 1.4.2), the digest (sha256:…), or both.');
        const version = [tag, digest].filter((part) => part !== '').join('@');
        return {
            requests: [{ mode: 'image', image: { name: inputs.image, ...(tag !== '' ? { tag } : {}), ...(digest !== '' ? { digest } : {}) } }],
            message: { subject: `${inputs.image} to ${version}`, image: inputs.image, tag, digest, key: '', value: version },
        };
    }
    if (inputs.key === '')
        throw new errors/* InputError */.dz("Input 'key' is required with 'value'.", 'Give the key path to set, e.g. image.tag.');
    if (inputs.value === '')
        throw new errors/* InputError */.dz("Input 'value' is required with 'key'.", 'Give the value to set at the key path.');
    return {
        requests: [{ mode: 'key', path: (0,key_path/* parseKeyPath */._q)(inputs.key), value: (0,shared_inputs/* singleLine */.pF)(inputs.value, 'value') }],
        message: { subject: `${inputs.key} to ${inputs.value}`, image: '', tag: '', digest: '', key: inputs.key, value: inputs.value },
    };
}
/** `images` and/or `values`: several values in one commit; the one-value inputs must then be empty. */
function listMode(inputs) {
    const single = ['image', 'tag', 'digest', 'key', 'value'].filter((name) => inputs[name] !== '');
    if (single.length > 0) {
        throw new errors/* InputError */.dz(`Input${single.length === 1 ? '' : 's'} ${single.map((name) => `'${name}'`).join(', ')} and the lists 'images'/'values' were both given.`, "Put every value in the lists (an image as 'name=tag' in 'images', a key as 'key=value' in 'values'), or use the one-value inputs alone.");
    }
    const requests = [...parseImageList(inputs.images), ...parseValueList(inputs.values)];
    return { requests, message: { subject: listSubject(requests), image: '', tag: '', digest: '', key: '', value: '' } };
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./packages/core/src/manifest/file-edits.ts
var file_edits = __webpack_require__(7441);
// EXTERNAL MODULE: ./packages/core/src/manifest/manifest-reader.ts
var manifest_reader = __webpack_require__(3336);
// EXTERNAL MODULE: ./packages/core/src/files/repo-files.ts
var repo_files = __webpack_require__(7651);
// EXTERNAL MODULE: ./packages/core/src/files/write-file.ts
var write_file = __webpack_require__(785);
// EXTERNAL MODULE: ./packages/core/src/promotion/api-commits.ts
var api_commits = __webpack_require__(5896);
// EXTERNAL MODULE: ./packages/core/src/promotion/branch-target.ts
var branch_target = __webpack_require__(5129);
// EXTERNAL MODULE: ./packages/core/src/promotion/checkout.ts + 1 modules
var checkout = __webpack_require__(6605);
// EXTERNAL MODULE: ./packages/core/src/promotion/hold.ts
var hold = __webpack_require__(4482);
// EXTERNAL MODULE: ./packages/core/src/promotion/publisher.ts
var publisher = __webpack_require__(9579);
// EXTERNAL MODULE: ./packages/core/src/steps/step-context.ts
var step_context = __webpack_require__(6553);
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
async function runUpdateManifest(config, platform, context = (0,step_context/* defaultStepContext */.x)()) {
    if (config.token)
        platform.setSecret(config.token);
    const results = await platform.group('Editing manifests', async () => {
        const files = await (0,repo_files/* selectFiles */.A)(config.path, config.files);
        // Once per run: temp files a killed writer left next to the manifests.
        await (0,write_file/* removeStaleTempFiles */.Fh)(files.map((file) => external_node_path_default().dirname(file.absolute)));
        const planned = await (0,file_edits/* planFileEdits */.z7)(config.requests, files);
        logChanges(platform, planned);
        return planned;
    });
    const changed = (0,publisher/* changedOnly */.RE)(results);
    const result = {
        changed: changed.length > 0,
        changedFiles: changed.map((r) => r.file),
        changes: results.flatMap((r) => r.changes),
        named: (0,value_changes/* valueChanges */.B)(results, config.requests),
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
    const committing = config.commit ? await platform.group('Reading the hold', () => prepareCommit(config, platform, results, context)) : undefined;
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
    return platform.group('Committing and pushing', () => commitAndPush(config, platform, committing, results, result, context));
}
/**
 * Opens the checkout and reads the hold where it applies: at the tip of the remote branch the
 * value goes to (fetched now, so a checkout made before a rollback landed cannot bypass it), or at
 * HEAD without push. A repository without a commit yet has no history to hold anything back.
 */
async function prepareCommit(config, platform, planned, context) {
    const repo = await context.git.openCheckout(config.path, config.remote, config.token, config.push, platform);
    const branch = config.push ? await (0,checkout.targetBranch)(repo, config.branch, platform) : undefined;
    if (!config.push && config.branch !== undefined)
        await repo.checkBranchName(config.branch);
    // The branch must exist on the remote (or create-branch say to make it): fetched here, dry run too.
    const tip = branch !== undefined ? await (0,branch_target/* requireRemoteBranch */.yX)(repo, config.remote, branch, config.createBranch, (message) => platform.info(message)) : undefined;
    const rev = tip ?? (await repo.resolve('HEAD').catch(() => undefined));
    const files = planned.map((file) => file.file);
    // Each value is held on its own: one read of the hold file and the trailer window for all.
    const wanted = config.requests.map((request) => ({ target: (0,manifest_reader/* readTargetOf */.tK)(request), value: (0,value_changes/* requestValue */.L)(request) }));
    if (rev !== undefined) {
        await (0,hold/* refuseRolledBackAll */.vY)({ repo, remote: config.remote, branch, rev, files, info: (message) => platform.info(message) }, wanted, config.allowRolledBack);
    }
    return { repo, branch, fetched: branch !== undefined ? { tip } : undefined, retire: config.allowRolledBack ? await (0,hold/* retireHolds */.qE)(repo, wanted, files) : undefined };
}
/** The manifests' plan, plus the hold records allow-rolled-back retires when the manifests change. */
function withRetiredHold(committing, planned, revision) {
    return (0,plan/* withHold */.yw)(committing.repo, planned, revision, committing.retire);
}
async function commitAndPush(config, platform, committing, planned, result, context) {
    const { repo, branch } = committing;
    const author = config.author ?? platform.defaultAuthor();
    if (branch === undefined) {
        if (!result.changed)
            return result;
        result.commitSha = await (0,publisher/* commitLocally */.aK)(repo, await withRetiredHold(committing, planned, undefined), withStepTrailers(config.commitMessage, config.requests, planned), author, (message) => platform.info(message));
        return result;
    }
    const selection = planned.map((file) => ({ relative: file.file, absolute: file.absolute }));
    const committer = config.signCommits
        ? await (0,api_commits/* signedCommitterFor */.a)({ name: config.remote, url: await repo.remoteUrl(config.remote), apiUrl: config.apiUrl, token: config.token ?? '' }, context, platform)
        : undefined;
    const publication = await (0,publisher/* publish */.mk)({
        repo,
        remote: config.remote,
        branch,
        message: (files) => withStepTrailers(config.commitMessage, config.requests, files),
        author,
        timeoutMs: config.pushTimeoutMs,
        backoff: context.backoff,
        clock: context.clock,
        ...(committer ? { commitThroughApi: committer } : {}),
        ...(committing.fetched ? { fetched: committing.fetched } : {}),
        info: (message) => platform.info(message),
        // The remote tip is read for the files already selected; after a lost race the work tree
        // was reset onto a new tip, so the selection is made again there.
        plan: async (revision) => withRetiredHold(committing, await (0,plan/* planAt */.Jl)(repo, config.requests, revision !== undefined ? selection : await (0,repo_files/* selectFiles */.A)(config.path, config.files), revision), revision),
    }, await withRetiredHold(committing, planned, undefined));
    const changed = (0,publisher/* changedOnly */.RE)((0,plan/* manifestsOf */.oF)(publication.planned));
    return {
        changed: publication.changed,
        changedFiles: publication.changed ? changed.map((r) => r.file) : [],
        changes: publication.changed ? publication.planned.flatMap((r) => r.changes) : [],
        named: publication.changed ? (0,value_changes/* valueChanges */.B)(publication.planned, config.requests) : [],
        commitSha: publication.commitSha,
        pushed: publication.pushed,
        ...(publication.verified !== undefined ? { verified: publication.verified } : {}),
    };
}

;// CONCATENATED MODULE: ./packages/core/src/steps/update-manifest/step.ts







/** The whole step as every entry (action, GitLab job, CLI) runs it: inputs → core → outputs. */
async function updateManifestStep(platform, context) {
    const config = validateUpdateManifestInputs((0,steps_inputs/* readInputs */.Ko)(spec/* updateManifestSpec */.m, platform));
    const result = await runUpdateManifest(config, platform, context);
    platform.setOutput('changed', String(result.changed));
    // File names and values come from the repository; where outputs are logged (the CLI prints them
    // on stdout), inert JSON keeps them from reading as a workflow command.
    platform.setOutput('changed-files', (0,neutralise/* inertJson */.nl)(result.changedFiles));
    platform.setOutput('previous-values', (0,neutralise/* inertJson */.nl)(result.changes));
    platform.setOutput('changes', (0,neutralise/* inertJson */.nl)(result.named));
    platform.setOutput('commit-sha', result.commitSha);
    platform.setOutput('pushed', String(result.pushed));
    platform.setOutput('commits-verified', result.verified === undefined ? '' : String(result.verified));
    await platform.appendSummary(summaryMarkdown(result, config));
    return result;
}
/** A value for the summary: repository content, so shown literally whatever it holds. */
function cell(text) {
    return text === null ? '—' : (0,markdown/* markdownCode */.D9)(text);
}
function summaryMarkdown(result, config) {
    const lines = ['### gitops-promote: update-manifest', ''];
    if (!result.changed) {
        lines.push('No change needed: the manifests already hold the requested values.');
        return lines.join('\n');
    }
    // A train's table names each row's value; one value's table stays as it was.
    lines.push((0,change_table/* changeTable */.H)(config.requests.length > 1 ? result.named : result.changes, '—'), '');
    if (config.dryRun)
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
