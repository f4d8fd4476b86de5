export const id = 938;
export const ids = [938];
export const modules = {

/***/ 8388:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DZ: () => (/* binding */ unreachableError),
/* harmony export */   IL: () => (/* binding */ isTransportFailure),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   U6: () => (/* binding */ errorForStatus),
/* harmony export */   VQ: () => (/* binding */ readServerMessage),
/* harmony export */   Zy: () => (/* binding */ errorForTransport),
/* harmony export */   bO: () => (/* binding */ isNothingListening),
/* harmony export */   ce: () => (/* binding */ errorForStreamLine),
/* harmony export */   w2: () => (/* binding */ timeoutError)
/* harmony export */ });
/* harmony import */ var _text_duration__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8473);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(649);


const MAX_MESSAGE = 300;
function request(context) {
    return `${context.method} ${context.path}`;
}
/** One line of at most MAX_MESSAGE characters. */
function oneLine(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > MAX_MESSAGE ? `${flat.slice(0, MAX_MESSAGE - 1)}…` : flat;
}
/** Argo CD's error body is `{"error","code","message"}`; a proxy's may be text or HTML (dropped). */
function readServerMessage(text, contentType, redact) {
    const trimmed = text.trim();
    if (trimmed.startsWith('{')) {
        try {
            const body = JSON.parse(trimmed);
            if (typeof body === 'object' && body !== null) {
                const fields = body;
                const message = [fields.message, fields.error].find((entry) => typeof entry === 'string' && entry !== '');
                const code = typeof fields.code === 'number' ? fields.code : undefined;
                return { message: message === undefined ? undefined : oneLine(redact(message)), grpcCode: code };
            }
        }
        catch {
            // Not JSON after all: treated as text below.
        }
    }
    if (trimmed === '' || /html/i.test(contentType) || trimmed.startsWith('<'))
        return {};
    return { message: oneLine(redact(trimmed)) };
}
function errorForStatus(status, server, context, redact) {
    const detail = server.message ? `: ${server.message}` : '';
    const answered = `HTTP ${status}${detail}`;
    const safe = (text) => oneLine(redact(text));
    if (status === 401)
        return authError(answered, context, safe);
    const application = context.application;
    const denied = status === 403 && (server.message === undefined || /^permission denied/i.test(server.message));
    if (application !== undefined && (status === 404 || denied)) {
        return new _errors__WEBPACK_IMPORTED_MODULE_1__/* .ArgoCdAppNotFoundError */ .Rk(safe(`Argo CD application '${application}' not found or not permitted (${request(context)} on ${context.host} answered ${answered}).`), safe(`Check the application name and its namespace (appNamespace). Set \`project\` to the app's project so that a missing app answers 404 instead of a bare 403, and make sure the account's RBAC allows \`applications, get\` (and \`sync\` to sync) on <project>/${application}.`), application, status);
    }
    if (status >= 500 || status === 408 || status === 429) {
        return new _errors__WEBPACK_IMPORTED_MODULE_1__/* .ArgoCdServerError */ .mF(safe(`Argo CD at ${context.host} failed ${request(context)} (${answered}).`), 'A server-side or overload failure; the step retries. If it persists, check the argocd-server and repo-server logs.', status, server.message);
    }
    return new _errors__WEBPACK_IMPORTED_MODULE_1__/* .ArgoCdRequestError */ .aJ(safe(`Argo CD at ${context.host} refused ${request(context)} (${answered}).`), safe(refusalHint(status, server.message)), status, server.message, server.grpcCode);
}
function authError(answered, context, safe) {
    switch (context.credential) {
        case 'password':
            return new _errors__WEBPACK_IMPORTED_MODULE_1__/* .ArgoCdAuthError */ .FK(safe(`Argo CD at ${context.host} refused the username and password (${request(context)} answered ${answered}).`), 'Check the username and password. A local account needs the `login` capability (accounts.<name>: login in argocd-cm); an SSO-only Argo CD needs a token instead.');
        case 'session':
            return new _errors__WEBPACK_IMPORTED_MODULE_1__/* .ArgoCdAuthError */ .FK(safe(`Argo CD at ${context.host} refused the session obtained with username and password (${request(context)} answered ${answered}).`), 'The session was refused right after logging in: check that the account is enabled and that the server clock and its token signing key (server.secretkey) are not changing.');
        case 'token':
            return new _errors__WEBPACK_IMPORTED_MODULE_1__/* .ArgoCdAuthError */ .FK(safe(`Argo CD at ${context.host} refused the token: token invalid or expired (${request(context)} answered ${answered}).`), 'Create a new token (`argocd account generate-token --account <ci-account>`, or a project role token), store it in the CI secret the step reads, and give it an expiry longer than your release cadence.');
    }
}
function refusalHint(status, message) {
    if (status < 400)
        return 'The server redirected instead of answering (often to an SSO login page): point the server URL at the Argo CD API server itself.';
    if (status === 415)
        return 'Argo CD accepts only Content-Type: application/json; this is a bug in gitops-promote, please report it.';
    if (message && /another operation is already in progress/i.test(message)) {
        return 'Wait for the running operation to finish (or terminate it: `argocd app terminate-op <app>`), then sync again.';
    }
    if (status === 403)
        return "Argo CD refused for a reason other than RBAC (for example a sync window); the server's message says which.";
    return "The server's message names what it refused; fix that input and run again.";
}
/** gRPC status → the HTTP status grpc-gateway would have used, for stream errors without one. */
const GRPC_TO_HTTP = { 1: 499, 3: 400, 4: 504, 5: 404, 7: 403, 8: 429, 9: 400, 13: 500, 14: 503, 16: 401 };
/** The final `{"error":…}` line of a watch stream, as the error the same HTTP status would be. */
function errorForStreamLine(body, context, redact) {
    const status = body.httpCode || (body.grpcCode !== undefined ? GRPC_TO_HTTP[body.grpcCode] : undefined) || 500;
    const message = body.message === undefined ? undefined : oneLine(redact(body.message));
    // 499 (cancelled by the server) is no verdict on the request: reconnect like after a 5xx.
    return errorForStatus(status === 499 ? 503 : status, { message, grpcCode: body.grpcCode }, context, redact);
}
/** Node and undici codes of a certificate that cannot be verified, or of a port that is not TLS. */
const TLS_CODES = new Set([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'CERT_SIGNATURE_FAILURE',
    'CERT_UNTRUSTED',
    'CERT_REJECTED',
    'CERT_REVOKED',
    'INVALID_CA',
    'INVALID_PURPOSE',
    'PATH_LENGTH_EXCEEDED',
    'HOSTNAME_MISMATCH',
    'ERR_TLS_CERT_ALTNAME_INVALID',
]);
function isTlsCode(code) {
    // ERR_SSL_*: handshake refused or not TLS at all (wrong port, http server): no retry fixes that.
    return TLS_CODES.has(code) || code.startsWith('ERR_SSL_');
}
/** The codes and first message along an error's `cause` chain (undici sometimes wraps). */
function inspect(error) {
    const codes = [];
    let message = '';
    let current = error;
    for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
        const fields = current;
        if (typeof fields.code === 'string')
            codes.push(fields.code);
        if (message === '' && typeof fields.message === 'string')
            message = fields.message;
        current = fields.cause;
    }
    if (message === '' && typeof error === 'string')
        message = error;
    return { codes, message };
}
/**
 * Whether `error` is a failure of the network or the HTTP library (it carries a Node or undici
 * error code, itself or along its causes). Anything else thrown while talking to Argo CD (a
 * TypeError, say) is a bug in this code: it is passed on as it is, never retried as an outage.
 */
