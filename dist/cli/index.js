#!/usr/bin/env node
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
/* harmony export */   Je: () => (/* binding */ repositoryOfUrl),
/* harmony export */   kB: () => (/* binding */ forgeKindOfUrl),
/* harmony export */   lV: () => (/* binding */ forgeOfRemote),
/* harmony export */   u_: () => (/* binding */ createForge),
/* harmony export */   w4: () => (/* binding */ hostOf),
/* harmony export */   xr: () => (/* binding */ apiUrlFor),
/* harmony export */   y_: () => (/* binding */ forgeInput)
/* harmony export */ });
/* unused harmony export parseForgeKind */
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
    throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Input '${input}' must be github or gitlab, got ${JSON.stringify(value)}.`, `Set ${input}: github or ${input}: gitlab, or leave it empty to detect it.`);
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

/***/ 5207:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   KJ: () => (/* binding */ PushRetriesExhaustedError),
/* harmony export */   Kc: () => (/* binding */ isBranchMoved),
/* harmony export */   XS: () => (/* binding */ GitError),
/* harmony export */   Z: () => (/* binding */ GitVersionError),
/* harmony export */   wk: () => (/* binding */ BranchMovedError)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7638);

/** A git command failed for a reason other than a lost push race. */
class GitError extends _errors__WEBPACK_IMPORTED_MODULE_0__/* .GitopsPromoteError */ .$o {
}
/** Every push attempt lost the race against other writers. */
class PushRetriesExhaustedError extends _errors__WEBPACK_IMPORTED_MODULE_0__/* .GitopsPromoteError */ .$o {
}
/**
 * A branch moved (or appeared, or went) between reading it and writing it: a push or a forge's
 * ref update lost a race to another writer. Retried by re-reading the branch; never shown as such,
 * since the retry budget turns the last one into a PushRetriesExhaustedError.
 */
class BranchMovedError extends _errors__WEBPACK_IMPORTED_MODULE_0__/* .GitopsPromoteError */ .$o {
    /** The branch head the lost write expected to replace (undefined: it expected no branch). */
    expectedHead;
    constructor(message, hint, expectedHead) {
        super(message, hint);
        this.expectedHead = expectedHead;
    }
    /** Always worth another attempt, on the branch as it is now. */
    get retryable() {
        return true;
    }
}
/** The installed git is older than the one gitops-promote needs. */
class GitVersionError extends _errors__WEBPACK_IMPORTED_MODULE_0__/* .GitopsPromoteError */ .$o {
}
function isBranchMoved(error) {
    return error instanceof BranchMovedError;
}


/***/ }),

/***/ 6534:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  bM: () => (/* binding */ GitCommandManager)
});

// UNUSED EXPORTS: gitEnvironment, lockHint

// EXTERNAL MODULE: external "string_decoder"
var external_string_decoder_ = __nccwpck_require__(3193);
// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(4434);
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(6928);
// EXTERNAL MODULE: external "assert"
var external_assert_ = __nccwpck_require__(2613);
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_.constants.O_RDONLY;
function exists(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return __awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return __awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_.dirname(filePath);
                        const upperName = external_path_.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_.EOL.length);
                n = s.indexOf(external_os_.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new external_string_decoder_.StringDecoder('utf8');
        const stderrDecoder = new external_string_decoder_.StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map
// EXTERNAL MODULE: ./packages/core/src/git/errors.ts
var errors = __nccwpck_require__(5207);
;// CONCATENATED MODULE: ./packages/core/src/git/git-command-manager.ts


/**
 * Runs the `git` CLI in one work tree. Output is captured, never echoed: the caller decides what a
 * user sees, after redaction. `GIT_TERMINAL_PROMPT=0` makes a missing credential fail at once
 * instead of hanging a CI job on a password prompt.
 */
class GitCommandManager {
    workTree;
    extraEnv;
    redact;
    constructor(workTree, extraEnv = {}, redact = (text) => text) {
        this.workTree = workTree;
        this.extraEnv = extraEnv;
        this.redact = redact;
    }
    /** Runs git and returns its result whatever the exit code. */
    async exec(args, extraEnv = {}, input) {
        const env = gitEnvironment(process.env);
        Object.assign(env, { GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }, this.extraEnv, extraEnv);
        try {
            const result = await getExecOutput('git', [...args], {
                cwd: this.workTree,
                env,
                silent: true,
                ignoreReturnCode: true,
                ...(input !== undefined ? { input: Buffer.from(input, 'utf8') } : {}),
            });
            return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
        }
        catch (error) {
            throw new errors/* GitError */.XS(`Could not run git: ${error instanceof Error ? error.message : String(error)}.`, 'Install git and make sure it is on PATH.');
        }
    }
    /** Runs git and returns trimmed stdout; a non-zero exit becomes a GitError naming the command. */
    async run(args, hint = 'See the git message above.', extraEnv = {}, input) {
        const result = await this.exec(args, extraEnv, input);
        if (result.exitCode !== 0) {
            const output = result.stderr.trim() || result.stdout.trim();
            // git's diagnosis is in its `error:`/`fatal:` lines; the advice lines after them say less.
            const lines = output.split('\n');
            const diagnosis = lines.filter((line) => /^(?:error|fatal): /.test(line)).slice(0, 3);
            const message = (diagnosis.length > 0 ? diagnosis : lines.slice(-3)).join(' | ');
            throw new errors/* GitError */.XS(this.redact(`git ${subcommand(args)} failed (exit ${result.exitCode}): ${message}`), lockHint(output) ?? hint);
        }
        return result.stdout.trim();
    }
}
/**
 * What git and its hooks get from our environment: everything but the step's own inputs and
 * secrets. `INPUT_TOKEN` (GitHub passes every input as `INPUT_*`), `GITOPS_PROMOTE_*` (the CLI's
 * secret variables) and the runner's own tokens are nothing git needs, and a hook or credential
 * helper of the environment repository must not be able to read them.
 */
function gitEnvironment(source) {
    const env = {};
    for (const [key, value] of Object.entries(source)) {
        if (value === undefined || WITHHELD.test(key))
            continue;
        env[key] = value;
    }
    return env;
}
const WITHHELD = /^(?:INPUT_.*|GITOPS_PROMOTE_.*|ACTIONS_RUNTIME_TOKEN|ACTIONS_ID_TOKEN_REQUEST_(?:TOKEN|URL))$/i;
/**
 * A lock file left by a git process that was killed (a cancelled job, an OOM) makes every later
 * command fail with "Unable to create '…/index.lock': File exists"; say which file and when it is
 * safe to delete it.
 */
function lockHint(output) {
    const lock = /Unable to create '([^']+\.lock)': File exists/i.exec(output)?.[1];
    if (lock === undefined)
        return undefined;
    return `Another git process holds ${lock}, or one was killed and left it behind. If no git process is running in this repository, delete that file (rm '${lock}') and run again.`;
}
/** The git subcommand of `args`, past global options such as `-c key=value`. */
function subcommand(args) {
    for (let i = 0; i < args.length; i++) {
        const arg = args[i] ?? '';
        if (arg === '-c' || arg === '-C')
            i++;
        else if (!arg.startsWith('-'))
            return arg;
    }
    return '';
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

/***/ 1746:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ secretVariable)
/* harmony export */ });
/**
 * The environment variable a secret input is read from outside a CI: `token` → `GITOPS_PROMOTE_TOKEN`.
 * A variable, not a flag: a command line is readable by every user of the machine (`ps`,
 * /proc/<pid>/cmdline) and shells keep it in their history.
 */
function secretVariable(name) {
    return `GITOPS_PROMOTE_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
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
  R$: () => (/* binding */ retrying),
  ml: () => (/* binding */ systemClock)
});

// UNUSED EXPORTS: backoffDelayMs, retryDelayMs

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

/***/ 7224:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ openPromotionPrSpec)
/* harmony export */ });
/* harmony import */ var _review_inputs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3459);

