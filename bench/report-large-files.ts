import { mark, ms, ratio, table } from './markdown';
import { MIB, type LargeFileMethod, type LargeFileResult } from './measure-large-files';
import { median } from './stats';

export const TARGET_EVERY_DOCUMENT_OVER_PARSE = 1.5;
/** Peak memory allowed: this many times the file, plus a fixed allowance for Node itself. */
export const TARGET_MEMORY_PER_FILE_BYTE = 10;
export const TARGET_MEMORY_BASE_BYTES = 100 * MIB;
/** The absolute goal for one edit in a 25 MiB file, on its 2-core reference machine. */
export const TARGET_ONE_EDIT_25MIB_NS = 10e9;

function mib(bytes: number): string {
  return `${(bytes / MIB).toFixed(bytes < 10 * MIB ? 1 : 0)} MiB`;
}

function peakRss(result: LargeFileResult, method: LargeFileMethod): number {
  return Math.max(...result.samples[method].map((s) => s.maxRssBytes));
}

function row(result: LargeFileResult, method: LargeFileMethod): string[] {
  const samples = result.samples[method];
  const time = median(samples.map((s) => s.ns));
  const parse = median(result.samples.parse.map((s) => s.ns));
  const rss = peakRss(result, method);
  const read = result.samples.read.length > 0 ? peakRss(result, 'read') : Number.NaN;
  const memoryLimit = TARGET_MEMORY_PER_FILE_BYTE * result.bytes + TARGET_MEMORY_BASE_BYTES;
  const checks: Array<[string, boolean]> = [];
  if (method !== 'parse') checks.push([`RSS ≤ ${mib(memoryLimit)}`, rss <= memoryLimit]);
  if (method === 'every document') checks.push([`≤ ${TARGET_EVERY_DOCUMENT_OVER_PARSE}× parse`, time <= TARGET_EVERY_DOCUMENT_OVER_PARSE * parse]);
  if (method === 'one edit' && result.mib === 25) checks.push([`≤ ${ms(TARGET_ONE_EDIT_25MIB_NS)}`, time <= TARGET_ONE_EDIT_25MIB_NS]);
  const label = method === 'parse' ? '`parseAllDocuments` (baseline)' : method === 'one edit' ? '`editManifest`, one document matches' : '`editManifest`, every document matches';
  return [
    `${result.mib} MiB, ${result.documents} docs`,
    label,
    String(samples.length),
    ms(time),
    ms(time / (result.bytes / MIB)),
    method === 'parse' ? '1.00×' : ratio(time / parse),
    mib(rss),
    `${(rss / result.bytes).toFixed(1)}×`,
    Number.isFinite(read) ? `+${mib(Math.max(0, rss - read))}` : 'n/a',
    checks.map(([what]) => what).join('; ') || '—',
    checks.length === 0 ? '' : mark(checks.every(([, met]) => met)),
  ];
}

export function renderLargeFiles(results: readonly LargeFileResult[], skipped: readonly string[]): string {
  const rows: string[][] = [];
  const problems: string[] = [];
  for (const result of results) {
    if (result.problem) problems.push(`${result.mib} MiB: **${result.problem}**`);
    if (result.samples.parse.length === 0) continue;
    for (const method of ['parse', 'one edit', 'every document'] as const) if (result.samples[method].length > 0) rows.push(row(result, method));
  }
  return [
    '## 3. Large multi-document files',
    '',
    table(
      ['file', 'method', 'runs', 'median', 'per MiB', '÷ parse', 'peak RSS', '÷ file', 'RSS − reading alone', 'target', 'met'],
      rows,
      ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left', 'left'],
    ),
    '',
    '- Generated Deployments (about 1,600 per MiB), each with its own image and a shared sidecar image; "one document matches" sets one Deployment\'s own image, "every document matches" the sidecar (an edit in each).',
    '- Each figure is one fresh process (`node --import tsx bench/large-file-child.ts`), the methods in rotating order per round; the time is the call alone (the file is read first), peak RSS is the process\'s `maxRSS` (Node and tsx included). "RSS − reading alone" subtracts a process that only reads the file: what the method itself adds.',
    '- Linear cost shows as a flat "per MiB" column across sizes.',
    ...skipped.map((s) => `- ${s}`),
    ...problems.map((p) => `- ${p}`),
    '',
  ].join('\n');
}
