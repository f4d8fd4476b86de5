export const id = 964;
export const ids = [964];
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

/***/ 6964:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createGitHubForge: () => (/* binding */ createGitHubForge),
  gitHubGraphqlUrl: () => (/* reexport */ gitHubGraphqlUrl)
});

// EXTERNAL MODULE: ./packages/core/src/forge/errors.ts
var forge_errors = __webpack_require__(798);
// EXTERNAL MODULE: ./packages/core/src/text/one-line.ts
var one_line = __webpack_require__(2512);
;// CONCATENATED MODULE: ./packages/core/src/forge/github-errors.ts


function isGitHubHttpError(error) {
    return (error instanceof Error &&
        'status' in error &&
        typeof error.status === 'number' &&
        (!('response' in error) || error.response === undefined || (typeof error.response === 'object' && error.response !== null)));
}
/** GitHub's own `message`, e.g. "Validation Failed" or "Bad credentials". */
function apiMessage(error) {
    const data = error.response?.data;
    if (typeof data === 'object' && data !== null && 'message' in data && typeof data.message === 'string')
        return data.message;
    return undefined;
}
/** The `errors` array of a 422, which says what exactly was invalid. */
function validationDetails(error) {
    const data = error.response?.data;
    if (typeof data !== 'object' || data === null || !('errors' in data) || !Array.isArray(data.errors))
        return [];
    return data.errors.map((item) => {
        if (typeof item === 'string')
            return { message: item };
        if (typeof item !== 'object' || item === null)
            return {};
        const record = item;
        const text = (key) => (typeof record[key] === 'string' ? record[key] : undefined);
        return { resource: text('resource'), field: text('field'), code: text('code'), message: text('message') };
    });
}
/** "Validation Failed: A pull request already exists for acme:b.; head invalid" */
function describeValidation(error) {
    const parts = validationDetails(error).map((detail) => detail.message ?? [detail.field, detail.code].filter((part) => part !== undefined).join(' '));
    const head = apiMessage(error) ?? `HTTP ${error.status}`;
    const details = parts.filter((part) => part !== '');
    return details.length > 0 ? `${head}: ${details.join('; ')}` : head;
}
const PERMISSIONS_HINT = 'The token needs "Pull requests: write" and "Contents: write" on the repository. For GITHUB_TOKEN, add ' +
    '`permissions: { contents: write, pull-requests: write }` to the job; for a fine-grained personal access ' +
    'token or a GitHub App installation, the repository must be one of the selected repositories.';
/**
 * The ForgeError for a GitHub refusal. Anything that is not an HTTP answer or its absence (a
 * TypeError in our code, say) nobody expected: it is a bug, passed on as it is rather than told
 * as "retry the job".
 */
