/**
 * Which known name a mistyped one meant: a branch (`mian`), a step (`update-manifst`), a flag
 * (`--brnach`). Shared by every place that answers an unknown name with the likely one.
 */

/** `names` ordered by edit distance to `wanted` (ties alphabetically), so a typo's target comes first. */
export function closestFirst(wanted: string, names: readonly string[]): string[] {
  const scored = names.map((name) => ({ name, distance: editDistance(wanted.toLowerCase(), name.toLowerCase()) }));
  return scored.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name)).map((entry) => entry.name);
}

/** Levenshtein distance, with a transposition counted as one edit (`mian` is one from `main`). */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i] as number[];
      const above = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((rows[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/**
 * The one name `wanted` most likely misspells, if any is close enough to say "did you mean":
 * at most a third of its letters changed (at least one), so `tga` suggests `tag` but `foo` nothing.
 */
export function likelyMeant(wanted: string, names: readonly string[]): string | undefined {
  const best = closestFirst(wanted, names)[0];
  if (best === undefined) return undefined;
  return editDistance(wanted.toLowerCase(), best.toLowerCase()) <= Math.max(1, Math.floor(wanted.length / 3)) ? best : undefined;
}