const openPromotionPrSpec = {
    name: 'open-promotion-pr',
    title: 'gitops-promote: open promotion PR',
    description: 'Promote the value one environment runs to the next as one pull request (GitHub) or merge request (GitLab) that later runs keep current: updated, or closed once the base runs it.',
    inputs: [
        { name: 'forge', description: 'Forge of the environment repository: `github` or `gitlab`. Default: the CI running the step, else the host of `repository-url`.' },
        { name: 'platform', description: 'Deprecated: use `forge`.', deprecatedFor: 'forge' },
        { name: 'repository', description: 'Environment repository: `owner/name` (GitHub) or `group/sub/project` (GitLab). Default: the current repository.' },
        { name: 'repository-url', description: 'Clone and push URL, if not the forge\'s HTTPS URL of `repository`: any URL git accepts, a local path included.' },
        { name: 'api-url', description: 'API base: default `GITHUB_API_URL` / `CI_API_V4_URL`, else derived from the repository host (`https://host/api/v3` for GitHub Enterprise, `https://host/api/v4` for GitLab).' },
        {
            name: 'token',
            secret: true,
            description: 'Token for git and the API. GitHub: contents: write and pull-requests: write (PRs opened with the default `GITHUB_TOKEN` start no workflows; use a GitHub App token). GitLab: `api` scope, Developer role. Masked; never written to .git/config.',
        },
        { name: 'base', description: 'Branch the change request targets. Default: the repository\'s default branch.' },
        { name: 'files', required: true, description: 'The target environment\'s manifests, relative to the repository root: paths or globs, one per line or comma-separated.' },
        { name: 'image', description: 'Image mode: the image name exactly as the manifests write it, without tag or digest.' },
        { name: 'key', description: 'Key-path mode: the path of the value to promote, e.g. `image.tag` (syntax as in update-manifest).' },
        {
            name: 'images',
            description: 'Environment mode: `all` (every image the source files reference) or image names, one per line or comma-separated. Every one whose value differs between `source-files` and `files` goes into one commit and one change request; images the target already runs are skipped and listed. Needs `source-files`; not with `image`.',
        },
        { name: 'exclude-images', description: 'Environment mode: image names or globs left out of `images`, one per line or comma-separated (`*` within one path part, `**` across), e.g. `ghcr.io/acme/*-migrations`.' },
        { name: 'keys', description: 'Environment mode: key paths to promote together (one per line), each read from `source-files`; with `images` or alone. Not with `key`.' },
        { name: 'source-files', description: 'The previous environment\'s manifests (same syntax as `files`), read on the tip of `base`: the value they run is the one promoted.' },
        { name: 'tag', description: 'Image mode: the tag to promote, instead of reading it from `source-files` (`1.4.2`, or `1.4.2@sha256:…`).' },
        { name: 'digest', description: 'Image mode: the digest to promote, instead of reading it from `source-files`.' },
        { name: 'value', description: 'Key-path mode: the value to promote, instead of reading it from `source-files`.' },
        { name: 'environment', required: true, description: 'The environment promoted to, e.g. `prod`: in the branch, title and labels.' },
        { name: 'source-environment', description: 'The environment promoted from, e.g. `staging`, as the body names it. Default: the source files\' folder.' },
        {
            name: 'branch',
            description: 'Branch of the change request, never `base` itself. Default: `gitops-promote/<environment>/<image-or-key>`, or `gitops-promote/<environment>/environment` for `images`/`keys`: stable, so later runs (with another set too) update the same one.',
        },
        {
            name: 'title',
            default: 'Promote {{target}} {{value}} to {{environment}}',
            description: 'Title template; placeholders `{{target}}` `{{image}}` `{{key}}` `{{value}}` `{{previous}}` `{{environment}}` `{{base}}`. For `images`/`keys`, `{{target}}` reads e.g. `3 images` and `{{value}}` a short list (`api 1.4.2, web 2.0.1 (+1 more)`).',
        },
        { name: 'body', description: 'Body template (Markdown); the title\'s placeholders plus `{{table}}` `{{source}}` `{{compare}}` `{{default}}` (the body this step writes by default).' },
        { name: 'labels', description: 'Labels to add besides `promotion` and the environment, comma-separated or one per line.' },
        { name: 'assignees', description: 'Assignees (logins / usernames), comma-separated.' },
        { name: 'reviewers', description: 'Reviewers to request (logins / usernames), comma-separated.' },
        { name: 'team-reviewers', description: 'GitHub only: team slugs to request review from.' },
        { name: 'draft', boolean: true, default: 'false', description: 'Open the change request as a draft.' },
        { name: 'auto-merge', boolean: true, default: 'false', description: 'Enable auto-merge once checks pass (GitHub: repository setting "Allow auto-merge"; GitLab: pinned to the head commit, needs a pipeline).' },
        { name: 'merge-method', default: 'merge', description: 'With `auto-merge`: `merge`, `squash` or `rebase` (GitHub only).' },
        { name: 'sign-commits', boolean: true, default: 'false', description: 'Commit through the forge\'s API so the commit is signed (GitHub shows it Verified), for branch protection that requires signed commits.' },
        { name: 'source-repository', description: 'The application repository on the same forge (`owner/app`, `group/app` or its URL): the body lists the commits between the previous and the promoted value (a git tag of that name, or the commit SHA inside it: `sha-1a2b3c4`, `1.4.2-1a2b3c4`) and links the full comparison.' },
        ..._review_inputs__WEBPACK_IMPORTED_MODULE_0__/* .REVIEW_INPUTS */ .D,
        { name: 'author-name', description: 'Commit author name (with `author-email`). Default: github-actions[bot] on GitHub, GITLAB_USER_NAME on GitLab, git config elsewhere.' },
        { name: 'author-email', description: 'Commit author email (with `author-name`).' },
        { name: 'push-timeout', default: '5m', description: 'How long to keep retrying when another run moves the branch at the same time.' },
        { name: 'allow-rolled-back', boolean: true, default: 'false', description: 'Promote the value even though a rollback holds it (see rollback); the PR\'s commit removes its entry from `.gitops-promote/holds`. Without it such a value is refused, dry runs included.' },
        {
            name: 'on-held',
            description: 'Environment mode: what to do with a value a rollback holds back: `skip` (default: left out, named in the log and the body) or `fail` (refuse the whole promotion). The single-value mode always refuses; `allow-rolled-back` overrides both.',
        },
        { name: 'dry-run', boolean: true, default: 'false', description: 'Work out and report what would happen (outputs included) without pushing or writing through the API; the title and body it would write are printed.' },
    ],
    outputs: [
        {
            name: 'operation',
            description: '`created`, `updated`, `unchanged`, `closed` (the base already runs the value, so the open change request was closed) or `superseded` (another run replaced the branch with another value meanwhile; the outputs describe that value and head, and nothing was written).',
        },
        { name: 'pull-request-number', description: 'Number of the pull request (GitHub) or iid of the merge request (GitLab); empty when there is none.' },
        { name: 'pull-request-url', description: 'Web URL of the change request; empty when there is none.' },
        { name: 'branch', description: 'The change request\'s branch.' },
        { name: 'head-sha', description: 'Commit at the head of the branch (empty when the base already runs the value).' },
        { name: 'previous-value', description: 'The value the target environment ran before (comma-separated when its files disagreed); empty for `images`/`keys` (see `changes`).' },
        { name: 'value', description: 'The value promoted (when `superseded`: the value the branch holds); empty for `images`/`keys` (see `changes`).' },
        {
            name: 'changes',
            description: 'Every value of the promotion as JSON: `[{"image": "…", "previous": ["…"], "value": "…"}, …]` (`key` instead of `image` for a key path); a value left out has `"skipped": "running"` (the target already runs it) or `"held"` (a rollback holds it back). One entry in the single-value mode.',
        },
        { name: 'source-healthy-since', description: 'With `source-application`: when the source environment\'s apps started running the promoted value, Synced and Healthy (RFC 3339, from Argo CD\'s sync history; the latest of several apps); empty when they do not.' },
        { name: 'commits-verified', description: 'With `sign-commits`: `true` if the forge reports the commit as verified, else `false`; empty without.' },
    ],
};


/***/ }),

/***/ 3459:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ ROLLBACK_REVIEW_INPUTS),
/* harmony export */   D: () => (/* binding */ REVIEW_INPUTS)
/* harmony export */ });
/* harmony import */ var _platform_secret_variable__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1746);

// Imported by the step specs, which every entry loads at start-up: nothing heavier than the list.
/**
 * The inputs that let a change request show what it promotes (what Argo CD will change, the
 * evidence from the source environment): shared by the steps that open one.
 */
const REVIEW_INPUTS = [
    { name: 'argocd-server', description: 'Argo CD base URL (`https://argocd.example.com`): with it the body shows what Argo CD will change in `argocd-application` and the evidence from `source-application`.' },
    { name: 'argocd-application', description: 'The target environment\'s Application(s), `name` or `namespace/name`, comma-separated: the body shows the diff of what Argo CD renders for the change\'s head against what each runs now.' },
    { name: 'source-application', description: 'The source environment\'s Application(s): the body says whether they run the promoted value, Synced and Healthy, and since when.' },
    {
        name: 'argocd-token',
        secret: true,
        description: `Argo CD API token with \`applications, get\` on those apps; default: the variable \`${(0,_platform_secret_variable__WEBPACK_IMPORTED_MODULE_0__/* .secretVariable */ .H)('argocd-token')}\` (its own masked variable, never the forge token). Masked.`,
    },
    { name: 'argocd-ca-cert', description: 'PEM certificate(s) of the CA that signed Argo CD\'s certificate, for a private CA.' },
    { name: 'argocd-insecure', boolean: true, default: 'false', description: 'Skip TLS verification towards Argo CD (a lab only; prefer `argocd-ca-cert`).' },
];
/** A rollback has no source environment: its change request shows the Argo CD diff and what the revert removes. */
const ROLLBACK_REVIEW_INPUTS = REVIEW_INPUTS.filter((input) => input.name !== 'source-application');


/***/ }),

/***/ 1823:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ rollbackSpec)
/* harmony export */ });
/* harmony import */ var _review_inputs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3459);

const rollbackSpec = {
    name: 'rollback',
    title: 'gitops-promote: rollback',
    description: 'Put an environment back on its last good version, read from the history of its files: only that value changes, a second rollback goes further back, and later promotions of the bad version are refused.',
    inputs: [
        { name: 'path', description: 'Checkout of the environment repository; `files` are relative to it.', default: '.' },
        { name: 'files', required: true, description: 'The environment\'s manifests, relative to `path`: paths or globs, one per line or comma-separated.' },
        { name: 'image', description: 'Image mode: the image to roll back, as the manifests write it, without tag or digest.' },
        { name: 'key', description: 'Key-path mode: the key to roll back, e.g. `image.tag`.' },
        { name: 'images', description: 'Several values in one commit: `all` rolls back the whole train (every value the newest commit that changed the files\' values changed: a train commit names them in its trailers, a person\'s commit is read by comparing the images at it and its parent), or a list of images (one per line or comma-separated) rolls back only those. Each value returns to what `image` alone would give it. Instead of `image`/`key`.' },
        { name: 'keys', description: 'Several values in one commit: key paths to roll back, one per line (with or without `images`). Instead of `image`/`key`.' },
        { name: 'to', description: 'With `image` or `key`: the value to return to (a tag, `tag@digest`, or the key\'s value). Default: the newest earlier value in the files\' history that was not itself rolled back from.' },
        { name: 'reason', description: 'Why: recorded in the commit (`Gitops-Promote-Reason`) and shown when a promotion of the rolled-back version is refused.' },
        { name: 'mode', default: 'commit', description: '`commit`: commit and push to `branch`. `pull-request`: open a PR/MR instead (for protected branches), one per environment and target (`train` for several values).' },
        { name: 'push', boolean: true, default: 'true', description: 'With `mode: commit`: push the commit, retrying when the remote moved.' },
        { name: 'branch', description: 'The environment branch; it must exist on the remote (a typo is refused, naming the remote\'s branches) unless `create-branch` is true. Default: the checked-out branch. Another branch is committed onto its remote tip without touching the checkout.' },
        { name: 'create-branch', boolean: true, default: 'false', description: 'With `mode: commit`: create `branch` on the remote when it does not exist there. Without it, a missing branch is refused before anything is written.' },
        { name: 'token', secret: true, description: 'Token for HTTPS push and, with `mode: pull-request`, the forge API. Masked; never written to .git/config.' },
        { name: 'commit-message', default: 'revert(deploy): roll back {{target}} from {{from}} to {{to}}', description: 'Commit message template; placeholders `{{target}}` `{{from}}` `{{to}}` `{{reason}}` (with several values, each a comma-separated list in the same order).' },
        { name: 'author-name', description: 'Commit author name (with `author-email`).' },
        { name: 'author-email', description: 'Commit author email (with `author-name`).' },
        { name: 'push-timeout', default: '5m', description: 'How long to keep retrying when other pushes move the branch.' },
        { name: 'environment', description: 'With `mode: pull-request`: the environment, for the PR branch (`gitops-promote/rollback/<environment>/<target>`), title and labels.' },
        { name: 'forge', description: 'With `mode: pull-request`: `github` or `gitlab`. Default: the CI, else the remote\'s host.' },
        { name: 'platform', description: 'Deprecated: use `forge`.', deprecatedFor: 'forge' },
        { name: 'repository', description: 'With `mode: pull-request`: `owner/name` or `group/sub/project`. Default: from the remote URL.' },
        { name: 'api-url', description: 'With `mode: pull-request`: the forge API base. Default: `GITHUB_API_URL` / `CI_API_V4_URL`, else from the remote host.' },
        { name: 'labels', description: 'With `mode: pull-request`: labels besides `rollback` and the environment.' },
        { name: 'reviewers', description: 'With `mode: pull-request`: reviewers to request.' },
        { name: 'source-repository', description: 'With `mode: pull-request`: the application repository on the same forge (`owner/app` or its URL): the body lists the commits the rollback takes out.' },
        ..._review_inputs__WEBPACK_IMPORTED_MODULE_0__/* .ROLLBACK_REVIEW_INPUTS */ .C,
        { name: 'dry-run', boolean: true, default: 'false', description: 'Report what would be rolled back (outputs included) without writing, committing or pushing; what the real run would refuse is refused.' },
    ],
    outputs: [
        { name: 'changed', description: '`true` if the files changed (or, with `pull-request`, the PR/MR holds the change); `false` when they already hold `to`.' },
        { name: 'rolled-back-from', description: 'The value the environment ran before (several values: comma-separated, in the order of `changes`).' },
        { name: 'rolled-back-to', description: 'The value it runs now, or will once the PR/MR is merged (several values: comma-separated, in the order of `changes`).' },
        { name: 'commit-sha', description: 'The rollback commit (on `branch`, or the PR/MR\'s head); empty if none.' },
        { name: 'pull-request-number', description: 'With `mode: pull-request`: the PR number / MR iid.' },
        { name: 'pull-request-url', description: 'With `mode: pull-request`: its web URL.' },
        { name: 'changes', description: 'JSON list of every value rolled back, one entry per value: `{"image"|"key", "from", "to"}`; `[]` when nothing changed.' },
    ],
};


