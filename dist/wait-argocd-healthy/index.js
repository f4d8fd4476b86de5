import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 7638:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $o: () => (/* binding */ GitopsPromoteError),
/* harmony export */   Uc: () => (/* binding */ describeError),
/* harmony export */   dz: () => (/* binding */ InputError)
/* harmony export */ });
/**
 * Every failure a user can cause or fix is a GitopsPromoteError: a one-line `message` saying what
 * went wrong and where, and a `hint` saying how to fix it. Steps print both and exit non-zero;
 * anything else that escapes is a bug and is reported as one.
 */
class GitopsPromoteError extends Error {
    hint;
    constructor(message, hint) {
        super(message);
        this.name = new.target.name;
        this.hint = hint;
    }
}
/** A step input is missing, malformed or contradicts another input. */
class InputError extends GitopsPromoteError {
}
/** Formats any thrown value as the single line a user sees. */
function describeError(error) {
    if (error instanceof GitopsPromoteError) {
        return error.hint ? `${error.message}\n  How to fix: ${error.hint}` : error.message;
    }
    if (error instanceof Error) {
        return `Unexpected internal error: ${error.message}. This is a bug in gitops-promote; please report it with the log above.`;
    }
    return `Unexpected internal error: ${String(error)}`;
}


/***/ }),

/***/ 8529:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   kB: () => (/* binding */ forgeKindOfUrl),
/* harmony export */   lV: () => (/* binding */ forgeOfRemote),
/* harmony export */   u_: () => (/* binding */ createForge)
/* harmony export */ });
/* unused harmony exports hostOf, apiUrlFor, parseForgeKind, forgeInput, repositoryOfUrl */
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7638);

/** The forge a repository URL's host points to, when the host says so (github.com, gitlab.example.com). */
function forgeKindOfUrl(url) {
    const host = hostOf(url);
    if (host === undefined)
        return undefined;
    if (/(^|\.)github\.com$/.test(host) || /^github\./.test(host))
        return 'github';
    if (/(^|\.)gitlab\.com$/.test(host) || /^gitlab\./.test(host))
        return 'gitlab';
    return undefined;
}
/** The host of an https/ssh/scp-like git URL; undefined for a local path. */
function hostOf(url) {
    const scp = /^[^/@]+@([^:/]+):/.exec(url);
    if (scp?.[1])
        return scp[1].toLowerCase();
    try {
        const parsed = new URL(url);
        return parsed.protocol === 'file:' ? undefined : parsed.hostname.toLowerCase();
    }
    catch {
        return undefined;
    }
}
/**
 * The API base for a forge at the host of `webUrl` (`https://host`): github.com's API has its own
 * host, GitHub Enterprise Server serves it under /api/v3, GitLab under /api/v4.
 */
function apiUrlFor(kind, webUrl) {
    const url = new URL(webUrl);
    if (kind === 'github')
        return url.hostname === 'github.com' ? 'https://api.github.com' : `${url.origin}/api/v3`;
    return `${url.origin}/api/v4`;
}
/** The forge's implementation, loaded only when used (a step bundle pays for the one it needs). */
async function createForge(kind, options, extras = {}) {
    if (kind === 'github')
        return (await Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(159), __nccwpck_require__.e(964)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6964))).createGitHubForge(options);
    // A CI job token authenticates as JOB-TOKEN, not PRIVATE-TOKEN.
    return (await Promise.all(/* import() */[__nccwpck_require__.e(342), __nccwpck_require__.e(846)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3754))).createGitLabForge(options, { jobToken: extras.jobToken === true });
}
/** The `forge` input (or its deprecated name `platform`, which `input` then is); undefined when empty. */
function parseForgeKind(value, input = 'forge') {
    if (value === '')
        return undefined;
    if (value === 'github' || value === 'gitlab')
        return value;
    throw new InputError(`Input '${input}' must be github or gitlab, got ${JSON.stringify(value)}.`, `Set ${input}: github or ${input}: gitlab, or leave it empty to detect it.`);
}
/** The forge the inputs name: `forge`, else the deprecated `platform` it replaced. */
function forgeInput(inputs) {
    return inputs.forge !== '' ? parseForgeKind(inputs.forge, 'forge') : parseForgeKind(inputs.platform, 'platform');
}
/** `group/project` from `https://host/group/project.git` or `git@host:group/project.git`; undefined for a local path. */
function repositoryOfUrl(url) {
    if (hostOf(url) === undefined)
        return undefined;
    const scp = /^[^/@]+@[^:/]+:(.+)$/.exec(url)?.[1];
    const path = scp ?? new URL(url).pathname.replace(/^\/+/, '');
    return path.replace(/\.git$/, '').replace(/\/+$/, '') || undefined;
}
/**
 * The forge behind a checkout's remote URL: the host names it (github.com, gitlab.example.com), or
 * the CI runs on that host (GITHUB_SERVER_URL / CI_SERVER_URL), or `given.kind` says. The API base
 * is the CI's when the remote is on the CI's server, else derived from the host. Undefined when
 * the URL has no host (a local path) and nothing names one.
 */
function forgeOfRemote(remoteUrl, env, given = {}) {
    const host = hostOf(remoteUrl);
    const onGitHubServer = host !== undefined && env.GITHUB_SERVER_URL !== undefined && hostOf(env.GITHUB_SERVER_URL) === host;
    const onGitLabServer = host !== undefined && env.CI_SERVER_URL !== undefined && hostOf(env.CI_SERVER_URL) === host;
    const kind = given.kind ?? forgeKindOfUrl(remoteUrl) ?? (onGitHubServer ? 'github' : onGitLabServer ? 'gitlab' : undefined);
    const repository = given.repository ?? repositoryOfUrl(remoteUrl);
    if (!kind || !repository)
        return undefined;
    const ciApi = kind === 'github' ? (onGitHubServer ? env.GITHUB_API_URL : undefined) : onGitLabServer ? env.CI_API_V4_URL : undefined;
    const apiUrl = given.apiUrl ?? ciApi ?? (host ? apiUrlFor(kind, `https://${host}`) : undefined);
    return apiUrl ? { kind, repository, apiUrl } : undefined;
}


