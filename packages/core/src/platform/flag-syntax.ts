/**
 * A hint written in CI input syntax (`set create-branch: true`, `'branch'`) as a terminal user
 * types it (`set --create-branch true`, `--branch`). Only the step's own input names are touched,
 * and only in the hint: the message names the input as every entry knows it.
 */
export function hintInFlagSyntax(hint: string, inputNames: readonly string[]): string {
  if (inputNames.length === 0) return hint;
  const names = [...inputNames].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  return hint
    .replace(new RegExp(`(^|[\\s(])(${names}): (?!\\s)([^\\s,;)]+)`, 'g'), (_match, before: string, name: string, value: string) => `${before}--${name} ${value}`)
    .replace(new RegExp(`'(${names})'`, 'g'), (_match, name: string) => `--${name}`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
