import type { SelectedFile } from '../files/repo-files';
import type { GitRepository } from '../git/git-repository';
import { ManifestEditError } from '../manifest/errors';
import { readSources } from '../manifest/file-edits';
import type { EditRequest } from '../manifest/edit-request';
import { normalizeImageName } from '../manifest/image-reference';
import { formatKeyPath, type KeyPathSegment } from '../manifest/key-path';
import { readImages, readKeys, singleValue, type FileText, type ReadTarget, type ValueSites } from '../manifest/manifest-reader';
import { anyGlob } from '../text/name-glob';
import type { HistoryRequest } from './history';
import { heldErrors } from './hold';
import { editRequestFor } from './plan';

/**
 * A set of values promoted together (an environment promotion): which images and keys, read from
 * the source environment's files and compared with the target's. Every step that moves many values
 * at once (open-promotion-pr, rollback of a train) chooses them here.
 */

/** What the inputs select: `all` images the source files reference, or the names listed, and key paths. */
export interface ValueSelection {
  /** Undefined: no images. */
  images?: 'all' | readonly string[];
  /** Globs over image names (`ghcr.io/acme/*-migrations`) left out of the set. */
  excludeImages: readonly string[];
  keys: readonly KeyPathSegment[][];
}

/** Why a value of the set is not changed: the target already runs it, or a rollback holds it back. */
export type SkipReason = 'running' | 'held';

/** One value of the set, as the source gives it and the target runs it. */
export interface SetValue {
  target: ReadTarget;
  /** The image name (as the source files write it) or the key path. */
  name: string;
  value: string;
  /** What the target files give it now (distinct values). */
  previous: readonly string[];
  request: EditRequest;
  skipped?: { reason: SkipReason; message: string };
}

/** Where the values are read: both environments' files as text, and how to name them in errors. */
export interface SetSources {
  source: readonly FileText[];
  target: readonly FileText[];
}

/**
 * Every selected value, compared: a value the target already runs is marked skipped; an image or
 * key the source files do not set, or the target files do not reference (nothing to edit), is an
 * error naming each, before anything is written. Images first (by name), then keys in input order.
 */
export function selectValues(selection: ValueSelection, files: SetSources): SetValue[] {
  const sourceNames = files.source.map((file) => file.file).join(', ');
  const targetNames = files.target.map((file) => file.file).join(', ');
  const pairs = [...imagePairs(selection, files), ...keyPairs(selection, files)];
  const notInSource = pairs.filter((pair) => !pair.source).map((pair) => pair.name);
  if (notInSource.length > 0) {
    throw new ManifestEditError(
      `Not set in the source files (${sourceNames}): ${notInSource.join(', ')}.`,
      "Check the names in 'images' / 'keys' against the source environment's manifests (image names without tag or digest, exactly as the manifests write them).",
    );
  }
  const notInTarget = pairs.filter((pair) => !pair.targetSites).map((pair) => pair.name);
  if (notInTarget.length > 0) {
    throw new ManifestEditError(
      `Not referenced in the target files (${targetNames}), so there is nothing to edit: ${notInTarget.join(', ')}.`,
      "Add the target's manifests that reference them to 'files', or leave them out of the set (exclude-images for images).",
    );
  }
  return pairs.map((pair) => valueOf(pair, sourceNames));
}

interface Pair {
  target: ReadTarget;
  name: string;
  source: ValueSites | undefined;
  targetSites: ValueSites | undefined;
}

function imagePairs(selection: ValueSelection, files: SetSources): Pair[] {
  if (!selection.images) return [];
  const source = readImages(files.source);
  const target = readImages(files.target);
  const names = selection.images === 'all' ? distinctImages([...source.keys()].sort()) : [...new Set(selection.images)];
  const excluded = anyGlob(selection.excludeImages);
  return names
    .filter((name) => !excluded(name) && !excluded(normalizeImageName(name)))
    .map((name): Pair => {
      const spelled = sourceSpelling(source, name);
      return { target: { mode: 'image', name: spelled }, name: spelled, source: findImage(source, name), targetSites: findImage(target, name) };
    });
}

function keyPairs(selection: ValueSelection, files: SetSources): Pair[] {
  if (selection.keys.length === 0) return [];
  const source = readKeys(files.source, selection.keys);
  const target = readKeys(files.target, selection.keys);
  return selection.keys.map((path) => {
    const name = formatKeyPath(path);
    return { target: { mode: 'key', path } as const, name, source: source.get(name), targetSites: target.get(name) };
  });
}

