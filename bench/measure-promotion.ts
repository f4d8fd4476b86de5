/**
 * open-promotion-pr against the seed way of promoting (clone, yq, commit, push, curl), per
 * situation: the merge request is created, the same promotion runs again (unchanged), and staging
 * moves on (updated). Both talk to the same stateful GitLab fake (nock, a fixed latency per API
 * request) backed by a real bare repository reached over file://, one fresh repository and fake
 * per method and round, so every request and ref move a fake sees is that method's.
 *
 * Run alone: `npx tsx bench/measure-promotion.ts` prints the section's table.
 */
import { testContext } from '../test/support/step-context';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { TerminalPlatform } from '../packages/core/src/platform/terminal-platform';
import { readInputs } from '../packages/core/src/steps/inputs';
import { validateOpenPromotionPrInputs } from '../packages/core/src/steps/open-promotion-pr/config';
import { runOpenPromotionPr, type PromotionOperation } from '../packages/core/src/steps/open-promotion-pr/run';
import { openPromotionPrSpec } from '../packages/core/src/steps/open-promotion-pr/spec';
import type { GitLabApiFake, RecordedRequest } from '../test/support/gitlab-api-fake';

export const PROMOTION_OPS = ['created', 'unchanged', 'updated'] as const;
export type PromotionOp = (typeof PROMOTION_OPS)[number];
export const PROMOTION_METHODS = ['seed', 'step'] as const;
export type PromotionMethod = (typeof PROMOTION_METHODS)[number];

export const ORIGIN = 'https://gitlab.bench.example';
export const PROJECT = 'acme/platform/envs';
export const PROJECT_ID = 42;
export const IMAGE = 'ghcr.io/acme/payments';
export const BRANCH = 'gitops-promote/prod/ghcr.io-acme-payments';
export const REVIEWER = { id: 11, username: 'alice' };
export const EXTRA_LABEL = 'gitops';
export const YQ = '/usr/bin/yq';
export const CURL = '/usr/bin/curl';
export const BASH = '/bin/bash';
/** The value staging runs at the start, what prod runs, and what staging moves to for "updated". */
export const TAGS = { staging: '1.4.2', prod: '1.4.1', next: '1.4.3' } as const;
const TOKEN = 'glpat-bench-0123456789abcdef';

export interface PromotionSample {
  /** Nanoseconds from the start of the run (validation / spawn) to its end (return / exit). */
  wallNs: number;
  /** API requests the fake received, and of those the non-GET ones (attempted writes, answered or refused). */
  requests: number;
  writes: number;
  /** Each request, `METHOD path (body keys) → status`, in order. */
  calls: string[];
  /** Top-level git processes run, and sessions with the remote (upload-pack for ls-remote/fetch/clone, receive-pack for push). */
  gitCommands: number;
  gitSessions: number;
  /** The remote-facing git commands, in order: `ls-remote main`, `push ‹branch›`. */
  gitRemote: string[];
  /** The promotion branch's tip changed in the repository: a push that wrote. */
  branchMoved: boolean;
  /** What the method says happened: the step's `operation`, the seed script's exit and HTTP status. */
  outcome: string;
  /** The step: the operation expected for the situation; the seed script: exit 0. */
  ok: boolean;
  /** Open merge requests for the branch after the run. */
  openMergeRequests: number;
  /** The MR's title after the run (shows whether it names the value promoted). */
  title: string;
  /** `git diff --numstat main <branch>` of prod's file after the run: lines added, removed ('' without a branch). */
  prodDiff: string;
}

export interface PromotionBench {
  latencyMs: number;
  rounds: number;
  samples: Record<PromotionMethod, Record<PromotionOp, PromotionSample[]>>;
  /** Why the seed column is missing (a tool not installed), else null. */
  seedSkipped: string | null;
  yqFlavour: YqFlavour | null;
  problem: string | null;
}

/** What `npm run bench` runs: about 30 s. */
export const PROMOTION_DEFAULTS = { latencyMs: 50, rounds: 5, warmup: 1 } as const;

export interface PromotionBenchOptions {
  latencyMs: number;
  rounds: number;
  /** Unrecorded rounds first (module loading and JIT would otherwise land on round 1's "created"). */
  warmup: number;
  progress(message: string): void;
}

export type YqFlavour = 'python' | 'mikefarah';

const BASE_ENV: NodeJS.ProcessEnv = {
  PATH: process.env['PATH'],
  HOME: os.tmpdir(),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: os.devNull,
  GIT_TERMINAL_PROMPT: '0',
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@example.invalid',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@example.invalid',
  LC_ALL: 'C',
};

