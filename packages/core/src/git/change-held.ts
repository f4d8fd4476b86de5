import { parseAllDocuments } from 'yaml';
import type { GitRepository } from './git-repository';

/**
 * Whether commit `candidate` still holds what commit `change` changed (against its first parent).
 * Descending from `change` is not enough: a later commit may revert it, and an app running that
 * one does not run `change`. Every file `change` touched must be, at `candidate`, as `change` left
 * it: the same bytes, or (YAML and JSON files) the same values at every path `change` set or
 * removed, so another promotion editing an unrelated line of the same file keeps `change` counted.
 * Returns the first file that no longer holds the change, or undefined when all do.
 */
export async function fileNotHoldingChange(repo: GitRepository, change: string, candidate: string): Promise<string | undefined> {
  const [parent] = await repo.parentsOf(change);
  for (const file of await repo.changedFiles(change)) {
    const after = await repo.rootFileAt(change, file);
    const now = await repo.rootFileAt(candidate, file);
    if (after === now) continue;
    if (after === undefined || now === undefined) return file;
    // Manifests are compared by value; any other file (Jsonnet, a script) byte for byte.
    if (!MANIFEST.test(file)) return file;
    const before = parent === undefined ? undefined : await repo.rootFileAt(parent, file);
    if (!sameChangedValues(before ?? '', after, now)) return file;
  }
  return undefined;
}

const MANIFEST = /\.(?:ya?ml|json)$/i;

/** The values `before` → `after` changed are the same in `now`; false when any is not YAML. */
function sameChangedValues(before: string, after: string, now: string): boolean {
  const [was, set, is] = [leaves(before), leaves(after), leaves(now)];
  if (!was || !set || !is) return false;
  for (const path of new Set([...was.keys(), ...set.keys()])) {
    if (was.get(path) !== set.get(path) && is.get(path) !== set.get(path)) return false;
  }
  return true;
}

/** Every scalar of every document, by `doc/key/…` path, as JSON; undefined for text that is not YAML. */
function leaves(text: string): Map<string, string> | undefined {
  const out = new Map<string, string>();
  const documents = parseAllDocuments(text);
  if (!Array.isArray(documents)) return undefined;
  for (const [index, document] of documents.entries()) {
    if (document.errors.length > 0) return undefined;
    let value: unknown;
    try {
      value = document.toJS();
    } catch {
      return undefined;
    }
    flatten(value, JSON.stringify(index), out);
  }
  return out;
}

function flatten(value: unknown, path: string, out: Map<string, string>): void {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((entry, index) => [String(index), entry] as const) : Object.entries(value);
    // An empty map or list is a value too: emptying one is a change.
    if (entries.length === 0) out.set(path, JSON.stringify(value));
    for (const [key, entry] of entries) flatten(entry, `${path}/${JSON.stringify(key)}`, out);
    return;
  }
  out.set(path, JSON.stringify(value) ?? 'undefined');
}
