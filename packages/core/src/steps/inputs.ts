import { InputError } from '../errors';

/** A true/false input as CI users write it (`true`, `yes`, `1`, `on`, and their opposites); '' is the default. */
export function parseBoolean(value: string, name: string, fallback: boolean): boolean {
  if (value === '') return fallback;
  if (/^(true|yes|1|on)$/i.test(value)) return true;
  if (/^(false|no|0|off)$/i.test(value)) return false;
  throw new InputError(`Input '${name}' must be true or false, got ${JSON.stringify(value)}.`, `Set ${name}: true or ${name}: false.`);
}
