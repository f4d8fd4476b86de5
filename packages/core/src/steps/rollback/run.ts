import { InputError } from '../../errors';
import { ManifestEditError } from '../../manifest/errors';
import type { GitRepository } from '../../git/git-repository';
import { formatKeyPath } from '../../manifest/key-path';
import { valuesIn, type ReadTarget } from '../../manifest/manifest-reader';
import type { Forge } from '../../forge/forge';
import { markdownText } from '../../platform/markdown';
import type { Platform } from '../../platform/platform';
import { selectFiles, type SelectedFile } from '../../files/repo-files';
import { fillTemplate } from '../../text/template';
import { requireRemoteBranch } from '../../promotion/branch-target';
import { changeBranchName, publishChangeBranch, readTips } from '../../promotion/change-branch';
import { syncChangeRequest } from '../../promotion/change-request-sync';
import { targetBranch } from '../../promotion/checkout';
import { imagesAt, newestValueChange, unsetTargets, type FilesHistory } from '../../promotion/history';
import { addHolds, HOLD_FILE, holdRecord, parseHolds, readHolds, type HoldRecord } from '../../promotion/hold';
import { editRequestFor, planAt, withHold, type EditRequest, type PlannedFile } from '../../promotion/plan';
import { commitLocally, publish } from '../../promotion/publisher';
import { fitBody, type ReviewSections } from '../../promotion/review/body';
import { loadChangelog, renderChangelog } from '../../promotion/review/changelog';
import { argoCdDiff, connectReview, repositoryPath, type ArgoCdReview } from '../../promotion/review/review';
import { decideRollback, holdHistory, type RollbackDecision as ValueDecision } from '../../promotion/rollback-decision';
import { withTrailers, writtenBy } from '../../promotion/trailers';
import { defaultStepContext, type StepContext } from '../step-context';
import type { RollbackConfig, RollbackTarget } from './config';
import { rollbackDescription } from './description';

/** One value rolled back, as the `changes` output lists it. */
export interface RollbackChange {
  image?: string;
  key?: string;
  from: string;
  to: string;
}

