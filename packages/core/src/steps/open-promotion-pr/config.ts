import { parseDuration } from '../../text/duration';
import { InputError } from '../../errors';
import type { ForgeKind, MergeMethod } from '../../forge/forge';
import { apiUrlFor, forgeKindOfUrl, hostOf, forgeInput, repositoryOfUrl } from '../../forge/select';
import { branchSegment } from '../../git/branch-name';
import { imageValue, validateImageName } from '../../manifest/image-reference';
import type { EditRequest } from '../../manifest/edit-request';
import { formatKeyPath, parseKeyPath, type KeyPathSegment } from '../../manifest/key-path';
import { ciOf } from '../../platform/ci-environment';
import type { Author } from '../../git/author';
import { splitList } from '../../text/list-input';
import { parseBoolean, withDefaults, type StepInputs } from '../inputs';
import type { ArgoCdReviewConfig } from '../../promotion/review/review';
import type { ValueSelection } from '../../promotion/value-set';
import { argoCdReviewConfig } from '../argocd-inputs';
import { authorInputs, imageVersionInputs, singleLine } from '../shared-inputs';
import { openPromotionPrSpec } from './spec';

export type OpenPromotionPrInputs = StepInputs<typeof openPromotionPrSpec>;

/** What is promoted: an image (its tag/digest), one key path, or a set of them (`images` / `keys`). */
export type PromotionTarget =
  | { mode: 'image'; image: string }
  | { mode: 'key'; key: string; path: KeyPathSegment[] }
  | { mode: 'set'; selection: ValueSelection; onHeld: 'skip' | 'fail' };

/** Where the value comes from: read from the previous environment's files, or given. */
export type ValueSource = { from: 'files'; files: string[] } | { from: 'input'; request: EditRequest; value: string };

export interface OpenPromotionPrConfig {
  forge: ForgeKind;
  repository: string;
  repositoryUrl: string;
  apiUrl: string;
  /** The forge's web origin (https://github.com), for compare links. */
  webUrl: string;
  token: string;
  base?: string;
  files: string[];
  target: PromotionTarget;
  source: ValueSource;
  environment: string;
  sourceEnvironment?: string;
  branch: string;
  titleTemplate: string;
  bodyTemplate?: string;
  labels: string[];
  assignees: string[];
  reviewers: string[];
  teamReviewers: string[];
  draft: boolean;
  autoMerge: boolean;
  mergeMethod: MergeMethod;
  signCommits: boolean;
  sourceRepository?: string;
  /** Where the body's Argo CD sections read from; undefined without `argocd-server`. */
  argocd?: ArgoCdReviewConfig;
  author?: Author;
  pushTimeoutMs: number;
  allowRolledBack: boolean;
  dryRun: boolean;
}

