import { ManifestEditError } from './errors';
import { imageValue, parseImageReference } from './image-reference';
import type { ManifestChange } from './edit-session';
import { formatKeyPath, type KeyPathSegment } from './key-path';
import type { EditRequest } from './edit-request';
import { editManifest } from './manifest-editor';

/** What to read: where an image is referenced, or one key path. */
export type ReadTarget = { mode: 'image'; name: string } | { mode: 'key'; path: KeyPathSegment[] };

/** One place the target is set in a file. */
export interface ReadValue {
  file: string;
  line: number;
  /** Where the value is written: `spec.template.spec.containers[0].image`, `images[0]`, `image` (a Helm map). */
  path: string;
  /** Image mode: the tag there, if any. */
  tag?: string;
  /** Image mode: the digest there, if any. */
  digest?: string;
  /** Key mode: the value; image mode: `tag`, `@digest` or `tag@digest`, as the `tag` input takes it. */
  value: string;
}

// A tag no manifest holds, so every matched place reports what it holds now as a change.
const PROBE = 'gitops-promote-probe-0f6c1d';

/**
 * Reads what `source` sets for the target, at every place the editor would edit. It asks the
 * editor itself (planning an edit to a probe value and reading back each change's `previous`),
 * so reader and editor can never disagree on what matches: the same image names, Kustomize,
 * Helm and Argo CD shapes, key paths, selectors and alias rules.
 */
export function readManifest(source: string, file: string, target: ReadTarget): ReadValue[] {
  const result =
    target.mode === 'image'
      ? editManifest(source, file, { mode: 'image', image: { name: target.name, tag: PROBE } })
      : editManifest(source, file, { mode: 'key', path: target.path, value: PROBE });
  if (target.mode === 'key') return result.changes.map((change) => ({ file, line: change.line, path: change.path, value: change.previous ?? '' }));
  return imageSites(file, result.changes);
}

/**
 * Groups the probe's changes by the place they belong to. A reference string (`image: app:1.2`,
 * `app=new:1.2`) is one change; a Kustomize entry or Helm map gives one change per field it sets
 * (`newTag`/`tag`, and `digest` cleared), which are joined on their parent path.
 */
function imageSites(file: string, changes: readonly ManifestChange[]): ReadValue[] {
  const sites = new Map<string, ReadValue>();
  for (const change of changes) {
    const field = /\.(newTag|tag|digest)$/.exec(change.path);
    if (!field) {
      const text = change.previous ?? '';
      const ref = parseImageReference(text.slice(text.indexOf('=') + 1));
      sites.set(`${change.document}:${change.path}`, withValue({ file, line: change.line, path: change.path, value: '', ...pick(ref) }));
      continue;
    }
    const path = change.path.slice(0, field.index);
    const key = `${change.document}:${path}`;
    const site = sites.get(key) ?? { file, line: change.line, path, value: '' };
    if (change.previous !== null && change.previous !== '') {
      if (field[1] === 'digest') site.digest = change.previous;
      else site.tag = change.previous;
    }
    site.line = Math.min(site.line, change.line);
    sites.set(key, withValue(site));
  }
  return [...sites.values()];
}

function pick(ref: { tag?: string; digest?: string }): { tag?: string; digest?: string } {
  return { ...(ref.tag !== undefined ? { tag: ref.tag } : {}), ...(ref.digest !== undefined ? { digest: ref.digest } : {}) };
}

function withValue(site: ReadValue): ReadValue {
  site.value = imageValue(site);
  return site;
}

/** What a read of the target an edit request sets looks for: its image name, or its key path. */
export function readTargetOf(request: EditRequest): ReadTarget {
  return request.mode === 'image' ? { mode: 'image', name: request.image.name } : { mode: 'key', path: request.path };
}

/** The distinct values `files` (their text as read, before an edit) give the target. */
export function valuesIn(files: ReadonlyArray<{ file: string; source: string }>, target: ReadTarget): string[] {
  return [...new Set(files.filter((file) => file.source !== '').flatMap((file) => readManifest(file.source, file.file, target).map((read) => read.value)))];
}

