/**
 * Property tests for the byte-exact editor. Random YAML files are built here as text (never through
 * a serialiser, so nothing is normalised): nested block and flow maps/sequences, plain, single- and
 * double-quoted, block and multi-line plain scalars, empty values, anchors and aliases, comments,
 * blank lines, several documents with `---` / `...`, BOM, CRLF, with or without a final newline.
 * While writing, the generator records the byte range and value of every scalar, so each property
 * checks the editor against an oracle that does not come from the editor's own parse.
 */
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ManifestEditError } from '../../packages/core/src/manifest/errors';
import { formatImageReference, parseImageReference } from '../../packages/core/src/manifest/image-reference';
import { editManifest } from '../../packages/core/src/manifest/manifest-editor';
import { formatPath, type PathSegment } from '../../packages/core/src/manifest/parsed-manifest';
import { expectSameDataExcept, parseData, replacedRanges, valueAt, type DataEdit, type Schema } from '../support/yaml-equivalence';

const RUNS = 250;
const IMAGE_RUNS = 200;
const SCHEMAS: Schema[] = ['failsafe', 'core', 'yaml-1.1'];

// ---- the random file model ---------------------------------------------------------------------

type BodyStyle = 'plain' | 'single' | 'double' | 'empty' | 'literal' | 'literal-strip' | 'folded' | 'multiline';

interface ScalarSpec {
  kind: 'scalar';
  style: BodyStyle;
  value: string;
  anchor: boolean;
  /** Written as an alias to an earlier anchor of the document (when there is one). */
  alias: number | null;
  comment: string | null;
}
interface Entry<T> {
  item: T;
  blank: boolean;
  comment: string | null;
}
interface KeySpec {
  text: string;
  style: 'plain' | 'single' | 'double';
}
interface MapSpec {
  kind: 'map';
  flow: boolean;
  entries: Entry<{ key: KeySpec; value: NodeSpec }>[];
}
interface SeqSpec {
  kind: 'seq';
  flow: boolean;
  items: Entry<NodeSpec>[];
}
type NodeSpec = ScalarSpec | MapSpec | SeqSpec;

interface DocSpec {
  root: MapSpec | SeqSpec;
  rootFlow: boolean;
  indent: number;
  compactSeq: boolean;
  leadingComment: string | null;
  end: boolean;
}
interface FileSpec {
  docs: DocSpec[];
  bom: boolean;
  crlf: boolean;
  finalNewline: boolean;
  startMarker: boolean;
}

const word = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,8}$/);
const shortWord = fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/);
/** Plain keys that every schema reads as that same string (not `true`, `on`, nor `e0`, a float to yaml's 1.1 schema), so paths stay comparable. */
const stringKeyEverywhere = (key: string): boolean =>
  (['1.1', '1.2'] as const).every((version) => {
    const data: unknown = parseAllDocuments(`${key}: x`, { version })[0]?.toJS();
    return data !== null && typeof data === 'object' && Object.keys(data).join() === key && (data as Record<string, unknown>)[key] === 'x';
  });