/** Validates every input before anything is fetched; defaults come from the CI's variables in `env`. */
export function validateOpenPromotionPrInputs(given: OpenPromotionPrInputs, env: NodeJS.ProcessEnv): OpenPromotionPrConfig {
  const inputs = withDefaults(openPromotionPrSpec, given);
  const files = splitList(inputs.files);
  if (files.length === 0) {
    throw new InputError("Input 'files' is required.", "List the target environment's manifests, relative to the repository root, e.g. envs/prod/kustomization.yaml.");
  }
  const environment = singleLine(inputs.environment, 'environment');
  if (environment === '') throw new InputError("Input 'environment' is required.", 'Name the environment promoted to, e.g. environment: prod; it goes into the branch, the title and a label.');
  const target = targetOf(inputs);
  const source = valueSourceOf(inputs, target);

  const { forge, repository, repositoryUrl, apiUrl, webUrl } = whereTheRepositoryIs(inputs, env);
  const token = singleLine(inputs.token, 'token');
  if (token === '') {
    throw new InputError(
      "Input 'token' is required: the step reads and writes change requests through the API.",
      forge === 'github'
        ? 'Pass a token with contents: write and pull-requests: write, e.g. token: ${{ secrets.GITOPS_TOKEN }} (a GitHub App token, so the PR starts workflows).'
        : 'Pass a project or personal access token with the api scope from a masked CI/CD variable (GITOPS_PROMOTE_TOKEN).',
    );
  }
  const teamReviewers = splitList(inputs['team-reviewers']);
  if (teamReviewers.length > 0 && forge === 'gitlab') {
    throw new InputError("Input 'team-reviewers' is GitHub only.", "On GitLab, list the people in 'reviewers', or use CODEOWNERS approval rules.");
  }
  const mergeMethod = inputs['merge-method'];
  if (mergeMethod !== 'merge' && mergeMethod !== 'squash' && mergeMethod !== 'rebase') {
    throw new InputError(`Input 'merge-method' must be merge, squash or rebase, got ${JSON.stringify(mergeMethod)}.`, 'Set merge-method: merge (default), squash or rebase.');
  }
  // A set's branch is the environment's: a later run with another set updates the same one.
  const branch = singleLine(inputs.branch, 'branch') || `gitops-promote/${branchSegment(environment)}/${branchSegment(targetName(target))}`;
  const config: OpenPromotionPrConfig = {
    forge,
    repository,
    repositoryUrl,
    apiUrl: apiUrl.replace(/\/+$/, ''),
    webUrl,
    token,
    files,
    target,
    source,
    environment,
    branch,
    titleTemplate: singleLine(inputs.title, 'title'),
    labels: [...new Set(['promotion', environment, ...splitList(inputs.labels)])],
    assignees: splitList(inputs.assignees),
    reviewers: splitList(inputs.reviewers),
    teamReviewers,
    draft: parseBoolean(inputs.draft, 'draft'),
    autoMerge: parseBoolean(inputs['auto-merge'], 'auto-merge'),
    mergeMethod,
    signCommits: parseBoolean(inputs['sign-commits'], 'sign-commits'),
    pushTimeoutMs: parseDuration(inputs['push-timeout'], 'push-timeout'),
    allowRolledBack: parseBoolean(inputs['allow-rolled-back'], 'allow-rolled-back'),
    dryRun: parseBoolean(inputs['dry-run'], 'dry-run'),
  };
  if (inputs.base !== '') config.base = singleLine(inputs.base, 'base');
  if (inputs.body !== '') config.bodyTemplate = inputs.body;
  if (inputs['source-environment'] !== '') config.sourceEnvironment = singleLine(inputs['source-environment'], 'source-environment');
  if (inputs['source-repository'] !== '') config.sourceRepository = singleLine(inputs['source-repository'], 'source-repository');
  const author = authorInputs(inputs['author-name'], inputs['author-email']);
  if (author) config.author = author;
  const argocd = argoCdReviewConfig(inputs, env);
  if (argocd) config.argocd = argocd;
  return config;
}

/** Which forge hosts the environment repository, its path, clone URL, API and web origin: from the inputs, else the CI's variables. */
function whereTheRepositoryIs(inputs: OpenPromotionPrInputs, env: NodeJS.ProcessEnv): { forge: ForgeKind; repository: string; repositoryUrl: string; apiUrl: string; webUrl: string } {
  const repositoryUrlInput = singleLine(inputs['repository-url'], 'repository-url');
  const forge = forgeInput(inputs) ?? ciOf(env) ?? (repositoryUrlInput !== '' ? forgeKindOfUrl(repositoryUrlInput) : undefined);
  if (!forge) {
    throw new InputError(
      'Cannot tell whether the environment repository is on GitHub or GitLab.',
      "Set forge: github or forge: gitlab (outside GitHub Actions and GitLab CI, and for a host whose name does not say).",
    );
  }
  const repository = singleLine(inputs.repository, 'repository') || currentRepository(forge, env) || repositoryOfUrl(repositoryUrlInput);
  if (!repository || !/^[^/\s]+(\/[^/\s]+)+$/.test(repository) || (forge === 'github' && repository.split('/').length !== 2)) {
    throw new InputError(
      repository ? `Input 'repository' must be ${forge === 'github' ? 'owner/name' : 'group/sub/project'}, got ${JSON.stringify(repository)}.` : "Input 'repository' is required here.",
      forge === 'github' ? 'Example: repository: acme/environments.' : 'Example: repository: acme/platform/environments.',
    );
  }
  const webUrl = webOrigin(forge, env, repositoryUrlInput);
  const repositoryUrl = repositoryUrlInput || `${webUrl}/${repository}.git`;
  const apiUrl = singleLine(inputs['api-url'], 'api-url') || ciApiUrl(forge, env) || (webUrl ? apiUrlFor(forge, webUrl) : '');
  if (!apiUrl || !/^https?:\/\//.test(apiUrl)) {
    throw new InputError(
      apiUrl ? `Input 'api-url' must be an http(s) URL, got ${JSON.stringify(apiUrl)}.` : `Input 'api-url' is required when 'repository-url' is not on a forge's host.`,
      forge === 'github' ? 'GitHub: https://api.github.com, or https://<host>/api/v3 for GitHub Enterprise Server.' : 'GitLab: https://<host>/api/v4.',
    );
  }
  return { forge, repository, repositoryUrl, apiUrl, webUrl };
}

