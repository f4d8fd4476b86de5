export const id = 846;
export const ids = [846];
export const modules = {

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

/***/ 9302:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ COMPARISON_COMMITS)
/* harmony export */ });
/** How many commits a {@link Comparison} carries at most: what a change request's body shows. */
const COMPARISON_COMMITS = 20;


/***/ }),

/***/ 3754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createGitLabForge: () => (/* binding */ createGitLabForge)
});

// EXTERNAL MODULE: ./node_modules/@gitbeaker/rest/dist/index.mjs + 2 modules
var dist = __webpack_require__(342);
// EXTERNAL MODULE: ./packages/core/src/forge/errors.ts
var errors = __webpack_require__(798);
// EXTERNAL MODULE: ./packages/core/src/forge/forge.ts
var forge = __webpack_require__(9302);
;// CONCATENATED MODULE: ./packages/core/src/forge/gitlab-compare.ts

/** `projectUrl`: the compared project's page (https://gitlab.example.com/group/app). */
function toComparison(answer, projectUrl, from, to) {
    const commits = answer.commits ?? [];
    return {
        commits: commits.slice(-forge/* COMPARISON_COMMITS */.$).reverse().map((commit) => toComparedCommit(commit, projectUrl)),
        totalCommits: commits.length,
        webUrl: answer.web_url ?? `${projectUrl}/-/compare/${encodeURIComponent(from)}...${encodeURIComponent(to)}`,
        repositoryUrl: projectUrl,
    };
}
function toComparedCommit(commit, projectUrl) {
    return {
        sha: commit.id,
        // `title` is the message's first line (a long one is cut with "…" by GitLab's full_title).
        subject: commit.title,
        authorName: commit.author_name,
        url: commit.web_url ?? `${projectUrl}/-/commit/${commit.id}`,
    };
}

// EXTERNAL MODULE: ./packages/core/src/text/one-line.ts
var one_line = __webpack_require__(2512);
;// CONCATENATED MODULE: ./packages/core/src/forge/gitlab-errors.ts


