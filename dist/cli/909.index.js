export const id = 909;
export const ids = [909];
export const modules = {

/***/ 649:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ ArgoCdConnectionError),
/* harmony export */   $o: () => (/* binding */ isRetryableArgoCdError),
/* harmony export */   FK: () => (/* binding */ ArgoCdAuthError),
/* harmony export */   Rk: () => (/* binding */ ArgoCdAppNotFoundError),
/* harmony export */   Uq: () => (/* binding */ ArgoCdTlsError),
/* harmony export */   ZN: () => (/* binding */ ArgoCdStreamError),
/* harmony export */   ZX: () => (/* binding */ ArgoCdProtocolError),
/* harmony export */   aJ: () => (/* binding */ ArgoCdRequestError),
/* harmony export */   ac: () => (/* binding */ ArgoCdTimeoutError),
/* harmony export */   h9: () => (/* binding */ ArgoCdUnreachableError),
/* harmony export */   mF: () => (/* binding */ ArgoCdServerError),
/* harmony export */   mu: () => (/* binding */ ArgoCdHostNotFoundError),
/* harmony export */   rA: () => (/* binding */ ArgoCdError)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7638);

/**
 * Every failure of an Argo CD request. `retryable` is the one thing a waiting step needs to decide
 * (as Kargo's steps do), and it is a property of the error's type, fixed in each class below: true
 * means the same request may succeed later (5xx, a dropped connection, a timeout, a dropped watch
 * stream), false means retrying cannot help until a person changes something (credentials, RBAC,
 * the application name, the CA, the request itself). Anything thrown that is not an ArgoCdError
 * is a bug, never retried.
 *
 * Messages are built from redacted text only and no instance carries a `cause`, request headers or
 * the raw transport error, so printing or serialising one cannot leak a token or password.
 */
class ArgoCdError extends _errors__WEBPACK_IMPORTED_MODULE_0__/* .GitopsPromoteError */ .$o {
}
/** True for an {@link ArgoCdError} that may succeed when the same request is sent again. */
function isRetryableArgoCdError(error) {
    return error instanceof ArgoCdError && error.retryable;
}
/** HTTP 401: the token (or the session obtained with username and password) was refused. Terminal. */
class ArgoCdAuthError extends ArgoCdError {
    retryable = false;
    status = 401;
}
/**
 * HTTP 403/404 on a named application. Argo CD answers 403 "permission denied" for an app that does
 * not exist unless `project` is passed, so the two cannot be told apart. Terminal.
 */
class ArgoCdAppNotFoundError extends ArgoCdError {
    application;
    status;
    retryable = false;
    constructor(message, hint, application, status) {
        super(message, hint);
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
    retryable = false;
    constructor(message, hint, status, serverMessage, grpcCode) {
        super(message, hint);
        this.status = status;
        this.serverMessage = serverMessage;
        this.grpcCode = grpcCode;
    }
}
/** HTTP 5xx, 408 or 429, or a watch stream that ended with such an error line. Retryable. */
class ArgoCdServerError extends ArgoCdError {
    status;
    serverMessage;
    retryable = true;
    constructor(message, hint, status, serverMessage) {
        super(message, hint);
        this.status = status;
        this.serverMessage = serverMessage;
    }
}
/** The server's certificate could not be verified (or the port does not speak TLS). Terminal. */
class ArgoCdTlsError extends ArgoCdError {
    code;
    retryable = false;
    constructor(message, hint, code) {
        super(message, hint);
        this.code = code;
    }
}
/**
 * The connection failed below HTTP: refused, reset, closed, unreachable. Retryable: the server may
 * be restarting (the two subclasses below are the verdicts that it is no outage).
 */
class ArgoCdConnectionError extends ArgoCdError {
    code;
    retryable = true;
    constructor(message, hint, code) {
        super(message, hint);
        this.code = code;
    }
}
/** The host name does not resolve at all (ENOTFOUND): a typo far more often than an outage. Terminal. */
class ArgoCdHostNotFoundError extends ArgoCdConnectionError {
    retryable = false;
}
/**
 * Nothing has listened at the server since the first request (every connection refused, or no
 * route), for longer than an outage is worth waiting out: a wrong host or port. Terminal.
 */
class ArgoCdUnreachableError extends ArgoCdConnectionError {
    retryable = false;
}
/** No complete answer within the per-request timeout. Retryable. */
class ArgoCdTimeoutError extends ArgoCdError {
    timeoutMs;
    retryable = true;
    constructor(message, hint, timeoutMs) {
        super(message, hint);
        this.timeoutMs = timeoutMs;
    }
}
/**
 * An open watch stream stopped delivering: `stalled` (no bytes for the stall timeout), `dropped`
 * (the connection broke mid-body), `truncated` (it ended inside a line) or `malformed` (a line that
 * is not a watch event: a proxy's garbage, a corrupted chunk). Retryable: reconnect,
 * passing the last resourceVersion; the server resends the current object first as ADDED.
 */
class ArgoCdStreamError extends ArgoCdError {
    kind;
    retryable = true;
    constructor(message, hint, kind) {
        super(message, hint);
        this.kind = kind;
    }
}
/**
 * A 2xx answer that is not what the API documents (not JSON, not an object, an Application without
 * a name). Usually the server URL points at something else (a login page, a proxy). Terminal.
 */
class ArgoCdProtocolError extends ArgoCdError {
    retryable = false;
}


/***/ }),

