import type { CorpusCases, FileCase } from './corpus-cases';
import type { FidelityResult } from './fidelity';
import { code, mark, ms, percent, ratio, table } from './markdown';
import type { InProcessResults } from './measure-in-process';
import type { YqResults } from './measure-yq';
import { median, sum } from './stats';

export const TARGET_FIDELITY = 1;
export const TARGET_EDITOR_OVER_PARSE = 1.5;

interface Row {
  label: string;
  fidelity: readonly FidelityResult[] | null;
  times: readonly number[];
  /** Parse times of the same files, for the ratios. */
  parse: readonly number[];
}

function passed(results: readonly FidelityResult[]): number {
  return results.filter((r) => r.ok).length;
}

/** Median of the per-file ratios: every file counts once, however big. */
function medianRatio(times: readonly number[], parse: readonly number[]): number {
  return median(times.map((t, i) => t / (parse[i] ?? Number.NaN)));
}

function speedRow(row: Row): string[] {
  const ok = row.fidelity ? passed(row.fidelity) : null;
  return [
    row.label,
    ok === null || !row.fidelity ? '—' : `${ok}/${row.fidelity.length}`,
    ok === null || !row.fidelity ? '—' : percent(ok, row.fidelity.length),
    ms(median(row.times)),
    ms(sum(row.times)),
    ratio(sum(row.times) / sum(row.parse)),
    ratio(medianRatio(row.times, row.parse)),
  ];
}

