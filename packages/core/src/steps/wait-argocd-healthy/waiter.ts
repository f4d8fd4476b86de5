import { ArgoCdError, ArgoCdStreamError, describeLive, isRetryableArgoCdError, Reachability, rolloutNodes, type Application, type ArgoCdClient, type RolloutFinding, type WatchOptions } from '../../argocd';
import { appLabel } from '../../argocd/app-ref';
import { formatDuration } from '../../text/duration';
import { GitRepository } from '../../git/git-repository';
import type { Platform } from '../../platform/platform';
import type { Deadline } from '../../runtime/deadline';
import { retry } from '../../runtime/retry';
import { Ancestry } from './ancestry';
import type { WaitArgocdConfig } from './config';
import type { WaitContext } from './context';
import { progressLine } from './progress';
import { resolveTargets } from './targets';
import { ApplicationNotReadyError, describeNode, verdict, type AppReport, type WaitResult } from './verdict';
import { repoURLsOf, WatchState, withRolloutFindings, type AppState, type AppTarget } from './watch-state';

/** How deep `children: true` follows apps of apps of apps. */
export const MAX_CHILD_DEPTH = 3;

export interface WaiterParts {
  config: WaitArgocdConfig;
  platform: Platform;
  client: ArgoCdClient;
  /** The step's timeout; its signal also fires on a cancel. */
  deadline: Deadline;
  context: WaitContext;
  /** When the step started, on the context's clock. */
  started: number;
}

/**
 * One wait: reads every app once (refreshing it), then watches them all on one stream until each
 * runs the revision, one fails, or the deadline passes; the verdict comes from WatchState, which
 * the stream and the polling fallback feed alike.
 */
export class Waiter {
  private state!: WatchState;
  private ancestry: Ancestry | undefined;
  private mode: 'stream' | 'poll' = 'stream';
  /** Children were added: the open stream does not carry them, so it is reopened. */
  private targetsChanged = false;
  private readonly reachability: Reachability;
  private readonly config: WaitArgocdConfig;
  private readonly platform: Platform;
  private readonly client: ArgoCdClient;
  private readonly deadline: Deadline;
  private readonly context: WaitContext;

  constructor(private readonly parts: WaiterParts) {
    this.config = parts.config;
    this.platform = parts.platform;
    this.client = parts.client;
    this.deadline = parts.deadline;
    this.context = parts.context;
    this.reachability = new Reachability(parts.client, parts.context.timings.unreachableMs, parts.context.now);
  }

  async run(): Promise<WaitResult> {
    const { config, platform } = this;
    if (config.path) this.ancestry = new Ancestry(await GitRepository.open(config.path, {}, (text) => platform.redact(text)), (line) => platform.info(line));
    const targets = await resolveTargets(
      config,
      () => this.retrying('listing Applications', () => this.client.listApplications({ selector: config.selector, ...this.listScope(), signal: this.deadline.signal })),
      () => this.retrying('reading the ApplicationSet', () => this.client.getApplicationSet(config.applicationSet?.name ?? '', { ...(config.applicationSet?.namespace ? { appsetNamespace: config.applicationSet.namespace } : {}), signal: this.deadline.signal })),
    );
    this.start(targets);
    // A line per app still waited for, however quiet the stream is: a slow rollout is visible.
    const progress = setInterval(() => this.reportProgress(), this.context.timings.progressMs);
    progress.unref();
    try {
      for (const state of this.state.apps.values()) await this.initial(state);
      if (!this.verdictReached()) await this.watch();
      return await this.finish();
    } catch (error) {
      if (this.deadline.signal.aborted) return this.finish();
      throw error;
    } finally {
      clearInterval(progress);
    }
  }

  /** Says what is awaited, and starts the bookkeeping of each target. */
  private start(targets: AppTarget[]): void {
    const { config } = this;
    const names = targets.map((target) => target.label).join(', ');
    this.platform.info(
      config.revision
        ? `Waiting up to ${formatDuration(config.timeoutMs)} for ${names} to run ${config.revision} (Synced and Healthy).`
        : `Waiting up to ${formatDuration(config.timeoutMs)} for ${names} to be Synced and Healthy with no operation running (no revision given: like \`argocd app wait\`, the revision is not checked).`,
    );
    const ancestry = this.ancestry;
    this.state = new WatchState(
      targets,
      { ...(config.revision ? { revision: config.revision } : {}), degradedGraceMs: config.degradedGraceMs, suspended: config.suspended },
      // Argo CD's clock may run a little behind ours: a comparison within a few seconds before we
      // started may already be of the pushed commit.
      this.parts.started - 5000,
      ancestry ? (candidate, expected) => ancestry.runs(candidate, expected) : undefined,
    );
  }

