import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { FileSelectionError, GitError, ManifestEditError, PushRetriesExhaustedError } from '../../errors';
import { tokenAuth } from '../../git/git-auth';
import { fetchHint, GitRepository } from '../../git/git-repository';
import { editManifest, type FileEditResult, type ManifestChange } from '../../manifest/manifest-editor';
import { formatKeyPath } from '../../manifest/key-path';
import type { Platform } from '../../platform/platform';
import { selectFiles } from '../../repo-files';
import { writeFileAtomically } from '../../write-file';
import type { UpdateManifestConfig } from './config';

/** What update-manifest did; each field becomes an output of the same name. */
export interface UpdateManifestResult {
  changed: boolean;
  changedFiles: string[];
  changes: ManifestChange[];
  commitSha: string;
  pushed: boolean;
}

/** Attempts at pushing before giving up; each lost race costs one fetch-reset-reapply. */
const PUSH_ATTEMPTS = 10;

export interface RunOptions {
  /**
   * Backoff before retry n is random in [0, min(maxDelay, base·2ⁿ)] ms ("full jitter"), where base
   * is the larger of minDelay and how long the attempt that lost took: the slower one
   * fetch-edit-commit-push round is, the wider racing runs must spread out to stop colliding.
   */
  minDelayMs?: number;
  maxDelayMs?: number;
  attempts?: number;
}

/** The delay before retry `retry` (1 = the first), after an attempt that took `lastAttemptMs`; see RunOptions. */
function retryDelayMs(retry: number, lastAttemptMs: number, options: RunOptions = {}, random: () => number = Math.random): number {
  const base = Math.max(options.minDelayMs ?? 250, lastAttemptMs);
  return Math.round(random() * Math.min(options.maxDelayMs ?? 8000, base * 2 ** retry));
}

/** A file's edit, with where it lives on disk. */
interface PlannedFile extends FileEditResult {
  absolute: string;
}

/** Reads and edits every selected file in memory; nothing is written if any file fails. */
async function planEdits(config: UpdateManifestConfig): Promise<PlannedFile[]> {
  const files = await selectFiles(config.path, config.files);
  const results: PlannedFile[] = [];
  for (const file of files) {
    const bytes = await readFile(file.absolute);
    const source = bytes.toString('utf8');
    if (!Buffer.from(source, 'utf8').equals(bytes)) {
      throw new FileSelectionError(`${file.relative} is not UTF-8 text.`, 'Save the manifest as UTF-8 (Kubernetes and Helm read YAML as UTF-8 anyway).');
    }
    results.push({ ...editManifest(source, file.relative, config.request), absolute: file.absolute });
  }
  const matched = results.reduce((sum, result) => sum + result.matched, 0);
  if (matched === 0) throw nothingMatched(config, results);
  return results;
}

function nothingMatched(config: UpdateManifestConfig, results: readonly FileEditResult[]): ManifestEditError {
  const where = `${results.length} file${results.length === 1 ? '' : 's'} (${results.map((r) => r.file).slice(0, 5).join(', ')}${results.length > 5 ? ', …' : ''})`;
  if (config.request.mode === 'image') {
    const seen = [...new Set(results.flatMap((r) => [...r.imagesSeen]))].sort();
    return new ManifestEditError(
      `Image ${config.request.image.name} is not referenced in ${where}.`,
      seen.length > 0
        ? `The image name must match exactly (registry and path, no tag). Images found: ${seen.slice(0, 10).join(', ')}${seen.length > 10 ? ', …' : ''}.`
        : "These files reference no image; check 'files'.",
    );
  }
  return new ManifestEditError(
    `Key path ${config.request.mode === 'key' ? formatKeyPath(config.request.path) : ''} exists in none of ${where}.`,
    "Check the key path against the file (list positions count from 0); a missing key is not created.",
  );
}

function changedOnly<T extends FileEditResult>(results: readonly T[]): T[] {
  return results.filter((result) => result.output !== result.source);
}