function toForgeError(error, context) {
    const redact = (text) => (0,one_line/* oneLine */.T)(context.redact(text));
    const where = `${context.action} in ${context.repository}`;
    if (error instanceof forge_errors/* ForgeError */.Q8)
        return error;
    if (!isGitHubHttpError(error))
        return error instanceof Error ? error : new Error(String(error));
    const { status } = error;
    const message = apiMessage(error);
    if (error.response === undefined) {
        // No answer at all: Octokit reports a failed fetch as status 500 without a response. A host
        // that does not resolve is a typo in api-url far more often than an outage: not retried.
        const Unreachable = /ENOTFOUND/.test(error.message) ? forge_errors/* ForgeError */.Q8 : forge_errors/* TransientForgeError */.mv;
        return new Unreachable(redact(`Could not reach GitHub at ${context.apiUrl} to ${where}: ${error.message}.`), 'Check `api-url` (GitHub Enterprise Server: https://HOST/api/v3), DNS, and any proxy (HTTPS_PROXY/NO_PROXY) between the runner and GitHub.', 0);
    }
    return refusal(error, error.response.headers, status, message, { ...context, where, redact });
}
/** The ForgeError for an HTTP answer GitHub gave: what it means, and what the user can do. */
function refusal(error, headers, status, message, context) {
    const { redact, where } = context;
    if (isRateLimited(error)) {
        const reset = Number(headers['x-ratelimit-reset']);
        const when = Number.isFinite(reset) && reset > 0 ? ` The limit resets at ${new Date(reset * 1000).toISOString()}.` : '';
        return new forge_errors/* TransientForgeError */.mv(redact(`GitHub rate limit hit while trying to ${where} (${status}: ${message ?? 'rate limited'}), and waiting did not clear it.${when}`), 'Run the job again later, or use a token with its own budget (a GitHub App installation token has a higher limit than GITHUB_TOKEN).', status);
    }
    if (status === 401) {
        return new forge_errors/* ForgeError */.Q8(redact(`GitHub rejected the token (401 ${message ?? 'Unauthorized'}) while trying to ${where}.`), 'The token is expired, revoked or mistyped. Pass a valid token in the `token` input (GITHUB_TOKEN, a fine-grained personal access token or a GitHub App installation token with access to the repository).', status);
    }
    if (status === 403) {
        if (message !== undefined && /not permitted to create or approve pull requests/i.test(message)) {
            return new forge_errors/* ForgeError */.Q8(redact(`GitHub refused to ${where}: ${message}`), 'Enable "Allow GitHub Actions to create and approve pull requests" (repository or organization Settings → Actions → General → Workflow permissions), or use a GitHub App or personal access token.', status);
        }
        return new forge_errors/* ForgeError */.Q8(redact(`GitHub refused to ${where} (403 ${message ?? 'Forbidden'}): the token lacks permission on ${context.repository}.`), PERMISSIONS_HINT, status);
    }
    if (status === 404) {
        if (context.notFound)
            return new forge_errors/* ForgeError */.Q8(redact(context.notFound.message), context.notFound.hint, status);
        return new forge_errors/* ForgeError */.Q8(redact(`GitHub answered 404 Not Found for ${context.repository} while trying to ${context.action}: the repository does not exist or the token cannot see it.`), `Check the repository name (owner/name). GitHub answers 404, not 403, for a private repository the token has no access to: ${PERMISSIONS_HINT}`, status);
    }
    if (status === 422 || status === 400 || status === 409) {
        return new forge_errors/* ForgeError */.Q8(redact(`GitHub rejected the request to ${where}: ${describeValidation(error)}.`), context.validationHint ?? 'Check the inputs named in the message; the request is refused the same way every time until they change.', status);
    }
    if (status >= 500) {
        return new forge_errors/* TransientForgeError */.mv(redact(`GitHub answered ${status} ${message ?? ''} while trying to ${where}, and kept doing so when retried.`), 'GitHub is having trouble (see https://www.githubstatus.com, or your GitHub Enterprise Server status); run the job again later.', status);
    }
    const Refusal = (0,forge_errors/* forgeErrorClassFor */.vl)(status);
    return new Refusal(redact(`GitHub answered ${status} ${message ?? ''} while trying to ${where}.`), 'Check the inputs and the token; if the answer does not make sense for this request, report it with the log above.', status);
}
function isRateLimited(error) {
    if (error.status !== 403 && error.status !== 429)
        return false;
    const headers = error.response?.headers ?? {};
    return (error.status === 429 ||
        headers['x-ratelimit-remaining'] === '0' ||
        headers['retry-after'] !== undefined ||
        /\b(secondary )?rate limit\b/i.test(apiMessage(error) ?? ''));
}

;// CONCATENATED MODULE: ./packages/core/src/forge/github-automerge.ts

/**
 * Auto-merge is GraphQL-only on GitHub. GitHub answers a refusal with HTTP 200 and an `errors`
 * entry; the ones a repository admin can fix become a reason, permission problems are thrown.
 */
