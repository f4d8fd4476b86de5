import type { PlannedChange } from './plan';

export type FidelityResult = { ok: true } | { ok: false; reason: string };

/** One line of the expected output: exactly an input line, or a changed line holding new values. */
type Slot = { exact: string; inputLine: number } | { contains: string[]; inputLine: number; inserted: boolean };

/**
 * The fidelity rule, shared by every method so they are judged alike:
 * split input and output on "\n" (a "\r" stays part of its line, so CRLF→LF counts as a change,
 * and a missing or added final newline shows up as a different last line or line count).
 * Every input line not named by the plan must appear unchanged at the same position, and the line
 * count must be equal; a line named by the plan must now contain its new value. Additions and
 * removals the plan names (a `newTag:` line added to a Kustomize entry, a stale `digest:` removed)
 * shift the expected positions by exactly one line each and nothing else.
 */
export function checkFidelity(input: string, output: string, plan: readonly PlannedChange[]): FidelityResult {
  const expected = expectedSlots(input.split('\n'), plan);
  const actual = output.split('\n');
  const firstDiff = firstMismatch(expected, actual);
  if (expected.length !== actual.length) {
    const where = firstDiff ? `; first difference ${firstDiff}` : '';
    return { ok: false, reason: `line count ${expected.length} expected, ${actual.length} written${where}` };
  }
  return firstDiff ? { ok: false, reason: firstDiff } : { ok: true };
}

function expectedSlots(inputLines: readonly string[], plan: readonly PlannedChange[]): Slot[] {
  const replaced = new Map<number, string[]>();
  const removed = new Set<number>();
  const inserted = new Map<number, string[]>();
  for (const change of plan) {
    if (change.kind === 'remove') removed.add(change.line);
    else {
      const bucket = change.kind === 'insert' ? inserted : replaced;
      const values = bucket.get(change.line) ?? [];
      // An emptied value (a cleared digest) leaves nothing to look for on the line.
      if (change.value) values.push(change.value);
      bucket.set(change.line, values);
    }
  }
  const slots: Slot[] = [];
  const lineCount = inputLines.length;
  for (let line = 1; line <= lineCount + 1; line++) {
    // An added line takes the reported line's place and pushes the original line down.
    for (const value of inserted.get(line) ?? []) slots.push({ contains: [value], inputLine: line, inserted: true });
    if (line > lineCount || removed.has(line)) continue;
    const values = replaced.get(line);
    const text = inputLines[line - 1] ?? '';
    slots.push(values ? { contains: values, inputLine: line, inserted: false } : { exact: text, inputLine: line });
  }
  return slots;
}

function firstMismatch(expected: readonly Slot[], actual: readonly string[]): string | null {
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    const slot = expected[i];
    const got = actual[i];
    const at = `output line ${i + 1}`;
    if (!slot) return `${at}: unexpected extra line ${show(got ?? '')}`;
    if (got === undefined) return `${at}: missing (input line ${slot.inputLine})`;
    if ('exact' in slot) {
      if (got !== slot.exact) return `${at} (input line ${slot.inputLine}): ${show(slot.exact)} became ${show(got)}`;
    } else {
      const missing = slot.contains.find((value) => !got.includes(value));
      if (missing !== undefined) {
        const what = slot.inserted ? 'the added line' : `changed input line ${slot.inputLine}`;
        return `${at}: ${what} lacks ${show(missing)}: ${show(got)}`;
      }
    }
  }
  return null;
}

/** A line for a one-line report: JSON-quoted so "\r" and tabs are visible, and shortened. */
function show(line: string): string {
  const quoted = JSON.stringify(line);
  return quoted.length > 90 ? `${quoted.slice(0, 87)}…"` : quoted;
}
