import { InputError } from '../../errors';
import { ManifestEditError } from '../../manifest/errors';
import type { CommitInfo, GitRepository } from '../../git/git-repository';
import { valuesIn } from '../../manifest/manifest-reader';
import { markdownCode, markdownText } from '../../platform/markdown';
import type { Forge } from '../../forge/forge';
import type { Platform } from '../../platform/platform';
import { selectFiles, type SelectedFile } from '../../files/repo-files';
import { fillTemplate } from '../../text/template';
import { requireRemoteBranch } from '../../promotion/branch-target';
import { changeBranchName, publishChangeBranch, readTips } from '../../promotion/change-branch';
import { syncChangeRequest } from '../../promotion/change-request-sync';
import { targetBranch } from '../../promotion/checkout';
import { commitsOfFiles, rollbackMarks, valueAt, type HistoryRequest, type ValueAt } from '../../promotion/history';
import { addHold, HOLD_FILE, holdRecord, parseHolds, readHold, type HoldRecord } from '../../promotion/hold';
import { editRequestFor, planAt, withHold, type EditRequest, type PlannedFile } from '../../promotion/plan';
import { commitLocally, publish } from '../../promotion/publisher';
import { fitBody, type ReviewSections } from '../../promotion/review/body';
import { loadChangelog, renderChangelog } from '../../promotion/review/changelog';
import { argoCdDiff, connectReview, repositoryPath, type ArgoCdReview } from '../../promotion/review/review';
import { readTrailers, withTrailers, writtenBy } from '../../promotion/trailers';
import { defaultStepContext, type StepContext } from '../step-context';
import type { RollbackConfig } from './config';

export interface RollbackResult {
  changed: boolean;
  from: string;
  to: string;
  /** The commit that holds `to`: on the branch, or the PR/MR head. */
  commitSha: string;
  pushed: boolean;
  /** Where `to` came from: the commit whose value it was, or undefined for an explicit `to`. */
  source?: string;
  number?: number;
  url?: string;
}

const STEP = 'rollback';

export async function runRollback(config: RollbackConfig, platform: Platform, context: StepContext = defaultStepContext()): Promise<RollbackResult> {
  if (config.token) platform.setSecret(config.token);
  const remoteSide = config.mode === 'pull-request' || config.push;
  const files = await selectFiles(config.path, config.files);
  const repo = await context.git.openCheckout(config.path, 'origin', config.token, remoteSide, platform);
  const branch = await targetBranch(repo, config.branch, platform);
  // Decided on what the remote runs: the checkout may be behind it.
  const tip = remoteSide ? await requireRemoteBranch(repo, 'origin', branch, config.mode === 'commit' && config.createBranch, (message) => platform.info(message)) : undefined;
  const rev = tip ?? (await repo.head());
  const history: HistoryRequest = {
    repo,
    remote: 'origin',
    branch: remoteSide ? branch : undefined,
    rev,
    files: files.map((file) => file.relative),
    target: config.target,
    firstParent: true,
    info: (message) => platform.info(message),
  };
  const decision = await platform.group(`Reading the history of ${config.targetName}`, () => decide(config, history));
  platform.info(`${config.targetName} runs ${decision.from} at ${rev.slice(0, 12)}; rolling back to ${decision.to}${decision.source ? `, the value after ${decision.source}` : ' (given as to)'}.`);
  const result: RollbackResult = { changed: decision.to !== decision.from, from: decision.from, to: decision.to, commitSha: '', pushed: false, ...(decision.source ? { source: decision.source } : {}) };
  if (!result.changed) {
    platform.info(`${config.targetName} is already at ${decision.to}; nothing to roll back.`);
    return result;
  }
  const plan = await rollbackPlan(config, repo, history, decision, files);
  // What the real run refuses without writing is refused before a dry run returns: an unusable
  // `to` (rollbackPlan), a forge that cannot be told, files where nothing matches, an unreadable
  // hold file.
  const forgeRemote = config.mode === 'pull-request' ? await rollbackForgeRemote(config, repo, context) : undefined;
  if (config.mode === 'commit') await planWithHold(repo, plan, undefined);
  if (remoteSide) await planWithHold(repo, plan, rev);
  if (config.dryRun) {
    platform.info(`Dry run: would roll ${config.targetName} back from ${decision.from} to ${decision.to}; nothing written.`);
    return result;
  }
  if (config.mode === 'pull-request') return platform.group('Opening the rollback change request', () => openRollbackChange(config, platform, repo, branch, plan, result, forgeRemote, context));
  return platform.group('Committing the rollback', () => commitRollback(config, platform, repo, { branch, tip }, plan, result, context));
}

