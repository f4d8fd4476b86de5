/**
 * Runs the editor over every file of the shared corpus (real GitOps YAML copied byte for byte from
 * public repositories; see ../shared/corpus/SOURCES.md) and proves each edit changes only what it
 * reports: the output re-parses to the input's data except the changed paths, and every line not
 * reported in `changes` (plus the lines a Kustomize/Helm insertion adds) is byte-identical.
 *
 * Run with `npx vitest run --project corpus` (needs ../shared/corpus next to the repository).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ManifestParseError } from '../../packages/core/src/manifest/errors';
import { parseImageReference } from '../../packages/core/src/manifest/image-reference';
import { parseConcretePath } from '../../packages/core/src/manifest/key-path';
import { editManifest, type EditRequest, type FileEditResult } from '../../packages/core/src/manifest/manifest-editor';
import { formatPath } from '../../packages/core/src/manifest/parsed-manifest';
import { expectSameDataExcept, parseData, valueAt, type DataEdit } from '../support/yaml-equivalence';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');

interface IndexEntry {
  file: string;
  kind: string;
  images: string[];
  keyPaths: string[];
  parseable: boolean;
  documents: number;
  lineEndings: 'lf' | 'crlf' | 'mixed';
  endsWithNewline: boolean;
  imageFieldPaths?: string[];
  parseError?: string;
}

const index = JSON.parse(readFileSync(path.join(CORPUS, 'index.json'), 'utf8')) as IndexEntry[];
const read = (file: string): string => readFileSync(path.join(CORPUS, 'manifests', file), 'utf8');

const NEW_TAG = 'v9.9.9-corpus';
const QUOTED_TAG = '1.10'; // would read as the number 1.1 if written plain into a tag field
const NEW_DIGEST = `sha256:${'c0ffee'.repeat(10)}abcd`;

/**
 * Index entries that name an image the editor rightly does not edit: none of them is an image field
 * of the contract (container `image:`, Kustomize `images:`, Helm `{repository, tag}`, Argo CD
 * `kustomize.images`). Each is pinned to its file and image, and `evidence` must match every line
 * of the file that mentions the reference, so the exclusion cannot hide a real reference elsewhere.
 * The test also fails once the editor does match one of them, so a stale entry cannot linger.
 */
const NOT_EDITABLE: { file: string; images: string[]; evidence: RegExp; reason: string }[] = [
  ...['akuity__kargo-advanced/kargo/warehouse.yaml', 'akuity__kargo-simple/kargo/warehouse.yaml'].map((file) => ({
    file,
    images: ['ghcr.io/akuity/guestbook'],
    evidence: /^\s+repoURL: ghcr\.io\/akuity\/guestbook$/,
    reason: 'Kargo Warehouse subscription: spec.subscriptions[].image.repoURL names a repository to watch and has no tag',
  })),
  ...[
    ['argoproj-labs__argocd-image-updater/config/samples/argocd-image-updater_v1alpha1_imageupdater.yaml', ['test:1.1.0', 'test1:1.1.0', 'test2:2.2.0', 'nginx:1.17.10']],
    ['argoproj-labs__argocd-image-updater/test/e2e/suite/001-simple-kustomize-app-semver/01-install.yaml', ['10.42.0.1:30000/test-image:1.X.X']],
    ['argoproj-labs__argocd-image-updater/test/e2e/suite/002-simple-kustomize-app-latest/01-install.yaml', ['10.42.0.1:30000/test-image:latest']],
    ['argoproj-labs__argocd-image-updater/test/e2e/suite/004-multiple-images/01-install.yaml', ['nginx:1.17.10', 'memcached:1.6.10']],
    ['argoproj-labs__argocd-image-updater/test/e2e/suite/005-app-wide-update-strategy/01-install.yaml', ['quay.io/dkarpele/my-guestbook:~1.0', 'quay.io/dkarpele/my-guestbook:latest']],
    ['argoproj-labs__argocd-image-updater/test/e2e/suite/007-git-repository/01-install.yaml', ['10.42.0.1:30000/test-image:1.X.X']],
    ['argoproj-labs__argocd-image-updater/test/e2e/suite/008-git-repository-helm/01-install.yaml', ['quay.io/dkarpele/my-guestbook:1.0.2']],
    ['argoproj-labs__argocd-image-updater/test/e2e/suite/101-kustomize-match-application-label/01-install.yaml', ['quay.io/dkarpele/my-guestbook:~1.0']],
  ].map(([file, images]) => ({
    file: file as string,
    images: images as string[],
    evidence: /^\s+imageName: "[^"]+"(?:\s+#.*)?$/,
    reason: 'argocd-image-updater ImageUpdater spec: images[].imageName is the image to watch plus a version constraint (1.X.X, ~1.0), not a deployed reference',
  })),
  {
    file: 'kubeflow__manifests/applications/jupyter/jupyter-web-app/upstream/base/configs/spawner_ui_config.yaml',
    images: [
      'ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0',
      'ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-pytorch-full:v1.10.0',
      'ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-pytorch-cuda-full:v1.10.0',
      'ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-pytorch-gaudi-full:v1.10.0',
      'ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-tensorflow-full:v1.10.0',
      'ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-tensorflow-cuda-full:v1.10.0',
    ],
    evidence: /^\s*(?:value: |- )ghcr\.io\/kubeflow\/kubeflow\/notebook-servers\/[a-z-]+:v1\.10\.0$/,
    reason: "Kubeflow Jupyter web app spawner config: the notebook images a user may pick in the UI (image.value / image.options[]), not a workload's image field",
  },
];

