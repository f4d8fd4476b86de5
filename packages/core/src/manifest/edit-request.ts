import type { ImageTarget } from './image-edits';
import { formatKeyPath, type KeyPathSegment } from './key-path';

/** What to set: an image's tag/digest wherever the image is referenced, or one key path. */
export type EditRequest =
  | { mode: 'image'; image: ImageTarget }
  | { mode: 'key'; path: KeyPathSegment[]; value: string };

/** One request, or several applied together (a train): the callers' one argument type. */
export type EditRequests = EditRequest | readonly EditRequest[];

/** The requests as a list (a single one becomes a list of one). */
export function requestList(requests: EditRequests): readonly EditRequest[] {
  return isRequestList(requests) ? requests : [requests];
}

function isRequestList(requests: EditRequests): requests is readonly EditRequest[] {
  return Array.isArray(requests);
}

/** What names a request to people: the image name, or the key path as the input spells it. */
export function requestName(request: EditRequest): string {
  return request.mode === 'image' ? request.image.name : formatKeyPath(request.path);
}
