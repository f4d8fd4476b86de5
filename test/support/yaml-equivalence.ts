/**
 * Re-parses YAML text as data and compares an editor's input with its output: the two must hold
 * the same data everywhere except at the paths the edit was meant to change. Used by the unit,
 * property and corpus tests, so "only the intended value changed" is checked by one oracle that is
 * independent of the editor (a fresh parse of each text, no node ranges).
 */
import { parseAllDocuments } from 'yaml';

export type DataPath = readonly (string | number)[];
/** `core`: YAML 1.2 (Helm 3, yaml.v3); `failsafe`: every scalar a string; `yaml-1.1`: PyYAML, yaml.v2. */
export type Schema = 'core' | 'failsafe' | 'yaml-1.1';

/** One place an edit touched: `document` index and the key path inside it. */
export interface DataEdit {
  document: number;
  path: DataPath;
}

/**
 * Parses every document of `text` to plain JS data. Throws when the text has any YAML error, so a
 * test that calls this on the editor's output proves the output is still valid YAML. Duplicate keys
 * are tolerated, as the editor tolerates them; `maxAliasCount: -1` because aliases are data here.
 */
export function parseData(text: string, schema: Schema): unknown[] {
  // The same input is compared with many outputs (the corpus edits one file dozens of times).
  const cache = recent.get(schema)!;
  const cached = cache.get(text);
  if (cached) {
    cache.delete(text); // most recently used last
    cache.set(text, cached);
    return cached;
  }
  const data = parseUncached(text, schema);
  if (cache.size >= 4) cache.delete(cache.keys().next().value as string);
  cache.set(text, data);
  return data;
}

/** The few most recently used parses per schema; callers only read the data, never change it. */
const recent = new Map<Schema, Map<string, unknown[]>>([
  ['core', new Map()],
  ['failsafe', new Map()],
  ['yaml-1.1', new Map()],
]);

function parseUncached(text: string, schema: Schema): unknown[] {
  const options = schema === 'yaml-1.1' ? { version: '1.1' as const } : { schema };
  // A leading byte order mark is not content (YAML 1.2 §5.2); yaml 2.9 mis-reads one before a
  // top-level `- item`, so drop it here as the editor does.
  const documents = parseAllDocuments(text.replace(/^\ufeff/, ''), { ...options, uniqueKeys: false, prettyErrors: false, logLevel: 'error' });
  const docs = Array.isArray(documents) ? documents : [];
  return docs.map((doc, index) => {
    const error = doc.errors[0];
    if (error) throw new Error(`document ${index} does not parse (${schema}): ${error.message}`);
    return doc.toJS({ maxAliasCount: -1 }) as unknown;
  });
}

/** The value at `path`, or `undefined` when the path does not exist. */
export function valueAt(data: unknown, path: DataPath): unknown {
  let node = data;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(node) || segment >= node.length) return undefined;
      node = node[segment];
    } else {
      if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
      if (!Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
      node = (node as Record<string, unknown>)[segment];
    }
  }
  return node;
}

const MASKED = Symbol('edited');

/** A deep copy of `data` with the value at `path` replaced by a marker (or left alone when absent). */
function mask(data: unknown, path: DataPath): unknown {
  if (path.length === 0) return MASKED;
  const [head, ...rest] = path;
  if (typeof head === 'number' && Array.isArray(data) && head < data.length) {
    return data.map((item: unknown, index) => (index === head ? mask(item, rest) : item));
  }
  if (typeof head === 'string' && data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const copy: Record<string, unknown> = { ...(data as Record<string, unknown>) };
    if (Object.prototype.hasOwnProperty.call(copy, head)) copy[head] = mask(copy[head], rest);
    else if (rest.length === 0) copy[head] = MASKED; // added by the edit: masked on both sides
    return copy;
  }
  return data;
}

export interface DataComparison {
  before: unknown[];
  after: unknown[];
}

