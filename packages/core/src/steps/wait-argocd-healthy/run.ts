import { ArgoCdClient, ArgoCdStreamError, isRetryableArgoCdError, type Application, type ResourceNode } from '../../argocd';
import { formatDuration } from '../../text/duration';
import { GitopsPromoteError, InputError } from '../../errors';
import { GitRepository } from '../../git/git-repository';
import type { Platform } from '../../platform/platform';
import { abortOnSignals } from '../../runtime/cancellation';
import { Deadline, DeadlineExceededError, sleepUnlessAborted } from '../../runtime/deadline';
import type { WaitArgocdConfig } from './config';
import { WatchState, type AppState } from './watch-state';

/** The Applications did not reach the expected state; `message` names the app and why. */
export class ApplicationNotReadyError extends GitopsPromoteError {}

export interface WaitOptions {
  client?: ArgoCdClient;
  /** A stream that sends nothing for this long is taken as dropped (Argo CD sends no keepalives). */
  stallTimeoutMs?: number;
  /** A stream that has not sent the current objects within this long is buffered by a proxy: poll. */
  firstEventTimeoutMs?: number;
  pollIntervalMs?: number;
  /** Aborts the wait (tests; the step itself listens for SIGTERM/SIGINT). */
  signal?: AbortSignal;
  /** Listen for SIGTERM/SIGINT; off in tests that run in process. */
  handleSignals?: boolean;
}

/** One app's outcome, for the `result` output and the summary. */
export interface AppReport {
  health: string;
  sync: string;
  revision: string;
  operationPhase: string;
  degraded: { kind: string; namespace: string; name: string; message: string }[];
  waitedSeconds: number;
  outcome: 'success' | 'failure' | 'waiting';
  reason: string;
}

export interface WaitResult {
  reports: Record<string, AppReport>;
  /** Set when the wait failed; the step reports the outputs first, then fails with it. */
  failure?: GitopsPromoteError;
  /** How the step watched: `stream`, or `poll` when the stream was unusable. */
  mode: 'stream' | 'poll';
}

const STALL_MS = 30_000;
const FIRST_EVENT_MS = 10_000;
const POLL_MS = 5_000;

export async function runWaitArgocdHealthy(config: WaitArgocdConfig, platform: Platform, options: WaitOptions = {}): Promise<WaitResult> {
  if ('token' in config.auth) platform.setSecret(config.auth.token);
  else platform.setSecret(config.auth.password);
  const started = Date.now();
  // First, as it validates the server URL and CA: a bad input leaves no handler or timer behind.
  const client =
    options.client ??
    new ArgoCdClient({
      server: config.server,
      credentials: config.auth,
      redact: (text) => platform.redact(text),
      timeoutMs: config.requestTimeoutMs,
      ...(config.caCert ? { caCert: config.caCert } : {}),
      insecure: config.insecure,
      onSessionToken: (token) => platform.setSecret(token),
    });
  const cancel = new AbortController();
  const stopSignals = options.handleSignals === false ? () => undefined : abortOnSignals(cancel);
  const deadline = new Deadline(config.timeoutMs, options.signal ? AbortSignal.any([cancel.signal, options.signal]) : cancel.signal);
  const waiter = new Waiter(config, platform, client, deadline, started, options);
  try {
    return await platform.group(`Waiting for Argo CD (${client.host})`, () => waiter.run());
  } finally {
    deadline.dispose();
    stopSignals();
    if (!options.client) await client.close();
  }
}

class Waiter {
  private state!: WatchState;
  private readonly ancestry = new Map<string, boolean>();
  private repo: GitRepository | undefined;
  private mode: 'stream' | 'poll' = 'stream';

  constructor(
    private readonly config: WaitArgocdConfig,
    private readonly platform: Platform,
    private readonly client: ArgoCdClient,
    private readonly deadline: Deadline,
    private readonly started: number,
    private readonly options: WaitOptions,
  ) {}

