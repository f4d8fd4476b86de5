import { code, mark, ms, ratio, table } from './markdown';
import type { ColdResult } from './measure-cold-start';
import { median, percentile } from './stats';

export const TARGET_COLD_START_OVER_NODE_NS = 120e6;

export function renderColdStart(baseline: ColdResult, bundles: readonly ColdResult[], missing: readonly string[], runs: number): string {
  const base = median(baseline.samples);
  const rows: string[][] = [[baseline.command.label, String(baseline.samples.length), ms(base), ms(percentile(baseline.samples, 90)), '—', '1.00×', '—', '']];
  for (const result of bundles) {
    const m = median(result.samples);
    const delta = m - base;
    rows.push([
      result.command.label,
      String(result.samples.length),
      ms(m),
      ms(percentile(result.samples, 90)),
      `+${ms(delta)}`,
      ratio(m / base),
      `≤ +${ms(TARGET_COLD_START_OVER_NODE_NS)}`,
      result.problem ? `✗ (${result.problem})` : mark(delta <= TARGET_COLD_START_OVER_NODE_NS),
    ]);
  }
  const notes = [
    `${runs} runs each after 3 warm-up runs, interleaved in rotating order; empty temp cwd; env is PATH and HOME only (no INPUT_*), plus GITHUB_ACTIONS=true where the row says so.`,
    ...bundles.map((r) => `${r.command.label} printed: ${code(r.firstOutputLine)}${r.problem ? ` — **unexpected: ${r.problem}**` : ''}`),
    ...missing.map((label) => `${label}: bundle not built (run \`npm run build\`); skipped.`),
  ];
  return [
    '## 2. Cold start of the bundles',
    '',
    table(
      ['command', 'runs', 'median', 'p90', 'median − bare Node', '÷ bare Node', 'target', 'met'],
      rows,
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
    '',
    ...notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
}
