export const id = 184;
export const ids = [184];
export const modules = {

/***/ 3388:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ markdownCode),
/* harmony export */   p: () => (/* binding */ markdownText)
/* harmony export */ });
/* harmony import */ var _text_neutralise__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3235);

/**
 * `text` as GitHub-flavoured Markdown that shows it literally inside a table cell, whatever a
 * repository put in it: a code span, so HTML, links, images, emphasis and mentions stay text; a
 * fence one backtick longer than any run of backticks inside, so none of them closes it; `|`
 * written `\|`, which the table parser honours inside code spans too; control characters and line
 * breaks shown escaped, so the row stays one line and no line of the summary starts with anything
 * but `|`.
 */
function markdownCode(text) {
    const shown = (0,_text_neutralise__WEBPACK_IMPORTED_MODULE_0__/* .escapeControls */ .UN)(text, { newlines: false }).replace(/\|/g, '\\|');
    // An empty code span is not one: two backticks would show as they are.
    if (shown === '')
        return '*(empty)*';
    const longestRun = Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longestRun + 1);
    // A backtick at either end would merge with the fence, and CommonMark strips one space from each
    // end of a span that has one at both: a space of padding each side keeps the content exact.
    const pad = /^[ `]|[ `]$/.test(shown) && !/^ +$/.test(shown) ? ' ' : '';
    return `${fence}${pad}${shown}${pad}${fence}`;
}
/**
 * Letters, digits and `/ . - _`, starting with a letter or digit: Markdown gives none of them a
 * meaning, except `_` next to anything but a letter or digit (emphasis) and a leading `www.`
 * (GitHub's autolinks).
 */
const PLAIN = /^[A-Za-z0-9][A-Za-z0-9/._-]*$/;
const MARKUP_IN_PLAIN = /(?:^|[^A-Za-z0-9])_|_(?:$|[^A-Za-z0-9])|^www\./i;
/** `text` as it is when Markdown reads it as plain text (an ordinary path), else as {@link markdownCode}. */
function markdownText(text) {
    return PLAIN.test(text) && !MARKUP_IN_PLAIN.test(text) ? text : markdownCode(text);
}


/***/ }),

/***/ 9032:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ko: () => (/* binding */ readInputs),
/* harmony export */   rO: () => (/* binding */ withDefaults),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7638);
/* harmony import */ var _text_boolean_word__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6670);


