import { structuredPatch } from 'diff';
import { stringify, type Pair } from 'yaml';
import { ArgoCdProtocolError } from './errors';
import { isObject, project, unionShape, withoutIgnored, withoutNoise, type Json, type JsonObject } from './resource-shape';
import { byCodePoint, compareSecretKeys, SECRET_VALUE_FIELDS, secretKeys, type SecretKeyChange } from './secret-keys';
import type { ManagedResource, ManifestsResponse } from './types';

/**
 * What Argo CD will change when it syncs a revision: the objects it renders for that revision
 * (`manifests?revision=`) against what the Application runs now (`managed-resources`, whose
 * normalized live state has the app's ignoreDifferences applied). Pure: no request, no clock; the
 * same inputs in any order give the same result.
 */

export interface ResourceId {
  /** API group, `''` for the core group (Secret, ConfigMap, Service). */
  group: string;
  kind: string;
  /** `''` for a cluster-scoped resource. */
  namespace: string;
  name: string;
}

export interface ResourceChange extends ResourceId {
  change: 'added' | 'removed' | 'changed';
  /**
   * The unified diff of the resource's YAML (hunks only, 3 lines of context): every line `+` for an
   * added resource, `-` for a removed one. `''` when only a Secret's keys differ. Never a Secret value.
   */
  diff: string;
  /** Secrets (core group) only: which keys of data/stringData change, by key. */
  secretKeys?: SecretKeyChange[];
  /** Secrets only: keys whose values Argo CD masks on both sides, so whether they change is unknown. */
  unverifiedSecretKeys?: string[];
}

export interface ResourceDiff {
  /** Added, removed and changed resources by group, kind, namespace, name; unchanged ones left out. */
  changes: ResourceChange[];
  /** Secrets whose keys and other fields are unchanged but whose values Argo CD masks, so they may differ. */
  maskedSecrets: ResourceId[];
}

const HINT = 'Argo CD answered in a shape gitops-promote does not know; check that the server is Argo CD 2.x or 3.x, and report it if it is.';

/** Kinds with no namespace, so a rendered one is not put in the app's destination namespace. */
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PersistentVolume', 'StorageClass', 'PriorityClass', 'IngressClass', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'APIService', 'RuntimeClass', 'VolumeSnapshotClass', 'ClusterIssuer']);

/** Annotations that make a rendered object a hook: Argo CD runs it around a sync and does not diff it. */
const HOOK_ANNOTATIONS = ['argocd.argoproj.io/hook', 'helm.sh/hook'];

interface Side {
  id: ResourceId;
  rendered?: JsonObject;
  managed?: ManagedResource;
}

export interface DiffResourcesOptions {
  /**
   * The app's destination namespace (`spec.destination.namespace`), where Argo CD puts a rendered
   * object that names none. Argo CD 3.x no longer says it in the manifests answer; without it the
   * namespace comes from the object's tracking id, else from the one managed resource of that
   * group, kind and name.
   */
  namespace?: string;
}

/** Diffs `manifests` (rendered for the promotion's head) against the app's `managed` resources. */
export function diffResources(manifests: ManifestsResponse, managed: readonly ManagedResource[], options: DiffResourcesOptions = {}): ResourceDiff {
  const namespace = options.namespace || manifests.namespace || undefined;
  const sides = pairUp(renderedObjects(manifests, namespace), managed.filter((resource) => resource.hook !== true));
  const result: ResourceDiff = { changes: [], maskedSecrets: [] };
  for (const side of [...sides.values()].sort((a, b) => compareIds(a.id, b.id))) {
    const outcome = compareSide(side);
    if (outcome === 'masked') result.maskedSecrets.push(side.id);
    else if (outcome) result.changes.push(outcome);
  }
  return result;
}

interface Rendered {
  id: ResourceId;
  object: JsonObject;
  /** False when the manifests name no namespace and `id.namespace` is a guess. */
  namespaced: boolean;
}

function renderedObjects(manifests: ManifestsResponse, namespace: string | undefined): Rendered[] {
  return manifests.manifests.flatMap((text, index) => {
    const object = parseObject(text, `manifests[${index}]`);
    if (object === undefined) throw new ArgoCdProtocolError(`Argo CD's rendered manifests[${index}] is not a Kubernetes object with apiVersion, kind and metadata.name.`, HINT);
    return isHook(object) ? [] : [{ id: renderedId(object, namespace), object, namespaced: hasNamespace(object) }];
  });
}

/** A JSON-encoded object, `undefined` for absent or the string `null` (the side does not exist). */
function parseObject(text: string | undefined, where: string): JsonObject | undefined {
  if (text === undefined || text === '' || text === 'null') return undefined;
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch {
    throw new ArgoCdProtocolError(`Argo CD answered with ${where} that is not JSON.`, HINT);
  }
  return isObject(value) ? value : undefined;
}

function isHook(object: JsonObject): boolean {
  const annotations = isObject(object.metadata) ? object.metadata.annotations : undefined;
  return isObject(annotations) && HOOK_ANNOTATIONS.some((name) => name in annotations);
}

