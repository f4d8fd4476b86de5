export const id = 89;
export const ids = [89];
export const modules = {

/***/ 5207:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XS: () => (/* binding */ GitError),
/* harmony export */   Z: () => (/* binding */ GitVersionError)
/* harmony export */ });
/* unused harmony exports PushRetriesExhaustedError, BranchMovedError, isBranchMoved */
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7638);

/** A git command failed for a reason other than a lost push race. */
class GitError extends _errors__WEBPACK_IMPORTED_MODULE_0__/* .GitopsPromoteError */ .$o {
}
/** Every push attempt lost the race against other writers. */
class PushRetriesExhaustedError extends (/* unused pure expression or super */ null && (GitopsPromoteError)) {
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

/***/ 1089:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  x: () => (/* binding */ GitRepository)
});

// UNUSED EXPORTS: fetchHint

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./packages/core/src/git/errors.ts
var errors = __webpack_require__(5207);
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
    async exec(args, extraEnv = {}, input) {
        const env = gitEnvironment(process.env);
        Object.assign(env, { GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }, this.extraEnv, extraEnv);
        try {
            const result = await (0,exec/* getExecOutput */.H)('git', [...args], {
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

;// CONCATENATED MODULE: ./packages/core/src/git/git-version.ts

/**
 * The oldest git that takes a credential from the environment of one command
 * (GIT_CONFIG_COUNT / GIT_CONFIG_KEY_n / GIT_CONFIG_VALUE_n, see git-auth.ts). An older git
 * ignores those variables and fails later with a misleading "Authentication failed".
 */
const MINIMUM_GIT_VERSION = [2, 31];
/** `git --version`'s answer as numbers ("git version 2.39.2.windows.1" → [2, 39, 2]); undefined when unreadable. */
function parseGitVersion(output) {
    const match = /git version (\d+)\.(\d+)(?:\.(\d+))?/.exec(output);
    if (!match)
        return undefined;
    return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
}
/** Whether `version` is at least MINIMUM_GIT_VERSION. */
function isSupportedGit(version) {
    const [major = 0, minor = 0] = version;
    const [needMajor, needMinor] = MINIMUM_GIT_VERSION;
    return major > needMajor || (major === needMajor && minor >= needMinor);
}
/** Checked once per PATH: the git found there does not change while a step runs. */
const checked = new Map();
/**
 * Refuses, before the first command that hands git a credential, a git too old to take it, naming
 * the version found and the one needed.
 */
function requireCredentialCapableGit(git) {
    const key = process.env.PATH ?? '';
    let check = checked.get(key);
    if (!check) {
        check = checkGitVersion(git);
        checked.set(key, check);
        // A failed check (git missing, say) is asked again next time rather than remembered.
        check.catch(() => checked.delete(key));
    }
    return check;
}
async function checkGitVersion(git) {
    const output = (await git.exec(['--version'])).stdout.trim();
    const version = parseGitVersion(output);
    if (version === undefined || isSupportedGit(version))
        return;
    const [major, minor] = MINIMUM_GIT_VERSION;
    throw new errors/* GitVersionError */.Z(`${output} is installed, but gitops-promote needs git ${major}.${minor} or newer to hand the token to git without writing it to disk (GIT_CONFIG_COUNT, new in git ${major}.${minor}).`, `Install git ${major}.${minor} or newer on the runner (a current runner image, or your distribution's backports), then run again.`);
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







/** Global options for a command that carries the token: nothing of the repository's gets to run. */
const WITHOUT_HOOKS = ['-c', 'core.hooksPath=/dev/null', '-c', 'credential.helper=', '-c', 'core.fsmonitor=false'];
/** The git operations the steps need, on one work tree, with remote auth applied per command. */
class GitRepository {
    remoteEnv;
    redact;
    git;
    prefixRead;
    constructor(workTree, remoteEnv = {}, redact = (text) => text) {
        this.remoteEnv = remoteEnv;
        this.redact = redact;
        this.git = new GitCommandManager(workTree, {}, redact);
    }
    /**
     * Runs a git command that talks to the remote. With a credential in `remoteEnv`, hooks are off
     * (`core.hooksPath` pointed at nothing) and no credential helper or fsmonitor runs: a pre-push or
     * reference-transaction hook would inherit the `GIT_CONFIG_VALUE_*` that carries the token.
     * Local commands (commit, its hooks included) never get the credential at all.
     */
    async remoteExec(args) {
        const credential = Object.keys(this.remoteEnv).length > 0;
        if (credential)
            await requireCredentialCapableGit(this.git);
        return this.git.exec(credential ? [...WITHOUT_HOOKS, ...args] : args, this.remoteEnv);
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
    /**
     * A scratch repository in `dir` (an empty folder) whose `origin` is `url`: steps that work on
     * branches rather than on the user's checkout (a promotion branch, a base) fetch into it and
     * commit with plumbing, so nobody's checkout is touched. The URL holds no credential.
     */
    static async initScratch(dir, url, remoteEnv, redact) {
        const git = new GitCommandManager(dir, {}, redact);
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
    /**
     * The text of each of `files` at `rev` (undefined where the commit lacks it), in one git process
     * (`cat-file --batch`) however many files: a plan over 100 files at a commit then costs one
     * process, not 100. A name git's batch input cannot carry (a line break) is read alone.
     */
    async filesAt(rev, files) {
        const texts = new Map();
        const batched = files.filter((file) => !/[\r\n]/.test(file));
        for (const file of files)
            if (!batched.includes(file))
                texts.set(file, await this.fileAt(rev, file));
        if (batched.length === 0)
            return texts;
        const result = await this.git.exec(['cat-file', '--batch'], {}, batched.map((file) => `${rev}:./${file}\n`).join(''));
        if (result.exitCode !== 0)
            throw new errors/* GitError */.XS(`git cat-file --batch failed: ${summarize(this.redact(result.stderr))}`, 'See the git message above.');
        const parsed = parseBatch(result.stdout, batched);
        if (!parsed) {
            // Output read as text keeps byte sizes only for UTF-8 blobs; anything else (a tree, binary) is read file by file.
            for (const file of batched)
                texts.set(file, await this.fileAt(rev, file));
            return texts;
        }
        for (const [file, text] of parsed)
            texts.set(file, text);
        return texts;
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
        // Fixed for a work tree; asked once per value by a rollback of many values.
        this.prefixRead ??= this.git.run(['rev-parse', '--show-prefix']);
        return this.prefixRead;
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
            // Three git processes whatever the number of files (an environment promotion writes one per service).
            const blobs = await this.writeBlobs(indexDir, files);
            const modes = await this.modesAt(parent, files.map((file) => file.path));
            const entries = files.map((file, index) => `${modes.get(file.path) ?? '100644'} ${blobs[index] ?? ''}\t${file.path}\0`).join('');
            await this.git.run(['update-index', '-z', '--add', '--index-info'], undefined, env, entries);
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
     * Writes each file's content as a blob, in one `hash-object` (through files in `scratch`, as
     * `--stdin` takes one blob), without filters, as `--stdin` writes them; the ids in order.
     */
    async writeBlobs(scratch, files) {
        const paths = [];
        for (const [index, file] of files.entries()) {
            const blob = external_node_path_default().join(scratch, `blob-${index}`);
            await (0,promises_.writeFile)(blob, file.content, 'utf8');
            paths.push(blob);
        }
        if (paths.length === 0)
            return [];
        const ids = (await this.git.run(['hash-object', '-w', '--no-filters', '--stdin-paths'], undefined, {}, `${paths.join('\n')}\n`)).split('\n');
        if (ids.length !== files.length)
            throw new errors/* GitError */.XS(`git hash-object wrote ${ids.length} blobs for ${files.length} files.`, 'See the git message above.');
        return ids;
    }
    /** The mode each of `files` (paths from the repository root) has in `rev`'s tree (an executable script stays one); absent ones are left out. */
    async modesAt(rev, files) {
        const modes = new Map();
        if (files.length === 0)
            return modes;
        const listed = await this.git.run(['ls-tree', '-z', '--full-tree', rev, '--', ...files.map((file) => `:(literal)${file}`)]);
        for (const entry of listed.split('\0')) {
            const found = /^(\d{6}) blob [0-9a-f]+\t(.*)$/s.exec(entry);
            if (found?.[1] && found[2] !== undefined)
                modes.set(found[2], found[1]);
        }
        return modes;
    }
    /**
     * Pushes `sha` to `branch` only if the remote branch is still at `expected` (undefined: only if
     * it does not exist yet), so a push never replaces anything this run did not see.
     */
    async pushLeased(remote, sha, branch, expected) {
        const ref = `refs/heads/${branch}`;
        return this.leasedPush([`--force-with-lease=${ref}:${expected ?? ''}`, remote, `${sha}:${ref}`]);
    }
    /**
     * Deletes `branch` on `remote` only while it still points at `expected`, so a commit someone
     * pushed there since is never lost.
     */
    async deleteLeased(remote, branch, expected) {
        const ref = `refs/heads/${branch}`;
        return this.leasedPush([`--force-with-lease=${ref}:${expected}`, remote, `:${ref}`]);
    }
    /** A push with a lease, through remoteExec like every command that carries the token (no hooks see it). */
    async leasedPush(args) {
        const result = await this.remoteExec(['push', '--porcelain', ...args]);
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
/**
 * `cat-file --batch` output for `files`, in order: a blob's text, undefined for a missing object;
 * undefined for the whole when the output does not line up (an object that is not UTF-8 text
 * changes its size when decoded, so the next header is not where its size says).
 */
function parseBatch(stdout, files) {
    const output = Buffer.from(stdout, 'utf8');
    const texts = new Map();
    let offset = 0;
    for (const file of files) {
        const end = output.indexOf(0x0a, offset);
        if (end < 0)
            return undefined;
        const header = output.subarray(offset, end).toString('utf8');
        offset = end + 1;
        const found = /^[0-9a-f]+ blob (\d+)$/.exec(header);
        if (!found) {
            if (!header.endsWith(' missing'))
                return undefined;
            texts.set(file, undefined);
            continue;
        }
        const size = Number(found[1]);
        if (output[offset + size] !== 0x0a)
            return undefined;
        texts.set(file, output.subarray(offset, offset + size).toString('utf8'));
        offset += size + 1;
    }
    return offset === output.length ? texts : undefined;
}


/***/ })

};
