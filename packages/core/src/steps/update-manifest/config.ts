import { parseDuration } from '../../text/duration';
import { InputError } from '../../errors';
import { validateImageName } from '../../manifest/image-reference';
import { parseKeyPath } from '../../manifest/key-path';
import type { EditRequest } from '../../manifest/manifest-editor';
import type { Author } from '../../git/author';
import { splitList } from '../../text/list-input';
import { parseBoolean, withDefaults, type StepInputs } from '../inputs';
import { authorInputs, imageVersionInputs, singleLine } from '../shared-inputs';
import { listSubject, parseCommitMessageTemplate, type CommitMessageValues } from './commit-message';
import { parseImageList, parseValueList } from '../value-lists';
import { updateManifestSpec } from './spec';

/** Everything update-manifest needs, validated before any file or ref is touched. */
export interface UpdateManifestConfig {
  path: string;
  files: string[];
  /** Every value to set, in input order: the one of image/key mode, or the `images` then `values` lists. */
  requests: EditRequest[];
  /** The one value of image/key mode (the first of `requests` with the lists). */
  request: EditRequest;
  commit: boolean;
  push: boolean;
  /** Branch to push to; undefined means the checked-out branch. */
  branch?: string;
  /** Push to a branch the remote does not have yet (create-branch); otherwise that is refused. */
  createBranch: boolean;
  /** How long lost push races are retried, in ms. */
  pushTimeoutMs: number;
  remote: string;
  commitMessage: string;
  author?: Author;
  token?: string;
  /** Commit through the GitHub API (signed) instead of a local commit and push. */
  signCommits: boolean;
  apiUrl?: string;
  /** Set a value a rollback moved away from anyway. */
  allowRolledBack: boolean;
  dryRun: boolean;
}

export type UpdateManifestInputs = StepInputs<typeof updateManifestSpec>;


export function validateUpdateManifestInputs(given: UpdateManifestInputs): UpdateManifestConfig {
  const inputs = withDefaults(updateManifestSpec, given);
  const files = splitList(inputs.files);
  if (files.length === 0) {
    throw new InputError(
      "Input 'files' is required.",
      "List the manifests to edit, relative to 'path', one per line or comma-separated; globs work: 'envs/dev/kustomization.yaml' or 'envs/dev/**/*.yaml'.",
    );
  }
  const wanted = inputs.images.trim() !== '' || inputs.values.trim() !== '' ? listMode(inputs) : singleMode(inputs);
  const [request] = wanted.requests;
  if (!request) throw new InputError("Inputs 'images' and 'values' list nothing.", "Give one entry per line: 'images: ghcr.io/acme/api=1.4.2', 'values: image.tag=1.4.2'.");
  const commit = parseBoolean(inputs.commit, 'commit');
  const push = parseBoolean(inputs.push, 'push') && commit;
  const author = authorInputs(inputs['author-name'], inputs['author-email']);
  // Checked with `git check-ref-format --branch` by the run, before anything is committed.
  const branch = singleLine(inputs.branch, 'branch');
  const template = inputs['commit-message'];
  const config: UpdateManifestConfig = {
    path: inputs.path,
    files,
    requests: wanted.requests,
    request,
    commit,
    push,
    remote: 'origin',
    commitMessage: parseCommitMessageTemplate(template, wanted.message),
    signCommits: parseBoolean(inputs['sign-commits'], 'sign-commits'),
    allowRolledBack: parseBoolean(inputs['allow-rolled-back'], 'allow-rolled-back'),
    dryRun: parseBoolean(inputs['dry-run'], 'dry-run'),
    createBranch: parseBoolean(inputs['create-branch'], 'create-branch'),
    pushTimeoutMs: parseDuration(inputs['push-timeout'], 'push-timeout'),
  };
  if (branch !== '') config.branch = branch;
  if (author) config.author = author;
  if (inputs.token !== '') config.token = singleLine(inputs.token, 'token');
  if (inputs['api-url'] !== '') config.apiUrl = singleLine(inputs['api-url'], 'api-url');
  if (config.signCommits && config.push && !config.token) {
    throw new InputError("Input 'sign-commits' needs 'token': the commit is made through the GitHub API.", 'Pass a token with contents: write on the environment repository.');
  }
  return config;
}

/** What image/key mode or the lists ask for: the requests and what the commit message template gets. */
interface Wanted {
  requests: EditRequest[];
  message: CommitMessageValues;
}

/** Image mode (image + tag/digest) or key-path mode (key + value): one value. */
function singleMode(inputs: UpdateManifestInputs): Wanted {
  const imageMode = inputs.image !== '' || inputs.tag !== '' || inputs.digest !== '';
  const keyMode = inputs.key !== '' || inputs.value !== '';
  if (imageMode && keyMode) {
    throw new InputError(
      "Inputs 'image'/'tag'/'digest' and 'key'/'value' were both given.",
      "Use image mode (image + tag and/or digest) or key-path mode (key + value), not both; for several values in one commit, list them in 'images' and 'values'.",
    );
  }
  if (!imageMode && !keyMode) {
    throw new InputError(
      "Nothing to set: give 'image' with 'tag' and/or 'digest', or 'key' with 'value'.",
      "Example: image: ghcr.io/acme/payments, tag: 1.4.2 — or key: image.tag, value: 1.4.2 (several values: one per line in 'images' / 'values').",
    );
  }
  if (imageMode) {
    if (inputs.image === '') throw new InputError("Input 'image' is required with 'tag'/'digest'.", 'Name the image as the manifests write it, without tag, e.g. ghcr.io/acme/payments.');
    validateImageName(inputs.image, 'image');
    const { tag = '', digest = '' } = imageVersionInputs(inputs.tag, inputs.digest);
    if (tag === '' && digest === '') throw new InputError("Input 'tag' or 'digest' is required with 'image'.", 'Give the new tag (e.g. 1.4.2), the digest (sha256:…), or both.');
    const version = [tag, digest].filter((part) => part !== '').join('@');
    return {
      requests: [{ mode: 'image', image: { name: inputs.image, ...(tag !== '' ? { tag } : {}), ...(digest !== '' ? { digest } : {}) } }],
      message: { subject: `${inputs.image} to ${version}`, image: inputs.image, tag, digest, key: '', value: version },
    };
  }
  if (inputs.key === '') throw new InputError("Input 'key' is required with 'value'.", 'Give the key path to set, e.g. image.tag.');
  if (inputs.value === '') throw new InputError("Input 'value' is required with 'key'.", 'Give the value to set at the key path.');
  return {
    requests: [{ mode: 'key', path: parseKeyPath(inputs.key), value: singleLine(inputs.value, 'value') }],
    message: { subject: `${inputs.key} to ${inputs.value}`, image: '', tag: '', digest: '', key: inputs.key, value: inputs.value },
  };
}

/** `images` and/or `values`: several values in one commit; the one-value inputs must then be empty. */
function listMode(inputs: UpdateManifestInputs): Wanted {
  const single = (['image', 'tag', 'digest', 'key', 'value'] as const).filter((name) => inputs[name] !== '');
  if (single.length > 0) {
    throw new InputError(
      `Input${single.length === 1 ? '' : 's'} ${single.map((name) => `'${name}'`).join(', ')} and the lists 'images'/'values' were both given.`,
      "Put every value in the lists (an image as 'name=tag' in 'images', a key as 'key=value' in 'values'), or use the one-value inputs alone.",
    );
  }
  const requests = [...parseImageList(inputs.images), ...parseValueList(inputs.values)];
  return { requests, message: { subject: listSubject(requests), image: '', tag: '', digest: '', key: '', value: '' } };
}
