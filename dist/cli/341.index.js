export const id = 341;
export const ids = [341];
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
 */
function changeTable(changes, removed) {
    const cell = (text, none) => (text === null ? none : (0,_platform_markdown__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(text));
    const rows = changes.map((change) => `| ${(0,_platform_markdown__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(change.file)} | ${change.line} | ${(0,_platform_markdown__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(change.path)} | ${cell(change.previous, '—')} | ${cell(change.value, removed)} |`);
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
var branch_name = __webpack_require__(4317);
// EXTERNAL MODULE: ./packages/core/src/manifest/image-reference.ts
var image_reference = __webpack_require__(5830);
// EXTERNAL MODULE: ./packages/core/src/manifest/key-path.ts
var key_path = __webpack_require__(4790);
// EXTERNAL MODULE: ./packages/core/src/platform/ci-environment.ts
var ci_environment = __webpack_require__(1981);
// EXTERNAL MODULE: ./packages/core/src/text/list-input.ts
var list_input = __webpack_require__(6444);
// EXTERNAL MODULE: ./packages/core/src/steps/review-inputs.ts
var review_inputs = __webpack_require__(3459);
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
    const argocd = (0,review_inputs/* argoCdReviewConfig */.vN)(inputs, env);
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
// EXTERNAL MODULE: ./packages/core/src/promotion/review/review.ts + 4 modules
var review = __webpack_require__(2778);
// EXTERNAL MODULE: ./packages/core/src/promotion/trailers.ts
var trailers = __webpack_require__(4815);
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
    const previous = facts.previous.length > 0 ? facts.previous.map(markdown/* markdownCode */.D9).join(', ') : '(not set)';
    const review = facts.review ?? {};
    const head = [
        `Promotes ${(0,markdown/* markdownCode */.D9)(values.target ?? '')} to **${(0,markdown/* markdownText */.p7)(config.environment)}**: ${previous} → ${(0,markdown/* markdownCode */.D9)(facts.value)}.`,
        '',
        table,
        '',
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
        values: [{ target: readTargetOf(config), name: targetName(config), value: prepared.facts.value, previous: prepared.facts.previous }],
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
        previous: [...prepared.facts.previous],
        value: prepared.facts.value,
        ...(verified !== undefined ? { verified } : {}),
        ...(prepared.sourceHealthySince ? { sourceHealthySince: prepared.sourceHealthySince } : {}),
        facts: prepared.facts,
        dryRun,
    };
}
function targetName(config) {
    return config.target.mode === 'image' ? config.target.image : config.target.key;
}
/** What promoting reads from the target files: the image or the key. */
function readTargetOf(config) {
    return config.target.mode === 'image' ? { mode: 'image', name: config.target.image } : { mode: 'key', path: config.target.path };
}
/** Makes the change request match the branch: closed when base already runs the value, superseded when another run replaced it, else ensured. */
async function updateChangeRequest(config, platform, forge, argocd, repo, prepared, outcome, plan) {
    const factsOf = (planned) => ({ ...prepared.facts, changes: planned.flatMap((file) => file.changes) });
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
        const facts = factsOf(planned);
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
            title: promotionTitle(config, factsOf(planned)),
            body: promotionBody(config, await factsAt(planned, head)),
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
    platform.setOutput('source-healthy-since', result.sourceHealthySince ?? '');
    platform.setOutput('commits-verified', result.verified === undefined ? '' : String(result.verified));
    await platform.appendSummary(summaryMarkdown(result, config.environment));
    return result;
}
function summaryMarkdown(result, environment) {
    const lines = ['### gitops-promote: open-promotion-pr', ''];
    const what = `${(0,markdown/* markdownCode */.D9)(result.previous.join(', ') || '(not set)')} → ${(0,markdown/* markdownCode */.D9)(result.value)} in **${(0,markdown/* markdownText */.p7)(environment)}**`;
    const link = result.url ? `[#${result.number ?? ''}](${result.url})` : '';
    const verbs = {
        created: `Opened ${link}: ${what}.`,
        updated: `Updated ${link}: ${what}.`,
        unchanged: link ? `${link} is up to date: ${what}.` : `Nothing to promote: ${result.facts.base} already runs ${(0,markdown/* markdownCode */.D9)(result.value)}.`,
        closed: `Closed ${link}: ${result.facts.base} already runs ${(0,markdown/* markdownCode */.D9)(result.value)}.`,
        superseded: `Superseded: another run replaced ${(0,markdown/* markdownCode */.D9)(result.branch)} while this one worked; it holds ${(0,markdown/* markdownCode */.D9)(result.value)}${link ? ` (${link})` : ''}, and nothing of this run's was written.`,
    };
    lines.push(`${result.dryRun ? 'Dry run, would have: ' : ''}${verbs[result.operation]}`);
    return lines.join('\n');
}


/***/ })

};