function isTransportFailure(error) {
    return inspect(error).codes.length > 0;
}
function errorForTransport(error, context, redact) {
    const { codes, message } = inspect(error);
    const safe = (text) => oneLine(redact(text));
    const tls = codes.find(isTlsCode);
    const hostname = context.host.replace(/:\d+$/, '');
    if (tls !== undefined) {
        const fix = 'Pass the PEM of the CA that signed the server certificate in `ca-cert`; only in a lab, set `insecure: true` to skip verification.';
        const hint = tls === 'ERR_TLS_CERT_ALTNAME_INVALID' || tls === 'HOSTNAME_MISMATCH'
            ? `The certificate does not name ${hostname}: use a host name it was issued for in the server URL, or reissue it. ${fix}`
            : tls === 'CERT_HAS_EXPIRED' || tls === 'CERT_NOT_YET_VALID'
                ? `Renew the server certificate (or check the runner's clock). ${fix}`
                : tls.startsWith('ERR_SSL_')
                    ? `Check that the port speaks HTTPS (use http:// for a plain-HTTP server). ${fix}`
                    : fix;
        return new _errors__WEBPACK_IMPORTED_MODULE_1__/* .ArgoCdTlsError */ .Uq(safe(`TLS verification of Argo CD at ${context.host} failed: ${tls} (${message}).`), safe(hint), tls);
    }
    const code = codes.find((entry) => entry !== 'UND_ERR') ?? codes[0];
    const what = code ? `${code}: ${message}` : message || 'unknown error';
    if (code === 'ENOTFOUND') {
        return new _errors__WEBPACK_IMPORTED_MODULE_1__/* .ArgoCdHostNotFoundError */ .mu(safe(`Nothing answers at ${context.host}: the Argo CD host ${hostname} does not resolve (${what}).`), "Check the 'server' input for a typo (the Argo CD base URL, e.g. https://argocd.example.com), and that the runner can resolve that name.", code);
    }
    return new _errors__WEBPACK_IMPORTED_MODULE_1__/* .ArgoCdConnectionError */ .$(safe(`Cannot reach Argo CD at ${context.host} for ${request(context)} (${what}).`), 'A network failure; the step retries. If it persists, check the server URL and port, and any proxy or firewall between the runner and Argo CD.', code);
}
function timeoutError(context, timeoutMs) {
    const hint = context.refresh
        ? 'A refresh GET waits until the application controller has compared the app with git; raise the timeout or check the controller (and repo-server) if it is slow.'
        : 'The step retries; if it persists, check the server and the network between the runner and Argo CD.';
    return new _errors__WEBPACK_IMPORTED_MODULE_1__/* .ArgoCdTimeoutError */ .ac(oneLine(`Argo CD at ${context.host} did not answer ${request(context)} within ${(0,_text_duration__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(timeoutMs)}.`), hint, timeoutMs);
}
/** Transport codes that mean nobody listens at the address: no server, a wrong port or host. */
const NOTHING_LISTENING = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
function isNothingListening(error) {
    return error instanceof _errors__WEBPACK_IMPORTED_MODULE_1__/* .ArgoCdConnectionError */ .$ && error.code !== undefined && NOTHING_LISTENING.has(error.code);
}
/**
 * The verdict on a server that never answered: refused (or unresolvable) since the first request
 * for `waitedMs`. A wrong host or port, not an outage worth the whole timeout.
 */
function unreachableError(host, last, waitedMs) {
    if (!last.retryable)
        return last;
    return new _errors__WEBPACK_IMPORTED_MODULE_1__/* .ArgoCdUnreachableError */ .h9(`Nothing answers at ${host}: ${last.code === 'ECONNREFUSED' ? 'every connection was refused' : 'no connection could be made'} (${last.code ?? 'no code'}) for ${(0,_text_duration__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(waitedMs)} since the first request.`, "Check the 'server' input: the Argo CD base URL with the right host and port (e.g. https://argocd.example.com), and that Argo CD runs and this runner can reach it.", last.code);
}