/** GraphQL endpoint for a REST base: api.github.com/graphql, or HOST/api/graphql on GHES (REST at HOST/api/v3). */
function gitHubGraphqlUrl(apiUrl) {
    const base = apiUrl.replace(/\/+$/, '');
    return /\/api\/v3$/.test(base) ? base.replace(/\/api\/v3$/, '/api/graphql') : `${base}/graphql`;
}
/** Pinned to the head the caller saw (expectedHeadOid), so a commit pushed since is not merged unseen. */
const ENABLE_AUTO_MERGE = `mutation($id: ID!, $m: PullRequestMergeMethod!, $head: GitObjectID) {
  enablePullRequestAutoMerge(input: {pullRequestId: $id, mergeMethod: $m, expectedHeadOid: $head}) {
    pullRequest { autoMergeRequest { enabledAt } }
  }
}`;
function autoMergeOutcome(data, change, method, ctx) {
    const body = typeof data === 'object' && data !== null ? data : {};
    const errors = Array.isArray(body.errors) ? body.errors.map(graphqlError) : [];
    const first = errors[0];
    if (first === undefined) {
        const enabledAt = body.data
            ?.enablePullRequestAutoMerge?.pullRequest?.autoMergeRequest;
        if (enabledAt)
            return { enabled: true };
        return { enabled: false, reason: 'GitHub accepted the request but reported no auto-merge on the pull request.' };
    }
    const message = ctx.redact(first.message);
    if (first.type === 'FORBIDDEN' || /resource not accessible/i.test(message)) {
        throw new forge_errors/* ForgeError */.Q8(`GitHub refused to ${ctx.action} in ${ctx.repository}: ${message}`, 'Enabling auto-merge needs "Pull requests: write" and "Contents: write"; give the token both.', 403);
    }
    if (first.type === 'NOT_FOUND') {
        throw new forge_errors/* ForgeError */.Q8(`GitHub could not find pull request #${change.number} in ${ctx.repository} to enable auto-merge: ${message}`, 'Give the token access to the repository ("Pull requests: write").', 404);
    }
    if (/auto.?merge is not allowed/i.test(message)) {
        return {
            enabled: false,
            reason: `auto-merge is switched off for ${ctx.repository}; an admin can enable "Allow auto-merge" under Settings → General → Pull Requests.`,
        };
    }
    if (/\bclean status\b/i.test(message)) {
        return {
            enabled: false,
            reason: `the pull request can be merged right away, so GitHub has nothing to wait for: auto-merge needs a branch protection rule or ruleset on ${change.base} with required status checks (or required reviews).`,
        };
    }
    if (/merge method|merging is not allowed/i.test(message)) {
        return { enabled: false, reason: `the ${method} merge method is not allowed in ${ctx.repository} (${message}); choose one the repository allows.` };
    }
    return { enabled: false, reason: `GitHub refused: ${message}` };
}
function graphqlError(item) {
    if (typeof item !== 'object' || item === null)
        return { message: String(item) };
    const record = item;
    return {
        type: typeof record.type === 'string' ? record.type : undefined,
        message: typeof record.message === 'string' ? record.message : 'unknown GraphQL error',
    };
}

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 20 modules
var github = __webpack_require__(2270);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
;// CONCATENATED MODULE: ./packages/core/src/forge/github-octokit.ts



