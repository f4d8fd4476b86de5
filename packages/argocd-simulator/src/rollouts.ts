/**
 * Argo Rollouts canaries on the simulated cluster. A Rollout updated by a sync walks its
 * `spec.strategy.canary.steps` once its pods are up: `setWeight` passes, `pause: {}` waits for a
 * promotion (`promoteRollout`), `pause: {duration}` for that long on the clock, and `analysis`
 * starts an AnalysisRun that succeeds, or fails (image matched by `failAnalysisImage`) and aborts
 * the Rollout. A first deployment skips the steps, as Argo Rollouts does. The live objects are
 * served by `GET …/resource` with the Rollouts CRD's field names.
 */
import { randomUUID } from 'node:crypto';
import type { AnalysisRunState, CanaryState, LiveResource } from './live-state.js';
import { sleep, formatTime, type Clock } from './time.js';

export interface CanaryContext {
  clock: Clock;
  signal: AbortSignal;
  /** How long an AnalysisRun runs before its verdict. */
  analysisMs: number;
  /** Whether the analysis of these images fails. */
  failsAnalysis: (images: readonly string[]) => boolean;
  /** Applies a change to the live state and publishes the app (MODIFIED). */
  update: (change: () => void) => void;
  /** Whether this resource is still the live one (no newer sync replaced it). */
  current: () => boolean;
}

// A paused step resumes when the promotion comes; keyed by the Rollout's uid (an unchanged
// resource keeps it across syncs, while its live object is rebuilt).
const promotions = new Map<string, () => void>();

function canarySteps(resource: LiveResource): Record<string, unknown>[] {
  return resource.manualBlueGreen ? [{ pause: {} }] : (resource.canarySteps ?? []);
}

/** Whether the resource is a Rollout whose update walks canary steps (or pauses before a blue-green switch). */
export function hasCanarySteps(resource: LiveResource): boolean {
  return resource.kind === 'Rollout' && ((resource.canarySteps?.length ?? 0) > 0 || resource.manualBlueGreen === true);
}

export function startCanary(resource: LiveResource): void {
  resource.canary = { phase: 'Progressing', stepIndex: 0, analysisRuns: [], ...(resource.manualBlueGreen ? { blueGreen: true } : {}) };
}

/** Runs the steps from the current one; ends Healthy (settled), paused, or aborted. */
export async function walkCanary(ctx: CanaryContext, resource: LiveResource): Promise<void> {
  // A blue-green update is one pause before the switch: `pause: {}` as a step of its own.
  const steps = canarySteps(resource);
  const canary = resource.canary;
  if (!canary) return;
  for (let index = canary.stepIndex; index < steps.length; index++) {
    const step = steps[index] ?? {};
    ctx.update(() => {
      canary.stepIndex = index;
      canary.phase = 'Progressing';
      delete canary.pause;
    });
    const go = 'pause' in step ? await pauseStep(ctx, resource, canary, step['pause']) : 'analysis' in step ? await analysisStep(ctx, resource, canary, index, step['analysis']) : true;
    if (!go || !ctx.current()) return;
  }
  ctx.update(() => {
    canary.phase = 'Healthy';
    canary.stepIndex = steps.length;
    delete canary.pause;
    resource.rollout = 'settled';
  });
}

async function pauseStep(ctx: CanaryContext, resource: LiveResource, canary: CanaryState, pause: unknown): Promise<boolean> {
  const durationMs = pauseDurationMs(pause);
  ctx.update(() => {
    canary.phase = 'Paused';
    canary.pause = { startTime: formatTime(ctx.clock.now()), ...(durationMs !== undefined ? { durationMs } : {}) };
  });
  if (durationMs !== undefined) return sleep(ctx.clock, durationMs, ctx.signal);
  return new Promise<boolean>((resolve) => {
    const onAbort = (): void => {
      promotions.delete(resource.uid);
      resolve(false);
    };
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    promotions.set(resource.uid, () => {
      ctx.signal.removeEventListener('abort', onAbort);
      resolve(true);
    });
  });
}

async function analysisStep(ctx: CanaryContext, resource: LiveResource, canary: CanaryState, index: number, analysis: unknown): Promise<boolean> {
  const metric = templateName(analysis);
  const run: AnalysisRunState = {
    name: `${resource.name}-${resource.hash.slice(0, 10)}-${index}`,
    uid: randomUUID(),
    createdAt: formatTime(ctx.clock.now()),
    phase: 'Running',
    metric,
  };
  ctx.update(() => canary.analysisRuns.push(run));
  if (!(await sleep(ctx.clock, ctx.analysisMs, ctx.signal)) || !ctx.current()) return false;
  if (!ctx.failsAnalysis(resource.images.map((entry) => entry.image))) {
    ctx.update(() => (run.phase = 'Successful'));
    return true;
  }
  ctx.update(() => {
    run.phase = 'Failed';
    run.value = '[0.42]';
    run.message = `Metric "${metric}" assessed Failed due to failed (1) > failureLimit (0)`;
    abort(canary, `RolloutAborted: Rollout aborted update to revision 2: ${run.message}`);
  });
  return false;
}

function abort(canary: CanaryState, message: string): void {
  canary.phase = 'Degraded';
  canary.abortMessage = message;
  delete canary.pause;
}

