export const id = 960;
export const ids = [960];
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

/***/ 2574:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  x: () => (/* binding */ GitRepository),
  m: () => (/* binding */ fetchHint)
});

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 3 modules
var exec = __webpack_require__(1260);
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
    async exec(args, extraEnv = {}) {
        const env = gitEnvironment(process.env);
        Object.assign(env, { GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }, this.extraEnv, extraEnv);
        try {
            const result = await (0,exec/* getExecOutput */.H)('git', [...args], { cwd: this.workTree, env, silent: true, ignoreReturnCode: true });
            return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
        }
        catch (error) {
            throw new errors/* GitError */.XS(`Could not run git: ${error instanceof Error ? error.message : String(error)}.`, 'Install git and make sure it is on PATH.');
        }
    }
    /** Runs git and returns trimmed stdout; a non-zero exit becomes a GitError naming the command. */
    async run(args, hint = 'See the git message above.') {
        const result = await this.exec(args);
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

;// CONCATENATED MODULE: ./packages/core/src/git/push-race.ts
/**
 * Recognises a push that lost a race: the remote branch moved since we fetched. These are worth a
 * fetch-reset-reapply-retry; anything else (auth, network, protected branch) is not.
 */
const RACE_PATTERNS = [
    /non-fast-forward/i,
    /\(fetch first\)/i,
    /cannot lock ref/i,
    /incorrect old value provided/i, // GitLab's ref transaction message
    /failed to update ref/i,
    /reference already exists/i,
    /\[remote rejected\][^\n]*(?:stale|lock|failed to update)/i,
];
function isLostPushRace(output) {
    return RACE_PATTERNS.some((pattern) => pattern.test(output));
}
const AUTH_PATTERNS = [
    /authentication failed/i,
    /could not read username/i,
    /\b401\b/,
    /\b403\b/,
    /permission to .* denied/i,
    /write access to repository not granted/i,
];
function isAuthFailure(output) {
    return AUTH_PATTERNS.some((pattern) => pattern.test(output));
}

;// CONCATENATED MODULE: ./packages/core/src/git/git-repository.ts



/** The git operations the steps need, on one work tree, with remote auth applied per command. */
class GitRepository {
    remoteEnv;
    redact;
    git;
    constructor(workTree, remoteEnv = {}, redact = (text) => text) {
        this.remoteEnv = remoteEnv;
        this.redact = redact;
        this.git = new GitCommandManager(workTree, {}, redact);
    }
    static async open(path, remoteEnv, redact) {
        const probe = new GitCommandManager(path, {}, redact);
        const result = await probe.exec(['rev-parse', '--show-toplevel']);
        if (result.exitCode !== 0) {
            throw new errors/* GitError */.XS(`${path} is not inside a git work tree.`, "Check out the environment repository first (actions/checkout with 'repository:' and 'path:') and point 'path' at it, or set commit: false.");
        }
        // Commands run where the user pointed: pathspecs are then relative to `path`, like `files`.
        return new GitRepository(path, remoteEnv, redact);
    }
    /** Refuses a branch name git would refuse (or read as something else), before anything is committed. */
    async checkBranchName(branch) {
        const result = await this.git.exec(['check-ref-format', '--branch', branch]);
        if (result.exitCode !== 0 || result.stdout.trim() !== branch) {
            throw new errors/* GitError */.XS(`Input 'branch' is not a valid branch name: ${JSON.stringify(branch)} (git check-ref-format refuses it).`, 'Use a plain branch name such as main or env/dev: no spaces, `..`, `~^:?*[\\`, `@{`, leading `-`, or trailing `/`, `.` or `.lock`.');
        }
    }
    get workTree() {
        return this.git.workTree;
    }
    /** The checked-out branch, or undefined on a detached HEAD. */
    async currentBranch() {
        const result = await this.git.exec(['symbolic-ref', '--quiet', '--short', 'HEAD']);
        return result.exitCode === 0 ? result.stdout.trim() : undefined;
    }
    async resolve(rev) {
        return this.git.run(['rev-parse', '--verify', `${rev}^{commit}`]);
    }
    async head() {
        return this.git.run(['rev-parse', 'HEAD'], 'The repository has no commit yet; commit something first.');
    }
    async remoteUrl(remote) {
        return this.git.run(['remote', 'get-url', remote], `Add the remote: git remote add ${remote} <url>.`);
    }
    /** Paths among `files` (relative to the work tree) with uncommitted changes. */
    async dirtyFiles(files) {
        // exec, not run: run() trims, and the first entry's status may start with a space.
        const result = await this.git.exec(['status', '--porcelain=v1', '-z', '--', ...files]);
        if (result.exitCode !== 0)
            throw new errors/* GitError */.XS(`git status failed: ${this.redact(result.stderr.trim())}`, 'Check the repository.');
        return result.stdout
            .split('\0')
            .filter((line) => line.length > 3)
            .map((line) => line.slice(3));
    }
    /** Commits exactly `files` (other staged or modified paths stay out of the commit). */
    async commit(files, message, author) {
        const identity = author ? ['-c', `user.name=${author.name}`, '-c', `user.email=${author.email}`] : [];
        await this.git.run(['add', '--', ...files]);
        await this.git.run([...identity, 'commit', '--quiet', '--no-edit', '-m', message, '--only', '--', ...files], "If git says 'Author identity unknown', set the inputs author-name and author-email.");
        return this.head();
    }
    /** Takes `files` out of the index again (after a failed commit), leaving the work tree alone. */
    async unstage(files) {
        await this.git.exec(['reset', '--quiet', '--', ...files]);
    }
    async push(remote, branch) {
        const result = await this.git.exec(['push', '--porcelain', remote, `HEAD:refs/heads/${branch}`], this.remoteEnv);
        if (result.exitCode === 0)
            return { ok: true };
        const output = this.redact(`${result.stdout}\n${result.stderr}`);
        return { ok: false, race: isLostPushRace(output), message: summarize(output) };
    }
    /** Fetches `branch` and returns the remote tip, or undefined if the branch does not exist there. */
    async fetch(remote, branch) {
        const result = await this.git.exec(['fetch', '--quiet', '--no-tags', remote, `refs/heads/${branch}`], this.remoteEnv);
        if (result.exitCode !== 0) {
            const output = this.redact(result.stderr);
            if (/couldn't find remote ref/i.test(output))
                return undefined;
            throw new errors/* GitError */.XS(`git fetch ${remote} ${branch} failed: ${summarize(output)}`, fetchHint(output));
        }
        return this.git.run(['rev-parse', 'FETCH_HEAD']);
    }
    /**
     * The bytes of `file` (relative to the work tree) in commit `rev`, as UTF-8 text; undefined when
     * the commit has no such file. Reads the object database only: the work tree is not touched.
     */
    async fileAt(rev, file) {
        const result = await this.git.exec(['cat-file', 'blob', `${rev}:./${file}`]);
        return result.exitCode === 0 ? result.stdout : undefined;
    }
    /** Whether the object database has commit `sha` (a shallow or stale checkout may not). */
    async hasCommit(sha) {
        const result = await this.git.exec(['cat-file', '-e', `${sha}^{commit}`]);
        return result.exitCode === 0;
    }
    /** Fetches every branch of `remote`, so commits pushed since the checkout can be placed. */
    async fetchAll(remote) {
        const result = await this.git.exec(['fetch', '--quiet', '--no-tags', remote], this.remoteEnv);
        if (result.exitCode !== 0)
            throw new errors/* GitError */.XS(`git fetch ${remote} failed: ${summarize(this.redact(result.stderr))}`, fetchHint(result.stderr));
    }
    /** Whether `ancestor` is reachable from `rev` (equal counts). */
    async isAncestor(ancestor, rev) {
        const result = await this.git.exec(['merge-base', '--is-ancestor', ancestor, rev]);
        if (result.exitCode === 0)
            return true;
        if (result.exitCode === 1)
            return false;
        throw new errors/* GitError */.XS(`git merge-base failed: ${this.redact(result.stderr.trim())}`, 'Check the repository.');
    }
    /** Number of commits reachable from `rev` that `remoteTip` lacks. */
    async countMissing(rev, remoteTip) {
        return Number(await this.git.run(['rev-list', '--count', rev, '--not', remoteTip]));
    }
    /**
     * Moves HEAD to `rev`, keeping unrelated uncommitted work: `--keep` refuses instead of
     * overwriting a local change, where `--hard` would silently discard it.
     */
    async resetKeep(rev) {
        await this.git.run(['reset', '--quiet', '--keep', rev], 'Commit or stash local changes to the edited files, then run again.');
    }
}
function summarize(output) {
    const lines = output
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && line !== 'Done' && !line.startsWith('To '));
    return lines.slice(-4).join(' | ');
}
function fetchHint(output) {
    return isAuthFailure(output)
        ? "The remote refused the credentials: pass a token with write access to the environment repository in 'token' (GitHub: contents: write; GitLab: write_repository)."
        : 'Check the remote URL and the network, then run again.';
}


/***/ }),