function renderedId(object: JsonObject, defaultNamespace: string | undefined): ResourceId {
  const metadata = isObject(object.metadata) ? object.metadata : {};
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || typeof metadata.name !== 'string') {
    throw new ArgoCdProtocolError(`Argo CD rendered an object without apiVersion, kind or metadata.name (${JSON.stringify(kind ?? null)}).`, HINT);
  }
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  // Argo CD puts an object the manifests leave without a namespace in the app's destination namespace.
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : CLUSTER_SCOPED.has(kind) ? '' : (defaultNamespace ?? trackedNamespace(metadata) ?? '');
  return { group, kind, namespace, name: metadata.name };
}

/** The namespace in Argo CD's tracking id (`app:group/Kind:namespace/name`), which the repo server writes with the destination's. */
function trackedNamespace(metadata: JsonObject): string | undefined {
  const annotations = metadata.annotations;
  const id = isObject(annotations) ? annotations['argocd.argoproj.io/tracking-id'] : undefined;
  const match = typeof id === 'string' ? /:([^:/]*)\/[^/]*$/.exec(id) : null;
  return match?.[1] || undefined;
}

function hasNamespace(object: JsonObject): boolean {
  return isObject(object.metadata) && typeof object.metadata.namespace === 'string';
}

function keyOf(id: ResourceId): string {
  return JSON.stringify([id.group, id.kind, id.namespace, id.name]);
}

function managedId(resource: ManagedResource): ResourceId {
  return { group: resource.group ?? '', kind: resource.kind, namespace: resource.namespace ?? '', name: resource.name };
}

/** Rendered and managed resources side by side, by group, kind, namespace and name. */
function pairUp(rendered: readonly Rendered[], managed: readonly ManagedResource[]): Map<string, Side> {
  const sides = new Map<string, Side>();
  for (const resource of managed) sides.set(keyOf(managedId(resource)), { id: managedId(resource), managed: resource });
  // Objects that name their namespace first, so a guessed one cannot take their match.
  const ordered = [...rendered.filter((item) => item.namespaced), ...rendered.filter((item) => !item.namespaced)];
  for (const { id, object, namespaced } of ordered) {
    const key = namespaced ? keyOf(id) : (guessedKey(id, sides) ?? keyOf(id));
    const side = sides.get(key);
    if (side) side.rendered = object;
    else sides.set(key, { id, rendered: object });
  }
  return sides;
}

/**
 * The managed resource an object without a namespace is: the one in the guessed namespace, else a
 * cluster-scoped one (a CRD's kind this module cannot know is cluster-scoped), else the only one of
 * that group, kind and name the manifests have not matched yet.
 */
function guessedKey(id: ResourceId, sides: ReadonlyMap<string, Side>): string | undefined {
  const free = (key: string): boolean => sides.has(key) && !sides.get(key)?.rendered;
  for (const key of [keyOf(id), keyOf({ ...id, namespace: '' })]) if (free(key)) return key;
  const same = [...sides.entries()].filter(([, side]) => !side.rendered && side.managed && side.id.group === id.group && side.id.kind === id.kind && side.id.name === id.name);
  return same.length === 1 ? same[0]?.[0] : undefined;
}

function compareIds(a: ResourceId, b: ResourceId): number {
  return byCodePoint(a.group, b.group) || byCodePoint(a.kind, b.kind) || byCodePoint(a.namespace, b.namespace) || byCodePoint(a.name, b.name);
}

function isSecret(id: ResourceId): boolean {
  return id.group === '' && id.kind === 'Secret';
}

/** One resource's change, `undefined` when unchanged, `masked` for a Secret that may differ unseen. */
function compareSide(side: Side): ResourceChange | 'masked' | undefined {
  const rendered = side.rendered && inNamespace(side.rendered, side.id.namespace);
  // Older servers leave normalizedLiveState empty for a resource in sync: its live state is then what counts.
  const live = parseObject(side.managed?.normalizedLiveState || side.managed?.liveState, `the normalized live state of ${side.id.kind} ${side.id.name}`);
  if (rendered) return live ? changedResource(side.id, rendered, live, side.managed) : wholeChange(side.id, 'added', rendered);
  // Not rendered any more, and not running either (never synced): the sync has nothing to remove.
  if (live === undefined) return undefined;
  const target = parseObject(side.managed?.targetState, `the target state of ${side.id.kind} ${side.id.name}`);
  return wholeChange(side.id, 'removed', target ?? live);
}

/** The object as Argo CD applies it: in the namespace it was matched to when it names none. */
function inNamespace(object: JsonObject, namespace: string): JsonObject {
  if (namespace === '' || hasNamespace(object)) return object;
  return { ...object, metadata: { ...(isObject(object.metadata) ? object.metadata : {}), namespace } };
}

