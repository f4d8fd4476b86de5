import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { TerminalPlatform } from '../packages/core/src/platform/terminal-platform';
import { validateUpdateManifestInputs } from '../packages/core/src/steps/update-manifest/config';
import { updateManifestSpec } from '../packages/core/src/steps/update-manifest/spec';
import { readInputs } from '../packages/core/src/steps/inputs';
import { runUpdateManifest } from '../packages/core/src/steps/update-manifest/run';
import { deployment, ownImage, SHARED_IMAGE } from './generate-manifests';
import { parseOnly } from './methods/yaml-roundtrip';
import { median } from './stats';
import { consume } from './timing';

export const GLOB = 'apps/**/*.yaml';

export interface GlobResult {
  files: number;
  /** Which files hold the image set. */
  variant: 'every file matches' | 'one file matches';
  /** Median nanoseconds: the step's file selection and edit (a dry run), and the baseline. */
  step: number;
  baseline: number;
  rounds: number;
  changes: number;
  problem: string | null;
}

export interface GlobOptions {
  counts: ReadonlyArray<{ files: number; rounds: number; warmup: number }>;
  progress(message: string): void;
}

/** A Deployment and its Service, as one file of a repository with a directory per app. */
function appFile(index: number): string {
  const name = `app-${String(index).padStart(6, '0')}`;
  return `${deployment(index)}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector: {app.kubernetes.io/name: ${name}}\n  ports:\n    - port: 80\n      targetPort: 8080\n`;
}

const discard = (): Writable =>
  new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });

/** The step as the CLI runs it, with `dry-run: true`: real file selection and edits, nothing written. */
async function runStep(root: string, image: string): Promise<number> {
  const inputs = new Map([
    ['path', root],
    ['files', GLOB],
    ['image', image],
    ['tag', '9.9.9-bench'],
    ['dry-run', 'true'],
  ]);
  const platform = new TerminalPlatform(inputs, discard(), discard());
  const result = await runUpdateManifest(validateUpdateManifestInputs(readInputs(updateManifestSpec, platform)), platform);
  return result.changes.length;
}

/** What any tool pays at least: read each of the same files and parse it with `yaml`. */
async function readAndParse(files: readonly string[]): Promise<number> {
  let documents = 0;
  for (const file of files) documents += parseOnly(await readFile(file, 'utf8'));
  return documents;
}

/**
 * Per count: a temporary repository with one file per app under `apps/`, then rounds that run, in
 * rotating order, the step setting the sidecar image (in every file), the step setting one app's
 * own image (in one file), and the baseline over the same files, after `warmup` unmeasured rounds.
 */
export async function measureGlob(options: GlobOptions): Promise<GlobResult[]> {
  const results: GlobResult[] = [];
  for (const { files, rounds, warmup } of options.counts) {
    const root = mkdtempSync(path.join(os.tmpdir(), 'gitops-promote-glob-'));
    try {
      const paths: string[] = [];
      for (let index = 0; index < files; index++) {
        const dir = path.join(root, 'apps', `app-${String(index).padStart(6, '0')}`);
        mkdirSync(dir, { recursive: true });
        const file = path.join(dir, 'manifests.yaml');
        writeFileSync(file, appFile(index));
        paths.push(file);
      }
      const variants = [
        { variant: 'every file matches' as const, image: SHARED_IMAGE, expect: files },
        { variant: 'one file matches' as const, image: ownImage(Math.floor(files / 2)), expect: 1 },
      ];
      const samples: number[][] = [[], [], []];
      const changes = [0, 0];
      let problem: string | null = null;
      const tasks: Array<() => Promise<number>> = [...variants.map((v) => () => runStep(root, v.image)), () => readAndParse(paths)];
      for (let round = 0; round < warmup + rounds && !problem; round++) {
        options.progress(`glob: ${files} files, ${round < warmup ? 'warm-up' : `round ${round - warmup + 1}/${rounds}`}`);
        for (let k = 0; k < tasks.length; k++) {
          const index = (round + k) % tasks.length;
          const start = process.hrtime.bigint();
          try {
            const value = await tasks[index]!();
            consume(value);
            if (index < variants.length) changes[index] = value;
          } catch (error) {
            problem = error instanceof Error ? error.message : String(error);
            break;
          }
          if (round >= warmup) samples[index]!.push(Number(process.hrtime.bigint() - start));
        }
      }
      variants.forEach((v, index) => {
        const wrong = !problem && changes[index] !== v.expect ? `${changes[index]} changes, expected ${v.expect}` : null;
        results.push({ files, variant: v.variant, step: median(samples[index]!), baseline: median(samples[2]!), rounds, changes: changes[index] ?? 0, problem: problem ?? wrong });
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  return results;
}