/***/ }),

/***/ 938:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ArgoCdClient: () => (/* binding */ ArgoCdClient),
  serverUrl: () => (/* reexport */ server_url/* serverUrl */.V)
});

// EXTERNAL MODULE: ./packages/core/src/argocd/classify.ts
var classify = __webpack_require__(8388);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/argocd/errors.ts
var argocd_errors = __webpack_require__(649);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
;// CONCATENATED MODULE: ./packages/core/src/argocd/http.ts




function createAgent(tls) {
    return new undici.Agent({
        connect: {
            // Added to, not instead of, the public roots: a server behind a public-CA proxy keeps working.
            ca: tls.caCert === undefined ? undefined : [...external_node_tls_.rootCertificates, tls.caCert],
            rejectUnauthorized: !tls.insecure,
        },
    });
}
/**
 * The most of one answer (or one watch line) read: far above any Application or list a real
 * server sends, far below what exhausts a runner's memory when something answers without end.
 */
const MAX_BODY_BYTES = 64 * 1024 * 1024;
/** Sends the request and reads the whole body (at most MAX_BODY_BYTES), all within `timeoutMs`. */
async function exchange(agent, call) {
    return withDeadline(call, async (signal) => {
        const response = await send(agent, call, signal);
        return { status: response.statusCode, contentType: contentType(response.headers), text: await readCapped(response.body, call) };
    });
}
/** The body as text, or an error naming the endpoint once it passes MAX_BODY_BYTES. */
async function readCapped(body, call) {
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
        size += bytes.length;
        if (size > MAX_BODY_BYTES) {
            body.destroy();
            throw tooLarge(`${call.context.method} ${call.context.path} on ${call.context.host}`);
        }
        chunks.push(bytes);
    }
    return Buffer.concat(chunks).toString('utf8');
}
/** An answer (`what`: the endpoint, or the watch stream) that passed MAX_BODY_BYTES. Terminal. */
function tooLarge(what) {
    return new argocd_errors/* ArgoCdProtocolError */.ZX(`${what} answered with more than ${MAX_BODY_BYTES / 1024 / 1024} MiB; stopped reading.`, 'No Argo CD answer is that large: point the server URL at the Argo CD API server itself, not at a proxy or another service.');
}
/**
 * Sends the request and returns the open body of a 2xx answer; the deadline covers only the wait
 * for the status line (a watch is quiet for as long as nothing changes). Any other status is read
 * whole, still within the deadline, and returned as an HttpAnswer for the caller to classify.
 * The caller owns the returned body and must consume or destroy it.
 */
async function openStream(agent, call) {
    return withDeadline(call, async (signal) => {
        const response = await send(agent, call, signal);
        const type = contentType(response.headers);
        if (response.statusCode >= 200 && response.statusCode < 300) {
            return { status: response.statusCode, contentType: type, body: response.body };
        }
        return { status: response.statusCode, contentType: type, text: await readCapped(response.body, call) };
    });
}
function send(agent, call, signal) {
    return (0,undici.request)(call.url, {
        dispatcher: agent,
        method: call.method,
        headers: call.headers,
        body: call.body,
        signal,
        // Our own deadline and stall detector replace undici's timers, which would cut quiet watches.
        headersTimeout: 0,
        bodyTimeout: 0,
    });
}
async function withDeadline(call, work) {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), call.timeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, deadline.signal]) : deadline.signal;
    try {
        return await work(signal);
    }
    catch (error) {
        // The caller's own abort comes back as its reason, unwrapped, as fetch() does.
        if (call.signal?.aborted)
            throw call.signal.reason;
        if (deadline.signal.aborted)
            throw (0,classify/* timeoutError */.w2)(call.context, call.timeoutMs);
        if (error instanceof argocd_errors/* ArgoCdError */.rA || !(0,classify/* isTransportFailure */.IL)(error))
            throw error;
        throw (0,classify/* errorForTransport */.Zy)(error, call.context, call.redact);
    }
    finally {
        clearTimeout(timer);
    }
}
function contentType(headers) {
    const value = headers['content-type'];
    return (Array.isArray(value) ? value[0] : value) ?? '';
}

// EXTERNAL MODULE: ./packages/core/src/argocd/parse.ts
var parse = __webpack_require__(2383);
// EXTERNAL MODULE: ./packages/core/src/argocd/secrets.ts
var secrets = __webpack_require__(6593);
// EXTERNAL MODULE: ./packages/core/src/argocd/server-url.ts
var server_url = __webpack_require__(4881);
// EXTERNAL MODULE: ./packages/core/src/text/duration.ts
var duration = __webpack_require__(8473);
;// CONCATENATED MODULE: ./packages/core/src/argocd/stream.ts




