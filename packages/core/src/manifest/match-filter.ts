import type { EditRequest } from './edit-request';

/**
 * Text that every scalar the request can match holds in its value, so a document whose source
 * lacks it cannot be edited and need not be composed. For an image that is the name's last path
 * component: a Helm map may split the name into `registry:` and `repository:`, but the last
 * component is always inside `repository`. For a key path, its last key. '' when no such text is
 * certain, and every document is composed.
 */
export function requiredText(request: EditRequest): string {
  if (request.mode === 'image') return spelledAsWritten(request.image.name.slice(request.image.name.lastIndexOf('/') + 1));
  for (let index = request.path.length - 1; index >= 0; index--) {
    const segment = request.path[index];
    const key = typeof segment === 'string' ? segment : typeof segment === 'object' ? segment.key : undefined;
    if (key !== undefined && spelledAsWritten(key) !== '') return key;
  }
  return '';
}

/** The texts of several requests planned together (see requiredText): a chunk holding any one may match. */
export function requiredTexts(requests: readonly EditRequest[]): string[] {
  return requests.map(requiredText);
}

/**
 * `text`, when a scalar whose value holds it necessarily holds it in its source too, or ''. Values
 * differ from their source only by folded line breaks (whitespace), a doubled `''` in single
 * quotes, and double-quoted escapes (`\`, which the filter looks for on its own).
 */
function spelledAsWritten(text: string): string {
  return /^[^\s'\\]+$/.test(text) ? text : '';
}

/**
 * Whether the chunk `text.slice(start, end)` may hold a match: it contains `required`, or a `\`
 * (a double-quoted escape may spell it). Chunks must be asked about in order; each search resumes
 * where the last one stopped, so filtering a whole file reads it once.
 */
export function chunkFilter(text: string, required: string | readonly string[]): (start: number, end: number) => boolean {
  // Several requests: a chunk may match when it holds any one's text.
  const texts = [...new Set(typeof required === 'string' ? [required] : required)];
  if (texts.length === 0 || texts.includes('')) return () => true;
  const holdsEscape = occurrences(text, '\\');
  if (texts.length > MANY_TEXTS) {
    const holdsAny = occurrencesOfAny(text, texts);
    return (start, end) => holdsAny(start, end) || holdsEscape(start, end);
  }
  const searches = texts.map((search) => occurrences(text, search));
  return (start, end) => searches.some((holds) => holds(start, end)) || holdsEscape(start, end);
}

function occurrences(text: string, search: string): (start: number, end: number) => boolean {
  // The first occurrence at or after the last chunk's start; -1 once there is none left.
  let found = -2;
  return (start, end) => {
    if (found !== -1 && found < start) found = text.indexOf(search, start);
    return found >= 0 && found + search.length <= end;
  };
}

/**
 * Above this many texts (a train of values), one indexOf pass per text would read the file once
 * per value; occurrencesOfAny reads it once per distinct text length instead. Measured on a 5 MiB
 * file: indexOf about 2 ms per text, the hashed pass about 50-70 ms whatever the count.
 */
export const MANY_TEXTS = 32;

/** Every occurrence of any of `searches` in `text`, then asked about chunk by chunk, in order. */
function occurrencesOfAny(text: string, searches: readonly string[]): (start: number, end: number) => boolean {
  const found = positionsOfAny(text, searches);
  let next = 0;
  return (start, end) => {
    while (next < found.length && (found[next]?.at ?? 0) < start) next++;
    for (let index = next; index < found.length; index++) {
      const match = found[index];
      if (!match || match.at >= end) break;
      if (match.at + match.length <= end) return true;
    }
    return false;
  };
}

const BASE = 257;

/**
 * Where any search text occurs, by position: a rolling hash per distinct length finds candidates
 * in one pass over `text`, each confirmed with startsWith (a hash collision is never a match).
 */
export function positionsOfAny(text: string, searches: readonly string[]): Array<{ at: number; length: number }> {
  const byLength = new Map<number, Map<number, string[]>>();
  for (const search of new Set(searches)) {
    if (search === '' || search.length > text.length) continue;
    const hashes = byLength.get(search.length) ?? new Map<number, string[]>();
    const hash = hashOf(search, 0, search.length);
    hashes.set(hash, [...(hashes.get(hash) ?? []), search]);
    byLength.set(search.length, hashes);
  }
  const found: Array<{ at: number; length: number }> = [];
  for (const [length, hashes] of byLength) {
    // BASE^(length-1), to take the leaving character out of the window's hash.
    let top = 1;
    for (let index = 1; index < length; index++) top = Math.imul(top, BASE);
    // The hashes' low 16 bits, so most positions are passed over without a Map lookup.
    const maybe = new Uint8Array(65536);
    for (const hash of hashes.keys()) maybe[hash & 0xffff] = 1;
    let hash = hashOf(text, 0, length);
    for (let at = 0; ; at++) {
      const candidates = maybe[hash & 0xffff] === 1 ? hashes.get(hash) : undefined;
      if (candidates?.some((search) => text.startsWith(search, at))) found.push({ at, length });
      if (at + length >= text.length) break;
      hash = (Math.imul(hash - Math.imul(text.charCodeAt(at), top), BASE) + text.charCodeAt(at + length)) | 0;
    }
  }
  return found.sort((a, b) => a.at - b.at || a.length - b.length);
}

function hashOf(text: string, from: number, to: number): number {
  let hash = 0;
  for (let index = from; index < to; index++) hash = (Math.imul(hash, BASE) + text.charCodeAt(index)) | 0;
  return hash;
}
