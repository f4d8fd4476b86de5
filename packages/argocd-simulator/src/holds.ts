/**
 * Gates on the controller's stages. A test holds a stage open to freeze an app in a state (an
 * operation Running, a refresh never answered) for as long as it needs, with no timing race.
 */
import { deferred, type Deferred } from './time.js';

export type Stage = 'refresh' | 'operationStart' | 'sync' | 'postSyncReconcile' | 'rollout';

export const STAGES: readonly Stage[] = ['refresh', 'operationStart', 'sync', 'postSyncReconcile', 'rollout'];

interface Hold {
  stage: Stage;
  /** `namespace/name`, or undefined for every app. */
  app: string | undefined;
}

export class Holds {
  private readonly active = new Set<Hold>();
  private waiters: Array<{ stage: Stage; app: string; done: Deferred<void> }> = [];

  /** Holds `stage` for one app (`namespace/name`) or all; the returned function releases it. */
  hold(stage: Stage, app?: string): () => void {
    const entry: Hold = { stage, app };
    this.active.add(entry);
    return () => {
      this.active.delete(entry);
      this.wake();
    };
  }

  /** Resolves once no hold covers `stage` of `app`. */
  async pass(stage: Stage, app: string, signal: AbortSignal): Promise<void> {
    if (!this.isHeld(stage, app) || signal.aborted) return;
    const done = deferred<void>();
    this.waiters.push({ stage, app, done });
    const onAbort = (): void => done.resolve();
    signal.addEventListener('abort', onAbort, { once: true });
    await done.promise;
    signal.removeEventListener('abort', onAbort);
  }

  releaseAll(): void {
    this.active.clear();
    this.wake();
  }

  private isHeld(stage: Stage, app: string): boolean {
    for (const hold of this.active) {
      if (hold.stage === stage && (hold.app === undefined || hold.app === app)) return true;
    }
    return false;
  }

  private wake(): void {
    const still: typeof this.waiters = [];
    for (const waiter of this.waiters) {
      if (this.isHeld(waiter.stage, waiter.app)) still.push(waiter);
      else waiter.done.resolve();
    }
    this.waiters = still;
  }
}
