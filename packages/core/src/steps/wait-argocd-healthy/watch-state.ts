import { assess, type Application, type Assessment, type AssessMemory, type DescendantPredicate, type Expectation } from '../../argocd';

/** What the step knows of one Application: its last object, assessment and when it started waiting. */
export interface AppState {
  name: string;
  app?: Application;
  assessment?: Assessment;
  memory: AssessMemory;
  /** The last reason logged, so each transition is logged once. */
  logged?: string;
  /** When the verdict (success or failure) was reached, ms since the run started. */
  decidedAfterMs?: number;
}

/**
 * The apps being waited for and their assessments: pure bookkeeping over `assess`, so the stream,
 * the polling fallback and the tests drive one and the same decision.
 */
export class WatchState {
  readonly apps = new Map<string, AppState>();

  constructor(
    names: readonly string[],
    private readonly expectation: Expectation,
    private readonly since: number,
    private readonly isDescendant: DescendantPredicate | undefined,
  ) {
    for (const name of names) this.apps.set(name, { name, memory: {} });
  }

  /** Records a new object of a tracked app and assesses it; undefined for an app not tracked. */
  update(app: Application, now: number): AppState | undefined {
    const state = this.apps.get(app.metadata.name);
    if (!state) return undefined;
    state.app = app;
    this.reassess(state, now);
    return state;
  }

  reassess(state: AppState, now: number): void {
    if (!state.app) return;
    const context = { now, memory: state.memory, since: this.since, ...(this.isDescendant ? { isDescendant: this.isDescendant } : {}) };
    state.assessment = assess(state.app, this.expectation, context);
    state.memory = state.assessment.memory;
  }

  /** Every app succeeded. */
  done(): boolean {
    return [...this.apps.values()].every((state) => state.assessment?.state === 'success');
  }

  /** The first app that failed for good, if any. */
  failed(): AppState | undefined {
    return [...this.apps.values()].find((state) => state.assessment?.state === 'failure');
  }

  /** The newest resourceVersion seen, to resume a dropped stream from. */
  resourceVersion(): string | undefined {
    let newest: string | undefined;
    for (const state of this.apps.values()) {
      const version = state.app?.metadata.resourceVersion;
      if (version !== undefined && (newest === undefined || Number(version) > Number(newest))) newest = version;
    }
    return newest;
  }
}
