import { isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Document } from 'yaml';
import { ManifestEditError } from './errors';
import { scalarText, type EditSession } from './edit-session';
import { formatKeyPath, isSelector, type KeyPathSegment } from './key-path';
import { formatPath, lineOf, type PathSegment } from './parsed-manifest';
import type { NumberReader } from './scalar-style';
import { keyName, pairsNamed } from './walk';

/**
 * Sets the scalar at `path` in every document where the path exists. A path ending on a map or
 * list is refused: replacing a structure with a scalar is never what a version bump means.
 * A number or boolean field (`replicas: 3`) stays one when the new value is one too and renders
 * as written (see `numbersOf`); a tag or version is always written as a string.
 * A path through an alias is refused too (see `refuseAlias`).
 */
export function planKeyPathEdit(session: EditSession, path: readonly KeyPathSegment[], value: string): void {
  session.manifest.documents.forEach((document, docIndex) => {
    const numbers = numbersOf(session.manifest.file, document);
    // `at` is the concrete path walked so far (selectors resolved to indexes), for the report.
    const visit = (node: unknown, depth: number, at: readonly PathSegment[]): void => {
      if (isAlias(node)) {
        // Only an alias the path goes on through is refused; where the path ends short of it
        // (`[2]` is `*a`, a scalar, and the key wants `[2][0]`), this document has no such key.
        if (reaches(session, document, node.resolve(document), path, depth)) refuseAlias(session, document, node, path, depth, at);
        return;
      }
      if (depth === path.length) {
        if (isScalar(node)) {
          session.setScalar(docIndex, at, node, value, namesString(at) ? undefined : inHelmValues(at) ? 'float64' : numbers);
          return;
        }
        const range = (node as { range?: [number, number, number] } | null)?.range;
        const where = range ? `:${lineOf(session.manifest, range[0])}` : '';
        throw new ManifestEditError(
          `${session.manifest.file}${where}: '${formatPath(at)}' holds a ${isSeq(node) ? 'list' : 'map'}, not a single value.`,
          `Point 'key' at the scalar inside it, e.g. '${formatKeyPath(path)}.tag' or '${formatKeyPath(path)}[0]'.`,
        );
      }
      const segment = path[depth];
      if (isSelector(segment)) {
        if (!isSeq(node)) return;
        node.items.forEach((item, index) => {
          // Only reading a field to pick the entry may follow an alias; walking into one may not.
          const entry = session.resolve(document, item);
          if (!isMap(entry)) return;
          const matches = pairsNamed(entry, segment.key).some((pair) => {
            const field = session.resolve(document, pair.value);
            return isScalar(field) && scalarText(field) === segment.equals;
          });
          if (matches) visit(item, depth + 1, [...at, index]);
        });
      } else if (typeof segment === 'number') {
        if (isSeq(node) && segment < node.items.length) visit(node.items[segment], depth + 1, [...at, segment]);
      } else if (segment !== undefined && isMap(node)) {
        for (const pair of pairsNamed(node, segment)) visit(pair.value, depth + 1, [...at, segment]);
      }
    };
    visit(document.contents, 0, []);
  });
}

/**
 * Who reads the document's numbers. A Kubernetes object (`apiVersion` and `kind` at its root) or
 * a Kustomization file goes to Kustomize or the API server, which read integers into typed fields
 * exactly; anything else is taken for Helm values, which Helm reads into float64.
 */
function numbersOf(file: string, document: Document.Parsed): NumberReader {
  if (/(?:^|\/)(?:kustomization\.ya?ml|Kustomization)$/.test(file)) return 'typed';
  const root = document.contents;
  return isMap(root) && pairsNamed(root, 'apiVersion').length > 0 && pairsNamed(root, 'kind').length > 0 ? 'typed' : 'float64';
}

/**
 * Whether the path runs through Helm values held in a Kubernetes object or a Kustomization: an
 * Argo CD Application's `helm.valuesObject`, a Flux HelmRelease's `spec.values`, Kustomize's
 * `helmCharts[].valuesInline`. Helm reads those as it reads a values file.
 */
function inHelmValues(at: readonly PathSegment[]): boolean {
  return at.some((segment) => segment === 'values' || segment === 'valuesObject' || segment === 'valuesInline');
}

