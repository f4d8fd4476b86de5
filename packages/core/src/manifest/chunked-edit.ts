import { splitDocuments, type DocumentChunk } from './document-chunks';
import { chunkFilter } from './match-filter';
import { eolOf, parseChunk, type Compose } from './parsed-manifest';
import { emptyPlan, planInto, type PlannedEdit, type Planner } from './planned-edit';

/**
 * Plans the edit document by document, composing only the documents whose text contains
 * `required` (see requiredText), one at a time, so a large file costs what its matching documents
 * cost to compose and holds one document's nodes at a time. Changes, line numbers and document
 * indexes are the whole file's, as a whole-file parse gives them. Undefined when the file must be
 * parsed whole instead: its documents cannot be split with certainty, or a document that had to
 * be read is malformed (the whole-file parse then reports the error, with the file's line and
 * column, exactly as before).
 */
export function planByDocument(source: string, file: string, plan: Planner, required: string | readonly string[], compose: Compose): PlannedEdit | undefined {
  const chunks = splitDocuments(source);
  if (!chunks) return undefined;
  const mayMatch = chunkFilter(source, required);
  const lineAt = lineNumbers(source);
  const eol = eolOf(source);
  const planned = emptyPlan();
  const skipped: DocumentChunk[] = [];
  for (let index = 0; index < chunks.length; index++) {
    const chunk = chunks[index];
    if (!chunk) continue;
    if (!mayMatch(chunk.start, chunk.end)) {
      skipped.push(chunk);
      continue;
    }
    const manifest = parseChunk(source, file, eol, { ...chunk, line: lineAt(chunk.start), document: index }, compose);
    if (!manifest) return undefined;
    try {
      planInto(planned, manifest, plan);
    } catch (error) {
      // A whole-file parse refuses a malformed document before it plans any edit, so an edit error
      // stands only if none of the later documents that would be composed is malformed.
      const later = chunks.slice(index + 1).filter((next) => mayMatch(next.start, next.end));
      if (later.some((next) => !composes(source, file, eol, next, compose))) return undefined;
      throw error;
    }
  }
  planned.skipped = skipped.length;
  // A file where nothing matched is checked whole after all, still one document at a time, so a
  // malformed one is refused (a Helm template caught by a glob) as it always was; with a match,
  // the documents that cannot hold one are left unread, byte for byte.
  if (planned.matched === 0 && skipped.some((chunk) => !composes(source, file, eol, chunk, compose))) return undefined;
  return planned;
}

function composes(source: string, file: string, eol: '\n' | '\r\n', chunk: DocumentChunk, compose: Compose): boolean {
  // Line and document numbers only label changes, and none are planned here.
  return parseChunk(source, file, eol, { ...chunk, line: 1, document: 0 }, compose) !== undefined;
}

/** The line number of each offset asked about, in increasing order; counts the text's line breaks once in all. */
function lineNumbers(text: string): (offset: number) => number {
  let counted = 0;
  let line = 1;
  return (offset) => {
    for (let newline = text.indexOf('\n', counted); newline >= 0 && newline < offset; newline = text.indexOf('\n', newline + 1)) line++;
    counted = offset;
    return line;
  };
}