/***/ }),

/***/ 1981:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ pipelineBranch),
/* harmony export */   s: () => (/* binding */ ciOf)
/* harmony export */ });
/**
 * The CI this process runs under, or undefined for a terminal. The GitLab templates also say so
 * themselves (GITOPS_PROMOTE_PLATFORM): gitlab-ci-local, for one, sets GITLAB_CI=false.
 */
function ciOf(env = process.env) {
    if (env.GITHUB_ACTIONS === 'true')
        return 'github';
    if (env.GITLAB_CI === 'true' || env.GITOPS_PROMOTE_PLATFORM === 'gitlab')
        return 'gitlab';
    return undefined;
}
/** The branch and commit the CI's pipeline runs for, when it runs for a branch (not a tag or an MR ref). */
function pipelineBranch(env = process.env) {
    switch (ciOf(env)) {
        case 'gitlab':
            return env.CI_COMMIT_BRANCH && env.CI_COMMIT_SHA ? { branch: env.CI_COMMIT_BRANCH, sha: env.CI_COMMIT_SHA, variable: 'CI_COMMIT_BRANCH' } : undefined;
        case 'github':
            return env.GITHUB_REF?.startsWith('refs/heads/') && env.GITHUB_SHA ? { branch: env.GITHUB_REF.slice('refs/heads/'.length), sha: env.GITHUB_SHA, variable: 'GITHUB_REF' } : undefined;
        default:
            return undefined;
    }
}


/***/ }),

/***/ 875:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   PB: () => (/* binding */ abortOnSignals),
/* harmony export */   kn: () => (/* binding */ watchLauncher),
/* harmony export */   yf: () => (/* binding */ cancelAsBy)
/* harmony export */ });
/* unused harmony export CancelledError */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7638);


/** The run was cancelled (a CI cancel sends SIGTERM; Ctrl-C sends SIGINT) before it finished. */
class CancelledError extends _errors__WEBPACK_IMPORTED_MODULE_1__/* .GitopsPromoteError */ .$o {
    signal;
    constructor(signal) {
        super(`Cancelled by ${signal} before the step finished.`, 'The job was cancelled (or timed out at the CI level); run it again when ready.');
        this.signal = signal;
    }
}
const SIGNALS = ['SIGTERM', 'SIGINT'];
/** The controllers of the steps running now that end in order when cancelled (abortOnSignals). */
const listening = new Set();
/**
 * Turns a CI cancel into an abort of `controller`, so a long wait ends promptly through its own
 * code path (printing what it still waited for) instead of dying mid-line. A second signal ends
 * the process the default way, for a step that does not react. Returns the function that removes
 * the handlers.
 */
function abortOnSignals(controller, signals = SIGNALS) {
    const handler = (signal) => {
        if (controller.signal.aborted) {
            dispose();
            process.kill(process.pid, signal);
            return;
        }
        controller.abort(new CancelledError(signal));
    };
    const dispose = () => {
        listening.delete(controller);
        for (const signal of signals)
            process.removeListener(signal, handler);
    };
    listening.add(controller);
    for (const signal of signals)
        process.on(signal, handler);
    return dispose;
}
/**
 * A cancel learnt other than by a signal (the launcher died, or was signalled without passing it
 * on): as a first `signal`, never as a second one, so a step already ending in order (the signal
 * reached us too) is not cut short. With no step listening, the process ends as by the signal.
 */
function cancelAsBy(signal) {
    if (listening.size === 0) {
        process.kill(process.pid, signal);
        return;
    }
    for (const controller of listening)
        if (!controller.signal.aborted)
            controller.abort(new CancelledError(signal));
}
/**
 * Watches the process that launched this one, since a cancel sent to a launcher may never reach
 * us. npx runs a bin under `sh -c` and forwards SIGINT/SIGTERM to that shell only: SIGTERM ends
 * the shell and orphans us; SIGINT is caught by the shell (dash), which waits for us to end before
 * acting on it. Both show from here: the parent pid changes, or the shell, which otherwise sleeps
 * in wait() until we exit, wakes up (Linux counts its context switches in /proc). Polls, as Node
 * has no parent-death signal. Returns the function that stops watching.
 */
function watchLauncher(watch) {
    const parent = process.ppid;
    const wrapper = npmExecShell(parent);
    let wakes = wrapper === undefined ? undefined : contextSwitches(wrapper);
    // Stopped and continued (Ctrl-Z, fg): the shell was woken by our stop, not by a cancel.
    const resumed = () => {
        if (wrapper !== undefined)
            wakes = contextSwitches(wrapper);
    };
    process.on('SIGCONT', resumed);
    const stop = () => {
        clearInterval(timer);
        process.removeListener('SIGCONT', resumed);
    };
    const intervalMs = watch.intervalMs ?? 1000;
    let lastTick = Date.now();
    const timer = setInterval(() => {
        if (process.ppid !== parent) {
            stop();
            watch.onGone();
            return;
        }
        if (wrapper === undefined || wakes === undefined)
            return;
        const now = contextSwitches(wrapper);
        // A tick long overdue means we were stopped (or blocked): the shell's wake may be our stop.
        const overdue = Date.now() - lastTick > 3 * intervalMs;
        lastTick = Date.now();
        if (now === undefined || now === wakes)
            return;
        if (overdue) {
            wakes = now;
            return;
        }
        stop();
        watch.onWrapperSignalled();
    }, intervalMs);
    // Never what keeps the process alive.
    timer.unref();
    return stop;
}
/** `pid` when it is the `sh -c` of an `npm exec`/npx run (Linux /proc), else undefined. */
function npmExecShell(pid) {
    if (process.env.npm_command !== 'exec' || process.platform !== 'linux')
        return undefined;
    try {
        const [command, flag] = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        return flag === '-c' && /(?:^|\/)sh$/.test(command ?? '') ? pid : undefined;
    }
    catch {
        return undefined;
    }
}
/** How often `pid` was scheduled; a shell blocked in wait() changes it only when signalled. */
function contextSwitches(pid) {
    try {
        const status = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`/proc/${pid}/status`, 'utf8');
        const count = (field) => Number(new RegExp(`^${field}:\\s*(\\d+)`, 'm').exec(status)?.[1] ?? Number.NaN);
        const total = count('voluntary_ctxt_switches') + count('nonvoluntary_ctxt_switches');
        return Number.isNaN(total) ? undefined : total;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 2760:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B2: () => (/* binding */ Deadline),
/* harmony export */   Kt: () => (/* binding */ DeadlineExceededError),
/* harmony export */   bp: () => (/* binding */ sleepUnlessAborted)
/* harmony export */ });
/* harmony import */ var _text_duration__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8473);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7638);


