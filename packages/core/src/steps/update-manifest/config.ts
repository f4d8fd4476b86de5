import { parseDuration } from '../../duration';
import { InputError } from '../../errors';
import { isValidDigest, quoteForMessage, validateDigest, validateImageName, validateTag } from '../../image-reference';
import { parseKeyPath } from '../../manifest/key-path';
import type { EditRequest } from '../../manifest/manifest-editor';
import type { Author } from '../../platform/platform';
import { splitList } from '../../list-input';
import { parseBoolean, type StepInputs } from '../inputs';
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
  /** How long lost push races are retried, in ms. */
  pushTimeoutMs: number;
  remote: string;
  commitMessage: string;
  author?: Author;
  token?: string;
  dryRun: boolean;
}

export type UpdateManifestInputs = StepInputs<typeof updateManifestSpec>;


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
    // `tag` may carry its digest (`1.4.2@sha256:…`), as build tools often print it. Everything
    // after the first `@` is that digest and is validated whole, so `1.0@sha256:…@junk` or `1.0@`
    // is refused rather than trimmed to something the user did not write.
    const at = tag.indexOf('@');
    if (at >= 0) {
      const tagPart = tag.slice(0, at);
      const digestPart = tag.slice(at + 1);
      if (!isValidDigest(digestPart)) {
        throw new InputError(
          `Input 'tag' carries an invalid digest after its first '@': ${quoteForMessage(digestPart)}.`,
          "Write 'tag' as <tag>@sha256:<64 lower-case hex digits> (or sha512 and 128), with one '@', or give the digest in 'digest'.",
        );
      }
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
  // Checked with `git check-ref-format --branch` by the run, before anything is committed.
  const branch = singleLine(inputs.branch, 'branch');
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
    pushTimeoutMs: parseDuration(inputs['push-timeout'] || '5m', 'push-timeout'),
  };
  if (branch !== '') config.branch = branch;
  if (inputs['author-name'] !== '') {
    // git rewrites an identity silently (ident.c, strbuf_addstr_without_crud): it deletes `<`, `>`
    // and line breaks anywhere, and strips C0 controls, spaces and . , : ; " ' \ from both ends
    // (so `<bot@x>` becomes `bot@x`, `Tolkien Jr.` becomes `Tolkien Jr`). Refuse exactly those, plus
    // any control character (C0, DEL, C1) inside, which git keeps but no identity should hold.
    for (const input of ['author-name', 'author-email'] as const) {
      const value = inputs[input];
      if (/[\u0000-\u001f\u007f-\u009f<>]/.test(value) || /^[ .,:;"'\\]|[ .,:;"'\\]$/.test(value)) {
        throw new InputError(
          `Input '${input}' ${quoteForMessage(value)} is not kept as written by git: it drops '<', '>' and line breaks, and spaces and . , : ; " ' \\ at either end (control characters are refused too).`,
          input === 'author-email'
            ? "Give the bare address without angle brackets or surrounding punctuation, e.g. author-email: deploy-bot@example.com."
            : "Give the name without '<', '>' or control characters and with no space or . , : ; \" ' \\ at either end, e.g. author-name: Deploy Bot.",
        );
      }
    }
    config.author = { name: inputs['author-name'], email: inputs['author-email'] };
  }
  if (inputs.token !== '') config.token = singleLine(inputs.token, 'token');
  return config;
}