const plainKey = fc.stringMatching(/^[a-z][a-zA-Z0-9_-]{0,6}$/).filter(stringKeyEverywhere);
const keySpec: fc.Arbitrary<KeySpec> = fc.oneof(
  { weight: 5, arbitrary: plainKey.map((text): KeySpec => ({ text, style: 'plain' })) },
  {
    weight: 1,
    arbitrary: fc.record({
      text: fc.constantFrom('with space', 'x.y', 'a:b', '#k', '[k]', "it's", '', 'ü', 'key', 'example.com/tag', 'a]b'),
      style: fc.constantFrom<'single' | 'double'>('single', 'double'),
    }),
  },
);
const printable = fc.constantFrom(...'abcXYZ019 .:-_/#,[]{}\'"\\!&*?|>%@`~=éü'.split(''));
const anyText = fc.string({ unit: printable, maxLength: 10 });
const plainValue = fc.oneof(
  word,
  fc.constantFrom('1.10', 'true', 'yes', 'null', '~', '0x1F', '1e3', '3', '-1', 'on', 'v1.2.3', 'ghcr.io/acme/app:1.2', 'a b c', 'x:y', 'a#b', 'é'),
);
const comment = fc.option(fc.stringMatching(/^[ -~]{0,12}$/), { freq: 3 });
const body = fc.oneof(
  { weight: 6, arbitrary: fc.record({ style: fc.constant<BodyStyle>('plain'), value: plainValue }) },
  { weight: 3, arbitrary: fc.record({ style: fc.constantFrom<BodyStyle>('single', 'double'), value: anyText }) },
  { weight: 1, arbitrary: fc.record({ style: fc.constant<BodyStyle>('empty'), value: fc.constant('') }) },
  {
    weight: 1,
    arbitrary: fc.record({
      style: fc.constantFrom<BodyStyle>('literal', 'literal-strip', 'folded'),
      value: fc.stringMatching(/^[a-z#][a-z0-9 #:]{0,10}[a-z0-9]$/),
    }),
  },
  { weight: 1, arbitrary: fc.record({ style: fc.constant<BodyStyle>('multiline'), value: fc.tuple(shortWord, shortWord).map(([a, b]) => `${a} ${b}`) }) },
);
const scalarSpec: fc.Arbitrary<ScalarSpec> = fc
  .record({
    body,
    anchor: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    alias: fc.option(fc.nat({ max: 20 }), { freq: 6 }),
    comment,
  })
  .map(({ body: { style, value }, anchor, alias, comment: note }) => ({ kind: 'scalar', style, value, anchor, alias, comment: note }));

const entryMeta = { blank: fc.integer({ min: 0, max: 5 }).map((n) => n === 0), comment: fc.option(fc.stringMatching(/^[ -~]{0,12}$/), { freq: 5 }) };
const isFlow = fc.integer({ min: 0, max: 3 }).map((n) => n === 0);

const { map: mapSpec, seq: seqSpec } = fc.letrec<{ node: NodeSpec; map: MapSpec; seq: SeqSpec }>((tie) => ({
  node: fc.oneof({ maxDepth: 4, depthIdentifier: 'yaml-node' }, scalarSpec, tie('map'), tie('seq')),
  map: fc.record({
    kind: fc.constant('map' as const),
    flow: isFlow,
    entries: fc.uniqueArray(fc.record({ item: fc.record({ key: keySpec, value: tie('node') }), ...entryMeta }), {
      minLength: 1,
      maxLength: 4,
      selector: (entry) => entry.item.key.text,
    }),
  }),
  seq: fc.record({
    kind: fc.constant('seq' as const),
    flow: isFlow,
    items: fc.array(fc.record({ item: tie('node'), ...entryMeta }), { minLength: 1, maxLength: 4 }),
  }),
}));

const docSpec: fc.Arbitrary<DocSpec> = fc.record({
  root: fc.oneof({ weight: 4, arbitrary: mapSpec }, { weight: 1, arbitrary: seqSpec }),
  rootFlow: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  indent: fc.constantFrom(2, 4),
  compactSeq: fc.boolean(),
  leadingComment: fc.option(fc.stringMatching(/^[ -~]{0,12}$/), { freq: 4 }),
  end: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
});
const fileSpec: fc.Arbitrary<FileSpec> = fc.record({
  docs: fc.array(docSpec, { minLength: 1, maxLength: 3 }),
  bom: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
  crlf: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
  finalNewline: fc.integer({ min: 0, max: 4 }).map((n) => n !== 0),
  startMarker: fc.boolean(),
});

// ---- rendering the model as text, recording every value scalar ---------------------------------

interface Site {
  doc: number;
  path: PathSegment[];
  /** Byte range of the scalar the editor must rewrite (the anchored scalar, for an alias). */
  start: number;
  end: number;
  /** Scalars sharing an anchor share a group: editing one changes them all. */
  group: string;
  value: string;
  style: BodyStyle;
  /** Written as an alias: a key path ending here would edit the anchor's owner too, so it is refused. */
  aliased?: boolean;
}

interface Rendered {
  text: string;
  sites: Site[];
  /** `doc:path` of every map and sequence. */
  collections: Set<string>;
}

const pathKey = (doc: number, path: readonly PathSegment[]): string => `${doc}:${JSON.stringify(path)}`;

function plainOk(text: string, flow: boolean): boolean {
  if (text === '' || text !== text.trim() || /[\r\n\t]/.test(text)) return false;
  const sources = flow ? [`[${text}]`] : [`k: ${text}`, `k: ${text} # c`, `- ${text}`];
  return sources.every((source) => {
    const docs = parseAllDocuments(source, { schema: 'failsafe' });
    if (!Array.isArray(docs) || docs.length !== 1 || docs[0]!.errors.length > 0 || docs[0]!.warnings.length > 0) return false;
    const data: unknown = docs[0]!.toJS();
    const value = Array.isArray(data) ? (data as unknown[])[0] : (data as Record<string, unknown>).k;
    return value === text && (Array.isArray(data) ? data.length === 1 : Object.keys(data as object).length === 1);
  });
}

const singleQuoted = (text: string): string => `'${text.replace(/'/g, "''")}'`;
const keyText = (key: KeySpec, flow: boolean): string =>
  key.style === 'plain' && plainOk(key.text, flow) ? key.text : key.style === 'single' ? singleQuoted(key.text) : JSON.stringify(key.text);

function render(spec: FileSpec): Rendered {
  const eol = spec.crlf ? '\r\n' : '\n';
  let text = spec.bom ? '\ufeff' : '';
  const sites: Site[] = [];
  const collections = new Set<string>();
  let groupCounter = 0;

  spec.docs.forEach((doc, docIndex) => {
    const anchors: { name: string; start: number; end: number; value: string; group: string; style: BodyStyle }[] = [];
    const write = (part: string): void => {
      text += part;
    };
    const pad = (n: number): string => ' '.repeat(n);
    const note = (c: string | null): void => {
      if (c !== null) write(` # ${c}`);
    };

    /** Writes an inline (flow-capable) scalar and records it; returns nothing. */
    const inlineScalar = (scalar: ScalarSpec, path: PathSegment[], flow: boolean): void => {
      if (scalar.alias !== null && anchors.length > 0) {
        const target = anchors[scalar.alias % anchors.length]!;
        write(`*${target.name}`);
        sites.push({ doc: docIndex, path, start: target.start, end: target.end, group: target.group, value: target.value, style: target.style, aliased: true });
        return;
      }
      let style = scalar.style;
      if (style === 'plain' && !plainOk(scalar.value, flow)) style = 'double';
      if (style !== 'plain' && style !== 'single') style = 'double';
      const anchor = scalar.anchor ? `a${anchors.length}` : null;
      if (anchor) write(`&${anchor} `);
      const start = text.length;
      write(style === 'plain' ? scalar.value : style === 'single' ? singleQuoted(scalar.value) : JSON.stringify(scalar.value));
      const group = `g${groupCounter++}`;
      const site: Site = { doc: docIndex, path, start, end: text.length, group, value: scalar.value, style };
      sites.push(site);
      if (anchor) anchors.push({ name: anchor, start, end: text.length, value: scalar.value, group, style });
    };

    const flowNode = (node: NodeSpec, path: PathSegment[]): void => {
      if (node.kind === 'scalar') {
        inlineScalar(node, path, true);
        return;
      }
      collections.add(pathKey(docIndex, path));
      const spaced = path.length % 2 === 0;
      if (node.kind === 'map') {
        write(spaced ? '{ ' : '{');
        node.entries.forEach(({ item }, index) => {
          if (index > 0) write(', ');
          write(`${keyText(item.key, true)}: `);
          flowNode(item.value, [...path, item.key.text]);
        });
        write(spaced ? ' }' : '}');
      } else {
        write(spaced ? '[ ' : '[');
        node.items.forEach(({ item }, index) => {
          if (index > 0) write(', ');
          flowNode(item, [...path, index]);
        });
        write(spaced ? ' ]' : ']');
      }
    };

    /** After `key:` or `-`: writes the value and the line break(s) that end it. `n`: the parent's column. */
    const blockValue = (node: NodeSpec, n: number, path: PathSegment[], parent: 'map' | 'seq'): void => {
      if (node.kind === 'scalar') {
        const aliased = node.alias !== null && anchors.length > 0;
        if (!aliased && node.style === 'empty') {
          if (node.comment !== null) {
            write(' ');
            sites.push({ doc: docIndex, path, start: text.length, end: text.length, group: `g${groupCounter++}`, value: '', style: 'empty' });
            write(`# ${node.comment}`);
          } else {
            sites.push({ doc: docIndex, path, start: text.length, end: text.length, group: `g${groupCounter++}`, value: '', style: 'empty' });
          }
          write(eol);
          return;
        }
        if (!aliased && (node.style === 'literal' || node.style === 'literal-strip' || node.style === 'folded')) {
          write(' ');
          const start = text.length;
          write(node.style === 'literal' ? '|' : node.style === 'literal-strip' ? '|-' : '>');
          write(`${eol}${pad(n + 2)}${node.value}${eol}`);
          const value = node.style === 'literal-strip' ? node.value : `${node.value}\n`;
          sites.push({ doc: docIndex, path, start, end: text.length, group: `g${groupCounter++}`, value, style: node.style });
          return;
        }
        if (!aliased && node.style === 'multiline') {
          const [first, second] = node.value.split(' ') as [string, string];
          write(' ');
          const start = text.length;
          write(`${first}${eol}${pad(n + 2)}${second}`);
          sites.push({ doc: docIndex, path, start, end: text.length, group: `g${groupCounter++}`, value: node.value, style: 'multiline' });
          write(eol);
          return;
        }
        write(' ');
        inlineScalar(node, path, false);
        note(node.comment);
        write(eol);
        return;
      }
      if (node.flow) {
        write(' ');
        flowNode(node, path);
        write(eol);
        return;
      }
      collections.add(pathKey(docIndex, path));
      if (node.kind === 'map') {
        if (parent === 'seq') {
          write(' ');
          blockMap(node, n + 2, path, true);
        } else {
          write(eol);
          blockMap(node, n + doc.indent, path, false);
        }
      } else {
        write(eol);
        blockSeq(node, parent === 'seq' ? n + 2 : doc.compactSeq ? n : n + doc.indent, path);
      }
    };

    const lead = (entry: { blank: boolean; comment: string | null }, n: number): void => {
      if (entry.blank) write(eol);
      if (entry.comment !== null) write(`${pad(n)}# ${entry.comment}${eol}`);
    };

    const blockMap = (map: MapSpec, n: number, path: PathSegment[], firstInline: boolean): void => {
      map.entries.forEach((entry, index) => {
        if (!(firstInline && index === 0)) {
          lead(entry, n);
          write(pad(n));
        }
        write(`${keyText(entry.item.key, false)}:`);
        blockValue(entry.item.value, n, [...path, entry.item.key.text], 'map');
      });
    };

    const blockSeq = (seq: SeqSpec, n: number, path: PathSegment[]): void => {
      seq.items.forEach((entry, index) => {
        lead(entry, n);
        write(`${pad(n)}-`);
        blockValue(entry.item, n, [...path, index], 'seq');
      });
    };

    if (docIndex > 0) write(`---${doc.leadingComment !== null ? ` # ${doc.leadingComment}` : ''}${eol}`);
    else {
      if (doc.leadingComment !== null) write(`# ${doc.leadingComment}${eol}`);
      if (spec.startMarker) write(`---${eol}`);
    }
    collections.add(pathKey(docIndex, []));
    if (doc.rootFlow) {
      flowNode(doc.root, []);
      write(eol);
    } else if (doc.root.kind === 'map') {
      blockMap(doc.root, 0, [], false);
    } else {
      blockSeq(doc.root, 0, []);
    }
    if (doc.end) write(`...${eol}`);
  });

  if (!spec.finalNewline && text.endsWith(eol)) {
    text = text.slice(0, -eol.length);
    for (const site of sites) {
      site.start = Math.min(site.start, text.length);
      site.end = Math.min(site.end, text.length);
    }
  }
  return { text, sites, collections };
}

/** The generator must produce what it claims: the parser reads every recorded value at its path. */
function checkRendered(rendered: Rendered): void {
  const data = parseData(rendered.text, 'failsafe');
  for (const site of rendered.sites) {
    const actual = valueAt(data[site.doc], site.path);
    // A block scalar cut short by a missing final newline still reads with its clipped line break.
    if (actual !== site.value) throw new Error(`generator bug at ${formatPath(site.path)}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(site.value)}\n${rendered.text}`);
  }
}

const lineAt = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

const newValue = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,12}$/) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      ...['1.10', '1.0', '5', '-2', 'true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', 'null', 'Null', '~', '0x1F', '0o17', '017', '1e3'],
      ...['.5', '.inf', '.nan', '1:20', '2024-01-02', '', ' ', 'a b', 'a: b', 'a:b', 'a #b', 'a#b', '#x', '-', '- a', '? a', '?a', ':a'],
      ...['[a]', '{a}', 'a,b', 'a]', '*a', '&a', '!a', '!!str', '%a', '@a', '`a`', '|', '>', "'", '"', "'a'", '"a"', '\\', '---', '...'],
      ...['<<', '=', 'ü', 'tab\tx', 'nl\nx', 'cr\rx', 'x\u0085y', 'x\u2028y', '\u007f', '\u0080', 'a\u0099', '\uffff', 'x ', ' x', 'v1.2.3+build.7', 'a'.repeat(100)],
    ),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);

