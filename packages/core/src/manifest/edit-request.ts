import type { ImageTarget } from './image-edits';
import type { KeyPathSegment } from './key-path';

/** What to set: an image's tag/digest wherever the image is referenced, or one key path. */
export type EditRequest =
  | { mode: 'image'; image: ImageTarget }
  | { mode: 'key'; path: KeyPathSegment[]; value: string };
