import { requestName, type EditRequest } from '../../manifest/edit-request';
import { requestValue } from '../../manifest/value-changes';
import { valueRecords, type PlannedFile } from '../../promotion/plan';
import { withTrailers } from '../../promotion/trailers';
import { fillTemplate } from '../../text/template';

export interface CommitMessageValues {
  /** `<image> to <tag>` or `<key> to <value>`: what the default message says; with the lists, every value (a count for many). */
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

/** Up to this many values are named in a subject; more are counted (the trailers name every one). */
const NAMED_IN_SUBJECT = 3;

/**
 * The subject of a commit that sets several values: `api to 1.4.2, web to 2.0.1` when they are
 * few, `12 images and 2 keys` when a commit subject could not hold them all.
 */
export function listSubject(requests: readonly EditRequest[]): string {
  if (requests.length <= NAMED_IN_SUBJECT) return requests.map((request) => `${requestName(request)} to ${requestValue(request)}`).join(', ');
  const images = requests.filter((request) => request.mode === 'image').length;
  const keys = requests.length - images;
  const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;
  return [images > 0 ? count(images, 'image') : '', keys > 0 ? count(keys, 'key') : ''].filter((part) => part !== '').join(' and ');
}

/**
 * `message` with trailers saying what was set and what it replaced, read from the files' old
 * bytes: one value as the one-value trailers, several each in its own Set trailer.
 */
export function withStepTrailers(message: string, requests: readonly EditRequest[], planned: readonly PlannedFile[]): string {
  return withTrailers(message, { step: 'update-manifest', values: valueRecords(planned, requests) });
}
