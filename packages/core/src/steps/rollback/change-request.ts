import { InputError } from '../../errors';
import type { GitRepository } from '../../git/git-repository';
import { valuesIn } from '../../manifest/manifest-reader';
import type { Forge } from '../../forge/forge';
import { markdownText } from '../../platform/markdown';
import type { Platform } from '../../platform/platform';
import { changeBranchName, publishChangeBranch, readTips } from '../../promotion/change-branch';
import { syncChangeRequest } from '../../promotion/change-request-sync';
import { HOLD_FILE, parseHolds, type HoldRecord } from '../../promotion/hold';
import type { PlannedFile } from '../../promotion/plan';
import { fitBody, type ReviewSections } from '../../promotion/review/body';
import { argoCdDiff, changelogSections, connectReview, repositoryPath, type ArgoCdReview } from '../../promotion/review/review';
import { writtenBy } from '../../promotion/trailers';
import type { StepContext } from '../step-context';
import type { RollbackConfig } from './config';
import { rollbackDescription } from './description';
import { publishing, planWithHold, STEP, type RollbackDecision, type RollbackPlan } from './plan';
import type { RollbackResult } from './result';

export type ForgeRemote = ReturnType<StepContext['forgeOfRemote']>;

/** mode: pull-request: which forge hosts the remote, or a refusal (checked before a dry run returns). */
export async function rollbackForgeRemote(config: RollbackConfig, repo: GitRepository, context: StepContext): Promise<ForgeRemote> {
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
export async function openRollbackChange(
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
  const entries = decisions.map((decision) => ({
    previous: [decision.to],
    value: decision.from,
    mode: decision.target.mode,
    heading: `### What rolling back ${markdownText(decisions.length > 1 ? `${decision.name} ${decision.from}` : decision.from)} takes out`,
  }));
  return (await changelogSections({ forge, repository: repositoryPath(sourceRepository) }, entries)).text;
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
