import { parseDuration } from '../../text/duration';
import { InputError } from '../../errors';
import type { ForgeKind } from '../../forge/forge';
import { forgeInput } from '../../forge/select';
import { imageValue, normalizeImageName, validateImageName } from '../../manifest/image-reference';
import { splitList } from '../../text/list-input';
import { formatKeyPath, parseKeyPath } from '../../manifest/key-path';
import type { ReadTarget } from '../../manifest/manifest-reader';
import type { Author } from '../../git/author';
import { parseBoolean, withDefaults, type StepInputs } from '../inputs';
import type { ArgoCdReviewConfig } from '../../promotion/review/review';
import { argoCdReviewConfig } from '../argocd-inputs';
import { authorInputs, imageVersionInputs, singleLine } from '../shared-inputs';
import { rollbackSpec } from './spec';

export type RollbackInputs = StepInputs<typeof rollbackSpec>;

/** One value to roll back: an image or a key path, with the name messages and trailers give it. */
export interface RollbackTarget {
  target: ReadTarget;
  /** The image name as the input spells it, or the formatted key path. */
  name: string;
}

export interface RollbackConfig {
  path: string;
  files: string[];
  /**
   * The values to roll back: `image` or `key` (one), or the `images`/`keys` lists (one car of a
   * train). Empty with `allValues`.
   */
  targets: RollbackTarget[];
  /** `images: all`: the values are those the newest commit that changed any value changed (the whole train). */
  allValues: boolean;
  /** The input the targets came from, as errors name it (`image`, `key`, `images`, `keys`). */
  targetInput: string;
  /** Explicit value to return to (one target only); undefined: found in the history. */
  to?: { value: string; tag?: string; digest?: string };
  reason: string;
  mode: 'commit' | 'pull-request';
  push: boolean;
  branch?: string;
  /** mode: commit may push to a branch the remote does not have yet (create-branch). */
  createBranch: boolean;
  token?: string;
  commitMessageTemplate: string;
  author?: Author;
  pushTimeoutMs: number;
  environment?: string;
  forge?: ForgeKind;
  repository?: string;
  apiUrl?: string;
  labels: string[];
  reviewers: string[];
  /** mode: pull-request: the application repository, for the commits the rollback takes out. */
  sourceRepository?: string;
  /** mode: pull-request: where the body's Argo CD diff reads from. */
  argocd?: ArgoCdReviewConfig;
  dryRun: boolean;
}

