import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChangeRequest, Forge } from '../../forge/forge';
import type { GitRepository } from '../../git/git-repository';
import { readSources } from '../../manifest/file-edits';
import { readManifest, singleValue, valuesIn } from '../../manifest/manifest-reader';
import type { Platform } from '../../platform/platform';
import { selectFiles, type SelectedFile } from '../../files/repo-files';
import { apiCommitterOf } from '../../promotion/api-commits';
import { publishChangeBranch, readTips, type BranchTips, type ChangeBranchOutcome } from '../../promotion/change-branch';
import { syncChangeRequest } from '../../promotion/change-request-sync';
import { refuseRolledBack, retireHolds } from '../../promotion/hold';
import { editRequestFor, manifestsOf, planAt, valueRecords, withHold, type EditRequest, type PlannedFile, type ReadTarget } from '../../promotion/plan';
import { changedOnly } from '../../promotion/publisher';
import { argoCdDiff, argoCdDiffNotRendered, connectReview, repositoryPath, settledReview, type ArgoCdReview } from '../../promotion/review/review';
import { withTrailers, writtenBy } from '../../promotion/trailers';
import { changesJson, promotedValues, readValueSet, setName, shortValues, type SetValue } from '../../promotion/value-set';
import { valueChanges } from '../../manifest/value-changes';
import { defaultStepContext, type StepContext } from '../step-context';
import { targetName, type OpenPromotionPrConfig } from './config';
import { promotionBody, promotionTitle, sourceEnvironmentOf, type PromotionFacts } from './description';

export type PromotionOperation = 'created' | 'updated' | 'unchanged' | 'closed' | 'superseded';

/** What open-promotion-pr did; each field becomes an output. */
export interface OpenPromotionPrResult {
  operation: PromotionOperation;
  number?: number;
  url?: string;
  branch: string;
  headSha: string;
  previous: string[];
  value: string;
  /** Every value (one in the single-value mode), as the `changes` output lists them. */
  changes: string;
  verified?: boolean;
  /** When the source environment started running the value, Synced and Healthy (source-application). */
  sourceHealthySince?: string;
  facts: PromotionFacts;
  dryRun: boolean;
}

const STEP = 'open-promotion-pr';

