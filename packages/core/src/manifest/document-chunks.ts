/**
 * Splits a YAML stream into its documents without parsing it. YAML (1.2 §9.1) makes `---` or `...`
 * at the start of a line, followed by whitespace or the line's end, a document marker in every
 * context: a block scalar, a quoted or plain scalar and a flow collection all end there (or are
 * an error). The `yaml` package's lexer honours that, breaking lines at `\n` only. So the text
 * from one document's first line to the next one's is that document, and composing it alone
 * gives the same nodes as composing the whole stream. Only a malformed document can read
 * differently (`yaml` lets a quote that is never closed run to the end of the stream); it is an
 * error either way, and a malformed document the editor reads sends it to the whole-file parse.
 */

/** One document's text: `text.slice(start, end)`, starting at a line start. */
export interface DocumentChunk {
  start: number;
  end: number;
}

const MARKER = /\n(?:---|\.\.\.)(?=[ \t\r\n]|$)/g;
/** A line that is blank or only a comment, to its end: outside a document, such lines start none. */
const BLANK_OR_COMMENT = /[ \t]*(?:#[^\n]*)?(?:\r\n|\n|$)/y;
/** A directive line (`%YAML`, `%TAG`) changes how the documents after it read. */
const DIRECTIVE = /(?:^|\n)%/;

/**
 * The documents of `text`, in order: chunk i holds document i. Comments before the first document
 * belong to its chunk; comments after a `...` to the document before. Undefined when the split
 * is not certain, and the caller parses the whole text instead: directive lines, a byte order
 * mark inside the stream (each document may start with one), a `...` that ends no document (the
 * parser reads it as an empty one), text after `...` on its line, or no document at all.
 */
export function splitDocuments(text: string): DocumentChunk[] | undefined {
  if (text.includes('\ufeff') || DIRECTIVE.test(text)) return undefined;
  const starts: number[] = [];
  // Inside a document, or between `...` and the next document ("open" is false there).
  let open = false;
  let cursor = 0;
  for (const marker of markers(text)) {
    if (!open) {
      // After `...` (or at the start), a line that is not a comment starts a bare document.
      const bare = firstContentLine(text, cursor, marker.lineStart);
      if (bare >= 0) {
        starts.push(bare);
        open = true;
      }
    }
    if (marker.kind === '---') {
      starts.push(marker.lineStart);
      open = true;
    } else {
      if (!open) return undefined;
      const next = lineEnd(text, marker.lineStart + 3);
      if (next < 0) return undefined;
      open = false;
      cursor = next;
    }
  }
  if (!open) {
    const bare = firstContentLine(text, cursor, text.length);
    if (bare >= 0) starts.push(bare);
  }
  if (starts.length === 0) return undefined;
  starts[0] = 0;
  return starts.map((start, index) => ({ start, end: starts[index + 1] ?? text.length }));
}

function* markers(text: string): Generator<{ lineStart: number; kind: '---' | '...' }> {
  if (/^(?:---|\.\.\.)(?=[ \t\r\n]|$)/.test(text)) yield { lineStart: 0, kind: text.startsWith('-') ? '---' : '...' };
  const pattern = new RegExp(MARKER);
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    yield { lineStart: match.index + 1, kind: text[match.index + 1] === '-' ? '---' : '...' };
  }
}

/** The offset of the first line in [from, to) that is neither blank nor a comment; -1 if none. */
function firstContentLine(text: string, from: number, to: number): number {
  let at = from;
  while (at < to) {
    const next = lineEnd(text, at);
    if (next < 0) return at;
    if (next === at) return -1;
    at = next;
  }
  return -1;
}

/** Where the next line starts when the rest of the line from `at` is blank or a comment; else -1. */
function lineEnd(text: string, at: number): number {
  BLANK_OR_COMMENT.lastIndex = at;
  return BLANK_OR_COMMENT.test(text) ? BLANK_OR_COMMENT.lastIndex : -1;
}