function logChanges(platform: Platform, results: readonly FileEditResult[]): void {
  for (const result of results) {
    if (result.changes.length === 0) {
      platform.info(`${result.file}: already up to date (${result.matched} match${result.matched === 1 ? '' : 'es'})`);
    }
    for (const change of result.changes) {
      const from = change.previous === null ? '(added)' : JSON.stringify(change.previous);
      const to = change.value === null ? '(removed)' : JSON.stringify(change.value);
      platform.info(`${change.file}:${change.line} ${change.path}: ${from} → ${to}`);
    }
  }
}

async function writeAll(results: readonly PlannedFile[]): Promise<void> {
  for (const result of changedOnly(results)) await writeFileAtomically(result.absolute, result.output);
}

/**
 * Writes the edits and commits them; if the commit fails (a hook, a missing identity, signing),
 * the files get their old bytes back, so a failed run leaves the work tree as it found it.
 */
async function writeAndCommit(repo: GitRepository, config: UpdateManifestConfig, platform: Platform, planned: readonly PlannedFile[]): Promise<string> {
  const changed = changedOnly(planned);
  await writeAll(changed);
  try {
    return await repo.commit(changed.map((r) => r.file), config.commitMessage, config.author ?? platform.defaultAuthor());
  } catch (error) {
    for (const file of changed) await writeFileAtomically(file.absolute, file.source);
    await repo.unstage(changed.map((r) => r.file));
    throw error;
  }
}

export async function runUpdateManifest(config: UpdateManifestConfig, platform: Platform, options: RunOptions = {}): Promise<UpdateManifestResult> {
  if (config.token) platform.setSecret(config.token);
  const results = await platform.group('Editing manifests', async () => {
    const planned = await planEdits(config);
    logChanges(platform, planned);
    return planned;
  });
  const changed = changedOnly(results);
  const result: UpdateManifestResult = {
    changed: changed.length > 0,
    changedFiles: changed.map((r) => r.file),
    changes: results.flatMap((r) => r.changes),
    commitSha: '',
    pushed: false,
  };
  if (!result.changed) {
    platform.info('Nothing to change: every match already has the requested value.');
    return result;
  }
  if (config.dryRun) {
    platform.info(`Dry run: ${result.changes.length} change(s) in ${changed.length} file(s) not written.`);
    return result;
  }
  if (!config.commit) {
    await writeAll(results);
    platform.info(`Wrote ${changed.length} file(s); commit: false, so nothing was committed.`);
    return result;
  }
  return platform.group('Committing and pushing', () => commitAndPush(config, platform, results, result, options));
}

async function commitAndPush(
  config: UpdateManifestConfig,
  platform: Platform,
  planned: PlannedFile[],
  result: UpdateManifestResult,
  options: RunOptions,
): Promise<UpdateManifestResult> {
  const redact = (text: string): string => platform.redact(text);
  const probe = await GitRepository.open(config.path, {}, redact);
  let remoteEnv: Record<string, string> = {};
  if (config.token && config.push) {
    const auth = tokenAuth(await probe.remoteUrl(config.remote), config.token, tokenUsername(platform, config.token));
    if (auth) {
      platform.setSecret(auth.credential);
      remoteEnv = auth.env;
    } else {
      platform.warning(`Remote '${config.remote}' is not an HTTPS URL; input 'token' is ignored and git's own credentials (e.g. SSH keys) are used.`);
    }
  }
  const repo = new GitRepository(probe.workTree, remoteEnv, redact);
  const branch = config.branch ?? (await repo.currentBranch());
  if (config.push && !branch) {
    throw new GitError(
      'HEAD is detached, so there is no branch to push to.',
      "Set the input 'branch' (e.g. main), or check out a branch (actions/checkout with 'ref: main').",
    );
  }
  const dirty = await repo.dirtyFiles(changedOnly(planned).map((r) => r.file));
  if (dirty.length > 0) {
    throw new FileSelectionError(
      `Uncommitted changes in ${dirty.join(', ')} would be committed along with the edit.`,
      'Commit or stash them first, or run with commit: false.',
    );
  }
  const base = await repo.head();
  result.commitSha = await writeAndCommit(repo, config, platform, planned);
  platform.info(`Committed ${result.commitSha.slice(0, 12)}: ${config.commitMessage.split('\n')[0] ?? ''}`);
  if (!config.push || !branch) return result;

  await pushWithRetries(config, platform, repo, branch, base, result, options).catch(async (error: unknown) => {
    // A run that cannot push leaves the checkout as it found it: our unpushed commit is undone
    // (`--keep` refuses rather than touch other local work), and running again redoes it.
    await repo.resetKeep(base).then(
      () => platform.info(`The unpushed commit was undone; the checkout is back at ${base.slice(0, 12)}.`),
      () => platform.warning(`The unpushed commit ${result.commitSha.slice(0, 12)} is still in the checkout.`),
    );
    throw error;
  });
  result.pushed = result.changed;
  if (result.pushed) platform.info(`Pushed ${result.commitSha.slice(0, 12)} to ${config.remote}/${branch}.`);
  return result;
}

