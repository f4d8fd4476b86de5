import { fillTemplate } from '../../text/template';

export interface CommitMessageValues {
  /** `<image> to <tag>` or `<key> to <value>`: what the default message says. */
  subject: string;
  image: string;
  tag: string;
  digest: string;
  key: string;
  value: string;
}

/** Fills `{{image}}`, `{{tag}}`, `{{digest}}`, `{{key}}`, `{{value}}` and `{{subject}}`. */
export function parseCommitMessageTemplate(template: string, values: CommitMessageValues): string {
  return fillTemplate(template, { ...values }, 'commit-message');
}
