import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { GitCommandManager } from '../git/git-command-manager';
import { neutralise } from '../text/neutralise';
import { stepNamed } from '../steps/registry';
import type { RegisteredStep } from '../steps/step-spec';
import type { AppReport } from '../steps/wait-argocd-healthy/run';
import { likelyMeant } from '../text/closest';
import { APP, APP_REPOSITORY, AUTHOR, BROKEN_TAG, CANARY_APP, createDemoForge, createEnvironmentRepo, DEMO_TOKEN, IMAGE, PROD_APP, STAGING_APP, startDemoArgoCd, WORKER_IMAGE, type DemoArgoCd, type DemoRepos } from './demo-env';
import type { FakeForge } from './demo-forge';
import { commandLine, Narrator, runRecorded, type RecordingPlatform, type StepEnd } from './demo-narrator';

const STEP_COUNT = 11;

/** What the staging pull request must show: the Argo CD diff, the changelog, the evidence from dev, the drift. */
const REVIEW_SECTIONS = ['### What Argo CD will change in staging', '### What 1.4.2 contains', '### Evidence from dev', '### Not in this promotion'];

/** A step's inputs, in the order its echoed command line gives them. */
type Inputs = ReadonlyArray<readonly [string, string]>;

const OPTIONS = ['--keep', '--help'];

const DEMO_USAGE = `gitops-promote demo [--keep]

A real promotion, offline: in a temporary directory, a bare environment repository and a clone,
a simulated Argo CD on 127.0.0.1 deploying envs/dev and a canary of it, then update-manifest,
wait-argocd-healthy, open-promotion-pr (to an in-process stand-in for GitHub's API), a broken
release, rollback, the hold, and a canary paused for promotion, each narrated with the command
that runs it and timed. Needs only Node and git.

Flags:
  --keep    keep the temporary directory (repositories and clone) afterwards
  --help    this text
`;

/**
 * `gitops-promote demo`: a real promotion, offline, in a temporary directory. It creates a bare
 * "remote" environment repo and a clone of it, starts a simulated Argo CD deploying envs/dev of
 * it, then runs the steps as a pipeline would: update-manifest to 1.4.2, wait-argocd-healthy,
 * open-promotion-pr to staging (twice: the rerun writes nothing), a broken 1.5.0 that the wait
 * finds Degraded, rollback, the wait healthy again at the rollback's commit, the hold refusing
 * 1.5.0, and 1.4.2 in the canary environment, whose Rollout pauses for a manual promotion
 * (`suspended: succeed`). Each step is timed; a table ends it.
 */
export async function runDemo(args: readonly string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(DEMO_USAGE);
    return 0;
  }
  const unknown = args.find((arg) => !OPTIONS.includes(arg));
  if (unknown !== undefined) {
    const meant = likelyMeant(unknown.replace(/^-*/, ''), OPTIONS.map((option) => option.slice(2)));
    process.stderr.write(`error: demo: unknown option '${neutralise(unknown)}'.\n  How to fix: ${meant === undefined ? '' : `Did you mean --${meant}? `}The demo takes only --keep and --help.\n`);
    return 2;
  }
  const keep = args.includes('--keep');
  const narrator = new Narrator(STEP_COUNT);
  const dir = await mkdtemp(path.join(tmpdir(), 'gitops-promote-demo-'));
  let argocd: DemoArgoCd | undefined;
  try {
    const setupStart = performance.now();
    const repos = await createEnvironmentRepo(dir);
    // Argo CD (simulated, on 127.0.0.1) deploys envs/dev from the remote: it runs 1.4.1 now.
    argocd = await startDemoArgoCd(repos.remote);
    narrator.say(`Environment repo: ${repos.remote} (dev runs ${IMAGE}:1.4.1), cloned to ${repos.checkout}`);
    narrator.say(`Argo CD (simulated): ${argocd.url}, app ${APP} auto-syncing envs/dev of main; told that ${IMAGE}:${BROKEN_TAG} crash-loops`);
    narrator.record('setup', 'environment repo and clone, Argo CD simulator on 127.0.0.1', performance.now() - setupStart);
    const completed = await new DemoPipeline(repos, argocd, narrator).play();
    narrator.say(`\n${narrator.table(completed)}\n`);
    return completed ? 0 : 1;
  } finally {
    const cleanupStart = performance.now();
    await argocd?.close();
    if (!keep) await rm(dir, { recursive: true, force: true });
    const seconds = ((performance.now() - cleanupStart) / 1000).toFixed(1);
    narrator.say(keep ? `Stopped the Argo CD simulator; kept ${dir}.` : `cleanup … ${seconds} s: stopped the Argo CD simulator, removed ${dir}.`);
  }
}

