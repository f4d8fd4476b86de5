import type { EditRequest } from '../../manifest/edit-request';
import { formatKeyPath } from '../../manifest/key-path';
import { readTargetOf, valuesIn } from '../../manifest/manifest-reader';
import { manifestsOf, type PlannedFile } from '../../promotion/plan';
import { changedOnly } from '../../promotion/publisher';
import { withTrailers } from '../../promotion/trailers';
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

/** `message` with trailers saying what was set and what it replaced, read from the files' old bytes. */
export function withStepTrailers(message: string, request: EditRequest, value: string, planned: readonly PlannedFile[]): string {
  const previous = valuesIn(changedOnly(manifestsOf(planned)), readTargetOf(request));
  return withTrailers(message, {
    step: 'update-manifest',
    ...(request.mode === 'image' ? { image: request.image.name } : { key: formatKeyPath(request.path) }),
    value,
    previous,
  });
}