/** The step's time budget ran out; `message` says what it was still waiting for. */
class DeadlineExceededError extends _errors__WEBPACK_IMPORTED_MODULE_1__/* .GitopsPromoteError */ .$o {
}
/**
 * A point in time a step must finish by, with an AbortSignal that fires then (and earlier when the
 * parent signal, e.g. a CI cancel, fires). Passed down to every wait and request, so no layer can
 * outlive the step's `timeout`.
 */
class Deadline {
    budgetMs;
    now;
    at;
    signal;
    controller = new AbortController();
    timer;
    constructor(budgetMs, parent, now = Date.now) {
        this.budgetMs = budgetMs;
        this.now = now;
        this.at = now() + budgetMs;
        this.signal = parent ? AbortSignal.any([parent, this.controller.signal]) : this.controller.signal;
        this.timer = setTimeout(() => this.controller.abort(new DeadlineExceededError(`Timed out after ${(0,_text_duration__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(budgetMs)}.`, 'Raise the timeout, or find out why it takes longer.')), budgetMs);
        // A pending deadline must not keep the process alive once the work is done.
        this.timer.unref();
    }
    remainingMs() {
        return Math.max(0, this.at - this.now());
    }
    expired() {
        return this.remainingMs() === 0 || this.controller.signal.aborted;
    }
    /** Stops the timer; call when the work finished before the deadline. */
    dispose() {
        clearTimeout(this.timer);
    }
}
/** Waits `ms`, or less when `signal` fires first (then resolves, never rejects: callers check the signal). */
function sleepUnlessAborted(ms, signal) {
    if (signal?.aborted || ms <= 0)
        return Promise.resolve();
    return new Promise((resolve) => {
        const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
    });
}


/***/ }),

/***/ 4629:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  L5: () => (/* binding */ retry),
  ml: () => (/* binding */ systemClock)
});

// UNUSED EXPORTS: backoffDelayMs, retryDelayMs, retrying

;// CONCATENATED MODULE: external "node:timers/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
// EXTERNAL MODULE: ./packages/core/src/runtime/deadline.ts
var deadline = __nccwpck_require__(2760);
;// CONCATENATED MODULE: ./packages/core/src/runtime/retry.ts
/**
 * The one retry loop: an attempt, a predicate saying which failures are worth another attempt, a
 * backoff between attempts and a point in time after which no attempt starts. Every loop that
 * retries (the wait's requests and its stream reconnects, the race loops of the git layer) is this
 * function with its own predicate and log line; none writes its own `for (;;)`.
 */


/**
 * Runs `attempt` (given its number, from 1) until it resolves, a failure is not `retryable`, the
 * deadline leaves no room for another wait, or `signal` aborts.
 */
async function retry(attempt, options) {
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? deadline/* sleepUnlessAborted */.bp;
    for (let n = 1;; n += 1) {
        const started = now();
        try {
            return await attempt(n);
        }
        catch (error) {
            if (options.signal?.aborted || !options.retryable(error))
                throw error;
            const delayMs = backoffDelayMs(n, now() - started, options.backoff, options.random);
            const remainingMs = options.deadline === undefined ? Number.POSITIVE_INFINITY : options.deadline - now();
            if (remainingMs - delayMs <= 0)
                throw options.exhausted ? options.exhausted(error, n) : error;
            options.onRetry?.({ error, attempt: n, delayMs, remainingMs });
            await sleep(delayMs, options.signal);
            if (options.signal?.aborted)
                throw error;
        }
    }
}
/** The wait after failed attempt `attempt` (1 = the first), which took `attemptMs`: see Backoff. */
function backoffDelayMs(attempt, attemptMs, backoff, random = Math.random) {
    const min = backoff.minDelayMs ?? 250;
    const base = backoff.fromAttemptDuration ? Math.max(min, attemptMs) : min;
    const capped = Math.min(backoff.maxDelayMs ?? 8000, base * 2 ** attempt);
    return backoff.jitter === 'none' ? capped : Math.round(random() * capped);
}
const systemClock = { now: () => Date.now(), sleep: (ms) => (0,promises_namespaceObject.setTimeout)(ms) };
/** The delay before race retry `retry` (1 = the first), after an attempt that took `lastAttemptMs`: full jitter from the attempt's duration. */
function retryDelayMs(retry, lastAttemptMs, backoff = {}, random = Math.random) {
    return backoffDelayMs(retry, lastAttemptMs, { ...backoff, jitter: 'full', fromAttemptDuration: true }, random);
}
/**
 * `retry` as the git layer's race loops use it (publish, the change branch): a time budget from
 * the first attempt, full jitter from each attempt's duration, and the last lost race handed to
 * the next attempt.
 */
async function retrying(policy, attempt) {
    const clock = policy.clock ?? systemClock;
    let last;
    return retry(async (n) => {
        try {
            return await attempt(n, last);
        }
        catch (error) {
            if (policy.retryable(error))
                last = error;
            throw error;
        }
    }, {
        retryable: (error) => policy.retryable(error),
        backoff: { ...policy.backoff, jitter: 'full', fromAttemptDuration: true },
        deadline: clock.now() + policy.timeoutMs,
        exhausted: (error, attempts) => policy.exhausted(attempts, error),
        onRetry: ({ error, attempt: n, delayMs, remainingMs }) => policy.onRetry(n, delayMs, remainingMs, error),
        sleep: (ms) => clock.sleep(ms),
        now: () => clock.now(),
    });
}


/***/ }),

