/**
 * Runs a sync operation through the stages a real one passes: queued (top-level `operation`
 * only) → Running (resources applied, workloads Progressing) → Succeeded / Failed / Error
 * (`operation` removed, `finishedAt` set) → a comparison after it (`reconciledAt` ≥ `finishedAt`)
 * → rollout done (Healthy, or Degraded for a broken image). Failures retry with backoff first.
 */
import { randomUUID } from 'node:crypto';
import type { GitReader } from './git-reader.js';
import type { Holds, Stage } from './holds.js';
import { resourceKey, type ManifestResource } from './manifest-parse.js';
import type { LiveResource } from './live-state.js';
import { hasCanarySteps, startCanary, walkCanary, type CanaryContext } from './rollouts.js';
import type { SimApp } from './sim-app.js';
import type { AppStore } from './store.js';
import { readTarget, revisionContext, type TargetResult } from './target-state.js';
import { clockTime, formatTime, sleep, type Clock } from './time.js';
import type { Operation, OperationPhase, OperationState, ResourceResult } from './types.js';

export interface OperationContext {
  store: AppStore;
  reader: GitReader;
  holds: Holds;
  clock: Clock;
  signal: AbortSignal;
  /** Queues a comparison of the app with git and resolves when it is done. */
  reconcile: (sim: SimApp) => Promise<void>;
  onError: (error: unknown) => void;
}

interface Outcome {
  phase: OperationPhase;
  message: string;
  resources: ResourceResult[];
}

const HISTORY_LIMIT = 10;
const SUCCESS_MESSAGE = 'successfully synced (all tasks run)';

/** Runs queued operations of `sim` one after another until none is left. */
export async function runOperations(ctx: OperationContext, sim: SimApp): Promise<void> {
  if (sim.operationRunning) return;
  sim.operationRunning = true;
  try {
    while (sim.app.operation && !sim.deleted && !ctx.signal.aborted) {
      await runOne(ctx, sim, sim.app.operation);
    }
  } finally {
    sim.operationRunning = false;
  }
}

async function stage(ctx: OperationContext, sim: SimApp, name: Stage, ms: number): Promise<boolean> {
  if (!(await sleep(ctx.clock, ms, ctx.signal))) return false;
  await ctx.holds.pass(name, sim.key, ctx.signal);
  return !ctx.signal.aborted && !sim.deleted;
}

