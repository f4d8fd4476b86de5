import { assess, normaliseRepoURL, sourceLayout, type Application, type Assessment, type AssessMemory, type DescendantPredicate, type Expectation, type RolloutFinding } from '../../argocd';

/** An Application to wait for: its name and, when known, its namespace. Both make its identity. */
export interface AppTarget {
  /** How the app is shown (log, summary, `result` keys): `name`, or `namespace/name` when needed. */
  label: string;
  name: string;
  /** The namespace requests name (`appNamespace`); undefined: the server's own namespace. */
  requestNamespace?: string;
  /** A child found in a parent's resource tree (`children: true`): its parent's label and depth. */
  parent?: { label: string; depth: number; repoURLs: string[] };
  /** Its position in the `application` input; apps found otherwise (selector, set, children) have none. */
  inputIndex?: number;
}

/** What the step knows of one Application: its last object, assessment and when it started waiting. */
export interface AppState extends AppTarget {
  /**
   * The namespace the app lives in, from the first object read by name (a GET, which the server
   * resolves to one app): from then on only objects of that namespace are this app's.
   */
  namespace?: string;
  app?: Application;
  assessment?: Assessment;
  memory: AssessMemory;
  /** The last reason logged, so each transition is logged once. */
  logged?: string;
  /** When the verdict (success or failure) was reached, ms since the run started. */
  decidedAfterMs?: number;
  /** When it first satisfied the verdict (ran the revision, Synced and Healthy), ms since the run started. */
  healthyAfterMs?: number;
  /** Its own expectation (a child of another repository: Synced and Healthy only). */
  expectation?: Expectation;
  /** `children: true`: its resource tree was read for child Applications. */
  expanded?: boolean;
  /** What its Rollouts and AnalysisRuns said, read live for the object version `key`. */
  rollouts?: { key: string; findings: RolloutFinding[] };
}

/** Repositories an app's sources read, normalised. */
export function repoURLsOf(app: Application): string[] {
  return sourceLayout(app).sources.flatMap((source) => (source.repoURL ? [normaliseRepoURL(source.repoURL)] : []));
}

/**
 * A child runs the parent's commit when it reads the parent's repository (the commit gave it its
 * revision); a child of another repository is waited for Synced and Healthy, like `argocd app wait`.
 */
function childExpectation(parent: Expectation, child: Application, parentRepos: readonly string[]): Expectation {
  if (repoURLsOf(child).some((url) => parentRepos.includes(url))) return parent;
  const rest: Expectation = { ...parent };
  delete rest.revision;
  delete rest.source;
  return rest;
}

/**
 * The assessment told by the app's Rollouts: an aborted Rollout or a failed AnalysisRun fails it
 * at once (whatever the degraded grace), naming them; a paused one says at which step it waits,
 * and for what.
 */
export function withRolloutFindings(assessment: Assessment, name: string, findings: readonly RolloutFinding[]): Assessment {
  const failed = findings.filter((finding) => finding.kind === 'failed').map((finding) => finding.text);
  const paused = findings.filter((finding) => finding.kind === 'paused').map((finding) => finding.text);
  if (failed.length > 0 && assessment.state !== 'success') {
    const failure: Assessment = { ...assessment, state: 'failure', reason: `${name}: ${failed.join('; ')}` };
    delete failure.waitingFor;
    return failure;
  }
  if (paused.length === 0) return assessment;
  if (assessment.state !== 'waiting') return { ...assessment, reason: `${assessment.reason}: ${paused.join('; ')}` };
  const waitingFor = `health is Suspended: ${paused.join('; ')}`;
  return { ...assessment, waitingFor, reason: `${name}: ${waitingFor}` };
}

/**
 * The apps being waited for and their assessments: pure bookkeeping over `assess`, so the stream,
 * the polling fallback and the tests drive one and the same decision.
 */
export class WatchState {
  readonly apps = new Map<string, AppState>();

  constructor(
    targets: readonly AppTarget[],
    private readonly expectation: Expectation,
    private readonly since: number,
    private readonly isDescendant: DescendantPredicate | undefined,
  ) {
    for (const target of targets) {
      this.apps.set(target.label, { ...target, ...(target.requestNamespace ? { namespace: target.requestNamespace } : {}), memory: {} });
    }
  }

  /**
   * The tracked app an object belongs to: same name and same namespace. A same-named app in
   * another namespace (a stream of several apps carries every namespace) is someone else's.
   */
  find(app: Application): AppState | undefined {
    const { name, namespace } = app.metadata;
    for (const state of this.apps.values()) {
      if (state.name === name && (state.namespace === undefined || namespace === undefined || state.namespace === namespace)) return state;
    }
    return undefined;
  }

  /**
   * Records an object read by name for `state` (a GET): binds the app's namespace, then assesses.
   */
  bind(state: AppState, app: Application): AppState {
    if (state.namespace === undefined && app.metadata.namespace !== undefined) state.namespace = app.metadata.namespace;
    if (state.parent && !state.expectation) state.expectation = childExpectation(this.expectation, app, state.parent.repoURLs);
    return this.record(state, app);
  }

  /** Records a new object of a tracked app and assesses it; undefined for an app not tracked. */
  update(app: Application, now: number): AppState | undefined {
    const state = this.find(app);
    if (!state) return undefined;
    return this.record(state, app, now);
  }

  /** Starts tracking a child Application found in a tree; false when it is tracked already. */
  add(target: AppTarget): boolean {
    if ([...this.apps.values()].some((state) => state.name === target.name && (state.namespace ?? '') === (target.requestNamespace ?? state.namespace ?? ''))) return false;
    if (this.apps.has(target.label)) return false;
    this.apps.set(target.label, { ...target, ...(target.requestNamespace ? { namespace: target.requestNamespace } : {}), memory: {} });
    return true;
  }

  /** The expectation for `state`: its own, or the step's (with the revision). */
  expectationOf(state: AppState): Expectation {
    return state.expectation ?? this.expectation;
  }

  reassess(state: AppState, now: number): void {
    if (!state.app) return;
    const context = { now, memory: state.memory, since: this.since, ...(this.isDescendant ? { isDescendant: this.isDescendant } : {}) };
    state.assessment = assess(state.app, this.expectationOf(state), context);
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

  /**
   * The apps in the order reports show them, whatever order they were found in: the ones the
   * `application` input names, in its order, then the others by label.
   */
  ordered(): AppState[] {
    const rank = (state: AppState): number => state.inputIndex ?? Number.MAX_SAFE_INTEGER;
    return [...this.apps.values()].sort((a, b) => rank(a) - rank(b) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
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

  private record(state: AppState, app: Application, now = Date.now()): AppState {
    state.app = app;
    this.reassess(state, now);
    return state;
  }
}