/***/ 1989:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ waitArgocdHealthySpec)
/* harmony export */ });
const waitArgocdHealthySpec = {
    name: 'wait-argocd-healthy',
    title: 'gitops-promote: wait for Argo CD',
    description: 'Ask Argo CD to refresh, then watch Applications until they are Synced to the pushed commit and Healthy; fail fast, saying why, when they are not.',
    inputs: [
        { name: 'server', required: true, description: 'Argo CD base URL, `https://argocd.example.com` (or `http://` for a lab); not a web UI page (`…/applications/…`).' },
        { name: 'token', secret: true, description: 'Argo CD API token (an account or project token with `applications, get` and, for `sync: true`, `sync`). Masked. Or give `username` + `password`.' },
        { name: 'username', description: 'Argo CD local user, with `password`, to get a session token when no `token` is given.' },
        { name: 'password', secret: true, description: 'Password for `username`. Masked.' },
        { name: 'application', description: 'Application(s) as `name` or `namespace/name`, one per line or comma-separated. With `selector` or alone.' },
        {
            name: 'application-set',
            description: 'ApplicationSet (`name` or `namespace/name`): every Application it generated is waited for (from its `status.resources`, or the apps it owns), each by name and namespace. An empty set is an error.',
        },
        { name: 'selector', description: 'Label selector (`team=payments,env=dev`): every Application it matches is waited for.' },
        { name: 'app-namespace', description: 'Namespace of the Applications given by name only, when Argo CD manages apps in several namespaces.' },
        { name: 'project', description: 'Argo CD project of the Applications (a missing app is then reported as not found rather than not permitted).' },
        {
            name: 'revision',
            description: 'The commit the Applications must run, usually update-manifest\'s `commit-sha`. Empty: wait like `argocd app wait` (synced, healthy, no operation), without checking the revision.',
        },
        { name: 'path', description: 'Checkout of the environment repository: lets a commit pushed after `revision` (a descendant of it) count as running it, while the files `revision` changed keep its values.' },
        { name: 'timeout', default: '10m', description: 'How long to wait in all (`90s`, `10m`); then fail, printing what each app still waited for.' },
        { name: 'refresh', default: 'normal', description: 'Ask Argo CD to re-read git first: `normal`, `hard` (also regenerate manifests), or `none`.' },
        { name: 'sync', boolean: true, default: 'false', description: 'Request a sync of `revision` for Applications without auto-sync (e.g. production).' },
        { name: 'degraded-grace', default: '0s', description: 'How long an Application may be Degraded at the new revision before the step fails (`0s`: at once).' },
        {
            name: 'suspended',
            default: 'wait',
            description: 'An app Suspended at `revision` (an Argo Rollout paused at a canary or blue-green step): `wait` for the promotion (progress names the Rollout, its step and whether it waits for a manual promotion or a pause duration), `succeed`, or `fail`. An aborted Rollout or a failed AnalysisRun always fails at once.',
        },
        {
            name: 'children',
            boolean: true,
            default: 'false',
            description: 'App-of-apps: also wait for every child Application its resource tree lists (recursively, 3 levels deep), each at `revision` when it reads the same repository, else Synced and Healthy. A parent with no children answers at once.',
        },
        { name: 'insecure', boolean: true, default: 'false', description: 'Skip TLS certificate verification (a lab only; prefer `ca-cert`).' },
        { name: 'ca-cert', description: "PEM certificate(s) of the CA that signed Argo CD's certificate, for a private CA." },
        { name: 'request-timeout', default: '30s', description: 'Timeout of each API request (a refresh included), retried within `timeout`.' },
    ],
    outputs: [
        { name: 'health', description: 'Health of the Applications at `revision`: the worst of them (`Healthy` when all are; `Unknown` for an app that has not applied it yet).' },
        { name: 'sync', description: 'Sync status of the Applications: `Synced` when all are, else the first that is not.' },
        { name: 'revision', description: 'The revision the Applications run (of the first, when they differ).' },
        {
            name: 'result',
            description: 'JSON object by Application (`name`, or `namespace/name` as given or when two share a name), in the order of `application` then by name: `{namespace, health, sync, revision, revisionUrl, operationPhase, degraded: [{kind, namespace, name, message}], waitedSeconds, healthyAfterMs, outcome, reason}`. `healthyAfterMs`: ms from the step\'s start until the app first ran the revision Synced and Healthy (`null` if it never did); `revisionUrl`: the commit\'s page on GitHub or GitLab, else empty.',
        },
    ],
};


/***/ }),

/***/ 6670:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ booleanWord)
/* harmony export */ });
/**
 * A true/false value as CI users write it (`true`, `yes`, `1`, `on`, and their opposites, any
 * case); undefined for anything else. The one reading shared by inputs, CLI flags and hints.
 */
function booleanWord(value) {
    if (/^(true|yes|1|on)$/i.test(value))
        return true;
    if (/^(false|no|0|off)$/i.test(value))
        return false;
    return undefined;
}


/***/ }),

/***/ 8473:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseDuration),
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7638);

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

/***/ 3235:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $0: () => (/* binding */ neutralise),
/* harmony export */   UN: () => (/* binding */ escapeControls),
/* harmony export */   nl: () => (/* binding */ inertJson)
/* harmony export */ });
/**
 * What the adapters print carries repository content (file names, YAML keys and values, git's
 * messages), which whoever can push to the environment repository controls. Log readers act on
 * some sequences in it, so every message is passed through {@link neutralise} after redaction:
 *
 * - GitHub's runner (actions/runner, `Handlers/OutputManager.cs` and `ActionCommand.cs`) splits
 *   stdout and stderr into lines with `StreamReader.ReadLine` (at `\n`, `\r` and `\r\n`) and runs a
 *   line as a workflow command when it starts with `::` after `TrimStart()` (the v2 form), or, failing
 *   that, when it contains `##[name …]` anywhere (the v1 form, still honoured). Its comparisons are
 *   culture-sensitive, so zero-width characters may be skipped too.
 * - GitLab's log (`Gitlab::Ci::Ansi2json`) opens and closes sections at
 *   `section_start:<ts>:<name>\r\e[0K` anywhere in a line, drops the text before a lone `\r`, and
 *   applies ANSI escapes.
 * - Terminals act on ESC and C1 sequences: colours, cursor moves, window titles, the clipboard.
 *
 * The terminal adapter gets the same treatment as the CI ones: the CLI also runs inside a `run:`
 * step, whose stdout and stderr GitHub's runner reads for commands, and inside GitLab jobs.
 */