/***/ 1909:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  l: () => (/* binding */ diffResources)
});

// UNUSED EXPORTS: yamlOf

// EXTERNAL MODULE: ./node_modules/diff/libesm/patch/create.js + 2 modules
var create = __webpack_require__(7291);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./packages/core/src/argocd/errors.ts
var errors = __webpack_require__(649);
;// CONCATENATED MODULE: ./packages/core/src/argocd/resource-shape.ts
/**
 * Pure helpers on Kubernetes objects decoded from JSON, for comparing what Argo CD renders with
 * what runs: the fields nobody's manifests set (status, server bookkeeping, Argo CD's tracking) are
 * dropped, and a live object is cut down to the fields the manifests set, so server defaults and
 * fields other controllers own never show up as changes.
 */
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** metadata fields the API server writes; no manifest sets them, and they change on every write. */
const SERVER_METADATA = ['managedFields', 'uid', 'resourceVersion', 'creationTimestamp', 'generation', 'selfLink'];
/** Written by kubectl's client-side apply and by Argo CD's resource tracking, never by the manifests' authors. */
const TOOL_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration', 'argocd.argoproj.io/tracking-id'];
const TOOL_LABELS = ['app.kubernetes.io/instance'];
/**
 * A copy without nulls (Kubernetes treats `field: null` as unset, and renderers write
 * `creationTimestamp: null`), without `status`, the server's metadata and the tools' tracking
 * labels and annotations.
 */
function withoutNoise(object) {
    const copy = withoutNulls(object);
    delete copy.status;
    const metadata = copy.metadata;
    if (isObject(metadata)) {
        for (const field of SERVER_METADATA)
            delete metadata[field];
        dropEntries(metadata, 'annotations', TOOL_ANNOTATIONS);
        dropEntries(metadata, 'labels', TOOL_LABELS);
    }
    return copy;
}
function dropEntries(metadata, field, keys) {
    const map = metadata[field];
    if (!isObject(map))
        return;
    for (const key of keys)
        delete map[key];
    // An empty map left behind by the drop would show as a change against an object that never had one.
    if (Object.keys(map).length === 0)
        delete metadata[field];
}
function withoutNulls(value) {
    if (value === null)
        return undefined;
    if (Array.isArray(value))
        return value.map((item) => withoutNulls(item) ?? null);
    if (!isObject(value))
        return value;
    const copy = {};
    for (const [key, item] of Object.entries(value)) {
        const kept = withoutNulls(item);
        if (kept !== undefined)
            copy[key] = kept;
    }
    return copy;
}
/**
 * The fields either object sets: maps by key, lists element by element. Used as the shape a live
 * object is cut to: what the new render sets, plus what the previous render set (so a field the
 * new manifests drop shows as removed).
 */
