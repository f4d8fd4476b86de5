export const id = 569;
export const ids = [569];
export const modules = {

/***/ 950:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ArgoCdSimulator: () => (/* reexport */ ArgoCdSimulator)
});

// UNUSED EXPORTS: ApiError, DEFAULT_TIMINGS, ENDPOINTS, GrpcCode, ManualClock, REFRESH_ANNOTATION, STAGES, startArgoCdSimulator, systemClock

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
;// CONCATENATED MODULE: ./packages/argocd-simulator/src/errors.ts
/**
 * gRPC status codes and their HTTP mapping as Argo CD's grpc-gateway applies them, and the two
 * error bodies it writes: `runtimeError` for unary calls and `runtimeStreamError` for a stream.
 */

const GrpcCode = {
    Unknown: 2,
    InvalidArgument: 3,
    DeadlineExceeded: 4,
    NotFound: 5,
    PermissionDenied: 7,
    FailedPrecondition: 9,
    Internal: 13,
    Unavailable: 14,
    Unauthenticated: 16,
};
/** grpc-gateway's HTTPStatusFromCode, for the codes the simulator uses. */
function httpStatusFromGrpc(code) {
    switch (code) {
        case GrpcCode.InvalidArgument:
        case GrpcCode.FailedPrecondition:
            return 400;
        case GrpcCode.Unauthenticated:
            return 401;
        case GrpcCode.PermissionDenied:
            return 403;
        case GrpcCode.NotFound:
            return 404;
        case GrpcCode.DeadlineExceeded:
            return 504;
        case GrpcCode.Unavailable:
            return 503;
        default:
            return 500;
    }
}
/** The reverse, for faults that name only an HTTP status. */
function grpcFromHttpStatus(status) {
    switch (status) {
        case 400:
            return GrpcCode.InvalidArgument;
        case 401:
            return GrpcCode.Unauthenticated;
        case 403:
            return GrpcCode.PermissionDenied;
        case 404:
            return GrpcCode.NotFound;
        case 503:
            return GrpcCode.Unavailable;
        case 504:
            return GrpcCode.DeadlineExceeded;
        default:
            return status >= 500 ? GrpcCode.Internal : GrpcCode.Unknown;
    }
}
/** An error the API answers with; `httpStatus` follows from the gRPC code unless given. */
class ApiError extends Error {
    grpcCode;
    httpStatus;
    constructor(grpcCode, message, httpStatus) {
        super(message);
        this.grpcCode = grpcCode;
        this.name = 'ApiError';
        this.httpStatus = httpStatus ?? httpStatusFromGrpc(grpcCode);
    }
}
function runtimeError(error) {
    return { error: error.message, code: error.grpcCode, message: error.message };
}
function streamError(grpcCode, message) {
    const httpCode = httpStatusFromGrpc(grpcCode);
    return { error: { grpc_code: grpcCode, http_code: httpCode, message, http_status: external_node_http_.STATUS_CODES[httpCode] ?? '' } };
}
// Argo CD's own wording, so a client's error handling meets the strings it will meet in production.
const permissionDenied = () => new ApiError(GrpcCode.PermissionDenied, 'permission denied');
const appNotFound = (name) => new ApiError(GrpcCode.NotFound, `applications.argoproj.io "${name}" not found`);
const operationInProgress = () => new ApiError(GrpcCode.FailedPrecondition, 'another operation is already in progress');

;// CONCATENATED MODULE: ./packages/argocd-simulator/src/http-util.ts