/**
 * Characters a reader may skip before or inside a command marker: whitespace (what `TrimStart`
 * removes), controls, format characters such as U+200B, combining marks and every default-ignorable
 * code point (what ICU's culture-sensitive `StartsWith`/`IndexOf` ignore). Never a line feed: a
 * marker does not span lines, and a lead that could would make the scan quadratic in blank lines.
 */
const SKIPPABLE = String.raw `(?:(?!\n)[\p{White_Space}\p{Cc}\p{Cf}\p{Z}\p{M}\p{Default_Ignorable_Code_Point}])`;
/** `::` opening a line, possibly behind skippable characters: the runner's v2 command form. */
const LINE_START_COMMAND = new RegExp(String.raw `^(${SKIPPABLE}*):(${SKIPPABLE}*):`, 'gmu');
/** `##[` anywhere: the runner's v1 command form and the log viewer's own markers. */
const V1_COMMAND = new RegExp(String.raw `#(${SKIPPABLE}*)#(${SKIPPABLE}*)\[`, 'gu');
/**
 * C0 controls but tab and line feed, DEL, C1 controls (U+009B is CSI, U+0085 a line break to some
 * readers) and the Unicode line and paragraph separators.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;
const CONTROL_OR_NEWLINE = /[\u0000-\u0008\n-\u001f\u007f-\u009f\u2028\u2029]/g;
function escapeControl(char) {
    if (char === '\r')
        return '\\r';
    if (char === '\n')
        return '\\n';
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
/**
 * Shows control characters as JSON-style escapes (`\r`, `\u001b`), so none reaches a log or a
 * terminal raw: no ESC for ANSI sequences or GitLab's section markers, no `\r` to start a new
 * runner line or hide a line's text. `\r\n` line ends become `\n`; with `newlines: false` line
 * feeds are escaped too, for text that must stay on one line (a group title, a table cell).
 */
function escapeControls(text, { newlines = true } = {}) {
    if (!newlines)
        return text.replace(CONTROL_OR_NEWLINE, escapeControl);
    return text.replace(/\r\n/g, '\n').replace(CONTROL, escapeControl);
}
/**
 * Makes `text` inert for GitHub's runner, GitLab's log and terminals; text without control
 * characters, a line-opening `::` or `##[` comes back unchanged. A `\` goes in front of a
 * line-opening `::`, and after the `[` of `##[` (the runner's own escape for its `##[start-action`
 * markers), so the reader sees the characters but no command.
 */
function neutralise(text, options = {}) {
    return escapeControls(text, options)
        .replace(LINE_START_COMMAND, (_match, lead, between) => `${lead}\\:${between}:`)
        .replace(V1_COMMAND, (_match, first, second) => `#${first}#${second}[\\`);
}
/**
 * `JSON.stringify`, with the characters a log reader acts on written as JSON escapes: any JSON
 * parser reads the same value back, but a `##[` inside a string (a file named
 * `##[set-output name=x]y.yaml`) no longer reads as a command where the CLI's `name=value` output
 * lines are logged, and no C1 control or line separator reaches a terminal. JSON.stringify
 * already escapes C0 controls and never emits `##[` outside a string, so `[` can be escaped there.
 */
function inertJson(value) {
    return JSON.stringify(value)
        .replace(/[\u007f-\u009f\u2028\u2029]/g, escapeControl)
        .replace(V1_COMMAND, (_match, first, second) => `#${first}#${second}\\u005b`);
}


/***/ }),

/***/ 5378:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   pE: () => (/* binding */ SecretRedactor)
/* harmony export */ });
/* unused harmony exports MIN_SECRET_LENGTH, tooShortToMask */
/* harmony import */ var _neutralise__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3235);

/**
 * Below this length a value is not masked: hiding a 3-letter "token" everywhere turns the log
 * into "Wai***ing", and no real token (GitHub, GitLab, Argo CD) is that short.
 */
const MIN_SECRET_LENGTH = 6;
/** What an adapter warns when a secret is too short to mask; the value itself is never printed. */
function tooShortToMask(length) {
    return `A secret of ${length} character${length === 1 ? '' : 's'} was given: too short to be a real token, so it is not masked (masking it would hide those characters wherever they appear in the log). Check that the right variable holds the token.`;
}
/** Keeps the secrets and the redaction every adapter applies to what it prints and outputs. */
class SecretRedactor {
    secrets = new Set();
    tooShort = new Set();
    /**
     * Registers `secret`. Returns a warning to print when it is too short to mask (once per value),
     * else undefined.
     */
    add(secret) {
        if (secret.length === 0 || this.secrets.has(secret))
            return undefined;
        if (secret.length < MIN_SECRET_LENGTH) {
            if (this.tooShort.has(secret))
                return undefined;
            this.tooShort.add(secret);
            return tooShortToMask(secret.length);
        }
        this.secrets.add(secret);
        return undefined;
    }
    /** Whether `secret` is masked (long enough and registered); the GitHub adapter asks before ::add-mask::. */
    masks(secret) {
        return this.secrets.has(secret);
    }
    redact(text) {
        let out = text;
        // Longest first, so a secret that contains another is hidden whole.
        for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
            out = out.split(secret).join('***');
        }
        return out;
    }
    /**
     * `text` as an adapter prints it: redacted, then neutralised. Redaction comes first so a secret
     * is hidden whole before escaping could change it and make it slip past.
     */
    printable(text, options = {}) {
        return (0,_neutralise__WEBPACK_IMPORTED_MODULE_0__/* .neutralise */ .$0)(this.redact(text), options);
    }
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 9907:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("cluster");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __nccwpck_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/text/boolean-word.ts
var boolean_word = __nccwpck_require__(6670);
;// CONCATENATED MODULE: ./packages/core/src/platform/secret-variable.ts
/**
 * The environment variable a secret input is read from outside a CI: `token` → `GITOPS_PROMOTE_TOKEN`.
 * A variable, not a flag: a command line is readable by every user of the machine (`ps`,
 * /proc/<pid>/cmdline) and shells keep it in their history.
 */