/** The steps in order; what one step produced (a commit) is kept in a field for the next. */
class DemoPipeline {
  private goodCommit = '';
  private brokenCommit = '';
  private rollbackCommit = '';
  private canaryCommit = '';

  constructor(
    private readonly repos: DemoRepos,
    private readonly argocd: DemoArgoCd,
    private readonly narrator: Narrator,
  ) {}

  async play(): Promise<boolean> {
    // `&&` calls each step only once the one before it went as intended, so the commits passed
    // along are set by then.
    return (
      (await this.releaseGood()) &&
      (await this.waitHealthy(this.goodCommit, 'Argo CD deploys it to dev; wait until dev runs that commit')) &&
      (await this.promote()) &&
      (await this.releaseBroken()) &&
      (await this.waitDegraded()) &&
      (await this.rollBack()) &&
      (await this.waitHealthy(this.rollbackCommit, "wait until dev runs the rollback's commit")) &&
      (await this.holdRefuses()) &&
      (await this.releaseCanary()) &&
      (await this.waitCanaryPaused()) &&
      (await this.promoteEnvironment())
    );
  }

  /** update-manifest on envs/dev, as the pipeline of the payments service runs it. */
  private updateManifestInputs(tag: string): Inputs {
    return [['path', this.repos.checkout], ['files', 'envs/dev/*.yaml'], ['image', IMAGE], ['tag', tag], ...AUTHOR];
  }

  private releaseGood(): Promise<boolean> {
    const inputs = this.updateManifestInputs('1.4.2');
    return this.narrator.step('update-manifest', `${IMAGE} 1.4.2 is built; set it in dev`, commandLine(stepNamed('update-manifest'), inputs), async () => {
      const run = await runRecorded(stepNamed('update-manifest'), inputs);
      if (run.failure) return unexpected(`update-manifest failed: ${run.failure}`);
      this.goodCommit = run.output('commit-sha');
      const remoteGit = new GitCommandManager(this.repos.remote);
      const log = await remoteGit.run(['log', '--format=%h %s', '-n', '2', 'main']);
      const diff = await remoteGit.run(['diff', '--unified=0', 'main~1', 'main']);
      this.narrator.say(`\nThe remote's main branch now has:\n${log}\n\n${diff}\n`);
      const kustomization = await readFile(path.join(this.repos.checkout, 'envs/dev/kustomization.yaml'), 'utf8');
      if (!kustomization.includes('newTag: "1.4.2"') || kustomization.includes('payments-worker\n    newTag: 1.4.2')) {
        return unexpected('unexpected result in envs/dev/kustomization.yaml');
      }
      this.narrator.say('Every other byte is unchanged: comments, quoting and payments-worker stay as they were.');
      return { happened: `set 1.4.1 → 1.4.2 in dev (${changedFileCount(run)} files), pushed ${short(this.goodCommit)}`, result: 'ok', asIntended: true };
    });
  }

  /** wait-argocd-healthy with the inputs a pipeline gives it. */
  private waitInputs(revision: string): Inputs {
    return [
      ['server', this.argocd.url],
      ['token', DEMO_TOKEN],
      ['application', APP],
      // Far beyond the simulated rollout (about a second), yet short enough that a demo gone wrong
      // fails within its time budget instead of waiting the default 10 minutes.
      ['timeout', '15s'],
      ['revision', revision],
    ];
  }

  /** Runs wait-argocd-healthy; its `result` parsed for the demo's checks. */
  private async wait(revision: string): Promise<{ run: RecordingPlatform; report: AppReport | undefined }> {
    const run = await runRecorded(stepNamed('wait-argocd-healthy'), this.waitInputs(revision));
    return { run, report: appReport(run.output('result')) };
  }

  private waitCommand(revision: string): string {
    return commandLine(stepNamed('wait-argocd-healthy'), this.waitInputs(revision));
  }

  private waitHealthy(revision: string, intent: string): Promise<boolean> {
    return this.narrator.step('wait-argocd-healthy', intent, this.waitCommand(revision), async () => {
      const { run, report } = await this.wait(revision);
      if (run.failure || report?.outcome !== 'success') return unexpected(`wait-argocd-healthy failed: ${run.failure ?? 'no result'}`);
      if (run.output('revision') !== revision) return unexpected(`wait-argocd-healthy ended on ${run.output('revision')}, not ${revision}`);
      this.narrator.say(`\nArgo CD runs ${short(revision)}: Synced and Healthy, decided on that commit, not the one before it.`);
      return { happened: report.reason, result: 'ok', asIntended: true };
    });
  }

