import { isAlias, isScalar, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { ManifestEditError } from './errors';
import { formatPath, lineOf, type ParsedManifest, type PathSegment } from './parsed-manifest';
import { keepsPlainType, styleOf, writeScalar, type NumberReader } from './scalar-style';
import { applySplices, type Splice } from './splices';

/** One value this run changes, reported to the user and in the `previous-values` output. */
export interface ManifestChange {
  file: string;
  /** 0-based index of the YAML document in a multi-document file. */
  document: number;
  path: string;
  line: number;
  /** null when the key did not exist and was added. */
  previous: string | null;
  /** null when the key was removed (a stale digest, for instance). */
  value: string | null;
}

/** What one request of an edit matched and changed (the same change objects as the whole edit's `changes`). */
export interface RequestEdits {
  matched: number;
  changes: ManifestChange[];
}

/**
 * Collects byte-range splices against one file's original source. Every edit replaces only the
 * bytes of one scalar (or adds/removes one `key: value` line); nothing is ever re-serialised, so
 * comments, quoting, indentation, line endings and other documents stay byte-identical.
 * A `docIndex` counts within `manifest.documents` (a chunk's manifest holds one document); the
 * changes report the file's index.
 */
export class EditSession {
  readonly changes: ManifestChange[] = [];
  /** Nodes matched by the request, changed or already right; zero means "nothing matched". */
  matched = 0;
  /** Byte-range edits of `manifest.source`, in planned order. */
  readonly splices: Splice[] = [];
  /**
   * With several requests planned in one session: the index of the one being planned (set by the
   * planner before each), so matches and changes are counted per request.
   */
  owner = 0;
  /** Per request (by `owner`): places matched and the changes made. */
  readonly byRequest: RequestEdits[] = [];
  /** What names each request in a conflict error. */
  labels: readonly string[] = [];
  /**
   * Scalars set and pairs removed (and, below, keys inserted per map), with the request that did:
   * an entry reached twice through an alias is edited once; two requests reaching it is an error.
   */
  private readonly touched = new Map<Node | Pair, number>();
  private readonly inserted = new Map<YAMLMap, Map<string, number>>();

  constructor(readonly manifest: ParsedManifest) {}

  /** The current request's counts, made on first use. */
  private mine(): RequestEdits {
    return (this.byRequest[this.owner] ??= { matched: 0, changes: [] });
  }

  /** Counts a match for the current request. */
  private count(): void {
    this.matched++;
    this.mine().matched++;
  }

  /**
   * Whether `entry` was handled already (by this request: skip it); refused when another request
   * reached it first, since one place cannot take two values and the later one would silently lose.
   */
  private seen(entry: Node | Pair, path: readonly PathSegment[], offset: number | undefined): boolean {
    const by = this.touched.get(entry);
    if (by === undefined) {
      this.touched.set(entry, this.owner);
      return false;
    }
    if (by !== this.owner) this.conflict(by, path, offset);
    return true;
  }

  private conflict(by: number, path: readonly PathSegment[], offset: number | undefined): never {
    const where = offset !== undefined ? `${this.manifest.file}:${lineOf(this.manifest, offset)}` : this.manifest.file;
    const name = (index: number): string => this.labels[index] ?? `value ${index + 1}`;
    throw new ManifestEditError(
      `${where}: '${formatPath(path)}' is set by two of the values given: ${name(by)} and ${name(this.owner)}.`,
      'Give each place one value: drop one of the two entries, or narrow a key path so it does not reach an image the list sets.',
    );
  }

  /** Follows an alias to its anchor, so `image: *app` edits the one place the value is written. */
  resolve(document: Document.Parsed, node: unknown): unknown {
    return isAlias(node) ? node.resolve(document) : node;
  }

  /**
   * Sets `node` to `value`, keeping its quoting style. No-op when it already holds that value.
   * With `numbers`, a number or boolean field stays one when `value` is one that reader prints as
   * written; without, `value` is always written as a string.
   */
  setScalar(docIndex: number, path: readonly PathSegment[], node: Scalar, value: string, numbers?: NumberReader): void {
    if (this.seen(node, path, node.range?.[0])) return;
    this.count();
    const previous = scalarText(node);
    if (previous === value && node.value !== null) return;
    const [start, end] = node.range ?? fail(this.manifest, path, 'has no source position');
    const style = styleOf(node);
    let text = writeScalar({
      value,
      style,
      inFlow: this.inFlow(docIndex, start),
      keepNonStringType: numbers !== undefined && style === 'PLAIN' && keepsPlainType(previous, value, numbers),
    });
    if (style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED') {
      // A block scalar's range ends after its last line break (after trailing blank lines when
      // kept with `|+`; at the end of a file without a final newline, after no line break at all).
      // The quoted value replaces the header and content lines; those trailing line breaks stay.
      text += /\r?\n(?:[ \t]*\r?\n)*[ \t]*$/.exec(this.manifest.source.slice(start, end))?.[0] ?? '';
    } else if (start === end) {
      // An empty value (`tag:`) has a zero-width range right after the colon, or at the `#` of a
      // comment on the same line (`tag: # note`), which must stay apart from the new value.
      if (start > 0 && !/\s/.test(this.manifest.source[start - 1] ?? '')) text = ` ${text}`;
      if (this.manifest.source[end] === '#') text = `${text} `;
    }
    this.splices.push({ start, end, text });
    this.record(docIndex, path, start, node.value === null ? null : previous, value);
  }

  /** Adds `key: value` as the last entry of `map`, in its style (block or flow) and indentation. */
  insertPair(docIndex: number, mapPath: readonly PathSegment[], map: YAMLMap, key: string, value: string): void {
    const keys = this.inserted.get(map) ?? new Map<string, number>();
    const by = keys.get(key);
    if (by !== undefined) {
      if (by !== this.owner) this.conflict(by, [...mapPath, key], map.range?.[0]);
      return;
    }
    keys.set(key, this.owner);
    this.inserted.set(map, keys);
    this.count();
    const source = this.manifest.source;
    const last = map.items[map.items.length - 1];
    const valueText = writeScalar({ value, style: 'PLAIN', inFlow: Boolean(map.flow) });
    let at: number;
    let text: string;
    if (map.flow) {
      if (last) {
        at = pairEnd(last);
        text = `, ${key}: ${valueText}`;
      } else {
        at = (map.range?.[0] ?? fail(this.manifest, mapPath, 'has no source position')) + 1;
        text = `${key}: ${valueText}`;
      }
    } else {
      const firstKey = map.items[0]?.key;
      if (!last || !isNodeWithRange(firstKey)) fail(this.manifest, mapPath, 'is an empty block map');
      const keyStart = firstKey.range[0];
      const indent = ' '.repeat(keyStart - lineStart(source, keyStart));
      const end = pairEnd(last);
      if (end > 0 && source[end - 1] === '\n') {
        at = end;
        text = `${indent}${key}: ${valueText}${this.manifest.eol}`;
      } else {
        const newline = source.indexOf('\n', end);
        if (newline < 0) {
          at = source.length;
          text = `${this.manifest.eol}${indent}${key}: ${valueText}`;
        } else {
          at = newline + 1;
          text = `${indent}${key}: ${valueText}${this.manifest.eol}`;
        }
      }
    }
    this.splices.push({ start: at, end: at, text });
    this.record(docIndex, [...mapPath, key], at, null, value);
  }

  /** Removes one `key: value` entry (its whole line in a block map). */
  removePair(docIndex: number, mapPath: readonly PathSegment[], map: YAMLMap, pair: Pair): void {
    const key = pair.key;
    if (this.seen(pair, mapPath, isNodeWithRange(key) ? key.range[0] : undefined)) return;
    // A value another request set inside the removed entry would be lost with it.
    if (isScalar(pair.value)) this.seen(pair.value, mapPath, undefined);
    this.count();
    const source = this.manifest.source;
    const keyName = isScalar(key) ? scalarText(key) : '?';
    const path = [...mapPath, keyName];
    if (!isNodeWithRange(key)) fail(this.manifest, path, 'has no source position');
    const index = map.items.indexOf(pair);
    let start: number;
    let end: number;
    if (map.flow) {
      const previous = map.items[index - 1];
      const next = map.items[index + 1];
      if (previous) {
        start = pairEnd(previous);
        end = pairEnd(pair);
      } else if (next && isNodeWithRange(next.key)) {
        start = key.range[0];
        end = next.key.range[0];
      } else {
        start = key.range[0];
        end = pairEnd(pair);
      }
    } else {
      start = lineStart(source, key.range[0]);
      if (source.slice(start, key.range[0]).trim() !== '') {
        throw new ManifestEditError(
          `${this.manifest.file}:${lineOf(this.manifest, key.range[0])}: cannot remove '${formatPath(path)}' without rewriting its line (it shares the line with '-').`,
          `Move '${keyName}' below the first key of that entry, or set the value yourself.`,
        );
      }
      const valueEnd = pairEnd(pair);
      const newline = source.indexOf('\n', valueEnd > 0 && source[valueEnd - 1] === '\n' ? valueEnd - 1 : valueEnd);
      if (newline < 0) {
        // The last line of a file without a final newline: take the line break before it instead,
        // so the file still ends without one.
        end = source.length;
        if (start > 0) start -= source[start - 2] === '\r' ? 2 : 1;
      } else {
        end = newline + 1;
      }
    }
    this.splices.push({ start, end, text: '' });
    const previous = isScalar(pair.value) ? scalarText(pair.value) : null;
    this.record(docIndex, path, key.range[0], previous, null);
  }

  /** The edited source; the original when nothing changed. */
  output(): string {
    return applySplices(this.manifest.source, this.splices, this.manifest.file);
  }

  private record(docIndex: number, path: readonly PathSegment[], offset: number, previous: string | null, value: string | null): void {
    const change: ManifestChange = {
      file: this.manifest.file,
      document: this.manifest.firstDocument + docIndex,
      path: formatPath(path),
      line: lineOf(this.manifest, offset),
      previous,
      value,
    };
    this.changes.push(change);
    this.mine().changes.push(change);
  }

  /**
   * Whether `offset` lies inside a flow collection, where `,[]{}` end a plain scalar. Only the
   * document holding the node is searched: looking through every document made an edit in each
   * document of a long file quadratic.
   */
  private inFlow(docIndex: number, offset: number): boolean {
    return flowAncestor(this.manifest.documents[docIndex]?.contents, offset);
  }
}

function flowAncestor(node: unknown, offset: number): boolean {
  if (!node || typeof node !== 'object' || !('items' in node)) return false;
  const collection = node as { items: unknown[]; flow?: boolean; range?: [number, number, number] };
  const range = collection.range;
  if (!range || offset < range[0] || offset > range[1]) return false;
  if (collection.flow) return true;
  for (const item of collection.items) {
    if (item && typeof item === 'object' && 'key' in item) {
      const pair = item as Pair;
      if (flowAncestor(pair.key, offset) || flowAncestor(pair.value, offset)) return true;
    } else if (flowAncestor(item, offset)) {
      return true;
    }
  }
  return false;
}

/**
 * A scalar's value as text. A plain number or boolean is read as written (`tag: 1.20` is "1.20",
 * not the float's "1.2"), since a tag or version is what the file spells, not what YAML computes.
 */
export function scalarText(node: Scalar): string {
  const value: unknown = node.value;
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string' && typeof node.source === 'string' && node.type === 'PLAIN') return node.source;
  return String(value);
}

function isNodeWithRange(node: unknown): node is Node & { range: [number, number, number] } {
  return Boolean(node && typeof node === 'object' && 'range' in node && Array.isArray((node as Node).range));
}

/** End offset of a pair's value (or key, when the value is empty). */
function pairEnd(pair: Pair): number {
  const value = pair.value;
  if (isNodeWithRange(value)) return value.range[1];
  if (isNodeWithRange(pair.key)) return pair.key.range[1];
  return 0;
}

function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

function fail(manifest: ParsedManifest, path: readonly PathSegment[], why: string): never {
  throw new Error(`${manifest.file}: '${formatPath(path)}' ${why}`);
}
