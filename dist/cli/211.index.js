export const id = 211;
export const ids = [211];
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

/***/ 2760:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B2: () => (/* binding */ Deadline),
/* harmony export */   Kt: () => (/* binding */ DeadlineExceededError),
/* harmony export */   bp: () => (/* binding */ sleepUnlessAborted)
/* harmony export */ });
/* harmony import */ var _duration__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9713);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7638);


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
        this.timer = setTimeout(() => this.controller.abort(new DeadlineExceededError(`Timed out after ${(0,_duration__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(budgetMs)}.`, 'Raise the timeout, or find out why it takes longer.')), budgetMs);
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

/***/ 2211:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WAIT_TIMINGS: () => (/* binding */ WAIT_TIMINGS),
/* harmony export */   waitContext: () => (/* binding */ waitContext)
/* harmony export */ });
/* harmony import */ var _runtime_cancellation__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(875);
/* harmony import */ var _runtime_deadline__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2760);


const WAIT_TIMINGS = {
    stallMs: 30_000,
    firstEventMs: 10_000,
    pollMs: 5_000,
    progressMs: 30_000,
    unreachableMs: 30_000,
    // 0.5 s, 1 s, 2 s … 10 s. One client riding out an outage: no jitter, so the log says exactly
    // how long it waits.
    backoff: { minDelayMs: 250, maxDelayMs: 10_000, jitter: 'none' },
};
/** The production context: real time, the REST client, SIGTERM/SIGINT. */
function waitContext() {
    return {
        timings: WAIT_TIMINGS,
        now: Date.now,
        sleep: _runtime_deadline__WEBPACK_IMPORTED_MODULE_1__/* .sleepUnlessAborted */ .bp,
        // The HTTP client (undici) loads only once the inputs are valid: a typo fails at once.
        connect: async (options) => new (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(938)]).then(__webpack_require__.bind(__webpack_require__, 938))).ArgoCdClient(options),
        onCancel: (controller) => (0,_runtime_cancellation__WEBPACK_IMPORTED_MODULE_0__/* .abortOnSignals */ .PB)(controller),
    };
}


/***/ })

};