const MAX_BODY_BYTES = 1024 * 1024;
function sendJson(res, status, body) {
    if (res.destroyed || res.headersSent)
        return;
    const text = JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
}
function sendError(res, error) {
    sendJson(res, error.httpStatus, runtimeError(error));
}
function sendText(res, status, text, contentType = 'text/plain; charset=utf-8') {
    if (res.destroyed || res.headersSent)
        return;
    res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text), 'X-Content-Type-Options': 'nosniff' });
    res.end(text);
}
/** Reads and parses a JSON body; an empty body is `{}` (grpc-gateway treats it so). */
async function readJson(req) {
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
        const buffer = chunk;
        size += buffer.length;
        if (size > MAX_BODY_BYTES)
            throw new ApiError(GrpcCode.InvalidArgument, 'request body too large');
        chunks.push(buffer);
    }
    const text = Buffer.concat(chunks).toString('utf8').trim();
    if (text === '')
        return {};
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new ApiError(GrpcCode.InvalidArgument, `invalid character in request body: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new ApiError(GrpcCode.InvalidArgument, 'request body must be a JSON object');
    }
    return value;
}
function queryObject(params) {
    const out = {};
    for (const key of new Set(params.keys())) {
        const values = params.getAll(key);
        out[key] = values.length === 1 ? (values[0] ?? '') : values;
    }
    return out;
}

;// CONCATENATED MODULE: ./packages/argocd-simulator/src/label-selector.ts
const KEY = String.raw `[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?`;
const VALUE = String.raw `([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?`;
const EXISTS = new RegExp(`^(!?)\\s*(${KEY})$`);
const EQUALITY = new RegExp(`^(${KEY})\\s*(==|=|!=)\\s*(${VALUE})$`);
const SET = new RegExp(`^(${KEY})\\s+(in|notin)\\s*\\(([^()]*)\\)$`);
class SelectorError extends Error {
}
function parseLabelSelector(text) {
    const requirements = splitRequirements(text).map(parseRequirement);
    return (labels) => requirements.every((matches) => matches(labels ?? {}));
}
/** Splits on commas outside parentheses, since `in (a,b)` lists contain commas of their own. */
function splitRequirements(text) {
    const parts = [];
    let depth = 0;
    let current = '';
    for (const char of text) {
        if (char === '(')
            depth += 1;
        if (char === ')')
            depth -= 1;
        if (char === ',' && depth === 0) {
            parts.push(current);
            current = '';
        }
        else {
            current += char;
        }
    }
    parts.push(current);
    const trimmed = parts.map((part) => part.trim());
    if (trimmed.length === 1 && trimmed[0] === '')
        return [];
    return trimmed;
}
function parseRequirement(text) {
    const exists = EXISTS.exec(text);
    if (exists) {
        const negate = exists[1] === '!';
        const key = exists[2] ?? '';
        return (labels) => Object.hasOwn(labels, key) !== negate;
    }
    const equality = EQUALITY.exec(text);
    if (equality) {
        const key = equality[1] ?? '';
        const operator = equality[3];
        const value = equality[4] ?? '';
        if (operator === '!=')
            return (labels) => labels[key] !== value;
        return (labels) => labels[key] === value;
    }
    const set = SET.exec(text);
    if (set) {
        const key = set[1] ?? '';
        const values = new Set((set[4] ?? '').split(',').map((value) => value.trim()));
        const has = (labels) => {
            const value = labels[key];
            return value !== undefined && values.has(value);
        };
        // `notin`, like `!=`, also matches objects that lack the key.
        return set[3] === 'notin' ? (labels) => !has(labels) : has;
    }
    throw new SelectorError(`unable to parse requirement: ${JSON.stringify(text)}`);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./packages/argocd-simulator/src/live-state.ts
/**
 * The simulated cluster side of an Application: which resources are deployed, from which
 * revision, and how far their rollout has got. Health messages are gitops-engine's, so a client
 * explaining a Degraded app meets the wording a real cluster produces.
 */

const HEALTH_ORDER = ['Healthy', 'Suspended', 'Progressing', 'Missing', 'Degraded', 'Unknown'];
function worseHealth(a, b) {
    return HEALTH_ORDER.indexOf(b) > HEALTH_ORDER.indexOf(a) ? b : a;
}
// Kinds that are healthy as soon as they exist; kinds in neither list have no health at all
// (ConfigMap, Secret, RBAC…), exactly as Argo CD leaves them without a health check.
const ALWAYS_HEALTHY = new Set([
    'Service',
    'Ingress',
    'PersistentVolumeClaim',
    'HorizontalPodAutoscaler',
    'CronJob',
    'Namespace',
    'PodDisruptionBudget',
]);
function resourceHealth(resource) {
    const settled = resource.rollout === 'settled';
    const { name } = resource;
    switch (resource.kind) {
        case 'Deployment':
            if (!settled)
                return { status: 'Progressing', message: 'Waiting for rollout to finish: 0 of 1 updated replicas are available...' };
            if (resource.broken)
                return { status: 'Degraded', message: `Deployment "${name}" exceeded its progress deadline` };
            return { status: 'Healthy' };
        case 'Rollout':
            if (resource.canary) {
                const canaryHealth = canaryRolloutHealth(resource.canary);
                if (canaryHealth)
                    return canaryHealth;
            }
            if (!settled)
                return { status: 'Progressing', message: 'more replicas need to be updated' };
            if (resource.broken) {
                return { status: 'Degraded', message: `ProgressDeadlineExceeded: ReplicaSet "${replicaSetName(resource)}" has timed out progressing.` };
            }
            return { status: 'Healthy' };
        case 'StatefulSet':
            // A crash-looping pod never becomes ready, and a StatefulSet has no progress deadline.
            if (!settled || resource.broken)
                return { status: 'Progressing', message: 'Waiting for 1 pods to be ready...' };
            return { status: 'Healthy', message: `statefulset rolling update complete 1 pods at revision ${name}-${resource.hash.slice(0, 10)}...` };
        case 'DaemonSet':
            if (!settled || resource.broken) {
                return { status: 'Progressing', message: `Waiting for daemon set "${name}" rollout to finish: 0 of 1 updated pods are available...` };
            }
            return { status: 'Healthy' };
        case 'Job':
            if (!settled)
                return { status: 'Progressing' };
            if (resource.broken)
                return { status: 'Degraded', message: 'Job has reached the specified backoff limit' };
            return { status: 'Healthy', message: 'job completed' };
        case 'Pod':
            return podHealth(resource, resource.images[0]?.container ?? name, name);
        default:
            return ALWAYS_HEALTHY.has(resource.kind) ? { status: 'Healthy' } : undefined;
    }
}
/**
 * Argo CD's Rollout health check (resource_customizations/argoproj.io/Rollout/health.lua): a
 * pause condition makes it Suspended with the condition's reason, an abort Degraded with the
 * Rollout's message. Undefined once the canary finished: the usual rollout health then applies.
 */
function canaryRolloutHealth(canary) {
    switch (canary.phase) {
        case 'Paused':
            return { status: 'Suspended', message: canary.blueGreen ? 'BlueGreenPause' : 'CanaryPauseStep' };
        case 'Degraded':
            return { status: 'Degraded', message: canary.abortMessage ?? 'Rollout is aborted' };
        case 'Progressing':
            return { status: 'Progressing', message: 'more replicas need to be updated' };
        default:
            return undefined;
    }
}
/** AnalysisRun health as Argo CD's check gives it: Failed is Degraded with the run's message. */
function analysisRunHealth(run) {
    if (run.phase === 'Failed')
        return { status: 'Degraded', message: run.message ?? 'Analysis failed' };
    return run.phase === 'Successful' ? { status: 'Healthy' } : { status: 'Progressing' };
}
function podHealth(resource, container, podName) {
    if (resource.rollout !== 'settled')
        return { status: 'Progressing' };
    if (resource.broken) {
        return { status: 'Degraded', message: `back-off 5m0s restarting failed container=${container} pod=${podName}_${resource.namespace}` };
    }
    return { status: 'Healthy' };
}
/** Pod-template-hash-like suffix: changes whenever the resource's content does. */
function replicaSetName(resource) {
    return `${resource.name}-${resource.hash.slice(0, 10)}`;
}
/** A UUID-shaped id derived from a seed, so child objects keep their uid across renders. */
function stableUid(seed) {
    const hex = (0,external_node_crypto_.createHash)('sha256').update(seed).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

;// CONCATENATED MODULE: ./packages/argocd-simulator/src/resource-tree.ts
/**
 * `GET /applications/{name}/resource-tree`: the managed resources plus the children a cluster
 * would create for them (Deployment → ReplicaSet → Pod, StatefulSet/DaemonSet/Job → Pod), each
 * with its health, so a client can explain a Degraded app down to the crashing pod.
 */

function buildResourceTree(resources) {
    const nodes = [];
    for (const resource of resources) {
        const node = baseNode(resource);
        nodes.push(node);
        const parent = refOf(node);
        switch (resource.kind) {
            case 'Deployment':
            case 'Rollout': {
                const rsName = replicaSetName(resource);
                const rs = childNode(resource, 'apps', 'ReplicaSet', rsName, parent);
                const settled = resource.rollout === 'settled' && !resource.broken;
                rs.health = settled
                    ? { status: 'Healthy' }
                    : { status: 'Progressing', message: 'Waiting for rollout to finish: 0 out of 1 new replicas are available...' };
                rs.info = [{ name: 'Revision', value: 'Rev:1' }];
                nodes.push(rs, podNode(resource, `${rsName}-${resource.hash.slice(10, 15)}`, refOf(rs)));
                for (const run of resource.canary?.analysisRuns ?? []) {
                    const node = childNode(resource, 'argoproj.io', 'AnalysisRun', run.name, parent);
                    node.version = 'v1alpha1';
                    node.uid = run.uid;
                    node.createdAt = run.createdAt;
                    node.health = analysisRunHealth(run);
                    nodes.push(node);
                }
                break;
            }
            case 'StatefulSet':
                nodes.push(podNode(resource, `${resource.name}-0`, parent));
                break;
            case 'DaemonSet':
            case 'Job':
                nodes.push(podNode(resource, `${resource.name}-${resource.hash.slice(10, 15)}`, parent));
                break;
            default:
                break;
        }
    }
    return { nodes, orphanedNodes: [] };
}
function baseNode(resource) {
    const node = {
        ...(resource.group ? { group: resource.group } : {}),
        version: resource.version,
        kind: resource.kind,
        ...(resource.namespace ? { namespace: resource.namespace } : {}),
        name: resource.name,
        uid: resource.uid,
        resourceVersion: resource.resourceVersion,
        createdAt: resource.createdAt,
    };
    const health = resourceHealth(resource);
    if (health)
        node.health = health;
    if (resource.kind === 'Pod')
        node.images = resource.images.map((entry) => entry.image);
    return node;
}
function childNode(owner, group, kind, name, parent) {
    return {
        ...(group ? { group } : {}),
        version: 'v1',
        kind,
        namespace: owner.namespace,
        name,
        uid: stableUid(`${owner.uid}/${kind}/${name}`),
        resourceVersion: owner.resourceVersion,
        createdAt: owner.createdAt,
        parentRefs: [parent],
    };
}
function podNode(owner, name, parent) {
    const pod = childNode(owner, '', 'Pod', name, parent);
    const container = owner.images[0]?.container ?? owner.name;
    pod.health = podHealth(owner, container, name);
    pod.images = [...new Set(owner.images.map((entry) => entry.image))];
    const total = Math.max(1, new Set(owner.images.map((entry) => entry.container)).size);
    const reason = owner.rollout !== 'settled' ? 'ContainerCreating' : owner.broken ? 'CrashLoopBackOff' : 'Running';
    const ready = owner.rollout === 'settled' && !owner.broken ? total : 0;
    pod.info = [
        { name: 'Status Reason', value: reason },
        { name: 'Containers', value: `${ready}/${total}` },
    ];
    return pod;
}
function refOf(node) {
    return {
        ...(node.group ? { group: node.group } : {}),
        version: node.version,
        kind: node.kind,
        ...(node.namespace ? { namespace: node.namespace } : {}),
        name: node.name,
        uid: node.uid,
    };
}

;// CONCATENATED MODULE: ./packages/argocd-simulator/src/time.ts
/**
 * Timestamps as Kubernetes' metav1.Time marshals them: RFC 3339 in UTC with whole seconds. A
 * client comparing `reconciledAt` with `finishedAt` therefore meets equal values within one
 * second, exactly as against a real server.
 */
function formatTime(date) {
    return `${date.toISOString().slice(0, 19)}Z`;
}
/** `HH:MM:SS`, as Argo CD writes times into retry messages. */
function clockTime(date) {
    return date.toISOString().slice(11, 19);
}
/** The real clock: `new Date()` and `setTimeout`. */
const systemClock = {
    now: () => new Date(),
    schedule(ms, callback) {
        const timer = setTimeout(callback, ms);
        return () => clearTimeout(timer);
    },
};
/**
 * Waits `ms` on `clock` unless `signal` aborts first; resolves to false when aborted so a caller
 * can stop instead of acting on a simulator that has been closed.
 */
function sleep(clock, ms, signal) {
    if (signal.aborted)
        return Promise.resolve(false);
    if (ms <= 0)
        return Promise.resolve(true);
    return new Promise((resolve) => {
        const onAbort = () => {
            cancel();
            resolve(false);
        };
        const cancel = clock.schedule(ms, () => {
            signal.removeEventListener('abort', onAbort);
            resolve(true);
        });
        signal.addEventListener('abort', onAbort, { once: true });
    });
}
/** Calls `callback` every `ms` on `clock` until the returned function is called. */
function every(clock, ms, callback) {
    let cancel = () => undefined;
    const arm = () => {
        cancel = clock.schedule(ms, () => {
            arm();
            callback();
        });
    };
    arm();
    return () => cancel();
}
function deferred() {
    let resolve = () => undefined;
    const promise = new Promise((done) => {
        resolve = done;
    });
    return { promise, resolve };
}

;// CONCATENATED MODULE: ./packages/argocd-simulator/src/rollouts.ts
/**
 * Argo Rollouts canaries on the simulated cluster. A Rollout updated by a sync walks its
 * `spec.strategy.canary.steps` once its pods are up: `setWeight` passes, `pause: {}` waits for a
 * promotion (`promoteRollout`), `pause: {duration}` for that long on the clock, and `analysis`
 * starts an AnalysisRun that succeeds, or fails (image matched by `failAnalysisImage`) and aborts
 * the Rollout. A first deployment skips the steps, as Argo Rollouts does. The live objects are
 * served by `GET …/resource` with the Rollouts CRD's field names.
 */


// A paused step resumes when the promotion comes; keyed by the Rollout's uid (an unchanged
// resource keeps it across syncs, while its live object is rebuilt).
const promotions = new Map();
function canarySteps(resource) {
    return resource.manualBlueGreen ? [{ pause: {} }] : (resource.canarySteps ?? []);
}
/** Whether the resource is a Rollout whose update walks canary steps (or pauses before a blue-green switch). */
function hasCanarySteps(resource) {
    return resource.kind === 'Rollout' && ((resource.canarySteps?.length ?? 0) > 0 || resource.manualBlueGreen === true);
}
function startCanary(resource) {
    resource.canary = { phase: 'Progressing', stepIndex: 0, analysisRuns: [], ...(resource.manualBlueGreen ? { blueGreen: true } : {}) };
}
/** Runs the steps from the current one; ends Healthy (settled), paused, or aborted. */
async function walkCanary(ctx, resource) {
    // A blue-green update is one pause before the switch: `pause: {}` as a step of its own.
    const steps = canarySteps(resource);
    const canary = resource.canary;
    if (!canary)
        return;
    for (let index = canary.stepIndex; index < steps.length; index++) {
        const step = steps[index] ?? {};
        ctx.update(() => {
            canary.stepIndex = index;
            canary.phase = 'Progressing';
            delete canary.pause;
        });
        const go = 'pause' in step ? await pauseStep(ctx, resource, canary, step['pause']) : 'analysis' in step ? await analysisStep(ctx, resource, canary, index, step['analysis']) : true;
        if (!go || !ctx.current())
            return;
    }
    ctx.update(() => {
        canary.phase = 'Healthy';
        canary.stepIndex = steps.length;
        delete canary.pause;
        resource.rollout = 'settled';
    });
}
async function pauseStep(ctx, resource, canary, pause) {
    const durationMs = pauseDurationMs(pause);
    ctx.update(() => {
        canary.phase = 'Paused';
        canary.pause = { startTime: formatTime(ctx.clock.now()), ...(durationMs !== undefined ? { durationMs } : {}) };
    });
    if (durationMs !== undefined)
        return sleep(ctx.clock, durationMs, ctx.signal);
    return new Promise((resolve) => {
        const onAbort = () => {
            promotions.delete(resource.uid);
            resolve(false);
        };
        ctx.signal.addEventListener('abort', onAbort, { once: true });
        promotions.set(resource.uid, () => {
            ctx.signal.removeEventListener('abort', onAbort);
            resolve(true);
        });
    });
}
async function analysisStep(ctx, resource, canary, index, analysis) {
    const metric = templateName(analysis);
    const run = {
        name: `${resource.name}-${resource.hash.slice(0, 10)}-${index}`,
        uid: (0,external_node_crypto_.randomUUID)(),
        createdAt: formatTime(ctx.clock.now()),
        phase: 'Running',
        metric,
    };
    ctx.update(() => canary.analysisRuns.push(run));
    if (!(await sleep(ctx.clock, ctx.analysisMs, ctx.signal)) || !ctx.current())
        return false;
    if (!ctx.failsAnalysis(resource.images.map((entry) => entry.image))) {
        ctx.update(() => (run.phase = 'Successful'));
        return true;
    }
    ctx.update(() => {
        run.phase = 'Failed';
        run.value = '[0.42]';
        run.message = `Metric "${metric}" assessed Failed due to failed (1) > failureLimit (0)`;
        abort(canary, `RolloutAborted: Rollout aborted update to revision 2: ${run.message}`);
    });
    return false;
}
function abort(canary, message) {
    canary.phase = 'Degraded';
    canary.abortMessage = message;
    delete canary.pause;
}
/** `kubectl argo rollouts promote`: a paused step goes on. False when nothing was paused. */
function promoteCanary(resource) {
    const resume = promotions.get(resource.uid);
    if (!resume || resource.canary?.phase !== 'Paused')
        return false;
    promotions.delete(resource.uid);
    resume();
    return true;
}
/** `kubectl argo rollouts abort`: the Rollout goes back to stable, Degraded until fixed. */
function abortCanary(resource, update) {
    const canary = resource.canary;
    if (!canary || canary.phase === 'Healthy')
        return false;
    promotions.delete(resource.uid);
    update(() => abort(canary, 'RolloutAborted: Rollout aborted update to revision 2'));
    return true;
}
/** `pause.duration`: seconds as a number, or a Go duration like `30s`, `5m`, `1h`. */
function pauseDurationMs(pause) {
    if (typeof pause !== 'object' || pause === null)
        return undefined;
    const duration = pause['duration'];
    if (typeof duration === 'number')
        return duration * 1000;
    if (typeof duration !== 'string')
        return undefined;
    const match = /^(\d+)(ms|s|m|h)?$/.exec(duration.trim());
    if (!match)
        return undefined;
    const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] ?? 's'] ?? 1000;
    return Number(match[1]) * unit;
}
function templateName(analysis) {
    const templates = typeof analysis === 'object' && analysis !== null ? analysis['templates'] : undefined;
    const first = Array.isArray(templates) ? templates[0] : undefined;
    const name = typeof first === 'object' && first !== null ? first['templateName'] : undefined;
    return typeof name === 'string' ? name : 'analysis';
}
/** The live Rollout as the cluster stores it (`status` in the Rollouts CRD's shape). */
function rolloutObject(resource) {
    const canary = resource.canary;
    const steps = resource.canarySteps ?? [];
    const status = { observedGeneration: resource.resourceVersion };
    if (!canary) {
        Object.assign(status, { phase: resource.rollout === 'settled' ? 'Healthy' : 'Progressing', ...(resource.manualBlueGreen ? {} : { currentStepIndex: steps.length }) });
    }
    else {
        status['phase'] = canary.phase;
        if (!canary.blueGreen)
            status['currentStepIndex'] = canary.stepIndex;
        if (canary.pause) {
            const reason = canary.blueGreen ? 'BlueGreenPause' : 'CanaryPauseStep';
            status['pauseConditions'] = [{ reason, startTime: canary.pause.startTime }];
            status['controllerPause'] = true;
            status['message'] = reason;
        }
        if (canary.abortMessage)
            Object.assign(status, { abort: true, message: canary.abortMessage });
        const run = canary.analysisRuns.at(-1);
        if (run)
            status['canary'] = { currentStepAnalysisRunStatus: { name: run.name, status: run.phase, ...(run.message ? { message: run.message } : {}) } };
    }
    return {
        apiVersion: `${resource.group}/${resource.version}`,
        kind: 'Rollout',
        metadata: { name: resource.name, namespace: resource.namespace, uid: resource.uid, resourceVersion: resource.resourceVersion, creationTimestamp: resource.createdAt },
        spec: {
            template: { spec: { containers: resource.images.map((entry) => ({ name: entry.container, image: entry.image })) } },
            strategy: resource.manualBlueGreen ? { blueGreen: { autoPromotionEnabled: false } } : { canary: { steps } },
        },
        status,
    };
}
/** An AnalysisRun of the Rollout, owned by it. */
function analysisRunObject(owner, run) {
    const failed = run.phase === 'Failed';
    return {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'AnalysisRun',
        metadata: {
            name: run.name,
            namespace: owner.namespace,
            uid: run.uid,
            creationTimestamp: run.createdAt,
            ownerReferences: [{ apiVersion: `${owner.group}/${owner.version}`, kind: 'Rollout', name: owner.name, uid: owner.uid }],
        },
        spec: { metrics: [{ name: run.metric, failureLimit: 0, provider: { prometheus: { query: 'sum(rate(http_requests_total{code!~"5.."}[5m])) / sum(rate(http_requests_total[5m]))' } } }] },
        status: {
            phase: run.phase,
            ...(run.message ? { message: run.message } : {}),
            metricResults: [
                {
                    name: run.metric,
                    phase: run.phase,
                    count: run.phase === 'Running' ? 0 : 1,
                    failed: failed ? 1 : 0,
                    successful: run.phase === 'Successful' ? 1 : 0,
                    ...(failed ? { measurements: [{ phase: 'Failed', value: run.value ?? '', startedAt: run.createdAt, finishedAt: run.createdAt }] } : {}),
                },
            ],
        },
    };
}
/** The AnalysisRun named `name` among the live Rollouts', with its owner. */
function findAnalysisRun(resources, name) {
    for (const owner of resources) {
        const run = owner.canary?.analysisRuns.find((candidate) => candidate.name === name);
        if (run)
            return { owner, run };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./packages/argocd-simulator/src/api-routes.ts





const APP_PATH = /^\/api\/v1\/applications\/([^/]+)(\/resource-tree|\/resource|\/sync|\/manifests|\/managed-resources)?$/;
function classify(method, path, params) {
    if (path === '/api/v1/session' && method === 'POST')
        return { endpoint: 'session' };
    if (path === '/api/v1/session/userinfo' && method === 'GET')
        return { endpoint: 'userinfo' };
    if (path === '/api/version' && method === 'GET')
        return { endpoint: 'version' };
    if (path === '/api/v1/applications' && method === 'GET')
        return { endpoint: 'list' };
    const set = /^\/api\/v1\/applicationsets\/([^/]+)$/.exec(path);
    if (set && method === 'GET')
        return { endpoint: 'applicationset', app: safeDecode(set[1] ?? '') };
    if (path === '/api/v1/stream/applications' && method === 'GET') {
        const name = params.get('name');
        return name ? { endpoint: 'stream', app: name } : { endpoint: 'stream' };
    }
    const match = APP_PATH.exec(path);
    if (match) {
        let app;
        try {
            app = decodeURIComponent(match[1] ?? '');
        }
        catch {
            return { endpoint: 'unknown' };
        }
        if (match[2] === '/resource-tree' && method === 'GET')
            return { endpoint: 'resource-tree', app };
        if (match[2] === '/resource' && method === 'GET')
            return { endpoint: 'resource', app };
        if (match[2] === '/sync' && method === 'POST')
            return { endpoint: 'sync', app };
        if (match[2] === '/manifests' && method === 'GET')
            return { endpoint: 'manifests', app };
        if (match[2] === '/managed-resources' && method === 'GET')
            return { endpoint: 'managed-resources', app };
        if (match[2] === undefined && method === 'GET')
            return { endpoint: params.has('refresh') ? 'refresh' : 'get', app };
    }
    return { endpoint: 'unknown' };
}
function safeDecode(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
/** Finds an app the principal may see; see the module comment for the 403/404 rules. */
function lookupApp(ctx, principal, name, appNamespace, project) {
    if (project && !principal.canAccess(project))
        throw permissionDenied();
    const sim = ctx.store.get(appNamespace || ctx.namespace, name);
    if (!sim) {
        // Only a caller who named the project (and may read it) learns that the app does not exist.
        if (project)
            throw appNotFound(name);
        throw permissionDenied();
    }
    if (!principal.canAccess(sim.config.project))
        throw permissionDenied();
    if (project && sim.config.project !== project)
        throw appNotFound(name);
    return sim;
}
async function handleGet(ctx, req, res, route, params) {
    const principal = ctx.auth.authenticate(req.headers);
    const sim = lookupApp(ctx, principal, route.app ?? '', params.get('appNamespace'), params.get('project'));
    if (route.endpoint === 'refresh') {
        // Like the real server: no deadline of its own; it answers once the controller has reconciled.
        const closed = new Promise((resolve) => res.once('close', resolve));
        await Promise.race([ctx.controller.refresh(sim, params.get('refresh') === 'hard' ? 'hard' : 'normal'), closed]);
        if (sim.deleted)
            throw appNotFound(sim.name);
    }
    sendJson(res, 200, sim.app);
}
function handleList(ctx, req, res, params) {
    const principal = ctx.auth.authenticate(req.headers);
    const filter = appFilter(params);
    const items = ctx.store
        .list()
        .map((sim) => sim.app)
        .filter((app) => principal.canAccess(app.spec.project) && filter(app))
        .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
    sendJson(res, 200, { metadata: { resourceVersion: ctx.store.resourceVersion }, items });
}
/** The list/watch filters: `name`, `selector`, `projects` (and legacy `project`), `appNamespace`. */
function appFilter(params) {
    let selector;
    try {
        selector = parseLabelSelector(params.get('selector') ?? '');
    }
    catch (error) {
        if (!(error instanceof SelectorError))
            throw error;
        throw new ApiError(GrpcCode.Unknown, `error parsing the selector: ${error.message}`);
    }
    const projects = new Set([...params.getAll('projects'), ...params.getAll('project')].filter((project) => project !== ''));
    const name = params.get('name');
    const namespace = params.get('appNamespace');
    return (app) => (!name || app.metadata.name === name) &&
        (!namespace || app.metadata.namespace === namespace) &&
        (projects.size === 0 || projects.has(app.spec.project)) &&
        selector(app.metadata.labels);
}
function handleResourceTree(ctx, req, res, route, params) {
    const principal = ctx.auth.authenticate(req.headers);
    const sim = lookupApp(ctx, principal, route.app ?? '', params.get('appNamespace'), params.get('project'));
    sendJson(res, 200, buildResourceTree(sim.live.resources));
}
/**
 * `GET …/resource?namespace=&resourceName=&version=&group=&kind=`: `{manifest}`, the live object
 * as JSON text. Rollouts and their AnalysisRuns carry their status; other kinds their identity.
 */
function handleResource(ctx, req, res, route, params) {
    const principal = ctx.auth.authenticate(req.headers);
    const sim = lookupApp(ctx, principal, route.app ?? '', params.get('appNamespace'), params.get('project'));
    const kind = params.get('kind') ?? '';
    const name = params.get('resourceName') ?? '';
    const namespace = params.get('namespace') ?? '';
    const group = params.get('group') ?? '';
    const object = liveObject(sim.live.resources, { kind, name, namespace, group });
    if (!object)
        throw new ApiError(GrpcCode.NotFound, `${kind} ${name} not found as part of application ${sim.name}`);
    sendJson(res, 200, { manifest: JSON.stringify(object) });
}
function liveObject(resources, ref) {
    if (ref.kind === 'AnalysisRun') {
        const found = findAnalysisRun(resources, ref.name);
        return found && found.owner.namespace === ref.namespace ? analysisRunObject(found.owner, found.run) : undefined;
    }
    const resource = resources.find((entry) => entry.kind === ref.kind && entry.name === ref.name && entry.namespace === ref.namespace && entry.group === ref.group);
    if (!resource)
        return undefined;
    if (resource.kind === 'Rollout')
        return rolloutObject(resource);
    return {
        apiVersion: resource.group ? `${resource.group}/${resource.version}` : resource.version,
        kind: resource.kind,
        metadata: { name: resource.name, ...(resource.namespace ? { namespace: resource.namespace } : {}), uid: resource.uid, resourceVersion: resource.resourceVersion },
    };
}
async function handleSync(ctx, req, res, route) {
    const principal = ctx.auth.authenticate(req.headers);
    const body = await readJson(req);
    const sim = lookupApp(ctx, principal, route.app ?? '', stringField(body, 'appNamespace'), stringField(body, 'project'));
    const app = await ctx.controller.sync(sim, parseSyncRequest(body), principal.username);
    sendJson(res, 200, app);
}
async function handleSession(ctx, req, res) {
    const body = await readJson(req);
    const token = ctx.auth.login(body['username'], body['password']);
    res.setHeader('Set-Cookie', `argocd.token=${token}; path=/; SameSite=lax; httpOnly`);
    sendJson(res, 200, { token });
}
function handleUserInfo(ctx, req, res) {
    let principal;
    try {
        principal = ctx.auth.authenticate(req.headers);
    }
    catch {
        principal = undefined;
    }
    sendJson(res, 200, principal ? { loggedIn: true, username: principal.username, iss: 'argocd' } : { loggedIn: false });
}
function handleVersion(res) {
    sendJson(res, 200, { Version: 'v3.6.0+simulator', Platform: `${process.platform}/${process.arch}` });
}
/** The fields of a sync request body the simulation acts on. */
function parseSyncRequest(body) {
    const request = {};
    const revision = stringField(body, 'revision');
    if (revision)
        request.revision = revision;
    const revisions = body['revisions'];
    if (Array.isArray(revisions))
        request.revisions = revisions.map(String);
    const positions = body['sourcePositions'];
    if (Array.isArray(positions))
        request.sourcePositions = positions.map((position) => Number(position));
    if (body['prune'] === true)
        request.prune = true;
    if (body['dryRun'] === true)
        request.dryRun = true;
    if (isRecord(body['strategy']))
        request.strategy = body['strategy'];
    if (Array.isArray(body['resources']))
        request.resources = body['resources'].filter(isRecord).map(resourceRef);
    if (isRecord(body['syncOptions']) && Array.isArray(body['syncOptions']['items'])) {
        request.syncOptions = { items: body['syncOptions']['items'].map(String) };
    }
    if (isRecord(body['retryStrategy'])) {
        const limit = Number(body['retryStrategy']['limit']);
        if (Number.isInteger(limit))
            request.retryStrategy = { limit };
    }
    return request;
}
function resourceRef(value) {
    return {
        ...(typeof value['group'] === 'string' ? { group: value['group'] } : {}),
        kind: String(value['kind'] ?? ''),
        name: String(value['name'] ?? ''),
        ...(typeof value['namespace'] === 'string' ? { namespace: value['namespace'] } : {}),
    };
}
function stringField(body, key) {
    const value = body[key];
    return typeof value === 'string' ? value : undefined;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./packages/argocd-simulator/src/auth.ts
/**
 * Sessions and RBAC, reduced to what a CI client meets: bearer tokens (or the `argocd.token`
 * cookie), local users who log in for a token, tokens that get revoked, and tokens limited to
 * some projects (apps of other projects are then "permission denied", or silently left out of
 * lists and watches). Error wording is Argo CD's.
 */


class Auth {
    clock;
    tokens = new Map();
    users = new Map();
    constructor(tokens, users, clock) {
        this.clock = clock;
        const entries = Array.isArray(tokens) ? tokens.map((token) => [token, {}]) : Object.entries(tokens);
        for (const [token, grant] of entries)
            this.addToken(token, grant);
        for (const [name, user] of Object.entries(users))
            this.users.set(name, user);
    }
    addToken(token, grant = {}) {
        this.tokens.set(token, {
            username: grant.username ?? 'admin',
            projects: grant.projects ? new Set(grant.projects) : undefined,
            revoked: false,
        });
    }
    /** The token then fails with 401, as one revoked by `argocd account delete-token` does. */
    revokeToken(token) {
        const entry = this.tokens.get(token);
        if (entry)
            entry.revoked = true;
    }
    /** Limits a token to some projects (undefined: all again). */
    setTokenProjects(token, projects) {
        const entry = this.tokens.get(token);
        if (entry)
            entry.projects = projects ? new Set(projects) : undefined;
    }
    addUser(name, user) {
        this.users.set(name, user);
    }
    /** `POST /session`: a new token for a local user's correct password. */
    login(username, password) {
        const user = typeof username === 'string' ? this.users.get(username) : undefined;
        if (!user || user.password !== password || typeof username !== 'string') {
            throw new ApiError(GrpcCode.Unauthenticated, 'Invalid username or password');
        }
        const token = issueToken(username, this.clock.now());
        this.addToken(token, { username, ...(user.projects ? { projects: user.projects } : {}) });
        return token;
    }
    authenticate(headers) {
        const token = tokenFrom(headers);
        if (token === undefined)
            throw new ApiError(GrpcCode.Unauthenticated, 'no session information');
        const entry = this.tokens.get(token);
        if (!entry) {
            // jwt-go's wording for the two ways a token a server did not issue fails to verify.
            const detail = token.split('.').length === 3
                ? 'token signature is invalid: signature is invalid'
                : 'token is malformed: token contains an invalid number of segments';
            throw new ApiError(GrpcCode.Unauthenticated, `invalid session: ${detail}`);
        }
        if (entry.revoked)
            throw new ApiError(GrpcCode.Unauthenticated, 'invalid session: token is revoked, please re-login');
        return {
            token,
            username: entry.username,
            canAccess: (project) => entry.projects === undefined || entry.projects.has(project),
        };
    }
}
/** The bearer token, else the `argocd.token` cookie, as Argo CD's session middleware reads them. */
function tokenFrom(headers) {
    const authorization = headers.authorization;
    if (authorization) {
        const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
        if (match?.[1])
            return match[1];
    }
    for (const pair of (headers.cookie ?? '').split(';')) {
        const eq = pair.indexOf('=');
        if (eq > 0 && pair.slice(0, eq).trim() === 'argocd.token') {
            const value = pair.slice(eq + 1).trim();
            if (value)
                return decodeURIComponent(value);
        }
    }
    return undefined;
}
/** A JWT-shaped token (header.claims.signature), so clients that split or log tokens see the real shape. */
function issueToken(username, at) {
    const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(at.getTime() / 1000);
    const claims = { iss: 'argocd', sub: `${username}:login`, nbf: now, iat: now, jti: (0,external_node_crypto_.randomBytes)(16).toString('hex') };
    return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.${(0,external_node_crypto_.randomBytes)(32).toString('base64url')}`;
}

;// CONCATENATED MODULE: ./packages/argocd-simulator/src/holds.ts
/**
 * Gates on the controller's stages. A test holds a stage open to freeze an app in a state (an
 * operation Running, a refresh never answered) for as long as it needs, with no timing race.
 */

const STAGES = ['refresh', 'operationStart', 'sync', 'postSyncReconcile', 'rollout'];
class Holds {
    active = new Set();
    waiters = [];
    /** Holds `stage` for one app (`namespace/name`) or all; the returned function releases it. */
    hold(stage, app) {
        const entry = { stage, app };
        this.active.add(entry);
        return () => {
            this.active.delete(entry);
            this.wake();
        };
    }
    /** Resolves once no hold covers `stage` of `app`. */
    async pass(stage, app, signal) {
        if (!this.isHeld(stage, app) || signal.aborted)
            return;
        const done = deferred();
        this.waiters.push({ stage, app, done });
        const onAbort = () => done.resolve();
        signal.addEventListener('abort', onAbort, { once: true });
        await done.promise;
        signal.removeEventListener('abort', onAbort);
    }
    releaseAll() {
        this.active.clear();
        this.wake();
    }
    isHeld(stage, app) {
        for (const hold of this.active) {
            if (hold.stage === stage && (hold.app === undefined || hold.app === app))
                return true;
        }
        return false;
    }
    wake() {
        const still = [];
        for (const waiter of this.waiters) {
            if (this.isHeld(waiter.stage, waiter.app))
                still.push(waiter);
            else
                waiter.done.resolve();
        }
        this.waiters = still;
    }
}

;// CONCATENATED MODULE: ./packages/argocd-simulator/src/control-routes.ts




const holdReleases = new WeakMap();
let nextHoldId = 1;
async function handleControl(sim, faults, req, res, url) {
    const method = req.method ?? 'GET';
    const parts = url.pathname.split('/').slice(2).map(decodeURIComponent);
    const namespace = url.searchParams.get('namespace') ?? undefined;
    try {
        const [resource, id, action] = parts;
        if (resource === 'requests' && parts.length === 1) {
            if (method === 'GET')
                return sendJson(res, 200, { counts: sim.requestCounts(), total: sim.requestCount(), requests: sim.requests });
            if (method === 'DELETE') {
                sim.clearRequests();
                return noContent(res);
            }
        }
        if (resource === 'faults') {
            if (method === 'GET' && id === undefined)
                return sendJson(res, 200, faults.list());
            if (method === 'POST' && id === undefined)
                return sendJson(res, 200, { id: faults.add((await readJson(req))).id });
            if (method === 'DELETE' && id === undefined) {
                faults.clear();
                return noContent(res);
            }
            if (method === 'DELETE') {
                faults.remove(Number(id));
                return noContent(res);
            }
        }
        if (resource === 'apps') {
            if (id === undefined && method === 'GET')
                return sendJson(res, 200, sim.listApps());
            if (id === undefined && method === 'POST')
                return sendJson(res, 200, await sim.addApp((await readJson(req))));
            if (id !== undefined && action === undefined && method === 'DELETE') {
                sim.removeApp(id, namespace);
                return noContent(res);
            }
            if (id !== undefined && method === 'POST') {
                if (action === 'refresh')
                    return sendJson(res, 200, await sim.refresh(id, { hard: url.searchParams.get('hard') === 'true', ...(namespace ? { namespace } : {}) }));
                if (action === 'sync')
                    return sendJson(res, 200, await sim.sync(id, parseSyncRequest(await readJson(req)), namespace));
                if (action === 'patch')
                    return sendJson(res, 200, sim.patchApp(id, (await readJson(req)), namespace));
                const [, , , rollout, verb] = parts;
                if (action === 'rollouts' && rollout !== undefined && verb === 'promote')
                    return sendJson(res, 200, sim.promoteRollout(id, rollout, namespace));
                if (action === 'rollouts' && rollout !== undefined && verb === 'abort')
                    return sendJson(res, 200, sim.abortRollout(id, rollout, namespace));
                if (action === 'timeline') {
                    const steps = await readSteps(req);
                    sim.timeline(id, steps, namespace);
                    return sendJson(res, 202, { steps: steps.length });
                }
            }
        }
        if (resource === 'applicationsets' && id === undefined && method === 'POST') {
            return sendJson(res, 200, sim.addApplicationSet((await readJson(req))));
        }
        if (resource === 'holds') {
            const releases = holdReleases.get(sim) ?? new Map();
            holdReleases.set(sim, releases);
            if (method === 'POST' && id === undefined) {
                const body = await readJson(req);
                const stage = body['stage'];
                if (typeof stage !== 'string' || !STAGES.includes(stage))
                    throw new Error(`stage must be one of ${STAGES.join(', ')}`);
                const app = typeof body['app'] === 'string' ? body['app'] : undefined;
                const holdId = nextHoldId++;
                releases.set(holdId, sim.hold(stage, app, namespace));
                return sendJson(res, 200, { id: holdId });
            }
            if (method === 'DELETE' && id !== undefined) {
                releases.get(Number(id))?.();
                releases.delete(Number(id));
                return noContent(res);
            }
        }
        if (resource === 'tokens' && method === 'POST') {
            const body = await readJson(req);
            const token = body['token'];
            if (typeof token !== 'string' || token === '')
                throw new Error('token must be a non-empty string');
            if (id === 'revoke') {
                sim.revokeToken(token);
                return noContent(res);
            }
            const projects = Array.isArray(body['projects']) ? body['projects'].map(String) : undefined;
            const username = typeof body['username'] === 'string' ? body['username'] : undefined;
            sim.addToken(token, { ...(projects ? { projects } : {}), ...(username ? { username } : {}) });
            return noContent(res);
        }
        if (resource === 'streams' && id === 'close' && method === 'POST')
            return sendJson(res, 200, { closed: sim.closeStreams() });
        sendJson(res, 404, { error: `no control route ${method} ${url.pathname}` });
    }
    catch (error) {
        if (error instanceof ApiError)
            sendError(res, error);
        else
            sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
    }
}
function noContent(res) {
    res.writeHead(204);
    res.end();
}
async function readSteps(req) {
    const chunks = [];
    for await (const chunk of req)
        chunks.push(chunk);
    const value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (!Array.isArray(value))
        throw new Error('a timeline is a JSON array of {afterMs, patch}');
    return value.map((step) => {
        const record = (typeof step === 'object' && step !== null ? step : {});
        const afterMs = Number(record.afterMs ?? 0);
        if (!Number.isFinite(afterMs) || afterMs < 0)
            throw new Error('afterMs must be a number >= 0');
        return { afterMs, ...(typeof record.patch === 'object' && record.patch !== null ? { patch: record.patch } : {}) };
    });
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./packages/argocd-simulator/src/git-reader.ts
/**
 * Reads commits of a local git repository (bare or with a work tree) through the git CLI, the way
 * Argo CD's repo server reads a clone: resolve a revision to a commit, list its tree, read blobs.
 * Only committed content is seen, never the work tree, so a test "pushes" by committing.
 */


class GitReadError extends Error {
}
const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
const LIST_CACHE_LIMIT = 256;
const BLOB_CACHE_LIMIT = 4096;
class GitReader {
    // A commit's tree and a blob's bytes never change, so both caches need no invalidation.
    listings = new Map();
    blobs = new Map();
    /** Resolves a branch, tag, `HEAD` or (abbreviated) SHA to a full commit id. */
    async resolve(repoPath, revision) {
        // spawn in a missing directory fails as if git itself were missing; say what is really wrong.
        if (!(0,external_node_fs_.existsSync)(repoPath))
            throw new GitReadError('repository not found');
        const result = await runGit(repoPath, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
        const commit = result.stdout.trim();
        if (result.code !== 0 || !SHA.test(commit)) {
            throw new GitReadError(`unable to resolve '${revision}' to a commit SHA`);
        }
        return commit;
    }
    async snapshot(repoPath, commit) {
        const key = `${repoPath}\u0000${commit}`;
        const cached = this.listings.get(key);
        if (cached)
            return cached;
        const result = await runGit(repoPath, ['ls-tree', '-r', '-z', '--full-tree', commit]);
        if (result.code !== 0)
            throw new GitReadError(`git ls-tree ${commit} failed: ${result.stderr.trim()}`);
        const files = new Map();
        for (const entry of result.stdout.split('\u0000')) {
            // `<mode> <type> <object>\t<path>`; submodules (type commit) carry no content to read.
            const tab = entry.indexOf('\t');
            if (tab < 0)
                continue;
            const [, type, oid] = entry.slice(0, tab).split(' ');
            if (type === 'blob' && oid)
                files.set(entry.slice(tab + 1), oid);
        }
        const snapshot = { commit, files };
        if (this.listings.size >= LIST_CACHE_LIMIT)
            this.listings.delete(this.listings.keys().next().value ?? '');
        this.listings.set(key, snapshot);
        return snapshot;
    }
    /** Reads blobs by id with one `git cat-file --batch`, returning UTF-8 text per id. */
    async readBlobs(repoPath, oids) {
        const out = new Map();
        const missing = [...new Set(oids)].filter((oid) => {
            const hit = this.blobs.get(oid);
            if (hit !== undefined)
                out.set(oid, hit);
            return hit === undefined;
        });
        if (missing.length === 0)
            return out;
        const result = await runGit(repoPath, ['cat-file', '--batch'], `${missing.join('\n')}\n`, true);
        if (result.code !== 0)
            throw new GitReadError(`git cat-file failed: ${result.stderr.trim()}`);
        const data = result.raw;
        let offset = 0;
        while (offset < data.length) {
            const newline = data.indexOf(0x0a, offset);
            if (newline < 0)
                break;
            const [oid, type, sizeText] = data.subarray(offset, newline).toString('utf8').split(' ');
            const size = Number(sizeText);
            if (!oid || type !== 'blob' || !Number.isInteger(size))
                throw new GitReadError(`unexpected git cat-file output for ${oid ?? '?'}`);
            const text = data.subarray(newline + 1, newline + 1 + size).toString('utf8');
            out.set(oid, text);
            if (this.blobs.size >= BLOB_CACHE_LIMIT)
                this.blobs.delete(this.blobs.keys().next().value ?? '');
            this.blobs.set(oid, text);
            offset = newline + 1 + size + 1;
        }
        return out;
    }
}
function runGit(cwd, args, input, binary = false) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)('git', [...args], {
            cwd,
            // The repository is the test's or the demo's own; no prompts, stable English messages.
            env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
            stdio: ['pipe', 'pipe', 'pipe'],
        });
        const stdout = [];
        const stderr = [];
        child.stdout.on('data', (chunk) => stdout.push(chunk));
        child.stderr.on('data', (chunk) => stderr.push(chunk));
        child.once('error', (error) => reject(new GitReadError(`could not run git: ${error.message}`)));
        child.once('close', (code) => {
            const raw = Buffer.concat(stdout);
            resolve({ code, stdout: binary ? '' : raw.toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), raw });
        });
        child.stdin.on('error', () => undefined);
        child.stdin.end(input ?? '');
    });
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./packages/argocd-simulator/src/images.ts
/**
 * Container images of a Kubernetes object, and the matchers that decide which of them "break" a
 * rollout or a sync in the simulation.
 */
const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);
/**
 * Every `image` of every container list anywhere in the object, in document order. Walking the
 * whole object covers Deployments, StatefulSets, Jobs, CronJobs (jobTemplate), Pods and CRDs such
 * as Argo Rollouts without a table of where each kind keeps its pod template.
 */