function unionShape(a, b) {
    if (a === undefined)
        return b;
    if (b === undefined)
        return a;
    if (isObject(a) && isObject(b)) {
        const union = { ...b };
        for (const [key, value] of Object.entries(a))
            union[key] = unionShape(value, b[key]) ?? null;
        return union;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        const length = Math.max(a.length, b.length);
        return Array.from({ length }, (_, index) => unionShape(a[index], b[index]) ?? null);
    }
    return a;
}
/**
 * `live` cut to `shape`: of a map, the keys the shape has; of a list, the elements up to the
 * shape's length, each cut to the shape's element. A live value of another type than the shape's
 * (a scalar where the manifests have a map) is kept whole: that is a real difference.
 */
function project(live, shape) {
    if (live === undefined || shape === undefined)
        return undefined;
    if (isObject(live) && isObject(shape)) {
        const cut = {};
        for (const key of Object.keys(shape)) {
            const value = project(live[key], shape[key]);
            if (value !== undefined)
                cut[key] = value;
        }
        return cut;
    }
    if (Array.isArray(live) && Array.isArray(shape)) {
        return live.slice(0, shape.length).map((item, index) => project(item, shape[index]) ?? null);
    }
    return live;
}
/**
 * `value` without the fields Argo CD's normalisation took out of the live object: those the app's
 * ignoreDifferences (and Argo CD's known-type normalisations) exclude from its own diff. They are
 * present in `live` and absent from `normalized`; the rendered object still sets them, and showing
 * them would report a difference Argo CD does not act on.
 */
function withoutIgnored(value, live, normalized) {
    if (isObject(value) && isObject(live) && isObject(normalized)) {
        const kept = {};
        for (const [key, item] of Object.entries(value)) {
            if (key in live && !(key in normalized))
                continue;
            kept[key] = withoutIgnored(item, live[key], normalized[key]);
        }
        return kept;
    }
    if (Array.isArray(value) && Array.isArray(live) && Array.isArray(normalized)) {
        return value.map((item, index) => withoutIgnored(item, live[index], normalized[index]));
    }
    return value;
}

;// CONCATENATED MODULE: ./packages/core/src/argocd/secret-keys.ts

const MASK = /^\++$/;
/** The Secret's `data` and `stringData` fields, which hold its values. */
const SECRET_VALUE_FIELDS = ['data', 'stringData'];
/** Its values by key, `stringData` encoded to base64 as the API server stores it in `data`. */
function secretValues(secret) {
    const values = new Map();
    for (const field of SECRET_VALUE_FIELDS) {
        const map = secret?.[field];
        if (!isObject(map))
            continue;
        for (const [key, value] of Object.entries(map))
            values.set(key, secretValue(value, field === 'stringData'));
    }
    return values;
}
function secretValue(value, plain) {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (MASK.test(text))
        return { masked: true, mask: text };
    return { masked: false, base64: plain ? Buffer.from(text, 'utf8').toString('base64') : text };
}
/**
 * Compares the rendered Secret's keys with the live one's. A live key the new render lacks is
 * removed only when the current target sets it (a key other writers added is not the manifests').
 */