  /** Where the promotions open their pull requests: the demo's stand-in for GitHub's API, over the real remote. */
  private forgeInputs(): Inputs {
    return [
      ['forge', 'github'],
      ['repository', 'acme/environments'],
      ['repository-url', this.repos.remote],
      ['api-url', 'https://api.github.invalid'],
      ['token', DEMO_TOKEN],
    ];
  }

  /**
   * open-promotion-pr with the demo's forge: a fresh in-process stand-in (FakeForge), which the
   * step's context opens instead of GitHub's API.
   */
  private async promotionStep(): Promise<{ forge: FakeForge; step: RegisteredStep }> {
    const [forge, { openPromotionPrStep }] = await Promise.all([createDemoForge(this.repos.remote, this.repos.app), import('../steps/open-promotion-pr/step')]);
    return { forge, step: { spec: stepNamed('open-promotion-pr').spec, run: (platform, context) => openPromotionPrStep(platform, { ...context, openForge: () => Promise.resolve(forge) }) } };
  }

  /**
   * open-promotion-pr offers what dev now runs to staging, as a pull request. The forge is an
   * in-process stand-in (FakeForge) for GitHub's API; the branch is pushed to the real remote.
   * Run twice: the second run finds the same PR up to date and writes nothing.
   */
  private promote(): Promise<boolean> {
    const inputs: Inputs = [
      ...this.forgeInputs(),
      ['image', IMAGE],
      ['source-files', 'envs/dev/kustomization.yaml'],
      ['files', 'envs/staging/kustomization.yaml'],
      ['environment', 'staging'],
      ['source-environment', 'dev'],
      ['reviewers', 'alice'],
      ['source-repository', APP_REPOSITORY],
      ['argocd-server', this.argocd.url],
      ['argocd-application', STAGING_APP],
      ['source-application', APP],
      ['argocd-token', DEMO_TOKEN],
      ...AUTHOR,
    ];
    const command = commandLine(stepNamed('open-promotion-pr'), inputs);
    return this.narrator.step('open-promotion-pr', 'offer what dev runs to staging, as a pull request', command, async () => {
      const { forge, step } = await this.promotionStep();
      this.narrator.say('(Here the demo answers GitHub\'s API itself; pasted elsewhere, the command needs a real repository, --api-url and token.)\n');
      const first = await runRecorded(step, inputs);
      if (first.failure) return unexpected(`open-promotion-pr failed: ${first.failure}`);
      const change = forge.changes[0];
      if (!change) return unexpected('no pull request was opened');
      this.narrator.say(
        `\nPull request #${change.number} (${change.head} → ${change.base}), labels ${change.labels.join(', ')}, review requested from ${change.reviewers.join(', ')}:\n\n# ${change.title}\n\n${change.body.replace(/<!--.*-->\n?/g, '').trimEnd()}\n`,
      );
      const writes = forge.writes.length;
      this.narrator.say('Running it again with the same value:\n');
      const again = await runRecorded(step, inputs);
      if (again.failure) return unexpected(`open-promotion-pr failed on the rerun: ${again.failure}`);
      const rerunWrites = forge.writes.length - writes;
      this.narrator.say(`\nThe same pull request, still one: ${forge.changes.length} open, ${rerunWrites} API writes and no push on the second run.`);
      const sections = REVIEW_SECTIONS.filter((heading) => change.body.includes(heading)).length;
      return {
        happened: `PR #${change.number} to staging (1.4.1 → 1.4.2) opened with ${sections} of ${REVIEW_SECTIONS.length} review sections; rerun: ${again.output('operation')}, ${rerunWrites} writes`,
        result: 'ok',
        asIntended: rerunWrites === 0 && forge.changes.length === 1 && again.output('operation') === 'unchanged' && sections === REVIEW_SECTIONS.length,
      };
    });
  }

  private releaseBroken(): Promise<boolean> {
    const inputs = this.updateManifestInputs(BROKEN_TAG);
    const command = commandLine(stepNamed('update-manifest'), inputs);
    return this.narrator.step('update-manifest', `a bad release: ${BROKEN_TAG}, whose pods crash on start, is set in dev`, command, async () => {
      const run = await runRecorded(stepNamed('update-manifest'), inputs);
      if (run.failure) return unexpected(`update-manifest failed: ${run.failure}`);
      this.brokenCommit = run.output('commit-sha');
      return { happened: `set 1.4.2 → ${BROKEN_TAG} in dev, pushed ${short(this.brokenCommit)}`, result: 'ok', asIntended: true };
    });
  }

