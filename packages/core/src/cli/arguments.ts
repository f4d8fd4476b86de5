import { parseArgs } from 'node:util';
import { InputError } from '../errors';
import type { StepSpec } from '../steps/step-spec';

/**
 * Turns `--files a.yaml --tag 1.2 --no-push` into the step's inputs. Flags are the action.yml
 * input names; true/false inputs are switches (`--dry-run`, `--no-push`).
 */
export function parseStepArguments(spec: StepSpec, args: readonly string[]): Map<string, string> {
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const input of spec.inputs) {
    options[input.name] = { type: input.boolean ? 'boolean' : 'string' };
    if (input.boolean) options[`no-${input.name}`] = { type: 'boolean' };
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new InputError(
      `${spec.name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      `Run 'gitops-promote ${spec.name} --help' for the flags.`,
    );
  }
  const inputs = new Map<string, string>();
  for (const input of spec.inputs) {
    const value = values[input.name];
    if (input.boolean) {
      if (values[`no-${input.name}`] === true) inputs.set(input.name, 'false');
      else if (value === true) inputs.set(input.name, 'true');
    } else if (typeof value === 'string') {
      inputs.set(input.name, value);
    }
  }
  return inputs;
}

export function stepHelp(spec: StepSpec): string {
  const lines = [`gitops-promote ${spec.name} [flags]`, '', spec.description, '', 'Flags:'];
  for (const input of spec.inputs) {
    const flag = input.boolean ? `--${input.name} / --no-${input.name}` : `--${input.name} <value>`;
    const extra = [input.required ? 'required' : '', input.default !== undefined ? `default: ${input.default}` : ''].filter(Boolean).join(', ');
    lines.push(`  ${flag}`, `      ${input.description}${extra ? ` (${extra})` : ''}`);
  }
  lines.push('', 'Outputs (printed to stdout as name=value):');
  for (const output of spec.outputs) lines.push(`  ${output.name}: ${output.description}`);
  return lines.join('\n');
}
