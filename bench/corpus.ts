import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The fields of one `index.json` entry the bench uses (see ../shared/corpus/SOURCES.md). */
export interface CorpusEntry {
  file: string;
  kind: string;
  images: string[];
  keyPaths: string[];
  parseable: boolean;
  documents: number;
  /** Paths of string `image:`-style fields; absent when the indexer found none. */
  imageFieldPaths: string[];
  /** `lf`, `crlf` or `mixed`: reported so the tables show the edge cases were exercised. */
  lineEndings: string;
  endsWithNewline: boolean;
}

export interface CorpusFile {
  entry: CorpusEntry;
  /** Absolute path, for tools that read the file themselves (yq). */
  absolutePath: string;
  source: string;
}

export interface Corpus {
  root: string;
  /** Every entry, parseable or not, so the report can say what was left out. */
  entries: CorpusEntry[];
  /** The parseable files, read once, as UTF-8 (the editor works on strings). */
  files: CorpusFile[];
}

/** Where the shared corpus lives: a sibling of the repository, so it is never committed with it. */
export function corpusRoot(repoRoot: string): string {
  return path.resolve(repoRoot, '..', 'shared', 'corpus');
}

/** Loads the corpus, or returns null when it is absent (a checkout without ../shared). */
export function loadCorpus(root: string): Corpus | null {
  const indexPath = path.join(root, 'index.json');
  if (!existsSync(indexPath)) return null;
  const raw: unknown = JSON.parse(readFileSync(indexPath, 'utf8'));
  if (!Array.isArray(raw)) throw new Error(`${indexPath}: expected a JSON array`);
  const entries = raw.map((item: unknown, i) => toEntry(item, `${indexPath}[${i}]`));
  const files = entries
    .filter((entry) => entry.parseable)
    .map((entry) => {
      const absolutePath = path.join(root, 'manifests', entry.file);
      return { entry, absolutePath, source: readFileSync(absolutePath, 'utf8') };
    });
  return { root, entries, files };
}

// index.json is produced by another tool; checking its shape here turns a format drift into one
// clear message instead of `undefined` deep inside a timing loop.
function toEntry(item: unknown, where: string): CorpusEntry {
  if (typeof item !== 'object' || item === null) throw new Error(`${where}: not an object`);
  const record = item as Record<string, unknown>;
  const text = (key: string): string => {
    const value = record[key];
    if (typeof value !== 'string') throw new Error(`${where}.${key}: expected a string`);
    return value;
  };
  const list = (key: string, optional = false): string[] => {
    const value = record[key];
    if (value === undefined && optional) return [];
    if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) {
      throw new Error(`${where}.${key}: expected an array of strings`);
    }
    return value;
  };
  const documents = record['documents'];
  return {
    file: text('file'),
    kind: text('kind'),
    images: list('images'),
    keyPaths: list('keyPaths'),
    parseable: record['parseable'] === true,
    documents: typeof documents === 'number' ? documents : 1,
    imageFieldPaths: list('imageFieldPaths', true),
    lineEndings: typeof record['lineEndings'] === 'string' ? record['lineEndings'] : 'lf',
    endsWithNewline: record['endsWithNewline'] !== false,
  };
}
