import type { FileCase } from './corpus-cases';
import { checkFidelity, type FidelityResult } from './fidelity';
import { firstLine, runYq, yqEditArgs, yqUnavailable } from './methods/yq';

export type YqResults =
  | { skipped: string }
  | {
      /** Every k-th case was run; k = 1 means all. */
      k: number;
      /** Indices into the cases. */
      sampled: number[];
      estimatedAllNs: number;
      edit: Array<{ ns: number; fidelity: FidelityResult }>;
      /** `yq -y .` on the same files: the cost of starting Python, PyYAML and jq. */
      noop: number[];
    };

export interface YqOptions {
  /** Wall-time budget for all yq processes; above it the files are sampled. */
  budgetNs: number;
  progress(message: string): void;
}

/**
 * One process per file and method, run one after the other: parallel runs on a 2-core machine
 * would measure contention, not yq.
 */
export function measureYq(cases: readonly FileCase[], options: YqOptions): YqResults {
  const first = cases[0];
  if (!first) return { skipped: 'no files to edit' };
  const unavailable = yqUnavailable(first.file.absolutePath);
  if (unavailable) return { skipped: unavailable };
  // Calibrate on a few files spread over the corpus (the first ones are all small), which also
  // warms the page cache for Python and jq; then choose the sampling step that keeps both runs
  // per file inside the budget.
  const probeCount = Math.min(6, cases.length);
  const probes = Array.from({ length: probeCount }, (_, n) => cases[Math.floor((n * cases.length) / probeCount)]).map(
    (c) => (c ? runYq(['-y', '.', c.file.absolutePath]).ns : 0),
  );
  const perRun = probes.reduce((a, b) => a + b, 0) / probes.length;
  const estimatedAllNs = perRun * 2 * cases.length;
  const k = estimatedAllNs <= options.budgetNs ? 1 : Math.ceil(estimatedAllNs / options.budgetNs);
  const sampled = cases.map((_, i) => i).filter((i) => i % k === 0);
  const edit: Array<{ ns: number; fidelity: FidelityResult }> = [];
  const noop: number[] = [];
  sampled.forEach((caseIndex, n) => {
    const c = cases[caseIndex];
    if (!c) return;
    if (n % 25 === 0) options.progress(`yq: file ${n + 1}/${sampled.length}`);
    const path = c.file.absolutePath;
    const runEdit = (): void => {
      const run = runYq(yqEditArgs(path, c.plan, c.file.entry.documents));
      const fidelity: FidelityResult =
        run.status === 0
          ? checkFidelity(c.file.source, run.stdout, c.plan)
          : { ok: false, reason: `exit ${run.status}: ${firstLine(run.stderr)}` };
      edit.push({ ns: run.ns, fidelity });
    };
    const runNoop = (): void => {
      noop.push(runYq(['-y', '.', path]).ns);
    };
    // Alternate which runs first so neither always finds the other's caches warm.
    if (n % 2 === 0) {
      runEdit();
      runNoop();
    } else {
      runNoop();
      runEdit();
    }
  });
  return { k, sampled, estimatedAllNs, edit, noop };
}
