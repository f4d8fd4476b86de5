import { EditSession, type ManifestChange, type RequestEdits } from './edit-session';
import { parseManifest, type Compose, type ParsedManifest } from './parsed-manifest';
import type { Splice } from './splices';

/** What one file's edit comes to, before it is applied. */
export interface PlannedEdit {
  changes: ManifestChange[];
  /** Places the request matched, changed or already at the value. */
  matched: number;
  /** Edits of the file's text, in planned order. */
  splices: Splice[];
  /** Image names seen in the documents that were composed. */
  seen: Set<string>;
  /** Documents not planned because their text cannot hold a match (their image names are not in `seen`). */
  skipped: number;
  /** Per request, when several are planned together: what each matched and changed. */
  byRequest: RequestEdits[];
}

/** Plans the request's edits in the documents of one session's manifest, adding image names it sees to `seen`. */
export type Planner = (session: EditSession, seen: Set<string>) => void;

export function emptyPlan(): PlannedEdit {
  return { changes: [], matched: 0, splices: [], seen: new Set(), skipped: 0, byRequest: [] };
}

/** Plans `manifest`'s edits and adds them to `into`. */
export function planInto(into: PlannedEdit, manifest: ParsedManifest, plan: Planner): void {
  const session = new EditSession(manifest);
  plan(session, into.seen);
  // One push per change, not push(...changes): a spread of a huge array can overflow the stack.
  for (const change of session.changes) into.changes.push(change);
  for (const splice of session.splices) into.splices.push(splice);
  into.matched += session.matched;
  session.byRequest.forEach((edits, index) => {
    const total = (into.byRequest[index] ??= { matched: 0, changes: [] });
    total.matched += edits.matched;
    for (const change of edits.changes) total.changes.push(change);
  });
}

/** The whole file parsed at once: every document composed, a malformed one refused. */
export function planWholeFile(source: string, file: string, plan: Planner, compose: Compose): PlannedEdit {
  const planned = emptyPlan();
  planInto(planned, parseManifest(source, file, compose), plan);
  return planned;
}