  private reportProgress(): void {
    for (const state of this.state.apps.values()) {
      if (state.assessment?.state === 'success' || state.assessment?.state === 'failure') continue;
      this.platform.info(`${formatDuration(this.elapsed())} ${progressLine(state, this.config.revision)}`);
    }
  }

  private elapsed(): number {
    return this.context.now() - this.parts.started;
  }

  private listScope(): { projects?: string[]; appNamespace?: string } {
    return { ...(this.config.project ? { projects: [this.config.project] } : {}), ...(this.config.appNamespace ? { appNamespace: this.config.appNamespace } : {}) };
  }

  private appScope(target: AppTarget): { project?: string; appNamespace?: string } {
    return { ...(this.config.project ? { project: this.config.project } : {}), ...(target.requestNamespace ? { appNamespace: target.requestNamespace } : {}) };
  }

  /** Refresh (bounded by request-timeout), then decide at once if the app already runs the commit. */
  private async initial(target: AppState): Promise<void> {
    // A child found while reading the given apps has been read already.
    if (target.app) return;
    const { name, label } = target;
    const refresh = this.config.refresh === 'none' ? undefined : this.config.refresh;
    const read = (refreshing: boolean): Promise<Application> =>
      this.retrying(`reading ${label}`, () =>
        this.client.getApplication(name, { ...this.appScope(target), ...(refreshing && refresh ? { refresh } : {}), signal: this.deadline.signal }),
      );
    let app: Application;
    try {
      app = await read(true);
    } catch (error) {
      // A refresh that outlasts request-timeout (a slow repo server) is no reason to stop: the
      // stream shows the comparison when it comes.
      if (!refresh || this.deadline.signal.aborted || !isRetryableArgoCdError(error)) throw error;
      this.platform.warning(`Refreshing ${label} took longer than request-timeout; watching without waiting for it.`);
      app = await read(false);
    }
    await this.observe(app, target);
    await this.requestSync(app, target);
  }

  /** `sync: true`: an app without auto-sync is told to sync the revision (production, typically). */
  private async requestSync(app: Application, state: AppState): Promise<void> {
    const { config } = this;
    const { name, label } = state;
    if (!config.sync || !config.revision || app.spec.syncPolicy?.automated || state.assessment?.state !== 'waiting') return;
    if (app.operation) {
      this.platform.info(`${label}: an operation is already running; not requesting another sync.`);
      return;
    }
    if (app.spec.sources.length > 0) {
      this.platform.warning(`${label} has ${app.spec.sources.length} sources; syncing its target revisions (which source holds ${config.revision} is not known).`);
      await this.retrying(`syncing ${label}`, () => this.client.sync(name, { ...this.appScope(state), signal: this.deadline.signal }));
    } else {
      await this.retrying(`syncing ${label}`, () => this.client.sync(name, { ...this.appScope(state), revision: config.revision, signal: this.deadline.signal }));
    }
    this.platform.info(`${formatDuration(this.elapsed())} ${label}: sync of ${config.revision.slice(0, 12)} requested (no auto-sync).`);
  }

  /**
   * Records an object (read by name for `target`, or from the stream), places unknown commits with
   * git, and logs the app's state when it changed.
   */
  private async observe(app: Application, target?: AppState): Promise<AppState | undefined> {
    const state = target ? this.state.bind(target, app) : this.state.update(app, this.context.now());
    if (!state) return undefined;
    const unknown = state.assessment?.unknownAncestry ?? [];
    if (unknown.length > 0 && this.ancestry && this.config.revision) {
      for (const candidate of unknown) await this.ancestry.place(candidate, this.config.revision);
      this.state.reassess(state, this.context.now());
    }
    await this.explainRollouts(state);
    // Before the children are read: their requests are not this app's time to healthy.
    if (state.assessment?.state === 'success' && state.healthyAfterMs === undefined) state.healthyAfterMs = this.elapsed();
    const reason = state.assessment?.reason ?? '';
    if (reason !== state.logged) {
      state.logged = reason;
      this.platform.info(`${formatDuration(this.elapsed())} ${reason}`);
    }
    if (state.assessment?.state === 'success') await this.expandChildren(state);
    if (state.assessment?.state !== 'waiting' && state.decidedAfterMs === undefined) state.decidedAfterMs = this.elapsed();
    return state;
  }