export interface RollbackResult {
  changed: boolean;
  /** One value: the value before; several: each, comma-separated in the order of `changes`. */
  from: string;
  /** One value: the value returned to; several: each, comma-separated in the order of `changes`. */
  to: string;
  /** Every value rolled back (empty when nothing changed). */
  changes: RollbackChange[];
  /** The commit that holds `to`: on the branch, or the PR/MR head. */
  commitSha: string;
  pushed: boolean;
  /** One value: where `to` came from, the commit whose value it was; undefined for an explicit `to`. */
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
    decisions.push({ ...(await decideRollback({ ...history, target }, name, config.to?.value, hold ? () => Promise.resolve(hold) : undefined)), target });
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

interface RollbackDecision extends ValueDecision {
  target: ReadTarget;
}

function editRequest(config: RollbackConfig, decision: RollbackDecision): EditRequest {
  const image = config.to ?? decision.at?.site;
  if (decision.target.mode === 'image' && image?.tag === undefined && image?.digest === undefined) {
    throw new InputError(`Cannot roll back ${decision.name} to ${JSON.stringify(decision.to)}.`, "Give 'to' as a tag, tag@digest or @digest.");
  }
  return editRequestFor(decision.target, decision.to, image);
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

/** The edit, the commit message and the hold records of a decided rollback (one per value). */
async function rollbackPlan(config: RollbackConfig, repo: GitRepository, history: FilesHistory, decisions: readonly RollbackDecision[], files: readonly SelectedFile[]): Promise<RollbackPlan> {
  const requests = decisions.map((decision) => editRequest(config, decision));
  const records: HoldRecord[] = [];
  const at = new Date();
  for (const decision of decisions) {
    const site = decision.now.site;
    records.push(
      await holdRecord(repo, {
        target: decision.target,
        files: history.files,
        value: decision.from,
        ...(site?.tag !== undefined ? { tag: site.tag } : {}),
        ...(site?.digest !== undefined ? { digest: site.digest } : {}),
        to: decision.to,
        reason: config.reason,
        ...(config.environment ? { environment: config.environment } : {}),
        rev: history.rev,
        at,
      }),
    );
  }
  const list = (pick: (decision: RollbackDecision) => string): string => decisions.map(pick).join(', ');
  const subject = fillTemplate(config.commitMessageTemplate, { target: list((decision) => decision.name), from: list((decision) => decision.from), to: list((decision) => decision.to), reason: config.reason }, 'commit-message');
  // A train of one is written in the one-value form (Image, Value, Rolled-Back-From/-To), as before.
  const message = withTrailers(subject, {
    step: STEP,
    values: decisions.map((decision) => ({ ...(decision.target.mode === 'image' ? { image: decision.name } : { key: decision.name }), value: decision.to, previous: [decision.from], rolledBackFrom: decision.from })),
    ...(config.environment ? { environment: config.environment } : {}),
    ...(config.reason ? { extra: { Reason: config.reason } } : {}),
  });
  return { files, requests, message, records, decisions };
}

/** What a rollback commits: the edit of the files and, beside it, a hold record per value. */
interface RollbackPlan {
  files: readonly SelectedFile[];
  requests: EditRequest[];
  message: string;
  records: HoldRecord[];
  decisions: readonly RollbackDecision[];
}

/** The files' edit read at `revision` (undefined: the work tree), plus the hold records when they change. */
async function planWithHold(repo: GitRepository, plan: RollbackPlan, revision: string | undefined, files = plan.files): Promise<PlannedFile[]> {
  return withHold(repo, await planAt(repo, plan.requests, files, revision), revision, addHolds(plan.records));
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
 * A rerun rebuilds the change branch from base: the records the branch already carries for this
 * rollback (same ids) are reused, so the rebuilt commit is the same and nothing is pushed.
 */
async function recordsOnBranch(repo: GitRepository, head: string | undefined, records: readonly HoldRecord[]): Promise<HoldRecord[]> {
  const text = head !== undefined ? await repo.rootFileAt(head, HOLD_FILE) : undefined;
  const onBranch = text !== undefined ? parseHolds(text) : [];
  return records.map((record) => onBranch.find((entry) => entry.id === record.id) ?? record);
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
  // One value keeps its own branch; several share one per environment, so a later train rollback updates the same PR/MR.
  const [only, ...more] = plan.decisions;
  const branch = changeBranchName('rollback', [...(config.environment ? [config.environment] : []), only && more.length === 0 ? only.name : 'train']);
  const tips = await readTips(repo, 'origin', base, branch);
  const onBranch = { ...plan, records: await recordsOnBranch(repo, tips.headSha, plan.records) };
  const planOnBranch = (revision: string): Promise<PlannedFile[]> => planWithHold(repo, onBranch, revision);
  const outcome = await publishChangeBranch({
    ...publishing(config, platform, repo, plan.message, context),
    base,
    branch,
    tips,
    plan: planOnBranch,
    ours: writtenBy(STEP),
  });
  const review = config.sourceRepository ? { changelog: await takenOut(forge, config.sourceRepository, plan.decisions) } : {};
  const argocd = config.argocd ? await connectReview(config.argocd, (options) => context.connectArgoCd(options), (text) => platform.redact(text)) : undefined;
  try {
    return await syncRollbackChange(config, platform, forge, repo, { base, branch, outcome, planOnBranch, plan, result, review, argocd });
  } finally {
    await argocd?.client.close();
  }
}

/** What the revert takes out of the application, per value: the commits from `to` up to `from`. */
async function takenOut(forge: Forge, sourceRepository: string, decisions: readonly RollbackDecision[]): Promise<string> {
  const sections: string[] = [];
  for (const decision of decisions) {
    const changelog = await loadChangelog(forge, { repository: repositoryPath(sourceRepository), previous: [decision.to], value: decision.from, mode: decision.target.mode });
    const what = decisions.length > 1 ? `${decision.name} ${decision.from}` : decision.from;
    sections.push(renderChangelog(changelog, decision.from, `### What rolling back ${markdownText(what)} takes out`));
  }
  return sections.join('\n\n');
}

interface ChangeRequestParts {
  base: string;
  branch: string;
  outcome: Awaited<ReturnType<typeof publishChangeBranch<PlannedFile>>>;
  planOnBranch: (revision: string) => Promise<PlannedFile[]>;
  plan: RollbackPlan;
  result: RollbackResult;
  review: ReviewSections;
  argocd: ArgoCdReview | undefined;
}

/** The change request describes the rollback branch: its body shows the revert as Argo CD renders it, and what it takes out. */
async function syncRollbackChange(config: RollbackConfig, platform: Platform, forge: Forge, repo: GitRepository, rollback: ChangeRequestParts): Promise<RollbackResult> {
  const { base, branch, outcome, planOnBranch, plan, result, review, argocd } = rollback;
  const described = rollbackDescription(config, plan.decisions, result);
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
      title: described.title,
      body: fitBody(
        described.head,
        { ...review, ...(argocd && argocd.targets.length > 0 ? { diff: await argoCdDiff(argocd, head, config.environment ?? 'the environment', (text) => platform.info(text)) } : {}) },
        described.footer,
      ),
      draft: false,
      labels: config.labels,
      assignees: [],
      reviewers: config.reviewers,
      teamReviewers: [],
    }),
    describe: (planned) => plan.decisions.map((decision) => `${decision.name} ${valuesIn(planned, decision.target).join(', ') || '(not set)'}`).join('; '),
    info: (text) => platform.info(text),
    warning: (text) => platform.warning(text),
  });
  if (synced.kind === 'base-holds') return { ...result, changed: false, ...(synced.existing ? { number: synced.existing.number, url: synced.existing.url } : {}) };
  const change = synced.change ? { number: synced.change.number, url: synced.change.url } : {};
  // Superseded: another rollback replaced the branch; the outputs say what it holds instead.
  if (synced.kind === 'superseded') {
    const holds = plan.decisions.map((decision) => valuesIn(synced.planned, decision.target).join(', '));
    return { ...result, to: holds.join(', '), changes: result.changes.map((entry, index) => ({ ...entry, to: holds[index] ?? entry.to })), commitSha: synced.headSha, pushed: false, ...change };
  }
  return { ...result, commitSha: synced.headSha, pushed: outcome.kind === 'pushed', ...change };
}
