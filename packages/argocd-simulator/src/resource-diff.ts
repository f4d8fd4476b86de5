/**
 * `GET /api/v1/applications/{applicationName}/managed-resources`: one ResourceDiff per resource
 * the app manages (live, target, or both), as Argo CD's controller caches them after a
 * comparison (controller/appcontroller.go hideSecretData, gitops-engine diff.Diff):
 * - `targetState` / `liveState`: the objects as JSON text, the string "null" on a missing side;
 * - `normalizedLiveState`: live with the fields the diff ignores removed: `/status` (Argo CD 3.x
 *   ignores status on every kind by default) and the app's `spec.ignoreDifferences`
 *   `jsonPointers` (group/kind globs, optional name and namespace). `jqPathExpressions` and
 *   `managedFieldsManagers` are not simulated;
 * - `predictedLiveState`: normalized live after applying the target as a three-way merge against
 *   the live object's `last-applied-configuration` (gitops-engine's ThreeWayDiff):
 *   fields the target sets win, fields dropped from the last applied target go, fields only the
 *   server set (uid, defaults) stay; lists of named items merge by name, equal-length lists by
 *   position, others are replaced. "null" for a live-only resource;
 * - `modified`: normalized and predicted differ (a target-only resource is modified, a live-only
 *   one is not, as gitops-engine decides); omitted when false, like every Go zero value here.
 * Secret values are masked like diff.HideSecretData, in target, live and the live object's
 * last-applied-configuration alike: per key, each distinct value becomes a run of `+` (8, then 4
 * more per further distinct value), so reviewers see which keys changed and never a value.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isDeepStrictEqual } from 'node:util';
import { lookupApp, type ApiContext, type Route } from './api-routes.js';
import { sendJson } from './http-util.js';
import { isRecord, LAST_APPLIED_ANNOTATION, liveObject, normaliseSecret, record, targetObject, trackingOf, type JsonObject, type Tracking } from './live-object.js';
import { resourceKey, type ManifestResource } from './manifest-parse.js';
import type { LiveResource } from './live-state.js';
import type { IgnoreDifference } from './options.js';
import type { SimApp } from './sim-app.js';

export interface ResourceDiff {
  group?: string;
  kind: string;
  namespace?: string;
  name: string;
  targetState: string;
  liveState: string;
  normalizedLiveState: string;
  predictedLiveState: string;
  resourceVersion?: string;
  modified?: boolean;
}

const MASK = '++++++++';

export function handleManagedResources(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, route: Route, params: URLSearchParams): void {
  const principal = ctx.auth.authenticate(req.headers);
  const sim = lookupApp(ctx, principal, route.app ?? '', params.get('appNamespace'), params.get('project'));
  const filter = (item: ResourceDiff): boolean =>
    (['namespace', 'name', 'group', 'kind'] as const).every((field) => {
      const wanted = params.get(field);
      return !wanted || (item[field] ?? '') === wanted;
    });
  sendJson(res, 200, { items: managedResources(sim, ctx.namespace).filter(filter) });
}

/** Every managed resource's diff, ordered by group, kind, namespace, name. */
export function managedResources(sim: SimApp, controlNamespace: string): ResourceDiff[] {
  const tracking = trackingOf(sim, controlNamespace);
  const live = new Map(sim.live.resources.map((resource) => [resourceKey(resource), resource]));
  // A comparison that could not render the target leaves every resource without one, as in Argo CD.
  const target = new Map((sim.comparison?.target ?? []).map((resource) => [resourceKey(resource), resource]));
  const keys = [...new Set([...live.keys(), ...target.keys()])].sort();
  return keys.map((key) => resourceDiff(live.get(key), target.get(key), tracking, sim.config.ignoreDifferences));
}

