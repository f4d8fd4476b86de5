import type { ApplicationList, ApplicationSet } from '../../argocd';
import { InputError } from '../../errors';
import type { WaitArgocdConfig } from './config';
import type { AppTarget } from './watch-state';

/**
 * The apps given (`name` or `namespace/name`), plus every app the selector matches (`list` reads
 * them). An app is its name and namespace: a label names the namespace too when the name alone is
 * ambiguous.
 */
export async function resolveTargets(config: WaitArgocdConfig, list: () => Promise<ApplicationList>, readSet: () => Promise<ApplicationSet>): Promise<AppTarget[]> {
  const targets: AppTarget[] = config.applications.map((entry, inputIndex) => {
    const slash = entry.indexOf('/');
    const namespace = slash < 0 ? config.appNamespace : entry.slice(0, slash);
    return { label: entry, name: entry.slice(slash + 1), ...(namespace ? { requestNamespace: namespace } : {}), inputIndex };
  });
  if (config.applicationSet) addTargets(targets, await setApplications(config, list, readSet));
  if (!config.selector) return targets;
  const matched = await list();
  for (const app of matched.items) {
    const { name, namespace } = app.metadata;
    const given = targets.some((target) => target.name === name && (target.requestNamespace ?? namespace) === namespace);
    if (given) continue;
    const twin = matched.items.some((other) => other !== app && other.metadata.name === name) || targets.some((target) => target.name === name);
    targets.push({ label: twin && namespace ? `${namespace}/${name}` : name, name, ...(namespace ? { requestNamespace: namespace } : {}) });
  }
  if (matched.items.length === 0) {
    throw new InputError(
      `Selector ${JSON.stringify(config.selector)} matches no Application${config.project ? ` in project ${config.project}` : ''} that this token may see.`,
      "Check the labels (argocd app list -l '<selector>') and the token's RBAC.",
    );
  }
  return targets;
}

/**
 * The apps an ApplicationSet generated: its `status.resources`, or, when that is empty or cut short
 * by the controller's limit (`resourcesCount` larger), the apps whose owner is the set.
 */
async function setApplications(config: WaitArgocdConfig, list: () => Promise<ApplicationList>, readSet: () => Promise<ApplicationSet>): Promise<{ name: string; namespace?: string }[]> {
  const set = await readSet();
  const setName = config.applicationSet?.name ?? set.name;
  let apps = set.applications;
  if (apps.length === 0 || (set.resourcesCount ?? 0) > apps.length) {
    const owned = (await list()).items.filter((app) => app.metadata.ownerReferences?.some((owner) => owner.kind === 'ApplicationSet' && owner.name === setName));
    if (owned.length > apps.length) apps = owned.map((app) => ({ name: app.metadata.name, ...(app.metadata.namespace ? { namespace: app.metadata.namespace } : {}) }));
  }
  if (apps.length === 0) {
    throw new InputError(
      `ApplicationSet ${setName} has generated no Application: its status lists none, and no Application this token may see is owned by it.`,
      'Check its generators and conditions (kubectl get applicationset -o yaml, or the Argo CD UI); an empty set is not a deployment to wait for.',
    );
  }
  return apps;
}

/** Adds apps (name + namespace) not given already; `namespace/name` labels when names repeat. */
function addTargets(targets: AppTarget[], apps: readonly { name: string; namespace?: string }[]): void {
  for (const app of apps) {
    if (targets.some((target) => target.name === app.name && (target.requestNamespace ?? app.namespace) === app.namespace)) continue;
    const twin = apps.some((other) => other !== app && other.name === app.name) || targets.some((target) => target.name === app.name);
    targets.push({ label: twin && app.namespace ? `${app.namespace}/${app.name}` : app.name, name: app.name, ...(app.namespace ? { requestNamespace: app.namespace } : {}) });
  }
}