/** The one value a set of files gives the target; an error when they give none, or several. */
export function singleValue(values: readonly ReadValue[], described: string, files: string): ReadValue {
  const first = values[0];
  if (!first) {
    throw new ManifestEditError(`${described} is not set in ${files}.`, 'Check the image name or key and the source files: the value to promote is read from there.');
  }
  const distinct = [...new Set(values.map((value) => value.value))];
  if (distinct.length > 1) {
    const list = values.slice(0, 6).map((value) => `${value.file}:${value.line} ${JSON.stringify(value.value)}`).join(', ');
    throw new ManifestEditError(
      `${described} has ${distinct.length} different values in ${files}: ${list}${values.length > 6 ? ', …' : ''}.`,
      'Make the source environment consistent first, or narrow the source files to the one that holds the value to promote.',
    );
  }
  if (first.value === '') {
    throw new ManifestEditError(`${described} has no tag or digest at ${first.file}:${first.line}.`, "Give the value explicitly with 'tag', 'digest' or 'value'.");
  }
  return first;
}

/** Every place a set of files gives one image or key, and the distinct values found there. */
export interface ValueSites {
  /** Distinct values, in the order first read ('' for a place with no tag or digest). */
  values: string[];
  sites: ReadValue[];
}

/** A file's text as read (from the work tree or a commit); '' stands for a file that is not there. */
export interface FileText {
  file: string;
  source: string;
}

// No image name holds a space, so this matches nothing, and no document is skipped as unable to match.
const NO_IMAGE = 'gitops-promote probe';

/** The image names `source` references, as the editor sees them (every document read). */
function imageNamesIn(source: string, file: string): string[] {
  return [...editManifest(source, file, { mode: 'image', image: { name: NO_IMAGE, tag: PROBE } }).imagesSeen()].sort();
}

/**
 * Every image the files reference, by name as the manifests write it (a Kustomize entry answers
 * to its `name` and its `newName`, a Helm map to `registry/repository` and `repository`), with its
 * values and sites: what differs between two environments is a comparison of two of these.
 */
export function readImages(files: readonly FileText[]): Map<string, ValueSites> {
  const images = new Map<string, ValueSites>();
  for (const { file, source } of files) {
    if (source === '') continue;
    for (const name of imageNamesIn(source, file)) addSites(images, name, readManifest(source, file, { mode: 'image', name }));
  }
  return images;
}

/** The same for key paths: each key (as formatKeyPath spells it) that the files set, with its values and sites. */
export function readKeys(files: readonly FileText[], keys: readonly KeyPathSegment[][]): Map<string, ValueSites> {
  const found = new Map<string, ValueSites>();
  for (const { file, source } of files) {
    if (source === '') continue;
    for (const path of keys) addSites(found, formatKeyPath(path), readManifest(source, file, { mode: 'key', path }));
  }
  return found;
}

function addSites(into: Map<string, ValueSites>, name: string, sites: readonly ReadValue[]): void {
  if (sites.length === 0) return;
  const entry = into.get(name) ?? { values: [], sites: [] };
  for (const site of sites) {
    entry.sites.push(site);
    if (!entry.values.includes(site.value)) entry.values.push(site.value);
  }
  into.set(name, entry);
}

/** One name (image or key) compared between a source and a target set of files. */
export interface ValueDifference {
  name: string;
  source: ValueSites;
  /** Undefined when the target files do not set it at all. */
  target: ValueSites | undefined;
  /** The source gives one value and every target site already holds it. */
  same: boolean;
}

/** Each name the source sets, beside what the target gives it, in name order. */
export function compareValues(source: ReadonlyMap<string, ValueSites>, target: ReadonlyMap<string, ValueSites>): ValueDifference[] {
  return [...source.keys()].sort().map((name) => {
    const from = source.get(name) ?? { values: [], sites: [] };
    const to = target.get(name);
    const same = from.values.length === 1 && to !== undefined && to.values.length === 1 && to.values[0] === from.values[0];
    return { name, source: from, target: to, same };
  });
}
