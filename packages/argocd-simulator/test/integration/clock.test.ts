/**
 * The simulator's injectable clock: with a ManualClock, a promotion with a ten-minute rollout
 * moves only when the test advances the clock, and every timestamp it writes is the clock's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ArgoCdSimulator, ManualClock, type Application } from '../../src/index';
import { createTestRepo, deployment, type TestRepo } from '../../../../test/support/argocd-git-repo';

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const START = Date.parse('2030-01-01T00:00:00Z');
// Real Argo CD magnitudes: with the real clock this test would take over ten minutes.
const TIMINGS = { refreshMs: 1_000, operationStartMs: 2_000, syncMs: 30_000, postSyncReconcileMs: 1_000, rolloutMs: 600_000, retryBackoffMs: 5_000 };

const health = (app: Application): string | undefined => ('status' in app.status.health ? app.status.health.status : undefined);

async function repoWith(image: string): Promise<TestRepo> {
  const repo = await createTestRepo({ 'deploy.yaml': deployment('web', image) });
  cleanups.push(() => repo.remove());
  return repo;
}

describe('argocd-simulator clock', () => {
  it('runs a rollout only as far as a ManualClock is advanced, stamping the clock\'s times', async () => {
    const repo = await repoWith('ghcr.io/acme/web:1.0.0');
    const clock = new ManualClock(START);
    const sim = await ArgoCdSimulator.start({ clock, reconcileIntervalMs: 0, timings: TIMINGS, apps: [{ name: 'web', source: { repoPath: repo.dir } }] });
    cleanups.push(() => sim.close());
    expect(sim.getApp('web').metadata.creationTimestamp).toBe('2030-01-01T00:00:00Z');

    const commit = await repo.commit({ 'deploy.yaml': deployment('web', 'ghcr.io/acme/web:1.1.0') });
    const refreshing = sim.refresh('web');
    // The comparison waits for its refresh delay on the clock, and nothing else is scheduled.
    expect(clock.pending).toBe(1);
    await clock.advance(TIMINGS.refreshMs);
    const queued = await refreshing;
    expect(queued.status.sync).toMatchObject({ status: 'OutOfSync', revision: commit });
    expect(queued.operation).toMatchObject({ sync: { revision: commit } });
    // The queued operation waits on the clock too: it has not started.
    expect(clock.pending).toBe(1);
    expect(sim.getApp('web').status.operationState?.syncResult?.revision).not.toBe(commit);

    await clock.advance(TIMINGS.operationStartMs);
    const running = await sim.waitFor('web', (app) => app.status.operationState?.phase === 'Running');
    expect(running.status.operationState?.startedAt).toBe('2030-01-01T00:00:03Z');
    expect(health(running)).toBe('Progressing');

    await clock.advance(TIMINGS.syncMs);
    const synced = await sim.waitFor('web', (app) => app.status.operationState?.phase === 'Succeeded' && app.operation === undefined);
    expect(synced.status.operationState?.finishedAt).toBe('2030-01-01T00:00:33Z');
    expect(health(synced)).toBe('Progressing');

    // The comparison after the sync (one second later, then its refresh delay): Synced, still rolling
    // out. It reads git when the refresh delay ends: the clock stands still meanwhile.
    await clock.advance(TIMINGS.postSyncReconcileMs);
    await clock.advance(TIMINGS.refreshMs);
    const compared = await sim.waitFor('web', (app) => app.status.sync.status === 'Synced' && app.status.sync.revision === commit);
    expect(compared.status.reconciledAt).toBe('2030-01-01T00:00:35Z');
    expect(health(compared)).toBe('Progressing');

    // Ten minutes after finishedAt the rollout is done; one millisecond short of it, it is not.
    await clock.advance(TIMINGS.rolloutMs - TIMINGS.postSyncReconcileMs - TIMINGS.refreshMs - 1);
    expect(health(sim.getApp('web'))).toBe('Progressing');
    await clock.advance(1);
    const healthy = await sim.waitFor('web', (app) => health(app) === 'Healthy');
    expect(healthy.status.health).toEqual({ status: 'Healthy', lastTransitionTime: '2030-01-01T00:10:33Z' });
    expect(clock.pending).toBe(0);
  });

  it('fires ManualClock callbacks in due order, including ones scheduled on the way, and not cancelled ones', async () => {
    const clock = new ManualClock(0);
    const fired: string[] = [];
    clock.schedule(30, () => fired.push(`c@${clock.now().getTime()}`));
    clock.schedule(10, () => {
      fired.push(`a@${clock.now().getTime()}`);
      clock.schedule(5, () => fired.push(`b@${clock.now().getTime()}`));
    });
    const cancel = clock.schedule(20, () => fired.push('cancelled'));
    cancel();
    await clock.advance(25);
    expect(fired).toEqual(['a@10', 'b@15']);
    expect(clock.now().getTime()).toBe(25);
    await clock.advance(5);
    expect(fired).toEqual(['a@10', 'b@15', 'c@30']);
  });
});
