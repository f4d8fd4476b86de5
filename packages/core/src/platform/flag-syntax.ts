import { booleanWord } from '../text/boolean-word';
import { secretVariable } from './secret-variable';

/** What the rewrite needs to know of an input: its name, whether it is a switch, or a secret. */
export interface FlagInput {
  name: string;
  boolean?: boolean;
  secret?: boolean;
}

/**
 * A hint written in CI input syntax (`set create-branch: true`, `commit: false`, `'branch'`,
 * `platform: github`) as a terminal user types it (`pass --create-branch`, `--no-commit`,
 * `--branch`, `--platform github`): a true/false input is a switch (`--x` / `--no-x`, as the CLI
 * parses it), "set" before a flag becomes "pass"; a secret is named by the variable the CLI reads it
 * from (`token` → GITOPS_PROMOTE_TOKEN), as a flag would show it to ps. Only the step's own inputs are touched, and only
 * in the hint: the message names the input as every entry knows it. Plain names (strings) are
 * taken as inputs that take a value.
 */
export function hintInFlagSyntax(hint: string, inputs: ReadonlyArray<string | FlagInput>): string {
  const known = inputs.map((input) => (typeof input === 'string' ? { name: input } : input));
  if (known.length === 0) return hint;
  const switches = new Set(known.filter((input) => input.boolean === true).map((input) => input.name));
  const secrets = new Set(known.filter((input) => input.secret === true).map((input) => input.name));
  const names = known
    .map((input) => input.name)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  // `name: value` bare, or 'name' / `name` / `name: value` in quotes (a backtick stays, a quote goes).
  const token = new RegExp(`(^|[\\s(])(?:([Ss]et) )?(?:(['\`])(${names})(?:: ([^'\`\\s]+))?\\3|(${names}): (?!\\s)([^\\s,;)'\`]+))`, 'g');
  const rewritten = hint.replace(token, (...groups: Array<string | undefined>) => {
    const [, before = '', verb, quote, quotedName, quotedValue, bareName, bareValue] = groups;
    const name = quotedName ?? bareName ?? '';
    // A sentence's end stays outside the flag: `platform: gitlab.` → `--platform gitlab.`
    const [, value, after = ''] = /^(.*?)([.:!?]*)$/.exec(quotedValue ?? bareValue ?? '') ?? [];
    const given = value === '' ? undefined : value;
    const secret = secrets.has(name);
    const flag = secret ? `${secretVariable(name)}${given === undefined ? '' : `=${given}`}` : flagFor(name, given, switches.has(name));
    const shown = quote === '`' ? `\`${flag}\`` : flag;
    return `${before}${verbFor(verb, secret)}${shown}${after}`;
  });
  // "the 'server' input" / "input 'server'" read, on a terminal, "the --server flag" / "flag --server".
  return rewritten.replace(/(`?--[a-z][\w-]*`?) input\b/g, '$1 flag').replace(/\b([Ii])nput (`?--[a-z])/g, (_match, i: string, flag: string) => `${i === 'I' ? 'F' : 'f'}lag ${flag}`);
}

/** "set" before a flag reads "pass"; a secret's variable is still set. */
function verbFor(verb: string | undefined, secret: boolean): string {
  if (verb === undefined) return '';
  if (secret) return `${verb} `;
  return verb === 'Set' ? 'Pass ' : 'pass ';
}

/** `--name value`; a switch given true or false is `--name` or `--no-name`. */
function flagFor(name: string, value: string | undefined, isSwitch: boolean): string {
  if (value === undefined) return `--${name}`;
  const on = isSwitch ? booleanWord(value) : undefined;
  if (on === undefined) return `--${name} ${value}`;
  return on ? `--${name}` : `--no-${name}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
