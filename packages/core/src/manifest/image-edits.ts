import { isMap, isScalar, isSeq, type Document, type Scalar, type YAMLMap } from 'yaml';
import { formatImageReference, parseImageReference, type ImageReference } from './image-reference';
import type { EditSession } from './edit-session';
import { scalarText } from './edit-session';
import type { PathSegment } from './parsed-manifest';
import { pairsNamed, walkCollections } from './walk';

/** Where an image is set: its exact name and the new tag and/or digest. */
export interface ImageTarget {
  name: string;
  tag?: string;
  digest?: string;
}

/** Image requests planned together: by exact name, each with the index of its request (EditSession.owner). */
export type ImageTargets = ReadonlyMap<string, ReadonlyArray<{ target: ImageTarget; owner: number }>>;

/** The lookup for several image requests (several entries under one name make a conflict, reported when both reach a place). */
export function imageTargets(entries: ReadonlyArray<{ target: ImageTarget; owner: number }>): ImageTargets {
  const targets = new Map<string, Array<{ target: ImageTarget; owner: number }>>();
  for (const entry of entries) targets.set(entry.target.name, [...(targets.get(entry.target.name) ?? []), entry]);
  return targets;
}

/**
 * Finds every place `target.name` is referenced and plans the edit:
 * - `image: name[:tag][@digest]` strings (containers, initContainers, ephemeralContainers of any
 *   workload kind, Argo Rollouts, CronJobs, Pods, and plain Helm values);
 * - Kustomize `images:` entries `{name, newName, newTag, digest}` matched by `name` or `newName`;
 * - Argo CD `spec.source.kustomize.images` strings `[name=]newName:tag`;
 * - Helm values maps `{registry?, repository, tag?, digest?}`.
 * Setting a tag drops a stale digest; a digest alone replaces both in strings.
 */
export function planImageEdits(session: EditSession, target: ImageTarget, seen: Set<string>): void {
  planImageTargets(session, imageTargets([{ target, owner: session.owner }]), seen);
}

/**
 * The same for many images in one walk of each document: each reference is looked up by name, so
 * a train of N images costs one walk, not N. Each edit is made under its request's owner index.
 */
export function planImageTargets(session: EditSession, targets: ImageTargets, seen: Set<string>): void {
  session.manifest.documents.forEach((document, docIndex) => {
    walkCollections(document, {
      map(map, path) {
        for (const pair of pairsNamed(map, 'image')) {
          const node = session.resolve(document, pair.value);
          if (isScalar(node) && typeof node.value === 'string' && node.value !== '') {
            editReferenceString(session, docIndex, [...path, 'image'], node, targets, seen, false);
          }
        }
        editHelmImageMap(session, document, docIndex, map, path, targets, seen);
        for (const pair of pairsNamed(map, 'images')) {
          const list = session.resolve(document, pair.value);
          if (isSeq(list)) {
            list.items.forEach((item, index) => {
              const entry = session.resolve(document, item);
              const entryPath = [...path, 'images', index];
              if (isMap(entry)) editKustomizeImage(session, document, docIndex, entry, entryPath, targets, seen);
              else if (isScalar(entry) && typeof entry.value === 'string') {
                editReferenceString(session, docIndex, entryPath, entry, targets, seen, true);
              }
            });
          }
        }
      },
    });
  });
}

/**
 * The requests a place written under `names` answers to (a place may be named twice: `old=new`,
 * `name`/`newName`, `registry/repository`/`repository`), each once; the edit is planned for each
 * under its owner, so two requests reaching one place are refused by the session.
 */
function matching(targets: ImageTargets, names: ReadonlyArray<string | undefined>): Array<{ target: ImageTarget; owner: number }> {
  const found: Array<{ target: ImageTarget; owner: number }> = [];
  for (const name of new Set(names)) {
    if (name === undefined) continue;
    for (const entry of targets.get(name) ?? []) if (!found.includes(entry)) found.push(entry);
  }
  return found;
}

function each(session: EditSession, entries: ReadonlyArray<{ target: ImageTarget; owner: number }>, edit: (target: ImageTarget) => void): void {
  for (const { target, owner } of entries) {
    session.owner = owner;
    edit(target);
  }
}

function withNewVersion(ref: ImageReference, target: ImageTarget): ImageReference {
  const next: ImageReference = { name: ref.name };
  if (target.tag !== undefined) next.tag = target.tag;
  if (target.digest !== undefined) next.digest = target.digest;
  return next;
}

/**
 * An image reference written as one string: a container `image:` (`name[:tag][@digest]`) or, where
 * `renames` is set, an Argo CD `kustomize.images` override that may rename (`old=new:tag`).
 */
