export const id = 156;
export const ids = [156];
export const modules = {

/***/ 9713:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseDuration),
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7638);

const UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/**
 * Reads a duration input as CI users write them: `90s`, `10m`, `1h30m`, `500ms`; a bare number is
 * seconds. Every step's time inputs (push budget, waits, grace periods) go through this one parser
 * so they accept and refuse the same spellings.
 */
function parseDuration(text, inputName) {
    const trimmed = text.trim();
    const fail = () => {
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Input '${inputName}' is not a duration: ${JSON.stringify(text)}.`, `Write a number with a unit: 500ms, 90s, 10m, 1h or 1h30m (a bare number means seconds).`);
    };
    if (/^\d+(?:\.\d+)?$/.test(trimmed))
        return Math.round(Number(trimmed) * 1000);
    if (!/^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/.test(trimmed))
        fail();
    let total = 0;
    for (const [, amount = '', unit = ''] of trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) {
        total += Number(amount) * (UNITS[unit] ?? fail());
    }
    return Math.round(total);
}
/** `1m 30s`, `45.2s`, `350 ms`: how long something took or is left, for log lines. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.max(0, Math.round(ms))} ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)} s`;
    const minutes = Math.floor(ms / 60_000);
    const seconds = Math.round((ms % 60_000) / 1000);
    return seconds === 0 ? `${minutes}m` : `${minutes}m ${seconds}s`;
}


/***/ }),

/***/ 8156:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  waitArgocdHealthyStep: () => (/* binding */ waitArgocdHealthyStep)
});

// EXTERNAL MODULE: ./packages/core/src/platform/neutralise.ts
var neutralise = __webpack_require__(3255);
;// CONCATENATED MODULE: ./packages/core/src/platform/markdown.ts

/**
 * `text` as GitHub-flavoured Markdown that shows it literally inside a table cell, whatever a
 * repository put in it: a code span, so HTML, links, images, emphasis and mentions stay text; a
 * fence one backtick longer than any run of backticks inside, so none of them closes it; `|`
 * written `\|`, which the table parser honours inside code spans too; control characters and line
 * breaks shown escaped, so the row stays one line and no line of the summary starts with anything
 * but `|`.
 */
function markdownCode(text) {
    const shown = (0,neutralise/* escapeControls */.UN)(text, { newlines: false }).replace(/\|/g, '\\|');
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

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/text/boolean-word.ts
var boolean_word = __webpack_require__(6670);
;// CONCATENATED MODULE: ./packages/core/src/steps/inputs.ts


/** A true/false input as CI users write it (`true`, `yes`, `1`, `on`, and their opposites); '' is the default. */
function parseBoolean(value, name, fallback) {
    if (value === '')
        return fallback;
    const parsed = (0,boolean_word/* booleanWord */.D)(value);
    if (parsed !== undefined)
        return parsed;
    throw new errors/* InputError */.dz(`Input '${name}' must be true or false, got ${JSON.stringify(value)}.`, `Set ${name}: true or ${name}: false.`);
}
/** Every input of `spec` from the platform ('' when not given), before any validation. */
function readInputs(spec, platform) {
    const inputs = {};
    for (const { name } of spec.inputs)
        inputs[name] = platform.getInput(name);
    return inputs;
}

// EXTERNAL MODULE: ./packages/core/src/duration.ts
var duration = __webpack_require__(9713);
;// CONCATENATED MODULE: ./packages/core/src/list-input.ts
// Kept apart from repo-files.ts, which loads a glob library: a step that only splits a list
// (application names) must not pay for it at start-up.
/** Splits a list input (`files`, `application`): one entry per line or comma, blanks ignored. */
function splitList(input) {
    return input
        .split(/[\n,]/)
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '');
}

;// CONCATENATED MODULE: ./packages/core/src/steps/wait-argocd-healthy/config.ts




