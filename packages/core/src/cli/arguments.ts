import { parseArgs } from 'node:util';
import { InputError } from '../errors';
import { secretVariable } from '../platform/secret-variable';
import type { StepSpec } from '../steps/step-spec';

export interface StepArguments {
  inputs: Map<string, string>;
  /** What the user should change about how they called us (a secret given as a flag). */
  warnings: string[];
}

/**
 * Turns `--files a.yaml --tag 1.2 --no-push` into the step's inputs. Flags are the action.yml
 * input names; true/false inputs are switches (`--dry-run`, `--no-push`). Secret inputs come from
 * `GITOPS_PROMOTE_<NAME>` variables in `env`; their flags still work, with a warning, and win.
 */
export function parseStepArguments(spec: StepSpec, args: readonly string[], env: NodeJS.ProcessEnv = process.env): StepArguments {
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
  const warnings: string[] = [];
  for (const input of spec.inputs) {
    const value = values[input.name];
    if (input.boolean) {
      if (values[`no-${input.name}`] === true) inputs.set(input.name, 'false');
      else if (value === true) inputs.set(input.name, 'true');
    } else if (typeof value === 'string') {
      inputs.set(input.name, value);
      if (input.secret) warnings.push(secretFlagWarning(input.name));
    } else if (input.secret) {
      const fromEnv = env[secretVariable(input.name)];
      if (fromEnv) inputs.set(input.name, fromEnv);
    }
  }
  return { inputs, warnings };
}

function secretFlagWarning(name: string): string {
  return (
    `--${name} puts a secret on the command line, where any user of this machine can read it ` +
    `(ps, /proc/<pid>/cmdline) and shell history keeps it. Set ${secretVariable(name)} instead.`
  );
}

export function stepHelp(spec: StepSpec): string {
  const lines = [`gitops-promote ${spec.name} [flags]`, '', spec.description, '', 'Flags:'];
  for (const input of spec.inputs) {
    const flag = input.boolean ? `--${input.name} / --no-${input.name}` : `--${input.name} <value>`;
    const extra = [input.required ? 'required' : '', input.default !== undefined ? `default: ${input.default}` : ''].filter(Boolean).join(', ');
    lines.push(`  ${flag}`, `      ${input.description}${extra ? ` (${extra})` : ''}`);
    if (input.secret) {
      lines.push(`      Secret: set ${secretVariable(input.name)} instead; the flag works, but shows the secret to ps.`);
    }
  }
  lines.push('', 'Outputs (printed to stdout as name=value):');
  for (const output of spec.outputs) lines.push(`  ${output.name}: ${output.description}`);
  return lines.join('\n');
}
