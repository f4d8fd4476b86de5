/**
 * The editor composes only the documents of a file whose text can hold a match. These tests hold
 * that path to the whole-file parse (`wholeFile: true`, how every document used to be composed):
 * on generated multi-document files it must give byte-identical output and identical changes, and
 * the same error wherever a composed document is malformed. Structural tests count, through the
 * `compose` seam and the splice copier, what is composed and copied: never how long it takes.
 */
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ManifestParseError } from '../../packages/core/src/manifest/errors';
import { splitDocuments } from '../../packages/core/src/manifest/document-chunks';
import { editManifest, type EditOptions, type EditRequest, type FileEditResult } from '../../packages/core/src/manifest/manifest-editor';
import { requiredText } from '../../packages/core/src/manifest/match-filter';
import { composeYaml, type Compose } from '../../packages/core/src/manifest/parsed-manifest';
import { applySplices, type CopySource } from '../../packages/core/src/manifest/splices';

const TARGET = 'ghcr.io/acme/app';
const SHA = `sha256:${'ab'.repeat(32)}`;

// ---- generated multi-document files ------------------------------------------------------------

/** How an image reference is written; `escaped` spells `app` with a double-quoted escape. */
type RefStyle = 'plain' | 'single' | 'double' | 'escaped';

const imageName = fc.constantFrom(TARGET, TARGET, 'docker.io/library/app', 'ghcr.io/acme/other', 'app');
const tag = fc.constantFrom('1.0', '1.10', 'v2', 'true');
const refStyle = fc.constantFrom<RefStyle>('plain', 'plain', 'single', 'double', 'escaped');

function reference(name: string, version: string, style: RefStyle): string {
  const text = `${name}:${version}`;
  switch (style) {
    case 'plain':
      return text;
    case 'single':
      return `'${text}'`;
    case 'double':
      return JSON.stringify(text);
    case 'escaped':
      return `"${text.replace(/app/g, '\\x61pp').replace(/\//g, '\\/')}"`;
  }
}

const comment = fc.option(fc.constantFrom('# note', '# image: ghcr.io/acme/app:0', '#'), { freq: 2 });

/** One well-formed document's lines, as written between markers (LF; CRLF is applied to the whole file). */
const wellFormedBody: fc.Arbitrary<string[]> = fc.oneof(
  // A Deployment, with the image plain, quoted or escaped, and a trailing comment.
  fc.record({ name: imageName, version: tag, style: refStyle, note: comment, replicas: fc.constantFrom('2', '"3"') }).map(({ name, version, style, note, replicas }) => [
    // Not apps/v1: `app` would be in every document, and the filter is what is under test.
    'apiVersion: batch/v1',
    'kind: Job',
    'metadata:',
    '  name: web',
    'spec:',
    `  replicas: ${replicas}`,
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: main',
    `          image: ${reference(name, version, style)}${note ? ` ${note}` : ''}`,
  ]),
  // Helm values: the name split into registry and repository, block or flow.
  fc.record({ flow: fc.boolean(), repo: fc.constantFrom('acme/app', 'app', 'acme/other'), registry: fc.constantFrom('ghcr.io', 'ghcr.io/acme', 'docker.io') }).map(({ flow, repo, registry }) =>
    flow
      ? [`image: {registry: ${registry}, repository: ${repo}, tag: "1.0"}`]
      : ['image:', `  registry: ${registry}`, `  repository: ${repo}`, '  tag: "1.0"', `  digest: ${SHA}`],
  ),
  // Kustomize images, with a stale digest to remove.
  fc.record({ name: imageName, digest: fc.boolean() }).map(({ name, digest }) => ['images:', `- name: ${name}`, '  newTag: "1.0"', ...(digest ? [`  digest: ${SHA}`] : [])]),
  // An anchor and its aliases.
  fc.record({ name: imageName, style: refStyle }).map(({ name, style }) => [
    `base: &img ${reference(name, '1.0', style)}`,
    'spec:',
    '  containers:',
    '  - image: *img',
    '  - {name: b, image: *img}',
  ]),
  // Block scalars that mention the image as text, and a real field after them.
  fc.record({ header: fc.constantFrom('|', '|+', '>-', '|2'), name: imageName }).map(({ header, name }) => [
    `notes: ${header}`,
    `  image: ${name}:0`,
    '  ---not a marker',
    '',
    `image: ${name}:1.0`,
  ]),
  // A flow document.
  fc.record({ name: imageName }).map(({ name }) => [`{spec: {containers: [{name: a, image: "${name}:1.0"}, {name: b, image: ${name}:2}]}}`]),
  // A list at the root, a scalar document, an empty one, a comment-only one.
  fc.record({ name: imageName }).map(({ name }) => [`- image: ${name}:1.0`, '- plain item']),
  fc.constantFrom<string[]>(['just a string'], ['"quoted: string"'], [], ['# only a comment']),
);