async function runOne(ctx: OperationContext, sim: SimApp, queued: Operation): Promise<void> {
  const timings = sim.config.timings;
  if (!(await stage(ctx, sim, 'operationStart', timings.operationStartMs))) return;
  // A test may have patched the operation away while it was queued.
  if (!sim.app.operation) return;
  const operation = structuredClone(queued);
  const requested = operation.sync.revisions ?? [operation.sync.revision];
  const startedAt = formatTime(ctx.clock.now());
  const retryLimit = operation.retry?.limit ?? 0;
  let retryCount = 0;
  let applied: number | undefined;
  let target: TargetResult;
  let outcome: Outcome;
  for (let attempt = 0; ; attempt += 1) {
    target = await readTarget(ctx.reader, sim, requested);
    outcome = decide(sim, target, operation);
    const resources = outcome.phase === 'Succeeded' && !operation.sync.dryRun ? target.resources : undefined;
    const revisions = target.revisions ?? [];
    // Running and the applied resources (workloads Progressing) land in one update, as a client
    // of a real server sees the phase change together with the health it causes.
    ctx.store.update(sim, (app) => {
      if (attempt === 0) {
        app.status.operationState = { operation, phase: 'Running', message: 'one or more tasks are running', startedAt };
      }
      if (resources) {
        applied = applyToLive(sim, resources, revisions, operation.sync.prune === true, ctx.clock.now());
        sim.renderDerived(ctx.clock.now());
      }
    });
    if (!(await stage(ctx, sim, 'sync', timings.syncMs))) return;
    if (outcome.phase === 'Succeeded' || retryCount >= retryLimit) break;
    retryCount += 1;
    const message = `Retrying attempt #${retryCount} at ${clockTime(ctx.clock.now())}: ${outcome.message}`;
    ctx.store.update(sim, (app) => {
      const state = app.status.operationState;
      if (state) Object.assign(state, { message, retryCount });
    });
    if (!(await sleep(ctx.clock, timings.retryBackoffMs * 2 ** (retryCount - 1), ctx.signal))) return;
  }
  const finishedAt = formatTime(ctx.clock.now());
  const message = retryCount > 0 && outcome.phase !== 'Succeeded' ? `${outcome.message} (retried ${retryCount} times).` : outcome.message;
  ctx.store.update(sim, (app) => {
    const state: OperationState = {
      operation,
      phase: outcome.phase,
      message,
      startedAt,
      finishedAt,
      ...(retryCount > 0 ? { retryCount } : {}),
    };
    if (target.revisions) {
      state.syncResult = {
        ...(outcome.resources.length > 0 ? { resources: outcome.resources } : {}),
        ...sim.revisionFields(target.revisions),
        ...sim.sourceFields(),
      };
    }
    app.status.operationState = state;
    delete app.operation;
    // Argo CD records full syncs only: a dry run or a sync of selected resources leaves no entry.
    if (outcome.phase === 'Succeeded' && !operation.sync.dryRun && !operation.sync.resources?.length && target.revisions) {
      const history = app.status.history ?? [];
      history.push({
        id: (history.at(-1)?.id ?? -1) + 1,
        ...sim.revisionFields(target.revisions),
        deployStartedAt: startedAt,
        deployedAt: finishedAt,
        ...sim.sourceFields(),
        initiatedBy: operation.initiatedBy,
      });
      app.status.history = history.slice(-HISTORY_LIMIT);
    }
  });
  sim.lastAttempt = { revisions: target.revisions ?? [], phase: outcome.phase, message };
  if (applied !== undefined) void settleRollout(ctx, sim, applied).catch(ctx.onError);
  if (!(await stage(ctx, sim, 'postSyncReconcile', timings.postSyncReconcileMs))) return;
  await ctx.reconcile(sim);
}

function decide(sim: SimApp, target: TargetResult, operation: Operation): Outcome {
  if (target.resources === undefined) {
    return { phase: 'Error', message: `ComparisonError: ${target.error ?? 'unknown error'}`, resources: [] };
  }
  const context = revisionContext(sim, target.revisions ?? [], target.resources);
  const ruleMessage = sim.config.failSync?.(context);
  const badImage = context.images.find((entry) => sim.config.isFailSyncImage(entry.image));
  if (ruleMessage !== undefined || badImage) {
    const culprit = target.resources.find((resource) => badImage && resource.images.includes(badImage)) ?? target.resources[0];
    const reason =
      ruleMessage ??
      sim.config.failSyncMessage ??
      `admission webhook "validate.image-policy" denied the request: image "${badImage?.image ?? ''}" is not allowed`;
    const resources = culprit ? [resourceResult(culprit, 'SyncFailed', reason)] : [];
    return { phase: 'Failed', message: `one or more objects failed to apply, reason: ${reason}`, resources };
  }
  const live = new Map(sim.live.resources.map((resource) => [resourceKey(resource), resource]));
  const targetKeys = new Set(target.resources.map(resourceKey));
  const suffix = operation.sync.dryRun ? ' (dry run)' : '';
  const resources = target.resources.map((resource) => {
    const before = live.get(resourceKey(resource));
    const verb = !before ? 'created' : before.hash === resource.hash ? 'unchanged' : 'configured';
    return resourceResult(resource, 'Synced', `${objectRef(resource)} ${verb}${suffix}`);
  });
  for (const extra of sim.live.resources.filter((resource) => !targetKeys.has(resourceKey(resource)))) {
    resources.push(
      operation.sync.prune
        ? resourceResult(extra, 'Pruned', `pruned${suffix}`)
        : resourceResult(extra, 'PruneSkipped', 'ignored (requires pruning)'),
    );
  }
  return { phase: 'Succeeded', message: SUCCESS_MESSAGE, resources };
}

