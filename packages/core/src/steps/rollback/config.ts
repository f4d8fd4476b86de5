import { parseDuration } from '../../text/duration';
import { InputError } from '../../errors';
import type { ForgeKind } from '../../forge/forge';
import { forgeInput } from '../../forge/select';
import { imageValue, validateImageName } from '../../manifest/image-reference';
import { splitList } from '../../text/list-input';
import { formatKeyPath, parseKeyPath } from '../../manifest/key-path';
import type { ReadTarget } from '../../manifest/manifest-reader';
import type { Author } from '../../git/author';
import { parseBoolean, withDefaults, type StepInputs } from '../inputs';
import type { ArgoCdReviewConfig } from '../../promotion/review/review';
import { argoCdReviewConfig } from '../review-inputs';
import { authorInputs, imageVersionInputs, singleLine } from '../shared-inputs';
import { rollbackSpec } from './spec';

export type RollbackInputs = StepInputs<typeof rollbackSpec>;

export interface RollbackConfig {
  path: string;
  files: string[];
  target: ReadTarget;
  /** The image name or the formatted key path, as messages and trailers name it. */
  targetName: string;
  /** Explicit value to return to; undefined: found in the history. */
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
  if ((inputs.image === '') === (inputs.key === '')) {
    throw new InputError("Give exactly one of 'image' and 'key'.", 'Example: image: ghcr.io/acme/payments, or key: image.tag.');
  }
  let target: ReadTarget;
  let targetName: string;
  if (inputs.image !== '') {
    validateImageName(inputs.image, 'image');
    target = { mode: 'image', name: inputs.image };
    targetName = inputs.image;
  } else {
    const path = parseKeyPath(inputs.key);
    target = { mode: 'key', path };
    targetName = formatKeyPath(path);
  }
  const mode = inputs.mode;
  if (mode !== 'commit' && mode !== 'pull-request') throw new InputError(`Input 'mode' must be commit or pull-request, got ${JSON.stringify(mode)}.`, 'Set mode: commit (default) or mode: pull-request.');
  const config: RollbackConfig = {
    path: inputs.path,
    files,
    target,
    targetName,
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
  if (inputs.to !== '') {
    const to = singleLine(inputs.to, 'to');
    if (target.mode === 'image') {
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
