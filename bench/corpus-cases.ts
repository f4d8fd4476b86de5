import { GitopsPromoteError } from '../packages/core/src/errors';
import type { ManifestChange } from '../packages/core/src/manifest/manifest-editor';
import type { Corpus, CorpusEntry, CorpusFile } from './corpus';
import { checkFidelity, type FidelityResult } from './fidelity';
import { runEditor } from './methods/editor';
import { BENCH_TAG, pickEdit, type BenchEdit } from './pick-edit';
import {
  expectedTargets,
  planFromEditor,
  planFromTargets,
  targetKey,
  type ExpectedTarget,
  type PlannedChange,
} from './plan';

/** One corpus file with its edit, the plan every method applies, and the editor's own result. */
export interface FileCase {
  file: CorpusFile;
  edit: BenchEdit;
  plan: PlannedChange[];
  /** The editor judged by the rule: its output against the lines it reported as changed. */
  editor: FidelityResult;
  /** Places the index expects but the editor left alone, and (key edits) places it added. */
  mismatch: { missing: string[]; extra: string[] };
  /** The editor threw something other than its own user-facing errors: a bug, not a verdict. */
  crashed: boolean;
}

export interface CorpusCases {
  cases: FileCase[];
  /** Parseable files the index lists neither an image nor a key path for. */
  noEdit: CorpusEntry[];
  /** Files whose only listed image sits in no field the editor edits (annotations, `repoURL`, …). */
  nothingToEdit: Array<{ entry: CorpusEntry; label: string }>;
}

/**
 * Runs the editor once per file to fix the plan. Its reported changes become the plan for the
 * baselines too, so all methods make the same edit and differ only in how they write it back.
 */
export function buildCases(corpus: Corpus): CorpusCases {
  const result: CorpusCases = { cases: [], noEdit: [], nothingToEdit: [] };
  for (const file of corpus.files) {
    const edit = pickEdit(file.entry);
    if (!edit) {
      result.noEdit.push(file.entry);
      continue;
    }
    const expected = expectedTargets(file.source, file.entry, edit);
    const fallbackValue = edit.imageName !== null ? `${edit.imageName}:${BENCH_TAG}` : BENCH_TAG;
    let changes: ManifestChange[] = [];
    let output = file.source;
    let thrown: string | null = null;
    let crashed = false;
    try {
      const edited = runEditor(file, edit);
      changes = edited.changes;
      output = edited.output;
    } catch (error) {
      thrown = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      crashed = !(error instanceof GitopsPromoteError);
    }
    if (thrown === null && changes.length === 0 && expected.length === 0) {
      result.nothingToEdit.push({ entry: file.entry, label: edit.label });
      continue;
    }
    const plan = changes.length > 0 ? planFromEditor(file.source, changes) : planFromTargets(expected, fallbackValue);
    let editor: FidelityResult;
    if (thrown !== null) editor = { ok: false, reason: `threw ${thrown}` };
    else if (changes.length === 0) {
      const wanted = expected.map((t) => targetKey(t.document, t.path)).join(', ');
      editor = { ok: false, reason: `changed nothing; the index expects ${wanted}` };
    }
    else editor = checkFidelity(file.source, output, plan);
    result.cases.push({ file, edit, plan, editor, mismatch: compare(changes, expected, edit, thrown !== null), crashed });
  }
  return result;
}

/**
 * The editor's places against the index's. Missing places are suspect either way. Extra places
 * only matter for key edits: an image edit legitimately reaches fields the index does not list as
 * image strings (Kustomize `newTag`, Helm `tag`).
 */
function compare(
  changes: readonly ManifestChange[],
  expected: readonly ExpectedTarget[],
  edit: BenchEdit,
  threw: boolean,
): FileCase['mismatch'] {
  if (threw) return { missing: [], extra: [] };
  const changed = new Set(changes.map((c) => `docs[${c.document}].${c.path}`));
  const wanted = new Set(expected.map((t) => targetKey(t.document, t.path)));
  return {
    missing: [...wanted].filter((key) => !changed.has(key)),
    extra: edit.keyPath ? [...changed].filter((key) => !wanted.has(key)) : [],
  };
}