/***/ 5988:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   He: () => (/* binding */ validateImageName),
/* harmony export */   Hx: () => (/* binding */ quoteForMessage),
/* harmony export */   fH: () => (/* binding */ isValidDigest),
/* harmony export */   my: () => (/* binding */ formatImageReference),
/* harmony export */   n2: () => (/* binding */ validateDigest),
/* harmony export */   o_: () => (/* binding */ parseImageReference),
/* harmony export */   z7: () => (/* binding */ validateTag)
/* harmony export */ });
/* unused harmony exports isValidTag, isValidImageName */
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7638);

// From the OCI distribution spec: a tag is at most 128 characters of [A-Za-z0-9_.-], not starting
// with `.` or `-`. The digest grammar admits any `algorithm:encoded`, but only sha256 and sha512
// are registered, and registries and clients reject the rest; a new digest must be one of those two
// (references already in a manifest are parsed whatever their digest, since they are only replaced).
const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST_PATTERN = /^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
// Lower-case path components separated by `/`, optionally behind a registry host[:port].
const NAME_PATTERN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
function parseImageReference(text) {
    let rest = text;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
    }
    // A colon after the last slash separates the tag; one before it belongs to a registry port.
    const colon = rest.lastIndexOf(':');
    let tag;
    if (colon > rest.lastIndexOf('/')) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
    }
    const ref = { name: rest };
    if (tag !== undefined)
        ref.tag = tag;
    if (digest !== undefined)
        ref.digest = digest;
    return ref;
}
function formatImageReference(ref) {
    return `${ref.name}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}
function isValidTag(tag) {
    return TAG_PATTERN.test(tag);
}
function isValidDigest(digest) {
    return DIGEST_PATTERN.test(digest);
}
function isValidImageName(name) {
    return name.length <= 255 && NAME_PATTERN.test(name);
}
/**
 * Shows a value inside an error message without letting control characters break the line or
 * drive the terminal: JSON escapes C0, and DEL and C1 (U+0080-U+009F, which include the 8-bit
 * CSI escape) are escaped the same way.
 */
function quoteForMessage(value) {
    return JSON.stringify(value).replace(/[\u007f-\u009f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
function validateImageName(name, inputName) {
    if (!isValidImageName(name)) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Input '${inputName}' is not a valid image name: ${quoteForMessage(name)}.`, `Give the repository part only, exactly as it appears in the manifests, e.g. 'ghcr.io/acme/payments' (no tag, no digest, lower case).`);
    }
}
function validateTag(tag, inputName) {
    if (!isValidTag(tag)) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Input '${inputName}' is not a valid OCI tag: ${quoteForMessage(tag)}.`, 'A tag is 1-128 characters of letters, digits, `_`, `.` and `-`, not starting with `.` or `-` (no spaces, newlines or shell characters).');
    }
}
function validateDigest(digest, inputName) {
    if (!isValidDigest(digest)) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Input '${inputName}' is not a valid OCI digest: ${quoteForMessage(digest)}.`, "Give 'sha256:' followed by 64 lower-case hex digits, or 'sha512:' followed by 128 (the only registered OCI algorithms), e.g. the 'digest' output of docker/build-push-action or `crane digest <image>`.");
    }
}


