import { planByDocument } from './chunked-edit';
import { requestList, requestName, type EditRequest, type EditRequests } from './edit-request';
import type { ManifestChange, RequestEdits } from './edit-session';
import { planImageEdits } from './image-edits';
import { planKeyPathEdit } from './key-path-edits';
import { requiredTexts } from './match-filter';
import { composeYaml, type Compose } from './parsed-manifest';
import { planWholeFile, type PlannedEdit, type Planner } from './planned-edit';
import { applySplices } from './splices';

export type { EditRequest, EditRequests, RequestEdits };

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
  /**
   * Per request, in the order given: places it matched and the changes it made (the same objects
   * as in `changes`), so a train tells which value matched nothing and which change is whose.
   */
  byRequest: RequestEdits[];
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
 * Several requests are planned in one pass over the file (each document composed once), each
 * against the original text; two of them reaching one place is refused.
 */
export function editManifest(source: string, file: string, requests: EditRequests, options: EditOptions = {}): FileEditResult {
  const list = requestList(requests);
  // YAML allows a byte order mark before the stream, but the yaml parser counts it as indentation
  // before a top-level `- item` and rejects the file. Edit the text after it, then put it back.
  const bom = source.startsWith('\ufeff') ? '\ufeff' : '';
  const body = source.slice(bom.length);
  const compose = options.compose ?? composeYaml;
  const plan = plannerFor(list);
  const byDocument = options.wholeFile ? undefined : planByDocument(body, file, plan, requiredTexts(list), compose);
  const planned = byDocument ?? planWholeFile(body, file, plan, compose);
  return {
    file,
    source,
    output: bom + applySplices(body, planned.splices, file),
    changes: planned.changes,
    matched: planned.matched,
    imagesSeen: imagesSeenOf(planned, list, () => planWholeFile(body, file, plan, compose).seen),
    byRequest: list.map((_, index) => planned.byRequest[index] ?? { matched: 0, changes: [] }),
  };
}

/** Plans every request in turn in the same session, each counted under its own index. */
function plannerFor(requests: readonly EditRequest[]): Planner {
  const labels = requests.map(requestName);
  const planners = requests.map(plannerOf);
  return (session, seen) => {
    session.labels = labels;
    planners.forEach((plan, index) => {
      session.owner = index;
      plan(session, seen);
    });
  };
}

function plannerOf(request: EditRequest): Planner {
  if (request.mode === 'image') return (session, seen) => planImageEdits(session, request.image, seen);
  return (session) => planKeyPathEdit(session, request.path, request.value);
}

function imagesSeenOf(planned: PlannedEdit, requests: readonly EditRequest[], seenInWholeFile: () => Set<string>): () => ReadonlySet<string> {
  if (planned.skipped === 0 || requests.every((request) => request.mode === 'key')) return () => planned.seen;
  let seen: Set<string> | undefined;
  return () => (seen ??= seenInWholeFile());
}

export type { ManifestChange };