/***/ }),

/***/ 6553:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ defaultStepContext)
/* harmony export */ });
/* harmony import */ var _forge_select__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8529);
/* harmony import */ var _runtime_retry__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4629);


/** The context of a real run: the process's environment and clock, the forge's own HTTP client. */
function defaultStepContext(env = process.env) {
    return {
        env,
        clock: _runtime_retry__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .ml,
        backoff: {},
        forgeOfRemote: (remoteUrl, given) => (0,_forge_select__WEBPACK_IMPORTED_MODULE_0__/* .forgeOfRemote */ .lV)(remoteUrl, env, given),
        // Loaded when a step first uses them: the CLI's start-up pays only for the step it runs.
        openForge: async (target, platform) => (await __nccwpck_require__.e(/* import() */ 886).then(__nccwpck_require__.bind(__nccwpck_require__, 5886))).openForge(target, platform, { env }),
        // The HTTP client (undici) loads only when a step talks to Argo CD.
        connectArgoCd: async (options) => new (await Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(938), __nccwpck_require__.e(809)]).then(__nccwpck_require__.bind(__nccwpck_require__, 938))).ArgoCdClient(options),
        git: {
            openCheckout: async (...args) => (await Promise.all(/* import() */[__nccwpck_require__.e(311), __nccwpck_require__.e(605)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6605))).openCheckout(...args),
            openScratchClone: async (dir, url, token, forge, platform) => (await Promise.all(/* import() */[__nccwpck_require__.e(311), __nccwpck_require__.e(605)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6605))).openScratchClone(dir, url, token, forge, platform, env),
        },
    };
}


/***/ }),

/***/ 6696:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ updateManifestSpec)
/* harmony export */ });
const updateManifestSpec = {
    name: 'update-manifest',
    title: 'gitops-promote: update manifest',
    description: 'Set an image tag/digest or any key in GitOps manifests, changing only those bytes; commit and push, surviving push races.',
    inputs: [
        { name: 'path', description: 'Checkout of the environment repository; `files` are relative to it.', default: '.' },
        {
            name: 'files',
            required: true,
            description: 'Manifests to edit, relative to `path`: paths or globs, one per line or comma-separated (e.g. `envs/dev/kustomization.yaml`, `envs/dev/**/*.yaml`).',
        },
        { name: 'image', description: 'Image mode: the image name exactly as the manifests write it, without tag or digest (e.g. `ghcr.io/acme/payments`).' },
        { name: 'tag', description: 'Image mode: the new tag (`1.4.2`; `1.4.2@sha256:…` sets the digest too). Setting a tag alone drops a stale digest.' },
        { name: 'digest', description: 'Image mode: the new digest: `sha256:` + 64 or `sha512:` + 128 lower-case hex digits.' },
        {
            name: 'key',
            description: 'Key-path mode: the path of the value to set, e.g. `image.tag`, `spec.source.targetRevision`, `a.b[0].c`, `annotations["x.io/y"]`, `spec.source.helm.parameters[name=image.tag].value`.',
        },
        {
            name: 'images',
            description: 'Several images in one commit, one per line: `name=tag`, `name@sha256:…` or `name=tag@sha256:…` (e.g. `ghcr.io/acme/api=1.4.2`). Every entry must match somewhere in `files`, each image at most once; not with `image`/`tag`/`digest`/`key`/`value`, but with `values`.',
        },
        {
            name: 'values',
            description: 'Several key paths in one commit, one `key=value` per line (the key as in `key`; an `=` inside brackets or quotes belongs to it: `spec.source.helm.parameters[name=image.tag].value=1.4.2`). Every key must exist in `files`; with `images` they make one commit.',
        },
        { name: 'value', description: 'Key-path mode: the new value. It stays unquoted as a number or boolean only where the old value was one too and Helm or Kustomize renders it as written: in Helm values an integer of at most 6 digits or a decimal from 0.0001 to below 1000000 (Helm prints 20240101 as 2.0240101e+07), in Kubernetes objects and Kustomizations any integer. A tag or version key (`tag`, `newTag`, `appVersion`) always gets a string.' },
        { name: 'commit', boolean: true, default: 'true', description: 'Commit the edited files. With `false`, files are written and left uncommitted.' },
        { name: 'push', boolean: true, default: 'true', description: 'Push the commit to `branch`, retrying (fetch, reset, re-apply, commit) when the remote moved.' },
        { name: 'branch', description: 'Branch to push to; it must exist on the remote (a typo is refused, naming the remote\'s branches) unless `create-branch` is true. Default: the checked-out branch. Another branch is committed onto its remote tip without touching the checkout.' },
        { name: 'create-branch', boolean: true, default: 'false', description: 'Create `branch` on the remote when it does not exist there. Without it, pushing to a missing branch is refused before anything is written.' },
        {
            name: 'push-timeout',
            default: '5m',
            description: 'How long to keep retrying when other pushes move the branch (`90s`, `10m`): each lost race waits a jittered backoff, re-applies the edit on the new tip and pushes again, until this budget is spent.',
        },
        {
            name: 'commit-message',
            default: 'chore(deploy): set {{subject}}',
            description: 'Commit message template; placeholders `{{image}}` `{{tag}}` `{{digest}}` `{{key}}` `{{value}}` `{{subject}}`. With `images`/`values`, `{{subject}}` names up to 3 values (`a to 1.2, b to 3.4`) or counts them (`12 images and 2 keys`), the others are empty; the trailers name every value.',
        },
        { name: 'author-name', description: 'Commit author name (with `author-email`). Default: github-actions[bot] on GitHub, GITLAB_USER_NAME on GitLab, git config elsewhere.' },
        { name: 'author-email', description: 'Commit author email (with `author-name`).' },
        { name: 'token', secret: true, description: 'Token for HTTPS push (GitHub: contents: write; GitLab: write_repository). Masked; passed to git per command, never written to .git/config.' },
        {
            name: 'sign-commits',
            boolean: true,
            default: 'false',
            description: 'GitHub: make the commit through the API (fast-forward only, same race retries) so GitHub signs it and shows it Verified; needs `token` and an HTTPS remote on GitHub. The checkout is moved to it.',
        },
        { name: 'api-url', description: 'With `sign-commits`: the GitHub API base. Default: `GITHUB_API_URL` when the remote is on `GITHUB_SERVER_URL`, else https://api.github.com or `https://<host>/api/v3`.' },
        {
            name: 'allow-rolled-back',
            boolean: true,
            default: 'false',
            description: 'Set the value even though a rollback holds it (an entry in `.gitops-promote/holds` on the branch, or a `Gitops-Promote-Rolled-Back-From` trailer in its last 200 commits); the entry is removed in the same commit. Without it such a value is refused, dry runs included.',
        },
        { name: 'dry-run', boolean: true, default: 'false', description: 'Report what would change (outputs included) without writing, committing or pushing; what the real run would refuse (the hold included) is refused.' },
    ],
    outputs: [
        { name: 'changed', description: '`true` if any file needed a change, else `false`. With `push: true`, decided against the remote branch: `false` means the remote holds the values.' },
        { name: 'changed-files', description: 'JSON array of changed files, relative to `path`.' },
        {
            name: 'previous-values',
            description: 'JSON array of every change: `{file, document, path, line, previous, value}` (`previous` null = key added, `value` null = key removed).',
        },
        {
            name: 'changes',
            description: 'JSON array of every change, naming its value: `{file, document, line, path, image, previous, value}` (or `key` instead of `image`), in file order; `previous` null = key added, `value` null = key removed. With `images`/`values`, a row per value per place.',
        },
        { name: 'commit-sha', description: 'SHA of the commit that holds the values on the remote branch: the one pushed, or the remote tip when it already held them (with `push: false`, the local commit); empty if none.' },
        { name: 'pushed', description: '`true` if the commit was pushed.' },
        { name: 'commits-verified', description: 'With `sign-commits`: `true` if GitHub reports the commit as verified; empty otherwise.' },
    ],
};


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