export async function runOpenPromotionPr(config: OpenPromotionPrConfig, platform: Platform, context: StepContext = defaultStepContext()): Promise<OpenPromotionPrResult> {
  platform.setSecret(config.token);
  if (config.argocd) platform.setSecret(config.argocd.token);
  const forge = await context.openForge({ kind: config.forge, apiUrl: config.apiUrl, repository: config.repository, token: config.token }, platform);
  const argocd = config.argocd ? await connectReview(config.argocd, (options) => context.connectArgoCd(options), (text) => platform.redact(text)) : undefined;
  const scratch = await mkdtemp(path.join(tmpdir(), 'gitops-promote-pr-'));
  try {
    const base = config.base ?? (await forge.repository()).defaultBranch;
    const repo = await context.git.openScratchClone(scratch, config.repositoryUrl, config.token, config.forge, platform);
    const read = await platform.group(`Reading ${base}`, () => prepare(config, platform, repo, base));
    const prepared = await platform.group('Reviewing the promotion', () => withReview(config, platform, forge, repo, read, argocd));
    if (config.dryRun) return await dryRun(config, platform, forge, prepared);
    const plan = async (revision: string): Promise<PlannedFile[]> => withRetiredHold(config, repo, prepared, await planAt(repo, prepared.requests, prepared.targets, revision), revision);
    const outcome = await platform.group(`Updating branch ${config.branch}`, () =>
      publishChangeBranch({
        repo,
        remote: 'origin',
        base,
        branch: config.branch,
        author: config.author ?? platform.defaultAuthor(),
        timeoutMs: config.pushTimeoutMs,
        backoff: context.backoff,
        clock: context.clock,
        info: (message) => platform.info(message),
        plan,
        message: (planned) => commitMessage(config, prepared, planned),
        ours: writtenBy(STEP),
        ...(config.signCommits ? { commitThroughApi: apiCommitterOf(forge, (message) => platform.info(message)) } : {}),
        tips: prepared.tips,
      }),
    );
    return await platform.group(`Updating the ${forge.noun}`, () => updateChangeRequest(config, platform, forge, argocd, repo, prepared, outcome, plan));
  } finally {
    await argocd?.client.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

interface Prepared {
  base: string;
  tips: BranchTips;
  /** Every value considered (one in the single-value mode); skipped ones are marked. */
  values: SetValue[];
  /** The edits of the values promoted: one plan, one commit. */
  requests: EditRequest[];
  targets: SelectedFile[];
  facts: PromotionFacts;
  /** The edit as planned on the base tip (what the body's table shows). */
  planned: PlannedFile[];
  sourceHealthySince?: string;
}

/** The review sections that do not depend on the change's head: evidence and drift. */
async function withReview(config: OpenPromotionPrConfig, platform: Platform, forge: Forge, repo: GitRepository, prepared: Prepared, argocd: ArgoCdReview | undefined): Promise<Prepared> {
  const sourceFiles = prepared.facts.source?.files ?? [];
  if (!argocd && sourceFiles.length === 0 && !config.sourceRepository) return prepared;
  const settled = await settledReview({
    repo,
    values: promotedValues(prepared.values).map(({ target, name, value, previous }) => ({ target, name, value, previous })),
    sourceEnvironment: sourceEnvironmentOf(config, prepared.facts),
    targetEnvironment: config.environment,
    sourceFiles,
    targetFiles: prepared.targets.map((file) => file.relative),
    baseTip: prepared.tips.baseTip,
    ...(argocd ? { argocd } : {}),
    ...(config.sourceRepository ? { changelog: { forge, repository: repositoryPath(config.sourceRepository) } } : {}),
    info: (message) => platform.info(message),
  });
  return {
    ...prepared,
    facts: { ...prepared.facts, review: { changelog: settled.changelog, compared: settled.compared, evidence: settled.evidence, drift: settled.drift } },
    ...(settled.sourceHealthySince ? { sourceHealthySince: settled.sourceHealthySince } : {}),
  };
}

/** Fetches base, reads the value(s) to promote and what the target runs, and plans the edit on base. */
async function prepare(config: OpenPromotionPrConfig, platform: Platform, repo: GitRepository, base: string): Promise<Prepared> {
  const tips = await readTips(repo, 'origin', base, config.branch);
  const { baseTip } = tips;
  await repo.checkoutDetached(baseTip);
  const targets = await selectFiles(repo.workTree, config.files);
  const read = config.target.mode === 'set' ? await readSet(config, platform, repo, baseTip, targets) : await readOne(config, platform, repo, baseTip, targets);
  const requests = promotedValues(read.values).map((value) => value.request);
  // Reading the work tree at the base tip refuses, by name, values that match nothing in the files.
  const planned = await planAt(repo, requests, targets, undefined);
  const facts = factsOf(config, read.values, requests, planned, { base, ...(read.source ? { source: read.source } : {}) });
  if (config.target.mode !== 'set') platform.info(`${config.environment} runs ${facts.previous.join(', ') || '(nothing)'} on ${base} at ${baseTip.slice(0, 12)}; promoting ${facts.value}.`);
  const values = config.target.mode === 'set' ? read.values : read.values.map((value) => ({ ...value, previous: facts.previous }));
  return { base, tips, values, requests, targets, facts, planned };
}

interface ReadValues {
  values: SetValue[];
  source?: NonNullable<PromotionFacts['source']>;
}

/** One value: given, or read from the source files; a held one is refused (unless allowed). */
async function readOne(config: OpenPromotionPrConfig, platform: Platform, repo: GitRepository, baseTip: string, targets: SelectedFile[]): Promise<ReadValues> {
  const readTarget = readTargetOf(config);
  let request: EditRequest;
  let value: string;
  let source: PromotionFacts['source'];
  if (config.source.from === 'input') {
    request = config.source.request;
    value = config.source.value;
  } else {
    const sourceFiles = await selectFiles(repo.workTree, config.source.files);
    const reads = (await readSources(sourceFiles)).flatMap((text) => readManifest(text.source, text.file, readTarget));
    const described = readTarget.mode === 'image' ? `Image ${readTarget.name}` : `Key ${targetName(config.target)}`;
    const read = singleValue(reads, described, sourceFiles.map((file) => file.relative).join(', '));
    value = read.value;
    request = editRequestFor(readTarget, value, read);
    source = await sourceOf(repo, baseTip, sourceFiles);
    platform.info(`${read.file}:${read.line} runs ${value}${source.commit ? ` (set in ${source.commit.slice(0, 12)})` : ''}.`);
  }
  await refuseRolledBack(
    { repo, remote: 'origin', branch: undefined, rev: baseTip, files: targets.map((file) => file.relative), target: readTarget, info: (message) => platform.info(message) },
    value,
    config.allowRolledBack,
  );
  return { values: [{ target: readTarget, name: targetName(config.target), value, previous: [], request }], ...(source ? { source } : {}) };
}

/** A set (`images` / `keys`): every selected value compared between the environments, the hold applied per value. */
async function readSet(config: OpenPromotionPrConfig, platform: Platform, repo: GitRepository, baseTip: string, targets: SelectedFile[]): Promise<ReadValues> {
  if (config.target.mode !== 'set' || config.source.from !== 'files') throw new Error('readSet reads a set from source files');
  const sourceFiles = await selectFiles(repo.workTree, config.source.files);
  const values = await readValueSet({
    repo,
    baseTip,
    selection: config.target.selection,
    source: sourceFiles,
    target: targets,
    held: { allow: config.allowRolledBack, onHeld: config.target.onHeld },
    info: (message) => platform.info(message),
  });
  return { values, source: await sourceOf(repo, baseTip, sourceFiles) };
}

async function sourceOf(repo: GitRepository, baseTip: string, sourceFiles: readonly SelectedFile[]): Promise<NonNullable<PromotionFacts['source']>> {
  const files = sourceFiles.map((file) => file.relative);
  return { files, commit: await repo.lastCommitTouching(baseTip, files) };
}

/**
 * The title's and body's facts for the edit `planned`: one value as before; a set names its
 * values (`value` a short list, each change row naming its image or key, the skipped ones listed).
 */
function factsOf(config: OpenPromotionPrConfig, values: readonly SetValue[], requests: readonly EditRequest[], planned: readonly PlannedFile[], where: Pick<PromotionFacts, 'base' | 'source'>): PromotionFacts {
  const manifests = manifestsOf(planned);
  if (config.target.mode !== 'set') {
    const [only] = values;
    return { ...where, value: only?.value ?? '', previous: valuesIn(planned, readTargetOf(config)), changes: manifests.flatMap((file) => file.changes) };
  }
  const promoted = promotedValues(values);
  return { ...where, value: shortValues(promoted), previous: [], changes: valueChanges(manifests, requests), values };
}

/**
 * allow-rolled-back: the hold records of the promoted value for these files are retired in the
 * promotion's own commit, so merging it lifts the hold and closing it leaves the hold in place.
 */
async function withRetiredHold(config: OpenPromotionPrConfig, repo: GitRepository, prepared: Prepared, planned: PlannedFile[], revision: string): Promise<PlannedFile[]> {
  if (!config.allowRolledBack || changedOnly(planned).length === 0) return planned;
  return withHold(repo, planned, revision, await retireHolds(repo, promotedValues(prepared.values), prepared.targets.map((file) => file.relative)));
}

function commitMessage(config: OpenPromotionPrConfig, prepared: Prepared, planned: readonly PlannedFile[]): string {
  const changed = changedOnly(manifestsOf(planned)).length;
  const files = `${changed} file${changed === 1 ? '' : 's'}`;
  if (config.target.mode === 'set') {
    // One Set trailer per value (one value: the one-value trailers), each with what it replaced.
    const promoted = promotedValues(prepared.values);
    return withTrailers(`chore(promote): ${setName(promoted)} to ${config.environment}\n\nSets ${shortValues(promoted, undefined, promoted.length)} in ${files}; opened by gitops-promote ${STEP}.`, {
      step: STEP,
      values: valueRecords(planned, prepared.requests),
      environment: config.environment,
    });
  }
  const target = targetName(config.target);
  return withTrailers(`chore(promote): ${target} ${prepared.facts.value} to ${config.environment}\n\nSets ${files}; opened by gitops-promote ${STEP}.`, {
    step: STEP,
    ...(config.target.mode === 'image' ? { image: target } : { key: target }),
    value: prepared.facts.value,
    previous: prepared.facts.previous,
    environment: config.environment,
  });
}

async function dryRun(config: OpenPromotionPrConfig, platform: Platform, forge: Forge, prepared: Prepared): Promise<OpenPromotionPrResult> {
  const existing = await forge.findOpen(config.branch, prepared.base);
  const holds = changedOnly(prepared.planned).length === 0;
  const operation: PromotionOperation = holds ? (existing ? 'closed' : 'unchanged') : existing ? 'updated' : 'created';
  platform.info(`Dry run: would ${holds ? (existing ? `close ${forge.noun} #${existing.number}` : 'do nothing') : existing ? `update ${forge.noun} #${existing.number}` : `open a ${forge.noun}`}; nothing was pushed or written.`);
  if (!holds) {
    // A pipeline previews the change request from here: what it would be titled and say.
    const facts = config.argocd?.targets.length ? { ...prepared.facts, review: { ...prepared.facts.review, diff: argoCdDiffNotRendered(config.environment) } } : prepared.facts;
    platform.info(`Title: ${promotionTitle(config, facts)}\nBody:\n${promotionBody(config, facts)}`);
  }
  return resultOf(config, prepared, operation, existing, '', undefined, true);
}

function resultOf(
  config: OpenPromotionPrConfig,
  prepared: Prepared,
  operation: PromotionOperation,
  change: ChangeRequest | undefined,
  headSha: string,
  verified: boolean | undefined,
  dryRun = false,
): OpenPromotionPrResult {
  return {
    operation,
    ...(change ? { number: change.number, url: change.url } : {}),
    branch: config.branch,
    headSha,
    // A set's values are in `changes`; these two keep their one-value meaning.
    previous: config.target.mode === 'set' ? [] : [...prepared.facts.previous],
    value: config.target.mode === 'set' ? '' : prepared.facts.value,
    changes: changesJson(prepared.values),
    ...(verified !== undefined ? { verified } : {}),
    ...(prepared.sourceHealthySince ? { sourceHealthySince: prepared.sourceHealthySince } : {}),
    facts: prepared.facts,
    dryRun,
  };
}


/** What promoting one value reads from the target files: the image or the key. */
function readTargetOf(config: OpenPromotionPrConfig): ReadTarget {
  if (config.target.mode === 'set') throw new Error('a set reads each of its values');
  return config.target.mode === 'image' ? { mode: 'image', name: config.target.image } : { mode: 'key', path: config.target.path };
}

/** What a branch whose edit reads `planned` holds, for messages. */
function describeBranch(config: OpenPromotionPrConfig, prepared: Prepared, planned: readonly PlannedFile[]): string {
  if (config.target.mode !== 'set') return `${targetName(config.target)} ${valuesIn(planned, readTargetOf(config)).join(', ') || '(not set)'}`;
  return shortValues(promotedValues(prepared.values), (value) => valuesIn(planned, value.target).join(', '));
}

/** Makes the change request match the branch: closed when base already runs the value, superseded when another run replaced it, else ensured. */
async function updateChangeRequest(
  config: OpenPromotionPrConfig,
  platform: Platform,
  forge: Forge,
  argocd: ArgoCdReview | undefined,
  repo: GitRepository,
  prepared: Prepared,
  outcome: ChangeBranchOutcome<PlannedFile>,
  plan: (revision: string) => Promise<PlannedFile[]>,
): Promise<OpenPromotionPrResult> {
  const factsOfPlan = (planned: readonly PlannedFile[]): PromotionFacts => ({ ...prepared.facts, changes: factsOf(config, prepared.values, prepared.requests, planned, prepared.facts).changes });
  // What Argo CD renders for the head just pushed: read once per head, rendered into every body.
  const diffs = new Map<string, Promise<(budget: number) => string>>();
  const diffAt = (head: string): Promise<(budget: number) => string> | undefined => {
    if (!argocd || argocd.targets.length === 0) return undefined;
    const cached = diffs.get(head) ?? argoCdDiff(argocd, head, config.environment, (message) => platform.info(message));
    diffs.set(head, cached);
    return cached;
  };
  const factsAt = async (planned: readonly PlannedFile[], head: string): Promise<PromotionFacts> => {
    const facts = factsOfPlan(planned);
    const diff = await diffAt(head);
    return diff ? { ...facts, review: { ...facts.review, diff } } : facts;
  };
  const synced = await syncChangeRequest({
    forge,
    repo,
    remote: 'origin',
    base: prepared.base,
    branch: config.branch,
    outcome,
    plan,
    wanted: async (planned, head) => ({
      head: config.branch,
      base: prepared.base,
      title: promotionTitle(config, factsOfPlan(planned)),
      body: promotionBody(config, await factsAt(planned, head)),
      draft: config.draft,
      labels: config.labels,
      assignees: config.assignees,
      reviewers: config.reviewers,
      teamReviewers: config.teamReviewers,
    }),
    describe: (planned) => describeBranch(config, prepared, planned),
    info: (message) => platform.info(message),
    warning: (message) => platform.warning(message),
    finish: async (change, head) => {
      if (!config.autoMerge || change.autoMerge) return;
      const merged = await forge.enableAutoMerge({ ...change, headSha: head }, config.mergeMethod);
      if (merged.enabled) platform.info(`Auto-merge (${config.mergeMethod}) enabled for ${forge.noun} #${change.number} at ${head.slice(0, 12)}.`);
      else platform.warning(`Auto-merge was not enabled for ${forge.noun} #${change.number}: ${merged.reason}`);
    },
  });
  if (synced.kind === 'base-holds') return closeFulfilled(config, platform, forge, prepared, synced.existing, synced.baseTip);
  if (synced.kind === 'superseded') {
    // The outputs describe the branch as it is: another run's value and head, not ours.
    const held = { ...prepared, facts: { ...prepared.facts, value: config.target.mode === 'set' ? describeBranch(config, prepared, synced.planned) : valuesIn(synced.planned, readTargetOf(config)).join(', ') } };
    return resultOf(config, held, 'superseded', synced.change, synced.headSha, undefined);
  }
  return resultOf(config, prepared, synced.operation, synced.change, synced.headSha, synced.verified);
}

/** Base already runs the value: the open change request, if any, has nothing left to do. */
async function closeFulfilled(config: OpenPromotionPrConfig, platform: Platform, forge: Forge, prepared: Prepared, existing: ChangeRequest | undefined, baseTip: string): Promise<OpenPromotionPrResult> {
  if (!existing) {
    platform.info(`${prepared.base} already runs ${runsLabel(prepared)} in ${config.environment}; no ${forge.noun} needed.`);
    return resultOf(config, prepared, 'unchanged', undefined, '', undefined);
  }
  await forge.close(
    existing,
    `${prepared.base} already runs ${runsLabel(prepared)} in ${config.environment} (at ${baseTip.slice(0, 12)}), so this promotion has nothing left to change. Closed by gitops-promote.`,
  );
  platform.info(`Closed ${forge.noun} #${existing.number}: ${prepared.base} already runs ${runsLabel(prepared)}.`);
  return resultOf(config, prepared, 'closed', { ...existing, state: 'closed' }, '', undefined);
}

/** What the base runs when nothing is left to do: the value, or for a set its values. */
function runsLabel(prepared: Prepared): string {
  return prepared.facts.values ? (prepared.facts.value ? `every value of the set (${prepared.facts.value})` : 'every value of the set') : prepared.facts.value;
}
