export const id = 840;
export const ids = [840];
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

/***/ 7590:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fe: () => (/* binding */ revisionAt),
/* harmony export */   MG: () => (/* binding */ normaliseRepoURL),
/* harmony export */   h0: () => (/* binding */ short),
/* harmony export */   iR: () => (/* binding */ sourceLayout),
/* harmony export */   iV: () => (/* binding */ repoURLOfRevision),
/* harmony export */   k2: () => (/* binding */ operationRevisionAt),
/* harmony export */   mG: () => (/* binding */ revisionField),
/* harmony export */   nn: () => (/* binding */ selectSources)
/* harmony export */ });
function sourceLayout(app) {
    const multiSource = app.spec.sources.length > 0;
    return { multiSource, sources: multiSource ? app.spec.sources : [app.spec.source ?? {}] };
}
/** The indexes a selector picks, or a sentence saying why it picks none (a configuration error). */
function selectSources(layout, selector) {
    const all = layout.sources.map((_, index) => index);
    if (selector === undefined)
        return { indexes: all };
    if ('index' in selector) {
        const count = layout.sources.length;
        if (Number.isInteger(selector.index) && selector.index >= 0 && selector.index < count)
            return { indexes: [selector.index] };
        return { problem: `source index ${selector.index} does not exist: the app has ${count} source${count === 1 ? '' : 's'} (indexes start at 0)` };
    }
    const wanted = normaliseRepoURL(selector.repoURL);
    const indexes = all.filter((index) => normaliseRepoURL(layout.sources[index]?.repoURL ?? '') === wanted);
    if (indexes.length > 0)
        return { indexes };
    const known = layout.sources.map((source) => source.repoURL ?? '(none)').join(', ');
    return { problem: `no source of the app has repoURL ${selector.repoURL} (its sources: ${known})` };
}
/** `git@GitHub.com:org/repo.git`, `https://github.com/org/repo/` and `ssh://git@github.com/org/repo` are one repository. */
function normaliseRepoURL(url) {
    return url
        .trim()
        .toLowerCase()
        .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
        .replace(/^[^@/]*@/, '')
        .replace(/^([^/:]+):(?!\d+(?:\/|$))/, '$1/')
        .replace(/\/+$/, '')
        .replace(/\.git$/, '');
}
/** `revision` or `revisions[index]`, whichever the layout uses; `undefined` when not reported. */
function revisionAt(layout, single, list, index) {
    const value = layout.multiSource ? list[index] : index === 0 ? single : undefined;
    return value === '' ? undefined : value;
}
/** How the status field is spelled in messages: `sync.revision` or `sync.revisions[1]`. */
function revisionField(layout, field, index) {
    return layout.multiSource ? `${field}.revisions[${index}]` : `${field}.revision`;
}
/**
 * The commit an operation worked on for one source: the resolved `syncResult` first, else what was
 * requested (which may be a branch or `HEAD`, and then matches no expected commit).
 */
function operationRevisionAt(layout, state, index) {
    const result = state.syncResult;
    const requested = state.operation?.sync;
    return ((result ? revisionAt(layout, result.revision, result.revisions, index) : undefined) ??
        (requested ? revisionAt(layout, requested.revision, requested.revisions, index) : undefined));
}
/** A 40-hex commit reads better as its 7-character abbreviation; chart versions stay whole. */
function short(revision) {
    return /^[0-9a-f]{40,64}$/i.test(revision) ? revision.slice(0, 7) : revision;
}
/** The repository `revision` was compared from: the source whose sync revision it is, else the first. */
function repoURLOfRevision(app, revision) {
    const layout = sourceLayout(app);
    const { sync } = app.status;
    const index = layout.sources.findIndex((_, i) => revisionAt(layout, sync.revision, sync.revisions, i) === revision);
    return layout.sources[Math.max(index, 0)]?.repoURL;
}


/***/ }),

