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
  // Several requests: a chunk may match when it holds any one's text (each searched once through the file).
  const texts = [...new Set(typeof required === 'string' ? [required] : required)];
  if (texts.length === 0 || texts.includes('')) return () => true;
  const searches = [...texts, '\\'].map((search) => occurrences(text, search));
  return (start, end) => searches.some((holds) => holds(start, end));
}

function occurrences(text: string, search: string): (start: number, end: number) => boolean {
  // The first occurrence at or after the last chunk's start; -1 once there is none left.
  let found = -2;
  return (start, end) => {
    if (found !== -1 && found < start) found = text.indexOf(search, start);
    return found >= 0 && found + search.length <= end;
  };
}
