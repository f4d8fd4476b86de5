/**
 * `npm run bench`: measures the manifest editor against the usual alternatives on the shared
 * corpus, the bundles' cold start against bare Node, the editor on large multi-document files and
 * the step on many files, printing Markdown tables. Every figure sits beside a baseline measured
 * in the same run, because absolute times on CI machines vary. Missed targets are reported, not
 * fatal (a benchmark is not a test); the exit code is non-zero only when something crashed.
 * `npm run bench -- --skip-25mib` leaves out the 25 MiB file (about a minute of the run);
 * `--skip-wait` leaves out wait-argocd-healthy against a poll loop (about three minutes of
 * simulated rollouts, which no machine can make faster); `--skip-promotion` leaves out
 * open-promotion-pr against a clone/yq/push/curl script (about half a minute) and the promotion body
 * with its review sections against today's (about 15 s); `--train-singles` adds 100 single
 * update-manifest runs with push beside the one run that sets 100 images (minutes).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCases } from './corpus-cases';
import { corpusRoot, loadCorpus } from './corpus';
import { measureColdStart, coldCommands, missingBundles } from './measure-cold-start';
import { measureGlob } from './measure-glob';
import { measureHold, renderHold } from './measure-hold';
import { measureInProcess } from './measure-in-process';
import { measureLargeFiles } from './measure-large-files';
import { measurePromotion, PROMOTION_DEFAULTS } from './measure-promotion';
import { measureEnvironmentPromotion, renderEnvironmentPromotion } from './measure-environment-promotion';
import { measureReview, renderReview } from './measure-review';
import { measureWait, measureWaitTree } from './measure-wait';
import { measureTrain, renderTrain, TRAIN_SINGLES } from './measure-train';
import { measureYq } from './measure-yq';
import { YQ_PATH } from './methods/yq';
import { renderColdStart } from './report-cold-start';
import { renderCorpus } from './report-corpus';
import { renderGlob } from './report-glob';
import { renderLargeFiles } from './report-large-files';
import { renderPromotion } from './report-promotion';
import { renderWait, renderWaitTree } from './report-wait';
import { sinkValue } from './timing';

const IN_PROCESS_WARMUP = 3;
const IN_PROCESS_ROUNDS = 20;
const YQ_BUDGET_NS = 60e9;
const COLD_START_WARMUP = 3;
const COLD_START_RUNS = 25;
/** Rounds shrink as inputs grow, to keep the run to minutes: the 25 MiB round alone takes about one. */
const LARGE_FILE_SIZES = [
  { mib: 1, rounds: 3 },
  { mib: 5, rounds: 2 },
  { mib: 25, rounds: 1 },
];
/** Only the first count warms up; the later ones run the same code, already compiled. */
const GLOB_COUNTS = [
  { files: 100, rounds: 5, warmup: 1 },
  { files: 1000, rounds: 2, warmup: 0 },
  { files: 5000, rounds: 1, warmup: 0 },
];
const SKIP_25_MIB = '--skip-25mib';
/** 1 app and 50 on one repository path; each round is a simulated ~20-30 s rollout, so rounds are few. */
const WAIT_SIZES = [1, 50];
const WAIT_ROUNDS = 3;
const WAIT_TREE_ROUNDS = 2;
const SKIP_WAIT = '--skip-wait';
const SKIP_PROMOTION = '--skip-promotion';
/** Each round is two promotions created and rerun per method, about 4 s. */
const REVIEW_ROUNDS = 3;
/** 100 images vs 1 in one run, a fake with 50 ms per request; each round is 6 promotions, about 10 s. */
const ENVIRONMENT_ROUNDS = 3;
const ENVIRONMENT_LATENCY_MS = 50;
/** The hold read with no history after the rollback, with its 200-commit trailer window full, and with 2,000 commits. */
const HOLD_HISTORIES = [0, 200, 2000];
const HOLD_ROUNDS = 15;
/** 100 images in 100 files (issue 23's figure), in one run, beside one image and (with --train-singles) 100 runs. */
const TRAIN_VALUES = 100;
const TRAIN_ROUNDS = 3;

const progress = (message: string): void => {
  // Progress goes to stderr so stdout stays pure Markdown that can be pasted as is.
  process.stderr.write(`[bench] ${message}\n`);
};

function repoRoot(): string {
  // npm runs scripts from the package root; refuse to guess anywhere else.
  const root = process.cwd();
  const manifest = path.join(root, 'package.json');
  const name: unknown = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name : undefined;
  if (name !== 'gitops-promote') throw new Error(`run from the repository root (npm run bench); ${root} is not it`);
  return root;
}

function versionOf(command: string, args: readonly string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n')[0] ?? '?';
  } catch {
    return 'not available';
  }
}

/** Other jobs on the machine inflate wall times (cold start most); the load says how much to trust them. */
function loadAverage(): string {
  return `${os.loadavg()[0]?.toFixed(2) ?? '?'} on ${os.cpus().length} CPUs`;
}

