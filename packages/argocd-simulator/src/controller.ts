/**
 * The simulated application controller: reconciles each app with its git repositories on
 * request (a refresh) and on a timer, starts auto-syncs, and accepts sync requests. Comparisons
 * of one app never overlap; requests that arrive while one runs share the next one.
 */
import { ApiError, GrpcCode, operationInProgress } from './errors.js';
import { GitReadError, type GitReader } from './git-reader.js';
import type { Holds } from './holds.js';
import { applyComparison, decideAutoSync } from './comparison.js';
import { applyToLive, createdResults, runOperations, type OperationContext } from './operation.js';
import { REFRESH_ANNOTATION, type SimApp } from './sim-app.js';
import type { AppStore } from './store.js';
import { readTarget } from './target-state.js';
import { deferred, every, formatTime, sleep, type Clock, type Deferred } from './time.js';
import type { Application, Operation, SyncOperation } from './types.js';

export interface ControllerOptions {
  store: AppStore;
  reader: GitReader;
  holds: Holds;
  clock: Clock;
  signal: AbortSignal;
  /** Periodic comparison interval per app; 0 turns it off. */
  reconcileIntervalMs: number;
  onError: (error: unknown) => void;
}

/** The body of `POST /applications/{name}/sync` that the simulation acts on. */
export interface SyncRequest {
  revision?: string;
  revisions?: string[];
  /** 1-based source positions `revisions` apply to (multi-source). */
  sourcePositions?: Array<number | string>;
  prune?: boolean;
  dryRun?: boolean;
  strategy?: Record<string, unknown>;
  resources?: SyncOperation['resources'];
  syncOptions?: { items?: string[] };
  retryStrategy?: Operation['retry'];
}

interface Queue {
  running: boolean;
  pending: Deferred<void> | undefined;
}

export class Controller {
  private readonly queues = new WeakMap<SimApp, Queue>();
  /** Cancels each app's periodic comparison. */
  private readonly timers = new Map<SimApp, () => void>();
  private readonly operationContext: OperationContext;

  constructor(private readonly options: ControllerOptions) {
    this.operationContext = {
      store: options.store,
      reader: options.reader,
      holds: options.holds,
      clock: options.clock,
      signal: options.signal,
      reconcile: (sim) => this.reconcile(sim),
      onError: options.onError,
    };
  }

  /**
   * Brings a new app to its starting state before it is visible: the initially deployed revision
   * applied and settled (as if synced long ago), then one comparison with the current tips.
   */
  async initialise(sim: SimApp): Promise<void> {
    const now = this.options.clock.now();
    const deployed = sim.config.initiallyDeployed;
    if (deployed !== false) {
      const target = await readTarget(this.options.reader, sim, deployed === true ? undefined : deployed);
      if (!target.resources || !target.revisions) throw new Error(`app ${sim.name}: cannot deploy its initial revision: ${target.error ?? ''}`);
      applyToLive(sim, target.resources, target.revisions, true, now);
      for (const resource of sim.live.resources) resource.rollout = 'settled';
      const at = formatTime(now);
      const initiatedBy = sim.config.automated ? { automated: true } : { username: 'admin' };
      const operation: Operation = { sync: sim.revisionFields(target.revisions), initiatedBy };
      sim.app.status.operationState = {
        operation,
        phase: 'Succeeded',
        message: 'successfully synced (all tasks run)',
        startedAt: at,
        finishedAt: at,
        syncResult: {
          ...(target.resources.length > 0 ? { resources: createdResults(target.resources) } : {}),
          ...sim.revisionFields(target.revisions),
          ...sim.sourceFields(),
        },
      };
      sim.app.status.history = [
        { id: 0, ...sim.revisionFields(target.revisions), deployStartedAt: at, deployedAt: at, ...sim.sourceFields(), initiatedBy },
      ];
      sim.lastAttempt = { revisions: target.revisions, phase: 'Succeeded', message: 'successfully synced (all tasks run)' };
    }
    sim.app.status.controllerNamespace = sim.config.namespace;
    applyComparison(sim, await readTarget(this.options.reader, sim), now);
    decideAutoSync(sim, now);
  }

  /** Starts what a newly stored app needs: its timer, and the auto-sync `initialise` queued. */
  started(sim: SimApp): void {
    const interval = this.options.reconcileIntervalMs;
    if (interval > 0) {
      this.timers.set(sim, every(this.options.clock, interval, () => void this.reconcile(sim)));
    }
    this.kickOperations(sim);
  }

  stopped(sim: SimApp): void {
    this.timers.get(sim)?.();
    this.timers.delete(sim);
  }

  stopAll(): void {
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
  }