/** Replaces live resources with the target's; returns the new live generation. */
export function applyToLive(sim: SimApp, target: readonly ManifestResource[], revisions: readonly string[], prune: boolean, now: Date): number {
  const previous = new Map(sim.live.resources.map((resource) => [resourceKey(resource), resource]));
  const generation = sim.live.generation + 1;
  const next: LiveResource[] = target.map((resource) => {
    const before = previous.get(resourceKey(resource));
    previous.delete(resourceKey(resource));
    const unchanged = before?.hash === resource.hash;
    const live: LiveResource = {
      ...resource,
      uid: before?.uid ?? randomUUID(),
      createdAt: before?.createdAt ?? formatTime(now),
      resourceVersion: unchanged && before ? before.resourceVersion : String(generation),
      objectGeneration: before ? before.objectGeneration + (unchanged ? 0 : 1) : 1,
      rollout: unchanged && before ? before.rollout : 'progressing',
      broken: resource.images.some((entry) => sim.config.isDegradedImage(entry.image)),
      ...(unchanged && before?.canary ? { canary: before.canary } : {}),
    };
    // An updated Rollout walks its canary steps; a new one is scaled up at once (Argo Rollouts).
    if (before && !unchanged && hasCanarySteps(live)) startCanary(live);
    return live;
  });
  // Without prune, resources removed from git stay on the cluster (and show requiresPruning).
  if (!prune) next.push(...previous.values());
  sim.live = { revisions: [...revisions], resources: next, generation };
  return generation;
}

async function settleRollout(ctx: OperationContext, sim: SimApp, generation: number): Promise<void> {
  if (!(await stage(ctx, sim, 'rollout', sim.config.timings.rolloutMs))) return;
  if (sim.live.generation !== generation) return;
  const canaries = sim.live.resources.filter((resource) => resource.canary?.phase === 'Progressing' && resource.canary.stepIndex === 0);
  ctx.store.update(sim, () => {
    for (const resource of sim.live.resources) if (!canaries.includes(resource)) resource.rollout = 'settled';
    sim.renderDerived(ctx.clock.now());
  });
  for (const resource of canaries) void walkCanary(canaryContext(ctx, sim, generation), resource).catch(ctx.onError);
}

/** What a canary walk needs: the clock, the app's rules and timings, and a way to publish. */
export function canaryContext(ctx: Pick<OperationContext, 'clock' | 'signal' | 'store'>, sim: SimApp, generation: number): CanaryContext {
  return {
    clock: ctx.clock,
    signal: ctx.signal,
    analysisMs: sim.config.timings.rolloutMs,
    failsAnalysis: (images) => images.some((image) => sim.config.isFailAnalysisImage(image)),
    current: () => sim.live.generation === generation && !sim.deleted,
    update: (change) => {
      ctx.store.update(sim, () => {
        change();
        sim.renderDerived(ctx.clock.now());
      });
    },
  };
}

/** syncResult.resources of a first sync that created everything. */
export function createdResults(resources: readonly ManifestResource[]): ResourceResult[] {
  return resources.map((resource) => resourceResult(resource, 'Synced', `${objectRef(resource)} created`));
}

function resourceResult(resource: ManifestResource, status: ResourceResult['status'], message: string): ResourceResult {
  const images = [...new Set(resource.images.map((entry) => entry.image))];
  return {
    ...(resource.group ? { group: resource.group } : {}),
    version: resource.version,
    kind: resource.kind,
    ...(resource.namespace ? { namespace: resource.namespace } : {}),
    name: resource.name,
    status,
    message,
    hookPhase: status === 'SyncFailed' ? 'Failed' : 'Running',
    syncPhase: 'Sync',
    ...(images.length > 0 ? { images } : {}),
  };
}

/** `deployment.apps/name`, `service/name`: how kubectl names an object in apply output. */
function objectRef(resource: ManifestResource): string {
  return `${resource.kind.toLowerCase()}${resource.group ? `.${resource.group}` : ''}/${resource.name}`;
}