function editReferenceString(
  session: EditSession,
  docIndex: number,
  path: readonly PathSegment[],
  node: Scalar,
  targets: ImageTargets,
  seen: Set<string>,
  renames: boolean,
): void {
  const text = scalarText(node);
  const eq = renames ? text.indexOf('=') : -1;
  const original = eq >= 0 ? text.slice(0, eq) : undefined;
  const ref = parseImageReference(text.slice(eq + 1));
  seen.add(ref.name);
  if (original !== undefined) seen.add(original);
  const prefix = original !== undefined ? `${original}=` : '';
  each(session, matching(targets, [ref.name, original]), (target) => session.setScalar(docIndex, path, node, prefix + formatImageReference(withNewVersion(ref, target))));
}

function scalarValue(document: Document.Parsed, session: EditSession, map: YAMLMap, key: string): Scalar | undefined {
  const pair = pairsNamed(map, key)[0];
  if (!pair) return undefined;
  const node = session.resolve(document, pair.value);
  return isScalar(node) ? node : undefined;
}

/** Sets `key` in `map` to `value`, adding the key when the map does not have it. */
function setOrInsert(
  session: EditSession,
  document: Document.Parsed,
  docIndex: number,
  map: YAMLMap,
  path: readonly PathSegment[],
  key: string,
  value: string,
): void {
  const node = scalarValue(document, session, map, key);
  if (node) session.setScalar(docIndex, [...path, key], node, value);
  else if (pairsNamed(map, key).length === 0) session.insertPair(docIndex, path, map, key, value);
}

function editKustomizeImage(
  session: EditSession,
  document: Document.Parsed,
  docIndex: number,
  entry: YAMLMap,
  path: readonly PathSegment[],
  targets: ImageTargets,
  seen: Set<string>,
): void {
  const name = scalarValue(document, session, entry, 'name');
  if (!name) return;
  const newName = scalarValue(document, session, entry, 'newName');
  seen.add(scalarText(name));
  if (newName) seen.add(scalarText(newName));
  each(session, matching(targets, [scalarText(name), newName ? scalarText(newName) : undefined]), (target) => editKustomizeEntry(session, document, docIndex, entry, path, target));
}

function editKustomizeEntry(session: EditSession, document: Document.Parsed, docIndex: number, entry: YAMLMap, path: readonly PathSegment[], target: ImageTarget): void {
  if (target.tag !== undefined) setOrInsert(session, document, docIndex, entry, path, 'newTag', target.tag);
  if (target.digest !== undefined) {
    setOrInsert(session, document, docIndex, entry, path, 'digest', target.digest);
  } else {
    // Kustomize lets a digest win over newTag: a digest left from an earlier run would pin the old image.
    const stale = pairsNamed(entry, 'digest')[0];
    if (stale) session.removePair(docIndex, path, entry, stale);
  }
}

function editHelmImageMap(
  session: EditSession,
  document: Document.Parsed,
  docIndex: number,
  map: YAMLMap,
  path: readonly PathSegment[],
  targets: ImageTargets,
  seen: Set<string>,
): void {
  const repository = scalarValue(document, session, map, 'repository');
  if (!repository || typeof repository.value !== 'string' || repository.value === '') return;
  // Only maps shaped like an image: a repository beside a tag, digest or registry, or under `image`.
  const shaped = ['tag', 'digest', 'registry'].some((key) => pairsNamed(map, key).length > 0);
  const underImageKey = /image$/i.test(String(path[path.length - 1] ?? ''));
  if (!shaped && !underImageKey) return;
  const registry = scalarValue(document, session, map, 'registry');
  const repo = scalarText(repository);
  const full = registry && scalarText(registry) !== '' ? `${scalarText(registry)}/${repo}` : repo;
  seen.add(full);
  each(session, matching(targets, [full, repo]), (target) => editHelmEntry(session, document, docIndex, map, path, target));
}

function editHelmEntry(session: EditSession, document: Document.Parsed, docIndex: number, map: YAMLMap, path: readonly PathSegment[], target: ImageTarget): void {
  if (target.tag !== undefined) setOrInsert(session, document, docIndex, map, path, 'tag', target.tag);
  if (target.digest !== undefined) {
    setOrInsert(session, document, docIndex, map, path, 'digest', target.digest);
  } else {
    // Charts render `repository@digest` when a digest is set; clear it so the new tag takes effect.
    const digest = scalarValue(document, session, map, 'digest');
    if (digest && scalarText(digest) !== '') session.setScalar(docIndex, [...path, 'digest'], digest, '');
  }
}