const RECONNECT = 'Proxies and load balancers drop idle or long-lived streams; the step reconnects from the last resourceVersion, and the server resends the current state first.';
async function* jsonLines(body, options) {
    const decoder = new TextDecoder('utf-8');
    const iterator = body[Symbol.asyncIterator]();
    const stallMs = options.stallMs ?? 0;
    let stalled = false;
    let timer;
    // The unfinished line, in pieces: joined only once its newline comes, so a long line costs its
    // length once, not once per chunk.
    const pending = new PendingLine();
    try {
        for (;;) {
            // The clock runs only while we wait for bytes, never while the consumer handles a line.
            if (stallMs > 0) {
                timer = setTimeout(() => {
                    stalled = true;
                    // With an error, so the pending read rejects instead of looking like a clean end.
                    body.destroy(new Error('stalled'));
                }, stallMs);
            }
            let next;
            try {
                next = await iterator.next();
            }
            catch (error) {
                throw interrupted(error, stalled, stallMs, pending.text(), options);
            }
            finally {
                clearTimeout(timer);
            }
            if (next.done)
                break;
            const text = typeof next.value === 'string' ? next.value : decoder.decode(next.value, { stream: true });
            let start = 0;
            let newline = text.indexOf('\n');
            while (newline >= 0) {
                const line = pending.take(text.slice(start, newline)).trim();
                if (line !== '')
                    yield { value: parseLine(line, options), terminated: true, text: line };
                start = newline + 1;
                newline = text.indexOf('\n', start);
            }
            pending.add(text.slice(start));
            // Characters never outnumber bytes: a line past the cap in characters is past it in bytes.
            if (pending.length > (options.maxLineBytes ?? MAX_BODY_BYTES))
                throw tooLarge(capitalised(options.source));
        }
        const tail = pending.take(decoder.decode()).trim();
        if (tail === '')
            return;
        let value;
        try {
            value = JSON.parse(tail);
        }
        catch {
            throw truncated(tail, options);
        }
        yield { value, terminated: false, text: tail };
    }
    finally {
        body.destroy();
    }
}
class PendingLine {
    pieces = [];
    length = 0;
    add(piece) {
        if (piece === '')
            return;
        this.pieces.push(piece);
        this.length += piece.length;
    }
    /** The line so far plus `end`; starts a new line. */
    take(end) {
        const line = this.pieces.join('') + end;
        this.pieces = [];
        this.length = 0;
        return line;
    }
    text() {
        return this.pieces.join('');
    }
}
/** A complete line that is not JSON is a corrupted or foreign line, not a verdict: reconnect. */
function parseLine(line, options) {
    try {
        return JSON.parse(line);
    }
    catch {
        throw malformed(line, options);
    }
}
function malformed(line, options) {
    return new argocd_errors/* ArgoCdStreamError */.ZN(`${capitalised(options.source)} sent a line that is not a watch event (${Buffer.byteLength(line)} bytes).`, RECONNECT, 'malformed');
}
/** Turns an error thrown while waiting for bytes into the caller's reason or a dropped stream. */
function interrupted(error, stalled, stallMs, pending, options) {
    if (options.signal?.aborted)
        return options.signal.reason;
    if (stalled) {
        return new argocd_errors/* ArgoCdStreamError */.ZN(`${capitalised(options.source)} sent nothing for ${(0,duration/* formatDuration */.a)(stallMs)}; treating it as dropped.`, RECONNECT, 'stalled');
    }
    if (error instanceof argocd_errors/* ArgoCdError */.rA || !(0,classify/* isTransportFailure */.IL)(error))
        return error;
    const fields = typeof error === 'object' && error !== null ? error : {};
    const code = typeof fields.code === 'string' ? `${fields.code}: ` : '';
    const message = typeof fields.message === 'string' ? fields.message : String(error);
    const partial = pending.trim() === '' ? '' : ` with ${Buffer.byteLength(pending)} bytes of an unfinished line discarded`;
    return new argocd_errors/* ArgoCdStreamError */.ZN((0,classify/* oneLine */.TN)(options.redact(`${capitalised(options.source)} broke (${code}${message})${partial}.`)), RECONNECT, 'dropped');
}
function truncated(tail, options) {
    return new argocd_errors/* ArgoCdStreamError */.ZN(`${capitalised(options.source)} ended in the middle of a line (${Buffer.byteLength(tail)} bytes unparsed).`, RECONNECT, 'truncated');
}
function capitalised(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

;// CONCATENATED MODULE: ./packages/core/src/argocd/client.ts







// Kept importable from here; the check itself lives apart so input validation does not load undici.


const DEFAULT_TIMEOUT_MS = 30_000;
class ArgoCdClient {
    options;
    base;
    agent;
    timeoutMs;
    secrets;
    session;
    answered = false;
    constructor(options) {
        this.options = options;
        this.secrets = (0,secrets/* redactorFor */.s)('token' in options.credentials ? options.credentials.token : options.credentials.password);
        this.base = (0,server_url/* serverUrl */.V)(options.server, (text) => this.redact(text));
        validateCredentials(options.credentials);
        if (options.caCert !== undefined && !options.caCert.includes('-----BEGIN CERTIFICATE-----')) {
            throw new errors/* InputError */.dz('The Argo CD CA certificate (`ca-cert`) is not PEM text.', 'Give the CA certificate itself, starting with -----BEGIN CERTIFICATE-----.');
        }
        this.timeoutMs = validTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
        this.agent = createAgent({ caCert: options.caCert, insecure: options.insecure });
    }
    /** Whether any request got an HTTP answer (any status): something listens at the server URL. */
    get hasAnswered() {
        return this.answered;
    }
    /** `host[:port]` of the server, for log lines. */
    get host() {
        return this.base.host;
    }
    /** The caller's redaction after removing every credential this client knows. */
    redact(text) {
        return this.options.redact(this.secrets.redact(text));
    }
    async getApplication(name, options = {}) {
        const path = `/api/v1/applications/${encodeURIComponent(name)}`;
        const { refresh, appNamespace, project } = options;
        const value = await this.json({ method: 'GET', path, query: { refresh, appNamespace, project }, application: name, refresh: refresh !== undefined, options });
        return (0,parse/* parseApplication */.wO)(value, this.where('GET', path));
    }
    async listApplications(options = {}) {
        const path = '/api/v1/applications';
        const { selector, projects, appNamespace } = options;
        const value = await this.json({ method: 'GET', path, query: { selector, projects, appNamespace }, options });
        return (0,parse/* parseApplicationList */.SL)(value, this.where('GET', path));
    }
    async resourceTree(name, options = {}) {
        const path = `/api/v1/applications/${encodeURIComponent(name)}/resource-tree`;
        const { appNamespace, project } = options;
        const value = await this.json({ method: 'GET', path, query: { appNamespace, project }, application: name, options });
        return (0,parse/* parseResourceTree */.cX)(value, this.where('GET', path));
    }
    /** An ApplicationSet and the Applications it generated; `appsetNamespace` for one outside Argo CD's namespace. */
    async getApplicationSet(name, options = {}) {
        const path = `/api/v1/applicationsets/${encodeURIComponent(name)}`;
        const value = await this.json({ method: 'GET', path, query: { appsetNamespace: options.appsetNamespace }, options });
        return (0,parse/* parseApplicationSet */.co)(value, this.where('GET', path));
    }
    /** One live resource of the app (`GET …/resource`), e.g. a Rollout with its status. */
    async getResource(name, resource, options = {}) {
        const path = `/api/v1/applications/${encodeURIComponent(name)}/resource`;
        const { appNamespace, project } = options;
        const query = { resourceName: resource.name, kind: resource.kind, namespace: resource.namespace, group: resource.group, version: resource.version, appNamespace, project };
        const value = await this.json({ method: 'GET', path, query, application: name, options });
        return (0,parse/* parseResourceManifest */.Dt)(value, this.where('GET', path));
    }
    /**
     * What Argo CD renders for the app at `revision` (`GET …/manifests`): Helm, Kustomize and plugins
     * exactly as its repo server runs them. An unknown revision or a render failure is the server's
     * error (HTTP 500, or 400 for a file that does not parse), classified like any other answer.
     */
    async manifests(name, options = {}) {
        const path = `/api/v1/applications/${encodeURIComponent(name)}/manifests`;
        const { revision, appNamespace, project } = options;
        const value = await this.json({ method: 'GET', path, query: { revision, appNamespace, project }, application: name, options });
        return (0,parse/* parseManifests */.Ye)(value, this.where('GET', path));
    }
    /**
     * Every resource the app manages with its target, live, normalized live and predicted state as
     * of the controller's last comparison (`GET …/managed-resources`).
     */
    async managedResources(name, options = {}) {
        const path = `/api/v1/applications/${encodeURIComponent(name)}/managed-resources`;
        const { appNamespace, project } = options;
        const value = await this.json({ method: 'GET', path, query: { appNamespace, project }, application: name, options });
        return (0,parse/* parseManagedResources */.CN)(value, this.where('GET', path));
    }
    /** Starts a sync; resolves with the Application as the server stored the new operation. */
    async sync(name, options = {}) {
        const path = `/api/v1/applications/${encodeURIComponent(name)}/sync`;
        const { appNamespace, project, revision, revisions, sourcePositions, prune, dryRun } = options;
        const body = { name, appNamespace, project, revision, revisions, sourcePositions, prune, dryRun };
        const value = await this.json({ method: 'POST', path, body, application: name, options });
        return (0,parse/* parseApplication */.wO)(value, this.where('POST', path));
    }
    /**
     * Application events as they arrive. The iteration ends when the server closes the stream at a
     * line boundary (reconnect to go on); it throws the mapped error for a final `{"error":…}` line,
     * and a retryable ArgoCdStreamError for a stall, a broken connection, or a stream cut inside a line.
     */
    watch(options = {}) {
        return this.watchEvents(options);
    }
    /** Drops pooled connections and aborts anything still in flight (an open watch included). */
    async close() {
        await this.agent.destroy();
    }
    async *watchEvents(options) {
        const names = options.names ?? [];
        const single = names.length === 1 && names[0] !== undefined ? splitName(names[0]) : undefined;
        const path = '/api/v1/stream/applications';
        const { selector, projects, resourceVersion, signal, timeoutMs } = options;
        const appNamespace = single?.namespace ?? options.appNamespace;
        const spec = {
            method: 'GET',
            path,
            query: { name: single?.name, selector, projects, appNamespace, resourceVersion },
            application: single?.name,
            options: { signal, timeoutMs },
        };
        const { result, context } = await this.authorised(spec, (call) => openStream(this.agent, call));
        const where = this.where('GET', path);
        const source = `the watch stream from ${this.base.host}`;
        const lines = jsonLines(result.body, {
            stallMs: options.stallMs,
            signal,
            source,
            redact: (text) => this.redact(text),
        });
        const wanted = names.length > 1 ? names.map(splitName) : undefined;
        const isWanted = (metadata) => !wanted || wanted.some((entry) => entry.name === metadata.name && (entry.namespace === undefined || entry.namespace === metadata.namespace));
        for await (const line of lines) {
            const parsed = line.terminated ? watchLine(line, where, source) : unterminated(line, where, source);
            if (parsed.kind === 'error')
                throw (0,classify/* errorForStreamLine */.ce)(parsed.error, context, (text) => this.redact(text));
            if (parsed.kind === 'event' && isWanted(parsed.event.application.metadata))
                yield parsed.event;
        }
    }
    async json(spec) {
        const { result } = await this.authorised(spec, (call) => exchange(this.agent, call));
        return (0,parse/* parseJson */.qF)(result.text, this.where(spec.method, spec.path));
    }
    /**
     * Sends with the credential, logging in again once when a session token is refused (sessions
     * expire after `users.session.duration`), and throws the classified error for any non-2xx.
     */
    async authorised(spec, perform) {
        let refused;
        for (;;) {
            const { authorization, credential, session } = await this.authorization(refused, spec.options);
            const call = this.call(spec, credential, authorization);
            const result = await perform(call);
            this.answered = true;
            if (result.status >= 200 && result.status < 300)
                return { result, context: call.context };
            if (result.status === 401 && session !== undefined && refused === undefined) {
                refused = session;
                continue;
            }
            const text = 'text' in result ? result.text : '';
            throw (0,classify/* errorForStatus */.U6)(result.status, (0,classify/* readServerMessage */.VQ)(text, result.contentType, call.redact), call.context, call.redact);
        }
    }
    async authorization(refused, options) {
        const credentials = this.options.credentials;
        if ('token' in credentials)
            return { authorization: `Bearer ${credentials.token}`, credential: 'token' };
        // Only the first request to see a refused session logs in again; the others reuse its login.
        if (this.session === undefined || this.session === refused) {
            const session = this.login(credentials.username, credentials.password, options);
            this.session = session;
            session.catch(() => {
                if (this.session === session)
                    this.session = undefined;
            });
        }
        const session = this.session;
        return { authorization: `Bearer ${await session}`, credential: 'session', session };
    }
    async login(username, password, options) {
        const path = '/api/v1/session';
        const call = this.call({ method: 'POST', path, body: { username, password }, options }, 'password', undefined);
        const answer = await exchange(this.agent, call);
        this.answered = true;
        if (answer.status < 200 || answer.status >= 300) {
            throw (0,classify/* errorForStatus */.U6)(answer.status, (0,classify/* readServerMessage */.VQ)(answer.text, answer.contentType, call.redact), call.context, call.redact);
        }
        const value = (0,parse/* parseJson */.qF)(answer.text, this.where('POST', path));
        const token = typeof value === 'object' && value !== null ? value.token : undefined;
        if (typeof token !== 'string' || token === '') {
            throw new argocd_errors/* ArgoCdProtocolError */.ZX(`${this.where('POST', path)} answered without a session token.`, 'Point the server URL at the Argo CD API server itself.');
        }
        (0,secrets/* addSecret */.C)(this.secrets, token);
        this.options.onSessionToken?.(token);
        return token;
    }
    call(spec, credential, authorization) {
        const url = new URL(`${this.base.pathname.replace(/\/+$/, '')}${spec.path}`, this.base);
        const search = new URLSearchParams();
        for (const [key, value] of Object.entries(spec.query ?? {})) {
            for (const entry of typeof value === 'string' ? [value] : (value ?? []))
                search.append(key, entry);
        }
        url.search = search.toString();
        const headers = { accept: 'application/json', 'user-agent': 'gitops-promote' };
        if (authorization !== undefined)
            headers.authorization = authorization;
        // Exactly this value: Argo CD answers 415 to anything else, a charset parameter included.
        if (spec.body !== undefined)
            headers['content-type'] = 'application/json';
        return {
            method: spec.method,
            url,
            headers,
            body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
            signal: spec.options.signal,
            timeoutMs: spec.options.timeoutMs === undefined ? this.timeoutMs : validTimeout(spec.options.timeoutMs),
            context: { method: spec.method, path: spec.path, host: this.base.host, application: spec.application, credential, refresh: spec.refresh },
            redact: (text) => this.redact(text),
        };
    }
    where(method, path) {
        return `${method} ${path} on ${this.base.host}`;
    }
}
/** `namespace/name` or `name` (a `/` is in neither a namespace nor an Application name). */
function splitName(entry) {
    const slash = entry.indexOf('/');
    return slash < 0 ? { name: entry } : { name: entry.slice(slash + 1), namespace: entry.slice(0, slash) };
}
/** A complete line; one that is JSON but no watch event is malformed (retryable), like non-JSON. */
function watchLine(line, where, source) {
    try {
        return (0,parse/* parseWatchLine */.pm)(line.value, where);
    }
    catch (error) {
        if (error instanceof argocd_errors/* ArgoCdProtocolError */.ZX)
            throw malformed(line.text, { source });
        throw error;
    }
}
/** The final text of a stream without its newline: only an error line is taken as complete. */
function unterminated(line, where, source) {
    let parsed;
    try {
        parsed = (0,parse/* parseWatchLine */.pm)(line.value, where);
    }
    catch {
        parsed = undefined;
    }
    if (parsed?.kind === 'error')
        return parsed;
    throw truncated(line.text, { source });
}
function validateCredentials(credentials) {
    if ('token' in credentials) {
        if (credentials.token.trim() === '')
            throw new errors/* InputError */.dz('The Argo CD token is empty.', 'Pass an Argo CD API token, or a username and password.');
        return;
    }
    if (credentials.username.trim() === '' || credentials.password === '') {
        throw new errors/* InputError */.dz('The Argo CD username or password is empty.', 'Pass both a username and a password, or an API token instead.');
    }
}
function validTimeout(timeoutMs) {
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
        throw new errors/* InputError */.dz(`An Argo CD request timeout must be a positive number of milliseconds, not ${timeoutMs}.`, 'Give a timeout such as 30s.');
    }
    return timeoutMs;
}