/**
 * Asserts that `input` and `output` parse (under `schema`) to the same number of documents holding
 * the same data, except at `edits`, and returns both parses so the caller can check the edited
 * values. A key added by an edit counts as edited (masked) on both sides; so does a removed one.
 */
export function expectSameDataExcept(input: string, output: string, edits: readonly DataEdit[], schema: Schema): DataComparison {
  const before = parseData(input, schema);
  const after = parseData(output, schema);
  if (after.length !== before.length) {
    throw new Error(`document count changed (${schema}): ${before.length} → ${after.length}`);
  }
  const maskAll = (docs: unknown[]): unknown[] =>
    docs.map((doc, index) => edits.filter((edit) => edit.document === index).reduce((data, edit) => mask(data, edit.path), doc));
  const maskedBefore = maskAll(before);
  const maskedAfter = maskAll(after);
  maskedBefore.forEach((doc, index) => {
    const difference = firstDifference(doc, maskedAfter[index], []);
    if (difference !== undefined) {
      throw new Error(`document ${index} changed outside the edited paths (${schema}) at ${difference}`);
    }
  });
  return { before, after };
}

/** The first path where `a` and `b` differ, rendered for a message, or undefined when equal. */
function firstDifference(a: unknown, b: unknown, path: DataPath): string | undefined {
  const where = (): string => `'${path.join('.')}': ${describe(a)} vs ${describe(b)}`;
  if (a === b) return undefined;
  if (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b)) return undefined;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return where();
    for (let index = 0; index < a.length; index++) {
      const found = firstDifference(a[index], b[index], [...path, index]);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime() ? undefined : where();
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    // Key order is compared too, except for edited keys (an added or removed key is masked on
    // both sides, at the end of the map on the side that lacks it).
    const unmasked = (record: object): string[] =>
      Object.keys(record).filter((key) => (record as Record<string, unknown>)[key] !== MASKED);
    const aKeys = unmasked(a);
    const bKeys = unmasked(b);
    if (aKeys.length !== bKeys.length || aKeys.some((key, index) => key !== bKeys[index])) return where();
    for (const key of aKeys) {
      const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], [...path, key]);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  return where();
}

function describe(value: unknown): string {
  if (value === MASKED) return '<edited>';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? `[list of ${value.length}]` : '{map}';
  return String(value);
}

/**
 * Checks a text-level splice: `output` must be `input` with only `[start, end)` replaced, so the
 * bytes before `start` and after `end` are identical. Returns the replacement text.
 */
export function replacedText(input: string, output: string, start: number, end: number): string {
  const prefix = input.slice(0, start);
  const suffix = input.slice(end);
  if (!output.startsWith(prefix)) throw new Error(`bytes before offset ${start} changed`);
  if (!output.endsWith(suffix) || output.length < prefix.length + suffix.length) {
    throw new Error(`bytes after offset ${end} changed`);
  }
  return output.slice(prefix.length, output.length - suffix.length);
}

/**
 * Checks that `output` is `input` with only the given `[start, end)` ranges replaced (each by any
 * text, possibly empty): every byte between and around the ranges is kept, in order. Returns the
 * replacement texts. Ranges must not overlap.
 */
export function replacedRanges(input: string, output: string, ranges: readonly (readonly [number, number])[]): string[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  if (sorted.length === 1) {
    const [only] = sorted as [readonly [number, number]];
    return [replacedText(input, output, only[0], only[1])];
  }
  const gaps: string[] = [];
  let at = 0;
  for (const [start, end] of sorted) {
    if (start < at) throw new Error(`overlapping ranges at ${start}`);
    gaps.push(input.slice(at, start));
    at = end;
  }
  gaps.push(input.slice(at));
  const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^${gaps.map(escape).join('([\\s\\S]*?)')}$`, 'u');
  const match = pattern.exec(output);
  if (!match) throw new Error(`output is not the input with only ${sorted.length} ranges replaced`);
  return match.slice(1);
}