  /**
   * `children: true`: once an app runs the commit, the child Applications it manages (its resource
   * list, else its resource tree) are waited for too (down to MAX_CHILD_DEPTH levels), on the same single watch (reconnected to
   * carry them). An app with no children adds nothing: the verdict is not held up.
   */
  private async expandChildren(state: AppState): Promise<void> {
    const depth = state.parent?.depth ?? 0;
    if (!this.config.children || state.expanded || depth >= MAX_CHILD_DEPTH || !state.app) return;
    state.expanded = true;
    const parent = { label: state.label, depth: depth + 1, repoURLs: repoURLsOf(state.app) };
    const added = (await this.childNodes(state))
      .map((node): AppState | undefined => {
        const name = node.name ?? '';
        const target: AppTarget = { label: this.state.apps.has(name) ? `${node.namespace ?? ''}/${name}` : name, name, ...(node.namespace ? { requestNamespace: node.namespace } : {}), parent };
        return this.state.add(target) ? this.state.apps.get(target.label) : undefined;
      })
      .filter((child): child is AppState => child !== undefined);
    if (added.length === 0) {
      // Said of the apps given only: every leaf of a tree would otherwise say it.
      if (depth === 0) this.platform.info(`${formatDuration(this.elapsed())} ${state.label} lists no child Application (children: true).`);
      return;
    }
    this.platform.info(`${formatDuration(this.elapsed())} ${state.label} lists ${added.length} child Application${added.length === 1 ? '' : 's'}: ${added.map((child) => child.label).join(', ')}; waiting for them too.`);
    this.targetsChanged = true;
    for (const child of added) await this.initial(child);
  }

  /**
   * The Applications an app manages: from the resources its object lists (no request: a leaf app
   * costs nothing), else, when it lists none, from its resource tree.
   */
  private async childNodes(state: AppState): Promise<{ name?: string; namespace?: string }[]> {
    const isApp = (node: { kind?: string; group?: string; name?: string }): boolean => node.kind === 'Application' && node.group === 'argoproj.io' && Boolean(node.name);
    const listed = state.app?.status.resources ?? [];
    if (listed.length > 0) return listed.filter(isApp);
    const scope = { ...this.appScope(state), signal: this.deadline.signal };
    const tree = await this.retrying(`reading ${state.label}'s resource tree`, () => this.client.resourceTree(state.name, scope));
    return tree.nodes.filter(isApp);
  }

  /**
   * A Suspended or Degraded app at the awaited commit: its Rollouts and AnalysisRuns, read live
   * once per object version (the tree, then `…/resource` for each), decide or explain the wait.
   */
  private async explainRollouts(state: AppState): Promise<void> {
    const { app, assessment } = state;
    if (!app || !assessment) return;
    const health = app.status.health.status;
    const ours = assessment.applied === true || this.config.revision === undefined;
    if (!ours || (health !== 'Suspended' && health !== 'Degraded')) return;
    // Only an app that manages a Rollout has one to read: the others cost no request.
    if (!app.status.resources.some((resource) => resource.kind === 'Rollout')) return;
    const key = `${app.metadata.resourceVersion ?? ''}/${health}`;
    if (state.rollouts?.key !== key) state.rollouts = { key, findings: await this.readRollouts(state) };
    state.assessment = withRolloutFindings(assessment, app.metadata.name, state.rollouts.findings);
  }

  private async readRollouts(state: AppState): Promise<RolloutFinding[]> {
    // One attempt each, like the Degraded explanation: the app's own health stands without it.
    const scope = { ...this.appScope(state), signal: this.deadline.signal, timeoutMs: this.config.requestTimeoutMs };
    try {
      const tree = await this.client.resourceTree(state.name, scope);
      const findings: RolloutFinding[] = [];
      for (const ref of rolloutNodes(tree.nodes)) {
        const object = await this.client.getResource(state.name, ref, scope);
        const finding = describeLive(object, this.context.now());
        if (finding) findings.push(finding);
      }
      return findings;
    } catch (error) {
      // An explanation the token may not read (RBAC on resources) leaves the health to decide.
      if (!(error instanceof ArgoCdError) || this.deadline.signal.aborted) throw error;
      this.platform.warning(`${state.label}: could not read its Rollouts (${error.message}); going by the app's health only.`);
      return [];
    }
  }

  private verdictReached(): boolean {
    return this.state.done() || this.state.failed() !== undefined;
  }

  /** One stream for every app, resumed after drops (backing off); polling when a proxy buffers the stream. */
  private async watch(): Promise<void> {
    const signal = this.deadline.signal;
    try {
      while (!this.verdictReached() && !signal.aborted) {
        if (this.mode === 'poll') await this.poll();
        else await this.retryingStream();
      }
    } catch (error) {
      if (signal.aborted) return;
      throw error;
    }
  }

