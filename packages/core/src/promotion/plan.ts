import type { GitRepository } from '../git/git-repository';
import type { EditRequest, EditRequests } from '../manifest/edit-request';
import { planFileEdits, type PlannedFile } from '../manifest/file-edits';
import { readTargetOf, valuesIn, type ReadTarget } from '../manifest/manifest-reader';
import { requestList, requestName } from '../manifest/edit-request';
import { requestValue } from '../manifest/value-changes';
import type { SelectedFile } from '../files/repo-files';
import { holdWrite, isHoldWrite, type HoldRecord } from './hold';
import { changedOnly } from './publisher';
import type { ValueRecord } from './trailers';

export type { PlannedFile } from '../manifest/file-edits';
export type { EditRequest, EditRequests } from '../manifest/edit-request';
export type { ReadTarget } from '../manifest/manifest-reader';

/**
 * The edit of `files` as read at commit `revision`, or in the work tree when it is undefined: one
 * request, or several (a train) applied together, one PlannedFile per file with every change.
 */
export async function planAt(repo: GitRepository, requests: EditRequests, files: readonly SelectedFile[], revision: string | undefined): Promise<PlannedFile[]> {
  if (revision === undefined) return planFileEdits(requests, files);
  // Every file read in one git process: an environment's plan is as many files as services.
  const texts = await repo.filesAt(revision, files.map((file) => file.relative));
  return planFileEdits(requests, files, async (file) => texts.get(file.relative));
}

/**
 * The manifests' plan with HOLD_FILE's write beside it, after `change` (read at `revision`), when
 * the manifests change at all: a hold record travels in the commit that sets or rolls back a value.
 */
export async function withHold(repo: GitRepository, planned: PlannedFile[], revision: string | undefined, change: ((records: HoldRecord[]) => HoldRecord[]) | undefined): Promise<PlannedFile[]> {
  if (!change || changedOnly(planned).length === 0) return planned;
  const write = await holdWrite(repo, revision, change);
  return write ? [...planned, { ...write, changes: [], matched: 0, imagesSeen: () => new Set<string>(), byRequest: [] }] : planned;
}

/** The manifests among planned writes (the hold file is not one). */
export function manifestsOf(planned: readonly PlannedFile[]): PlannedFile[] {
  return planned.filter((file) => !isHoldWrite(file));
}

/** The value a read site gives an image: its tag, digest or both. */
interface ImageValue {
  tag?: string | undefined;
  digest?: string | undefined;
}

/**
 * The edit that sets `target` to a value: a key takes `value` as it is; an image takes the tag and
 * digest the value was read as (tag@digest → both).
 */
export function editRequestFor(target: ReadTarget, value: string, image: ImageValue | undefined): EditRequest {
  if (target.mode === 'key') return { mode: 'key', path: target.path, value };
  const { tag, digest } = image ?? {};
  return { mode: 'image', image: { name: target.name, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) } };
}

/**
 * What each request of a plan sets, for the commit's trailers: its name, its value, and the
 * distinct values it replaced, read from the old bytes of the files where it changed something.
 */
export function valueRecords(planned: readonly PlannedFile[], requests: EditRequests): ValueRecord[] {
  const manifests = manifestsOf(planned);
  return requestList(requests).map((request, index) => {
    const changed = manifests.filter((file) => (file.byRequest[index]?.changes.length ?? 0) > 0);
    const value = requestValue(request);
    const previous = valuesIn(changed, readTargetOf(request)).filter((old) => old !== value);
    return { ...(request.mode === 'image' ? { image: request.image.name } : { key: requestName(request) }), value, previous };
  });
}