/** Rate-limit waits retried per request before giving up with a retryable ForgeError. */
const MAX_RATE_LIMIT_RETRIES = 3;
/** A primary limit resetting later than this is not waited for: a CI job should fail and say when. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 15 * 60;
function createOctokit(setup) {
    const scale = setup.retryDelayScale;
    const shouldWait = (retryAfter, options, retryCount) => {
        if (retryCount >= MAX_RATE_LIMIT_RETRIES || retryAfter > MAX_RATE_LIMIT_WAIT_SECONDS)
            return false;
        setup.log(`GitHub rate limit: waiting ${retryAfter}s before retrying ${options.method} ${options.url}`);
        return true;
    };
    const throttle = {
        // An id of our own keeps these pacing queues apart from any other Octokit in the process
        // (the plugin's queues are process-wide per id); all forges of one run share it, as they
        // share the token's budget.
        id: 'gitops-promote',
        retryAfterBaseValue: 1000 * scale,
        fallbackSecondaryRateRetryAfter: 60,
        onRateLimit: (retryAfter, options, _octokit, retryCount) => shouldWait(retryAfter, expandedRoute(options), retryCount),
        onSecondaryRateLimit: (retryAfter, options, _octokit, retryCount) => shouldWait(retryAfter, expandedRoute(options), retryCount),
        ...(scale === 1 ? {} : { write: pacedGroup(1000 * scale), notifications: pacedGroup(3000 * scale) }),
    };
    const options = {
        baseUrl: setup.apiUrl,
        throttle,
        // 429 is left to the throttling plugin and our retry-after layer, which honour retry-after;
        // plugin-retry would resend it on its own 1s/4s/9s schedule.
        retry: { retryAfterBaseValue: 1000 * scale, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
        // Only when asked: passing `request` replaces @actions/github's default proxy-aware fetch.
        ...(setup.fetch ? { request: { fetch: setup.fetch } } : {}),
        // Octokit's default logger prints deprecation notices and plugin errors with console.warn;
        // they carry request options (never the token), but a step's output should stay ours.
        log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    };
    // Registered before retry and throttling, so its hook sits inside theirs and sees every resend.
    const counting = (octokit) => {
        octokit.hook.wrap('request', (request, requestOptions) => {
            setup.onRequest();
            return request(requestOptions);
        });
        return {};
    };
    const octokit = (0,github/* getOctokit */.Q)(setup.token, options, counting, dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
    octokit.hook.wrap('request', async (request, requestOptions) => {
        for (let attempt = 0;; attempt++) {
            try {
                return await request(requestOptions);
            }
            catch (error) {
                const retryAfter = bareRetryAfter(error);
                if (retryAfter === undefined || !shouldWait(retryAfter, expandedRoute(requestOptions), attempt))
                    throw error;
                await sleep(retryAfter * 1000 * scale);
            }
        }
    });
    return octokit;
}
/** retry-after seconds of a 403/429 the throttling plugin did not recognise as a rate limit. */
function bareRetryAfter(error) {
    if (typeof error !== 'object' || error === null || !('status' in error) || !('response' in error))
        return undefined;
    const { status, response, message } = error;
    if ((status !== 403 && status !== 429) || typeof response !== 'object' || response === null)
        return undefined;
    const headers = response.headers ?? {};
    if (/\bsecondary rate\b/i.test(String(message)) || headers['x-ratelimit-remaining'] === '0')
        return undefined;
    const value = headers['retry-after'];
    if (value === undefined || !/^\d+$/.test(value.trim()))
        return undefined;
    return Number(value);
}
/** "POST /repos/acme/envs/pulls": the route as sent, for a person reading the log. */
function expandedRoute(options) {
    const params = options;
    const path = options.url.replace(/\{(\w+)\}/g, (placeholder, name) => params[name] === undefined ? placeholder : encodeURIComponent(String(params[name])));
    return { method: options.method, url: new URL(path, 'http://github.invalid').pathname };
}
/**
 * Stand-in for the throttling plugin's Bottleneck groups when waits are scaled (tests): it keeps
 * the order and spacing of writes, with the spacing scaled. The plugin only ever calls
 * `group.key(id).schedule(jobOptions, fn, ...args)` on these; Bottleneck itself is not a
 * dependency of ours, so the type is asserted rather than implemented in full.
 */
function pacedGroup(minTimeMs) {
    let queue = Promise.resolve();
    let lastStart = 0;
    const limiter = {
        schedule(_jobOptions, job, ...args) {
            const turn = queue.then(async () => {
                const wait = lastStart + minTimeMs - Date.now();
                if (wait > 0)
                    await sleep(wait);
                lastStart = Date.now();
            });
            queue = turn;
            return turn.then(() => job(...args));
        },
    };
    return { key: () => limiter };
}
function sleep(ms) {
    return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}

