import { InputError } from '../../errors';

export interface CommitMessageValues {
  /** `<image> to <tag>` or `<key> to <value>`: what the default message says. */
  subject: string;
  image: string;
  tag: string;
  digest: string;
  key: string;
  value: string;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z-]+)\s*\}\}/g;

/**
 * Fills `{{image}}`, `{{tag}}`, `{{digest}}`, `{{key}}`, `{{value}}` and `{{subject}}`. An unknown
 * placeholder is an input error, found before anything is edited, not a literal `{{typo}}` in history.
 */
export function parseCommitMessageTemplate(template: string, values: CommitMessageValues): string {
  const known = values as unknown as Record<string, string>;
  const message = template.replace(PLACEHOLDER, (match, name: string) => {
    if (!(name in known)) {
      throw new InputError(
        `Input 'commit-message' uses an unknown placeholder ${match}.`,
        `Available: ${Object.keys(values).map((key) => `{{${key}}}`).join(', ')}.`,
      );
    }
    return known[name] ?? '';
  });
  if (message.trim() === '') throw new InputError("Input 'commit-message' is empty.", 'Give a message, or leave the input unset for the default.');
  return message;
}
