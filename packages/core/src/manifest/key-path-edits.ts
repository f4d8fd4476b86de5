import { isMap, isScalar, isSeq } from 'yaml';
import { ManifestEditError } from '../errors';
import type { EditSession } from './edit-session';
import { formatPath, lineOf, type PathSegment } from './parsed-manifest';
import { pairsNamed } from './walk';

/**
 * Sets the scalar at `path` in every document where the path exists. A path ending on a map or
 * list is refused: replacing a structure with a scalar is never what a version bump means.
 * A number or boolean field (`replicas: 3`) stays one when the new value is one too.
 */
export function planKeyPathEdit(session: EditSession, path: readonly PathSegment[], value: string): void {
  session.manifest.documents.forEach((document, docIndex) => {
    const visit = (node: unknown, depth: number): void => {
      const resolved = session.resolve(document, node);
      if (depth === path.length) {
        if (isScalar(resolved)) {
          session.setScalar(docIndex, path, resolved, value, true);
          return;
        }
        const range = (resolved as { range?: [number, number, number] } | null)?.range;
        const where = range ? `:${lineOf(session.manifest, range[0])}` : '';
        throw new ManifestEditError(
          `${session.manifest.file}${where}: '${formatPath(path)}' holds a ${isSeq(resolved) ? 'list' : 'map'}, not a single value.`,
          `Point 'key' at the scalar inside it, e.g. '${formatPath(path)}.tag' or '${formatPath(path)}[0]'.`,
        );
      }
      const segment = path[depth];
      if (typeof segment === 'number') {
        if (isSeq(resolved) && segment < resolved.items.length) visit(resolved.items[segment], depth + 1);
      } else if (segment !== undefined && isMap(resolved)) {
        for (const pair of pairsNamed(resolved, segment)) visit(pair.value, depth + 1);
      }
    };
    visit(document.contents, 0);
  });
}