/***/ }),

/***/ 3388:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ markdownCode),
/* harmony export */   p: () => (/* binding */ markdownText)
/* harmony export */ });
/* harmony import */ var _neutralise__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3255);

/**
 * `text` as GitHub-flavoured Markdown that shows it literally inside a table cell, whatever a
 * repository put in it: a code span, so HTML, links, images, emphasis and mentions stay text; a
 * fence one backtick longer than any run of backticks inside, so none of them closes it; `|`
 * written `\|`, which the table parser honours inside code spans too; control characters and line
 * breaks shown escaped, so the row stays one line and no line of the summary starts with anything
 * but `|`.
 */
function markdownCode(text) {
    const shown = (0,_neutralise__WEBPACK_IMPORTED_MODULE_0__/* .escapeControls */ .UN)(text, { newlines: false }).replace(/\|/g, '\\|');
    // An empty code span is not one: two backticks would show as they are.
    if (shown === '')
        return '*(empty)*';
    const longestRun = Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longestRun + 1);
    // A backtick at either end would merge with the fence, and CommonMark strips one space from each
    // end of a span that has one at both: a space of padding each side keeps the content exact.
    const pad = /^[ `]|[ `]$/.test(shown) && !/^ +$/.test(shown) ? ' ' : '';
    return `${fence}${pad}${shown}${pad}${fence}`;
}
/**
 * Letters, digits and `/ . - _`, starting with a letter or digit: Markdown gives none of them a
 * meaning, except `_` next to anything but a letter or digit (emphasis) and a leading `www.`
 * (GitHub's autolinks).
 */
