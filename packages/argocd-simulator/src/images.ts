/**
 * Container images of a Kubernetes object, and the matchers that decide which of them "break" a
 * rollout or a sync in the simulation.
 */

export interface ContainerImage {
  container: string;
  image: string;
}

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

/**
 * Every `image` of every container list anywhere in the object, in document order. Walking the
 * whole object covers Deployments, StatefulSets, Jobs, CronJobs (jobTemplate), Pods and CRDs such
 * as Argo Rollouts without a table of where each kind keeps its pod template.
 */
export function findContainerImages(object: unknown): ContainerImage[] {
  const found: ContainerImage[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(walk);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    for (const [key, child] of Object.entries(value)) {
      if (CONTAINER_LISTS.has(key) && Array.isArray(child)) {
        for (const container of child) {
          if (typeof container !== 'object' || container === null) continue;
          const { name, image } = container as { name?: unknown; image?: unknown };
          if (typeof image === 'string') found.push({ container: typeof name === 'string' ? name : '', image });
        }
      } else {
        walk(child);
      }
    }
  };
  walk(object);
  return found;
}

/** The tag of an image reference, or undefined (`registry:5000/app` has no tag). */
export function imageTag(image: string): string | undefined {
  const withoutDigest = image.split('@')[0] ?? image;
  const colon = withoutDigest.lastIndexOf(':');
  return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.slice(colon + 1) : undefined;
}

/**
 * Which images a rule applies to: a predicate, or a declarative form usable from JSON and the CLI
 * (all given fields must match; `pattern` is a regular expression tested against the whole reference).
 */
export type ImageMatcher =
  | ((image: string) => boolean)
  | { tagPrefix?: string; pattern?: string; images?: readonly string[] };

export function compileImageMatcher(matcher: ImageMatcher | null | undefined): (image: string) => boolean {
  if (matcher === null || matcher === undefined) return () => false;
  if (typeof matcher === 'function') return matcher;
  const pattern = matcher.pattern !== undefined ? new RegExp(matcher.pattern) : undefined;
  const images = matcher.images !== undefined ? new Set(matcher.images) : undefined;
  return (image) =>
    (matcher.tagPrefix === undefined || (imageTag(image) ?? '').startsWith(matcher.tagPrefix)) &&
    (pattern === undefined || pattern.test(image)) &&
    (images === undefined || images.has(image));
}
