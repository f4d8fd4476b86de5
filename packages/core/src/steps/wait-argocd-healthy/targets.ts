import type { ApplicationList } from '../../argocd';
import { InputError } from '../../errors';
import type { WaitArgocdConfig } from './config';
import type { AppTarget } from './watch-state';

/**
 * The apps given (`name` or `namespace/name`), plus every app the selector matches (`list` reads
 * them). An app is its name and namespace: a label names the namespace too when the name alone is
 * ambiguous.
 */
export async function resolveTargets(config: WaitArgocdConfig, list: () => Promise<ApplicationList>): Promise<AppTarget[]> {
  const targets: AppTarget[] = config.applications.map((entry) => {
    const slash = entry.indexOf('/');
    const namespace = slash < 0 ? config.appNamespace : entry.slice(0, slash);
    return { label: entry, name: entry.slice(slash + 1), ...(namespace ? { requestNamespace: namespace } : {}) };
  });
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
