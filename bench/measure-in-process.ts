import type { FileCase } from './corpus-cases';
import { checkFidelity, type FidelityResult } from './fidelity';
import { runEditor } from './methods/editor';
import { parseOnly, yamlRoundTrip } from './methods/yaml-roundtrip';
import { median } from './stats';
import { timeInterleaved } from './timing';

export interface InProcessResults {
  /** The `yaml` round trip judged by the same rule as the editor, aligned with the cases. */
  yamlFidelity: FidelityResult[];
  /** Median nanoseconds per file for each method, aligned with the cases. */
  parse: number[];
  editor: number[];
  yaml: number[];
}

export interface InProcessOptions {
  warmup: number;
  rounds: number;
  progress(message: string): void;
}

export function measureInProcess(cases: readonly FileCase[], options: InProcessOptions): InProcessResults {
  // The fidelity pass doubles as a warm-up of every code path across the whole corpus, so the
  // first files timed do not pay for JIT compilation the later ones get for free.
  const yamlFidelity = cases.map((c): FidelityResult => {
    try {
      return checkFidelity(c.file.source, yamlRoundTrip(c.file.source, c.plan), c.plan);
    } catch (error) {
      return { ok: false, reason: `threw ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
    }
  });
  const results: InProcessResults = { yamlFidelity, parse: [], editor: [], yaml: [] };
  cases.forEach((c, i) => {
    if (i % 50 === 0) options.progress(`timing in-process methods: file ${i + 1}/${cases.length}`);
    const source = c.file.source;
    const [parse = [], editor = [], yaml = []] = timeInterleaved(
      [() => parseOnly(source), () => runEditor(c.file, c.edit), () => yamlRoundTrip(source, c.plan)],
      options.warmup,
      options.rounds,
    );
    results.parse.push(median(parse));
    results.editor.push(median(editor));
    results.yaml.push(median(yaml));
  });
  return results;
}