export function renderCorpus(cases: CorpusCases, parseableCount: number, inProcess: InProcessResults, yq: YqResults, rounds: number): string {
  const out: string[] = [];
  const all = cases.cases;
  const editorFidelity = all.map((c) => c.editor);
  out.push('## 1. Fidelity and speed on the corpus', '');
  out.push(
    `${parseableCount} parseable files; ${all.length} with an edit (first key path, else first image, new tag ${code('9.9.9-bench')}); ` +
      `left out: ${cases.noEdit.length} with no image or key path in the index, ${cases.nothingToEdit.length} whose image sits in no field the editor edits (listed below).`,
    `Edge cases among them: ${all.filter((c) => c.file.entry.lineEndings !== 'lf').length} CRLF, ` +
      `${all.filter((c) => !c.file.entry.endsWithNewline).length} without a final newline, ` +
      `${all.filter((c) => c.file.entry.documents > 1).length} multi-document, ` +
      `${all.filter((c) => c.plan.some((p) => p.kind !== 'replace')).length} where the edit adds a line (\`newTag:\`/\`tag:\` missing).`,
    `In-process times: per file the median of ${rounds} interleaved rounds after warm-up; "total" is the sum of those medians (one pass over the corpus).`,
    'Fidelity: split on "\\n"; every input line the edit does not name must be unchanged at the same position, equal line count, and each named line must hold the new value. ' +
      'All methods apply the same edit (the editor\'s reported changes).',
    '',
  );
  const rows: Row[] = [
    { label: '`parseAllDocuments` only (baseline, `yaml` defaults)', fidelity: null, times: inProcess.parse, parse: inProcess.parse },
    { label: '(a) this editor, `editManifest`', fidelity: editorFidelity, times: inProcess.editor, parse: inProcess.parse },
    { label: '(b) `yaml` Document API: parse + `setIn` + `toString`', fidelity: inProcess.yamlFidelity, times: inProcess.yaml, parse: inProcess.parse },
  ];
  let yqNote = '';
  if ('skipped' in yq) {
    yqNote = `(c) Debian \`yq -y\`: skipped — ${yq.skipped}.`;
  } else {
    const parse = yq.sampled.map((i) => inProcess.parse[i] ?? Number.NaN);
    const scope = yq.k === 1 ? `all ${yq.sampled.length} files` : `1 file in ${yq.k}, ${yq.sampled.length} of ${all.length}`;
    rows.push(
      { label: `(c) \`yq -y\` edit, one process per file (${scope})`, fidelity: yq.edit.map((e) => e.fidelity), times: yq.edit.map((e) => e.ns), parse },
      { label: `(c) \`yq -y .\`, no edit: process start-up (${scope})`, fidelity: null, times: yq.noop, parse },
    );
    const sampledEditorOk = yq.sampled.filter((i) => all[i]?.editor.ok).length;
    yqNote =
      `yq: one run per file and command, sequential, wall time including process start. ` +
      (yq.k === 1
        ? `All files fit the ~60 s budget (estimated ${ms(yq.estimatedAllNs)}).`
        : `Running all files was estimated at ${ms(yq.estimatedAllNs)}, over the ~60 s budget, so 1 file in ${yq.k} (index order: files 1, 1 + ${yq.k}, 1 + 2×${yq.k}, …) was run; ` +
          `the editor passes ${sampledEditorOk}/${yq.sampled.length} of that same sample.`);
  }
  out.push(
    table(
      ['method', 'files identical', 'fidelity', 'median / file', 'total', '× parse (totals)', '× parse (median per file)'],
      rows.map(speedRow),
      ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
    '',
    yqNote,
    '',
  );

  const editorOk = passed(editorFidelity);
  const totalRatio = sum(inProcess.editor) / sum(inProcess.parse);
  const fileRatio = medianRatio(inProcess.editor, inProcess.parse);
  const yqFidelity = 'skipped' in yq ? 'yq skipped' : `\`yq -y\` ${percent(passed(yq.edit.map((e) => e.fidelity)), yq.edit.length)}`;
  out.push('### Targets', '');
  out.push(
    table(
      ['measure', 'measured', 'baseline (same run)', 'target', 'met'],
      [
        [
          'editor fidelity',
          `${percent(editorOk, all.length)} (${editorOk}/${all.length})`,
          `\`yaml\` round trip ${percent(passed(inProcess.yamlFidelity), all.length)}; ${yqFidelity}`,
          '100 %',
          mark(all.length > 0 && editorOk / all.length >= TARGET_FIDELITY),
        ],
        [
          'editor time ÷ parse time, corpus totals',
          ratio(totalRatio),
          `parse ${ms(sum(inProcess.parse))}, editor ${ms(sum(inProcess.editor))}`,
          `≤ ${TARGET_EDITOR_OVER_PARSE}×`,
          mark(totalRatio <= TARGET_EDITOR_OVER_PARSE),
        ],
        [
          'editor time ÷ parse time, median file',
          ratio(fileRatio),
          `parse ${ms(median(inProcess.parse))}, editor ${ms(median(inProcess.editor))}`,
          `≤ ${TARGET_EDITOR_OVER_PARSE}×`,
          mark(fileRatio <= TARGET_EDITOR_OVER_PARSE),
        ],
      ],
      ['left', 'right', 'left', 'right', 'left'],
    ),
    '',
  );

  out.push(renderFailureKinds(all, inProcess, yq), '');
  out.push(renderEditorFailures(all), '');
  out.push(renderMismatches(all), '');
  out.push(renderNothingToEdit(cases), '');
  return out.join('\n');
}

const KINDS = ['error (threw / non-zero exit)', 'line count changed', 'other line changed', 'new value missing'] as const;

function kindOf(reason: string): (typeof KINDS)[number] {
  if (reason.startsWith('threw') || reason.startsWith('exit') || reason.startsWith('changed nothing')) return KINDS[0];
  if (reason.startsWith('line count')) return KINDS[1];
  if (reason.includes(' lacks ')) return KINDS[3];
  return KINDS[2];
}

/** Why the baselines fail, in counts, with one example each, so the figures can be believed. */
function renderFailureKinds(all: readonly FileCase[], inProcess: InProcessResults, yq: YqResults): string {
  const methods: Array<[string, ReadonlyArray<{ file: string; result: FidelityResult }>]> = [
    ['(a) editor', all.map((c) => ({ file: c.file.entry.file, result: c.editor }))],
    ['(b) `yaml` round trip', all.map((c, i) => ({ file: c.file.entry.file, result: inProcess.yamlFidelity[i] ?? { ok: true } }))],
  ];
  if (!('skipped' in yq)) {
    methods.push(['(c) `yq -y` edit', yq.sampled.map((ci, n) => ({ file: all[ci]?.file.entry.file ?? '?', result: yq.edit[n]?.fidelity ?? { ok: true } }))]);
  }
  const rows = methods.map(([label, results]) => {
    const counts = KINDS.map(() => 0);
    let example = '—';
    for (const { file, result } of results) {
      if (result.ok) continue;
      counts[KINDS.indexOf(kindOf(result.reason))]! += 1;
      if (example === '—') example = `${code(file)}: ${result.reason}`;
    }
    return [label, ...counts.map(String), example];
  });
  return ['### Why files fail fidelity', '', table(['method', ...KINDS, 'first failing file'], rows, ['left', 'right', 'right', 'right', 'right', 'left'])].join('\n');
}

function renderEditorFailures(all: readonly FileCase[]): string {
  const failed = all.filter((c) => !c.editor.ok);
  const head = `### Editor fidelity failures (${failed.length})`;
  if (failed.length === 0) return `${head}\n\nNone: every other byte of every edited file stayed identical.`;
  const rows = failed.map((c) => [code(c.file.entry.file), code(c.edit.label), c.editor.ok ? '' : c.editor.reason]);
  return [head, '', table(['file', 'edit', 'what differed'], rows)].join('\n');
}

function renderMismatches(all: readonly FileCase[]): string {
  const odd = all.filter((c) => c.mismatch.missing.length > 0 || c.mismatch.extra.length > 0);
  const head = `### Editor's places vs the index (${odd.length} files differ)`;
  const note =
    'Independent check of *where* the editor edits: for a key edit, the path in the document the index names; ' +
    'for an image edit, every `image:` string or `images[i]` override the index lists with that image name.';
  if (odd.length === 0) return `${head}\n\n${note} No differences.`;
  const rows = odd.map((c) => [
    code(c.file.entry.file),
    code(c.edit.label),
    c.mismatch.missing.map(code).join(', ') || '—',
    c.mismatch.extra.map(code).join(', ') || '—',
  ]);
  return [head, '', note, '', table(['file', 'edit', 'index expects, editor left alone', 'editor changed, index does not list'], rows)].join('\n');
}

function renderNothingToEdit(cases: CorpusCases): string {
  const head = `### Left out: the image is in no field the editor edits (${cases.nothingToEdit.length})`;
  if (cases.nothingToEdit.length === 0) return `${head}\n\nNone.`;
  const rows = cases.nothingToEdit.map(({ entry, label }) => [code(entry.file), entry.kind, code(label)]);
  return [
    head,
    '',
    'The editor matched nothing and the index lists no `image:` field with that name (annotations, `repoURL`, `imageName` constraints, option lists).',
    '',
    table(['file', 'kind', 'edit tried'], rows),
  ].join('\n');
}