const TOKEN_HINT = 'Use a project, group or personal access token with the `api` scope (a project access token with the Developer role is enough), stored as a masked CI/CD variable';
const JOB_TOKEN_NOTE = 'CI_JOB_TOKEN can call only a few API endpoints (merge requests are not among them unless your instance allows it), so pass an access token instead';
/** A ForgeError for an HTTP answer, keeping GitLab's own (scrubbed) message for callers that react to it. */
class GitLabRequestError extends errors/* ForgeError */.Q8 {
    serverMessage;
    constructor(message, hint, status, serverMessage) {
        super(message, hint, status);
        this.serverMessage = serverMessage;
    }
    /** Rate limits and GitLab's own failures pass; every other refusal needs a person. */
    get retryable() {
        return this.status === 429 || this.status >= 500;
    }
}
function httpError(failure) {
    const { method, path, status, project, redact } = failure;
    const said = failure.serverMessage ? `: ${failure.serverMessage}` : '';
    const where = `GitLab ${method} ${path}`;
    let message;
    let hint;
    if (status === 401) {
        message = `${where} was refused (HTTP 401${said}): the token is invalid, expired or revoked`;
        hint = failure.jobToken ? `${JOB_TOKEN_NOTE}. ${TOKEN_HINT}.` : `${TOKEN_HINT}; check that it has not expired.`;
    }
    else if (status === 403) {
        message = `${where} was forbidden (HTTP 403${said}): the token may not do this in ${project}`;
        hint = failure.jobToken
            ? `${JOB_TOKEN_NOTE}.`
            : `The token's user (or bot) needs at least the Developer role on ${project} and the token the \`api\` scope; a token with only \`read_api\` or \`write_repository\` cannot open merge requests.`;
    }
    else if (status === 404 && isProjectLookup(path, failure.serverMessage)) {
        // GitLab does not tell "no such project" from "you may not see it": both are 404.
        message = `${where} found no project ${project} (HTTP 404${said}): it does not exist, or the token cannot see it`;
        hint = `Check the repository path (group/subgroup/project, as in the project's URL) and that the token's user or bot is a member of the project; GitLab answers 404 rather than 403 for projects a token cannot read.`;
    }
    else if (status === 404) {
        message = `${where} found nothing (HTTP 404${said})`;
        hint = `The merge request, branch or commit may have been deleted meanwhile; run the step again.`;
    }
    else if (status === 429) {
        message = `${where} was rate limited (HTTP 429${said}) and retries did not get through`;
        hint = `GitLab's rate limits for this token are exhausted; run the step again later, or use a token of its own for promotions.`;
    }
    else if (status >= 500) {
        message = `${where} failed on GitLab's side (HTTP ${status}${said})`;
        hint = `GitLab (or a proxy in front of it) is having trouble; this usually passes, so run the step again.`;
    }
    else {
        message = `${where} was refused (HTTP ${status}${said})`;
        hint = `GitLab rejected the request as sent; its message above says why.`;
    }
    const server = failure.serverMessage === undefined ? undefined : redact(failure.serverMessage);
    return new GitLabRequestError(redact(message), redact(hint), status, server);
}
/** No HTTP answer at all. A host name that does not resolve is a typo far more often than an outage. */
function networkError(method, path, origin, code, redact) {
    const why = code ? ` (${code})` : '';
    if (code === 'ENOTFOUND') {
        return new errors/* ForgeError */.Q8(redact(`GitLab ${method} ${path}: the host of ${origin} does not resolve${why}`), redact(`Check the GitLab API URL (for self-managed GitLab: https://<host>[/<path>]/api/v4).`), 0);
    }
    return new errors/* TransientForgeError */.mv(redact(`GitLab ${method} ${path}: no answer from ${origin}${why}`), redact(`The connection failed or timed out; this usually passes, so run the step again. If it persists, check the URL and any proxy between the runner and GitLab.`), 0);
}
/** A 2xx that is not GitLab's JSON: the URL points at something else (a login page, a proxy). */
function protocolError(method, path, detail, redact) {
    return new errors/* ForgeError */.Q8(redact(`GitLab ${method} ${path} answered with something that is not the GitLab API (${detail})`), redact(`Check the GitLab API URL: it must end in /api/v4 (https://gitlab.example.com/api/v4).`), 0);
}
function isProjectLookup(path, serverMessage) {
    if (serverMessage !== undefined && /project not found/i.test(serverMessage))
        return true;
    // GET projects/:id itself (the path may contain slashes once decoded, so look for what follows it).
    return /^projects\/[^?]*$/.test(path) && !/\/(merge_requests|repository|notes|users)(\/|$)/.test(path);
}
/** GitLab's error bodies: {message: string}, {message: string[]}, {message: {field: [..]}}, {error, error_description}. */
function serverMessageOf(body) {
    if (typeof body === 'string')
        return flatMessage(body);
    if (body === null || typeof body !== 'object')
        return undefined;
    const record = body;
    const message = record['message'] ?? record['error_description'] ?? record['error'];
    if (typeof message === 'string')
        return flatMessage(message);
    if (Array.isArray(message))
        return flatMessage(message.map(String).join('; '));
    if (message !== null && typeof message === 'object') {
        const parts = Object.entries(message).map(([field, value]) => `${field} ${Array.isArray(value) ? value.map(String).join(', ') : String(value)}`);
        return flatMessage(parts.join('; '));
    }
    return undefined;
}
/** GitLab's message on one line, at most 300 characters; undefined when it says nothing. */
function flatMessage(text) {
    return (0,one_line/* oneLine */.T)(text, 300) || undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/forge/gitlab-mapping.ts

/** GitLab makes a merge request a draft by its title (the create API has no draft flag). */
const DRAFT_PREFIX = /^\s*(?:\[draft\]|\(draft\)|draft:|draft\s+-)\s*/i;
/** A GitLab merge request in the forge-neutral shape. */
function toChangeRequest(mr) {
    const draft = mr.draft === true || mr.work_in_progress === true;
    return {
        number: mr.iid,
        url: mr.web_url,
        // The neutral title carries no "Draft: " (a GitHub draft has none); update() puts it back.
        title: draft ? mr.title.replace(DRAFT_PREFIX, '') : mr.title,
        body: mr.description ?? '',
        head: mr.source_branch,
        base: mr.target_branch,
        headSha: mr.sha,
        draft,
        // 'locked' is the moment of merging: still open as far as a step is concerned.
        state: mr.state === 'merged' ? 'merged' : mr.state === 'closed' ? 'closed' : 'open',
        labels: (mr.labels ?? []).map((label) => (typeof label === 'string' ? label : label.name)),
        assignees: (mr.assignees ?? []).map((user) => user.username),
        reviewers: (mr.reviewers ?? []).map((user) => user.username),
        teamReviewers: [],
        // merge_when_pipeline_succeeds is what every GitLab version reports; auto_merge in case a newer one does.
        autoMerge: mr.merge_when_pipeline_succeeds === true || mr.auto_merge === true,
    };
}
/**
 * What PUT .../merge refusals mean, per lib/api/merge_requests.rb: 405 `not_allowed!` when the MR
 * can neither merge now nor wait (no pipeline, so no auto-merge strategy; closed; blocked); 422
 * (406 before GitLab 13) "Branch cannot be merged"; 409 from check_sha_param!; 401 when the user
 * may not merge into the target branch. undefined: not a refusal, rethrow.
 */
function autoMergeRefusal(error, change) {
    const mr = `!${change.number}`;
    const said = `HTTP ${error.status}${error.serverMessage ? `: ${error.serverMessage}` : ''}`;
    const fallback = 'Merge it by hand, or add a CI pipeline to the environment repository so auto-merge has one to wait for.';
    switch (error.status) {
        case 405:
            return `GitLab would not set auto-merge on ${mr} (${said}, still after 30 s of retries): the merge request has no pipeline, so auto-merge cannot wait for one (or its pipeline failed, or it is a draft, closed or blocked). ${fallback}`;
        case 406:
        case 422:
            return `GitLab cannot merge ${mr} (${said}): it has conflicts or failing merge checks, or no pipeline for auto-merge to wait for. ${fallback}`;
        case 409:
            return `The source branch of ${mr} moved past ${change.headSha.slice(0, 12)} (${said}), so auto-merge was not enabled for commits nobody reviewed; run the step again.`;
        case 401:
        case 403:
            // Here GitLab means "may not merge into the target branch", not a bad token (that failed earlier).
            return `GitLab did not let the token's user merge ${mr} (${said}); allow it to merge into ${change.base} (protected branch "Allowed to merge"), or merge by hand.`;
        default:
            return undefined;
    }
}
/**
 * gitbeaker wants the instance root and appends /api/v4 itself:
 * https://gitlab.example.com/api/v4 → https://gitlab.example.com;
 * https://example.com/gitlab/api/v4/ → https://example.com/gitlab (a self-managed sub-path is kept).
 * Without /api/v4 (e.g. CI_SERVER_URL was passed) the URL is taken as the instance root.
 */
function hostOf(apiUrl) {
    let url;
    try {
        url = new URL(apiUrl);
    }
    catch {
        throw new errors/* ForgeError */.Q8(`GitLab API URL '${apiUrl}' is not a URL`, 'Give the REST base, e.g. https://gitlab.example.com/api/v4.', 0);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new errors/* ForgeError */.Q8(`GitLab API URL '${url.origin}' is not http(s)`, 'Give the REST base, e.g. https://gitlab.example.com/api/v4.', 0);
    }
    const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/v4$/, '');
    return `${url.origin}${path}`;
}