/** `kubectl argo rollouts promote`: a paused step goes on. False when nothing was paused. */
export function promoteCanary(resource: LiveResource): boolean {
  const resume = promotions.get(resource.uid);
  if (!resume || resource.canary?.phase !== 'Paused') return false;
  promotions.delete(resource.uid);
  resume();
  return true;
}

/** `kubectl argo rollouts abort`: the Rollout goes back to stable, Degraded until fixed. */
export function abortCanary(resource: LiveResource, update: (change: () => void) => void): boolean {
  const canary = resource.canary;
  if (!canary || canary.phase === 'Healthy') return false;
  promotions.delete(resource.uid);
  update(() => abort(canary, 'RolloutAborted: Rollout aborted update to revision 2'));
  return true;
}

/** `pause.duration`: seconds as a number, or a Go duration like `30s`, `5m`, `1h`. */
function pauseDurationMs(pause: unknown): number | undefined {
  if (typeof pause !== 'object' || pause === null) return undefined;
  const duration = (pause as Record<string, unknown>)['duration'];
  if (typeof duration === 'number') return duration * 1000;
  if (typeof duration !== 'string') return undefined;
  const match = /^(\d+)(ms|s|m|h)?$/.exec(duration.trim());
  if (!match) return undefined;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] ?? 's'] ?? 1000;
  return Number(match[1]) * unit;
}

function templateName(analysis: unknown): string {
  const templates = typeof analysis === 'object' && analysis !== null ? (analysis as Record<string, unknown>)['templates'] : undefined;
  const first: unknown = Array.isArray(templates) ? templates[0] : undefined;
  const name = typeof first === 'object' && first !== null ? (first as Record<string, unknown>)['templateName'] : undefined;
  return typeof name === 'string' ? name : 'analysis';
}

/** The live Rollout as the cluster stores it (`status` in the Rollouts CRD's shape). */
export function rolloutObject(resource: LiveResource): Record<string, unknown> {
  const canary = resource.canary;
  const steps = resource.canarySteps ?? [];
  const status: Record<string, unknown> = { observedGeneration: resource.resourceVersion };
  if (!canary) {
    Object.assign(status, { phase: resource.rollout === 'settled' ? 'Healthy' : 'Progressing', ...(resource.manualBlueGreen ? {} : { currentStepIndex: steps.length }) });
  } else {
    status['phase'] = canary.phase;
    if (!canary.blueGreen) status['currentStepIndex'] = canary.stepIndex;
    if (canary.pause) {
      const reason = canary.blueGreen ? 'BlueGreenPause' : 'CanaryPauseStep';
      status['pauseConditions'] = [{ reason, startTime: canary.pause.startTime }];
      status['controllerPause'] = true;
      status['message'] = reason;
    }
    if (canary.abortMessage) Object.assign(status, { abort: true, message: canary.abortMessage });
    const run = canary.analysisRuns.at(-1);
    if (run) status['canary'] = { currentStepAnalysisRunStatus: { name: run.name, status: run.phase, ...(run.message ? { message: run.message } : {}) } };
  }
  return {
    apiVersion: `${resource.group}/${resource.version}`,
    kind: 'Rollout',
    metadata: { name: resource.name, namespace: resource.namespace, uid: resource.uid, resourceVersion: resource.resourceVersion, creationTimestamp: resource.createdAt },
    spec: {
      template: { spec: { containers: resource.images.map((entry) => ({ name: entry.container, image: entry.image })) } },
      strategy: resource.manualBlueGreen ? { blueGreen: { autoPromotionEnabled: false } } : { canary: { steps } },
    },
    status,
  };
}

/** An AnalysisRun of the Rollout, owned by it. */
export function analysisRunObject(owner: LiveResource, run: AnalysisRunState): Record<string, unknown> {
  const failed = run.phase === 'Failed';
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisRun',
    metadata: {
      name: run.name,
      namespace: owner.namespace,
      uid: run.uid,
      creationTimestamp: run.createdAt,
      ownerReferences: [{ apiVersion: `${owner.group}/${owner.version}`, kind: 'Rollout', name: owner.name, uid: owner.uid }],
    },
    spec: { metrics: [{ name: run.metric, failureLimit: 0, provider: { prometheus: { query: 'sum(rate(http_requests_total{code!~"5.."}[5m])) / sum(rate(http_requests_total[5m]))' } } }] },
    status: {
      phase: run.phase,
      ...(run.message ? { message: run.message } : {}),
      metricResults: [
        {
          name: run.metric,
          phase: run.phase,
          count: run.phase === 'Running' ? 0 : 1,
          failed: failed ? 1 : 0,
          successful: run.phase === 'Successful' ? 1 : 0,
          ...(failed ? { measurements: [{ phase: 'Failed', value: run.value ?? '', startedAt: run.createdAt, finishedAt: run.createdAt }] } : {}),
        },
      ],
    },
  };
}

/** The AnalysisRun named `name` among the live Rollouts', with its owner. */
export function findAnalysisRun(resources: readonly LiveResource[], name: string): { owner: LiveResource; run: AnalysisRunState } | undefined {
  for (const owner of resources) {
    const run = owner.canary?.analysisRuns.find((candidate) => candidate.name === name);
    if (run) return { owner, run };
  }
  return undefined;
}
