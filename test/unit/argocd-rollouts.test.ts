/**
 * What a live Rollout or AnalysisRun says, in the Rollouts CRD's field names: the step a paused
 * canary is at (weight, step n of m), whether it waits for a promotion or a pause duration, and why
 * an aborted Rollout or failed AnalysisRun failed.
 */
import { describe, expect, it } from 'vitest';
import { describeLive, rolloutNodes } from '../../packages/core/src/argocd';

const NOW = Date.parse('2030-01-01T00:00:20Z');
const steps = [{ setWeight: 20 }, { pause: {} }, { setWeight: 40 }, { pause: { duration: '1m' } }, { setWeight: 60 }, { analysis: { templates: [{ templateName: 'success-rate' }] } }, { setWeight: 80 }, { pause: { duration: 30 } }];
const rollout = (status: object, spec: object = {}): Record<string, unknown> => ({
  kind: 'Rollout',
  metadata: { name: 'web', namespace: 'shop' },
  spec: { strategy: { canary: { steps } }, ...spec },
  status,
});
const paused = (index: number): object => ({ phase: 'Paused', currentStepIndex: index, pauseConditions: [{ reason: 'CanaryPauseStep', startTime: '2030-01-01T00:00:00Z' }] });

describe('describeLive', () => {
  it('a canary paused at a pause {} step waits for a manual promotion, with the weight in effect and the step', () => {
    expect(describeLive(rollout(paused(1)), NOW)).toEqual({ kind: 'paused', text: 'Rollout shop/web paused at setWeight 20, step 2 of 8, waiting for a manual promotion (kubectl argo rollouts promote web)' });
  });

  it('a timed pause waits for its duration, saying how much is left (string or seconds)', () => {
    expect(describeLive(rollout(paused(3)), NOW)?.text).toBe('Rollout shop/web paused at setWeight 40, step 4 of 8, waiting for a pause of 1m to end (40.0 s left)');
    expect(describeLive(rollout(paused(7)), NOW)?.text).toBe('Rollout shop/web paused at setWeight 80, step 8 of 8, waiting for a pause of 30.0 s to end (10.0 s left)');
  });

  it('a user pause (spec.paused) and a blue-green pause wait for a promotion', () => {
    expect(describeLive(rollout({ phase: 'Paused', currentStepIndex: 2 }, { paused: true }), NOW)?.text).toMatch(/waiting for a resume \(spec.paused is true\)/);
    const blueGreen = { kind: 'Rollout', metadata: { name: 'web' }, spec: { strategy: { blueGreen: {} } }, status: { pauseConditions: [{ reason: 'BlueGreenPause' }] } };
    expect(describeLive(blueGreen, NOW)?.text).toBe('Rollout web paused at the blue-green switch, waiting for a manual promotion (kubectl argo rollouts promote web)');
  });

  it('an aborted Rollout fails with its message; a progressing or healthy one says nothing', () => {
    expect(describeLive(rollout({ phase: 'Degraded', abort: true, message: 'RolloutAborted: Rollout aborted update to revision 3' }), NOW)).toEqual({
      kind: 'failed',
      text: 'Rollout shop/web aborted: RolloutAborted: Rollout aborted update to revision 3',
    });
    expect(describeLive(rollout({ phase: 'Progressing', currentStepIndex: 2 }), NOW)).toBeUndefined();
    expect(describeLive(rollout({ phase: 'Healthy' }), NOW)).toBeUndefined();
  });

  it('a failed AnalysisRun names its Rollout, the failed metric with its value, and the message', () => {
    const run = {
      kind: 'AnalysisRun',
      metadata: { name: 'web-6d4f-5', namespace: 'shop', ownerReferences: [{ kind: 'Rollout', name: 'web' }] },
      status: {
        phase: 'Failed',
        message: 'Metric "success-rate" assessed Failed due to failed (1) > failureLimit (0)',
        metricResults: [
          { name: 'latency', phase: 'Successful' },
          { name: 'success-rate', phase: 'Failed', measurements: [{ phase: 'Failed', value: '[0.42]' }] },
        ],
      },
    };
    expect(describeLive(run, NOW)?.text).toBe(
      'AnalysisRun shop/web-6d4f-5 of Rollout web failed: metric "success-rate" Failed (value [0.42]); Metric "success-rate" assessed Failed due to failed (1) > failureLimit (0)',
    );
    expect(describeLive({ ...run, status: { phase: 'Successful' } }, NOW)).toBeUndefined();
  });
});

describe('rolloutNodes', () => {
  it('keeps Suspended or Degraded Rollouts and Degraded AnalysisRuns of the tree', () => {
    const nodes = [
      { kind: 'Rollout', name: 'web', namespace: 'shop', group: 'argoproj.io', version: 'v1alpha1', health: { status: 'Suspended' } },
      { kind: 'Rollout', name: 'api', health: { status: 'Healthy' } },
      { kind: 'AnalysisRun', name: 'web-1', health: { status: 'Progressing' } },
      { kind: 'AnalysisRun', name: 'web-2', health: { status: 'Degraded' } },
      { kind: 'Deployment', name: 'db', health: { status: 'Degraded' } },
    ];
    expect(rolloutNodes(nodes)).toEqual([
      { kind: 'Rollout', name: 'web', namespace: 'shop', group: 'argoproj.io', version: 'v1alpha1' },
      { kind: 'AnalysisRun', name: 'web-2' },
    ]);
  });
});
