import { parseDocument, Scalar } from 'yaml';

/**
 * Writes a new scalar value the way the file already wrote the old one. A value stays plain only
 * when every YAML reader a Kubernetes toolchain uses would read it back as the same string: YAML
 * 1.2's core schema (Helm 3's and yaml.v3's) and YAML 1.1's (yaml.v2, PyYAML), where `1.10`, `true`,
 * `yes`, `0x1F`, `1e3`, `~` or `1:20` would turn into numbers, booleans or null.
 */

export type ScalarStyle = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

/** Characters only a double-quoted escape can carry: C0/C1 controls, DEL, line/paragraph separators, BOM, non-characters. */
const NEEDS_ESCAPE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;

/**
 * Resolutions already computed. An edit in every document of a long file writes the same value
 * each time, and two small parses per value were an eighth of such an edit's cost. Cleared when
 * full, so memory stays bounded whatever the values.
 */
const resolved = new Map<string, unknown>();
const RESOLVED_MAX = 1024;

/** The value a plain scalar's text resolves to under one schema, or undefined when it is no plain scalar. */
function resolvePlain(text: string, version: '1.1' | '1.2', inFlow: boolean): unknown {
  const key = `${version}${inFlow ? '[' : ':'}${text}`;
  if (resolved.has(key)) return resolved.get(key);
  if (resolved.size >= RESOLVED_MAX) resolved.clear();
  const value = parsePlain(text, version, inFlow);
  resolved.set(key, value);
  return value;
}

function parsePlain(text: string, version: '1.1' | '1.2', inFlow: boolean): unknown {
  const doc = parseDocument(inFlow ? `[${text}]` : `k: ${text}`, { version, uniqueKeys: false });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  let data: unknown;
  try {
    data = doc.toJS();
  } catch {
    // An unresolvable alias (`*x`) is reported by toJS, not in doc.errors.
    return undefined;
  }
  if (inFlow) return Array.isArray(data) && data.length === 1 ? (data[0] as unknown) : undefined;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const entries = Object.entries(data as Record<string, unknown>);
  return entries.length === 1 && entries[0]?.[0] === 'k' ? entries[0][1] : undefined;
}

/** True when `text` written plain reads back as exactly the string `text` under YAML 1.1 and 1.2. */
export function isPlainSafeString(text: string, inFlow: boolean): boolean {
  if (text === '' || text !== text.trim() || NEEDS_ESCAPE.test(text)) {
    return false;
  }
  // YAML 1.1's `value` and `merge` types: PyYAML's safe_load refuses a plain `=` or `<<` value.
  if (text === '=' || text === '<<') return false;
  return resolvePlain(text, '1.2', inFlow) === text && resolvePlain(text, '1.1', inFlow) === text;
}

/** True when plain `text` reads as something other than a string (number, bool, null) in either schema. */
export function isPlainNonString(text: string): boolean {
  for (const version of ['1.1', '1.2'] as const) {
    const value = resolvePlain(text, version, false);
    if (value !== undefined && typeof value !== 'string') return true;
  }
  return false;
}

/**
 * How the program that consumes a document reads its numbers, which decides which numbers keep
 * their value and their text on the way through it (measured with helm 4.1.4 and kubectl 1.33's
 * Kustomize 5.6):
 * - `float64`: Helm values and any other file Helm reads. Helm reads values through JSON into
 *   float64, and `{{ .Values.x }}` prints them with Go's `%v`: a plain 20240101 renders as
 *   2.0240101e+07, 1000000 as 1e+06, 0.00001 as 1e-05.
 * - `typed`: Kubernetes objects and Kustomizations. Kustomize and the API server read an integer
 *   into an int64 field exactly (`replicas: 20240101`, `runAsUser: 1000680000` render as written);
 *   a decimal goes through float64 and Go's `%v` as in Helm (1234567.5 renders as 1.2345675e+06).
 */
export type NumberReader = 'float64' | 'typed';

