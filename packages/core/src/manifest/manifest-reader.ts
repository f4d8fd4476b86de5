import { ManifestEditError } from './errors';
import { imageValue, parseImageReference } from './image-reference';
import type { ManifestChange } from './edit-session';
import type { KeyPathSegment } from './key-path';
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
