/**
 * Turns manifest files into the resources an Application manages: identity (group, version,
 * kind, namespace, name), container images, and a content hash standing in for Argo CD's diff.
 */
import { createHash } from 'node:crypto';
import { parseAllDocuments } from 'yaml';
import { findContainerImages, type ContainerImage } from './images.js';

/**
 * A source that cannot be rendered. `code` is the gRPC code Argo CD's repo server answers with:
 * FailedPrecondition for a directory file it cannot parse, Unknown for everything else (kustomize
 * build errors, a missing path).
 */
export class ManifestError extends Error {
  constructor(
    message: string,
    readonly code: 'FailedPrecondition' | 'Unknown' = 'Unknown',
  ) {
    super(message);
  }
}

export type K8sObject = Record<string, unknown> & { metadata?: Record<string, unknown> };

export interface ManifestResource {
  group: string;
  version: string;
  kind: string;
  namespace: string;
  name: string;
  images: ContainerImage[];
  /** Digest of the object's content: two resources differ exactly when their hashes do. */
  hash: string;
  /** The object as rendered (kustomize transformers applied); never mutated once made. */
  object: K8sObject;
  sourceIndex: number;
  /** An Argo Rollout's `spec.strategy.canary.steps`, as written (a canary walks them on update). */
  canarySteps?: Record<string, unknown>[];
  /** An Argo Rollout's blue-green strategy that waits for a promotion (`autoPromotionEnabled: false`). */
  manualBlueGreen?: boolean;
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
export function parseManifestFile(file: string, text: string): K8sObject[] {
  const objects: K8sObject[] = [];
  for (const doc of parseAllDocuments(text)) {
    const problem = doc.errors[0];
    if (problem) throw new ManifestError(`Failed to unmarshal "${file}": ${problem.message.split('\n')[0] ?? ''}`, 'FailedPrecondition');
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value) || typeof (value as K8sObject)['kind'] !== 'string') {
      throw new ManifestError(`Failed to unmarshal "${file}": Object 'Kind' is missing in '${JSON.stringify(value).slice(0, 120)}'`, 'FailedPrecondition');
    }
    const object = value as K8sObject;
    if (object['kind'] === 'List' && Array.isArray(object['items'])) {
      for (const item of object['items']) {
        if (typeof item === 'object' && item !== null && !Array.isArray(item)) objects.push(item as K8sObject);
      }
    } else {
      objects.push(object);
    }
  }
  return objects;
}

export function toResource(object: K8sObject, defaultNamespace: string, sourceIndex: number): ManifestResource {
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
    hash: createHash('sha256').update(stableJson(object)).digest('hex').slice(0, 16),
    object: structuredClone(object),
    sourceIndex,
  };
}

/** `spec.strategy.canary.steps` of a Rollout, when it has any. */
function rolloutSteps(object: K8sObject): Record<string, unknown>[] | undefined {
  const spec = object['spec'];
  const strategy = isObject(spec) ? spec['strategy'] : undefined;
  const canary = isObject(strategy) ? strategy['canary'] : undefined;
  const steps = isObject(canary) ? canary['steps'] : undefined;
  if (!Array.isArray(steps)) return undefined;
  const valid = steps.filter(isObject);
  return valid.length > 0 ? valid : undefined;
}

/** `spec.strategy.blueGreen.autoPromotionEnabled: false`: the switch waits for a promotion. */
function manualPromotion(object: K8sObject): boolean {
  const spec = object['spec'];
  const strategy = isObject(spec) ? spec['strategy'] : undefined;
  const blueGreen = isObject(strategy) ? strategy['blueGreen'] : undefined;
  return isObject(blueGreen) && blueGreen['autoPromotionEnabled'] === false;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function resourceKey(resource: Pick<ManifestResource, 'group' | 'kind' | 'namespace' | 'name'>): string {
  return `${resource.group}/${resource.kind}/${resource.namespace}/${resource.name}`;
}

/** JSON with object keys sorted, so key order in a file does not count as a change. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${stableJson(child)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
