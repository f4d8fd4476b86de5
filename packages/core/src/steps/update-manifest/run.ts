import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FileSelectionError, GitError, ManifestEditError } from '../../errors';
import { tokenAuth } from '../../git/git-auth';
import { GitRepository } from '../../git/git-repository';
import { changedOnly, commitWrites, publish, type Backoff, type FileWrite } from '../../git/publisher';
import { editManifest, type FileEditResult, type ManifestChange } from '../../manifest/manifest-editor';
import { formatKeyPath } from '../../manifest/key-path';
import type { Platform } from '../../platform/platform';
import { selectFiles, type SelectedFile } from '../../repo-files';
import { removeStaleTempFiles, writeFileAtomically } from '../../write-file';
import type { UpdateManifestConfig } from './config';

/** What update-manifest did; each field becomes an output of the same name. */
export interface UpdateManifestResult {
  changed: boolean;
  changedFiles: string[];
  changes: ManifestChange[];
  commitSha: string;
  pushed: boolean;
}

export interface RunOptions {
  /** Push-race backoff; tests shorten it. */
  backoff?: Backoff;
}

/** A file's edit, with where it lives on disk. */
interface PlannedFile extends FileEditResult, FileWrite {}

/** A commit to read the selected files from, instead of the work tree. */
interface AtRevision {
  repo: GitRepository;
  revision: string;
}

/**
 * Reads and edits the selected files in memory; nothing is written if any file fails. With `at`,
 * the same files are read from that commit instead, to decide whether the remote holds the
 * values: a file the commit lacks, or a commit whose files match nothing, is `pending`.
 */
async function planEdits(config: UpdateManifestConfig, files: readonly SelectedFile[], at?: AtRevision): Promise<PlannedFile[]> {
  const results: PlannedFile[] = [];
  for (const file of files) {
    const source = at ? await at.repo.fileAt(at.revision, file.relative) : await readText(file);
    if (source === undefined) {
      results.push({ file: file.relative, absolute: file.absolute, source: '', output: '', pending: true, changes: [], matched: 0, imagesSeen: () => new Set() });
    } else {
      results.push({ ...editManifest(source, file.relative, config.request), absolute: file.absolute });
    }
  }
  const matched = results.reduce((sum, result) => sum + result.matched, 0);
  if (matched === 0) {
    if (!at) throw nothingMatched(config, results);
    for (const result of results) result.pending = true;
  }
  return results;
}

async function readText(file: SelectedFile): Promise<string> {
  const bytes = await readFile(file.absolute);
  const source = bytes.toString('utf8');
  if (!Buffer.from(source, 'utf8').equals(bytes)) {
    throw new FileSelectionError(`${file.relative} is not UTF-8 text.`, 'Save the manifest as UTF-8 (Kubernetes and Helm read YAML as UTF-8 anyway).');
  }
  return source;
}

function nothingMatched(config: UpdateManifestConfig, results: readonly FileEditResult[]): ManifestEditError {
  const where = `${results.length} file${results.length === 1 ? '' : 's'} (${results.map((r) => r.file).slice(0, 5).join(', ')}${results.length > 5 ? ', …' : ''})`;
  if (config.request.mode === 'image') {
    const seen = [...new Set(results.flatMap((r) => [...r.imagesSeen()]))].sort();
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

export async function runUpdateManifest(config: UpdateManifestConfig, platform: Platform, options: RunOptions = {}): Promise<UpdateManifestResult> {
  if (config.token) platform.setSecret(config.token);
  const results = await platform.group('Editing manifests', async () => {
    const files = await selectFiles(config.path, config.files);
    // Once per run: temp files a killed writer left next to the manifests.
    await removeStaleTempFiles(files.map((file) => path.dirname(file.absolute)));
    const planned = await planEdits(config, files);
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
  // With push, "nothing to change" is the remote's to say: the checkout may hold the values in an
  // unpushed commit or an uncommitted edit (a cancelled run), and then nothing is deployed.
  const askRemote = config.commit && config.push && !config.dryRun;
  if (!result.changed && !askRemote) {
    platform.info('Nothing to change: every match already has the requested value.');
    return result;
  }
  if (config.dryRun) {
    platform.info(`Dry run: ${result.changes.length} change(s) in ${changed.length} file(s) not written.`);
    return result;
  }
  if (!result.changed) platform.info('The checkout already holds the values; checking that the remote branch does too.');
  if (!config.commit) {
    await writeAll(results);
    platform.info(`Wrote ${changed.length} file(s); commit: false, so nothing was committed.`);
    return result;
  }
  return platform.group('Committing and pushing', () => commitAndPush(config, platform, results, result, options));
}

async function commitAndPush(config: UpdateManifestConfig, platform: Platform, planned: PlannedFile[], result: UpdateManifestResult, options: RunOptions): Promise<UpdateManifestResult> {
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
  if (config.branch !== undefined) await repo.checkBranchName(config.branch);
  const author = config.author ?? platform.defaultAuthor();
  if (!config.push) {
    if (!result.changed) return result;
    result.commitSha = await commitWrites(repo, planned, config.commitMessage, author);
    platform.info(`Committed ${result.commitSha.slice(0, 12)}: ${config.commitMessage.split('\n')[0] ?? ''}`);
    return result;
  }
  const branch = config.branch ?? (await repo.currentBranch());
  if (!branch) {
    throw new GitError(
      'HEAD is detached, so there is no branch to push to.',
      "Set the input 'branch' (e.g. main), or check out a branch (actions/checkout with 'ref: main').",
    );
  }
  const selection = planned.map((file) => ({ relative: file.file, absolute: file.absolute }));
  const publication = await publish(
    {
      repo,
      remote: config.remote,
      branch,
      message: config.commitMessage,
      author,
      timeoutMs: config.pushTimeoutMs,
      ...(options.backoff ? { backoff: options.backoff } : {}),
      info: (message) => platform.info(message),
      // The remote tip is read for the files already selected; after a lost race the work tree
      // was reset onto a new tip, so the selection is made again there.
      plan: async (revision) =>
        revision !== undefined ? planEdits(config, selection, { repo, revision }) : planEdits(config, await selectFiles(config.path, config.files)),
    },
    planned,
  );
  const changed = changedOnly(publication.planned);
  return {
    changed: publication.changed,
    changedFiles: publication.changed ? changed.map((r) => r.file) : [],
    changes: publication.changed ? publication.planned.flatMap((r) => r.changes) : [],
    commitSha: publication.commitSha,
    pushed: publication.pushed,
  };
}

function tokenUsername(platform: Platform, token: string): string {
  if (platform.name !== 'gitlab') return 'x-access-token';
  return token === process.env.CI_JOB_TOKEN ? 'gitlab-ci-token' : 'oauth2';
}