/**
 * Image names to request for one `images` entry. Kustomize entries are `newName|name:newTag@digest`
 * (the part before `|` is the name the manifests carry); Argo CD overrides `old=new:tag` are matched
 * by either name; everything else is `name[:tag][@digest]`.
 */
function namesFor(reference: string): string[] {
  const bar = reference.indexOf('|');
  if (bar >= 0) {
    const newName = reference.slice(0, bar);
    const name = parseImageReference(reference.slice(bar + 1)).name;
    return [...new Set([newName || name])];
  }
  const eq = reference.indexOf('=');
  if (eq >= 0) return [reference.slice(0, eq), parseImageReference(reference.slice(eq + 1)).name];
  return [parseImageReference(reference).name];
}

/** `docs[2].spec.x` → document 2, `spec.x`; a path without the prefix is in document 0. */
function splitDocPath(text: string): { document: number; path: string } {
  const match = /^docs\[(\d+)\]\.(.*)$/.exec(text);
  return match ? { document: Number(match[1]), path: match[2]! } : { document: 0, path: text };
}

const totals = { files: 0, unparseable: 0, unparseableButEdited: 0, images: 0, names: 0, imageEdits: 0, changes: 0, keyPaths: 0, excluded: 0 };

/**
 * Line-level proof: walking input and output together, every line that differs must be one the
 * editor reported (a changed value on that line, a removed `digest:` line, or an inserted
 * `key: value` line at the reported position). Returns nothing; throws with the first stray line.
 */