function resourceDiff(live: LiveResource | undefined, target: ManifestResource | undefined, tracking: Tracking, rules: readonly IgnoreDifference[]): ResourceDiff {
  const identity = (live ?? target) as ManifestResource;
  const states = objectStates(live, target, tracking);
  const normalize = (object: JsonObject | undefined): JsonObject | undefined => object && normalized(object, identity, rules);
  const normalizedLive = normalize(states.live);
  const normalizedTarget = normalize(states.target);
  const predicted = normalizedLive && normalizedTarget ? threeWay(normalizedLive, normalize(states.applied), normalizedTarget) : normalizedTarget;
  // Created: modified; deleted (no prediction): not, as gitops-engine decides; else any change.
  const modified = predicted !== undefined && (normalizedLive === undefined || !isDeepStrictEqual(predicted, normalizedLive));
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

interface ObjectStates {
  target?: JsonObject;
  live?: JsonObject;
  /** What the live object was last applied from: the three-way merge's "original". */
  applied?: JsonObject;
}

/** Target, live and last applied object; a Secret's values masked in all three at once. */
function objectStates(live: LiveResource | undefined, target: ManifestResource | undefined, tracking: Tracking): ObjectStates {
  const targetState = target ? targetObject(target, tracking) : undefined;
  const liveState = live ? liveObject(live, tracking) : undefined;
  const applied = liveState ? lastApplied(liveState) : undefined;
  const identity = (live ?? target) as ManifestResource;
  if (identity.kind !== 'Secret' || identity.group !== '') return { target: targetState, live: liveState, applied };
  // HideSecretData's order: target, live, target's last applied (never set here), live's last applied.
  const [maskedTarget, maskedLive, , maskedApplied] = hideSecretData([targetState, liveState, undefined, applied]);
  if (maskedLive && maskedApplied) record(record(maskedLive, 'metadata'), 'annotations')[LAST_APPLIED_ANNOTATION] = JSON.stringify(maskedApplied);
  return { target: maskedTarget, live: maskedLive, applied: maskedApplied };
}

function lastApplied(live: JsonObject): JsonObject | undefined {
  const annotations = isRecord(live['metadata']) ? live['metadata']['annotations'] : undefined;
  const text = isRecord(annotations) ? annotations[LAST_APPLIED_ANNOTATION] : undefined;
  if (typeof text !== 'string') return undefined;
  const value: unknown = JSON.parse(text);
  return isRecord(value) ? value : undefined;
}

function json(object: JsonObject | undefined): string {
  return object === undefined ? 'null' : JSON.stringify(object);
}

/**
 * diff.HideSecretData: stringData folded into data first, then per data key every distinct value
 * (across the objects, in order) gets its own run of `+`. Returns masked copies.
 */
export function hideSecretData(objects: ReadonlyArray<JsonObject | undefined>): Array<JsonObject | undefined> {
  const copies = objects.map((object) => {
    if (!object) return undefined;
    const copy = structuredClone(object);
    normaliseSecret(copy);
    return copy;
  });
  const datas = copies.map((object) => (object && isRecord(object['data']) ? object['data'] : undefined));
  const keys = new Set(datas.flatMap((data) => Object.keys(data ?? {})));
  for (const key of keys) {
    const replacements = new Map<string, string>();
    let next = MASK;
    for (const data of datas) {
      if (!data || !(key in data)) continue;
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
export function normalized(object: JsonObject, identity: Pick<ManifestResource, 'group' | 'kind' | 'name' | 'namespace'>, rules: readonly IgnoreDifference[]): JsonObject {
  const copy = structuredClone(object);
  delete copy['status'];
  for (const rule of rules) {
    if (!ruleMatches(rule, identity)) continue;
    for (const pointer of rule.jsonPointers ?? []) removePointer(copy, pointer);
  }
  return copy;
}

function ruleMatches(rule: IgnoreDifference, identity: Pick<ManifestResource, 'group' | 'kind' | 'name' | 'namespace'>): boolean {
  return (
    glob(rule.group ?? '', identity.group) &&
    glob(rule.kind, identity.kind) &&
    (!rule.name || rule.name === identity.name) &&
    (!rule.namespace || rule.namespace === identity.namespace)
  );
}

/** Argo CD matches group and kind with glob patterns (`*` for any run of characters). */
function glob(pattern: string, value: string): boolean {
  const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return regex.test(value);
}

/** A JSON-patch `remove` of an RFC 6901 pointer; a path that does not exist is left alone. */
export function removePointer(object: JsonObject, pointer: string): void {
  if (!pointer.startsWith('/')) return;
  const tokens = pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = tokens.pop();
  if (last === undefined) return;
  let node: unknown = object;
  for (const token of tokens) node = child(node, token);
  if (Array.isArray(node)) {
    const index = Number(last);
    if (Number.isInteger(index) && index >= 0 && index < node.length) node.splice(index, 1);
  } else if (isRecord(node)) {
    delete node[last];
  }
}

function child(node: unknown, token: string): unknown {
  if (Array.isArray(node)) return /^\d+$/.test(token) ? node[Number(token)] : undefined;
  return isRecord(node) ? node[token] : undefined;
}

/** live ← target, deleting what `original` had and `target` dropped; see the module comment. */
export function threeWay(live: JsonObject, original: JsonObject | undefined, target: JsonObject): JsonObject {
  const out = structuredClone(live);
  for (const key of Object.keys(original ?? {})) {
    if (!(key in target)) delete out[key];
  }
  for (const [key, value] of Object.entries(target)) out[key] = mergeValue(out[key], original?.[key], value);
  return out;
}

function mergeValue(live: unknown, original: unknown, target: unknown): unknown {
  if (isRecord(target) && isRecord(live)) return threeWay(live, isRecord(original) ? original : undefined, target);
  if (Array.isArray(target) && Array.isArray(live)) return mergeList(live, Array.isArray(original) ? original : [], target);
  return structuredClone(target);
}

function mergeList(live: unknown[], original: unknown[], target: unknown[]): unknown[] {
  const named = (items: unknown[]): boolean => items.length > 0 && items.every((item) => isRecord(item) && typeof item['name'] === 'string');
  if (named(target) && named(live)) {
    const byName = (items: unknown[]): Map<string, JsonObject> => new Map(items.filter(isRecord).map((item) => [String(item['name']), item]));
    const liveItems = byName(live);
    const originalItems = byName(original);
    const targetNames = new Set(byName(target).keys());
    const merged = target.filter(isRecord).map((item) => {
      const name = String(item['name']);
      const before = liveItems.get(name);
      return before ? threeWay(before, originalItems.get(name), item) : structuredClone(item);
    });
    // Items the server or another manager added stay; items this app applied and dropped go.
    const kept = [...liveItems.entries()].filter(([name]) => !targetNames.has(name) && !originalItems.has(name)).map(([, item]) => item);
    return [...merged, ...kept];
  }
  if (live.length === target.length && target.every(isRecord) && live.every(isRecord)) {
    return target.map((item, index) => threeWay(live[index] as JsonObject, isRecord(original[index]) ? original[index] : undefined, item as JsonObject));
  }
  return structuredClone(target);
}