;// CONCATENATED MODULE: ./packages/core/src/forge/github-pulls.ts


/** A 422 on create, phrased after what was wrong: mostly a branch that is not on GitHub. */
function createRefusal(error, draft, ctx) {
    const details = validationDetails(error);
    const text = describeValidation(error);
    const refuse = (why, hint) => new forge_errors/* ForgeError */.Q8(ctx.redact(`Cannot ${ctx.action} in ${ctx.repository}: ${why} (GitHub: ${text}).`), hint, error.status);
    if (details.some((detail) => detail.field === 'head') || /\bhead\b.*\binvalid\b/i.test(text)) {
        return refuse(`branch ${draft.head} does not exist there`, `Push ${draft.head} to the repository before opening the pull request, or check the branch name.`);
    }
    if (details.some((detail) => detail.field === 'base') || /\bbase\b.*\binvalid\b/i.test(text)) {
        return refuse(`base branch ${draft.base} does not exist there`, 'Check the target branch input; it must name an existing branch.');
    }
    if (/no commits between/i.test(text)) {
        return refuse(`${draft.head} has no commits that ${draft.base} lacks`, `There is nothing to review; the change may already be on ${draft.base}.`);
    }
    return toForgeError(error, { ...ctx, validationHint: 'Check the title, branches and body named in the message.' });
}
function toChangeRequest(pull) {
    return {
        number: pull.number,
        url: pull.html_url,
        title: pull.title,
        body: pull.body ?? '',
        head: pull.head.ref,
        base: pull.base.ref,
        headSha: pull.head.sha,
        draft: pull.draft ?? false,
        state: pull.merged_at !== null ? 'merged' : pull.state === 'closed' ? 'closed' : 'open',
        labels: pull.labels.map((label) => label.name),
        assignees: (pull.assignees ?? []).map((user) => user.login),
        reviewers: (pull.requested_reviewers ?? []).map((user) => user.login),
        teamReviewers: (pull.requested_teams ?? []).map((team) => team.slug),
        autoMerge: pull.auto_merge !== null,
    };
}

// EXTERNAL MODULE: ./packages/core/src/forge/forge.ts
var forge = __webpack_require__(9302);
;// CONCATENATED MODULE: ./packages/core/src/forge/github-compare.ts

/**
 * GitHub's commit comparison in the forge-neutral shape. GitHub lists commits oldest first and,
 * asked without paging, the newest 250 of them: the last 20, reversed, are the newest 20.
 */
function toComparison(data) {
    return {
        commits: data.commits.slice(-forge/* COMPARISON_COMMITS */.$).reverse().map(toComparedCommit),
        totalCommits: data.total_commits,
        webUrl: data.html_url,
        repositoryUrl: data.html_url.replace(/\/compare\/.*$/, ''),
    };
}
function toComparedCommit(commit) {
    const login = commit.author !== null && typeof commit.author.login === 'string' ? commit.author.login : undefined;
    return {
        sha: commit.sha,
        subject: commit.commit.message.split('\n')[0] ?? '',
        authorName: commit.commit.author?.name ?? login ?? '',
        ...(login !== undefined ? { authorLogin: login } : {}),
        url: commit.html_url,
    };
}

;// CONCATENATED MODULE: ./packages/core/src/forge/github-forge.ts







/**
 * The GitHub (and GitHub Enterprise Server) forge: pull requests over REST, auto-merge over
 * GraphQL, signed commits through the Git Data API. See github-octokit.ts for the retry and
 * rate-limit policy and github-errors.ts for how refusals are reported.
 */