function expectOnlyReportedLinesDiffer(result: FileEditResult): void {
  const input = result.source.split('\n');
  const output = result.output.split('\n');
  const set = new Map<number, string[]>();
  const removed = new Set<number>();
  const inserted = new Map<number, string[]>();
  for (const change of result.changes) {
    if (change.value === null) removed.add(change.line);
    else if (change.previous === null) inserted.set(change.line, [...(inserted.get(change.line) ?? []), change.value]);
    else set.set(change.line, [...(set.get(change.line) ?? []), change.value]);
  }
  const showsValue = (line: string, value: string): boolean => (value === '' ? /""|''/.test(line) : line.includes(value));
  let i = 0;
  let j = 0;
  while (i < input.length || j < output.length) {
    const lineNumber = i + 1;
    // Lines are inserted before the reported line; past the end (no final newline), after the last.
    const pending = inserted.get(lineNumber) ?? (i >= input.length ? inserted.get(input.length) : undefined);
    const next = pending?.[0];
    if (next !== undefined && j < output.length && /^\s*[A-Za-z]+: /.test(output[j]!) && showsValue(output[j]!, next) && output[j] !== input[i]) {
      pending!.shift(); // a new `newTag: …` / `digest: …` / `tag: …` line
      j++;
      continue;
    }
    if (i < input.length && j < output.length && input[i] === output[j]) {
      i++;
      j++;
      continue;
    }
    if (removed.has(lineNumber) && i < input.length) {
      removed.delete(lineNumber);
      i++;
      continue;
    }
    if (i < input.length && j < output.length) {
      // A value changed on this line, or a pair appended inside a flow map on it.
      const setValues = set.get(lineNumber) ?? [];
      const inline = (inserted.get(lineNumber) ?? []).filter((value) => showsValue(output[j]!, value));
      if (setValues.every((value) => showsValue(output[j]!, value)) && setValues.length + inline.length > 0) {
        set.delete(lineNumber);
        if (inline.length > 0) inserted.set(lineNumber, (inserted.get(lineNumber) ?? []).filter((value) => !inline.includes(value)));
        i++;
        j++;
        continue;
      }
    }
    // The last line of a CRLF file without a final newline gains the line break before an appended line.
    if (i === input.length - 1 && j < output.length && output[j] === `${input[i]}\r` && (inserted.get(input.length)?.length ?? 0) > 0) {
      i++;
      j++;
      continue;
    }
    throw new Error(`${result.file}: line ${lineNumber} differs but no change there was reported:\n- ${JSON.stringify(input[i])}\n+ ${JSON.stringify(output[j])}`);
  }
  const leftover = [...inserted].filter(([, values]) => values.length > 0).map(([line]) => line);
  expect(leftover, `${result.file}: reported insertions not found in the output`).toEqual([]);
  expect([...removed], `${result.file}: reported removals not found`).toEqual([]);
}

/** Data-level proof, under the failsafe and core schemas, plus the reported values read back. */
function expectOnlyReportedDataChanged(result: FileEditResult): void {
  const edits: DataEdit[] = result.changes.map((change) => ({ document: change.document, path: parseConcretePath(change.path) }));
  for (const schema of ['failsafe', 'core'] as const) {
    const { after } = expectSameDataExcept(result.source, result.output, edits, schema);
    if (schema === 'failsafe') {
      for (const change of result.changes) {
        expect(valueAt(after[change.document], parseConcretePath(change.path)), `${result.file} ${change.path}`).toBe(change.value ?? undefined);
      }
    }
  }
}

function runEdit(file: string, source: string, request: EditRequest): FileEditResult {
  const result = editManifest(source, file, request);
  expect(result.output).not.toBe(source);
  expect(result.changes.length).toBeGreaterThan(0);
  expectOnlyReportedDataChanged(result);
  expectOnlyReportedLinesDiffer(result);
  // Line endings, BOM and the (missing) final newline are kept.
  expect(result.output.startsWith('\ufeff')).toBe(source.startsWith('\ufeff'));
  expect(result.output.endsWith('\n')).toBe(source.endsWith('\n'));
  if (!source.includes('\r\n')) expect(result.output).not.toContain('\r\n');
  else expect(result.output.replace(/\r\n/g, '').includes('\n')).toBe(source.replace(/\r\n/g, '').includes('\n'));
  // Running it again changes nothing.
  const again = editManifest(result.output, file, request);
  expect(again.output).toBe(result.output);
  expect(again.changes).toEqual([]);
  totals.changes += result.changes.length;
  return result;
}

function editImages(entry: IndexEntry, source: string): void {
  const excluded = NOT_EDITABLE.filter((rule) => rule.file === entry.file);
  const fieldPaths = (entry.imageFieldPaths ?? []).map(splitDocPath);
  const fieldData = fieldPaths.length > 0 ? parseData(source, 'failsafe') : [];
  for (const reference of entry.images) {
    const rule = excluded.find((candidate) => candidate.images.includes(reference));
    if (rule) {
      const mentions = source.split('\n').filter((line) => line.includes(reference));
      expect(mentions.length, `${entry.file}: ${reference} should be in the file`).toBeGreaterThan(0);
      for (const line of mentions) expect(line.replace(/\r$/, ''), `${entry.file}: ${rule.reason}`).toMatch(rule.evidence);
      for (const name of namesFor(reference)) {
        expect(editManifest(source, entry.file, { mode: 'image', image: { name, tag: NEW_TAG } }).matched, `${entry.file}: ${name} is now matched; drop it from NOT_EDITABLE`).toBe(0);
      }
      totals.excluded++;
      continue;
    }
    totals.images++;
    for (const name of namesFor(reference)) {
      totals.names++;
      for (const image of [{ name, tag: NEW_TAG }, { name, tag: QUOTED_TAG, digest: NEW_DIGEST }]) {
        const result = runEdit(entry.file, source, { mode: 'image', image });
        totals.imageEdits++;
        // Every `image:` field the index found that names this image was edited.
        fieldPaths.forEach(({ document, path: fieldPath }) => {
          const value = valueAt(fieldData[document], parseConcretePath(fieldPath));
          if (typeof value !== 'string' || parseImageReference(value).name !== name) return;
          expect(
            result.changes.some((change) => change.document === document && change.path === formatPath(parseConcretePath(fieldPath))),
            `${entry.file}: docs[${document}].${fieldPath} (${value}) not edited for ${name}`,
          ).toBe(true);
        });
      }
    }
  }
}