function git(dir: string, args: readonly string[]): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', `core.hooksPath=${os.devNull}`, ...args], {
    cwd: dir,
    env: BASE_ENV,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

export const kustomization = (environment: string, tag: string): string =>
  `# ${environment} overlay\nresources:\n  - ../../base\nimages:\n  - name: ${IMAGE}\n    newTag: "${tag}" # bumped by CI\n`;

interface EnvRepo {
  /** The bare repository: the fake's refs and the clone/push URL (as file://). */
  bare: string;
  url: string;
  head(branch: string): string | undefined;
  /** Commits staging at `tag` on main, as the pipeline that deployed staging would. */
  bumpStaging(tag: string): void;
}

function createEnvRepo(root: string): EnvRepo {
  const work = path.join(root, 'work');
  const bare = path.join(root, 'envs.git');
  mkdirSync(path.join(work, 'envs', 'staging'), { recursive: true });
  mkdirSync(path.join(work, 'envs', 'prod'), { recursive: true });
  git(work, ['init', '-q', '-b', 'main']);
  writeFileSync(path.join(work, 'envs', 'staging', 'kustomization.yaml'), kustomization('staging', TAGS.staging));
  writeFileSync(path.join(work, 'envs', 'prod', 'kustomization.yaml'), kustomization('prod', TAGS.prod));
  writeFileSync(path.join(work, 'README.md'), 'Environments of acme/payments.\n');
  git(work, ['add', '-A']);
  git(work, ['commit', '-q', '-m', 'initial']);
  git(root, ['clone', '-q', '--bare', work, bare]);
  return {
    bare,
    url: pathToFileURL(bare).href,
    head(branch) {
      try {
        return git(bare, ['rev-parse', '--verify', '-q', `refs/heads/${branch}`]);
      } catch {
        return undefined;
      }
    },
    bumpStaging(tag) {
      writeFileSync(path.join(work, 'envs', 'staging', 'kustomization.yaml'), kustomization('staging', tag));
      git(work, ['commit', '-q', '-am', `staging runs ${tag}`]);
      git(work, ['push', '-q', bare, 'main']);
    },
  };
}

function prodDiff(repo: EnvRepo): string {
  if (!repo.head(BRANCH)) return '';
  const numstat = git(repo.bare, ['diff', '--numstat', 'main', BRANCH, '--', 'envs/prod/kustomization.yaml']);
  const [added, removed] = numstat.split(/\s+/);
  return numstat === '' ? '+0 −0' : `+${added ?? '?'} −${removed ?? '?'}`;
}

interface Trace2Event {
  event?: string;
  sid?: string;
  argv?: string[];
}

const REMOTE_COMMANDS = new Set(['clone', 'fetch', 'ls-remote', 'pull', 'push']);