/***/ 978:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   EK: () => (/* binding */ closestFirst),
/* harmony export */   SE: () => (/* binding */ likelyMeant)
/* harmony export */ });
/* unused harmony export editDistance */
/**
 * Which known name a mistyped one meant: a branch (`mian`), a step (`update-manifst`), a flag
 * (`--brnach`). Shared by every place that answers an unknown name with the likely one.
 */
/** `names` ordered by edit distance to `wanted` (ties alphabetically), so a typo's target comes first. */
function closestFirst(wanted, names) {
    const scored = names.map((name) => ({ name, distance: editDistance(wanted.toLowerCase(), name.toLowerCase()) }));
    return scored.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name)).map((entry) => entry.name);
}
/** Levenshtein distance, with a transposition counted as one edit (`mian` is one from `main`). */
function editDistance(a, b) {
    const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const row = rows[i];
            const above = rows[i - 1];
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            row[j] = Math.min(above[j] + 1, row[j - 1] + 1, above[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                row[j] = Math.min(row[j], rows[i - 2][j - 2] + 1);
        }
    }
    return rows[a.length][b.length];
}
/**
 * The one name `wanted` most likely misspells, if any is close enough to say "did you mean":
 * at most a third of its letters changed (at least one), so `tga` suggests `tag` but `foo` nothing.
 */
function likelyMeant(wanted, names) {
    const best = closestFirst(wanted, names)[0];
    if (best === undefined)
        return undefined;
    return editDistance(wanted.toLowerCase(), best.toLowerCase()) <= Math.max(1, Math.floor(wanted.length / 3)) ? best : undefined;
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

/***/ 3339:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("module");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 4317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

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

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(3136);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __nccwpck_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/platform/ci-environment.ts
var ci_environment = __nccwpck_require__(1981);
// EXTERNAL MODULE: ./packages/core/src/text/neutralise.ts
var neutralise = __nccwpck_require__(3235);
// EXTERNAL MODULE: ./packages/core/src/platform/secret-variable.ts
var secret_variable = __nccwpck_require__(1746);
// EXTERNAL MODULE: ./packages/core/src/text/secret-redactor.ts
var secret_redactor = __nccwpck_require__(5378);
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

// EXTERNAL MODULE: ./packages/core/src/steps/open-promotion-pr/spec.ts
var spec = __nccwpck_require__(7224);
;// CONCATENATED MODULE: ./packages/core/src/steps/open-promotion-pr/registration.ts

/** The step for registries and bundle entries: its spec now, its code only when it runs. */
const openPromotionPr = {
    spec: spec/* openPromotionPrSpec */.D,
    run: async (platform, context) => (await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(382), __nccwpck_require__.e(291), __nccwpck_require__.e(311), __nccwpck_require__.e(989), __nccwpck_require__.e(909), __nccwpck_require__.e(188), __nccwpck_require__.e(347)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2347))).openPromotionPrStep(platform, context),
};

// EXTERNAL MODULE: ./packages/core/src/steps/rollback/spec.ts
var rollback_spec = __nccwpck_require__(1823);
;// CONCATENATED MODULE: ./packages/core/src/steps/rollback/registration.ts

/** The step for registries and bundle entries: its spec now, its code only when it runs. */
const rollback = {
    spec: rollback_spec/* rollbackSpec */.k,
    run: async (platform, context) => (await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(382), __nccwpck_require__.e(291), __nccwpck_require__.e(311), __nccwpck_require__.e(989), __nccwpck_require__.e(909), __nccwpck_require__.e(188), __nccwpck_require__.e(692)]).then(__nccwpck_require__.bind(__nccwpck_require__, 692))).rollbackStep(platform, context),
};

// EXTERNAL MODULE: ./packages/core/src/steps/update-manifest/spec.ts
var update_manifest_spec = __nccwpck_require__(6696);
;// CONCATENATED MODULE: ./packages/core/src/steps/update-manifest/registration.ts

/** The step for registries and bundle entries: its spec now, its code only when it runs. */
const updateManifest = {
    spec: update_manifest_spec/* updateManifestSpec */.m,
    run: async (platform, context) => (await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(382), __nccwpck_require__.e(311), __nccwpck_require__.e(989), __nccwpck_require__.e(457)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5457))).updateManifestStep(platform, context),
};

// EXTERNAL MODULE: ./packages/core/src/steps/wait-argocd-healthy/spec.ts
var wait_argocd_healthy_spec = __nccwpck_require__(1989);
;// CONCATENATED MODULE: ./packages/core/src/steps/wait-argocd-healthy/registration.ts

/**
 * The step for registries and bundle entries: its spec now, its code only when it runs, then
 * with the production context (real time, the REST client, SIGTERM/SIGINT).
 */
const waitArgocdHealthy = {
    spec: wait_argocd_healthy_spec/* waitArgocdHealthySpec */.W,
    run: async (platform) => {
        const [{ waitArgocdHealthyStep }, { waitContext }] = await Promise.all([__nccwpck_require__.e(/* import() */ 840).then(__nccwpck_require__.bind(__nccwpck_require__, 6840)), __nccwpck_require__.e(/* import() */ 211).then(__nccwpck_require__.bind(__nccwpck_require__, 2211))]);
        return waitArgocdHealthyStep(platform, waitContext());
    },
};

;// CONCATENATED MODULE: ./packages/core/src/steps/registry.ts




/**
 * Every step, by the name its action directory, CLI subcommand and GitLab template use. Specs are
 * loaded eagerly (help and flags need them, and they are data); a step's code only when it runs,
 * so the CLI pays start-up for the step in use alone. A step's own bundle imports its
 * registration directly, so it holds no other step's code at all.
 */
const STEPS = [updateManifest, waitArgocdHealthy, openPromotionPr, rollback];
/** The registered step called `name`; a typo in an entry is a bug, reported as one. */
function stepNamed(name) {
    const step = STEPS.find((candidate) => candidate.spec.name === name);
    if (!step)
        throw new Error(`no step named ${name}`);
    return step;
}

// EXTERNAL MODULE: ./packages/core/src/text/closest.ts
var closest = __nccwpck_require__(978);
// EXTERNAL MODULE: ./packages/core/src/text/boolean-word.ts
var boolean_word = __nccwpck_require__(6670);
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
        const flag = secret ? `${(0,secret_variable/* secretVariable */.H)(name)}${given === undefined ? '' : `=${given}`}` : flagFor(name, given, switches.has(name));
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
        return (this.env[(0,secret_variable/* secretVariable */.H)(name)] ?? '').trim();
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
        const value = env[(0,secret_variable/* secretVariable */.H)(name)];
        // As with the CLI's flags, the input given for this run wins over the shared variable.
        if (value && !inputs.get(name))
            inputs.set(name, value);
    }
    return inputs;
}

// EXTERNAL MODULE: ./packages/core/src/runtime/cancellation.ts
var cancellation = __nccwpck_require__(875);
// EXTERNAL MODULE: ./packages/core/src/steps/step-context.ts
var step_context = __nccwpck_require__(6553);
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
        await step.run(platform, (0,step_context/* defaultStepContext */.x)());
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

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
;// CONCATENATED MODULE: ./packages/core/src/cli/arguments.ts





/**
 * Turns `--files a.yaml --tag 1.2 --no-push` into the step's inputs. Flags are the action.yml
 * input names; true/false inputs are switches (`--dry-run`, `--no-push`; `--push false` and
 * `--dry-run=true` are read as them too). An unknown flag is refused with the likely one. Secret inputs come from
 * `GITOPS_PROMOTE_<NAME>` variables in `env`; their flags still work, with a warning, and win.
 */