  /** The wait must fail on the broken release, and say which resource is Degraded and why. */
  private waitDegraded(): Promise<boolean> {
    const intent = `Argo CD deploys ${BROKEN_TAG}; the wait must fail and name what broke (this failure is the point)`;
    return this.narrator.step('wait-argocd-healthy', intent, this.waitCommand(this.brokenCommit), async () => {
      const { run, report } = await this.wait(this.brokenCommit);
      if (!run.failure) return unexpected(`wait-argocd-healthy accepted ${BROKEN_TAG}, which never becomes healthy`);
      const deployment = report?.degraded.find((node) => node.kind === 'Deployment' && node.name === 'payments');
      if (report?.health !== 'Degraded' || !deployment) return unexpected(`wait-argocd-healthy failed, but not on the Degraded Deployment: ${run.failure}`);
      const named = report.degraded.map((node) => `\n  ${node.kind}/${node.namespace}/${node.name}: ${node.message}`).join('');
      this.narrator.say(`\nThe wait failed at ${short(this.brokenCommit)}, as a pipeline's job would, before anything was promoted. It named:${named}`);
      return { happened: `Degraded: ${deployment.kind}/${deployment.name}: ${deployment.message}`, result: 'failed, as it should', asIntended: true };
    });
  }

  /** rollback returns dev to the version before the bad one, found in the files' history. */
  private rollBack(): Promise<boolean> {
    const reason = `${BROKEN_TAG} fails its health checks`;
    const inputs: Inputs = [['path', this.repos.checkout], ['files', 'envs/dev/*.yaml'], ['image', IMAGE], ['reason', reason], ...AUTHOR];
    return this.narrator.step('rollback', `return dev to the version before ${BROKEN_TAG}`, commandLine(stepNamed('rollback'), inputs), async () => {
      const run = await runRecorded(stepNamed('rollback'), inputs);
      if (run.failure) return unexpected(`rollback failed: ${run.failure}`);
      this.rollbackCommit = run.output('commit-sha');
      const happened = `rolled back ${run.output('rolled-back-from')} → ${run.output('rolled-back-to')}, pushed ${short(this.rollbackCommit)}`;
      return { happened, result: 'ok', asIntended: this.rollbackCommit !== '' };
    });
  }

  /** The pipeline of 1.5.0 runs again: the hold the rollback left refuses to set it. */
  private holdRefuses(): Promise<boolean> {
    const inputs = this.updateManifestInputs(BROKEN_TAG);
    const command = commandLine(stepNamed('update-manifest'), inputs);
    return this.narrator.step('update-manifest', `the pipeline runs again with ${BROKEN_TAG}; the hold must refuse it (this failure is the point)`, command, async () => {
      const run = await runRecorded(stepNamed('update-manifest'), inputs);
      if (!run.failure) return unexpected('the hold did not refuse the rolled-back version');
      const main = await new GitCommandManager(this.repos.remote).run(['rev-parse', 'main']);
      if (main !== this.rollbackCommit) return unexpected(`main moved to ${short(main)} although the hold refused ${BROKEN_TAG}`);
      this.narrator.say(`\nNothing was pushed: main stays at ${short(main)}, dev on 1.4.2 until a newer version is promoted (or it is given --allow-rolled-back).`);
      return { happened: `hold refused ${BROKEN_TAG} (rolled back in ${short(this.rollbackCommit)}); main unchanged`, result: 'refused, as it should', asIntended: true };
    });
  }
  /** The canary environment gets 1.4.2 too: its Argo Rollouts canary takes 20 % and pauses. */
  private releaseCanary(): Promise<boolean> {
    const inputs: Inputs = [['path', this.repos.checkout], ['files', 'envs/canary/rollout.yaml'], ['image', IMAGE], ['tag', '1.4.2'], ...AUTHOR];
    return this.narrator.step('update-manifest', 'set 1.4.2 in the canary environment, an Argo Rollouts canary', commandLine(stepNamed('update-manifest'), inputs), async () => {
      const run = await runRecorded(stepNamed('update-manifest'), inputs);
      if (run.failure) return unexpected(`update-manifest failed: ${run.failure}`);
      this.canaryCommit = run.output('commit-sha');
      return { happened: `set 1.4.1 → 1.4.2 in canary, pushed ${short(this.canaryCommit)}`, result: 'ok', asIntended: this.canaryCommit !== '' };
    });
  }