/**
 * True when `value` (read from `text`) comes out of `reader` printed as `text`. Go's `%v` of a
 * float64 (strconv's shortest `g`) switches to exponent form at 1e6 and below 1e-4; in between it
 * prints the shortest digits that read back, as JavaScript's String does there. So to Helm an
 * integer is safe up to 999999 (six digits), a decimal from 0.0001 to below 1e6.
 */
function printsAsWritten(value: number, text: string, reader: NumberReader): boolean {
  // `1.10` is 1.1 and `1_000` is 1000 to a YAML reader, whatever reads the value next.
  if (String(value) !== text) return false;
  if (reader === 'typed' && Number.isInteger(value)) return true;
  const magnitude = Math.abs(value);
  return magnitude === 0 || (magnitude >= 1e-4 && magnitude < 1e6);
}

/**
 * True when plain `previous` is a number or boolean (not null, not a string) and plain `next` reads
 * as the same type as `previous` under YAML 1.1 and under 1.2, and as a number is printed back as
 * written by `reader`, so writing `next` plain keeps the field's type and its text: `replicas: 3`
 * → `5`, but not an empty `tag:` (null) → `1.10`, nor `3` → `true`, nor `version: 1.0` → `1.10`
 * (which a reader would take as 1.1), nor, in Helm values, `build: 41` → `20240101`.
 */
export function keepsPlainType(previous: string, next: string, reader: NumberReader): boolean {
  let numberOrBoolean = false;
  for (const version of ['1.1', '1.2'] as const) {
    const before = resolvePlain(previous, version, false);
    const after = resolvePlain(next, version, false);
    if (before === undefined || before === null || after === undefined || after === null) return false;
    if (typeof before !== typeof after) return false;
    // A number is kept plain only when it renders as written: otherwise a version-like or long
    // value that happens to look numeric is quoted rather than silently changed.
    if (typeof after === 'number' && !printsAsWritten(after, next, reader)) return false;
    if (typeof before === 'number' || typeof before === 'boolean') numberOrBoolean = true;
  }
  return numberOrBoolean;
}

function doubleQuoted(value: string): string {
  // JSON's escapes are a subset of YAML's double-quoted escapes. JSON leaves DEL, C1 controls and
  // U+FFFE/U+FFFF raw, which YAML does not allow in a stream (PyYAML refuses the whole file).
  return JSON.stringify(value).replace(/[\u007f-\u009f\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function singleQuoted(value: string): string | undefined {
  // Single quotes cannot escape anything but `'`; anything that folds or is non-printable needs double.
  if (NEEDS_ESCAPE.test(value)) return undefined;
  return `'${value.replace(/'/g, "''")}'`;
}

export interface ScalarWriteRequest {
  value: string;
  /** How the old value was written. */
  style: ScalarStyle;
  /** Inside a flow collection (`[…]`, `{…}`), where `,[]{}` end a plain scalar. */
  inFlow: boolean;
  /**
   * The old plain value resolved to a number or boolean (e.g. `replicas: 3`): a new value that is
   * such a literal too stays plain, so the field keeps its type.
   */
  keepNonStringType?: boolean;
}

/** The source text for the new value. Block scalars become double-quoted (the caller keeps the line break). */
export function writeScalar(request: ScalarWriteRequest): string {
  const { value, style, inFlow } = request;
  if (request.keepNonStringType && style === 'PLAIN' && isPlainNonString(value) && isPlainInContext(value, inFlow)) {
    return value;
  }
  switch (style) {
    case 'PLAIN':
      return isPlainSafeString(value, inFlow) ? value : doubleQuoted(value);
    case 'QUOTE_SINGLE':
      return singleQuoted(value) ?? doubleQuoted(value);
    case 'QUOTE_DOUBLE':
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      return doubleQuoted(value);
  }
}

function isPlainInContext(text: string, inFlow: boolean): boolean {
  return resolvePlain(text, '1.2', inFlow) !== undefined && !/[\n\r#]/.test(text);
}

export function styleOf(node: Scalar): ScalarStyle {
  return (node.type ?? 'PLAIN') as ScalarStyle;
}
