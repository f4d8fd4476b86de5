/**
 * Argo Rollouts as Argo CD shows them: a Rollout paused at a canary (or blue-green) step makes the
 * app Suspended, an aborted one Degraded, and so does a failed AnalysisRun. These pure functions
 * read the live objects (`GET …/resource`) with the Rollouts CRD's field names and say, in one
 * line, where a Rollout stands and what it waits for, or why it failed.
 */
import { formatDuration } from '../text/duration';
import type { LiveObject, ResourceNode, ResourceRef } from './types';

/** Where one Rollout stands: paused (waiting for what), failed (why), or neither. */
export type RolloutFinding = { kind: 'paused'; text: string } | { kind: 'failed'; text: string };

/** The tree nodes worth reading live: Rollouts not Healthy, AnalysisRuns that failed. */
export function rolloutNodes(nodes: readonly ResourceNode[]): ResourceRef[] {
  return nodes.flatMap((node) => {
    const health = node.health?.status;
    const wanted = (node.kind === 'Rollout' && (health === 'Suspended' || health === 'Degraded')) || (node.kind === 'AnalysisRun' && health === 'Degraded');
    if (!wanted || !node.name) return [];
    return [{ kind: node.kind ?? '', name: node.name, ...(node.group ? { group: node.group } : {}), ...(node.version ? { version: node.version } : {}), ...(node.namespace ? { namespace: node.namespace } : {}) }];
  });
}

/** What a live Rollout or AnalysisRun says; undefined when it is neither paused nor failed. */
export function describeLive(object: LiveObject, now: number): RolloutFinding | undefined {
  return field(object, 'kind') === 'AnalysisRun' ? describeAnalysisRun(object) : describeRollout(object, now);
}

export function describeRollout(object: LiveObject, now: number): RolloutFinding | undefined {
  const status = record(object['status']);
  const who = `Rollout ${qualified(object)}`;
  const message = str(status['message']);
  if (status['abort'] === true || str(status['phase']) === 'Degraded') {
    return { kind: 'failed', text: `${who} aborted${message ? `: ${message}` : ''}` };
  }
  const conditions = list(status['pauseConditions']).map(record);
  const userPaused = record(object['spec'])['paused'] === true;
  if (conditions.length === 0 && !userPaused && str(status['phase']) !== 'Paused') return undefined;
  return { kind: 'paused', text: `${who} paused at ${stepText(object, status)}, waiting for ${pauseWait(object, conditions, userPaused, now)}` };
}

export function describeAnalysisRun(object: LiveObject): RolloutFinding | undefined {
  const status = record(object['status']);
  const phase = str(status['phase']);
  if (phase !== 'Failed' && phase !== 'Error') return undefined;
  const owner = list(record(object['metadata'])['ownerReferences']).map(record).find((ref) => ref['kind'] === 'Rollout');
  const of = owner ? ` of Rollout ${str(owner['name'])}` : '';
  const metrics = list(status['metricResults'])
    .map(record)
    .filter((metric) => str(metric['phase']) === 'Failed' || str(metric['phase']) === 'Error')
    .map(metricText);
  const message = str(status['message']);
  const detail = [...metrics, ...(message ? [message] : [])].join('; ');
  return { kind: 'failed', text: `AnalysisRun ${qualified(object)}${of} ${phase === 'Error' ? 'errored' : 'failed'}${detail ? `: ${detail}` : ''}` };
}

/** `metric "success-rate" Failed (value [0.42])`, with the metric's own message. */
function metricText(metric: Record<string, unknown>): string {
  const measurements = list(metric['measurements']).map(record);
  const last = measurements.at(-1);
  const value = last ? str(last['value']) : '';
  const message = str(metric['message']) || (last ? str(last['message']) : '');
  return `metric "${str(metric['name'])}" ${str(metric['phase'])}${value ? ` (value ${value})` : ''}${message ? `: ${message}` : ''}`;
}

/** `setWeight 20, step 2 of 5`: the weight in effect and the (1-based) step the Rollout is at. */
function stepText(object: LiveObject, status: Record<string, unknown>): string {
  const steps = canarySteps(object);
  const index = typeof status['currentStepIndex'] === 'number' ? status['currentStepIndex'] : undefined;
  if (steps.length === 0 || index === undefined) return record(record(object['spec'])['strategy'])['blueGreen'] ? 'the blue-green switch' : 'its current step';
  const weight = steps
    .slice(0, index + 1)
    .map((step) => step['setWeight'])
    .filter((entry): entry is number => typeof entry === 'number')
    .at(-1);
  return `${weight !== undefined ? `setWeight ${weight}, ` : ''}step ${Math.min(index + 1, steps.length)} of ${steps.length}`;
}

/** A manual promotion, or a pause duration (and how much of it is left). */
function pauseWait(object: LiveObject, conditions: readonly Record<string, unknown>[], userPaused: boolean, now: number): string {
  const promote = `a manual promotion (kubectl argo rollouts promote ${str(record(object['metadata'])['name'])})`;
  if (userPaused && conditions.length === 0) return `a resume (spec.paused is true): ${promote}`;
  const reason = str(conditions[0]?.['reason']);
  if (reason === 'BlueGreenPause') return promote;
  if (reason === 'AnalysisRunInconclusive' || reason === 'InconclusiveExperiment') return `a decision on an inconclusive analysis (${reason}): ${promote}`;
  const steps = canarySteps(object);
  const index = record(object['status'])['currentStepIndex'];
  const step = typeof index === 'number' ? steps[index] : undefined;
  const durationMs = pauseDurationMs(step?.['pause']);
  if (durationMs === undefined) return promote;
  const started = Date.parse(str(conditions[0]?.['startTime']));
  const left = Number.isNaN(started) ? undefined : Math.max(0, started + durationMs - now);
  return `a pause of ${formatDuration(durationMs)} to end${left !== undefined ? ` (${formatDuration(left)} left)` : ''}`;
}

function canarySteps(object: LiveObject): Record<string, unknown>[] {
  const canary = record(record(record(object['spec'])['strategy'])['canary']);
  return list(canary['steps']).map(record);
}

/** `pause.duration`: seconds as a number, or a duration string like `30s`, `5m`, `1h`. */
function pauseDurationMs(pause: unknown): number | undefined {
  const duration = record(pause)['duration'];
  if (typeof duration === 'number') return duration * 1000;
  const match = /^(\d+)(ms|s|m|h)?$/.exec(str(duration).trim());
  if (!match) return undefined;
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  return Number(match[1]) * (units[match[2] ?? 's'] ?? 1000);
}

function qualified(object: LiveObject): string {
  const metadata = record(object['metadata']);
  const namespace = str(metadata['namespace']);
  return `${namespace ? `${namespace}/` : ''}${str(metadata['name'])}`;
}

function field(object: LiveObject, key: string): string {
  return str(object[key]);
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}
