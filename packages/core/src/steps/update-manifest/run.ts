import path from 'node:path';
import { planFileEdits, type PlannedFile } from '../../manifest/file-edits';
import type { FileEditResult, ManifestChange } from '../../manifest/manifest-editor';
import type { GitRepository } from '../../git/git-repository';
import { readTargetOf } from '../../manifest/manifest-reader';
import { requestValue, valueChanges, type ValueChange } from '../../manifest/value-changes';
import type { Platform } from '../../platform/platform';
import { selectFiles } from '../../files/repo-files';
import { removeStaleTempFiles, writeFileAtomically } from '../../files/write-file';
import { signedCommitterFor } from '../../promotion/api-commits';
import { requireRemoteBranch } from '../../promotion/branch-target';
import { targetBranch } from '../../promotion/checkout';
import { refuseRolledBackAll, retireHolds, type HoldRecord } from '../../promotion/hold';
import { manifestsOf, planAt, withHold } from '../../promotion/plan';
import { changedOnly, commitLocally, publish } from '../../promotion/publisher';
import { defaultStepContext, type StepContext } from '../step-context';
import { withStepTrailers } from './commit-message';
import type { UpdateManifestConfig } from './config';

/** What update-manifest did; each field becomes an output of the same name. */
export interface UpdateManifestResult {
  changed: boolean;
  changedFiles: string[];
  changes: ManifestChange[];
  /** The same changes, each naming its value (image or key): the `changes` output and the summary's table. */
  named: ValueChange[];
  commitSha: string;
  pushed: boolean;
  /** With sign-commits, when a commit was made: what the forge says of its signature. */
  verified?: boolean;
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

export async function runUpdateManifest(config: UpdateManifestConfig, platform: Platform, context: StepContext = defaultStepContext()): Promise<UpdateManifestResult> {
  if (config.token) platform.setSecret(config.token);
  const results = await platform.group('Editing manifests', async () => {
    const files = await selectFiles(config.path, config.files);
    // Once per run: temp files a killed writer left next to the manifests.
    await removeStaleTempFiles(files.map((file) => path.dirname(file.absolute)));
    const planned = await planFileEdits(config.requests, files);
    logChanges(platform, planned);
    return planned;
  });
  const changed = changedOnly(results);
  const result: UpdateManifestResult = {
    changed: changed.length > 0,
    changedFiles: changed.map((r) => r.file),
    changes: results.flatMap((r) => r.changes),
    named: valueChanges(results, config.requests),
    commitSha: '',
    pushed: false,
  };
  // With push, "nothing to change" is the remote's to say: the checkout may hold the values in an
  // unpushed commit or an uncommitted edit (a cancelled run), and then nothing is deployed.
  const askRemote = config.commit && config.push;
  if (!result.changed && !askRemote) {
    platform.info('Nothing to change: every match already has the requested value.');
    return result;
  }
  // Everything that can refuse the commit without writing (the repository, the branch name, the
  // hold) is checked before a dry run returns: a green dry run is one the real run will not refuse.
  const committing = config.commit ? await platform.group('Reading the hold', () => prepareCommit(config, platform, results, context)) : undefined;
  if (config.dryRun) {
    platform.info(`Dry run: ${result.changes.length} change(s) in ${changed.length} file(s) not written.`);
    return result;
  }
  if (!result.changed) platform.info('The checkout already holds the values; checking that the remote branch does too.');
  if (!committing) {
    await writeAll(results);
    platform.info(`Wrote ${changed.length} file(s); commit: false, so nothing was committed.`);
    return result;
  }
  return platform.group('Committing and pushing', () => commitAndPush(config, platform, committing, results, result, context));
}

interface Committing {
  repo: GitRepository;
  /** With push: the branch pushed to; its remote tip is what the hold was read at. */
  branch: string | undefined;
  /** With push: that tip, as fetched for the hold (undefined when the remote lacks the branch). */
  fetched: { tip: string | undefined } | undefined;
  /** allow-rolled-back: what retires the hold records of this value, in the commit that sets it. */
  retire: ((records: HoldRecord[]) => HoldRecord[]) | undefined;
}

/**
 * Opens the checkout and reads the hold where it applies: at the tip of the remote branch the
 * value goes to (fetched now, so a checkout made before a rollback landed cannot bypass it), or at
 * HEAD without push. A repository without a commit yet has no history to hold anything back.
 */
async function prepareCommit(config: UpdateManifestConfig, platform: Platform, planned: readonly PlannedFile[], context: StepContext): Promise<Committing> {
  const repo = await context.git.openCheckout(config.path, config.remote, config.token, config.push, platform);
  const branch = config.push ? await targetBranch(repo, config.branch, platform) : undefined;
  if (!config.push && config.branch !== undefined) await repo.checkBranchName(config.branch);
  // The branch must exist on the remote (or create-branch say to make it): fetched here, dry run too.
  const tip = branch !== undefined ? await requireRemoteBranch(repo, config.remote, branch, config.createBranch, (message) => platform.info(message)) : undefined;
  const rev = tip ?? (await repo.resolve('HEAD').catch(() => undefined));
  const files = planned.map((file) => file.file);
  // Each value is held on its own: one read of the hold file and the trailer window for all.
  const wanted = config.requests.map((request) => ({ target: readTargetOf(request), value: requestValue(request) }));
  if (rev !== undefined) {
    await refuseRolledBackAll({ repo, remote: config.remote, branch, rev, files, info: (message) => platform.info(message) }, wanted, config.allowRolledBack);
  }
  return { repo, branch, fetched: branch !== undefined ? { tip } : undefined, retire: config.allowRolledBack ? await retireHolds(repo, wanted, files) : undefined };
}

/** The manifests' plan, plus the hold records allow-rolled-back retires when the manifests change. */
function withRetiredHold(committing: Committing, planned: PlannedFile[], revision: string | undefined): Promise<PlannedFile[]> {
  return withHold(committing.repo, planned, revision, committing.retire);
}

async function commitAndPush(
  config: UpdateManifestConfig,
  platform: Platform,
  committing: Committing,
  planned: PlannedFile[],
  result: UpdateManifestResult,
  context: StepContext,
): Promise<UpdateManifestResult> {
  const { repo, branch } = committing;
  const author = config.author ?? platform.defaultAuthor();
  if (branch === undefined) {
    if (!result.changed) return result;
    result.commitSha = await commitLocally(repo, await withRetiredHold(committing, planned, undefined), withStepTrailers(config.commitMessage, config.requests, planned), author, (message) => platform.info(message));
    return result;
  }
  const selection = planned.map((file) => ({ relative: file.file, absolute: file.absolute }));
  const committer = config.signCommits
    ? await signedCommitterFor({ name: config.remote, url: await repo.remoteUrl(config.remote), apiUrl: config.apiUrl, token: config.token ?? '' }, context, platform)
    : undefined;
  const publication = await publish(
    {
      repo,
      remote: config.remote,
      branch,
      message: (files) => withStepTrailers(config.commitMessage, config.requests, files),
      author,
      timeoutMs: config.pushTimeoutMs,
      backoff: context.backoff,
      clock: context.clock,
      ...(committer ? { commitThroughApi: committer } : {}),
      ...(committing.fetched ? { fetched: committing.fetched } : {}),
      info: (message) => platform.info(message),
      // The remote tip is read for the files already selected; after a lost race the work tree
      // was reset onto a new tip, so the selection is made again there.
      plan: async (revision) =>
        withRetiredHold(
          committing,
          await planAt(repo, config.requests, revision !== undefined ? selection : await selectFiles(config.path, config.files), revision),
          revision,
        ),
    },
    await withRetiredHold(committing, planned, undefined),
  );
  const changed = changedOnly(manifestsOf(publication.planned));
  return {
    changed: publication.changed,
    changedFiles: publication.changed ? changed.map((r) => r.file) : [],
    changes: publication.changed ? publication.planned.flatMap((r) => r.changes) : [],
    named: publication.changed ? valueChanges(publication.planned, config.requests) : [],
    commitSha: publication.commitSha,
    pushed: publication.pushed,
    ...(publication.verified !== undefined ? { verified: publication.verified } : {}),
  };
}
