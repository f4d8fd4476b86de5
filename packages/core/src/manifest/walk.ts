import { isMap, isPair, isSeq, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { PathSegment } from './parsed-manifest';

export interface CollectionVisitor {
  map?(map: YAMLMap, path: readonly PathSegment[]): void;
  seq?(seq: YAMLSeq, path: readonly PathSegment[]): void;
}

/**
 * Visits every map and sequence of a document, depth first, with its key path. Aliases are not
 * followed (their anchors are visited where they are written), so nothing is visited twice.
 */
export function walkCollections(document: Document.Parsed, visitor: CollectionVisitor): void {
  const visit = (node: unknown, path: PathSegment[]): void => {
    if (isMap(node)) {
      visitor.map?.(node, path);
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = keyName(pair.key);
        visit(pair.value, key === undefined ? path : [...path, key]);
      }
    } else if (isSeq(node)) {
      visitor.seq?.(node, path);
      node.items.forEach((item, index) => visit(item, [...path, index]));
    }
  };
  visit(document.contents, []);
}

/** A map key as a string; undefined for complex keys (maps as keys), which never hold images. */
export function keyName(key: unknown): string | undefined {
  if (key && typeof key === 'object' && 'value' in key && !('items' in key)) {
    const value: unknown = (key as Node & { value: unknown }).value;
    return value === null || value === undefined ? '' : String(value);
  }
  return undefined;
}

/** The pairs of `map` whose key is `name` (more than one only in files with duplicate keys). */
export function pairsNamed(map: YAMLMap, name: string) {
  return map.items.filter((pair) => keyName(pair.key) === name);
}
