import { booleanWord } from '../text/boolean-word';

/** What the rewrite needs to know of an input: its name, and whether it is a true/false switch. */
export interface FlagInput {
  name: string;
  boolean?: boolean;
}

/**
 * A hint written in CI input syntax (`set create-branch: true`, `commit: false`, `'branch'`,
 * `platform: github`) as a terminal user types it (`pass --create-branch`, `--no-commit`,
 * `--branch`, `--platform github`): a true/false input is a switch (`--x` / `--no-x`, as the CLI
 * parses it), "set" before a flag becomes "pass". Only the step's own inputs are touched, and only
 * in the hint: the message names the input as every entry knows it. Plain names (strings) are
 * taken as inputs that take a value.
 */
export function hintInFlagSyntax(hint: string, inputs: ReadonlyArray<string | FlagInput>): string {
  const known = inputs.map((input) => (typeof input === 'string' ? { name: input } : input));
  if (known.length === 0) return hint;
  const switches = new Set(known.filter((input) => input.boolean === true).map((input) => input.name));
  const names = known
    .map((input) => input.name)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  // `name: value` bare, or 'name' / `name` / `name: value` in quotes (a backtick stays, a quote goes).
  const token = new RegExp(`(^|[\\s(])(?:([Ss]et) )?(?:(['\`])(${names})(?:: ([^'\`\\s]+))?\\3|(${names}): (?!\\s)([^\\s,;)'\`]+))`, 'g');
  return hint.replace(token, (...groups: Array<string | undefined>) => {
    const [, before = '', verb, quote, quotedName, quotedValue, bareName, bareValue] = groups;
    const name = quotedName ?? bareName ?? '';
    // A sentence's end stays outside the flag: `platform: gitlab.` → `--platform gitlab.`
    const [, value, after = ''] = /^(.*?)([.:!?]*)$/.exec(quotedValue ?? bareValue ?? '') ?? [];
    const flag = flagFor(name, value === '' ? undefined : value, switches.has(name));
    const shown = quote === '`' ? `\`${flag}\`` : flag;
    return `${before}${verb === undefined ? '' : verb === 'Set' ? 'Pass ' : 'pass '}${shown}${after}`;
  });
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
