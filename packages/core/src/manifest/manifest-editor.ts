import { planByDocument } from './chunked-edit';
import type { EditRequest } from './edit-request';
import type { ManifestChange } from './edit-session';
import { planImageEdits } from './image-edits';
import { planKeyPathEdit } from './key-path-edits';
import { requiredText } from './match-filter';
import { composeYaml, type Compose } from './parsed-manifest';
import { planWholeFile, type PlannedEdit, type Planner } from './planned-edit';
import { applySplices } from './splices';

export type { EditRequest };

export interface FileEditResult {
  file: string;
  source: string;
  output: string;
  changes: ManifestChange[];
  /** Places the request matched, changed or already at the value. */
  matched: number;
  /**
   * Image names seen in the file, to suggest the right one when nothing matched. A function:
   * documents that cannot match are not walked (with a match elsewhere, not even composed), so
   * finding their names costs a parse of the whole file, paid only when asked.
   */
  imagesSeen: () => ReadonlySet<string>;
}

export interface EditOptions {
  /** Compose every document, as one parse of the whole file: the reference the document-by-document path is tested against. */
  wholeFile?: boolean;
  /** Composes YAML text; tests count what is composed through it. */
  compose?: Compose;
}

/**
 * Plans and applies an edit to one file's text. Pure: reads nothing, writes nothing, so the
 * same function serves the step, the retry loop after a lost push race, tests and benchmarks.
 */
export function editManifest(source: string, file: string, request: EditRequest, options: EditOptions = {}): FileEditResult {
  // YAML allows a byte order mark before the stream, but the yaml parser counts it as indentation
  // before a top-level `- item` and rejects the file. Edit the text after it, then put it back.
  const bom = source.startsWith('\ufeff') ? '\ufeff' : '';
  const body = source.slice(bom.length);
  const compose = options.compose ?? composeYaml;
  const plan = plannerFor(request);
  const byDocument = options.wholeFile ? undefined : planByDocument(body, file, plan, requiredText(request), compose);
  const planned = byDocument ?? planWholeFile(body, file, plan, compose);
  return {
    file,
    source,
    output: bom + applySplices(body, planned.splices, file),
    changes: planned.changes,
    matched: planned.matched,
    imagesSeen: imagesSeenOf(planned, request, () => planWholeFile(body, file, plan, compose).seen),
  };
}

function plannerFor(request: EditRequest): Planner {
  if (request.mode === 'image') return (session, seen) => planImageEdits(session, request.image, seen);
  return (session) => planKeyPathEdit(session, request.path, request.value);
}

function imagesSeenOf(planned: PlannedEdit, request: EditRequest, seenInWholeFile: () => Set<string>): () => ReadonlySet<string> {
  if (planned.skipped === 0 || request.mode === 'key') return () => planned.seen;
  let seen: Set<string> | undefined;
  return () => (seen ??= seenInWholeFile());
}

export type { ManifestChange };
