import type { ValueChange } from '../manifest/value-changes';
import { markdownCode, markdownText } from '../platform/markdown';

/**
 * The Markdown table of what an edit changes, as the job summary and the PR/MR body show it:
 * repository content is shown literally (code spans); `removed` is what a removed value shows.
 * Changes that name their value (a train: ValueChange with `image` or `key`) get a first column
 * saying which, so each row reads as one value at one place.
 */
export function changeTable(changes: readonly ValueChange[], removed: string): string {
  const cell = (text: string | null, none: string): string => (text === null ? none : markdownCode(text));
  const named = changes.some((change) => change.image !== undefined || change.key !== undefined);
  const rows = changes.map((change) => {
    const row = `| ${markdownText(change.file)} | ${change.line} | ${markdownCode(change.path)} | ${cell(change.previous, '—')} | ${cell(change.value, removed)} |`;
    return named ? `| ${cell(change.image ?? change.key ?? null, '—')} ${row}` : row;
  });
  const header = named ? ['| Image / key | File | Line | Path | Before | After |', '| --- | --- | ---: | --- | --- | --- |'] : ['| File | Line | Path | Before | After |', '| --- | ---: | --- | --- | --- |'];
  return [...header, ...rows].join('\n');
}