;// CONCATENATED MODULE: ./packages/core/src/forge/gitlab-transport.ts

/** Retries after the first attempt, for rate limits and (idempotent methods only) gateway errors. */
const MAX_RETRIES = 3;
/** Per attempt; gitbeaker's own 300 s timeout is switched off (queryTimeout: null) as it spans all retries. */
const REQUEST_TIMEOUT_MS = 60_000;
/** A Retry-After longer than this is not waited out in a CI job: the error says to come back later. */
const MAX_WAIT_MS = 5 * 60_000;
const GATEWAY_STATUSES = new Set([502, 503, 504]);
// POST is not retried on a gateway error or a dropped connection: GitLab may have acted on it
// (a duplicate note, a second commit). Rate limits are safe to retry: the request was not run.
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);
function createTransport(options) {
    let requests = 0;
    async function send(resource, method, endpoint, request) {
        const { url, path, headers, body } = await buildRequest(resource, endpoint, request);
        for (let attempt = 0;; attempt += 1) {
            requests += 1;
            let response;
            try {
                response = await options.fetch(url, { method, headers, body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
            }
            catch (error) {
                const failure = networkError(method, path, url.origin, errorCode(error), options.redact);
                if (failure.retryable && IDEMPOTENT.has(method) && attempt < MAX_RETRIES) {
                    await pause(backoffMs(attempt), `GitLab ${method} ${path}: no answer (${errorCode(error) ?? 'network error'})`, attempt);
                    continue;
                }
                throw failure;
            }
            if (response.ok)
                return parseResponse(response, method, path, options.redact);
            const text = await response.text().catch(() => '');
            const failure = httpError({
                method,
                path,
                status: response.status,
                serverMessage: serverMessageOf(parseJson(text) ?? text),
                project: options.project,
                jobToken: options.jobToken,
                redact: options.redact,
            });
            const retry = response.status === 429 || (GATEWAY_STATUSES.has(response.status) && IDEMPOTENT.has(method));
            if (!retry || attempt >= MAX_RETRIES)
                throw failure;
            const waitMs = response.status === 429 ? rateLimitWaitMs(response.headers, attempt) : backoffMs(attempt);
            if (waitMs > MAX_WAIT_MS)
                throw laterError(failure, waitMs);
            await pause(waitMs, `GitLab ${method} ${path} answered HTTP ${response.status}`, attempt);
        }
    }
    async function pause(waitMs, what, attempt) {
        const scaled = Math.max(0, Math.round(waitMs * options.retryDelayScale));
        options.log(options.redact(`${what}; retrying in ${formatSeconds(waitMs)} (retry ${attempt + 1} of ${MAX_RETRIES})`));
        if (scaled > 0)
            await new Promise((resolve) => setTimeout(resolve, scaled));
    }
    const requesterFn = (resource) => {
        const verb = (method) => (endpoint, request) => send(resource, method, endpoint, request);
        return { get: verb('GET'), post: verb('POST'), put: verb('PUT'), patch: verb('PATCH'), delete: verb('DELETE') };
    };
    return {
        requesterFn,
        get requests() {
            return requests;
        },
    };
}
/** The URL, readable path (for messages), headers and JSON body of one request. */
async function buildRequest(resource, endpoint, request) {
    const base = resource.url.endsWith('/') ? resource.url : `${resource.url}/`;
    const url = new URL(endpoint, base);
    const query = formatQuery(request?.searchParams);
    if (query)
        url.search = query;
    const headers = { ...resource.headers, accept: 'application/json' };
    for (const [name, value] of Object.entries(resource.authHeaders))
        headers[name] = await value();
    let body;
    if (request?.body !== undefined) {
        if (request.body instanceof FormData)
            throw new TypeError('gitlab-forge sends JSON bodies only');
        body = JSON.stringify(decamelizeKeys(request.body));
        headers['content-type'] = 'application/json';
    }
    return { url, path: readablePath(endpoint), headers, body };
}
/** A 2xx answer's body: GitLab's JSON, or text; an HTML page or broken JSON is not the API. */
async function parseResponse(response, method, path, redact) {
    const headers = Object.fromEntries(response.headers.entries());
    if (response.status === 204)
        return { body: null, headers, status: response.status };
    const text = await response.text();
    const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    if (type === 'application/json') {
        if (text === '')
            return { body: {}, headers, status: response.status };
        const value = parseJson(text);
        if (value === undefined)
            throw protocolError(method, path, 'invalid JSON', redact);
        return { body: value, headers, status: response.status };
    }
    if (type === 'text/html')
        throw protocolError(method, path, 'an HTML page', redact);
    return { body: text, headers, status: response.status };
}
/** Retry-After (seconds or an HTTP date), else GitLab's RateLimit-Reset (epoch seconds), else backoff. */
function rateLimitWaitMs(headers, attempt) {
    const retryAfter = headers.get('retry-after');
    if (retryAfter !== null && retryAfter.trim() !== '') {
        const seconds = Number(retryAfter);
        if (Number.isFinite(seconds))
            return Math.max(0, seconds * 1000);
        const date = Date.parse(retryAfter);
        if (!Number.isNaN(date))
            return Math.max(0, date - Date.now());
    }
    const reset = Number(headers.get('ratelimit-reset'));
    if (Number.isFinite(reset) && reset > 0)
        return Math.max(0, reset * 1000 - Date.now());
    return backoffMs(attempt);
}
function backoffMs(attempt) {
    return 1000 * 2 ** attempt;
}
function laterError(failure, waitMs) {
    failure.message = `${failure.message}; GitLab asks to wait ${formatSeconds(waitMs)}, longer than a job should`;
    return failure;
}
function formatSeconds(ms) {
    return `${Math.round(ms / 100) / 10}s`;
}
function errorCode(error) {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
        return 'timeout';
    const cause = error instanceof Error ? error.cause : undefined;
    const code = cause?.code ?? error?.code;
    return typeof code === 'string' ? code : undefined;
}
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/** `projects/group%2Fsub%2Fproject/merge_requests/3` → `projects/group/sub/project/merge_requests/3`. */
function readablePath(endpoint) {
    const path = endpoint.split('?')[0] ?? endpoint;
    try {
        return decodeURIComponent(path);
    }
    catch {
        return path;
    }
}
/** gitbeaker hands over camelCase keys (sourceBranch) and GitLab wants snake_case (source_branch). */
function snake(key) {
    return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
function decamelizeKeys(value) {
    if (Array.isArray(value))
        return value.map(decamelizeKeys);
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
        return Object.fromEntries(Object.entries(value).map(([key, inner]) => [snake(key), decamelizeKeys(inner)]));
    }
    return value;
}
/** Flat query strings (arrays as key[]=v, as gitbeaker does); the few this forge sends are flat. */
function formatQuery(params) {
    if (!params)
        return '';
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
        if (value === undefined || value === null)
            continue;
        if (Array.isArray(value))
            for (const item of value)
                query.append(`${snake(key)}[]`, String(item));
        else
            query.append(snake(key), String(value));
    }
    return query.toString();
}

;// CONCATENATED MODULE: ./packages/core/src/forge/gitlab-forge.ts






/**
 * Seconds between auto-merge attempts GitLab refused with 405, 30 s in all: long enough for GitLab
 * to create a new MR's pipeline (the reporter of gitlab-org/gitlab#353984 needed up to 20 s),
 * short enough that a project without pipelines is told so within half a minute.
 */
const PIPELINE_CREATION_WAITS_S = [1, 2, 3, 5, 8, 11];
/**
 * GitLab merge requests through gitbeaker, sent by our own transport (gitlab-transport.ts).
 * `options.apiUrl` is the /api/v4 base; a self-managed GitLab under a sub-path
 * (https://example.com/gitlab/api/v4) keeps its sub-path, since gitbeaker appends /api/v4 to `host`.
 */
function createGitLabForge(options, extras = {}) {
    return new GitLabForge(options, extras.jobToken === true);
}
class GitLabForge {
    options;
    kind = 'gitlab';
    noun = 'merge request';
    project;
    token;
    transport;
    projects;
    mergeRequests;
    notes;
    users;
    commits;
    branches;
    repositories;
    /** username (lower case) → id, filled from every merge request seen and every /users lookup. */
    userIds = new Map();
    constructor(options, jobToken) {
        this.options = options;
        this.project = options.repository.replace(/^\/+|\/+$/g, '');
        this.token = options.token;
        this.transport = createTransport({
            fetch: options.fetch ?? globalThis.fetch,
            project: this.project,
            jobToken,
            log: options.log ?? (() => undefined),
            redact: (text) => this.redact(text),
            retryDelayScale: options.retryDelayScale ?? 1,
        });
        // queryTimeout null: gitbeaker's timeout covers all retries of a call; the transport times each attempt.
        const config = { host: hostOf(options.apiUrl), requesterFn: this.transport.requesterFn, queryTimeout: null, ...(jobToken ? { jobToken: this.token } : { token: this.token }) };
        this.projects = new dist/* Projects */.JtL(config);
        this.mergeRequests = new dist/* MergeRequests */.nPt(config);
        this.notes = new dist/* MergeRequestNotes */.vxy(config);
        this.users = new dist/* Users */.zWC(config);
        this.commits = new dist/* Commits */.f7P(config);
        this.branches = new dist/* Branches */.PRz(config);
        this.repositories = new dist/* Repositories */.PBp(config);
    }
    get requests() {
        return this.transport.requests;
    }
    redact(text) {
        const redacted = this.options.redact ? this.options.redact(text) : text;
        return this.token ? redacted.split(this.token).join('***') : redacted;
    }
    toChange(mr) {
        for (const user of [...(mr.assignees ?? []), ...(mr.reviewers ?? [])])
            this.userIds.set(user.username.toLowerCase(), user.id);
        return toChangeRequest(mr);
    }
    async findOpen(head, base) {
        const found = await this.mergeRequests.all({ projectId: this.project, state: 'opened', sourceBranch: head, targetBranch: base });
        const first = found.find((mr) => mr.source_branch === head && mr.target_branch === base);
        return first ? this.toChange(first) : undefined;
    }
    /** Ids for usernames, looking each unknown one up once; every unknown name is reported together. */
    async idsOf(usernames) {
        const missing = [...new Set(usernames.map((name) => name.toLowerCase()).filter((name) => !this.userIds.has(name)))];
        const unknown = [];
        await Promise.all(missing.map(async (name) => {
            const found = await this.users.all({ username: name });
            const user = found.find((candidate) => candidate.username.toLowerCase() === name);
            if (user)
                this.userIds.set(name, user.id);
            else
                unknown.push(usernames.find((original) => original.toLowerCase() === name) ?? name);
        }));
        if (unknown.length > 0) {
            const list = unknown.map((name) => `'${name}'`).join(', ');
            // GitLab answers 200 [] for a username it does not know; 404 is what that means here.
            throw new errors/* ForgeError */.Q8(this.redact(`GitLab has no user ${list}`), this.redact(`Use GitLab usernames (the @name in a profile URL), not display names or e-mail addresses; a user the token cannot see is also not found.`), 404);
        }
        return usernames.map((name) => this.userIds.get(name.toLowerCase()));
    }
    /** Usernames from `wanted` not already in `present`; GitLab usernames are case-insensitive. */
    added(present, wanted) {
        const have = new Set(present.map((name) => name.toLowerCase()));
        return [...new Set(wanted)].filter((name) => !have.has(name.toLowerCase()));
    }
    async repository() {
        const info = await this.projects.show(this.project);
        if (!info.default_branch) {
            throw new errors/* ForgeError */.Q8(this.redact(`GitLab project ${this.project} has no default branch: its repository is empty`), 'Push an initial commit (with the environment manifests) to the project first.', 0);
        }
        return { defaultBranch: info.default_branch, webUrl: info.web_url };
    }
    async create(draft) {
        try {
            const mr = await this.mergeRequests.create(this.project, draft.head, draft.base, draft.draft ? `Draft: ${draft.title}` : draft.title, {
                description: draft.body,
                removeSourceBranch: true,
            });
            return { change: this.toChange(mr), created: true };
        }
        catch (error) {
            // 409: "Another open merge request already exists for this source branch: !12" (the text
            // is translated on some instances, so only the status is trusted). Another run won the race.
            if (!(error instanceof errors/* ForgeError */.Q8) || error.status !== 409)
                throw error;
            // By source branch only: GitLab allows one open MR per source branch, whatever its target.
            const open = await this.mergeRequests.all({ projectId: this.project, state: 'opened', sourceBranch: draft.head });
            const same = open.find((mr) => mr.target_branch === draft.base);
            if (same)
                return { change: this.toChange(same), created: false };
            const other = open[0];
            throw new errors/* ForgeError */.Q8(error.message, this.redact(other
                ? `Merge request !${other.iid} (${other.web_url}) already takes ${draft.head} into ${other.target_branch}; close it, or promote from another branch.`
                : `An open merge request from ${draft.head} already exists; close it, or promote from another branch.`), 409);
        }
    }
    async update(change, patch) {
        const body = {};
        if (patch.title !== undefined && patch.title !== change.title)
            body.title = change.draft ? `Draft: ${patch.title}` : patch.title;
        if (patch.body !== undefined && patch.body !== change.body)
            body.description = patch.body;
        if (body.title === undefined && body.description === undefined)
            return change;
        return this.toChange(await this.mergeRequests.edit(this.project, change.number, body));
    }
    async close(change, comment) {
        if (comment !== '')
            await this.notes.create(this.project, change.number, comment);
        await this.mergeRequests.edit(this.project, change.number, { stateEvent: 'close' });
    }
    async addLabels(change, labels) {
        const wanted = labels.filter((label) => !change.labels.includes(label));
        if (wanted.length === 0)
            return;
        const comma = wanted.find((label) => label.includes(','));
        if (comma !== undefined) {
            throw new errors/* ForgeError */.Q8(this.redact(`GitLab label '${comma}' contains a comma, which GitLab reads as a separator between labels`), 'Rename the label without commas.', 0);
        }
        // add_labels keeps existing labels, and GitLab creates project labels it does not have.
        await this.mergeRequests.edit(this.project, change.number, { addLabels: [...new Set(wanted)].join(',') });
    }
    async addAssignees(change, wanted) {
        const more = this.added(change.assignees, wanted);
        if (more.length === 0)
            return;
        // assignee_ids replaces the list, so the present assignees go along (their ids came with the MR).
        await this.mergeRequests.edit(this.project, change.number, { assigneeIds: await this.idsOf([...change.assignees, ...more]) });
    }
    async requestReviewers(change, wanted, _teams) {
        // GitLab has no team reviewers; steps refuse `team-reviewers` on GitLab before getting here.
        const more = this.added(change.reviewers, wanted);
        if (more.length === 0)
            return;
        await this.mergeRequests.edit(this.project, change.number, { reviewerIds: await this.idsOf([...change.reviewers, ...more]) });
    }
    async enableAutoMerge(change, method) {
        if (method === 'rebase') {
            return { enabled: false, reason: 'GitLab has no rebase merge method per request; set the project merge method' };
        }
        const mr = `!${change.number}`;
        for (let attempt = 0;; attempt++) {
            try {
                const merged = await this.mergeRequests.merge(this.project, change.number, {
                    sha: change.headSha,
                    shouldRemoveSourceBranch: true,
                    squash: method === 'squash',
                    // auto_merge is the GitLab ≥ 17.11 name, merge_when_pipeline_succeeds the older one; both are accepted.
                    autoMerge: true,
                    mergeWhenPipelineSucceeds: true,
                });
                // GitLab merges at once when the head pipeline has already succeeded: more than was asked, and fine.
                if (merged.state === 'merged')
                    this.options.log?.(`GitLab merged ${mr} at once: its pipeline had already succeeded.`);
                return { enabled: true };
            }
            catch (error) {
                const reason = error instanceof GitLabRequestError ? autoMergeRefusal(error, change) : undefined;
                if (reason === undefined)
                    throw error;
                const wait = PIPELINE_CREATION_WAITS_S[attempt];
                if (!(error instanceof GitLabRequestError) || error.status !== 405 || change.draft || wait === undefined)
                    return { enabled: false, reason: this.redact(reason) };
                // 405 right after a push or the MR's creation: GitLab creates the MR's pipeline in the
                // background and refuses auto-merge until it exists (gitlab-org/gitlab#353984). A project
                // with no pipeline at all answers 405 too; it gets the report once the waits are spent.
                this.options.log?.(`GitLab refused auto-merge on ${mr} (HTTP 405): its pipeline may still be being created; retrying in ${wait} s.`);
                await this.pause(wait * 1000);
            }
        }
    }
    pause(ms) {
        const scaled = Math.max(0, Math.round(ms * (this.options.retryDelayScale ?? 1)));
        return scaled > 0 ? new Promise((resolve) => setTimeout(resolve, scaled)) : Promise.resolve();
    }
    /**
     * GitLab signs commits that its Commits API creates (on gitlab.com with its own key), which is
     * what sign-commits wants. GitLab builds the tree itself from the branch or `start_sha` plus the
     * actions, so `parentTree` is not needed. Every action is `update`: the step only rewrites files
     * that exist at `parent` (GitLab has no upsert, and `update` of a missing file is refused with 400,
     * which is right). GitLab offers no compare-and-swap on the ref, so a branch that is not at
     * `expectedHead` when read just before is a lost race (ForgeBranchMovedError, retried like
     * GitHub's). `fastForwardOnly` (a shared branch): the commit goes onto the branch's head, never
     * forced; otherwise `force` replaces our own earlier commit on a change branch.
     */
    async compare(repository, from, to) {
        const project = repository.replace(/^\/+|\/+$/g, '');
        let answer;
        try {
            answer = (await this.repositories.compare(project, from, to));
        }
        catch (error) {
            if (error instanceof GitLabRequestError && error.status === 403) {
                // The transport names the environment project; here the application's is meant.
                throw new errors/* ForgeError */.Q8(this.redact(`GitLab refused to compare ${from}...${to} in ${project} (HTTP 403${error.serverMessage ? `: ${error.serverMessage}` : ''})`), 'The token needs read access to the application project (the Reporter role and the `read_api` or `api` scope).', 403);
            }
            if (!(error instanceof GitLabRequestError) || error.status !== 404)
                throw error;
            // "404 Ref Not Found": `from` or `to` is no branch, tag or commit of the project.
            if (!/project not found/i.test(error.serverMessage ?? ''))
                return undefined;
            throw new errors/* ForgeError */.Q8(this.redact(`GitLab found no project ${project} to compare ${from}...${to} in (HTTP 404): it does not exist, or the token cannot see it`), `Check \`source-repository\` (group/subgroup/project, as in the project's URL) and that the token's user or bot can read that project (Reporter role); GitLab answers 404 rather than 403 for projects a token cannot read.`, 404);
        }
        return toComparison(answer, `${hostOf(this.options.apiUrl)}/${project}`, from, to);
    }
    async commitThroughApi(request) {
        if (request.expectedHead !== undefined) {
            const head = await this.branchHead(request.branch);
            if (head !== request.expectedHead) {
                throw new errors/* ForgeBranchMovedError */.Rf(this.redact(`Branch ${request.branch} in ${this.project} changed under this run: ${head === undefined ? 'the branch was deleted' : `it now points at ${head}`}.`), 'Another run is promoting to the same branch; this run retries from the new state, or run the job again.', 409);
            }
        }
        const onto = request.fastForwardOnly && request.expectedHead !== undefined ? {} : { startSha: request.parent, force: request.expectedHead !== undefined };
        const commit = await this.commits.create(this.project, request.branch, request.message, request.files.map((file) => ({ action: 'update', filePath: file.path, content: file.content, encoding: 'text' })), onto);
        return { sha: commit.id, verified: await this.verified(commit.id) };
    }
    /** The commit `branch` points at; undefined when it does not exist. */
    async branchHead(branch) {
        try {
            return (await this.branches.show(this.project, branch)).commit.id;
        }
        catch (error) {
            if (error instanceof errors/* ForgeError */.Q8 && error.status === 404)
                return undefined;
            throw error;
        }
    }
    async verified(sha) {
        try {
            const signature = await this.commits.showGPGSignature(this.project, sha);
            const status = signature.verification_status;
            // verified_system: signed by GitLab itself (web and API commits).
            return status === 'verified' || status === 'verified_system';
        }
        catch (error) {
            // 404 "GPG Signature Not Found": the commit is unsigned (e.g. a self-managed instance without a signing key).
            if (error instanceof errors/* ForgeError */.Q8 && error.status === 404)
                return false;
            throw error;
        }
    }
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


/***/ }),