// DNS-1123 subdomain: what Kubernetes accepts as an object (Application) name.
const APP_NAME = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/;
const REVISION = /^[0-9a-f]{7,64}$/;
function validateWaitArgocdInputs(inputs) {
    if (inputs.server.trim() === '') {
        throw new errors/* InputError */.dz("Input 'server' is required.", 'Give the Argo CD base URL, e.g. https://argocd.example.com.');
    }
    // The URL itself (scheme, no credentials or query) and `ca-cert` are checked by the Argo CD
    // client's constructor, before any request.
    const applications = splitList(inputs.application);
    for (const name of applications) {
        if (!APP_NAME.test(name)) {
            throw new errors/* InputError */.dz(`Input 'application' holds an invalid Application name: ${JSON.stringify(name)}.`, 'Application names are lower-case letters, digits, `-` and `.` (Kubernetes object names).');
        }
    }
    if (applications.length === 0 && inputs.selector === '') {
        throw new errors/* InputError */.dz("Nothing to wait for: give 'application' or 'selector'.", "Example: application: payments-dev, or selector: team=payments,env=dev.");
    }
    let auth;
    if (inputs.token !== '') {
        auth = { token: inputs.token };
    }
    else if (inputs.username !== '' && inputs.password !== '') {
        auth = { username: inputs.username, password: inputs.password };
    }
    else {
        throw new errors/* InputError */.dz("Argo CD credentials are missing: give 'token', or 'username' and 'password'.", 'Create a token with `argocd account generate-token` (or a project role token) and pass it from a CI secret.');
    }
    const revision = inputs.revision.trim().toLowerCase();
    if (revision !== '' && !REVISION.test(revision)) {
        throw new errors/* InputError */.dz(`Input 'revision' is not a commit SHA: ${JSON.stringify(inputs.revision)}.`, "Pass the full commit SHA, e.g. update-manifest's commit-sha output.");
    }
    const refresh = inputs.refresh || 'normal';
    if (refresh !== 'normal' && refresh !== 'hard' && refresh !== 'none') {
        throw new errors/* InputError */.dz(`Input 'refresh' must be normal, hard or none, got ${JSON.stringify(inputs.refresh)}.`, 'Leave it unset for normal.');
    }
    const caCert = inputs['ca-cert'];
    const config = {
        server: inputs.server,
        auth,
        applications,
        timeoutMs: (0,duration/* parseDuration */.E)(inputs.timeout || '10m', 'timeout'),
        refresh,
        sync: parseBoolean(inputs.sync, 'sync', false),
        degradedGraceMs: (0,duration/* parseDuration */.E)(inputs['degraded-grace'] || '0s', 'degraded-grace'),
        insecure: parseBoolean(inputs.insecure, 'insecure', false),
        requestTimeoutMs: (0,duration/* parseDuration */.E)(inputs['request-timeout'] || '30s', 'request-timeout'),
    };
    if (config.sync && revision === '')
        throw new errors/* InputError */.dz("Input 'sync: true' needs 'revision'.", 'Give the commit to sync, e.g. update-manifest\'s commit-sha.');
    if (inputs.selector !== '')
        config.selector = inputs.selector;
    if (inputs['app-namespace'] !== '')
        config.appNamespace = inputs['app-namespace'];
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

// EXTERNAL MODULE: ./packages/core/src/steps/wait-argocd-healthy/spec.ts
var spec = __webpack_require__(1989);
;// CONCATENATED MODULE: ./packages/core/src/steps/wait-argocd-healthy/step.ts





const HEALTH_ORDER = ['Degraded', 'Missing', 'Unknown', 'Suspended', 'Progressing', 'Healthy'];
/** The whole step as every entry runs it: inputs → wait → outputs and summary, then the verdict. */
async function waitArgocdHealthyStep(platform, options = {}) {
    const config = validateWaitArgocdInputs(readInputs(spec/* waitArgocdHealthySpec */.W, platform));
    // The HTTP client (undici) loads only once the inputs are valid: a typo fails at once.
    const { runWaitArgocdHealthy } = await Promise.all(/* import() */[__webpack_require__.e(557), __webpack_require__.e(342)]).then(__webpack_require__.bind(__webpack_require__, 1342));
    const result = await runWaitArgocdHealthy(config, platform, options);
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
    for (const [name, report] of Object.entries(result.reports)) {
        lines.push(`#### ${markdownText(name)} — ${outcomeText(report)}`, '', '| Health | Sync | Revision | Operation | Waited |', '| --- | --- | --- | --- | ---: |');
        lines.push(`| ${report.health} | ${report.sync} | ${markdownCode(report.revision.slice(0, 12) || '—')} | ${report.operationPhase || '—'} | ${report.waitedSeconds} s |`, '');
        lines.push(markdownText(report.reason), '');
        if (report.degraded.length > 0) {
            lines.push('| Degraded resource | Message |', '| --- | --- |');
            for (const node of report.degraded)
                lines.push(`| ${markdownCode(`${node.kind}/${node.namespace}/${node.name}`)} | ${markdownText(node.message)} |`);
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


/***/ })

};