/** Malformed documents: some hold the image name (and are composed), some do not. */
const malformedBody: fc.Arbitrary<string[]> = fc.oneof(
  fc.record({ name: imageName }).map(({ name }) => [`image: "${name}:1.0`, 'unclosed: quote']),
  fc.constant<string[]>(['metadata:', '  name: x', '{{- include "labels" . | nindent 4 }}']),
  fc.record({ name: imageName }).map(({ name }) => ['spec:', `    image: ${name}:1`, '  replicas: 2']),
);

const documentBody = fc.oneof({ weight: 12, arbitrary: wellFormedBody }, { weight: 1, arbitrary: malformedBody });

/** What separates one document from the next: a marker, `...` then one, or `...` then a bare document. */
const separator = fc.constantFrom<string[]>(['---'], ['--- # next'], ['...', '---'], ['...'], ['...', '# between', ''], ['# before the marker', '---'], ['', '---', '']);

interface GeneratedFile {
  text: string;
  malformed: boolean;
}

const multiDocumentFile: fc.Arbitrary<GeneratedFile> = fc
  .record({
    docs: fc.array(fc.record({ body: documentBody, separator }), { minLength: 1, maxLength: 7 }),
    leading: fc.constantFrom<string[]>([], ['---'], ['# header', '---'], ['# header']),
    bom: fc.boolean(),
    crlf: fc.boolean(),
    finalNewline: fc.boolean(),
    directive: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  })
  .map(({ docs, leading, bom, crlf, finalNewline, directive }) => {
    const lines = [...(directive ? ['%YAML 1.2', '---'] : leading)];
    docs.forEach(({ body, separator: between }, index) => {
      if (index > 0) lines.push(...between);
      lines.push(...body);
    });
    const eol = crlf ? '\r\n' : '\n';
    const text = `${bom ? '\ufeff' : ''}${lines.join(eol)}${finalNewline ? eol : ''}`;
    return { text, malformed: docs.some(({ body }) => body.some((line) => /unclosed|include|^ {4}image/.test(line))) };
  });

const request: fc.Arbitrary<EditRequest> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ tag: fc.constantFrom('2.0', '1.10'), digest: fc.option(fc.constant(SHA), { nil: undefined }) }).map(({ tag: t, digest }): EditRequest => ({ mode: 'image', image: digest ? { name: TARGET, tag: t, digest } : { name: TARGET, tag: t } })) },
  { weight: 1, arbitrary: fc.constant<EditRequest>({ mode: 'image', image: { name: 'docker.io/library/app', digest: SHA } }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<[string, (string | number)[]]>(
      ['5', ['spec', 'replicas']],
      ['v9', ['image', 'tag']],
      ['x', ['metadata', 'name']],
      ['ghcr.io/acme/app:9', ['spec', 'template', 'spec', 'containers', 0, 'image']],
      ['9', ['images', 0, 'newTag']],
    ).map(([value, path]): EditRequest => ({ mode: 'key', path, value })),
  },
);

type Outcome = { ok: true; result: FileEditResult } | { ok: false; error: Error };

function attempt(text: string, edit: EditRequest, options: EditOptions = {}): Outcome {
  try {
    return { ok: true, result: editManifest(text, 'f.yaml', edit, options) };
  } catch (error) {
    return { ok: false, error: error as Error };
  }
}

function summary(result: FileEditResult) {
  return { output: result.output, changes: result.changes, matched: result.matched, seen: [...result.imagesSeen()].sort() };
}

/**
 * What the whole-file parse would give if the documents the edit did not read (`unread`) were
 * well-formed: each is replaced by a valid document of as many lines that cannot match, the file is
 * edited whole, and the documents are put back. Undefined when the file cannot be split.
 */
