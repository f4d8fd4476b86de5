export const id = 408;
export const ids = [408];
export const modules = {

/***/ 6408:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitHubPlatform: () => (/* binding */ GitHubPlatform)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7264);
/* harmony import */ var _platform__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7110);


/** GitHub Actions: `INPUT_*` inputs, `GITHUB_OUTPUT`, `::add-mask::`, `GITHUB_STEP_SUMMARY`. */
class GitHubPlatform {
    name = 'github';
    redactor = new _platform__WEBPACK_IMPORTED_MODULE_1__/* .SecretRedactor */ .p();
    getInput(name) {
        return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name);
    }
    setOutput(name, value) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, value);
    }
    info(message) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(this.redact(message));
    }
    warning(message) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(this.redact(message));
    }
    error(message) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(this.redact(message));
    }
    group(title, fn) {
        return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(this.redact(title), fn);
    }
    setSecret(secret) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(secret);
        this.redactor.add(secret);
    }
    async appendSummary(markdown) {
        // Outside a runner (no GITHUB_STEP_SUMMARY) there is nowhere to write it.
        if (!process.env.GITHUB_STEP_SUMMARY)
            return;
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw(this.redact(markdown), true).write();
    }
    setFailed(message) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(this.redact(message));
    }
    defaultAuthor() {
        return { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };
    }
    redact(text) {
        return this.redactor.redact(text);
    }
}


/***/ })

};
