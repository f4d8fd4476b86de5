/** Replace `source.slice(start, end)` with `text`; `start === end` inserts. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Copies `source.slice(from, to)`; tests pass one that counts what is copied. */
export type CopySource = (source: string, from: number, to: number) => string;

const copySlice: CopySource = (source, from, to) => source.slice(from, to);

/**
 * The source with every splice applied, built in one pass: splices sorted by position, the
 * unchanged stretches between them copied once each and joined. (Re-slicing the whole text per
 * splice made a file with an edit in every document quadratic.) Two inserts at one offset (`newTag`
 * and `digest` added to one entry) read in the order they were planned. The source itself when
 * there is nothing to apply.
 */
export function applySplices(source: string, splices: readonly Splice[], file: string, copy: CopySource = copySlice): string {
  if (splices.length === 0) return source;
  const sorted = splices
    .map((splice, order) => ({ splice, order }))
    .sort((a, b) => a.splice.start - b.splice.start || a.splice.end - b.splice.end || a.order - b.order);
  const pieces: string[] = [];
  let cursor = 0;
  for (const { splice } of sorted) {
    if (splice.start < cursor) throw new Error(`overlapping edits in ${file} at offset ${splice.start}`);
    pieces.push(copy(source, cursor, splice.start), splice.text);
    cursor = splice.end;
  }
  pieces.push(copy(source, cursor, source.length));
  return pieces.join('');
}
