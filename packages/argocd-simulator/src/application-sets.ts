/**
 * ApplicationSets, as far as a client waiting on their Applications meets them: `GET
 * /api/v1/applicationsets/{name}` answers the set with `status.resources` (the Applications it
 * generated, as ResourceStatus rows with their sync and health) and `resourcesCount`, and each
 * generated app carries an `ownerReferences` entry naming the set. The generators are not run: a
 * test declares which apps a set generated (`sim.addApplicationSet`).
 */
import { randomUUID } from 'node:crypto';
import { formatTime } from './time.js';
import type { Application } from './types.js';

export interface ApplicationSetConfig {
  name: string;
  /** Default: the control-plane namespace. */
  namespace?: string;
  /** The Applications it generated, by name (in the set's namespace). */
  apps: string[];
  /**
   * How many rows `status.resources` shows at most (the controller's limit); `resourcesCount`
   * still counts them all. Default: no limit.
   */
  resourcesLimit?: number;
}

export interface StoredApplicationSet {
  config: ApplicationSetConfig & { namespace: string };
  uid: string;
  createdAt: string;
}

export function newApplicationSet(config: ApplicationSetConfig, namespace: string, now: Date): StoredApplicationSet {
  return { config: { ...config, apps: [...config.apps], namespace: config.namespace ?? namespace }, uid: randomUUID(), createdAt: formatTime(now) };
}

/** The set as the API returns it; `apps` are the generated Applications that exist. */
export function applicationSetObject(set: StoredApplicationSet, apps: readonly Application[]): Record<string, unknown> {
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
export function ownerReference(set: StoredApplicationSet): Record<string, unknown> {
  return { apiVersion: 'argoproj.io/v1alpha1', kind: 'ApplicationSet', name: set.config.name, uid: set.uid, controller: true, blockOwnerDeletion: true };
}