/** What is promoted, by name: the image, the key path as the input spelled it, or `environment` for a set. */
export function targetName(target: PromotionTarget): string {
  return target.mode === 'image' ? target.image : target.mode === 'key' ? target.key : 'environment';
}

function targetOf(inputs: OpenPromotionPrInputs): PromotionTarget {
  const set = setOf(inputs);
  if (set) return set;
  if (inputs['on-held'] !== '' && inputs['on-held'] !== 'fail') {
    throw new InputError("Input 'on-held' goes with 'images' / 'keys'.", "One value ('image' or 'key') is always refused when a rollback holds it; set allow-rolled-back: true to promote it anyway.");
  }
  if (inputs['exclude-images'] !== '') throw new InputError("Input 'exclude-images' goes with 'images'.", "Give 'images: all' (or a list) with it, or drop exclude-images.");
  if (inputs.image !== '' && inputs.key !== '') {
    throw new InputError("Inputs 'image' and 'key' were both given.", "Promote an image (image) or one key path (key), not both; for several values use 'images' and 'keys'.");
  }
  if (inputs.image !== '') {
    validateImageName(inputs.image, 'image');
    if (inputs.value !== '') throw new InputError("Input 'value' goes with 'key', not 'image'.", "For an image, give 'tag' and/or 'digest', or read them from 'source-files'.");
    return { mode: 'image', image: inputs.image };
  }
  if (inputs.key !== '') {
    if (inputs.tag !== '' || inputs.digest !== '') throw new InputError("Inputs 'tag'/'digest' go with 'image', not 'key'.", "For a key path, give 'value', or read it from 'source-files'.");
    const path = parseKeyPath(inputs.key);
    return { mode: 'key', key: formatKeyPath(path), path };
  }
  throw new InputError("Nothing to promote: give 'image', 'key', 'images' or 'keys'.", 'Example: image: ghcr.io/acme/payments (or images: all) with source-files: envs/staging/kustomization.yaml.');
}

/**
 * The environment mode (`images` / `keys`), or undefined for one value. The list forms exclude
 * the single ones, and the values are read from `source-files` (explicit ones name one value).
 */
function setOf(inputs: OpenPromotionPrInputs): PromotionTarget | undefined {
  if (inputs.images === '' && inputs.keys === '') return undefined;
  for (const [list, single] of [['images', 'image'], ['keys', 'key'], ['images', 'key'], ['keys', 'image']] as const) {
    if (inputs[list] !== '' && inputs[single] !== '') {
      throw new InputError(
        `Inputs '${single}' and '${list}' were both given.`,
        `Keep '${list}' for a set (list the ${single === 'image' ? 'image' : 'key path'} in '${single}s'), or keep '${single}' alone for one value.`,
      );
    }
  }
  for (const name of ['tag', 'digest', 'value'] as const) {
    if (inputs[name] !== '') {
      throw new InputError(`Input '${name}' names one value; it does not go with 'images' / 'keys'.`, "The set's values are read from 'source-files'; for one explicit value use 'image' or 'key' with it.");
    }
  }
  if (splitList(inputs['source-files']).length === 0) {
    throw new InputError("Inputs 'images' / 'keys' need 'source-files': the values of the set are read from the previous environment.", 'Example: source-files: envs/staging/*.yaml.');
  }
  if (inputs['exclude-images'] !== '' && inputs.images === '') throw new InputError("Input 'exclude-images' goes with 'images'.", "Give 'images: all' (or a list) with it, or drop exclude-images.");
  return { mode: 'set', selection: selectionOf(inputs), onHeld: onHeldOf(inputs['on-held']) };
}

