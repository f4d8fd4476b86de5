/**
 * Several values in one edit (a train): planFileEdits applies every request to each file in one
 * pass, one PlannedFile per file with every change, byte-exact; a value that matches nothing is
 * an error naming it; two values reaching one place are refused. Plus the readers that list every
 * image (and given keys) in a set of files, and the change table's row per value.
 */
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EditRequest } from '../../packages/core/src/manifest/edit-request';
import { planFileEdits, readSources } from '../../packages/core/src/manifest/file-edits';
import { parseKeyPath } from '../../packages/core/src/manifest/key-path';
import { editManifest } from '../../packages/core/src/manifest/manifest-editor';
import { compareValues, readImages, readKeys } from '../../packages/core/src/manifest/manifest-reader';
import { valueChanges } from '../../packages/core/src/manifest/value-changes';
import { ManifestEditError } from '../../packages/core/src/manifest/errors';
import { composeYaml, type Compose } from '../../packages/core/src/manifest/parsed-manifest';
import { valueRecords } from '../../packages/core/src/promotion/plan';
import { changeTable } from '../../packages/core/src/steps/change-table';
import type { SelectedFile } from '../../packages/core/src/files/repo-files';
import { failureOf } from '../support/errors';

const API = 'ghcr.io/acme/api';
const WEB = 'ghcr.io/acme/web';
const image = (name: string, tag: string): EditRequest => ({ mode: 'image', image: { name, tag } });
const deployment = (name: string, tag: string): string => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x # keep\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: "${name}:${tag}"  # pinned\n`;
const kustomization = `resources: [deploy.yaml]\nimages:\n  - name: ${API}\n    newTag: 1.0.0\n  - name: ${WEB}\n    newTag: 2.0.0\n    digest: sha256:${'a'.repeat(64)}\n`;
const values = 'replicas: 2\nimage:\n  repository: ghcr.io/acme/worker\n  tag: "3.0"\n';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'train-'));
});
afterEach(async () => rm(root, { recursive: true, force: true }));

async function files(contents: Record<string, string>): Promise<SelectedFile[]> {
  const selected: SelectedFile[] = [];
  for (const [relative, text] of Object.entries(contents)) {
    const absolute = join(root, relative);
    await mkdir(dirname(absolute), { recursive: true });
    await writeFile(absolute, text);
    selected.push({ relative, absolute });
  }
  return selected;
}

describe('planFileEdits with several requests', () => {
  it('applies every request to each file: one PlannedFile per file with all its changes, byte-exact elsewhere', async () => {
    const selected = await files({ 'a/kustomization.yaml': kustomization, 'a/deploy.yaml': deployment(API, '0.9.0') + '---\n' + deployment(WEB, '1.9.0') });
    const requests = [image(API, '1.1.0'), image(WEB, '2.1.0')];
    const planned = await planFileEdits(requests, selected);
    expect(planned.map((file) => file.file)).toEqual(['a/kustomization.yaml', 'a/deploy.yaml']);
    // The digest of WEB is stale once its tag changes: removed, as for a single request.
    expect(planned[0]?.output).toBe(`resources: [deploy.yaml]\nimages:\n  - name: ${API}\n    newTag: 1.1.0\n  - name: ${WEB}\n    newTag: 2.1.0\n`);
    expect(planned[1]?.output).toBe(deployment(API, '1.1.0') + '---\n' + deployment(WEB, '2.1.0'));
    expect(planned[1]?.byRequest.map((edits) => edits.changes.map((change) => change.value))).toEqual([[`${API}:1.1.0`], [`${WEB}:2.1.0`]]);
    // The same bytes as the requests applied one after the other.
    const one = editManifest(kustomization, 'k', requests[0] as EditRequest);
    expect(editManifest(one.output, 'k', requests[1] as EditRequest).output).toBe(planned[0]?.output);
    const named = valueChanges(planned, requests);
    expect(named.map((change) => [change.file, change.line, change.image, change.previous, change.value])).toEqual([
      ['a/kustomization.yaml', 4, API, '1.0.0', '1.1.0'],
      ['a/kustomization.yaml', 6, WEB, '2.0.0', '2.1.0'],
      ['a/kustomization.yaml', 7, WEB, `sha256:${'a'.repeat(64)}`, null],
      ['a/deploy.yaml', 10, API, `${API}:0.9.0`, `${API}:1.1.0`],
      ['a/deploy.yaml', 21, WEB, `${WEB}:1.9.0`, `${WEB}:2.1.0`],
    ]);
    expect(valueRecords(planned, requests)).toEqual([
      { image: API, value: '1.1.0', previous: ['1.0.0', '0.9.0'] },
      { image: WEB, value: '2.1.0', previous: [`2.0.0@sha256:${'a'.repeat(64)}`, '1.9.0'] },
    ]);
  });

  it('mixes images and key paths, and one request alone plans exactly as before', async () => {
    const selected = await files({ 'values.yaml': values });
    const key: EditRequest = { mode: 'key', path: parseKeyPath('replicas'), value: '3' };
    const [planned] = await planFileEdits([image('ghcr.io/acme/worker', '3.1'), key], selected);
    expect(planned?.output).toBe('replicas: 3\nimage:\n  repository: ghcr.io/acme/worker\n  tag: "3.1"\n');
    const [single] = await planFileEdits(key, selected);
    expect(single?.output).toBe(values.replace('replicas: 2', 'replicas: 3'));
    expect(single?.byRequest).toEqual([{ matched: 1, changes: single?.changes }]);
  });

  it('refuses a value that matches nothing, naming it (and any other), before anything is written', async () => {
    const selected = await files({ 'a/deploy.yaml': deployment(API, '0.9.0') });
    const error = await failureOf(planFileEdits([image(API, '1.1.0'), image('ghcr.io/acme/typo', '1.0'), image('ghcr.io/acme/gone', '2')], selected));
    expect(error).toBeInstanceOf(ManifestEditError);
    expect(error.message).toBe('Image ghcr.io/acme/typo is not referenced in 1 file (a/deploy.yaml). Also matching nothing: ghcr.io/acme/gone.');
    expect((error as ManifestEditError).hint).toContain(`Images found: ${API}.`);
    expect(await readFile(selected[0]?.absolute ?? '', 'utf8')).toBe(deployment(API, '0.9.0'));
  });

  it('read at a commit: a value that matches nothing there makes the files pending, as for one request', async () => {
    const selected = await files({ 'a/deploy.yaml': deployment(API, '0.9.0') });
    const atCommit = await planFileEdits([image(API, '1.1.0'), image(WEB, '2')], selected, async () => deployment(API, '1.1.0'));
    expect(atCommit.map((file) => file.pending)).toEqual([true]);
    const holds = await planFileEdits([image(API, '1.1.0')], selected, async () => deployment(API, '1.1.0'));
    expect(holds.map((file) => file.pending)).toEqual([undefined]);
  });

  it('refuses two values that reach one place, naming both', async () => {
    const selected = await files({ 'values.yaml': values });
    const error = await failureOf(planFileEdits([image('ghcr.io/acme/worker', '3.1'), { mode: 'key', path: parseKeyPath('image.tag'), value: '9' }], selected));
    expect(error).toBeInstanceOf(ManifestEditError);
    expect(error.message).toBe("values.yaml:4: 'image.tag' is set by two of the values given: ghcr.io/acme/worker and image.tag.");
  });

  it('plans each document once for all requests (the chunked path composes only documents that may match)', () => {
    const source = Array.from({ length: 6 }, (_, index) => deployment(`ghcr.io/acme/svc${index}`, '1')).join('---\n');
    let composed = 0;
    const compose: Compose = (text, offset, onLineStart) => {
      composed++;
      return composeYaml(text, offset, onLineStart);
    };
    const requests = [image('ghcr.io/acme/svc1', '2'), image('ghcr.io/acme/svc4', '2')];
    const result = editManifest(source, 'all.yaml', requests, { compose });
    expect(result.byRequest.map((edits) => edits.matched)).toEqual([1, 1]);
    expect(composed).toBe(2);
  });
});

