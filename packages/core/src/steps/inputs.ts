import { InputError } from '../errors';
import type { Platform } from '../platform/platform';
import { booleanWord } from '../text/boolean-word';
import type { StepSpec } from './step-spec';

/** A true/false input as CI users write it (`true`, `yes`, `1`, `on`, and their opposites); '' is the default. */
export function parseBoolean(value: string, name: string, fallback = false): boolean {
  if (value === '') return fallback;
  const parsed = booleanWord(value);
  if (parsed !== undefined) return parsed;
  throw new InputError(`Input '${name}' must be true or false, got ${JSON.stringify(value)}.`, `Set ${name}: true or ${name}: false.`);
}

/** A step's inputs exactly as its action.yml names them; the CLI's flags and GitLab's variables mirror them. */
export type StepInputs<S extends StepSpec> = Record<S['inputs'][number]['name'], string>;

/**
 * Every input of `spec` from the platform ('' when not given), before any validation. A deprecated
 * input that was given is warned about here; its step's config reads it where the new one is empty.
 */
export function readInputs<S extends StepSpec>(spec: S, platform: Platform): StepInputs<S> {
  const inputs: Record<string, string> = {};
  for (const { name } of spec.inputs) inputs[name] = platform.getInput(name);
  for (const { name, deprecatedFor } of spec.inputs) {
    if (deprecatedFor === undefined || inputs[name] === '') continue;
    platform.warning(`Input '${name}' is deprecated: use '${deprecatedFor}' (it takes the same values).`);
  }
  return inputs as StepInputs<S>;
}

/**
 * `inputs` with every empty input that has a default in `spec` set to it: the spec is the one
 * place defaults are written (action.yml, CLI help and the GitLab templates show them from there).
 */
export function withDefaults<S extends StepSpec>(spec: S, inputs: StepInputs<S>): StepInputs<S> {
  const filled: Record<string, string> = { ...inputs };
  for (const input of spec.inputs) {
    if (input.default !== undefined && (filled[input.name] ?? '') === '') filled[input.name] = input.default;
  }
  return filled as StepInputs<S>;
}
