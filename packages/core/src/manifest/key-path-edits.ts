import { isMap, isScalar, isSeq } from 'yaml';
import { ManifestEditError } from '../errors';
import { scalarText, type EditSession } from './edit-session';
import { formatKeyPath, isSelector, type KeyPathSegment } from './key-path';
import { formatPath, lineOf, type PathSegment } from './parsed-manifest';
import { pairsNamed } from './walk';

/**
 * Sets the scalar at `path` in every document where the path exists. A path ending on a map or
 * list is refused: replacing a structure with a scalar is never what a version bump means.
 * A number or boolean field (`replicas: 3`) stays one when the new value is one too.
 */
export function planKeyPathEdit(session: EditSession, path: readonly KeyPathSegment[], value: string): void {
  session.manifest.documents.forEach((document, docIndex) => {
    // `at` is the concrete path walked so far (selectors resolved to indexes), for the report.
    const visit = (node: unknown, depth: number, at: readonly PathSegment[]): void => {
      const resolved = session.resolve(document, node);
      if (depth === path.length) {
        if (isScalar(resolved)) {
          session.setScalar(docIndex, at, resolved, value, true);
          return;
        }
        const range = (resolved as { range?: [number, number, number] } | null)?.range;
        const where = range ? `:${lineOf(session.manifest, range[0])}` : '';
        throw new ManifestEditError(
          `${session.manifest.file}${where}: '${formatPath(at)}' holds a ${isSeq(resolved) ? 'list' : 'map'}, not a single value.`,
          `Point 'key' at the scalar inside it, e.g. '${formatKeyPath(path)}.tag' or '${formatKeyPath(path)}[0]'.`,
        );
      }
      const segment = path[depth];
      if (isSelector(segment)) {
        if (!isSeq(resolved)) return;
        resolved.items.forEach((item, index) => {
          const entry = session.resolve(document, item);
          if (!isMap(entry)) return;
          const matches = pairsNamed(entry, segment.key).some((pair) => {
            const field = session.resolve(document, pair.value);
            return isScalar(field) && scalarText(field) === segment.equals;
          });
          if (matches) visit(entry, depth + 1, [...at, index]);
        });
      } else if (typeof segment === 'number') {
        if (isSeq(resolved) && segment < resolved.items.length) visit(resolved.items[segment], depth + 1, [...at, segment]);
      } else if (segment !== undefined && isMap(resolved)) {
        for (const pair of pairsNamed(resolved, segment)) visit(pair.value, depth + 1, [...at, segment]);
      }
    };
    visit(document.contents, 0, []);
  });
}