function wholeChange(id: ResourceId, change: 'added' | 'removed', object: JsonObject): ResourceChange {
  const { fields, values } = splitSecret(id, withoutNoise(object));
  const text = yamlOf(fields);
  const diff = change === 'added' ? unifiedDiff('', text) : unifiedDiff(text, '');
  if (!values) return { ...id, change, diff };
  return { ...id, change, diff, secretKeys: secretKeys(values).map((key) => ({ key, change })), unverifiedSecretKeys: [] };
}

function changedResource(id: ResourceId, renderedObject: JsonObject, liveObject: JsonObject, managed: ManagedResource | undefined): ResourceChange | 'masked' | undefined {
  const rawLive = parseObject(managed?.liveState, `the live state of ${id.kind} ${id.name}`);
  const targetObject = parseObject(managed?.targetState, `the target state of ${id.kind} ${id.name}`);
  const live = splitSecret(id, withoutNoise(liveObject));
  const rendered = splitSecret(id, ignoring(withoutNoise(renderedObject), rawLive, liveObject));
  const target = targetObject ? splitSecret(id, ignoring(withoutNoise(targetObject), rawLive, liveObject)) : undefined;
  const shape = unionShape(rendered.fields, target?.fields);
  const before = yamlOf(project(live.fields, shape) ?? {});
  const diff = unifiedDiff(before, yamlOf(rendered.fields));
  if (!isSecret(id)) return diff === '' ? undefined : { ...id, change: 'changed', diff };
  const keys = compareSecretKeys(rendered.values, live.values, target?.values);
  if (diff === '' && keys.changes.length === 0) return keys.unverified.length > 0 ? 'masked' : undefined;
  return { ...id, change: 'changed', diff, secretKeys: keys.changes, unverifiedSecretKeys: keys.unverified };
}

/** `object` without the fields the app's ignoreDifferences took out of the live state. */
function ignoring(object: JsonObject, rawLive: JsonObject | undefined, normalizedLive: JsonObject): JsonObject {
  return rawLive ? (withoutIgnored(object, rawLive, normalizedLive) as JsonObject) : object;
}

/** A Secret's values (data, stringData) apart from its other fields, so no value reaches a diff. */
function splitSecret(id: ResourceId, object: JsonObject): { fields: JsonObject; values?: JsonObject } {
  if (!isSecret(id)) return { fields: object };
  const fields = { ...object };
  const values: JsonObject = {};
  for (const field of SECRET_VALUE_FIELDS) {
    if (field in fields) values[field] = fields[field] ?? null;
    delete fields[field];
  }
  return { fields, values };
}

/** Keys an object's readers look for first, in this order; all others alphabetically. */
const LEADING_KEYS = ['apiVersion', 'kind', 'metadata', 'name', 'namespace'];

function keyRank(key: unknown): number {
  const rank = LEADING_KEYS.indexOf(String(key));
  return rank === -1 ? LEADING_KEYS.length : rank;
}

function compareKeys(a: Pair, b: Pair): number {
  const [left, right] = [String(a.key), String(b.key)];
  return keyRank(left) - keyRank(right) || byCodePoint(left, right);
}

/**
 * YAML with keys in a stable order (whatever order the renderer or the server wrote them in), no
 * folding, and YAML 1.1 quoting (Kubernetes' parsers are 1.1): the string "on" shows as `"on"`,
 * not as `on`, which a reviewer would read as a boolean.
 */
export function yamlOf(value: Json): string {
  return stringify(value, { version: '1.1', sortMapEntries: compareKeys, lineWidth: 0, minContentWidth: 0 });
}

/**
 * Myers' diff costs O(N·D): a 10,000-line ConfigMap rewritten whole took 16 s. Past this many
 * edits the diff gives up (deterministically: an edit count, not a clock) and the resource is
 * shown replaced whole, which is what such a change amounts to for a reviewer anyway.
 */
const MAX_EDIT_LENGTH = 1_000;

/** Hunks of a unified diff with 3 lines of context, `''` when the texts are equal. */
function unifiedDiff(before: string, after: string): string {
  if (before === after) return '';
  const patch = structuredPatch('before', 'after', before, after, undefined, undefined, { context: 3, maxEditLength: MAX_EDIT_LENGTH });
  if (patch === undefined) return replacedWhole(before, after);
  return patch.hunks
    .map((hunk) => [`@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`, ...hunk.lines.filter((line) => !line.startsWith('\\'))].join('\n'))
    .join('\n');
}

/** One hunk removing every line of `before` and adding every line of `after`. */
function replacedWhole(before: string, after: string): string {
  const lines = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));
  const [removed, added] = [lines(before), lines(after)];
  const header = `@@ -${range(1, removed.length)} +${range(1, added.length)} @@`;
  return [header, ...removed.map((line) => `-${line}`), ...added.map((line) => `+${line}`)].join('\n');
}

/** A hunk's range as diff(1) writes it: an empty side starts at the line before (`-0,0` for a new file). */
function range(start: number, lines: number): string {
  return `${lines === 0 ? start - 1 : start},${lines}`;
}