/** In core/1.1 the new value reads back as the string, or, when the field was a number or boolean, as the same type. */
function expectTargetValue(actual: unknown, before: unknown, value: string, written: string): void {
  if (actual === value) return;
  expect(written).toBe(value); // only a plain write can read as a non-string
  expect(['number', 'boolean']).toContain(typeof actual);
  expect(typeof actual).toBe(typeof before);
}

describe('editManifest properties', () => {
  it('generator sanity: every recorded scalar reads back at its path', () => {
    fc.assert(
      fc.property(fileSpec, (spec) => {
        checkRendered(render(spec));
      }),
      { numRuns: 100 },
    );
  });

  it('key mode: only the target scalar bytes change and the data is otherwise identical', () => {
    let edits = 0;
    fc.assert(
      fc.property(fileSpec, fc.nat(), newValue, (spec, pick, value) => {
        const rendered = render(spec);
        const { text, sites } = rendered;
        const target = sites[pick % sites.length]!;
        const path = target.path;

        // Key mode edits the path in every document where it exists; a collection there is an error.
        const perDoc = spec.docs.map((_doc, doc) => sites.find((site) => site.doc === doc && pathKey(doc, site.path) === pathKey(doc, path)));
        const blocked = spec.docs.some((_doc, doc) => !perDoc[doc] && rendered.collections.has(pathKey(doc, path)));
        if (blocked || perDoc.some((site) => site?.aliased === true)) {
          expect(() => editManifest(text, 'p.yaml', { mode: 'key', path, value })).toThrow(ManifestEditError);
          return;
        }
        const edited = perDoc.filter((site): site is Site => site !== undefined);
        const changed = edited.filter((site) => site.value !== value);
        const result = editManifest(text, 'p.yaml', { mode: 'key', path, value });

        expect(result.matched).toBe(edited.length);
        expect(result.changes.map((c) => [c.document, c.path, c.line, c.previous, c.value])).toEqual(
          changed.map((site) => [site.doc, formatPath(path), lineAt(text, site.start), site.value, value]),
        );
        if (changed.length === 0) {
          expect(result.output).toBe(text);
          return;
        }
        edits += changed.length;

        // (a) Outside the target scalars' ranges, every byte is kept.
        const written = replacedRanges(text, result.output, changed.map((site) => [site.start, site.end] as const));
        changed.forEach((site, index) => {
          const replacement = written[index]!;
          if (site.style === 'double' || site.style.startsWith('literal') || site.style === 'folded') expect(replacement.trimEnd()).toMatch(/^"/);
          if (site.style === 'single') expect(replacement.startsWith("'") || replacement.startsWith('"')).toBe(true);
          if (site.style === 'plain' || site.style === 'multiline') expect(replacement === value || replacement.startsWith('"')).toBe(true);
          if (site.style === 'empty') expect(replacement.trim() === value || replacement.trim().startsWith('"')).toBe(true);
          // Only characters YAML allows in a stream (1.2 §5.1 c-printable); the rest must be escaped.
          expect(replacement).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/);
          // A new value is written on one line; a block scalar's own trailing line breaks stay after it.
          expect(replacement.replace(/(?:\r?\n[ \t]*)+$/, '')).not.toMatch(/[\r\n]/);
        });

        // (b) It re-parses to the same data except the target (and the aliases sharing its anchor).
        const groups = new Set(changed.map((site) => site.group));
        const affected = sites.filter((site) => groups.has(site.group));
        const dataEdits: DataEdit[] = affected.map((site) => ({ document: site.doc, path: site.path }));
        for (const schema of SCHEMAS) {
          const { before, after } = expectSameDataExcept(text, result.output, dataEdits, schema);
          for (const site of affected) {
            const actual = valueAt(after[site.doc], site.path);
            if (schema === 'failsafe') expect(actual).toBe(value);
            else expectTargetValue(actual, valueAt(before[site.doc], site.path), value, written[changed.findIndex((c) => c.group === site.group)]!.trim());
          }
        }

        // Idempotent.
        const again = editManifest(result.output, 'p.yaml', { mode: 'key', path, value });
        expect(again.output).toBe(result.output);
        expect(again.changes).toEqual([]);
      }),
      { numRuns: RUNS },
    );
    console.log(`key-mode property: ${RUNS} files, ${edits} scalar edits checked`);
  });
});