/***/ }),

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

/***/ 2383:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CN: () => (/* binding */ parseManagedResources),
/* harmony export */   Dt: () => (/* binding */ parseResourceManifest),
/* harmony export */   SL: () => (/* binding */ parseApplicationList),
/* harmony export */   Ye: () => (/* binding */ parseManifests),
/* harmony export */   cX: () => (/* binding */ parseResourceTree),
/* harmony export */   co: () => (/* binding */ parseApplicationSet),
/* harmony export */   pm: () => (/* binding */ parseWatchLine),
/* harmony export */   qF: () => (/* binding */ parseJson),
/* harmony export */   wO: () => (/* binding */ parseApplication)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(649);

const HINT = 'Point the server URL at the Argo CD API server itself (the address `argocd login` uses), not at a login page or a proxy in front of the UI.';
function parseJson(text, where) {
    try {
        return JSON.parse(text);
    }
    catch {
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .ArgoCdProtocolError */ .ZX(`${where} answered with something that is not JSON.`, HINT);
    }
}
function parseApplication(value, where) {
    const root = requireObject(value, where, 'an Application');
    const metadata = object(root.metadata);
    const name = string(metadata?.name);
    if (name === undefined) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .ArgoCdProtocolError */ .ZX(`${where} answered with an Application that has no metadata.name.`, HINT);
    }
    const spec = object(root.spec);
    const status = object(root.status);
    const sync = object(status?.sync);
    const comparedTo = object(sync?.comparedTo);
    const automated = object(object(spec?.syncPolicy)?.automated);
    return {
        metadata: {
            name,
            namespace: string(metadata?.namespace),
            resourceVersion: string(metadata?.resourceVersion),
            labels: labels(metadata?.labels),
            deletionTimestamp: string(metadata?.deletionTimestamp),
            ...ownerReferences(metadata?.ownerReferences),
        },
        spec: {
            project: string(spec?.project),
            source: source(spec?.source),
            sources: list(spec?.sources, source),
            syncPolicy: automated
                ? {
                    automated: {
                        enabled: boolean(automated.enabled),
                        prune: boolean(automated.prune),
                        selfHeal: boolean(automated.selfHeal),
                    },
                }
                : undefined,
        },
        operation: operation(root.operation),
        status: {
            sync: {
                status: string(sync?.status),
                revision: string(sync?.revision),
                revisions: positional(sync?.revisions),
                comparedTo: comparedTo
                    ? { source: source(comparedTo.source), sources: list(comparedTo.sources, source) }
                    : undefined,
            },
            health: health(status?.health) ?? {},
            operationState: operationState(status?.operationState),
            reconciledAt: string(status?.reconciledAt),
            conditions: list(status?.conditions, condition),
            resources: list(status?.resources, resourceStatus),
            history: list(status?.history, revisionHistory),
        },
    };
}
/** A history entry without deployedAt says nothing usable and is dropped. */
function revisionHistory(value) {
    const entry = object(value);
    const deployedAt = string(entry?.deployedAt);
    if (!entry || !deployedAt)
        return undefined;
    const revisions = positional(entry.revisions);
    return {
        id: number(entry.id) ?? 0,
        deployedAt,
        ...(string(entry.revision) ? { revision: string(entry.revision) } : {}),
        ...(revisions.length > 0 ? { revisions } : {}),
        ...(string(entry.deployStartedAt) ? { deployStartedAt: string(entry.deployStartedAt) } : {}),
    };
}
function parseApplicationList(value, where) {
    const root = requireObject(value, where, 'an ApplicationList');
    // Go encodes an empty list as null; anything else that is not a list is not a list answer.
    if (root.items !== undefined && root.items !== null && !Array.isArray(root.items)) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .ArgoCdProtocolError */ .ZX(`${where} answered with an ApplicationList whose items is not a list.`, HINT);
    }
    const items = Array.isArray(root.items) ? root.items : [];
    return {
        items: items.map((item, index) => parseApplication(item, `${where} (items[${index}])`)),
        resourceVersion: string(object(root.metadata)?.resourceVersion),
    };
}
function parseResourceTree(value, where) {
    const root = requireObject(value, where, 'a resource tree');
    return { nodes: list(root.nodes, resourceNode), orphanedNodes: list(root.orphanedNodes, resourceNode) };
}
function ownerReferences(value) {
    const owners = list(value, (entry) => {
        const owner = object(entry);
        const kind = string(owner?.kind);
        const name = string(owner?.name);
        return kind !== undefined && name !== undefined ? { kind, name } : undefined;
    }).filter((owner) => owner !== undefined);
    return owners.length > 0 ? { ownerReferences: owners } : {};
}
/** `GET /api/v1/applicationsets/{name}`: its name and the Applications in `status.resources`. */
function parseApplicationSet(value, where) {
    const root = requireObject(value, where, 'an ApplicationSet');
    const metadata = object(root.metadata);
    const status = object(root.status);
    const applications = list(status?.resources, (entry) => {
        const row = object(entry);
        const name = string(row?.name);
        if (name === undefined || (row?.kind !== undefined && row.kind !== 'Application'))
            return undefined;
        const namespace = string(row?.namespace);
        return { name, ...(namespace ? { namespace } : {}) };
    }).filter((app) => app !== undefined);
    const count = status?.resourcesCount;
    const resourcesCount = typeof count === 'number' ? count : typeof count === 'string' && /^\d+$/.test(count) ? Number(count) : undefined;
    const namespace = string(metadata?.namespace);
    return { name: string(metadata?.name) ?? '', ...(namespace ? { namespace } : {}), applications, ...(resourcesCount !== undefined ? { resourcesCount } : {}) };
}
/** `GET …/resource`: `{manifest}`, the live object as JSON text. */
function parseResourceManifest(value, where) {
    const root = requireObject(value, where, 'a resource answer');
    if (typeof root.manifest !== 'string')
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .ArgoCdProtocolError */ .ZX(`${where} answered without the resource's manifest.`, HINT);
    return requireObject(parseJson(root.manifest, where), where, 'a Kubernetes object');
}
/** `GET …/manifests`: the rendered manifests (JSON text each); the other fields only from Argo CD < 2.11. */
function parseManifests(value, where) {
    const root = requireObject(value, where, 'a manifests answer');
    return {
        manifests: topLevelList(root.manifests, where, 'manifests').filter((entry) => typeof entry === 'string' && entry !== ''),
        revision: string(root.revision),
        sourceType: string(root.sourceType),
        namespace: string(root.namespace),
        server: string(root.server),
    };
}
/** `GET …/managed-resources`: `{items}`; an item without kind or name identifies nothing and is dropped. */
function parseManagedResources(value, where) {
    const root = requireObject(value, where, 'a managed resources answer');
    return list(topLevelList(root.items, where, 'items'), managedResource);
}
function managedResource(value) {
    const entry = object(value);
    const kind = string(entry?.kind);
    const name = string(entry?.name);
    if (!entry || kind === undefined || name === undefined)
        return undefined;
    return {
        group: string(entry.group),
        kind,
        namespace: string(entry.namespace),
        name,
        targetState: state(entry.targetState),
        liveState: state(entry.liveState),
        normalizedLiveState: state(entry.normalizedLiveState),
        predictedLiveState: state(entry.predictedLiveState),
        hook: boolean(entry.hook),
        modified: boolean(entry.modified),
        resourceVersion: string(entry.resourceVersion),
    };
}
/** A JSON-encoded object; Go writes "null" for a side the resource does not exist on. */
function state(value) {
    const text = string(value);
    return text === undefined || text === 'null' ? undefined : text;
}
/**
 * A list field of an answer's top level: null or absent (Go's empty list) is []; anything else
 * that is not a list means the answer is not what the endpoint sends.
 */
