export const id = 717;
export const ids = [717];
export const modules = {

/***/ 649:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ ArgoCdConnectionError),
/* harmony export */   FK: () => (/* binding */ ArgoCdAuthError),
/* harmony export */   Rk: () => (/* binding */ ArgoCdAppNotFoundError),
/* harmony export */   Uq: () => (/* binding */ ArgoCdTlsError),
/* harmony export */   ZN: () => (/* binding */ ArgoCdStreamError),
/* harmony export */   ZX: () => (/* binding */ ArgoCdProtocolError),
/* harmony export */   aJ: () => (/* binding */ ArgoCdRequestError),
/* harmony export */   ac: () => (/* binding */ ArgoCdTimeoutError),
/* harmony export */   mF: () => (/* binding */ ArgoCdServerError),
/* harmony export */   mu: () => (/* binding */ ArgoCdHostNotFoundError),
/* harmony export */   rA: () => (/* binding */ ArgoCdError)
/* harmony export */ });
/* unused harmony exports isRetryableArgoCdError, ArgoCdUnreachableError */
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7638);

/**
 * Every failure of an Argo CD request. `retryable` is the one thing a waiting step needs to decide
 * (as Kargo's steps do), and it is a property of the error's type, fixed in each class below: true
 * means the same request may succeed later (5xx, a dropped connection, a timeout, a dropped watch
 * stream), false means retrying cannot help until a person changes something (credentials, RBAC,
 * the application name, the CA, the request itself). Anything thrown that is not an ArgoCdError
 * is a bug, never retried.
 *
 * Messages are built from redacted text only and no instance carries a `cause`, request headers or
 * the raw transport error, so printing or serialising one cannot leak a token or password.
 */
class ArgoCdError extends _errors__WEBPACK_IMPORTED_MODULE_0__/* .GitopsPromoteError */ .$o {
}
/** True for an {@link ArgoCdError} that may succeed when the same request is sent again. */
function isRetryableArgoCdError(error) {
    return error instanceof ArgoCdError && error.retryable;
}
/** HTTP 401: the token (or the session obtained with username and password) was refused. Terminal. */
class ArgoCdAuthError extends ArgoCdError {
    retryable = false;
    status = 401;
}
/**
 * HTTP 403/404 on a named application. Argo CD answers 403 "permission denied" for an app that does
 * not exist unless `project` is passed, so the two cannot be told apart. Terminal.
 */
class ArgoCdAppNotFoundError extends ArgoCdError {
    application;
    status;
    retryable = false;
    constructor(message, hint, application, status) {
        super(message, hint);
        this.application = application;
        this.status = status;
    }
}
/**
 * Any other status outside 2xx below 500 (408 and 429 excepted): Argo CD, or something in front of
 * it, refused the request, e.g. 400 "another operation is already in progress", 403 "blocked by a
 * sync window", 415, or a 302 to a login page.
 * `serverMessage` is Argo CD's own (redacted) message, for callers that react to a specific refusal.
 * Terminal.
 */
class ArgoCdRequestError extends ArgoCdError {
    status;
    serverMessage;
    grpcCode;
    retryable = false;
    constructor(message, hint, status, serverMessage, grpcCode) {
        super(message, hint);
        this.status = status;
        this.serverMessage = serverMessage;
        this.grpcCode = grpcCode;
    }
}
/** HTTP 5xx, 408 or 429, or a watch stream that ended with such an error line. Retryable. */
class ArgoCdServerError extends ArgoCdError {
    status;
    serverMessage;
    retryable = true;
    constructor(message, hint, status, serverMessage) {
        super(message, hint);
        this.status = status;
        this.serverMessage = serverMessage;
    }
}
/** The server's certificate could not be verified (or the port does not speak TLS). Terminal. */
class ArgoCdTlsError extends ArgoCdError {
    code;
    retryable = false;
    constructor(message, hint, code) {
        super(message, hint);
        this.code = code;
    }
}
/**
 * The connection failed below HTTP: refused, reset, closed, unreachable. Retryable: the server may
 * be restarting (the two subclasses below are the verdicts that it is no outage).
 */
class ArgoCdConnectionError extends ArgoCdError {
    code;
    retryable = true;
    constructor(message, hint, code) {
        super(message, hint);
        this.code = code;
    }
}
/** The host name does not resolve at all (ENOTFOUND): a typo far more often than an outage. Terminal. */
class ArgoCdHostNotFoundError extends ArgoCdConnectionError {
    retryable = false;
}
/**
 * Nothing has listened at the server since the first request (every connection refused, or no
 * route), for longer than an outage is worth waiting out: a wrong host or port. Terminal.
 */
class ArgoCdUnreachableError extends (/* unused pure expression or super */ null && (ArgoCdConnectionError)) {
    retryable = false;
}
/** No complete answer within the per-request timeout. Retryable. */
class ArgoCdTimeoutError extends ArgoCdError {
    timeoutMs;
    retryable = true;
    constructor(message, hint, timeoutMs) {
        super(message, hint);
        this.timeoutMs = timeoutMs;
    }
}
/**
 * An open watch stream stopped delivering: `stalled` (no bytes for the stall timeout), `dropped`
 * (the connection broke mid-body), `truncated` (it ended inside a line) or `malformed` (a line that
 * is not a watch event: a proxy's garbage, a corrupted chunk). Retryable: reconnect,
 * passing the last resourceVersion; the server resends the current object first as ADDED.
 */
class ArgoCdStreamError extends ArgoCdError {
    kind;
    retryable = true;
    constructor(message, hint, kind) {
        super(message, hint);
        this.kind = kind;
    }
}
/**
 * A 2xx answer that is not what the API documents (not JSON, not an object, an Application without
 * a name). Usually the server URL points at something else (a login page, a proxy). Terminal.
 */
class ArgoCdProtocolError extends ArgoCdError {
    retryable = false;
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

/***/ 4717:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openPromotionPrStep: () => (/* binding */ openPromotionPrStep)
});

// EXTERNAL MODULE: ./packages/core/src/text/neutralise.ts
var neutralise = __webpack_require__(3235);
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
    const shown = (0,neutralise/* escapeControls */.UN)(text, { newlines: false });
    let out = '';
    let at = 0;
    for (const match of shown.matchAll(MENTION)) {
        out += shown.slice(at, match.index).replace(INLINE_MARKUP, '\\$&') + markdownCode(match[0]);
        at = match.index + match[0].length;
    }
    return out + shown.slice(at).replace(INLINE_MARKUP, '\\$&');
}

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/text/boolean-word.ts
var boolean_word = __webpack_require__(6670);
;// CONCATENATED MODULE: ./packages/core/src/steps/inputs.ts


/** A true/false input as CI users write it (`true`, `yes`, `1`, `on`, and their opposites); '' is the default. */
function parseBoolean(value, name, fallback = false) {
    if (value === '')
        return fallback;
    const parsed = (0,boolean_word/* booleanWord */.D)(value);
    if (parsed !== undefined)
        return parsed;
    throw new errors/* InputError */.dz(`Input '${name}' must be true or false, got ${JSON.stringify(value)}.`, `Set ${name}: true or ${name}: false.`);
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

;// CONCATENATED MODULE: ./packages/core/src/steps/outputs.ts
/** The change request outputs both PR-opening steps give: empty when none was opened or found. */
function setChangeRequestOutputs(platform, change) {
    platform.setOutput('pull-request-number', change.number === undefined ? '' : String(change.number));
    platform.setOutput('pull-request-url', change.url ?? '');
}

// EXTERNAL MODULE: ./packages/core/src/text/duration.ts
var duration = __webpack_require__(8473);
// EXTERNAL MODULE: ./packages/core/src/forge/select.ts
var forge_select = __webpack_require__(8529);
;// CONCATENATED MODULE: ./packages/core/src/git/branch-name.ts
/**
 * A name (an environment, an image, a key path) as one segment of a branch name the steps make:
 * characters git refuses, and `/` (which would nest refs and clash), become `-`; no `..`, no
 * leading or trailing `-`/`.`, no `.lock` ending.
 */
function branch_name_branchSegment(name) {
    return (name
        .replace(/[^A-Za-z0-9._-]+/g, '-')
        .replace(/\.{2,}/g, '.')
        .replace(/^[-.]+|[-.]+$|\.lock$/g, '')
        .slice(0, 100) || 'value');
}

// EXTERNAL MODULE: ./packages/core/src/text/one-line.ts
var one_line = __webpack_require__(2512);
;// CONCATENATED MODULE: ./packages/core/src/manifest/image-reference.ts



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
        throw new errors/* InputError */.dz(`Input '${inputName}' is not a valid image name: ${(0,one_line/* quoteForMessage */.H)(name)}.`, `Give the repository part only, exactly as it appears in the manifests, e.g. 'ghcr.io/acme/payments' (no tag, no digest, lower case).`);
    }
}
function validateTag(tag, inputName) {
    if (!isValidTag(tag)) {
        throw new errors/* InputError */.dz(`Input '${inputName}' is not a valid OCI tag: ${(0,one_line/* quoteForMessage */.H)(tag)}.`, 'A tag is 1-128 characters of letters, digits, `_`, `.` and `-`, not starting with `.` or `-` (no spaces, newlines or shell characters).');
    }
}
function validateDigest(digest, inputName) {
    if (!isValidDigest(digest)) {
        throw new errors/* InputError */.dz(`Input '${inputName}' is not a valid OCI digest: ${(0,one_line/* quoteForMessage */.H)(digest)}.`, "Give 'sha256:' followed by 64 lower-case hex digits, or 'sha512:' followed by 128 (the only registered OCI algorithms), e.g. the 'digest' output of docker/build-push-action or `crane digest <image>`.");
    }
}
/**
 * The one spelling of an image name, so what runs is compared rather than how it is written:
 * Docker Hub's implied registry and `library/` namespace are made explicit (`nginx`,
 * `docker.io/nginx`, `index.docker.io/library/nginx` are all `docker.io/library/nginx`), and the
 * registry host is lower-cased (hosts are case-insensitive; paths are not). A first component is
 * a host when it has a `.` or `:` or is `localhost`, as docker and containerd decide it.
 */
function image_reference_normalizeImageName(name) {
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

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./packages/core/src/manifest/errors.ts

/** A YAML file could not be parsed; `message` carries file:line:column. */
class ManifestParseError extends errors/* GitopsPromoteError */.$o {
}
/** The requested edit matched nothing, or cannot be expressed without rewriting the file. */
class ManifestEditError extends errors/* GitopsPromoteError */.$o {
}

;// CONCATENATED MODULE: ./packages/core/src/manifest/parsed-manifest.ts


const composeYaml = (text, offset, onLineStart) => {
    onLineStart(offset);
    // The parser reports a first line start only when it starts at offset 0: skip that one, reported above.
    const parser = new dist/* Parser */.iX((at) => {
        if (at !== offset)
            onLineStart(at);
    });
    // The parser numbers tokens from `offset`, so a chunk's nodes carry the ranges they have in the
    // whole file and every edit computes on the file's own text, exactly as a whole-file parse does.
    parser.offset = offset;
    // Kubernetes' decoders reject duplicate keys, but PyYAML and many repos tolerate them; we edit
    // bytes, not semantics, so a duplicate is no reason to refuse the file.
    const composer = new dist/* Composer */.Dk({ schema: 'failsafe', uniqueKeys: false });
    return Array.from(composer.compose(parser.parse(text)));
};
function eolOf(source) {
    return source.includes('\r\n') ? '\r\n' : '\n';
}
/** Parses the whole file; throws a ManifestParseError with file:line:col for the first malformed document. */
function parseManifest(source, file, compose = composeYaml) {
    const lineCounter = new dist/* LineCounter */.HN();
    const documents = compose(source, 0, lineCounter.addNewLine);
    for (const doc of documents) {
        const error = doc.errors[0];
        if (error) {
            const { line, col } = lineCounter.linePos(error.pos[0]);
            throw new ManifestParseError(`${file}:${line}:${col}: malformed YAML: ${firstLine(error.message)}.`, 'Fix the YAML at that line (a template such as a Helm chart file cannot be edited; point `files` at values or manifests instead).');
        }
    }
    return { file, source, documents, lineCounter, firstLine: 1, firstDocument: 0, eol: eolOf(source) };
}
/**
 * Parses one document chunk of `source`. Undefined when the chunk does not compose to exactly one
 * document free of errors: the caller then parses the whole file, which reports the error (or
 * edits) exactly as it always did.
 */
function parseChunk(source, file, eol, chunk, compose = composeYaml) {
    const lineCounter = new dist/* LineCounter */.HN();
    const documents = compose(source.slice(chunk.start, chunk.end), chunk.start, lineCounter.addNewLine);
    if (documents.length !== 1 || documents.some((doc) => doc.errors.length > 0))
        return undefined;
    return { file, source, documents, lineCounter, firstLine: chunk.line, firstDocument: chunk.document, eol };
}
function firstLine(message) {
    return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
function lineOf(manifest, offset) {
    return manifest.lineCounter.linePos(offset).line + manifest.firstLine - 1;
}
/** `spec.template.spec.containers[0].image`; keys that need it are bracketed: `a["x.y"]`. */
function formatPath(path) {
    let out = '';
    for (const segment of path) {
        if (typeof segment === 'number')
            out += `[${segment}]`;
        else if (/^[A-Za-z0-9_$/-]+$/.test(segment))
            out += out === '' ? segment : `.${segment}`;
        else
            out += `[${JSON.stringify(segment)}]`;
    }
    return out;
}

;// CONCATENATED MODULE: ./packages/core/src/manifest/key-path.ts


function isSelector(segment) {
    return typeof segment === 'object' && segment !== null;
}
/** The path as a user writes it, selectors included. */
function key_path_formatKeyPath(path) {
    let out = '';
    for (const segment of path) {
        if (!isSelector(segment)) {
            const part = formatPath([segment]);
            out += out === '' || part.startsWith('[') ? part : `.${part}`;
        }
        else {
            out += `[${segment.key}=${/^[^\]"]*$/.test(segment.equals) ? segment.equals : JSON.stringify(segment.equals)}]`;
        }
    }
    return out;
}
/**
 * Parses `image.tag`, `spec.source.targetRevision`, `a.b[0].c`, `metadata.annotations["x.y/z"]` or
 * `spec.source.helm.parameters[name=image.tag].value` into segments. Numbers in brackets index
 * lists; dotted words and quoted brackets are map keys; `[key=value]` selects list items.
 */
function key_path_parseKeyPath(text) {
    const fail = (why) => {
        throw new errors/* InputError */.dz(`Input 'key' is not a valid key path: ${JSON.stringify(text)} (${why}).`, 'Write map keys separated by dots and list positions in brackets, e.g. `image.tag` or `spec.sources[1].targetRevision`; quote keys containing dots: `annotations["example.com/tag"]`; select list items by a field: `parameters[name=image.tag].value`.');
    };
    const segments = [];
    let i = 0;
    const expectKey = () => {
        let j = i;
        while (j < text.length && text[j] !== '.' && text[j] !== '[')
            j++;
        if (j === i)
            fail(`empty key at position ${i + 1}`);
        segments.push(text.slice(i, j));
        i = j;
    };
    if (text.trim() === '')
        fail('it is empty');
    if (text[0] !== '[')
        expectKey();
    while (i < text.length) {
        const c = text[i];
        if (c === '.') {
            i++;
            expectKey();
        }
        else if (c === '[') {
            // A quoted key may itself contain `]` (or an escaped `"`): find its closing quote first.
            const quoted = text[i + 1] === '"' ? /^"(?:[^"\\]|\\.)*"/.exec(text.slice(i + 1)) : null;
            // So may a selector's quoted value: `[name="a]b"]`.
            const selectorQuote = quoted ? null : /^[A-Za-z0-9_./-]+="(?:[^"\\]|\\.)*"/.exec(text.slice(i + 1));
            const skip = quoted?.[0].length ?? selectorQuote?.[0].length ?? 0;
            const close = text.indexOf(']', i + 1 + skip);
            if (close < 0)
                fail(`unclosed '[' at position ${i + 1}`);
            const inner = text.slice(i + 1, close);
            const selector = /^([A-Za-z0-9_./-]+)=(.*)$/s.exec(inner);
            if (/^[0-9]+$/.test(inner))
                segments.push(Number(inner));
            else if (selector?.[1] !== undefined && selector[2] !== undefined) {
                const raw = selector[2];
                const equals = raw.startsWith('"') ? (parseQuotedKey(raw) ?? fail(`bad quoted value in '[${inner}]'`)) : raw;
                if (equals === '')
                    fail(`empty value in '[${inner}]'`);
                segments.push({ key: selector[1], equals });
            }
            else if (/^"(?:[^"\\]|\\.)*"$/.test(inner))
                segments.push(parseQuotedKey(inner) ?? fail(`bad escape in '[${inner}]'`));
            else
                fail(`'[${inner}]' is neither a list index, a "quoted key" nor a key=value selector`);
            i = close + 1;
        }
        else {
            fail(`unexpected ${JSON.stringify(c)} at position ${i + 1}`);
        }
    }
    return segments;
}
/** A `"…"` key with JSON escapes; undefined when an escape is not one JSON knows (`\q`). */
function parseQuotedKey(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/** A concrete path such as a change's reported `path` (never holding selectors), as plain segments. */
function parseConcretePath(text) {
    const segments = key_path_parseKeyPath(text);
    return segments.map((segment) => {
        if (isSelector(segment))
            throw new Error(`${text} holds a [key=value] selector, not a concrete path`);
        return segment;
    });
}

// EXTERNAL MODULE: ./packages/core/src/platform/ci-environment.ts
var ci_environment = __webpack_require__(1981);
;// CONCATENATED MODULE: ./packages/core/src/text/list-input.ts
// Kept apart from repo-files.ts, which loads a glob library: a step that only splits a list
// (application names) must not pay for it at start-up.
/** Splits a list input (`files`, `application`): one entry per line or comma, blanks ignored. */
function splitList(input) {
    return input
        .split(/[\n,]/)
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '');
}

;// CONCATENATED MODULE: ./packages/core/src/argocd/app-ref.ts

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
    return new errors/* InputError */.dz(`Input '${input}' holds an invalid Application name: ${JSON.stringify(entry)}.`, 'Give `name` or `namespace/name`: Application names are lower-case letters, digits, `-` and `.` (Kubernetes object names), namespaces lower-case letters, digits and `-`.');
}
/** `namespace/name`, or `name` alone when the namespace is Argo CD's default. */
function appLabel(app) {
    return app.namespace ? `${app.namespace}/${app.name}` : app.name;
}

// EXTERNAL MODULE: ./packages/core/src/argocd/server-url.ts
var server_url = __webpack_require__(4881);
// EXTERNAL MODULE: ./packages/core/src/platform/secret-variable.ts
var secret_variable = __webpack_require__(1746);
// EXTERNAL MODULE: ./packages/core/src/argocd/secrets.ts
var secrets = __webpack_require__(6593);
;// CONCATENATED MODULE: ./packages/core/src/steps/shared-inputs.ts


/** Refuses a line break (or NUL) in an input that ends up in one line of git or an API call. */
function singleLine(value, name) {
    if (/[\r\n\u0000]/.test(value)) {
        throw new errors/* InputError */.dz(`Input '${name}' must be a single line.`, `Remove line breaks from '${name}'.`);
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
        if (!isValidDigest(digestPart)) {
            throw new errors/* InputError */.dz(`Input 'tag' carries an invalid digest after its first '@': ${(0,one_line/* quoteForMessage */.H)(digestPart)}.`, "Write 'tag' as <tag>@sha256:<64 lower-case hex digits> (or sha512 and 128), with one '@', or give the digest in 'digest'.");
        }
        if (digest !== '' && digest !== digestPart) {
            throw new errors/* InputError */.dz("Input 'tag' carries a digest that differs from input 'digest'.", "Give the digest in one place only.");
        }
        tag = tagPart;
        digest = digestPart;
    }
    if (tag !== '')
        validateTag(tag, 'tag');
    if (digest !== '')
        validateDigest(digest, 'digest');
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
        throw new errors/* InputError */.dz("Inputs 'author-name' and 'author-email' go together.", 'Set both, or neither to use the default identity.');
    }
    if (name === '')
        return undefined;
    for (const [input, value] of [['author-name', name], ['author-email', email]]) {
        if (/[\u0000-\u001f\u007f-\u009f<>]/.test(value) || /^[ .,:;"'\\]|[ .,:;"'\\]$/.test(value)) {
            throw new errors/* InputError */.dz(`Input '${input}' ${(0,one_line/* quoteForMessage */.H)(value)} is not kept as written by git: it drops '<', '>' and line breaks, and spaces and . , : ; " ' \\ at either end (control characters are refused too).`, input === 'author-email'
                ? "Give the bare address without angle brackets or surrounding punctuation, e.g. author-email: deploy-bot@example.com."
                : "Give the name without '<', '>' or control characters and with no space or . , : ; \" ' \\ at either end, e.g. author-name: Deploy Bot.");
        }
    }
    return { name, email };
}

;// CONCATENATED MODULE: ./packages/core/src/steps/argocd-inputs.ts








/** Validates the review inputs (all of them or none); the token falls back to its own variable in `env`. */
function argoCdReviewConfig(inputs, env) {
    const server = singleLine(inputs['argocd-server'], 'argocd-server').trim();
    const targets = splitList(inputs['argocd-application']).map((entry) => parseAppRef(entry, 'argocd-application'));
    const sources = splitList(inputs['source-application'] ?? '').map((entry) => parseAppRef(entry, 'source-application'));
    if (server === '') {
        if (targets.length + sources.length > 0) {
            throw new errors/* InputError */.dz("Inputs 'argocd-application' and 'source-application' need 'argocd-server'.", 'Give argocd-server: https://argocd.example.com (the Argo CD the applications live in).');
        }
        return undefined;
    }
    if (targets.length + sources.length === 0) {
        throw new errors/* InputError */.dz("Input 'argocd-server' is given but no application is.", "Name the target environment's Application in 'argocd-application' and/or the source environment's in 'source-application'.");
    }
    const variable = (0,secret_variable/* secretVariable */.H)('argocd-token');
    const token = singleLine(inputs['argocd-token'], 'argocd-token').trim() || (env[variable] ?? '').trim();
    if (token === '') {
        throw new errors/* InputError */.dz(`No Argo CD token: 'argocd-server' is given but neither 'argocd-token' nor the variable ${variable} is.`, `Create a read-only token (\`argocd account generate-token\`, or a project role with applications, get) and put it in a masked variable ${variable}; it is a different system from the forge, so not GITOPS_PROMOTE_TOKEN.`);
    }
    checkServerInput(server, token, 'argocd-server');
    const caCert = inputs['argocd-ca-cert'].trim();
    return { server, token, insecure: parseBoolean(inputs['argocd-insecure'], 'argocd-insecure'), targets, sources, ...(caCert ? { caCert } : {}) };
}
/**
 * An Argo CD server input's shape (scheme, no credentials or query, not a web UI page), as the
 * client checks it, named as the input it is; `secret` is kept out of the message.
 */
function checkServerInput(server, secret, input) {
    if (server.trim() === '')
        throw new errors/* InputError */.dz(`Input '${input}' is required.`, 'Give the Argo CD base URL, e.g. https://argocd.example.com.');
    const redactor = (0,secrets/* redactorFor */.s)(secret);
    try {
        (0,server_url/* serverUrl */.V)(server, (text) => redactor.redact(text));
    }
    catch (error) {
        if (error instanceof errors/* InputError */.dz)
            throw new errors/* InputError */.dz(`Input '${input}': ${error.message}`, error.hint);
        throw error;
    }
}

// EXTERNAL MODULE: ./packages/core/src/steps/open-promotion-pr/spec.ts + 1 modules
var spec = __webpack_require__(178);
;// CONCATENATED MODULE: ./packages/core/src/steps/open-promotion-pr/config.ts