describe('readImages / readKeys', () => {
  it('lists every image with its values and sites, and what differs between two sets of files', () => {
    const staging = readImages([
      { file: 'staging/kustomization.yaml', source: kustomization.replace('1.0.0', '1.2.0') },
      { file: 'staging/values.yaml', source: values },
    ]);
    expect([...staging.keys()].sort()).toEqual([API, WEB, 'ghcr.io/acme/worker']);
    expect(staging.get(API)).toEqual({ values: ['1.2.0'], sites: [{ file: 'staging/kustomization.yaml', line: 4, path: 'images[0]', tag: '1.2.0', value: '1.2.0' }] });
    const prod = readImages([{ file: 'prod/kustomization.yaml', source: kustomization }, { file: 'prod/missing.yaml', source: '' }]);
    const diff = compareValues(staging, prod).map((entry) => [entry.name, entry.source.values, entry.target?.values, entry.same]);
    expect(diff).toEqual([
      [API, ['1.2.0'], ['1.0.0'], false],
      [WEB, [`2.0.0@sha256:${'a'.repeat(64)}`], [`2.0.0@sha256:${'a'.repeat(64)}`], true],
      ['ghcr.io/acme/worker', ['3.0'], undefined, false],
    ]);
    const keys = readKeys([{ file: 'v.yaml', source: values }], [parseKeyPath('replicas'), parseKeyPath('image.tag'), parseKeyPath('absent')]);
    expect(Object.fromEntries([...keys].map(([name, found]) => [name, found.values]))).toEqual({ replicas: ['2'], 'image.tag': ['3.0'] });
  });

  it('reads the texts from the work tree or a commit', async () => {
    const selected = await files({ 'v.yaml': values });
    expect(await readSources(selected)).toEqual([{ file: 'v.yaml', source: values }]);
    expect(await readSources(selected, async () => undefined)).toEqual([{ file: 'v.yaml', source: '' }]);
  });
});

describe('changeTable', () => {
  it('gets an image/key column when changes name their value, and is unchanged otherwise', () => {
    const change = { file: 'a.yaml', document: 0, path: 'images[0].newTag', line: 4, previous: '1.0.0', value: '1.1.0' };
    expect(changeTable([change], '—')).toBe('| File | Line | Path | Before | After |\n| --- | ---: | --- | --- | --- |\n| a.yaml | 4 | `images[0].newTag` | `1.0.0` | `1.1.0` |');
    expect(changeTable([{ ...change, image: API }, { ...change, line: 9, key: 'replicas', previous: '2', value: '3' }], '—').split('\n')).toEqual([
      '| Image / key | File | Line | Path | Before | After |',
      '| --- | --- | ---: | --- | --- | --- |',
      `| \`${API}\` | a.yaml | 4 | \`images[0].newTag\` | \`1.0.0\` | \`1.1.0\` |`,
      '| `replicas` | a.yaml | 9 | `images[0].newTag` | `2` | `3` |',
    ]);
  });
});
