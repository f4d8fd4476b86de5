import { isMap, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';
import { formatPath, type PathSegment } from './parsed-manifest';

/**
 * Every scalar a manifest sets, by key path (`image.tag`, `spec.replicas`): what "the other keys"
 * of two environments' files are when comparing them. A file of several documents prefixes each
 * path with its document's `kind/name` (or position), so equal paths of different objects stay
 * apart. Files that do not parse give nothing: the editor reports them where it matters.
 */
export function leafValues(source: string): Map<string, string> {
  const leaves = new Map<string, string>();
  const documents = parseAllDocuments(source);
  if (!Array.isArray(documents)) return leaves;
  const several = documents.filter((document) => document.contents !== null).length > 1;
  documents.forEach((document, index) => {
    if (document.errors.length > 0 || document.contents === null) return;
    const prefix = several ? `${documentName(document.toJS() as unknown, index)}: ` : '';
    walk(document.contents, [], (path, value) => leaves.set(`${prefix}${formatPath(path)}`, value));
  });
  return leaves;
}

function walk(node: Node | null, path: PathSegment[], leaf: (path: PathSegment[], value: string) => void): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key !== undefined) walk(pair.value as Node | null, [...path, key], leaf);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => walk(item as Node | null, [...path, index], leaf));
  } else if (isScalar(node) && path.length > 0) {
    leaf(path, node.value === null ? 'null' : String(node.value));
  }
}

function documentName(value: unknown, index: number): string {
  const object = typeof value === 'object' && value !== null ? (value as { kind?: unknown; metadata?: { name?: unknown } }) : {};
  const kind = typeof object.kind === 'string' ? object.kind : undefined;
  const name = typeof object.metadata?.name === 'string' ? object.metadata.name : undefined;
  return kind && name ? `${kind}/${name}` : `document ${index + 1}`;
}
