import { requestList, requestName, type EditRequest, type EditRequests } from './edit-request';
import type { ManifestChange } from './edit-session';
import { imageValue } from './image-reference';
import type { FileEditResult } from './manifest-editor';

/** A change with the value it belongs to: the image name or the key path (as requestName spells them). */
export interface ValueChange extends ManifestChange {
  image?: string;
  key?: string;
}

/**
 * Every change of a plan in file order, each naming the request that made it: what a train's
 * change table and `changes` output list, a row per place and value.
 */
export function valueChanges(planned: readonly FileEditResult[], requests: EditRequests): ValueChange[] {
  const list = requestList(requests);
  const named: ValueChange[] = [];
  for (const file of planned) {
    const owner = new Map<ManifestChange, EditRequest>();
    file.byRequest.forEach((edits, index) => {
      const request = list[index];
      if (request) for (const change of edits.changes) owner.set(change, request);
    });
    for (const change of file.changes) {
      const request = owner.get(change);
      named.push(request ? { ...change, ...nameOf(request) } : { ...change });
    }
  }
  return named;
}

function nameOf(request: EditRequest): { image: string } | { key: string } {
  return request.mode === 'image' ? { image: request.image.name } : { key: requestName(request) };
}

/** What a request sets, as trailers and outputs write it: `tag`, `@digest`, `tag@digest`, or the key's value. */
export function requestValue(request: EditRequest): string {
  return request.mode === 'image' ? imageValue(request.image) : request.value;
}