const PLAIN = /^[A-Za-z0-9][A-Za-z0-9/._-]*$/;
const MARKUP_IN_PLAIN = /(?:^|[^A-Za-z0-9])_|_(?:$|[^A-Za-z0-9])|^www\./i;
/** `text` as it is when Markdown reads it as plain text (an ordinary path), else as {@link markdownCode}. */
function markdownText(text) {
    return PLAIN.test(text) && !MARKUP_IN_PLAIN.test(text) ? text : markdownCode(text);
}


/***/ }),

/***/ 9363:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ selectFiles),
/* harmony export */   r: () => (/* binding */ splitList)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var tinyglobby__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3382);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7638);
/* harmony import */ var _image_reference__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5988);






/** Splits a `files` input: one entry per line or comma, blanks ignored. */
function splitList(input) {
    return input
        .split(/[\n,]/)
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '');
}
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/**
 * Resolves `files` entries (paths or globs, relative to `root`) to regular files inside `root`.
 * Refuses, before anything is written: a missing `root`, absolute paths, `..`, names holding
 * control characters, entries matching nothing, anything in a `.git` directory or a submodule's
 * `.git` file, and symlinks that lead outside the repository (a symlink inside it is edited at its
 * target). A glob obeys the same rules as a literal path: it never selects `.git` contents, and
 * matching a symlink out of the repository is an error, not a file quietly left out.
 */
