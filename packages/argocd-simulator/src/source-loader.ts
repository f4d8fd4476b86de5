/**
 * Generates an Application source's manifests from one commit, like Argo CD's repo server does
 * for the source types an environment repository most often uses:
 * - Directory: the `.yaml`/`.yml`/`.json` files in `path` (sub-directories only with `recurse`);
 * - Kustomize: when `path` holds a kustomization, its `resources` (files and kustomization
 *   directories, recursively) with the `images`, `namespace`, `namePrefix` and `nameSuffix`
 *   transformers applied. That covers image promotion by editing `images:`; anything else
 *   kustomize does (patches, generators, remote bases) is out of the simulation's scope;
 * - Helm: when the source sets `helm`, or `path` holds a `Chart.yaml` (and no kustomization, which
 *   Argo CD's discovery prefers): rendered by the real helm (helm-render.ts).
 */
import { posix } from 'node:path';
import { parse } from 'yaml';
import type { GitReader, RepoSnapshot } from './git-reader.js';
import { helmTemplate, type HelmRenderContext } from './helm-render.js';
import { ManifestError, parseManifestFile, toResource, type K8sObject, type ManifestResource } from './manifest-parse.js';

export type SourceType = 'Directory' | 'Kustomize' | 'Helm';

export interface LoadedSource {
  sourceType: SourceType;
  resources: ManifestResource[];
}

export interface SourceLocation {
  repoPath: string;
  path: string;
  recurse: boolean;
  /** How a Helm source renders: the helm binary, release name, namespace and `spec.source.helm`. */
  helm: HelmRenderContext;
}

const MANIFEST_FILE = /\.(?:ya?ml|json)$/;
const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
const MAX_KUSTOMIZE_DEPTH = 10;

