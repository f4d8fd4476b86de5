export const id = 761;
export const ids = [761];
export const modules = {

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
