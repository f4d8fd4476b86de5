
import { ManifestEditError } from '../../manifest/errors';
import type { GitRepository } from '../../git/git-repository';
import { formatKeyPath } from '../../manifest/key-path';
import type { Platform } from '../../platform/platform';
import { selectFiles } from '../../files/repo-files';
import { requireRemoteBranch } from '../../promotion/branch-target';
import { targetBranch } from '../../promotion/checkout';
import { imagesAt, newestValueChange, unsetTargets, type FilesHistory } from '../../promotion/history';
import { readHolds } from '../../promotion/hold';
import { commitLocally, publish } from '../../promotion/publisher';
import { decideRollback, holdHistory } from '../../promotion/rollback-decision';
import { defaultStepContext, type StepContext } from '../step-context';
import type { RollbackConfig, RollbackTarget } from './config';
import { openRollbackChange, rollbackForgeRemote } from './change-request';
import { planWithHold, publishing, rollbackPlan, type RollbackDecision, type RollbackPlan } from './plan';
import type { RollbackChange, RollbackResult } from './result';

export type { RollbackChange, RollbackResult } from './result';

export async function runRollback(config: RollbackConfig, platform: Platform, context: StepContext = defaultStepContext()): Promise<RollbackResult> {
  if (config.token) platform.setSecret(config.token);
  const remoteSide = config.mode === 'pull-request' || config.push;
  const files = await selectFiles(config.path, config.files);
  const repo = await context.git.openCheckout(config.path, 'origin', config.token, remoteSide, platform);
  const branch = await targetBranch(repo, config.branch, platform);
  // Decided on what the remote runs: the checkout may be behind it.
  const tip = remoteSide ? await requireRemoteBranch(repo, 'origin', branch, config.mode === 'commit' && config.createBranch, (message) => platform.info(message)) : undefined;
  const rev = tip ?? (await repo.head());
  const history: FilesHistory = {
    repo,
    remote: 'origin',
    branch: remoteSide ? branch : undefined,
    rev,
    files: files.map((file) => file.relative),
    firstParent: true,
    texts: new Map(),
    commitLists: new Map(),
    info: (message) => platform.info(message),
  };
  const decisions = await platform.group(`Reading the history of ${targetsLabel(config)}`, async () => decideAll(config, history, await targetsOf(config, history, platform)));
  for (const decision of decisions) {
    platform.info(`${decision.name} runs ${decision.from} at ${rev.slice(0, 12)}; rolling back to ${decision.to}${decision.source ? `, the value after ${decision.source}` : ' (given as to)'}.`);
  }
  const moving = decisions.filter((decision) => decision.to !== decision.from);
  const result = resultOf(moving.length > 0 ? moving : decisions, moving.length > 0);
  if (!result.changed) {
    platform.info(`${decisions.map((decision) => decision.name).join(', ')} ${decisions.length === 1 ? 'is' : 'are'} already at ${result.to}; nothing to roll back.`);
    return result;
  }
  const plan = await rollbackPlan(config, repo, history, moving, files);
  // What the real run refuses without writing is refused before a dry run returns: an unusable
  // `to` (rollbackPlan), a forge that cannot be told, files where nothing matches, an unreadable
  // hold file.
  const forgeRemote = config.mode === 'pull-request' ? await rollbackForgeRemote(config, repo, context) : undefined;
  if (config.mode === 'commit') await planWithHold(repo, plan, undefined);
  if (remoteSide) await planWithHold(repo, plan, rev);
  if (config.dryRun) {
    platform.info(`Dry run: would roll back ${moving.map((decision) => `${decision.name} from ${decision.from} to ${decision.to}`).join('; ')}; nothing written.`);
    return result;
  }
  if (config.mode === 'pull-request') return platform.group('Opening the rollback change request', () => openRollbackChange(config, platform, repo, branch, plan, result, forgeRemote, context));
  return platform.group('Committing the rollback', () => commitRollback(config, platform, repo, { branch, tip }, plan, result, context));
}

function targetsLabel(config: RollbackConfig): string {
  return config.allValues ? 'the newest change of values' : config.targets.map((target) => target.name).join(', ');
}

/**
 * The values to roll back: those given, each of which the files must set (a list naming one they
 * do not is refused before anything is decided), or with `images: all` those the newest commit
 * that changed values changed (the whole train).
 */