// ---- image mode --------------------------------------------------------------------------------

const IMAGE_NAMES = ['reg.io/acme/app', 'reg.io/acme/app-worker', 'reg.io/acme/app/sidecar', 'localhost:5000/app', 'app', 'acme/app'] as const;
const SHA = (c: string): string => `sha256:${c.repeat(64)}`;
const tagArb = fc.oneof(fc.constantFrom('1.10', '1.0', 'true', '1e3', '0x1F', 'null', 'latest', 'v2.3.4-rc.1', '2024.01.02', '_x'), fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,15}$/));
const digestArb = fc.constantFrom(SHA('a'), SHA('b'), SHA('c'));
const refArb = fc.record({ name: fc.constantFrom(...IMAGE_NAMES), tag: fc.option(tagArb, { freq: 3 }), digest: fc.option(digestArb, { freq: 4 }) });
const quoteArb = fc.constantFrom<'plain' | 'single' | 'double'>('plain', 'plain', 'single', 'double');

interface RefSpec {
  name: string;
  tag: string | null;
  digest: string | null;
}

type ImageDoc =
  | { kind: 'workload'; workload: number; lists: { list: number; flow: boolean; refs: { ref: RefSpec; quote: 'plain' | 'single' | 'double'; note: boolean }[] }[] }
  | { kind: 'kustomize'; flow: boolean; entries: { name: string; newName: string | null; newTag: string | null; digest: string | null; quote: 'plain' | 'single' | 'double' }[] }
  | { kind: 'helm'; flow: boolean; registry: boolean; name: string; tag: string | null; digest: string | null; quote: 'plain' | 'single' | 'double' }
  | { kind: 'argo'; flow: boolean; refs: { original: string | null; name: string; tag: string | null }[] };