/***/ 5830:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   He: () => (/* binding */ validateImageName),
/* harmony export */   Hx: () => (/* reexport safe */ _text_one_line__WEBPACK_IMPORTED_MODULE_0__.H),
/* harmony export */   Ne: () => (/* binding */ isValidImageName),
/* harmony export */   T6: () => (/* binding */ imageValue),
/* harmony export */   Y2: () => (/* binding */ normalizeImageName),
/* harmony export */   fH: () => (/* binding */ isValidDigest),
/* harmony export */   my: () => (/* binding */ formatImageReference),
/* harmony export */   n2: () => (/* binding */ validateDigest),
/* harmony export */   o_: () => (/* binding */ parseImageReference),
/* harmony export */   r_: () => (/* binding */ isValidTag),
/* harmony export */   z7: () => (/* binding */ validateTag)
/* harmony export */ });
/* harmony import */ var _text_one_line__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2512);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7638);



// From the OCI distribution spec: a tag is at most 128 characters of [A-Za-z0-9_.-], not starting
// with `.` or `-`. The digest grammar admits any `algorithm:encoded`, but only sha256 and sha512
// are registered, and registries and clients reject the rest; a new digest must be one of those two
// (references already in a manifest are parsed whatever their digest, since they are only replaced).
const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST_PATTERN = /^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
// Lower-case path components separated by `/`, optionally behind a registry host[:port].
const NAME_PATTERN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
function parseImageReference(text) {
    let rest = text;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
    }
    // A colon after the last slash separates the tag; one before it belongs to a registry port.
    const colon = rest.lastIndexOf(':');
    let tag;
    if (colon > rest.lastIndexOf('/')) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
    }
    const ref = { name: rest };
    if (tag !== undefined)
        ref.tag = tag;
    if (digest !== undefined)
        ref.digest = digest;
    return ref;
}
function formatImageReference(ref) {
    return `${ref.name}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}
function isValidTag(tag) {
    return TAG_PATTERN.test(tag);
}
function isValidDigest(digest) {
    return DIGEST_PATTERN.test(digest);
}
function isValidImageName(name) {
    return name.length <= 255 && NAME_PATTERN.test(name);
}
/** An image's value as the steps say and record it: `tag`, `@digest` or `tag@digest`. */
function imageValue(version) {
    return `${version.tag ?? ''}${version.digest !== undefined ? `@${version.digest}` : ''}`;
}
function validateImageName(name, inputName) {
    if (!isValidImageName(name)) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`Input '${inputName}' is not a valid image name: ${(0,_text_one_line__WEBPACK_IMPORTED_MODULE_0__/* .quoteForMessage */ .H)(name)}.`, `Give the repository part only, exactly as it appears in the manifests, e.g. 'ghcr.io/acme/payments' (no tag, no digest, lower case).`);
    }
}
function validateTag(tag, inputName) {
    if (!isValidTag(tag)) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`Input '${inputName}' is not a valid OCI tag: ${(0,_text_one_line__WEBPACK_IMPORTED_MODULE_0__/* .quoteForMessage */ .H)(tag)}.`, 'A tag is 1-128 characters of letters, digits, `_`, `.` and `-`, not starting with `.` or `-` (no spaces, newlines or shell characters).');
    }
}
function validateDigest(digest, inputName) {
    if (!isValidDigest(digest)) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`Input '${inputName}' is not a valid OCI digest: ${(0,_text_one_line__WEBPACK_IMPORTED_MODULE_0__/* .quoteForMessage */ .H)(digest)}.`, "Give 'sha256:' followed by 64 lower-case hex digits, or 'sha512:' followed by 128 (the only registered OCI algorithms), e.g. the 'digest' output of docker/build-push-action or `crane digest <image>`.");
    }
}
/**
 * The one spelling of an image name, so what runs is compared rather than how it is written:
 * Docker Hub's implied registry and `library/` namespace are made explicit (`nginx`,
 * `docker.io/nginx`, `index.docker.io/library/nginx` are all `docker.io/library/nginx`), and the
 * registry host is lower-cased (hosts are case-insensitive; paths are not). A first component is
 * a host when it has a `.` or `:` or is `localhost`, as docker and containerd decide it.
 */
function normalizeImageName(name) {
    const slash = name.indexOf('/');
    const first = slash < 0 ? '' : name.slice(0, slash);
    const isHost = first !== '' && (first.includes('.') || first.includes(':') || first.toLowerCase() === 'localhost');
    let host = isHost ? first.toLowerCase() : 'docker.io';
    let path = isHost ? name.slice(slash + 1) : name;
    if (host === 'index.docker.io' || host === 'registry-1.docker.io')
        host = 'docker.io';
    if (host === 'docker.io' && !path.includes('/'))
        path = `library/${path}`;
    return `${host}/${path}`;
}


/***/ }),

/***/ 3388:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D9: () => (/* binding */ markdownCode),
/* harmony export */   nL: () => (/* binding */ markdownInline),
/* harmony export */   p7: () => (/* binding */ markdownText)
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
/**
 * The characters that start or end markup inside a paragraph: emphasis, code, links and images,
 * HTML and autolinks, entities, tables, strikethrough and GitHub's math. Backslash-escaping any
 * ASCII punctuation is plain text to CommonMark; `.` `-` `=` only mean something at a line's
 * start, where this text never is.
 */
const INLINE_MARKUP = /[\\`*_{}[\]<>()#+!|~&$]/g;
/**
 * `@name` as GitHub and GitLab read a mention: after a character that is not part of a word or an
 * e-mail address. Mentions in a change request's body notify the person on every edit.
 */
const MENTION = /(?<![\w.+\-@`])@[A-Za-z0-9_][\w.-]*(?:\/[\w.-]+)?/g;
/**
 * `text` (one line of what a repository's history says, such as a commit subject) as Markdown
 * that shows it as it reads and does nothing else: markup characters escaped, control characters
 * and line breaks shown escaped, and mentions set as code so nobody is notified.
 */
function markdownInline(text) {
    const shown = (0,_text_neutralise__WEBPACK_IMPORTED_MODULE_0__/* .escapeControls */ .UN)(text, { newlines: false });
    let out = '';
    let at = 0;
    for (const match of shown.matchAll(MENTION)) {
        out += shown.slice(at, match.index).replace(INLINE_MARKUP, '\\$&') + markdownCode(match[0]);
        at = match.index + match[0].length;
    }
    return out + shown.slice(at).replace(INLINE_MARKUP, '\\$&');
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

/***/ 9880:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pm: () => (/* binding */ authorInputs),
/* harmony export */   n_: () => (/* binding */ imageVersionInputs),
/* harmony export */   pF: () => (/* binding */ singleLine)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7638);
/* harmony import */ var _manifest_image_reference__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5830);


/** Refuses a line break (or NUL) in an input that ends up in one line of git or an API call. */
function singleLine(value, name) {
    if (/[\r\n\u0000]/.test(value)) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Input '${name}' must be a single line.`, `Remove line breaks from '${name}'.`);
    }
    return value;
}
/**
 * The tag and digest a step sets, from its `tag` and `digest` inputs. `tag` may carry its digest
 * (`1.4.2@sha256:…`), as build tools often print it; everything after the first `@` is that
 * digest and is validated whole, so `1.0@sha256:…@junk` or `1.0@` is refused rather than trimmed
 * to something the user did not write. Both empty gives {}.
 */