async function targetsOf(config: RollbackConfig, history: FilesHistory, platform: Platform): Promise<RollbackTarget[]> {
  if (!config.allValues) {
    if (config.targetInput === 'images' || config.targetInput === 'keys') await requireSet(config, history);
    return config.targets;
  }
  const change = await newestValueChange(history);
  if (!change) {
    throw new ManifestEditError(
      `Nothing to roll back: no commit that changed ${history.files.join(', ')} (first parents of ${history.rev.slice(0, 12)}) changed an image or a named value.`,
      "Name the values to roll back with 'image', 'key', 'images' or 'keys' (and 'to' for one value).",
    );
  }
  const targets = change.targets.map((target) => ({ target, name: target.mode === 'image' ? target.name : formatKeyPath(target.path) }));
  platform.info(`The newest change of values is ${change.commit.sha.slice(0, 12)} ("${change.commit.subject}"): ${targets.map((target) => target.name).join(', ')}.`);
  return targets;
}

/** A list naming an image or key the files do not set: an error naming each, and what the files hold. */
async function requireSet(config: RollbackConfig, history: FilesHistory): Promise<void> {
  const missing = await unsetTargets(history, config.targets.map((target) => target.target));
  if (missing.length === 0) return;
  const names = missing.map((target) => (target.mode === 'image' ? target.name : formatKeyPath(target.path)));
  const images = await imagesAt(history);
  throw new ManifestEditError(
    `Input '${config.targetInput}' names ${names.join(', ')}, which ${history.files.join(', ')} ${missing.length === 1 ? 'does' : 'do'} not set at ${history.rev.slice(0, 12)}; nothing was rolled back.`,
    `List only values these files set${images.length > 0 ? ` (images there: ${images.slice(0, 10).join(', ')}${images.length > 10 ? ', …' : ''})` : ''}, or check 'files'.`,
  );
}

async function decideAll(config: RollbackConfig, history: FilesHistory, targets: readonly RollbackTarget[]): Promise<RollbackDecision[]> {
  const decisions: RollbackDecision[] = [];
  // One read of the hold for every value.
  const holds = await readHolds(holdHistory(history), targets.map(({ target }) => target));
  for (const [index, { target, name }] of targets.entries()) {
    const hold = holds[index];
    if (!hold) throw new Error('readHolds gives one hold per target');
    decisions.push({ ...(await decideRollback({ ...history, target }, name, config.to?.value, hold)), target });
  }
  return decisions;
}

/** The decisions as outputs: one value as before, several comma-separated, each in `changes`. */
function resultOf(decisions: readonly RollbackDecision[], changed: boolean): RollbackResult {
  const [only] = decisions;
  return {
    changed,
    from: decisions.map((decision) => decision.from).join(', '),
    to: decisions.map((decision) => decision.to).join(', '),
    changes: changed ? decisions.map(changeOf) : [],
    commitSha: '',
    pushed: false,
    ...(decisions.length === 1 && only?.source ? { source: only.source } : {}),
  };
}

function changeOf(decision: RollbackDecision): RollbackChange {
  const named = decision.target.mode === 'image' ? { image: decision.name } : { key: decision.name };
  return { ...named, from: decision.from, to: decision.to };
}

/** `target.tip`: the branch's remote tip as read for the decision, where publish starts. */
async function commitRollback(
  config: RollbackConfig,
  platform: Platform,
  repo: GitRepository,
  target: { branch: string; tip: string | undefined },
  plan: RollbackPlan,
  result: RollbackResult,
  context: StepContext,
): Promise<RollbackResult> {
  const planned = await planWithHold(repo, plan, undefined);
  const author = config.author ?? platform.defaultAuthor();
  if (!config.push) {
    const sha = await commitLocally(repo, planned, plan.message, author, (message) => platform.info(message));
    return sha === '' ? { ...result, changed: false } : { ...result, commitSha: sha };
  }
  const publication = await publish(
    {
      ...publishing(config, platform, repo, plan.message, context),
      branch: target.branch,
      fetched: { tip: target.tip },
      plan: async (revision) => planWithHold(repo, plan, revision, revision !== undefined ? plan.files : await selectFiles(config.path, config.files)),
    },
    planned,
  );
  return { ...result, changed: publication.changed, commitSha: publication.commitSha, pushed: publication.pushed };
}