  /** Streams until the stream ends or the verdict comes; a dropped stream is reconnected, backing off. */
  private retryingStream(): Promise<void> {
    return retry(() => this.streamOnce(), {
      retryable: isRetryableArgoCdError,
      backoff: this.context.timings.backoff,
      signal: this.deadline.signal,
      sleep: this.context.sleep,
      now: this.context.now,
      onRetry: ({ error, delayMs }) => {
        const why = error instanceof ArgoCdStreamError ? error.kind : 'error';
        const what = why === 'stalled' ? 'went quiet' : why === 'malformed' ? 'sent a malformed line' : 'dropped';
        this.platform.info(`${formatDuration(this.elapsed())} The watch stream ${what}; reconnecting in ${formatDuration(delayMs)}.`);
      },
    });
  }

  private async streamOnce(): Promise<void> {
    const stream = new AbortController();
    const signal = AbortSignal.any([this.deadline.signal, stream.signal]);
    let received = false;
    this.targetsChanged = false;
    // The server sends every app's current object first: silence means a buffering proxy.
    const firstEvent = setTimeout(() => {
      if (received) return;
      this.mode = 'poll';
      this.platform.warning('The watch stream sent nothing (a proxy buffering it?); polling the applications instead.');
      stream.abort();
    }, this.context.timings.firstEventMs);
    try {
      for await (const event of this.client.watch(this.watchRequest(signal))) {
        received = true;
        if (event.type === 'DELETED') {
          const state = this.state.find(event.application);
          if (state) throw new ApplicationNotReadyError(`${state.label} was deleted while waiting for it.`, 'Check who deleted it (argocd app history, or the app-of-apps that manages it).');
          continue;
        }
        await this.observe(event.application);
        if (this.verdictReached() || this.targetsChanged) return;
      }
    } catch (error) {
      if (stream.signal.aborted && this.mode === 'poll') return;
      throw error;
    } finally {
      clearTimeout(firstEvent);
      stream.abort();
    }
  }

  private watchRequest(signal: AbortSignal): WatchOptions {
    // Each app by namespace and name: a same-named app elsewhere must not pass for ours.
    const names = [...this.state.apps.values()].map(appLabel);
    // Resume from the last version only for one app: the server then still sends its current
    // object first. For several, a resourceVersion makes it send changes only, and a change made
    // between our last read and this connection would never be seen; without one, every app's
    // current object comes first (repeats are harmless: observe() logs only changes).
    const resourceVersion = names.length === 1 ? this.state.resourceVersion() : undefined;
    return {
      names,
      ...(this.config.selector ? { selector: this.config.selector } : {}),
      ...this.listScope(),
      ...(resourceVersion ? { resourceVersion } : {}),
      signal,
      stallMs: this.context.timings.stallMs,
    };
  }

  private async poll(): Promise<void> {
    for (const state of this.state.apps.values()) {
      const app = await this.retrying(`reading ${state.label}`, () => this.client.getApplication(state.name, { ...this.appScope(state), signal: this.deadline.signal }));
      await this.observe(app, state);
      if (this.verdictReached()) return;
    }
    await this.context.sleep(this.context.timings.pollMs, this.deadline.signal);
  }

  /** Runs a request, retrying transient failures (5xx, resets, timeouts) with backoff within the deadline. */
  private retrying<T>(what: string, request: () => Promise<T>): Promise<T> {
    return retry(() => this.reachable(request), {
      retryable: isRetryableArgoCdError,
      backoff: this.context.timings.backoff,
      signal: this.deadline.signal,
      now: this.context.now,
      // Not past the deadline, nor past the moment "nothing listening" becomes the verdict.
      sleep: (ms, signal) => this.context.sleep(Math.min(ms, this.deadline.remainingMs(), this.reachability.windowLeftMs()), signal),
      onRetry: ({ error, delayMs }) => {
        const message = error instanceof Error ? error.message : String(error);
        this.platform.info(`${formatDuration(this.elapsed())} ${what}: ${message} Retrying in ${formatDuration(delayMs)}.`);
      },
    });
  }

  /** The request, its failure turned into the verdict once nothing has listened for too long. */
  private async reachable<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw this.reachability.verdict(error) ?? error;
    }
  }

  private async finish(): Promise<WaitResult> {
    const outcome = await verdict({
      state: this.state,
      expected: this.config.revision,
      timeoutMs: this.config.timeoutMs,
      elapsed: () => this.elapsed(),
      stopReason: this.deadline.signal.reason,
      degradedOf: (state) => this.degradedResources(state),
    });
    return { ...outcome, mode: this.mode };
  }

  private async degradedResources(state: AppState): Promise<AppReport['degraded']> {
    try {
      const tree = await this.client.resourceTree(state.name, { ...this.appScope(state), timeoutMs: this.config.requestTimeoutMs });
      return tree.nodes.filter((node) => node.health?.status === 'Degraded').map(describeNode);
    } catch (error) {
      // The explanation is a courtesy: the verdict stands without it. A bug is not hidden.
      if (!(error instanceof ArgoCdError)) throw error;
      return [];
    }
  }
}
