import { InputError } from '../errors';

const PLACEHOLDER = /\{\{\s*([A-Za-z-]+)\s*\}\}/g;

/**
 * Fills `{{name}}` placeholders of a template input. An unknown placeholder is an input error,
 * found before anything is written, not a literal `{{typo}}` in a commit or a pull request.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>, input: string): string {
  const filled = template.replace(PLACEHOLDER, (match, name: string) => {
    const value = values[name];
    if (value === undefined) {
      throw new InputError(`Input '${input}' uses an unknown placeholder ${match}.`, `Available: ${Object.keys(values).map((key) => `{{${key}}}`).join(', ')}.`);
    }
    return value;
  });
  if (filled.trim() === '') throw new InputError(`Input '${input}' is empty.`, 'Give a text, or leave the input unset for the default.');
  return filled;
}