interface Decision {
  /** What the files give the target now (its tag and digest, for the hold record). */
  now: ValueAt;
  from: string;
  to: string;
  /** The read site of `to` in history (its tag and digest); undefined for an explicit `to`. */
  at?: ValueAt;
  source?: string;
}

/**
 * The value now, and the one to return to: `to`, or the newest value in the files' history that
 * differs from now and that no rollback moved away from (so a second rollback goes further back).
 */
async function decide(config: RollbackConfig, history: HistoryRequest): Promise<Decision> {
  const now = await valueAt(history, { sha: history.rev, author: '', subject: '', message: '' });
  if (now.value === undefined) {
    throw new ManifestEditError(
      `${config.targetName} has no single value in ${history.files.join(', ')} at ${history.rev.slice(0, 12)}.`,
      'Check the image name or key, and that the files agree on one value (roll back each file on its own otherwise).',
    );
  }
  const from = now.value;
  if (config.to) return { now, from, to: config.to.value };
  // Values a rollback moved away from are skipped: the hold's records and recent trailers (the whole
  // graph, so a rollback merged through a PR counts), and the trailers of every commit walked.
  const hold = await readHold({ ...history, branch: undefined, firstParent: false });
  const seen = new Map<string, ValueAt>();
  const candidate = async (commits: readonly CommitInfo[]): Promise<ValueAt | undefined> => {
    const marks = rollbackMarks(commits, config.target);
    for (const commit of commits) {
      const at = seen.get(commit.sha) ?? (await valueAt(history, commit));
      seen.set(commit.sha, at);
      if (at.value !== undefined && at.value !== from && !marks.has(at.value) && !hold.find(at.value)) return at;
    }
    return undefined;
  };
  // A shallow clone is deepened until a candidate shows up (or the bound); every rollback mark in
  // the commits read counts, so a value rolled back from is skipped wherever it reappears.
  let found: ValueAt | undefined;
  const commits = await commitsOfFiles(history, async (list) => (found = await candidate(list)) !== undefined);
  found ??= await candidate(commits);
  if (!found) {
    const marks = [...new Set([...rollbackMarks(commits, config.target).keys(), ...hold.records.map((record) => record.value), ...hold.trailerMarks.map((mark) => mark.value)])];
    throw new ManifestEditError(
      `Nothing to roll back to: the ${commits.length} commit(s) that changed ${history.files.join(', ')} hold no value of ${config.targetName} other than ${from}${marks.length > 0 ? ` and the rolled-back ${marks.join(', ')}` : ''}.`,
      "Give the value to return to in 'to'.",
    );
  }
  const trailers = readTrailers(found.commit.message);
  return { now, from, to: found.value ?? '', at: found, source: `${found.commit.sha.slice(0, 12)} ${trailers.get('Step') ? `(${trailers.get('Step')})` : `"${found.commit.subject}"`}` };
}

function editRequest(config: RollbackConfig, decision: Decision): EditRequest {
  const image = config.to ?? decision.at?.site;
  if (config.target.mode === 'image' && image?.tag === undefined && image?.digest === undefined) {
    throw new InputError(`Cannot roll back ${config.targetName} to ${JSON.stringify(decision.to)}.`, "Give 'to' as a tag, tag@digest or @digest.");
  }
  return editRequestFor(config.target, decision.to, image);
}