function findContainerImages(object) {
    const found = [];
    const walk = (value) => {
        if (Array.isArray(value)) {
            value.forEach(walk);
            return;
        }
        if (typeof value !== 'object' || value === null)
            return;
        for (const [key, child] of Object.entries(value)) {
            if (CONTAINER_LISTS.has(key) && Array.isArray(child)) {
                for (const container of child) {
                    if (typeof container !== 'object' || container === null)
                        continue;
                    const { name, image } = container;
                    if (typeof image === 'string')
                        found.push({ container: typeof name === 'string' ? name : '', image });
                }
            }
            else {
                walk(child);
            }
        }
    };
    walk(object);
    return found;
}
/** The tag of an image reference, or undefined (`registry:5000/app` has no tag). */
function imageTag(image) {
    const withoutDigest = image.split('@')[0] ?? image;
    const colon = withoutDigest.lastIndexOf(':');
    return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.slice(colon + 1) : undefined;
}
function compileImageMatcher(matcher) {
    if (matcher === null || matcher === undefined)
        return () => false;
    if (typeof matcher === 'function')
        return matcher;
    const pattern = matcher.pattern !== undefined ? new RegExp(matcher.pattern) : undefined;
    const images = matcher.images !== undefined ? new Set(matcher.images) : undefined;
    return (image) => (matcher.tagPrefix === undefined || (imageTag(image) ?? '').startsWith(matcher.tagPrefix)) &&
        (pattern === undefined || pattern.test(image)) &&
        (images === undefined || images.has(image));
}

;// CONCATENATED MODULE: ./packages/argocd-simulator/src/manifest-parse.ts
/**
 * Turns manifest files into the resources an Application manages: identity (group, version,
 * kind, namespace, name), container images, and a content hash standing in for Argo CD's diff.
 */



/**
 * A source that cannot be rendered. `code` is the gRPC code Argo CD's repo server answers with:
 * FailedPrecondition for a directory file it cannot parse, Unknown for everything else (kustomize
 * build errors, a missing path).
 */
