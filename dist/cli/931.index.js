export const id = 931;
export const ids = [931];
export const modules = {

/***/ 9931:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FakeForge: () => (/* binding */ FakeForge)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _forge_forge__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9302);


/**
 * An in-memory forge: the demo's stand-in for GitHub's API (cli/demo.ts hands it to the step
 * through its context), and step tests' too. Change requests in an array, every call counted, writes
 * listed. It keeps the rules steps rely on: one open change request per head→base (a second
 * create answers "already exists", as both forges do), closing removes it from findOpen.
 * `branchHead` says what sha a branch points to (tests pass the real git repository's).
 * `sourceRepositories` are the application repositories `compare` answers from (git itself).
 */
class FakeForge {
    kind;
    info;
    branchHead;
    commitThroughApiImpl;
    noun;
    changes = [];
    comments = [];
    writes = [];
    requests = 0;
    autoMergeRefusal;
    apiCommits = [];
    /** Repository name (acme/app) → the local git repository compare reads. */
    sourceRepositories = new Map();
    constructor(kind, info, branchHead, commitThroughApiImpl) {
        this.kind = kind;
        this.info = info;
        this.branchHead = branchHead;
        this.commitThroughApiImpl = commitThroughApiImpl;
        this.noun = kind === 'github' ? 'pull request' : 'merge request';
        if (commitThroughApiImpl) {
            this.commitThroughApi = async (request) => {
                this.requests++;
                this.writes.push(`commit ${request.branch}`);
                this.apiCommits.push(request);
                return commitThroughApiImpl(request);
            };
        }
    }
    commitThroughApi;
    async repository() {
        this.requests++;
        return this.info;
    }
    async findOpen(head, base) {
        this.requests++;
        const found = this.changes.find((change) => change.state === 'open' && change.head === head && change.base === base);
        return found ? this.fresh(found) : undefined;
    }
    async create(draft) {
        this.requests++;
        const existing = this.changes.find((change) => change.state === 'open' && change.head === draft.head && change.base === draft.base);
        if (existing)
            return { change: this.fresh(existing), created: false };
        const headSha = this.branchHead(draft.head);
        if (headSha === undefined)
            throw new Error(`fake forge: head branch ${draft.head} does not exist`);
        this.writes.push(`create ${draft.head}`);
        const number = this.changes.length + 1;
        const change = {
            number,
            url: `${this.info.webUrl}/pull/${number}`,
            title: draft.title,
            body: draft.body,
            head: draft.head,
            base: draft.base,
            headSha,
            draft: draft.draft,
            state: 'open',
            labels: [],
            assignees: [],
            reviewers: [],
            teamReviewers: [],
            autoMerge: false,
        };
        this.changes.push(change);
        return { change: { ...change }, created: true };
    }
    async update(change, patch) {
        this.requests++;
        this.writes.push(`update #${change.number}`);
        const stored = this.stored(change);
        if (patch.title !== undefined)
            stored.title = patch.title;
        if (patch.body !== undefined)
            stored.body = patch.body;
        return this.fresh(stored);
    }
    async close(change, comment) {
        this.requests += 2;
        this.writes.push(`close #${change.number}`);
        this.comments.push({ number: change.number, body: comment });
        this.stored(change).state = 'closed';
    }
    async addLabels(change, labels) {
        this.requests++;
        this.writes.push(`labels #${change.number} ${labels.join(',')}`);
        const stored = this.stored(change);
        stored.labels = [...new Set([...stored.labels, ...labels])];
    }
    async addAssignees(change, users) {
        this.requests++;
        this.writes.push(`assignees #${change.number} ${users.join(',')}`);
        const stored = this.stored(change);
        stored.assignees = [...new Set([...stored.assignees, ...users])];
    }
    async requestReviewers(change, users, teams) {
        this.requests++;
        this.writes.push(`reviewers #${change.number} ${[...users, ...teams].join(',')}`);
        const stored = this.stored(change);
        stored.reviewers = [...new Set([...stored.reviewers, ...users])];
        stored.teamReviewers = [...new Set([...stored.teamReviewers, ...teams])];
    }
    async enableAutoMerge(change, method) {
        this.requests++;
        if (this.autoMergeRefusal)
            return { enabled: false, reason: this.autoMergeRefusal };
        this.writes.push(`auto-merge #${change.number} ${method} ${change.headSha}`);
        this.stored(change).autoMerge = true;
        return { enabled: true };
    }
    /** As the forges do: one request, newest first, undefined for a ref (or repository) it does not know. */
    async compare(repository, from, to) {
        this.requests++;
        const source = this.sourceRepositories.get(repository);
        if (!source)
            return undefined;
        const git = (args) => {
            try {
                return (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)('git', ['--git-dir', source.gitDir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
            }
            catch {
                return undefined;
            }
        };
        const commitOf = (ref) => (ref.startsWith('-') ? undefined : git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]));
        const base = commitOf(from);
        const head = commitOf(to);
        if (base === undefined || head === undefined)
            return undefined;
        const total = Number(git(['rev-list', '--count', `${base}..${head}`]) ?? '0');
        const log = git(['log', `--max-count=${_forge_forge__WEBPACK_IMPORTED_MODULE_1__/* .COMPARISON_COMMITS */ .$}`, '--format=%H%x00%an%x00%s', `${base}..${head}`]) ?? '';
        const commits = log === '' ? [] : log.split('\n').map((line) => {
            const [sha = '', authorName = '', subject = ''] = line.split('\0');
            return { sha, subject, authorName, url: `${source.webUrl}/commit/${sha}` };
        });
        return { commits, totalCommits: total, webUrl: `${source.webUrl}/compare/${from}...${to}`, repositoryUrl: source.webUrl };
    }
    stored(change) {
        const stored = this.changes.find((candidate) => candidate.number === change.number);
        if (!stored)
            throw new Error(`fake forge: no change request #${change.number}`);
        return stored;
    }
    /** A copy with the branch's current head, as the forges report it. */
    fresh(change) {
        return { ...change, headSha: this.branchHead(change.head) ?? change.headSha, labels: [...change.labels] };
    }
}


/***/ }),

/***/ 9302:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ COMPARISON_COMMITS)
/* harmony export */ });
/** How many commits a {@link Comparison} carries at most: what a change request's body shows. */
const COMPARISON_COMMITS = 20;


/***/ })

};