  /** What a refresh GET does: set the refresh annotation, then wait for the comparison that clears it. */
  async refresh(sim: SimApp, type: 'normal' | 'hard'): Promise<void> {
    this.options.store.update(sim, (app) => {
      const annotations = (app.metadata.annotations ??= {});
      if (annotations[REFRESH_ANNOTATION] !== 'hard') annotations[REFRESH_ANNOTATION] = type;
    });
    await this.reconcile(sim);
  }

  /** Queues a comparison; resolves when one that started after this call has finished. */
  reconcile(sim: SimApp): Promise<void> {
    let queue = this.queues.get(sim);
    if (!queue) this.queues.set(sim, (queue = { running: false, pending: undefined }));
    queue.pending ??= deferred<void>();
    const { promise } = queue.pending;
    if (!queue.running) void this.drain(sim, queue);
    return promise;
  }

  private async drain(sim: SimApp, queue: Queue): Promise<void> {
    queue.running = true;
    while (queue.pending) {
      const batch = queue.pending;
      queue.pending = undefined;
      try {
        await this.reconcileOnce(sim);
      } catch (error) {
        this.options.onError(error);
      }
      batch.resolve();
    }
    queue.running = false;
  }

  private async reconcileOnce(sim: SimApp): Promise<void> {
    const { signal, holds, store, reader, clock } = this.options;
    // Only a refresh requested before this comparison began is answered by it.
    const refreshing = sim.app.metadata.annotations?.[REFRESH_ANNOTATION] !== undefined;
    if (!(await sleep(clock, sim.config.timings.refreshMs, signal))) return;
    await holds.pass('refresh', sim.key, signal);
    if (signal.aborted || sim.deleted) return;
    const target = await readTarget(reader, sim);
    let started = false;
    store.update(sim, (app) => {
      const at = clock.now();
      applyComparison(sim, target, at);
      started = decideAutoSync(sim, at);
      if (refreshing && app.metadata.annotations) {
        delete app.metadata.annotations[REFRESH_ANNOTATION];
        if (Object.keys(app.metadata.annotations).length === 0) delete app.metadata.annotations;
      }
    });
    if (started) this.kickOperations(sim);
  }

  /** Validates and queues a sync operation as the API server's Sync does. */
  async sync(sim: SimApp, request: SyncRequest, username: string): Promise<Application> {
    if (sim.app.operation) throw operationInProgress();
    const sources = sim.config.sources;
    const wanted: Array<string | undefined> = sources.map(() => undefined);
    if (sim.config.multiSource) {
      (request.sourcePositions ?? []).forEach((position, i) => {
        const index = Number(position) - 1;
        if (index < 0 || index >= sources.length) throw new ApiError(GrpcCode.InvalidArgument, `source position is out of range`);
        wanted[index] = request.revisions?.[i];
      });
    } else if (request.revision) {
      const targetRevision = sources[0]?.targetRevision ?? 'HEAD';
      if (sim.config.automated && !request.dryRun && request.revision !== targetRevision) {
        throw new ApiError(GrpcCode.FailedPrecondition, `Cannot sync to ${request.revision}: auto-sync currently set to ${targetRevision}`);
      }
      wanted[0] = request.revision;
    }
    const resolved: string[] = [];
    for (const [index, source] of sources.entries()) {
      try {
        resolved.push(await this.options.reader.resolve(source.repoPath, wanted[index] ?? source.targetRevision));
      } catch (error) {
        if (!(error instanceof GitReadError)) throw error;
        throw new ApiError(GrpcCode.FailedPrecondition, `error resolving repo revision: rpc error: code = Unknown desc = ${error.message}`);
      }
    }
    // Resolving took time; another sync may have been queued meanwhile.
    if (sim.app.operation) throw operationInProgress();
    // As the API server does: the app's sync options and retry policy unless the request has its own.
    const syncOptions = request.syncOptions?.items ?? sim.config.syncOptions;
    const retry = request.retryStrategy ?? sim.config.retry;
    const operation: Operation = {
      sync: {
        ...sim.revisionFields(resolved),
        ...(request.prune ? { prune: true } : {}),
        ...(request.dryRun ? { dryRun: true } : {}),
        ...(request.strategy ? { syncStrategy: request.strategy } : {}),
        ...(request.resources?.length ? { resources: request.resources } : {}),
        ...(syncOptions?.length ? { syncOptions } : {}),
      },
      initiatedBy: { username },
      ...(retry ? { retry: structuredClone(retry) } : {}),
    };
    this.options.store.update(sim, (app) => {
      app.operation = operation;
    });
    this.kickOperations(sim);
    return structuredClone(sim.app);
  }

  private kickOperations(sim: SimApp): void {
    if (sim.app.operation) void runOperations(this.operationContext, sim).catch(this.options.onError);
  }
}
