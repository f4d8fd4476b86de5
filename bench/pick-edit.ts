import type { EditRequest } from '../packages/core/src/manifest/manifest-editor';
import { parseConcretePath } from '../packages/core/src/manifest/key-path';
import type { PathSegment } from '../packages/core/src/manifest/parsed-manifest';
import { parseImageReference } from '../packages/core/src/manifest/image-reference';
import type { CorpusEntry } from './corpus';

/** The tag every edit sets: recognisable in diffs and never already present in the corpus. */
export const BENCH_TAG = '9.9.9-bench';

export interface BenchEdit {
  request: EditRequest;
  /** Human-readable form for the report: `key images[0].newTag` or `image nginx`. */
  label: string;
  /** For key edits: the document the index names (`docs[N].`), 0 for single-document files. */
  document: number;
  /** For key edits: the path inside that document. */
  keyPath: PathSegment[] | null;
  /** For image edits: the name matched against image fields. */
  imageName: string | null;
}

const DOC_PREFIX = /^docs\[(\d+)\]\.(.*)$/;

/** Splits an index path `docs[2].spec.x` into its document and in-document path. */
export function splitDocPath(indexPath: string): { document: number; path: PathSegment[] } {
  const match = DOC_PREFIX.exec(indexPath);
  if (match) return { document: Number(match[1]), path: parseConcretePath(match[2] ?? '') };
  return { document: 0, path: parseConcretePath(indexPath) };
}

/**
 * The name to match for an index image entry. Kustomize entries are `newName|name:newTag@digest`
 * (the editor matches either name, so the first is enough) and Argo CD overrides are
 * `original=new:tag`, where the part after `=` is the image actually deployed.
 */
export function imageNameOf(indexImage: string): string {
  let text = indexImage.split('|')[0] ?? indexImage;
  const eq = text.indexOf('=');
  if (eq >= 0) text = text.slice(eq + 1);
  return parseImageReference(text).name;
}

/** One edit per file, as the brief asks: the first key path if any, else the first image. */
export function pickEdit(entry: CorpusEntry): BenchEdit | null {
  const firstKey = entry.keyPaths[0];
  if (firstKey !== undefined) {
    const { document, path } = splitDocPath(firstKey);
    // The editor sets a key path in every document holding it; the index's `docs[N].` prefix only
    // tells the baselines which document the path was found in.
    return {
      request: { mode: 'key', path, value: BENCH_TAG },
      label: `key ${firstKey}`,
      document,
      keyPath: path,
      imageName: null,
    };
  }
  const firstImage = entry.images[0];
  if (firstImage !== undefined) {
    const name = imageNameOf(firstImage);
    return {
      request: { mode: 'image', image: { name, tag: BENCH_TAG } },
      label: `image ${name}`,
      document: 0,
      keyPath: null,
      imageName: name,
    };
  }
  return null;
}
