import { markdownCode, markdownText } from '../../platform/markdown';

/**
 * Drift: what a promotion does not carry. Each side maps a name (an image, or a key path) to the
 * distinct values its files give it; a row is a name the two environments disagree on, apart
 * from what is being promoted.
 */
export type ValuesByName = ReadonlyMap<string, readonly string[]>;

export interface DriftRow {
  name: string;
  /** Empty when the source environment does not set it. */
  source: readonly string[];
  /** Empty when the target environment does not set it. */
  target: readonly string[];
}

export function driftRows(source: ValuesByName, target: ValuesByName, promoted: ReadonlySet<string>): DriftRow[] {
  const names = [...new Set([...source.keys(), ...target.keys()])].filter((name) => !promoted.has(name)).sort();
  const rows: DriftRow[] = [];
  for (const name of names) {
    const from = [...(source.get(name) ?? [])].sort();
    const to = [...(target.get(name) ?? [])].sort();
    if (from.join('\n') !== to.join('\n')) rows.push({ name, source: from, target: to });
  }
  return rows;
}

/** Rows beyond this are counted, not listed: the section is a pointer, not a second diff. */
const MAX_ROWS = 50;

/** The body's section; '' when nothing differs. `what` is `image` or `key`. */
export function driftSection(rows: readonly DriftRow[], what: 'image' | 'key', source: string, target: string): string {
  if (rows.length === 0) return '';
  const shown = rows.slice(0, MAX_ROWS);
  const nouns = what === 'image' ? ['Image', 'images'] : ['Key', 'keys'];
  const table = [
    `| ${nouns[0]} | ${markdownText(source)} | ${markdownText(target)} |`,
    '| --- | --- | --- |',
    ...shown.map((row) => `| ${markdownCode(row.name)} | ${cell(row.source)} | ${cell(row.target)} |`),
  ];
  const more = rows.length > shown.length ? [``, `…and ${rows.length - shown.length} more ${nouns[1]} that differ.`] : [];
  const intro = `${rows.length} other ${rows.length === 1 ? nouns[0]?.toLowerCase() : nouns[1]} differ${rows.length === 1 ? 's' : ''} between ${markdownText(source)} and ${markdownText(target)} and stay${rows.length === 1 ? 's' : ''} as ${markdownText(target)} has ${rows.length === 1 ? 'it' : 'them'}:`;
  const body = [intro, '', ...table, ...more].join('\n');
  return [`### Not in this promotion`, '', rows.length > 10 ? `<details><summary>${rows.length} ${nouns[1]} differ</summary>\n\n${body}\n\n</details>` : body].join('\n');
}

function cell(values: readonly string[]): string {
  return values.length === 0 ? '(not set)' : values.map(markdownCode).join(', ');
}