function editKeyPaths(entry: IndexEntry, source: string): void {
  const expected = entry.keyPaths.map(splitDocPath);
  for (const { document, path: keyPath } of expected) {
    for (const value of ['9.9.9-corpus', QUOTED_TAG]) {
      const segments = parseConcretePath(keyPath);
      const result = runEdit(entry.file, source, { mode: 'key', path: segments, value });
      expect(result.changes.map((change) => change.path)).toEqual(result.changes.map(() => formatPath(segments)));
      expect(result.changes.some((change) => change.document === document)).toBe(true);
      // Another document may hold the same path only if the index lists it there too.
      for (const change of result.changes) {
        expect(expected.some((other) => other.document === change.document && other.path === keyPath)).toBe(true);
      }
    }
    totals.keyPaths++;
  }
}

describe(`corpus: ${index.length} files from ${CORPUS}`, () => {
  afterAll(() => {
    console.log(
      `corpus: ${totals.files} files (${totals.unparseable} unparseable by PyYAML: ${totals.unparseable - totals.unparseableButEdited} refused with ManifestParseError, ` +
        `${totals.unparseableButEdited} parsed by yaml and edited), ${totals.images} image references (${totals.names} names, old=new overrides give two) × 2 requests = ${totals.imageEdits} image edits, ` +
        `${totals.keyPaths} key paths × 2 values, ${totals.changes} changes verified; ${totals.excluded} index images excluded as not editable (NOT_EDITABLE).`,
    );
  });

  it('every NOT_EDITABLE entry names an indexed file and image', () => {
    for (const rule of NOT_EDITABLE) {
      const entry = index.find((candidate) => candidate.file === rule.file);
      expect(entry, rule.file).toBeDefined();
      for (const image of rule.images) expect(entry!.images, rule.file).toContain(image);
    }
  });

  it.each(index.map((entry) => [`${entry.file} [${entry.kind}, ${entry.images.length} images, ${entry.keyPaths.length} key paths]`, entry] as const))(
    '%s',
    (_name, entry) => {
      const source = read(entry.file);
      totals.files++;
      if (!entry.parseable) {
        totals.unparseable++;
        let parsed: FileEditResult | undefined;
        try {
          parsed = editManifest(source, entry.file, { mode: 'image', image: { name: 'corpus.invalid/none', tag: NEW_TAG } });
        } catch (error) {
          // Templates (`{{ … }}`) that are not YAML: a typed error pointing at file:line:col.
          expect(error).toBeInstanceOf(ManifestParseError);
          expect((error as Error).message).toMatch(new RegExp(`^${entry.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: malformed YAML: `));
          return;
        }
        // PyYAML refused it (e.g. a flow map used as a key, `name: {{.Name}}`), but it is valid
        // YAML to the yaml package: then it must edit as cleanly as any other file.
        expect(parsed.matched).toBe(0);
        totals.unparseableButEdited++;
      }
      editImages(entry, source);
      editKeyPaths(entry, source);
      if (!entry.parseable) {
        // Nothing in the index to edit for some of these; set a scalar anyway.
        const first = parseData(source, 'failsafe').findIndex((doc) => typeof valueAt(doc, ['kind']) === 'string');
        if (first >= 0) runEdit(entry.file, source, { mode: 'key', path: ['kind'], value: 'CorpusKind' });
      }
    },
  );
});
