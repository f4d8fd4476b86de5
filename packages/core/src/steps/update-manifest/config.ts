import { InputError } from '../../errors';
import { validateDigest, validateImageName, validateTag } from '../../image-reference';
import { parseKeyPath } from '../../manifest/key-path';
import type { EditRequest } from '../../manifest/manifest-editor';
import type { Author, Platform } from '../../platform/platform';
import { splitList } from '../../repo-files';
import { parseCommitMessageTemplate } from './commit-message';
import { updateManifestSpec } from './spec';

/** Everything update-manifest needs, validated before any file or ref is touched. */
export interface UpdateManifestConfig {
  path: string;
  files: string[];
  request: EditRequest;
  commit: boolean;
  push: boolean;
  /** Branch to push to; undefined means the checked-out branch. */
  branch?: string;
  remote: string;
  commitMessage: string;
  author?: Author;
  token?: string;
  dryRun: boolean;
}


/** The inputs exactly as `action.yml` names them; the CLI's flags and GitLab's variables mirror them. */
export type UpdateManifestInputs = Record<(typeof updateManifestSpec.inputs)[number]['name'], string>;

export function readUpdateManifestInputs(platform: Platform): UpdateManifestInputs {
  const inputs: Partial<UpdateManifestInputs> = {};
  for (const { name } of updateManifestSpec.inputs) inputs[name] = platform.getInput(name);
  return inputs as UpdateManifestInputs;
}

export function parseBoolean(value: string, name: string, fallback: boolean): boolean {
  if (value === '') return fallback;
  if (/^(true|yes|1|on)$/i.test(value)) return true;
  if (/^(false|no|0|off)$/i.test(value)) return false;
  throw new InputError(`Input '${name}' must be true or false, got ${JSON.stringify(value)}.`, `Set ${name}: true or ${name}: false.`);
}

function singleLine(value: string, name: string): string {
  if (/[\r\n\u0000]/.test(value)) {
    throw new InputError(`Input '${name}' must be a single line.`, `Remove line breaks from '${name}'.`);
  }
  return value;
}

export function validateUpdateManifestInputs(inputs: UpdateManifestInputs): UpdateManifestConfig {
  const files = splitList(inputs.files);
  if (files.length === 0) {
    throw new InputError(
      "Input 'files' is required.",
      "List the manifests to edit, relative to 'path', one per line or comma-separated; globs work: 'envs/dev/kustomization.yaml' or 'envs/dev/**/*.yaml'.",
    );
  }
  const imageMode = inputs.image !== '' || inputs.tag !== '' || inputs.digest !== '';
  const keyMode = inputs.key !== '' || inputs.value !== '';
  if (imageMode && keyMode) {
    throw new InputError(
      "Inputs 'image'/'tag'/'digest' and 'key'/'value' were both given.",
      "Use image mode (image + tag and/or digest) or key-path mode (key + value), not both; run the step twice for two edits.",
    );
  }
  if (!imageMode && !keyMode) {
    throw new InputError(
      "Nothing to set: give 'image' with 'tag' and/or 'digest', or 'key' with 'value'.",
      "Example: image: ghcr.io/acme/payments, tag: 1.4.2 — or key: image.tag, value: 1.4.2.",
    );
  }
  let request: EditRequest;
  let subject: string;
  let version: string;
  if (imageMode) {
    if (inputs.image === '') throw new InputError("Input 'image' is required with 'tag'/'digest'.", 'Name the image as the manifests write it, without tag, e.g. ghcr.io/acme/payments.');
    validateImageName(inputs.image, 'image');
    let tag = inputs.tag;
    let digest = inputs.digest;
    // `tag` may carry its digest (`1.4.2@sha256:…`), as build tools often print it.
    if (tag.includes('@')) {
      const [tagPart = '', digestPart = ''] = tag.split('@', 2);
      if (digest !== '' && digest !== digestPart) {
        throw new InputError("Input 'tag' carries a digest that differs from input 'digest'.", "Give the digest in one place only.");
      }
      tag = tagPart;
      digest = digestPart;
    }
    if (tag === '' && digest === '') throw new InputError("Input 'tag' or 'digest' is required with 'image'.", 'Give the new tag (e.g. 1.4.2), the digest (sha256:…), or both.');
    if (tag !== '') validateTag(tag, 'tag');
    if (digest !== '') validateDigest(digest, 'digest');
    request = { mode: 'image', image: { name: inputs.image, ...(tag !== '' ? { tag } : {}), ...(digest !== '' ? { digest } : {}) } };
    version = [tag, digest].filter((part) => part !== '').join('@');
    subject = `${inputs.image} to ${version}`;
  } else {
    if (inputs.key === '') throw new InputError("Input 'key' is required with 'value'.", 'Give the key path to set, e.g. image.tag.');
    if (inputs.value === '') throw new InputError("Input 'value' is required with 'key'.", 'Give the value to set at the key path.');
    request = { mode: 'key', path: parseKeyPath(inputs.key), value: singleLine(inputs.value, 'value') };
    version = inputs.value;
    subject = `${inputs.key} to ${inputs.value}`;
  }
  const commit = parseBoolean(inputs.commit, 'commit', true);
  const push = parseBoolean(inputs.push, 'push', true) && commit;
  if ((inputs['author-name'] === '') !== (inputs['author-email'] === '')) {
    throw new InputError("Inputs 'author-name' and 'author-email' go together.", 'Set both, or neither to use the default identity.');
  }
  const branch = singleLine(inputs.branch, 'branch');
  if (branch !== '' && (/[\s~^:?*[\\]|\.\.|@\{|^[-/]|\/$|\.lock$/.test(branch))) {
    throw new InputError(`Input 'branch' is not a valid branch name: ${JSON.stringify(branch)}.`, 'Use a plain branch name such as main or env/dev.');
  }
  const template = inputs['commit-message'] || 'chore(deploy): set {{subject}}';
  const config: UpdateManifestConfig = {
    path: inputs.path || '.',
    files,
    request,
    commit,
    push,
    remote: 'origin',
    commitMessage: parseCommitMessageTemplate(template, {
      subject,
      image: inputs.image,
      tag: request.mode === 'image' ? (request.image.tag ?? '') : '',
      digest: request.mode === 'image' ? (request.image.digest ?? '') : '',
      key: inputs.key,
      value: version,
    }),
    dryRun: parseBoolean(inputs['dry-run'], 'dry-run', false),
  };
  if (branch !== '') config.branch = branch;
  if (inputs['author-name'] !== '') config.author = { name: singleLine(inputs['author-name'], 'author-name'), email: singleLine(inputs['author-email'], 'author-email') };
  if (inputs.token !== '') config.token = singleLine(inputs.token, 'token');
  return config;
}