class ManifestError extends Error {
    code;
    constructor(message, code = 'Unknown') {
        super(message);
        this.code = code;
    }
}
// Kinds without a namespace; a namespace written on them is dropped, as Argo CD does.
const CLUSTER_SCOPED = new Set([
    'Namespace',
    'ClusterRole',
    'ClusterRoleBinding',
    'CustomResourceDefinition',
    'PersistentVolume',
    'StorageClass',
    'PriorityClass',
    'IngressClass',
    'ValidatingWebhookConfiguration',
    'MutatingWebhookConfiguration',
    'APIService',
]);
/** Parses one file's YAML (or JSON) documents into objects; `kind: List` is flattened. */
function parseManifestFile(file, text) {
    const objects = [];
    for (const doc of (0,dist/* parseAllDocuments */.hR)(text)) {
        const problem = doc.errors[0];
        if (problem)
            throw new ManifestError(`Failed to unmarshal "${file}": ${problem.message.split('\n')[0] ?? ''}`, 'FailedPrecondition');
        const value = doc.toJS();
        if (value === null || value === undefined)
            continue;
        if (typeof value !== 'object' || Array.isArray(value) || typeof value['kind'] !== 'string') {
            throw new ManifestError(`Failed to unmarshal "${file}": Object 'Kind' is missing in '${JSON.stringify(value).slice(0, 120)}'`, 'FailedPrecondition');
        }
        const object = value;
        if (object['kind'] === 'List' && Array.isArray(object['items'])) {
            for (const item of object['items']) {
                if (typeof item === 'object' && item !== null && !Array.isArray(item))
                    objects.push(item);
            }
        }
        else {
            objects.push(object);
        }
    }
    return objects;
}
function toResource(object, defaultNamespace, sourceIndex) {
    const apiVersion = typeof object['apiVersion'] === 'string' ? object['apiVersion'] : '';
    const slash = apiVersion.lastIndexOf('/');
    const kind = String(object['kind']);
    const metadata = object.metadata ?? {};
    const name = typeof metadata['name'] === 'string' ? metadata['name'] : '';
    const declared = typeof metadata['namespace'] === 'string' ? metadata['namespace'] : '';
    const canarySteps = kind === 'Rollout' ? rolloutSteps(object) : undefined;
    const manualBlueGreen = kind === 'Rollout' && manualPromotion(object);
    return {
        ...(canarySteps ? { canarySteps } : {}),
        ...(manualBlueGreen ? { manualBlueGreen } : {}),
        group: slash >= 0 ? apiVersion.slice(0, slash) : '',
        version: slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion,
        kind,
        namespace: CLUSTER_SCOPED.has(kind) ? '' : declared || defaultNamespace,
        name,
        images: findContainerImages(object),
        hash: (0,external_node_crypto_.createHash)('sha256').update(stableJson(object)).digest('hex').slice(0, 16),
        object: structuredClone(object),
        sourceIndex,
    };
}
/** `spec.strategy.canary.steps` of a Rollout, when it has any. */
function rolloutSteps(object) {
    const spec = object['spec'];
    const strategy = isObject(spec) ? spec['strategy'] : undefined;
    const canary = isObject(strategy) ? strategy['canary'] : undefined;
    const steps = isObject(canary) ? canary['steps'] : undefined;
    if (!Array.isArray(steps))
        return undefined;
    const valid = steps.filter(isObject);
    return valid.length > 0 ? valid : undefined;
}
/** `spec.strategy.blueGreen.autoPromotionEnabled: false`: the switch waits for a promotion. */
function manualPromotion(object) {
    const spec = object['spec'];
    const strategy = isObject(spec) ? spec['strategy'] : undefined;
    const blueGreen = isObject(strategy) ? strategy['blueGreen'] : undefined;
    return isObject(blueGreen) && blueGreen['autoPromotionEnabled'] === false;
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function resourceKey(resource) {
    return `${resource.group}/${resource.kind}/${resource.namespace}/${resource.name}`;
}
/** JSON with object keys sorted, so key order in a file does not count as a change. */
function stableJson(value) {
    if (Array.isArray(value))
        return `[${value.map(stableJson).join(',')}]`;
    if (typeof value === 'object' && value !== null) {
        const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${stableJson(child)}`).join(',')}}`;
    }
    return JSON.stringify(value) ?? 'null';
}

;// CONCATENATED MODULE: ./packages/argocd-simulator/src/comparison.ts
/**
 * What one reconciliation writes into an Application: the comparison with git (sync status,
 * revision, ComparisonError) and the auto-sync decision, following Argo CD's controller rules.
 */


function applyComparison(sim, target, now) {
    const status = syncStatusOf(sim, target);
    sim.comparison = {
        revisions: target.revisions,
        target: target.resources,
        status,
        sourceTypes: target.sourceTypes,
        ...(target.error !== undefined ? { error: target.error } : {}),
    };
    const app = sim.app;
    // As in Argo CD, a comparison that could not generate manifests reports no revision at all.
    const revisions = target.resources !== undefined ? target.revisions : undefined;
    app.status.sync = { status, comparedTo: sim.comparedTo(), ...(revisions ? sim.revisionFields(revisions) : {}) };
    delete app.status.sourceType;
    delete app.status.sourceTypes;
    if (target.resources !== undefined) {
        if (sim.config.multiSource)
            app.status.sourceTypes = [...target.sourceTypes];
        else if (target.sourceTypes[0])
            app.status.sourceType = target.sourceTypes[0];
    }
    setCondition(app, 'ComparisonError', target.error, now);
    app.status.reconciledAt = formatTime(now);
    sim.renderDerived(now);
}
function syncStatusOf(sim, target) {
    if (target.resources === undefined)
        return 'Unknown';
    const live = new Map(sim.live.resources.map((resource) => [resourceKey(resource), resource.hash]));
    if (live.size !== target.resources.length)
        return 'OutOfSync';
    for (const resource of target.resources) {
        if (live.get(resourceKey(resource)) !== resource.hash)
            return 'OutOfSync';
    }
    return 'Synced';
}
/**
 * Argo CD's autoSync: sync an OutOfSync app to the compared revision unless an operation is
 * already there or the last attempt was to that same revision — a failed one turns into a
 * SyncError condition instead of a retry loop. Returns whether an operation was started.
 */
function decideAutoSync(sim, now) {
    const app = sim.app;
    const automated = sim.config.automated;
    const comparison = sim.comparison;
    if (!automated)
        return false;
    if (app.operation || comparison?.status !== 'OutOfSync' || !comparison.revisions) {
        if (comparison?.status !== 'OutOfSync')
            setCondition(app, 'SyncError', undefined, now);
        return false;
    }
    const desired = comparison.revisions;
    const attempt = sim.lastAttempt;
    if (attempt && attempt.revisions.join(',') === desired.join(',')) {
        const failed = attempt.phase === 'Failed' || attempt.phase === 'Error';
        setCondition(app, 'SyncError', failed ? `Failed last sync attempt to [${desired.join(' ')}]: ${attempt.message}` : undefined, now);
        return false;
    }
    setCondition(app, 'SyncError', undefined, now);
    const operation = {
        sync: {
            ...sim.revisionFields(desired),
            ...(automated.prune ? { prune: true } : {}),
            ...(sim.config.syncOptions ? { syncOptions: [...sim.config.syncOptions] } : {}),
        },
        initiatedBy: { automated: true },
        retry: structuredClone(sim.config.retry ?? { limit: 5 }),
    };
    app.operation = operation;
    return true;
}
/** Sets (or with `message` undefined, clears) the one condition of `type`, keeping its transition time. */
function setCondition(app, type, message, now) {
    const others = (app.status.conditions ?? []).filter((condition) => condition.type !== type);
    const existing = app.status.conditions?.find((condition) => condition.type === type);
    const next = [...others];
    if (message !== undefined) {
        next.push({
            type,
            message,
            lastTransitionTime: existing?.message === message && existing.lastTransitionTime ? existing.lastTransitionTime : formatTime(now),
        });
    }
    if (next.length > 0)
        app.status.conditions = next;
    else
        delete app.status.conditions;
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./packages/argocd-simulator/src/helm-render.ts
/**
 * A Helm source rendered as Argo CD's repo server renders it: the chart directory and its value
 * files are written out from the commit, then `helm template . --name-template <release>
 * --namespace <destination namespace> [--values <file>]… [--set[-string] name=value]…
 * --include-crds` runs in the chart directory (reposerver/repository GenerateManifests →
 * helmTemplate). The simulator never downloads helm: it runs the binary it was given
 * (`helmBin`, default `HELM_BIN`); without one a Helm source fails the way a repo server without
 * the tool does, as a ComparisonError.
 */






// A chart that renders longer than this is a hung helm, not a slow one.
const HELM_TIMEOUT_MS = 60_000;
const INLINE_VALUES_FILE = '_argocd-inline-values.yaml';
/** Renders the chart at `dir` (repository-relative) of `snapshot`. */
async function helmTemplate(snapshot, read, dir, context) {
    const helm = context.helm ?? {};
    const args = ['template', '.', '--name-template', helm.releaseName ?? context.releaseName, '--namespace', context.namespace];
    if (!context.helmBin) {
        // Argo CD's wording when the repo server's image lacks the tool, plus how to give the simulator one.
        throw new ManifestError(`\`helm ${args.join(' ')}\` failed: exec: "helm": executable file not found in $PATH (give the simulator a helm binary: option helmBin or the HELM_BIN variable)`);
    }
    const valueFiles = resolveValueFiles(snapshot, dir, helm);
    const chartFiles = [...snapshot.files.keys()].filter((file) => file.startsWith(dir === '' ? '' : `${dir}/`));
    const root = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'argocd-sim-helm-'));
    try {
        const repo = (0,external_node_path_.join)(root, 'repo');
        await writeFiles(repo, await read([...new Set([...chartFiles, ...valueFiles])]));
        args.push(...(await valuesArgs(helm, valueFiles.map((file) => external_node_path_.posix.relative(dir, file)), root)), '--include-crds');
        const output = await runHelm(context.helmBin, args, (0,external_node_path_.join)(repo, dir), root);
        // The scratch paths would make every message (and so the ComparisonError) differ between runs.
        const stable = (text) => text.split(`${repo}/`).join('').split(`${root}/`).join('');
        if (output.code !== 0) {
            throw new ManifestError(`\`helm ${stable(args.join(' '))}\` failed exit status ${output.code ?? 'signal'}: ${stable(output.stderr.trim())}`);
        }
        try {
            return parseManifestFile('helm template output', output.stdout);
        }
        catch (error) {
            // Helm's output that does not split into objects is the tool's error (Unknown), not a file's.
            throw new ManifestError(error instanceof Error ? error.message : String(error));
        }
    }
    finally {
        await (0,promises_.rm)(root, { recursive: true, force: true });
    }
}
async function writeFiles(root, contents) {
    for (const [file, text] of contents) {
        await (0,promises_.mkdir)((0,external_node_path_.dirname)((0,external_node_path_.join)(root, file)), { recursive: true });
        await (0,promises_.writeFile)((0,external_node_path_.join)(root, file), text);
    }
}
/** Argo CD's order: value files, then inline values (a file of their own), then parameters. */
async function valuesArgs(helm, valueFiles, scratch) {
    const args = valueFiles.flatMap((file) => ['--values', file]);
    const inline = inlineValues(helm);
    if (inline !== undefined) {
        await (0,promises_.writeFile)((0,external_node_path_.join)(scratch, INLINE_VALUES_FILE), inline);
        args.push('--values', (0,external_node_path_.join)(scratch, INLINE_VALUES_FILE));
    }
    for (const parameter of helm.parameters ?? []) {
        args.push(parameter.forceString ? '--set-string' : '--set', `${parameter.name}=${escapeCommas(parameter.value)}`);
    }
    return args;
}
/** Repository paths of the value files, in order; each must stay inside the repository. */
function resolveValueFiles(snapshot, dir, helm) {
    const files = [];
    for (const valueFile of helm.valueFiles ?? []) {
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(valueFile) || valueFile.startsWith('$')) {
            throw new ManifestError(`value file '${valueFile}': remote and \`$ref\` value files are not simulated`);
        }
        const joined = valueFile.startsWith('/') ? external_node_path_.posix.normalize(valueFile.slice(1)) : external_node_path_.posix.normalize(external_node_path_.posix.join(dir === '' ? '.' : dir, valueFile));
        if (joined === '..' || joined.startsWith('../'))
            throw new ManifestError(`value file '${valueFile}' resolved to outside repository root`);
        if (!snapshot.files.has(joined)) {
            if (helm.ignoreMissingValueFiles)
                continue;
            throw new ManifestError(`Error: open ${joined}: no such file or directory`);
        }
        files.push(joined);
    }
    return files;
}
/** `valuesObject` wins over `values`, as in Argo CD; undefined when neither is set. */
function inlineValues(helm) {
    if (helm.valuesObject !== undefined)
        return (0,dist/* stringify */.As)(helm.valuesObject);
    return helm.values !== undefined && helm.values.trim() !== '' ? helm.values : undefined;
}
/** Argo CD's cleanSetParameters: a `{a,b}` list stays; other commas are escaped for `--set`. */
function escapeCommas(value) {
    if (value.startsWith('{') && value.endsWith('}'))
        return value;
    return value.replace(/(?<!\\),/g, '\\,');
}
function runHelm(helmBin, args, cwd, scratch) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(helmBin, [...args], {
            cwd,
            // Helm's homes in the scratch folder: nothing of the user's is read or written.
            env: { ...process.env, HELM_CACHE_HOME: (0,external_node_path_.join)(scratch, 'cache'), HELM_CONFIG_HOME: (0,external_node_path_.join)(scratch, 'config'), HELM_DATA_HOME: (0,external_node_path_.join)(scratch, 'data') },
            stdio: ['ignore', 'pipe', 'pipe'],
            timeout: HELM_TIMEOUT_MS,
        });
        const stdout = [];
        const stderr = [];
        child.stdout.on('data', (chunk) => stdout.push(chunk));
        child.stderr.on('data', (chunk) => stderr.push(chunk));
        child.once('error', (error) => reject(new ManifestError(`\`helm ${args.join(' ')}\` failed: ${error.message}`)));
        child.once('close', (code) => resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
    });
}

;// CONCATENATED MODULE: ./packages/argocd-simulator/src/source-loader.ts
/**
 * Generates an Application source's manifests from one commit, like Argo CD's repo server does
 * for the source types an environment repository most often uses:
 * - Directory: the `.yaml`/`.yml`/`.json` files in `path` (sub-directories only with `recurse`);
 * - Kustomize: when `path` holds a kustomization, its `resources` (files and kustomization
 *   directories, recursively) with the `images`, `namespace`, `namePrefix` and `nameSuffix`
 *   transformers applied. That covers image promotion by editing `images:`; anything else
 *   kustomize does (patches, generators, remote bases) is out of the simulation's scope;
 * - Helm: when the source sets `helm`, or `path` holds a `Chart.yaml` (and no kustomization, which
 *   Argo CD's discovery prefers): rendered by the real helm (helm-render.ts).
 */