const WORKLOADS: [kind: string, podSpec: string[]][] = [
  ['Deployment', ['spec', 'template', 'spec']],
  ['StatefulSet', ['spec', 'template', 'spec']],
  ['DaemonSet', ['spec', 'template', 'spec']],
  ['ReplicaSet', ['spec', 'template', 'spec']],
  ['Job', ['spec', 'template', 'spec']],
  ['CronJob', ['spec', 'jobTemplate', 'spec', 'template', 'spec']],
  ['Pod', ['spec']],
  ['Rollout', ['spec', 'template', 'spec']],
];
const LISTS = ['containers', 'initContainers', 'ephemeralContainers'];

const imageDocArb: fc.Arbitrary<ImageDoc> = fc.oneof(
  fc.record({
    kind: fc.constant('workload' as const),
    workload: fc.nat({ max: WORKLOADS.length - 1 }),
    lists: fc.uniqueArray(
      fc.record({ list: fc.nat({ max: 2 }), flow: isFlow, refs: fc.array(fc.record({ ref: refArb, quote: quoteArb, note: fc.boolean() }), { minLength: 1, maxLength: 3 }) }),
      { minLength: 1, maxLength: 3, selector: (list) => list.list },
    ),
  }),
  fc.record({
    kind: fc.constant('kustomize' as const),
    flow: isFlow,
    entries: fc.array(
      fc.record({
        name: fc.constantFrom(...IMAGE_NAMES, 'placeholder'),
        newName: fc.option(fc.constantFrom(...IMAGE_NAMES), { freq: 3 }),
        newTag: fc.option(tagArb, { freq: 4 }),
        digest: fc.option(digestArb, { freq: 3 }),
        quote: quoteArb,
      }),
      { minLength: 1, maxLength: 3 },
    ),
  }),
  fc.record({
    kind: fc.constant('helm' as const),
    flow: isFlow,
    registry: fc.boolean(),
    name: fc.constantFrom(...IMAGE_NAMES),
    tag: fc.option(tagArb, { freq: 4 }),
    digest: fc.option(fc.oneof(digestArb, fc.constant('')), { freq: 2 }),
    quote: quoteArb,
  }),
  fc.record({
    kind: fc.constant('argo' as const),
    flow: isFlow,
    refs: fc.array(fc.record({ original: fc.option(fc.constantFrom('old', 'app'), { freq: 2 }), name: fc.constantFrom(...IMAGE_NAMES), tag: fc.option(tagArb, { freq: 4 }) }), {
      minLength: 1,
      maxLength: 3,
    }),
  }),
);

