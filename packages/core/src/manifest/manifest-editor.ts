import { EditSession, type ManifestChange } from './edit-session';
import { planImageEdits, type ImageTarget } from './image-edits';
import { planKeyPathEdit } from './key-path-edits';
import type { KeyPathSegment } from './key-path';
import { parseManifest } from './parsed-manifest';

/** What to set: an image's tag/digest wherever the image is referenced, or one key path. */
export type EditRequest =
  | { mode: 'image'; image: ImageTarget }
  | { mode: 'key'; path: KeyPathSegment[]; value: string };

export interface FileEditResult {
  file: string;
  source: string;
  output: string;
  changes: ManifestChange[];
  /** Places the request matched, changed or already at the value. */
  matched: number;
  /** Image names seen in the file, to suggest the right one when nothing matched. */
  imagesSeen: Set<string>;
}

/**
 * Plans and applies an edit to one file's text. Pure: reads nothing, writes nothing, so the
 * same function serves the step, the retry loop after a lost push race, tests and benchmarks.
 */
export function editManifest(source: string, file: string, request: EditRequest): FileEditResult {
  // YAML allows a byte order mark before the stream, but the yaml parser counts it as indentation
  // before a top-level `- item` and rejects the file. Edit the text after it, then put it back.
  const bom = source.startsWith('\ufeff') ? '\ufeff' : '';
  const manifest = parseManifest(source.slice(bom.length), file);
  const session = new EditSession(manifest);
  const imagesSeen = new Set<string>();
  if (request.mode === 'image') planImageEdits(session, request.image, imagesSeen);
  else planKeyPathEdit(session, request.path, request.value);
  return {
    file,
    source,
    output: bom + session.output(),
    changes: session.changes,
    matched: session.matched,
    imagesSeen,
  };
}

export type { ManifestChange };
