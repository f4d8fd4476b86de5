// Kept apart from repo-files.ts, which loads a glob library: a step that only splits a list
// (application names) must not pay for it at start-up.
/** Splits a list input (`files`, `application`): one entry per line or comma, blanks ignored. */
export function splitList(input: string): string[] {
  return input
    .split(/[\n,]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}
