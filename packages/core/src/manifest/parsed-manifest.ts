import { Composer, LineCounter, Parser, type Document } from 'yaml';
import { ManifestParseError } from './errors';

/**
 * A YAML file, or one document chunk of it, parsed for editing. The failsafe schema keeps every
 * scalar a string exactly as written (`1.10` stays "1.10", `yes` stays "yes"), which is what
 * matching image names and tags needs; node ranges are offsets into `source` (the whole file, even
 * for a chunk), so edits are splices of the original bytes.
 */
export interface ParsedManifest {
  file: string;
  source: string;
  documents: Document.Parsed[];
  /** Counts lines from the start of what was composed: the file, or the chunk. */
  lineCounter: LineCounter;
  /** The file's line number of the line `lineCounter` calls 1. */
  firstLine: number;
  /** The file's index of `documents[0]`. */
  firstDocument: number;
  /** The line break the file uses, for inserted lines. */
  eol: '\n' | '\r\n';
}

/**
 * Composes YAML text that starts at `offset` in its file (always a line start) into documents
 * whose node ranges are file offsets. `onLineStart` gets the file offset of every line start of
 * the text, the first (`offset`) included.
 */
export type Compose = (text: string, offset: number, onLineStart: (offset: number) => void) => Document.Parsed[];

export const composeYaml: Compose = (text, offset, onLineStart) => {
  onLineStart(offset);
  // The parser reports a first line start only when it starts at offset 0: skip that one, reported above.
  const parser = new Parser((at) => {
    if (at !== offset) onLineStart(at);
  });
  // The parser numbers tokens from `offset`, so a chunk's nodes carry the ranges they have in the
  // whole file and every edit computes on the file's own text, exactly as a whole-file parse does.
  parser.offset = offset;
  // Kubernetes' decoders reject duplicate keys, but PyYAML and many repos tolerate them; we edit
  // bytes, not semantics, so a duplicate is no reason to refuse the file.
  const composer = new Composer({ schema: 'failsafe', uniqueKeys: false });
  return Array.from(composer.compose(parser.parse(text)));
};

export function eolOf(source: string): '\n' | '\r\n' {
  return source.includes('\r\n') ? '\r\n' : '\n';
}

/** Parses the whole file; throws a ManifestParseError with file:line:col for the first malformed document. */
export function parseManifest(source: string, file: string, compose: Compose = composeYaml): ParsedManifest {
  const lineCounter = new LineCounter();
  const documents = compose(source, 0, lineCounter.addNewLine);
  for (const doc of documents) {
    const error = doc.errors[0];
    if (error) {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      throw new ManifestParseError(
        `${file}:${line}:${col}: malformed YAML: ${firstLine(error.message)}.`,
        'Fix the YAML at that line (a template such as a Helm chart file cannot be edited; point `files` at values or manifests instead).',
      );
    }
  }
  return { file, source, documents, lineCounter, firstLine: 1, firstDocument: 0, eol: eolOf(source) };
}

/** Where one chunk of the file sits: its text is `source.slice(start, end)`. */
export interface ChunkPosition {
  start: number;
  end: number;
  /** The file's line number of `start` (always a line start). */
  line: number;
  /** The file's index of the one document the chunk holds. */
  document: number;
}

/**
 * Parses one document chunk of `source`. Undefined when the chunk does not compose to exactly one
 * document free of errors: the caller then parses the whole file, which reports the error (or
 * edits) exactly as it always did.
 */
export function parseChunk(source: string, file: string, eol: '\n' | '\r\n', chunk: ChunkPosition, compose: Compose = composeYaml): ParsedManifest | undefined {
  const lineCounter = new LineCounter();
  const documents = compose(source.slice(chunk.start, chunk.end), chunk.start, lineCounter.addNewLine);
  if (documents.length !== 1 || documents.some((doc) => doc.errors.length > 0)) return undefined;
  return { file, source, documents, lineCounter, firstLine: chunk.line, firstDocument: chunk.document, eol };
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

export function lineOf(manifest: ParsedManifest, offset: number): number {
  return manifest.lineCounter.linePos(offset).line + manifest.firstLine - 1;
}

export type PathSegment = string | number;

/** `spec.template.spec.containers[0].image`; keys that need it are bracketed: `a["x.y"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z0-9_$/-]+$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