/**
 * Pushes; after each lost race, waits (see retryDelayMs), rebuilds on the remote tip and pushes
 * again. Only a lost race is retried: a refusal, or a failure while re-applying (fetch refused,
 * `reset --keep` protecting local work), would fail the same way after every backoff.
 */
async function pushWithRetries(
  config: UpdateManifestConfig,
  platform: Platform,
  repo: GitRepository,
  branch: string,
  base: string,
  result: UpdateManifestResult,
  options: RunOptions,
): Promise<void> {
  const attempts = options.attempts ?? PUSH_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    const started = Date.now();
    if (attempt > 1) await rebuildOnRemote(config, platform, repo, branch, base, result);
    if (!result.changed) return;
    const outcome = await repo.push(config.remote, branch);
    if (outcome.ok) return;
    if (!outcome.race) throw new GitError(`git push to ${branch} was refused: ${outcome.message}`, fetchHint(outcome.message));
    if (attempt >= attempts) {
      throw new PushRetriesExhaustedError(
        `Could not push to ${branch} after ${attempts} attempts: other pushes kept moving the branch.`,
        'Run the step again; if this repeats, fewer concurrent writers to one branch (or a merge queue) will help.',
      );
    }
    const delay = retryDelayMs(attempt, Date.now() - started, options);
    platform.info(`Push attempt ${attempt}/${attempts}: the remote branch moved; fetching and re-applying the edit in ${(delay / 1000).toFixed(1)} s.`);
    await sleep(delay);
  }
}

/**
 * After a lost race: move to the remote tip, edit the files as they are now, commit again. A
 * commit of ours that the remote lacks is dropped (it is re-made); a local commit that is not ours
 * would be lost by the reset, so that stops the run instead.
 */
async function rebuildOnRemote(
  config: UpdateManifestConfig,
  platform: Platform,
  repo: GitRepository,
  branch: string,
  base: string,
  result: UpdateManifestResult,
): Promise<void> {
  const tip = await repo.fetch(config.remote, branch);
  if (!tip) {
    throw new GitError(`Branch ${branch} was deleted from ${config.remote} while the push was being retried.`, `Recreate ${branch} on ${config.remote} (or set 'branch'), then run again.`);
  }
  const unpushed = await repo.countMissing(base, tip);
  if (unpushed > 0) {
    throw new GitError(
      `The local branch has ${unpushed} commit(s) that ${config.remote}/${branch} does not, and the push was rejected.`,
      `Push or drop those commits first (git log ${config.remote}/${branch}..HEAD), or check out ${branch} itself; resetting onto the remote would lose them.`,
    );
  }
  await repo.resetKeep(tip);
  const planned = await planEdits(config);
  const changed = changedOnly(planned);
  result.changes = planned.flatMap((r) => r.changes);
  result.changedFiles = changed.map((r) => r.file);
  if (changed.length === 0) {
    platform.info(`${config.remote}/${branch} already has the requested values; nothing to push.`);
    result.changed = false;
    result.commitSha = tip;
    return;
  }
  result.commitSha = await writeAndCommit(repo, config, platform, planned);
}

function tokenUsername(platform: Platform, token: string): string {
  if (platform.name !== 'gitlab') return 'x-access-token';
  return token === process.env.CI_JOB_TOKEN ? 'gitlab-ci-token' : 'oauth2';
}
