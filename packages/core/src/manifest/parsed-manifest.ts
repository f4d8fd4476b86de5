import { Document, LineCounter, parseAllDocuments } from 'yaml';
import { ManifestParseError } from '../errors';

/**
 * A YAML file parsed for editing. The failsafe schema keeps every scalar a string exactly as
 * written (`1.10` stays "1.10", `yes` stays "yes"), which is what matching image names and tags
 * needs; node ranges are offsets into `source`, so edits are splices of the original bytes.
 */
export interface ParsedManifest {
  file: string;
  source: string;
  documents: Document.Parsed[];
  lineCounter: LineCounter;
  /** The line break the file uses, for inserted lines. */
  eol: '\n' | '\r\n';
}

export function parseManifest(source: string, file: string): ParsedManifest {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(source, {
    schema: 'failsafe',
    // Kubernetes' decoders reject duplicate keys, but PyYAML and many repos tolerate them; we edit
    // bytes, not semantics, so a duplicate is no reason to refuse the file.
    uniqueKeys: false,
    lineCounter,
    prettyErrors: false,
  });
  // parseAllDocuments returns an EmptyStream (an array) for an empty file.
  const docs = Array.isArray(documents) ? documents : [];
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      throw new ManifestParseError(
        `${file}:${line}:${col}: malformed YAML: ${firstLine(error.message)}.`,
        'Fix the YAML at that line (a template such as a Helm chart file cannot be edited; point `files` at values or manifests instead).',
      );
    }
  }
  return { file, source, documents: docs, lineCounter, eol: source.includes('\r\n') ? '\r\n' : '\n' };
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

export function lineOf(manifest: ParsedManifest, offset: number): number {
  return manifest.lineCounter.linePos(offset).line;
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