interface KustomizeImage {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

export async function loadSource(
  reader: GitReader,
  snapshot: RepoSnapshot,
  location: SourceLocation,
  defaultNamespace: string,
  sourceIndex: number,
): Promise<LoadedSource> {
  const dir = normaliseDir(location.path);
  const read = async (paths: readonly string[]): Promise<Map<string, string>> => {
    const oids = paths.map((path) => snapshot.files.get(path) ?? '');
    const blobs = await reader.readBlobs(location.repoPath, oids);
    return new Map(paths.map((path, i) => [path, blobs.get(oids[i] ?? '') ?? '']));
  };
  const toResources = (objects: K8sObject[]): ManifestResource[] =>
    objects.map((object) => toResource(object, defaultNamespace, sourceIndex));

  // Argo CD's source type: explicit `helm` first, then discovery (a kustomization beats a Chart.yaml).
  const kustomization = findKustomization(snapshot, dir);
  if (location.helm.helm === undefined && kustomization) {
    return { sourceType: 'Kustomize', resources: toResources(await kustomizeBuild(snapshot, read, dir)) };
  }
  if (location.helm.helm !== undefined || snapshot.files.has(dir === '' ? 'Chart.yaml' : `${dir}/Chart.yaml`)) {
    return { sourceType: 'Helm', resources: toResources(await helmTemplate(snapshot, read, dir, location.helm)) };
  }
  const prefix = dir === '' ? '' : `${dir}/`;
  const inDir = [...snapshot.files.keys()].filter((file) => file.startsWith(prefix));
  if (inDir.length === 0 && dir !== '') throw new ManifestError(`${dir}: app path does not exist`);
  const files = inDir
    .filter((file) => MANIFEST_FILE.test(file) && (location.recurse || !file.slice(prefix.length).includes('/')))
    .sort();
  const contents = await read(files);
  const objects = files.flatMap((file) => parseManifestFile(file, contents.get(file) ?? ''));
  return { sourceType: 'Directory', resources: toResources(objects) };
}

function normaliseDir(path: string): string {
  const normal = posix.normalize(`/${path}`).slice(1).replace(/\/+$/, '');
  return normal === '.' ? '' : normal;
}

function findKustomization(snapshot: RepoSnapshot, dir: string): string | undefined {
  return KUSTOMIZATION_FILES.map((name) => (dir === '' ? name : `${dir}/${name}`)).find((file) => snapshot.files.has(file));
}

/** `kustomize build`: any failure is the tool's error, which the repo server passes on as Unknown. */
async function kustomizeBuild(snapshot: RepoSnapshot, read: (paths: readonly string[]) => Promise<Map<string, string>>, dir: string): Promise<K8sObject[]> {
  try {
    return await kustomize(snapshot, read, dir, 0);
  } catch (error) {
    if (error instanceof ManifestError && error.code !== 'Unknown') throw new ManifestError(error.message);
    throw error;
  }
}

async function kustomize(
  snapshot: RepoSnapshot,
  read: (paths: readonly string[]) => Promise<Map<string, string>>,
  dir: string,
  depth: number,
): Promise<K8sObject[]> {
  const file = findKustomization(snapshot, dir);
  if (!file) throw new ManifestError(`unable to find one of ${KUSTOMIZATION_FILES.map((n) => `'${n}'`).join(', ')} in directory '${dir}'`);
  if (depth > MAX_KUSTOMIZE_DEPTH) throw new ManifestError(`kustomization '${dir}' nests too deeply`);
  const text = (await read([file])).get(file) ?? '';
  let spec: Record<string, unknown>;
  try {
    const parsed: unknown = parse(text);
    spec = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch (error) {
    throw new ManifestError(`Failed to unmarshal "${file}": ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  const entries = [...stringList(spec['resources']), ...stringList(spec['bases'])];
  const objects: K8sObject[] = [];
  for (const entry of entries) {
    if (/^[a-z]+:\/\/|^github\.com\//.test(entry)) throw new ManifestError(`remote kustomize resource '${entry}' is not simulated`);
    const target = normaliseDir(posix.join(dir, entry));
    if (snapshot.files.has(target)) {
      const contents = await read([target]);
      objects.push(...parseManifestFile(target, contents.get(target) ?? ''));
    } else {
      objects.push(...(await kustomize(snapshot, read, target, depth + 1)));
    }
  }
  applyTransformers(objects, spec);
  return objects;
}

function applyTransformers(objects: K8sObject[], spec: Record<string, unknown>): void {
  const namespace = typeof spec['namespace'] === 'string' ? spec['namespace'] : undefined;
  const prefix = typeof spec['namePrefix'] === 'string' ? spec['namePrefix'] : '';
  const suffix = typeof spec['nameSuffix'] === 'string' ? spec['nameSuffix'] : '';
  const images = Array.isArray(spec['images']) ? spec['images'].filter(isKustomizeImage) : [];
  for (const object of objects) {
    const metadata = (object.metadata ??= {});
    if (namespace !== undefined) metadata['namespace'] = namespace;
    if (typeof metadata['name'] === 'string') metadata['name'] = `${prefix}${metadata['name']}${suffix}`;
    if (images.length > 0) rewriteImages(object, images);
  }
}

function rewriteImages(value: unknown, images: readonly KustomizeImage[]): void {
  if (Array.isArray(value)) {
    value.forEach((item) => rewriteImages(item, images));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  for (const [key, child] of Object.entries(record)) {
    if ((key === 'containers' || key === 'initContainers') && Array.isArray(child)) {
      for (const container of child) {
        if (typeof container !== 'object' || container === null) continue;
        const holder = container as Record<string, unknown>;
        if (typeof holder['image'] === 'string') holder['image'] = rewriteImage(holder['image'], images);
      }
    } else {
      rewriteImages(child, images);
    }
  }
}

/** Kustomize's image transformer: match by name (without tag/digest); digest beats tag. */
function rewriteImage(image: string, images: readonly KustomizeImage[]): string {
  const at = image.indexOf('@');
  const beforeDigest = at >= 0 ? image.slice(0, at) : image;
  const colon = beforeDigest.lastIndexOf(':');
  const hasTag = colon > beforeDigest.lastIndexOf('/');
  const name = hasTag ? beforeDigest.slice(0, colon) : beforeDigest;
  const rule = images.find((candidate) => candidate.name === name);
  if (!rule) return image;
  const suffix =
    rule.digest !== undefined
      ? `@${rule.digest}`
      : rule.newTag !== undefined
        ? `:${rule.newTag}`
        : image.slice(name.length);
  return `${rule.newName ?? name}${suffix}`;
}

function isKustomizeImage(value: unknown): value is KustomizeImage {
  return typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string';
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
