import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { ArgoCdSimulator, type Application } from '../packages/argocd-simulator/src/index';
import { TerminalPlatform } from '../packages/core/src/platform/terminal-platform';
import { validateWaitArgocdInputs } from '../packages/core/src/steps/wait-argocd-healthy/config';
import { readInputs } from '../packages/core/src/steps/inputs';
import { waitArgocdHealthySpec } from '../packages/core/src/steps/wait-argocd-healthy/spec';
import { runWaitArgocdHealthy } from '../packages/core/src/steps/wait-argocd-healthy/run';
import { waitContext } from '../packages/core/src/steps/wait-argocd-healthy/context';

export const WAIT_METHODS = ['poll', 'step'] as const;
export type WaitMethod = (typeof WAIT_METHODS)[number];

/** What users write today: `curl …/applications/$APP` every 10 s. The interval is the point; it stays. */
export const POLL_INTERVAL_MS = 10_000;
/** Simulated sync (apply, hooks) and rollout: together 20 s plus a per-round offset (see `rolloutFor`). */
export const SYNC_MS = 4_000;
export const ROLLOUT_BASE_MS = 16_000;
/** Each further app of one size finishes this much later: 50 apps do not go Healthy in the same millisecond. */
export const APP_SPREAD_MS = 20;
export const SELECTOR = 'bench=wait';
const MANIFEST = 'envs/dev/deployment.yaml';
const WAIT_TIMEOUT_MS = 120_000;

export interface WaitSample {
  /** Nanoseconds from the last app reaching its final state to the method returning; negative: it returned before. */
  latencyNs: number;
  /** Milliseconds from the method's start to its return. */
  waitedMs: number;
  /** Every request the method's simulator received during the round. */
  requests: number;
  /** The watching part: from the step's first stream request (the poll loop: its start) to the return. */
  steadyRequests: number;
  steadyMs: number;
  /** The step: how it watched; the poll loop: always `poll`. */
  mode: 'stream' | 'poll';
}

export interface WaitScenarioResult {
  apps: number;
  /** The last app's simulated sync + rollout, per round. */
  rolloutsMs: number[];
  samples: Record<WaitMethod, WaitSample[]>;
  problem: string | null;
}

export interface WaitBenchOptions {
  sizes: readonly number[];
  rounds: number;
  progress(message: string): void;
}

// No user or system git config: the machine's settings cannot change what gets committed.
const GIT_ENV: NodeJS.ProcessEnv = {
  PATH: process.env['PATH'],
  HOME: os.tmpdir(),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: os.devNull,
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@example.invalid',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@example.invalid',
  LC_ALL: 'C',
};

function git(dir: string, args: readonly string[]): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd: dir, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