/** Validates every input before anything is fetched; defaults come from the CI's variables in `env`. */
function validateOpenPromotionPrInputs(given, env) {
    const inputs = withDefaults(spec/* openPromotionPrSpec */.D, given);
    const files = splitList(inputs.files);
    if (files.length === 0) {
        throw new errors/* InputError */.dz("Input 'files' is required.", "List the target environment's manifests, relative to the repository root, e.g. envs/prod/kustomization.yaml.");
    }
    const environment = singleLine(inputs.environment, 'environment');
    if (environment === '')
        throw new errors/* InputError */.dz("Input 'environment' is required.", 'Name the environment promoted to, e.g. environment: prod; it goes into the branch, the title and a label.');
    const target = targetOf(inputs);
    const source = valueSourceOf(inputs, target);
    const { forge, repository, repositoryUrl, apiUrl, webUrl } = whereTheRepositoryIs(inputs, env);
    const token = singleLine(inputs.token, 'token');
    if (token === '') {
        throw new errors/* InputError */.dz("Input 'token' is required: the step reads and writes change requests through the API.", forge === 'github'
            ? 'Pass a token with contents: write and pull-requests: write, e.g. token: ${{ secrets.GITOPS_TOKEN }} (a GitHub App token, so the PR starts workflows).'
            : 'Pass a project or personal access token with the api scope from a masked CI/CD variable (GITOPS_PROMOTE_TOKEN).');
    }
    const teamReviewers = splitList(inputs['team-reviewers']);
    if (teamReviewers.length > 0 && forge === 'gitlab') {
        throw new errors/* InputError */.dz("Input 'team-reviewers' is GitHub only.", "On GitLab, list the people in 'reviewers', or use CODEOWNERS approval rules.");
    }
    const mergeMethod = inputs['merge-method'];
    if (mergeMethod !== 'merge' && mergeMethod !== 'squash' && mergeMethod !== 'rebase') {
        throw new errors/* InputError */.dz(`Input 'merge-method' must be merge, squash or rebase, got ${JSON.stringify(mergeMethod)}.`, 'Set merge-method: merge (default), squash or rebase.');
    }
    // A set's branch is the environment's: a later run with another set updates the same one.
    const branch = singleLine(inputs.branch, 'branch') || `gitops-promote/${branch_name_branchSegment(environment)}/${branch_name_branchSegment(targetName(target))}`;
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
        titleTemplate: singleLine(inputs.title, 'title'),
        labels: [...new Set(['promotion', environment, ...splitList(inputs.labels)])],
        assignees: splitList(inputs.assignees),
        reviewers: splitList(inputs.reviewers),
        teamReviewers,
        draft: parseBoolean(inputs.draft, 'draft'),
        autoMerge: parseBoolean(inputs['auto-merge'], 'auto-merge'),
        mergeMethod,
        signCommits: parseBoolean(inputs['sign-commits'], 'sign-commits'),
        pushTimeoutMs: (0,duration/* parseDuration */.E)(inputs['push-timeout'], 'push-timeout'),
        allowRolledBack: parseBoolean(inputs['allow-rolled-back'], 'allow-rolled-back'),
        dryRun: parseBoolean(inputs['dry-run'], 'dry-run'),
    };
    if (inputs.base !== '')
        config.base = singleLine(inputs.base, 'base');
    if (inputs.body !== '')
        config.bodyTemplate = inputs.body;
    if (inputs['source-environment'] !== '')
        config.sourceEnvironment = singleLine(inputs['source-environment'], 'source-environment');
    if (inputs['source-repository'] !== '')
        config.sourceRepository = singleLine(inputs['source-repository'], 'source-repository');
    const author = authorInputs(inputs['author-name'], inputs['author-email']);
    if (author)
        config.author = author;
    const argocd = argoCdReviewConfig(inputs, env);
    if (argocd)
        config.argocd = argocd;
    return config;
}
/** Which forge hosts the environment repository, its path, clone URL, API and web origin: from the inputs, else the CI's variables. */
function whereTheRepositoryIs(inputs, env) {
    const repositoryUrlInput = singleLine(inputs['repository-url'], 'repository-url');
    const forge = (0,forge_select/* forgeInput */.y_)(inputs) ?? (0,ci_environment/* ciOf */.s)(env) ?? (repositoryUrlInput !== '' ? (0,forge_select/* forgeKindOfUrl */.kB)(repositoryUrlInput) : undefined);
    if (!forge) {
        throw new errors/* InputError */.dz('Cannot tell whether the environment repository is on GitHub or GitLab.', "Set forge: github or forge: gitlab (outside GitHub Actions and GitLab CI, and for a host whose name does not say).");
    }
    const repository = singleLine(inputs.repository, 'repository') || currentRepository(forge, env) || (0,forge_select/* repositoryOfUrl */.Je)(repositoryUrlInput);
    if (!repository || !/^[^/\s]+(\/[^/\s]+)+$/.test(repository) || (forge === 'github' && repository.split('/').length !== 2)) {
        throw new errors/* InputError */.dz(repository ? `Input 'repository' must be ${forge === 'github' ? 'owner/name' : 'group/sub/project'}, got ${JSON.stringify(repository)}.` : "Input 'repository' is required here.", forge === 'github' ? 'Example: repository: acme/environments.' : 'Example: repository: acme/platform/environments.');
    }
    const webUrl = webOrigin(forge, env, repositoryUrlInput);
    const repositoryUrl = repositoryUrlInput || `${webUrl}/${repository}.git`;
    const apiUrl = singleLine(inputs['api-url'], 'api-url') || ciApiUrl(forge, env) || (webUrl ? (0,forge_select/* apiUrlFor */.xr)(forge, webUrl) : '');
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
        validateImageName(inputs.image, 'image');
        if (inputs.value !== '')
            throw new errors/* InputError */.dz("Input 'value' goes with 'key', not 'image'.", "For an image, give 'tag' and/or 'digest', or read them from 'source-files'.");
        return { mode: 'image', image: inputs.image };
    }
    if (inputs.key !== '') {
        if (inputs.tag !== '' || inputs.digest !== '')
            throw new errors/* InputError */.dz("Inputs 'tag'/'digest' go with 'image', not 'key'.", "For a key path, give 'value', or read it from 'source-files'.");
        const path = key_path_parseKeyPath(inputs.key);
        return { mode: 'key', key: key_path_formatKeyPath(path), path };
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
    if (splitList(inputs['source-files']).length === 0) {
        throw new errors/* InputError */.dz("Inputs 'images' / 'keys' need 'source-files': the values of the set are read from the previous environment.", 'Example: source-files: envs/staging/*.yaml.');
    }
    if (inputs['exclude-images'] !== '' && inputs.images === '')
        throw new errors/* InputError */.dz("Input 'exclude-images' goes with 'images'.", "Give 'images: all' (or a list) with it, or drop exclude-images.");
    return { mode: 'set', selection: selectionOf(inputs), onHeld: onHeldOf(inputs['on-held']) };
}
function selectionOf(inputs) {
    const listed = splitList(inputs.images);
    const all = listed.length === 1 && listed[0] === 'all';
    if (!all)
        for (const name of listed)
            validateImageName(name, 'images');
    // A key path may hold commas (`parameters[name=a,b]`): one per line.
    const keys = inputs.keys.split('\n').map((line) => line.trim()).filter((line) => line !== '').map((line) => key_path_parseKeyPath(line));
    return { ...(listed.length > 0 ? { images: all ? 'all' : listed } : {}), excludeImages: splitList(inputs['exclude-images']), keys };
}
function onHeldOf(input) {
    if (input === '' || input === 'skip')
        return 'skip';
    if (input === 'fail')
        return 'fail';
    throw new errors/* InputError */.dz(`Input 'on-held' must be skip or fail, got ${JSON.stringify(input)}.`, 'on-held: skip leaves a held value out and names it; on-held: fail refuses the whole promotion.');
}
function valueSourceOf(inputs, target) {
    const sourceFiles = splitList(inputs['source-files']);
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
        const version = imageVersionInputs(inputs.tag, inputs.digest);
        return { from: 'input', request: { mode: 'image', image: { name: target.image, ...version } }, value: imageValue(version) };
    }
    const value = singleLine(inputs.value, 'value');
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
;// CONCATENATED MODULE: ./packages/core/src/files/errors.ts

/** A `files` entry resolves outside the repository, through a symlink, or to nothing. */
class errors_FileSelectionError extends errors/* GitopsPromoteError */.$o {
}

;// CONCATENATED MODULE: ./packages/core/src/manifest/edit-request.ts

/** The requests as a list (a single one becomes a list of one). */
function requestList(requests) {
    return isRequestList(requests) ? requests : [requests];
}
function isRequestList(requests) {
    return Array.isArray(requests);
}
/** What names a request to people: the image name, or the key path as the input spells it. */
function requestName(request) {
    return request.mode === 'image' ? request.image.name : key_path_formatKeyPath(request.path);
}

;// CONCATENATED MODULE: ./packages/core/src/manifest/document-chunks.ts
/**
 * Splits a YAML stream into its documents without parsing it. YAML (1.2 §9.1) makes `---` or `...`
 * at the start of a line, followed by whitespace or the line's end, a document marker in every
 * context: a block scalar, a quoted or plain scalar and a flow collection all end there (or are
 * an error). The `yaml` package's lexer honours that, breaking lines at `\n` only. So the text
 * from one document's first line to the next one's is that document, and composing it alone
 * gives the same nodes as composing the whole stream. Only a malformed document can read
 * differently (`yaml` lets a quote that is never closed run to the end of the stream); it is an
 * error either way, and a malformed document the editor reads sends it to the whole-file parse.
 */
const MARKER = /\n(?:---|\.\.\.)(?=[ \t\r\n]|$)/g;
/** A line that is blank or only a comment, to its end: outside a document, such lines start none. */
const BLANK_OR_COMMENT = /[ \t]*(?:#[^\n]*)?(?:\r\n|\n|$)/y;
/** A directive line (`%YAML`, `%TAG`) changes how the documents after it read. */
const DIRECTIVE = /(?:^|\n)%/;
/**
 * The documents of `text`, in order: chunk i holds document i. Comments before the first document
 * belong to its chunk; comments after a `...` to the document before. Undefined when the split
 * is not certain, and the caller parses the whole text instead: directive lines, a byte order
 * mark inside the stream (each document may start with one), a `...` that ends no document (the
 * parser reads it as an empty one), text after `...` on its line, or no document at all.
 */
function splitDocuments(text) {
    if (text.includes('\ufeff') || DIRECTIVE.test(text))
        return undefined;
    const starts = [];
    // Inside a document, or between `...` and the next document ("open" is false there).
    let open = false;
    let cursor = 0;
    for (const marker of markers(text)) {
        if (!open) {
            // After `...` (or at the start), a line that is not a comment starts a bare document.
            const bare = firstContentLine(text, cursor, marker.lineStart);
            if (bare >= 0) {
                starts.push(bare);
                open = true;
            }
        }
        if (marker.kind === '---') {
            starts.push(marker.lineStart);
            open = true;
        }
        else {
            if (!open)
                return undefined;
            const next = lineEnd(text, marker.lineStart + 3);
            if (next < 0)
                return undefined;
            open = false;
            cursor = next;
        }
    }
    if (!open) {
        const bare = firstContentLine(text, cursor, text.length);
        if (bare >= 0)
            starts.push(bare);
    }
    if (starts.length === 0)
        return undefined;
    starts[0] = 0;
    return starts.map((start, index) => ({ start, end: starts[index + 1] ?? text.length }));
}
function* markers(text) {
    if (/^(?:---|\.\.\.)(?=[ \t\r\n]|$)/.test(text))
        yield { lineStart: 0, kind: text.startsWith('-') ? '---' : '...' };
    const pattern = new RegExp(MARKER);
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        yield { lineStart: match.index + 1, kind: text[match.index + 1] === '-' ? '---' : '...' };
    }
}
/** The offset of the first line in [from, to) that is neither blank nor a comment; -1 if none. */
function firstContentLine(text, from, to) {
    let at = from;
    while (at < to) {
        const next = lineEnd(text, at);
        if (next < 0)
            return at;
        if (next === at)
            return -1;
        at = next;
    }
    return -1;
}
/** Where the next line starts when the rest of the line from `at` is blank or a comment; else -1. */
function lineEnd(text, at) {
    BLANK_OR_COMMENT.lastIndex = at;
    return BLANK_OR_COMMENT.test(text) ? BLANK_OR_COMMENT.lastIndex : -1;
}

;// CONCATENATED MODULE: ./packages/core/src/manifest/match-filter.ts
/**
 * Text that every scalar the request can match holds in its value, so a document whose source
 * lacks it cannot be edited and need not be composed. For an image that is the name's last path
 * component: a Helm map may split the name into `registry:` and `repository:`, but the last
 * component is always inside `repository`. For a key path, its last key. '' when no such text is
 * certain, and every document is composed.
 */
function requiredText(request) {
    if (request.mode === 'image')
        return spelledAsWritten(request.image.name.slice(request.image.name.lastIndexOf('/') + 1));
    for (let index = request.path.length - 1; index >= 0; index--) {
        const segment = request.path[index];
        const key = typeof segment === 'string' ? segment : typeof segment === 'object' ? segment.key : undefined;
        if (key !== undefined && spelledAsWritten(key) !== '')
            return key;
    }
    return '';
}
/** The texts of several requests planned together (see requiredText): a chunk holding any one may match. */
function requiredTexts(requests) {
    return requests.map(requiredText);
}
/**
 * `text`, when a scalar whose value holds it necessarily holds it in its source too, or ''. Values
 * differ from their source only by folded line breaks (whitespace), a doubled `''` in single
 * quotes, and double-quoted escapes (`\`, which the filter looks for on its own).
 */