/** What both modes hand their publisher alike: where, as whom, the message, the retry budget. */
function publishing(config: RollbackConfig, platform: Platform, repo: GitRepository, message: string, context: StepContext) {
  return {
    repo,
    remote: 'origin',
    author: config.author ?? platform.defaultAuthor(),
    message: () => message,
    timeoutMs: config.pushTimeoutMs,
    backoff: context.backoff,
    clock: context.clock,
    info: (text: string) => platform.info(text),
  };
}

/** The edit, the commit message and the hold record of a decided rollback. */
async function rollbackPlan(config: RollbackConfig, repo: GitRepository, history: HistoryRequest, decision: Decision, files: readonly SelectedFile[]): Promise<RollbackPlan> {
  const request = editRequest(config, decision);
  const site = decision.now.site;
  const record = await holdRecord(repo, {
    target: config.target,
    files: history.files,
    value: decision.from,
    ...(site?.tag !== undefined ? { tag: site.tag } : {}),
    ...(site?.digest !== undefined ? { digest: site.digest } : {}),
    to: decision.to,
    reason: config.reason,
    ...(config.environment ? { environment: config.environment } : {}),
    rev: history.rev,
    at: new Date(),
  });
  const message = withTrailers(fillTemplate(config.commitMessageTemplate, { target: config.targetName, from: decision.from, to: decision.to, reason: config.reason }, 'commit-message'), {
    step: STEP,
    ...(config.target.mode === 'image' ? { image: config.targetName } : { key: config.targetName }),
    value: decision.to,
    previous: [decision.from],
    ...(config.environment ? { environment: config.environment } : {}),
    extra: { 'Rolled-Back-From': decision.from, 'Rolled-Back-To': decision.to, ...(config.reason ? { Reason: config.reason } : {}) },
  });
  return { files, request, message, record };
}

/** What a rollback commits: the edit of the files and, beside it, its hold record. */
interface RollbackPlan {
  files: readonly SelectedFile[];
  request: EditRequest;
  message: string;
  record: HoldRecord;
}

/** The files' edit read at `revision` (undefined: the work tree), plus the hold record when they change. */
async function planWithHold(repo: GitRepository, plan: RollbackPlan, revision: string | undefined, files = plan.files): Promise<PlannedFile[]> {
  return withHold(repo, await planAt(repo, plan.request, files, revision), revision, addHold(plan.record));
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

type ForgeRemote = ReturnType<StepContext['forgeOfRemote']>;

/** mode: pull-request: which forge hosts the remote, or a refusal (checked before a dry run returns). */
async function rollbackForgeRemote(config: RollbackConfig, repo: GitRepository, context: StepContext): Promise<ForgeRemote> {
  const remote = context.forgeOfRemote(await repo.remoteUrl('origin'), { ...(config.forge ? { kind: config.forge } : {}), ...(config.repository ? { repository: config.repository } : {}), ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}) });
  if (!remote) {
    throw new InputError("Cannot tell which forge hosts the remote for mode: pull-request.", "Set 'forge', 'repository' and 'api-url', or use an HTTPS remote on GitHub or GitLab.");
  }
  return remote;
}

/**
 * A rerun rebuilds the change branch from base: the record the branch already carries for this
 * rollback (same id) is reused, so the rebuilt commit is the same and nothing is pushed.
 */
async function recordOnBranch(repo: GitRepository, head: string | undefined, record: HoldRecord): Promise<HoldRecord> {
  const text = head !== undefined ? await repo.rootFileAt(head, HOLD_FILE) : undefined;
  return (text !== undefined ? parseHolds(text).find((entry) => entry.id === record.id) : undefined) ?? record;
}

