export const id = 809;
export const ids = [809];
export const modules = {

/***/ 649:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ ArgoCdConnectionError),
/* harmony export */   $o: () => (/* binding */ isRetryableArgoCdError),
/* harmony export */   FK: () => (/* binding */ ArgoCdAuthError),
/* harmony export */   Rk: () => (/* binding */ ArgoCdAppNotFoundError),
/* harmony export */   Uq: () => (/* binding */ ArgoCdTlsError),
/* harmony export */   ZN: () => (/* binding */ ArgoCdStreamError),
/* harmony export */   ZX: () => (/* binding */ ArgoCdProtocolError),
/* harmony export */   aJ: () => (/* binding */ ArgoCdRequestError),
/* harmony export */   ac: () => (/* binding */ ArgoCdTimeoutError),
/* harmony export */   h9: () => (/* binding */ ArgoCdUnreachableError),
/* harmony export */   mF: () => (/* binding */ ArgoCdServerError),
/* harmony export */   mu: () => (/* binding */ ArgoCdHostNotFoundError),
/* harmony export */   rA: () => (/* binding */ ArgoCdError)
/* harmony export */ });
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
class ArgoCdUnreachableError extends ArgoCdConnectionError {
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


/***/ })

};
