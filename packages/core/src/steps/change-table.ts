import type { ManifestChange } from '../manifest/edit-session';
import { markdownCode, markdownText } from '../platform/markdown';

/**
 * The Markdown table of what an edit changes, as the job summary and the PR/MR body show it:
 * repository content is shown literally (code spans); `removed` is what a removed value shows.
 */
export function changeTable(changes: readonly ManifestChange[], removed: string): string {
  const cell = (text: string | null, none: string): string => (text === null ? none : markdownCode(text));
  const rows = changes.map((change) => `| ${markdownText(change.file)} | ${change.line} | ${markdownCode(change.path)} | ${cell(change.previous, '—')} | ${cell(change.value, removed)} |`);
  return ['| File | Line | Path | Before | After |', '| --- | ---: | --- | --- | --- |', ...rows].join('\n');
}