function wholeFileWithUnread(text: string, edit: EditRequest, unread: ReadonlySet<number>): { output: string; changes: unknown } | undefined {
  const bom = text.startsWith('\ufeff') ? '\ufeff' : '';
  const body = text.slice(bom.length);
  const chunks = splitDocuments(body);
  if (!chunks) return undefined;
  const texts = chunks.map((chunk) => body.slice(chunk.start, chunk.end));
  // Markers, blank lines and comments stay, so the documents stay where they were.
  const standIn = (line: string): string => /^(?:---|\.\.\.)(?=\s|$)/.exec(line)?.[0] ?? (/^\s*(?:#|$)/.test(line) ? line : 'x: y');
  const stand = texts.map((chunk, index) => (unread.has(index) ? chunk.replace(/[^\r\n]+/g, standIn) : chunk));
  const edited = editManifest(bom + stand.join(''), 'f.yaml', edit, { wholeFile: true });
  const out = edited.output.slice(bom.length);
  const outChunks = splitDocuments(out);
  if (!outChunks || outChunks.length !== chunks.length) throw new Error('an edit changed the document structure');
  return { output: bom + outChunks.map((chunk, index) => (unread.has(index) ? texts[index] : out.slice(chunk.start, chunk.end))).join(''), changes: edited.changes };
}

/** The chunks of `text` that cannot hold a match for `edit` and do not compose alone. */
function unreadMalformed(text: string, edit: EditRequest): Set<number> {
  const body = text.replace(/^\ufeff/, '');
  const required = requiredText(edit);
  const unread = new Set<number>();
  (splitDocuments(body) ?? []).forEach((chunk, index) => {
    const chunkText = body.slice(chunk.start, chunk.end);
    if (required === '' || chunkText.includes(required) || chunkText.includes('\\')) return;
    const alone = composeYaml(chunkText, chunk.start, () => undefined);
    if (alone.length !== 1 || alone.some((doc) => doc.errors.length > 0)) unread.add(index);
  });
  return unread;
}

describe('document-by-document editing matches the whole-file parse', () => {
  it('byte-identical output, identical changes and the same errors on generated multi-document files', () => {
    const tally = { identical: 0, changes: 0, sameError: 0, skippedMalformed: 0 };
    fc.assert(
      fc.property(multiDocumentFile, request, ({ text }, edit) => {
        const whole = attempt(text, edit, { wholeFile: true });
        const chunked = attempt(text, edit);
        if (whole.ok) {
          expect(chunked.ok, chunked.ok ? '' : chunked.error.message).toBe(true);
          if (!chunked.ok) return;
          expect(summary(chunked.result)).toEqual(summary(whole.result));
          tally.identical++;
          tally.changes += whole.result.changes.length;
          return;
        }
        if (!chunked.ok) {
          expect(chunked.error.constructor).toBe(whole.error.constructor);
          expect(chunked.error.message).toBe(whole.error.message);
          tally.sameError++;
          return;
        }
        // Only a malformed document that cannot hold a match may go unread, and only in a file
        // where something else matched (a file without a match is parsed whole and refused). The
        // rest is edited as the whole-file parse edits it once those documents are made valid.
        expect(whole.error).toBeInstanceOf(ManifestParseError);
        expect(chunked.result.matched).toBeGreaterThan(0);
        const unread = unreadMalformed(text, edit);
        expect(unread.size).toBeGreaterThan(0);
        const expected = wholeFileWithUnread(text, edit, unread);
        expect({ output: chunked.result.output, changes: chunked.result.changes }).toEqual(expected);
        tally.skippedMalformed++;
      }),
      { numRuns: 400 },
    );
    console.log(
      `chunked ≡ whole file: ${tally.identical} identical results (${tally.changes} changes), ${tally.sameError} identical errors, ${tally.skippedMalformed} edits beside an unread malformed document`,
    );
    // The generator reaches every outcome, and edits a good deal.
    expect(tally.identical).toBeGreaterThan(150);
    expect(tally.changes).toBeGreaterThan(200);
    expect(tally.sameError).toBeGreaterThan(10);
    expect(tally.skippedMalformed).toBeGreaterThan(5);
  });

  it('on line soup (markers, quotes, brackets, tabs, anchors, mostly malformed) it differs only by editing beside an unread malformed document', () => {
    const line = fc.constantFrom(
      '---', '...', '--- |', '... # end', 'a: "open', "b: 'open", '"', '[', ']', '{', '}', 'x: [1,', '  2]', 'j: {a: "b}',
      'image: app:1', '  image: app:1', '- image: app:1', 'image: "\\x61pp:1"', 'k: |', 'i: >-', '  text', '\ttab: 1', '# c', '',
      '? key', ': val', '&a b: 1', 'c: *a', 'd: *nope', 'e:', '    f: 1', '  g: 2', '%x', '@bad',
    );
    const soup = fc.tuple(fc.array(line, { minLength: 1, maxLength: 14 }), fc.boolean()).map(([lines, crlf]) => lines.join(crlf ? '\r\n' : '\n'));
    const edits = fc.constantFrom<EditRequest>(
      { mode: 'image', image: { name: 'app', tag: '2' } },
      { mode: 'image', image: { name: 'absent', tag: '2' } },
      { mode: 'key', path: ['image'], value: 'v' },
      { mode: 'key', path: ['absent'], value: 'v' },
    );
    fc.assert(
      fc.property(soup, edits, (text, edit) => {
        const whole = attempt(text, edit, { wholeFile: true });
        const chunked = attempt(text, edit);
        if (whole.ok && chunked.ok) expect(summary(chunked.result)).toEqual(summary(whole.result));
        else if (!whole.ok && !chunked.ok) expect(chunked.error.message).toBe(whole.error.message);
        else {
          expect(whole.ok).toBe(false);
          expect(chunked.ok && chunked.result.matched).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('splits a stream into exactly the documents yaml reads, or declines', () => {
    fc.assert(
      fc.property(multiDocumentFile, ({ text, malformed }) => {
        const body = text.replace(/^\ufeff/, '');
        const chunks = splitDocuments(body);
        if (!chunks) return;
        // Contiguous, from the first byte to the last.
        expect(chunks[0]!.start).toBe(0);
        expect(chunks[chunks.length - 1]!.end).toBe(body.length);
        chunks.slice(1).forEach((chunk, index) => expect(chunk.start).toBe(chunks[index]!.end));
        if (malformed) return;
        const docs = parseAllDocuments(body, { schema: 'failsafe' });
        expect(Array.isArray(docs) ? docs.length : 0).toBe(chunks.length);
        chunks.forEach((chunk, index) => {
          const alone = composeYaml(body.slice(chunk.start, chunk.end), chunk.start, () => undefined);
          expect(alone).toHaveLength(1);
          expect(alone[0]!.toJS()).toEqual((docs as unknown[] as { toJS(): unknown }[])[index]!.toJS());
          expect(alone[0]!.contents?.range).toEqual((docs as { contents: { range?: unknown } | null }[])[index]!.contents?.range);
        });
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['no markers', 'a: 1\nb: 2\n', [[0, 10]]],
    ['comments before the first marker join the first document', '# c\n---\na: 1\n---\nb: 2\n', [[0, 13], [13, 22]]],
    ['a bare document after ...', 'a: 1\n...\n# c\nb: 2\n', [[0, 13], [13, 18]]],
    ['... then a marker', 'a: 1\n...\n---\nb: 2\n', [[0, 9], [9, 18]]],
    ['empty documents', '---\n---\n', [[0, 4], [4, 8]]],
    ['a marker with a value on its line', 'a\n--- |\n  x\n', [[0, 2], [2, 12]]],
    ['CRLF', 'a: 1\r\n---\r\nb: 2\r\n', [[0, 6], [6, 17]]],
    ['no final newline', 'a\n---', [[0, 2], [2, 5]]],
    ['----- and ---x are no markers', 'a: 1\n-----\n---x: 1\n', [[0, 19]]],
    ['an indented --- is no marker', 'a: |\n  ---\n', [[0, 11]]],
  ])('splitDocuments: %s', (_name, text, expected) => {
    expect(splitDocuments(text)?.map((c) => [c.start, c.end])).toEqual(expected);
    expect((parseAllDocuments(text) as unknown[]).length).toBe(expected.length);
  });

  it.each([
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['a byte order mark inside the stream', 'a\n...\n\ufeff---\nb\n'],
    ['... ending no document', '...\na: 1\n'],
    ['... twice (yaml reads an empty document between)', 'a\n...\n# c\n...\nb\n'],
    ['text after ...', 'a\n... x\n'],
    ['only comments', '# nothing\n'],
    ['nothing', ''],
  ])('splitDocuments declines %s', (_name, text) => {
    expect(splitDocuments(text)).toBeUndefined();
  });
});

// ---- what is composed --------------------------------------------------------------------------

function deployments(count: number, image: (index: number) => string): string {
  const docs: string[] = [];
  for (let index = 0; index < count; index++) {
    docs.push(`---\n# service ${index}\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc-${index}\nspec:\n  template:\n    spec:\n      containers:\n        - name: main\n          image: ${image(index)}\n`);
  }
  return docs.join('');
}

/** Counts the compose calls and the characters they compose. */
function countingCompose(): { compose: Compose; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    compose: (text, offset, onLineStart) => {
      calls.push(text);
      return composeYaml(text, offset, onLineStart);
    },
  };
}

describe('only documents that can hold a match are composed', () => {
  const file = deployments(1000, (index) => `ghcr.io/acme/svc-${index}:1.0`);
  const docOf = (text: string, index: number): string => text.slice(text.indexOf(`---\n# service ${index}\n`), text.indexOf('---\n', text.indexOf(`---\n# service ${index}\n`) + 1));
  const docText = (index: number): string => docOf(file, index);
  const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;

  it('one edit in a 1,000-document file composes that one document', () => {
    const { compose, calls } = countingCompose();
    const result = editManifest(file, 'big.yaml', { mode: 'image', image: { name: 'ghcr.io/acme/svc-500', tag: '2.0' } }, { compose });
    expect(calls).toEqual([docText(500)]);
    expect(result.changes).toEqual([
      { file: 'big.yaml', document: 500, path: 'spec.template.spec.containers[0].image', line: lineOf(file, 'svc-500:1.0'), previous: 'ghcr.io/acme/svc-500:1.0', value: 'ghcr.io/acme/svc-500:2.0' },
    ]);
    expect(result.output).toBe(file.replace('svc-500:1.0', 'svc-500:2.0'));
    // The names in the other 999 documents are found only when asked for.
    expect(calls).toHaveLength(1);
    expect(result.imagesSeen().size).toBe(1000);
    expect(calls).toHaveLength(2);
  });

  it('a Helm map is found by the last component of the name, its repository', () => {
    const helm = `${deployments(50, (index) => `ghcr.io/acme/svc-${index}:1.0`)}---\nimage:\n  registry: ghcr.io\n  repository: acme/web\n  tag: "1"\n`;
    const { compose, calls } = countingCompose();
    const result = editManifest(helm, 'v.yaml', { mode: 'image', image: { name: 'ghcr.io/acme/web', tag: '2' } }, { compose });
    expect(calls).toHaveLength(1);
    expect(result.changes.map((c) => [c.document, c.path, c.value])).toEqual([[50, 'image.tag', '2']]);
  });

  it('a document with a backslash is composed: an escape may spell the name', () => {
    const escaped = `${deployments(20, () => 'ghcr.io/acme/other:1.0')}---\nimage: "ghcr.io/acme/\\x77eb:1.0"\n`;
    const { compose, calls } = countingCompose();
    const result = editManifest(escaped, 'e.yaml', { mode: 'image', image: { name: 'ghcr.io/acme/web', tag: '2.0' } }, { compose });
    expect(calls).toHaveLength(1);
    expect(result.changes.map((c) => [c.document, c.previous, c.value])).toEqual([[20, 'ghcr.io/acme/web:1.0', 'ghcr.io/acme/web:2.0']]);
  });

  it('key mode composes the documents holding the last key', () => {
    const keyed = `${deployments(30, () => 'x:1')}---\nimage:\n  tag: "1"\n`;
    const { compose, calls } = countingCompose();
    const result = editManifest(keyed, 'k.yaml', { mode: 'key', path: ['image', 'tag'], value: '2' }, { compose });
    expect(calls).toHaveLength(1);
    expect(result.changes.map((c) => [c.document, c.line])).toEqual([[30, lineOf(keyed, '  tag: "1"')]]);
  });

  it('an edit in every document composes each document once, and each byte once', () => {
    const every = deployments(1000, () => 'ghcr.io/acme/app:1.0');
    const { compose, calls } = countingCompose();
    const edited = editManifest(every, 'every.yaml', { mode: 'image', image: { name: TARGET, tag: '2.0' } }, { compose });
    expect(edited.changes).toHaveLength(1000);
    expect(calls).toHaveLength(1000);
    expect(calls.join('')).toBe(every);
  });

  it('a file where every document was composed and none matched is not parsed again', () => {
    // Every document holds `svc`, none holds `ghcr.io/acme/svc` itself.
    const { compose, calls } = countingCompose();
    const result = editManifest(file, 'big.yaml', { mode: 'image', image: { name: 'ghcr.io/acme/svc', tag: '2.0' } }, { compose });
    expect(result.matched).toBe(0);
    expect(calls).toHaveLength(1000);
    expect(result.imagesSeen().size).toBe(1000);
    expect(calls).toHaveLength(1000);
  });

  it('a file where nothing matches is checked document by document, and parsed whole only to report an error', () => {
    const { compose, calls } = countingCompose();
    const none = editManifest(file, 'big.yaml', { mode: 'image', image: { name: 'ghcr.io/acme/web', tag: '2' } }, { compose });
    expect(none.matched).toBe(0);
    expect(calls).toHaveLength(1000);
    expect(calls.join('')).toBe(file);

    const template = '---\nmetadata:\n  name: x\n{{- include "labels" . }}\n';
    const bad = `${deployments(3, () => 'ghcr.io/acme/other:1')}${template}`;
    const counted = countingCompose();
    const web: EditRequest = { mode: 'image', image: { name: 'ghcr.io/acme/web', tag: '2' } };
    expect(() => editManifest(bad, 'bad.yaml', web, { compose: counted.compose })).toThrow(ManifestParseError);
    expect(counted.calls).toEqual([docOf(bad, 0), docOf(bad, 1), docOf(bad, 2), template, bad]);
    expect(() => editManifest(bad, 'bad.yaml', web)).toThrow(/^bad\.yaml:40:1: malformed YAML: /);
    // With a match elsewhere, the template is not read and stays byte for byte.
    const result = editManifest(bad, 'bad.yaml', { mode: 'image', image: { name: 'ghcr.io/acme/other', tag: '2' } });
    expect(result.changes).toHaveLength(3);
    expect(result.output).toBe(`${deployments(3, () => 'ghcr.io/acme/other:2')}${template}`);
  });

  it('a malformed document that is composed fails with the whole file’s line and column', () => {
    const bad = `${deployments(4, () => 'ghcr.io/acme/app:1')}---\nimage: "ghcr.io/acme/app:1\nspec: {}\n`;
    const request: EditRequest = { mode: 'image', image: { name: TARGET, tag: '2' } };
    const chunked = attempt(bad, request);
    const whole = attempt(bad, request, { wholeFile: true });
    expect(chunked.ok || whole.ok).toBe(false);
    if (chunked.ok || whole.ok) return;
    expect(chunked.error).toBeInstanceOf(ManifestParseError);
    expect(chunked.error.message).toBe(whole.error.message);
    expect(chunked.error.message).toMatch(/^f\.yaml:5\d:\d+: malformed YAML: /);
  });
});

// ---- linear output -----------------------------------------------------------------------------

describe('the output is built in one pass', () => {
  /** Counts what the splice applier copies from the source. */
  function countingCopy(): { copy: CopySource; copied: { calls: number; chars: number } } {
    const copied = { calls: 0, chars: 0 };
    return {
      copied,
      copy: (source, from, to) => {
        copied.calls++;
        copied.chars += to - from;
        return source.slice(from, to);
      },
    };
  }

  it('copies each unchanged byte once, however many splices (re-slicing per splice copies the file each time)', () => {
    const source = deployments(1000, () => 'ghcr.io/acme/app:1.0');
    const result = editManifest(source, 'every.yaml', { mode: 'image', image: { name: TARGET, tag: '2.0' } });
    const splices = [...source.matchAll(/app:1\.0/g)].map((match) => ({ start: match.index + 4, end: match.index + 7, text: '2.0' }));
    expect(splices).toHaveLength(1000);
    // Planned in any order, applied by position.
    const shuffled = [...splices.filter((_s, i) => i % 2 === 1), ...splices.filter((_s, i) => i % 2 === 0)];
    const { copy, copied } = countingCopy();
    const output = applySplices(source, shuffled, 'every.yaml', copy);
    expect(output).toBe(result.output);
    expect(copied.calls).toBe(splices.length + 1);
    expect(copied.chars).toBe(source.length - 3 * splices.length);
  });

  it('keeps two inserts at one offset in planned order and refuses overlapping splices', () => {
    expect(applySplices('ab', [{ start: 1, end: 1, text: 'X' }, { start: 1, end: 1, text: 'Y' }, { start: 1, end: 2, text: 'Z' }], 'f')).toBe('aXYZ');
    expect(() => applySplices('abcd', [{ start: 0, end: 3, text: '' }, { start: 2, end: 4, text: '' }], 'f')).toThrow(/overlapping edits in f/);
    const same = 'unchanged';
    expect(applySplices(same, [], 'f')).toBe(same);
  });
});