/**
 * Whether the path ends on a tag or a version (`tag`, `newTag`, `imageTag`, `image_tag`,
 * `version`, `appVersion`): a string to everything that reads one. Kustomize refuses a number as
 * `newTag`; Helm's string functions (`trunc`, `trimPrefix`) fail on a float64 tag, and `{{ }}`
 * prints a long numeric one in exponent form.
 */
function namesString(at: readonly PathSegment[]): boolean {
  const last = at[at.length - 1];
  if (typeof last !== 'string') return false;
  return /^(?:tag|version)$/i.test(last) || /[a-z0-9](?:Tag|Version)$/.test(last) || /[_-](?:tag|version)$/i.test(last);
}

/** Whether `path` from `depth` on leads anywhere under `node`: the walk `visit` would make, without editing. */
function reaches(session: EditSession, document: Document.Parsed, node: unknown, path: readonly KeyPathSegment[], depth: number): boolean {
  const resolved = session.resolve(document, node);
  if (depth === path.length) return resolved !== undefined && resolved !== null;
  const segment = path[depth];
  if (isSelector(segment)) {
    if (!isSeq(resolved)) return false;
    return resolved.items.some((item) => {
      const entry = session.resolve(document, item);
      if (!isMap(entry)) return false;
      const matches = pairsNamed(entry, segment.key).some((pair) => {
        const field = session.resolve(document, pair.value);
        return isScalar(field) && scalarText(field) === segment.equals;
      });
      return matches && reaches(session, document, item, path, depth + 1);
    });
  }
  if (typeof segment === 'number') return isSeq(resolved) && segment < resolved.items.length && reaches(session, document, resolved.items[segment], path, depth + 1);
  if (segment === undefined || !isMap(resolved)) return false;
  return pairsNamed(resolved, segment).some((pair) => reaches(session, document, pair.value, path, depth + 1));
}

/**
 * An alias has no value of its own: editing through `prod: *base` (or `tag: *ver`) would rewrite
 * the anchor's bytes and silently change `base` and every other alias of it as well. A key path
 * names one place, so it must not reach anything through an alias. Image mode follows aliases on
 * purpose: there every reference to the image is meant to change.
 */
function refuseAlias(
  session: EditSession,
  document: Document.Parsed,
  alias: Alias,
  path: readonly KeyPathSegment[],
  depth: number,
  at: readonly PathSegment[],
): never {
  const { file, source } = session.manifest;
  const aliasLine = alias.range ? `:${lineOf(session.manifest, alias.range[0])}` : '';
  const anchored = alias.resolve(document);
  // A node's range starts at its content; its `&name` comes before it (a line earlier for a block map).
  const contentStart = anchored?.range?.[0];
  const anchorOffset = contentStart === undefined ? -1 : source.lastIndexOf(`&${alias.source}`, contentStart);
  const anchorLine = anchorOffset >= 0 ? `${file}:${lineOf(session.manifest, anchorOffset)}` : file;
  const anchorPath = anchored ? pathTo(document.contents, anchored, []) : undefined;
  const ownPath = anchorPath ? formatKeyPath([...anchorPath, ...path.slice(depth)]) : '';
  throw new ManifestEditError(
    `${file}${aliasLine}: key '${formatKeyPath(path)}' goes through the alias '*${alias.source}' at '${formatPath(at)}', which stands for the anchor '&${alias.source}' at ${anchorLine}${anchorPath && anchorPath.length > 0 ? ` ('${formatPath(anchorPath)}')` : ''}; setting it would change every use of that anchor.`,
    `${ownPath !== '' ? `Set 'key' to the anchor's own path, '${ownPath}', to change it everywhere it is used, or` : 'Edit the anchor itself, or'} replace '*${alias.source}' at '${formatPath(at)}' with a value of its own to change only this place.`,
  );
}

/** The concrete path of `target` in the tree under `node`, not following aliases. */
function pathTo(node: unknown, target: unknown, at: PathSegment[]): PathSegment[] | undefined {
  if (node === target) return at;
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isPair(pair) ? keyName(pair.key) : undefined;
      const found = key === undefined ? undefined : pathTo(pair.value, target, [...at, key]);
      if (found) return found;
    }
  } else if (isSeq(node)) {
    for (const [index, item] of node.items.entries()) {
      const found = pathTo(item, target, [...at, index]);
      if (found) return found;
    }
  }
  return undefined;
}
