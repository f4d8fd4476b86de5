export const id = 270;
export const ids = [270];
export const modules = {

/***/ 1853:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xr: () => (/* binding */ GitRepository),
  mh: () => (/* binding */ fetchHint)
});

// UNUSED EXPORTS: WITHOUT_HOOKS

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/git/git-command-manager.ts + 6 modules
var git_command_manager = __webpack_require__(6534);
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






/** Global options for a command that carries the token: nothing of the repository's gets to run. */
const WITHOUT_HOOKS = ['-c', 'core.hooksPath=/dev/null', '-c', 'credential.helper=', '-c', 'core.fsmonitor=false'];
/** The git operations the steps need, on one work tree, with remote auth applied per command. */
class GitRepository {
    remoteEnv;
    redact;
    git;
    constructor(workTree, remoteEnv = {}, redact = (text) => text) {
        this.remoteEnv = remoteEnv;
        this.redact = redact;
        this.git = new git_command_manager/* GitCommandManager */.bM(workTree, {}, redact);
    }
    /**
     * Runs a git command that talks to the remote. With a credential in `remoteEnv`, hooks are off
     * (`core.hooksPath` pointed at nothing) and no credential helper or fsmonitor runs: a pre-push or
     * reference-transaction hook would inherit the `GIT_CONFIG_VALUE_*` that carries the token.
     * Local commands (commit, its hooks included) never get the credential at all.
     */
    remoteExec(args) {
        const guarded = Object.keys(this.remoteEnv).length > 0 ? [...WITHOUT_HOOKS, ...args] : args;
        return this.git.exec(guarded, this.remoteEnv);
    }
    static async open(path, remoteEnv, redact) {
        const probe = new git_command_manager/* GitCommandManager */.bM(path, {}, redact);
        const result = await probe.exec(['rev-parse', '--show-toplevel']);
        if (result.exitCode !== 0) {
            throw new errors/* GitError */.XS(`${path} is not inside a git work tree.`, "Check out the environment repository first (actions/checkout with 'repository:' and 'path:') and point 'path' at it, or set commit: false.");
        }
        // Commands run where the user pointed: pathspecs are then relative to `path`, like `files`.
        return new GitRepository(path, remoteEnv, redact);
    }
    /**
     * A scratch repository in `dir` (an empty folder) whose `origin` is `url`: steps that work on
     * branches rather than on the user's checkout (a promotion branch, a base) fetch into it and
     * commit with plumbing, so nobody's checkout is touched. The URL holds no credential.
     */
    static async initScratch(dir, url, remoteEnv, redact) {
        const git = new git_command_manager/* GitCommandManager */.bM(dir, {}, redact);
        await git.run(['init', '--quiet']);
        await git.run(['remote', 'add', 'origin', url]);
        return new GitRepository(dir, remoteEnv, redact);
    }
    /**
     * Refuses a branch name git would refuse (or read as something else: an option, `@{-1}`), before
     * anything is fetched or pushed: the one check of every step's branch inputs, named by `input`.
     */
    async checkBranchName(branch, input = 'branch') {
        const result = await this.git.exec(['check-ref-format', '--branch', branch]);
        if (result.exitCode !== 0 || result.stdout.trim() !== branch) {
            throw new errors/* GitError */.XS(`Input '${input}' is not a valid branch name: ${JSON.stringify(branch)} (git check-ref-format refuses it).`, 'Use a plain branch name such as main or env/dev: no spaces, `..`, `~^:?*[\\`, `@{`, leading `-`, or trailing `/`, `.` or `.lock`.');
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
        const result = await this.remoteExec(['push', '--porcelain', remote, `HEAD:refs/heads/${branch}`]);
        if (result.exitCode === 0)
            return { ok: true };
        const output = this.redact(`${result.stdout}\n${result.stderr}`);
        return { ok: false, race: isLostPushRace(output), message: summarize(output) };
    }
    /** Fetches `branch` and returns the remote tip, or undefined if the branch does not exist there. */
    async fetch(remote, branch) {
        const result = await this.remoteExec(['fetch', '--quiet', '--no-tags', remote, `refs/heads/${branch}`]);
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
        const result = await this.remoteExec(['fetch', '--quiet', '--no-tags', remote]);
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
    /** Number of commits reachable from `rev` (in a shallow clone: those fetched). */
    async countCommits(rev) {
        return Number(await this.git.run(['rev-list', '--count', rev]));
    }
    /** Number of commits reachable from `rev` that `remoteTip` lacks. */
    async countMissing(rev, remoteTip) {
        return Number(await this.git.run(['rev-list', '--count', rev, '--not', remoteTip]));
    }
    /** The tips of `branches` on `remote` (undefined: no such branch), in one round trip. */
    async remoteTips(remote, branches) {
        const refs = branches.map((branch) => `refs/heads/${branch}`);
        const result = await this.remoteExec(['ls-remote', remote, ...refs]);
        if (result.exitCode !== 0) {
            const output = this.redact(result.stderr);
            throw new errors/* GitError */.XS(`git ls-remote ${remote} failed: ${summarize(output)}`, fetchHint(output));
        }
        const found = new Map();
        for (const line of result.stdout.split('\n')) {
            const [sha, ref] = line.split('\t');
            if (sha && ref)
                found.set(ref, sha);
        }
        return new Map(branches.map((branch) => [branch, found.get(`refs/heads/${branch}`)]));
    }
    /** Every branch `remote` has, by short name (`git ls-remote --heads`), in one round trip. */
    async remoteBranches(remote) {
        const result = await this.remoteExec(['ls-remote', '--heads', remote]);
        if (result.exitCode !== 0) {
            const output = this.redact(result.stderr);
            throw new errors/* GitError */.XS(`git ls-remote ${remote} failed: ${summarize(output)}`, fetchHint(output));
        }
        return result.stdout
            .split('\n')
            .map((line) => line.split('\t')[1] ?? '')
            .filter((ref) => ref.startsWith('refs/heads/'))
            .map((ref) => ref.slice('refs/heads/'.length));
    }
    /** Fetches `branches` into refs/remotes/<remote>/ (each must exist), so their commits can be read. */
    async fetchBranches(remote, branches) {
        if (branches.length === 0)
            return;
        const specs = branches.map((branch) => `+refs/heads/${branch}:refs/remotes/${remote}/${branch}`);
        const result = await this.remoteExec(['fetch', '--quiet', '--no-tags', remote, ...specs]);
        if (result.exitCode !== 0) {
            const output = this.redact(result.stderr);
            throw new errors/* GitError */.XS(`git fetch ${remote} ${branches.join(' ')} failed: ${summarize(output)}`, fetchHint(output));
        }
    }
    /** Where the work tree's commands run, relative to the repository root: '' or `sub/dir/`. */
    async prefix() {
        return this.git.run(['rev-parse', '--show-prefix']);
    }
    /** Checks out `sha` on a detached HEAD (scratch repositories only: the work tree is replaced). */
    async checkoutDetached(sha) {
        await this.git.run(['checkout', '--quiet', '--force', '--detach', sha]);
    }
    /** The newest commit reachable from `rev` that changed any of `paths`; undefined if none did. */
    async lastCommitTouching(rev, paths) {
        const sha = await this.git.run(['log', '-1', '--format=%H', rev, '--', ...paths]);
        return sha === '' ? undefined : sha;
    }
    /** Paths `sha` changes against its first parent. */
    async changedFiles(sha) {
        const out = await this.git.run(['diff-tree', '--no-commit-id', '--name-only', '-r', '--root', '-z', sha]);
        return out.split('\0').filter((name) => name !== '');
    }
    async treeOf(rev) {
        return this.git.run(['rev-parse', `${rev}^{tree}`]);
    }
    async parentsOf(rev) {
        const line = await this.git.run(['rev-list', '--parents', '-n', '1', rev]);
        return line.split(' ').slice(1);
    }
    /** Commits reachable from `head` but not from `exclude`, newest first. */
    async commitsOnlyIn(head, exclude) {
        return this.log([head, '--not', exclude]);
    }
    /**
     * Up to `max` commits reachable from `rev` that changed any of `paths`, newest first. With
     * `firstParent`, only the branch's own line is walked (a merge counts as one change against its
     * first parent), which is what the branch ran, one commit after another; without it, git's
     * history simplification may follow a merge's other side.
     */
    async commitsTouching(rev, paths, max, firstParent = false) {
        return this.log(['-n', String(max), ...(firstParent ? ['--first-parent'] : []), rev, '--', ...paths]);
    }
    /**
     * The commits among the last `window` commits of `rev` (all paths) that changed any of `paths`,
     * newest first: a read whose cost is bounded by `window`, however long the history.
     */
    async recentCommitsTouching(rev, paths, window) {
        const boundary = (await this.git.run(['rev-list', '--max-count=1', `--skip=${window - 1}`, rev])).trim();
        return this.log([rev, ...(boundary !== '' ? ['--not', `${boundary}^@`] : []), '--', ...paths]);
    }
    /** The newest commit reachable from `rev` whose change to `rootPath` adds or removes `needle` (git log -S). */
    async commitChanging(rev, rootPath, needle) {
        const [found] = await this.log(['-n', '1', `-S${needle}`, rev, '--', `:/${rootPath}`]);
        return found;
    }
    /** Like fileAt, with `rootPath` relative to the repository root rather than the work tree. */
    async rootFileAt(rev, rootPath) {
        const result = await this.git.exec(['cat-file', 'blob', `${rev}:${rootPath}`]);
        return result.exitCode === 0 ? result.stdout : undefined;
    }
    /** Whether the repository is a shallow clone (CI checkouts default to depth 1). */
    async isShallow() {
        return (await this.git.run(['rev-parse', '--is-shallow-repository'])) === 'true';
    }
    /** Fetches `by` more commits of history behind `branch` into a shallow clone. */
    async deepen(remote, branch, by) {
        const result = await this.remoteExec(['fetch', '--quiet', '--no-tags', `--deepen=${by}`, remote, `refs/heads/${branch}`]);
        if (result.exitCode !== 0) {
            const output = this.redact(result.stderr);
            throw new errors/* GitError */.XS(`git fetch --deepen=${by} ${remote} ${branch} failed: ${summarize(output)}`, fetchHint(output));
        }
    }
    async log(args) {
        const out = await this.git.run(['log', '--format=%H%x1f%an <%ae>%x1f%s%x1f%B%x1e', ...args]);
        return out
            .split('\x1e')
            .map((record) => record.replace(/^\n/, ''))
            .filter((record) => record !== '')
            .map((record) => {
            const [sha = '', author = '', subject = '', message = ''] = record.split('\x1f');
            return { sha, author, subject, message: message.trimEnd() };
        });
    }
    /**
     * Commits `files` onto `parent` without a work tree: the blobs are written, a private index is
     * read from `parent`'s tree and updated, and the tree committed. Modes (an executable script)
     * stay as `parent` has them.
     */
    async commitOnto(parent, files, message, author) {
        const indexDir = await (0,promises_.mkdtemp)(external_node_path_default().join((0,external_node_os_.tmpdir)(), 'gitops-promote-index-'));
        const env = { GIT_INDEX_FILE: external_node_path_default().join(indexDir, 'index') };
        try {
            await this.git.run(['read-tree', parent], undefined, env);
            for (const file of files) {
                const blob = await this.git.run(['hash-object', '-w', '--stdin'], undefined, {}, file.content);
                const listed = await this.git.run(['ls-tree', parent, '--', file.path]);
                const mode = /^(\d{6}) blob /.exec(listed)?.[1] ?? '100644';
                await this.git.run(['update-index', '--add', '--cacheinfo', `${mode},${blob},${file.path}`], undefined, env);
            }
            const tree = await this.git.run(['write-tree'], undefined, env);
            const identity = author
                ? { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email, GIT_COMMITTER_NAME: author.name, GIT_COMMITTER_EMAIL: author.email }
                : {};
            return await this.git.run(['commit-tree', tree, '-p', parent, '-F', '-'], "If git says 'Author identity unknown', set the inputs author-name and author-email.", identity, message);
        }
        finally {
            await (0,promises_.rm)(indexDir, { recursive: true, force: true });
        }
    }
    /**
     * Pushes `sha` to `branch` only if the remote branch is still at `expected` (undefined: only if
     * it does not exist yet), so a push never replaces anything this run did not see.
     */
    async pushLeased(remote, sha, branch, expected) {
        const ref = `refs/heads/${branch}`;
        const result = await this.remoteExec(['push', '--porcelain', `--force-with-lease=${ref}:${expected ?? ''}`, remote, `${sha}:${ref}`]);
        if (result.exitCode === 0)
            return { ok: true };
        const output = this.redact(`${result.stdout}\n${result.stderr}`);
        return { ok: false, race: /stale info/i.test(output) || isLostPushRace(output), message: summarize(output) };
    }
    /**
     * Deletes `branch` on `remote` only while it still points at `expected`, so a commit someone
     * pushed there since is never lost.
     */
    async deleteLeased(remote, branch, expected) {
        const ref = `refs/heads/${branch}`;
        const result = await this.git.exec(['push', '--porcelain', `--force-with-lease=${ref}:${expected}`, remote, `:${ref}`], this.remoteEnv);
        if (result.exitCode === 0)
            return { ok: true };
        const output = this.redact(`${result.stdout}\n${result.stderr}`);
        return { ok: false, race: /stale info/i.test(output) || isLostPushRace(output), message: summarize(output) };
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

/***/ 270:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runWaitArgocdHealthy: () => (/* binding */ runWaitArgocdHealthy)
});

// UNUSED EXPORTS: ApplicationNotReadyError

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/duration.ts
var duration = __webpack_require__(9713);
;// CONCATENATED MODULE: ./packages/core/src/argocd/errors.ts

/**
 * Every failure of an Argo CD request. `retryable` is the one thing a waiting step needs to decide
 * (as Kargo's steps do): true means the same request may succeed later (5xx, a dropped connection,
 * a timeout, a dropped watch stream), false means retrying cannot help until a person changes
 * something (credentials, RBAC, the application name, the CA, the request itself).
 *
 * Messages are built from redacted text only and no instance carries a `cause`, request headers or
 * the raw transport error, so printing or serialising one cannot leak a token or password.
 */
class ArgoCdError extends errors/* GitopsPromoteError */.$o {
    retryable;
    constructor(message, hint, retryable) {
        super(message, hint);
        this.retryable = retryable;
    }
}
/** True for an {@link ArgoCdError} that may succeed when the same request is sent again. */
function isRetryableArgoCdError(error) {
    return error instanceof ArgoCdError && error.retryable;
}
/** HTTP 401: the token (or the session obtained with username and password) was refused. Terminal. */
class ArgoCdAuthError extends ArgoCdError {
    status = 401;
    constructor(message, hint) {
        super(message, hint, false);
    }
}
/**
 * HTTP 403/404 on a named application. Argo CD answers 403 "permission denied" for an app that does
 * not exist unless `project` is passed, so the two cannot be told apart. Terminal.
 */
class ArgoCdAppNotFoundError extends ArgoCdError {
    application;
    status;
    constructor(message, hint, application, status) {
        super(message, hint, false);
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
    constructor(message, hint, status, serverMessage, grpcCode) {
        super(message, hint, false);
        this.status = status;
        this.serverMessage = serverMessage;
        this.grpcCode = grpcCode;
    }
}
/** HTTP 5xx, 408 or 429, or a watch stream that ended with such an error line. Retryable. */
class ArgoCdServerError extends ArgoCdError {
    status;
    serverMessage;
    constructor(message, hint, status, serverMessage) {
        super(message, hint, true);
        this.status = status;
        this.serverMessage = serverMessage;
    }
}
/** The server's certificate could not be verified (or the port does not speak TLS). Terminal. */
class ArgoCdTlsError extends ArgoCdError {
    code;
    constructor(message, hint, code) {
        super(message, hint, false);
        this.code = code;
    }
}
/**
 * The connection failed below HTTP: refused, reset, closed, unreachable. Retryable, except a host
 * name that does not resolve at all (ENOTFOUND), which is a typo far more often than an outage.
 */
class ArgoCdConnectionError extends ArgoCdError {
    code;
    constructor(message, hint, code, retryable) {
        super(message, hint, retryable);
        this.code = code;
    }
}
/** No complete answer within the per-request timeout. Retryable. */
class ArgoCdTimeoutError extends ArgoCdError {
    timeoutMs;
    constructor(message, hint, timeoutMs) {
        super(message, hint, true);
        this.timeoutMs = timeoutMs;
    }
}
/**
 * An open watch stream stopped delivering: `stalled` (no bytes for the stall timeout), `dropped`
 * (the connection broke mid-body) or `truncated` (it ended inside a line). Retryable: reconnect,
 * passing the last resourceVersion; the server resends the current object first as ADDED.
 */
class ArgoCdStreamError extends ArgoCdError {
    kind;
    constructor(message, hint, kind) {
        super(message, hint, true);
        this.kind = kind;
    }
}
/**
 * A 2xx answer that is not what the API documents (not JSON, not an object, an Application without
 * a name). Usually the server URL points at something else (a login page, a proxy). Terminal.
 */
class ArgoCdProtocolError extends ArgoCdError {
    constructor(message, hint) {
        super(message, hint, false);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/argocd/classify.ts


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
        return new ArgoCdAppNotFoundError(safe(`Argo CD application '${application}' not found or not permitted (${request(context)} on ${context.host} answered ${answered}).`), safe(`Check the application name and its namespace (appNamespace). Set \`project\` to the app's project so that a missing app answers 404 instead of a bare 403, and make sure the account's RBAC allows \`applications, get\` (and \`sync\` to sync) on <project>/${application}.`), application, status);
    }
    if (status >= 500 || status === 408 || status === 429) {
        return new ArgoCdServerError(safe(`Argo CD at ${context.host} failed ${request(context)} (${answered}).`), 'A server-side or overload failure; the step retries. If it persists, check the argocd-server and repo-server logs.', status, server.message);
    }
    return new ArgoCdRequestError(safe(`Argo CD at ${context.host} refused ${request(context)} (${answered}).`), safe(refusalHint(status, server.message)), status, server.message, server.grpcCode);
}
function authError(answered, context, safe) {
    switch (context.credential) {
        case 'password':
            return new ArgoCdAuthError(safe(`Argo CD at ${context.host} refused the username and password (${request(context)} answered ${answered}).`), 'Check the username and password. A local account needs the `login` capability (accounts.<name>: login in argocd-cm); an SSO-only Argo CD needs a token instead.');
        case 'session':
            return new ArgoCdAuthError(safe(`Argo CD at ${context.host} refused the session obtained with username and password (${request(context)} answered ${answered}).`), 'The session was refused right after logging in: check that the account is enabled and that the server clock and its token signing key (server.secretkey) are not changing.');
        case 'token':
            return new ArgoCdAuthError(safe(`Argo CD at ${context.host} refused the token: token invalid or expired (${request(context)} answered ${answered}).`), 'Create a new token (`argocd account generate-token --account <ci-account>`, or a project role token), store it in the CI secret the step reads, and give it an expiry longer than your release cadence.');
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
        return new ArgoCdTlsError(safe(`TLS verification of Argo CD at ${context.host} failed: ${tls} (${message}).`), safe(hint), tls);
    }
    const code = codes.find((entry) => entry !== 'UND_ERR') ?? codes[0];
    const what = code ? `${code}: ${message}` : message || 'unknown error';
    if (code === 'ENOTFOUND') {
        return new ArgoCdConnectionError(safe(`Argo CD host ${hostname} does not resolve (${what}).`), 'Check the server URL for a typo, and that the runner can resolve that name.', code, false);
    }
    return new ArgoCdConnectionError(safe(`Cannot reach Argo CD at ${context.host} for ${request(context)} (${what}).`), 'A network failure; the step retries. If it persists, check the server URL and port, and any proxy or firewall between the runner and Argo CD.', code, true);
}
function timeoutError(context, timeoutMs) {
    const hint = context.refresh
        ? 'A refresh GET waits until the application controller has compared the app with git; raise the timeout or check the controller (and repo-server) if it is slow.'
        : 'The step retries; if it persists, check the server and the network between the runner and Argo CD.';
    return new ArgoCdTimeoutError(oneLine(`Argo CD at ${context.host} did not answer ${request(context)} within ${(0,duration/* formatDuration */.a)(timeoutMs)}.`), hint, timeoutMs);
}

// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(4371);
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
/** Sends the request and reads the whole body, all within `timeoutMs`. */
async function exchange(agent, call) {
    return withDeadline(call, async (signal) => {
        const response = await send(agent, call, signal);
        return { status: response.statusCode, contentType: contentType(response.headers), text: await response.body.text() };
    });
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
        return { status: response.statusCode, contentType: type, text: await response.body.text() };
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
            throw timeoutError(call.context, call.timeoutMs);
        if (error instanceof ArgoCdError)
            throw error;
        throw errorForTransport(error, call.context, call.redact);
    }
    finally {
        clearTimeout(timer);
    }
}
function contentType(headers) {
    const value = headers['content-type'];
    return (Array.isArray(value) ? value[0] : value) ?? '';
}

;// CONCATENATED MODULE: ./packages/core/src/argocd/parse.ts

const HINT = 'Point the server URL at the Argo CD API server itself (the address `argocd login` uses), not at a login page or a proxy in front of the UI.';
function parseJson(text, where) {
    try {
        return JSON.parse(text);
    }
    catch {
        throw new ArgoCdProtocolError(`${where} answered with something that is not JSON.`, HINT);
    }
}
function parseApplication(value, where) {
    const root = requireObject(value, where, 'an Application');
    const metadata = object(root.metadata);
    const name = string(metadata?.name);
    if (name === undefined) {
        throw new ArgoCdProtocolError(`${where} answered with an Application that has no metadata.name.`, HINT);
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
        },
        spec: {
            project: string(spec?.project),
            source: source(spec?.source),
            sources: list(spec?.sources, source),
            syncPolicy: automated
                ? {
                    automated: {
                        enabled: parse_boolean(automated.enabled),
                        prune: parse_boolean(automated.prune),
                        selfHeal: parse_boolean(automated.selfHeal),
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
        },
    };
}
function parseApplicationList(value, where) {
    const root = requireObject(value, where, 'an ApplicationList');
    // Go encodes an empty list as null; anything else that is not a list is not a list answer.
    if (root.items !== undefined && root.items !== null && !Array.isArray(root.items)) {
        throw new ArgoCdProtocolError(`${where} answered with an ApplicationList whose items is not a list.`, HINT);
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
        throw new ArgoCdProtocolError(`${where} sent a line with neither "result" nor "error".`, HINT);
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
        throw new ArgoCdProtocolError(`${where} answered with ${describeJson(value)} where ${what} (a JSON object) belongs.`, HINT);
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
function parse_boolean(value) {
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
                dryRun: parse_boolean(sync.dryRun),
                prune: parse_boolean(sync.prune),
            }
            : undefined,
        initiatedBy: initiatedBy
            ? { username: string(initiatedBy.username), automated: parse_boolean(initiatedBy.automated) }
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

// EXTERNAL MODULE: ./packages/core/src/platform/platform.ts
var platform = __webpack_require__(7110);
;// CONCATENATED MODULE: ./packages/core/src/argocd/secrets.ts

/**
 * The client's own redaction of the credentials it holds (token, password, session token). The
 * caller's `redact` may not know the session token, which only exists after logging in, and a
 * server echoing a request may escape what it echoes; so every spelling is removed here first.
 */
/** A credential as it may appear in text: as is, JSON-escaped, percent-encoded. */
function secretForms(secret) {
    if (secret === '')
        return [];
    return [...new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])];
}
/** A redactor holding every spelling of `secret`; more are added as credentials appear (a session). */
function redactorFor(secret) {
    const redactor = new platform/* SecretRedactor */.pE();
    addSecret(redactor, secret);
    return redactor;
}
function addSecret(redactor, secret) {
    for (const form of secretForms(secret))
        redactor.add(form);
}

;// CONCATENATED MODULE: ./packages/core/src/argocd/stream.ts




const RECONNECT = 'Proxies and load balancers drop idle or long-lived streams; the step reconnects from the last resourceVersion, and the server resends the current state first.';
async function* jsonLines(body, options) {
    const decoder = new TextDecoder('utf-8');
    const iterator = body[Symbol.asyncIterator]();
    const stallMs = options.stallTimeoutMs ?? 0;
    let stalled = false;
    let timer;
    let pending = '';
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
                throw interrupted(error, stalled, stallMs, pending, options);
            }
            finally {
                clearTimeout(timer);
            }
            if (next.done)
                break;
            pending += typeof next.value === 'string' ? next.value : decoder.decode(next.value, { stream: true });
            let newline = pending.indexOf('\n');
            while (newline >= 0) {
                const line = pending.slice(0, newline).trim();
                pending = pending.slice(newline + 1);
                if (line !== '')
                    yield { value: parseJson(line, capitalised(options.source)), terminated: true, text: line };
                newline = pending.indexOf('\n');
            }
        }
        const tail = (pending + decoder.decode()).trim();
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
/** Turns an error thrown while waiting for bytes into the caller's reason or a dropped stream. */
function interrupted(error, stalled, stallMs, pending, options) {
    if (options.signal?.aborted)
        return options.signal.reason;
    if (stalled) {
        return new ArgoCdStreamError(`${capitalised(options.source)} sent nothing for ${(0,duration/* formatDuration */.a)(stallMs)}; treating it as dropped.`, RECONNECT, 'stalled');
    }
    if (error instanceof ArgoCdError)
        return error;
    const fields = typeof error === 'object' && error !== null ? error : {};
    const code = typeof fields.code === 'string' ? `${fields.code}: ` : '';
    const message = typeof fields.message === 'string' ? fields.message : String(error);
    const partial = pending.trim() === '' ? '' : ` with ${Buffer.byteLength(pending)} bytes of an unfinished line discarded`;
    return new ArgoCdStreamError(oneLine(options.redact(`${capitalised(options.source)} broke (${code}${message})${partial}.`)), RECONNECT, 'dropped');
}
function truncated(tail, options) {
    return new ArgoCdStreamError(`${capitalised(options.source)} ended in the middle of a line (${Buffer.byteLength(tail)} bytes unparsed).`, RECONNECT, 'truncated');
}
function capitalised(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

;// CONCATENATED MODULE: ./packages/core/src/argocd/client.ts







const DEFAULT_TIMEOUT_MS = 30_000;
class ArgoCdClient {
    options;
    base;
    agent;
    timeoutMs;
    secrets;
    session;
    constructor(options) {
        this.options = options;
        this.secrets = redactorFor('token' in options.credentials ? options.credentials.token : options.credentials.password);
        this.base = serverUrl(options.server, (text) => this.redact(text));
        validateCredentials(options.credentials);
        if (options.caCert !== undefined && !options.caCert.includes('-----BEGIN CERTIFICATE-----')) {
            throw new errors/* InputError */.dz('The Argo CD CA certificate (`ca-cert`) is not PEM text.', 'Give the CA certificate itself, starting with -----BEGIN CERTIFICATE-----.');
        }
        this.timeoutMs = validTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
        this.agent = createAgent({ caCert: options.caCert, insecure: options.insecure });
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
        return parseApplication(value, this.where('GET', path));
    }
    async listApplications(options = {}) {
        const path = '/api/v1/applications';
        const { selector, projects, appNamespace } = options;
        const value = await this.json({ method: 'GET', path, query: { selector, projects, appNamespace }, options });
        return parseApplicationList(value, this.where('GET', path));
    }
    async resourceTree(name, options = {}) {
        const path = `/api/v1/applications/${encodeURIComponent(name)}/resource-tree`;
        const { appNamespace, project } = options;
        const value = await this.json({ method: 'GET', path, query: { appNamespace, project }, application: name, options });
        return parseResourceTree(value, this.where('GET', path));
    }
    /** Starts a sync; resolves with the Application as the server stored the new operation. */
    async sync(name, options = {}) {
        const path = `/api/v1/applications/${encodeURIComponent(name)}/sync`;
        const { appNamespace, project, revision, revisions, sourcePositions, prune, dryRun } = options;
        const body = { name, appNamespace, project, revision, revisions, sourcePositions, prune, dryRun };
        const value = await this.json({ method: 'POST', path, body, application: name, options });
        return parseApplication(value, this.where('POST', path));
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
        const single = names.length === 1 ? names[0] : undefined;
        const path = '/api/v1/stream/applications';
        const { selector, projects, appNamespace, resourceVersion, signal, timeoutMs } = options;
        const spec = {
            method: 'GET',
            path,
            query: { name: single, selector, projects, appNamespace, resourceVersion },
            application: single,
            options: { signal, timeoutMs },
        };
        const { result, context } = await this.authorised(spec, (call) => openStream(this.agent, call));
        const where = this.where('GET', path);
        const source = `the watch stream from ${this.base.host}`;
        const lines = jsonLines(result.body, {
            stallTimeoutMs: options.stallTimeoutMs,
            signal,
            source,
            redact: (text) => this.redact(text),
        });
        const wanted = names.length > 1 ? new Set(names) : undefined;
        for await (const line of lines) {
            const parsed = line.terminated ? parseWatchLine(line.value, where) : unterminated(line, where, source);
            if (parsed.kind === 'error')
                throw errorForStreamLine(parsed.error, context, (text) => this.redact(text));
            if (parsed.kind === 'event' && (!wanted || wanted.has(parsed.event.application.metadata.name)))
                yield parsed.event;
        }
    }
    async json(spec) {
        const { result } = await this.authorised(spec, (call) => exchange(this.agent, call));
        return parseJson(result.text, this.where(spec.method, spec.path));
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
            if (result.status >= 200 && result.status < 300)
                return { result, context: call.context };
            if (result.status === 401 && session !== undefined && refused === undefined) {
                refused = session;
                continue;
            }
            const text = 'text' in result ? result.text : '';
            throw errorForStatus(result.status, readServerMessage(text, result.contentType, call.redact), call.context, call.redact);
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
        if (answer.status < 200 || answer.status >= 300) {
            throw errorForStatus(answer.status, readServerMessage(answer.text, answer.contentType, call.redact), call.context, call.redact);
        }
        const value = parseJson(answer.text, this.where('POST', path));
        const token = typeof value === 'object' && value !== null ? value.token : undefined;
        if (typeof token !== 'string' || token === '') {
            throw new ArgoCdProtocolError(`${this.where('POST', path)} answered without a session token.`, 'Point the server URL at the Argo CD API server itself.');
        }
        addSecret(this.secrets, token);
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
/** The final text of a stream without its newline: only an error line is taken as complete. */
function unterminated(line, where, source) {
    let parsed;
    try {
        parsed = parseWatchLine(line.value, where);
    }
    catch {
        parsed = undefined;
    }
    if (parsed?.kind === 'error')
        return parsed;
    throw truncated(line.text, { source });
}
function serverUrl(server, redact) {
    const hint = 'Write it as https://argocd.example.com (add the path prefix of a server run with --rootpath; http:// only without TLS).';
    let url;
    try {
        url = new URL(server.trim());
    }
    catch {
        throw new errors/* InputError */.dz(`The Argo CD server URL is not a URL: ${JSON.stringify(redact(server))}.`, hint);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new errors/* InputError */.dz(`The Argo CD server URL must start with https:// or http://, not ${url.protocol}//.`, hint);
    }
    if (url.username !== '' || url.password !== '') {
        // Not echoed: the part before @ is a credential.
        throw new errors/* InputError */.dz('The Argo CD server URL carries credentials (user:password@).', 'Remove them from the URL and pass a token, or a username and password, as their own inputs.');
    }
    if (url.search !== '' || url.hash !== '') {
        throw new errors/* InputError */.dz(`The Argo CD server URL must not have a query or fragment: ${JSON.stringify(redact(server))}.`, hint);
    }
    return url;
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

;// CONCATENATED MODULE: ./packages/core/src/argocd/sources.ts
function sourceLayout(app) {
    const multiSource = app.spec.sources.length > 0;
    return { multiSource, sources: multiSource ? app.spec.sources : [app.spec.source ?? {}] };
}
/** The indexes a selector picks, or a sentence saying why it picks none (a configuration error). */
function selectSources(layout, selector) {
    const all = layout.sources.map((_, index) => index);
    if (selector === undefined)
        return { indexes: all };
    if ('index' in selector) {
        const count = layout.sources.length;
        if (Number.isInteger(selector.index) && selector.index >= 0 && selector.index < count)
            return { indexes: [selector.index] };
        return { problem: `source index ${selector.index} does not exist: the app has ${count} source${count === 1 ? '' : 's'} (indexes start at 0)` };
    }
    const wanted = normaliseRepoURL(selector.repoURL);
    const indexes = all.filter((index) => normaliseRepoURL(layout.sources[index]?.repoURL ?? '') === wanted);
    if (indexes.length > 0)
        return { indexes };
    const known = layout.sources.map((source) => source.repoURL ?? '(none)').join(', ');
    return { problem: `no source of the app has repoURL ${selector.repoURL} (its sources: ${known})` };
}
/** `git@GitHub.com:org/repo.git`, `https://github.com/org/repo/` and `ssh://git@github.com/org/repo` are one repository. */
function normaliseRepoURL(url) {
    return url
        .trim()
        .toLowerCase()
        .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
        .replace(/^[^@/]*@/, '')
        .replace(/^([^/:]+):(?!\d+(?:\/|$))/, '$1/')
        .replace(/\/+$/, '')
        .replace(/\.git$/, '');
}
/** `revision` or `revisions[index]`, whichever the layout uses; `undefined` when not reported. */
function revisionAt(layout, single, list, index) {
    const value = layout.multiSource ? list[index] : index === 0 ? single : undefined;
    return value === '' ? undefined : value;
}
/** How the status field is spelled in messages: `sync.revision` or `sync.revisions[1]`. */
function revisionField(layout, field, index) {
    return layout.multiSource ? `${field}.revisions[${index}]` : `${field}.revision`;
}
/**
 * The commit an operation worked on for one source: the resolved `syncResult` first, else what was
 * requested (which may be a branch or `HEAD`, and then matches no expected commit).
 */
function operationRevisionAt(layout, state, index) {
    const result = state.syncResult;
    const requested = state.operation?.sync;
    return ((result ? revisionAt(layout, result.revision, result.revisions, index) : undefined) ??
        (requested ? revisionAt(layout, requested.revision, requested.revisions, index) : undefined));
}
/** A 40-hex commit reads better as its 7-character abbreviation; chart versions stay whole. */
function sources_short(revision) {
    return /^[0-9a-f]{40,64}$/i.test(revision) ? revision.slice(0, 7) : revision;
}

;// CONCATENATED MODULE: ./packages/core/src/argocd/assess-text.ts

/** Why none of the selected sources is at the expected commit yet. */
function describeRevisionGap(layout, compared, expected, matcher) {
    const want = sources_short(expected);
    const field = (entry) => revisionField(layout, 'sync', entry.index);
    const unplaced = compared.filter((entry) => entry.revision !== undefined && matcher.unknown.includes(entry.revision));
    if (unplaced.length > 0) {
        const which = unplaced.map((entry) => `${field(entry)} ${sources_short(entry.revision ?? '')}`).join(', ');
        return `cannot tell yet whether ${which} descends from ${want} (that commit is not in the checkout yet)`;
    }
    const [only] = compared;
    if (compared.length === 1 && only) {
        return only.revision === undefined
            ? `${field(only)} is not set yet (Argo CD has not compared the app), waiting for ${want}`
            : `${field(only)} is ${sources_short(only.revision)}, waiting for ${want}`;
    }
    const seen = compared.map((entry) => `${field(entry)} ${entry.revision === undefined ? 'not set' : sources_short(entry.revision)}`);
    return `no source is at ${want} yet (${seen.join(', ')})`;
}
/** `operation Running (syncing 2222222)`, `operation queued (dry-run sync of 041eab7)`. */
function describeOperation(app, layout, indexes) {
    const state = app.status.operationState;
    const active = state !== undefined && (state.phase === 'Running' || state.phase === 'Terminating');
    const requested = app.operation?.sync;
    const revision = indexes
        .map((index) => active && state
        ? operationRevisionAt(layout, state, index)
        : requested
            ? revisionAt(layout, requested.revision, requested.revisions, index)
            : undefined)
        .find((entry) => entry !== undefined);
    const dryRun = (active ? state?.operation?.sync?.dryRun : requested?.dryRun) ? 'dry-run ' : '';
    if (active && state) {
        const retry = state.retryCount ? `, retry ${state.retryCount}${state.message ? `: ${state.message}` : ''}` : '';
        const what = revision ? `${dryRun}syncing ${sources_short(revision)}` : `${dryRun}syncing`;
        return `operation ${state.phase} (${what}${retry})`;
    }
    return `operation queued (${dryRun}sync${revision ? ` of ${sources_short(revision)}` : ''})`;
}
function describeSyncStatus(app) {
    const status = app.status.sync.status;
    if (status === undefined)
        return 'sync.status is not known yet (Argo CD has not reconciled the app)';
    const automated = app.spec.syncPolicy?.automated;
    if (status === 'OutOfSync' && (!automated || automated.enabled === false)) {
        return 'sync.status is OutOfSync (automated sync is off: someone must sync the app)';
    }
    return `sync.status is ${status}`;
}
function describeHealth(app) {
    const { status, message } = app.status.health;
    const detail = message ? `: ${message}` : '';
    switch (status) {
        case undefined:
            return 'health is not assessed yet';
        case 'Suspended':
            return `health is Suspended (a paused rollout or suspended resource waits to be resumed)${detail}`;
        case 'Missing':
            return `health is Missing (resources not created yet)${detail}`;
        default:
            return `health is ${status}${detail}`;
    }
}
function describeConditions(conditions) {
    return conditions.map((condition) => (condition.message ? `${condition.type}: ${condition.message}` : condition.type)).join('; ');
}

;// CONCATENATED MODULE: ./packages/core/src/argocd/revision-match.ts
const COMMIT = /^[0-9a-f]{7,64}$/i;
function revisionMatcher(expected, isDescendant) {
    const unknown = [];
    const classify = (candidate) => {
        if (candidate === undefined || candidate === '')
            return 'absent';
        if (sameCommit(candidate, expected))
            return 'exact';
        if (!isDescendant || !COMMIT.test(candidate) || !COMMIT.test(expected))
            return 'other';
        const answer = isDescendant(candidate, expected);
        if (answer === undefined) {
            if (!unknown.includes(candidate))
                unknown.push(candidate);
            return 'unknown';
        }
        return answer ? 'descendant' : 'other';
    };
    return {
        classify,
        matches: (candidate) => {
            const match = classify(candidate);
            return match === 'exact' || match === 'descendant';
        },
        unknown,
    };
}
/** Case-insensitive; an abbreviated expected commit (7+ hex digits) matches the full one it starts. */
function sameCommit(candidate, expected) {
    const have = candidate.toLowerCase();
    const want = expected.toLowerCase();
    if (have === want)
        return true;
    return COMMIT.test(want) && COMMIT.test(have) && want.length < have.length && have.startsWith(want);
}

;// CONCATENATED MODULE: ./packages/core/src/argocd/assess.ts




function assess(app, expectation, context) {
    const name = app.metadata.name;
    if (app.metadata.deletionTimestamp !== undefined) {
        return failure(`${name}: the application is being deleted (since ${app.metadata.deletionTimestamp})`);
    }
    const invalidSpec = app.status.conditions.filter((condition) => condition.type === 'InvalidSpecError');
    if (invalidSpec.length > 0)
        return failure(`${name}: ${describeConditions(invalidSpec)}`);
    const result = expectation.revision === undefined
        ? assessAppWait(app, expectation, context)
        : assessRevision(app, expectation.revision, expectation, context);
    return result.state === 'waiting' && !result.memory.degraded ? { ...result, memory: carried(context) } : result;
}
function assessRevision(app, expected, expectation, context) {
    const name = app.metadata.name;
    const layout = sourceLayout(app);
    const selected = selectSources(layout, expectation.source);
    if ('problem' in selected)
        return failure(`${name}: ${selected.problem}`);
    const matcher = revisionMatcher(expected, context.isDescendant);
    const { status } = app;
    const compared = comparedRevisions(app, layout, selected.indexes);
    const ours = compared.flatMap((entry) => (matcher.matches(entry.revision) ? [{ index: entry.index, revision: entry.revision }] : []));
    const state = status.operationState;
    const idle = app.operation === undefined;
    const want = sources_short(expected);
    const finish = (result) => ({
        ...result,
        unknownAncestry: [...matcher.unknown],
    });
    if (idle && state && isFailedPhase(state.phase)) {
        // Once a newer commit is compared for that source, a sync of it may still fix things: wait.
        const attempted = compared
            .map((entry) => ({ entry, tried: operationRevisionAt(layout, state, entry.index) }))
            .find(({ entry, tried }) => matcher.matches(tried) && (entry.revision === undefined || sameCommit(entry.revision, tried)))?.tried;
        if (attempted !== undefined) {
            return finish(failureResult(`${name}: the sync of ${sources_short(attempted)} ended ${state.phase}: ${state.message ?? 'no message'}`, attempted));
        }
    }
    const errors = errorConditions(app);
    const comparedOurs = ours.length > 0 || (compared.every((entry) => entry.revision === undefined) && reconciledSince(status.reconciledAt, context.since));
    if (errors.length > 0 && comparedOurs) {
        return finish(failureResult(`${name}: ${describeConditions(errors)}`, ours[0]?.revision));
    }
    // Shown while waiting: an error that may belong to the commit X replaces, or a failed older sync.
    const notes = [];
    if (errors.length > 0)
        notes.push(`${describeConditions(errors)} (reported before ${want} was compared)`);
    if (!idle)
        return finish(waitingResult(name, describeOperation(app, layout, selected.indexes), notes));
    const [first] = ours;
    if (first === undefined)
        return finish(waitingResult(name, describeRevisionGap(layout, compared, expected, matcher), notes));
    const revision = first.revision;
    if (state) {
        // Synced at X after a sync that succeeded: the live state is X's manifests. When X left this
        // app's manifests unchanged, Argo CD starts no sync, so the last syncResult stays on an older
        // commit; waiting for one would never end (a selector spanning apps whose files this commit
        // did not touch). A failed last sync is not excused: its hooks (smoke tests) may have failed.
        // Rule 4's reconcile-after-finish check still applies.
        const unchangedByX = status.sync.status === 'Synced' && state.phase === 'Succeeded';
        const unmet = unchangedByX ? undefined : operationStateGap(state, layout, ours, matcher, want);
        if (unmet !== undefined)
            return finish({ ...waitingResult(name, unmet, notes), revision });
        if (!reconciledAfter(status.reconciledAt, state.finishedAt)) {
            const last = status.reconciledAt ? `last reconcile at ${status.reconciledAt}` : 'no reconcile recorded';
            return finish({ ...waitingResult(name, `waiting for a reconcile after the sync finished at ${state.finishedAt} (${last})`, notes), revision });
        }
    }
    // Our commit is applied: from here on Degraded is ours.
    const key = ours.map((entry) => entry.revision).join(',');
    if (status.health.status === 'Degraded') {
        return finish(degraded(app, key, `${sources_short(revision)} was applied`, expectation, context, revision));
    }
    if (status.sync.status !== 'Synced')
        return finish({ ...waitingResult(name, describeSyncStatus(app), notes), revision });
    if (status.health.status !== 'Healthy')
        return finish({ ...waitingResult(name, describeHealth(app), notes), revision });
    const descendant = matcher.classify(revision) === 'descendant' ? `, a descendant of ${want}` : '';
    return finish({ state: 'success', reason: `${name} runs ${sources_short(revision)}${descendant} (Synced, Healthy)`, memory: {}, unknownAncestry: [], revision });
}
/** Rule 4 before the reconcile check: the last operation succeeded, for our commit. */
function operationStateGap(state, layout, ours, matcher, want) {
    const synced = ours.map((entry) => (state.syncResult ? revisionAt(layout, state.syncResult.revision, state.syncResult.revisions, entry.index) : undefined));
    if (state.phase !== 'Succeeded') {
        const of = synced.find((entry) => entry !== undefined) ?? operationRevisionAt(layout, state, ours[0]?.index ?? 0);
        const what = `last operation ${state.phase ?? 'has no phase'}${of ? ` (revision ${sources_short(of)})` : ''}`;
        return isFailedPhase(state.phase)
            ? `${what}: ${state.message ?? 'no message'}; waiting for a sync of ${want}`
            : `${what}, waiting for it to finish`;
    }
    if (synced.some((entry) => matcher.matches(entry)))
        return undefined;
    const last = synced.find((entry) => entry !== undefined);
    // Argo CD only syncs when the commit changes this app's manifests; say so, or the wait looks stuck.
    return `${last ? `last sync was of ${sources_short(last)}` : 'last sync recorded no revision'}, waiting for a sync of ${want} (none starts if ${want} leaves this app's manifests unchanged)`;
}
function assessAppWait(app, expectation, context) {
    const name = app.metadata.name;
    const layout = sourceLayout(app);
    const indexes = layout.sources.map((_, index) => index);
    const { status } = app;
    const compared = comparedRevisions(app, layout, indexes);
    const current = compared.map((entry) => entry.revision).filter((entry) => entry !== undefined);
    const state = status.operationState;
    const idle = app.operation === undefined;
    const revision = current[0];
    // Without X, "ours" is what the app compares now: an operation that failed on that commit.
    if (idle && state && isFailedPhase(state.phase)) {
        const attempted = indexes
            .map((index) => operationRevisionAt(layout, state, index))
            .find((entry) => entry !== undefined && current.some((now) => sameCommit(entry, now)));
        if (attempted !== undefined) {
            return failureResult(`${name}: the sync of ${sources_short(attempted)} ended ${state.phase}: ${state.message ?? 'no message'}`, attempted);
        }
    }
    const errors = errorConditions(app);
    if (errors.length > 0)
        return failureResult(`${name}: ${describeConditions(errors)}`, revision);
    if (!idle)
        return { ...waitingResult(name, describeOperation(app, layout, indexes), []), revision };
    const settled = !state || (!isActivePhase(state.phase) && reconciledAfter(status.reconciledAt, state.finishedAt));
    // OutOfSync may still be synced away (automated sync); Degraded at a settled Synced state is final.
    if (status.health.status === 'Degraded' && status.sync.status === 'Synced' && settled) {
        return degraded(app, current.join(',') || '(no revision)', `the last sync`, expectation, context, revision);
    }
    if (status.sync.status !== 'Synced')
        return { ...waitingResult(name, describeSyncStatus(app), []), revision };
    if (status.health.status !== 'Healthy')
        return { ...waitingResult(name, describeHealth(app), []), revision };
    const at = revision ? ` at ${sources_short(revision)}` : '';
    return { state: 'success', reason: `${name} is Synced and Healthy${at} with no operation running`, memory: {}, unknownAncestry: [], revision };
}
/** Degraded at an applied revision: waiting inside the grace period, failure after it. */
function degraded(app, key, after, expectation, context, revision) {
    const name = app.metadata.name;
    const remembered = context.memory?.degraded;
    const since = remembered && remembered.key === key && remembered.since <= context.now ? remembered.since : context.now;
    const elapsed = context.now - since;
    const grace = Math.max(0, expectation.degradedGraceMs ?? 0);
    const message = app.status.health.message ? `: ${app.status.health.message}` : '';
    if (elapsed >= grace) {
        const forHow = grace > 0 ? ` for ${(0,duration/* formatDuration */.a)(elapsed)}` : '';
        return failureResult(`${name}: health is Degraded${forHow} after ${after}${message}`, revision);
    }
    const waitingFor = `health is Degraded${message} (for ${(0,duration/* formatDuration */.a)(elapsed)}; failing after ${(0,duration/* formatDuration */.a)(grace)})`;
    return { ...waitingResult(name, waitingFor, []), memory: { degraded: { key, since } }, revision };
}
/** See {@link AssessMemory}: `degraded()` ignores a remembered key that is no longer applied. */
function carried(context) {
    return context.memory?.degraded ? { degraded: context.memory.degraded } : {};
}
function comparedRevisions(app, layout, indexes) {
    const { sync } = app.status;
    return indexes.map((index) => ({ index, revision: revisionAt(layout, sync.revision, sync.revisions, index) }));
}
function errorConditions(app) {
    return app.status.conditions.filter((condition) => condition.type.endsWith('Error') && condition.type !== 'InvalidSpecError');
}
function isFailedPhase(phase) {
    return phase === 'Failed' || phase === 'Error';
}
function isActivePhase(phase) {
    return phase === 'Running' || phase === 'Terminating';
}
/** `reconciledAt >= finishedAt`; an operation without `finishedAt` has nothing to be after. */
function reconciledAfter(reconciledAt, finishedAt) {
    const finished = finishedAt === undefined ? Number.NaN : Date.parse(finishedAt);
    if (Number.isNaN(finished))
        return true;
    const reconciled = reconciledAt === undefined ? Number.NaN : Date.parse(reconciledAt);
    return !Number.isNaN(reconciled) && reconciled >= finished;
}
function reconciledSince(reconciledAt, since) {
    if (since === undefined || reconciledAt === undefined)
        return false;
    const reconciled = Date.parse(reconciledAt);
    return !Number.isNaN(reconciled) && reconciled >= since;
}
function failure(reason) {
    return failureResult(reason, undefined);
}
function failureResult(reason, revision) {
    return { state: 'failure', reason, memory: {}, unknownAncestry: [], revision };
}
function waitingResult(name, waitingFor, notes) {
    const extra = notes.length > 0 ? `; ${notes.join('; ')}` : '';
    return { state: 'waiting', reason: `${name}: ${waitingFor}${extra}`, waitingFor, memory: {}, unknownAncestry: [] };
}

;// CONCATENATED MODULE: ./packages/core/src/argocd/index.ts
/** What steps use of Argo CD: the REST client, the pure assessment, and their types and errors. */






// EXTERNAL MODULE: ./packages/core/src/git/git-repository.ts + 1 modules
var git_repository = __webpack_require__(1853);
;// CONCATENATED MODULE: ./packages/core/src/runtime/cancellation.ts

/** The run was cancelled (a CI cancel sends SIGTERM; Ctrl-C sends SIGINT) before it finished. */
class CancelledError extends errors/* GitopsPromoteError */.$o {
    signal;
    constructor(signal) {
        super(`Cancelled by ${signal} before the step finished.`, 'The job was cancelled (or timed out at the CI level); run it again when ready.');
        this.signal = signal;
    }
}
const SIGNALS = ['SIGTERM', 'SIGINT'];
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
        for (const signal of signals)
            process.removeListener(signal, handler);
    };
    for (const signal of signals)
        process.on(signal, handler);
    return dispose;
}

;// CONCATENATED MODULE: ./packages/core/src/runtime/deadline.ts


/** The step's time budget ran out; `message` says what it was still waiting for. */
class DeadlineExceededError extends errors/* GitopsPromoteError */.$o {
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
        this.timer = setTimeout(() => this.controller.abort(new DeadlineExceededError(`Timed out after ${(0,duration/* formatDuration */.a)(budgetMs)}.`, 'Raise the timeout, or find out why it takes longer.')), budgetMs);
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
    if (signal.aborted || ms <= 0)
        return Promise.resolve();
    return new Promise((resolve) => {
        const done = () => {
            clearTimeout(timer);
            signal.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        signal.addEventListener('abort', done, { once: true });
    });
}

;// CONCATENATED MODULE: ./packages/core/src/steps/wait-argocd-healthy/watch-state.ts

/**
 * The apps being waited for and their assessments: pure bookkeeping over `assess`, so the stream,
 * the polling fallback and the tests drive one and the same decision.
 */
class WatchState {
    expectation;
    since;
    isDescendant;
    apps = new Map();
    constructor(names, expectation, since, isDescendant) {
        this.expectation = expectation;
        this.since = since;
        this.isDescendant = isDescendant;
        for (const name of names)
            this.apps.set(name, { name, memory: {} });
    }
    /** Records a new object of a tracked app and assesses it; undefined for an app not tracked. */
    update(app, now) {
        const state = this.apps.get(app.metadata.name);
        if (!state)
            return undefined;
        state.app = app;
        this.reassess(state, now);
        return state;
    }
    reassess(state, now) {
        if (!state.app)
            return;
        const context = { now, memory: state.memory, since: this.since, ...(this.isDescendant ? { isDescendant: this.isDescendant } : {}) };
        state.assessment = assess(state.app, this.expectation, context);
        state.memory = state.assessment.memory;
    }
    /** Every app succeeded. */
    done() {
        return [...this.apps.values()].every((state) => state.assessment?.state === 'success');
    }
    /** The first app that failed for good, if any. */
    failed() {
        return [...this.apps.values()].find((state) => state.assessment?.state === 'failure');
    }
    /** The newest resourceVersion seen, to resume a dropped stream from. */
    resourceVersion() {
        let newest;
        for (const state of this.apps.values()) {
            const version = state.app?.metadata.resourceVersion;
            if (version !== undefined && (newest === undefined || Number(version) > Number(newest)))
                newest = version;
        }
        return newest;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/steps/wait-argocd-healthy/run.ts







/** The Applications did not reach the expected state; `message` names the app and why. */
class ApplicationNotReadyError extends errors/* GitopsPromoteError */.$o {
}
const STALL_MS = 30_000;
const FIRST_EVENT_MS = 10_000;
const POLL_MS = 5_000;
async function runWaitArgocdHealthy(config, platform, options = {}) {
    if ('token' in config.auth)
        platform.setSecret(config.auth.token);
    else
        platform.setSecret(config.auth.password);
    const started = Date.now();
    // First, as it validates the server URL and CA: a bad input leaves no handler or timer behind.
    const client = options.client ??
        new ArgoCdClient({
            server: config.server,
            credentials: config.auth,
            redact: (text) => platform.redact(text),
            timeoutMs: config.requestTimeoutMs,
            ...(config.caCert ? { caCert: config.caCert } : {}),
            insecure: config.insecure,
            onSessionToken: (token) => platform.setSecret(token),
        });
    const cancel = new AbortController();
    const stopSignals = options.handleSignals === false ? () => undefined : abortOnSignals(cancel);
    const deadline = new Deadline(config.timeoutMs, options.signal ? AbortSignal.any([cancel.signal, options.signal]) : cancel.signal);
    const waiter = new Waiter(config, platform, client, deadline, started, options);
    try {
        return await platform.group(`Waiting for Argo CD (${client.host})`, () => waiter.run());
    }
    finally {
        deadline.dispose();
        stopSignals();
        if (!options.client)
            await client.close();
    }
}
class Waiter {
    config;
    platform;
    client;
    deadline;
    started;
    options;
    state;
    ancestry = new Map();
    repo;
    mode = 'stream';
    constructor(config, platform, client, deadline, started, options) {
        this.config = config;
        this.platform = platform;
        this.client = client;
        this.deadline = deadline;
        this.started = started;
        this.options = options;
    }
    async run() {
        const { config, platform } = this;
        if (config.path)
            this.repo = await git_repository/* GitRepository */.xr.open(config.path, {}, (text) => platform.redact(text));
        const names = await this.applicationNames();
        platform.info(config.revision
            ? `Waiting up to ${(0,duration/* formatDuration */.a)(config.timeoutMs)} for ${names.join(', ')} to run ${config.revision} (Synced and Healthy).`
            : `Waiting up to ${(0,duration/* formatDuration */.a)(config.timeoutMs)} for ${names.join(', ')} to be Synced and Healthy with no operation running (no revision given: like \`argocd app wait\`, the revision is not checked).`);
        this.state = new WatchState(names, { ...(config.revision ? { revision: config.revision } : {}), degradedGraceMs: config.degradedGraceMs }, 
        // Argo CD's clock may run a little behind ours: a comparison within a few seconds before we
        // started may already be of the pushed commit.
        this.started - 5000, this.repo ? (candidate, expected) => this.ancestry.get(`${candidate}..${expected}`) : undefined);
        try {
            for (const name of names)
                await this.initial(name);
            if (!this.verdictReached())
                await this.watch();
            return await this.finish();
        }
        catch (error) {
            if (this.deadline.signal.aborted)
                return this.finish();
            throw error;
        }
    }
    elapsed() {
        return Date.now() - this.started;
    }
    /** The names given, plus every app the selector matches. */
    async applicationNames() {
        const names = [...this.config.applications];
        if (this.config.selector) {
            const list = await this.retrying('listing Applications', () => this.client.listApplications({ selector: this.config.selector, ...this.listScope(), signal: this.deadline.signal }));
            for (const app of list.items)
                if (!names.includes(app.metadata.name))
                    names.push(app.metadata.name);
            if (list.items.length === 0) {
                throw new errors/* InputError */.dz(`Selector ${JSON.stringify(this.config.selector)} matches no Application${this.config.project ? ` in project ${this.config.project}` : ''} that this token may see.`, "Check the labels (argocd app list -l '<selector>') and the token's RBAC.");
            }
        }
        return names;
    }
    listScope() {
        return { ...(this.config.project ? { projects: [this.config.project] } : {}), ...(this.config.appNamespace ? { appNamespace: this.config.appNamespace } : {}) };
    }
    appScope() {
        return { ...(this.config.project ? { project: this.config.project } : {}), ...(this.config.appNamespace ? { appNamespace: this.config.appNamespace } : {}) };
    }
    /** Refresh (bounded by request-timeout), then decide at once if the app already runs the commit. */
    async initial(name) {
        const refresh = this.config.refresh === 'none' ? undefined : this.config.refresh;
        let app;
        try {
            app = await this.retrying(`reading ${name}`, () => this.client.getApplication(name, { ...this.appScope(), ...(refresh ? { refresh } : {}), signal: this.deadline.signal }));
        }
        catch (error) {
            // A refresh that outlasts request-timeout (a slow repo server) is no reason to stop: the
            // stream shows the comparison when it comes.
            if (!refresh || this.deadline.signal.aborted || !isRetryableArgoCdError(error))
                throw error;
            this.platform.warning(`Refreshing ${name} took longer than request-timeout; watching without waiting for it.`);
            app = await this.retrying(`reading ${name}`, () => this.client.getApplication(name, { ...this.appScope(), signal: this.deadline.signal }));
        }
        await this.observe(app);
        await this.requestSync(app);
    }
    /** `sync: true`: an app without auto-sync is told to sync the revision (production, typically). */
    async requestSync(app) {
        const { config } = this;
        const name = app.metadata.name;
        const state = this.state.apps.get(name);
        if (!config.sync || !config.revision || app.spec.syncPolicy?.automated || state?.assessment?.state !== 'waiting')
            return;
        if (app.operation) {
            this.platform.info(`${name}: an operation is already running; not requesting another sync.`);
            return;
        }
        if (app.spec.sources.length > 0) {
            this.platform.warning(`${name} has ${app.spec.sources.length} sources; syncing its target revisions (which source holds ${config.revision} is not known).`);
            await this.retrying(`syncing ${name}`, () => this.client.sync(name, { ...this.appScope(), signal: this.deadline.signal }));
        }
        else {
            await this.retrying(`syncing ${name}`, () => this.client.sync(name, { ...this.appScope(), revision: config.revision, signal: this.deadline.signal }));
        }
        this.platform.info(`${(0,duration/* formatDuration */.a)(this.elapsed())} ${name}: sync of ${config.revision.slice(0, 12)} requested (no auto-sync).`);
    }
    /** Records an object, places unknown commits with git, and logs the app's state when it changed. */
    async observe(app) {
        let state = this.state.update(app, Date.now());
        if (!state)
            return undefined;
        const unknown = state.assessment?.unknownAncestry ?? [];
        if (unknown.length > 0 && this.repo && this.config.revision) {
            for (const candidate of unknown)
                await this.placeCommit(candidate, this.config.revision);
            this.state.reassess(state, Date.now());
            state = this.state.apps.get(app.metadata.name) ?? state;
        }
        const reason = state.assessment?.reason ?? '';
        if (reason !== state.logged) {
            state.logged = reason;
            this.platform.info(`${(0,duration/* formatDuration */.a)(this.elapsed())} ${reason}`);
        }
        if (state.assessment?.state !== 'waiting' && state.decidedAfterMs === undefined)
            state.decidedAfterMs = this.elapsed();
        return state;
    }
    /** Whether `candidate` contains `expected`, from the checkout (fetching once when it lacks the commit). */
    async placeCommit(candidate, expected) {
        const key = `${candidate}..${expected}`;
        if (this.ancestry.has(key) || !this.repo)
            return;
        const known = async () => (await this.repo?.hasCommit(candidate)) === true && (await this.repo?.hasCommit(expected)) === true;
        if (!(await known()))
            await this.repo.fetchAll('origin').catch(() => undefined);
        if (!(await known()))
            return;
        this.ancestry.set(key, await this.repo.isAncestor(expected, candidate));
    }
    verdictReached() {
        return this.state.done() || this.state.failed() !== undefined;
    }
    /** One stream for every app, resumed after drops; polling when a proxy buffers the stream. */
    async watch() {
        const signal = this.deadline.signal;
        let backoff = 500;
        while (!this.verdictReached() && !signal.aborted) {
            if (this.mode === 'poll') {
                await this.poll();
                continue;
            }
            try {
                await this.streamOnce();
                backoff = 500;
            }
            catch (error) {
                if (signal.aborted)
                    return;
                if (!isRetryableArgoCdError(error))
                    throw error;
                const why = error instanceof ArgoCdStreamError ? error.kind : 'error';
                this.platform.info(`${(0,duration/* formatDuration */.a)(this.elapsed())} The watch stream ${why === 'stalled' ? 'went quiet' : 'dropped'}; reconnecting in ${(0,duration/* formatDuration */.a)(backoff)}.`);
                await sleepUnlessAborted(backoff, signal);
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }
    async streamOnce() {
        const names = [...this.state.apps.keys()];
        const stream = new AbortController();
        const signal = AbortSignal.any([this.deadline.signal, stream.signal]);
        let received = false;
        // The server sends every app's current object first: silence means a buffering proxy.
        const firstEvent = setTimeout(() => {
            if (received)
                return;
            this.mode = 'poll';
            this.platform.warning('The watch stream sent nothing (a proxy buffering it?); polling the applications instead.');
            stream.abort();
        }, this.options.firstEventTimeoutMs ?? FIRST_EVENT_MS);
        try {
            // Resume from the last version only for one app: the server then still sends its current
            // object first. For several, a resourceVersion makes it send changes only, and a change made
            // between our last read and this connection would never be seen; without one, every app's
            // current object comes first (repeats are harmless: observe() logs only changes).
            const resourceVersion = names.length === 1 ? this.state.resourceVersion() : undefined;
            const events = this.client.watch({
                names,
                ...(this.config.selector ? { selector: this.config.selector } : {}),
                ...this.listScope(),
                ...(resourceVersion ? { resourceVersion } : {}),
                signal,
                stallTimeoutMs: this.options.stallTimeoutMs ?? STALL_MS,
            });
            for await (const event of events) {
                received = true;
                if (event.type === 'DELETED') {
                    const state = this.state.apps.get(event.application.metadata.name);
                    if (state)
                        throw new ApplicationNotReadyError(`${state.name} was deleted while waiting for it.`, 'Check who deleted it (argocd app history, or the app-of-apps that manages it).');
                    continue;
                }
                await this.observe(event.application);
                if (this.verdictReached())
                    return;
            }
        }
        catch (error) {
            if (stream.signal.aborted && this.mode === 'poll')
                return;
            throw error;
        }
        finally {
            clearTimeout(firstEvent);
            stream.abort();
        }
    }
    async poll() {
        for (const name of this.state.apps.keys()) {
            const app = await this.retrying(`reading ${name}`, () => this.client.getApplication(name, { ...this.appScope(), signal: this.deadline.signal }));
            await this.observe(app);
            if (this.verdictReached())
                return;
        }
        await sleepUnlessAborted(this.options.pollIntervalMs ?? POLL_MS, this.deadline.signal);
    }
    /** Runs a request, retrying transient failures (5xx, resets, timeouts) with backoff within the deadline. */
    async retrying(what, request) {
        let delay = 500;
        for (;;) {
            try {
                return await request();
            }
            catch (error) {
                if (this.deadline.signal.aborted || !isRetryableArgoCdError(error))
                    throw error;
                const message = error instanceof Error ? error.message : String(error);
                this.platform.info(`${(0,duration/* formatDuration */.a)(this.elapsed())} ${what}: ${message} Retrying in ${(0,duration/* formatDuration */.a)(delay)}.`);
                await sleepUnlessAborted(Math.min(delay, this.deadline.remainingMs()), this.deadline.signal);
                if (this.deadline.signal.aborted)
                    throw error;
                delay = Math.min(delay * 2, 10_000);
            }
        }
    }
    /** The verdict: success, a failure explained (Degraded resources from the tree), or what each app still waited for. */
    async finish() {
        const reports = {};
        const failedApp = this.state.failed();
        let failure;
        for (const state of this.state.apps.values()) {
            const degraded = state.app?.status.health.status === 'Degraded' ? await this.degradedResources(state.name) : [];
            reports[state.name] = report(state, degraded, this.elapsed());
        }
        if (failedApp) {
            const degraded = reports[failedApp.name]?.degraded ?? [];
            const details = degraded.map((node) => `\n  ${node.kind}/${node.namespace}/${node.name}: ${node.message}`).join('');
            failure = new ApplicationNotReadyError(`${failedApp.assessment?.reason ?? failedApp.name}${details}`, degraded.length > 0
                ? 'Look at the resources above (kubectl describe, the Argo CD UI); roll back or fix the manifests, then promote again.'
                : 'See the reason above in the Argo CD UI (the app\'s conditions and last operation); fix the manifests or the app, then run again.');
        }
        else if (!this.state.done()) {
            const reason = this.deadline.signal.reason;
            const lines = [...this.state.apps.values()]
                .filter((state) => state.assessment?.state !== 'success')
                .map((state) => `\n  ${state.name}: ${state.assessment?.waitingFor ?? state.assessment?.reason ?? 'no state received yet'}`)
                .join('');
            const cancelled = reason instanceof errors/* GitopsPromoteError */.$o && !(reason instanceof DeadlineExceededError);
            failure = new ApplicationNotReadyError(`${cancelled ? reason.message : `Timed out after ${(0,duration/* formatDuration */.a)(this.config.timeoutMs)}`}; still waiting for:${lines}`, cancelled ? 'The job was cancelled; the applications may still reach the state later.' : 'Raise timeout if the rollout is just slow; otherwise look at the apps in the Argo CD UI.');
        }
        return { reports, mode: this.mode, ...(failure ? { failure } : {}) };
    }
    async degradedResources(name) {
        try {
            const tree = await this.client.resourceTree(name, { ...this.appScope(), timeoutMs: this.config.requestTimeoutMs });
            return tree.nodes.filter((node) => node.health?.status === 'Degraded').map(describeNode);
        }
        catch {
            // The explanation is a courtesy: the verdict stands without it.
            return [];
        }
    }
}
function describeNode(node) {
    return { kind: node.kind ?? '?', namespace: node.namespace ?? '', name: node.name ?? '?', message: node.health?.message ?? '' };
}
function report(state, degraded, elapsedMs) {
    const app = state.app;
    const sync = app?.status.sync;
    return {
        health: app?.status.health.status ?? 'Unknown',
        sync: sync?.status ?? 'Unknown',
        revision: state.assessment?.revision ?? sync?.revision ?? sync?.revisions[0] ?? '',
        operationPhase: app?.status.operationState?.phase ?? '',
        degraded,
        waitedSeconds: Math.round((state.decidedAfterMs ?? elapsedMs) / 100) / 10,
        outcome: state.assessment?.state ?? 'waiting',
        reason: state.assessment?.reason ?? 'no state received',
    };
}


/***/ })

};
