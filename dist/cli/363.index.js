export const id = 363;
export const ids = [363];
export const modules = {

/***/ 8363:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runWaitArgocdHealthy: () => (/* binding */ runWaitArgocdHealthy)
});

// UNUSED EXPORTS: ApplicationNotReadyError

// EXTERNAL MODULE: ./packages/core/src/runtime/deadline.ts
var runtime_deadline = __webpack_require__(2760);
// EXTERNAL MODULE: ./packages/core/src/argocd/client.ts + 2 modules
var client = __webpack_require__(938);
// EXTERNAL MODULE: ./packages/core/src/text/duration.ts
var duration = __webpack_require__(8473);
// EXTERNAL MODULE: ./packages/core/src/argocd/sources.ts
var sources = __webpack_require__(7590);
;// CONCATENATED MODULE: ./packages/core/src/argocd/assess-text.ts

/** Why none of the selected sources is at the expected commit yet. */
function describeRevisionGap(layout, compared, expected, matcher) {
    const want = (0,sources/* short */.h0)(expected);
    const field = (entry) => (0,sources/* revisionField */.mG)(layout, 'sync', entry.index);
    const unplaced = compared.filter((entry) => entry.revision !== undefined && matcher.unknown.includes(entry.revision));
    if (unplaced.length > 0) {
        const which = unplaced.map((entry) => `${field(entry)} ${(0,sources/* short */.h0)(entry.revision ?? '')}`).join(', ');
        return `cannot tell yet whether ${which} descends from ${want} (that commit is not in the checkout yet)`;
    }
    const [only] = compared;
    if (compared.length === 1 && only) {
        return only.revision === undefined
            ? `${field(only)} is not set yet (Argo CD has not compared the app), waiting for ${want}`
            : `${field(only)} is ${(0,sources/* short */.h0)(only.revision)}, waiting for ${want}`;
    }
    const seen = compared.map((entry) => `${field(entry)} ${entry.revision === undefined ? 'not set' : (0,sources/* short */.h0)(entry.revision)}`);
    return `no source is at ${want} yet (${seen.join(', ')})`;
}
/** `operation Running (syncing 2222222)`, `operation queued (dry-run sync of 041eab7)`. */
function describeOperation(app, layout, indexes) {
    const state = app.status.operationState;
    const active = state !== undefined && (state.phase === 'Running' || state.phase === 'Terminating');
    const requested = app.operation?.sync;
    const revision = indexes
        .map((index) => active && state
        ? (0,sources/* operationRevisionAt */.k2)(layout, state, index)
        : requested
            ? (0,sources/* revisionAt */.Fe)(layout, requested.revision, requested.revisions, index)
            : undefined)
        .find((entry) => entry !== undefined);
    const dryRun = (active ? state?.operation?.sync?.dryRun : requested?.dryRun) ? 'dry-run ' : '';
    if (active && state) {
        const retry = state.retryCount ? `, retry ${state.retryCount}${state.message ? `: ${state.message}` : ''}` : '';
        const what = revision ? `${dryRun}syncing ${(0,sources/* short */.h0)(revision)}` : `${dryRun}syncing`;
        return `operation ${state.phase} (${what}${retry})`;
    }
    return `operation queued (${dryRun}sync${revision ? ` of ${(0,sources/* short */.h0)(revision)}` : ''})`;
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
    const layout = (0,sources/* sourceLayout */.iR)(app);
    const selected = (0,sources/* selectSources */.nn)(layout, expectation.source);
    if ('problem' in selected)
        return failure(`${name}: ${selected.problem}`);
    const matcher = revisionMatcher(expected, context.isDescendant);
    const { status } = app;
    const compared = comparedRevisions(app, layout, selected.indexes);
    const ours = compared.flatMap((entry) => (matcher.matches(entry.revision) ? [{ index: entry.index, revision: entry.revision }] : []));
    const state = status.operationState;
    const idle = app.operation === undefined;
    const want = (0,sources/* short */.h0)(expected);
    const finish = (result) => ({
        ...result,
        unknownAncestry: [...matcher.unknown],
    });
    if (idle && state && isFailedPhase(state.phase)) {
        // Once a newer commit is compared for that source, a sync of it may still fix things: wait.
        const attempted = compared
            .map((entry) => ({ entry, tried: (0,sources/* operationRevisionAt */.k2)(layout, state, entry.index) }))
            .find(({ entry, tried }) => matcher.matches(tried) && (entry.revision === undefined || sameCommit(entry.revision, tried)))?.tried;
        if (attempted !== undefined) {
            return finish(failureResult(`${name}: the sync of ${(0,sources/* short */.h0)(attempted)} ended ${state.phase}: ${state.message ?? 'no message'}`, attempted));
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
    // Our commit is applied: from here on Degraded is ours, and the health is our commit's.
    const applied = (result) => finish({ ...result, applied: true });
    const key = ours.map((entry) => entry.revision).join(',');
    if (status.health.status === 'Degraded') {
        return applied(degraded(app, key, `${(0,sources/* short */.h0)(revision)} was applied`, expectation, context, revision));
    }
    if (status.sync.status !== 'Synced')
        return applied({ ...waitingResult(name, describeSyncStatus(app), notes), revision });
    const suspended = suspendedVerdict(app, expectation, `runs ${(0,sources/* short */.h0)(revision)}`, revision);
    if (suspended)
        return applied(suspended);
    if (status.health.status !== 'Healthy')
        return applied({ ...waitingResult(name, describeHealth(app), notes), revision });
    const descendant = matcher.classify(revision) === 'descendant' ? `, a descendant of ${want}` : '';
    return applied({ state: 'success', reason: `${name} runs ${(0,sources/* short */.h0)(revision)}${descendant} (Synced, Healthy)`, memory: {}, unknownAncestry: [], revision });
}
/** Rule 4 before the reconcile check: the last operation succeeded, for our commit. */
function operationStateGap(state, layout, ours, matcher, want) {
    const synced = ours.map((entry) => (state.syncResult ? (0,sources/* revisionAt */.Fe)(layout, state.syncResult.revision, state.syncResult.revisions, entry.index) : undefined));
    if (state.phase !== 'Succeeded') {
        const of = synced.find((entry) => entry !== undefined) ?? (0,sources/* operationRevisionAt */.k2)(layout, state, ours[0]?.index ?? 0);
        const what = `last operation ${state.phase ?? 'has no phase'}${of ? ` (revision ${(0,sources/* short */.h0)(of)})` : ''}`;
        return isFailedPhase(state.phase)
            ? `${what}: ${state.message ?? 'no message'}; waiting for a sync of ${want}`
            : `${what}, waiting for it to finish`;
    }
    if (synced.some((entry) => matcher.matches(entry)))
        return undefined;
    const last = synced.find((entry) => entry !== undefined);
    // Argo CD only syncs when the commit changes this app's manifests; say so, or the wait looks stuck.
    return `${last ? `last sync was of ${(0,sources/* short */.h0)(last)}` : 'last sync recorded no revision'}, waiting for a sync of ${want} (none starts if ${want} leaves this app's manifests unchanged)`;
}
function assessAppWait(app, expectation, context) {
    const name = app.metadata.name;
    const layout = (0,sources/* sourceLayout */.iR)(app);
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
            .map((index) => (0,sources/* operationRevisionAt */.k2)(layout, state, index))
            .find((entry) => entry !== undefined && current.some((now) => sameCommit(entry, now)));
        if (attempted !== undefined) {
            return failureResult(`${name}: the sync of ${(0,sources/* short */.h0)(attempted)} ended ${state.phase}: ${state.message ?? 'no message'}`, attempted);
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
    const suspended = settled ? suspendedVerdict(app, expectation, `is Synced${revision ? ` at ${(0,sources/* short */.h0)(revision)}` : ''}`, revision) : undefined;
    if (suspended)
        return suspended;
    if (status.health.status !== 'Healthy')
        return { ...waitingResult(name, describeHealth(app), []), revision };
    const at = revision ? ` at ${(0,sources/* short */.h0)(revision)}` : '';
    return { state: 'success', reason: `${name} is Synced and Healthy${at} with no operation running`, memory: {}, unknownAncestry: [], revision };
}
/** Suspended once Synced, under `suspended: succeed | fail`; undefined to go on (`wait`, or not Suspended). */
function suspendedVerdict(app, expectation, what, revision) {
    const policy = expectation.suspended ?? 'wait';
    if (app.status.health.status !== 'Suspended' || policy === 'wait')
        return undefined;
    const name = app.metadata.name;
    if (policy === 'succeed') {
        return { state: 'success', reason: `${name} ${what} (Synced, Suspended: a paused rollout, accepted by suspended: succeed)`, memory: {}, unknownAncestry: [], revision };
    }
    return failureResult(`${name}: ${describeHealth(app)} (suspended: fail)`, revision);
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
    return indexes.map((index) => ({ index, revision: (0,sources/* revisionAt */.Fe)(layout, sync.revision, sync.revisions, index) }));
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

// EXTERNAL MODULE: ./packages/core/src/argocd/resource-diff.ts + 2 modules
var resource_diff = __webpack_require__(1909);
;// CONCATENATED MODULE: ./packages/core/src/argocd/rollouts.ts
/**
 * Argo Rollouts as Argo CD shows them: a Rollout paused at a canary (or blue-green) step makes the
 * app Suspended, an aborted one Degraded, and so does a failed AnalysisRun. These pure functions
 * read the live objects (`GET …/resource`) with the Rollouts CRD's field names and say, in one
 * line, where a Rollout stands and what it waits for, or why it failed.
 */

/** The tree nodes worth reading live: Rollouts not Healthy, AnalysisRuns that failed. */
function rolloutNodes(nodes) {
    return nodes.flatMap((node) => {
        const health = node.health?.status;
        const wanted = (node.kind === 'Rollout' && (health === 'Suspended' || health === 'Degraded')) || (node.kind === 'AnalysisRun' && health === 'Degraded');
        if (!wanted || !node.name)
            return [];
        return [{ kind: node.kind ?? '', name: node.name, ...(node.group ? { group: node.group } : {}), ...(node.version ? { version: node.version } : {}), ...(node.namespace ? { namespace: node.namespace } : {}) }];
    });
}
/** What a live Rollout or AnalysisRun says; undefined when it is neither paused nor failed. */
function describeLive(object, now) {
    return field(object, 'kind') === 'AnalysisRun' ? describeAnalysisRun(object) : describeRollout(object, now);
}
function describeRollout(object, now) {
    const status = record(object['status']);
    const who = `Rollout ${qualified(object)}`;
    const message = str(status['message']);
    if (status['abort'] === true || str(status['phase']) === 'Degraded') {
        return { kind: 'failed', text: `${who} aborted${message ? `: ${message}` : ''}` };
    }
    const conditions = list(status['pauseConditions']).map(record);
    const userPaused = record(object['spec'])['paused'] === true;
    if (conditions.length === 0 && !userPaused && str(status['phase']) !== 'Paused')
        return undefined;
    return { kind: 'paused', text: `${who} paused at ${stepText(object, status)}, waiting for ${pauseWait(object, conditions, userPaused, now)}` };
}
function describeAnalysisRun(object) {
    const status = record(object['status']);
    const phase = str(status['phase']);
    if (phase !== 'Failed' && phase !== 'Error')
        return undefined;
    const owner = list(record(object['metadata'])['ownerReferences']).map(record).find((ref) => ref['kind'] === 'Rollout');
    const of = owner ? ` of Rollout ${str(owner['name'])}` : '';
    const metrics = list(status['metricResults'])
        .map(record)
        .filter((metric) => str(metric['phase']) === 'Failed' || str(metric['phase']) === 'Error')
        .map(metricText);
    const message = str(status['message']);
    const detail = [...metrics, ...(message ? [message] : [])].join('; ');
    return { kind: 'failed', text: `AnalysisRun ${qualified(object)}${of} ${phase === 'Error' ? 'errored' : 'failed'}${detail ? `: ${detail}` : ''}` };
}
/** `metric "success-rate" Failed (value [0.42])`, with the metric's own message. */
function metricText(metric) {
    const measurements = list(metric['measurements']).map(record);
    const last = measurements.at(-1);
    const value = last ? str(last['value']) : '';
    const message = str(metric['message']) || (last ? str(last['message']) : '');
    return `metric "${str(metric['name'])}" ${str(metric['phase'])}${value ? ` (value ${value})` : ''}${message ? `: ${message}` : ''}`;
}
/** `setWeight 20, step 2 of 5`: the weight in effect and the (1-based) step the Rollout is at. */
function stepText(object, status) {
    const steps = canarySteps(object);
    const index = typeof status['currentStepIndex'] === 'number' ? status['currentStepIndex'] : undefined;
    if (steps.length === 0 || index === undefined)
        return record(record(object['spec'])['strategy'])['blueGreen'] ? 'the blue-green switch' : 'its current step';
    const weight = steps
        .slice(0, index + 1)
        .map((step) => step['setWeight'])
        .filter((entry) => typeof entry === 'number')
        .at(-1);
    return `${weight !== undefined ? `setWeight ${weight}, ` : ''}step ${Math.min(index + 1, steps.length)} of ${steps.length}`;
}
/** A manual promotion, or a pause duration (and how much of it is left). */
function pauseWait(object, conditions, userPaused, now) {
    const promote = `a manual promotion (kubectl argo rollouts promote ${str(record(object['metadata'])['name'])})`;
    if (userPaused && conditions.length === 0)
        return `a resume (spec.paused is true): ${promote}`;
    const reason = str(conditions[0]?.['reason']);
    if (reason === 'BlueGreenPause')
        return promote;
    if (reason === 'AnalysisRunInconclusive' || reason === 'InconclusiveExperiment')
        return `a decision on an inconclusive analysis (${reason}): ${promote}`;
    const steps = canarySteps(object);
    const index = record(object['status'])['currentStepIndex'];
    const step = typeof index === 'number' ? steps[index] : undefined;
    const durationMs = pauseDurationMs(step?.['pause']);
    if (durationMs === undefined)
        return promote;
    const started = Date.parse(str(conditions[0]?.['startTime']));
    const left = Number.isNaN(started) ? undefined : Math.max(0, started + durationMs - now);
    return `a pause of ${(0,duration/* formatDuration */.a)(durationMs)} to end${left !== undefined ? ` (${(0,duration/* formatDuration */.a)(left)} left)` : ''}`;
}
function canarySteps(object) {
    const canary = record(record(record(object['spec'])['strategy'])['canary']);
    return list(canary['steps']).map(record);
}
/** `pause.duration`: seconds as a number, or a duration string like `30s`, `5m`, `1h`. */
function pauseDurationMs(pause) {
    const duration = record(pause)['duration'];
    if (typeof duration === 'number')
        return duration * 1000;
    const match = /^(\d+)(ms|s|m|h)?$/.exec(str(duration).trim());
    if (!match)
        return undefined;
    const units = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
    return Number(match[1]) * (units[match[2] ?? 's'] ?? 1000);
}
function qualified(object) {
    const metadata = record(object['metadata']);
    const namespace = str(metadata['namespace']);
    return `${namespace ? `${namespace}/` : ''}${str(metadata['name'])}`;
}
function field(object, key) {
    return str(object[key]);
}
function record(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}
function list(value) {
    return Array.isArray(value) ? value : [];
}
function str(value) {
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

// EXTERNAL MODULE: ./packages/core/src/argocd/errors.ts
var errors = __webpack_require__(649);
// EXTERNAL MODULE: ./packages/core/src/argocd/parse.ts
var parse = __webpack_require__(2383);
// EXTERNAL MODULE: ./packages/core/src/argocd/classify.ts
var classify = __webpack_require__(8388);
;// CONCATENATED MODULE: ./packages/core/src/argocd/reachability.ts

/**
 * Nothing listening at the server from the start (refused, or a host that does not resolve) is
 * a wrong URL far more often than an outage: after `windowMs` it is a verdict, instead of being
 * retried for the whole timeout. A server that answered once and then refuses is riding out a
 * restart, and is retried like any outage.
 */
class Reachability {
    client;
    windowMs;
    now;
    /** When the first "nothing listening" failure came, while the server never answered yet. */
    since;
    constructor(client, windowMs, now) {
        this.client = client;
        this.windowMs = windowMs;
        this.now = now;
    }
    /** The terminal error `error` amounts to (ENOTFOUND at once, refusals after the window); else undefined. */
    verdict(error) {
        if (!(0,classify/* isNothingListening */.bO)(error) || this.client.hasAnswered)
            return undefined;
        const now = this.now();
        this.since ??= now;
        const waited = now - this.since;
        if (error.retryable && waited < this.windowMs)
            return undefined;
        return (0,classify/* unreachableError */.DZ)(this.client.host, error, waited);
    }
    /** How long "nothing listening" may still be retried; unbounded once the server answered. */
    windowLeftMs() {
        if (this.since === undefined || this.client.hasAnswered)
            return Number.POSITIVE_INFINITY;
        return Math.max(0, this.since + this.windowMs - this.now());
    }
}

;// CONCATENATED MODULE: ./packages/core/src/argocd/index.ts
/** What steps use of Argo CD: the REST client, the pure assessment, and their types and errors. */










// EXTERNAL MODULE: ./packages/core/src/argocd/app-ref.ts
var app_ref = __webpack_require__(9103);
// EXTERNAL MODULE: ./packages/core/src/git/git-repository.ts + 2 modules
var git_repository = __webpack_require__(3311);
// EXTERNAL MODULE: ./packages/core/src/runtime/retry.ts + 1 modules
var retry = __webpack_require__(4629);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./packages/core/src/git/change-held.ts

/**
 * Whether commit `candidate` still holds what commit `change` changed (against its first parent).
 * Descending from `change` is not enough: a later commit may revert it, and an app running that
 * one does not run `change`. Every file `change` touched must be, at `candidate`, as `change` left
 * it: the same bytes, or (YAML and JSON files) the same values at every path `change` set or
 * removed, so another promotion editing an unrelated line of the same file keeps `change` counted.
 * Returns the first file that no longer holds the change, or undefined when all do.
 */
async function fileNotHoldingChange(repo, change, candidate) {
    const [parent] = await repo.parentsOf(change);
    for (const file of await repo.changedFiles(change)) {
        const after = await repo.rootFileAt(change, file);
        const now = await repo.rootFileAt(candidate, file);
        if (after === now)
            continue;
        if (after === undefined || now === undefined)
            return file;
        // Manifests are compared by value; any other file (Jsonnet, a script) byte for byte.
        if (!MANIFEST.test(file))
            return file;
        const before = parent === undefined ? undefined : await repo.rootFileAt(parent, file);
        if (!sameChangedValues(before ?? '', after, now))
            return file;
    }
    return undefined;
}
const MANIFEST = /\.(?:ya?ml|json)$/i;
/** The values `before` → `after` changed are the same in `now`; false when any is not YAML. */
function sameChangedValues(before, after, now) {
    const [was, set, is] = [leaves(before), leaves(after), leaves(now)];
    if (!was || !set || !is)
        return false;
    for (const path of new Set([...was.keys(), ...set.keys()])) {
        if (was.get(path) !== set.get(path) && is.get(path) !== set.get(path))
            return false;
    }
    return true;
}
/** Every scalar of every document, by `doc/key/…` path, as JSON; undefined for text that is not YAML. */
function leaves(text) {
    const out = new Map();
    const documents = (0,dist/* parseAllDocuments */.hR)(text);
    if (!Array.isArray(documents))
        return undefined;
    for (const [index, document] of documents.entries()) {
        if (document.errors.length > 0)
            return undefined;
        let value;
        try {
            value = document.toJS();
        }
        catch {
            return undefined;
        }
        flatten(value, JSON.stringify(index), out);
    }
    return out;
}
function flatten(value, path, out) {
    if (value !== null && typeof value === 'object') {
        const entries = Array.isArray(value) ? value.map((entry, index) => [String(index), entry]) : Object.entries(value);
        // An empty map or list is a value too: emptying one is a change.
        if (entries.length === 0)
            out.set(path, JSON.stringify(value));
        for (const [key, entry] of entries)
            flatten(entry, `${path}/${JSON.stringify(key)}`, out);
        return;
    }
    out.set(path, JSON.stringify(value) ?? 'undefined');
}

;// CONCATENATED MODULE: ./packages/core/src/steps/wait-argocd-healthy/ancestry.ts


/**
 * Which commits run the awaited one, placed with the checkout (`path`): a commit runs it when it
 * descends from it and still holds its change (a later revert does not run it). Each pair is
 * decided once; an unknown pair stays undecided (the assessment then waits).
 */
class Ancestry {
    repo;
    info;
    decided = new Map();
    constructor(repo, info) {
        this.repo = repo;
        this.info = info;
    }
    /** Whether `candidate` runs `expected`; undefined until `place` decided it. */
    runs(candidate, expected) {
        return this.decided.get(`${candidate}..${expected}`);
    }
    /** Decides whether `candidate` runs `expected`, fetching once when the checkout lacks either. */
    async place(candidate, expected) {
        const key = `${candidate}..${expected}`;
        const repo = this.repo;
        if (this.decided.has(key))
            return;
        const known = async () => (await repo.hasCommit(candidate)) && (await repo.hasCommit(expected));
        if (!(await known()))
            await repo.fetchAll('origin').catch(() => undefined);
        if (!(await known()))
            return;
        if (!(await repo.isAncestor(expected, candidate))) {
            this.decided.set(key, false);
            return;
        }
        const undone = await fileNotHoldingChange(repo, expected, candidate);
        if (undone !== undefined) {
            this.info(`${(0,sources/* short */.h0)(candidate)} descends from ${(0,sources/* short */.h0)(expected)} but no longer holds its change to ${undone} (reverted or overwritten): it does not count as running ${(0,sources/* short */.h0)(expected)}.`);
        }
        this.decided.set(key, undone === undefined);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/steps/wait-argocd-healthy/progress.ts

/**
 * One line saying where a waited-for app stands: what it still waits for, its sync status, health
 * and operation, and the revision it is at (and the one awaited). Printed periodically, so a long
 * rollout shows progress even when nothing changes.
 */
function progressLine(state, expected) {
    const app = state.app;
    if (!app)
        return `still waiting for ${state.label}: no state received yet`;
    const { status } = app;
    const waitingFor = state.assessment?.waitingFor ?? state.assessment?.reason ?? 'no verdict yet';
    const operation = app.operation ? `operation ${status.operationState?.phase ?? 'queued'}` : 'no operation running';
    const at = status.sync.revision ?? status.sync.revisions.find((revision) => revision !== '');
    const compared = at ? ` at ${(0,sources/* short */.h0)(at)}` : ' (no revision compared yet)';
    const awaited = expected ? `; awaiting ${(0,sources/* short */.h0)(expected)}` : '';
    return `still waiting for ${state.label}: ${waitingFor} (sync ${status.sync.status ?? 'Unknown'}${compared}, health ${status.health.status ?? 'Unknown'}, ${operation}${awaited})`;
}

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var src_errors = __webpack_require__(7638);
;// CONCATENATED MODULE: ./packages/core/src/steps/wait-argocd-healthy/targets.ts

/**
 * The apps given (`name` or `namespace/name`), plus every app the selector matches (`list` reads
 * them). An app is its name and namespace: a label names the namespace too when the name alone is
 * ambiguous.
 */
async function resolveTargets(config, list, readSet) {
    const targets = config.applications.map((entry, inputIndex) => {
        const slash = entry.indexOf('/');
        const namespace = slash < 0 ? config.appNamespace : entry.slice(0, slash);
        return { label: entry, name: entry.slice(slash + 1), ...(namespace ? { requestNamespace: namespace } : {}), inputIndex };
    });
    if (config.applicationSet)
        addTargets(targets, await setApplications(config, list, readSet));
    if (!config.selector)
        return targets;
    const matched = await list();
    for (const app of matched.items) {
        const { name, namespace } = app.metadata;
        const given = targets.some((target) => target.name === name && (target.requestNamespace ?? namespace) === namespace);
        if (given)
            continue;
        const twin = matched.items.some((other) => other !== app && other.metadata.name === name) || targets.some((target) => target.name === name);
        targets.push({ label: twin && namespace ? `${namespace}/${name}` : name, name, ...(namespace ? { requestNamespace: namespace } : {}) });
    }
    if (matched.items.length === 0) {
        throw new src_errors/* InputError */.dz(`Selector ${JSON.stringify(config.selector)} matches no Application${config.project ? ` in project ${config.project}` : ''} that this token may see.`, "Check the labels (argocd app list -l '<selector>') and the token's RBAC.");
    }
    return targets;
}
/**
 * The apps an ApplicationSet generated: its `status.resources`, or, when that is empty or cut short
 * by the controller's limit (`resourcesCount` larger), the apps whose owner is the set.
 */
async function setApplications(config, list, readSet) {
    const set = await readSet();
    const setName = config.applicationSet?.name ?? set.name;
    let apps = set.applications;
    if (apps.length === 0 || (set.resourcesCount ?? 0) > apps.length) {
        const owned = (await list()).items.filter((app) => app.metadata.ownerReferences?.some((owner) => owner.kind === 'ApplicationSet' && owner.name === setName));
        if (owned.length > apps.length)
            apps = owned.map((app) => ({ name: app.metadata.name, ...(app.metadata.namespace ? { namespace: app.metadata.namespace } : {}) }));
    }
    if (apps.length === 0) {
        throw new src_errors/* InputError */.dz(`ApplicationSet ${setName} has generated no Application: its status lists none, and no Application this token may see is owned by it.`, 'Check its generators and conditions (kubectl get applicationset -o yaml, or the Argo CD UI); an empty set is not a deployment to wait for.');
    }
    return apps;
}
/** Adds apps (name + namespace) not given already; `namespace/name` labels when names repeat. */
function addTargets(targets, apps) {
    for (const app of apps) {
        if (targets.some((target) => target.name === app.name && (target.requestNamespace ?? app.namespace) === app.namespace))
            continue;
        const twin = apps.some((other) => other !== app && other.name === app.name) || targets.some((target) => target.name === app.name);
        targets.push({ label: twin && app.namespace ? `${app.namespace}/${app.name}` : app.name, name: app.name, ...(app.namespace ? { requestNamespace: app.namespace } : {}) });
    }
}

// EXTERNAL MODULE: ./packages/core/src/forge/select.ts
var forge_select = __webpack_require__(8529);
;// CONCATENATED MODULE: ./packages/core/src/forge/web-url.ts

const web_url_COMMIT = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i;
// What a repository path may hold to be linked as is: no spaces, parentheses or Markdown syntax.
const PATH = /^[A-Za-z0-9][A-Za-z0-9._~/-]*$/;
const HOST = /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::\d{1,5})?$/i;
/**
 * The web page of `sha` in the repository a git URL names, when its host says which forge serves
 * it (github.com, gitlab.example.com…): `https://host/org/repo/commit/<sha>` (GitLab: `/-/commit/`).
 * Built from the host and path only, so credentials in the URL (`https://user:token@…`) never reach
 * it; an ssh URL links to the https site of the same host. Undefined otherwise: an unknown host,
 * a local path, or a revision that is not a commit (a chart version).
 */
function commitWebUrl(repoURL, sha) {
    const kind = (0,forge_select/* forgeKindOfUrl */.kB)(repoURL);
    const site = kind ? webSite(repoURL) : undefined;
    if (!site || !web_url_COMMIT.test(sha))
        return undefined;
    return kind === 'github' ? `${site}/commit/${sha.toLowerCase()}` : `${site}/-/commit/${sha.toLowerCase()}`;
}
/** `https://host[:port]/org/repo` of an https, ssh or scp-like (`git@host:org/repo.git`) URL. */
function webSite(repoURL) {
    const scp = /^[^/@:]+@([^:/]+):(?!\/)(.+)$/.exec(repoURL);
    let scheme = 'https:';
    let host;
    let path;
    if (scp?.[1] && scp[2]) {
        host = scp[1];
        path = scp[2];
    }
    else {
        let url;
        try {
            url = new URL(repoURL);
        }
        catch {
            return undefined;
        }
        if (url.protocol === 'ssh:')
            host = url.hostname;
        else if (url.protocol === 'https:' || url.protocol === 'http:')
            [scheme, host] = [url.protocol, url.host];
        else
            return undefined;
        path = url.pathname;
    }
    const repo = path.replace(/^\/+/, '').replace(/\/+$/, '').replace(/\.git$/, '');
    // Only what Markdown reads as one plain link: a host or path with `)` or a space would end it.
    if (!HOST.test(host) || !PATH.test(repo) || !repo.includes('/'))
        return undefined;
    return `${scheme}//${host.toLowerCase()}/${repo}`;
}

;// CONCATENATED MODULE: ./packages/core/src/steps/wait-argocd-healthy/verdict.ts





/** The Applications did not reach the expected state; `message` names the app and why. */
class ApplicationNotReadyError extends src_errors/* GitopsPromoteError */.$o {
}
/** The verdict: success, a failure explained (Degraded resources from the tree), or what each app still waited for. */
async function verdict(input) {
    const { state } = input;
    const reports = {};
    const ordered = state.ordered();
    for (const app of ordered) {
        const degraded = app.app?.status.health.status === 'Degraded' ? await input.degradedOf(app) : [];
        reports[app.label] = report(app, degraded, input.elapsed(), input.expected);
    }
    const order = ordered.map((app) => app.label);
    const failedApp = state.failed();
    if (failedApp)
        return { reports, order, failure: failedError(failedApp, reports[failedApp.label]?.degraded ?? []) };
    if (!state.done())
        return { reports, order, failure: stillWaitingError(state, input) };
    return { reports, order };
}
function failedError(failedApp, degraded) {
    const details = degraded.map((node) => `\n  ${node.kind}/${node.namespace}/${node.name}: ${node.message}`).join('');
    const child = failedApp.parent ? ` (a child Application of ${failedApp.parent.label})` : '';
    return new ApplicationNotReadyError(`${failedApp.assessment?.reason ?? failedApp.name}${child}${details}`, degraded.length > 0
        ? 'Look at the resources above (kubectl describe, the Argo CD UI); roll back or fix the manifests, then promote again.'
        : 'See the reason above in the Argo CD UI (the app\'s conditions and last operation); fix the manifests or the app, then run again.');
}
/** Timed out or cancelled: what each app not ready still waited for. */
function stillWaitingError(state, input) {
    const reason = input.stopReason;
    const lines = [...state.apps.values()]
        .filter((app) => app.assessment?.state !== 'success')
        .map((app) => `\n  ${app.label}: ${app.assessment?.waitingFor ?? app.assessment?.reason ?? 'no state received yet'}`)
        .join('');
    const cancelled = reason instanceof src_errors/* GitopsPromoteError */.$o && !(reason instanceof runtime_deadline/* DeadlineExceededError */.Kt);
    return new ApplicationNotReadyError(`${cancelled ? reason.message : `Timed out after ${(0,duration/* formatDuration */.a)(input.timeoutMs)}`}; still waiting for:${lines}`, cancelled ? 'The job was cancelled; the applications may still reach the state later.' : 'Raise timeout if the rollout is just slow; otherwise look at the apps in the Argo CD UI.');
}
function describeNode(node) {
    return { kind: node.kind ?? '?', namespace: node.namespace ?? '', name: node.name ?? '?', message: node.health?.message ?? '' };
}
/**
 * One app's outcome. With a revision, `health` is the app's health at that revision: an app that
 * has not applied it yet reports `Unknown`, not the Healthy of the commit it still runs.
 */
function report(state, degraded, elapsedMs, expected) {
    const app = state.app;
    const sync = app?.status.sync;
    const atExpected = expected === undefined || state.assessment?.applied === true || state.assessment?.state === 'failure';
    const revision = state.assessment?.revision ?? sync?.revision ?? sync?.revisions[0] ?? '';
    const repoURL = app && revision ? (0,sources/* repoURLOfRevision */.iV)(app, revision) : undefined;
    return {
        namespace: state.namespace ?? app?.metadata.namespace ?? '',
        health: (atExpected ? app?.status.health.status : undefined) ?? 'Unknown',
        sync: sync?.status ?? 'Unknown',
        revision,
        revisionUrl: (repoURL && commitWebUrl(repoURL, revision)) ?? '',
        operationPhase: app?.status.operationState?.phase ?? '',
        degraded,
        waitedSeconds: Math.round((state.decidedAfterMs ?? elapsedMs) / 100) / 10,
        healthyAfterMs: state.healthyAfterMs ?? null,
        outcome: state.assessment?.state ?? 'waiting',
        reason: state.assessment?.reason ?? 'no state received',
    };
}

;// CONCATENATED MODULE: ./packages/core/src/steps/wait-argocd-healthy/watch-state.ts

/** Repositories an app's sources read, normalised. */
function repoURLsOf(app) {
    return (0,sources/* sourceLayout */.iR)(app).sources.flatMap((source) => (source.repoURL ? [(0,sources/* normaliseRepoURL */.MG)(source.repoURL)] : []));
}
/**
 * A child runs the parent's commit when it reads the parent's repository (the commit gave it its
 * revision); a child of another repository is waited for Synced and Healthy, like `argocd app wait`.
 */
function childExpectation(parent, child, parentRepos) {
    if (repoURLsOf(child).some((url) => parentRepos.includes(url)))
        return parent;
    const rest = { ...parent };
    delete rest.revision;
    delete rest.source;
    return rest;
}
/**
 * The assessment told by the app's Rollouts: an aborted Rollout or a failed AnalysisRun fails it
 * at once (whatever the degraded grace), naming them; a paused one says at which step it waits,
 * and for what.
 */
function withRolloutFindings(assessment, name, findings) {
    const failed = findings.filter((finding) => finding.kind === 'failed').map((finding) => finding.text);
    const paused = findings.filter((finding) => finding.kind === 'paused').map((finding) => finding.text);
    if (failed.length > 0 && assessment.state !== 'success') {
        const failure = { ...assessment, state: 'failure', reason: `${name}: ${failed.join('; ')}` };
        delete failure.waitingFor;
        return failure;
    }
    if (paused.length === 0)
        return assessment;
    if (assessment.state !== 'waiting')
        return { ...assessment, reason: `${assessment.reason}: ${paused.join('; ')}` };
    const waitingFor = `health is Suspended: ${paused.join('; ')}`;
    return { ...assessment, waitingFor, reason: `${name}: ${waitingFor}` };
}
/**
 * The apps being waited for and their assessments: pure bookkeeping over `assess`, so the stream,
 * the polling fallback and the tests drive one and the same decision.
 */
class WatchState {
    expectation;
    since;
    isDescendant;
    apps = new Map();
    constructor(targets, expectation, since, isDescendant) {
        this.expectation = expectation;
        this.since = since;
        this.isDescendant = isDescendant;
        for (const target of targets) {
            this.apps.set(target.label, { ...target, ...(target.requestNamespace ? { namespace: target.requestNamespace } : {}), memory: {} });
        }
    }
    /**
     * The tracked app an object belongs to: same name and same namespace. A same-named app in
     * another namespace (a stream of several apps carries every namespace) is someone else's.
     */
    find(app) {
        const { name, namespace } = app.metadata;
        for (const state of this.apps.values()) {
            if (state.name === name && (state.namespace === undefined || namespace === undefined || state.namespace === namespace))
                return state;
        }
        return undefined;
    }
    /**
     * Records an object read by name for `state` (a GET): binds the app's namespace, then assesses.
     */
    bind(state, app) {
        if (state.namespace === undefined && app.metadata.namespace !== undefined)
            state.namespace = app.metadata.namespace;
        if (state.parent && !state.expectation)
            state.expectation = childExpectation(this.expectation, app, state.parent.repoURLs);
        return this.record(state, app);
    }
    /** Records a new object of a tracked app and assesses it; undefined for an app not tracked. */
    update(app, now) {
        const state = this.find(app);
        if (!state)
            return undefined;
        return this.record(state, app, now);
    }
    /** Starts tracking a child Application found in a tree; false when it is tracked already. */
    add(target) {
        if ([...this.apps.values()].some((state) => state.name === target.name && (state.namespace ?? '') === (target.requestNamespace ?? state.namespace ?? '')))
            return false;
        if (this.apps.has(target.label))
            return false;
        this.apps.set(target.label, { ...target, ...(target.requestNamespace ? { namespace: target.requestNamespace } : {}), memory: {} });
        return true;
    }
    /** The expectation for `state`: its own, or the step's (with the revision). */
    expectationOf(state) {
        return state.expectation ?? this.expectation;
    }
    reassess(state, now) {
        if (!state.app)
            return;
        const context = { now, memory: state.memory, since: this.since, ...(this.isDescendant ? { isDescendant: this.isDescendant } : {}) };
        state.assessment = assess(state.app, this.expectationOf(state), context);
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
    /**
     * The apps in the order reports show them, whatever order they were found in: the ones the
     * `application` input names, in its order, then the others by label.
     */
    ordered() {
        const rank = (state) => state.inputIndex ?? Number.MAX_SAFE_INTEGER;
        return [...this.apps.values()].sort((a, b) => rank(a) - rank(b) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
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
    record(state, app, now = Date.now()) {
        state.app = app;
        this.reassess(state, now);
        return state;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/steps/wait-argocd-healthy/waiter.ts










/** How deep `children: true` follows apps of apps of apps. */
const MAX_CHILD_DEPTH = 3;
/**
 * One wait: reads every app once (refreshing it), then watches them all on one stream until each
 * runs the revision, one fails, or the deadline passes; the verdict comes from WatchState, which
 * the stream and the polling fallback feed alike.
 */
class Waiter {
    parts;
    state;
    ancestry;
    mode = 'stream';
    /** Children were added: the open stream does not carry them, so it is reopened. */
    targetsChanged = false;
    reachability;
    config;
    platform;
    client;
    deadline;
    context;
    constructor(parts) {
        this.parts = parts;
        this.config = parts.config;
        this.platform = parts.platform;
        this.client = parts.client;
        this.deadline = parts.deadline;
        this.context = parts.context;
        this.reachability = new Reachability(parts.client, parts.context.timings.unreachableMs, parts.context.now);
    }
    async run() {
        const { config, platform } = this;
        if (config.path)
            this.ancestry = new Ancestry(await git_repository/* GitRepository */.x.open(config.path, {}, (text) => platform.redact(text)), (line) => platform.info(line));
        const targets = await resolveTargets(config, () => this.retrying('listing Applications', () => this.client.listApplications({ selector: config.selector, ...this.listScope(), signal: this.deadline.signal })), () => this.retrying('reading the ApplicationSet', () => this.client.getApplicationSet(config.applicationSet?.name ?? '', { ...(config.applicationSet?.namespace ? { appsetNamespace: config.applicationSet.namespace } : {}), signal: this.deadline.signal })));
        this.start(targets);
        // A line per app still waited for, however quiet the stream is: a slow rollout is visible.
        const progress = setInterval(() => this.reportProgress(), this.context.timings.progressMs);
        progress.unref();
        try {
            for (const state of this.state.apps.values())
                await this.initial(state);
            if (!this.verdictReached())
                await this.watch();
            return await this.finish();
        }
        catch (error) {
            if (this.deadline.signal.aborted)
                return this.finish();
            throw error;
        }
        finally {
            clearInterval(progress);
        }
    }
    /** Says what is awaited, and starts the bookkeeping of each target. */
    start(targets) {
        const { config } = this;
        const names = targets.map((target) => target.label).join(', ');
        this.platform.info(config.revision
            ? `Waiting up to ${(0,duration/* formatDuration */.a)(config.timeoutMs)} for ${names} to run ${config.revision} (Synced and Healthy).`
            : `Waiting up to ${(0,duration/* formatDuration */.a)(config.timeoutMs)} for ${names} to be Synced and Healthy with no operation running (no revision given: like \`argocd app wait\`, the revision is not checked).`);
        const ancestry = this.ancestry;
        this.state = new WatchState(targets, { ...(config.revision ? { revision: config.revision } : {}), degradedGraceMs: config.degradedGraceMs, suspended: config.suspended }, 
        // Argo CD's clock may run a little behind ours: a comparison within a few seconds before we
        // started may already be of the pushed commit.
        this.parts.started - 5000, ancestry ? (candidate, expected) => ancestry.runs(candidate, expected) : undefined);
    }
    reportProgress() {
        for (const state of this.state.apps.values()) {
            if (state.assessment?.state === 'success' || state.assessment?.state === 'failure')
                continue;
            this.platform.info(`${(0,duration/* formatDuration */.a)(this.elapsed())} ${progressLine(state, this.config.revision)}`);
        }
    }
    elapsed() {
        return this.context.now() - this.parts.started;
    }
    listScope() {
        return { ...(this.config.project ? { projects: [this.config.project] } : {}), ...(this.config.appNamespace ? { appNamespace: this.config.appNamespace } : {}) };
    }
    appScope(target) {
        return { ...(this.config.project ? { project: this.config.project } : {}), ...(target.requestNamespace ? { appNamespace: target.requestNamespace } : {}) };
    }
    /** Refresh (bounded by request-timeout), then decide at once if the app already runs the commit. */
    async initial(target) {
        // A child found while reading the given apps has been read already.
        if (target.app)
            return;
        const { name, label } = target;
        const refresh = this.config.refresh === 'none' ? undefined : this.config.refresh;
        const read = (refreshing) => this.retrying(`reading ${label}`, () => this.client.getApplication(name, { ...this.appScope(target), ...(refreshing && refresh ? { refresh } : {}), signal: this.deadline.signal }));
        let app;
        try {
            app = await read(true);
        }
        catch (error) {
            // A refresh that outlasts request-timeout (a slow repo server) is no reason to stop: the
            // stream shows the comparison when it comes.
            if (!refresh || this.deadline.signal.aborted || !(0,errors/* isRetryableArgoCdError */.$o)(error))
                throw error;
            this.platform.warning(`Refreshing ${label} took longer than request-timeout; watching without waiting for it.`);
            app = await read(false);
        }
        await this.observe(app, target);
        await this.requestSync(app, target);
    }
    /** `sync: true`: an app without auto-sync is told to sync the revision (production, typically). */
    async requestSync(app, state) {
        const { config } = this;
        const { name, label } = state;
        if (!config.sync || !config.revision || app.spec.syncPolicy?.automated || state.assessment?.state !== 'waiting')
            return;
        if (app.operation) {
            this.platform.info(`${label}: an operation is already running; not requesting another sync.`);
            return;
        }
        if (app.spec.sources.length > 0) {
            this.platform.warning(`${label} has ${app.spec.sources.length} sources; syncing its target revisions (which source holds ${config.revision} is not known).`);
            await this.retrying(`syncing ${label}`, () => this.client.sync(name, { ...this.appScope(state), signal: this.deadline.signal }));
        }
        else {
            await this.retrying(`syncing ${label}`, () => this.client.sync(name, { ...this.appScope(state), revision: config.revision, signal: this.deadline.signal }));
        }
        this.platform.info(`${(0,duration/* formatDuration */.a)(this.elapsed())} ${label}: sync of ${config.revision.slice(0, 12)} requested (no auto-sync).`);
    }
    /**
     * Records an object (read by name for `target`, or from the stream), places unknown commits with
     * git, and logs the app's state when it changed.
     */
    async observe(app, target) {
        const state = target ? this.state.bind(target, app) : this.state.update(app, this.context.now());
        if (!state)
            return undefined;
        const unknown = state.assessment?.unknownAncestry ?? [];
        if (unknown.length > 0 && this.ancestry && this.config.revision) {
            for (const candidate of unknown)
                await this.ancestry.place(candidate, this.config.revision);
            this.state.reassess(state, this.context.now());
        }
        await this.explainRollouts(state);
        // Before the children are read: their requests are not this app's time to healthy.
        if (state.assessment?.state === 'success' && state.healthyAfterMs === undefined)
            state.healthyAfterMs = this.elapsed();
        const reason = state.assessment?.reason ?? '';
        if (reason !== state.logged) {
            state.logged = reason;
            this.platform.info(`${(0,duration/* formatDuration */.a)(this.elapsed())} ${reason}`);
        }
        if (state.assessment?.state === 'success')
            await this.expandChildren(state);
        if (state.assessment?.state !== 'waiting' && state.decidedAfterMs === undefined)
            state.decidedAfterMs = this.elapsed();
        return state;
    }
    /**
     * `children: true`: once an app runs the commit, the child Applications it manages (its resource
     * list, else its resource tree) are waited for too (down to MAX_CHILD_DEPTH levels), on the same single watch (reconnected to
     * carry them). An app with no children adds nothing: the verdict is not held up.
     */
    async expandChildren(state) {
        const depth = state.parent?.depth ?? 0;
        if (!this.config.children || state.expanded || depth >= MAX_CHILD_DEPTH || !state.app)
            return;
        state.expanded = true;
        const parent = { label: state.label, depth: depth + 1, repoURLs: repoURLsOf(state.app) };
        const added = (await this.childNodes(state))
            .map((node) => {
            const name = node.name ?? '';
            const target = { label: this.state.apps.has(name) ? `${node.namespace ?? ''}/${name}` : name, name, ...(node.namespace ? { requestNamespace: node.namespace } : {}), parent };
            return this.state.add(target) ? this.state.apps.get(target.label) : undefined;
        })
            .filter((child) => child !== undefined);
        if (added.length === 0) {
            // Said of the apps given only: every leaf of a tree would otherwise say it.
            if (depth === 0)
                this.platform.info(`${(0,duration/* formatDuration */.a)(this.elapsed())} ${state.label} lists no child Application (children: true).`);
            return;
        }
        this.platform.info(`${(0,duration/* formatDuration */.a)(this.elapsed())} ${state.label} lists ${added.length} child Application${added.length === 1 ? '' : 's'}: ${added.map((child) => child.label).join(', ')}; waiting for them too.`);
        this.targetsChanged = true;
        for (const child of added)
            await this.initial(child);
    }
    /**
     * The Applications an app manages: from the resources its object lists (no request: a leaf app
     * costs nothing), else, when it lists none, from its resource tree.
     */
    async childNodes(state) {
        const isApp = (node) => node.kind === 'Application' && node.group === 'argoproj.io' && Boolean(node.name);
        const listed = state.app?.status.resources ?? [];
        if (listed.length > 0)
            return listed.filter(isApp);
        const scope = { ...this.appScope(state), signal: this.deadline.signal };
        const tree = await this.retrying(`reading ${state.label}'s resource tree`, () => this.client.resourceTree(state.name, scope));
        return tree.nodes.filter(isApp);
    }
    /**
     * A Suspended or Degraded app at the awaited commit: its Rollouts and AnalysisRuns, read live
     * once per object version (the tree, then `…/resource` for each), decide or explain the wait.
     */
    async explainRollouts(state) {
        const { app, assessment } = state;
        if (!app || !assessment)
            return;
        const health = app.status.health.status;
        const ours = assessment.applied === true || this.config.revision === undefined;
        if (!ours || (health !== 'Suspended' && health !== 'Degraded'))
            return;
        // Only an app that manages a Rollout has one to read: the others cost no request.
        if (!app.status.resources.some((resource) => resource.kind === 'Rollout'))
            return;
        const key = `${app.metadata.resourceVersion ?? ''}/${health}`;
        if (state.rollouts?.key !== key)
            state.rollouts = { key, findings: await this.readRollouts(state) };
        state.assessment = withRolloutFindings(assessment, app.metadata.name, state.rollouts.findings);
    }
    async readRollouts(state) {
        // One attempt each, like the Degraded explanation: the app's own health stands without it.
        const scope = { ...this.appScope(state), signal: this.deadline.signal, timeoutMs: this.config.requestTimeoutMs };
        try {
            const tree = await this.client.resourceTree(state.name, scope);
            const findings = [];
            for (const ref of rolloutNodes(tree.nodes)) {
                const object = await this.client.getResource(state.name, ref, scope);
                const finding = describeLive(object, this.context.now());
                if (finding)
                    findings.push(finding);
            }
            return findings;
        }
        catch (error) {
            // An explanation the token may not read (RBAC on resources) leaves the health to decide.
            if (!(error instanceof errors/* ArgoCdError */.rA) || this.deadline.signal.aborted)
                throw error;
            this.platform.warning(`${state.label}: could not read its Rollouts (${error.message}); going by the app's health only.`);
            return [];
        }
    }
    verdictReached() {
        return this.state.done() || this.state.failed() !== undefined;
    }
    /** One stream for every app, resumed after drops (backing off); polling when a proxy buffers the stream. */
    async watch() {
        const signal = this.deadline.signal;
        try {
            while (!this.verdictReached() && !signal.aborted) {
                if (this.mode === 'poll')
                    await this.poll();
                else
                    await this.retryingStream();
            }
        }
        catch (error) {
            if (signal.aborted)
                return;
            throw error;
        }
    }
    /** Streams until the stream ends or the verdict comes; a dropped stream is reconnected, backing off. */
    retryingStream() {
        return (0,retry/* retry */.L5)(() => this.streamOnce(), {
            retryable: errors/* isRetryableArgoCdError */.$o,
            backoff: this.context.timings.backoff,
            signal: this.deadline.signal,
            sleep: this.context.sleep,
            now: this.context.now,
            onRetry: ({ error, delayMs }) => {
                const why = error instanceof errors/* ArgoCdStreamError */.ZN ? error.kind : 'error';
                const what = why === 'stalled' ? 'went quiet' : why === 'malformed' ? 'sent a malformed line' : 'dropped';
                this.platform.info(`${(0,duration/* formatDuration */.a)(this.elapsed())} The watch stream ${what}; reconnecting in ${(0,duration/* formatDuration */.a)(delayMs)}.`);
            },
        });
    }
    async streamOnce() {
        const stream = new AbortController();
        const signal = AbortSignal.any([this.deadline.signal, stream.signal]);
        let received = false;
        this.targetsChanged = false;
        // The server sends every app's current object first: silence means a buffering proxy.
        const firstEvent = setTimeout(() => {
            if (received)
                return;
            this.mode = 'poll';
            this.platform.warning('The watch stream sent nothing (a proxy buffering it?); polling the applications instead.');
            stream.abort();
        }, this.context.timings.firstEventMs);
        try {
            for await (const event of this.client.watch(this.watchRequest(signal))) {
                received = true;
                if (event.type === 'DELETED') {
                    const state = this.state.find(event.application);
                    if (state)
                        throw new ApplicationNotReadyError(`${state.label} was deleted while waiting for it.`, 'Check who deleted it (argocd app history, or the app-of-apps that manages it).');
                    continue;
                }
                await this.observe(event.application);
                if (this.verdictReached() || this.targetsChanged)
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
    watchRequest(signal) {
        // Each app by namespace and name: a same-named app elsewhere must not pass for ours.
        const names = [...this.state.apps.values()].map(app_ref/* appLabel */._$);
        // Resume from the last version only for one app: the server then still sends its current
        // object first. For several, a resourceVersion makes it send changes only, and a change made
        // between our last read and this connection would never be seen; without one, every app's
        // current object comes first (repeats are harmless: observe() logs only changes).
        const resourceVersion = names.length === 1 ? this.state.resourceVersion() : undefined;
        return {
            names,
            ...(this.config.selector ? { selector: this.config.selector } : {}),
            ...this.listScope(),
            ...(resourceVersion ? { resourceVersion } : {}),
            signal,
            stallMs: this.context.timings.stallMs,
        };
    }
    async poll() {
        for (const state of this.state.apps.values()) {
            const app = await this.retrying(`reading ${state.label}`, () => this.client.getApplication(state.name, { ...this.appScope(state), signal: this.deadline.signal }));
            await this.observe(app, state);
            if (this.verdictReached())
                return;
        }
        await this.context.sleep(this.context.timings.pollMs, this.deadline.signal);
    }
    /** Runs a request, retrying transient failures (5xx, resets, timeouts) with backoff within the deadline. */
    retrying(what, request) {
        return (0,retry/* retry */.L5)(() => this.reachable(request), {
            retryable: errors/* isRetryableArgoCdError */.$o,
            backoff: this.context.timings.backoff,
            signal: this.deadline.signal,
            now: this.context.now,
            // Not past the deadline, nor past the moment "nothing listening" becomes the verdict.
            sleep: (ms, signal) => this.context.sleep(Math.min(ms, this.deadline.remainingMs(), this.reachability.windowLeftMs()), signal),
            onRetry: ({ error, delayMs }) => {
                const message = error instanceof Error ? error.message : String(error);
                this.platform.info(`${(0,duration/* formatDuration */.a)(this.elapsed())} ${what}: ${message} Retrying in ${(0,duration/* formatDuration */.a)(delayMs)}.`);
            },
        });
    }
    /** The request, its failure turned into the verdict once nothing has listened for too long. */
    async reachable(request) {
        try {
            return await request();
        }
        catch (error) {
            throw this.reachability.verdict(error) ?? error;
        }
    }
    async finish() {
        const outcome = await verdict({
            state: this.state,
            expected: this.config.revision,
            timeoutMs: this.config.timeoutMs,
            elapsed: () => this.elapsed(),
            stopReason: this.deadline.signal.reason,
            degradedOf: (state) => this.degradedResources(state),
        });
        return { ...outcome, mode: this.mode };
    }
    async degradedResources(state) {
        try {
            const tree = await this.client.resourceTree(state.name, { ...this.appScope(state), timeoutMs: this.config.requestTimeoutMs });
            return tree.nodes.filter((node) => node.health?.status === 'Degraded').map(describeNode);
        }
        catch (error) {
            // The explanation is a courtesy: the verdict stands without it. A bug is not hidden.
            if (!(error instanceof errors/* ArgoCdError */.rA))
                throw error;
            return [];
        }
    }
}

;// CONCATENATED MODULE: ./packages/core/src/steps/wait-argocd-healthy/run.ts



/**
 * Waits until every app runs the revision (Synced and Healthy), one fails, or `timeout` passes,
 * and returns the verdict with each app's report. Connects, listens for a cancel, and leaves
 * nothing behind (client, handlers, timers) however it ends.
 */
async function runWaitArgocdHealthy(config, platform, context) {
    if ('token' in config.auth)
        platform.setSecret(config.auth.token);
    else
        platform.setSecret(config.auth.password);
    const started = context.now();
    // First, as it validates the server URL and CA: a bad input leaves no handler or timer behind.
    const client = await context.connect({
        server: config.server,
        credentials: config.auth,
        redact: (text) => platform.redact(text),
        timeoutMs: config.requestTimeoutMs,
        ...(config.caCert ? { caCert: config.caCert } : {}),
        insecure: config.insecure,
        onSessionToken: (token) => platform.setSecret(token),
    });
    const cancel = new AbortController();
    const stopListening = context.onCancel(cancel);
    const deadline = new runtime_deadline/* Deadline */.B2(config.timeoutMs, cancel.signal, context.now);
    const waiter = new Waiter({ config, platform, client, deadline, context, started });
    try {
        return await platform.group(`Waiting for Argo CD (${client.host})`, () => waiter.run());
    }
    finally {
        deadline.dispose();
        stopListening();
        await client.close();
    }
}


/***/ })

};