  async run(): Promise<WaitResult> {
    const { config, platform } = this;
    if (config.path) this.repo = await GitRepository.open(config.path, {}, (text) => platform.redact(text));
    const names = await this.applicationNames();
    platform.info(
      config.revision
        ? `Waiting up to ${formatDuration(config.timeoutMs)} for ${names.join(', ')} to run ${config.revision} (Synced and Healthy).`
        : `Waiting up to ${formatDuration(config.timeoutMs)} for ${names.join(', ')} to be Synced and Healthy with no operation running (no revision given: like \`argocd app wait\`, the revision is not checked).`,
    );
    this.state = new WatchState(
      names,
      { ...(config.revision ? { revision: config.revision } : {}), degradedGraceMs: config.degradedGraceMs },
      // Argo CD's clock may run a little behind ours: a comparison within a few seconds before we
      // started may already be of the pushed commit.
      this.started - 5000,
      this.repo ? (candidate, expected) => this.ancestry.get(`${candidate}..${expected}`) : undefined,
    );
    try {
      for (const name of names) await this.initial(name);
      if (!this.verdictReached()) await this.watch();
      return await this.finish();
    } catch (error) {
      if (this.deadline.signal.aborted) return this.finish();
      throw error;
    }
  }

  private elapsed(): number {
    return Date.now() - this.started;
  }

  /** The names given, plus every app the selector matches. */
  private async applicationNames(): Promise<string[]> {
    const names = [...this.config.applications];
    if (this.config.selector) {
      const list = await this.retrying('listing Applications', () =>
        this.client.listApplications({ selector: this.config.selector, ...this.listScope(), signal: this.deadline.signal }),
      );
      for (const app of list.items) if (!names.includes(app.metadata.name)) names.push(app.metadata.name);
      if (list.items.length === 0) {
        throw new InputError(
          `Selector ${JSON.stringify(this.config.selector)} matches no Application${this.config.project ? ` in project ${this.config.project}` : ''} that this token may see.`,
          "Check the labels (argocd app list -l '<selector>') and the token's RBAC.",
        );
      }
    }
    return names;
  }

  private listScope(): { projects?: string[]; appNamespace?: string } {
    return { ...(this.config.project ? { projects: [this.config.project] } : {}), ...(this.config.appNamespace ? { appNamespace: this.config.appNamespace } : {}) };
  }

  private appScope(): { project?: string; appNamespace?: string } {
    return { ...(this.config.project ? { project: this.config.project } : {}), ...(this.config.appNamespace ? { appNamespace: this.config.appNamespace } : {}) };
  }

  /** Refresh (bounded by request-timeout), then decide at once if the app already runs the commit. */
  private async initial(name: string): Promise<void> {
    const refresh = this.config.refresh === 'none' ? undefined : this.config.refresh;
    let app: Application;
    try {
      app = await this.retrying(`reading ${name}`, () =>
        this.client.getApplication(name, { ...this.appScope(), ...(refresh ? { refresh } : {}), signal: this.deadline.signal }),
      );
    } catch (error) {
      // A refresh that outlasts request-timeout (a slow repo server) is no reason to stop: the
      // stream shows the comparison when it comes.
      if (!refresh || this.deadline.signal.aborted || !isRetryableArgoCdError(error)) throw error;
      this.platform.warning(`Refreshing ${name} took longer than request-timeout; watching without waiting for it.`);
      app = await this.retrying(`reading ${name}`, () => this.client.getApplication(name, { ...this.appScope(), signal: this.deadline.signal }));
    }
    await this.observe(app);
    await this.requestSync(app);
  }

  /** `sync: true`: an app without auto-sync is told to sync the revision (production, typically). */
  private async requestSync(app: Application): Promise<void> {
    const { config } = this;
    const name = app.metadata.name;
    const state = this.state.apps.get(name);
    if (!config.sync || !config.revision || app.spec.syncPolicy?.automated || state?.assessment?.state !== 'waiting') return;
    if (app.operation) {
      this.platform.info(`${name}: an operation is already running; not requesting another sync.`);
      return;
    }
    if (app.spec.sources.length > 0) {
      this.platform.warning(`${name} has ${app.spec.sources.length} sources; syncing its target revisions (which source holds ${config.revision} is not known).`);
      await this.retrying(`syncing ${name}`, () => this.client.sync(name, { ...this.appScope(), signal: this.deadline.signal }));
    } else {
      await this.retrying(`syncing ${name}`, () => this.client.sync(name, { ...this.appScope(), revision: config.revision, signal: this.deadline.signal }));
    }
    this.platform.info(`${formatDuration(this.elapsed())} ${name}: sync of ${config.revision.slice(0, 12)} requested (no auto-sync).`);
  }