const MANIFEST_FILE = /\.(?:ya?ml|json)$/;
const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
const MAX_KUSTOMIZE_DEPTH = 10;
async function loadSource(reader, snapshot, location, defaultNamespace, sourceIndex) {
    const dir = normaliseDir(location.path);
    const read = async (paths) => {
        const oids = paths.map((path) => snapshot.files.get(path) ?? '');
        const blobs = await reader.readBlobs(location.repoPath, oids);
        return new Map(paths.map((path, i) => [path, blobs.get(oids[i] ?? '') ?? '']));
    };
    const toResources = (objects) => objects.map((object) => toResource(object, defaultNamespace, sourceIndex));
    // Argo CD's source type: explicit `helm` first, then discovery (a kustomization beats a Chart.yaml).
    const kustomization = findKustomization(snapshot, dir);
    if (location.helm.helm === undefined && kustomization) {
        return { sourceType: 'Kustomize', resources: toResources(await kustomizeBuild(snapshot, read, dir)) };
    }
    if (location.helm.helm !== undefined || snapshot.files.has(dir === '' ? 'Chart.yaml' : `${dir}/Chart.yaml`)) {
        return { sourceType: 'Helm', resources: toResources(await helmTemplate(snapshot, read, dir, location.helm)) };
    }
    const prefix = dir === '' ? '' : `${dir}/`;
    const inDir = [...snapshot.files.keys()].filter((file) => file.startsWith(prefix));
    if (inDir.length === 0 && dir !== '')
        throw new ManifestError(`${dir}: app path does not exist`);
    const files = inDir
        .filter((file) => MANIFEST_FILE.test(file) && (location.recurse || !file.slice(prefix.length).includes('/')))
        .sort();
    const contents = await read(files);
    const objects = files.flatMap((file) => parseManifestFile(file, contents.get(file) ?? ''));
    return { sourceType: 'Directory', resources: toResources(objects) };
}
function normaliseDir(path) {
    const normal = external_node_path_.posix.normalize(`/${path}`).slice(1).replace(/\/+$/, '');
    return normal === '.' ? '' : normal;
}
function findKustomization(snapshot, dir) {
    return KUSTOMIZATION_FILES.map((name) => (dir === '' ? name : `${dir}/${name}`)).find((file) => snapshot.files.has(file));
}
/** `kustomize build`: any failure is the tool's error, which the repo server passes on as Unknown. */
async function kustomizeBuild(snapshot, read, dir) {
    try {
        return await kustomize(snapshot, read, dir, 0);
    }
    catch (error) {
        if (error instanceof ManifestError && error.code !== 'Unknown')
            throw new ManifestError(error.message);
        throw error;
    }
}
async function kustomize(snapshot, read, dir, depth) {
    const file = findKustomization(snapshot, dir);
    if (!file)
        throw new ManifestError(`unable to find one of ${KUSTOMIZATION_FILES.map((n) => `'${n}'`).join(', ')} in directory '${dir}'`);
    if (depth > MAX_KUSTOMIZE_DEPTH)
        throw new ManifestError(`kustomization '${dir}' nests too deeply`);
    const text = (await read([file])).get(file) ?? '';
    let spec;
    try {
        const parsed = (0,dist/* parse */.qg)(text);
        spec = typeof parsed === 'object' && parsed !== null ? parsed : {};
    }
    catch (error) {
        throw new ManifestError(`Failed to unmarshal "${file}": ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
    const entries = [...stringList(spec['resources']), ...stringList(spec['bases'])];
    const objects = [];
    for (const entry of entries) {
        if (/^[a-z]+:\/\/|^github\.com\//.test(entry))
            throw new ManifestError(`remote kustomize resource '${entry}' is not simulated`);
        const target = normaliseDir(external_node_path_.posix.join(dir, entry));
        if (snapshot.files.has(target)) {
            const contents = await read([target]);
            objects.push(...parseManifestFile(target, contents.get(target) ?? ''));
        }
        else {
            objects.push(...(await kustomize(snapshot, read, target, depth + 1)));
        }
    }
    applyTransformers(objects, spec);
    return objects;
}
function applyTransformers(objects, spec) {
    const namespace = typeof spec['namespace'] === 'string' ? spec['namespace'] : undefined;
    const prefix = typeof spec['namePrefix'] === 'string' ? spec['namePrefix'] : '';
    const suffix = typeof spec['nameSuffix'] === 'string' ? spec['nameSuffix'] : '';
    const images = Array.isArray(spec['images']) ? spec['images'].filter(isKustomizeImage) : [];
    for (const object of objects) {
        const metadata = (object.metadata ??= {});
        if (namespace !== undefined)
            metadata['namespace'] = namespace;
        if (typeof metadata['name'] === 'string')
            metadata['name'] = `${prefix}${metadata['name']}${suffix}`;
        if (images.length > 0)
            rewriteImages(object, images);
    }
}
function rewriteImages(value, images) {
    if (Array.isArray(value)) {
        value.forEach((item) => rewriteImages(item, images));
        return;
    }
    if (typeof value !== 'object' || value === null)
        return;
    const record = value;
    for (const [key, child] of Object.entries(record)) {
        if ((key === 'containers' || key === 'initContainers') && Array.isArray(child)) {
            for (const container of child) {
                if (typeof container !== 'object' || container === null)
                    continue;
                const holder = container;
                if (typeof holder['image'] === 'string')
                    holder['image'] = rewriteImage(holder['image'], images);
            }
        }
        else {
            rewriteImages(child, images);
        }
    }
}
/** Kustomize's image transformer: match by name (without tag/digest); digest beats tag. */
function rewriteImage(image, images) {
    const at = image.indexOf('@');
    const beforeDigest = at >= 0 ? image.slice(0, at) : image;
    const colon = beforeDigest.lastIndexOf(':');
    const hasTag = colon > beforeDigest.lastIndexOf('/');
    const name = hasTag ? beforeDigest.slice(0, colon) : beforeDigest;
    const rule = images.find((candidate) => candidate.name === name);
    if (!rule)
        return image;
    const suffix = rule.digest !== undefined
        ? `@${rule.digest}`
        : rule.newTag !== undefined
            ? `:${rule.newTag}`
            : image.slice(name.length);
    return `${rule.newName ?? name}${suffix}`;
}
function isKustomizeImage(value) {
    return typeof value === 'object' && value !== null && typeof value.name === 'string';
}
function stringList(value) {
    return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}

;// CONCATENATED MODULE: ./packages/argocd-simulator/src/target-state.ts
/**
 * The desired state of an app at given revisions (or its sources' tips): resolved commits and
 * generated manifests, or the ComparisonError Argo CD would report instead.
 */




// A hex string is taken for a (short) commit SHA without asking the remote; an unknown one fails
// only at checkout, and with another code than an unknown branch (git.LsRemote, checkoutRevision).
const HEX_REVISION = /^[0-9a-f]{7,40}$/;
const CACHE_LIMIT = 16;
const caches = new WeakMap();
/** `revisions[i]` overrides source i's targetRevision (a branch, tag or SHA). */
async function readTarget(reader, sim, revisions) {
    const sources = sim.config.sources;
    const failure = (index, detail) => `Failed to load target state: failed to generate manifest for source ${index + 1} of ${sources.length}: rpc error: code = Unknown desc = ${detail}`;
    const resolved = [];
    for (const [index, source] of sources.entries()) {
        try {
            resolved.push(await reader.resolve(source.repoPath, revisions?.[index] ?? source.targetRevision));
        }
        catch (error) {
            if (!(error instanceof GitReadError))
                throw error;
            return { revisions: undefined, resources: undefined, sourceTypes: [], error: failure(index, error.message), cause: unresolved(revisions?.[index] ?? source.targetRevision, error) };
        }
    }
    const key = resolved.join(',');
    let cache = caches.get(sim);
    if (!cache)
        caches.set(sim, (cache = new Map()));
    let generated = cache.get(key);
    if (!generated) {
        generated = await generate(reader, sim, resolved, failure);
        if (cache.size >= CACHE_LIMIT)
            cache.delete(cache.keys().next().value ?? '');
        cache.set(key, generated);
    }
    // Rules run on every comparison (not cached) so a test may change its mind between refreshes.
    if (generated.resources !== undefined) {
        const ruleError = sim.config.comparisonError?.(revisionContext(sim, resolved, generated.resources));
        if (ruleError !== undefined) {
            return { revisions: resolved, resources: undefined, sourceTypes: generated.sourceTypes, error: ruleError, cause: { grpcCode: GrpcCode.Unknown, message: ruleError } };
        }
    }
    return { revisions: resolved, ...generated };
}
async function generate(reader, sim, revisions, failure) {
    const resources = [];
    const sourceTypes = [];
    const namespace = sim.config.destination.namespace ?? '';
    for (const [index, source] of sim.config.sources.entries()) {
        // A `ref` source only lends its files to other sources (value files); it renders nothing.
        if (source.path === undefined)
            continue;
        try {
            const snapshot = await reader.snapshot(source.repoPath, revisions[index] ?? '');
            const helm = { helmBin: sim.config.helmBin, releaseName: sim.name, namespace, helm: source.helm };
            const loaded = await loadSource(reader, snapshot, { repoPath: source.repoPath, path: source.path, recurse: source.recurse, helm }, namespace, index);
            resources.push(...loaded.resources);
            sourceTypes.push(loaded.sourceType);
        }
        catch (error) {
            if (!(error instanceof ManifestError) && !(error instanceof GitReadError))
                throw error;
            const grpcCode = error instanceof ManifestError && error.code === 'FailedPrecondition' ? GrpcCode.FailedPrecondition : GrpcCode.Unknown;
            return { resources: undefined, sourceTypes, error: failure(index, error.message), cause: { grpcCode, message: error.message } };
        }
    }
    return { resources, sourceTypes };
}
function revisionContext(sim, revisions, resources) {
    return {
        app: sim.name,
        revisions,
        images: resources.flatMap((resource) => resource.images),
        resources: resources.map(({ kind, name, namespace }) => ({ kind, name, namespace })),
    };
}
function unresolved(revision, error) {
    if (!HEX_REVISION.test(revision))
        return { grpcCode: GrpcCode.Unknown, message: error.message };
    return {
        grpcCode: GrpcCode.Internal,
        message: `Failed to checkout revision ${revision}: \`git fetch origin ${revision} --force --prune\` failed exit status 128: fatal: remote error: upload-pack: not our ref ${revision}`,
    };
}

;// CONCATENATED MODULE: ./packages/argocd-simulator/src/operation.ts
/**
 * Runs a sync operation through the stages a real one passes: queued (top-level `operation`
 * only) → Running (resources applied, workloads Progressing) → Succeeded / Failed / Error
 * (`operation` removed, `finishedAt` set) → a comparison after it (`reconciledAt` ≥ `finishedAt`)
 * → rollout done (Healthy, or Degraded for a broken image). Failures retry with backoff first.
 */





const HISTORY_LIMIT = 10;
const SUCCESS_MESSAGE = 'successfully synced (all tasks run)';
/** Runs queued operations of `sim` one after another until none is left. */
async function runOperations(ctx, sim) {
    if (sim.operationRunning)
        return;
    sim.operationRunning = true;
    try {
        while (sim.app.operation && !sim.deleted && !ctx.signal.aborted) {
            await runOne(ctx, sim, sim.app.operation);
        }
    }
    finally {
        sim.operationRunning = false;
    }
}
async function stage(ctx, sim, name, ms) {
    if (!(await sleep(ctx.clock, ms, ctx.signal)))
        return false;
    await ctx.holds.pass(name, sim.key, ctx.signal);
    return !ctx.signal.aborted && !sim.deleted;
}
async function runOne(ctx, sim, queued) {
    const timings = sim.config.timings;
    if (!(await stage(ctx, sim, 'operationStart', timings.operationStartMs)))
        return;
    // A test may have patched the operation away while it was queued.
    if (!sim.app.operation)
        return;
    const operation = structuredClone(queued);
    const requested = operation.sync.revisions ?? [operation.sync.revision];
    const startedAt = formatTime(ctx.clock.now());
    const retryLimit = operation.retry?.limit ?? 0;
    let retryCount = 0;
    let applied;
    let target;
    let outcome;
    for (let attempt = 0;; attempt += 1) {
        target = await readTarget(ctx.reader, sim, requested);
        outcome = decide(sim, target, operation);
        const resources = outcome.phase === 'Succeeded' && !operation.sync.dryRun ? target.resources : undefined;
        const revisions = target.revisions ?? [];
        // Running and the applied resources (workloads Progressing) land in one update, as a client
        // of a real server sees the phase change together with the health it causes.
        ctx.store.update(sim, (app) => {
            if (attempt === 0) {
                app.status.operationState = { operation, phase: 'Running', message: 'one or more tasks are running', startedAt };
            }
            if (resources) {
                applied = applyToLive(sim, resources, revisions, operation.sync.prune === true, ctx.clock.now());
                sim.renderDerived(ctx.clock.now());
            }
        });
        if (!(await stage(ctx, sim, 'sync', timings.syncMs)))
            return;
        if (outcome.phase === 'Succeeded' || retryCount >= retryLimit)
            break;
        retryCount += 1;
        const message = `Retrying attempt #${retryCount} at ${clockTime(ctx.clock.now())}: ${outcome.message}`;
        ctx.store.update(sim, (app) => {
            const state = app.status.operationState;
            if (state)
                Object.assign(state, { message, retryCount });
        });
        if (!(await sleep(ctx.clock, timings.retryBackoffMs * 2 ** (retryCount - 1), ctx.signal)))
            return;
    }
    const finishedAt = formatTime(ctx.clock.now());
    const message = retryCount > 0 && outcome.phase !== 'Succeeded' ? `${outcome.message} (retried ${retryCount} times).` : outcome.message;
    ctx.store.update(sim, (app) => {
        const state = {
            operation,
            phase: outcome.phase,
            message,
            startedAt,
            finishedAt,
            ...(retryCount > 0 ? { retryCount } : {}),
        };
        if (target.revisions) {
            state.syncResult = {
                ...(outcome.resources.length > 0 ? { resources: outcome.resources } : {}),
                ...sim.revisionFields(target.revisions),
                ...sim.sourceFields(),
            };
        }
        app.status.operationState = state;
        delete app.operation;
        // Argo CD records full syncs only: a dry run or a sync of selected resources leaves no entry.
        if (outcome.phase === 'Succeeded' && !operation.sync.dryRun && !operation.sync.resources?.length && target.revisions) {
            const history = app.status.history ?? [];
            history.push({
                id: (history.at(-1)?.id ?? -1) + 1,
                ...sim.revisionFields(target.revisions),
                deployStartedAt: startedAt,
                deployedAt: finishedAt,
                ...sim.sourceFields(),
                initiatedBy: operation.initiatedBy,
            });
            app.status.history = history.slice(-HISTORY_LIMIT);
        }
    });
    sim.lastAttempt = { revisions: target.revisions ?? [], phase: outcome.phase, message };
    if (applied !== undefined)
        void settleRollout(ctx, sim, applied).catch(ctx.onError);
    if (!(await stage(ctx, sim, 'postSyncReconcile', timings.postSyncReconcileMs)))
        return;
    await ctx.reconcile(sim);
}
function decide(sim, target, operation) {
    if (target.resources === undefined) {
        return { phase: 'Error', message: `ComparisonError: ${target.error ?? 'unknown error'}`, resources: [] };
    }
    const context = revisionContext(sim, target.revisions ?? [], target.resources);
    const ruleMessage = sim.config.failSync?.(context);
    const badImage = context.images.find((entry) => sim.config.isFailSyncImage(entry.image));
    if (ruleMessage !== undefined || badImage) {
        const culprit = target.resources.find((resource) => badImage && resource.images.includes(badImage)) ?? target.resources[0];
        const reason = ruleMessage ??
            sim.config.failSyncMessage ??
            `admission webhook "validate.image-policy" denied the request: image "${badImage?.image ?? ''}" is not allowed`;
        const resources = culprit ? [resourceResult(culprit, 'SyncFailed', reason)] : [];
        return { phase: 'Failed', message: `one or more objects failed to apply, reason: ${reason}`, resources };
    }
    const live = new Map(sim.live.resources.map((resource) => [resourceKey(resource), resource]));
    const targetKeys = new Set(target.resources.map(resourceKey));
    const suffix = operation.sync.dryRun ? ' (dry run)' : '';
    const resources = target.resources.map((resource) => {
        const before = live.get(resourceKey(resource));
        const verb = !before ? 'created' : before.hash === resource.hash ? 'unchanged' : 'configured';
        return resourceResult(resource, 'Synced', `${objectRef(resource)} ${verb}${suffix}`);
    });
    for (const extra of sim.live.resources.filter((resource) => !targetKeys.has(resourceKey(resource)))) {
        resources.push(operation.sync.prune
            ? resourceResult(extra, 'Pruned', `pruned${suffix}`)
            : resourceResult(extra, 'PruneSkipped', 'ignored (requires pruning)'));
    }
    return { phase: 'Succeeded', message: SUCCESS_MESSAGE, resources };
}
/** Replaces live resources with the target's; returns the new live generation. */
function applyToLive(sim, target, revisions, prune, now) {
    const previous = new Map(sim.live.resources.map((resource) => [resourceKey(resource), resource]));
    const generation = sim.live.generation + 1;
    const next = target.map((resource) => {
        const before = previous.get(resourceKey(resource));
        previous.delete(resourceKey(resource));
        const unchanged = before?.hash === resource.hash;
        const live = {
            ...resource,
            uid: before?.uid ?? (0,external_node_crypto_.randomUUID)(),
            createdAt: before?.createdAt ?? formatTime(now),
            resourceVersion: unchanged && before ? before.resourceVersion : String(generation),
            objectGeneration: before ? before.objectGeneration + (unchanged ? 0 : 1) : 1,
            rollout: unchanged && before ? before.rollout : 'progressing',
            broken: resource.images.some((entry) => sim.config.isDegradedImage(entry.image)),
            ...(unchanged && before?.canary ? { canary: before.canary } : {}),
        };
        // An updated Rollout walks its canary steps; a new one is scaled up at once (Argo Rollouts).
        if (before && !unchanged && hasCanarySteps(live))
            startCanary(live);
        return live;
    });
    // Without prune, resources removed from git stay on the cluster (and show requiresPruning).
    if (!prune)
        next.push(...previous.values());
    sim.live = { revisions: [...revisions], resources: next, generation };
    return generation;
}
async function settleRollout(ctx, sim, generation) {
    if (!(await stage(ctx, sim, 'rollout', sim.config.timings.rolloutMs)))
        return;
    if (sim.live.generation !== generation)
        return;
    const canaries = sim.live.resources.filter((resource) => resource.canary?.phase === 'Progressing' && resource.canary.stepIndex === 0);
    ctx.store.update(sim, () => {
        for (const resource of sim.live.resources)
            if (!canaries.includes(resource))
                resource.rollout = 'settled';
        sim.renderDerived(ctx.clock.now());
    });
    for (const resource of canaries)
        void walkCanary(canaryContext(ctx, sim, generation), resource).catch(ctx.onError);
}
/** What a canary walk needs: the clock, the app's rules and timings, and a way to publish. */
function canaryContext(ctx, sim, generation) {
    return {
        clock: ctx.clock,
        signal: ctx.signal,
        analysisMs: sim.config.timings.rolloutMs,
        failsAnalysis: (images) => images.some((image) => sim.config.isFailAnalysisImage(image)),
        current: () => sim.live.generation === generation && !sim.deleted,
        update: (change) => {
            ctx.store.update(sim, () => {
                change();
                sim.renderDerived(ctx.clock.now());
            });
        },
    };
}
/** syncResult.resources of a first sync that created everything. */
function createdResults(resources) {
    return resources.map((resource) => resourceResult(resource, 'Synced', `${objectRef(resource)} created`));
}
function resourceResult(resource, status, message) {
    const images = [...new Set(resource.images.map((entry) => entry.image))];
    return {
        ...(resource.group ? { group: resource.group } : {}),
        version: resource.version,
        kind: resource.kind,
        ...(resource.namespace ? { namespace: resource.namespace } : {}),
        name: resource.name,
        status,
        message,
        hookPhase: status === 'SyncFailed' ? 'Failed' : 'Running',
        syncPhase: 'Sync',
        ...(images.length > 0 ? { images } : {}),
    };
}
/** `deployment.apps/name`, `service/name`: how kubectl names an object in apply output. */
function objectRef(resource) {
    return `${resource.kind.toLowerCase()}${resource.group ? `.${resource.group}` : ''}/${resource.name}`;
}

;// CONCATENATED MODULE: ./packages/argocd-simulator/src/sim-app.ts
/**
 * One simulated Application: the object the API serves plus the controller's own bookkeeping
 * (live state, last comparison, last sync attempt) that real Argo CD keeps in its caches.
 */




const REFRESH_ANNOTATION = 'argocd.argoproj.io/refresh';
class SimApp {
    config;
    key;
    app;
    live = { revisions: undefined, resources: [], generation: 0 };
    comparison;
    lastAttempt;
    deleted = false;
    /** Set while an operation's stages are being run, so only one runner exists per app. */
    operationRunning = false;
    constructor(config, now) {
        this.config = config;
        this.key = appKey(config.namespace, config.name);
        const sources = config.sources.map(specSource);
        this.app = {
            metadata: {
                name: config.name,
                namespace: config.namespace,
                uid: (0,external_node_crypto_.randomUUID)(),
                resourceVersion: '0',
                generation: 1,
                creationTimestamp: formatTime(now),
                ...(Object.keys(config.labels).length > 0 ? { labels: { ...config.labels } } : {}),
                ...(Object.keys(config.annotations).length > 0 ? { annotations: { ...config.annotations } } : {}),
            },
            spec: {
                ...(config.multiSource ? { sources } : { source: sources[0] }),
                destination: { ...config.destination },
                project: config.project,
                ...(config.automated || config.retry || config.syncOptions
                    ? {
                        syncPolicy: {
                            ...(config.automated ? { automated: { ...config.automated } } : {}),
                            ...(config.syncOptions ? { syncOptions: [...config.syncOptions] } : {}),
                            ...(config.retry ? { retry: structuredClone(config.retry) } : {}),
                        },
                    }
                    : {}),
                ...(config.ignoreDifferences.length > 0 ? { ignoreDifferences: structuredClone(config.ignoreDifferences) } : {}),
            },
            status: {
                sync: { status: 'Unknown', comparedTo: this.comparedTo() },
                health: {},
                summary: {},
                sourceHydrator: {},
            },
        };
    }
    get name() {
        return this.config.name;
    }
    comparedTo() {
        const spec = this.config.sources.map(specSource);
        return {
            ...(this.config.multiSource ? { sources: spec } : { source: spec[0] }),
            destination: { ...this.config.destination },
        };
    }
    /** `revision` or `revisions` as the app's source count calls for. */
    revisionFields(revisions) {
        return this.config.multiSource ? { revisions: [...revisions] } : { revision: revisions[0] ?? '' };
    }
    sourceFields() {
        const spec = this.config.sources.map(specSource);
        return this.config.multiSource ? { sources: spec } : { source: spec[0] };
    }
    /**
     * Recomputes what follows from live state and the last comparison: `status.resources`
     * (sync status per resource and inline health), `status.health`, `summary.images`.
     */
    renderDerived(now) {
        const status = this.app.status;
        const comparison = this.comparison;
        const liveByKey = new Map(this.live.resources.map((resource) => [resourceKey(resource), resource]));
        const targetByKey = new Map((comparison?.target ?? []).map((resource) => [resourceKey(resource), resource]));
        const keys = [...new Set([...targetByKey.keys(), ...liveByKey.keys()])];
        const rows = [];
        let health = 'Healthy';
        for (const key of keys) {
            const live = liveByKey.get(key);
            const target = targetByKey.get(key);
            const identity = (live ?? target);
            const row = {
                ...(identity.group ? { group: identity.group } : {}),
                version: identity.version,
                kind: identity.kind,
                ...(identity.namespace ? { namespace: identity.namespace } : {}),
                name: identity.name,
            };
            if (comparison?.target === undefined)
                row.status = 'Unknown';
            else
                row.status = live && target && live.hash === target.hash ? 'Synced' : 'OutOfSync';
            if (live && !target && comparison?.target !== undefined)
                row.requiresPruning = true;
            const resourceHealthStatus = live ? resourceHealth(live) : target ? { status: 'Missing' } : undefined;
            if (resourceHealthStatus) {
                row.health = resourceHealthStatus;
                // A resource about to be pruned no longer counts towards the app's health.
                if (!row.requiresPruning)
                    health = worseHealth(health, resourceHealthStatus.status);
            }
            rows.push(row);
        }
        rows.sort((a, b) => `${a.kind}/${a.name}`.localeCompare(`${b.kind}/${b.name}`));
        if (rows.length > 0)
            status.resources = rows;
        else
            delete status.resources;
        const previous = 'status' in status.health ? status.health : undefined;
        if (previous?.status !== health)
            status.health = { status: health, lastTransitionTime: formatTime(now) };
        const images = [...new Set(this.live.resources.flatMap((resource) => resource.images.map((entry) => entry.image)))].sort();
        status.summary = images.length > 0 ? { images } : {};
    }
}
function appKey(namespace, name) {
    return `${namespace}/${name}`;
}
function specSource(source) {
    return {
        repoURL: source.repoURL,
        ...(source.path !== undefined ? { path: source.path } : {}),
        targetRevision: source.targetRevision,
        ...(source.ref !== undefined ? { ref: source.ref } : {}),
        ...(source.recurse ? { directory: { recurse: true } } : {}),
        ...(source.helm ? { helm: structuredClone(source.helm) } : {}),
    };
}

;// CONCATENATED MODULE: ./packages/argocd-simulator/src/controller.ts
/**
 * The simulated application controller: reconciles each app with its git repositories on
 * request (a refresh) and on a timer, starts auto-syncs, and accepts sync requests. Comparisons
 * of one app never overlap; requests that arrive while one runs share the next one.
 */







class Controller {
    options;
    queues = new WeakMap();
    /** Cancels each app's periodic comparison. */
    timers = new Map();
    operationContext;
    constructor(options) {
        this.options = options;
        this.operationContext = {
            store: options.store,
            reader: options.reader,
            holds: options.holds,
            clock: options.clock,
            signal: options.signal,
            reconcile: (sim) => this.reconcile(sim),
            onError: options.onError,
        };
    }
    /**
     * Brings a new app to its starting state before it is visible: the initially deployed revision
     * applied and settled (as if synced long ago), then one comparison with the current tips.
     */
    async initialise(sim) {
        const now = this.options.clock.now();
        const deployed = sim.config.initiallyDeployed;
        if (deployed !== false) {
            const target = await readTarget(this.options.reader, sim, deployed === true ? undefined : deployed);
            if (!target.resources || !target.revisions)
                throw new Error(`app ${sim.name}: cannot deploy its initial revision: ${target.error ?? ''}`);
            applyToLive(sim, target.resources, target.revisions, true, now);
            for (const resource of sim.live.resources)
                resource.rollout = 'settled';
            const at = formatTime(now);
            const initiatedBy = sim.config.automated ? { automated: true } : { username: 'admin' };
            const operation = { sync: sim.revisionFields(target.revisions), initiatedBy };
            sim.app.status.operationState = {
                operation,
                phase: 'Succeeded',
                message: 'successfully synced (all tasks run)',
                startedAt: at,
                finishedAt: at,
                syncResult: {
                    ...(target.resources.length > 0 ? { resources: createdResults(target.resources) } : {}),
                    ...sim.revisionFields(target.revisions),
                    ...sim.sourceFields(),
                },
            };
            sim.app.status.history = [
                { id: 0, ...sim.revisionFields(target.revisions), deployStartedAt: at, deployedAt: at, ...sim.sourceFields(), initiatedBy },
            ];
            sim.lastAttempt = { revisions: target.revisions, phase: 'Succeeded', message: 'successfully synced (all tasks run)' };
        }
        sim.app.status.controllerNamespace = sim.config.namespace;
        applyComparison(sim, await readTarget(this.options.reader, sim), now);
        decideAutoSync(sim, now);
    }
    /** Starts what a newly stored app needs: its timer, and the auto-sync `initialise` queued. */
    started(sim) {
        const interval = this.options.reconcileIntervalMs;
        if (interval > 0) {
            this.timers.set(sim, every(this.options.clock, interval, () => void this.reconcile(sim)));
        }
        this.kickOperations(sim);
    }
    stopped(sim) {
        this.timers.get(sim)?.();
        this.timers.delete(sim);
    }
    stopAll() {
        for (const cancel of this.timers.values())
            cancel();
        this.timers.clear();
    }
    /** What a refresh GET does: set the refresh annotation, then wait for the comparison that clears it. */
    async refresh(sim, type) {
        this.options.store.update(sim, (app) => {
            const annotations = (app.metadata.annotations ??= {});
            if (annotations[REFRESH_ANNOTATION] !== 'hard')
                annotations[REFRESH_ANNOTATION] = type;
        });
        await this.reconcile(sim);
    }
    /** Queues a comparison; resolves when one that started after this call has finished. */
    reconcile(sim) {
        let queue = this.queues.get(sim);
        if (!queue)
            this.queues.set(sim, (queue = { running: false, pending: undefined }));
        queue.pending ??= deferred();
        const { promise } = queue.pending;
        if (!queue.running)
            void this.drain(sim, queue);
        return promise;
    }
    async drain(sim, queue) {
        queue.running = true;
        while (queue.pending) {
            const batch = queue.pending;
            queue.pending = undefined;
            try {
                await this.reconcileOnce(sim);
            }
            catch (error) {
                this.options.onError(error);
            }
            batch.resolve();
        }
        queue.running = false;
    }
    async reconcileOnce(sim) {
        const { signal, holds, store, reader, clock } = this.options;
        // Only a refresh requested before this comparison began is answered by it.
        const refreshing = sim.app.metadata.annotations?.[REFRESH_ANNOTATION] !== undefined;
        if (!(await sleep(clock, sim.config.timings.refreshMs, signal)))
            return;
        await holds.pass('refresh', sim.key, signal);
        if (signal.aborted || sim.deleted)
            return;
        const target = await readTarget(reader, sim);
        let started = false;
        store.update(sim, (app) => {
            const at = clock.now();
            applyComparison(sim, target, at);
            started = decideAutoSync(sim, at);
            if (refreshing && app.metadata.annotations) {
                delete app.metadata.annotations[REFRESH_ANNOTATION];
                if (Object.keys(app.metadata.annotations).length === 0)
                    delete app.metadata.annotations;
            }
        });
        if (started)
            this.kickOperations(sim);
    }
    /** Validates and queues a sync operation as the API server's Sync does. */
    async sync(sim, request, username) {
        if (sim.app.operation)
            throw operationInProgress();
        const sources = sim.config.sources;
        const wanted = sources.map(() => undefined);
        if (sim.config.multiSource) {
            (request.sourcePositions ?? []).forEach((position, i) => {
                const index = Number(position) - 1;
                if (index < 0 || index >= sources.length)
                    throw new ApiError(GrpcCode.InvalidArgument, `source position is out of range`);
                wanted[index] = request.revisions?.[i];
            });
        }
        else if (request.revision) {
            const targetRevision = sources[0]?.targetRevision ?? 'HEAD';
            if (sim.config.automated && !request.dryRun && request.revision !== targetRevision) {
                throw new ApiError(GrpcCode.FailedPrecondition, `Cannot sync to ${request.revision}: auto-sync currently set to ${targetRevision}`);
            }
            wanted[0] = request.revision;
        }
        const resolved = [];
        for (const [index, source] of sources.entries()) {
            try {
                resolved.push(await this.options.reader.resolve(source.repoPath, wanted[index] ?? source.targetRevision));
            }
            catch (error) {
                if (!(error instanceof GitReadError))
                    throw error;
                throw new ApiError(GrpcCode.FailedPrecondition, `error resolving repo revision: rpc error: code = Unknown desc = ${error.message}`);
            }
        }
        // Resolving took time; another sync may have been queued meanwhile.
        if (sim.app.operation)
            throw operationInProgress();
        // As the API server does: the app's sync options and retry policy unless the request has its own.
        const syncOptions = request.syncOptions?.items ?? sim.config.syncOptions;
        const retry = request.retryStrategy ?? sim.config.retry;
        const operation = {
            sync: {
                ...sim.revisionFields(resolved),
                ...(request.prune ? { prune: true } : {}),
                ...(request.dryRun ? { dryRun: true } : {}),
                ...(request.strategy ? { syncStrategy: request.strategy } : {}),
                ...(request.resources?.length ? { resources: request.resources } : {}),
                ...(syncOptions?.length ? { syncOptions } : {}),
            },
            initiatedBy: { username },
            ...(retry ? { retry: structuredClone(retry) } : {}),
        };
        this.options.store.update(sim, (app) => {
            app.operation = operation;
        });
        this.kickOperations(sim);
        return structuredClone(sim.app);
    }
    kickOperations(sim) {
        if (sim.app.operation)
            void runOperations(this.operationContext, sim).catch(this.options.onError);
    }
}

;// CONCATENATED MODULE: ./packages/argocd-simulator/src/fault-response.ts
/**
 * What a fired `error` fault answers: the body a client would really meet for that status.
 */



// Messages Argo CD itself sends for these statuses.
const DEFAULT_MESSAGES = {
    401: 'invalid session: token has invalid claims: token is expired',
    403: 'permission denied',
    404: 'Not Found',
    429: 'too many requests',
    500: 'internal error',
};
function sendFaultError(res, fault) {
    if (fault.body !== undefined) {
        sendText(res, fault.status, fault.body, fault.contentType ?? 'text/plain; charset=utf-8');
        return;
    }
    // 502–504 come from the ingress in front of Argo CD, not from Argo CD: an HTML page, not JSON.
    if (fault.status >= 502 && fault.status <= 504 && fault.message === undefined && fault.grpcCode === undefined) {
        sendText(res, fault.status, proxyPage(fault.status), 'text/html');
        return;
    }
    const message = fault.message ?? DEFAULT_MESSAGES[fault.status] ?? external_node_http_.STATUS_CODES[fault.status] ?? 'error';
    sendJson(res, fault.status, runtimeError(new ApiError(fault.grpcCode ?? grpcFromHttpStatus(fault.status), message, fault.status)));
}
function proxyPage(status) {
    const title = `${status} ${external_node_http_.STATUS_CODES[status] ?? ''}`;
    return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

;// CONCATENATED MODULE: ./packages/argocd-simulator/src/faults.ts
const STREAM_ONLY = new Set(['stream-drop', 'stream-error', 'stream-garbage', 'stream-idle-timeout', 'buffer']);
class FaultRegistry {
    entries = [];
    nextId = 1;
    random;
    constructor(seed) {
        this.random = mulberry32(seed);
    }
    add(spec) {
        if (spec.action.type === 'delay' && !(spec.action.ms >= 0))
            throw new Error('a delay fault needs ms >= 0');
        const entry = { id: this.nextId++, spec, hits: 0, active: true };
        this.entries.push(entry);
        return {
            id: entry.id,
            get hits() {
                return entry.hits;
            },
            get active() {
                return entry.active;
            },
            remove: () => this.retire(entry),
        };
    }
    remove(id) {
        const entry = this.entries.find((candidate) => candidate.id === id);
        if (entry)
            this.retire(entry);
        return entry !== undefined;
    }
    clear() {
        for (const entry of this.entries)
            entry.active = false;
        this.entries = [];
    }
    list() {
        return this.entries.map(({ id, hits, spec }) => ({ id, hits, spec }));
    }
    /** The action of the first fault that matches and fires, counting the hit. */
    take(target) {
        for (const entry of this.entries) {
            if (!matches(entry.spec, target))
                continue;
            if (entry.spec.probability !== undefined && this.random() >= entry.spec.probability)
                continue;
            entry.hits += 1;
            if (entry.spec.times !== undefined && entry.hits >= entry.spec.times)
                this.retire(entry);
            return entry.spec.action;
        }
        return undefined;
    }
    retire(entry) {
        entry.active = false;
        this.entries = this.entries.filter((candidate) => candidate !== entry);
    }
}
function matches(spec, target) {
    const endpoints = spec.endpoint === undefined ? undefined : typeof spec.endpoint === 'string' ? [spec.endpoint] : spec.endpoint;
    if (STREAM_ONLY.has(spec.action.type) && target.endpoint !== 'stream')
        return false;
    if (endpoints && !endpoints.includes(target.endpoint))
        return false;
    if (spec.app !== undefined && spec.app !== target.app)
        return false;
    if (spec.token !== undefined && spec.token !== target.token)
        return false;
    return true;
}
/** A small seeded PRNG (mulberry32): the same seed gives the same fault pattern. */
function mulberry32(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

;// CONCATENATED MODULE: ./packages/argocd-simulator/src/merge-patch.ts
function applyMergePatch(target, patch) {
    for (const [key, value] of Object.entries(patch)) {
        if (value === undefined)
            continue;
        if (value === null) {
            delete target[key];
        }
        else if (isPlainObject(value)) {
            const existing = target[key];
            const next = isPlainObject(existing) ? existing : {};
            applyMergePatch(next, value);
            target[key] = next;
        }
        else {
            target[key] = structuredClone(value);
        }
    }
}
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./packages/argocd-simulator/src/options.ts
/**
 * How a simulated Argo CD and its Applications are configured, and the defaults filled in.
 */



const DEFAULT_TIMINGS = {
    refreshMs: 5,
    operationStartMs: 10,
    syncMs: 25,
    postSyncReconcileMs: 10,
    rolloutMs: 40,
    retryBackoffMs: 10,
};
function normaliseApp(config, defaults) {
    const rawSources = config.sources ?? (config.source ? [config.source] : []);
    if (rawSources.length === 0)
        throw new Error(`app ${config.name}: give source or sources`);
    if (config.source && config.sources)
        throw new Error(`app ${config.name}: give source or sources, not both`);
    const sources = rawSources.map((source) => {
        const repoPath = (0,external_node_path_.resolve)(source.repoPath);
        return {
            repoPath,
            targetRevision: source.targetRevision ?? 'HEAD',
            path: source.path ?? (source.ref !== undefined ? undefined : '.'),
            repoURL: source.repoURL ?? (0,external_node_url_.pathToFileURL)(repoPath).href,
            recurse: source.recurse ?? false,
            ref: source.ref,
            helm: source.helm ? structuredClone(source.helm) : undefined,
        };
    });
    const deployed = config.initiallyDeployed ?? true;
    const rules = config.rules ?? {};
    const automated = config.autoSync ?? true;
    return {
        name: config.name,
        namespace: config.namespace ?? defaults.namespace,
        project: config.project ?? 'default',
        labels: { ...config.labels },
        annotations: { ...config.annotations },
        multiSource: config.sources !== undefined,
        sources,
        destination: config.destination ?? { server: 'https://kubernetes.default.svc', namespace: 'default' },
        automated: automated === false ? undefined : automated === true ? { prune: false, selfHeal: false } : { ...automated },
        retry: config.retry,
        syncOptions: config.syncOptions ? [...config.syncOptions] : undefined,
        ignoreDifferences: structuredClone(config.ignoreDifferences ?? []),
        initiallyDeployed: typeof deployed === 'string' ? sources.map(() => deployed) : deployed,
        timings: { ...defaults.timings, ...config.timings },
        isDegradedImage: compileImageMatcher(rules.degradedImage === undefined ? { tagPrefix: 'broken-' } : rules.degradedImage),
        isFailSyncImage: compileImageMatcher(rules.failSyncImage),
        isFailAnalysisImage: compileImageMatcher(rules.failAnalysisImage === undefined ? { tagPrefix: 'failing-analysis-' } : rules.failAnalysisImage),
        failSyncMessage: rules.failSyncMessage,
        failSync: rules.failSync,
        comparisonError: rules.comparisonError,
        helmBin: defaults.helmBin,
    };
}

;// CONCATENATED MODULE: ./packages/argocd-simulator/src/types.ts
/**
 * The JSON the simulator serves, typed after Argo CD's swagger.json (v1alpha1Application and the
 * objects inside it). Only fields the simulator emits are listed; every optional field is omitted
 * when empty, as Go's `omitempty` does on the real server.
 */
const ENDPOINTS = [
    'session',
    'userinfo',
    'version',
    'list',
    'get',
    'refresh',
    'stream',
    'resource-tree',
    'resource',
    'applicationset',
    'manifests',
    'managed-resources',
    'sync',
    'unknown',
];

;// CONCATENATED MODULE: ./packages/argocd-simulator/src/request-log.ts

class RequestLog {
    limit;
    entries = [];
    totals = new Map();
    seq = 0;
    constructor(limit) {
        this.limit = limit;
    }
    record(entry) {
        this.seq += 1;
        const record = { seq: this.seq, ...entry };
        this.entries.push(record);
        // Old records go first on a long benchmark; the per-endpoint counts stay exact.
        if (this.entries.length > this.limit)
            this.entries.splice(0, this.entries.length - this.limit);
        this.totals.set(entry.endpoint, (this.totals.get(entry.endpoint) ?? 0) + 1);
        return record;
    }
    get records() {
        return this.entries;
    }
    count(endpoint) {
        if (endpoint !== undefined)
            return this.totals.get(endpoint) ?? 0;
        let sum = 0;
        for (const value of this.totals.values())
            sum += value;
        return sum;
    }
    counts() {
        return Object.fromEntries(ENDPOINTS.map((endpoint) => [endpoint, this.totals.get(endpoint) ?? 0]));
    }
    clear() {
        this.entries.length = 0;
        this.totals.clear();
    }
}

;// CONCATENATED MODULE: ./packages/argocd-simulator/src/application-sets.ts
/**
 * ApplicationSets, as far as a client waiting on their Applications meets them: `GET
 * /api/v1/applicationsets/{name}` answers the set with `status.resources` (the Applications it
 * generated, as ResourceStatus rows with their sync and health) and `resourcesCount`, and each
 * generated app carries an `ownerReferences` entry naming the set. The generators are not run: a
 * test declares which apps a set generated (`sim.addApplicationSet`).
 */


function newApplicationSet(config, namespace, now) {
    return { config: { ...config, apps: [...config.apps], namespace: config.namespace ?? namespace }, uid: (0,external_node_crypto_.randomUUID)(), createdAt: formatTime(now) };
}
/** The set as the API returns it; `apps` are the generated Applications that exist. */
function applicationSetObject(set, apps) {
    const { name, namespace } = set.config;
    const rows = apps.map((app) => ({
        group: 'argoproj.io',
        version: 'v1alpha1',
        kind: 'Application',
        namespace: app.metadata.namespace,
        name: app.metadata.name,
        status: app.status.sync.status,
        ...('status' in app.status.health ? { health: { status: app.status.health.status } } : {}),
    }));
    const shown = set.config.resourcesLimit === undefined ? rows : rows.slice(0, set.config.resourcesLimit);
    return {
        metadata: { name, namespace, uid: set.uid, creationTimestamp: set.createdAt },
        spec: { generators: [{ list: { elements: set.config.apps.map((app) => ({ app })) } }], template: { metadata: { name: '{{app}}' }, spec: {} } },
        status: {
            conditions: [{ type: 'ResourcesUpToDate', status: 'True', reason: 'ApplicationSetUpToDate', message: 'All applications have been generated successfully' }],
            ...(shown.length > 0 ? { resources: shown } : {}),
            resourcesCount: rows.length,
        },
    };
}
/** The `ownerReferences` entry a generated Application carries. */
function ownerReference(set) {
    return { apiVersion: 'argoproj.io/v1alpha1', kind: 'ApplicationSet', name: set.config.name, uid: set.uid, controller: true, blockOwnerDeletion: true };
}

;// CONCATENATED MODULE: ./packages/argocd-simulator/src/store.ts
/**
 * The simulated Kubernetes API for Application objects: one resourceVersion counter for all of
 * them (like etcd's revision, so versions only ever increase, across apps too), updates that
 * bump it only when the object really changed, and a broadcaster feeding the watch streams.
 */

class AppStore {
    revision = 0;
    apps = new Map();
    listeners = new Set();
    get resourceVersion() {
        return String(this.revision);
    }
    get(namespace, name) {
        return this.apps.get(appKey(namespace, name));
    }
    /** Every app, ordered by `namespace/name` as Argo CD's lister output is sorted. */
    list() {
        return [...this.apps.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    }
    add(sim) {
        if (this.apps.has(sim.key))
            throw new Error(`application ${sim.key} already exists`);
        this.apps.set(sim.key, sim);
        this.bump(sim);
        this.emit('ADDED', sim);
    }
    remove(sim, deletedAt) {
        if (!this.apps.delete(sim.key))
            return;
        sim.deleted = true;
        sim.app.metadata.deletionTimestamp = deletedAt;
        this.bump(sim);
        this.emit('DELETED', sim);
    }
    /** Applies `mutate`; when the object changed, bumps its resourceVersion and broadcasts MODIFIED. */
    update(sim, mutate) {
        if (sim.deleted)
            return false;
        const before = JSON.stringify(sim.app);
        const version = sim.app.metadata.resourceVersion;
        mutate(sim.app);
        // resourceVersion is the store's to set, whatever a patch wrote into it.
        sim.app.metadata.resourceVersion = version;
        if (JSON.stringify(sim.app) === before)
            return false;
        this.bump(sim);
        this.emit('MODIFIED', sim);
        return true;
    }
    subscribe(listener) {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }
    bump(sim) {
        this.revision += 1;
        sim.app.metadata.resourceVersion = String(this.revision);
    }
    emit(type, sim) {
        for (const listener of [...this.listeners]) {
            listener({ type, application: structuredClone(sim.app) });
        }
    }
}

;// CONCATENATED MODULE: ./packages/argocd-simulator/src/live-object.ts
/**
 * The objects behind `GET …/manifests` and `GET …/managed-resources`, shaped as Argo CD and a
 * cluster shape them:
 * - a rendered manifest carries the tracking annotation the repo server adds
 *   (`argocd.argoproj.io/tracking-id`, Argo CD 3.x's default annotation tracking), and no
 *   namespace unless the source wrote one (the controller fills that in, not the repo server);
 * - the controller's target object has the destination namespace on namespaced kinds;
 * - a live object is the applied object plus what the API server adds: metadata.uid,
 *   resourceVersion, creationTimestamp, generation on workloads, defaulted fields (a
 *   Deployment's `revisionHistoryLimit: 10`, `progressDeadlineSeconds: 600`, pod template
 *   defaults, a Service's `type: ClusterIP` and `clusterIP`…), stringData folded into a Secret's
 *   data, and a `status` (Deployments, Services, Rollouts), and the
 *   `kubectl.kubernetes.io/last-applied-configuration` annotation a client-side apply (Argo CD's
 *   default) leaves. Consumers comparing manifests with live state thus meet the fields they must
 *   ignore.
 */



const TRACKING_ANNOTATION = 'argocd.argoproj.io/tracking-id';
const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
const POD_TEMPLATE_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicaSet', 'Rollout']);
// Kinds whose metadata.generation the API server keeps (those with a spec it tracks).
const GENERATION_KINDS = new Set([...POD_TEMPLATE_KINDS, 'CronJob', 'HorizontalPodAutoscaler', 'Ingress', 'PodDisruptionBudget', 'Pod']);
function trackingOf(sim, controlNamespace) {
    const instance = sim.config.namespace === controlNamespace ? sim.name : `${sim.config.namespace}_${sim.name}`;
    return { instance, namespace: sim.config.destination.namespace ?? '' };
}
/** What the repo server returns for the resource: the rendered object with its tracking id. */
function renderedManifest(resource, tracking) {
    const object = structuredClone(resource.object);
    // The repo server tracks every object but CRDs.
    if (resource.kind === 'CustomResourceDefinition')
        return object;
    const annotations = record(record(object, 'metadata'), 'annotations');
    const namespace = resource.namespace || tracking.namespace;
    annotations[TRACKING_ANNOTATION] = `${tracking.instance}:${resource.group}/${resource.kind}:${namespace}/${resource.name}`;
    return object;
}
/** The controller's target object: the rendered one with the namespace it will be applied in. */
function targetObject(resource, tracking) {
    const object = renderedManifest(resource, tracking);
    const metadata = record(object, 'metadata');
    if (resource.namespace)
        metadata['namespace'] = resource.namespace;
    else
        delete metadata['namespace'];
    return object;
}
/** The object as the cluster stores it after applying the resource's last applied target. */
function live_object_liveObject(resource, tracking) {
    const object = targetObject(resource, tracking);
    const lastApplied = JSON.stringify(object);
    normaliseSecret(object);
    const metadata = record(object, 'metadata');
    record(metadata, 'annotations')[LAST_APPLIED_ANNOTATION] = lastApplied;
    Object.assign(metadata, {
        uid: resource.uid,
        resourceVersion: resource.resourceVersion,
        creationTimestamp: resource.createdAt,
        ...(GENERATION_KINDS.has(resource.kind) ? { generation: resource.objectGeneration } : {}),
    });
    applyDefaults(object, resource.kind);
    const status = liveStatus(resource, object);
    if (status)
        object['status'] = status;
    return object;
}
/** A Secret's stringData as the API server stores it: base64 in data (gitops-engine's NormalizeSecret). */
function normaliseSecret(object) {
    if (object['kind'] !== 'Secret' || !isCoreGroup(object) || !live_object_isRecord(object['stringData']))
        return;
    const data = live_object_isRecord(object['data']) ? object['data'] : {};
    for (const [key, value] of Object.entries(object['stringData'])) {
        data[key] = typeof value === 'string' ? Buffer.from(value, 'utf8').toString('base64') : value;
    }
    object['data'] = data;
    delete object['stringData'];
}
function isCoreGroup(object) {
    const apiVersion = object['apiVersion'];
    return typeof apiVersion === 'string' && !apiVersion.includes('/');
}
function applyDefaults(object, kind) {
    const spec = live_object_isRecord(object['spec']) ? object['spec'] : undefined;
    if (kind === 'Secret')
        setDefault(object, 'type', 'Opaque');
    if (kind === 'Service' && spec)
        serviceDefaults(spec, String(record(object, 'metadata')['uid']));
    if (kind === 'Deployment' && spec) {
        setDefault(spec, 'replicas', 1);
        setDefault(spec, 'revisionHistoryLimit', 10);
        setDefault(spec, 'progressDeadlineSeconds', 600);
        setDefault(spec, 'strategy', { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
    }
    if (POD_TEMPLATE_KINDS.has(kind) && spec && live_object_isRecord(spec['template'])) {
        const template = spec['template'];
        // The famous `creationTimestamp: null` every stored pod template carries.
        setDefault(record(template, 'metadata'), 'creationTimestamp', null);
        if (live_object_isRecord(template['spec']))
            podSpecDefaults(template['spec']);
    }
    if (kind === 'Pod' && spec)
        podSpecDefaults(spec);
}
function podSpecDefaults(spec) {
    setDefault(spec, 'restartPolicy', 'Always');
    setDefault(spec, 'terminationGracePeriodSeconds', 30);
    setDefault(spec, 'dnsPolicy', 'ClusterFirst');
    setDefault(spec, 'securityContext', {});
    setDefault(spec, 'schedulerName', 'default-scheduler');
    for (const list of ['containers', 'initContainers']) {
        const containers = spec[list];
        if (!Array.isArray(containers))
            continue;
        for (const container of containers.filter(live_object_isRecord)) {
            const image = typeof container['image'] === 'string' ? container['image'] : '';
            setDefault(container, 'resources', {});
            setDefault(container, 'terminationMessagePath', '/dev/termination-log');
            setDefault(container, 'terminationMessagePolicy', 'File');
            setDefault(container, 'imagePullPolicy', pullsAlways(image) ? 'Always' : 'IfNotPresent');
        }
    }
}
/** Kubernetes' default pull policy: Always for `:latest` or no tag at all (a digest counts as pinned). */
function pullsAlways(image) {
    if (image.includes('@'))
        return false;
    const last = image.slice(image.lastIndexOf('/') + 1);
    const colon = last.indexOf(':');
    return colon < 0 || last.slice(colon + 1) === 'latest';
}
function serviceDefaults(spec, uid) {
    setDefault(spec, 'type', 'ClusterIP');
    setDefault(spec, 'sessionAffinity', 'None');
    if (spec['type'] === 'ClusterIP' || spec['type'] === 'NodePort' || spec['type'] === 'LoadBalancer') {
        // Allocated once at creation, so it follows the object's uid.
        const bytes = (0,external_node_crypto_.createHash)('sha256').update(uid).digest();
        const ip = `10.96.${bytes[0] ?? 0}.${(bytes[1] ?? 0) % 254 + 1}`;
        setDefault(spec, 'clusterIP', ip);
        setDefault(spec, 'clusterIPs', [spec['clusterIP']]);
        setDefault(spec, 'ipFamilies', ['IPv4']);
        setDefault(spec, 'ipFamilyPolicy', 'SingleStack');
        setDefault(spec, 'internalTrafficPolicy', 'Cluster');
    }
    const ports = spec['ports'];
    if (!Array.isArray(ports))
        return;
    for (const port of ports.filter(live_object_isRecord)) {
        setDefault(port, 'protocol', 'TCP');
        setDefault(port, 'targetPort', port['port']);
    }
}
function liveStatus(resource, object) {
    switch (resource.kind) {
        case 'Deployment':
            return deploymentStatus(resource, object);
        case 'Service':
            return { loadBalancer: {} };
        case 'Rollout': {
            const status = rolloutObject(resource)['status'];
            return live_object_isRecord(status) ? status : undefined;
        }
        default:
            return undefined;
    }
}
function deploymentStatus(resource, object) {
    const spec = record(object, 'spec');
    const replicas = typeof spec['replicas'] === 'number' ? spec['replicas'] : 1;
    const available = resource.rollout === 'settled' && !resource.broken;
    const at = resource.createdAt;
    const replicaSet = replicaSetName(resource);
    const progressing = resource.broken
        ? { status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${replicaSet}" has timed out progressing.` }
        : available
            ? { status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${replicaSet}" has successfully progressed.` }
            : { status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${replicaSet}" is progressing.` };
    return {
        observedGeneration: resource.objectGeneration,
        replicas,
        updatedReplicas: replicas,
        // Go's omitempty: a zero count is left out, as the API server leaves it out.
        ...(available ? { readyReplicas: replicas, availableReplicas: replicas } : { unavailableReplicas: replicas }),
        conditions: [
            {
                type: 'Available',
                status: available ? 'True' : 'False',
                reason: available ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
                message: available ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.',
                lastUpdateTime: at,
                lastTransitionTime: at,
            },
            { type: 'Progressing', ...progressing, lastUpdateTime: at, lastTransitionTime: at },
        ],
    };
}
function setDefault(object, key, value) {
    if (!(key in object))
        object[key] = value;
}
/** `object[key]` as an object, created when missing (or not an object). */
function record(object, key) {
    const value = object[key];
    if (live_object_isRecord(value))
        return value;
    const created = {};
    object[key] = created;
    return created;
}
function live_object_isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./packages/argocd-simulator/src/resource-diff.ts





const MASK = '++++++++';
function handleManagedResources(ctx, req, res, route, params) {
    const principal = ctx.auth.authenticate(req.headers);
    const sim = lookupApp(ctx, principal, route.app ?? '', params.get('appNamespace'), params.get('project'));
    const filter = (item) => ['namespace', 'name', 'group', 'kind'].every((field) => {
        const wanted = params.get(field);
        return !wanted || (item[field] ?? '') === wanted;
    });
    sendJson(res, 200, { items: managedResources(sim, ctx.namespace).filter(filter) });
}
/** Every managed resource's diff, ordered by group, kind, namespace, name. */
function managedResources(sim, controlNamespace) {
    const tracking = trackingOf(sim, controlNamespace);
    const live = new Map(sim.live.resources.map((resource) => [resourceKey(resource), resource]));
    // A comparison that could not render the target leaves every resource without one, as in Argo CD.
    const target = new Map((sim.comparison?.target ?? []).map((resource) => [resourceKey(resource), resource]));
    const keys = [...new Set([...live.keys(), ...target.keys()])].sort();
    return keys.map((key) => resourceDiff(live.get(key), target.get(key), tracking, sim.config.ignoreDifferences));
}
function resourceDiff(live, target, tracking, rules) {
    const identity = (live ?? target);
    const states = objectStates(live, target, tracking);
    const normalize = (object) => object && normalized(object, identity, rules);
    const normalizedLive = normalize(states.live);
    const normalizedTarget = normalize(states.target);
    const predicted = normalizedLive && normalizedTarget ? threeWay(normalizedLive, normalize(states.applied), normalizedTarget) : normalizedTarget;
    // Created: modified; deleted (no prediction): not, as gitops-engine decides; else any change.
    const modified = predicted !== undefined && (normalizedLive === undefined || !(0,external_node_util_.isDeepStrictEqual)(predicted, normalizedLive));
    return {
        ...(identity.group ? { group: identity.group } : {}),
        kind: identity.kind,
        ...(identity.namespace ? { namespace: identity.namespace } : {}),
        name: identity.name,
        targetState: json(states.target),
        liveState: json(states.live),
        normalizedLiveState: json(normalizedLive),
        predictedLiveState: json(predicted),
        ...(live ? { resourceVersion: live.resourceVersion } : {}),
        ...(modified ? { modified: true } : {}),
    };
}
/** Target, live and last applied object; a Secret's values masked in all three at once. */
function objectStates(live, target, tracking) {
    const targetState = target ? targetObject(target, tracking) : undefined;
    const liveState = live ? live_object_liveObject(live, tracking) : undefined;
    const applied = liveState ? lastApplied(liveState) : undefined;
    const identity = (live ?? target);
    if (identity.kind !== 'Secret' || identity.group !== '')
        return { target: targetState, live: liveState, applied };
    // HideSecretData's order: target, live, target's last applied (never set here), live's last applied.
    const [maskedTarget, maskedLive, , maskedApplied] = hideSecretData([targetState, liveState, undefined, applied]);
    if (maskedLive && maskedApplied)
        record(record(maskedLive, 'metadata'), 'annotations')[LAST_APPLIED_ANNOTATION] = JSON.stringify(maskedApplied);
    return { target: maskedTarget, live: maskedLive, applied: maskedApplied };
}
function lastApplied(live) {
    const annotations = live_object_isRecord(live['metadata']) ? live['metadata']['annotations'] : undefined;
    const text = live_object_isRecord(annotations) ? annotations[LAST_APPLIED_ANNOTATION] : undefined;
    if (typeof text !== 'string')
        return undefined;
    const value = JSON.parse(text);
    return live_object_isRecord(value) ? value : undefined;
}
function json(object) {
    return object === undefined ? 'null' : JSON.stringify(object);
}
/**
 * diff.HideSecretData: stringData folded into data first, then per data key every distinct value
 * (across the objects, in order) gets its own run of `+`. Returns masked copies.
 */
function hideSecretData(objects) {
    const copies = objects.map((object) => {
        if (!object)
            return undefined;
        const copy = structuredClone(object);
        normaliseSecret(copy);
        return copy;
    });
    const datas = copies.map((object) => (object && live_object_isRecord(object['data']) ? object['data'] : undefined));
    const keys = new Set(datas.flatMap((data) => Object.keys(data ?? {})));
    for (const key of keys) {
        const replacements = new Map();
        let next = MASK;
        for (const data of datas) {
            if (!data || !(key in data))
                continue;
            const value = data[key] === null || data[key] === undefined ? '' : String(data[key]);
            let replacement = replacements.get(value);
            if (replacement === undefined) {
                replacement = next;
                next += '++++';
                replacements.set(value, replacement);
            }
            data[key] = replacement;
        }
    }
    return copies;
}
/** A copy without `/status` and without the app's matching ignoreDifferences pointers. */
function normalized(object, identity, rules) {
    const copy = structuredClone(object);
    delete copy['status'];
    for (const rule of rules) {
        if (!ruleMatches(rule, identity))
            continue;
        for (const pointer of rule.jsonPointers ?? [])
            removePointer(copy, pointer);
    }
    return copy;
}
function ruleMatches(rule, identity) {
    return (glob(rule.group ?? '', identity.group) &&
        glob(rule.kind, identity.kind) &&
        (!rule.name || rule.name === identity.name) &&
        (!rule.namespace || rule.namespace === identity.namespace));
}
/** Argo CD matches group and kind with glob patterns (`*` for any run of characters). */
function glob(pattern, value) {
    const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    return regex.test(value);
}
/** A JSON-patch `remove` of an RFC 6901 pointer; a path that does not exist is left alone. */
function removePointer(object, pointer) {
    if (!pointer.startsWith('/'))
        return;
    const tokens = pointer
        .slice(1)
        .split('/')
        .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = tokens.pop();
    if (last === undefined)
        return;
    let node = object;
    for (const token of tokens)
        node = child(node, token);
    if (Array.isArray(node)) {
        const index = Number(last);
        if (Number.isInteger(index) && index >= 0 && index < node.length)
            node.splice(index, 1);
    }
    else if (live_object_isRecord(node)) {
        delete node[last];
    }
}
function child(node, token) {
    if (Array.isArray(node))
        return /^\d+$/.test(token) ? node[Number(token)] : undefined;
    return live_object_isRecord(node) ? node[token] : undefined;
}
/** live ← target, deleting what `original` had and `target` dropped; see the module comment. */
function threeWay(live, original, target) {
    const out = structuredClone(live);
    for (const key of Object.keys(original ?? {})) {
        if (!(key in target))
            delete out[key];
    }
    for (const [key, value] of Object.entries(target))
        out[key] = mergeValue(out[key], original?.[key], value);
    return out;
}
function mergeValue(live, original, target) {
    if (live_object_isRecord(target) && live_object_isRecord(live))
        return threeWay(live, live_object_isRecord(original) ? original : undefined, target);
    if (Array.isArray(target) && Array.isArray(live))
        return mergeList(live, Array.isArray(original) ? original : [], target);
    return structuredClone(target);
}
function mergeList(live, original, target) {
    const named = (items) => items.length > 0 && items.every((item) => live_object_isRecord(item) && typeof item['name'] === 'string');
    if (named(target) && named(live)) {
        const byName = (items) => new Map(items.filter(live_object_isRecord).map((item) => [String(item['name']), item]));
        const liveItems = byName(live);
        const originalItems = byName(original);
        const targetNames = new Set(byName(target).keys());
        const merged = target.filter(live_object_isRecord).map((item) => {
            const name = String(item['name']);
            const before = liveItems.get(name);
            return before ? threeWay(before, originalItems.get(name), item) : structuredClone(item);
        });
        // Items the server or another manager added stay; items this app applied and dropped go.
        const kept = [...liveItems.entries()].filter(([name]) => !targetNames.has(name) && !originalItems.has(name)).map(([, item]) => item);
        return [...merged, ...kept];
    }
    if (live.length === target.length && target.every(live_object_isRecord) && live.every(live_object_isRecord)) {
        return target.map((item, index) => threeWay(live[index], live_object_isRecord(original[index]) ? original[index] : undefined, item));
    }
    return structuredClone(target);
}

;// CONCATENATED MODULE: ./packages/argocd-simulator/src/manifests-route.ts






async function handleManifests(ctx, req, res, route, params) {
    const principal = ctx.auth.authenticate(req.headers);
    const sim = lookupApp(ctx, principal, route.app ?? '', params.get('appNamespace'), params.get('project'));
    const target = await readTarget(ctx.reader, sim, requestedRevisions(sim, params));
    if (target.resources === undefined) {
        throw new ApiError(target.cause?.grpcCode ?? GrpcCode.Unknown, target.cause?.message ?? target.error ?? 'error generating manifests');
    }
    const tracking = trackingOf(sim, ctx.namespace);
    const manifests = target.resources.map((resource) => {
        const object = renderedManifest(resource, tracking);
        const shown = resource.kind === 'Secret' && resource.group === '' ? hideSecretData([object])[0] : object;
        return JSON.stringify(shown);
    });
    // Go's omitempty: an app that renders nothing answers `{}`.
    sendJson(res, 200, manifests.length > 0 ? { manifests } : {});
}
/** The revision per source the query asks for; undefined entries keep the source's targetRevision. */
function requestedRevisions(sim, params) {
    if (!sim.config.multiSource) {
        const revision = params.get('revision');
        return revision ? [revision] : undefined;
    }
    const positions = params.getAll('sourcePositions').map(Number);
    const revisions = params.getAll('revisions');
    const out = sim.config.sources.map(() => undefined);
    positions.forEach((position, index) => {
        if (!Number.isInteger(position) || position <= 0 || position > out.length)
            throw new ApiError(GrpcCode.Unknown, 'source position is out of range');
        out[position - 1] = revisions[index];
    });
    return out;
}

;// CONCATENATED MODULE: ./packages/argocd-simulator/src/stream.ts


function handleStream(ctx, req, res, params, streams, fault) {
    const principal = ctx.auth.authenticate(req.headers);
    const filter = appFilter(params);
    const name = params.get('name');
    const watchNamespace = params.get('appNamespace') || ctx.namespace;
    const rawVersion = params.get('resourceVersion') ?? '';
    const minVersion = /^\d+$/.test(rawVersion) ? Number(rawVersion) : 0;
    const visible = (app) => (!name || app.metadata.namespace === watchNamespace) &&
        filter(app) &&
        principal.canAccess(app.spec.project) &&
        Number(app.metadata.resourceVersion) >= minVersion;
    const writer = new LineWriter(res, fault, ctx.clock);
    const stream = { end: () => writer.end() };
    streams.add(stream);
    writer.open();
    // Argo CD sends the current objects unless resuming a multi-app watch from a resourceVersion.
    if (rawVersion === '' || name) {
        for (const sim of ctx.store.list()) {
            if (visible(sim.app))
                writer.send({ result: { type: 'ADDED', application: sim.app } });
        }
    }
    const unsubscribe = ctx.store.subscribe((event) => {
        if (visible(event.application))
            writer.send({ result: { type: event.type, application: event.application } });
    });
    res.once('close', () => {
        unsubscribe();
        writer.dispose();
        streams.delete(stream);
    });
}
class LineWriter {
    res;
    fault;
    clock;
    written = 0;
    buffered;
    cancelIdle = () => undefined;
    cancelFlush = () => undefined;
    done = false;
    constructor(res, fault, clock) {
        this.res = res;
        this.fault = fault;
        this.clock = clock;
        this.buffered = fault?.type === 'buffer' ? [] : undefined;
    }
    open() {
        if (this.buffered) {
            // A buffering proxy forwards nothing, headers included, until the upstream response ends.
            if (this.fault?.type === 'buffer' && this.fault.flushAfterMs !== undefined) {
                this.cancelFlush = this.clock.schedule(this.fault.flushAfterMs, () => this.end());
            }
            return;
        }
        this.res.writeHead(200, { 'Content-Type': 'application/json' });
        this.res.flushHeaders();
        this.armIdleTimer();
    }
    send(message) {
        if (this.done || this.res.destroyed)
            return;
        const line = `${JSON.stringify(message)}\n`;
        const fault = this.fault;
        if (fault?.type === 'stream-drop' && this.written === (fault.afterEvents ?? 0)) {
            this.done = true;
            this.res.write(line.slice(0, Math.max(1, Math.floor(line.length / 2))), () => this.res.destroy());
            return;
        }
        if (fault?.type === 'stream-error' && this.written === (fault.afterEvents ?? 0)) {
            this.res.write(`${JSON.stringify(streamError(fault.grpcCode ?? GrpcCode.Unavailable, fault.message ?? 'transport is closing'))}\n`);
            this.end();
            return;
        }
        if (fault?.type === 'stream-garbage' && this.written === (fault.afterEvents ?? 0)) {
            this.res.write(`${fault.line ?? '<html><body>502 Bad Gateway</body></html>'}\n`);
        }
        this.written += 1;
        if (this.buffered)
            this.buffered.push(line);
        else
            this.res.write(line);
        this.armIdleTimer();
    }
    end() {
        if (this.done)
            return;
        this.done = true;
        this.dispose();
        if (this.res.destroyed)
            return;
        if (this.buffered) {
            this.res.writeHead(200, { 'Content-Type': 'application/json' });
            this.res.end(this.buffered.join(''));
        }
        else {
            this.res.end();
        }
    }
    dispose() {
        this.cancelIdle();
        this.cancelFlush();
    }
    armIdleTimer() {
        if (this.fault?.type !== 'stream-idle-timeout')
            return;
        this.cancelIdle();
        // An idle-timeout proxy cuts the connection; the client sees the body end without warning.
        this.cancelIdle = this.clock.schedule(this.fault.ms, () => {
            this.done = true;
            this.res.destroy();
        });
    }
}

;// CONCATENATED MODULE: ./packages/argocd-simulator/src/simulator.ts
/**
 * ArgoCdSimulator: a real HTTP server on a loopback address speaking Argo CD's REST API, with
 * a simulated controller reconciling real git repositories, plus the control surface tests and
 * benchmarks drive it with (apps, holds, timelines, faults, tokens, request log).
 */























const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
class ArgoCdSimulator {
    options;
    /** Fault injection: `faults.add({ endpoint, app, token, times, probability, action })`. */
    faults;
    namespace;
    store = new AppStore();
    applicationSets = new Map();
    holds = new Holds();
    reader = new GitReader();
    auth;
    log;
    controller;
    api;
    abort = new AbortController();
    streams = new Set();
    server;
    clock;
    timings;
    helmBin;
    onError;
    baseUrl = '';
    constructor(options) {
        this.options = options;
        this.namespace = options.namespace ?? 'argocd';
        this.clock = options.clock ?? systemClock;
        this.timings = { ...DEFAULT_TIMINGS, ...options.timings };
        this.helmBin = options.helmBin || process.env['HELM_BIN'] || undefined;
        this.onError = options.onError ?? ((error) => process.stderr.write(`argocd-simulator: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`));
        // Every pending stage timer listens on this one signal: many busy apps are normal, not a leak.
        (0,external_node_events_.setMaxListeners)(0, this.abort.signal);
        this.faults = new FaultRegistry(options.seed ?? 1);
        this.auth = new Auth(options.tokens ?? [], options.users ?? {}, this.clock);
        this.log = new RequestLog(options.requestLogLimit ?? 100_000);
        this.controller = new Controller({
            store: this.store,
            reader: this.reader,
            holds: this.holds,
            clock: this.clock,
            signal: this.abort.signal,
            reconcileIntervalMs: options.reconcileIntervalMs ?? 120_000,
            onError: this.onError,
        });
        this.api = { store: this.store, controller: this.controller, reader: this.reader, auth: this.auth, clock: this.clock, namespace: this.namespace };
        this.server = (0,external_node_http_.createServer)((req, res) => {
            this.handle(req, res).catch((error) => {
                this.onError(error);
                if (!res.headersSent)
                    sendError(res, new ApiError(GrpcCode.Unknown, error instanceof Error ? error.message : String(error)));
                else
                    res.destroy();
            });
        });
    }
    static async start(options = {}) {
        const host = options.host ?? '127.0.0.1';
        if (!LOOPBACK.has(host))
            throw new Error(`argocd-simulator listens on loopback addresses only, not ${host}`);
        const simulator = new ArgoCdSimulator(options);
        await new Promise((resolve, reject) => {
            simulator.server.once('error', reject);
            simulator.server.listen(options.port ?? 0, host, () => resolve());
        });
        const address = simulator.server.address();
        const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
        simulator.baseUrl = `http://${shown}:${address.port}`;
        try {
            for (const app of options.apps ?? [])
                await simulator.addApp(app);
        }
        catch (error) {
            await simulator.close();
            throw error;
        }
        return simulator;
    }
    /** `http://127.0.0.1:PORT`, without a trailing slash; the API is under `/api/v1`. */
    get url() {
        return this.baseUrl;
    }
    // ---- apps ----
    /** Creates an app, reads its repositories and returns it as the API would (ADDED on streams). */
    async addApp(config) {
        const sim = new SimApp(normaliseApp(config, { namespace: this.namespace, timings: this.timings, helmBin: this.helmBin }), this.clock.now());
        if (this.store.get(sim.config.namespace, sim.name))
            throw new Error(`application ${sim.key} already exists`);
        await this.controller.initialise(sim);
        this.store.add(sim);
        this.controller.started(sim);
        return structuredClone(sim.app);
    }
    /** Deletes an app (DELETED on streams; later requests get 403/404). */
    removeApp(name, namespace) {
        const sim = this.sim(name, namespace);
        this.controller.stopped(sim);
        this.store.remove(sim, formatTime(this.clock.now()));
    }
    /** A copy of the app as `GET /api/v1/applications/{name}` returns it. */
    getApp(name, namespace) {
        return structuredClone(this.sim(name, namespace).app);
    }
    listApps() {
        return this.store.list().map((sim) => structuredClone(sim.app));
    }
    /** A refresh like a webhook or `?refresh=`: resolves once the controller has compared with git. */
    async refresh(name, options = {}) {
        const sim = this.sim(name, options.namespace);
        await this.controller.refresh(sim, options.hard ? 'hard' : 'normal');
        return structuredClone(sim.app);
    }
    /** A sync request as `POST …/sync` makes it; throws ApiError (e.g. operation in progress). */
    sync(name, request = {}, namespace) {
        return this.controller.sync(this.sim(name, namespace), request, request.username ?? 'admin');
    }
    /**
     * Changes the stored object directly, as `kubectl patch` would (MODIFIED on streams). The
     * controller keeps running: fields it owns are overwritten at its next comparison or stage.
     */
    patchApp(name, patch, namespace) {
        const sim = this.sim(name, namespace);
        this.store.update(sim, (app) => {
            if (typeof patch === 'function')
                patch(app);
            else
                applyMergePatch(app, patch);
        });
        return structuredClone(sim.app);
    }
    /** Applies patches on a schedule: a scripted sequence of states. */
    timeline(name, steps, namespace) {
        const sim = this.sim(name, namespace);
        const cancel = new AbortController();
        const onClose = () => cancel.abort();
        this.abort.signal.addEventListener('abort', onClose, { once: true });
        const done = (async () => {
            try {
                for (const step of steps) {
                    if (!(await sleep(this.clock, step.afterMs, cancel.signal)) || sim.deleted)
                        return;
                    this.store.update(sim, (app) => {
                        if (step.patch)
                            applyMergePatch(app, step.patch);
                        step.mutate?.(app);
                    });
                }
            }
            finally {
                this.abort.signal.removeEventListener('abort', onClose);
            }
        })();
        return { done, cancel: () => cancel.abort() };
    }
    /**
     * An ApplicationSet that generated `config.apps` (which must exist): `GET
     * /api/v1/applicationsets/{name}` lists them in `status.resources`, and each gets an owner
     * reference to the set (MODIFIED on watches).
     */
    addApplicationSet(config) {
        const set = newApplicationSet(config, this.namespace, this.clock.now());
        const { name, namespace } = set.config;
        for (const app of set.config.apps) {
            const sim = this.sim(app, namespace);
            this.store.update(sim, (object) => {
                const metadata = object.metadata;
                metadata.ownerReferences = [ownerReference(set)];
            });
        }
        this.applicationSets.set(`${namespace}/${name}`, set);
        return this.applicationSetObject(name, namespace);
    }
    /** The set as the API answers it. */
    applicationSetObject(name, namespace = this.namespace) {
        const set = this.applicationSets.get(`${namespace}/${name}`);
        if (!set)
            throw new ApiError(GrpcCode.NotFound, `applicationsets.argoproj.io "${name}" not found`);
        const apps = set.config.apps.flatMap((app) => {
            const sim = this.store.get(namespace, app);
            return sim && !sim.deleted ? [sim.app] : [];
        });
        return applicationSetObject(set, apps);
    }
    /**
     * `kubectl argo rollouts promote`: the Rollout `rollout` of the app, paused at a canary step
     * without a duration, goes on with its next steps. Throws when it is not paused there.
     */
    promoteRollout(name, rollout, namespace) {
        const sim = this.sim(name, namespace);
        const resource = sim.live.resources.find((entry) => entry.kind === 'Rollout' && entry.name === rollout);
        if (!resource || !promoteCanary(resource))
            throw new Error(`Rollout ${rollout} of app ${name} is not paused at a step awaiting promotion`);
        return structuredClone(sim.app);
    }
    /** `kubectl argo rollouts abort`: the Rollout's update is aborted (Degraded, "RolloutAborted"). */
    abortRollout(name, rollout, namespace) {
        const sim = this.sim(name, namespace);
        const resource = sim.live.resources.find((entry) => entry.kind === 'Rollout' && entry.name === rollout);
        const update = (change) => {
            this.store.update(sim, () => {
                change();
                sim.renderDerived(this.clock.now());
            });
        };
        if (!resource || !abortCanary(resource, update))
            throw new Error(`Rollout ${rollout} of app ${name} has no canary update in progress`);
        return structuredClone(sim.app);
    }
    /**
     * Holds a controller stage open for one app (or all when `name` is omitted) until the returned
     * function is called: e.g. `hold('sync', 'app')` keeps its next operation Running.
     */
    hold(stage, name, namespace) {
        return this.holds.hold(stage, name === undefined ? undefined : appKey(namespace ?? this.namespace, name));
    }
    /** Resolves with the app once `predicate` holds for it (checked now and on every change). */
    waitFor(name, predicate, options = {}) {
        const key = appKey(options.namespace ?? this.namespace, name);
        const timeoutMs = options.timeoutMs ?? 10_000;
        return new Promise((resolve, reject) => {
            let last;
            const check = (app) => {
                last = app;
                if (!predicate(app))
                    return false;
                cleanup();
                resolve(structuredClone(app));
                return true;
            };
            const unsubscribe = this.store.subscribe((event) => {
                if (appKey(event.application.metadata.namespace, event.application.metadata.name) === key)
                    check(event.application);
            });
            // Real time on purpose: this guards the caller's test; a ManualClock never advanced would
            // otherwise leave it waiting forever.
            const timer = setTimeout(() => {
                cleanup();
                reject(new Error(`waitFor(${key}) timed out after ${timeoutMs} ms; last state: ${summarise(last)}`));
            }, timeoutMs);
            const cleanup = () => {
                clearTimeout(timer);
                unsubscribe();
            };
            const current = this.store.get(options.namespace ?? this.namespace, name);
            if (current)
                check(current.app);
        });
    }
    /** Every stored change (ADDED / MODIFIED / DELETED) with a copy of the object. */
    onChange(listener) {
        return this.store.subscribe(listener);
    }
    // ---- auth ----
    addToken(token, grant) {
        this.auth.addToken(token, grant);
    }
    revokeToken(token) {
        this.auth.revokeToken(token);
    }
    setTokenProjects(token, projects) {
        this.auth.setTokenProjects(token, projects);
    }
    addUser(name, user) {
        this.auth.addUser(name, user);
    }
    // ---- requests and streams ----
    get requests() {
        return this.log.records;
    }
    requestCount(endpoint) {
        return this.log.count(endpoint);
    }
    requestCounts() {
        return this.log.counts();
    }
    clearRequests() {
        this.log.clear();
    }
    get openStreams() {
        return this.streams.size;
    }
    /** Ends every open watch cleanly, as a proxy's timeout does; returns how many. */
    closeStreams() {
        const open = [...this.streams];
        for (const stream of open)
            stream.end();
        return open.length;
    }
    async close() {
        if (this.abort.signal.aborted)
            return;
        this.abort.abort();
        this.controller.stopAll();
        this.holds.releaseAll();
        this.closeStreams();
        const closed = new Promise((resolve) => this.server.close(() => resolve()));
        this.server.closeAllConnections();
        await closed;
    }
    // ---- internals ----
    sim(name, namespace) {
        const sim = this.store.get(namespace ?? this.namespace, name);
        if (!sim)
            throw appNotFound(name);
        return sim;
    }
    async handle(req, res) {
        const url = new URL(req.url ?? '/', 'http://simulator.invalid');
        const method = req.method ?? 'GET';
        if (url.pathname.startsWith('/__sim/')) {
            if (this.options.controlApi)
                await handleControl(this, this.faults, req, res, url);
            else
                sendText(res, 404, '404 page not found\n');
            return;
        }
        const route = classify(method, url.pathname, url.searchParams);
        const record = this.log.record({
            at: this.clock.now().getTime(),
            method,
            path: url.pathname,
            query: queryObject(url.searchParams),
            endpoint: route.endpoint,
            ...(route.app !== undefined ? { app: route.app } : {}),
            authorization: req.headers.authorization !== undefined,
            cookie: /(?:^|;\s*)argocd\.token=/.test(req.headers.cookie ?? ''),
        });
        res.once('close', () => {
            if (res.headersSent)
                record.status = res.statusCode;
        });
        const fault = this.faults.take({ endpoint: route.endpoint, app: route.app, token: tokenFrom(req.headers) });
        if (fault)
            record.fault = fault.type;
        if (fault && (await this.applyFault(fault, req, res)))
            return;
        // Argo CD's enforceContentTypes wraps the whole API: every method but GET must send JSON.
        if (method !== 'GET' && (req.headers['content-type'] ?? '').toLowerCase() !== 'application/json') {
            sendText(res, 415, 'Invalid content type\n');
            return;
        }
        try {
            await this.dispatch(route, req, res, url.searchParams, fault);
        }
        catch (error) {
            if (!(error instanceof ApiError))
                throw error;
            sendError(res, error);
        }
    }
    /** Carries out a fault; true when the request is finished with. */
    async applyFault(fault, req, res) {
        switch (fault.type) {
            case 'error':
                sendFaultError(res, fault);
                return true;
            case 'reset':
                req.socket.resetAndDestroy();
                return true;
            case 'stall':
                res.writeHead(200, { 'Content-Type': 'application/json' });
                res.flushHeaders();
                return true;
            case 'delay':
                await sleep(this.clock, fault.ms, this.abort.signal);
                return res.destroyed;
            default:
                return false;
        }
    }
    async dispatch(route, req, res, params, fault) {
        switch (route.endpoint) {
            case 'get':
            case 'refresh':
                return handleGet(this.api, req, res, route, params);
            case 'list':
                return handleList(this.api, req, res, params);
            case 'resource-tree':
                return handleResourceTree(this.api, req, res, route, params);
            case 'resource':
                return handleResource(this.api, req, res, route, params);
            case 'manifests':
                return handleManifests(this.api, req, res, route, params);
            case 'managed-resources':
                return handleManagedResources(this.api, req, res, route, params);
            case 'applicationset':
                this.api.auth.authenticate(req.headers);
                return sendJson(res, 200, this.applicationSetObject(route.app ?? '', params.get('appsetNamespace') || this.namespace));
            case 'sync':
                return handleSync(this.api, req, res, route);
            case 'session':
                return handleSession(this.api, req, res);
            case 'userinfo':
                return handleUserInfo(this.api, req, res);
            case 'version':
                return handleVersion(res);
            case 'stream': {
                const streamFault = fault?.type === 'stream-drop' || fault?.type === 'stream-error' || fault?.type === 'stream-garbage' || fault?.type === 'stream-idle-timeout' || fault?.type === 'buffer'
                    ? fault
                    : undefined;
                return handleStream(this.api, req, res, params, this.streams, streamFault);
            }
            default:
                // grpc-gateway's answer for a route it does not have.
                throw new ApiError(GrpcCode.NotFound, 'Not Found');
        }
    }
}
/** Starts a simulator; see SimulatorOptions. */
function startArgoCdSimulator(options = {}) {
    return ArgoCdSimulator.start(options);
}
function summarise(app) {
    if (!app)
        return 'no such app';
    const status = app.status;
    const health = 'status' in status.health ? status.health.status : '';
    const revision = status.sync.revision ?? status.sync.revisions?.join(',') ?? '';
    return `sync=${status.sync.status}@${revision} health=${health} operation=${app.operation ? 'present' : 'none'} phase=${status.operationState?.phase ?? ''}`;
}

;// CONCATENATED MODULE: ./packages/argocd-simulator/src/index.ts
/**
 * @gitops-promote/argocd-simulator: an Argo CD API server simulator reconciling real git
 * repositories, for the tests, benchmark and demo of steps that talk to Argo CD.
 */










/***/ })

};
