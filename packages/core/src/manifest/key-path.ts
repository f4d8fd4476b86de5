import { InputError } from '../errors';
import type { PathSegment } from './parsed-manifest';

/**
 * Parses `image.tag`, `spec.source.targetRevision`, `a.b[0].c` or `metadata.annotations["x.y/z"]`
 * into segments. Numbers in brackets index lists; dotted words and quoted brackets are map keys.
 */
export function parseKeyPath(text: string): PathSegment[] {
  const fail = (why: string): never => {
    throw new InputError(
      `Input 'key' is not a valid key path: ${JSON.stringify(text)} (${why}).`,
      'Write map keys separated by dots and list positions in brackets, e.g. `image.tag` or `spec.sources[1].targetRevision`; quote keys containing dots: `annotations["example.com/tag"]`.',
    );
  };
  const segments: PathSegment[] = [];
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
      const close = text.indexOf(']', quoted ? i + 1 + quoted[0].length : i);
      if (close < 0) fail(`unclosed '[' at position ${i + 1}`);
      const inner = text.slice(i + 1, close);
      if (/^[0-9]+$/.test(inner)) segments.push(Number(inner));
      else if (/^"(?:[^"\\]|\\.)*"$/.test(inner)) segments.push(parseQuotedKey(inner) ?? fail(`bad escape in '[${inner}]'`));
      else fail(`'[${inner}]' is neither a list index nor a "quoted key"`);
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