function topLevelList(value, where, field) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value))
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .ArgoCdProtocolError */ .ZX(`${where} answered with a \`${field}\` that is not a list.`, HINT);
    return value;
}
const EVENT_TYPES = ['ADDED', 'MODIFIED', 'DELETED'];
/** One line of `GET /api/v1/stream/applications`: `{"result":{type,application}}` or `{"error":{…}}`. */
function parseWatchLine(value, where) {
    const root = requireObject(value, where, 'a watch stream line');
    const error = object(root.error);
    if (error) {
        return {
            kind: 'error',
            error: {
                grpcCode: number(error.grpc_code),
                httpCode: number(error.http_code),
                httpStatus: string(error.http_status),
                message: string(error.message),
            },
        };
    }
    const result = object(root.result);
    if (!result) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .ArgoCdProtocolError */ .ZX(`${where} sent a line with neither "result" nor "error".`, HINT);
    }
    const type = string(result.type);
    if (type === undefined || !EVENT_TYPES.includes(type))
        return { kind: 'ignored' };
    return {
        kind: 'event',
        event: { type: type, application: parseApplication(result.application, `${where} (${type} event)`) },
    };
}
function requireObject(value, where, what) {
    const result = object(value);
    if (!result) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .ArgoCdProtocolError */ .ZX(`${where} answered with ${describeJson(value)} where ${what} (a JSON object) belongs.`, HINT);
    }
    return result;
}
function describeJson(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    return `a ${typeof value}`;
}
function object(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
}
/** Go omits nothing it zero-values, so "" means "not set" for every field read here. */
function string(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}
function number(value) {
    if (typeof value === 'number' && Number.isFinite(value))
        return value;
    // protojson writes int64 as a string.
    if (typeof value === 'string' && /^-?\d+$/.test(value))
        return Number(value);
    return undefined;
}
function boolean(value) {
    return typeof value === 'boolean' ? value : undefined;
}
function list(value, item) {
    if (!Array.isArray(value))
        return [];
    const result = [];
    for (const entry of value) {
        const parsed = item(entry);
        if (parsed !== undefined)
            result.push(parsed);
    }
    return result;
}
/** A list indexed like `spec.sources`: entries are never dropped, so index i stays source i. */
function positional(value) {
    return Array.isArray(value) ? value.map((entry) => (typeof entry === 'string' ? entry : '')) : [];
}
function labels(value) {
    const result = {};
    for (const [key, entry] of Object.entries(object(value) ?? {})) {
        if (typeof entry === 'string')
            result[key] = entry;
    }
    return result;
}
function source(value) {
    const entry = object(value);
    if (!entry)
        return undefined;
    return {
        repoURL: string(entry.repoURL),
        path: string(entry.path),
        chart: string(entry.chart),
        ref: string(entry.ref),
        targetRevision: string(entry.targetRevision),
        name: string(entry.name),
    };
}
function health(value) {
    const entry = object(value);
    return entry ? { status: string(entry.status), message: string(entry.message) } : undefined;
}
function operation(value) {
    const entry = object(value);
    if (!entry)
        return undefined;
    const sync = object(entry.sync);
    const initiatedBy = object(entry.initiatedBy);
    return {
        sync: sync
            ? {
                revision: string(sync.revision),
                revisions: positional(sync.revisions),
                dryRun: boolean(sync.dryRun),
                prune: boolean(sync.prune),
            }
            : undefined,
        initiatedBy: initiatedBy
            ? { username: string(initiatedBy.username), automated: boolean(initiatedBy.automated) }
            : undefined,
    };
}
function syncResult(value) {
    const entry = object(value);
    return entry ? { revision: string(entry.revision), revisions: positional(entry.revisions) } : undefined;
}
function operationState(value) {
    const entry = object(value);
    if (!entry)
        return undefined;
    return {
        phase: string(entry.phase),
        message: string(entry.message),
        startedAt: string(entry.startedAt),
        finishedAt: string(entry.finishedAt),
        operation: operation(entry.operation),
        syncResult: syncResult(entry.syncResult),
        retryCount: number(entry.retryCount),
    };
}
function condition(value) {
    const entry = object(value);
    const type = string(entry?.type);
    if (!entry || type === undefined)
        return undefined;
    return { type, message: string(entry.message), lastTransitionTime: string(entry.lastTransitionTime) };
}
function resourceRef(entry) {
    return {
        group: string(entry.group),
        version: string(entry.version),
        kind: string(entry.kind),
        namespace: string(entry.namespace),
        name: string(entry.name),
    };
}
function resourceStatus(value) {
    const entry = object(value);
    return entry ? { ...resourceRef(entry), status: string(entry.status), health: health(entry.health) } : undefined;
}
function resourceNode(value) {
    const entry = object(value);
    return entry ? { ...resourceRef(entry), uid: string(entry.uid), health: health(entry.health) } : undefined;
}


/***/ })

};