  /** Records an object, places unknown commits with git, and logs the app's state when it changed. */
  private async observe(app: Application): Promise<AppState | undefined> {
    let state = this.state.update(app, Date.now());
    if (!state) return undefined;
    const unknown = state.assessment?.unknownAncestry ?? [];
    if (unknown.length > 0 && this.repo && this.config.revision) {
      for (const candidate of unknown) await this.placeCommit(candidate, this.config.revision);
      this.state.reassess(state, Date.now());
      state = this.state.apps.get(app.metadata.name) ?? state;
    }
    const reason = state.assessment?.reason ?? '';
    if (reason !== state.logged) {
      state.logged = reason;
      this.platform.info(`${formatDuration(this.elapsed())} ${reason}`);
    }
    if (state.assessment?.state !== 'waiting' && state.decidedAfterMs === undefined) state.decidedAfterMs = this.elapsed();
    return state;
  }

  /** Whether `candidate` contains `expected`, from the checkout (fetching once when it lacks the commit). */
  private async placeCommit(candidate: string, expected: string): Promise<void> {
    const key = `${candidate}..${expected}`;
    if (this.ancestry.has(key) || !this.repo) return;
    const known = async (): Promise<boolean> => (await this.repo?.hasCommit(candidate)) === true && (await this.repo?.hasCommit(expected)) === true;
    if (!(await known())) await this.repo.fetchAll('origin').catch(() => undefined);
    if (!(await known())) return;
    this.ancestry.set(key, await this.repo.isAncestor(expected, candidate));
  }

  private verdictReached(): boolean {
    return this.state.done() || this.state.failed() !== undefined;
  }

  /** One stream for every app, resumed after drops; polling when a proxy buffers the stream. */
  private async watch(): Promise<void> {
    const signal = this.deadline.signal;
    let backoff = 500;
    while (!this.verdictReached() && !signal.aborted) {
      if (this.mode === 'poll') {
        await this.poll();
        continue;
      }
      try {
        await this.streamOnce();
        backoff = 500;
      } catch (error) {
        if (signal.aborted) return;
        if (!isRetryableArgoCdError(error)) throw error;
        const why = error instanceof ArgoCdStreamError ? error.kind : 'error';
        this.platform.info(`${formatDuration(this.elapsed())} The watch stream ${why === 'stalled' ? 'went quiet' : 'dropped'}; reconnecting in ${formatDuration(backoff)}.`);
        await sleepUnlessAborted(backoff, signal);
        backoff = Math.min(backoff * 2, 10_000);
      }
    }
  }

  private async streamOnce(): Promise<void> {
    const names = [...this.state.apps.keys()];
    const stream = new AbortController();
    const signal = AbortSignal.any([this.deadline.signal, stream.signal]);
    let received = false;
    // The server sends every app's current object first: silence means a buffering proxy.
    const firstEvent = setTimeout(() => {
      if (received) return;
      this.mode = 'poll';
      this.platform.warning('The watch stream sent nothing (a proxy buffering it?); polling the applications instead.');
      stream.abort();
    }, this.options.firstEventTimeoutMs ?? FIRST_EVENT_MS);
    try {
      // Resume from the last version only for one app: the server then still sends its current
      // object first. For several, a resourceVersion makes it send changes only, and a change made
      // between our last read and this connection would never be seen; without one, every app's
      // current object comes first (repeats are harmless: observe() logs only changes).
      const resourceVersion = names.length === 1 ? this.state.resourceVersion() : undefined;
      const events = this.client.watch({
        names,
        ...(this.config.selector ? { selector: this.config.selector } : {}),
        ...this.listScope(),
        ...(resourceVersion ? { resourceVersion } : {}),
        signal,
        stallTimeoutMs: this.options.stallTimeoutMs ?? STALL_MS,
      });
      for await (const event of events) {
        received = true;
        if (event.type === 'DELETED') {
          const state = this.state.apps.get(event.application.metadata.name);
          if (state) throw new ApplicationNotReadyError(`${state.name} was deleted while waiting for it.`, 'Check who deleted it (argocd app history, or the app-of-apps that manages it).');
          continue;
        }
        await this.observe(event.application);
        if (this.verdictReached()) return;
      }
    } catch (error) {
      if (stream.signal.aborted && this.mode === 'poll') return;
      throw error;
    } finally {
      clearTimeout(firstEvent);
      stream.abort();
    }
  }