/** mode: pull-request: one change request per environment and target, kept current like a promotion's. */
async function openRollbackChange(
  config: RollbackConfig,
  platform: Platform,
  repo: GitRepository,
  base: string,
  plan: RollbackPlan,
  result: RollbackResult,
  remote: ForgeRemote,
  context: StepContext,
): Promise<RollbackResult> {
  const forge = await context.openForge({ kind: remote?.kind ?? 'github', apiUrl: remote?.apiUrl ?? '', repository: remote?.repository ?? '', token: config.token ?? '' }, platform);
  const branch = changeBranchName('rollback', [...(config.environment ? [config.environment] : []), config.targetName]);
  const tips = await readTips(repo, 'origin', base, branch);
  const onBranch = { ...plan, record: await recordOnBranch(repo, tips.headSha, plan.record) };
  const planOnBranch = (revision: string): Promise<PlannedFile[]> => planWithHold(repo, onBranch, revision);
  const outcome = await publishChangeBranch({
    ...publishing(config, platform, repo, plan.message, context),
    base,
    branch,
    tips,
    plan: planOnBranch,
    ours: writtenBy(STEP),
  });
  const where = config.environment ? ` in ${config.environment}` : '';
  // What the revert takes out of the application: the commits from `to` up to `from`.
  const review = config.sourceRepository
    ? { changelog: renderChangelog(await loadChangelog(forge, { repository: repositoryPath(config.sourceRepository), previous: [result.to], value: result.from, mode: config.target.mode }), result.from, `### What rolling back ${markdownText(result.from)} takes out`) }
    : {};
  const argocd = config.argocd ? await connectReview(config.argocd, (options) => context.connectArgoCd(options), (text) => platform.redact(text)) : undefined;
  try {
    return await syncRollbackChange(config, platform, forge, repo, { base, branch, outcome, planOnBranch, result, where, review, argocd });
  } finally {
    await argocd?.client.close();
  }
}

interface RollbackChange {
  base: string;
  branch: string;
  outcome: Awaited<ReturnType<typeof publishChangeBranch<PlannedFile>>>;
  planOnBranch: (revision: string) => Promise<PlannedFile[]>;
  result: RollbackResult;
  where: string;
  review: ReviewSections;
  argocd: ArgoCdReview | undefined;
}

/** The change request describes the rollback branch: its body shows the revert as Argo CD renders it, and what it takes out. */
async function syncRollbackChange(config: RollbackConfig, platform: Platform, forge: Forge, repo: GitRepository, rollback: RollbackChange): Promise<RollbackResult> {
  const { base, branch, outcome, planOnBranch, result, where, review, argocd } = rollback;
  const synced = await syncChangeRequest({
    forge,
    repo,
    remote: 'origin',
    base,
    branch,
    outcome,
    plan: planOnBranch,
    wanted: async (_planned, head) => ({
      head: branch,
      base,
      title: `Roll back ${config.targetName}${where} to ${result.to}`,
      body: fitBody(
        [
          `Rolls ${markdownCode(config.targetName)}${where} back from ${markdownCode(result.from)} to ${markdownCode(result.to)}${result.source ? ` (the value after ${markdownCode(result.source)})` : ''}.`,
          '',
          config.reason ? `Reason: ${config.reason}` : 'No reason given.',
        ].join('\n'),
        { ...review, ...(argocd && argocd.targets.length > 0 ? { diff: await argoCdDiff(argocd, head, config.environment ?? 'the environment', (text) => platform.info(text)) } : {}) },
        `Once merged, gitops-promote refuses to promote ${markdownCode(result.from)} again unless \`allow-rolled-back: true\` is set.`,
      ),
      draft: false,
      labels: config.labels,
      assignees: [],
      reviewers: config.reviewers,
      teamReviewers: [],
    }),
    describe: (planned) => `${config.targetName} ${valuesIn(planned, config.target).join(', ') || '(not set)'}`,
    info: (text) => platform.info(text),
    warning: (text) => platform.warning(text),
  });
  if (synced.kind === 'base-holds') return { ...result, changed: false, ...(synced.existing ? { number: synced.existing.number, url: synced.existing.url } : {}) };
  const change = synced.change ? { number: synced.change.number, url: synced.change.url } : {};
  // Superseded: another rollback replaced the branch; the outputs say what it holds instead.
  if (synced.kind === 'superseded') return { ...result, to: valuesIn(synced.planned, config.target).join(', '), commitSha: synced.headSha, pushed: false, ...change };
  return { ...result, commitSha: synced.headSha, pushed: outcome.kind === 'pushed', ...change };
}