/** A true/false input as CI users write it (`true`, `yes`, `1`, `on`, and their opposites); '' is the default. */
function parseBoolean(value, name, fallback = false) {
    if (value === '')
        return fallback;
    const parsed = (0,_text_boolean_word__WEBPACK_IMPORTED_MODULE_1__/* .booleanWord */ .D)(value);
    if (parsed !== undefined)
        return parsed;
    throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Input '${name}' must be true or false, got ${JSON.stringify(value)}.`, `Set ${name}: true or ${name}: false.`);
}
/**
 * Every input of `spec` from the platform ('' when not given), before any validation. A deprecated
 * input that was given is warned about here; its step's config reads it where the new one is empty.
 */
function readInputs(spec, platform) {
    const inputs = {};
    for (const { name } of spec.inputs)
        inputs[name] = platform.getInput(name);
    for (const { name, deprecatedFor } of spec.inputs) {
        if (deprecatedFor === undefined || inputs[name] === '')
            continue;
        platform.warning(`Input '${name}' is deprecated: use '${deprecatedFor}' (it takes the same values).`);
    }
    return inputs;
}
/**
 * `inputs` with every empty input that has a default in `spec` set to it: the spec is the one
 * place defaults are written (action.yml, CLI help and the GitLab templates show them from there).
 */
function withDefaults(spec, inputs) {
    const filled = { ...inputs };
    for (const input of spec.inputs) {
        if (input.default !== undefined && (filled[input.name] ?? '') === '')
            filled[input.name] = input.default;
    }
    return filled;
}


/***/ }),

/***/ 3184:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  waitArgocdHealthyStep: () => (/* binding */ waitArgocdHealthyStep)
});

// EXTERNAL MODULE: ./packages/core/src/platform/markdown.ts
var markdown = __webpack_require__(3388);
// EXTERNAL MODULE: ./packages/core/src/text/neutralise.ts
var neutralise = __webpack_require__(3235);
// EXTERNAL MODULE: ./packages/core/src/steps/inputs.ts
var steps_inputs = __webpack_require__(9032);
// EXTERNAL MODULE: ./packages/core/src/argocd/client.ts + 2 modules
var client = __webpack_require__(938);
// EXTERNAL MODULE: ./packages/core/src/argocd/secrets.ts
var secrets = __webpack_require__(6593);
// EXTERNAL MODULE: ./packages/core/src/text/duration.ts
var duration = __webpack_require__(8473);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var src_errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/text/list-input.ts
var list_input = __webpack_require__(6444);
;// CONCATENATED MODULE: ./packages/core/src/steps/input-errors.ts

/**
 * Collects a step's input errors so the user sees every one of them at once: a missing credential
 * must not hide a malformed `timeout` that would only show on the next run.
 */
class InputErrors {
    errors = [];
    /** Runs `check`; an InputError it throws is kept and `fallback` returned instead. */
    attempt(check, fallback) {
        try {
            return check();
        }
        catch (error) {
            if (!(error instanceof src_errors/* InputError */.dz))
                throw error;
            this.errors.push(error);
            return fallback;
        }
    }
    add(error) {
        this.errors.push(error);
    }
    get count() {
        return this.errors.length;
    }
    /** Throws the one error as it is, or one error listing all of them, each with its fix. */
    throwIfAny() {
        const [first] = this.errors;
        if (first === undefined)
            return;
        if (this.errors.length === 1)
            throw first;
        const lines = this.errors.map((error) => `\n  - ${error.message} ${error.hint}`).join('');
        throw new src_errors/* InputError */.dz(`${this.errors.length} inputs are invalid:${lines}`, 'Fix each input listed above, then run again.');
    }
}

;// CONCATENATED MODULE: ./packages/core/src/steps/wait-argocd-healthy/config.ts







// DNS-1123 subdomain: what Kubernetes accepts as an object (Application) name.
const APP_NAME = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/;
// DNS-1123 label: a namespace name.
const NAMESPACE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const REVISION = /^[0-9a-f]{7,64}$/;
/** Every input checked, and every problem reported together in one InputError. */
function validateWaitArgocdInputs(inputs) {
    const errors = new InputErrors();
    const auth = errors.attempt(() => credentials(inputs), undefined);
    const secret = auth === undefined ? '' : 'token' in auth ? auth.token : auth.password;
    errors.attempt(() => checkServer(inputs.server, secret), undefined);
    const applications = errors.attempt(() => applicationList(inputs), []);
    const applicationSet = errors.attempt(() => applicationSetInput(inputs['application-set']), undefined);
    const appNamespace = inputs['app-namespace'];
    if (appNamespace !== '' && !NAMESPACE.test(appNamespace)) {
        errors.add(new src_errors/* InputError */.dz(`Input 'app-namespace' is not a namespace name: ${JSON.stringify(appNamespace)}.`, 'Namespaces are lower-case letters, digits and `-`.'));
    }
    const revision = inputs.revision.trim().toLowerCase();
    if (revision !== '' && !REVISION.test(revision)) {
        errors.add(new src_errors/* InputError */.dz(`Input 'revision' is not a commit SHA: ${JSON.stringify(inputs.revision)}.`, "Pass the full commit SHA, e.g. update-manifest's commit-sha output."));
    }
    const given = inputs.refresh || 'normal';
    const refresh = given === 'hard' || given === 'none' ? given : 'normal';
    if (given !== refresh) {
        errors.add(new src_errors/* InputError */.dz(`Input 'refresh' must be normal, hard or none, got ${JSON.stringify(inputs.refresh)}.`, 'Leave it unset for normal.'));
    }
    const suspended = suspendedPolicy(inputs.suspended, errors);
    const caCert = inputs['ca-cert'];
    if (caCert !== '' && !caCert.includes('-----BEGIN CERTIFICATE-----')) {
        errors.add(new src_errors/* InputError */.dz("Input 'ca-cert' is not PEM text.", 'Give the CA certificate itself, starting with -----BEGIN CERTIFICATE-----.'));
    }
    const timeoutMs = errors.attempt(() => (0,duration/* parseDuration */.E)(inputs.timeout || '10m', 'timeout'), 0);
    const sync = errors.attempt(() => (0,steps_inputs/* parseBoolean */.yG)(inputs.sync, 'sync', false), false);
    const degradedGraceMs = errors.attempt(() => (0,duration/* parseDuration */.E)(inputs['degraded-grace'] || '0s', 'degraded-grace'), 0);
    const insecure = errors.attempt(() => (0,steps_inputs/* parseBoolean */.yG)(inputs.insecure, 'insecure', false), false);
    const children = errors.attempt(() => (0,steps_inputs/* parseBoolean */.yG)(inputs.children, 'children', false), false);
    const requestTimeoutMs = errors.attempt(() => (0,duration/* parseDuration */.E)(inputs['request-timeout'] || '30s', 'request-timeout'), 0);
    if (sync && revision === '')
        errors.add(new src_errors/* InputError */.dz("Input 'sync: true' needs 'revision'.", "Give the commit to sync, e.g. update-manifest's commit-sha."));
    errors.throwIfAny();
    // Set once no error was collected: credentials() cannot throw here.
    const config = { server: inputs.server, auth: auth ?? credentials(inputs), applications, timeoutMs, refresh, sync, degradedGraceMs, suspended, children, insecure, requestTimeoutMs };
    if (inputs.selector !== '')
        config.selector = inputs.selector;
    if (applicationSet)
        config.applicationSet = applicationSet;
    if (appNamespace !== '')
        config.appNamespace = appNamespace;
    if (inputs.project !== '')
        config.project = inputs.project;
    if (revision !== '')
        config.revision = revision;
    if (inputs.path !== '')
        config.path = inputs.path;
    if (caCert !== '')
        config.caCert = caCert;
    return config;
}
function suspendedPolicy(given, errors) {
    const value = given.trim() || 'wait';
    if (value === 'wait' || value === 'succeed' || value === 'fail')
        return value;
    errors.add(new src_errors/* InputError */.dz(`Input 'suspended' must be wait, succeed or fail, got ${JSON.stringify(given)}.`, 'wait: until the paused Rollout is promoted; succeed: a paused canary step is the goal; fail: a pause is an error.'));
    return 'wait';
}
/** `name` or `namespace/name` of an ApplicationSet; undefined when not given. */
function applicationSetInput(given) {
    const entry = given.trim();
    if (entry === '')
        return undefined;
    const parts = entry.split('/');
    const name = parts.at(-1) ?? '';
    const namespace = parts.length === 2 ? parts[0] : undefined;
    if (parts.length > 2 || !APP_NAME.test(name) || (namespace !== undefined && !NAMESPACE.test(namespace))) {
        throw new src_errors/* InputError */.dz(`Input 'application-set' is not an ApplicationSet name: ${JSON.stringify(given)}.`, 'Give `name` or `namespace/name` (lower-case letters, digits, `-` and `.`).');
    }
    return { name, ...(namespace ? { namespace } : {}) };
}
function credentials(inputs) {
    if (inputs.token !== '')
        return { token: inputs.token };
    if (inputs.username !== '' && inputs.password !== '')
        return { username: inputs.username, password: inputs.password };
    throw new src_errors/* InputError */.dz("Argo CD credentials are missing: give 'token', or 'username' and 'password'.", 'Create a token with `argocd account generate-token` (or a project role token) and pass it from a CI secret.');
}
/** The URL's shape (scheme, no credentials or query, not a web UI page), as the client checks it. */
function checkServer(server, secret) {
    if (server.trim() === '')
        throw new src_errors/* InputError */.dz("Input 'server' is required.", 'Give the Argo CD base URL, e.g. https://argocd.example.com.');
    const redactor = (0,secrets/* redactorFor */.s)(secret);
    try {
        (0,client.serverUrl)(server, (text) => redactor.redact(text));
    }
    catch (error) {
        // Named as the input it is, among the other inputs' errors.
        if (error instanceof src_errors/* InputError */.dz)
            throw new src_errors/* InputError */.dz(`Input 'server': ${error.message}`, error.hint);
        throw error;
    }
}
/** `name` or `namespace/name` entries; at least one, or a selector. */
function applicationList(inputs) {
    const applications = (0,list_input/* splitList */.r)(inputs.application);
    for (const entry of applications) {
        const parts = entry.split('/');
        const name = parts.at(-1) ?? '';
        const namespace = parts.length === 2 ? parts[0] : undefined;
        if (parts.length > 2 || !APP_NAME.test(name) || (namespace !== undefined && !NAMESPACE.test(namespace))) {
            throw new src_errors/* InputError */.dz(`Input 'application' holds an invalid Application name: ${JSON.stringify(entry)}.`, 'Give `name` or `namespace/name`: Application names are lower-case letters, digits, `-` and `.` (Kubernetes object names), namespaces lower-case letters, digits and `-`.');
        }
    }
    if (applications.length === 0 && inputs.selector === '' && inputs['application-set'].trim() === '') {
        throw new src_errors/* InputError */.dz("Nothing to wait for: give 'application', 'selector' or 'application-set'.", 'Example: application: payments-dev, or selector: team=payments,env=dev.');
    }
    return applications;
}

// EXTERNAL MODULE: ./packages/core/src/steps/wait-argocd-healthy/spec.ts
var spec = __webpack_require__(1989);
;// CONCATENATED MODULE: ./packages/core/src/steps/wait-argocd-healthy/step.ts





const HEALTH_ORDER = ['Degraded', 'Missing', 'Unknown', 'Suspended', 'Progressing', 'Healthy'];
/**
 * The whole step as every entry runs it: inputs → wait → outputs and summary, then the verdict.
 * `context` is time, the client and the cancel: the registration's, or a test's.
 */
async function waitArgocdHealthyStep(platform, context) {
    const config = validateWaitArgocdInputs((0,steps_inputs/* readInputs */.Ko)(spec/* waitArgocdHealthySpec */.W, platform));
    // The HTTP client (undici) loads only once the inputs are valid: a typo fails at once.
    const { runWaitArgocdHealthy } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(311), __webpack_require__.e(337)]).then(__webpack_require__.bind(__webpack_require__, 7337));
    const result = await runWaitArgocdHealthy(config, platform, context);
    const reports = Object.values(result.reports);
    const worst = [...reports].sort((a, b) => rank(a.health) - rank(b.health))[0];
    platform.setOutput('health', worst?.health ?? 'Unknown');
    platform.setOutput('sync', reports.find((r) => r.sync !== 'Synced')?.sync ?? (reports.length > 0 ? 'Synced' : 'Unknown'));
    platform.setOutput('revision', reports[0]?.revision ?? '');
    platform.setOutput('result', (0,neutralise/* inertJson */.nl)(result.reports));
    await platform.appendSummary(summaryMarkdown(result));
    if (result.failure)
        throw result.failure;
    return result;
}
function rank(health) {
    const index = HEALTH_ORDER.indexOf(health);
    return index < 0 ? HEALTH_ORDER.indexOf('Unknown') : index;
}
function summaryMarkdown(result) {
    const lines = ['### gitops-promote: wait-argocd-healthy', ''];
    // One row per app first: a tree or a set of twenty reads at a glance; the details follow.
    lines.push('| Application | Outcome | Health | Sync | Revision | Why |', '| --- | --- | --- | --- | --- | --- |');
    for (const [name, report] of Object.entries(result.reports)) {
        lines.push(`| ${(0,markdown/* markdownText */.p)(name)} | ${outcomeText(report)} | ${report.health} | ${report.sync} | ${(0,markdown/* markdownCode */.D)(report.revision.slice(0, 12) || '—')} | ${(0,markdown/* markdownText */.p)(report.reason)} |`);
    }
    lines.push('');
    for (const [name, report] of Object.entries(result.reports)) {
        lines.push(`#### ${(0,markdown/* markdownText */.p)(name)} — ${outcomeText(report)}`, '', '| Health | Sync | Revision | Operation | Waited |', '| --- | --- | --- | --- | ---: |');
        lines.push(`| ${report.health} | ${report.sync} | ${(0,markdown/* markdownCode */.D)(report.revision.slice(0, 12) || '—')} | ${report.operationPhase || '—'} | ${report.waitedSeconds} s |`, '');
        lines.push((0,markdown/* markdownText */.p)(report.reason), '');
        if (report.degraded.length > 0) {
            lines.push('| Degraded resource | Message |', '| --- | --- |');
            for (const node of report.degraded)
                lines.push(`| ${(0,markdown/* markdownCode */.D)(`${node.kind}/${node.namespace}/${node.name}`)} | ${(0,markdown/* markdownText */.p)(node.message)} |`);
            lines.push('');
        }
    }
    if (result.mode === 'poll')
        lines.push('The watch stream was unusable (a buffering proxy?); the applications were polled.');
    return lines.join('\n');
}
function outcomeText(report) {
    return report.outcome === 'success' ? 'ready' : report.outcome === 'failure' ? 'failed' : 'not ready';
}


/***/ }),

/***/ 6444:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ splitList)
/* harmony export */ });
// Kept apart from repo-files.ts, which loads a glob library: a step that only splits a list
// (application names) must not pay for it at start-up.
/** Splits a list input (`files`, `application`): one entry per line or comma, blanks ignored. */
function splitList(input) {
    return input
        .split(/[\n,]/)
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '');
}


/***/ })

};
