/**
 * `GET /applications/{name}/resource-tree`: the managed resources plus the children a cluster
 * would create for them (Deployment → ReplicaSet → Pod, StatefulSet/DaemonSet/Job → Pod), each
 * with its health, so a client can explain a Degraded app down to the crashing pod.
 */
import { analysisRunHealth, podHealth, replicaSetName, resourceHealth, stableUid, type LiveResource } from './live-state.js';
import type { ApplicationTree, ResourceNode, ResourceRef } from './types.js';

export function buildResourceTree(resources: readonly LiveResource[]): ApplicationTree {
  const nodes: ResourceNode[] = [];
  for (const resource of resources) {
    const node = baseNode(resource);
    nodes.push(node);
    const parent = refOf(node);
    switch (resource.kind) {
      case 'Deployment':
      case 'Rollout': {
        const rsName = replicaSetName(resource);
        const rs = childNode(resource, 'apps', 'ReplicaSet', rsName, parent);
        const settled = resource.rollout === 'settled' && !resource.broken;
        rs.health = settled
          ? { status: 'Healthy' }
          : { status: 'Progressing', message: 'Waiting for rollout to finish: 0 out of 1 new replicas are available...' };
        rs.info = [{ name: 'Revision', value: 'Rev:1' }];
        nodes.push(rs, podNode(resource, `${rsName}-${resource.hash.slice(10, 15)}`, refOf(rs)));
        for (const run of resource.canary?.analysisRuns ?? []) {
          const node = childNode(resource, 'argoproj.io', 'AnalysisRun', run.name, parent);
          node.version = 'v1alpha1';
          node.uid = run.uid;
          node.createdAt = run.createdAt;
          node.health = analysisRunHealth(run);
          nodes.push(node);
        }
        break;
      }
      case 'StatefulSet':
        nodes.push(podNode(resource, `${resource.name}-0`, parent));
        break;
      case 'DaemonSet':
      case 'Job':
        nodes.push(podNode(resource, `${resource.name}-${resource.hash.slice(10, 15)}`, parent));
        break;
      default:
        break;
    }
  }
  return { nodes, orphanedNodes: [] };
}

function baseNode(resource: LiveResource): ResourceNode {
  const node: ResourceNode = {
    ...(resource.group ? { group: resource.group } : {}),
    version: resource.version,
    kind: resource.kind,
    ...(resource.namespace ? { namespace: resource.namespace } : {}),
    name: resource.name,
    uid: resource.uid,
    resourceVersion: resource.resourceVersion,
    createdAt: resource.createdAt,
  };
  const health = resourceHealth(resource);
  if (health) node.health = health;
  if (resource.kind === 'Pod') node.images = resource.images.map((entry) => entry.image);
  return node;
}

function childNode(owner: LiveResource, group: string, kind: string, name: string, parent: ResourceRef): ResourceNode {
  return {
    ...(group ? { group } : {}),
    version: 'v1',
    kind,
    namespace: owner.namespace,
    name,
    uid: stableUid(`${owner.uid}/${kind}/${name}`),
    resourceVersion: owner.resourceVersion,
    createdAt: owner.createdAt,
    parentRefs: [parent],
  };
}

function podNode(owner: LiveResource, name: string, parent: ResourceRef): ResourceNode {
  const pod = childNode(owner, '', 'Pod', name, parent);
  const container = owner.images[0]?.container ?? owner.name;
  pod.health = podHealth(owner, container, name);
  pod.images = [...new Set(owner.images.map((entry) => entry.image))];
  const total = Math.max(1, new Set(owner.images.map((entry) => entry.container)).size);
  const reason = owner.rollout !== 'settled' ? 'ContainerCreating' : owner.broken ? 'CrashLoopBackOff' : 'Running';
  const ready = owner.rollout === 'settled' && !owner.broken ? total : 0;
  pod.info = [
    { name: 'Status Reason', value: reason },
    { name: 'Containers', value: `${ready}/${total}` },
  ];
  return pod;
}

function refOf(node: ResourceNode): ResourceRef {
  return {
    ...(node.group ? { group: node.group } : {}),
    version: node.version,
    kind: node.kind,
    ...(node.namespace ? { namespace: node.namespace } : {}),
    name: node.name,
    uid: node.uid,
  };
}
