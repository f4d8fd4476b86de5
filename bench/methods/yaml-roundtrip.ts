import { parseAllDocuments, type Document } from 'yaml';
import type { PlannedChange } from '../plan';

/**
 * What most tools do: parse with `yaml`'s defaults, set the value through the Document API on the
 * document that holds it, and serialise the whole stream again. `toString()` of each document
 * writes its own `---` when the source had one, so joining them rebuilds the stream.
 */
export function yamlRoundTrip(source: string, plan: readonly PlannedChange[]): string {
  const docs = parseDocuments(source);
  for (const change of plan) {
    const doc = docs[change.document];
    if (!doc) throw new Error(`document ${change.document} not found`);
    if (change.value === null) doc.deleteIn(change.path);
    else doc.setIn(change.path, change.value);
  }
  return docs.map((doc) => doc.toString()).join('');
}

/** The baseline: parsing alone, with the same defaults as the round trip. */
export function parseOnly(source: string): number {
  return parseDocuments(source).length;
}

function parseDocuments(source: string): Document.Parsed[] {
  const parsed = parseAllDocuments(source);
  // An empty stream comes back as an EmptyStream, which is an array too.
  return Array.isArray(parsed) ? parsed : [];
}
