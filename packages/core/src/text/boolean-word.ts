/**
 * A true/false value as CI users write it (`true`, `yes`, `1`, `on`, and their opposites, any
 * case); undefined for anything else. The one reading shared by inputs, CLI flags and hints.
 */
export function booleanWord(value: string): boolean | undefined {
  if (/^(true|yes|1|on)$/i.test(value)) return true;
  if (/^(false|no|0|off)$/i.test(value)) return false;
  return undefined;
}