const manifest = (tag: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: payments\n  namespace: payments\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/payments:${tag}\n`;

function commit(dir: string, tag: string): string {
  writeFileSync(path.join(dir, MANIFEST), manifest(tag));
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', `dev runs ${tag}`]);
  return git(dir, ['rev-parse', 'HEAD']);
}

/**
 * The last app's sync + rollout in round `round` of `rounds`: 20 s plus an offset spread evenly
 * over one poll interval. A poll loop's latency depends only on where the final state falls
 * between two polls; one fixed duration would land on the same spot of the 10 s grid every round
 * (always just before a poll, or always just after), so the phases are stratified instead and the
 * poll loop's median is its expected value (half an interval) with only a few rounds.
 */
export function rolloutFor(round: number, rounds: number): number {
  return SYNC_MS + ROLLOUT_BASE_MS + Math.round(((round + 0.5) / rounds) * POLL_INTERVAL_MS);
}

/** What "the app runs commit X" means (shared/argocd/CONTRACT.md), checked on the simulator's own objects. */
function runsCommit(app: Application, revision: string): boolean {
  const { status } = app;
  const state = status.operationState;
  return (
    app.operation === undefined &&
    status.sync.status === 'Synced' &&
    status.sync.revision === revision &&
    'status' in status.health &&
    status.health.status === 'Healthy' &&
    (state === undefined || (state.phase === 'Succeeded' && state.syncResult?.revision === revision && (status.reconciledAt ?? '') >= (state.finishedAt ?? '')))
  );
}

/** Records, from the simulator's change feed, when each app first ran `revision`; resolves at the last. */
function finalStateClock(simulator: ArgoCdSimulator, names: readonly string[], revision: string): { at: () => number | undefined; stop: () => void } {
  const reached = new Map<string, number>();
  let last: number | undefined;
  const stop = simulator.onChange((event) => {
    const name = event.application.metadata.name;
    if (reached.has(name) || !names.includes(name) || !runsCommit(event.application, revision)) return;
    // Taken inside the store's update, before any watch stream has written the change out.
    reached.set(name, performance.now());
    if (reached.size === names.length) last = performance.now();
  });
  return { at: () => last, stop };
}

/** Keeps the last lines of the step's log, to say what went wrong when a round fails; the rest is dropped. */
function logTail(): { stream: Writable; tail: () => string } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter((line) => line !== ''));
      if (lines.length > 8) lines.splice(0, lines.length - 8);
      done();
    },
  });
  return { stream, tail: () => lines.join(' | ') };
}

interface Ended {
  /** performance.now() and Date.now() at the return: the first for latency, the second to compare with the request log. */
  at: number;
  wall: number;
  mode: 'stream' | 'poll';
}

/** (a) The step in process, as the CLI runs it: selector, revision, default refresh and stream timings. */
async function runStep(simulator: ArgoCdSimulator, token: string, revision: string, signal: AbortSignal, targets: Record<string, string> = { selector: SELECTOR }): Promise<Ended> {
  const log = logTail();
  const inputs = new Map([['server', simulator.url], ['token', token], ...Object.entries(targets), ['revision', revision], ['timeout', `${WAIT_TIMEOUT_MS / 1000}s`]]);
  const platform = new TerminalPlatform(inputs, log.stream, log.stream);
  const config = validateWaitArgocdInputs(readInputs(waitArgocdHealthySpec, platform));
  // No SIGINT/SIGTERM handlers: Ctrl-C stops the whole bench, not just this wait; `signal` cancels it.
  const onCancel = (controller: AbortController): (() => void) => {
    const abort = (): void => controller.abort(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    return () => signal.removeEventListener('abort', abort);
  };
  const result = await runWaitArgocdHealthy(config, platform, { ...waitContext(), onCancel });
  const ended = { at: performance.now(), wall: Date.now(), mode: result.mode };
  if (result.failure) throw new Error(`the step failed: ${result.failure.message} (log: ${log.tail()})`);
  return ended;
}

interface PolledApp {
  status?: { health?: { status?: unknown }; sync?: { status?: unknown } };
}

/**
 * (b) The baseline, as a seed pipeline writes it:
 *   until every app is ready; do for APP in $APPS; do curl -s -H "Authorization: Bearer $T" \
 *     "$ARGOCD/api/v1/applications/$APP" | jq -r .status.health.status,.status.sync.status; done; sleep 10; done
 * An app seen Healthy and Synced is not asked again (the kindest version of the loop). It checks
 * no revision, so it would pass on the previous commit if it ran before Argo CD compared the new one.
 */
async function pollLoop(simulator: ArgoCdSimulator, token: string, names: readonly string[], signal: AbortSignal): Promise<Ended> {
  const remaining = new Set(names);
  const deadline = Date.now() + WAIT_TIMEOUT_MS;
  for (;;) {
    for (const name of [...remaining]) {
      const response = await fetch(`${simulator.url}/api/v1/applications/${encodeURIComponent(name)}`, { headers: { Authorization: `Bearer ${token}` }, signal });
      // Like `curl -s | jq`: an error answer reads as "not ready yet", never as a failure.
      const body = (await response.json().catch(() => ({}))) as PolledApp;
      if (body.status?.health?.status === 'Healthy' && body.status.sync?.status === 'Synced') remaining.delete(name);
    }
    if (remaining.size === 0) return { at: performance.now(), wall: Date.now(), mode: 'poll' };
    if (Date.now() > deadline) throw new Error(`the poll loop timed out; still waiting for ${[...remaining].join(', ')}`);
    await sleep(POLL_INTERVAL_MS, undefined, { signal });
  }
}

/** The final-state moment, waiting for it (up to a minute) when a method returned before it. */
async function finalAt(clock: { at: () => number | undefined }): Promise<number | undefined> {
  for (let waited = 0; clock.at() === undefined && waited < 60_000; waited += 50) await sleep(50);
  return clock.at();
}

function sample(simulator: ArgoCdSimulator, finalMs: number | undefined, started: number, ended: Ended): WaitSample {
  if (finalMs === undefined) throw new Error('the method returned, but not every app reached the commit within a minute after');
  const records = simulator.requests;
  // The step reads first (a list, a refresh GET per app), then watches; the poll loop polls from the start.
  const watchFrom = ended.mode === 'stream' && records.some((r) => r.endpoint === 'stream') ? Math.min(...records.filter((r) => r.endpoint === 'stream').map((r) => r.at)) : started;
  return {
    latencyNs: (ended.at - finalMs) * 1e6,
    waitedMs: ended.wall - started,
    requests: simulator.requestCount(),
    steadyRequests: records.filter((r) => r.at >= watchFrom).length,
    steadyMs: ended.wall - watchFrom,
    mode: ended.mode,
  };
}

/**
 * Per size and round: a fresh simulator per method (each method's requests are then its own),
 * both with `apps` auto-sync Applications on one repository path, started the same way. One
 * commit is pushed; every app on both simulators is refreshed in process at once (what a webhook
 * on the push does, so Argo CD compares the new commit before either method looks), then the step
 * and the poll loop wait at the same time, each against its own simulator.
 */
export async function measureWait(options: WaitBenchOptions): Promise<WaitScenarioResult[]> {
  const token = randomBytes(16).toString('hex');
  const repo = mkdtempSync(path.join(os.tmpdir(), 'gitops-promote-wait-'));
  const results: WaitScenarioResult[] = [];
  try {
    mkdirSync(path.join(repo, path.dirname(MANIFEST)), { recursive: true });
    git(repo, ['init', '-q', '-b', 'main']);
    commit(repo, '1.0.0');
    let pushes = 0;
    for (const apps of options.sizes) {
      const result: WaitScenarioResult = { apps, rolloutsMs: [], samples: { poll: [], step: [] }, problem: null };
      results.push(result);
      const names = Array.from({ length: apps }, (_, i) => `payments-${String(i).padStart(3, '0')}`);
      for (let round = 0; round < options.rounds && !result.problem; round++) {
        const lastRollout = rolloutFor(round, options.rounds);
        result.rolloutsMs.push(lastRollout);
        options.progress(`wait: ${apps} app(s), round ${round + 1}/${options.rounds} (sync + rollout ${(lastRollout / 1000).toFixed(1)} s)`);
        const config = names.map((name, i) => ({
          name,
          labels: { bench: 'wait' },
          source: { repoPath: repo, targetRevision: 'main', path: path.dirname(MANIFEST) },
          timings: { syncMs: SYNC_MS, rolloutMs: lastRollout - SYNC_MS - (apps - 1 - i) * APP_SPREAD_MS },
        }));
        // No periodic comparison: the refresh below is what notices the push, and 120 s timers would only add noise.
        const simulators: Record<WaitMethod, ArgoCdSimulator | undefined> = { poll: undefined, step: undefined };
        const clocks: Array<{ stop: () => void }> = [];
        // When one method fails, the other is stopped rather than left waiting on a closed simulator.
        const stop = new AbortController();
        try {
          for (const method of WAIT_METHODS) simulators[method] = await ArgoCdSimulator.start({ tokens: [token], reconcileIntervalMs: 0, apps: config });
          const poll = simulators.poll as ArgoCdSimulator;
          const step = simulators.step as ArgoCdSimulator;
          pushes += 1;
          const revision = commit(repo, `1.${pushes}.0`);
          const pollClock = finalStateClock(poll, names, revision);
          const stepClock = finalStateClock(step, names, revision);
          clocks.push(pollClock, stepClock);
          await Promise.all(names.flatMap((name) => [poll.refresh(name), step.refresh(name)]));
          const started = Date.now();
          const [polled, stepped] = await Promise.all([pollLoop(poll, token, names, stop.signal), runStep(step, token, revision, stop.signal)]);
          // A method that returned before the final state (the poll loop checks no revision) gets a negative latency.
          result.samples.poll.push(sample(poll, await finalAt(pollClock), started, polled));
          result.samples.step.push(sample(step, await finalAt(stepClock), started, stepped));
        } catch (error) {
          result.problem = error instanceof Error ? error.message : String(error);
        } finally {
          stop.abort();
          for (const clock of clocks) clock.stop();
          for (const simulator of Object.values(simulators)) await simulator?.close();
        }
      }
    }
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
  return results;
}

/** The app-of-apps row: a parent listing this many child Applications, waited for with `children: true`. */
export const TREE_CHILDREN = 20;
/** The children's sync + rollout: long enough that the steady watching spans about half a minute. */
export const TREE_ROLLOUT_MS = 30_000;

export interface WaitTreeSample {
  children: number;
  /** Nanoseconds from the last child reaching the commit to the step's verdict. */
  latencyNs: number;
  /** Requests from the first watch to the verdict, and that span: requests per minute while waiting. */
  steadyRequests: number;
  steadyMs: number;
  /** Watch streams opened in all (one, reopened once to carry the children; never one per child). */
  streams: number;
  requests: number;
}

const childApplication = (name: string, repo: string): string =>
  `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: ${name}, namespace: argocd}\nspec:\n  project: default\n  source: {repoURL: "file://${repo}", path: envs/${name}, targetRevision: main}\n  destination: {server: "https://kubernetes.default.svc", namespace: ${name}}\n`;

/**
 * A parent whose path holds TREE_CHILDREN Application manifests (the children seeded in the
 * simulator, as the parent's sync creates them), each child tracking its own envs/ directory of
 * the same repository. One commit bumps every child; the step waits with `children: true`.
 */
export async function measureWaitTree(options: { rounds: number; progress(message: string): void }): Promise<WaitTreeSample[]> {
  const token = randomBytes(16).toString('hex');
  const repo = mkdtempSync(path.join(os.tmpdir(), 'gitops-promote-wait-tree-'));
  const names = Array.from({ length: TREE_CHILDREN }, (_, i) => `child-${String(i).padStart(2, '0')}`);
  const samples: WaitTreeSample[] = [];
  const write = (tag: string): string => {
    for (const name of names) {
      mkdirSync(path.join(repo, 'envs', name), { recursive: true });
      writeFileSync(path.join(repo, 'envs', name, 'deployment.yaml'), manifest(tag));
      writeFileSync(path.join(repo, 'apps', `${name}.yaml`), childApplication(name, repo));
    }
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', `children run ${tag}`]);
    return git(repo, ['rev-parse', 'HEAD']);
  };
  try {
    mkdirSync(path.join(repo, 'apps'), { recursive: true });
    git(repo, ['init', '-q', '-b', 'main']);
    write('1.0.0');
    for (let round = 0; round < options.rounds; round++) {
      options.progress(`wait: a parent with ${TREE_CHILDREN} children, round ${round + 1}/${options.rounds}`);
      const apps = [
        { name: 'platform', source: { repoPath: repo, targetRevision: 'main', path: 'apps' } },
        ...names.map((name, i) => ({ name, source: { repoPath: repo, targetRevision: 'main', path: `envs/${name}` }, timings: { syncMs: SYNC_MS, rolloutMs: TREE_ROLLOUT_MS - SYNC_MS + i * APP_SPREAD_MS } })),
      ];
      const simulator = await ArgoCdSimulator.start({ tokens: [token], reconcileIntervalMs: 0, apps });
      const stop = new AbortController();
      try {
        const revision = write(`1.${round + 1}.0`);
        const clock = finalStateClock(simulator, names, revision);
        await Promise.all(['platform', ...names].map((name) => simulator.refresh(name)));
        const started = Date.now();
        const ended = await runStep(simulator, token, revision, stop.signal, { application: 'platform', children: 'true' });
        const final = await finalAt(clock);
        clock.stop();
        if (final === undefined) throw new Error('the step returned, but not every child reached the commit within a minute after');
        const base = sample(simulator, final, started, ended);
        samples.push({ children: TREE_CHILDREN, latencyNs: base.latencyNs, steadyRequests: base.steadyRequests, steadyMs: base.steadyMs, streams: simulator.requestCount('stream'), requests: base.requests });
      } finally {
        stop.abort();
        await simulator.close();
      }
    }
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
  return samples;
}