function secretVariable(name) {
    return `GITOPS_PROMOTE_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

;// CONCATENATED MODULE: ./packages/core/src/platform/flag-syntax.ts


/**
 * A hint written in CI input syntax (`set create-branch: true`, `commit: false`, `'branch'`,
 * `platform: github`) as a terminal user types it (`pass --create-branch`, `--no-commit`,
 * `--branch`, `--platform github`): a true/false input is a switch (`--x` / `--no-x`, as the CLI
 * parses it), "set" before a flag becomes "pass"; a secret is named by the variable the CLI reads it
 * from (`token` → GITOPS_PROMOTE_TOKEN), as a flag would show it to ps. Only the step's own inputs are touched, and only
 * in the hint: the message names the input as every entry knows it. Plain names (strings) are
 * taken as inputs that take a value.
 */
function hintInFlagSyntax(hint, inputs) {
    const known = inputs.map((input) => (typeof input === 'string' ? { name: input } : input));
    if (known.length === 0)
        return hint;
    const switches = new Set(known.filter((input) => input.boolean === true).map((input) => input.name));
    const secrets = new Set(known.filter((input) => input.secret === true).map((input) => input.name));
    const names = known
        .map((input) => input.name)
        .sort((a, b) => b.length - a.length)
        .map(escapeRegExp)
        .join('|');
    // `name: value` bare, or 'name' / `name` / `name: value` in quotes (a backtick stays, a quote goes).
    const token = new RegExp(`(^|[\\s(])(?:([Ss]et) )?(?:(['\`])(${names})(?:: ([^'\`\\s]+))?\\3|(${names}): (?!\\s)([^\\s,;)'\`]+))`, 'g');
    const rewritten = hint.replace(token, (...groups) => {
        const [, before = '', verb, quote, quotedName, quotedValue, bareName, bareValue] = groups;
        const name = quotedName ?? bareName ?? '';
        // A sentence's end stays outside the flag: `platform: gitlab.` → `--platform gitlab.`
        const [, value, after = ''] = /^(.*?)([.:!?]*)$/.exec(quotedValue ?? bareValue ?? '') ?? [];
        const given = value === '' ? undefined : value;
        const secret = secrets.has(name);
        const flag = secret ? `${secretVariable(name)}${given === undefined ? '' : `=${given}`}` : flagFor(name, given, switches.has(name));
        const shown = quote === '`' ? `\`${flag}\`` : flag;
        return `${before}${verbFor(verb, secret)}${shown}${after}`;
    });
    // "the 'server' input" / "input 'server'" read, on a terminal, "the --server flag" / "flag --server".
    return rewritten.replace(/(`?--[a-z][\w-]*`?) input\b/g, '$1 flag').replace(/\b([Ii])nput (`?--[a-z])/g, (_match, i, flag) => `${i === 'I' ? 'F' : 'f'}lag ${flag}`);
}
/** "set" before a flag reads "pass"; a secret's variable is still set. */
function verbFor(verb, secret) {
    if (verb === undefined)
        return '';
    if (secret)
        return `${verb} `;
    return verb === 'Set' ? 'Pass ' : 'pass ';
}
/** `--name value`; a switch given true or false is `--name` or `--no-name`. */
function flagFor(name, value, isSwitch) {
    if (value === undefined)
        return `--${name}`;
    const on = isSwitch ? (0,boolean_word/* booleanWord */.D)(value) : undefined;
    if (on === undefined)
        return `--${name} ${value}`;
    return on ? `--${name}` : `--no-${name}`;
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// EXTERNAL MODULE: ./packages/core/src/platform/ci-environment.ts
var ci_environment = __nccwpck_require__(1981);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./packages/core/src/text/secret-redactor.ts
var secret_redactor = __nccwpck_require__(5378);
;// CONCATENATED MODULE: ./packages/core/src/platform/gitlab-platform.ts




/** GitLab's limit on a dotenv report (ci_max_artifact_size_dotenv, 5 KB): above it the report is refused. */
const DOTENV_LIMIT_BYTES = 5 * 1024;
/**
 * GitLab CI: inputs from `INPUT_<NAME>` variables (the templates map `spec: inputs` to them),
 * outputs appended to a dotenv file for `artifacts:reports:dotenv`, collapsible log sections,
 * and a Markdown summary file to keep as an artifact.
 */
class GitLabPlatform {
    env;
    secretInputs;
    name = 'gitlab';
    redactor = new secret_redactor/* SecretRedactor */.pE();
    sections = 0;
    dotenvBytes = 0;
    dotenvPath;
    summaryPath;
    /**
     * `secretInputs` are also read from `GITOPS_PROMOTE_<NAME>`, a masked CI/CD variable: secrets
     * belong in variables, not in a template's inputs (which GitLab shows in the pipeline's config).
     */
    constructor(env = process.env, secretInputs = []) {
        this.env = env;
        this.secretInputs = secretInputs;
        // The job starts in CI_PROJECT_DIR, where the artifacts' paths are resolved. gitlab-ci-local's
        // shell executor gives a job with `image:` the container's CI_PROJECT_DIR (/builds/…) while
        // running it in the project itself: a CI_PROJECT_DIR that does not exist means the cwd.
        const dir = env.CI_PROJECT_DIR && (0,external_node_fs_.existsSync)(env.CI_PROJECT_DIR) ? env.CI_PROJECT_DIR : process.cwd();
        this.dotenvPath = env.GITOPS_PROMOTE_DOTENV ?? external_node_path_default().join(dir, 'gitops-promote.env');
        this.summaryPath = env.GITOPS_PROMOTE_SUMMARY ?? external_node_path_default().join(dir, 'gitops-promote-summary.md');
    }
    getInput(name) {
        const upper = name.toUpperCase();
        const given = (this.env[`INPUT_${upper.replace(/[- ]/g, '_')}`] ?? this.env[`INPUT_${upper}`] ?? '').trim();
        if (given !== '' || !this.secretInputs.includes(name))
            return given;
        return (this.env[secretVariable(name)] ?? '').trim();
    }
    setOutput(name, given) {
        const value = this.redactor.redact(given);
        // dotenv reports hold one line per variable: outputs are single-line by design (JSON for lists).
        if (/[\r\n]/.test(value))
            throw new Error(`output ${name} must be a single line for a dotenv report`);
        const line = `${name.toUpperCase().replace(/-/g, '_')}=${value}\n`;
        const size = Buffer.byteLength(line);
        if (this.dotenvBytes + size > DOTENV_LIMIT_BYTES) {
            // GitLab rejects the whole report (and with it every output) above its limit: keep the others.
            this.warning(`Output ${name} (${size} bytes) is left out of ${external_node_path_default().basename(this.dotenvPath)}: GitLab takes at most ${DOTENV_LIMIT_BYTES} bytes of dotenv report. The job log and ${external_node_path_default().basename(this.summaryPath)} have it.`);
            return;
        }
        this.dotenvBytes += size;
        (0,external_node_fs_.appendFileSync)(this.dotenvPath, line);
    }
    info(message) {
        process.stdout.write(`${this.redactor.printable(message)}\n`);
    }
    warning(message) {
        process.stdout.write(`\u001b[33mWarning: ${this.redactor.printable(message)}\u001b[0m\n`);
    }
    error(message) {
        process.stdout.write(`\u001b[31mError: ${this.redactor.printable(message)}\u001b[0m\n`);
    }
    async group(title, fn) {
        const id = `gitops_promote_${++this.sections}`;
        const now = () => Math.floor(Date.now() / 1000);
        process.stdout.write(`\u001b[0Ksection_start:${now()}:${id}[collapsed=true]\r\u001b[0K${this.redactor.printable(title, { newlines: false })}\n`);
        try {
            return await fn();
        }
        finally {
            process.stdout.write(`\u001b[0Ksection_end:${now()}:${id}\r\u001b[0K\n`);
        }
    }
    setSecret(secret) {
        const tooShort = this.redactor.add(secret);
        if (tooShort)
            this.warning(tooShort);
    }
    async appendSummary(markdown) {
        (0,external_node_fs_.appendFileSync)(this.summaryPath, `${this.redact(markdown)}\n`);
    }
    setFailed(message) {
        this.error(message);
        process.exitCode = 1;
    }
    defaultAuthor() {
        const name = this.env.GITLAB_USER_NAME;
        const email = this.env.GITLAB_USER_EMAIL;
        return name && email ? { name, email } : undefined;
    }
    redact(text) {
        return this.redactor.redact(text);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/platform/terminal-platform.ts

/**
 * A plain terminal (the CLI): inputs from command-line flags, logs to stderr, and outputs to
 * stdout as `name=value` lines so scripts can read them.
 */
class TerminalPlatform {
    inputs;
    out;
    log;
    name = 'terminal';
    redactor = new secret_redactor/* SecretRedactor */.pE();
    constructor(inputs, out = process.stdout, log = process.stderr) {
        this.inputs = inputs;
        this.out = out;
        this.log = log;
    }
    getInput(name) {
        return (this.inputs.get(name) ?? '').trim();
    }
    setOutput(name, value) {
        this.out.write(`${name}=${this.redactor.redact(value)}\n`);
    }
    info(message) {
        this.log.write(`${this.redactor.printable(message)}\n`);
    }
    warning(message) {
        this.log.write(`warning: ${this.redactor.printable(message)}\n`);
    }
    error(message) {
        this.log.write(`error: ${this.redactor.printable(message)}\n`);
    }
    async group(title, fn) {
        this.log.write(`── ${this.redactor.printable(title, { newlines: false })}\n`);
        return fn();
    }
    setSecret(secret) {
        const tooShort = this.redactor.add(secret);
        if (tooShort)
            this.warning(tooShort);
    }
    async appendSummary() {
        // The log already says everything the summary would; a terminal has no summary pane.
    }
    setFailed(message) {
        this.error(message);
        process.exitCode = 1;
    }
    defaultAuthor() {
        return undefined;
    }
    redact(text) {
        return this.redactor.redact(text);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/platform/detect-platform.ts




/**
 * Picks the adapter from the CI's own marker variables; a terminal otherwise. The GitHub adapter
 * is loaded only on GitHub: GitLab jobs and the CLI need none of `@actions/core`'s modules.
 */
async function detectPlatform(env = process.env, secretInputs = []) {
    const ci = (0,ci_environment/* ciOf */.s)(env);
    if (ci === 'github') {
        const { GitHubPlatform } = await __nccwpck_require__.e(/* import() */ 586).then(__nccwpck_require__.bind(__nccwpck_require__, 1586));
        return new GitHubPlatform();
    }
    if (ci === 'gitlab')
        return new GitLabPlatform(env, secretInputs);
    return new TerminalPlatform(terminalInputs(env, secretInputs));
}
/**
 * Without a CI, a step bundle reads INPUT_* variables, as GitHub's runner would set them, and a
 * secret input also from the CLI's GITOPS_PROMOTE_<NAME> variable, so one name works for both.
 */
function terminalInputs(env, secretInputs) {
    const inputs = new Map();
    for (const [key, value] of Object.entries(env)) {
        if (key.startsWith('INPUT_') && value !== undefined)
            inputs.set(key.slice(6).toLowerCase().replace(/_/g, '-'), value);
    }
    for (const name of secretInputs) {
        const value = env[secretVariable(name)];
        // As with the CLI's flags, the input given for this run wins over the shared variable.
        if (value && !inputs.get(name))
            inputs.set(name, value);
    }
    return inputs;
}

// EXTERNAL MODULE: ./packages/core/src/runtime/cancellation.ts
var cancellation = __nccwpck_require__(875);
// EXTERNAL MODULE: ./packages/core/src/forge/select.ts
var forge_select = __nccwpck_require__(8529);
// EXTERNAL MODULE: ./packages/core/src/runtime/retry.ts + 1 modules
var retry = __nccwpck_require__(4629);
;// CONCATENATED MODULE: ./packages/core/src/steps/step-context.ts


/** The context of a real run: the process's environment and clock, the forge's own HTTP client. */
function defaultStepContext(env = process.env) {
    return {
        env,
        clock: retry/* systemClock */.ml,
        backoff: {},
        forgeOfRemote: (remoteUrl, given) => (0,forge_select/* forgeOfRemote */.lV)(remoteUrl, env, given),
        // Loaded when a step first uses them: the CLI's start-up pays only for the step it runs.
        openForge: async (target, platform) => (await __nccwpck_require__.e(/* import() */ 886).then(__nccwpck_require__.bind(__nccwpck_require__, 5886))).openForge(target, platform, { env }),
        // The HTTP client (undici) loads only when a step talks to Argo CD.
        connectArgoCd: async (options) => new (await Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(938), __nccwpck_require__.e(761)]).then(__nccwpck_require__.bind(__nccwpck_require__, 938))).ArgoCdClient(options),
        git: {
            openCheckout: async (...args) => (await Promise.all(/* import() */[__nccwpck_require__.e(260), __nccwpck_require__.e(89), __nccwpck_require__.e(605)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6605))).openCheckout(...args),
            openScratchClone: async (dir, url, token, forge, platform) => (await Promise.all(/* import() */[__nccwpck_require__.e(260), __nccwpck_require__.e(89), __nccwpck_require__.e(605)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6605))).openScratchClone(dir, url, token, forge, platform, env),
        },
    };
}

;// CONCATENATED MODULE: ./packages/core/src/steps/run-step.ts





/**
 * Runs one step and turns any failure into a clear message and a non-zero exit, never a bare
 * stack trace. Every bundle's entry is a single call of this.
 */
async function runStep(step, given, options = {}) {
    const secrets = step.spec.inputs.filter((input) => input.secret).map((input) => input.name);
    const platform = given ?? (await detectPlatform(process.env, secrets));
    // A cancel that stopped at the launcher (npx's shell) still cancels the step: a step that listens
    // ends in order, any other ends as by the signal. Never an orphan left running.
    const stopWatching = (0,cancellation/* watchLauncher */.kn)({
        onGone: () => {
            platform.warning('The process that launched this step is gone (cancelled?); stopping as on SIGTERM.');
            (0,cancellation/* cancelAsBy */.yf)('SIGTERM');
        },
        onWrapperSignalled: () => {
            platform.warning('The shell npx runs this step in was signalled (cancelled?); stopping as on SIGINT.');
            (0,cancellation/* cancelAsBy */.yf)('SIGINT');
        },
    });
    try {
        await step.run(platform, defaultStepContext());
    }
    catch (error) {
        // The CLI's user types flags: the fix is said in flag syntax there, in input syntax in CI.
        const shown = options.flags && error instanceof errors/* GitopsPromoteError */.$o ? new errors/* GitopsPromoteError */.$o(error.message, hintInFlagSyntax(error.hint, step.spec.inputs)) : error;
        platform.setFailed((0,errors/* describeError */.Uc)(shown));
        process.exitCode = 1;
    }
    finally {
        stopWatching();
    }
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(3136);
;// CONCATENATED MODULE: ./packages/core/src/runtime/entry-point.ts



/**
 * Whether the module at `moduleUrl` is the file node was started with. A step bundle starts its
 * step only then: GitHub's runner runs `node dist/<step>/index.js`, while a host that imports the
 * bundle (GitHub's @github/local-action, the root action's dispatcher, a test) calls its exported
 * `run()` itself and must not get a second run on import.
 */
function isProcessEntry(moduleUrl, argv = process.argv) {
    const started = argv[1];
    if (started === undefined)
        return false;
    return canonical(external_node_path_default().resolve(started)) === canonical((0,external_node_url_.fileURLToPath)(moduleUrl));
}
/** The real path, symlinks resolved; `node dist/<step>` names the folder, whose index.js runs. */
function canonical(file) {
    try {
        const real = (0,external_node_fs_.realpathSync)(file);
        return (0,external_node_fs_.statSync)(real).isDirectory() ? (0,external_node_fs_.realpathSync)(external_node_path_default().join(real, 'index.js')) : real;
    }
    catch {
        return file;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/steps/entry.ts
// What a bundle's entry needs besides its step's registration (`@gitops-promote/core/steps/<step>`):
// importing the package's index would pull every step's code into the bundle.



// EXTERNAL MODULE: ./packages/core/src/steps/wait-argocd-healthy/spec.ts
var spec = __nccwpck_require__(1989);
;// CONCATENATED MODULE: ./packages/core/src/steps/wait-argocd-healthy/registration.ts

/**
 * The step for registries and bundle entries: its spec now, its code only when it runs, then
 * with the production context (real time, the REST client, SIGTERM/SIGINT).
 */
const waitArgocdHealthy = {
    spec: spec/* waitArgocdHealthySpec */.W,
    run: async (platform) => {
        const [{ waitArgocdHealthyStep }, { waitContext }] = await Promise.all([__nccwpck_require__.e(/* import() */ 172).then(__nccwpck_require__.bind(__nccwpck_require__, 8172)), __nccwpck_require__.e(/* import() */ 211).then(__nccwpck_require__.bind(__nccwpck_require__, 2211))]);
        return waitArgocdHealthyStep(platform, waitContext());
    },
};

;// CONCATENATED MODULE: ./actions/wait-argocd-healthy/index.ts
// Thin entry: the runner's inputs go to core's step; outputs and failures come back through the
// platform adapter. All logic lives in packages/core.


/** Runs the step once; what GitHub's @github/local-action (and the root action) call after importing this file. */
async function run() {
    await runStep(waitArgocdHealthy);
}
// GitHub's runner starts this file with node: then it runs itself.
if (isProcessEntry(import.meta.url))
    void run();

var __webpack_exports__run = __webpack_exports__.e;
export { __webpack_exports__run as run };
