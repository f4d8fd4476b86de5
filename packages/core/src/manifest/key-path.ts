import { InputError } from '../errors';
import { formatPath, type PathSegment } from './parsed-manifest';

/**
 * Picks the list items that are maps whose `key` holds `equals`: `parameters[name=image.tag]`
 * finds an Argo CD Helm parameter by name, wherever it sits in the list.
 */
export interface ListItemSelector {
  key: string;
  equals: string;
}

export type KeyPathSegment = PathSegment | ListItemSelector;

export function isSelector(segment: KeyPathSegment | undefined): segment is ListItemSelector {
  return typeof segment === 'object' && segment !== null;
}

/** The path as a user writes it, selectors included. */
export function formatKeyPath(path: readonly KeyPathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (!isSelector(segment)) {
      const part = formatPath([segment]);
      out += out === '' || part.startsWith('[') ? part : `.${part}`;
    } else {
      out += `[${segment.key}=${/^[^\]"]*$/.test(segment.equals) ? segment.equals : JSON.stringify(segment.equals)}]`;
    }
  }
  return out;
}

/**
 * Parses `image.tag`, `spec.source.targetRevision`, `a.b[0].c`, `metadata.annotations["x.y/z"]` or
 * `spec.source.helm.parameters[name=image.tag].value` into segments. Numbers in brackets index
 * lists; dotted words and quoted brackets are map keys; `[key=value]` selects list items.
 */
export function parseKeyPath(text: string): KeyPathSegment[] {
  const fail = (why: string): never => {
    throw new InputError(
      `Input 'key' is not a valid key path: ${JSON.stringify(text)} (${why}).`,
      'Write map keys separated by dots and list positions in brackets, e.g. `image.tag` or `spec.sources[1].targetRevision`; quote keys containing dots: `annotations["example.com/tag"]`; select list items by a field: `parameters[name=image.tag].value`.',
    );
  };
  const segments: KeyPathSegment[] = [];
  let i = 0;
  const expectKey = (): void => {
    let j = i;
    while (j < text.length && text[j] !== '.' && text[j] !== '[') j++;
    if (j === i) fail(`empty key at position ${i + 1}`);
    segments.push(text.slice(i, j));
    i = j;
  };
  if (text.trim() === '') fail('it is empty');
  if (text[0] !== '[') expectKey();
  while (i < text.length) {
    const c = text[i];
    if (c === '.') {
      i++;
      expectKey();
    } else if (c === '[') {
      // A quoted key may itself contain `]` (or an escaped `"`): find its closing quote first.
      const quoted = text[i + 1] === '"' ? /^"(?:[^"\\]|\\.)*"/.exec(text.slice(i + 1)) : null;
      // So may a selector's quoted value: `[name="a]b"]`.
      const selectorQuote = quoted ? null : /^[A-Za-z0-9_./-]+="(?:[^"\\]|\\.)*"/.exec(text.slice(i + 1));
      const skip = quoted?.[0].length ?? selectorQuote?.[0].length ?? 0;
      const close = text.indexOf(']', i + 1 + skip);
      if (close < 0) fail(`unclosed '[' at position ${i + 1}`);
      const inner = text.slice(i + 1, close);
      const selector = /^([A-Za-z0-9_./-]+)=(.*)$/s.exec(inner);
      if (/^[0-9]+$/.test(inner)) segments.push(Number(inner));
      else if (selector?.[1] !== undefined && selector[2] !== undefined) {
        const raw = selector[2];
        const equals = raw.startsWith('"') ? (parseQuotedKey(raw) ?? fail(`bad quoted value in '[${inner}]'`)) : raw;
        if (equals === '') fail(`empty value in '[${inner}]'`);
        segments.push({ key: selector[1], equals });
      }
      else if (/^"(?:[^"\\]|\\.)*"$/.test(inner)) segments.push(parseQuotedKey(inner) ?? fail(`bad escape in '[${inner}]'`));
      else fail(`'[${inner}]' is neither a list index, a "quoted key" nor a key=value selector`);
      i = close + 1;
    } else {
      fail(`unexpected ${JSON.stringify(c)} at position ${i + 1}`);
    }
  }
  return segments;
}

/** A `"…"` key with JSON escapes; undefined when an escape is not one JSON knows (`\q`). */
function parseQuotedKey(text: string): string | undefined {
  try {
    return JSON.parse(text) as string;
  } catch {
    return undefined;
  }
}

/** A concrete path such as a change's reported `path` (never holding selectors), as plain segments. */
export function parseConcretePath(text: string): PathSegment[] {
  const segments = parseKeyPath(text);
  return segments.map((segment) => {
    if (isSelector(segment)) throw new Error(`${text} holds a [key=value] selector, not a concrete path`);
    return segment;
  });
}