  private async poll(): Promise<void> {
    for (const name of this.state.apps.keys()) {
      const app = await this.retrying(`reading ${name}`, () => this.client.getApplication(name, { ...this.appScope(), signal: this.deadline.signal }));
      await this.observe(app);
      if (this.verdictReached()) return;
    }
    await sleepUnlessAborted(this.options.pollIntervalMs ?? POLL_MS, this.deadline.signal);
  }

  /** Runs a request, retrying transient failures (5xx, resets, timeouts) with backoff within the deadline. */
  private async retrying<T>(what: string, request: () => Promise<T>): Promise<T> {
    let delay = 500;
    for (;;) {
      try {
        return await request();
      } catch (error) {
        if (this.deadline.signal.aborted || !isRetryableArgoCdError(error)) throw error;
        const message = error instanceof Error ? error.message : String(error);
        this.platform.info(`${formatDuration(this.elapsed())} ${what}: ${message} Retrying in ${formatDuration(delay)}.`);
        await sleepUnlessAborted(Math.min(delay, this.deadline.remainingMs()), this.deadline.signal);
        if (this.deadline.signal.aborted) throw error;
        delay = Math.min(delay * 2, 10_000);
      }
    }
  }

  /** The verdict: success, a failure explained (Degraded resources from the tree), or what each app still waited for. */
  private async finish(): Promise<WaitResult> {
    const reports: Record<string, AppReport> = {};
    const failedApp = this.state.failed();
    let failure: GitopsPromoteError | undefined;
    for (const state of this.state.apps.values()) {
      const degraded = state.app?.status.health.status === 'Degraded' ? await this.degradedResources(state.name) : [];
      reports[state.name] = report(state, degraded, this.elapsed());
    }
    if (failedApp) {
      const degraded = reports[failedApp.name]?.degraded ?? [];
      const details = degraded.map((node) => `\n  ${node.kind}/${node.namespace}/${node.name}: ${node.message}`).join('');
      failure = new ApplicationNotReadyError(
        `${failedApp.assessment?.reason ?? failedApp.name}${details}`,
        degraded.length > 0
          ? 'Look at the resources above (kubectl describe, the Argo CD UI); roll back or fix the manifests, then promote again.'
          : 'See the reason above in the Argo CD UI (the app\'s conditions and last operation); fix the manifests or the app, then run again.',
      );
    } else if (!this.state.done()) {
      const reason: unknown = this.deadline.signal.reason;
      const lines = [...this.state.apps.values()]
        .filter((state) => state.assessment?.state !== 'success')
        .map((state) => `\n  ${state.name}: ${state.assessment?.waitingFor ?? state.assessment?.reason ?? 'no state received yet'}`)
        .join('');
      const cancelled = reason instanceof GitopsPromoteError && !(reason instanceof DeadlineExceededError);
      failure = new ApplicationNotReadyError(
        `${cancelled ? (reason as GitopsPromoteError).message : `Timed out after ${formatDuration(this.config.timeoutMs)}`}; still waiting for:${lines}`,
        cancelled ? 'The job was cancelled; the applications may still reach the state later.' : 'Raise timeout if the rollout is just slow; otherwise look at the apps in the Argo CD UI.',
      );
    }
    return { reports, mode: this.mode, ...(failure ? { failure } : {}) };
  }

  private async degradedResources(name: string): Promise<AppReport['degraded']> {
    try {
      const tree = await this.client.resourceTree(name, { ...this.appScope(), timeoutMs: this.config.requestTimeoutMs });
      return tree.nodes.filter((node) => node.health?.status === 'Degraded').map(describeNode);
    } catch {
      // The explanation is a courtesy: the verdict stands without it.
      return [];
    }
  }
}

function describeNode(node: ResourceNode): AppReport['degraded'][number] {
  return { kind: node.kind ?? '?', namespace: node.namespace ?? '', name: node.name ?? '?', message: node.health?.message ?? '' };
}

function report(state: AppState, degraded: AppReport['degraded'], elapsedMs: number): AppReport {
  const app = state.app;
  const sync = app?.status.sync;
  return {
    health: app?.status.health.status ?? 'Unknown',
    sync: sync?.status ?? 'Unknown',
    revision: state.assessment?.revision ?? sync?.revision ?? sync?.revisions[0] ?? '',
    operationPhase: app?.status.operationState?.phase ?? '',
    degraded,
    waitedSeconds: Math.round((state.decidedAfterMs ?? elapsedMs) / 100) / 10,
    outcome: state.assessment?.state ?? 'waiting',
    reason: state.assessment?.reason ?? 'no state received',
  };
}
