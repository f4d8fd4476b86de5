export const id = 347;
export const ids = [347];
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

/***/ 2347:
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
// EXTERNAL MODULE: ./packages/core/src/steps/argocd-inputs.ts
var argocd_inputs = __webpack_require__(4601);
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
    // A set's branch is the environment's: a later run with another set updates the same one.
    const branch = (0,shared_inputs/* singleLine */.pF)(inputs.branch, 'branch') || `gitops-promote/${(0,branch_name/* branchSegment */.i)(environment)}/${(0,branch_name/* branchSegment */.i)(targetName(target))}`;
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
    const argocd = (0,argocd_inputs/* argoCdReviewConfig */.v)(inputs, env);
    if (argocd)
        config.argocd = argocd;
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
/** What is promoted, by name: the image, the key path as the input spelled it, or `environment` for a set. */
function targetName(target) {
    return target.mode === 'image' ? target.image : target.mode === 'key' ? target.key : 'environment';
}
function targetOf(inputs) {
    const set = setOf(inputs);
    if (set)
        return set;
    if (inputs['on-held'] !== '' && inputs['on-held'] !== 'fail') {
        throw new errors/* InputError */.dz("Input 'on-held' goes with 'images' / 'keys'.", "One value ('image' or 'key') is always refused when a rollback holds it; set allow-rolled-back: true to promote it anyway.");
    }
    if (inputs['exclude-images'] !== '')
        throw new errors/* InputError */.dz("Input 'exclude-images' goes with 'images'.", "Give 'images: all' (or a list) with it, or drop exclude-images.");
    if (inputs.image !== '' && inputs.key !== '') {
        throw new errors/* InputError */.dz("Inputs 'image' and 'key' were both given.", "Promote an image (image) or one key path (key), not both; for several values use 'images' and 'keys'.");
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
    throw new errors/* InputError */.dz("Nothing to promote: give 'image', 'key', 'images' or 'keys'.", 'Example: image: ghcr.io/acme/payments (or images: all) with source-files: envs/staging/kustomization.yaml.');
}
/**
 * The environment mode (`images` / `keys`), or undefined for one value. The list forms exclude
 * the single ones, and the values are read from `source-files` (explicit ones name one value).
 */
function setOf(inputs) {
    if (inputs.images === '' && inputs.keys === '')
        return undefined;
    for (const [list, single] of [['images', 'image'], ['keys', 'key'], ['images', 'key'], ['keys', 'image']]) {
        if (inputs[list] !== '' && inputs[single] !== '') {
            throw new errors/* InputError */.dz(`Inputs '${single}' and '${list}' were both given.`, `Keep '${list}' for a set (list the ${single === 'image' ? 'image' : 'key path'} in '${single}s'), or keep '${single}' alone for one value.`);
        }
    }
    for (const name of ['tag', 'digest', 'value']) {
        if (inputs[name] !== '') {
            throw new errors/* InputError */.dz(`Input '${name}' names one value; it does not go with 'images' / 'keys'.`, "The set's values are read from 'source-files'; for one explicit value use 'image' or 'key' with it.");
        }
    }
    if ((0,list_input/* splitList */.r)(inputs['source-files']).length === 0) {
        throw new errors/* InputError */.dz("Inputs 'images' / 'keys' need 'source-files': the values of the set are read from the previous environment.", 'Example: source-files: envs/staging/*.yaml.');
    }
    if (inputs['exclude-images'] !== '' && inputs.images === '')
        throw new errors/* InputError */.dz("Input 'exclude-images' goes with 'images'.", "Give 'images: all' (or a list) with it, or drop exclude-images.");
    return { mode: 'set', selection: selectionOf(inputs), onHeld: onHeldOf(inputs['on-held']) };
}
function selectionOf(inputs) {
    const listed = (0,list_input/* splitList */.r)(inputs.images);
    const all = listed.length === 1 && listed[0] === 'all';
    if (!all)
        for (const name of listed)
            (0,image_reference/* validateImageName */.He)(name, 'images');
    // A key path may hold commas (`parameters[name=a,b]`): one per line.
    const keys = inputs.keys.split('\n').map((line) => line.trim()).filter((line) => line !== '').map((line) => (0,key_path/* parseKeyPath */._q)(line));
    return { ...(listed.length > 0 ? { images: all ? 'all' : listed } : {}), excludeImages: (0,list_input/* splitList */.r)(inputs['exclude-images']), keys };
}
function onHeldOf(input) {
    if (input === '' || input === 'skip')
        return 'skip';
    if (input === 'fail')
        return 'fail';
    throw new errors/* InputError */.dz(`Input 'on-held' must be skip or fail, got ${JSON.stringify(input)}.`, 'on-held: skip leaves a held value out and names it; on-held: fail refuses the whole promotion.');
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
    if (target.mode === 'set')
        throw new Error('a set reads its values from source-files (checked in setOf)');
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
// EXTERNAL MODULE: ./packages/core/src/promotion/review/review.ts + 5 modules
var review = __webpack_require__(9672);
// EXTERNAL MODULE: ./packages/core/src/promotion/trailers.ts
var trailers = __webpack_require__(4815);
// EXTERNAL MODULE: ./packages/core/src/manifest/errors.ts
var manifest_errors = __webpack_require__(2136);
;// CONCATENATED MODULE: ./packages/core/src/text/name-glob.ts
/**
 * Glob patterns over names that hold slashes (image names: `ghcr.io/acme/*-migrations`): `*`
 * matches within one `/`-separated part, `**` across parts, `?` one character; everything else is
 * literal. File globs (tinyglobby) walk a directory; these only test a string.
 */
function nameGlob(pattern) {
    let source = '';
    for (let index = 0; index < pattern.length; index++) {
        const char = pattern[index] ?? '';
        if (char === '*' && pattern[index + 1] === '*') {
            source += '.*';
            index++;
        }
        else if (char === '*')
            source += '[^/]*';
        else if (char === '?')
            source += '[^/]';
        else
            source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    const regex = new RegExp(`^${source}$`);
    return (name) => regex.test(name);
}
/** One test for several patterns, each compiled once: whether any of them matches a name. */
function anyGlob(patterns) {
    const globs = patterns.map(nameGlob);
    return (name) => globs.some((glob) => glob(name));
}
/** Whether any of `patterns` matches `name` (a one-off test; compile with anyGlob to test many names). */
function matchesAny(patterns, name) {
    return anyGlob(patterns)(name);
}

;// CONCATENATED MODULE: ./packages/core/src/promotion/value-set.ts








/**
 * Every selected value, compared: a value the target already runs is marked skipped; an image or
 * key the source files do not set, or the target files do not reference (nothing to edit), is an
 * error naming each, before anything is written. Images first (by name), then keys in input order.
 */
function selectValues(selection, files) {
    const sourceNames = files.source.map((file) => file.file).join(', ');
    const targetNames = files.target.map((file) => file.file).join(', ');
    const pairs = [...imagePairs(selection, files), ...keyPairs(selection, files)];
    const notInSource = pairs.filter((pair) => !pair.source).map((pair) => pair.name);
    if (notInSource.length > 0) {
        throw new manifest_errors/* ManifestEditError */.M(`Not set in the source files (${sourceNames}): ${notInSource.join(', ')}.`, "Check the names in 'images' / 'keys' against the source environment's manifests (image names without tag or digest, exactly as the manifests write them).");
    }
    const notInTarget = pairs.filter((pair) => !pair.targetSites).map((pair) => pair.name);
    if (notInTarget.length > 0) {
        throw new manifest_errors/* ManifestEditError */.M(`Not referenced in the target files (${targetNames}), so there is nothing to edit: ${notInTarget.join(', ')}.`, "Add the target's manifests that reference them to 'files', or leave them out of the set (exclude-images for images).");
    }
    return pairs.map((pair) => value_set_valueOf(pair, sourceNames));
}
function imagePairs(selection, files) {
    if (!selection.images)
        return [];
    const source = (0,manifest_reader/* readImages */.H)(files.source);
    const target = (0,manifest_reader/* readImages */.H)(files.target);
    const names = selection.images === 'all' ? distinctImages([...source.keys()].sort()) : [...new Set(selection.images)];
    const excluded = anyGlob(selection.excludeImages);
    return names
        .filter((name) => !excluded(name) && !excluded((0,image_reference/* normalizeImageName */.Y2)(name)))
        .map((name) => {
        const spelled = sourceSpelling(source, name);
        return { target: { mode: 'image', name: spelled }, name: spelled, source: findImage(source, name), targetSites: findImage(target, name) };
    });
}
function keyPairs(selection, files) {
    if (selection.keys.length === 0)
        return [];
    const source = (0,manifest_reader/* readKeys */.x4)(files.source, selection.keys);
    const target = (0,manifest_reader/* readKeys */.x4)(files.target, selection.keys);
    return selection.keys.map((path) => {
        const name = (0,key_path/* formatKeyPath */.K7)(path);
        return { target: { mode: 'key', path }, name, source: source.get(name), targetSites: target.get(name) };
    });
}
/** One name per image that runs (`nginx` and `docker.io/library/nginx` are one image). */
function distinctImages(names) {
    const seen = new Set();
    return names.filter((name) => {
        const key = (0,image_reference/* normalizeImageName */.Y2)(name);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/** The image's entry under its name as written, else under another spelling of the same image. */
function findImage(images, name) {
    const exact = images.get(name);
    if (exact)
        return exact;
    const key = (0,image_reference/* normalizeImageName */.Y2)(name);
    for (const [other, sites] of images)
        if ((0,image_reference/* normalizeImageName */.Y2)(other) === key)
            return sites;
    return undefined;
}
/** The name as the source files write it (what the edit and the trailers then name), else as given. */
function sourceSpelling(images, name) {
    if (images.has(name))
        return name;
    const key = (0,image_reference/* normalizeImageName */.Y2)(name);
    return [...images.keys()].find((other) => (0,image_reference/* normalizeImageName */.Y2)(other) === key) ?? name;
}
function value_set_valueOf(pair, sourceNames) {
    const described = pair.target.mode === 'image' ? `Image ${pair.name}` : `Key ${pair.name}`;
    const read = (0,manifest_reader/* singleValue */.u9)(pair.source?.sites ?? [], described, sourceNames);
    const previous = pair.targetSites?.values ?? [];
    const value = { target: pair.target, name: pair.name, value: read.value, previous, request: (0,promotion_plan/* editRequestFor */.Dx)(pair.target, read.value, read) };
    const [only] = previous;
    if (previous.length === 1 && only === read.value)
        value.skipped = { reason: 'running', message: `${pair.name} ${read.value}: already running` };
    return value;
}
/**
 * The hold per value (one read of the hold for the whole set): a value a rollback moved the target
 * away from is left out and named, or refused with `onHeld: fail`; `allow` promotes it anyway.
 */
async function applyHolds(request, values, policy) {
    if (policy.allow)
        return [...values];
    const open = promotedValues(values);
    const errors = await (0,hold/* heldErrors */.Zy)(request, open);
    const held = new Map();
    for (const [index, value] of open.entries()) {
        const error = errors[index];
        if (!error)
            continue;
        if (policy.onHeld === 'fail')
            throw error;
        held.set(value, error.message);
    }
    return values.map((value) => {
        const message = held.get(value);
        return message === undefined ? value : { ...value, skipped: { reason: 'held', message } };
    });
}
/** The values the set changes (those not skipped). */
function promotedValues(values) {
    return values.filter((value) => !value.skipped);
}
/** `3 images`, `1 key`, `2 images and 1 key`: what a set is called in titles and messages. */
function setName(values) {
    const images = values.filter((value) => value.target.mode === 'image').length;
    const keys = values.length - images;
    const parts = [...(images > 0 ? [`${images} image${images === 1 ? '' : 's'}`] : []), ...(keys > 0 ? [`${keys} key${keys === 1 ? '' : 's'}`] : [])];
    return parts.join(' and ') || 'no values';
}
/** `api 1.1.0, web 2.1.0 (+3 more)`: a set's values in a title (an image by its last path part). */
function shortValues(values, pick = (value) => value.value, shown = 3) {
    const items = values.slice(0, shown).map((value) => `${shortName(value)} ${pick(value) || '(not set)'}`);
    const more = values.length - shown;
    return `${items.join(', ')}${more > 0 ? ` (+${more} more)` : ''}`;
}
function shortName(value) {
    return value.target.mode === 'image' ? (value.name.split('/').pop() ?? value.name) : value.name;
}
/** The `changes` output: every value of the set, a skipped one with its reason. */
function changesJson(values) {
    return JSON.stringify(values.map((value) => ({
        ...(value.target.mode === 'image' ? { image: value.name } : { key: value.name }),
        previous: value.previous,
        value: value.value,
        ...(value.skipped ? { skipped: value.skipped.reason } : {}),
    })));
}
/**
 * The set as the work tree (checked out at the base tip) gives it: selected, compared, the hold
 * applied; each value left out is logged by name with why.
 */
async function readValueSet(read) {
    const selected = selectValues(read.selection, { source: await (0,file_edits/* readSources */.tW)(read.source), target: await (0,file_edits/* readSources */.tW)(read.target) });
    const history = { repo: read.repo, remote: 'origin', branch: undefined, rev: read.baseTip, files: read.target.map((file) => file.relative), info: read.info };
    const values = await applyHolds(history, selected, read.held);
    for (const value of values)
        if (value.skipped)
            read.info(`Skipped ${value.skipped.reason === 'running' ? `${value.name} ${value.value}: the target already runs it` : `(held) ${value.skipped.message.replace(/\.$/, '')}`}.`);
    const promoted = promotedValues(values);
    read.info(`Promoting ${promoted.length} of ${values.length} value${values.length === 1 ? '' : 's'}${promoted.length > 0 ? `: ${promoted.map((value) => `${value.name} ${value.previous.join(', ') || '(not set)'} → ${value.value}`).join('; ')}` : ''}.`);
    return values;
}

// EXTERNAL MODULE: ./packages/core/src/manifest/value-changes.ts
var value_changes = __webpack_require__(3690);
// EXTERNAL MODULE: ./packages/core/src/steps/step-context.ts
var step_context = __webpack_require__(6553);
// EXTERNAL MODULE: ./packages/core/src/text/template.ts
var template = __webpack_require__(7003);
// EXTERNAL MODULE: ./packages/core/src/promotion/review/body.ts
var body = __webpack_require__(1150);
// EXTERNAL MODULE: ./packages/core/src/steps/change-table.ts
var change_table = __webpack_require__(5204);
;// CONCATENATED MODULE: ./packages/core/src/steps/open-promotion-pr/description.ts






function placeholders(config, facts) {
    const common = { value: facts.value, environment: config.environment, base: facts.base };
    if (config.target.mode === 'set') {
        const promoted = promotedValues(facts.values ?? []);
        return { ...common, target: setName(promoted), image: '', key: '', previous: shortValues(promoted, (value) => value.previous.join(', ')) };
    }
    return {
        ...common,
        target: targetName(config.target),
        image: config.target.mode === 'image' ? config.target.image : '',
        key: config.target.mode === 'key' ? config.target.key : '',
        previous: facts.previous.join(', '),
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
    const previous = facts.previous.length > 0 ? facts.previous.map(markdown/* markdownCode */.D9).join(', ') : '(not set)';
    const review = facts.review ?? {};
    const head = [
        facts.values
            ? `Promotes ${values.target ?? ''} to **${(0,markdown/* markdownText */.p7)(config.environment)}** in one commit: a row per value and place.`
            : `Promotes ${(0,markdown/* markdownCode */.D9)(values.target ?? '')} to **${(0,markdown/* markdownText */.p7)(config.environment)}**: ${previous} → ${(0,markdown/* markdownCode */.D9)(facts.value)}.`,
        '',
        table,
        '',
        ...skippedLines(config, facts.values ?? []),
        ...(source ? [source, ''] : []),
        ...(compare && !review.compared ? [compare, ''] : []),
    ].join('\n');
    const footer = `<sub>Opened by gitops-promote. Each run rebuilds this branch from ${(0,markdown/* markdownCode */.D9)(facts.base)}; commits people push to it are kept, and a later value updates this ${config.forge === 'github' ? 'pull request' : 'merge request'} instead of opening another.</sub>`;
    const standard = (0,body/* fitBody */.K)(head, review, footer);
    if (!config.bodyTemplate)
        return standard;
    const sections = { diff: review.diff?.(Number.POSITIVE_INFINITY) ?? '', changelog: review.changelog ?? '', evidence: review.evidence ?? '', drift: review.drift ?? '' };
    return (0,body/* fitBody */.K)((0,template/* fillTemplate */.o)(config.bodyTemplate, { ...values, table, source, compare, default: standard, ...sections }, 'body'), {}, '');
}
function sourceLine(config, facts) {
    if (!facts.source)
        return `Value given explicitly to the step.`;
    const where = sourceEnvironmentOf(config, facts);
    const commit = facts.source.commit ? ` at commit ${(0,markdown/* markdownCode */.D9)(facts.source.commit.slice(0, 12))}` : '';
    return `Running in **${(0,markdown/* markdownText */.p7)(where)}**${commit} (${facts.source.files.map(markdown/* markdownText */.p7).join(', ')} on ${(0,markdown/* markdownCode */.D9)(facts.base)}).`;
}
/** The environment the value comes from, as the body names it. */
function sourceEnvironmentOf(config, facts) {
    return config.sourceEnvironment ?? (facts.source ? environmentOf(facts.source.files) : 'the source environment');
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
    return `Changes in the application: [${(0,markdown/* markdownCode */.D9)(from)} … ${(0,markdown/* markdownCode */.D9)(to)}](${url})`;
}
/** The values of a set left out, each named with why: what the reviewer does not get in this change. */
function skippedLines(config, values) {
    const running = values.filter((value) => value.skipped?.reason === 'running');
    const held = values.filter((value) => value.skipped?.reason === 'held');
    const lines = [];
    if (running.length > 0) {
        lines.push(`Already running in **${(0,markdown/* markdownText */.p7)(config.environment)}** (skipped): ${running.map((value) => `${(0,markdown/* markdownCode */.D9)(value.name)} ${(0,markdown/* markdownCode */.D9)(value.value)}`).join(', ')}.`, '');
    }
    for (const value of held)
        lines.push(`Left out, held by a rollback: ${(0,markdown/* markdownText */.p7)(value.skipped?.message ?? '')}`, '');
    return lines;
}

;// CONCATENATED MODULE: ./packages/core/src/steps/open-promotion-pr/run.ts



















const STEP = 'open-promotion-pr';
async function runOpenPromotionPr(config, platform, context = (0,step_context/* defaultStepContext */.x)()) {
    platform.setSecret(config.token);
    if (config.argocd)
        platform.setSecret(config.argocd.token);
    const forge = await context.openForge({ kind: config.forge, apiUrl: config.apiUrl, repository: config.repository, token: config.token }, platform);
    const argocd = config.argocd ? await (0,review/* connectReview */.$N)(config.argocd, (options) => context.connectArgoCd(options), (text) => platform.redact(text)) : undefined;
    const scratch = await (0,promises_.mkdtemp)(external_node_path_default().join((0,external_node_os_.tmpdir)(), 'gitops-promote-pr-'));
    try {
        const base = config.base ?? (await forge.repository()).defaultBranch;
        const repo = await context.git.openScratchClone(scratch, config.repositoryUrl, config.token, config.forge, platform);
        const read = await platform.group(`Reading ${base}`, () => prepare(config, platform, repo, base));
        const prepared = await platform.group('Reviewing the promotion', () => withReview(config, platform, forge, repo, read, argocd));
        if (config.dryRun)
            return await dryRun(config, platform, forge, prepared);
        const plan = async (revision) => withRetiredHold(config, repo, prepared, await (0,promotion_plan/* planAt */.Jl)(repo, prepared.requests, prepared.targets, revision), revision);
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
        return await platform.group(`Updating the ${forge.noun}`, () => updateChangeRequest(config, platform, forge, argocd, repo, prepared, outcome, plan));
    }
    finally {
        await argocd?.client.close();
        await (0,promises_.rm)(scratch, { recursive: true, force: true });
    }
}
/** The review sections that do not depend on the change's head: evidence and drift. */
async function withReview(config, platform, forge, repo, prepared, argocd) {
    const sourceFiles = prepared.facts.source?.files ?? [];
    if (!argocd && sourceFiles.length === 0 && !config.sourceRepository)
        return prepared;
    const settled = await (0,review/* settledReview */.K7)({
        repo,
        values: promotedValues(prepared.values).map(({ target, name, value, previous }) => ({ target, name, value, previous })),
        sourceEnvironment: sourceEnvironmentOf(config, prepared.facts),
        targetEnvironment: config.environment,
        sourceFiles,
        targetFiles: prepared.targets.map((file) => file.relative),
        baseTip: prepared.tips.baseTip,
        ...(argocd ? { argocd } : {}),
        ...(config.sourceRepository ? { changelog: { forge, repository: (0,review/* repositoryPath */.SH)(config.sourceRepository) } } : {}),
        info: (message) => platform.info(message),
    });
    return {
        ...prepared,
        facts: { ...prepared.facts, review: { changelog: settled.changelog, compared: settled.compared, evidence: settled.evidence, drift: settled.drift } },
        ...(settled.sourceHealthySince ? { sourceHealthySince: settled.sourceHealthySince } : {}),
    };
}
/** Fetches base, reads the value(s) to promote and what the target runs, and plans the edit on base. */
async function prepare(config, platform, repo, base) {
    const tips = await (0,change_branch/* readTips */.Pm)(repo, 'origin', base, config.branch);
    const { baseTip } = tips;
    await repo.checkoutDetached(baseTip);
    const targets = await (0,repo_files/* selectFiles */.A)(repo.workTree, config.files);
    const read = config.target.mode === 'set' ? await readSet(config, platform, repo, baseTip, targets) : await readOne(config, platform, repo, baseTip, targets);
    const requests = promotedValues(read.values).map((value) => value.request);
    // Reading the work tree at the base tip refuses, by name, values that match nothing in the files.
    const planned = await (0,promotion_plan/* planAt */.Jl)(repo, requests, targets, undefined);
    const facts = factsOf(config, read.values, requests, planned, { base, ...(read.source ? { source: read.source } : {}) });
    if (config.target.mode !== 'set')
        platform.info(`${config.environment} runs ${facts.previous.join(', ') || '(nothing)'} on ${base} at ${baseTip.slice(0, 12)}; promoting ${facts.value}.`);
    const values = config.target.mode === 'set' ? read.values : read.values.map((value) => ({ ...value, previous: facts.previous }));
    return { base, tips, values, requests, targets, facts, planned };
}
/** One value: given, or read from the source files; a held one is refused (unless allowed). */
async function readOne(config, platform, repo, baseTip, targets) {
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
        const reads = (await (0,file_edits/* readSources */.tW)(sourceFiles)).flatMap((text) => (0,manifest_reader/* readManifest */.WI)(text.source, text.file, readTarget));
        const described = readTarget.mode === 'image' ? `Image ${readTarget.name}` : `Key ${targetName(config.target)}`;
        const read = (0,manifest_reader/* singleValue */.u9)(reads, described, sourceFiles.map((file) => file.relative).join(', '));
        value = read.value;
        request = (0,promotion_plan/* editRequestFor */.Dx)(readTarget, value, read);
        source = await sourceOf(repo, baseTip, sourceFiles);
        platform.info(`${read.file}:${read.line} runs ${value}${source.commit ? ` (set in ${source.commit.slice(0, 12)})` : ''}.`);
    }
    await (0,hold/* refuseRolledBack */.Mt)({ repo, remote: 'origin', branch: undefined, rev: baseTip, files: targets.map((file) => file.relative), target: readTarget, info: (message) => platform.info(message) }, value, config.allowRolledBack);
    return { values: [{ target: readTarget, name: targetName(config.target), value, previous: [], request }], ...(source ? { source } : {}) };
}
/** A set (`images` / `keys`): every selected value compared between the environments, the hold applied per value. */
async function readSet(config, platform, repo, baseTip, targets) {
    if (config.target.mode !== 'set' || config.source.from !== 'files')
        throw new Error('readSet reads a set from source files');
    const sourceFiles = await (0,repo_files/* selectFiles */.A)(repo.workTree, config.source.files);
    const values = await readValueSet({
        repo,
        baseTip,
        selection: config.target.selection,
        source: sourceFiles,
        target: targets,
        held: { allow: config.allowRolledBack, onHeld: config.target.onHeld },
        info: (message) => platform.info(message),
    });
    return { values, source: await sourceOf(repo, baseTip, sourceFiles) };
}
async function sourceOf(repo, baseTip, sourceFiles) {
    const files = sourceFiles.map((file) => file.relative);
    return { files, commit: await repo.lastCommitTouching(baseTip, files) };
}
/**
 * The title's and body's facts for the edit `planned`: one value as before; a set names its
 * values (`value` a short list, each change row naming its image or key, the skipped ones listed).
 */
function factsOf(config, values, requests, planned, where) {
    const manifests = (0,promotion_plan/* manifestsOf */.oF)(planned);
    if (config.target.mode !== 'set') {
        const [only] = values;
        return { ...where, value: only?.value ?? '', previous: (0,manifest_reader/* valuesIn */.aC)(planned, readTargetOf(config)), changes: manifests.flatMap((file) => file.changes) };
    }
    const promoted = promotedValues(values);
    return { ...where, value: shortValues(promoted), previous: [], changes: (0,value_changes/* valueChanges */.B)(manifests, requests), values };
}
/**
 * allow-rolled-back: the hold records of the promoted value for these files are retired in the
 * promotion's own commit, so merging it lifts the hold and closing it leaves the hold in place.
 */
async function withRetiredHold(config, repo, prepared, planned, revision) {
    if (!config.allowRolledBack || (0,publisher/* changedOnly */.RE)(planned).length === 0)
        return planned;
    return (0,promotion_plan/* withHold */.yw)(repo, planned, revision, await (0,hold/* retireHolds */.qE)(repo, promotedValues(prepared.values), prepared.targets.map((file) => file.relative)));
}
function commitMessage(config, prepared, planned) {
    const changed = (0,publisher/* changedOnly */.RE)((0,promotion_plan/* manifestsOf */.oF)(planned)).length;
    const files = `${changed} file${changed === 1 ? '' : 's'}`;
    if (config.target.mode === 'set') {
        // One Set trailer per value (one value: the one-value trailers), each with what it replaced.
        const promoted = promotedValues(prepared.values);
        return (0,trailers/* withTrailers */.jX)(`chore(promote): ${setName(promoted)} to ${config.environment}\n\nSets ${shortValues(promoted, undefined, promoted.length)} in ${files}; opened by gitops-promote ${STEP}.`, {
            step: STEP,
            values: (0,promotion_plan/* valueRecords */.Q7)(planned, prepared.requests),
            environment: config.environment,
        });
    }
    const target = targetName(config.target);
    return (0,trailers/* withTrailers */.jX)(`chore(promote): ${target} ${prepared.facts.value} to ${config.environment}\n\nSets ${files}; opened by gitops-promote ${STEP}.`, {
        step: STEP,
        ...(config.target.mode === 'image' ? { image: target } : { key: target }),
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
    if (!holds) {
        // A pipeline previews the change request from here: what it would be titled and say.
        const facts = config.argocd?.targets.length ? { ...prepared.facts, review: { ...prepared.facts.review, diff: (0,review/* argoCdDiffNotRendered */.uu)(config.environment) } } : prepared.facts;
        platform.info(`Title: ${promotionTitle(config, facts)}\nBody:\n${promotionBody(config, facts)}`);
    }
    return resultOf(config, prepared, operation, existing, '', undefined, true);
}
function resultOf(config, prepared, operation, change, headSha, verified, dryRun = false) {
    return {
        operation,
        ...(change ? { number: change.number, url: change.url } : {}),
        branch: config.branch,
        headSha,
        // A set's values are in `changes`; these two keep their one-value meaning.
        previous: config.target.mode === 'set' ? [] : [...prepared.facts.previous],
        value: config.target.mode === 'set' ? '' : prepared.facts.value,
        changes: changesJson(prepared.values),
        ...(verified !== undefined ? { verified } : {}),
        ...(prepared.sourceHealthySince ? { sourceHealthySince: prepared.sourceHealthySince } : {}),
        facts: prepared.facts,
        dryRun,
    };
}
/** What promoting one value reads from the target files: the image or the key. */
function readTargetOf(config) {
    if (config.target.mode === 'set')
        throw new Error('a set reads each of its values');
    return config.target.mode === 'image' ? { mode: 'image', name: config.target.image } : { mode: 'key', path: config.target.path };
}
/** What a branch whose edit reads `planned` holds, for messages. */
function describeBranch(config, prepared, planned) {
    if (config.target.mode !== 'set')
        return `${targetName(config.target)} ${(0,manifest_reader/* valuesIn */.aC)(planned, readTargetOf(config)).join(', ') || '(not set)'}`;
    return shortValues(promotedValues(prepared.values), (value) => (0,manifest_reader/* valuesIn */.aC)(planned, value.target).join(', '));
}
/** Makes the change request match the branch: closed when base already runs the value, superseded when another run replaced it, else ensured. */
async function updateChangeRequest(config, platform, forge, argocd, repo, prepared, outcome, plan) {
    const factsOfPlan = (planned) => ({ ...prepared.facts, changes: factsOf(config, prepared.values, prepared.requests, planned, prepared.facts).changes });
    // What Argo CD renders for the head just pushed: read once per head, rendered into every body.
    const diffs = new Map();
    const diffAt = (head) => {
        if (!argocd || argocd.targets.length === 0)
            return undefined;
        const cached = diffs.get(head) ?? (0,review/* argoCdDiff */.yo)(argocd, head, config.environment, (message) => platform.info(message));
        diffs.set(head, cached);
        return cached;
    };
    const factsAt = async (planned, head) => {
        const facts = factsOfPlan(planned);
        const diff = await diffAt(head);
        return diff ? { ...facts, review: { ...facts.review, diff } } : facts;
    };
    const synced = await (0,change_request_sync/* syncChangeRequest */.l)({
        forge,
        repo,
        remote: 'origin',
        base: prepared.base,
        branch: config.branch,
        outcome,
        plan,
        wanted: async (planned, head) => ({
            head: config.branch,
            base: prepared.base,
            title: promotionTitle(config, factsOfPlan(planned)),
            body: promotionBody(config, await factsAt(planned, head)),
            draft: config.draft,
            labels: config.labels,
            assignees: config.assignees,
            reviewers: config.reviewers,
            teamReviewers: config.teamReviewers,
        }),
        describe: (planned) => describeBranch(config, prepared, planned),
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
        const held = { ...prepared, facts: { ...prepared.facts, value: config.target.mode === 'set' ? describeBranch(config, prepared, synced.planned) : (0,manifest_reader/* valuesIn */.aC)(synced.planned, readTargetOf(config)).join(', ') } };
        return resultOf(config, held, 'superseded', synced.change, synced.headSha, undefined);
    }
    return resultOf(config, prepared, synced.operation, synced.change, synced.headSha, synced.verified);
}
/** Base already runs the value: the open change request, if any, has nothing left to do. */
async function closeFulfilled(config, platform, forge, prepared, existing, baseTip) {
    if (!existing) {
        platform.info(`${prepared.base} already runs ${runsLabel(prepared)} in ${config.environment}; no ${forge.noun} needed.`);
        return resultOf(config, prepared, 'unchanged', undefined, '', undefined);
    }
    await forge.close(existing, `${prepared.base} already runs ${runsLabel(prepared)} in ${config.environment} (at ${baseTip.slice(0, 12)}), so this promotion has nothing left to change. Closed by gitops-promote.`);
    platform.info(`Closed ${forge.noun} #${existing.number}: ${prepared.base} already runs ${runsLabel(prepared)}.`);
    return resultOf(config, prepared, 'closed', { ...existing, state: 'closed' }, '', undefined);
}
/** What the base runs when nothing is left to do: the value, or for a set its values. */
function runsLabel(prepared) {
    return prepared.facts.values ? (prepared.facts.value ? `every value of the set (${prepared.facts.value})` : 'every value of the set') : prepared.facts.value;
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
    platform.setOutput('changes', result.changes);
    platform.setOutput('source-healthy-since', result.sourceHealthySince ?? '');
    platform.setOutput('commits-verified', result.verified === undefined ? '' : String(result.verified));
    await platform.appendSummary(summaryMarkdown(result, config.environment));
    return result;
}
function summaryMarkdown(result, environment) {
    const lines = ['### gitops-promote: open-promotion-pr', ''];
    // A set: its short list of values (the body's table has each one), else previous → value.
    const values = result.facts.values;
    const what = values
        ? `${(0,markdown/* markdownCode */.D9)(result.facts.value || '(nothing)')} in **${(0,markdown/* markdownText */.p7)(environment)}**`
        : `${(0,markdown/* markdownCode */.D9)(result.previous.join(', ') || '(not set)')} → ${(0,markdown/* markdownCode */.D9)(result.value)} in **${(0,markdown/* markdownText */.p7)(environment)}**`;
    const runs = values ? `every value listed (${values.length})` : (0,markdown/* markdownCode */.D9)(result.value);
    const link = result.url ? `[#${result.number ?? ''}](${result.url})` : '';
    const verbs = {
        created: `Opened ${link}: ${what}.`,
        updated: `Updated ${link}: ${what}.`,
        unchanged: link ? `${link} is up to date: ${what}.` : `Nothing to promote: ${result.facts.base} already runs ${runs}.`,
        closed: `Closed ${link}: ${result.facts.base} already runs ${runs}.`,
        superseded: `Superseded: another run replaced ${(0,markdown/* markdownCode */.D9)(result.branch)} while this one worked; it holds ${(0,markdown/* markdownCode */.D9)(result.value)}${link ? ` (${link})` : ''}, and nothing of this run's was written.`,
    };
    lines.push(`${result.dryRun ? 'Dry run, would have: ' : ''}${verbs[result.operation]}`);
    return lines.join('\n');
}


/***/ })

};
