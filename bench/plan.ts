import { isAlias, isScalar, LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { ManifestChange } from '../packages/core/src/manifest/manifest-editor';
import { parseConcretePath } from '../packages/core/src/manifest/key-path';
import { formatPath, type PathSegment } from '../packages/core/src/manifest/parsed-manifest';
import type { CorpusEntry } from './corpus';
import { imageNameOf, splitDocPath, type BenchEdit } from './pick-edit';

/**
 * One value an edit changes, in a form every method can apply (a document index and a path) and
 * the fidelity check can verify (the 1-based input line and what the line must now contain).
 */
export interface PlannedChange {
  document: number;
  path: PathSegment[];
  /** Input line of the value (replace/remove), or the line the new `key: value` line takes (insert). */
  line: number;
  /** null: the key is removed (a stale digest). */
  value: string | null;
  kind: 'replace' | 'insert' | 'remove';
}

/** A place the edit should touch according to the index, found without the editor. */
export interface ExpectedTarget {
  document: number;
  path: PathSegment[];
  line: number;
}

/** The file parsed for look-ups only: failsafe keeps keys as strings, like the editor's paths. */
interface LookupDocs {
  docs: Document.Parsed[];
  lineOf(offset: number): number;
}

function parseForLookup(source: string): LookupDocs {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(source, { schema: 'failsafe', uniqueKeys: false, lineCounter });
  return {
    docs: Array.isArray(parsed) ? parsed : [],
    lineOf: (offset) => lineCounter.linePos(offset).line,
  };
}

/** The scalar at `path`, following an alias to its anchor; undefined when the path is absent. */
function scalarAt(doc: Document.Parsed, path: readonly PathSegment[]): { value: unknown; start: number } | undefined {
  let node: unknown = doc.getIn(path, true);
  if (isAlias(node)) node = node.resolve(doc);
  if (!isScalar(node) || !node.range) return undefined;
  return { value: node.value, start: node.range[0] };
}

/**
 * Turns the editor's reported changes into the plan all methods apply, so the baselines make the
 * very same edit (including a `newTag:` the editor adds to a Kustomize entry). The report's
 * `previous: null` means both "key added" and "key was empty (`tag:`)"; the parsed source tells
 * them apart: an added key does not exist yet.
 */
export function planFromEditor(source: string, changes: readonly ManifestChange[]): PlannedChange[] {
  const lookup = parseForLookup(source);
  return changes.map((change) => {
    const path = parseConcretePath(change.path);
    const doc = lookup.docs[change.document];
    const exists = doc !== undefined && doc.hasIn(path);
    const kind = change.value === null ? 'remove' : exists ? 'replace' : 'insert';
    return { document: change.document, path, line: change.line, value: change.value, kind };
  });
}

/** The index's view of what the edit should touch, to cross-check the editor's choice of places. */
export function expectedTargets(source: string, entry: CorpusEntry, edit: BenchEdit): ExpectedTarget[] {
  const lookup = parseForLookup(source);
  const located = (document: number, path: PathSegment[]): ExpectedTarget | undefined => {
    const doc = lookup.docs[document];
    const scalar = doc ? scalarAt(doc, path) : undefined;
    return scalar ? { document, path, line: lookup.lineOf(scalar.start) } : undefined;
  };
  if (edit.keyPath) {
    const target = located(edit.document, edit.keyPath);
    return target ? [target] : [];
  }
  const targets: ExpectedTarget[] = [];
  for (const indexPath of entry.imageFieldPaths) {
    const { document, path } = splitDocPath(indexPath);
    // Only the fields the image mode is specified to edit: `image:` strings and entries of an
    // `images:` list (Argo CD kustomize overrides). `imageName` (argocd-image-updater CRs) holds a
    // version constraint such as `~1.0`, not a deployed tag, and is out of scope.
    const last = path[path.length - 1];
    const parent = path[path.length - 2];
    if (!(last === 'image' || (typeof last === 'number' && parent === 'images'))) continue;
    const doc = lookup.docs[document];
    const scalar = doc ? scalarAt(doc, path) : undefined;
    if (!scalar || typeof scalar.value !== 'string') continue;
    const value = scalar.value;
    const eq = value.indexOf('=');
    const names = [imageNameOf(value), ...(eq >= 0 ? [value.slice(0, eq)] : [])];
    if (names.includes(edit.imageName ?? '')) targets.push({ document, path, line: lookup.lineOf(scalar.start) });
  }
  return targets;
}

/** A fallback plan from the index when the editor produced nothing to compare against. */
export function planFromTargets(targets: readonly ExpectedTarget[], value: string): PlannedChange[] {
  return targets.map((t) => ({ document: t.document, path: [...t.path], line: t.line, value, kind: 'replace' }));
}

export function targetKey(document: number, path: readonly PathSegment[]): string {
  return `docs[${document}].${formatPath(path)}`;
}
