/**
 * Many values in one run (issue 23): 100 images, each in its own file, set by one update-manifest
 * run, beside one image and beside 100 single runs, in the same process on the same files.
 *
 * - Edit: planFileEdits over the 100 files (read, plan, apply in memory; nothing written) with one
 *   request, with the 100 requests at once, and 100 times with one request each.
 * - Step: the whole step with commit and push to a local bare repository (real git): one image,
 *   the 100 images in one run (one commit, one push: counted on the remote), and 100 single runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { EditRequest } from '../packages/core/src/manifest/edit-request';
import { planFileEdits } from '../packages/core/src/manifest/file-edits';
import type { SelectedFile } from '../packages/core/src/files/repo-files';
import { TerminalPlatform } from '../packages/core/src/platform/terminal-platform';
import { readInputs } from '../packages/core/src/steps/inputs';
import { validateUpdateManifestInputs } from '../packages/core/src/steps/update-manifest/config';
import { runUpdateManifest } from '../packages/core/src/steps/update-manifest/run';
import { updateManifestSpec } from '../packages/core/src/steps/update-manifest/spec';
import { deployment, ownImage } from './generate-manifests';
import { ms, ratio, table } from './markdown';
import { median } from './stats';
import { consume } from './timing';

const GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.invalid', GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.invalid' };

/** `npm run bench -- --train-singles` also times the step run once per image. */
export const TRAIN_SINGLES = '--train-singles';

export interface TrainResult {
  values: number;
  /** Median ns of the edit: one value, every value at once, every value in its own plan. */
  editOne: number;
  editTrain: number;
  editSingles: number;
  /** Median ns of the step with commit and push (one round of the singles). */
  stepOne: number;
  stepTrain: number;
  stepSingles: number;
  /** What the train run left on the remote. */
  trainCommits: number;
  trainPushes: number;
  rounds: number;
  problem: string | null;
}

function git(cwd: string, args: readonly string[]): string {
  return execFileSync('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' }).trim();
}

const discard = (): Writable =>
  new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });

/** The step as the CLI runs it, pushing to the checkout's origin. */
async function runStep(checkout: string, inputs: Record<string, string>): Promise<number> {
  const given = new Map(Object.entries({ path: checkout, files: 'apps/*.yaml', 'author-name': 'bench', 'author-email': 'bench@example.invalid', ...inputs }));
  const platform = new TerminalPlatform(given, discard(), discard());
  const result = await runUpdateManifest(validateUpdateManifestInputs(readInputs(updateManifestSpec, platform)), platform);
  return result.changes.length;
}

async function timed(task: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  consume(await task());
  return Number(process.hrtime.bigint() - start);
}

export interface TrainOptions {
  values: number;
  rounds: number;
  /** Also time the step run once per value (with push): minutes, so only when asked. */
  singles: boolean;
  progress(message: string): void;
}

