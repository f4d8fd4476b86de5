import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deploymentStream, ownImage, SHARED_IMAGE } from './generate-manifests';
import type { ChildReport } from './large-file-child';

export const MIB = 1024 * 1024;

/** What is run on each file, each in a fresh process; `read` only reads it, for the memory every method starts from. */
export type LargeFileMethod = 'read' | 'parse' | 'one edit' | 'every document';

export interface LargeFileResult {
  mib: number;
  bytes: number;
  documents: number;
  samples: Record<LargeFileMethod, ChildReport[]>;
  /** Set when a child failed or its edit did not do what the row claims. */
  problem: string | null;
}

export interface LargeFileOptions {
  /** Sizes in MiB, each with its number of rounds (a round runs every method once). */
  sizes: ReadonlyArray<{ mib: number; rounds: number }>;
  repoRoot: string;
  progress(message: string): void;
}

/**
 * Per size: writes a generated file of Deployments, then runs rounds of child processes in
 * rotating order: reading the file only, `parseAllDocuments` alone (the baseline), the editor
 * setting the image one document holds, and the editor setting the sidecar image every document
 * holds. Each child
 * reports its own time and peak RSS; a round's children run one after the other, never in
 * parallel, so no measurement competes with another.
 */
export function measureLargeFiles(options: LargeFileOptions): LargeFileResult[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gitops-promote-large-'));
  const child = path.join(options.repoRoot, 'bench', 'large-file-child.ts');
  try {
    return options.sizes.map(({ mib, rounds }) => {
      const { text, documents } = deploymentStream(mib * MIB);
      const file = path.join(dir, `deployments-${mib}mib.yaml`);
      writeFileSync(file, text);
      const bytes = Buffer.byteLength(text);
      const result: LargeFileResult = { mib, bytes, documents, samples: { read: [], parse: [], 'one edit': [], 'every document': [] }, problem: null };
      const runs: Array<{ method: LargeFileMethod; args: string[]; expect: number }> = [
        { method: 'read', args: ['read', file], expect: 0 },
        { method: 'parse', args: ['parse', file], expect: documents },
        { method: 'one edit', args: ['edit', file, ownImage(Math.floor(documents / 2))], expect: 1 },
        { method: 'every document', args: ['edit', file, SHARED_IMAGE], expect: documents },
      ];
      for (let round = 0; round < rounds && !result.problem; round++) {
        options.progress(`large files: ${mib} MiB (${documents} documents), round ${round + 1}/${rounds}`);
        for (let k = 0; k < runs.length && !result.problem; k++) {
          const run = runs[(round + k) % runs.length];
          if (!run) continue;
          const report = runChild(options.repoRoot, child, run.args);
          if (typeof report === 'string') result.problem = `${run.method}: ${report}`;
          else if (report.count !== run.expect) result.problem = `${run.method}: ${report.count} documents/changes, expected ${run.expect}`;
          else result.samples[run.method].push(report);
        }
      }
      return result;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The child's report, or why there is none. */
function runChild(cwd: string, child: string, args: readonly string[]): ChildReport | string {
  const run = spawnSync(process.execPath, ['--import', 'tsx', child, ...args], { cwd, encoding: 'utf8' });
  if (run.error) return run.error.message;
  if (run.status !== 0) return `exit ${run.status}: ${run.stderr.trim().split('\n').slice(0, 3).join(' ')}`;
  try {
    return JSON.parse(run.stdout) as ChildReport;
  } catch {
    return `unreadable output: ${run.stdout.slice(0, 200)}`;
  }
}