export function validateRollbackInputs(given: RollbackInputs, env: NodeJS.ProcessEnv = process.env): RollbackConfig {
  const inputs = withDefaults(rollbackSpec, given);
  const files = splitList(inputs.files);
  if (files.length === 0) throw new InputError("Input 'files' is required.", "List the environment's manifests, relative to 'path', e.g. envs/prod/kustomization.yaml.");
  const selection = rollbackTargets(inputs);
  const mode = inputs.mode;
  if (mode !== 'commit' && mode !== 'pull-request') throw new InputError(`Input 'mode' must be commit or pull-request, got ${JSON.stringify(mode)}.`, 'Set mode: commit (default) or mode: pull-request.');
  const config: RollbackConfig = {
    path: inputs.path,
    files,
    ...selection,
    reason: singleLine(inputs.reason, 'reason'),
    mode,
    push: parseBoolean(inputs.push, 'push'),
    createBranch: parseBoolean(inputs['create-branch'], 'create-branch'),
    commitMessageTemplate: inputs['commit-message'],
    pushTimeoutMs: parseDuration(inputs['push-timeout'], 'push-timeout'),
    labels: [...new Set(['rollback', ...(inputs.environment ? [inputs.environment] : []), ...splitList(inputs.labels)])],
    reviewers: splitList(inputs.reviewers),
    dryRun: parseBoolean(inputs['dry-run'], 'dry-run'),
  };
  const [single] = selection.targets;
  if (inputs.to !== '') {
    if (!single || selection.targets.length !== 1 || selection.allValues || (inputs.image === '' && inputs.key === '')) {
      throw new InputError("Input 'to' goes with 'image' or 'key' (one value).", "Drop 'to' to return each of 'images'/'keys' to its own last good value, or roll back one value with 'image'/'key' and 'to'.");
    }
    const to = singleLine(inputs.to, 'to');
    if (single.target.mode === 'image') {
      const version = imageVersionInputs(to.startsWith('@') ? '' : to, to.startsWith('@') ? to.slice(1) : '');
      config.to = { value: imageValue(version), ...version };
    } else {
      config.to = { value: to };
    }
  }
  if (inputs.branch !== '') config.branch = singleLine(inputs.branch, 'branch');
  if (inputs.token !== '') config.token = singleLine(inputs.token, 'token');
  if (inputs.environment !== '') config.environment = singleLine(inputs.environment, 'environment');
  const forge = forgeInput(inputs);
  if (forge) config.forge = forge;
  if (inputs.repository !== '') config.repository = singleLine(inputs.repository, 'repository');
  if (inputs['api-url'] !== '') config.apiUrl = singleLine(inputs['api-url'], 'api-url');
  const author = authorInputs(inputs['author-name'], inputs['author-email']);
  if (author) config.author = author;
  if (inputs['source-repository'] !== '') config.sourceRepository = singleLine(inputs['source-repository'], 'source-repository');
  const argocd = argoCdReviewConfig(inputs, env);
  if (argocd) config.argocd = argocd;
  if (config.mode !== 'pull-request' && (config.argocd || config.sourceRepository)) {
    throw new InputError("Inputs 'argocd-server', 'argocd-application' and 'source-repository' describe a change request: they go with mode: pull-request.", 'Set mode: pull-request, or drop them (a direct commit has no description to show them in).');
  }
  if (config.mode === 'pull-request' && !config.token) {
    throw new InputError("Input 'token' is required with mode: pull-request: the PR/MR is opened through the forge's API.", 'Pass a token with contents and pull-requests write (GitHub) or the api scope (GitLab).');
  }
  return config;
}

/**
 * Which values: exactly one of `image`, `key`, or the lists `images` (names, or `all`) and `keys`
 * (key paths, one per line: a key path may hold a comma). `images: all` takes the values from
 * history, so it stands alone.
 */
function rollbackTargets(inputs: { image: string; key: string; images: string; keys: string }): Pick<RollbackConfig, 'targets' | 'allValues' | 'targetInput'> {
  const images = splitList(inputs.images);
  const keys = inputs.keys.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const given = [inputs.image !== '', inputs.key !== '', images.length > 0 || keys.length > 0].filter(Boolean).length;
  if (given !== 1) {
    throw new InputError(
      "Give exactly one of 'image' and 'key', or the lists 'images' and 'keys' instead.",
      'Example: image: ghcr.io/acme/payments; key: image.tag; images: all (every value the newest change set); images: ghcr.io/acme/payments, ghcr.io/acme/ledger.',
    );
  }
  if (inputs.image !== '') {
    validateImageName(inputs.image, 'image');
    return { targets: [{ target: { mode: 'image', name: inputs.image }, name: inputs.image }], allValues: false, targetInput: 'image' };
  }
  if (inputs.key !== '') {
    const path = parseKeyPath(inputs.key);
    return { targets: [{ target: { mode: 'key', path }, name: formatKeyPath(path) }], allValues: false, targetInput: 'key' };
  }
  if (images.some((image) => image.toLowerCase() === 'all')) {
    if (images.length > 1 || keys.length > 0) {
      throw new InputError("Input 'images: all' stands alone: it already takes every value (images and keys) the newest change set.", "Set images: all alone, or list the images and keys to roll back instead.");
    }
    return { targets: [], allValues: true, targetInput: 'images' };
  }
  const targets: RollbackTarget[] = [];
  const seen = new Set<string>();
  for (const image of images) {
    validateImageName(image, 'images');
    const id = `image:${normalizeImageName(image)}`;
    if (!seen.has(id)) targets.push({ target: { mode: 'image', name: image }, name: image });
    seen.add(id);
  }
  for (const key of keys) {
    const path = parseKeyPath(key);
    const id = `key:${formatKeyPath(path)}`;
    if (!seen.has(id)) targets.push({ target: { mode: 'key', path }, name: formatKeyPath(path) });
    seen.add(id);
  }
  return { targets, allValues: false, targetInput: images.length > 0 ? 'images' : 'keys' };
}