async function selectFiles(root, entries) {
    const realRoot = await repositoryRoot(root);
    const selected = new Map();
    for (const entry of entries) {
        const posix = entry.replace(/\\/g, '/');
        refuseControlCharacters(entry, entry);
        if (node_path__WEBPACK_IMPORTED_MODULE_2___default().isAbsolute(entry) || node_path__WEBPACK_IMPORTED_MODULE_2___default().posix.isAbsolute(posix) || /^[A-Za-z]:/.test(posix)) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_3__/* .FileSelectionError */ .vO(`'files' entry ${(0,_image_reference__WEBPACK_IMPORTED_MODULE_4__/* .quoteForMessage */ .Hx)(entry)} is an absolute path.`, "Give paths relative to 'path' (the environment repository's checkout), e.g. 'envs/dev/kustomization.yaml'.");
        }
        if (posix.split('/').includes('..')) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_3__/* .FileSelectionError */ .vO(`'files' entry ${(0,_image_reference__WEBPACK_IMPORTED_MODULE_4__/* .quoteForMessage */ .Hx)(entry)} climbs out of the repository with '..'.`, "Point 'path' at the repository and give files relative to it.");
        }
        const dynamic = (0,tinyglobby__WEBPACK_IMPORTED_MODULE_5__/* .isDynamicPattern */ .ey)(posix);
        if (!dynamic && inGitDirectory(posix.split('/')))
            refuseGitInternals(entry, `${posix} is`);
        // The ignore list only prunes the walk; a pattern naming `.git` itself (`.x/.git/*`) can still
        // match there, so matches are filtered on their path too.
        const matches = dynamic ? (await globWithSymlinks(realRoot, posix)).filter((match) => !inGitDirectory(match.split('/'))) : [posix];
        const files = [];
        for (const match of matches.sort()) {
            refuseControlCharacters(match, entry);
            const file = await resolveInside(realRoot, match, entry, dynamic);
            if (file)
                files.push(file);
        }
        if (files.length === 0) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_3__/* .FileSelectionError */ .vO(`'files' entry ${(0,_image_reference__WEBPACK_IMPORTED_MODULE_4__/* .quoteForMessage */ .Hx)(entry)} matched no file under ${(0,_image_reference__WEBPACK_IMPORTED_MODULE_4__/* .quoteForMessage */ .Hx)(root)}.`, 'Check the path and the glob (globs are relative to `path`, skip .git and node_modules, and `**/*.yaml` spans subdirectories).');
        }
        for (const file of files)
            selected.set(file.absolute, file);
    }
    return [...selected.values()];
}
async function repositoryRoot(root) {
    const hint = "Set 'path' to the directory holding the environment repository's checkout (relative to the working directory), e.g. the `path:` given to actions/checkout.";
    let isDirectory;
    try {
        isDirectory = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(root)).isDirectory();
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            throw new _errors__WEBPACK_IMPORTED_MODULE_3__/* .FileSelectionError */ .vO(`path ${(0,_image_reference__WEBPACK_IMPORTED_MODULE_4__/* .quoteForMessage */ .Hx)(root)} does not exist.`, hint);
        throw new _errors__WEBPACK_IMPORTED_MODULE_3__/* .FileSelectionError */ .vO(`path ${(0,_image_reference__WEBPACK_IMPORTED_MODULE_4__/* .quoteForMessage */ .Hx)(root)} cannot be read (${code ?? 'unknown error'}).`, hint);
    }
    if (!isDirectory)
        throw new _errors__WEBPACK_IMPORTED_MODULE_3__/* .FileSelectionError */ .vO(`path ${(0,_image_reference__WEBPACK_IMPORTED_MODULE_4__/* .quoteForMessage */ .Hx)(root)} is a file, not a directory.`, hint);
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(root);
}
/**
 * `.git` in any letter case, with trailing dots or spaces, or as the 8.3 short name `git~1`: on
 * Windows and macOS file systems all of these open the same directory, which is why git itself
 * refuses such names in trees.
 */
function inGitDirectory(segments) {
    return segments.some((segment) => /^(?:\.git[. ]*|git~1)$/i.test(segment));
}
/** `what` ends in a verb: `lib/.git is`, `envs/x.yaml resolves to .git/config,`. */
function refuseGitInternals(entry, what) {
    throw new _errors__WEBPACK_IMPORTED_MODULE_3__/* .FileSelectionError */ .vO(`'files' entry ${(0,_image_reference__WEBPACK_IMPORTED_MODULE_4__/* .quoteForMessage */ .Hx)(entry)}: ${what} inside git's own data (a .git directory or a submodule's .git file).`, 'Name manifest files of the repository; git internals and submodule checkouts are never edited.');
}
/** A newline would split the name in git's output and our messages; other controls can drive the terminal. */
function refuseControlCharacters(name, entry) {
    if (!CONTROL.test(name))
        return;
    throw new _errors__WEBPACK_IMPORTED_MODULE_3__/* .FileSelectionError */ .vO(name === entry
        ? `'files' entry ${(0,_image_reference__WEBPACK_IMPORTED_MODULE_4__/* .quoteForMessage */ .Hx)(entry)} contains a control character.`
        : `'files' entry ${(0,_image_reference__WEBPACK_IMPORTED_MODULE_4__/* .quoteForMessage */ .Hx)(entry)} matches ${(0,_image_reference__WEBPACK_IMPORTED_MODULE_4__/* .quoteForMessage */ .Hx)(name)}, whose name contains a control character.`, 'Rename the file without newlines, tabs or other control characters, or narrow the glob so it does not match it.');
}
/**
 * tinyglobby with `followSymbolicLinks: false` leaves symlinks out of its results altogether, so a
 * glob could neither edit a link inside the repository nor notice one leading out of it. Reporting
 * each symlink as a plain file entry lets the glob match it by name without ever following it (a
 * linked directory is not walked); resolveInside then decides what the link may be.
 */
