import { parseArgs } from 'node:util';
import { InputError } from '../errors';
import { secretVariable } from '../platform/secret-variable';
import { booleanWord } from '../text/boolean-word';
import { likelyMeant } from '../text/closest';
import type { StepSpec } from '../steps/step-spec';

export interface StepArguments {
  inputs: Map<string, string>;
  /** What the user should change about how they called us (a secret given as a flag). */
  warnings: string[];
}

/**
 * Turns `--files a.yaml --tag 1.2 --no-push` into the step's inputs. Flags are the action.yml
 * input names; true/false inputs are switches (`--dry-run`, `--no-push`; `--push false` and
 * `--dry-run=true` are read as them too). An unknown flag is refused with the likely one. Secret inputs come from
 * `GITOPS_PROMOTE_<NAME>` variables in `env`; their flags still work, with a warning, and win.
 */
export function parseStepArguments(spec: StepSpec, args: readonly string[], env: NodeJS.ProcessEnv = process.env): StepArguments {
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const input of spec.inputs) {
    options[input.name] = { type: input.boolean ? 'boolean' : 'string' };
    if (input.boolean) options[`no-${input.name}`] = { type: 'boolean' };
  }
  const switches = new Set(spec.inputs.filter((input) => input.boolean).map((input) => input.name));
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: switchValues(spec.name, args, switches, Object.keys(options)), options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${spec.name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, forHelp(spec.name));
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

function forHelp(step: string): string {
  return `Run 'gitops-promote ${step} --help' for the flags.`;
}

/**
 * Switches given a value as people type them in other tools (`--push false`, `--dry-run=true`,
 * `--push=no`) become `--push` / `--no-push`; any other value, and an unknown flag, is refused
 * here, naming the flag to use. Everything else goes to parseArgs as given.
 */
function switchValues(step: string, args: readonly string[], switches: ReadonlySet<string>, flags: readonly string[]): string[] {
  const out: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (arg === '--') {
      out.push(...args.slice(index));
      break;
    }
    const flag = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
    if (!flag) {
      out.push(arg);
      continue;
    }
    const [, name = '', inline] = flag;
    if (!flags.includes(name)) throw unknownFlag(step, name, flags);
    const positive = name.startsWith('no-') && switches.has(name.slice(3)) ? name.slice(3) : name;
    if (!switches.has(positive)) {
      out.push(arg);
      continue;
    }
    // No step takes positional arguments, so a word after a switch can only be meant as its value.
    const next = args[index + 1];
    const given = inline ?? (next !== undefined && !next.startsWith('-') ? next : undefined);
    if (given === undefined) {
      out.push(arg);
      continue;
    }
    if (inline === undefined) index++;
    const on = booleanWord(given);
    if (on === undefined || positive !== name) {
      throw new InputError(
        `${step}: --${name} is a switch and takes no value, got ${JSON.stringify(given)}`,
        `Use --${positive} for true or --no-${positive} for false (--${positive} false works too). ${forHelp(step)}`,
      );
    }
    out.push(on ? `--${positive}` : `--no-${positive}`);
  }
  return out;
}

function unknownFlag(step: string, name: string, flags: readonly string[]): InputError {
  const meant = likelyMeant(name, flags);
  return new InputError(`${step}: Unknown option '--${name}'`, `${meant === undefined ? '' : `Did you mean --${meant}? `}${forHelp(step)}`);
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
