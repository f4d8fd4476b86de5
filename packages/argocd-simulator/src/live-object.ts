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
import { createHash } from 'node:crypto';
import { replicaSetName, type LiveResource } from './live-state.js';
import type { ManifestResource } from './manifest-parse.js';
import { rolloutObject } from './rollouts.js';
import type { SimApp } from './sim-app.js';

export type JsonObject = Record<string, unknown>;

export const TRACKING_ANNOTATION = 'argocd.argoproj.io/tracking-id';
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

const POD_TEMPLATE_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicaSet', 'Rollout']);
// Kinds whose metadata.generation the API server keeps (those with a spec it tracks).
const GENERATION_KINDS = new Set([...POD_TEMPLATE_KINDS, 'CronJob', 'HorizontalPodAutoscaler', 'Ingress', 'PodDisruptionBudget', 'Pod']);

/** What a tracking id is made of besides the object: the app's instance name and destination namespace. */
export interface Tracking {
  /** `name`, or `namespace_name` for an app outside the control-plane namespace (Argo CD's InstanceName). */
  instance: string;
  /** Stands in for the namespace of a cluster-scoped object, as in Argo CD's tracking ids. */
  namespace: string;
}

export function trackingOf(sim: SimApp, controlNamespace: string): Tracking {
  const instance = sim.config.namespace === controlNamespace ? sim.name : `${sim.config.namespace}_${sim.name}`;
  return { instance, namespace: sim.config.destination.namespace ?? '' };
}

/** What the repo server returns for the resource: the rendered object with its tracking id. */
export function renderedManifest(resource: ManifestResource, tracking: Tracking): JsonObject {
  const object = structuredClone(resource.object) as JsonObject;
  // The repo server tracks every object but CRDs.
  if (resource.kind === 'CustomResourceDefinition') return object;
  const annotations = record(record(object, 'metadata'), 'annotations');
  const namespace = resource.namespace || tracking.namespace;
  annotations[TRACKING_ANNOTATION] = `${tracking.instance}:${resource.group}/${resource.kind}:${namespace}/${resource.name}`;
  return object;
}

/** The controller's target object: the rendered one with the namespace it will be applied in. */
export function targetObject(resource: ManifestResource, tracking: Tracking): JsonObject {
  const object = renderedManifest(resource, tracking);
  const metadata = record(object, 'metadata');
  if (resource.namespace) metadata['namespace'] = resource.namespace;
  else delete metadata['namespace'];
  return object;
}

/** The object as the cluster stores it after applying the resource's last applied target. */
export function liveObject(resource: LiveResource, tracking: Tracking): JsonObject {
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
  if (status) object['status'] = status;
  return object;
}

/** A Secret's stringData as the API server stores it: base64 in data (gitops-engine's NormalizeSecret). */
export function normaliseSecret(object: JsonObject): void {
  if (object['kind'] !== 'Secret' || !isCoreGroup(object) || !isRecord(object['stringData'])) return;
  const data = isRecord(object['data']) ? object['data'] : {};
  for (const [key, value] of Object.entries(object['stringData'])) {
    data[key] = typeof value === 'string' ? Buffer.from(value, 'utf8').toString('base64') : value;
  }
  object['data'] = data;
  delete object['stringData'];
}

function isCoreGroup(object: JsonObject): boolean {
  const apiVersion = object['apiVersion'];
  return typeof apiVersion === 'string' && !apiVersion.includes('/');
}

function applyDefaults(object: JsonObject, kind: string): void {
  const spec = isRecord(object['spec']) ? object['spec'] : undefined;
  if (kind === 'Secret') setDefault(object, 'type', 'Opaque');
  if (kind === 'Service' && spec) serviceDefaults(spec, String(record(object, 'metadata')['uid']));
  if (kind === 'Deployment' && spec) {
    setDefault(spec, 'replicas', 1);
    setDefault(spec, 'revisionHistoryLimit', 10);
    setDefault(spec, 'progressDeadlineSeconds', 600);
    setDefault(spec, 'strategy', { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
  }
  if (POD_TEMPLATE_KINDS.has(kind) && spec && isRecord(spec['template'])) {
    const template = spec['template'];
    // The famous `creationTimestamp: null` every stored pod template carries.
    setDefault(record(template, 'metadata'), 'creationTimestamp', null);
    if (isRecord(template['spec'])) podSpecDefaults(template['spec']);
  }
  if (kind === 'Pod' && spec) podSpecDefaults(spec);
}

function podSpecDefaults(spec: JsonObject): void {
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'schedulerName', 'default-scheduler');
  for (const list of ['containers', 'initContainers']) {
    const containers = spec[list];
    if (!Array.isArray(containers)) continue;
    for (const container of containers.filter(isRecord)) {
      const image = typeof container['image'] === 'string' ? container['image'] : '';
      setDefault(container, 'resources', {});
      setDefault(container, 'terminationMessagePath', '/dev/termination-log');
      setDefault(container, 'terminationMessagePolicy', 'File');
      setDefault(container, 'imagePullPolicy', pullsAlways(image) ? 'Always' : 'IfNotPresent');
    }
  }
}

/** Kubernetes' default pull policy: Always for `:latest` or no tag at all (a digest counts as pinned). */
function pullsAlways(image: string): boolean {
  if (image.includes('@')) return false;
  const last = image.slice(image.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  return colon < 0 || last.slice(colon + 1) === 'latest';
}

function serviceDefaults(spec: JsonObject, uid: string): void {
  setDefault(spec, 'type', 'ClusterIP');
  setDefault(spec, 'sessionAffinity', 'None');
  if (spec['type'] === 'ClusterIP' || spec['type'] === 'NodePort' || spec['type'] === 'LoadBalancer') {
    // Allocated once at creation, so it follows the object's uid.
    const bytes = createHash('sha256').update(uid).digest();
    const ip = `10.96.${bytes[0] ?? 0}.${(bytes[1] ?? 0) % 254 + 1}`;
    setDefault(spec, 'clusterIP', ip);
    setDefault(spec, 'clusterIPs', [spec['clusterIP']]);
    setDefault(spec, 'ipFamilies', ['IPv4']);
    setDefault(spec, 'ipFamilyPolicy', 'SingleStack');
    setDefault(spec, 'internalTrafficPolicy', 'Cluster');
  }
  const ports = spec['ports'];
  if (!Array.isArray(ports)) return;
  for (const port of ports.filter(isRecord)) {
    setDefault(port, 'protocol', 'TCP');
    setDefault(port, 'targetPort', port['port']);
  }
}

function liveStatus(resource: LiveResource, object: JsonObject): JsonObject | undefined {
  switch (resource.kind) {
    case 'Deployment':
      return deploymentStatus(resource, object);
    case 'Service':
      return { loadBalancer: {} };
    case 'Rollout': {
      const status = rolloutObject(resource)['status'];
      return isRecord(status) ? status : undefined;
    }
    default:
      return undefined;
  }
}

function deploymentStatus(resource: LiveResource, object: JsonObject): JsonObject {
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

function setDefault(object: JsonObject, key: string, value: unknown): void {
  if (!(key in object)) object[key] = value;
}

/** `object[key]` as an object, created when missing (or not an object). */
export function record(object: JsonObject, key: string): JsonObject {
  const value = object[key];
  if (isRecord(value)) return value;
  const created: JsonObject = {};
  object[key] = created;
  return created;
}

export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
