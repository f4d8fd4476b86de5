/**
 * Pure helpers on Kubernetes objects decoded from JSON, for comparing what Argo CD renders with
 * what runs: the fields nobody's manifests set (status, server bookkeeping, Argo CD's tracking) are
 * dropped, and a live object is cut down to the fields the manifests set, so server defaults and
 * fields other controllers own never show up as changes.
 */

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export function isObject(value: Json | undefined): value is JsonObject {
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
export function withoutNoise(object: JsonObject): JsonObject {
  const copy = withoutNulls(object) as JsonObject;
  delete copy.status;
  const metadata = copy.metadata;
  if (isObject(metadata)) {
    for (const field of SERVER_METADATA) delete metadata[field];
    dropEntries(metadata, 'annotations', TOOL_ANNOTATIONS);
    dropEntries(metadata, 'labels', TOOL_LABELS);
  }
  return copy;
}

function dropEntries(metadata: JsonObject, field: string, keys: readonly string[]): void {
  const map = metadata[field];
  if (!isObject(map)) return;
  for (const key of keys) delete map[key];
  // An empty map left behind by the drop would show as a change against an object that never had one.
  if (Object.keys(map).length === 0) delete metadata[field];
}

function withoutNulls(value: Json): Json | undefined {
  if (value === null) return undefined;
  if (Array.isArray(value)) return value.map((item) => withoutNulls(item) ?? null);
  if (!isObject(value)) return value;
  const copy: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    const kept = withoutNulls(item);
    if (kept !== undefined) copy[key] = kept;
  }
  return copy;
}

/**
 * The fields either object sets: maps by key, lists element by element. Used as the shape a live
 * object is cut to: what the new render sets, plus what the previous render set (so a field the
 * new manifests drop shows as removed).
 */
export function unionShape(a: Json | undefined, b: Json | undefined): Json | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (isObject(a) && isObject(b)) {
    const union: JsonObject = { ...b };
    for (const [key, value] of Object.entries(a)) union[key] = unionShape(value, b[key]) ?? null;
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
export function project(live: Json | undefined, shape: Json | undefined): Json | undefined {
  if (live === undefined || shape === undefined) return undefined;
  if (isObject(live) && isObject(shape)) {
    const cut: JsonObject = {};
    for (const key of Object.keys(shape)) {
      const value = project(live[key], shape[key]);
      if (value !== undefined) cut[key] = value;
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
export function withoutIgnored(value: Json, live: Json | undefined, normalized: Json | undefined): Json {
  if (isObject(value) && isObject(live) && isObject(normalized)) {
    const kept: JsonObject = {};
    for (const [key, item] of Object.entries(value)) {
      if (key in live && !(key in normalized)) continue;
      kept[key] = withoutIgnored(item, live[key], normalized[key]);
    }
    return kept;
  }
  if (Array.isArray(value) && Array.isArray(live) && Array.isArray(normalized)) {
    return value.map((item, index) => withoutIgnored(item, live[index], normalized[index]));
  }
  return value;
}