function parseStepArguments(spec, args, env = process.env) {
    const options = {};
    for (const input of spec.inputs) {
        options[input.name] = { type: input.boolean ? 'boolean' : 'string' };
        if (input.boolean)
            options[`no-${input.name}`] = { type: 'boolean' };
    }
    const switches = new Set(spec.inputs.filter((input) => input.boolean).map((input) => input.name));
    let values;
    try {
        values = (0,external_node_util_.parseArgs)({ args: switchValues(spec.name, args, switches, Object.keys(options)), options, strict: true, allowPositionals: false }).values;
    }
    catch (error) {
        if (error instanceof errors/* InputError */.dz)
            throw error;
        throw new errors/* InputError */.dz(`${spec.name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, forHelp(spec.name));
    }
    const inputs = new Map();
    const warnings = [];
    for (const input of spec.inputs) {
        const value = values[input.name];
        if (input.boolean) {
            if (values[`no-${input.name}`] === true)
                inputs.set(input.name, 'false');
            else if (value === true)
                inputs.set(input.name, 'true');
        }
        else if (typeof value === 'string') {
            inputs.set(input.name, value);
            if (input.secret)
                warnings.push(secretFlagWarning(input.name));
        }
        else if (input.secret) {
            const fromEnv = env[(0,secret_variable/* secretVariable */.H)(input.name)];
            if (fromEnv)
                inputs.set(input.name, fromEnv);
        }
    }
    return { inputs, warnings };
}
function forHelp(step) {
    return `Run 'gitops-promote ${step} --help' for the flags.`;
}
/**
 * Switches given a value as people type them in other tools (`--push false`, `--dry-run=true`,
 * `--push=no`) become `--push` / `--no-push`; any other value, and an unknown flag, is refused
 * here, naming the flag to use. Everything else goes to parseArgs as given.
 */
function switchValues(step, args, switches, flags) {
    const out = [];
    for (let index = 0; index < args.length; index++) {
        const arg = args[index] ?? '';
        if (arg === '--') {
            out.push(...args.slice(index));
            break;
        }
        const flag = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
        if (!flag) {
            out.push(arg);
            continue;
        }
        const [, name = '', inline] = flag;
        if (!flags.includes(name))
            throw unknownFlag(step, name, flags);
        const positive = name.startsWith('no-') && switches.has(name.slice(3)) ? name.slice(3) : name;
        if (!switches.has(positive)) {
            out.push(arg);
            continue;
        }
        // No step takes positional arguments, so a word after a switch can only be meant as its value.
        const next = args[index + 1];
        const given = inline ?? (next !== undefined && !next.startsWith('-') ? next : undefined);
        if (given === undefined) {
            out.push(arg);
            continue;
        }
        if (inline === undefined)
            index++;
        const on = (0,boolean_word/* booleanWord */.D)(given);
        if (on === undefined || positive !== name) {
            throw new errors/* InputError */.dz(`${step}: --${name} is a switch and takes no value, got ${JSON.stringify(given)}`, `Use --${positive} for true or --no-${positive} for false (--${positive} false works too). ${forHelp(step)}`);
        }
        out.push(on ? `--${positive}` : `--no-${positive}`);
    }
    return out;
}
function unknownFlag(step, name, flags) {
    const meant = (0,closest/* likelyMeant */.SE)(name, flags);
    return new errors/* InputError */.dz(`${step}: Unknown option '--${name}'`, `${meant === undefined ? '' : `Did you mean --${meant}? `}${forHelp(step)}`);
}
function secretFlagWarning(name) {
    return (`--${name} puts a secret on the command line, where any user of this machine can read it ` +
        `(ps, /proc/<pid>/cmdline) and shell history keeps it. Set ${(0,secret_variable/* secretVariable */.H)(name)} instead.`);
}
function stepHelp(spec) {
    const lines = [`gitops-promote ${spec.name} [flags]`, '', spec.description, '', 'Flags:'];
    for (const input of spec.inputs) {
        const flag = input.boolean ? `--${input.name} / --no-${input.name}` : `--${input.name} <value>`;
        const extra = [input.required ? 'required' : '', input.default !== undefined ? `default: ${input.default}` : ''].filter(Boolean).join(', ');
        lines.push(`  ${flag}`, `      ${input.description}${extra ? ` (${extra})` : ''}`);
        if (input.secret) {
            lines.push(`      Secret: set ${(0,secret_variable/* secretVariable */.H)(input.name)} instead; the flag works, but shows the secret to ps.`);
        }
    }
    lines.push('', 'Outputs (printed to stdout as name=value):');
    for (const output of spec.outputs)
        lines.push(`  ${output.name}: ${output.description}`);
    return lines.join('\n');
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __nccwpck_require__(643);
// EXTERNAL MODULE: ./packages/core/src/git/git-command-manager.ts + 6 modules
var git_command_manager = __nccwpck_require__(6534);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(1421);
;// CONCATENATED MODULE: ./packages/core/src/cli/demo-env.ts
/**
 * The demo's stage: a throwaway environment repository, the simulated Argo CD deploying it, and
 * the in-process forge stand-in. Kept apart from demo.ts so the story there reads as the steps.
 */




const IMAGE = 'ghcr.io/acme/payments';
const APP = 'payments-dev';
/** The staging environment's Application: the promotion's pull request shows what Argo CD will change in it. */
const STAGING_APP = 'payments-staging';
/** The production environment's Application: the environment promotion's pull request targets it. */
const PROD_APP = 'payments-prod';
const WORKER_IMAGE = 'ghcr.io/acme/payments-worker';
/** The application repository on the (simulated) forge, whose tags the changelog compares. */
const APP_REPOSITORY = 'acme/payments';
/** The canary environment: an Argo Rollouts canary that pauses for a manual promotion. */
const CANARY_APP = 'payments-canary';
/** The release that never becomes healthy: the simulator rolls it out Degraded. */
const BROKEN_TAG = '1.5.0';
const DEMO_TOKEN = 'demo-token-not-a-secret';
const AUTHOR = [
    ['author-name', 'gitops-promote demo'],
    ['author-email', 'demo@gitops-promote.invalid'],
];
/** A canary Rollout: 20 % of the traffic, then a pause until a person promotes it. */
const CANARY_ROLLOUT = `# Deployed by Argo CD from envs/canary: an Argo Rollouts canary
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: payments
  namespace: payments-canary
spec:
  strategy:
    canary:
      steps:
        - setWeight: 20
        - pause: {}
        - setWeight: 100
  template:
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/payments:1.4.1
`;
/** The throwaway environment repository the demo promotes into, as a team would lay it out. */
const ENV_REPO = {
    'envs/canary/rollout.yaml': CANARY_ROLLOUT,
    'envs/dev/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - deployment.yaml
images:
  - name: ghcr.io/acme/payments   # the service this pipeline builds
    newTag: "1.4.1"
  - name: ghcr.io/acme/payments-worker
    newTag: 1.4.1
`,
    'envs/staging/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - deployment.yaml
images:
  - name: ghcr.io/acme/payments   # promoted from dev by pull request
    newTag: "1.4.1"
  - name: ghcr.io/acme/payments-worker
    newTag: 1.4.0
`,
    'envs/prod/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - deployment.yaml
images:
  - name: ghcr.io/acme/payments   # promoted from staging, every service at once
    newTag: "1.4.0"
  - name: ghcr.io/acme/payments-worker
    newTag: 1.3.9
`,
    'envs/prod/deployment.yaml': `# Deployed by Argo CD from envs/prod
apiVersion: apps/v1
kind: Deployment
metadata:
  name: payments
spec:
  replicas: 4
  template:
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/payments:1.4.0
        - name: worker
          image: ghcr.io/acme/payments-worker:1.3.9
`,
    'envs/staging/deployment.yaml': `# Deployed by Argo CD from envs/staging
apiVersion: apps/v1
kind: Deployment
metadata:
  name: payments
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/payments:1.4.1
        - name: worker
          image: ghcr.io/acme/payments-worker:1.4.0
`,
    'envs/dev/deployment.yaml': `# Deployed by Argo CD from envs/dev
apiVersion: apps/v1
kind: Deployment
metadata:
  name: payments
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: ghcr.io/acme/payments:1.4.1   # same image, runs migrations
      containers:
        - name: api
          image: 'ghcr.io/acme/payments:1.4.1'
        - name: worker
          image: ghcr.io/acme/payments-worker:1.4.1
`,
};
const IDENTITY = ['-c', 'user.name=gitops-promote demo', '-c', 'user.email=demo@gitops-promote.invalid'];
/** A bare "remote" whose main runs payments 1.4.1 in dev and staging, 1.4.0 in prod, a clone of it, and the application repository. */
async function createEnvironmentRepo(dir) {
    const remote = external_node_path_default().join(dir, 'environments.git');
    const seed = external_node_path_default().join(dir, 'seed');
    const checkout = external_node_path_default().join(dir, 'checkout');
    await new git_command_manager/* GitCommandManager */.bM(dir).run(['init', '--quiet', '--bare', '--initial-branch=main', remote]);
    await (0,promises_.mkdir)(seed);
    const seedGit = new git_command_manager/* GitCommandManager */.bM(seed);
    await seedGit.run(['init', '--quiet', '--initial-branch=main']);
    for (const [file, content] of Object.entries(ENV_REPO)) {
        await (0,promises_.mkdir)(external_node_path_default().join(seed, external_node_path_default().dirname(file)), { recursive: true });
        await (0,promises_.writeFile)(external_node_path_default().join(seed, file), content);
    }
    await seedGit.run(['add', '.']);
    await seedGit.run([...IDENTITY, 'commit', '--quiet', '-m', 'dev runs payments 1.4.1']);
    await seedGit.run(['push', '--quiet', remote, 'main']);
    await new git_command_manager/* GitCommandManager */.bM(dir).run(['clone', '--quiet', remote, checkout]);
    return { remote, checkout, app: await createAppRepo(dir) };
}
/**
 * An Argo CD simulator (packages/argocd-simulator) on a free loopback port, with auto-sync apps
 * tracking envs/dev (a Deployment), envs/staging, envs/prod and envs/canary (an Argo Rollouts canary) of `remote`. Loaded only by the demo, so the steps never pay for it.
 */
async function startDemoArgoCd(remote) {
    const { ArgoCdSimulator } = await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(569)]).then(__nccwpck_require__.bind(__nccwpck_require__, 950));
    return ArgoCdSimulator.start({
        tokens: [DEMO_TOKEN],
        // A rollout that takes a moment, so the wait has something to show.
        timings: { syncMs: 400, rolloutMs: 800 },
        apps: [
            {
                name: APP,
                source: { repoPath: remote, targetRevision: 'main', path: 'envs/dev' },
                // The bad release: its pods crash-loop, so the Deployment exceeds its progress deadline.
                rules: { degradedImage: { images: [`${IMAGE}:${BROKEN_TAG}`] } },
            },
            { name: CANARY_APP, source: { repoPath: remote, targetRevision: 'main', path: 'envs/canary' } },
            { name: STAGING_APP, source: { repoPath: remote, targetRevision: 'main', path: 'envs/staging' } },
            { name: PROD_APP, source: { repoPath: remote, targetRevision: 'main', path: 'envs/prod' } },
        ],
    });
}
/**
 * The in-process stand-in for GitHub's API that open-promotion-pr talks to; branches are read
 * from the real remote, where the step pushes them.
 */