/***/ 5407:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

var map = {
	"./BurstyRateLimiter": [
		5860
	],
	"./BurstyRateLimiter.js": [
		5860
	],
	"./ExpressBruteFlexible": [
		3966,
		966
	],
	"./ExpressBruteFlexible.js": [
		3966,
		966
	],
	"./RLWrapperBlackAndWhite": [
		7383
	],
	"./RLWrapperBlackAndWhite.js": [
		7383
	],
	"./RLWrapperTimeouts": [
		4016
	],
	"./RLWrapperTimeouts.js": [
		4016
	],
	"./RateLimiterAbstract": [
		8569
	],
	"./RateLimiterAbstract.js": [
		8569
	],
	"./RateLimiterCluster": [
		565
	],
	"./RateLimiterCluster.js": [
		565
	],
	"./RateLimiterDrizzle": [
		673
	],
	"./RateLimiterDrizzle.js": [
		673
	],
	"./RateLimiterDrizzleNonAtomic": [
		5347
	],
	"./RateLimiterDrizzleNonAtomic.js": [
		5347
	],
	"./RateLimiterDynamo": [
		2309
	],
	"./RateLimiterDynamo.js": [
		2309
	],
	"./RateLimiterEtcd": [
		6481
	],
	"./RateLimiterEtcd.js": [
		6481
	],
	"./RateLimiterEtcdNonAtomic": [
		5299
	],
	"./RateLimiterEtcdNonAtomic.js": [
		5299
	],
	"./RateLimiterInsuredAbstract": [
		3847
	],
	"./RateLimiterInsuredAbstract.js": [
		3847
	],
	"./RateLimiterMemcache": [
		3250
	],
	"./RateLimiterMemcache.js": [
		3250
	],
	"./RateLimiterMemory": [
		4544
	],
	"./RateLimiterMemory.js": [
		4544
	],
	"./RateLimiterMongo": [
		8439
	],
	"./RateLimiterMongo.js": [
		8439
	],
	"./RateLimiterMySQL": [
		7793
	],
	"./RateLimiterMySQL.js": [
		7793
	],
	"./RateLimiterPostgres": [
		3740
	],
	"./RateLimiterPostgres.js": [
		3740
	],
	"./RateLimiterPrisma": [
		6323
	],
	"./RateLimiterPrisma.js": [
		6323
	],
	"./RateLimiterQueue": [
		2860
	],
	"./RateLimiterQueue.js": [
		2860
	],
	"./RateLimiterRedis": [
		4336
	],
	"./RateLimiterRedis.js": [
		4336
	],
	"./RateLimiterRes": [
		449
	],
	"./RateLimiterRes.js": [
		449
	],
	"./RateLimiterSQLite": [
		3283
	],
	"./RateLimiterSQLite.js": [
		3283
	],
	"./RateLimiterStoreAbstract": [
		5140
	],
	"./RateLimiterStoreAbstract.js": [
		5140
	],
	"./RateLimiterUnion": [
		244
	],
	"./RateLimiterUnion.js": [
		244
	],
	"./RateLimiterValkey": [
		2193
	],
	"./RateLimiterValkey.js": [
		2193
	],
	"./RateLimiterValkeyGlide": [
		3756
	],
	"./RateLimiterValkeyGlide.js": [
		3756
	],
	"./component/BlockedKeys": [
		8830
	],
	"./component/BlockedKeys/": [
		8830
	],
	"./component/BlockedKeys/BlockedKeys": [
		5202
	],
	"./component/BlockedKeys/BlockedKeys.js": [
		5202
	],
	"./component/BlockedKeys/index": [
		8830
	],
	"./component/BlockedKeys/index.js": [
		8830
	],
	"./component/MemoryStorage": [
		8178,
		178
	],
	"./component/MemoryStorage/": [
		8178,
		178
	],
	"./component/MemoryStorage/MemoryStorage": [
		1534
	],
	"./component/MemoryStorage/MemoryStorage.js": [
		1534
	],
	"./component/MemoryStorage/Record": [
		749
	],
	"./component/MemoryStorage/Record.js": [
		749
	],
	"./component/MemoryStorage/index": [
		8178,
		178
	],
	"./component/MemoryStorage/index.js": [
		8178,
		178
	],
	"./component/RateLimiterEtcdTransactionFailedError": [
		3184
	],
	"./component/RateLimiterEtcdTransactionFailedError.js": [
		3184
	],
	"./component/RateLimiterQueueError": [
		7948
	],
	"./component/RateLimiterQueueError.js": [
		7948
	],
	"./component/RateLimiterSetupError": [
		2922
	],
	"./component/RateLimiterSetupError.js": [
		2922
	],
	"./constants": [
		3880,
		880
	],
	"./constants.js": [
		3880,
		880
	]
};
function webpackAsyncContext(req) {
	if(!__webpack_require__.o(map, req)) {
		return Promise.resolve().then(() => {
			var e = new Error("Cannot find module '" + req + "'");
			e.code = 'MODULE_NOT_FOUND';
			throw e;
		});
	}

	var ids = map[req], id = ids[0];
	return Promise.all(ids.slice(1).map(__webpack_require__.e)).then(() => {
		return __webpack_require__.t(id, 7 | 16);
	});
}
webpackAsyncContext.keys = () => (Object.keys(map));
webpackAsyncContext.id = 5407;
module.exports = webpackAsyncContext;

/***/ })

};
