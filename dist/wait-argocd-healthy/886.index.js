export const id = 886;
export const ids = [886];
export const modules = {

/***/ 5886:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openForge: () => (/* binding */ openForge)
/* harmony export */ });
/* harmony import */ var _forge_select__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8529);

/**
 * The forge client every step uses: its progress (rate-limit waits, retries) goes to the log, its
 * errors are redacted with the platform's secrets, and a GitLab CI job token is sent as one.
 */
function openForge(target, platform, connection) {
    return (0,_forge_select__WEBPACK_IMPORTED_MODULE_0__/* .createForge */ .u_)(target.kind, {
        apiUrl: target.apiUrl,
        token: target.token,
        repository: target.repository,
        log: (message) => platform.info(message),
        redact: (text) => platform.redact(text),
        ...(connection.fetch ? { fetch: connection.fetch } : {}),
    }, { jobToken: target.kind === 'gitlab' && target.token === connection.env.CI_JOB_TOKEN });
}


/***/ })

};