function selectionOf(inputs: OpenPromotionPrInputs): ValueSelection {
  const listed = splitList(inputs.images);
  const all = listed.length === 1 && listed[0] === 'all';
  if (!all) for (const name of listed) validateImageName(name, 'images');
  // A key path may hold commas (`parameters[name=a,b]`): one per line.
  const keys = inputs.keys.split('\n').map((line) => line.trim()).filter((line) => line !== '').map((line) => parseKeyPath(line));
  return { ...(listed.length > 0 ? { images: all ? ('all' as const) : listed } : {}), excludeImages: splitList(inputs['exclude-images']), keys };
}

function onHeldOf(input: string): 'skip' | 'fail' {
  if (input === '' || input === 'skip') return 'skip';
  if (input === 'fail') return 'fail';
  throw new InputError(`Input 'on-held' must be skip or fail, got ${JSON.stringify(input)}.`, 'on-held: skip leaves a held value out and names it; on-held: fail refuses the whole promotion.');
}

function valueSourceOf(inputs: OpenPromotionPrInputs, target: PromotionTarget): ValueSource {
  const sourceFiles = splitList(inputs['source-files']);
  const explicit = inputs.tag !== '' || inputs.digest !== '' || inputs.value !== '';
  if (sourceFiles.length > 0 && explicit) {
    throw new InputError("Inputs 'source-files' and 'tag'/'digest'/'value' were both given.", 'Read the value from the previous environment (source-files) or give it explicitly, not both.');
  }
  if (sourceFiles.length > 0) return { from: 'files', files: sourceFiles };
  if (!explicit) {
    throw new InputError(
      "Nothing says which value to promote: give 'source-files' (the previous environment's manifests) or the value itself.",
      target.mode === 'image' ? 'Example: source-files: envs/staging/kustomization.yaml, or tag: 1.4.2.' : 'Example: source-files: envs/staging/values.yaml, or value: 1.4.2.',
    );
  }
  if (target.mode === 'set') throw new Error('a set reads its values from source-files (checked in setOf)');
  if (target.mode === 'image') {
    const version = imageVersionInputs(inputs.tag, inputs.digest);
    return { from: 'input', request: { mode: 'image', image: { name: target.image, ...version } }, value: imageValue(version) };
  }
  const value = singleLine(inputs.value, 'value');
  return { from: 'input', request: { mode: 'key', path: target.path, value }, value };
}

function currentRepository(forge: ForgeKind, env: NodeJS.ProcessEnv): string | undefined {
  return forge === 'github' ? env.GITHUB_REPOSITORY : env.CI_PROJECT_PATH;
}

function ciApiUrl(forge: ForgeKind, env: NodeJS.ProcessEnv): string | undefined {
  return forge === 'github' ? env.GITHUB_API_URL : env.CI_API_V4_URL;
}

function webOrigin(forge: ForgeKind, env: NodeJS.ProcessEnv, repositoryUrl: string): string {
  const ci = forge === 'github' ? env.GITHUB_SERVER_URL : env.CI_SERVER_URL;
  if (ci) return ci.replace(/\/+$/, '');
  const host = repositoryUrl !== '' ? hostOf(repositoryUrl) : undefined;
  if (host) return `https://${host}`;
  return forge === 'github' ? 'https://github.com' : 'https://gitlab.com';
}