async function createDemoForge(remote, appGitDir) {
    const { FakeForge } = await __nccwpck_require__.e(/* import() */ 931).then(__nccwpck_require__.bind(__nccwpck_require__, 9931));
    const forge = new FakeForge('github', { defaultBranch: 'main', webUrl: 'https://github.invalid/acme/environments' }, (branch) => {
        try {
            return (0,external_node_child_process_.execFileSync)('git', ['--git-dir', remote, 'rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], { encoding: 'utf8' }).trim();
        }
        catch {
            return undefined;
        }
    });
    forge.sourceRepositories.set(APP_REPOSITORY, { gitDir: appGitDir, webUrl: `https://github.invalid/${APP_REPOSITORY}` });
    return forge;
}
/** The application's history between the two releases the demo promotes: what the changelog lists. */
const APP_HISTORY = [
    { subject: 'Release 1.4.1', tag: '1.4.1' },
    { subject: 'Retry card declines once before failing (#41)' },
    { subject: 'Fix rounding of refunds in JPY (#42)' },
    { subject: 'Release 1.4.2', tag: '1.4.2' },
];
/** A bare application repository with tags 1.4.1 and 1.4.2, as the build that made the images left it. */
async function createAppRepo(dir) {
    const gitDir = external_node_path_default().join(dir, 'payments-app.git');
    const git = new git_command_manager/* GitCommandManager */.bM(dir);
    await git.run(['init', '--quiet', '--bare', '--initial-branch=main', gitDir]);
    const tree = (await git.run(['--git-dir', gitDir, 'mktree'], undefined, {}, '')).trim();
    let parent;
    let when = Date.UTC(2026, 10, 2, 9, 0, 0) / 1000;
    for (const { subject, tag } of APP_HISTORY) {
        const date = `${when} +0000`;
        when += 3600;
        const env = { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
        const commit = (await git.run([...IDENTITY, '--git-dir', gitDir, 'commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', subject], undefined, env)).trim();
        parent = commit;
        if (tag)
            await git.run(['--git-dir', gitDir, 'tag', tag, commit]);
    }
    await git.run(['--git-dir', gitDir, 'update-ref', 'refs/heads/main', parent ?? '']);
    return gitDir;
}

;// CONCATENATED MODULE: ./packages/core/src/cli/demo-narrator.ts
/**
 * How the demo tells its story: numbered steps with their timings, the steps' own logs in
 * between, and a closing table. Everything goes to stderr, like every step's log; stdout keeps
 * the steps' `name=value` outputs, as the CLI prints them.
 */




class Narrator {
    total;
    rows = [];
    started = external_node_perf_hooks_.performance.now();
    count = 0;
    constructor(total) {
        this.total = total;
    }
    say(text) {
        process.stderr.write(`${text}\n`);
    }
    /** A phase outside the numbered steps (setup), timed by the caller, still shown in the table. */
    record(step, happened, ms) {
        this.rows.push({ step, happened, ms, result: 'ok' });
        this.say(`${step} … ${seconds(ms)} s, ok: ${happened}`);
    }
    /**
     * Runs one numbered step: announces it with the command a pipeline would run, times it, and
     * closes with what happened. Returns whether the demo goes on.
     */
    async step(name, intent, command, run) {
        const step = `[${++this.count}/${this.total}] ${name}`;
        this.say(`\n${step}: ${intent}\n$ ${command}\n`);
        const start = external_node_perf_hooks_.performance.now();
        const end = await run();
        const ms = external_node_perf_hooks_.performance.now() - start;
        this.rows.push({ step, happened: end.happened, ms, result: end.result });
        this.say(`\n${step} … ${seconds(ms)} s, ${end.result}: ${end.happened}`);
        return end.asIntended;
    }
    /** The closing table: one row per phase, then the total from the start. */
    table(completed) {
        const total = external_node_perf_hooks_.performance.now() - this.started;
        const header = ['Step', 'What happened', 'Seconds', 'Result'];
        const body = this.rows.map((row) => [row.step, row.happened, seconds(row.ms), row.result]);
        const footer = ['total', completed ? 'setup included' : `stopped at step ${this.count} of ${this.total}`, seconds(total), ''];
        const all = [header, ...body, footer];
        const widths = [0, 1, 2].map((column) => Math.max(...all.map((cells) => cells[column]?.length ?? 0)));
        const line = ([step, happened, secs, result]) => `${step.padEnd(widths[0] ?? 0)}  ${happened.padEnd(widths[1] ?? 0)}  ${secs.padStart(widths[2] ?? 0)}  ${result}`.trimEnd();
        const rule = widths.map((width) => '-'.repeat(width)).join('  ') + '  ------';
        return [line(header), rule, ...body.map(line), rule, line(footer)].join('\n');
    }
}
function seconds(ms) {
    return (ms / 1000).toFixed(1);
}
/** A terminal platform that also keeps what the step reported, for the demo's checks and table. */
class RecordingPlatform extends TerminalPlatform {
    step;
    outputs = new Map();
    failure;
    constructor(step, inputs) {
        super(inputs, process.stdout, process.stderr);
        this.step = step;
    }
    setOutput(name, value) {
        this.outputs.set(name, value);
        // Eight steps print outputs of the same names (commit-sha, revision): each line says whose it is.
        super.setOutput(`${this.step}: ${name}`, value);
    }
    setFailed(message) {
        this.failure = message;
        super.setFailed(message);
    }
    output(name) {
        return this.outputs.get(name) ?? '';
    }
}
/**
 * The command line that runs `step` with `inputs` in a terminal, to paste as it is: every input as
 * its flag (a switch as --x / --no-x), secret inputs as the GITOPS_PROMOTE_<NAME> variable the CLI
 * reads them from, values shell-quoted where a shell would split or expand them.
 */
function commandLine(step, inputs) {
    const variables = [];
    const flags = [];
    for (const [name, value] of inputs) {
        const input = step.spec.inputs.find((candidate) => candidate.name === name);
        if (input?.secret)
            variables.push(`${(0,secret_variable/* secretVariable */.H)(name)}=${shellQuote(value)}`);
        else if (input?.boolean)
            flags.push(value === 'true' ? `--${name}` : `--no-${name}`);
        else
            flags.push(`--${name} ${shellQuote(value)}`);
    }
    return [...variables, 'gitops-promote', step.spec.name, ...flags].join(' ');
}
function shellQuote(value) {
    return /^[\w./:@%+,=-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
/**
 * Runs a step as the CLI would. Its failure is kept on the returned platform and not left in
 * process.exitCode: some of the demo's failures are the point, and the demo's exit code is its own.
 */
async function runRecorded(step, inputs) {
    const platform = new RecordingPlatform(step.spec.name, new Map(inputs));
    const exitCode = process.exitCode;
    await runStep(step, platform);
    process.exitCode = exitCode;
    return platform;
}

;// CONCATENATED MODULE: ./packages/core/src/cli/demo.ts










const STEP_COUNT = 11;
/** What the staging pull request must show: the Argo CD diff, the changelog, the evidence from dev, the drift. */
const REVIEW_SECTIONS = ['### What Argo CD will change in staging', '### What 1.4.2 contains', '### Evidence from dev', '### Not in this promotion'];
const OPTIONS = ['--keep', '--help'];
const DEMO_USAGE = `gitops-promote demo [--keep]

A real promotion, offline: in a temporary directory, a bare environment repository and a clone,
a simulated Argo CD on 127.0.0.1 deploying envs/dev and a canary of it, then update-manifest,
wait-argocd-healthy, open-promotion-pr (to an in-process stand-in for GitHub's API), a broken
release, rollback, the hold, and a canary paused for promotion, each narrated with the command
that runs it and timed. Needs only Node and git.

Flags:
  --keep    keep the temporary directory (repositories and clone) afterwards
  --help    this text
`;
/**
 * `gitops-promote demo`: a real promotion, offline, in a temporary directory. It creates a bare
 * "remote" environment repo and a clone of it, starts a simulated Argo CD deploying envs/dev of
 * it, then runs the steps as a pipeline would: update-manifest to 1.4.2, wait-argocd-healthy,
 * open-promotion-pr to staging (twice: the rerun writes nothing), a broken 1.5.0 that the wait
 * finds Degraded, rollback, the wait healthy again at the rollback's commit, the hold refusing
 * 1.5.0, and 1.4.2 in the canary environment, whose Rollout pauses for a manual promotion
 * (`suspended: succeed`). Each step is timed; a table ends it.
 */
async function runDemo(args) {
    if (args.includes('--help') || args.includes('-h')) {
        process.stdout.write(DEMO_USAGE);
        return 0;
    }
    const unknown = args.find((arg) => !OPTIONS.includes(arg));
    if (unknown !== undefined) {
        const meant = (0,closest/* likelyMeant */.SE)(unknown.replace(/^-*/, ''), OPTIONS.map((option) => option.slice(2)));
        process.stderr.write(`error: demo: unknown option '${(0,neutralise/* neutralise */.$0)(unknown)}'.\n  How to fix: ${meant === undefined ? '' : `Did you mean --${meant}? `}The demo takes only --keep and --help.\n`);
        return 2;
    }
    const keep = args.includes('--keep');
    const narrator = new Narrator(STEP_COUNT);
    const dir = await (0,promises_.mkdtemp)(external_node_path_default().join((0,external_node_os_.tmpdir)(), 'gitops-promote-demo-'));
    let argocd;
    try {
        const setupStart = external_node_perf_hooks_.performance.now();
        const repos = await createEnvironmentRepo(dir);
        // Argo CD (simulated, on 127.0.0.1) deploys envs/dev from the remote: it runs 1.4.1 now.
        argocd = await startDemoArgoCd(repos.remote);
        narrator.say(`Environment repo: ${repos.remote} (dev runs ${IMAGE}:1.4.1), cloned to ${repos.checkout}`);
        narrator.say(`Argo CD (simulated): ${argocd.url}, app ${APP} auto-syncing envs/dev of main; told that ${IMAGE}:${BROKEN_TAG} crash-loops`);
        narrator.record('setup', 'environment repo and clone, Argo CD simulator on 127.0.0.1', external_node_perf_hooks_.performance.now() - setupStart);
        const completed = await new DemoPipeline(repos, argocd, narrator).play();
        narrator.say(`\n${narrator.table(completed)}\n`);
        return completed ? 0 : 1;
    }
    finally {
        const cleanupStart = external_node_perf_hooks_.performance.now();
        await argocd?.close();
        if (!keep)
            await (0,promises_.rm)(dir, { recursive: true, force: true });
        const seconds = ((external_node_perf_hooks_.performance.now() - cleanupStart) / 1000).toFixed(1);
        narrator.say(keep ? `Stopped the Argo CD simulator; kept ${dir}.` : `cleanup … ${seconds} s: stopped the Argo CD simulator, removed ${dir}.`);
    }
}
/** The steps in order; what one step produced (a commit) is kept in a field for the next. */
class DemoPipeline {
    repos;
    argocd;
    narrator;
    goodCommit = '';
    brokenCommit = '';
    rollbackCommit = '';
    canaryCommit = '';
    constructor(repos, argocd, narrator) {
        this.repos = repos;
        this.argocd = argocd;
        this.narrator = narrator;
    }
    async play() {
        // `&&` calls each step only once the one before it went as intended, so the commits passed
        // along are set by then.
        return ((await this.releaseGood()) &&
            (await this.waitHealthy(this.goodCommit, 'Argo CD deploys it to dev; wait until dev runs that commit')) &&
            (await this.promote()) &&
            (await this.releaseBroken()) &&
            (await this.waitDegraded()) &&
            (await this.rollBack()) &&
            (await this.waitHealthy(this.rollbackCommit, "wait until dev runs the rollback's commit")) &&
            (await this.holdRefuses()) &&
            (await this.releaseCanary()) &&
            (await this.waitCanaryPaused()) &&
            (await this.promoteEnvironment()));
    }
    /** update-manifest on envs/dev, as the pipeline of the payments service runs it. */
    updateManifestInputs(tag) {
        return [['path', this.repos.checkout], ['files', 'envs/dev/*.yaml'], ['image', IMAGE], ['tag', tag], ...AUTHOR];
    }
    releaseGood() {
        const inputs = this.updateManifestInputs('1.4.2');
        return this.narrator.step('update-manifest', `${IMAGE} 1.4.2 is built; set it in dev`, commandLine(stepNamed('update-manifest'), inputs), async () => {
            const run = await runRecorded(stepNamed('update-manifest'), inputs);
            if (run.failure)
                return unexpected(`update-manifest failed: ${run.failure}`);
            this.goodCommit = run.output('commit-sha');
            const remoteGit = new git_command_manager/* GitCommandManager */.bM(this.repos.remote);
            const log = await remoteGit.run(['log', '--format=%h %s', '-n', '2', 'main']);
            const diff = await remoteGit.run(['diff', '--unified=0', 'main~1', 'main']);
            this.narrator.say(`\nThe remote's main branch now has:\n${log}\n\n${diff}\n`);
            const kustomization = await (0,promises_.readFile)(external_node_path_default().join(this.repos.checkout, 'envs/dev/kustomization.yaml'), 'utf8');
            if (!kustomization.includes('newTag: "1.4.2"') || kustomization.includes('payments-worker\n    newTag: 1.4.2')) {
                return unexpected('unexpected result in envs/dev/kustomization.yaml');
            }
            this.narrator.say('Every other byte is unchanged: comments, quoting and payments-worker stay as they were.');
            return { happened: `set 1.4.1 → 1.4.2 in dev (${changedFileCount(run)} files), pushed ${demo_short(this.goodCommit)}`, result: 'ok', asIntended: true };
        });
    }
    /** wait-argocd-healthy with the inputs a pipeline gives it. */
    waitInputs(revision) {
        return [
            ['server', this.argocd.url],
            ['token', DEMO_TOKEN],
            ['application', APP],
            // Far beyond the simulated rollout (about a second), yet short enough that a demo gone wrong
            // fails within its time budget instead of waiting the default 10 minutes.
            ['timeout', '15s'],
            ['revision', revision],
        ];
    }
    /** Runs wait-argocd-healthy; its `result` parsed for the demo's checks. */
    async wait(revision) {
        const run = await runRecorded(stepNamed('wait-argocd-healthy'), this.waitInputs(revision));
        return { run, report: appReport(run.output('result')) };
    }
    waitCommand(revision) {
        return commandLine(stepNamed('wait-argocd-healthy'), this.waitInputs(revision));
    }
    waitHealthy(revision, intent) {
        return this.narrator.step('wait-argocd-healthy', intent, this.waitCommand(revision), async () => {
            const { run, report } = await this.wait(revision);
            if (run.failure || report?.outcome !== 'success')
                return unexpected(`wait-argocd-healthy failed: ${run.failure ?? 'no result'}`);
            if (run.output('revision') !== revision)
                return unexpected(`wait-argocd-healthy ended on ${run.output('revision')}, not ${revision}`);
            this.narrator.say(`\nArgo CD runs ${demo_short(revision)}: Synced and Healthy, decided on that commit, not the one before it.`);
            return { happened: report.reason, result: 'ok', asIntended: true };
        });
    }
    /** Where the promotions open their pull requests: the demo's stand-in for GitHub's API, over the real remote. */
    forgeInputs() {
        return [
            ['forge', 'github'],
            ['repository', 'acme/environments'],
            ['repository-url', this.repos.remote],
            ['api-url', 'https://api.github.invalid'],
            ['token', DEMO_TOKEN],
        ];
    }
    /**
     * open-promotion-pr with the demo's forge: a fresh in-process stand-in (FakeForge), which the
     * step's context opens instead of GitHub's API.
     */
    async promotionStep() {
        const [forge, { openPromotionPrStep }] = await Promise.all([createDemoForge(this.repos.remote, this.repos.app), Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(382), __nccwpck_require__.e(291), __nccwpck_require__.e(311), __nccwpck_require__.e(989), __nccwpck_require__.e(909), __nccwpck_require__.e(188), __nccwpck_require__.e(347)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2347))]);
        return { forge, step: { spec: stepNamed('open-promotion-pr').spec, run: (platform, context) => openPromotionPrStep(platform, { ...context, openForge: () => Promise.resolve(forge) }) } };
    }
    /**
     * open-promotion-pr offers what dev now runs to staging, as a pull request. The forge is an
     * in-process stand-in (FakeForge) for GitHub's API; the branch is pushed to the real remote.
     * Run twice: the second run finds the same PR up to date and writes nothing.
     */
    promote() {
        const inputs = [
            ...this.forgeInputs(),
            ['image', IMAGE],
            ['source-files', 'envs/dev/kustomization.yaml'],
            ['files', 'envs/staging/kustomization.yaml'],
            ['environment', 'staging'],
            ['source-environment', 'dev'],
            ['reviewers', 'alice'],
            ['source-repository', APP_REPOSITORY],
            ['argocd-server', this.argocd.url],
            ['argocd-application', STAGING_APP],
            ['source-application', APP],
            ['argocd-token', DEMO_TOKEN],
            ...AUTHOR,
        ];
        const command = commandLine(stepNamed('open-promotion-pr'), inputs);
        return this.narrator.step('open-promotion-pr', 'offer what dev runs to staging, as a pull request', command, async () => {
            const { forge, step } = await this.promotionStep();
            this.narrator.say('(Here the demo answers GitHub\'s API itself; pasted elsewhere, the command needs a real repository, --api-url and token.)\n');
            const first = await runRecorded(step, inputs);
            if (first.failure)
                return unexpected(`open-promotion-pr failed: ${first.failure}`);
            const change = forge.changes[0];
            if (!change)
                return unexpected('no pull request was opened');
            this.narrator.say(`\nPull request #${change.number} (${change.head} → ${change.base}), labels ${change.labels.join(', ')}, review requested from ${change.reviewers.join(', ')}:\n\n# ${change.title}\n\n${change.body.replace(/<!--.*-->\n?/g, '').trimEnd()}\n`);
            const writes = forge.writes.length;
            this.narrator.say('Running it again with the same value:\n');
            const again = await runRecorded(step, inputs);
            if (again.failure)
                return unexpected(`open-promotion-pr failed on the rerun: ${again.failure}`);
            const rerunWrites = forge.writes.length - writes;
            this.narrator.say(`\nThe same pull request, still one: ${forge.changes.length} open, ${rerunWrites} API writes and no push on the second run.`);
            const sections = REVIEW_SECTIONS.filter((heading) => change.body.includes(heading)).length;
            return {
                happened: `PR #${change.number} to staging (1.4.1 → 1.4.2) opened with ${sections} of ${REVIEW_SECTIONS.length} review sections; rerun: ${again.output('operation')}, ${rerunWrites} writes`,
                result: 'ok',
                asIntended: rerunWrites === 0 && forge.changes.length === 1 && again.output('operation') === 'unchanged' && sections === REVIEW_SECTIONS.length,
            };
        });
    }
    releaseBroken() {
        const inputs = this.updateManifestInputs(BROKEN_TAG);
        const command = commandLine(stepNamed('update-manifest'), inputs);
        return this.narrator.step('update-manifest', `a bad release: ${BROKEN_TAG}, whose pods crash on start, is set in dev`, command, async () => {
            const run = await runRecorded(stepNamed('update-manifest'), inputs);
            if (run.failure)
                return unexpected(`update-manifest failed: ${run.failure}`);
            this.brokenCommit = run.output('commit-sha');
            return { happened: `set 1.4.2 → ${BROKEN_TAG} in dev, pushed ${demo_short(this.brokenCommit)}`, result: 'ok', asIntended: true };
        });
    }
    /** The wait must fail on the broken release, and say which resource is Degraded and why. */
    waitDegraded() {
        const intent = `Argo CD deploys ${BROKEN_TAG}; the wait must fail and name what broke (this failure is the point)`;
        return this.narrator.step('wait-argocd-healthy', intent, this.waitCommand(this.brokenCommit), async () => {
            const { run, report } = await this.wait(this.brokenCommit);
            if (!run.failure)
                return unexpected(`wait-argocd-healthy accepted ${BROKEN_TAG}, which never becomes healthy`);
            const deployment = report?.degraded.find((node) => node.kind === 'Deployment' && node.name === 'payments');
            if (report?.health !== 'Degraded' || !deployment)
                return unexpected(`wait-argocd-healthy failed, but not on the Degraded Deployment: ${run.failure}`);
            const named = report.degraded.map((node) => `\n  ${node.kind}/${node.namespace}/${node.name}: ${node.message}`).join('');
            this.narrator.say(`\nThe wait failed at ${demo_short(this.brokenCommit)}, as a pipeline's job would, before anything was promoted. It named:${named}`);
            return { happened: `Degraded: ${deployment.kind}/${deployment.name}: ${deployment.message}`, result: 'failed, as it should', asIntended: true };
        });
    }
    /** rollback returns dev to the version before the bad one, found in the files' history. */
    rollBack() {
        const reason = `${BROKEN_TAG} fails its health checks`;
        const inputs = [['path', this.repos.checkout], ['files', 'envs/dev/*.yaml'], ['image', IMAGE], ['reason', reason], ...AUTHOR];
        return this.narrator.step('rollback', `return dev to the version before ${BROKEN_TAG}`, commandLine(stepNamed('rollback'), inputs), async () => {
            const run = await runRecorded(stepNamed('rollback'), inputs);
            if (run.failure)
                return unexpected(`rollback failed: ${run.failure}`);
            this.rollbackCommit = run.output('commit-sha');
            const happened = `rolled back ${run.output('rolled-back-from')} → ${run.output('rolled-back-to')}, pushed ${demo_short(this.rollbackCommit)}`;
            return { happened, result: 'ok', asIntended: this.rollbackCommit !== '' };
        });
    }
    /** The pipeline of 1.5.0 runs again: the hold the rollback left refuses to set it. */
    holdRefuses() {
        const inputs = this.updateManifestInputs(BROKEN_TAG);
        const command = commandLine(stepNamed('update-manifest'), inputs);
        return this.narrator.step('update-manifest', `the pipeline runs again with ${BROKEN_TAG}; the hold must refuse it (this failure is the point)`, command, async () => {
            const run = await runRecorded(stepNamed('update-manifest'), inputs);
            if (!run.failure)
                return unexpected('the hold did not refuse the rolled-back version');
            const main = await new git_command_manager/* GitCommandManager */.bM(this.repos.remote).run(['rev-parse', 'main']);
            if (main !== this.rollbackCommit)
                return unexpected(`main moved to ${demo_short(main)} although the hold refused ${BROKEN_TAG}`);
            this.narrator.say(`\nNothing was pushed: main stays at ${demo_short(main)}, dev on 1.4.2 until a newer version is promoted (or it is given --allow-rolled-back).`);
            return { happened: `hold refused ${BROKEN_TAG} (rolled back in ${demo_short(this.rollbackCommit)}); main unchanged`, result: 'refused, as it should', asIntended: true };
        });
    }
    /** The canary environment gets 1.4.2 too: its Argo Rollouts canary takes 20 % and pauses. */
    releaseCanary() {
        const inputs = [['path', this.repos.checkout], ['files', 'envs/canary/rollout.yaml'], ['image', IMAGE], ['tag', '1.4.2'], ...AUTHOR];
        return this.narrator.step('update-manifest', 'set 1.4.2 in the canary environment, an Argo Rollouts canary', commandLine(stepNamed('update-manifest'), inputs), async () => {
            const run = await runRecorded(stepNamed('update-manifest'), inputs);
            if (run.failure)
                return unexpected(`update-manifest failed: ${run.failure}`);
            this.canaryCommit = run.output('commit-sha');
            return { happened: `set 1.4.1 → 1.4.2 in canary, pushed ${demo_short(this.canaryCommit)}`, result: 'ok', asIntended: this.canaryCommit !== '' };
        });
    }
    /**
     * The wait on a canary paused for a manual promotion: with `suspended: succeed` the pipeline
     * goes on once the commit is applied and the Rollout paused as planned, and says at which step.
     */
    waitCanaryPaused() {
        const inputs = [
            ['server', this.argocd.url],
            ['token', DEMO_TOKEN],
            ['application', CANARY_APP],
            ['timeout', '15s'],
            ['revision', this.canaryCommit],
            ['suspended', 'succeed'],
        ];
        const intent = 'wait on the canary: it pauses for a manual promotion, which suspended: succeed accepts';
        return this.narrator.step('wait-argocd-healthy', intent, commandLine(stepNamed('wait-argocd-healthy'), inputs), async () => {
            const run = await runRecorded(stepNamed('wait-argocd-healthy'), inputs);
            if (run.failure)
                return unexpected(`wait-argocd-healthy failed on the canary: ${run.failure}`);
            const report = appReport(run.output('result'), CANARY_APP);
            const paused = /paused at [^;]*/.exec(report?.reason ?? '')?.[0];
            if (report?.outcome !== 'success' || run.output('health') !== 'Suspended' || !paused) {
                return unexpected(`the canary wait ended ${report?.outcome ?? 'without a result'} (${run.output('health')}): ${report?.reason ?? ''}`);
            }
            this.narrator.say(`\nArgo CD runs ${demo_short(this.canaryCommit)} in ${CANARY_APP}; the Rollout is ${paused}. With suspended: wait, the job would wait for that promotion; with fail, it would fail.`);
            return { happened: `Suspended at ${demo_short(this.canaryCommit)}: ${paused.replace(/ \(kubectl[^)]*\)/, '')}`, result: 'ok', asIntended: true };
        });
    }
    /**
     * open-promotion-pr promotes everything staging runs to prod at once: both services in one
     * commit and one pull request, a row per image, Argo CD's diff of prod showing both.
     */
    promoteEnvironment() {
        const inputs = [
            ...this.forgeInputs(),
            ['images', 'all'],
            ['source-files', 'envs/staging/kustomization.yaml'],
            ['files', 'envs/prod/kustomization.yaml'],
            ['environment', 'prod'],
            ['source-environment', 'staging'],
            ['argocd-server', this.argocd.url],
            ['argocd-application', PROD_APP],
            ['source-application', STAGING_APP],
            ['argocd-token', DEMO_TOKEN],
            ...AUTHOR,
        ];
        return this.narrator.step('open-promotion-pr', 'promote the whole staging environment to prod: every service, one pull request', commandLine(stepNamed('open-promotion-pr'), inputs), async () => {
            const { forge, step } = await this.promotionStep();
            const run = await runRecorded(step, inputs);
            if (run.failure)
                return unexpected(`open-promotion-pr failed: ${run.failure}`);
            const change = forge.changes[0];
            if (!change)
                return unexpected('no pull request was opened');
            this.narrator.say(`\nPull request #${change.number} (${change.head} → ${change.base}):\n\n# ${change.title}\n\n${change.body.replace(/<!--.*-->\n?/g, '').trimEnd()}\n`);
            const changes = JSON.parse(run.output('changes') || '[]');
            const promoted = Array.isArray(changes) ? changes.filter((entry) => entry.skipped === undefined).length : 0;
            const commits = await new git_command_manager/* GitCommandManager */.bM(this.repos.remote).run(['rev-list', '--count', `main..${change.head}`]);
            return {
                happened: `PR #${change.number} to prod: ${promoted} images in ${commits} commit (${IMAGE} 1.4.0 → 1.4.1, ${WORKER_IMAGE} 1.3.9 → 1.4.0)`,
                result: 'ok',
                asIntended: promoted === 2 && commits === '1' && forge.changes.length === 1 && change.body.includes(`Deployment default/payments</code> changed`),
            };
        });
    }
}
function unexpected(what) {
    return { happened: `demo: ${what}`, result: 'FAILED', asIntended: false };
}
function demo_short(commit, length = 7) {
    return commit.slice(0, length);
}
function changedFileCount(run) {
    const files = JSON.parse(run.output('changed-files') || '[]');
    return Array.isArray(files) ? files.length : 0;
}
/** An app's entry of wait-argocd-healthy's `result` output (JSON by Application name). */
function appReport(result, app = APP) {
    if (result === '')
        return undefined;
    const parsed = JSON.parse(result);
    if (typeof parsed !== 'object' || parsed === null || !(app in parsed))
        return undefined;
    // The step writes this object from AppReport values; the demo reads its own step's output.
    return parsed[app];
}

;// CONCATENATED MODULE: ./packages/core/src/cli/main.ts
// The CLI: `gitops-promote <step> --flag value`, the same steps as the actions, on any machine.













/** Every step's secret inputs, each named once. */
const SECRET_FLAGS = [...new Set(STEPS.flatMap((step) => step.spec.inputs.filter((input) => input.secret).map((input) => input.name)))];
const USAGE = `gitops-promote — carry a container image through GitOps environments

Usage:
  gitops-promote <step> [--flag value ...]   run a step (flags = the action's inputs)
  gitops-promote <step> --help               the step's flags and outputs
  gitops-promote demo [--keep]               a real promotion against a throwaway local git repository
  gitops-promote demo --help                 what the demo does
  gitops-promote --version                   the version of this package

Secrets are read from the environment, off the command line that ps shows to every user:
${SECRET_FLAGS.map((name) => `  ${(0,secret_variable/* secretVariable */.H)(name)} for --${name}`).join('\n')}

Steps:
${STEPS.map((step) => `  ${step.spec.name.padEnd(22)} ${step.spec.description}`).join('\n')}
`;
/**
 * The version of the package this CLI ships in: dist/cli/index.js sits two folders below its
 * package.json, in this repository and in an installed package alike.
 */
function version() {
    const manifest = external_node_path_default().join(external_node_path_default().dirname((0,external_node_url_.fileURLToPath)(import.meta.url)), '..', '..', 'package.json');
    try {
        const parsed = JSON.parse((0,external_node_fs_.readFileSync)(manifest, 'utf8'));
        if (parsed && typeof parsed === 'object' && 'version' in parsed && typeof parsed.version === 'string')
            return parsed.version;
    }
    catch {
        // Reported below.
    }
    return 'unknown (no package.json beside the bundle)';
}
async function main(argv) {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
        process.stdout.write(`${version()}\n`);
        return 0;
    }
    if (command === 'demo')
        return runDemo(rest);
    const step = STEPS.find((candidate) => candidate.spec.name === command);
    if (!step) {
        const commands = [...STEPS.map((s) => s.spec.name), 'demo'];
        const meant = (0,closest/* likelyMeant */.SE)(command, commands);
        const fix = `${meant === undefined ? 'use' : `Did you mean ${meant}? Otherwise use`} one of: ${commands.join(', ')}.`;
        process.stderr.write(`error: unknown step '${(0,neutralise/* neutralise */.$0)(command)}'.\n  How to fix: ${fix}\n`);
        return 2;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
        process.stdout.write(`${stepHelp(step.spec)}\n`);
        return 0;
    }
    if (rest.length === 0 && (0,ci_environment/* ciOf */.s)(process.env) !== undefined) {
        // A CI's conventions, as the step bundles follow them: inputs from INPUT_* variables, outputs
        // where the CI reads them (GitLab's dotenv report). The GitLab templates run the CLI so.
        await runStep(step);
        return process.exitCode === 1 ? 1 : 0;
    }
    if (process.env.GITOPS_PROMOTE_PLATFORM === 'gitlab') {
        process.stderr.write('error: flags given while GITOPS_PROMOTE_PLATFORM=gitlab selects the GitLab conventions (inputs from INPUT_<NAME> variables).\n  How to fix: pass the inputs as INPUT_<NAME> variables (the templates do), or unset GITOPS_PROMOTE_PLATFORM to use flags.\n');
        return 2;
    }
    let parsed;
    try {
        parsed = parseStepArguments(step.spec, rest);
    }
    catch (error) {
        process.stderr.write(`error: ${(0,neutralise/* neutralise */.$0)((0,errors/* describeError */.Uc)(error))}\n`);
        return 2;
    }
    const platform = new TerminalPlatform(parsed.inputs);
    for (const warning of parsed.warnings)
        platform.warning(warning);
    await runStep(step, platform, { flags: true });
    return process.exitCode === 1 ? 1 : 0;
}
main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
}, (error) => {
    process.stderr.write(`error: ${(0,neutralise/* neutralise */.$0)((0,errors/* describeError */.Uc)(error))}\n`);
    process.exitCode = 1;
});