function globWithSymlinks(cwd, pattern) {
    return (0,tinyglobby__WEBPACK_IMPORTED_MODULE_5__/* .glob */ .TI)(pattern, {
        cwd,
        dot: false,
        onlyFiles: true,
        followSymbolicLinks: false,
        ignore: ['**/.git', '**/.git/**', '**/node_modules/**'],
        expandDirectories: false,
        fs: symlinksAsFiles,
    });
}
function readdirWithSymlinksAsFiles(dir, _options, callback) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir, { withFileTypes: true }, (error, entries) => {
        if (error) {
            callback(error, []);
            return;
        }
        for (const entry of entries) {
            if (!entry.isSymbolicLink())
                continue;
            entry.isFile = () => true;
            entry.isSymbolicLink = () => false;
        }
        callback(null, entries);
    });
}
const symlinksAsFiles = { readdir: readdirWithSymlinksAsFiles };
/**
 * The file `relative` names, at its real path. Undefined only for a glob match that is a symlink
 * to a directory in the repository: globs select files, as they do for real directories.
 * `relative` is printed as is: its characters were checked by refuseControlCharacters.
 */
async function resolveInside(realRoot, relative, entry, fromGlob) {
    const candidate = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(realRoot, relative);
    let real;
    try {
        real = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(candidate);
    }
    catch {
        const target = await linkTarget(candidate);
        throw new _errors__WEBPACK_IMPORTED_MODULE_3__/* .FileSelectionError */ .vO(target === undefined
            ? `'files' entry ${(0,_image_reference__WEBPACK_IMPORTED_MODULE_4__/* .quoteForMessage */ .Hx)(entry)}: ${relative} does not exist.`
            : `'files' entry ${(0,_image_reference__WEBPACK_IMPORTED_MODULE_4__/* .quoteForMessage */ .Hx)(entry)}: ${relative} is a symlink to ${(0,_image_reference__WEBPACK_IMPORTED_MODULE_4__/* .quoteForMessage */ .Hx)(target)}, which does not exist.`, 'Check the spelling and that the checkout (`path`) is the environment repository; fix or remove a broken symlink.');
    }
    const inside = node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(realRoot, real);
    if (inside === '' || inside.startsWith('..') || node_path__WEBPACK_IMPORTED_MODULE_2___default().isAbsolute(inside)) {
        const isLink = (await linkTarget(candidate)) !== undefined;
        throw new _errors__WEBPACK_IMPORTED_MODULE_3__/* .FileSelectionError */ .vO(`'files' entry ${(0,_image_reference__WEBPACK_IMPORTED_MODULE_4__/* .quoteForMessage */ .Hx)(entry)}: ${relative} ${isLink ? 'is a symlink leading' : 'leads through a symlink'} outside the repository, to ${(0,_image_reference__WEBPACK_IMPORTED_MODULE_4__/* .quoteForMessage */ .Hx)(real)}.`, 'Edit files that live in the repository; symlinks out of it are refused so a step cannot write elsewhere on the runner (narrow the glob if it should not match this link).');
    }
    const posixInside = inside.split((node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)).join('/');
    if (inGitDirectory(inside.split((node_path__WEBPACK_IMPORTED_MODULE_2___default().sep))))
        refuseGitInternals(entry, `${relative} resolves to ${(0,_image_reference__WEBPACK_IMPORTED_MODULE_4__/* .quoteForMessage */ .Hx)(posixInside)},`);
    const stats = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(real);
    if (!stats.isFile()) {
        if (fromGlob && stats.isDirectory())
            return undefined;
        throw new _errors__WEBPACK_IMPORTED_MODULE_3__/* .FileSelectionError */ .vO(`'files' entry ${(0,_image_reference__WEBPACK_IMPORTED_MODULE_4__/* .quoteForMessage */ .Hx)(entry)}: ${relative} is not a regular file.`, 'Name files, or use a glob such as `envs/dev/*.yaml` for a directory.');
    }
    return { relative: posixInside, absolute: real };
}
/** What the symlink at `file` points to, as written; undefined when `file` is not a symlink. */
async function linkTarget(file) {
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readlink)(file);
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 9032:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7638);

/** A true/false input as CI users write it (`true`, `yes`, `1`, `on`, and their opposites); '' is the default. */
function parseBoolean(value, name, fallback) {
    if (value === '')
        return fallback;
    if (/^(true|yes|1|on)$/i.test(value))
        return true;
    if (/^(false|no|0|off)$/i.test(value))
        return false;
    throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Input '${name}' must be true or false, got ${JSON.stringify(value)}.`, `Set ${name}: true or ${name}: false.`);
}


/***/ })

};