function compareSecretKeys(rendered, live, target) {
    const next = secretValues(rendered);
    const now = secretValues(live);
    const before = secretValues(target);
    const changes = [];
    const unverified = [];
    const keys = [...new Set([...next.keys(), ...now.keys()])].sort(byCodePoint);
    for (const key of keys) {
        const verdict = compareKey(next.get(key), now.get(key), before.get(key));
        if (verdict === 'unverified')
            unverified.push(key);
        else if (verdict !== 'same')
            changes.push({ key, change: verdict });
    }
    return { changes, unverified };
}
function compareKey(next, now, before) {
    if (now === undefined)
        return next === undefined ? 'same' : 'added';
    if (next === undefined)
        return before !== undefined ? 'removed' : 'same';
    if (!next.masked && !now.masked)
        return next.base64 === now.base64 ? 'same' : 'changed';
    // The live value no longer equals the current target's: the sync writes it, whatever the new render holds.
    if (now.masked && before?.masked && before.mask !== now.mask)
        return 'may have changed';
    return 'unverified';
}
/** The keys of a Secret that is added or removed whole. */
function secretKeys(secret) {
    return [...secretValues(secret).keys()].sort(byCodePoint);
}
function byCodePoint(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./packages/core/src/argocd/resource-diff.ts





const HINT = 'Argo CD answered in a shape gitops-promote does not know; check that the server is Argo CD 2.x or 3.x, and report it if it is.';
/** Kinds with no namespace, so a rendered one is not put in the app's destination namespace. */
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PersistentVolume', 'StorageClass', 'PriorityClass', 'IngressClass', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'APIService', 'RuntimeClass', 'VolumeSnapshotClass', 'ClusterIssuer']);
/** Annotations that make a rendered object a hook: Argo CD runs it around a sync and does not diff it. */
const HOOK_ANNOTATIONS = ['argocd.argoproj.io/hook', 'helm.sh/hook'];
/** Diffs `manifests` (rendered for the promotion's head) against the app's `managed` resources. */
function diffResources(manifests, managed, options = {}) {
    const namespace = options.namespace || manifests.namespace || undefined;
    const sides = pairUp(renderedObjects(manifests, namespace), managed.filter((resource) => resource.hook !== true));
    const result = { changes: [], maskedSecrets: [] };
    for (const side of [...sides.values()].sort((a, b) => compareIds(a.id, b.id))) {
        const outcome = compareSide(side);
        if (outcome === 'masked')
            result.maskedSecrets.push(side.id);
        else if (outcome)
            result.changes.push(outcome);
    }
    return result;
}
function renderedObjects(manifests, namespace) {
    return manifests.manifests.flatMap((text, index) => {
        const object = parseObject(text, `manifests[${index}]`);
        if (object === undefined)
            throw new errors/* ArgoCdProtocolError */.ZX(`Argo CD's rendered manifests[${index}] is not a Kubernetes object with apiVersion, kind and metadata.name.`, HINT);
        return isHook(object) ? [] : [{ id: renderedId(object, namespace), object, namespaced: hasNamespace(object) }];
    });
}
/** A JSON-encoded object, `undefined` for absent or the string `null` (the side does not exist). */
function parseObject(text, where) {
    if (text === undefined || text === '' || text === 'null')
        return undefined;
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw new errors/* ArgoCdProtocolError */.ZX(`Argo CD answered with ${where} that is not JSON.`, HINT);
    }
    return isObject(value) ? value : undefined;
}
function isHook(object) {
    const annotations = isObject(object.metadata) ? object.metadata.annotations : undefined;
    return isObject(annotations) && HOOK_ANNOTATIONS.some((name) => name in annotations);
}
function renderedId(object, defaultNamespace) {
    const metadata = isObject(object.metadata) ? object.metadata : {};
    const { apiVersion, kind } = object;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string' || typeof metadata.name !== 'string') {
        throw new errors/* ArgoCdProtocolError */.ZX(`Argo CD rendered an object without apiVersion, kind or metadata.name (${JSON.stringify(kind ?? null)}).`, HINT);
    }
    const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
    // Argo CD puts an object the manifests leave without a namespace in the app's destination namespace.
    const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : CLUSTER_SCOPED.has(kind) ? '' : (defaultNamespace ?? trackedNamespace(metadata) ?? '');
    return { group, kind, namespace, name: metadata.name };
}
/** The namespace in Argo CD's tracking id (`app:group/Kind:namespace/name`), which the repo server writes with the destination's. */
function trackedNamespace(metadata) {
    const annotations = metadata.annotations;
    const id = isObject(annotations) ? annotations['argocd.argoproj.io/tracking-id'] : undefined;
    const match = typeof id === 'string' ? /:([^:/]*)\/[^/]*$/.exec(id) : null;
    return match?.[1] || undefined;
}
function hasNamespace(object) {
    return isObject(object.metadata) && typeof object.metadata.namespace === 'string';
}
function keyOf(id) {
    return JSON.stringify([id.group, id.kind, id.namespace, id.name]);
}
function managedId(resource) {
    return { group: resource.group ?? '', kind: resource.kind, namespace: resource.namespace ?? '', name: resource.name };
}
/** Rendered and managed resources side by side, by group, kind, namespace and name. */
function pairUp(rendered, managed) {
    const sides = new Map();
    for (const resource of managed)
        sides.set(keyOf(managedId(resource)), { id: managedId(resource), managed: resource });
    // Objects that name their namespace first, so a guessed one cannot take their match.
    const ordered = [...rendered.filter((item) => item.namespaced), ...rendered.filter((item) => !item.namespaced)];
    for (const { id, object, namespaced } of ordered) {
        const key = namespaced ? keyOf(id) : (guessedKey(id, sides) ?? keyOf(id));
        const side = sides.get(key);
        if (side)
            side.rendered = object;
        else
            sides.set(key, { id, rendered: object });
    }
    return sides;
}
/**
 * The managed resource an object without a namespace is: the one in the guessed namespace, else a
 * cluster-scoped one (a CRD's kind this module cannot know is cluster-scoped), else the only one of
 * that group, kind and name the manifests have not matched yet.
 */