/** The expected data after the edit, computed from the contract (not from the editor). */
interface Rendering {
  text: string;
  expected: unknown[];
  /** Byte ranges the editor may rewrite (matched scalars, the insertion points and removed lines). */
  ranges: [number, number][];
}

function quoteAs(quote: 'plain' | 'single' | 'double', value: string, flow: boolean): string {
  if (quote === 'plain' && plainOk(value, flow)) return value;
  return quote === 'single' ? singleQuoted(value) : JSON.stringify(value);
}

function renderImages(docs: ImageDoc[], crlf: boolean, finalNewline: boolean, target: { name: string; tag?: string; digest?: string }): Rendering {
  const eol = crlf ? '\r\n' : '\n';
  let text = '';
  const expected: unknown[] = [];
  const ranges: [number, number][] = [];
  const write = (part: string): number => {
    const start = text.length;
    text += part;
    return start;
  };
  const newRef = (ref: { name: string; tag?: string | null; digest?: string | null }): string =>
    formatImageReference({ name: ref.name, ...(target.tag !== undefined ? { tag: target.tag } : {}), ...(target.digest !== undefined ? { digest: target.digest } : {}) });
  /** Writes `value` in `quote` style, recording its range when it will change. */
  const scalar = (value: string, quote: 'plain' | 'single' | 'double', flow: boolean, changes: boolean): void => {
    const start = write(quoteAs(quote, value, flow));
    if (changes) ranges.push([start, text.length]);
  };

  docs.forEach((doc, index) => {
    if (index > 0) write(`---${eol}`);
    if (doc.kind === 'workload') {
      const [kind, podPath] = WORKLOADS[doc.workload]!;
      write(`kind: ${kind}${eol}# ${kind} with ${doc.lists.length} list(s)${eol}`);
      const data: Record<string, unknown> = { kind };
      const pod: Record<string, unknown> = {};
      let indent = 0;
      let holder = data;
      podPath.forEach((key, depth) => {
        write(`${' '.repeat(indent)}${key}:${eol}`);
        const next: Record<string, unknown> = depth === podPath.length - 1 ? pod : {};
        holder[key] = next;
        holder = next;
        indent += 2;
      });
      for (const list of doc.lists) {
        const listName = LISTS[list.list]!;
        const items: unknown[] = [];
        pod[listName] = items;
        if (list.flow) write(`${' '.repeat(indent)}${listName}: [`);
        else write(`${' '.repeat(indent)}${listName}:${eol}`);
        list.refs.forEach(({ ref, quote, note }, i) => {
          const original = formatImageReference({ name: ref.name, ...(ref.tag !== null ? { tag: ref.tag } : {}), ...(ref.digest !== null ? { digest: ref.digest } : {}) });
          const matches = parseImageReference(original).name === target.name;
          const value = matches ? newRef(ref) : original;
          items.push({ name: `c${i}`, image: value });
          if (list.flow) {
            write(`${i > 0 ? ', ' : ''}{name: c${i}, image: `);
            scalar(original, quote, true, matches && value !== original);
            write('}');
          } else {
            write(`${' '.repeat(indent)}- name: c${i}${eol}${' '.repeat(indent + 2)}image: `);
            scalar(original, quote, false, matches && value !== original);
            write(`${note ? ' # pinned' : ''}${eol}`);
          }
        });
        if (list.flow) write(`]${eol}`);
      }
      expected.push(data);
    } else if (doc.kind === 'kustomize') {
      write(`kind: Kustomization${eol}images:${doc.flow ? ' [' : eol}`);
      const entries: unknown[] = [];
      doc.entries.forEach((entry, i) => {
        const matches = entry.name === target.name || entry.newName === target.name;
        const data: Record<string, string> = { name: entry.name };
        if (entry.newName !== null) data.newName = entry.newName;
        if (entry.newTag !== null) data.newTag = entry.newTag;
        if (entry.digest !== null) data.digest = entry.digest;
        const pairs: [string, string][] = Object.entries(data);
        const after: Record<string, string> = { ...data };
        if (matches && target.tag !== undefined) after.newTag = target.tag;
        if (matches && target.digest !== undefined) after.digest = target.digest;
        else if (matches) delete after.digest;
        entries.push(after);
        if (doc.flow) {
          write(`${i > 0 ? ', ' : ''}{`);
          pairs.forEach(([k, v], j) => {
            if (k === 'digest' && matches && target.digest === undefined) {
              // removed with its separating comma: `, digest: …`
              ranges.push([text.length, text.length + (j > 0 ? 2 : 0) + `digest: ${quoteAs(entry.quote, v, true)}`.length]);
            }
            write(`${j > 0 ? ', ' : ''}${k}: `);
            scalar(v, entry.quote, true, matches && ((k === 'newTag' && target.tag !== undefined && v !== target.tag) || (k === 'digest' && target.digest !== undefined && v !== target.digest)));
          });
          if (matches && ((target.tag !== undefined && entry.newTag === null) || (target.digest !== undefined && entry.digest === null))) ranges.push([text.length, text.length]);
          write('}');
        } else {
          pairs.forEach(([k, v], j) => {
            const lineStart = text.length;
            write(`${j === 0 ? '- ' : '  '}${k}: `);
            scalar(v, entry.quote, false, matches && ((k === 'newTag' && target.tag !== undefined && v !== target.tag) || (k === 'digest' && target.digest !== undefined && v !== target.digest)));
            write(eol);
            if (k === 'digest' && matches && target.digest === undefined) ranges.push([lineStart, text.length]);
          });
          if (matches && ((target.tag !== undefined && entry.newTag === null) || (target.digest !== undefined && entry.digest === null))) ranges.push([text.length, text.length]);
        }
      });
      if (doc.flow) write(`]${eol}`);
      expected.push({ kind: 'Kustomization', images: entries });
    } else if (doc.kind === 'helm') {
      const slash = doc.name.indexOf('/');
      const split = doc.registry && slash > 0;
      const data: Record<string, string> = split ? { registry: doc.name.slice(0, slash), repository: doc.name.slice(slash + 1) } : { repository: doc.name };
      if (doc.tag !== null) data.tag = doc.tag;
      if (doc.digest !== null) data.digest = doc.digest;
      const matches = doc.name === target.name || data.repository === target.name;
      const after: Record<string, string> = { ...data };
      if (matches && target.tag !== undefined) after.tag = target.tag;
      if (matches && target.digest !== undefined) after.digest = target.digest;
      else if (matches && after.digest !== undefined && after.digest !== '') after.digest = '';
      write(`# values${eol}app:${eol}  image:${doc.flow ? ' {' : eol}`);
      Object.entries(data).forEach(([k, v], j) => {
        const changes =
          matches && ((k === 'tag' && target.tag !== undefined && v !== target.tag) || (k === 'digest' && (target.digest !== undefined ? v !== target.digest : v !== '')));
        write(doc.flow ? `${j > 0 ? ', ' : ''}${k}: ` : `    ${k}: `);
        scalar(v, doc.quote, doc.flow, changes);
        if (!doc.flow) write(eol);
      });
      if (matches && ((target.tag !== undefined && doc.tag === null) || (target.digest !== undefined && doc.digest === null))) ranges.push([text.length, text.length]);
      write(doc.flow ? `}${eol}` : `  pullPolicy: IfNotPresent${eol}`);
      expected.push({ app: doc.flow ? { image: after } : { image: after, pullPolicy: 'IfNotPresent' } });
    } else {
      write(`kind: Application${eol}spec:${eol}  source:${eol}    kustomize:${eol}      images:${doc.flow ? ' [' : eol}`);
      const images: string[] = [];
      doc.refs.forEach((ref, i) => {
        const body = formatImageReference({ name: ref.name, ...(ref.tag !== null ? { tag: ref.tag } : {}) });
        const original = ref.original !== null ? `${ref.original}=${body}` : body;
        const matches = ref.name === target.name || ref.original === target.name;
        const value = matches ? `${ref.original !== null ? `${ref.original}=` : ''}${newRef(ref)}` : original;
        images.push(value);
        write(doc.flow ? (i > 0 ? ', ' : '') : '      - ');
        scalar(original, 'plain', doc.flow, value !== original);
        if (!doc.flow) write(eol);
      });
      if (doc.flow) write(`]${eol}`);
      expected.push({ kind: 'Application', spec: { source: { kustomize: { images } } } });
    }
  });
  if (!finalNewline) {
    text = text.slice(0, -eol.length);
    for (const range of ranges) {
      // A removed last line takes the line break before it instead.
      if (range[1] > text.length) {
        range[1] = text.length;
        if (range[0] > 0 && range[0] < range[1]) range[0] -= eol.length;
      }
      range[0] = Math.min(range[0], text.length);
    }
  }
  return { text, expected, ranges };
}