function header(root: string): string {
  const yamlPackage = path.join(root, 'node_modules', 'yaml', 'package.json');
  const yamlVersion = existsSync(yamlPackage) ? String((JSON.parse(readFileSync(yamlPackage, 'utf8')) as { version?: unknown }).version) : '?';
  const cpus = os.cpus();
  return [
    '# gitops-promote benchmark',
    '',
    `${new Date().toISOString()} · Node ${process.version} · ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'} · ` +
      `yaml ${yamlVersion} · ${YQ_PATH}: ${existsSync(YQ_PATH) ? versionOf(YQ_PATH, ['--version']) : 'missing'} · ` +
      `load average at start ${loadAverage()}`,
    '',
  ].join('\n');
}

async function main(): Promise<number> {
  const started = process.hrtime.bigint();
  const root = repoRoot();
  let crashed = false;
  console.log(header(root));

  const corpus = loadCorpus(corpusRoot(root));
  if (!corpus) {
    console.log(`Corpus not found at ${corpusRoot(root)} (it lives beside the repository in ../shared); the corpus section is skipped.\n`);
  } else {
    progress(`corpus: ${corpus.files.length} parseable files; running the editor once per file`);
    const cases = buildCases(corpus);
    progress(`${cases.cases.length} files with an edit; measuring`);
    const inProcess = measureInProcess(cases.cases, { warmup: IN_PROCESS_WARMUP, rounds: IN_PROCESS_ROUNDS, progress });
    const yq = measureYq(cases.cases, { budgetNs: YQ_BUDGET_NS, progress });
    console.log(renderCorpus(cases, corpus.files.length, inProcess, yq, IN_PROCESS_ROUNDS));
    const editorCrashes = cases.cases.filter((c) => c.crashed);
    if (editorCrashes.length > 0) {
      crashed = true;
      console.log(`**The editor crashed (internal error) on ${editorCrashes.length} file(s); see the failures above.**\n`);
    }
  }

  progress('cold start');
  const { baseline, bundles } = coldCommands(root);
  const missing = missingBundles(bundles);
  const present = bundles.filter((b) => !missing.includes(b.label));
  const [baseResult, ...bundleResults] = measureColdStart([baseline, ...present], COLD_START_RUNS, COLD_START_WARMUP);
  if (baseResult) console.log(renderColdStart(baseResult, bundleResults, missing, COLD_START_RUNS));
  if ([baseResult, ...bundleResults].some((r) => r?.problem)) crashed = true;

  const skip25 = process.argv.includes(SKIP_25_MIB);
  const sizes = LARGE_FILE_SIZES.filter((size) => !(skip25 && size.mib === 25));
  const large = measureLargeFiles({ sizes, repoRoot: root, progress });
  console.log(renderLargeFiles(large, skip25 ? [`25 MiB skipped (\`${SKIP_25_MIB}\`).`] : []));
  if (large.some((r) => r.problem)) crashed = true;

  const glob = await measureGlob({ counts: GLOB_COUNTS, progress });
  console.log(renderGlob(glob));
  if (glob.some((r) => r.problem)) crashed = true;

  if (process.argv.includes(SKIP_WAIT)) {
    console.log(`## 5. wait-argocd-healthy vs a poll loop\n\nSkipped (\`${SKIP_WAIT}\`).\n`);
  } else {
    const wait = await measureWait({ sizes: WAIT_SIZES, rounds: WAIT_ROUNDS, progress });
    console.log(renderWait(wait, WAIT_ROUNDS));
    if (wait.some((r) => r.problem)) crashed = true;
    console.log(renderWaitTree(await measureWaitTree({ rounds: WAIT_TREE_ROUNDS, progress })));
  }

  const hold = await measureHold({ histories: HOLD_HISTORIES, rounds: HOLD_ROUNDS, progress });
  console.log(renderHold(hold, HOLD_ROUNDS));

  const train = await measureTrain({ values: TRAIN_VALUES, rounds: TRAIN_ROUNDS, singles: process.argv.includes(TRAIN_SINGLES), progress });
  console.log(renderTrain(train));
  if (train.problem) crashed = true;

  // Last: it loads nock, which then intercepts this process's HTTP.
  if (process.argv.includes(SKIP_PROMOTION)) {
    console.log(`## 6. open-promotion-pr vs the seed script\n\nSkipped (\`${SKIP_PROMOTION}\`).\n`);
  } else {
    const promotion = await measurePromotion({ ...PROMOTION_DEFAULTS, progress });
    console.log(renderPromotion(promotion));
    if (promotion.problem) crashed = true;
    console.log(renderReview(await measureReview({ rounds: REVIEW_ROUNDS, progress })));
    const environment = await measureEnvironmentPromotion({ latencyMs: ENVIRONMENT_LATENCY_MS, rounds: ENVIRONMENT_ROUNDS, progress });
    console.log(renderEnvironmentPromotion(environment, ENVIRONMENT_ROUNDS, ENVIRONMENT_LATENCY_MS));
  }

  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`_Bench finished in ${seconds.toFixed(1)} s; load average at end ${loadAverage()} (sink ${sinkValue() % 10}: keeps timed results alive)._`);
  return crashed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