function spelledAsWritten(text) {
    return /^[^\s'\\]+$/.test(text) ? text : '';
}
/**
 * Whether the chunk `text.slice(start, end)` may hold a match: it contains `required`, or a `\`
 * (a double-quoted escape may spell it). Chunks must be asked about in order; each search resumes
 * where the last one stopped, so filtering a whole file reads it once.
 */
function chunkFilter(text, required) {
    // Several requests: a chunk may match when it holds any one's text.
    const texts = [...new Set(typeof required === 'string' ? [required] : required)];
    if (texts.length === 0 || texts.includes(''))
        return () => true;
    const holdsEscape = occurrences(text, '\\');
    if (texts.length > MANY_TEXTS) {
        const holdsAny = occurrencesOfAny(text, texts);
        return (start, end) => holdsAny(start, end) || holdsEscape(start, end);
    }
    const searches = texts.map((search) => occurrences(text, search));
    return (start, end) => searches.some((holds) => holds(start, end)) || holdsEscape(start, end);
}
function occurrences(text, search) {
    // The first occurrence at or after the last chunk's start; -1 once there is none left.
    let found = -2;
    return (start, end) => {
        if (found !== -1 && found < start)
            found = text.indexOf(search, start);
        return found >= 0 && found + search.length <= end;
    };
}
/**
 * Above this many texts (a train of values), one indexOf pass per text would read the file once
 * per value; occurrencesOfAny reads it once per distinct text length instead. Measured on a 5 MiB
 * file: indexOf about 2 ms per text, the hashed pass about 50-70 ms whatever the count.
 */
const MANY_TEXTS = 32;
/** Every occurrence of any of `searches` in `text`, then asked about chunk by chunk, in order. */
function occurrencesOfAny(text, searches) {
    const found = positionsOfAny(text, searches);
    let next = 0;
    return (start, end) => {
        while (next < found.length && (found[next]?.at ?? 0) < start)
            next++;
        for (let index = next; index < found.length; index++) {
            const match = found[index];
            if (!match || match.at >= end)
                break;
            if (match.at + match.length <= end)
                return true;
        }
        return false;
    };
}
const BASE = 257;
/**
 * Where any search text occurs, by position: a rolling hash per distinct length finds candidates
 * in one pass over `text`, each confirmed with startsWith (a hash collision is never a match).
 */
function positionsOfAny(text, searches) {
    const byLength = new Map();
    for (const search of new Set(searches)) {
        if (search === '' || search.length > text.length)
            continue;
        const hashes = byLength.get(search.length) ?? new Map();
        const hash = hashOf(search, 0, search.length);
        hashes.set(hash, [...(hashes.get(hash) ?? []), search]);
        byLength.set(search.length, hashes);
    }
    const found = [];
    for (const [length, hashes] of byLength) {
        // BASE^(length-1), to take the leaving character out of the window's hash.
        let top = 1;
        for (let index = 1; index < length; index++)
            top = Math.imul(top, BASE);
        // The hashes' low 16 bits, so most positions are passed over without a Map lookup.
        const maybe = new Uint8Array(65536);
        for (const hash of hashes.keys())
            maybe[hash & 0xffff] = 1;
        let hash = hashOf(text, 0, length);
        for (let at = 0;; at++) {
            const candidates = maybe[hash & 0xffff] === 1 ? hashes.get(hash) : undefined;
            if (candidates?.some((search) => text.startsWith(search, at)))
                found.push({ at, length });
            if (at + length >= text.length)
                break;
            hash = (Math.imul(hash - Math.imul(text.charCodeAt(at), top), BASE) + text.charCodeAt(at + length)) | 0;
        }
    }
    return found.sort((a, b) => a.at - b.at || a.length - b.length);
}
function hashOf(text, from, to) {
    let hash = 0;
    for (let index = from; index < to; index++)
        hash = (Math.imul(hash, BASE) + text.charCodeAt(index)) | 0;
    return hash;
}

;// CONCATENATED MODULE: ./packages/core/src/manifest/scalar-style.ts

/** Characters only a double-quoted escape can carry: C0/C1 controls, DEL, line/paragraph separators, BOM, non-characters. */
const NEEDS_ESCAPE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
/**
 * Resolutions already computed. An edit in every document of a long file writes the same value
 * each time, and two small parses per value were an eighth of such an edit's cost. Cleared when
 * full, so memory stays bounded whatever the values.
 */
const resolved = new Map();
const RESOLVED_MAX = 1024;
/** The value a plain scalar's text resolves to under one schema, or undefined when it is no plain scalar. */
function resolvePlain(text, version, inFlow) {
    const key = `${version}${inFlow ? '[' : ':'}${text}`;
    if (resolved.has(key))
        return resolved.get(key);
    if (resolved.size >= RESOLVED_MAX)
        resolved.clear();
    const value = parsePlain(text, version, inFlow);
    resolved.set(key, value);
    return value;
}
function parsePlain(text, version, inFlow) {
    const doc = (0,dist/* parseDocument */.Tp)(inFlow ? `[${text}]` : `k: ${text}`, { version, uniqueKeys: false });
    if (doc.errors.length > 0 || doc.warnings.length > 0)
        return undefined;
    let data;
    try {
        data = doc.toJS();
    }
    catch {
        // An unresolvable alias (`*x`) is reported by toJS, not in doc.errors.
        return undefined;
    }
    if (inFlow)
        return Array.isArray(data) && data.length === 1 ? data[0] : undefined;
    if (data === null || typeof data !== 'object' || Array.isArray(data))
        return undefined;
    const entries = Object.entries(data);
    return entries.length === 1 && entries[0]?.[0] === 'k' ? entries[0][1] : undefined;
}
/** True when `text` written plain reads back as exactly the string `text` under YAML 1.1 and 1.2. */
function isPlainSafeString(text, inFlow) {
    if (text === '' || text !== text.trim() || NEEDS_ESCAPE.test(text)) {
        return false;
    }
    // YAML 1.1's `value` and `merge` types: PyYAML's safe_load refuses a plain `=` or `<<` value.
    if (text === '=' || text === '<<')
        return false;
    return resolvePlain(text, '1.2', inFlow) === text && resolvePlain(text, '1.1', inFlow) === text;
}
/** True when plain `text` reads as something other than a string (number, bool, null) in either schema. */
function isPlainNonString(text) {
    for (const version of ['1.1', '1.2']) {
        const value = resolvePlain(text, version, false);
        if (value !== undefined && typeof value !== 'string')
            return true;
    }
    return false;
}
/**
 * True when `value` (read from `text`) comes out of `reader` printed as `text`. Go's `%v` of a
 * float64 (strconv's shortest `g`) switches to exponent form at 1e6 and below 1e-4; in between it
 * prints the shortest digits that read back, as JavaScript's String does there. So to Helm an
 * integer is safe up to 999999 (six digits), a decimal from 0.0001 to below 1e6.
 */
function printsAsWritten(value, text, reader) {
    // `1.10` is 1.1 and `1_000` is 1000 to a YAML reader, whatever reads the value next.
    if (String(value) !== text)
        return false;
    if (reader === 'typed' && Number.isInteger(value))
        return true;
    const magnitude = Math.abs(value);
    return magnitude === 0 || (magnitude >= 1e-4 && magnitude < 1e6);
}
/**
 * True when plain `previous` is a number or boolean (not null, not a string) and plain `next` reads
 * as the same type as `previous` under YAML 1.1 and under 1.2, and as a number is printed back as
 * written by `reader`, so writing `next` plain keeps the field's type and its text: `replicas: 3`
 * → `5`, but not an empty `tag:` (null) → `1.10`, nor `3` → `true`, nor `version: 1.0` → `1.10`
 * (which a reader would take as 1.1), nor, in Helm values, `build: 41` → `20240101`.
 */
function keepsPlainType(previous, next, reader) {
    let numberOrBoolean = false;
    for (const version of ['1.1', '1.2']) {
        const before = resolvePlain(previous, version, false);
        const after = resolvePlain(next, version, false);
        if (before === undefined || before === null || after === undefined || after === null)
            return false;
        if (typeof before !== typeof after)
            return false;
        // A number is kept plain only when it renders as written: otherwise a version-like or long
        // value that happens to look numeric is quoted rather than silently changed.
        if (typeof after === 'number' && !printsAsWritten(after, next, reader))
            return false;
        if (typeof before === 'number' || typeof before === 'boolean')
            numberOrBoolean = true;
    }
    return numberOrBoolean;
}
function doubleQuoted(value) {
    // JSON's escapes are a subset of YAML's double-quoted escapes. JSON leaves DEL, C1 controls and
    // U+FFFE/U+FFFF raw, which YAML does not allow in a stream (PyYAML refuses the whole file).
    return JSON.stringify(value).replace(/[\u007f-\u009f\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
function singleQuoted(value) {
    // Single quotes cannot escape anything but `'`; anything that folds or is non-printable needs double.
    if (NEEDS_ESCAPE.test(value))
        return undefined;
    return `'${value.replace(/'/g, "''")}'`;
}
/** The source text for the new value. Block scalars become double-quoted (the caller keeps the line break). */
function writeScalar(request) {
    const { value, style, inFlow } = request;
    if (request.keepNonStringType && style === 'PLAIN' && isPlainNonString(value) && isPlainInContext(value, inFlow)) {
        return value;
    }
    switch (style) {
        case 'PLAIN':
            return isPlainSafeString(value, inFlow) ? value : doubleQuoted(value);
        case 'QUOTE_SINGLE':
            return singleQuoted(value) ?? doubleQuoted(value);
        case 'QUOTE_DOUBLE':
        case 'BLOCK_LITERAL':
        case 'BLOCK_FOLDED':
            return doubleQuoted(value);
    }
}
function isPlainInContext(text, inFlow) {
    return resolvePlain(text, '1.2', inFlow) !== undefined && !/[\n\r#]/.test(text);
}
function styleOf(node) {
    return (node.type ?? 'PLAIN');
}

;// CONCATENATED MODULE: ./packages/core/src/manifest/splices.ts
const copySlice = (source, from, to) => source.slice(from, to);
/**
 * The source with every splice applied, built in one pass: splices sorted by position, the
 * unchanged stretches between them copied once each and joined. (Re-slicing the whole text per
 * splice made a file with an edit in every document quadratic.) Two inserts at one offset (`newTag`
 * and `digest` added to one entry) read in the order they were planned. The source itself when
 * there is nothing to apply.
 */
function applySplices(source, splices, file, copy = copySlice) {
    if (splices.length === 0)
        return source;
    const sorted = splices
        .map((splice, order) => ({ splice, order }))
        .sort((a, b) => a.splice.start - b.splice.start || a.splice.end - b.splice.end || a.order - b.order);
    const pieces = [];
    let cursor = 0;
    for (const { splice } of sorted) {
        if (splice.start < cursor)
            throw new Error(`overlapping edits in ${file} at offset ${splice.start}`);
        pieces.push(copy(source, cursor, splice.start), splice.text);
        cursor = splice.end;
    }
    pieces.push(copy(source, cursor, source.length));
    return pieces.join('');
}

;// CONCATENATED MODULE: ./packages/core/src/manifest/edit-session.ts





/**
 * Collects byte-range splices against one file's original source. Every edit replaces only the
 * bytes of one scalar (or adds/removes one `key: value` line); nothing is ever re-serialised, so
 * comments, quoting, indentation, line endings and other documents stay byte-identical.
 * A `docIndex` counts within `manifest.documents` (a chunk's manifest holds one document); the
 * changes report the file's index.
 */
class EditSession {
    manifest;
    changes = [];
    /** Nodes matched by the request, changed or already right; zero means "nothing matched". */
    matched = 0;
    /** Byte-range edits of `manifest.source`, in planned order. */
    splices = [];
    /**
     * With several requests planned in one session: the index of the one being planned (set by the
     * planner before each), so matches and changes are counted per request.
     */
    owner = 0;
    /** Per request (by `owner`): places matched and the changes made. */
    byRequest = [];
    /** What names each request in a conflict error. */
    labels = [];
    /**
     * Scalars set and pairs removed (and, below, keys inserted per map), with the request that did:
     * an entry reached twice through an alias is edited once; two requests reaching it is an error.
     */
    touched = new Map();
    inserted = new Map();
    constructor(manifest) {
        this.manifest = manifest;
    }
    /** The current request's counts, made on first use. */
    mine() {
        return (this.byRequest[this.owner] ??= { matched: 0, changes: [] });
    }
    /** Counts a match for the current request. */
    count() {
        this.matched++;
        this.mine().matched++;
    }
    /**
     * Whether `entry` was handled already (by this request: skip it); refused when another request
     * reached it first, since one place cannot take two values and the later one would silently lose.
     */
    seen(entry, path, offset) {
        const by = this.touched.get(entry);
        if (by === undefined) {
            this.touched.set(entry, this.owner);
            return false;
        }
        if (by !== this.owner)
            this.conflict(by, path, offset);
        return true;
    }
    conflict(by, path, offset) {
        const where = offset !== undefined ? `${this.manifest.file}:${lineOf(this.manifest, offset)}` : this.manifest.file;
        const name = (index) => this.labels[index] ?? `value ${index + 1}`;
        throw new ManifestEditError(`${where}: '${formatPath(path)}' is set by two of the values given: ${name(by)} and ${name(this.owner)}.`, 'Give each place one value: drop one of the two entries, or narrow a key path so it does not reach an image the list sets.');
    }
    /** Follows an alias to its anchor, so `image: *app` edits the one place the value is written. */
    resolve(document, node) {
        return (0,dist/* isAlias */.Vj)(node) ? node.resolve(document) : node;
    }
    /**
     * Sets `node` to `value`, keeping its quoting style. No-op when it already holds that value.
     * With `numbers`, a number or boolean field stays one when `value` is one that reader prints as
     * written; without, `value` is always written as a string.
     */
    setScalar(docIndex, path, node, value, numbers) {
        if (this.seen(node, path, node.range?.[0]))
            return;
        this.count();
        const previous = scalarText(node);
        if (previous === value && node.value !== null)
            return;
        const [start, end] = node.range ?? fail(this.manifest, path, 'has no source position');
        const style = styleOf(node);
        let text = writeScalar({
            value,
            style,
            inFlow: this.inFlow(docIndex, start),
            keepNonStringType: numbers !== undefined && style === 'PLAIN' && keepsPlainType(previous, value, numbers),
        });
        if (style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED') {
            // A block scalar's range ends after its last line break (after trailing blank lines when
            // kept with `|+`; at the end of a file without a final newline, after no line break at all).
            // The quoted value replaces the header and content lines; those trailing line breaks stay.
            text += /\r?\n(?:[ \t]*\r?\n)*[ \t]*$/.exec(this.manifest.source.slice(start, end))?.[0] ?? '';
        }
        else if (start === end) {
            // An empty value (`tag:`) has a zero-width range right after the colon, or at the `#` of a
            // comment on the same line (`tag: # note`), which must stay apart from the new value.
            if (start > 0 && !/\s/.test(this.manifest.source[start - 1] ?? ''))
                text = ` ${text}`;
            if (this.manifest.source[end] === '#')
                text = `${text} `;
        }
        this.splices.push({ start, end, text });
        this.record(docIndex, path, start, node.value === null ? null : previous, value);
    }
    /** Adds `key: value` as the last entry of `map`, in its style (block or flow) and indentation. */
    insertPair(docIndex, mapPath, map, key, value) {
        const keys = this.inserted.get(map) ?? new Map();
        const by = keys.get(key);
        if (by !== undefined) {
            if (by !== this.owner)
                this.conflict(by, [...mapPath, key], map.range?.[0]);
            return;
        }
        keys.set(key, this.owner);
        this.inserted.set(map, keys);
        this.count();
        const source = this.manifest.source;
        const last = map.items[map.items.length - 1];
        const valueText = writeScalar({ value, style: 'PLAIN', inFlow: Boolean(map.flow) });
        let at;
        let text;
        if (map.flow) {
            if (last) {
                at = pairEnd(last);
                text = `, ${key}: ${valueText}`;
            }
            else {
                at = (map.range?.[0] ?? fail(this.manifest, mapPath, 'has no source position')) + 1;
                text = `${key}: ${valueText}`;
            }
        }
        else {
            const firstKey = map.items[0]?.key;
            if (!last || !isNodeWithRange(firstKey))
                fail(this.manifest, mapPath, 'is an empty block map');
            const keyStart = firstKey.range[0];
            const indent = ' '.repeat(keyStart - lineStart(source, keyStart));
            const end = pairEnd(last);
            if (end > 0 && source[end - 1] === '\n') {
                at = end;
                text = `${indent}${key}: ${valueText}${this.manifest.eol}`;
            }
            else {
                const newline = source.indexOf('\n', end);
                if (newline < 0) {
                    at = source.length;
                    text = `${this.manifest.eol}${indent}${key}: ${valueText}`;
                }
                else {
                    at = newline + 1;
                    text = `${indent}${key}: ${valueText}${this.manifest.eol}`;
                }
            }
        }
        this.splices.push({ start: at, end: at, text });
        this.record(docIndex, [...mapPath, key], at, null, value);
    }
    /** Removes one `key: value` entry (its whole line in a block map). */
    removePair(docIndex, mapPath, map, pair) {
        const key = pair.key;
        if (this.seen(pair, mapPath, isNodeWithRange(key) ? key.range[0] : undefined))
            return;
        // A value another request set inside the removed entry would be lost with it.
        if ((0,dist/* isScalar */.jn)(pair.value))
            this.seen(pair.value, mapPath, undefined);
        this.count();
        const source = this.manifest.source;
        const keyName = (0,dist/* isScalar */.jn)(key) ? scalarText(key) : '?';
        const path = [...mapPath, keyName];
        if (!isNodeWithRange(key))
            fail(this.manifest, path, 'has no source position');
        const index = map.items.indexOf(pair);
        let start;
        let end;
        if (map.flow) {
            const previous = map.items[index - 1];
            const next = map.items[index + 1];
            if (previous) {
                start = pairEnd(previous);
                end = pairEnd(pair);
            }
            else if (next && isNodeWithRange(next.key)) {
                start = key.range[0];
                end = next.key.range[0];
            }
            else {
                start = key.range[0];
                end = pairEnd(pair);
            }
        }
        else {
            start = lineStart(source, key.range[0]);
            if (source.slice(start, key.range[0]).trim() !== '') {
                throw new ManifestEditError(`${this.manifest.file}:${lineOf(this.manifest, key.range[0])}: cannot remove '${formatPath(path)}' without rewriting its line (it shares the line with '-').`, `Move '${keyName}' below the first key of that entry, or set the value yourself.`);
            }
            const valueEnd = pairEnd(pair);
            const newline = source.indexOf('\n', valueEnd > 0 && source[valueEnd - 1] === '\n' ? valueEnd - 1 : valueEnd);
            if (newline < 0) {
                // The last line of a file without a final newline: take the line break before it instead,
                // so the file still ends without one.
                end = source.length;
                if (start > 0)
                    start -= source[start - 2] === '\r' ? 2 : 1;
            }
            else {
                end = newline + 1;
            }
        }
        this.splices.push({ start, end, text: '' });
        const previous = (0,dist/* isScalar */.jn)(pair.value) ? scalarText(pair.value) : null;
        this.record(docIndex, path, key.range[0], previous, null);
    }
    /** The edited source; the original when nothing changed. */
    output() {
        return applySplices(this.manifest.source, this.splices, this.manifest.file);
    }
    record(docIndex, path, offset, previous, value) {
        const change = {
            file: this.manifest.file,
            document: this.manifest.firstDocument + docIndex,
            path: formatPath(path),
            line: lineOf(this.manifest, offset),
            previous,
            value,
        };
        this.changes.push(change);
        this.mine().changes.push(change);
    }
    /**
     * Whether `offset` lies inside a flow collection, where `,[]{}` end a plain scalar. Only the
     * document holding the node is searched: looking through every document made an edit in each
     * document of a long file quadratic.
     */
    inFlow(docIndex, offset) {
        return flowAncestor(this.manifest.documents[docIndex]?.contents, offset);
    }
}
function flowAncestor(node, offset) {
    if (!node || typeof node !== 'object' || !('items' in node))
        return false;
    const collection = node;
    const range = collection.range;
    if (!range || offset < range[0] || offset > range[1])
        return false;
    if (collection.flow)
        return true;
    for (const item of collection.items) {
        if (item && typeof item === 'object' && 'key' in item) {
            const pair = item;
            if (flowAncestor(pair.key, offset) || flowAncestor(pair.value, offset))
                return true;
        }
        else if (flowAncestor(item, offset)) {
            return true;
        }
    }
    return false;
}
/**
 * A scalar's value as text. A plain number or boolean is read as written (`tag: 1.20` is "1.20",
 * not the float's "1.2"), since a tag or version is what the file spells, not what YAML computes.
 */
function scalarText(node) {
    const value = node.value;
    if (value === null || value === undefined)
        return '';
    if (typeof value !== 'string' && typeof node.source === 'string' && node.type === 'PLAIN')
        return node.source;
    return String(value);
}
function isNodeWithRange(node) {
    return Boolean(node && typeof node === 'object' && 'range' in node && Array.isArray(node.range));
}
/** End offset of a pair's value (or key, when the value is empty). */
function pairEnd(pair) {
    const value = pair.value;
    if (isNodeWithRange(value))
        return value.range[1];
    if (isNodeWithRange(pair.key))
        return pair.key.range[1];
    return 0;
}
function lineStart(source, offset) {
    return source.lastIndexOf('\n', offset - 1) + 1;
}
function fail(manifest, path, why) {
    throw new Error(`${manifest.file}: '${formatPath(path)}' ${why}`);
}

;// CONCATENATED MODULE: ./packages/core/src/manifest/planned-edit.ts


function emptyPlan() {
    return { changes: [], matched: 0, splices: [], seen: new Set(), skipped: 0, byRequest: [] };
}
/** Plans `manifest`'s edits and adds them to `into`. */
function planInto(into, manifest, plan) {
    const session = new EditSession(manifest);
    plan(session, into.seen);
    // One push per change, not push(...changes): a spread of a huge array can overflow the stack.
    for (const change of session.changes)
        into.changes.push(change);
    for (const splice of session.splices)
        into.splices.push(splice);
    into.matched += session.matched;
    session.byRequest.forEach((edits, index) => {
        const total = (into.byRequest[index] ??= { matched: 0, changes: [] });
        total.matched += edits.matched;
        for (const change of edits.changes)
            total.changes.push(change);
    });
}
/** The whole file parsed at once: every document composed, a malformed one refused. */
function planWholeFile(source, file, plan, compose) {
    const planned = emptyPlan();
    planInto(planned, parseManifest(source, file, compose), plan);
    return planned;
}

;// CONCATENATED MODULE: ./packages/core/src/manifest/chunked-edit.ts




/**
 * Plans the edit document by document, composing only the documents whose text contains
 * `required` (see requiredText), one at a time, so a large file costs what its matching documents
 * cost to compose and holds one document's nodes at a time. Changes, line numbers and document
 * indexes are the whole file's, as a whole-file parse gives them. Undefined when the file must be
 * parsed whole instead: its documents cannot be split with certainty, or a document that had to
 * be read is malformed (the whole-file parse then reports the error, with the file's line and
 * column, exactly as before).
 */
function planByDocument(source, file, plan, required, compose) {
    const chunks = splitDocuments(source);
    if (!chunks)
        return undefined;
    const mayMatch = chunkFilter(source, required);
    const lineAt = lineNumbers(source);
    const eol = eolOf(source);
    const planned = emptyPlan();
    const skipped = [];
    for (let index = 0; index < chunks.length; index++) {
        const chunk = chunks[index];
        if (!chunk)
            continue;
        if (!mayMatch(chunk.start, chunk.end)) {
            skipped.push(chunk);
            continue;
        }
        const manifest = parseChunk(source, file, eol, { ...chunk, line: lineAt(chunk.start), document: index }, compose);
        if (!manifest)
            return undefined;
        try {
            planInto(planned, manifest, plan);
        }
        catch (error) {
            // A whole-file parse refuses a malformed document before it plans any edit, so an edit error
            // stands only if none of the later documents that would be composed is malformed.
            const later = chunks.slice(index + 1).filter((next) => mayMatch(next.start, next.end));
            if (later.some((next) => !composes(source, file, eol, next, compose)))
                return undefined;
            throw error;
        }
    }
    planned.skipped = skipped.length;
    // A file where nothing matched is checked whole after all, still one document at a time, so a
    // malformed one is refused (a Helm template caught by a glob) as it always was; with a match,
    // the documents that cannot hold one are left unread, byte for byte.
    if (planned.matched === 0 && skipped.some((chunk) => !composes(source, file, eol, chunk, compose)))
        return undefined;
    return planned;
}
function composes(source, file, eol, chunk, compose) {
    // Line and document numbers only label changes, and none are planned here.
    return parseChunk(source, file, eol, { ...chunk, line: 1, document: 0 }, compose) !== undefined;
}
/** The line number of each offset asked about, in increasing order; counts the text's line breaks once in all. */
function lineNumbers(text) {
    let counted = 0;
    let line = 1;
    return (offset) => {
        for (let newline = text.indexOf('\n', counted); newline >= 0 && newline < offset; newline = text.indexOf('\n', newline + 1))
            line++;
        counted = offset;
        return line;
    };
}

;// CONCATENATED MODULE: ./packages/core/src/manifest/walk.ts

/**
 * Visits every map and sequence of a document, depth first, with its key path. Aliases are not
 * followed (their anchors are visited where they are written), so nothing is visited twice.
 */
function walkCollections(document, visitor) {
    const visit = (node, path) => {
        if ((0,dist/* isMap */.jh)(node)) {
            visitor.map?.(node, path);
            for (const pair of node.items) {
                if (!(0,dist/* isPair */.tO)(pair))
                    continue;
                const key = keyName(pair.key);
                visit(pair.value, key === undefined ? path : [...path, key]);
            }
        }
        else if ((0,dist/* isSeq */.oP)(node)) {
            visitor.seq?.(node, path);
            node.items.forEach((item, index) => visit(item, [...path, index]));
        }
    };
    visit(document.contents, []);
}
/** A map key as a string; undefined for complex keys (maps as keys), which never hold images. */
function keyName(key) {
    if (key && typeof key === 'object' && 'value' in key && !('items' in key)) {
        const value = key.value;
        return value === null || value === undefined ? '' : String(value);
    }
    return undefined;
}
/** The pairs of `map` whose key is `name` (more than one only in files with duplicate keys). */
function pairsNamed(map, name) {
    return map.items.filter((pair) => keyName(pair.key) === name);
}

;// CONCATENATED MODULE: ./packages/core/src/manifest/image-edits.ts




/** The lookup for several image requests (several entries under one name make a conflict, reported when both reach a place). */
function imageTargets(entries) {
    const targets = new Map();
    for (const entry of entries)
        targets.set(entry.target.name, [...(targets.get(entry.target.name) ?? []), entry]);
    return targets;
}
/**
 * Finds every place `target.name` is referenced and plans the edit:
 * - `image: name[:tag][@digest]` strings (containers, initContainers, ephemeralContainers of any
 *   workload kind, Argo Rollouts, CronJobs, Pods, and plain Helm values);
 * - Kustomize `images:` entries `{name, newName, newTag, digest}` matched by `name` or `newName`;
 * - Argo CD `spec.source.kustomize.images` strings `[name=]newName:tag`;
 * - Helm values maps `{registry?, repository, tag?, digest?}`.
 * Setting a tag drops a stale digest; a digest alone replaces both in strings.
 */
function planImageEdits(session, target, seen) {
    planImageTargets(session, imageTargets([{ target, owner: session.owner }]), seen);
}
/**
 * The same for many images in one walk of each document: each reference is looked up by name, so
 * a train of N images costs one walk, not N. Each edit is made under its request's owner index.
 */
function planImageTargets(session, targets, seen) {
    session.manifest.documents.forEach((document, docIndex) => {
        walkCollections(document, {
            map(map, path) {
                for (const pair of pairsNamed(map, 'image')) {
                    const node = session.resolve(document, pair.value);
                    if ((0,dist/* isScalar */.jn)(node) && typeof node.value === 'string' && node.value !== '') {
                        editReferenceString(session, docIndex, [...path, 'image'], node, targets, seen, false);
                    }
                }
                editHelmImageMap(session, document, docIndex, map, path, targets, seen);
                for (const pair of pairsNamed(map, 'images')) {
                    const list = session.resolve(document, pair.value);
                    if ((0,dist/* isSeq */.oP)(list)) {
                        list.items.forEach((item, index) => {
                            const entry = session.resolve(document, item);
                            const entryPath = [...path, 'images', index];
                            if ((0,dist/* isMap */.jh)(entry))
                                editKustomizeImage(session, document, docIndex, entry, entryPath, targets, seen);
                            else if ((0,dist/* isScalar */.jn)(entry) && typeof entry.value === 'string') {
                                editReferenceString(session, docIndex, entryPath, entry, targets, seen, true);
                            }
                        });
                    }
                }
            },
        });
    });
}
/**
 * The requests a place written under `names` answers to (a place may be named twice: `old=new`,
 * `name`/`newName`, `registry/repository`/`repository`), each once; the edit is planned for each
 * under its owner, so two requests reaching one place are refused by the session.
 */
function matching(targets, names) {
    const found = [];
    for (const name of new Set(names)) {
        if (name === undefined)
            continue;
        for (const entry of targets.get(name) ?? [])
            if (!found.includes(entry))
                found.push(entry);
    }
    return found;
}
function each(session, entries, edit) {
    for (const { target, owner } of entries) {
        session.owner = owner;
        edit(target);
    }
}
function withNewVersion(ref, target) {
    const next = { name: ref.name };
    if (target.tag !== undefined)
        next.tag = target.tag;
    if (target.digest !== undefined)
        next.digest = target.digest;
    return next;
}
/**
 * An image reference written as one string: a container `image:` (`name[:tag][@digest]`) or, where
 * `renames` is set, an Argo CD `kustomize.images` override that may rename (`old=new:tag`).
 */
function editReferenceString(session, docIndex, path, node, targets, seen, renames) {
    const text = scalarText(node);
    const eq = renames ? text.indexOf('=') : -1;
    const original = eq >= 0 ? text.slice(0, eq) : undefined;
    const ref = parseImageReference(text.slice(eq + 1));
    seen.add(ref.name);
    if (original !== undefined)
        seen.add(original);
    const prefix = original !== undefined ? `${original}=` : '';
    each(session, matching(targets, [ref.name, original]), (target) => session.setScalar(docIndex, path, node, prefix + formatImageReference(withNewVersion(ref, target))));
}
function scalarValue(document, session, map, key) {
    const pair = pairsNamed(map, key)[0];
    if (!pair)
        return undefined;
    const node = session.resolve(document, pair.value);
    return (0,dist/* isScalar */.jn)(node) ? node : undefined;
}
/** Sets `key` in `map` to `value`, adding the key when the map does not have it. */
function setOrInsert(session, document, docIndex, map, path, key, value) {
    const node = scalarValue(document, session, map, key);
    if (node)
        session.setScalar(docIndex, [...path, key], node, value);
    else if (pairsNamed(map, key).length === 0)
        session.insertPair(docIndex, path, map, key, value);
}
function editKustomizeImage(session, document, docIndex, entry, path, targets, seen) {
    const name = scalarValue(document, session, entry, 'name');
    if (!name)
        return;
    const newName = scalarValue(document, session, entry, 'newName');
    seen.add(scalarText(name));
    if (newName)
        seen.add(scalarText(newName));
    each(session, matching(targets, [scalarText(name), newName ? scalarText(newName) : undefined]), (target) => editKustomizeEntry(session, document, docIndex, entry, path, target));
}
function editKustomizeEntry(session, document, docIndex, entry, path, target) {
    if (target.tag !== undefined)
        setOrInsert(session, document, docIndex, entry, path, 'newTag', target.tag);
    if (target.digest !== undefined) {
        setOrInsert(session, document, docIndex, entry, path, 'digest', target.digest);
    }
    else {
        // Kustomize lets a digest win over newTag: a digest left from an earlier run would pin the old image.
        const stale = pairsNamed(entry, 'digest')[0];
        if (stale)
            session.removePair(docIndex, path, entry, stale);
    }
}
function editHelmImageMap(session, document, docIndex, map, path, targets, seen) {
    const repository = scalarValue(document, session, map, 'repository');
    if (!repository || typeof repository.value !== 'string' || repository.value === '')
        return;
    // Only maps shaped like an image: a repository beside a tag, digest or registry, or under `image`.
    const shaped = ['tag', 'digest', 'registry'].some((key) => pairsNamed(map, key).length > 0);
    const underImageKey = /image$/i.test(String(path[path.length - 1] ?? ''));
    if (!shaped && !underImageKey)
        return;
    const registry = scalarValue(document, session, map, 'registry');
    const repo = scalarText(repository);
    const full = registry && scalarText(registry) !== '' ? `${scalarText(registry)}/${repo}` : repo;
    seen.add(full);
    each(session, matching(targets, [full, repo]), (target) => editHelmEntry(session, document, docIndex, map, path, target));
}
function editHelmEntry(session, document, docIndex, map, path, target) {
    if (target.tag !== undefined)
        setOrInsert(session, document, docIndex, map, path, 'tag', target.tag);
    if (target.digest !== undefined) {
        setOrInsert(session, document, docIndex, map, path, 'digest', target.digest);
    }
    else {
        // Charts render `repository@digest` when a digest is set; clear it so the new tag takes effect.
        const digest = scalarValue(document, session, map, 'digest');
        if (digest && scalarText(digest) !== '')
            session.setScalar(docIndex, [...path, 'digest'], digest, '');
    }
}

;// CONCATENATED MODULE: ./packages/core/src/manifest/key-path-edits.ts






/**
 * Sets the scalar at `path` in every document where the path exists. A path ending on a map or
 * list is refused: replacing a structure with a scalar is never what a version bump means.
 * A number or boolean field (`replicas: 3`) stays one when the new value is one too and renders
 * as written (see `numbersOf`); a tag or version is always written as a string.
 * A path through an alias is refused too (see `refuseAlias`).
 */
function planKeyPathEdit(session, path, value) {
    session.manifest.documents.forEach((document, docIndex) => {
        const numbers = numbersOf(session.manifest.file, document);
        // `at` is the concrete path walked so far (selectors resolved to indexes), for the report.
        const visit = (node, depth, at) => {
            if ((0,dist/* isAlias */.Vj)(node)) {
                // Only an alias the path goes on through is refused; where the path ends short of it
                // (`[2]` is `*a`, a scalar, and the key wants `[2][0]`), this document has no such key.
                if (reaches(session, document, node.resolve(document), path, depth))
                    refuseAlias(session, document, node, path, depth, at);
                return;
            }
            if (depth === path.length) {
                if ((0,dist/* isScalar */.jn)(node)) {
                    session.setScalar(docIndex, at, node, value, namesString(at) ? undefined : inHelmValues(at) ? 'float64' : numbers);
                    return;
                }
                const range = node?.range;
                const where = range ? `:${lineOf(session.manifest, range[0])}` : '';
                throw new ManifestEditError(`${session.manifest.file}${where}: '${formatPath(at)}' holds a ${(0,dist/* isSeq */.oP)(node) ? 'list' : 'map'}, not a single value.`, `Point 'key' at the scalar inside it, e.g. '${key_path_formatKeyPath(path)}.tag' or '${key_path_formatKeyPath(path)}[0]'.`);
            }
            const segment = path[depth];
            if (isSelector(segment)) {
                if (!(0,dist/* isSeq */.oP)(node))
                    return;
                node.items.forEach((item, index) => {
                    // Only reading a field to pick the entry may follow an alias; walking into one may not.
                    const entry = session.resolve(document, item);
                    if (!(0,dist/* isMap */.jh)(entry))
                        return;
                    const matches = pairsNamed(entry, segment.key).some((pair) => {
                        const field = session.resolve(document, pair.value);
                        return (0,dist/* isScalar */.jn)(field) && scalarText(field) === segment.equals;
                    });
                    if (matches)
                        visit(item, depth + 1, [...at, index]);
                });
            }
            else if (typeof segment === 'number') {
                if ((0,dist/* isSeq */.oP)(node) && segment < node.items.length)
                    visit(node.items[segment], depth + 1, [...at, segment]);
            }
            else if (segment !== undefined && (0,dist/* isMap */.jh)(node)) {
                for (const pair of pairsNamed(node, segment))
                    visit(pair.value, depth + 1, [...at, segment]);
            }
        };
        visit(document.contents, 0, []);
    });
}
/**
 * Who reads the document's numbers. A Kubernetes object (`apiVersion` and `kind` at its root) or
 * a Kustomization file goes to Kustomize or the API server, which read integers into typed fields
 * exactly; anything else is taken for Helm values, which Helm reads into float64.
 */
function numbersOf(file, document) {
    if (/(?:^|\/)(?:kustomization\.ya?ml|Kustomization)$/.test(file))
        return 'typed';
    const root = document.contents;
    return (0,dist/* isMap */.jh)(root) && pairsNamed(root, 'apiVersion').length > 0 && pairsNamed(root, 'kind').length > 0 ? 'typed' : 'float64';
}
/**
 * Whether the path runs through Helm values held in a Kubernetes object or a Kustomization: an
 * Argo CD Application's `helm.valuesObject`, a Flux HelmRelease's `spec.values`, Kustomize's
 * `helmCharts[].valuesInline`. Helm reads those as it reads a values file.
 */
function inHelmValues(at) {
    return at.some((segment) => segment === 'values' || segment === 'valuesObject' || segment === 'valuesInline');
}
/**
 * Whether the path ends on a tag or a version (`tag`, `newTag`, `imageTag`, `image_tag`,
 * `version`, `appVersion`): a string to everything that reads one. Kustomize refuses a number as
 * `newTag`; Helm's string functions (`trunc`, `trimPrefix`) fail on a float64 tag, and `{{ }}`
 * prints a long numeric one in exponent form.
 */
function namesString(at) {
    const last = at[at.length - 1];
    if (typeof last !== 'string')
        return false;
    return /^(?:tag|version)$/i.test(last) || /[a-z0-9](?:Tag|Version)$/.test(last) || /[_-](?:tag|version)$/i.test(last);
}
/** Whether `path` from `depth` on leads anywhere under `node`: the walk `visit` would make, without editing. */
function reaches(session, document, node, path, depth) {
    const resolved = session.resolve(document, node);
    if (depth === path.length)
        return resolved !== undefined && resolved !== null;
    const segment = path[depth];
    if (isSelector(segment)) {
        if (!(0,dist/* isSeq */.oP)(resolved))
            return false;
        return resolved.items.some((item) => {
            const entry = session.resolve(document, item);
            if (!(0,dist/* isMap */.jh)(entry))
                return false;
            const matches = pairsNamed(entry, segment.key).some((pair) => {
                const field = session.resolve(document, pair.value);
                return (0,dist/* isScalar */.jn)(field) && scalarText(field) === segment.equals;
            });
            return matches && reaches(session, document, item, path, depth + 1);
        });
    }
    if (typeof segment === 'number')
        return (0,dist/* isSeq */.oP)(resolved) && segment < resolved.items.length && reaches(session, document, resolved.items[segment], path, depth + 1);
    if (segment === undefined || !(0,dist/* isMap */.jh)(resolved))
        return false;
    return pairsNamed(resolved, segment).some((pair) => reaches(session, document, pair.value, path, depth + 1));
}
/**
 * An alias has no value of its own: editing through `prod: *base` (or `tag: *ver`) would rewrite
 * the anchor's bytes and silently change `base` and every other alias of it as well. A key path
 * names one place, so it must not reach anything through an alias. Image mode follows aliases on
 * purpose: there every reference to the image is meant to change.
 */
function refuseAlias(session, document, alias, path, depth, at) {
    const { file, source } = session.manifest;
    const aliasLine = alias.range ? `:${lineOf(session.manifest, alias.range[0])}` : '';
    const anchored = alias.resolve(document);
    // A node's range starts at its content; its `&name` comes before it (a line earlier for a block map).
    const contentStart = anchored?.range?.[0];
    const anchorOffset = contentStart === undefined ? -1 : source.lastIndexOf(`&${alias.source}`, contentStart);
    const anchorLine = anchorOffset >= 0 ? `${file}:${lineOf(session.manifest, anchorOffset)}` : file;
    const anchorPath = anchored ? pathTo(document.contents, anchored, []) : undefined;
    const ownPath = anchorPath ? key_path_formatKeyPath([...anchorPath, ...path.slice(depth)]) : '';
    throw new ManifestEditError(`${file}${aliasLine}: key '${key_path_formatKeyPath(path)}' goes through the alias '*${alias.source}' at '${formatPath(at)}', which stands for the anchor '&${alias.source}' at ${anchorLine}${anchorPath && anchorPath.length > 0 ? ` ('${formatPath(anchorPath)}')` : ''}; setting it would change every use of that anchor.`, `${ownPath !== '' ? `Set 'key' to the anchor's own path, '${ownPath}', to change it everywhere it is used, or` : 'Edit the anchor itself, or'} replace '*${alias.source}' at '${formatPath(at)}' with a value of its own to change only this place.`);
}
/** The concrete path of `target` in the tree under `node`, not following aliases. */
function pathTo(node, target, at) {
    if (node === target)
        return at;
    if ((0,dist/* isMap */.jh)(node)) {
        for (const pair of node.items) {
            const key = (0,dist/* isPair */.tO)(pair) ? keyName(pair.key) : undefined;
            const found = key === undefined ? undefined : pathTo(pair.value, target, [...at, key]);
            if (found)
                return found;
        }
    }
    else if ((0,dist/* isSeq */.oP)(node)) {
        for (const [index, item] of node.items.entries()) {
            const found = pathTo(item, target, [...at, index]);
            if (found)
                return found;
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/manifest/manifest-editor.ts








/**
 * Plans and applies an edit to one file's text. Pure: reads nothing, writes nothing, so the
 * same function serves the step, the retry loop after a lost push race, tests and benchmarks.
 * Several requests are planned in one pass over the file (each document composed once), each
 * against the original text; two of them reaching one place is refused.
 */
function editManifest(source, file, requests, options = {}) {
    const list = requestList(requests);
    // YAML allows a byte order mark before the stream, but the yaml parser counts it as indentation
    // before a top-level `- item` and rejects the file. Edit the text after it, then put it back.
    const bom = source.startsWith('\ufeff') ? '\ufeff' : '';
    const body = source.slice(bom.length);
    const compose = options.compose ?? composeYaml;
    const plan = plannerFor(list);
    const byDocument = options.wholeFile ? undefined : planByDocument(body, file, plan, requiredTexts(list), compose);
    const planned = byDocument ?? planWholeFile(body, file, plan, compose);
    return {
        file,
        source,
        output: bom + applySplices(body, planned.splices, file),
        // A train's changes are read in file order; one request's keep the order they always had.
        changes: list.length > 1 ? inFileOrder(planned.changes) : planned.changes,
        matched: planned.matched,
        imagesSeen: imagesSeenOf(planned, list, () => planWholeFile(body, file, plan, compose).seen),
        byRequest: list.map((_, index) => planned.byRequest[index] ?? { matched: 0, changes: [] }),
    };
}
/**
 * Plans every request in the same session, each counted under its own index: the images in one
 * walk per document (looked up by name, so N images cost one walk), then each key path.
 */
function plannerFor(requests) {
    const labels = requests.map(requestName);
    const images = imageTargets(requests.flatMap((request, owner) => (request.mode === 'image' ? [{ target: request.image, owner }] : [])));
    const keys = requests.flatMap((request, owner) => (request.mode === 'key' ? [{ request, owner }] : []));
    return (session, seen) => {
        session.labels = labels;
        if (images.size > 0)
            planImageTargets(session, images, seen);
        for (const { request, owner } of keys) {
            session.owner = owner;
            planKeyPathEdit(session, request.path, request.value);
        }
    };
}
/** Changes by document and line (a stable sort: two at one line keep their planned order). */
function inFileOrder(changes) {
    return [...changes].sort((a, b) => a.document - b.document || a.line - b.line);
}
function imagesSeenOf(planned, requests, seenInWholeFile) {
    if (planned.skipped === 0 || requests.every((request) => request.mode === 'key'))
        return () => planned.seen;
    let seen;
    return () => (seen ??= seenInWholeFile());
}

;// CONCATENATED MODULE: ./packages/core/src/manifest/file-edits.ts






/**
 * Reads and edits `files` in memory; nothing is written. Several requests (a train) are all
 * applied to each file, one PlannedFile per file carrying every change. `read` gives the text at a
 * commit instead of the work tree, to decide whether that commit holds the values: there a missing
 * file, or a request that matches nothing in any file, makes every file `pending` rather than an
 * error. In the work tree a request that matches nothing is an error naming it.
 */
async function planFileEdits(requests, files, read) {
    const list = requestList(requests);
    const results = [];
    for (const file of files) {
        const source = read ? await read(file) : await readText(file);
        if (source === undefined) {
            results.push({ ...unreadFile(file, list.length), pending: true });
        }
        else {
            results.push({ ...editManifest(source, file.relative, list), absolute: file.absolute });
        }
    }
    const unmatched = list.filter((_, index) => results.every((result) => (result.byRequest[index]?.matched ?? 0) === 0));
    if (unmatched.length > 0) {
        if (!read)
            throw nothingMatched(unmatched, results);
        for (const result of results)
            result.pending = true;
    }
    return results;
}
/** The plan of a file a revision lacks: nothing read, nothing matched. */
function unreadFile(file, requests) {
    const byRequest = Array.from({ length: requests }, () => ({ matched: 0, changes: [] }));
    return { file: file.relative, absolute: file.absolute, source: '', output: '', changes: [], matched: 0, imagesSeen: () => new Set(), byRequest };
}
/**
 * The files' texts, from the work tree or (with `read`) a commit, for readImages/readKeys; a file
 * the commit lacks reads as ''.
 */
async function readSources(files, read) {
    const texts = [];
    for (const file of files)
        texts.push({ file: file.relative, source: (read ? await read(file) : await readText(file)) ?? '' });
    return texts;
}
/** A file's bytes as UTF-8 text; anything else is refused rather than mangled. */
async function readText(file) {
    const bytes = await (0,promises_.readFile)(file.absolute);
    const source = bytes.toString('utf8');
    if (!Buffer.from(source, 'utf8').equals(bytes)) {
        throw new errors_FileSelectionError(`${file.relative} is not UTF-8 text.`, 'Save the manifest as UTF-8 (Kubernetes and Helm read YAML as UTF-8 anyway).');
    }
    return source;
}
/**
 * The error for requests that matched nothing in any of the files: the first one named with the
 * image names that are there (as for a single request), the others listed after it.
 */
function nothingMatched(requests, results) {
    const [first, ...others] = requestList(requests);
    if (!first)
        throw new Error('nothingMatched needs a request');
    const error = nothingMatchedOne(first, results);
    if (others.length === 0)
        return error;
    const names = others.map(requestName);
    return new ManifestEditError(`${error.message} Also matching nothing: ${names.slice(0, 10).join(', ')}${names.length > 10 ? `, … (${names.length} in all)` : ''}.`, error.hint);
}
function nothingMatchedOne(request, results) {
    const where = `${results.length} file${results.length === 1 ? '' : 's'} (${results.map((r) => r.file).slice(0, 5).join(', ')}${results.length > 5 ? ', …' : ''})`;
    if (request.mode === 'image') {
        const seen = [...new Set(results.flatMap((r) => [...r.imagesSeen()]))].sort();
        return new ManifestEditError(`Image ${request.image.name} is not referenced in ${where}.`, seen.length > 0
            ? `The image name must match exactly (registry and path, no tag). Images found: ${seen.slice(0, 10).join(', ')}${seen.length > 10 ? ', …' : ''}.`
            : "These files reference no image; check 'files'.");
    }
    return new ManifestEditError(`Key path ${key_path_formatKeyPath(request.path)} exists in none of ${where}.`, "Check the key path against the file (list positions count from 0); a missing key is not created.");
}

;// CONCATENATED MODULE: ./packages/core/src/manifest/manifest-reader.ts




// A tag no manifest holds, so every matched place reports what it holds now as a change.
const PROBE = 'gitops-promote-probe-0f6c1d';
/**
 * Reads what `source` sets for the target, at every place the editor would edit. It asks the
 * editor itself (planning an edit to a probe value and reading back each change's `previous`),
 * so reader and editor can never disagree on what matches: the same image names, Kustomize,
 * Helm and Argo CD shapes, key paths, selectors and alias rules.
 */
function manifest_reader_readManifest(source, file, target) {
    const result = target.mode === 'image'
        ? editManifest(source, file, { mode: 'image', image: { name: target.name, tag: PROBE } })
        : editManifest(source, file, { mode: 'key', path: target.path, value: PROBE });
    if (target.mode === 'key')
        return result.changes.map((change) => ({ file, line: change.line, path: change.path, value: change.previous ?? '' }));
    return imageSites(file, result.changes);
}
/**
 * Groups the probe's changes by the place they belong to. A reference string (`image: app:1.2`,
 * `app=new:1.2`) is one change; a Kustomize entry or Helm map gives one change per field it sets
 * (`newTag`/`tag`, and `digest` cleared), which are joined on their parent path.
 */
function imageSites(file, changes) {
    const sites = new Map();
    for (const change of changes) {
        const field = /\.(newTag|tag|digest)$/.exec(change.path);
        if (!field) {
            const text = change.previous ?? '';
            const ref = parseImageReference(text.slice(text.indexOf('=') + 1));
            sites.set(`${change.document}:${change.path}`, withValue({ file, line: change.line, path: change.path, value: '', ...pick(ref) }));
            continue;
        }
        const path = change.path.slice(0, field.index);
        const key = `${change.document}:${path}`;
        const site = sites.get(key) ?? { file, line: change.line, path, value: '' };
        if (change.previous !== null && change.previous !== '') {
            if (field[1] === 'digest')
                site.digest = change.previous;
            else
                site.tag = change.previous;
        }
        site.line = Math.min(site.line, change.line);
        sites.set(key, withValue(site));
    }
    return [...sites.values()];
}
function pick(ref) {
    return { ...(ref.tag !== undefined ? { tag: ref.tag } : {}), ...(ref.digest !== undefined ? { digest: ref.digest } : {}) };
}
function withValue(site) {
    site.value = imageValue(site);
    return site;
}
/** What a read of the target an edit request sets looks for: its image name, or its key path. */
function readTargetOf(request) {
    return request.mode === 'image' ? { mode: 'image', name: request.image.name } : { mode: 'key', path: request.path };
}
/** The distinct values `files` (their text as read, before an edit) give the target. */
function valuesIn(files, target) {
    return [...new Set(files.filter((file) => file.source !== '').flatMap((file) => manifest_reader_readManifest(file.source, file.file, target).map((read) => read.value)))];
}
/** The one value a set of files gives the target; an error when they give none, or several. */
function singleValue(values, described, files) {
    const first = values[0];
    if (!first) {
        throw new ManifestEditError(`${described} is not set in ${files}.`, 'Check the image name or key and the source files: the value to promote is read from there.');
    }
    const distinct = [...new Set(values.map((value) => value.value))];
    if (distinct.length > 1) {
        const list = values.slice(0, 6).map((value) => `${value.file}:${value.line} ${JSON.stringify(value.value)}`).join(', ');
        throw new ManifestEditError(`${described} has ${distinct.length} different values in ${files}: ${list}${values.length > 6 ? ', …' : ''}.`, 'Make the source environment consistent first, or narrow the source files to the one that holds the value to promote.');
    }
    if (first.value === '') {
        throw new ManifestEditError(`${described} has no tag or digest at ${first.file}:${first.line}.`, "Give the value explicitly with 'tag', 'digest' or 'value'.");
    }
    return first;
}
// No image name holds a space, so this matches nothing, and no document is skipped as unable to match.
const NO_IMAGE = 'gitops-promote probe';
/** The image names `source` references, as the editor sees them (every document read). */
function imageNamesIn(source, file) {
    return [...editManifest(source, file, { mode: 'image', image: { name: NO_IMAGE, tag: PROBE } }).imagesSeen()].sort();
}
/**
 * Every image the files reference, by name as the manifests write it (a Kustomize entry answers
 * to its `name` and its `newName`, a Helm map to `registry/repository` and `repository`), with its
 * values and sites: what differs between two environments is a comparison of two of these.
 */
function manifest_reader_readImages(files) {
    const images = new Map();
    for (const { file, source } of files) {
        if (source === '')
            continue;
        for (const name of imageNamesIn(source, file))
            addSites(images, name, manifest_reader_readManifest(source, file, { mode: 'image', name }));
    }
    return images;
}
/** The same for key paths: each key (as formatKeyPath spells it) that the files set, with its values and sites. */
function readKeys(files, keys) {
    const found = new Map();
    for (const { file, source } of files) {
        if (source === '')
            continue;
        for (const path of keys)
            addSites(found, key_path_formatKeyPath(path), manifest_reader_readManifest(source, file, { mode: 'key', path }));
    }
    return found;
}
function addSites(into, name, sites) {
    if (sites.length === 0)
        return;
    const entry = into.get(name) ?? { values: [], sites: [] };
    for (const site of sites) {
        entry.sites.push(site);
        if (!entry.values.includes(site.value))
            entry.values.push(site.value);
    }
    into.set(name, entry);
}
/** Each name the source sets, beside what the target gives it, in name order. */
function compareValues(source, target) {
    return [...source.keys()].sort().map((name) => {
        const from = source.get(name) ?? { values: [], sites: [] };
        const to = target.get(name);
        const same = from.values.length === 1 && to !== undefined && to.values.length === 1 && to.values[0] === from.values[0];
        return { name, source: from, target: to, same };
    });
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var tinyglobby_dist = __webpack_require__(3382);
;// CONCATENATED MODULE: ./packages/core/src/files/repo-files.ts






const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/**
 * Resolves `files` entries (paths or globs, relative to `root`) to regular files inside `root`.
 * Refuses, before anything is written: a missing `root`, absolute paths, `..`, names holding
 * control characters, entries matching nothing, anything in a `.git` directory or a submodule's
 * `.git` file, and symlinks that lead outside the repository (a symlink inside it is edited at its
 * target). A glob obeys the same rules as a literal path: it never selects `.git` contents, and
 * matching a symlink out of the repository is an error, not a file quietly left out.
 */
async function selectFiles(root, entries) {
    const realRoot = await repositoryRoot(root);
    const selected = new Map();
    for (const entry of entries) {
        const posix = entry.replace(/\\/g, '/');
        refuseControlCharacters(entry, entry);
        if (external_node_path_default().isAbsolute(entry) || external_node_path_default().posix.isAbsolute(posix) || /^[A-Za-z]:/.test(posix)) {
            throw new errors_FileSelectionError(`'files' entry ${(0,one_line/* quoteForMessage */.H)(entry)} is an absolute path.`, "Give paths relative to 'path' (the environment repository's checkout), e.g. 'envs/dev/kustomization.yaml'.");
        }
        if (posix.split('/').includes('..')) {
            throw new errors_FileSelectionError(`'files' entry ${(0,one_line/* quoteForMessage */.H)(entry)} climbs out of the repository with '..'.`, "Point 'path' at the repository and give files relative to it.");
        }
        const dynamic = (0,tinyglobby_dist/* isDynamicPattern */.ey)(posix);
        if (!dynamic && inGitDirectory(posix.split('/')))
            refuseGitInternals(entry, `${posix} is`);
        // The ignore list only prunes the walk; a pattern naming `.git` itself (`.x/.git/*`) can still
        // match there, so matches are filtered on their path too.
        const matches = dynamic ? (await globWithSymlinks(realRoot, posix)).filter((match) => !inGitDirectory(match.split('/'))) : [posix];
        const files = [];
        for (const match of matches.sort()) {
            refuseControlCharacters(match, entry);
            const file = await resolveInside(realRoot, match, entry, dynamic);
            if (file)
                files.push(file);
        }
        if (files.length === 0) {
            throw new errors_FileSelectionError(`'files' entry ${(0,one_line/* quoteForMessage */.H)(entry)} matched no file under ${(0,one_line/* quoteForMessage */.H)(root)}.`, 'Check the path and the glob (globs are relative to `path`, skip .git and node_modules, and `**/*.yaml` spans subdirectories).');
        }
        for (const file of files)
            selected.set(file.absolute, file);
    }
    return [...selected.values()];
}
async function repositoryRoot(root) {
    const hint = "Set 'path' to the directory holding the environment repository's checkout (relative to the working directory), e.g. the `path:` given to actions/checkout.";
    let isDirectory;
    try {
        isDirectory = (await (0,promises_.stat)(root)).isDirectory();
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            throw new errors_FileSelectionError(`path ${(0,one_line/* quoteForMessage */.H)(root)} does not exist.`, hint);
        throw new errors_FileSelectionError(`path ${(0,one_line/* quoteForMessage */.H)(root)} cannot be read (${code ?? 'unknown error'}).`, hint);
    }
    if (!isDirectory)
        throw new errors_FileSelectionError(`path ${(0,one_line/* quoteForMessage */.H)(root)} is a file, not a directory.`, hint);
    return (0,promises_.realpath)(root);
}
/**
 * `.git` in any letter case, with trailing dots or spaces, or as the 8.3 short name `git~1`: on
 * Windows and macOS file systems all of these open the same directory, which is why git itself
 * refuses such names in trees.
 */
function inGitDirectory(segments) {
    return segments.some((segment) => /^(?:\.git[. ]*|git~1)$/i.test(segment));
}
/** `what` ends in a verb: `lib/.git is`, `envs/x.yaml resolves to .git/config,`. */
function refuseGitInternals(entry, what) {
    throw new errors_FileSelectionError(`'files' entry ${(0,one_line/* quoteForMessage */.H)(entry)}: ${what} inside git's own data (a .git directory or a submodule's .git file).`, 'Name manifest files of the repository; git internals and submodule checkouts are never edited.');
}
/** A newline would split the name in git's output and our messages; other controls can drive the terminal. */
function refuseControlCharacters(name, entry) {
    if (!CONTROL.test(name))
        return;
    throw new errors_FileSelectionError(name === entry
        ? `'files' entry ${(0,one_line/* quoteForMessage */.H)(entry)} contains a control character.`
        : `'files' entry ${(0,one_line/* quoteForMessage */.H)(entry)} matches ${(0,one_line/* quoteForMessage */.H)(name)}, whose name contains a control character.`, 'Rename the file without newlines, tabs or other control characters, or narrow the glob so it does not match it.');
}
/**
 * tinyglobby with `followSymbolicLinks: false` leaves symlinks out of its results altogether, so a
 * glob could neither edit a link inside the repository nor notice one leading out of it. Reporting
 * each symlink as a plain file entry lets the glob match it by name without ever following it (a
 * linked directory is not walked); resolveInside then decides what the link may be.
 */
function globWithSymlinks(cwd, pattern) {
    return (0,tinyglobby_dist/* glob */.TI)(pattern, {
        cwd,
        dot: false,
        onlyFiles: true,
        followSymbolicLinks: false,
        ignore: ['**/.git', '**/.git/**', '**/node_modules/**'],
        expandDirectories: false,
        fs: symlinksAsFiles,
    });
}
function readdirWithSymlinksAsFiles(dir, _options, callback) {
    (0,external_node_fs_.readdir)(dir, { withFileTypes: true }, (error, entries) => {
        if (error) {
            callback(error, []);
            return;
        }
        for (const entry of entries) {
            if (!entry.isSymbolicLink())
                continue;
            entry.isFile = () => true;
            entry.isSymbolicLink = () => false;
        }
        callback(null, entries);
    });
}
const symlinksAsFiles = { readdir: readdirWithSymlinksAsFiles };
/**
 * The file `relative` names, at its real path. Undefined only for a glob match that is a symlink
 * to a directory in the repository: globs select files, as they do for real directories.
 * `relative` is printed as is: its characters were checked by refuseControlCharacters.
 */
async function resolveInside(realRoot, relative, entry, fromGlob) {
    const candidate = external_node_path_default().join(realRoot, relative);
    let real;
    try {
        real = await (0,promises_.realpath)(candidate);
    }
    catch {
        const target = await linkTarget(candidate);
        throw new errors_FileSelectionError(target === undefined
            ? `'files' entry ${(0,one_line/* quoteForMessage */.H)(entry)}: ${relative} does not exist.`
            : `'files' entry ${(0,one_line/* quoteForMessage */.H)(entry)}: ${relative} is a symlink to ${(0,one_line/* quoteForMessage */.H)(target)}, which does not exist.`, 'Check the spelling and that the checkout (`path`) is the environment repository; fix or remove a broken symlink.');
    }
    const inside = external_node_path_default().relative(realRoot, real);
    if (inside === '' || inside.startsWith('..') || external_node_path_default().isAbsolute(inside)) {
        const isLink = (await linkTarget(candidate)) !== undefined;
        throw new errors_FileSelectionError(`'files' entry ${(0,one_line/* quoteForMessage */.H)(entry)}: ${relative} ${isLink ? 'is a symlink leading' : 'leads through a symlink'} outside the repository, to ${(0,one_line/* quoteForMessage */.H)(real)}.`, 'Edit files that live in the repository; symlinks out of it are refused so a step cannot write elsewhere on the runner (narrow the glob if it should not match this link).');
    }
    const posixInside = inside.split((external_node_path_default()).sep).join('/');
    if (inGitDirectory(inside.split((external_node_path_default()).sep)))
        refuseGitInternals(entry, `${relative} resolves to ${(0,one_line/* quoteForMessage */.H)(posixInside)},`);
    const stats = await (0,promises_.lstat)(real);
    if (!stats.isFile()) {
        if (fromGlob && stats.isDirectory())
            return undefined;
        throw new errors_FileSelectionError(`'files' entry ${(0,one_line/* quoteForMessage */.H)(entry)}: ${relative} is not a regular file.`, 'Name files, or use a glob such as `envs/dev/*.yaml` for a directory.');
    }
    return { relative: posixInside, absolute: real };
}
/** What the symlink at `file` points to, as written; undefined when `file` is not a symlink. */
async function linkTarget(file) {
    try {
        return await (0,promises_.readlink)(file);
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./packages/core/src/git/errors.ts
var git_errors = __webpack_require__(5207);
// EXTERNAL MODULE: ./packages/core/src/forge/errors.ts
var forge_errors = __webpack_require__(798);
;// CONCATENATED MODULE: ./packages/core/src/promotion/api-commits.ts



/**
 * The git publishers' sign-commits hook, made by `forge`: a commit the forge refuses because the
 * branch moved or appeared meanwhile (a BranchMovedError) is a lost race, said in the log and
 * re-planned on the new tip like a rejected push.
 */
function apiCommitterOf(forge, log) {
    const commit = forge.commitThroughApi?.bind(forge);
    if (!commit) {
        throw new forge_errors/* ForgeError */.Q8(`sign-commits is not available on ${forge.kind}.`, 'Remove sign-commits, or sign commits with a key your CI holds and push them yourself.', 0);
    }
    return async (request) => {
        try {
            return await commit(request);
        }
        catch (error) {
            if (!(error instanceof forge_errors/* ForgeBranchMovedError */.Rf))
                throw error;
            log(`The forge refused the branch update (${error.message}); reading the branch again.`);
            throw new git_errors/* BranchMovedError */.wk(error.message, error.hint, request.expectedHead);
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
        throw new InputError(`sign-commits commits through the GitHub API, but remote '${remote.name}' is not a GitHub HTTPS URL (${platform.redact(remote.url)}).`, 'Use a GitHub remote (https://github.com/owner/repo.git, or your GitHub Enterprise host), or remove sign-commits.');
    }
    const forge = await context.openForge({ kind: 'github', apiUrl: github.apiUrl, repository: github.repository, token: remote.token }, platform);
    return apiCommitterOf(forge, (message) => platform.info(message));
}

// EXTERNAL MODULE: ./packages/core/src/runtime/retry.ts + 2 modules
var retry = __webpack_require__(8237);
;// CONCATENATED MODULE: ./packages/core/src/promotion/race-policy.ts

/**
 * The retry policy of every loop that writes to a shared branch (publish, the change branch): a
 * branch that moved is tried again until push-timeout is spent, each wait said in the log, and
 * the budget's end reported as PushRetriesExhaustedError with the caller's words.
 */
function race_policy_branchRacePolicy(budget, said) {
    return {
        timeoutMs: budget.timeoutMs,
        backoff: budget.backoff,
        clock: budget.clock,
        retryable: git_errors/* isBranchMoved */.Kc,
        exhausted: (attempts) => new git_errors/* PushRetriesExhaustedError */.KJ(said.exhausted(attempts), said.exhaustedHint),
        onRetry: (attempt, delay, left) => budget.info(said.onRetry(attempt, delay, left)),
    };
}

;// CONCATENATED MODULE: ./packages/core/src/files/write-file.ts



/** `.<name>.gitops-promote-<pid>-<time>.tmp`: a temp file of ours, and the process that wrote it. */
const TEMP_NAME = /^\..+\.gitops-promote-(\d+)-\d+\.tmp$/;
/** Temp files this process has created and not yet renamed or removed. */
const inFlight = new Set();
/**
 * Replaces a file's content all at once: write a sibling temp file, keep the mode, rename over.
 * A crash or a full disk leaves the old file or the new one, never half of each. A CI cancel
 * (SIGTERM, SIGINT) in between removes the temp file before the process ends; after a SIGKILL,
 * the next run's `removeStaleTempFiles` does.
 */
async function write_file_writeFileAtomically(file, content) {
    // A file that does not exist yet (the hold record's) is created with its folder, mode 0644.
    const mode = await stat(file).then((stats) => stats.mode, async () => {
        await mkdir(path.dirname(file), { recursive: true });
        return 0o644;
    });
    const temp = path.join(path.dirname(file), `.${path.basename(file)}.gitops-promote-${process.pid}-${Date.now()}.tmp`);
    track(temp);
    try {
        await writeFile(temp, content, { encoding: 'utf8', mode });
        await chmod(temp, mode);
        await rename(temp, file);
    }
    catch (error) {
        await unlink(temp).catch(() => undefined);
        throw error;
    }
    finally {
        untrack(temp);
    }
}
/**
 * Deletes temp files of ours in `dirs` whose writer is gone (killed mid-write), so they never end
 * up in a `git add -A` or a later glob. A file whose process still runs is left alone: it may be
 * a concurrent run's write about to be renamed.
 */
async function removeStaleTempFiles(dirs) {
    const removed = [];
    for (const dir of new Set(dirs)) {
        let names;
        try {
            names = await readdir(dir);
        }
        catch {
            continue;
        }
        for (const name of names) {
            const pid = TEMP_NAME.exec(name)?.[1];
            const file = path.join(dir, name);
            // Our own pid in the name: a write of ours in flight, or a leftover of an earlier process
            // that had the same pid (containers number processes alike from run to run).
            if (pid === undefined || inFlight.has(file) || (Number(pid) !== process.pid && isRunning(Number(pid))))
                continue;
            await unlink(file).then(() => removed.push(file), () => undefined);
        }
    }
    return removed;
}
function isRunning(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        // EPERM: the process exists but belongs to someone else.
        return error.code === 'EPERM';
    }
}
const SIGNALS = (/* unused pure expression or super */ null && (['SIGTERM', 'SIGINT', 'SIGHUP']));
function onSignal(signal) {
    for (const temp of inFlight) {
        try {
            unlinkSync(temp);
        }
        catch {
            // Already renamed or removed.
        }
    }
    inFlight.clear();
    for (const name of SIGNALS)
        process.removeListener(name, onSignal);
    // With our listener gone, the same signal ends the process the default way (exit code 128+n).
    process.kill(process.pid, signal);
}
/** Registers a temp file to delete if a signal ends the process before `untrack`; exported for tests. */
function track(temp) {
    if (inFlight.size === 0)
        for (const name of SIGNALS)
            process.on(name, onSignal);
    inFlight.add(temp);
}
function untrack(temp) {
    inFlight.delete(temp);
    if (inFlight.size === 0)
        for (const name of SIGNALS)
            process.removeListener(name, onSignal);
}

// EXTERNAL MODULE: ./packages/core/src/git/git-repository.ts + 3 modules
var git_repository = __webpack_require__(1089);
;// CONCATENATED MODULE: ./packages/core/src/promotion/publisher.ts








/** The files whose content must change (or that a commit lacks) for the values to be there. */
function changedOnly(files) {
    return files.filter((file) => file.pending === true || file.output !== file.source);
}
/**
 * Commits the planned writes: files written, exactly those committed. If the commit fails (a
 * hook, a missing identity, signing), the files get their old bytes back, so a failed run leaves
 * the work tree as it found it.
 */
async function commitWrites(repo, planned, message, author) {
    const changed = changedOnly(planned);
    const dirty = await repo.dirtyFiles(changed.map((file) => file.file));
    if (dirty.length > 0) {
        throw new FileSelectionError(`Uncommitted changes in ${dirty.join(', ')} would be committed along with the edit.`, 'Commit or stash them first, or run with commit: false.');
    }
    for (const file of changed)
        await writeFileAtomically(file.absolute, file.output);
    try {
        return await repo.commit(changed.map((file) => file.file), message, author);
    }
    catch (error) {
        for (const file of changed)
            await writeFileAtomically(file.absolute, file.source);
        await repo.unstage(changed.map((file) => file.file));
        throw error;
    }
}
/** Commits the planned writes without pushing (push: false) and says so; '' when nothing changes. */
async function commitLocally(repo, planned, message, author, info) {
    if (changedOnly(planned).length === 0)
        return '';
    const sha = await commitWrites(repo, planned, message, author);
    info(`Committed ${sha.slice(0, 12)}: ${message.split('\n')[0] ?? ''}`);
    return sha;
}
/**
 * The one way a step lands a change on a branch: decided against the remote tip, committed,
 * pushed, and re-made on the new tip whenever another writer got there first, until the time
 * budget is spent. Nothing is force-pushed, so nobody's commit is ever lost.
 *
 * `changed: false` means the remote branch holds the values — not merely the checkout, which may
 * hold them in an unpushed commit or an uncommitted edit from a cancelled run.
 */
async function publish(request, initial) {
    const { repo, remote, branch } = request;
    const tip = request.fetched ? request.fetched.tip : await repo.fetch(remote, branch);
    const checkedOut = await repo.currentBranch();
    // Another branch than the checked-out one: the checkout's branch is none of this run's business.
    const elsewhere = checkedOut !== undefined && checkedOut !== branch;
    let remotePlan;
    if (tip !== undefined) {
        remotePlan = await request.plan(tip);
        if (changedOnly(remotePlan).length === 0) {
            request.info(changedOnly(initial).length > 0
                ? `${remote}/${branch} already holds the values at ${tip.slice(0, 12)} (the checkout is behind it); nothing to push.`
                : `${remote}/${branch} already holds the values at ${tip.slice(0, 12)}; nothing to push.`);
            return { changed: false, pushed: false, commitSha: tip, planned: remotePlan };
        }
    }
    if (request.commitThroughApi)
        return commitThroughApi(request, request.commitThroughApi, tip, remotePlan ?? initial, !elsewhere);
    if (elsewhere)
        return publishOnto(request, tip, remotePlan);
    if (changedOnly(initial).length === 0)
        return pushHeldLocally(request, tip, remotePlan ?? initial);
    const base = await repo.head();
    await nameCommitsRidingAlong(request, base, tip);
    const message = request.message(initial);
    const state = { commitSha: await commitWrites(repo, initial, message, request.author), planned: initial, changed: true };
    request.info(`Committed ${state.commitSha.slice(0, 12)}: ${message.split('\n')[0] ?? ''}`);
    return pushWithRetries(request, base, state).catch(async (error) => {
        // A run that cannot push leaves the checkout as it found it: our unpushed commit is undone
        // (`--keep` refuses rather than touch other local work), and running again redoes it.
        await repo.resetKeep(base).then(() => request.info(`The unpushed commit was undone; the checkout is back at ${base.slice(0, 12)}.`), () => request.info(`The unpushed commit ${state.commitSha.slice(0, 12)} is still in the checkout.`));
        throw error;
    });
}
/**
 * The work tree already holds the values but the remote does not: a run cancelled between commit
 * and push, or someone's unpushed commit. Push the local commit that holds them; an uncommitted
 * edit is refused by name rather than reported as done.
 */
async function pushHeldLocally(request, tip, remotePlan) {
    const { repo, remote, branch } = request;
    const needed = changedOnly(remotePlan).map((file) => file.file);
    const dirty = await repo.dirtyFiles(needed);
    if (dirty.length > 0) {
        throw new FileSelectionError(`${dirty.join(', ')} already ${dirty.length === 1 ? 'holds' : 'hold'} the values in the work tree, but uncommitted: ${remote}/${branch} does not have them.`, `Commit and push the change yourself, or discard it (git checkout -- ${dirty.join(' ')}) so the step makes and pushes the commit.`);
    }
    const head = await repo.head();
    if (tip !== undefined && head === tip) {
        throw new FileSelectionError(`${needed.join(', ')} ${needed.length === 1 ? 'holds' : 'hold'} the values in the work tree, but git does not track ${needed.length === 1 ? 'it' : 'them'} (ignored?), so ${remote}/${branch} cannot get them.`, 'Select tracked files, or remove them from .gitignore and commit them.');
    }
    if (tip !== undefined && !(await repo.isAncestor(tip, head))) {
        throw new GitError(`The checkout holds the values in local commits, but it has diverged from ${remote}/${branch}.`, `Rebase or drop the local commits (git log ${remote}/${branch}...HEAD), then run again.`);
    }
    request.info(`The checkout holds the values in unpushed commit ${head.slice(0, 12)}; pushing it to ${remote}/${branch}.`);
    await nameCommitsRidingAlong(request, head, tip);
    return pushWithRetries(request, head, { commitSha: head, planned: remotePlan, changed: true });
}
/**
 * A push sends every local commit the remote lacks, not only the one this run makes: an earlier
 * `push: false` run's commit, or someone's local work, would land unannounced. Each is named in
 * the log (sha, subject, author) before the push, so what reaches the environment is never a
 * surprise.
 */
async function nameCommitsRidingAlong(request, head, tip) {
    const { repo, remote, branch } = request;
    const riding = await repo.commitsOnlyIn(head, tip ?? `--remotes=${remote}`);
    if (riding.length === 0)
        return;
    request.info(`The push also carries ${riding.length} commit${riding.length === 1 ? '' : 's'} that ${remote}/${branch} lacks and this run did not make: ${riding
        .map((commit) => `${commit.sha.slice(0, 12)} "${commit.subject}" by ${commit.author}`)
        .join('; ')}.`);
}
/**
 * Pushes; after each lost race, waits (see retryDelayMs), rebuilds on the remote tip and pushes
 * again, until the budget is spent. Resolves with what landed (nothing, when a rebuild found the
 * remote already holding the values). Only a lost race is retried: a refusal, or a failure while
 * re-applying (fetch refused, `reset --keep` protecting local work), would fail the same way
 * after every backoff.
 */
async function pushWithRetries(request, base, state) {
    const { repo, remote, branch } = request;
    const landed = () => {
        if (state.changed)
            request.info(`Pushed ${state.commitSha.slice(0, 12)} to ${remote}/${branch}.`);
        return { changed: state.changed, pushed: state.changed, commitSha: state.commitSha, planned: state.planned };
    };
    return retrying(racePolicy(request, {
        exhaustedHint: PUSH_EXHAUSTED_HINT,
        onRetry: (attempt, delay, left) => `Push attempt ${attempt}: the remote branch moved; fetching and re-applying the edit in ${formatDuration(delay)} (${formatDuration(left)} left of push-timeout).`,
    }), async (attempt) => {
        if (attempt > 1)
            await rebuildOnRemote(request, base, state);
        if (!state.changed)
            return landed();
        await pushOrThrow(repo.push(remote, branch), branch);
        return landed();
    });
}
const PUSH_EXHAUSTED_HINT = 'Run the step again or raise push-timeout; if this repeats, fewer concurrent writers to one branch (or a merge queue) will help.';
/** A push's outcome as the retry loop takes it: a lost race is a BranchMovedError, a refusal a GitError. */
async function pushOrThrow(pushing, branch, expectedHead) {
    const outcome = await pushing;
    if (outcome.ok)
        return;
    if (outcome.race)
        throw new BranchMovedError(`git push to ${branch} lost a race: ${outcome.message}`, 'Run the step again.', expectedHead);
    throw new GitError(`git push to ${branch} was refused: ${outcome.message}`, fetchHint(outcome.message));
}
/** How the publishers retry: a moved branch until push-timeout is spent, each wait said in the log. */
function racePolicy(request, said) {
    return branchRacePolicy(request, {
        exhausted: (attempts) => said.exhausted?.(attempts) ??
            `Could not push to ${request.branch} within push-timeout ${formatDuration(request.timeoutMs)} (${attempts} attempt${attempts === 1 ? '' : 's'}): other pushes kept moving the branch.`,
        exhaustedHint: said.exhaustedHint,
        onRetry: said.onRetry,
    });
}
/**
 * After a lost race: move to the remote tip, edit the files as they are now, commit again. A
 * commit of ours that the remote lacks is dropped (it is re-made); a local commit that is not ours
 * would be lost by the reset, so that stops the run instead.
 */
async function rebuildOnRemote(request, base, state) {
    const { repo, remote, branch } = request;
    const tip = await repo.fetch(remote, branch);
    if (!tip) {
        throw new GitError(`Branch ${branch} was deleted from ${remote} while the push was being retried.`, `Recreate ${branch} on ${remote} (or set 'branch'), then run again.`);
    }
    const unpushed = await repo.countMissing(base, tip);
    if (unpushed > 0) {
        throw new GitError(`The local branch has ${unpushed} commit(s) that ${remote}/${branch} does not, and the push was rejected.`, `Push or drop those commits first (git log ${remote}/${branch}..HEAD), or check out ${branch} itself; resetting onto the remote would lose them.`);
    }
    await repo.resetKeep(tip);
    const planned = await request.plan();
    state.planned = planned;
    if (changedOnly(planned).length === 0) {
        request.info(`${remote}/${branch} already has the requested values; nothing to push.`);
        state.changed = false;
        state.commitSha = tip;
        return;
    }
    state.commitSha = await commitWrites(repo, planned, request.message(planned), request.author);
}
/**
 * sign-commits: each attempt asks the forge to commit the plan onto the remote tip, moving the
 * branch only by fast-forward; a tip that moved meanwhile is a lost race, re-planned on the new tip
 * like a rejected push. Paths go to the forge relative to the repository root.
 */
async function commitThroughApi(request, committer, firstTip, firstPlan, followCheckout) {
    const { repo, remote, branch } = request;
    const prefix = await repo.prefix();
    let tip = firstTip;
    let planned = firstPlan;
    const policy = racePolicy(request, {
        exhausted: (attempts) => `Could not commit to ${branch} within push-timeout ${formatDuration(request.timeoutMs)} (${attempts} attempts): other pushes kept moving the branch.`,
        exhaustedHint: 'Run the step again or raise push-timeout.',
        onRetry: (attempt, delay) => `Attempt ${attempt}: ${branch} moved; re-applying the edit on the new tip in ${formatDuration(delay)}.`,
    });
    return retrying(policy, async (attempt) => {
        if (attempt > 1) {
            tip = await repo.fetch(remote, branch);
            if (tip !== undefined) {
                planned = await request.plan(tip);
                if (changedOnly(planned).length === 0) {
                    request.info(`${remote}/${branch} already holds the values at ${tip.slice(0, 12)}; nothing to commit.`);
                    return { changed: false, pushed: false, commitSha: tip, planned };
                }
            }
        }
        if (tip === undefined) {
            throw new GitError(`Branch ${branch} does not exist on ${remote}; sign-commits commits onto an existing branch.`, `Create ${branch} first, or set 'branch' to an existing one.`);
        }
        const files = rootFiles(prefix, planned);
        const made = await committer({ branch, parent: tip, parentTree: await repo.treeOf(tip), message: request.message(planned), files, expectedHead: tip, fastForwardOnly: true });
        request.info(`The forge committed ${made.sha.slice(0, 12)} to ${branch}${made.verified ? ' (signed, Verified)' : ''}.`);
        if (followCheckout)
            await moveCheckout(request, made.sha);
        return { changed: true, pushed: true, commitSha: made.sha, planned, verified: made.verified };
    });
}
/** The changed files as commits name them: relative to the repository root (`path` may be below it). */
function rootFiles(prefix, planned) {
    return changedOnly(planned).map((file) => ({ path: posix.normalize(`${prefix}${file.file}`), content: file.output }));
}
/**
 * `branch` is not the checked-out one: each attempt commits the plan onto the remote tip with
 * plumbing (no work tree, no index, no ref of the checkout moves) and pushes it with a lease on
 * that tip; a tip that moved meanwhile is a lost race, re-planned on the new tip. A branch the
 * remote lacks is created from the checkout's HEAD.
 */
async function publishOnto(request, firstTip, firstPlan) {
    const { repo, remote, branch } = request;
    const prefix = await repo.prefix();
    let tip = firstTip;
    let planned = firstPlan;
    const policy = racePolicy(request, {
        exhaustedHint: PUSH_EXHAUSTED_HINT,
        onRetry: (attempt, delay) => `Push attempt ${attempt}: ${remote}/${branch} moved; re-applying the edit on its new tip in ${formatDuration(delay)}.`,
    });
    return retrying(policy, async (attempt) => {
        if (attempt > 1) {
            tip = await repo.fetch(remote, branch);
            planned = undefined;
        }
        const parent = tip ?? (await repo.head());
        planned ??= await request.plan(parent);
        if (tip !== undefined && changedOnly(planned).length === 0) {
            request.info(`${remote}/${branch} already holds the values at ${tip.slice(0, 12)}; nothing to push.`);
            return { changed: false, pushed: false, commitSha: tip, planned };
        }
        const message = request.message(planned);
        const sha = await repo.commitOnto(parent, rootFiles(prefix, planned), message, request.author);
        await pushOrThrow(repo.pushLeased(remote, sha, branch, tip), branch, tip);
        request.info(`Committed ${sha.slice(0, 12)} onto ${remote}/${branch} (the checked-out branch is left as it is): ${message.split('\n')[0] ?? ''}`);
        return { changed: true, pushed: true, commitSha: sha, planned };
    });
}
/** After an API commit: the checkout follows the branch, when it can without touching local work. */
async function moveCheckout(request, sha) {
    const { repo, remote, branch } = request;
    try {
        await repo.fetch(remote, branch);
        // Only forward: a checkout with commits of its own stays as it is rather than lose them.
        if (!(await repo.isAncestor(await repo.head(), sha)))
            throw new Error('diverged');
        await repo.resetKeep(sha);
        request.info(`The checkout is now at ${sha.slice(0, 12)}.`);
    }
    catch {
        request.info(`The checkout stays where it was; ${remote}/${branch} is at ${sha.slice(0, 12)} (fetch it to follow).`);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/promotion/change-branch.ts







/** The change branch a step keeps for `kind` of change (none: a promotion) of `parts` (environment, target). */
function changeBranchName(kind, parts) {
    return ['gitops-promote', ...(kind ? [kind] : []), ...parts.map(branchSegment)].join('/');
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
        throw new errors/* InputError */.dz(`Input 'branch' is the base branch itself (${base}): the change would be pushed straight to ${base} instead of into a change request.`, "Leave 'branch' empty (gitops-promote/<environment>/<target>) or name another branch; 'base' is the branch the change request targets (the repository's default branch when empty).");
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
        throw new git_errors/* GitError */.XS(`Base branch ${base} does not exist in the environment repository.`, "Set 'base' to an existing branch, or leave it empty for the repository's default branch.");
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
    return (0,retry/* retrying */.R$)(race_policy_branchRacePolicy(request, {
        exhausted: (attempts) => `Could not update ${request.branch} within push-timeout ${(0,duration/* formatDuration */.a)(request.timeoutMs)} (${attempts} attempt${attempts === 1 ? '' : 's'}): it kept changing under us.`,
        exhaustedHint: 'Another run is promoting to the same branch; run the step again or raise push-timeout.',
        onRetry: (attempt, delay) => `Attempt ${attempt}: ${request.branch} moved since it was read; reading it again in ${(0,duration/* formatDuration */.a)(delay)}.`,
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
    if (changedOnly(fromBase).length === 0)
        return { kind: 'base-holds', baseTip, headSha: head, planned: fromBase };
    let parent = baseTip;
    let planned = fromBase;
    if (head !== undefined) {
        const foreign = (await repo.commitsOnlyIn(head, baseTip)).filter((commit) => !request.ours(commit));
        if (foreign.length > 0) {
            // Build on their work when it leaves our files alone; where it touches them, our edit would
            // silently override what a person chose, so that is theirs to resolve.
            const ours = new Set(changedOnly(fromBase).map((file) => file.file));
            const touching = await filesTouched(repo, foreign, ours);
            if (touching.length > 0)
                throw foreignCommitError(branch, foreign, touching);
            parent = head;
            planned = await request.plan(head);
            if (changedOnly(planned).length === 0) {
                request.info(`${branch} already holds the values on top of the commits people added; nothing to push.`);
                return { kind: 'unchanged', baseTip, headSha: head, planned };
            }
            request.info(`${branch} holds ${foreign.length} commit(s) not written by gitops-promote (${change_branch_short(foreign[0])}); adding the change on top of them.`);
        }
    }
    const message = request.message(planned);
    const files = changedOnly(planned).map((file) => ({ path: file.file, content: file.output }));
    const sha = await repo.commitOnto(parent, files, message, request.author);
    if (head !== undefined && parent === baseTip && (await repo.parentsOf(head)).join(' ') === baseTip && (await repo.treeOf(head)) === (await repo.treeOf(sha))) {
        request.info(`${branch} already holds this change on ${base}'s tip (${head.slice(0, 12)}); nothing to push.`);
        return { kind: 'unchanged', baseTip, headSha: head, planned };
    }
    if (request.commitThroughApi) {
        const made = await request.commitThroughApi({ branch, parent, parentTree: await repo.treeOf(parent), message, files, ...(head !== undefined ? { expectedHead: head } : {}) }).catch((error) => {
            // The head this attempt expected, whatever the forge's error names: the next attempt compares against it.
            throw (0,git_errors/* isBranchMoved */.Kc)(error) ? new git_errors/* BranchMovedError */.wk(error.message, error.hint, head) : error;
        });
        request.info(`The forge committed ${made.sha.slice(0, 12)} to ${branch}${made.verified ? ' (signed, Verified)' : ''}.`);
        return { kind: 'pushed', baseTip, headSha: made.sha, previousHead: head, planned, verified: made.verified };
    }
    const pushed = await repo.pushLeased(remote, sha, branch, head);
    if (!pushed.ok) {
        if (pushed.race)
            throw new git_errors/* BranchMovedError */.wk(`git push to ${branch} lost a race: ${pushed.message}`, 'Run the step again.', head);
        throw new git_errors/* GitError */.XS(`git push to ${branch} was refused: ${pushed.message}`, 'The token needs write access to the environment repository (GitHub: contents: write; GitLab: write_repository), and branch protection must allow pushing branches named like this one.');
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
    if (changedOnly(held).length === 0)
        return undefined;
    request.info(`${request.branch} was replaced while this run worked, by ${change_branch_short(top)}, which holds other values; it is left as it is.`);
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
    if (changedOnly(held).length === 0)
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
function change_branch_short(commit) {
    return commit ? `${commit.sha.slice(0, 7)} "${commit.subject}" by ${commit.author}` : '';
}
function foreignCommitError(branch, foreign, touching) {
    return new git_errors/* GitError */.XS(`${branch} holds ${foreign.length === 1 ? 'a commit' : `${foreign.length} commits`} that gitops-promote did not write, changing ${touching.join(', ')}: ${foreign.slice(0, 3).map(change_branch_short).join('; ')}. It is not overwritten.`, `Merge or close the change request that carries it (or revert it on ${branch}); when the branch holds only gitops-promote's commits, or is deleted, the next run updates it.`);
}

;// CONCATENATED MODULE: ./packages/core/src/promotion/change-request.ts
/**
 * Invisible in the rendered body: says gitops-promote wrote it, and whom it asked for review. A
 * reviewer who has reviewed drops out of the forge's requested reviewers; remembering the request
 * here keeps later runs from asking them again.
 */
const change_request_MARKER = /<!-- gitops-promote(?::[a-z-]+)?(?: requested=([^\s]*))? -->/;
function marker(requested) {
    return `<!-- gitops-promote${requested.length > 0 ? ` requested=${requested.map(encodeURIComponent).join(',')}` : ''} -->`;
}
/** The reviewers (users, and teams as `team:slug`) an earlier run asked, read from the body's marker. */
function requestedBefore(body) {
    const list = change_request_MARKER.exec(body)?.[1];
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
        const current = outcome.kind === 'superseded' ? outcome : await rereadChangeBranch(sync, outcome);
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
    const failed = await deleteCreatedBranch(sync.repo, sync.remote, sync.branch, sha).catch((caught) => (caught instanceof Error ? caught.message : String(caught)));
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./packages/core/src/promotion/trailers.ts
/**
 * Git trailers on every commit a step makes, so history says, to machines as much as to people,
 * which commits were promotions and rollbacks and what they set (`git log --format=%(trailers)`).
 * Keys are fixed; values are single lines (inputs are validated as such before they get here).
 *
 * A commit that sets one value names it in `Image`/`Key`, `Value` and `Previous` trailers. A commit
 * that sets several (a train) names each in its own `Gitops-Promote-Set` trailer (git trailers may
 * repeat a key), whose value is one line of JSON: `{"image":…,"value":…,"previous":[…]}` or
 * `{"key":…,…}`, with `rolledBackFrom` when a rollback moved it away from that value. JSON because
 * key paths and key values may hold spaces, `=` and commas; a train has no `Image`/`Key`/`Value`
 * trailers, so a reader of the one-value form never mistakes it for one.
 */
const TRAILER_PREFIX = 'Gitops-Promote-';
/** The trailer key (without the prefix) of one value of a train. */
const SET_TRAILER = 'Set';
/** Whether a commit is one a run of `step` wrote: its trailers say so (a person's commit has none). */
function writtenBy(step) {
    return (commit) => readTrailers(commit.message).get('Step') === step;
}
/**
 * `message` with the record's trailers appended as its last paragraph. A train of one value is
 * written exactly as a one-value commit (its rollback mark as Rolled-Back-From/-To trailers).
 */
function withTrailers(message, record) {
    if (!('values' in record))
        return appendTrailers(message, singleTrailers(record));
    const [only, ...more] = record.values;
    if (only && more.length === 0)
        return appendTrailers(message, singleTrailers(singleOfTrain(record, only)));
    const lines = [`${TRAILER_PREFIX}Step: ${record.step}`];
    for (const value of record.values)
        lines.push(`${TRAILER_PREFIX}${SET_TRAILER}: ${JSON.stringify(setEntry(value))}`);
    if (record.environment)
        lines.push(`${TRAILER_PREFIX}Environment: ${record.environment}`);
    for (const [name, value] of Object.entries(record.extra ?? {}))
        lines.push(`${TRAILER_PREFIX}${name}: ${withoutLineBreaks(value)}`);
    return appendTrailers(message, lines);
}
function singleTrailers(record) {
    const lines = [`${TRAILER_PREFIX}Step: ${record.step}`];
    if (record.image !== undefined)
        lines.push(`${TRAILER_PREFIX}Image: ${record.image}`);
    if (record.key !== undefined)
        lines.push(`${TRAILER_PREFIX}Key: ${record.key}`);
    lines.push(`${TRAILER_PREFIX}Value: ${record.value}`);
    const previous = [...new Set(record.previous)].filter((value) => value !== record.value);
    if (previous.length > 0)
        lines.push(`${TRAILER_PREFIX}Previous: ${previous.join(', ')}`);
    if (record.environment)
        lines.push(`${TRAILER_PREFIX}Environment: ${record.environment}`);
    for (const [name, value] of Object.entries(record.extra ?? {}))
        lines.push(`${TRAILER_PREFIX}${name}: ${withoutLineBreaks(value)}`);
    return lines;
}
function singleOfTrain(train, value) {
    const rollback = value.rolledBackFrom !== undefined ? { 'Rolled-Back-From': value.rolledBackFrom, 'Rolled-Back-To': value.value } : {};
    return {
        step: train.step,
        ...(value.image !== undefined ? { image: value.image } : {}),
        ...(value.key !== undefined ? { key: value.key } : {}),
        value: value.value,
        previous: value.previous,
        ...(train.environment ? { environment: train.environment } : {}),
        extra: { ...rollback, ...train.extra },
    };
}
/** A train entry as written: fixed field order, previous values distinct and without the value. */
function setEntry(value) {
    return {
        ...(value.image !== undefined ? { image: value.image } : {}),
        ...(value.key !== undefined ? { key: value.key } : {}),
        value: value.value,
        previous: [...new Set(value.previous)].filter((previous) => previous !== value.value),
        ...(value.rolledBackFrom !== undefined ? { rolledBackFrom: value.rolledBackFrom } : {}),
    };
}
function appendTrailers(message, lines) {
    return `${message.trimEnd()}\n\n${lines.map(withoutLineBreaks).join('\n')}\n`;
}
/** The `Gitops-Promote-*` trailers of a commit message (keys without the prefix), last paragraph only; a repeated key gives its last value. */
function readTrailers(message) {
    return new Map(readTrailerList(message));
}
/** Every `Gitops-Promote-*` trailer of the last paragraph, in order, repeated keys included. */
function readTrailerList(message) {
    const paragraphs = message.trimEnd().split(/\n\s*\n/);
    const last = paragraphs[paragraphs.length - 1] ?? '';
    const trailers = [];
    for (const line of last.split('\n')) {
        const match = /^Gitops-Promote-([A-Za-z-]+):\s*(.*)$/.exec(line.trim());
        if (match?.[1] !== undefined && match[2] !== undefined)
            trailers.push([match[1], match[2]]);
    }
    return trailers;
}
/**
 * Every value a commit's trailers say it set, in either form: the `Set` entries of a train, or the
 * one value of `Image`/`Key` + `Value` (+ `Previous`, `Rolled-Back-From`). Empty for a commit no
 * step wrote; a malformed `Set` entry (edited by hand) is skipped.
 */
function trailers_valuesOfCommit(message) {
    const list = readTrailerList(message);
    const sets = list.filter(([name]) => name === SET_TRAILER).map(([, value]) => parseSetEntry(value));
    if (sets.length > 0)
        return sets.filter((entry) => entry !== undefined);
    const trailers = new Map(list);
    const image = trailers.get('Image');
    const key = trailers.get('Key');
    const value = trailers.get('Value');
    if (value === undefined || (image === undefined && key === undefined))
        return [];
    const previous = trailers.get('Previous');
    const from = trailers.get('Rolled-Back-From');
    return [
        {
            ...(image !== undefined ? { image } : {}),
            ...(key !== undefined ? { key } : {}),
            value,
            previous: previous !== undefined && previous !== '' ? previous.split(', ') : [],
            ...(from !== undefined ? { rolledBackFrom: from } : {}),
        },
    ];
}
function parseSetEntry(text) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    if (!parsed || typeof parsed !== 'object')
        return undefined;
    const entry = parsed;
    const image = typeof entry.image === 'string' ? entry.image : undefined;
    const key = typeof entry.key === 'string' ? entry.key : undefined;
    if (typeof entry.value !== 'string' || (image === undefined) === (key === undefined))
        return undefined;
    const previous = Array.isArray(entry.previous) ? entry.previous.filter((item) => typeof item === 'string') : [];
    return {
        ...(image !== undefined ? { image } : { key: key ?? '' }),
        value: entry.value,
        previous,
        ...(typeof entry.rolledBackFrom === 'string' ? { rolledBackFrom: entry.rolledBackFrom } : {}),
    };
}
/** A trailer value stays one trailer: line breaks become spaces (values are validated single lines before; this is the guard). */
function withoutLineBreaks(text) {
    return text.replace(/[\r\n]+/g, ' ');
}

;// CONCATENATED MODULE: ./packages/core/src/promotion/history.ts






/** At most this many commits of the files' history are read (the hold's trailer window: the branch's last this many commits). */
const HISTORY_COMMITS = 200;
/** A shallow clone is deepened this many commits at a time, up to MAX_DEEPEN (rollback's search). */
const DEEPEN_STEP = 100;
const MAX_DEEPEN = 1000;
/**
 * The commits that changed the files, newest first, with `enough` deciding when to stop: a
 * shallow clone is deepened (git fetch --deepen) until `enough` is satisfied, the history is
 * whole, or MAX_DEEPEN commits were fetched, which is then said in the log.
 */
async function commitsOfFiles(request, enough, maxDeepen = MAX_DEEPEN) {
    const { repo } = request;
    let deepened = 0;
    for (;;) {
        const key = `${request.rev}:${request.firstParent === true}`;
        const commits = request.commitLists?.get(key) ?? (await repo.commitsTouching(request.rev, request.files, HISTORY_COMMITS, request.firstParent));
        request.commitLists?.set(key, commits);
        if ((await enough(commits)) || commits.length >= HISTORY_COMMITS || request.branch === undefined || !(await repo.isShallow()))
            return commits;
        if (deepened >= maxDeepen) {
            request.info(`The clone is shallow; ${maxDeepen} more commits of history were fetched, and the ${commits.length} among them that changed the files are what was read.`);
            return commits;
        }
        await repo.deepen(request.remote, request.branch, DEEPEN_STEP);
        request.commitLists?.clear();
        deepened += DEEPEN_STEP;
        request.info(`The clone is shallow: fetched ${deepened} more commits of history.`);
    }
}
/** The value after `commit`, read from all the files at that commit. */
async function valueAt(request, commit) {
    const sites = await sitesAt(request, commit.sha, request.target);
    const values = new Set(sites.map((site) => site.value));
    const [only] = values;
    return values.size === 1 && only !== undefined && only !== '' ? { commit, value: only, site: sites[0] } : { commit, value: undefined, site: undefined };
}
/** A file that no longer parses at an old commit gives no value there, rather than failing the walk. */
function safeRead(text, file, target) {
    try {
        return readManifest(text, file, target);
    }
    catch (error) {
        if (error instanceof GitopsPromoteError)
            return [];
        throw error;
    }
}
/**
 * The values rollbacks of this target moved away from, newest rollback first: a one-value
 * rollback's Rolled-Back-From trailer, or the `rolledBackFrom` of the target's entry in a train's.
 */
function rollbackMarks(commits, target) {
    const marks = new Map();
    for (const commit of commits) {
        const trailers = readTrailers(commit.message);
        for (const from of rolledBackFrom(commit.message, trailers, target)) {
            if (!marks.has(from))
                marks.set(from, { value: from, commit, reason: trailers.get('Reason') ?? '' });
        }
    }
    return marks;
}
/** What one commit rolled `target` back from, in either trailer form. */
function rolledBackFrom(message, trailers, target) {
    if (!trailers.has('Set')) {
        // The one-value form, read as it always was (a Value trailer is not required).
        const from = trailers.get('Rolled-Back-From');
        return from !== undefined && sameTarget({ image: trailers.get('Image'), key: trailers.get('Key') }, target) ? [from] : [];
    }
    return trailers_valuesOfCommit(message)
        .filter((value) => value.rolledBackFrom !== undefined && sameTarget(value, target))
        .map((value) => value.rolledBackFrom ?? '');
}
/** The trailer names the image as that run's input spelled it; what runs is compared. */
function sameTarget(named, target) {
    if (target.mode === 'key')
        return named.key === key_path_formatKeyPath(target.path);
    return named.image !== undefined && image_reference_normalizeImageName(named.image) === image_reference_normalizeImageName(target.name);
}
/**
 * The newest commit (along `request.firstParent`) that changed any value in the files: what a
 * rollback of the whole train undoes. A commit a step wrote names its values in its trailers (one
 * or a train); a person's commit is read by comparing the images at it and at its parent. Either
 * way only values whose reading in the files differs from the parent's count, so a commit that
 * only scaled replicas, or whose trailers name values of other files, is passed over.
 */
async function newestValueChange(request) {
    let found;
    const read = new Set();
    const enough = async (commits) => {
        for (const commit of commits) {
            if (read.has(commit.sha))
                continue;
            // At a shallow clone's boundary the parent is not there, and every value would read as new:
            // deepen first (returning false asks commitsOfFiles for more), and read the commit again then.
            if (await beyondShallowBoundary(request, commit))
                return false;
            read.add(commit.sha);
            const targets = await valuesChangedBy(request, commit);
            if (targets.length > 0) {
                found = { commit, targets };
                return true;
            }
        }
        return false;
    };
    // commitsOfFiles asks `enough` of every list it reads, the last one included.
    await commitsOfFiles(request, enough);
    return found;
}
/** Whether `commit`'s parent is cut off by a shallow clone that may still be deepened (a root commit has none to fetch). */
async function beyondShallowBoundary(request, commit) {
    if (request.branch === undefined || (await request.repo.hasCommit(`${commit.sha}^`)))
        return false;
    return request.repo.isShallow();
}
/**
 * The values `commit` changed in the files, compared with its first parent. Each side is read
 * once for every image (readImages: one pass per file), not once per value, so a train of N
 * images in N files costs N reads per side rather than N².
 */
async function valuesChangedBy(request, commit) {
    const parent = `${commit.sha}^`;
    const afterTexts = await textsAt(request, commit.sha);
    const beforeTexts = await textsAt(request, parent);
    const after = readImages(afterTexts);
    const before = readImages(beforeTexts);
    const named = namedTargets(commit.message);
    if (named.length > 0) {
        const changed = [];
        for (const target of named) {
            const listed = target.mode === 'image' && (after.has(target.name) || before.has(target.name));
            const [now, then] = listed ? [after.get(target.name)?.sites ?? [], before.get(target.name)?.sites ?? []] : [readSites(afterTexts, target), readSites(beforeTexts, target)];
            if (distinctValues(now) !== distinctValues(then))
                changed.push(target);
        }
        return changed;
    }
    const sameSites = new Set();
    const changed = [];
    for (const [name, sites] of after) {
        if (distinctValues(sites.sites) === distinctValues(before.get(name)?.sites ?? []))
            continue;
        // A Kustomize entry answers to its name and its newName: one place, rolled back once.
        const where = placesOf(sites);
        if (sameSites.has(where))
            continue;
        sameSites.add(where);
        changed.push({ mode: 'image', name });
    }
    return changed;
}
/**
 * The sites of a target read file by file: a key, or an image name readImages does not list (the
 * editor also answers to a Helm map's `repository` without its `registry`).
 */
function readSites(texts, target) {
    return texts.flatMap(({ file, source }) => (source === '' ? [] : safeRead(source, file, target)));
}
/** The values a commit's trailers name (either form), as read targets, each once. */
function namedTargets(message) {
    const targets = new Map();
    for (const value of valuesOfCommit(message)) {
        if (value.image !== undefined)
            targets.set(`image:${normalizeImageName(value.image)}`, { mode: 'image', name: value.image });
        else if (value.key !== undefined) {
            const path = keyPathOf(value.key);
            if (path)
                targets.set(`key:${formatKeyPath(path)}`, { mode: 'key', path });
        }
    }
    return [...targets.values()];
}
/** A trailer's key path; undefined for one edited by hand into something that no longer parses. */
function keyPathOf(text) {
    try {
        return parseKeyPath(text);
    }
    catch (error) {
        if (error instanceof GitopsPromoteError)
            return undefined;
        throw error;
    }
}
async function sitesAt(request, rev, target) {
    const sites = [];
    for (const { file, source } of await textsAt(request, rev))
        if (source !== '')
            sites.push(...safeRead(source, file, target));
    return sites;
}
/**
 * The files' texts at `rev` (a commit id or `<id>^`: both name fixed content; '' for a file it
 * lacks, or a parent a root commit does not have): those the request's cache lacks are read in one
 * git process. A missing file is not cached: deepening a shallow clone may bring it.
 */
async function textsAt(request, rev) {
    const key = (file) => `${rev}:${file}`;
    const missing = request.files.filter((file) => request.texts?.get(key(file)) === undefined);
    const read = missing.length > 0 ? await request.repo.filesAt(rev, missing) : new Map();
    return request.files.map((file) => {
        const text = request.texts?.get(key(file)) ?? read.get(file);
        if (text !== undefined)
            request.texts?.set(key(file), text);
        return { file, source: text ?? '' };
    });
}
function distinctValues(sites) {
    return JSON.stringify([...new Set(sites.map((site) => site.value))].sort());
}
function placesOf(sites) {
    return JSON.stringify(sites.sites.map((site) => `${site.file}:${site.line}:${site.path}`).sort());
}
/** The targets the files do not set anywhere at `request.rev`. */
async function unsetTargets(request, targets) {
    const missing = [];
    for (const target of targets)
        if ((await sitesAt(request, request.rev, target)).length === 0)
            missing.push(target);
    return missing;
}
/** The image names the files reference at `request.rev`, for an error naming what is there. */
async function imagesAt(request) {
    return [...readImages(await textsAt(request, request.rev)).keys()].sort();
}

;// CONCATENATED MODULE: ./packages/core/src/promotion/hold.ts







/**
 * The hold: a rollback keeps the value it moved away from from being set again in the files it
 * protects. Each rollback commit also writes a record into HOLD_FILE, at the environment
 * repository's root, in the same commit (a merged rollback PR brings it along), so the hold is one
 * read of one file at the branch tip, however old the rollback. Commits made before the file
 * existed are still honoured through their Rolled-Back-From trailers among the branch's last
 * HISTORY_COMMITS commits.
 *
 * The name: a dot-folder and no extension, so no renderer reads it as a manifest (Argo CD's
 * directory source reads *.yaml, *.yml, *.json and *.jsonnet; Kustomize reads only what a
 * kustomization lists; Helm reads templates/ and values files). The content is JSON.
 */
const HOLD_FILE = '.gitops-promote/holds';
/** HOLD_FILE does not parse: the hold cannot be read, so nothing is promoted past it. */
class HoldFileError extends errors/* GitopsPromoteError */.$o {
}
/** A value a rollback moved the target away from, refused unless allow-rolled-back is set. */
class RolledBackValueError extends errors/* GitopsPromoteError */.$o {
}
/** The target as the hold keys it: what runs, not how it is spelled. */
function holdKey(target) {
    return target.mode === 'image' ? { image: image_reference_normalizeImageName(target.name) } : { key: key_path_formatKeyPath(target.path) };
}
/**
 * Whether `value` is the held one: in key mode the same text; in image mode the same digest
 * (whatever the tag), or the same tag (a bad tag stays bad, whatever its digest).
 */
function sameVersion(held, value, target) {
    if (target.mode === 'key')
        return held === value;
    const a = versionParts(held);
    const b = versionParts(value);
    return (a.digest !== undefined && a.digest === b.digest) || (a.tag !== undefined && a.tag === b.tag);
}
function versionParts(value) {
    const at = value.indexOf('@');
    const tag = at < 0 ? value : value.slice(0, at);
    return { ...(tag !== '' ? { tag } : {}), ...(at >= 0 ? { digest: value.slice(at + 1) } : {}) };
}
function parseHolds(text) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        throw holdFileError(`it is not JSON (${error.message})`);
    }
    const holds = parsed?.holds;
    if (!Array.isArray(holds) || !holds.every(isRecord))
        throw holdFileError('it is not {"version": 1, "holds": [...]} with id, files, value, to, reason and at in each entry');
    return holds;
}
function isRecord(entry) {
    if (typeof entry !== 'object' || entry === null)
        return false;
    const record = entry;
    const text = (name) => typeof record[name] === 'string';
    return text('id') && text('value') && (text('image') || text('key')) && Array.isArray(record.files) && record.files.every((file) => typeof file === 'string');
}
function holdFileError(why) {
    return new HoldFileError(`${HOLD_FILE} cannot be read: ${why}.`, `Fix or delete the file on the environment branch (git log -p -- ${HOLD_FILE} shows what the rollbacks wrote).`);
}
function formatHolds(records) {
    return `${JSON.stringify({ version: 1, holds: [...records] }, null, 2)}\n`;
}
function protects(record, key, files) {
    const sameTarget = 'image' in key ? record.image !== undefined && image_reference_normalizeImageName(record.image) === key.image : record.key === key.key;
    return sameTarget && record.files.some((file) => files.includes(file));
}
/** `files` (relative to the work tree) relative to the repository root, as records name them. */
async function rootPaths(repo, files) {
    const prefix = await repo.prefix();
    return files.map((file) => external_node_path_default().posix.normalize(`${prefix}${file}`));
}
/**
 * Reads the hold at `request.rev` (the tip of the remote branch it protects, fetched by the
 * caller): one read of HOLD_FILE, plus the trailers of the last HISTORY_COMMITS commits (a bounded
 * window, so the cost does not grow with the history) for rollbacks recorded before the file.
 */
async function readHold(request) {
    const [hold] = await readHolds(request, [request.target]);
    if (!hold)
        throw new Error('readHolds returns one hold per target');
    return hold;
}
/**
 * The hold of each of `targets` in the same files, from one read of HOLD_FILE and one walk of the
 * trailer window (a train of 100 values costs what one value does); `request.target` is ignored.
 */
async function readHolds(request, targets) {
    const { repo } = request;
    const files = await rootPaths(repo, request.files);
    const text = await repo.rootFileAt(request.rev, HOLD_FILE);
    const all = text === undefined ? [] : parseHolds(text);
    await deepenWindow(request);
    const commits = targets.length > 0 ? await repo.recentCommitsTouching(request.rev, request.files, HISTORY_COMMITS) : [];
    const holds = [];
    // A train's rollback marks many targets in one commit: what it changed is asked once.
    const changed = new Map();
    const changedFiles = (sha) => {
        let paths = changed.get(sha);
        if (!paths)
            changed.set(sha, (paths = repo.changedFiles(sha)));
        return paths;
    };
    for (const target of targets) {
        const key = holdKey(target);
        const records = all.filter((record) => protects(record, key, files));
        const trailerMarks = await legacyMarks(changedFiles, [...rollbackMarks(commits, target).values()]);
        holds.push(holdOf(records, trailerMarks, target));
    }
    return holds;
}
function holdOf(records, trailerMarks, target) {
    return {
        records,
        trailerMarks,
        find(value) {
            const record = records.find((entry) => sameVersion(entry.value, value, target));
            if (record)
                return { record };
            const mark = trailerMarks.find((entry) => sameVersion(entry.value, value, target));
            return mark ? { mark } : undefined;
        },
    };
}
/**
 * The trailer marks of rollbacks that wrote no record: a rollback that did is held by its record
 * alone, so deleting the record (or allow-rolled-back retiring it) lifts the hold.
 */
async function legacyMarks(changedFiles, marks) {
    const legacy = [];
    for (const mark of marks)
        if (!(await changedFiles(mark.commit.sha)).includes(HOLD_FILE))
            legacy.push(mark);
    return legacy;
}
/** A shallow clone is deepened once so the trailer window (the branch's last HISTORY_COMMITS commits) is there. */
async function deepenWindow(request) {
    const { repo } = request;
    if (request.branch === undefined || !(await repo.isShallow()))
        return;
    const have = await repo.countCommits(request.rev);
    if (have >= HISTORY_COMMITS)
        return;
    await repo.deepen(request.remote, request.branch, HISTORY_COMMITS - have);
    request.info(`The clone is shallow: fetched up to ${HISTORY_COMMITS - have} more commits of history to read the rollbacks recorded in commit trailers.`);
}
/**
 * The hold applied: refuses to set `value` when a rollback moved the target away from it, naming
 * the rollback commit and its reason; `allow` (allow-rolled-back) lifts it (the caller retires the
 * record in the commit that sets the value: see retireHold).
 */
async function refuseRolledBack(request, value, allow) {
    await refuseRolledBackAll(request, [{ target: request.target, value }], allow);
}
/**
 * The hold applied to every value of a train, reading the hold file and the trailer window once:
 * the first held value is refused, named as for a single value.
 */
async function refuseRolledBackAll(request, wanted, allow) {
    if (allow)
        return;
    const held = (await heldErrors(request, wanted)).find((error) => error !== undefined);
    if (held)
        throw held;
}
/** For each wanted value, the refusal the hold gives it (undefined: not held), from one read of the hold. */
async function heldErrors(request, wanted) {
    if (wanted.length === 0)
        return [];
    const holds = await readHolds(request, wanted.map((value) => value.target));
    const errors = [];
    for (const [index, { target, value }] of wanted.entries()) {
        const hold = holds[index];
        errors.push(hold ? await heldError({ ...request, target }, value, hold) : undefined);
    }
    return errors;
}
/**
 * The refusal of `value` when `hold` holds it back (undefined when it does not), naming the
 * rollback commit and its reason: thrown for one value, or, for a value of a train left out,
 * its message is the line that names it.
 */
async function heldError(request, value, hold) {
    const found = hold.find(value);
    if (!found)
        return undefined;
    const what = request.target.mode === 'image' ? request.target.name : key_path_formatKeyPath(request.target.path);
    const { record, mark } = found;
    // Only on refusal: the commit that wrote the record, so the message names it as before.
    const commit = record ? await request.repo.commitChanging(request.rev, HOLD_FILE, record.id) : mark?.commit;
    const reason = record?.reason ?? mark?.reason ?? '';
    const held = record?.value ?? mark?.value ?? value;
    const where = commit ? `in ${commit.sha.slice(0, 12)} ("${commit.subject}")` : `(${HOLD_FILE}, ${record?.at ?? ''})`;
    return new RolledBackValueError(`${what} ${value} was rolled back ${where}${held !== value ? ` as ${held}` : ''}${reason ? `, reason: ${reason}` : ''}; it is not set again.`, `Promote a newer version, or set allow-rolled-back: true to set this one anyway${record ? ` (or delete its entry from ${HOLD_FILE})` : ''}.`);
}
function isHoldWrite(file) {
    return file.hold === true;
}
/**
 * HOLD_FILE after `change`, read at `revision` (undefined: the work tree), as a write beside the
 * manifests; undefined when `change` leaves it as it is. `file` is relative to the work tree (as
 * the publishers take paths), so it climbs out of a `path` below the root.
 */
async function holdWrite(repo, revision, change) {
    const up = (await repo.prefix()).split('/').filter((part) => part !== '').length;
    const file = `${'../'.repeat(up)}${HOLD_FILE}`;
    const absolute = external_node_path_default().join(repo.workTree, file);
    const source = revision !== undefined ? ((await repo.rootFileAt(revision, HOLD_FILE)) ?? '') : await (0,promises_.readFile)(absolute, 'utf8').catch(() => '');
    const before = source === '' ? [] : parseHolds(source);
    const after = change(before);
    if (after.length === before.length && after.every((record, index) => record === before[index]))
        return undefined;
    return { hold: true, file, absolute, source, output: formatHolds(after) };
}
/** The record a rollback adds (replacing one with the same id, so a rerun writes the same bytes). */
function addHold(record) {
    return (records) => {
        const existing = records.find((entry) => entry.id === record.id);
        return existing ? records : [...records, record];
    };
}
/** allow-rolled-back: the records holding `value` for this target and files are retired. */
async function retireHold(repo, target, files, value) {
    return retireHolds(repo, [{ target, value }], files);
}
/** allow-rolled-back for a train: the records holding any of the values, in these files, are retired. */
async function retireHolds(repo, wanted, files) {
    const roots = await rootPaths(repo, files);
    const keyed = wanted.map(({ target, value }) => ({ target, value, key: holdKey(target) }));
    return (records) => records.filter((record) => !keyed.some(({ target, value, key }) => protects(record, key, roots) && sameVersion(record.value, value, target)));
}
/** The record for a rollback of `target` in `files` from `value`, decided on commit `rev`. */
async function holdRecord(repo, fields) {
    const key = holdKey(fields.target);
    const files = await rootPaths(repo, fields.files);
    const id = createHash('sha256').update(JSON.stringify([key, files, fields.value, fields.rev])).digest('hex').slice(0, 16);
    return {
        id,
        ...key,
        files,
        value: fields.value,
        ...(fields.tag !== undefined ? { tag: fields.tag } : {}),
        ...(fields.digest !== undefined ? { digest: fields.digest } : {}),
        to: fields.to,
        reason: fields.reason,
        ...(fields.environment ? { environment: fields.environment } : {}),
        at: fields.at.toISOString(),
    };
}
/** The records of a rollback of several values (a train), added as addHold adds one. */
function addHolds(records) {
    return (existing) => records.reduce((list, record) => addHold(record)(list), existing);
}

;// CONCATENATED MODULE: ./packages/core/src/manifest/value-changes.ts


/**
 * Every change of a plan in file order, each naming the request that made it: what a train's
 * change table and `changes` output list, a row per place and value.
 */
function valueChanges(planned, requests) {
    const list = requestList(requests);
    const named = [];
    for (const file of planned) {
        const owner = new Map();
        file.byRequest.forEach((edits, index) => {
            const request = list[index];
            if (request)
                for (const change of edits.changes)
                    owner.set(change, request);
        });
        for (const change of file.changes) {
            const request = owner.get(change);
            // Fields in the order the `changes` output documents them: where, whose, from, to.
            const { file: name, document, line, path, previous, value } = change;
            named.push({ file: name, document, line, path, ...(request ? nameOf(request) : {}), previous, value });
        }
    }
    return named;
}
function nameOf(request) {
    return request.mode === 'image' ? { image: request.image.name } : { key: requestName(request) };
}
/** What a request sets, as trailers and outputs write it: `tag`, `@digest`, `tag@digest`, or the key's value. */
function requestValue(request) {
    return request.mode === 'image' ? imageValue(request.image) : request.value;
}

;// CONCATENATED MODULE: ./packages/core/src/promotion/plan.ts






/**
 * The edit of `files` as read at commit `revision`, or in the work tree when it is undefined: one
 * request, or several (a train) applied together, one PlannedFile per file with every change.
 */
async function planAt(repo, requests, files, revision) {
    if (revision === undefined)
        return planFileEdits(requests, files);
    // Every file read in one git process: an environment's plan is as many files as services.
    const texts = await repo.filesAt(revision, files.map((file) => file.relative));
    return planFileEdits(requests, files, async (file) => texts.get(file.relative));
}
/**
 * The manifests' plan with HOLD_FILE's write beside it, after `change` (read at `revision`), when
 * the manifests change at all: a hold record travels in the commit that sets or rolls back a value.
 */
async function withHold(repo, planned, revision, change) {
    if (!change || changedOnly(planned).length === 0)
        return planned;
    const write = await holdWrite(repo, revision, change);
    return write ? [...planned, { ...write, changes: [], matched: 0, imagesSeen: () => new Set(), byRequest: [] }] : planned;
}
/** The manifests among planned writes (the hold file is not one). */
function manifestsOf(planned) {
    return planned.filter((file) => !isHoldWrite(file));
}
/**
 * The edit that sets `target` to a value: a key takes `value` as it is; an image takes the tag and
 * digest the value was read as (tag@digest → both).
 */
function editRequestFor(target, value, image) {
    if (target.mode === 'key')
        return { mode: 'key', path: target.path, value };
    const { tag, digest } = image ?? {};
    return { mode: 'image', image: { name: target.name, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) } };
}
/**
 * What each request of a plan sets, for the commit's trailers: its name, its value, and the
 * distinct values it replaced, read from the old bytes of the files where it changed something.
 */
function valueRecords(planned, requests) {
    const manifests = manifestsOf(planned);
    return requestList(requests).map((request, index) => {
        const changed = manifests.filter((file) => (file.byRequest[index]?.changes.length ?? 0) > 0);
        const value = requestValue(request);
        const previous = valuesIn(changed, readTargetOf(request)).filter((old) => old !== value);
        return { ...(request.mode === 'image' ? { image: request.image.name } : { key: requestName(request) }), value, previous };
    });
}

// EXTERNAL MODULE: ./packages/core/src/argocd/errors.ts
var argocd_errors = __webpack_require__(649);
// EXTERNAL MODULE: ./node_modules/diff/libesm/patch/create.js + 2 modules
var create = __webpack_require__(7291);
;// CONCATENATED MODULE: ./packages/core/src/argocd/resource-shape.ts
/**
 * Pure helpers on Kubernetes objects decoded from JSON, for comparing what Argo CD renders with
 * what runs: the fields nobody's manifests set (status, server bookkeeping, Argo CD's tracking) are
 * dropped, and a live object is cut down to the fields the manifests set, so server defaults and
 * fields other controllers own never show up as changes.
 */
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** metadata fields the API server writes; no manifest sets them, and they change on every write. */
const SERVER_METADATA = ['managedFields', 'uid', 'resourceVersion', 'creationTimestamp', 'generation', 'selfLink'];
/** Written by kubectl's client-side apply and by Argo CD's resource tracking, never by the manifests' authors. */
const TOOL_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration', 'argocd.argoproj.io/tracking-id'];
const TOOL_LABELS = ['app.kubernetes.io/instance'];
/**
 * A copy without nulls (Kubernetes treats `field: null` as unset, and renderers write
 * `creationTimestamp: null`), without `status`, the server's metadata and the tools' tracking
 * labels and annotations.
 */
function withoutNoise(object) {
    const copy = withoutNulls(object);
    delete copy.status;
    const metadata = copy.metadata;
    if (isObject(metadata)) {
        for (const field of SERVER_METADATA)
            delete metadata[field];
        dropEntries(metadata, 'annotations', TOOL_ANNOTATIONS);
        dropEntries(metadata, 'labels', TOOL_LABELS);
    }
    return copy;
}
function dropEntries(metadata, field, keys) {
    const map = metadata[field];
    if (!isObject(map))
        return;
    for (const key of keys)
        delete map[key];
    // An empty map left behind by the drop would show as a change against an object that never had one.
    if (Object.keys(map).length === 0)
        delete metadata[field];
}
function withoutNulls(value) {
    if (value === null)
        return undefined;
    if (Array.isArray(value))
        return value.map((item) => withoutNulls(item) ?? null);
    if (!isObject(value))
        return value;
    const copy = {};
    for (const [key, item] of Object.entries(value)) {
        const kept = withoutNulls(item);
        if (kept !== undefined)
            copy[key] = kept;
    }
    return copy;
}
/**
 * The fields either object sets: maps by key, lists element by element. Used as the shape a live
 * object is cut to: what the new render sets, plus what the previous render set (so a field the
 * new manifests drop shows as removed).
 */
function unionShape(a, b) {
    if (a === undefined)
        return b;
    if (b === undefined)
        return a;
    if (isObject(a) && isObject(b)) {
        const union = { ...b };
        for (const [key, value] of Object.entries(a))
            union[key] = unionShape(value, b[key]) ?? null;
        return union;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        const length = Math.max(a.length, b.length);
        return Array.from({ length }, (_, index) => unionShape(a[index], b[index]) ?? null);
    }
    return a;
}
/**
 * `live` cut to `shape`: of a map, the keys the shape has; of a list, the elements up to the
 * shape's length, each cut to the shape's element. A live value of another type than the shape's
 * (a scalar where the manifests have a map) is kept whole: that is a real difference.
 */
function project(live, shape) {
    if (live === undefined || shape === undefined)
        return undefined;
    if (isObject(live) && isObject(shape)) {
        const cut = {};
        for (const key of Object.keys(shape)) {
            const value = project(live[key], shape[key]);
            if (value !== undefined)
                cut[key] = value;
        }
        return cut;
    }
    if (Array.isArray(live) && Array.isArray(shape)) {
        return live.slice(0, shape.length).map((item, index) => project(item, shape[index]) ?? null);
    }
    return live;
}
/**
 * `value` without the fields Argo CD's normalisation took out of the live object: those the app's
 * ignoreDifferences (and Argo CD's known-type normalisations) exclude from its own diff. They are
 * present in `live` and absent from `normalized`; the rendered object still sets them, and showing
 * them would report a difference Argo CD does not act on.
 */
function withoutIgnored(value, live, normalized) {
    if (isObject(value) && isObject(live) && isObject(normalized)) {
        const kept = {};
        for (const [key, item] of Object.entries(value)) {
            if (key in live && !(key in normalized))
                continue;
            kept[key] = withoutIgnored(item, live[key], normalized[key]);
        }
        return kept;
    }
    if (Array.isArray(value) && Array.isArray(live) && Array.isArray(normalized)) {
        return value.map((item, index) => withoutIgnored(item, live[index], normalized[index]));
    }
    return value;
}

;// CONCATENATED MODULE: ./packages/core/src/argocd/secret-keys.ts

const MASK = /^\++$/;
/** The Secret's `data` and `stringData` fields, which hold its values. */
const SECRET_VALUE_FIELDS = ['data', 'stringData'];
/** Its values by key, `stringData` encoded to base64 as the API server stores it in `data`. */
function secretValues(secret) {
    const values = new Map();
    for (const field of SECRET_VALUE_FIELDS) {
        const map = secret?.[field];
        if (!isObject(map))
            continue;
        for (const [key, value] of Object.entries(map))
            values.set(key, secretValue(value, field === 'stringData'));
    }
    return values;
}
function secretValue(value, plain) {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (MASK.test(text))
        return { masked: true, mask: text };
    return { masked: false, base64: plain ? Buffer.from(text, 'utf8').toString('base64') : text };
}
/**
 * Compares the rendered Secret's keys with the live one's. A live key the new render lacks is
 * removed only when the current target sets it (a key other writers added is not the manifests').
 */
function compareSecretKeys(rendered, live, target) {
    const next = secretValues(rendered);
    const now = secretValues(live);
    const before = secretValues(target);
    const changes = [];
    const unverified = [];
    const keys = [...new Set([...next.keys(), ...now.keys()])].sort(byCodePoint);
    for (const key of keys) {
        const verdict = compareKey(next.get(key), now.get(key), before.get(key));
        if (verdict === 'unverified')
            unverified.push(key);
        else if (verdict !== 'same')
            changes.push({ key, change: verdict });
    }
    return { changes, unverified };
}
function compareKey(next, now, before) {
    if (now === undefined)
        return next === undefined ? 'same' : 'added';
    if (next === undefined)
        return before !== undefined ? 'removed' : 'same';
    if (!next.masked && !now.masked)
        return next.base64 === now.base64 ? 'same' : 'changed';
    // The live value no longer equals the current target's: the sync writes it, whatever the new render holds.
    if (now.masked && before?.masked && before.mask !== now.mask)
        return 'may have changed';
    return 'unverified';
}
/** The keys of a Secret that is added or removed whole. */
function secretKeys(secret) {
    return [...secretValues(secret).keys()].sort(byCodePoint);
}
function byCodePoint(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./packages/core/src/argocd/resource-diff.ts





const HINT = 'Argo CD answered in a shape gitops-promote does not know; check that the server is Argo CD 2.x or 3.x, and report it if it is.';
/** Kinds with no namespace, so a rendered one is not put in the app's destination namespace. */
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PersistentVolume', 'StorageClass', 'PriorityClass', 'IngressClass', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'APIService', 'RuntimeClass', 'VolumeSnapshotClass', 'ClusterIssuer']);
/** Annotations that make a rendered object a hook: Argo CD runs it around a sync and does not diff it. */
const HOOK_ANNOTATIONS = ['argocd.argoproj.io/hook', 'helm.sh/hook'];
/** Diffs `manifests` (rendered for the promotion's head) against the app's `managed` resources. */
function diffResources(manifests, managed, options = {}) {
    const namespace = options.namespace || manifests.namespace || undefined;
    const sides = pairUp(renderedObjects(manifests, namespace), managed.filter((resource) => resource.hook !== true));
    const result = { changes: [], maskedSecrets: [] };
    for (const side of [...sides.values()].sort((a, b) => compareIds(a.id, b.id))) {
        const outcome = compareSide(side);
        if (outcome === 'masked')
            result.maskedSecrets.push(side.id);
        else if (outcome)
            result.changes.push(outcome);
    }
    return result;
}
function renderedObjects(manifests, namespace) {
    return manifests.manifests.flatMap((text, index) => {
        const object = parseObject(text, `manifests[${index}]`);
        if (object === undefined)
            throw new argocd_errors/* ArgoCdProtocolError */.ZX(`Argo CD's rendered manifests[${index}] is not a Kubernetes object with apiVersion, kind and metadata.name.`, HINT);
        return isHook(object) ? [] : [{ id: renderedId(object, namespace), object, namespaced: hasNamespace(object) }];
    });
}
/** A JSON-encoded object, `undefined` for absent or the string `null` (the side does not exist). */
function parseObject(text, where) {
    if (text === undefined || text === '' || text === 'null')
        return undefined;
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw new argocd_errors/* ArgoCdProtocolError */.ZX(`Argo CD answered with ${where} that is not JSON.`, HINT);
    }
    return isObject(value) ? value : undefined;
}
function isHook(object) {
    const annotations = isObject(object.metadata) ? object.metadata.annotations : undefined;
    return isObject(annotations) && HOOK_ANNOTATIONS.some((name) => name in annotations);
}
function renderedId(object, defaultNamespace) {
    const metadata = isObject(object.metadata) ? object.metadata : {};
    const { apiVersion, kind } = object;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string' || typeof metadata.name !== 'string') {
        throw new argocd_errors/* ArgoCdProtocolError */.ZX(`Argo CD rendered an object without apiVersion, kind or metadata.name (${JSON.stringify(kind ?? null)}).`, HINT);
    }
    const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
    // Argo CD puts an object the manifests leave without a namespace in the app's destination namespace.
    const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : CLUSTER_SCOPED.has(kind) ? '' : (defaultNamespace ?? trackedNamespace(metadata) ?? '');
    return { group, kind, namespace, name: metadata.name };
}
/** The namespace in Argo CD's tracking id (`app:group/Kind:namespace/name`), which the repo server writes with the destination's. */
function trackedNamespace(metadata) {
    const annotations = metadata.annotations;
    const id = isObject(annotations) ? annotations['argocd.argoproj.io/tracking-id'] : undefined;
    const match = typeof id === 'string' ? /:([^:/]*)\/[^/]*$/.exec(id) : null;
    return match?.[1] || undefined;
}
function hasNamespace(object) {
    return isObject(object.metadata) && typeof object.metadata.namespace === 'string';
}
function keyOf(id) {
    return JSON.stringify([id.group, id.kind, id.namespace, id.name]);
}
function managedId(resource) {
    return { group: resource.group ?? '', kind: resource.kind, namespace: resource.namespace ?? '', name: resource.name };
}
/** Rendered and managed resources side by side, by group, kind, namespace and name. */
function pairUp(rendered, managed) {
    const sides = new Map();
    for (const resource of managed)
        sides.set(keyOf(managedId(resource)), { id: managedId(resource), managed: resource });
    // Objects that name their namespace first, so a guessed one cannot take their match.
    const ordered = [...rendered.filter((item) => item.namespaced), ...rendered.filter((item) => !item.namespaced)];
    for (const { id, object, namespaced } of ordered) {
        const key = namespaced ? keyOf(id) : (guessedKey(id, sides) ?? keyOf(id));
        const side = sides.get(key);
        if (side)
            side.rendered = object;
        else
            sides.set(key, { id, rendered: object });
    }
    return sides;
}
/**
 * The managed resource an object without a namespace is: the one in the guessed namespace, else a
 * cluster-scoped one (a CRD's kind this module cannot know is cluster-scoped), else the only one of
 * that group, kind and name the manifests have not matched yet.
 */
function guessedKey(id, sides) {
    const free = (key) => sides.has(key) && !sides.get(key)?.rendered;
    for (const key of [keyOf(id), keyOf({ ...id, namespace: '' })])
        if (free(key))
            return key;
    const same = [...sides.entries()].filter(([, side]) => !side.rendered && side.managed && side.id.group === id.group && side.id.kind === id.kind && side.id.name === id.name);
    return same.length === 1 ? same[0]?.[0] : undefined;
}
function compareIds(a, b) {
    return byCodePoint(a.group, b.group) || byCodePoint(a.kind, b.kind) || byCodePoint(a.namespace, b.namespace) || byCodePoint(a.name, b.name);
}
function isSecret(id) {
    return id.group === '' && id.kind === 'Secret';
}
/** One resource's change, `undefined` when unchanged, `masked` for a Secret that may differ unseen. */
function compareSide(side) {
    const rendered = side.rendered && inNamespace(side.rendered, side.id.namespace);
    // Older servers leave normalizedLiveState empty for a resource in sync: its live state is then what counts.
    const live = parseObject(side.managed?.normalizedLiveState || side.managed?.liveState, `the normalized live state of ${side.id.kind} ${side.id.name}`);
    if (rendered)
        return live ? changedResource(side.id, rendered, live, side.managed) : wholeChange(side.id, 'added', rendered);
    // Not rendered any more, and not running either (never synced): the sync has nothing to remove.
    if (live === undefined)
        return undefined;
    const target = parseObject(side.managed?.targetState, `the target state of ${side.id.kind} ${side.id.name}`);
    return wholeChange(side.id, 'removed', target ?? live);
}
/** The object as Argo CD applies it: in the namespace it was matched to when it names none. */
function inNamespace(object, namespace) {
    if (namespace === '' || hasNamespace(object))
        return object;
    return { ...object, metadata: { ...(isObject(object.metadata) ? object.metadata : {}), namespace } };
}
function wholeChange(id, change, object) {
    const { fields, values } = splitSecret(id, withoutNoise(object));
    const text = yamlOf(fields);
    const diff = change === 'added' ? unifiedDiff('', text) : unifiedDiff(text, '');
    if (!values)
        return { ...id, change, diff };
    return { ...id, change, diff, secretKeys: secretKeys(values).map((key) => ({ key, change })), unverifiedSecretKeys: [] };
}
function changedResource(id, renderedObject, liveObject, managed) {
    const rawLive = parseObject(managed?.liveState, `the live state of ${id.kind} ${id.name}`);
    const targetObject = parseObject(managed?.targetState, `the target state of ${id.kind} ${id.name}`);
    const live = splitSecret(id, withoutNoise(liveObject));
    const rendered = splitSecret(id, ignoring(withoutNoise(renderedObject), rawLive, liveObject));
    const target = targetObject ? splitSecret(id, ignoring(withoutNoise(targetObject), rawLive, liveObject)) : undefined;
    const shape = unionShape(rendered.fields, target?.fields);
    const before = yamlOf(project(live.fields, shape) ?? {});
    const diff = unifiedDiff(before, yamlOf(rendered.fields));
    if (!isSecret(id))
        return diff === '' ? undefined : { ...id, change: 'changed', diff };
    const keys = compareSecretKeys(rendered.values, live.values, target?.values);
    if (diff === '' && keys.changes.length === 0)
        return keys.unverified.length > 0 ? 'masked' : undefined;
    return { ...id, change: 'changed', diff, secretKeys: keys.changes, unverifiedSecretKeys: keys.unverified };
}
/** `object` without the fields the app's ignoreDifferences took out of the live state. */
function ignoring(object, rawLive, normalizedLive) {
    return rawLive ? withoutIgnored(object, rawLive, normalizedLive) : object;
}
/** A Secret's values (data, stringData) apart from its other fields, so no value reaches a diff. */
function splitSecret(id, object) {
    if (!isSecret(id))
        return { fields: object };
    const fields = { ...object };
    const values = {};
    for (const field of SECRET_VALUE_FIELDS) {
        if (field in fields)
            values[field] = fields[field] ?? null;
        delete fields[field];
    }
    return { fields, values };
}
/** Keys an object's readers look for first, in this order; all others alphabetically. */
const LEADING_KEYS = ['apiVersion', 'kind', 'metadata', 'name', 'namespace'];
function keyRank(key) {
    const rank = LEADING_KEYS.indexOf(String(key));
    return rank === -1 ? LEADING_KEYS.length : rank;
}
function compareKeys(a, b) {
    const [left, right] = [String(a.key), String(b.key)];
    return keyRank(left) - keyRank(right) || byCodePoint(left, right);
}
/**
 * YAML with keys in a stable order (whatever order the renderer or the server wrote them in), no
 * folding, and YAML 1.1 quoting (Kubernetes' parsers are 1.1): the string "on" shows as `"on"`,
 * not as `on`, which a reviewer would read as a boolean.
 */
function yamlOf(value) {
    return (0,dist/* stringify */.As)(value, { version: '1.1', sortMapEntries: compareKeys, lineWidth: 0, minContentWidth: 0 });
}
/**
 * Myers' diff costs O(N·D): a 10,000-line ConfigMap rewritten whole took 16 s. Past this many
 * edits the diff gives up (deterministically: an edit count, not a clock) and the resource is
 * shown replaced whole, which is what such a change amounts to for a reviewer anyway.
 */
const MAX_EDIT_LENGTH = 1_000;
/** Hunks of a unified diff with 3 lines of context, `''` when the texts are equal. */
function unifiedDiff(before, after) {
    if (before === after)
        return '';
    const patch = (0,create/* structuredPatch */.YB)('before', 'after', before, after, undefined, undefined, { context: 3, maxEditLength: MAX_EDIT_LENGTH });
    if (patch === undefined)
        return replacedWhole(before, after);
    return patch.hunks
        .map((hunk) => [`@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`, ...hunk.lines.filter((line) => !line.startsWith('\\'))].join('\n'))
        .join('\n');
}
/** One hunk removing every line of `before` and adding every line of `after`. */
function replacedWhole(before, after) {
    const lines = (text) => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));
    const [removed, added] = [lines(before), lines(after)];
    const header = `@@ -${range(1, removed.length)} +${range(1, added.length)} @@`;
    return [header, ...removed.map((line) => `-${line}`), ...added.map((line) => `+${line}`)].join('\n');
}
/** A hunk's range as diff(1) writes it: an empty side starts at the line before (`-0,0` for a new file). */
function range(start, lines) {
    return `${lines === 0 ? start - 1 : start},${lines}`;
}

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
    const heading = `### What Argo CD will change in ${markdownText(environment)}`;
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
    const name = `${markdownCode(app.application)}${app.revision ? ` at ${markdownCode(shortRevision(app.revision))}` : ''}`;
    if ('error' in app.outcome) {
        return { head: `${name}: Argo CD's diff is not available: ${markdownCode(app.outcome.error)}.`, resources: [], tail: [], seeAll: app.seeAll };
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
    const names = secrets.slice(0, MAX_MASKED_NAMES).map((secret) => markdownCode(qualifiedName(secret)));
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
    const keys = change.secretKeys.map((key) => `${markdownCode(key.key)} ${key.change}`);
    const unverified = change.unverifiedSecretKeys ?? [];
    const masked = unverified.length > 0 ? `${keys.length > 0 ? '; ' : ''}values Argo CD masks, which may have changed: ${unverified.map(markdownCode).join(', ')}` : '';
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
        return markdownCode(seeAll);
    return `<${seeAll.replace(/[<>"`\\]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}>`;
}
/** Text for inside an HTML element: GitHub renders the `<summary>` line as HTML, not Markdown. */
function html(text) {
    const escaped = (0,neutralise/* escapeControls */.UN)(text, { newlines: false });
    return escaped.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

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
        walk(document.contents, [], (path, value) => leaves.set(`${prefix}${formatPath(path)}`, value));
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

;// CONCATENATED MODULE: ./packages/core/src/promotion/review/changelog.ts



const SHA_SEGMENT = /^(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;
const VERSION = /^\d+(?:\.\d+)*(?:[-+][0-9A-Za-z.+-]*)?$/;
/** The ref `value` names in the application repository (pure: no request). */
function refOfValue(value, mode) {
    const at = value.lastIndexOf('@');
    const withoutDigest = at >= 0 && DIGEST.test(value.slice(at + 1)) ? value.slice(0, at) : value;
    if (withoutDigest === '' || DIGEST.test(withoutDigest)) {
        return { kind: 'none', reason: `${markdownCode(value)} is a digest only: it names an image, not a commit` };
    }
    const sha = shaIn(withoutDigest);
    if (sha !== undefined)
        return { kind: 'commit', ref: sha };
    if (!isTagName(withoutDigest)) {
        const what = mode === 'key' ? 'is neither a git tag name nor carries a commit SHA' : 'cannot be a git tag name and carries no commit SHA';
        return { kind: 'none', reason: `${markdownCode(value)} ${what}` };
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
        return { kind: 'unavailable', reason: `Could not compare the two versions in ${markdownText(request.repository)}: ${markdownInline((0,one_line/* oneLine */.T)(error.message, 300))}` };
    }
    const tried = attempts.map(([base, head]) => `${markdownCode(base)}…${markdownCode(head)}`).join(' or ');
    return {
        kind: 'unavailable',
        reason: `${tried} not found in ${markdownText(request.repository)}: a tag or commit is missing there, or the token cannot read the repository.`,
    };
}
function refsToCompare(request) {
    const [previous, ...others] = request.previous;
    if (previous === undefined)
        return { reason: 'The target files held no value before: there is no previous version to compare with.' };
    if (others.length > 0) {
        return { reason: `The target files hold several values (${request.previous.map(markdownCode).join(', ')}): there is no single previous version to compare with.` };
    }
    if (previous === request.value)
        return { reason: `${markdownCode(previous)} is already the previous value: nothing new to list.` };
    const from = refOfValue(previous, request.mode);
    const to = refOfValue(request.value, request.mode);
    if (from.kind === 'none')
        return { reason: `No changelog: the previous value ${from.reason}.` };
    if (to.kind === 'none')
        return { reason: `No changelog: ${to.reason}.` };
    if (from.ref === to.ref) {
        return { reason: `${markdownCode(previous)} and ${markdownCode(request.value)} both name ${markdownCode(to.ref)} in ${markdownText(request.repository)}: the image changed, its source did not.` };
    }
    return { from, to };
}
/** Subjects longer than this are cut: 20 of them stay a small part of the body's 65,536 characters. */
const SUBJECT_CHARACTERS = 200;
/**
 * The Markdown section: deterministic for the same comparison (no dates, a stable order). A
 * rollback names it for what it takes out instead (`heading`).
 */
function renderChangelog(changelog, value, heading = `### What ${markdownText(value)} contains`) {
    if (changelog.kind === 'unavailable')
        return `${heading}\n\n${changelog.reason}\n`;
    const { comparison, from, to } = changelog;
    const repository = `[${markdownInline(changelog.repository)}](${changelog_linkTarget(comparison.repositoryUrl)})`;
    const full = changelog_linkTarget(comparison.webUrl);
    if (comparison.totalCommits === 0) {
        return `${heading}\n\n${markdownCode(to)} adds no commits to ${markdownCode(from)} in ${repository}: it is the same commit or an older one ([comparison](${full})).\n`;
    }
    const count = comparison.totalCommits === 1 ? '1 commit' : `${comparison.totalCommits} commits`;
    const lines = comparison.commits.map((commit) => commitLine(commit, changelog.forge, comparison.repositoryUrl));
    const more = comparison.totalCommits - comparison.commits.length;
    const footer = more > 0 ? `${more} more: see the [full comparison](${full}).` : `[Full comparison](${full})`;
    return [heading, '', `${count} in ${repository} from ${markdownCode(from)} to ${markdownCode(to)}, newest first:`, '', ...lines, '', footer, ''].join('\n');
}
function commitLine(commit, forge, repositoryUrl) {
    const author = commit.authorName === '' ? '' : ` — ${markdownInline(commit.authorName)}`;
    return `- [${markdownCode(commit.sha.slice(0, 7))}](${changelog_linkTarget(commit.url)}) ${linkedSubject(commit.subject, forge, repositoryUrl)}${author}`;
}
/** A URL as a link destination: the characters that would end it or break the line percent-encoded (a tag may hold parentheses). */
function changelog_linkTarget(url) {
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
        out += markdownInline(text.slice(at, match.index)) + (url === undefined ? markdownCode(whole) : `[${sigil}${number}](${changelog_linkTarget(url)})`);
        at = match.index + whole.length;
    }
    return out + markdownInline(text.slice(at));
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
        `| ${nouns[0]} | ${markdownText(source)} | ${markdownText(target)} |`,
        '| --- | --- | --- |',
        ...shown.map((row) => `| ${markdownCode(row.name)} | ${cell(row.source)} | ${cell(row.target)} |`),
    ];
    const more = rows.length > shown.length ? [``, `…and ${rows.length - shown.length} more ${nouns[1]} that differ.`] : [];
    const intro = `${rows.length} other ${rows.length === 1 ? nouns[0]?.toLowerCase() : nouns[1]} differ${rows.length === 1 ? 's' : ''} between ${markdownText(source)} and ${markdownText(target)} and stay${rows.length === 1 ? 's' : ''} as ${markdownText(target)} has ${rows.length === 1 ? 'it' : 'them'}:`;
    const body = [intro, '', ...table, ...more].join('\n');
    return [`### Not in this promotion`, '', rows.length > 10 ? `<details><summary>${rows.length} ${nouns[1]} differ</summary>\n\n${body}\n\n</details>` : body].join('\n');
}
function cell(values) {
    return values.length === 0 ? '(not set)' : values.map(markdownCode).join(', ');
}

;// CONCATENATED MODULE: ./packages/core/src/promotion/review/evidence.ts


async function assessSource(ref, app, value, valueAt) {
    const label = appLabel(ref);
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
    const lines = [`### Evidence from ${markdownText(environment)}`, ''];
    for (const { evidence, value } of groups) {
        for (const item of evidence) {
            const app = markdownCode(item.app);
            if (item.state === 'runs') {
                lines.push(`- ✅ ${app} runs ${markdownCode(value)}: Synced at ${markdownCode(item.revision.slice(0, 12))} and Healthy${item.since ? `, running it since ${utc(item.since)}` : ''}.`);
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
            return `${app} runs ${markdownCode(value)} at ${markdownCode(item.revision.slice(0, 12))} but is ${markdownText(item.sync)} and ${markdownText(item.health)}, not Synced and Healthy: nothing shows yet that this value works there.`;
        case 'other':
            return item.revision
                ? `${app} does not run ${markdownCode(value)}: it is at ${markdownCode(item.revision.slice(0, 12))}, which ${item.runs !== undefined ? `runs ${markdownCode(item.runs)}` : 'sets no value in the source files'}.`
                : `${app} has not synced any revision yet, so it does not run ${markdownCode(value)}.`;
        case 'unreadable':
            return `${app} could not be read: ${item.reason}`;
    }
}
/** `2026-12-06T14:02:11Z` → `2026-12-06 14:02 UTC` (seconds add nothing a reviewer needs). */
function utc(timestamp) {
    const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(timestamp);
    return match ? `${match[1]} ${match[2]} UTC` : markdownCode(timestamp);
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
    const entries = request.values.map(({ name, value, previous, target }) => ({ previous, value, mode: target.mode, ...(request.values.length > 1 ? { heading: `### What ${markdownText(name)} ${markdownCode(value)} contains` } : {}) }));
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
            if (error instanceof argocd_errors/* ArgoCdError */.rA)
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
            const item = typeof app === 'string' ? { app: appLabel(ref), state: 'unreadable', reason: app } : await assessSource(ref, app, promoted.value, source(promoted.target));
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
                for (const site of manifest_reader_readManifest(text, file, target))
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
    const images = manifest_reader_readImages(texts.map(({ file, text }) => ({ file, source: text })));
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
        const report = { application: appLabel(ref), revision: headSha, seeAll: appPage(argocd.server, ref) };
        try {
            // Argo CD's repo server may take up to a minute to render a revision it has not seen.
            // The two reads do not depend on each other: the render (the slow one) and the live state at once.
            const [manifests, managed] = await Promise.all([argocd.client.manifests(ref.name, { ...options, revision: headSha, timeoutMs: RENDER_TIMEOUT_MS }), argocd.client.managedResources(ref.name, options)]);
            const diff = diffResources(manifests, managed);
            info(`${report.application}: Argo CD renders ${headSha.slice(0, 12)} with ${diff.changes.length} resource(s) changed, added or removed.`);
            apps.push({ ...report, outcome: { diff } });
        }
        catch (error) {
            if (!(error instanceof argocd_errors/* ArgoCdError */.rA))
                throw error;
            info(`${report.application}: no diff, ${error.message}`);
            apps.push({ ...report, outcome: { error: (0,one_line/* oneLine */.T)(error.message, 300) } });
        }
    }
    return (budget) => argoCdDiffSection({ environment, apps, budget });
}
/** A dry run pushes nothing, so Argo CD has no commit to render: the section says so. */
function argoCdDiffNotRendered(environment) {
    return () => `### What Argo CD will change in ${markdownText(environment)}\n\nNot rendered in a dry run: nothing was pushed, so Argo CD has no commit to render.`;
}
const RENDER_TIMEOUT_MS = 60_000;
/** The app's page in Argo CD's UI. */
function appPage(server, ref) {
    const base = server.replace(/\/+$/, '');
    return `${base}/applications/${ref.namespace ? `${encodeURIComponent(ref.namespace)}/` : ''}${encodeURIComponent(ref.name)}`;
}

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
        throw new ManifestEditError(`Not set in the source files (${sourceNames}): ${notInSource.join(', ')}.`, "Check the names in 'images' / 'keys' against the source environment's manifests (image names without tag or digest, exactly as the manifests write them).");
    }
    const notInTarget = pairs.filter((pair) => !pair.targetSites).map((pair) => pair.name);
    if (notInTarget.length > 0) {
        throw new ManifestEditError(`Not referenced in the target files (${targetNames}), so there is nothing to edit: ${notInTarget.join(', ')}.`, "Add the target's manifests that reference them to 'files', or leave them out of the set (exclude-images for images).");
    }
    return pairs.map((pair) => value_set_valueOf(pair, sourceNames));
}
function imagePairs(selection, files) {
    if (!selection.images)
        return [];
    const source = manifest_reader_readImages(files.source);
    const target = manifest_reader_readImages(files.target);
    const names = selection.images === 'all' ? distinctImages([...source.keys()].sort()) : [...new Set(selection.images)];
    const excluded = anyGlob(selection.excludeImages);
    return names
        .filter((name) => !excluded(name) && !excluded(image_reference_normalizeImageName(name)))
        .map((name) => {
        const spelled = sourceSpelling(source, name);
        return { target: { mode: 'image', name: spelled }, name: spelled, source: findImage(source, name), targetSites: findImage(target, name) };
    });
}
function keyPairs(selection, files) {
    if (selection.keys.length === 0)
        return [];
    const source = readKeys(files.source, selection.keys);
    const target = readKeys(files.target, selection.keys);
    return selection.keys.map((path) => {
        const name = key_path_formatKeyPath(path);
        return { target: { mode: 'key', path }, name, source: source.get(name), targetSites: target.get(name) };
    });
}
/** One name per image that runs (`nginx` and `docker.io/library/nginx` are one image). */
function distinctImages(names) {
    const seen = new Set();
    return names.filter((name) => {
        const key = image_reference_normalizeImageName(name);
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
    const key = image_reference_normalizeImageName(name);
    for (const [other, sites] of images)
        if (image_reference_normalizeImageName(other) === key)
            return sites;
    return undefined;
}
/** The name as the source files write it (what the edit and the trailers then name), else as given. */
function sourceSpelling(images, name) {
    if (images.has(name))
        return name;
    const key = image_reference_normalizeImageName(name);
    return [...images.keys()].find((other) => image_reference_normalizeImageName(other) === key) ?? name;
}
function value_set_valueOf(pair, sourceNames) {
    const described = pair.target.mode === 'image' ? `Image ${pair.name}` : `Key ${pair.name}`;
    const read = singleValue(pair.source?.sites ?? [], described, sourceNames);
    const previous = pair.targetSites?.values ?? [];
    const value = { target: pair.target, name: pair.name, value: read.value, previous, request: editRequestFor(pair.target, read.value, read) };
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
    const errors = await heldErrors(request, open);
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
    const selected = selectValues(read.selection, { source: await readSources(read.source), target: await readSources(read.target) });
    const history = { repo: read.repo, remote: 'origin', branch: undefined, rev: read.baseTip, files: read.target.map((file) => file.relative), info: read.info };
    const values = await applyHolds(history, selected, read.held);
    for (const value of values)
        if (value.skipped)
            read.info(`Skipped ${value.skipped.reason === 'running' ? `${value.name} ${value.value}: the target already runs it` : `(held) ${value.skipped.message.replace(/\.$/, '')}`}.`);
    const promoted = promotedValues(values);
    read.info(`Promoting ${promoted.length} of ${values.length} value${values.length === 1 ? '' : 's'}${promoted.length > 0 ? `: ${promoted.map((value) => `${value.name} ${value.previous.join(', ') || '(not set)'} → ${value.value}`).join('; ')}` : ''}.`);
    return values;
}

// EXTERNAL MODULE: ./packages/core/src/steps/step-context.ts
var step_context = __webpack_require__(6553);
;// CONCATENATED MODULE: ./packages/core/src/text/template.ts

const PLACEHOLDER = /\{\{\s*([A-Za-z-]+)\s*\}\}/g;
/**
 * Fills `{{name}}` placeholders of a template input. An unknown placeholder is an input error,
 * found before anything is written, not a literal `{{typo}}` in a commit or a pull request.
 */
function fillTemplate(template, values, input) {
    const filled = template.replace(PLACEHOLDER, (match, name) => {
        const value = values[name];
        if (value === undefined) {
            throw new errors/* InputError */.dz(`Input '${input}' uses an unknown placeholder ${match}.`, `Available: ${Object.keys(values).map((key) => `{{${key}}}`).join(', ')}.`);
        }
        return value;
    });
    if (filled.trim() === '')
        throw new errors/* InputError */.dz(`Input '${input}' is empty.`, 'Give a text, or leave the input unset for the default.');
    return filled;
}

;// CONCATENATED MODULE: ./packages/core/src/promotion/review/body.ts
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

;// CONCATENATED MODULE: ./packages/core/src/steps/change-table.ts

/**
 * The Markdown table of what an edit changes, as the job summary and the PR/MR body show it:
 * repository content is shown literally (code spans); `removed` is what a removed value shows.
 * Changes that name their value (a train: ValueChange with `image` or `key`) get a first column
 * saying which, so each row reads as one value at one place.
 */
function changeTable(changes, removed) {
    const cell = (text, none) => (text === null ? none : markdownCode(text));
    const named = changes.some((change) => change.image !== undefined || change.key !== undefined);
    const rows = changes.map((change) => {
        const row = `| ${markdownText(change.file)} | ${change.line} | ${markdownCode(change.path)} | ${cell(change.previous, '—')} | ${cell(change.value, removed)} |`;
        return named ? `| ${cell(change.image ?? change.key ?? null, '—')} ${row}` : row;
    });
    const header = named ? ['| Image / key | File | Line | Path | Before | After |', '| --- | --- | ---: | --- | --- | --- |'] : ['| File | Line | Path | Before | After |', '| --- | ---: | --- | --- | --- |'];
    return [...header, ...rows].join('\n');
}

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
    return fillTemplate(config.titleTemplate, placeholders(config, facts), 'title');
}
function promotionBody(config, facts) {
    const values = placeholders(config, facts);
    const table = changeTable(facts.changes, '(removed)');
    const source = sourceLine(config, facts);
    const compare = compareLink(config, facts);
    const previous = facts.previous.length > 0 ? facts.previous.map(markdownCode).join(', ') : '(not set)';
    const review = facts.review ?? {};
    const head = [
        facts.values
            ? `Promotes ${values.target ?? ''} to **${markdownText(config.environment)}** in one commit: a row per value and place.`
            : `Promotes ${markdownCode(values.target ?? '')} to **${markdownText(config.environment)}**: ${previous} → ${markdownCode(facts.value)}.`,
        '',
        table,
        '',
        ...skippedLines(config, facts.values ?? []),
        ...(source ? [source, ''] : []),
        ...(compare && !review.compared ? [compare, ''] : []),
    ].join('\n');
    const footer = `<sub>Opened by gitops-promote. Each run rebuilds this branch from ${markdownCode(facts.base)}; commits people push to it are kept, and a later value updates this ${config.forge === 'github' ? 'pull request' : 'merge request'} instead of opening another.</sub>`;
    const standard = fitBody(head, review, footer);
    if (!config.bodyTemplate)
        return standard;
    const sections = { diff: review.diff?.(Number.POSITIVE_INFINITY) ?? '', changelog: review.changelog ?? '', evidence: review.evidence ?? '', drift: review.drift ?? '' };
    return fitBody(fillTemplate(config.bodyTemplate, { ...values, table, source, compare, default: standard, ...sections }, 'body'), {}, '');
}
function sourceLine(config, facts) {
    if (!facts.source)
        return `Value given explicitly to the step.`;
    const where = sourceEnvironmentOf(config, facts);
    const commit = facts.source.commit ? ` at commit ${markdownCode(facts.source.commit.slice(0, 12))}` : '';
    return `Running in **${markdownText(where)}**${commit} (${facts.source.files.map(markdownText).join(', ')} on ${markdownCode(facts.base)}).`;
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
    return `Changes in the application: [${markdownCode(from)} … ${markdownCode(to)}](${url})`;
}
/** The values of a set left out, each named with why: what the reviewer does not get in this change. */
function skippedLines(config, values) {
    const running = values.filter((value) => value.skipped?.reason === 'running');
    const held = values.filter((value) => value.skipped?.reason === 'held');
    const lines = [];
    if (running.length > 0) {
        lines.push(`Already running in **${markdownText(config.environment)}** (skipped): ${running.map((value) => `${markdownCode(value.name)} ${markdownCode(value.value)}`).join(', ')}.`, '');
    }
    for (const value of held)
        lines.push(`Left out, held by a rollback: ${markdownText(value.skipped?.message ?? '')}`, '');
    return lines;
}

;// CONCATENATED MODULE: ./packages/core/src/steps/open-promotion-pr/run.ts



















const STEP = 'open-promotion-pr';
async function runOpenPromotionPr(config, platform, context = (0,step_context/* defaultStepContext */.x)()) {
    platform.setSecret(config.token);
    if (config.argocd)
        platform.setSecret(config.argocd.token);
    const forge = await context.openForge({ kind: config.forge, apiUrl: config.apiUrl, repository: config.repository, token: config.token }, platform);
    const argocd = config.argocd ? await connectReview(config.argocd, (options) => context.connectArgoCd(options), (text) => platform.redact(text)) : undefined;
    const scratch = await (0,promises_.mkdtemp)(external_node_path_default().join((0,external_node_os_.tmpdir)(), 'gitops-promote-pr-'));
    try {
        const base = config.base ?? (await forge.repository()).defaultBranch;
        const repo = await context.git.openScratchClone(scratch, config.repositoryUrl, config.token, config.forge, platform);
        const read = await platform.group(`Reading ${base}`, () => prepare(config, platform, repo, base));
        const prepared = await platform.group('Reviewing the promotion', () => withReview(config, platform, forge, repo, read, argocd));
        if (config.dryRun)
            return await dryRun(config, platform, forge, prepared);
        const plan = async (revision) => withRetiredHold(config, repo, prepared, await planAt(repo, prepared.requests, prepared.targets, revision), revision);
        const outcome = await platform.group(`Updating branch ${config.branch}`, () => publishChangeBranch({
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
            ours: writtenBy(STEP),
            ...(config.signCommits ? { commitThroughApi: apiCommitterOf(forge, (message) => platform.info(message)) } : {}),
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
    const settled = await settledReview({
        repo,
        values: promotedValues(prepared.values).map(({ target, name, value, previous }) => ({ target, name, value, previous })),
        sourceEnvironment: sourceEnvironmentOf(config, prepared.facts),
        targetEnvironment: config.environment,
        sourceFiles,
        targetFiles: prepared.targets.map((file) => file.relative),
        baseTip: prepared.tips.baseTip,
        ...(argocd ? { argocd } : {}),
        ...(config.sourceRepository ? { changelog: { forge, repository: repositoryPath(config.sourceRepository) } } : {}),
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
    const tips = await readTips(repo, 'origin', base, config.branch);
    const { baseTip } = tips;
    await repo.checkoutDetached(baseTip);
    const targets = await selectFiles(repo.workTree, config.files);
    const read = config.target.mode === 'set' ? await readSet(config, platform, repo, baseTip, targets) : await readOne(config, platform, repo, baseTip, targets);
    const requests = promotedValues(read.values).map((value) => value.request);
    // Reading the work tree at the base tip refuses, by name, values that match nothing in the files.
    const planned = await planAt(repo, requests, targets, undefined);
    const facts = factsOf(config, read.values, requests, planned, { base, ...(read.source ? { source: read.source } : {}) });
    if (config.target.mode !== 'set')
        platform.info(`${config.environment} runs ${facts.previous.join(', ') || '(nothing)'} on ${base} at ${baseTip.slice(0, 12)}; promoting ${facts.value}.`);
    const values = config.target.mode === 'set' ? read.values : read.values.map((value) => ({ ...value, previous: facts.previous }));
    return { base, tips, values, requests, targets, facts, planned };
}
/** One value: given, or read from the source files; a held one is refused (unless allowed). */
async function readOne(config, platform, repo, baseTip, targets) {
    const readTarget = run_readTargetOf(config);
    let request;
    let value;
    let source;
    if (config.source.from === 'input') {
        request = config.source.request;
        value = config.source.value;
    }
    else {
        const sourceFiles = await selectFiles(repo.workTree, config.source.files);
        const reads = (await readSources(sourceFiles)).flatMap((text) => manifest_reader_readManifest(text.source, text.file, readTarget));
        const described = readTarget.mode === 'image' ? `Image ${readTarget.name}` : `Key ${targetName(config.target)}`;
        const read = singleValue(reads, described, sourceFiles.map((file) => file.relative).join(', '));
        value = read.value;
        request = editRequestFor(readTarget, value, read);
        source = await sourceOf(repo, baseTip, sourceFiles);
        platform.info(`${read.file}:${read.line} runs ${value}${source.commit ? ` (set in ${source.commit.slice(0, 12)})` : ''}.`);
    }
    await refuseRolledBack({ repo, remote: 'origin', branch: undefined, rev: baseTip, files: targets.map((file) => file.relative), target: readTarget, info: (message) => platform.info(message) }, value, config.allowRolledBack);
    return { values: [{ target: readTarget, name: targetName(config.target), value, previous: [], request }], ...(source ? { source } : {}) };
}
/** A set (`images` / `keys`): every selected value compared between the environments, the hold applied per value. */
async function readSet(config, platform, repo, baseTip, targets) {
    if (config.target.mode !== 'set' || config.source.from !== 'files')
        throw new Error('readSet reads a set from source files');
    const sourceFiles = await selectFiles(repo.workTree, config.source.files);
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
    const manifests = manifestsOf(planned);
    if (config.target.mode !== 'set') {
        const [only] = values;
        return { ...where, value: only?.value ?? '', previous: valuesIn(planned, run_readTargetOf(config)), changes: manifests.flatMap((file) => file.changes) };
    }
    const promoted = promotedValues(values);
    return { ...where, value: shortValues(promoted), previous: [], changes: valueChanges(manifests, requests), values };
}
/**
 * allow-rolled-back: the hold records of the promoted value for these files are retired in the
 * promotion's own commit, so merging it lifts the hold and closing it leaves the hold in place.
 */
async function withRetiredHold(config, repo, prepared, planned, revision) {
    if (!config.allowRolledBack || changedOnly(planned).length === 0)
        return planned;
    return withHold(repo, planned, revision, await retireHolds(repo, promotedValues(prepared.values), prepared.targets.map((file) => file.relative)));
}
function commitMessage(config, prepared, planned) {
    const changed = changedOnly(manifestsOf(planned)).length;
    const files = `${changed} file${changed === 1 ? '' : 's'}`;
    if (config.target.mode === 'set') {
        // One Set trailer per value (one value: the one-value trailers), each with what it replaced.
        const promoted = promotedValues(prepared.values);
        return withTrailers(`chore(promote): ${setName(promoted)} to ${config.environment}\n\nSets ${shortValues(promoted, undefined, promoted.length)} in ${files}; opened by gitops-promote ${STEP}.`, {
            step: STEP,
            values: valueRecords(planned, prepared.requests),
            environment: config.environment,
        });
    }
    const target = targetName(config.target);
    return withTrailers(`chore(promote): ${target} ${prepared.facts.value} to ${config.environment}\n\nSets ${files}; opened by gitops-promote ${STEP}.`, {
        step: STEP,
        ...(config.target.mode === 'image' ? { image: target } : { key: target }),
        value: prepared.facts.value,
        previous: prepared.facts.previous,
        environment: config.environment,
    });
}
async function dryRun(config, platform, forge, prepared) {
    const existing = await forge.findOpen(config.branch, prepared.base);
    const holds = changedOnly(prepared.planned).length === 0;
    const operation = holds ? (existing ? 'closed' : 'unchanged') : existing ? 'updated' : 'created';
    platform.info(`Dry run: would ${holds ? (existing ? `close ${forge.noun} #${existing.number}` : 'do nothing') : existing ? `update ${forge.noun} #${existing.number}` : `open a ${forge.noun}`}; nothing was pushed or written.`);
    if (!holds) {
        // A pipeline previews the change request from here: what it would be titled and say.
        const facts = config.argocd?.targets.length ? { ...prepared.facts, review: { ...prepared.facts.review, diff: argoCdDiffNotRendered(config.environment) } } : prepared.facts;
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
function run_readTargetOf(config) {
    if (config.target.mode === 'set')
        throw new Error('a set reads each of its values');
    return config.target.mode === 'image' ? { mode: 'image', name: config.target.image } : { mode: 'key', path: config.target.path };
}
/** What a branch whose edit reads `planned` holds, for messages. */
function describeBranch(config, prepared, planned) {
    if (config.target.mode !== 'set')
        return `${targetName(config.target)} ${valuesIn(planned, run_readTargetOf(config)).join(', ') || '(not set)'}`;
    return shortValues(promotedValues(prepared.values), (value) => valuesIn(planned, value.target).join(', '));
}
/** Makes the change request match the branch: closed when base already runs the value, superseded when another run replaced it, else ensured. */
async function updateChangeRequest(config, platform, forge, argocd, repo, prepared, outcome, plan) {
    const factsOfPlan = (planned) => ({ ...prepared.facts, changes: factsOf(config, prepared.values, prepared.requests, planned, prepared.facts).changes });
    // What Argo CD renders for the head just pushed: read once per head, rendered into every body.
    const diffs = new Map();
    const diffAt = (head) => {
        if (!argocd || argocd.targets.length === 0)
            return undefined;
        const cached = diffs.get(head) ?? argoCdDiff(argocd, head, config.environment, (message) => platform.info(message));
        diffs.set(head, cached);
        return cached;
    };
    const factsAt = async (planned, head) => {
        const facts = factsOfPlan(planned);
        const diff = await diffAt(head);
        return diff ? { ...facts, review: { ...facts.review, diff } } : facts;
    };
    const synced = await syncChangeRequest({
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
        const held = { ...prepared, facts: { ...prepared.facts, value: config.target.mode === 'set' ? describeBranch(config, prepared, synced.planned) : valuesIn(synced.planned, run_readTargetOf(config)).join(', ') } };
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
    const config = validateOpenPromotionPrInputs(readInputs(spec/* openPromotionPrSpec */.D, platform), context.env);
    const result = await runOpenPromotionPr(config, platform, context);
    platform.setOutput('operation', result.operation);
    setChangeRequestOutputs(platform, result);
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
        ? `${markdownCode(result.facts.value || '(nothing)')} in **${markdownText(environment)}**`
        : `${markdownCode(result.previous.join(', ') || '(not set)')} → ${markdownCode(result.value)} in **${markdownText(environment)}**`;
    const runs = values ? `every value listed (${values.length})` : markdownCode(result.value);
    const link = result.url ? `[#${result.number ?? ''}](${result.url})` : '';
    const verbs = {
        created: `Opened ${link}: ${what}.`,
        updated: `Updated ${link}: ${what}.`,
        unchanged: link ? `${link} is up to date: ${what}.` : `Nothing to promote: ${result.facts.base} already runs ${runs}.`,
        closed: `Closed ${link}: ${result.facts.base} already runs ${runs}.`,
        superseded: `Superseded: another run replaced ${markdownCode(result.branch)} while this one worked; it holds ${markdownCode(result.value)}${link ? ` (${link})` : ''}, and nothing of this run's was written.`,
    };
    lines.push(`${result.dryRun ? 'Dry run, would have: ' : ''}${verbs[result.operation]}`);
    return lines.join('\n');
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