function guessedKey(id, sides) {
    const free = (key) => sides.has(key) && !sides.get(key)?.rendered;
    for (const key of [keyOf(id), keyOf({ ...id, namespace: '' })])
        if (free(key))
            return key;
    const same = [...sides.entries()].filter(([, side]) => !side.rendered && side.managed && side.id.group === id.group && side.id.kind === id.kind && side.id.name === id.name);
    return same.length === 1 ? same[0]?.[0] : undefined;
}
function compareIds(a, b) {
    return byCodePoint(a.group, b.group) || byCodePoint(a.kind, b.kind) || byCodePoint(a.namespace, b.namespace) || byCodePoint(a.name, b.name);
}
function isSecret(id) {
    return id.group === '' && id.kind === 'Secret';
}
/** One resource's change, `undefined` when unchanged, `masked` for a Secret that may differ unseen. */
function compareSide(side) {
    const rendered = side.rendered && inNamespace(side.rendered, side.id.namespace);
    // Older servers leave normalizedLiveState empty for a resource in sync: its live state is then what counts.
    const live = parseObject(side.managed?.normalizedLiveState || side.managed?.liveState, `the normalized live state of ${side.id.kind} ${side.id.name}`);
    if (rendered)
        return live ? changedResource(side.id, rendered, live, side.managed) : wholeChange(side.id, 'added', rendered);
    // Not rendered any more, and not running either (never synced): the sync has nothing to remove.
    if (live === undefined)
        return undefined;
    const target = parseObject(side.managed?.targetState, `the target state of ${side.id.kind} ${side.id.name}`);
    return wholeChange(side.id, 'removed', target ?? live);
}
/** The object as Argo CD applies it: in the namespace it was matched to when it names none. */
function inNamespace(object, namespace) {
    if (namespace === '' || hasNamespace(object))
        return object;
    return { ...object, metadata: { ...(isObject(object.metadata) ? object.metadata : {}), namespace } };
}
function wholeChange(id, change, object) {
    const { fields, values } = splitSecret(id, withoutNoise(object));
    const text = yamlOf(fields);
    const diff = change === 'added' ? unifiedDiff('', text) : unifiedDiff(text, '');
    if (!values)
        return { ...id, change, diff };
    return { ...id, change, diff, secretKeys: secretKeys(values).map((key) => ({ key, change })), unverifiedSecretKeys: [] };
}
function changedResource(id, renderedObject, liveObject, managed) {
    const rawLive = parseObject(managed?.liveState, `the live state of ${id.kind} ${id.name}`);
    const targetObject = parseObject(managed?.targetState, `the target state of ${id.kind} ${id.name}`);
    const live = splitSecret(id, withoutNoise(liveObject));
    const rendered = splitSecret(id, ignoring(withoutNoise(renderedObject), rawLive, liveObject));
    const target = targetObject ? splitSecret(id, ignoring(withoutNoise(targetObject), rawLive, liveObject)) : undefined;
    const shape = unionShape(rendered.fields, target?.fields);
    const before = yamlOf(project(live.fields, shape) ?? {});
    const diff = unifiedDiff(before, yamlOf(rendered.fields));
    if (!isSecret(id))
        return diff === '' ? undefined : { ...id, change: 'changed', diff };
    const keys = compareSecretKeys(rendered.values, live.values, target?.values);
    if (diff === '' && keys.changes.length === 0)
        return keys.unverified.length > 0 ? 'masked' : undefined;
    return { ...id, change: 'changed', diff, secretKeys: keys.changes, unverifiedSecretKeys: keys.unverified };
}
/** `object` without the fields the app's ignoreDifferences took out of the live state. */
function ignoring(object, rawLive, normalizedLive) {
    return rawLive ? withoutIgnored(object, rawLive, normalizedLive) : object;
}
/** A Secret's values (data, stringData) apart from its other fields, so no value reaches a diff. */
function splitSecret(id, object) {
    if (!isSecret(id))
        return { fields: object };
    const fields = { ...object };
    const values = {};
    for (const field of SECRET_VALUE_FIELDS) {
        if (field in fields)
            values[field] = fields[field] ?? null;
        delete fields[field];
    }
    return { fields, values };
}
/** Keys an object's readers look for first, in this order; all others alphabetically. */
const LEADING_KEYS = ['apiVersion', 'kind', 'metadata', 'name', 'namespace'];
function keyRank(key) {
    const rank = LEADING_KEYS.indexOf(String(key));
    return rank === -1 ? LEADING_KEYS.length : rank;
}
function compareKeys(a, b) {
    const [left, right] = [String(a.key), String(b.key)];
    return keyRank(left) - keyRank(right) || byCodePoint(left, right);
}
/**
 * YAML with keys in a stable order (whatever order the renderer or the server wrote them in), no
 * folding, and YAML 1.1 quoting (Kubernetes' parsers are 1.1): the string "on" shows as `"on"`,
 * not as `on`, which a reviewer would read as a boolean.
 */