describe('editManifest image-mode properties', () => {
  it('finds exactly the references named, sets tag/digest per the contract, and keeps every other byte', () => {
    let changes = 0;
    const targetArb = fc.record(
      { name: fc.constantFrom(...IMAGE_NAMES), tag: tagArb, digest: digestArb },
      { requiredKeys: ['name'] },
    ).filter((target) => target.tag !== undefined || target.digest !== undefined);
    fc.assert(
      fc.property(fc.array(imageDocArb, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.boolean(), targetArb, (docs, crlf, finalNewline, target) => {
        const rendering = renderImages(docs, crlf, finalNewline, target);
        const result = editManifest(rendering.text, 'i.yaml', { mode: 'image', image: target });
        expect(parseData(result.output, 'failsafe')).toEqual(rendering.expected);
        replacedRanges(rendering.text, result.output, rendering.ranges);
        for (const schema of ['core', 'yaml-1.1'] as const) {
          const before = parseData(rendering.text, schema);
          const after = parseData(result.output, schema);
          expect(after.length).toBe(before.length);
        }
        // Every tag written in a tag field reads back as a string in every schema (1.10, true, 1e3, null...).
        const edits: DataEdit[] = result.changes.map((c) => ({ document: c.document, path: c.path.split(/\.|\[(\d+)\]/).filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s)) }));
        for (const schema of ['core', 'yaml-1.1'] as const) {
          const { after } = expectSameDataExcept(rendering.text, result.output, edits, schema);
          for (const change of result.changes) {
            const edit = edits[result.changes.indexOf(change)]!;
            const actual = valueAt(after[change.document], edit.path);
            expect(actual).toBe(change.value === null ? undefined : change.value);
          }
        }
        changes += result.changes.length;
        const again = editManifest(result.output, 'i.yaml', { mode: 'image', image: target });
        expect(again.output).toBe(result.output);
        expect(again.changes).toEqual([]);
      }),
      { numRuns: IMAGE_RUNS },
    );
    console.log(`image-mode property: ${IMAGE_RUNS} files, ${changes} changes checked`);
  });
});