/** One name per image that runs (`nginx` and `docker.io/library/nginx` are one image). */
function distinctImages(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = normalizeImageName(name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The image's entry under its name as written, else under another spelling of the same image. */
function findImage(images: ReadonlyMap<string, ValueSites>, name: string): ValueSites | undefined {
  const exact = images.get(name);
  if (exact) return exact;
  const key = normalizeImageName(name);
  for (const [other, sites] of images) if (normalizeImageName(other) === key) return sites;
  return undefined;
}

/** The name as the source files write it (what the edit and the trailers then name), else as given. */
function sourceSpelling(images: ReadonlyMap<string, ValueSites>, name: string): string {
  if (images.has(name)) return name;
  const key = normalizeImageName(name);
  return [...images.keys()].find((other) => normalizeImageName(other) === key) ?? name;
}

function valueOf(pair: Pair, sourceNames: string): SetValue {
  const described = pair.target.mode === 'image' ? `Image ${pair.name}` : `Key ${pair.name}`;
  const read = singleValue(pair.source?.sites ?? [], described, sourceNames);
  const previous = pair.targetSites?.values ?? [];
  const value: SetValue = { target: pair.target, name: pair.name, value: read.value, previous, request: editRequestFor(pair.target, read.value, read) };
  const [only] = previous;
  if (previous.length === 1 && only === read.value) value.skipped = { reason: 'running', message: `${pair.name} ${read.value}: already running` };
  return value;
}

/** What to do with a value of the set a rollback holds back. */
export interface HeldPolicy {
  /** allow-rolled-back: promote it anyway. */
  allow: boolean;
  /** `skip`: leave it out and name it; `fail`: refuse the promotion. */
  onHeld: 'skip' | 'fail';
}

/**
 * The hold per value (one read of the hold for the whole set): a value a rollback moved the target
 * away from is left out and named, or refused with `onHeld: fail`; `allow` promotes it anyway.
 */
export async function applyHolds(request: Omit<HistoryRequest, 'target'>, values: readonly SetValue[], policy: HeldPolicy): Promise<SetValue[]> {
  if (policy.allow) return [...values];
  const open = promotedValues(values);
  const errors = await heldErrors(request, open);
  const held = new Map<SetValue, string>();
  for (const [index, value] of open.entries()) {
    const error = errors[index];
    if (!error) continue;
    if (policy.onHeld === 'fail') throw error;
    held.set(value, error.message);
  }
  return values.map((value) => {
    const message = held.get(value);
    return message === undefined ? value : { ...value, skipped: { reason: 'held', message } };
  });
}

/** The values the set changes (those not skipped). */
export function promotedValues(values: readonly SetValue[]): SetValue[] {
  return values.filter((value) => !value.skipped);
}

/** `3 images`, `1 key`, `2 images and 1 key`: what a set is called in titles and messages. */
export function setName(values: readonly SetValue[]): string {
  const images = values.filter((value) => value.target.mode === 'image').length;
  const keys = values.length - images;
  const parts = [...(images > 0 ? [`${images} image${images === 1 ? '' : 's'}`] : []), ...(keys > 0 ? [`${keys} key${keys === 1 ? '' : 's'}`] : [])];
  return parts.join(' and ') || 'no values';
}

/** `api 1.1.0, web 2.1.0 (+3 more)`: a set's values in a title (an image by its last path part). */
export function shortValues(values: readonly SetValue[], pick: (value: SetValue) => string = (value) => value.value, shown = 3): string {
  const items = values.slice(0, shown).map((value) => `${shortName(value)} ${pick(value) || '(not set)'}`);
  const more = values.length - shown;
  return `${items.join(', ')}${more > 0 ? ` (+${more} more)` : ''}`;
}

function shortName(value: SetValue): string {
  return value.target.mode === 'image' ? (value.name.split('/').pop() ?? value.name) : value.name;
}

/** The `changes` output: every value of the set, a skipped one with its reason. */
export function changesJson(values: readonly SetValue[]): string {
  return JSON.stringify(
    values.map((value) => ({
      ...(value.target.mode === 'image' ? { image: value.name } : { key: value.name }),
      previous: value.previous,
      value: value.value,
      ...(value.skipped ? { skipped: value.skipped.reason } : {}),
    })),
  );
}

/** What reading a set needs: the clone at the base tip, both environments' files, the policies. */
export interface ValueSetRead {
  repo: GitRepository;
  baseTip: string;
  selection: ValueSelection;
  source: readonly SelectedFile[];
  target: readonly SelectedFile[];
  held: HeldPolicy;
  info(message: string): void;
}

/**
 * The set as the work tree (checked out at the base tip) gives it: selected, compared, the hold
 * applied; each value left out is logged by name with why.
 */
export async function readValueSet(read: ValueSetRead): Promise<SetValue[]> {
  const selected = selectValues(read.selection, { source: await readSources(read.source), target: await readSources(read.target) });
  const history = { repo: read.repo, remote: 'origin', branch: undefined, rev: read.baseTip, files: read.target.map((file) => file.relative), info: read.info };
  const values = await applyHolds(history, selected, read.held);
  for (const value of values) if (value.skipped) read.info(`Skipped ${value.skipped.reason === 'running' ? `${value.name} ${value.value}: the target already runs it` : `(held) ${value.skipped.message.replace(/\.$/, '')}`}.`);
  const promoted = promotedValues(values);
  read.info(`Promoting ${promoted.length} of ${values.length} value${values.length === 1 ? '' : 's'}${promoted.length > 0 ? `: ${promoted.map((value) => `${value.name} ${value.previous.join(', ') || '(not set)'} → ${value.value}`).join('; ')}` : ''}.`);
  return values;
}