  /**
   * The wait on a canary paused for a manual promotion: with `suspended: succeed` the pipeline
   * goes on once the commit is applied and the Rollout paused as planned, and says at which step.
   */
  private waitCanaryPaused(): Promise<boolean> {
    const inputs: Inputs = [
      ['server', this.argocd.url],
      ['token', DEMO_TOKEN],
      ['application', CANARY_APP],
      ['timeout', '15s'],
      ['revision', this.canaryCommit],
      ['suspended', 'succeed'],
    ];
    const intent = 'wait on the canary: it pauses for a manual promotion, which suspended: succeed accepts';
    return this.narrator.step('wait-argocd-healthy', intent, commandLine(stepNamed('wait-argocd-healthy'), inputs), async () => {
      const run = await runRecorded(stepNamed('wait-argocd-healthy'), inputs);
      if (run.failure) return unexpected(`wait-argocd-healthy failed on the canary: ${run.failure}`);
      const report = appReport(run.output('result'), CANARY_APP);
      const paused = /paused at [^;]*/.exec(report?.reason ?? '')?.[0];
      if (report?.outcome !== 'success' || run.output('health') !== 'Suspended' || !paused) {
        return unexpected(`the canary wait ended ${report?.outcome ?? 'without a result'} (${run.output('health')}): ${report?.reason ?? ''}`);
      }
      this.narrator.say(`\nArgo CD runs ${short(this.canaryCommit)} in ${CANARY_APP}; the Rollout is ${paused}. With suspended: wait, the job would wait for that promotion; with fail, it would fail.`);
      return { happened: `Suspended at ${short(this.canaryCommit)}: ${paused.replace(/ \(kubectl[^)]*\)/, '')}`, result: 'ok', asIntended: true };
    });
  }

  /**
   * open-promotion-pr promotes everything staging runs to prod at once: both services in one
   * commit and one pull request, a row per image, Argo CD's diff of prod showing both.
   */
  private promoteEnvironment(): Promise<boolean> {
    const inputs: Inputs = [
      ...this.forgeInputs(),
      ['images', 'all'],
      ['source-files', 'envs/staging/kustomization.yaml'],
      ['files', 'envs/prod/kustomization.yaml'],
      ['environment', 'prod'],
      ['source-environment', 'staging'],
      ['argocd-server', this.argocd.url],
      ['argocd-application', PROD_APP],
      ['source-application', STAGING_APP],
      ['argocd-token', DEMO_TOKEN],
      ...AUTHOR,
    ];
    return this.narrator.step('open-promotion-pr', 'promote the whole staging environment to prod: every service, one pull request', commandLine(stepNamed('open-promotion-pr'), inputs), async () => {
      const { forge, step } = await this.promotionStep();
      const run = await runRecorded(step, inputs);
      if (run.failure) return unexpected(`open-promotion-pr failed: ${run.failure}`);
      const change = forge.changes[0];
      if (!change) return unexpected('no pull request was opened');
      this.narrator.say(`\nPull request #${change.number} (${change.head} → ${change.base}):\n\n# ${change.title}\n\n${change.body.replace(/<!--.*-->\n?/g, '').trimEnd()}\n`);
      const changes: unknown = JSON.parse(run.output('changes') || '[]');
      const promoted = Array.isArray(changes) ? changes.filter((entry: { skipped?: unknown }) => entry.skipped === undefined).length : 0;
      const commits = await new GitCommandManager(this.repos.remote).run(['rev-list', '--count', `main..${change.head}`]);
      return {
        happened: `PR #${change.number} to prod: ${promoted} images in ${commits} commit (${IMAGE} 1.4.0 → 1.4.1, ${WORKER_IMAGE} 1.3.9 → 1.4.0)`,
        result: 'ok',
        asIntended: promoted === 2 && commits === '1' && forge.changes.length === 1 && change.body.includes(`Deployment default/payments</code> changed`),
      };
    });
  }
}


function unexpected(what: string): StepEnd {
  return { happened: `demo: ${what}`, result: 'FAILED', asIntended: false };
}

function short(commit: string, length = 7): string {
  return commit.slice(0, length);
}

function changedFileCount(run: RecordingPlatform): number {
  const files: unknown = JSON.parse(run.output('changed-files') || '[]');
  return Array.isArray(files) ? files.length : 0;
}

/** An app's entry of wait-argocd-healthy's `result` output (JSON by Application name). */
function appReport(result: string, app = APP): AppReport | undefined {
  if (result === '') return undefined;
  const parsed: unknown = JSON.parse(result);
  if (typeof parsed !== 'object' || parsed === null || !(app in parsed)) return undefined;
  // The step writes this object from AppReport values; the demo reads its own step's output.
  return (parsed as Record<string, AppReport>)[app];
}
