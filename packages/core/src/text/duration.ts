import { InputError } from '../errors';

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Reads a duration input as CI users write them: `90s`, `10m`, `1h30m`, `500ms`; a bare number is
 * seconds. Every step's time inputs (push budget, waits, grace periods) go through this one parser
 * so they accept and refuse the same spellings.
 */
export function parseDuration(text: string, inputName: string): number {
  const trimmed = text.trim();
  const fail = (): never => {
    throw new InputError(
      `Input '${inputName}' is not a duration: ${JSON.stringify(text)}.`,
      `Write a number with a unit: 500ms, 90s, 10m, 1h or 1h30m (a bare number means seconds).`,
    );
  };
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  if (!/^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/.test(trimmed)) fail();
  let total = 0;
  for (const [, amount = '', unit = ''] of trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) {
    total += Number(amount) * (UNITS[unit] ?? fail());
  }
  return Math.round(total);
}

/** `1m 30s`, `45.2s`, `350 ms`: how long something took or is left, for log lines. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds === 0 ? `${minutes}m` : `${minutes}m ${seconds}s`;
}