export async function measureTrain(options: TrainOptions): Promise<TrainResult> {
  const { values, rounds } = options;
  const root = mkdtempSync(path.join(os.tmpdir(), 'gitops-promote-train-'));
  const saved = Object.fromEntries(Object.keys(GIT_ENV).map((name) => [name, process.env[name]]));
  Object.assign(process.env, GIT_ENV);
  const result: TrainResult = { values, editOne: NaN, editTrain: NaN, editSingles: NaN, stepOne: NaN, stepTrain: NaN, stepSingles: NaN, trainCommits: 0, trainPushes: 0, rounds, problem: null };
  try {
    const seed = path.join(root, 'seed');
    mkdirSync(path.join(seed, 'apps'), { recursive: true });
    const files: SelectedFile[] = [];
    for (let index = 0; index < values; index++) {
      const relative = `apps/app-${String(index).padStart(6, '0')}.yaml`;
      writeFileSync(path.join(seed, relative), deployment(index));
      files.push({ relative, absolute: path.join(seed, relative) });
    }
    const requests = (tag: string): EditRequest[] => Array.from({ length: values }, (_, index) => ({ mode: 'image', image: { name: ownImage(index), tag } }));

    // The edit, in memory, interleaved so drift falls on all three alike.
    const edits: Array<() => Promise<number>> = [
      async () => (await planFileEdits(requests('9.9.9')[0] as EditRequest, files)).length,
      async () => (await planFileEdits(requests('9.9.9'), files)).length,
      async () => {
        let planned = 0;
        for (const request of requests('9.9.9')) planned += (await planFileEdits(request, files)).length;
        return planned;
      },
    ];
    const samples: number[][] = [[], [], []];
    for (let round = 0; round < rounds + 1; round++) {
      options.progress(`train: edit, ${round === 0 ? 'warm-up' : `round ${round}/${rounds}`}`);
      for (let k = 0; k < edits.length; k++) {
        const index = (round + k) % edits.length;
        const ns = await timed(edits[index] as () => Promise<number>);
        if (round > 0) samples[index]?.push(ns);
      }
    }
    result.editOne = median(samples[0] ?? []);
    result.editTrain = median(samples[1] ?? []);
    result.editSingles = median(samples[2] ?? []);

    // The step with real git: a bare remote and a checkout; every run sets a new tag, so each commits.
    git(seed, ['init', '--quiet', '--initial-branch=main']);
    git(seed, ['add', '-A']);
    git(seed, ['commit', '--quiet', '-m', 'seed']);
    const bare = path.join(root, 'remote.git');
    git(root, ['clone', '--quiet', '--bare', seed, bare]);
    const pushes = path.join(root, 'pushes.log');
    writeFileSync(path.join(bare, 'hooks', 'post-receive'), `#!/bin/sh\ncat >> '${pushes}'\n`, { mode: 0o755 });
    const checkout = path.join(root, 'checkout');
    git(root, ['clone', '--quiet', bare, checkout]);
    const one: number[] = [];
    const train: number[] = [];
    for (let round = 0; round < rounds; round++) {
      options.progress(`train: step with push, round ${round + 1}/${rounds}`);
      one.push(await timed(() => runStep(checkout, { image: ownImage(0), tag: `1.0.${round}` })));
      const before = git(bare, ['rev-parse', 'main']);
      const pushesBefore = countLines(pushes);
      const list = requests(`2.0.${round}`).map((request) => (request.mode === 'image' ? `${request.image.name}=${request.image.tag ?? ''}` : '')).join('\n');
      train.push(await timed(() => runStep(checkout, { images: list })));
      result.trainCommits = Number(git(bare, ['rev-list', '--count', `${before}..main`]));
      result.trainPushes = countLines(pushes) - pushesBefore;
    }
    if (options.singles) {
      options.progress(`train: ${values} single runs with push`);
      result.stepSingles = await timed(async () => {
        for (let index = 0; index < values; index++) await runStep(checkout, { image: ownImage(index), tag: '3.0.0' });
      });
    }
    result.stepOne = median(one);
    result.stepTrain = median(train);
    if (result.trainCommits !== 1 || result.trainPushes !== 1) result.problem = `the train made ${result.trainCommits} commits in ${result.trainPushes} pushes, expected 1 and 1`;
  } catch (error) {
    result.problem = error instanceof Error ? error.message : String(error);
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(root, { recursive: true, force: true });
  }
  return result;
}

function countLines(file: string): number {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((line) => line !== '').length : 0;
}

export function renderTrain(r: TrainResult): string {
  const rows = [
    ['edit (plan in memory)', ms(r.editOne), ms(r.editTrain), ratio(r.editTrain / r.editOne), ms(r.editSingles), ratio(r.editSingles / r.editTrain)],
    ['step with commit and push', ms(r.stepOne), ms(r.stepTrain), ratio(r.stepTrain / r.stepOne), ms(r.stepSingles), ratio(r.stepSingles / r.stepTrain)],
  ];
  return [
    `## 8. ${r.values} images in ${r.values} files: one run vs one image vs ${r.values} single runs`,
    '',
    table(['', '1 image, median', `${r.values} images in one run, median`, '÷ 1 image', `${r.values} single runs`, '÷ one run'], rows, ['left', 'right', 'right', 'right', 'right', 'right']),
    '',
    `- Each file is a Deployment with its own image (and a shared sidecar). The edit is \`planFileEdits\` over the ${r.values} files (read, plan, apply in memory) with one request, all ${r.values} at once, and each in its own call; ${r.rounds} rounds after a warm-up, interleaved.`,
    `- The step is \`runUpdateManifest\` in process with commit and push to a local bare repository (real git; \`images:\` for the train), ${r.rounds} rounds; the ${r.values} single runs are measured once, with \`${TRAIN_SINGLES}\` only (minutes). The train left ${r.trainCommits} commit in ${r.trainPushes} push on the remote (counted by a post-receive hook).`,
    ...(r.problem ? [`- **${r.problem}**`] : []),
    '',
  ].join('\n');
}