/** Waits before resending a label/assignee/reviewer request GitHub answered before it caught up with a new pull request. */
const CONSISTENCY_DELAYS_MS = [500, 1000, 2000, 4000];
function createGitHubForge(options) {
    return new GitHubForge(options);
}
class GitHubForge {
    options;
    kind = 'github';
    noun = 'pull request';
    ids;
    apiUrl;
    scale;
    octokit;
    nodeIds = new Map();
    requestCount = 0;
    constructor(options) {
        this.options = options;
        const [owner, repo, extra] = options.repository.split('/');
        if (!owner || !repo || extra !== undefined) {
            throw new forge_errors/* ForgeError */.Q8(`"${options.repository}" is not a GitHub repository name.`, 'Name the repository as owner/name, e.g. acme/environments.', 0);
        }
        this.ids = { owner, repo };
        this.apiUrl = options.apiUrl.replace(/\/+$/, '');
        this.scale = options.retryDelayScale ?? 1;
        this.octokit = createOctokit({
            apiUrl: this.apiUrl,
            token: options.token,
            fetch: options.fetch,
            log: options.log ?? (() => undefined),
            retryDelayScale: this.scale,
            onRequest: () => {
                this.requestCount++;
            },
        });
    }
    get requests() {
        return this.requestCount;
    }
    redact(text) {
        const redacted = this.options.redact ? this.options.redact(text) : text;
        return this.options.token === '' ? redacted : redacted.split(this.options.token).join('***');
    }
    context(action, extraContext = {}) {
        return { action, repository: this.options.repository, apiUrl: this.apiUrl, redact: (text) => this.redact(text), ...extraContext };
    }
    remember(pull) {
        this.nodeIds.set(pull.number, pull.node_id);
        return toChangeRequest(pull);
    }
    async call(ctx, send) {
        try {
            return await send();
        }
        catch (error) {
            throw toForgeError(error, ctx);
        }
    }
    pullNotFound(change, action) {
        return {
            message: `GitHub has no pull request #${change.number} in ${this.options.repository} (404 while trying to ${action}), or the token cannot see the repository.`,
            hint: 'The pull request may have been deleted with its repository or transferred; otherwise give the token access to the repository ("Pull requests: write").',
        };
    }
    /** Labels, assignees and reviewers right after a create can hit a replica that has not seen the pull request yet. */
    async withConsistencyRetry(ctx, send) {
        for (let attempt = 0;; attempt++) {
            try {
                await send();
                return;
            }
            catch (error) {
                const delay = CONSISTENCY_DELAYS_MS[attempt];
                const lagging = isGitHubHttpError(error) &&
                    (error.status === 404 || (error.status === 422 && /could not resolve to a node/i.test(describeValidation(error))));
                if (!lagging || delay === undefined)
                    throw toForgeError(error, ctx);
                this.options.log?.(`GitHub has not caught up with the new ${this.noun} yet; retrying to ${ctx.action} in ${delay}ms`);
                await sleep(delay * this.scale);
            }
        }
    }
    async findOpen(head, base) {
        const response = await this.call(this.context(`look up the open pull request ${head} → ${base}`), () => this.octokit.request('GET /repos/{owner}/{repo}/pulls', { ...this.ids, state: 'open', head: `${this.ids.owner}:${head}`, base, per_page: 10 }));
        const pull = response.data[0];
        return pull === undefined ? undefined : this.remember(pull);
    }
    async repository() {
        const { data } = await this.call(this.context('read the repository'), () => this.octokit.request('GET /repos/{owner}/{repo}', this.ids));
        return { defaultBranch: data.default_branch, webUrl: data.html_url };
    }
    async create(draft) {
        const action = `open a pull request from ${draft.head} into ${draft.base}`;
        try {
            const { data } = await this.octokit.request('POST /repos/{owner}/{repo}/pulls', {
                ...this.ids,
                title: draft.title,
                head: draft.head,
                base: draft.base,
                body: draft.body,
                draft: draft.draft,
            });
            return { change: this.remember(data), created: true };
        }
        catch (error) {
            if (!isGitHubHttpError(error) || error.status !== 422)
                throw toForgeError(error, this.context(action));
            if (validationDetails(error).some((detail) => /pull request already exists/i.test(detail.message ?? ''))) {
                // Another run opened it between our lookup and our create: use theirs.
                const existing = await this.findOpen(draft.head, draft.base);
                if (existing)
                    return { change: existing, created: false };
                throw new forge_errors/* TransientForgeError */.mv(this.redact(`GitHub says a pull request from ${draft.head} into ${draft.base} already exists in ${this.options.repository}, but none is open.`), 'Another run is probably closing or merging it right now; run the job again.', 422);
            }
            throw createRefusal(error, draft, this.context(action));
        }
    }
    async update(change, patch) {
        const fields = {};
        if (patch.title !== undefined && patch.title !== change.title)
            fields.title = patch.title;
        if (patch.body !== undefined && patch.body !== change.body)
            fields.body = patch.body;
        if (Object.keys(fields).length === 0)
            return change;
        const action = `update pull request #${change.number}`;
        const { data } = await this.call(this.context(action, { notFound: this.pullNotFound(change, action) }), () => this.octokit.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', { ...this.ids, pull_number: change.number, ...fields }));
        return this.remember(data);
    }
    async close(change, comment) {
        const action = `close pull request #${change.number}`;
        const ctx = this.context(action, { notFound: this.pullNotFound(change, action) });
        if (comment !== '') {
            await this.call(ctx, () => this.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...this.ids, issue_number: change.number, body: comment }));
        }
        await this.call(ctx, () => this.octokit.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', { ...this.ids, pull_number: change.number, state: 'closed' }));
    }
    async addLabels(change, labels) {
        if (labels.length === 0)
            return;
        const action = `label pull request #${change.number}`;
        await this.withConsistencyRetry(this.context(action, { notFound: this.pullNotFound(change, action) }), () => this.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
            ...this.ids,
            issue_number: change.number,
            labels: [...labels],
        }));
    }
    async addAssignees(change, users) {
        if (users.length === 0)
            return;
        const action = `assign pull request #${change.number} to ${users.join(', ')}`;
        await this.withConsistencyRetry(this.context(action, { notFound: this.pullNotFound(change, action) }), () => this.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/assignees', {
            ...this.ids,
            issue_number: change.number,
            assignees: [...users],
        }));
    }
    async requestReviewers(change, users, teams) {
        if (users.length === 0 && teams.length === 0)
            return;
        const names = [...users, ...teams.map((team) => `team ${team}`)].join(', ');
        const action = `request reviews on pull request #${change.number} from ${names}`;
        await this.withConsistencyRetry(this.context(action, {
            notFound: this.pullNotFound(change, action),
            validationHint: 'Reviewers must be collaborators of the repository (teams: have access to it) and cannot be the pull request author; fix `reviewers` / `team-reviewers`.',
        }), () => this.octokit.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers', {
            ...this.ids,
            pull_number: change.number,
            reviewers: [...users],
            team_reviewers: [...teams],
        }));
    }
    async enableAutoMerge(change, method) {
        const action = `enable auto-merge on pull request #${change.number}`;
        const ctx = this.context(action, { notFound: this.pullNotFound(change, action) });
        let nodeId = this.nodeIds.get(change.number);
        if (nodeId === undefined) {
            const { data } = await this.call(ctx, () => this.octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...this.ids, pull_number: change.number }));
            this.remember(data);
            nodeId = data.node_id;
        }
        const id = nodeId;
        const response = await this.call(ctx, () => this.octokit.request(`POST ${gitHubGraphqlUrl(this.apiUrl)}`, {
            query: ENABLE_AUTO_MERGE,
            variables: { id, m: method.toUpperCase(), head: change.headSha },
        }));
        return autoMergeOutcome(response.data, change, method, ctx);
    }
    async compare(repository, from, to) {
        const [owner, repo, extra] = repository.split('/');
        if (!owner || !repo || extra !== undefined) {
            throw new forge_errors/* ForgeError */.Q8(`"${repository}" is not a GitHub repository name.`, 'Name the application repository as owner/name, e.g. acme/app.', 0);
        }
        const ctx = this.context(`compare ${from}...${to}`, { repository });
        try {
            // No per_page/page: then GitHub answers the newest 250 commits (oldest first) and the total,
            // so the newest 20 take one request whatever the comparison's size.
            const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/compare/{basehead}', { owner, repo, basehead: `${from}...${to}` });
            return toComparison(data);
        }
        catch (error) {
            // A ref (or the repository, for a token that cannot see it) GitHub does not know.
            if (isGitHubHttpError(error) && error.status === 404)
                return undefined;
            throw toForgeError(error, ctx);
        }
    }
    async commitThroughApi(request) {
        const action = `commit to ${request.branch} through the API`;
        const ctx = this.context(action);
        const { data: tree } = await this.call(ctx, () => this.octokit.request('POST /repos/{owner}/{repo}/git/trees', {
            ...this.ids,
            base_tree: request.parentTree,
            // Always a regular file: the API cannot keep an existing mode without reading the
            // parent tree first, and the files we write (manifests) are never executable.
            tree: request.files.map((file) => ({ path: file.path, mode: '100644', type: 'blob', content: file.content })),
        }));
        // No author or committer: only then does GitHub sign the commit with its own key (Verified).
        const { data: commit } = await this.call(ctx, () => this.octokit.request('POST /repos/{owner}/{repo}/git/commits', {
            ...this.ids,
            message: request.message,
            tree: tree.sha,
            parents: [request.parent],
        }));
        const ref = `heads/${request.branch}`;
        if (request.expectedHead === undefined) {
            try {
                await this.octokit.request('POST /repos/{owner}/{repo}/git/refs', { ...this.ids, ref: `refs/${ref}`, sha: commit.sha });
            }
            catch (error) {
                if (isGitHubHttpError(error) && error.status === 422 && /reference already exists/i.test(describeValidation(error))) {
                    throw this.branchRace(request, 'another run created the branch while this one was committing');
                }
                throw toForgeError(error, ctx);
            }
        }
        else if (request.fastForwardOnly) {
            // A shared branch: GitHub itself refuses to move it unless our commit descends from its
            // head, which is exactly the check a push makes; a refusal is a lost race.
            try {
                await this.octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { ...this.ids, ref, sha: commit.sha, force: false });
            }
            catch (error) {
                if (isGitHubHttpError(error) && error.status === 422 && /not a fast.forward|reference does not exist/i.test(describeValidation(error))) {
                    throw this.branchRace(request, 'another push moved it first');
                }
                throw toForgeError(error, ctx);
            }
        }
        else {
            // The REST API has no compare-and-swap for refs; reading first narrows the window in which
            // a concurrent run's commit could be overwritten by our forced update to milliseconds.
            const current = await this.currentTip(ref);
            if (current !== request.expectedHead) {
                throw this.branchRace(request, current === undefined ? 'the branch was deleted' : `it now points at ${current}`);
            }
            try {
                await this.octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { ...this.ids, ref, sha: commit.sha, force: true });
            }
            catch (error) {
                if (isGitHubHttpError(error) && error.status === 422 && /reference does not exist/i.test(describeValidation(error))) {
                    throw this.branchRace(request, 'the branch was deleted');
                }
                throw toForgeError(error, ctx);
            }
        }
        return { sha: commit.sha, verified: commit.verification.verified };
    }
    async currentTip(ref) {
        try {
            const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { ...this.ids, ref });
            return data.object.sha;
        }
        catch (error) {
            if (isGitHubHttpError(error) && error.status === 404)
                return undefined;
            throw toForgeError(error, this.context(`read ${ref}`));
        }
    }
    branchRace(request, what) {
        return new forge_errors/* ForgeBranchMovedError */.Rf(this.redact(`Branch ${request.branch} in ${this.options.repository} changed under this run: ${what}.`), 'Another run is promoting to the same branch; this run retries from the new state, or run the job again.', 409);
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


/***/ })

};