function yamlOf(value) {
    return (0,dist/* stringify */.As)(value, { version: '1.1', sortMapEntries: compareKeys, lineWidth: 0, minContentWidth: 0 });
}
/**
 * Myers' diff costs O(N·D): a 10,000-line ConfigMap rewritten whole took 16 s. Past this many
 * edits the diff gives up (deterministically: an edit count, not a clock) and the resource is
 * shown replaced whole, which is what such a change amounts to for a reviewer anyway.
 */
const MAX_EDIT_LENGTH = 1_000;
/** Hunks of a unified diff with 3 lines of context, `''` when the texts are equal. */
function unifiedDiff(before, after) {
    if (before === after)
        return '';
    const patch = (0,create/* structuredPatch */.YB)('before', 'after', before, after, undefined, undefined, { context: 3, maxEditLength: MAX_EDIT_LENGTH });
    if (patch === undefined)
        return replacedWhole(before, after);
    return patch.hunks
        .map((hunk) => [`@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`, ...hunk.lines.filter((line) => !line.startsWith('\\'))].join('\n'))
        .join('\n');
}
/** One hunk removing every line of `before` and adding every line of `after`. */
function replacedWhole(before, after) {
    const lines = (text) => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));
    const [removed, added] = [lines(before), lines(after)];
    const header = `@@ -${range(1, removed.length)} +${range(1, added.length)} @@`;
    return [header, ...removed.map((line) => `-${line}`), ...added.map((line) => `+${line}`)].join('\n');
}
/** A hunk's range as diff(1) writes it: an empty side starts at the line before (`-0,0` for a new file). */
function range(start, lines) {
    return `${lines === 0 ? start - 1 : start},${lines}`;
}


/***/ })

};