/** A remote-facing git command as `fetch main`: its subcommand and the branches it names (the promotion branch as ‹branch›). */
function remoteCommand(argv: readonly string[]): string | undefined {
  let index = 1;
  while (index < argv.length && (argv[index] ?? '').startsWith('-')) index += argv[index] === '-c' || argv[index] === '-C' ? 2 : 1;
  const command = argv[index] ?? '';
  if (!REMOTE_COMMANDS.has(command)) return undefined;
  // A refspec names the branch read (fetch: `+refs/heads/main:refs/remotes/…`) or written (push: `<sha>:refs/heads/…`).
  const branches = argv
    .slice(index + 1)
    .filter((arg) => !arg.startsWith('-') && arg.includes('refs/heads/'))
    .map((arg) => {
      const [source = '', destination = ''] = arg.replace(/^[+]/, '').split(':');
      return (source.startsWith('refs/heads/') ? source : destination).replace(/^refs\/heads\//, '');
    })
    .map((name) => (name === BRANCH ? '‹branch›' : name));
  return branches.length > 0 ? `${command} ${branches.join(' ')}` : command;
}

/**
 * From a GIT_TRACE2_EVENT file: top-level git processes, sessions with the remote (upload-pack
 * and receive-pack processes: one per ls-remote, fetch, clone or push), and the remote-facing commands in order.
 */
function gitCounts(traceFile: string): { commands: number; sessions: number; remote: string[] } {
  const counts = { commands: 0, sessions: 0, remote: [] as string[] };
  if (!existsSync(traceFile)) return counts;
  for (const line of readFileSync(traceFile, 'utf8').split('\n')) {
    if (line === '') continue;
    let event: Trace2Event;
    try {
      event = JSON.parse(line) as Trace2Event;
    } catch {
      continue;
    }
    if (event.event !== 'start') continue;
    const argv = event.argv ?? [];
    // A child of a git process has its parent's sid as prefix (`parent/child`).
    if (!(event.sid ?? '').includes('/')) {
      counts.commands += 1;
      const remote = remoteCommand(argv);
      if (remote) counts.remote.push(remote);
    }
    const name = path.basename(argv[0] ?? '');
    if (/^git-(upload|receive)-pack$/.test(name) || /^(upload|receive)-pack$/.test(argv[1] ?? '')) counts.sessions += 1;
  }
  return counts;
}

/** `METHOD path (body keys) → status`: path relative to /api/v4, the project written :id. */
function describeCall(request: RecordedRequest, status: number | undefined): string {
  const route = request.path
    .replace(/^\/api\/v4/, '')
    .replace(/^\/projects\/[^/?]+/, '/projects/:id')
    .replace(/\?.*$/, (query) => (query.includes('username=') ? '?username=…' : '?…'));
  const keys = request.method !== 'GET' && request.body !== null && typeof request.body === 'object' ? Object.keys(request.body) : [];
  return `${request.method} ${route}${keys.length > 0 ? ` (${keys.join(', ')})` : ''}${status !== undefined ? ` → ${status}` : ''}`;
}

/** Keeps the last lines of the step's log, to say what went wrong when a run fails. */
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

/** Statuses of the API answers, by `METHOD path?query` as sent, in order: the fake logs requests, not answers. */
type Answers = Map<string, number[]>;

function fetchTarget(input: Parameters<typeof fetch>[0], init: Parameters<typeof fetch>[1]): string {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
  const parsed = new URL(url);
  return `${method.toUpperCase()} ${parsed.pathname}${parsed.search}`;
}

interface RunContext {
  repo: EnvRepo;
  fake: GitLabApiFake;
  answers: Answers;
  traceFile: string;
}

interface RunOutcome {
  outcome: string;
  ok: boolean;
}

function sampleOf(context: RunContext, before: { requests: number; head: string | undefined }, wallNs: number, run: RunOutcome): PromotionSample {
  const requests = context.fake.requests.slice(before.requests);
  const statuses = requests.map((request) => context.answers.get(`${request.method} ${request.path}`)?.shift());
  const { commands, sessions, remote } = gitCounts(context.traceFile);
  const open = context.fake.mergeRequests.filter((mr) => mr.state === 'opened' && mr.source_branch === BRANCH);
  return {
    wallNs,
    requests: requests.length,
    writes: requests.filter((request) => request.method !== 'GET').length,
    calls: requests.map((request, index) => describeCall(request, statuses[index])),
    gitCommands: commands,
    gitSessions: sessions,
    gitRemote: remote,
    branchMoved: context.repo.head(BRANCH) !== before.head,
    outcome: run.outcome,
    ok: run.ok,
    openMergeRequests: open.length,
    title: open[0]?.title ?? '',
    prodDiff: prodDiff(context.repo),
  };
}

/** The step in process, as the CLI runs it (inputs through the spec), with the fake's fetch. */
async function runStep(context: RunContext, expected: PromotionOperation): Promise<RunOutcome> {
  const log = logTail();
  const inputs = new Map([
    ['platform', 'gitlab'],
    ['repository', PROJECT],
    ['repository-url', context.repo.url],
    ['api-url', `${ORIGIN}/api/v4`],
    ['token', TOKEN],
    ['files', 'envs/prod/kustomization.yaml'],
    ['source-files', 'envs/staging/kustomization.yaml'],
    ['image', IMAGE],
    ['environment', 'prod'],
    ['labels', EXTRA_LABEL],
    ['reviewers', REVIEWER.username],
    ['author-name', 'bench'],
    ['author-email', 'bench@example.invalid'],
  ]);
  const platform = new TerminalPlatform(inputs, log.stream, log.stream);
  try {
    const config = validateOpenPromotionPrInputs(readInputs(openPromotionPrSpec, platform), {});
    const result = await runOpenPromotionPr(config, platform, testContext({ fetch: globalThis.fetch, retryDelayScale: 0, backoff: { minDelayMs: 5, maxDelayMs: 40 }, env: {} }));
    return { outcome: result.operation, ok: result.operation === expected };
  } catch (error) {
    throw new Error(`the step failed: ${error instanceof Error ? error.message : String(error)} (log: ${log.tail()})`);
  }
}

/**
 * The seed way, as such pipelines write it: clone, read staging's tag and set prod's with yq,
 * commit, force-push the promotion branch (force, so a rerun does not fail on the branch it left),
 * and open the MR with curl (labels and the reviewer's numeric id hard-coded, in the same POST).
 * `-o /dev/null -w '%{http_code}'` only makes the status visible; `-f` still fails the script on >= 400.
 */
export function seedScript(flavour: YqFlavour): string {
  const read =
    flavour === 'python'
      ? `yq -r --arg image "$IMAGE" '.images[] | select(.name == $image) | .newTag' envs/staging/kustomization.yaml`
      : `yq '.images[] | select(.name == strenv(IMAGE)) | .newTag' envs/staging/kustomization.yaml`;
  const write =
    flavour === 'python'
      ? `yq -y -i --arg image "$IMAGE" --arg tag "$TAG" '(.images[] | select(.name == $image) | .newTag) = $tag' envs/prod/kustomization.yaml`
      : `TAG="$TAG" yq -i '(.images[] | select(.name == strenv(IMAGE)) | .newTag) = strenv(TAG)' envs/prod/kustomization.yaml`;
  return [
    'set -euo pipefail',
    'git clone -q "$REPO_URL" "$WORK"',
    'cd "$WORK"',
    `TAG=$(${read})`,
    write,
    'git commit -q -am "Promote $IMAGE $TAG to prod"',
    'git push -q --force origin "HEAD:refs/heads/$BRANCH"',
    'curl -sf -o /dev/null -w \'%{http_code}\\n\' -X POST -H "PRIVATE-TOKEN: $TOKEN" "$API/projects/$PROJECT_ID/merge_requests" \\',
    '  -d "source_branch=$BRANCH" -d target_branch=main --data-urlencode "title=Promote $IMAGE $TAG to prod" \\',
    '  -d "labels=promotion,prod,$EXTRA_LABEL" -d "reviewer_ids=$REVIEWER_ID"',
    '',
  ].join('\n');
}

function spawnScript(script: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // Asynchronous: the relay in this process must answer curl while the script runs.
    const child = spawn(BASH, ['-c', script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

async function runSeed(context: RunContext, script: string, relayUrl: string, scratch: string, run: number): Promise<RunOutcome> {
  const work = path.join(scratch, `seed-work-${run}`);
  // A rerun happens minutes later in CI; pinned dates make each run's commit differ as it would then
  // (two runs in the same second would otherwise build the identical commit, and push nothing).
  const date = `@${1_767_225_600 + run * 600} +0000`;
  const result = await spawnScript(script, {
    ...BASE_ENV,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
    GIT_TRACE2_EVENT: context.traceFile,
    REPO_URL: context.repo.url,
    WORK: work,
    IMAGE,
    BRANCH,
    TOKEN,
    API: `${relayUrl}/api/v4`,
    PROJECT_ID: String(PROJECT_ID),
    EXTRA_LABEL,
    REVIEWER_ID: String(REVIEWER.id),
  });
  rmSync(work, { recursive: true, force: true });
  const status = result.stdout.trim().split('\n').pop() ?? '';
  const problem = result.stderr.trim().split('\n').slice(-1)[0] ?? '';
  return {
    outcome: `exit ${result.code ?? 'signal'}${/^\d{3}$/.test(status) ? `, HTTP ${status}` : ''}${result.code !== 0 && problem !== '' ? ` (${problem.slice(0, 80)})` : ''}`,
    ok: result.code === 0,
  };
}

/** Which yq is installed: the jq wrapper (kislyuk, `yq -y`) or mikefarah's Go yq; null when unusable. */
export function yqFlavour(): YqFlavour | null {
  if (!existsSync(YQ)) return null;
  const version = (() => {
    try {
      return execFileSync(YQ, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch {
      return '';
    }
  })();
  if (/mikefarah/i.test(version)) return 'mikefarah';
  try {
    const help = execFileSync(YQ, ['--help'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return /jq wrapper|jq_filter/i.test(help) ? 'python' : null;
  } catch {
    return null;
  }
}

function seedUnavailable(flavour: YqFlavour | null): string | null {
  for (const tool of [BASH, CURL]) if (!existsSync(tool)) return `${tool} not found`;
  if (!existsSync(YQ)) return `${YQ} not found`;
  if (!flavour) return `${YQ} is neither the jq wrapper nor mikefarah's yq`;
  return null;
}

const emptyOps = (): Record<PromotionOp, PromotionSample[]> => ({ created: [], unchanged: [], updated: [] });

/** Sets hermetic git variables in this process (the step's git inherits them) until the returned restore. */
function hermeticProcessEnv(): () => void {
  const saved = new Map<string, string | undefined>();
  for (const key of ['GIT_CONFIG_NOSYSTEM', 'GIT_CONFIG_GLOBAL', 'GIT_TERMINAL_PROMPT', 'GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL', 'GIT_TRACE2_EVENT']) {
    saved.set(key, process.env[key]);
    const value = BASE_ENV[key];
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  return () => {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}

/**
 * Per round, for each method (order alternating by round): a fresh repository (staging 1.4.2, prod
 * 1.4.1) and a fresh GitLab fake over it; then created (first run), unchanged (the same run again),
 * updated (staging moved to 1.4.3, run again), each counted and timed on its own.
 */
export async function measurePromotion(options: PromotionBenchOptions): Promise<PromotionBench> {
  const flavour = yqFlavour();
  const seedSkipped = seedUnavailable(flavour);
  const bench: PromotionBench = {
    latencyMs: options.latencyMs,
    rounds: options.rounds,
    samples: { seed: emptyOps(), step: emptyOps() },
    seedSkipped,
    yqFlavour: flavour,
    problem: null,
  };
  // Loaded here, not at the top: importing nock starts intercepting this process's HTTP, which the
  // other sections (the Argo CD simulator's streams) must not go through.
  const { default: nock } = await import('nock');
  // Importing activates it; a second call in one process (after the restore below) activates it again.
  if (!nock.isActive()) nock.activate();
  const { createGitLabApiFake } = await import('../test/support/gitlab-api-fake');
  const { startApiRelay } = await import('../test/support/api-relay');
  const createFake = (gitDir: string): GitLabApiFake =>
    createGitLabApiFake({ origin: ORIGIN, projectPath: PROJECT, projectId: PROJECT_ID, gitDir, token: TOKEN, users: [REVIEWER], latencyMs: options.latencyMs });
  // Every API request of both methods goes through this (the step's fetch option, and the relay's
  // globalThis.fetch), only to note each answer's status.
  const answers: Answers = new Map();
  const intercepted = globalThis.fetch;
  const recording: typeof fetch = async (input, init) => {
    const response = await intercepted(input, init);
    const key = fetchTarget(input, init);
    answers.set(key, [...(answers.get(key) ?? []), response.status]);
    return response;
  };
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'gitops-promote-promotion-'));
  const restoreEnv = hermeticProcessEnv();
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  globalThis.fetch = recording;
  const script = flavour ? seedScript(flavour) : '';
  let runs = 0;
  try {
    const methods = seedSkipped ? (['step'] as const) : PROMOTION_METHODS;
    for (let round = 0; round < options.warmup + options.rounds && !bench.problem; round++) {
      const order = round % 2 === 0 ? [...methods] : [...methods].reverse();
      const measured = round >= options.warmup;
      for (const method of order) {
        const label = measured ? `round ${round - options.warmup + 1}/${options.rounds}` : 'warm-up';
        options.progress(`promotion: ${label}, ${method === 'step' ? 'open-promotion-pr' : 'seed script'}`);
        const root = path.join(scratch, `${method}-${round}`);
        mkdirSync(root);
        const repo = createEnvRepo(root);
        const fake = createFake(repo.bare);
        answers.clear();
        const relay = method === 'seed' ? await startApiRelay(ORIGIN) : undefined;
        try {
          for (const op of PROMOTION_OPS) {
            if (op === 'updated') repo.bumpStaging(TAGS.next);
            runs += 1;
            const traceFile = path.join(root, `trace-${op}.jsonl`);
            const context: RunContext = { repo, fake, answers, traceFile };
            const before = { requests: fake.requests.length, head: repo.head(BRANCH) };
            process.env['GIT_TRACE2_EVENT'] = traceFile;
            const started = process.hrtime.bigint();
            let outcome: RunOutcome;
            try {
              outcome = method === 'step' ? await runStep(context, op) : await runSeed(context, script, relay?.url ?? '', root, runs);
            } finally {
              delete process.env['GIT_TRACE2_EVENT'];
            }
            const wallNs = Number(process.hrtime.bigint() - started);
            // Taken in the warm-up too: it consumes the round's answer statuses in order.
            const sample = sampleOf(context, before, wallNs, outcome);
            if (measured) bench.samples[method][op].push(sample);
          }
        } catch (error) {
          bench.problem = error instanceof Error ? error.message : String(error);
        } finally {
          await relay?.close();
          fake.stop();
          rmSync(root, { recursive: true, force: true });
        }
      }
    }
  } finally {
    globalThis.fetch = intercepted;
    restoreEnv();
    nock.cleanAll();
    nock.enableNetConnect();
    // Nothing after this section goes through nock.
    nock.restore();
    rmSync(scratch, { recursive: true, force: true });
  }
  return bench;
}