function imageVersionInputs(tagInput, digestInput) {
    let tag = tagInput;
    let digest = digestInput;
    const at = tag.indexOf('@');
    if (at >= 0) {
        const tagPart = tag.slice(0, at);
        const digestPart = tag.slice(at + 1);
        if (!(0,_manifest_image_reference__WEBPACK_IMPORTED_MODULE_1__/* .isValidDigest */ .fH)(digestPart)) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Input 'tag' carries an invalid digest after its first '@': ${(0,_manifest_image_reference__WEBPACK_IMPORTED_MODULE_1__/* .quoteForMessage */ .Hx)(digestPart)}.`, "Write 'tag' as <tag>@sha256:<64 lower-case hex digits> (or sha512 and 128), with one '@', or give the digest in 'digest'.");
        }
        if (digest !== '' && digest !== digestPart) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz("Input 'tag' carries a digest that differs from input 'digest'.", "Give the digest in one place only.");
        }
        tag = tagPart;
        digest = digestPart;
    }
    if (tag !== '')
        (0,_manifest_image_reference__WEBPACK_IMPORTED_MODULE_1__/* .validateTag */ .z7)(tag, 'tag');
    if (digest !== '')
        (0,_manifest_image_reference__WEBPACK_IMPORTED_MODULE_1__/* .validateDigest */ .n2)(digest, 'digest');
    return { ...(tag !== '' ? { tag } : {}), ...(digest !== '' ? { digest } : {}) };
}
/**
 * The commit identity from `author-name` and `author-email`; undefined when neither is set.
 * git rewrites an identity silently (ident.c, strbuf_addstr_without_crud): it deletes `<`, `>`
 * and line breaks anywhere, and strips C0 controls, spaces and . , : ; " ' \ from both ends
 * (so `<bot@x>` becomes `bot@x`, `Tolkien Jr.` becomes `Tolkien Jr`). Refuse exactly those, plus
 * any control character (C0, DEL, C1) inside, which git keeps but no identity should hold.
 */
function authorInputs(name, email) {
    if ((name === '') !== (email === '')) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz("Inputs 'author-name' and 'author-email' go together.", 'Set both, or neither to use the default identity.');
    }
    if (name === '')
        return undefined;
    for (const [input, value] of [['author-name', name], ['author-email', email]]) {
        if (/[\u0000-\u001f\u007f-\u009f<>]/.test(value) || /^[ .,:;"'\\]|[ .,:;"'\\]$/.test(value)) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Input '${input}' ${(0,_manifest_image_reference__WEBPACK_IMPORTED_MODULE_1__/* .quoteForMessage */ .Hx)(value)} is not kept as written by git: it drops '<', '>' and line breaks, and spaces and . , : ; " ' \\ at either end (control characters are refused too).`, input === 'author-email'
                ? "Give the bare address without angle brackets or surrounding punctuation, e.g. author-email: deploy-bot@example.com."
                : "Give the name without '<', '>' or control characters and with no space or . , : ; \" ' \\ at either end, e.g. author-name: Deploy Bot.");
        }
    }
    return { name, email };
}


