export const id = 211;
export const ids = [211];
export const modules = {

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
        connect: async (options) => new (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(938), __webpack_require__.e(809)]).then(__webpack_require__.bind(__webpack_require__, 938))).ArgoCdClient(options),
        onCancel: (controller) => (0,_runtime_cancellation__WEBPACK_IMPORTED_MODULE_0__/* .abortOnSignals */ .PB)(controller),
    };
}


/***/ })

};