/***/ }),

/***/ 6840:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  waitArgocdHealthyStep: () => (/* binding */ waitArgocdHealthyStep)
});

// EXTERNAL MODULE: ./packages/core/src/text/neutralise.ts
var neutralise = __webpack_require__(3235);
// EXTERNAL MODULE: ./packages/core/src/steps/inputs.ts
var steps_inputs = __webpack_require__(9032);
// EXTERNAL MODULE: ./packages/core/src/argocd/app-ref.ts
var app_ref = __webpack_require__(9103);
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

// EXTERNAL MODULE: ./packages/core/src/steps/argocd-inputs.ts
var argocd_inputs = __webpack_require__(4601);
;// CONCATENATED MODULE: ./packages/core/src/steps/wait-argocd-healthy/config.ts







const REVISION = /^[0-9a-f]{7,64}$/;
/** Every input checked, and every problem reported together in one InputError. */
function validateWaitArgocdInputs(inputs) {
    const errors = new InputErrors();
    const auth = errors.attempt(() => credentials(inputs), undefined);
    const secret = auth === undefined ? '' : 'token' in auth ? auth.token : auth.password;
    errors.attempt(() => (0,argocd_inputs/* checkServerInput */.m)(inputs.server, secret, 'server'), undefined);
    const applications = errors.attempt(() => applicationList(inputs), []);
    const applicationSet = errors.attempt(() => applicationSetInput(inputs['application-set']), undefined);
    const appNamespace = inputs['app-namespace'];
    if (appNamespace !== '' && !app_ref/* NAMESPACE */.CU.test(appNamespace)) {
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
    return (0,app_ref/* parseAppRef */.WW)(entry, 'application-set', () => new src_errors/* InputError */.dz(`Input 'application-set' is not an ApplicationSet name: ${JSON.stringify(given)}.`, 'Give `name` or `namespace/name` (lower-case letters, digits, `-` and `.`).'));
}
function credentials(inputs) {
    if (inputs.token !== '')
        return { token: inputs.token };
    if (inputs.username !== '' && inputs.password !== '')
        return { username: inputs.username, password: inputs.password };
    throw new src_errors/* InputError */.dz("Argo CD credentials are missing: give 'token', or 'username' and 'password'.", 'Create a token with `argocd account generate-token` (or a project role token) and pass it from a CI secret.');
}
/** `name` or `namespace/name` entries; at least one, or a selector. */
function applicationList(inputs) {
    const applications = (0,list_input/* splitList */.r)(inputs.application);
    for (const entry of applications)
        (0,app_ref/* parseAppRef */.WW)(entry, 'application');
    if (applications.length === 0 && inputs.selector === '' && inputs['application-set'].trim() === '') {
        throw new src_errors/* InputError */.dz("Nothing to wait for: give 'application', 'selector' or 'application-set'.", 'Example: application: payments-dev, or selector: team=payments,env=dev.');
    }
    return applications;
}

// EXTERNAL MODULE: ./packages/core/src/argocd/sources.ts
var sources = __webpack_require__(7590);
// EXTERNAL MODULE: ./packages/core/src/platform/markdown.ts
var markdown = __webpack_require__(3388);
;// CONCATENATED MODULE: ./packages/core/src/steps/wait-argocd-healthy/summary.ts


/** Argo CD's own namespace when nothing read says otherwise (its install default). */
const ARGOCD_NAMESPACE = 'argocd';
/** How much of a cause a table cell shows; the app's section below has all of it. */
const CAUSE_LENGTH = 80;
/**
 * The job summary: one table of every app (a set of twenty reads at a glance), in the stable order
 * of `result.order`, then a section per app with its full reason and Degraded resources.
 */
function summaryMarkdown(result, config) {
    const lines = ['### gitops-promote: wait-argocd-healthy', ''];
    const home = defaultNamespace(result, config);
    const apps = result.order.flatMap((label) => {
        const report = result.reports[label];
        return report ? [[label, report]] : [];
    });
    lines.push('| Application | Outcome | Health | Sync | Revision | Healthy after | Cause |', '| --- | --- | --- | --- | --- | ---: | --- |');
    for (const [label, report] of apps) {
        const cells = [(0,markdown/* markdownText */.p7)(shownName(label, report, home)), outcomeText(report), report.health, report.sync, revisionCell(report), healthyAfter(report), causeCell(label, report)];
        lines.push(`| ${cells.join(' | ')} |`);
    }
    lines.push('');
    for (const [label, report] of apps) {
        lines.push(`#### ${(0,markdown/* markdownText */.p7)(label)} — ${outcomeText(report)}`, '', '| Health | Sync | Revision | Operation | Waited |', '| --- | --- | --- | --- | ---: |');
        lines.push(`| ${report.health} | ${report.sync} | ${(0,markdown/* markdownCode */.D9)(report.revision.slice(0, 12) || '—')} | ${report.operationPhase || '—'} | ${report.waitedSeconds} s |`, '');
        lines.push((0,markdown/* markdownText */.p7)(report.reason), '');
        if (report.degraded.length > 0) {
            lines.push('| Degraded resource | Message |', '| --- | --- |');
            for (const node of report.degraded)
                lines.push(`| ${(0,markdown/* markdownCode */.D9)(`${node.kind}/${node.namespace}/${node.name}`)} | ${(0,markdown/* markdownText */.p7)(node.message)} |`);
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
/**
 * The namespace an app named alone lives in: `app-namespace`, else the one the server put an app
 * given by name only in (its own), else Argo CD's install default.
 */
function defaultNamespace(result, config) {
    if (config.appNamespace)
        return config.appNamespace;
    const byName = config.applications.find((entry) => !entry.includes('/') && result.reports[entry]?.namespace);
    return (byName && result.reports[byName]?.namespace) || ARGOCD_NAMESPACE;
}
/** `namespace/name` for an app outside the default namespace, else its label. */
function shownName(label, report, home) {
    if (label.includes('/') || report.namespace === '' || report.namespace === home)
        return label;
    return `${report.namespace}/${label}`;
}
/** The short commit, linked to its page when the repository's forge is known. */
function revisionCell(report) {
    if (report.revision === '')
        return '—';
    const code = (0,markdown/* markdownCode */.D9)((0,sources/* short */.h0)(report.revision));
    return report.revisionUrl ? `[${code}](${report.revisionUrl})` : code;
}
/** `42s`, `3m 5s`; `-` for an app that never satisfied the verdict. */
function healthyAfter(report) {
    if (report.healthyAfterMs === null)
        return '-';
    const seconds = Math.round(report.healthyAfterMs / 1000);
    return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m ${seconds % 60}s`;
}
/** Why an app is not ready, without its name (the row has it), cut short; nothing for a ready one. */
function causeCell(label, report) {
    if (report.outcome === 'success')
        return '';
    const prefix = `${label.split('/').at(-1) ?? label}: `;
    const cause = report.reason.startsWith(prefix) ? report.reason.slice(prefix.length) : report.reason;
    return (0,markdown/* markdownText */.p7)(shortened(cause));
}
/** At most CAUSE_LENGTH characters (code points: an emoji is not cut in half), ending on a word. */
function shortened(text) {
    const chars = Array.from(text);
    if (chars.length <= CAUSE_LENGTH)
        return text;
    const cut = chars.slice(0, CAUSE_LENGTH - 1).join('');
    const space = cut.lastIndexOf(' ');
    return `${space > cut.length - 20 ? cut.slice(0, space) : cut}…`;
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
    const { runWaitArgocdHealthy } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(752), __webpack_require__.e(291), __webpack_require__.e(311), __webpack_require__.e(909), __webpack_require__.e(938), __webpack_require__.e(363)]).then(__webpack_require__.bind(__webpack_require__, 8363));
    const result = await runWaitArgocdHealthy(config, platform, context);
    const reports = Object.values(result.reports);
    const worst = [...reports].sort((a, b) => rank(a.health) - rank(b.health))[0];
    platform.setOutput('health', worst?.health ?? 'Unknown');
    platform.setOutput('sync', reports.find((r) => r.sync !== 'Synced')?.sync ?? (reports.length > 0 ? 'Synced' : 'Unknown'));
    platform.setOutput('revision', reports[0]?.revision ?? '');
    platform.setOutput('result', (0,neutralise/* inertJson */.nl)(result.reports));
    await platform.appendSummary(summaryMarkdown(result, config));
    if (result.failure)
        throw result.failure;
    return result;
}
function rank(health) {
    const index = HEALTH_ORDER.indexOf(health);
    return index < 0 ? HEALTH_ORDER.indexOf('Unknown') : index;
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


/***/ }),

/***/ 2512:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ quoteForMessage),
/* harmony export */   T: () => (/* binding */ oneLine)
/* harmony export */ });
/**
 * `text` as one line of a message: every run of whitespace (line breaks included) becomes one
 * space, the ends are trimmed, and beyond `max` characters it is cut with an ellipsis.
 */
function oneLine(text, max = Number.POSITIVE_INFINITY) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
/**
 * How a value that must not be shown raw is quoted in a message: as a JSON string, with C1 control
 * characters escaped too, so nothing in it can act on a terminal or a CI log.
 */
function quoteForMessage(value) {
    return JSON.stringify(value).replace(/[\u007f-\u009f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}


/***/ })

};
