import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ColdCommand {
  label: string;
  args: string[];
  /** Variables added to the bare PATH/HOME environment (e.g. GITHUB_ACTIONS for the GitHub adapter). */
  env?: Record<string, string>;
  /** Why a run is not the expected outcome, or null when it is. */
  check(status: number | null, output: string): string | null;
}

export interface ColdResult {
  command: ColdCommand;
  samples: number[];
  /** Set when the command is missing or did not end as expected (a crash, a stack trace). */
  problem: string | null;
  firstOutputLine: string;
}

const looksLikeCrash = (output: string): boolean =>
  /Unexpected internal error|^\s+at .+:\d+:\d+\)?$|ERR_[A-Z_]+|Cannot find module/m.test(output);

/** The bundles the actions and the CLI ship, each beside bare Node as the baseline. */
export function coldCommands(repoRoot: string): { baseline: ColdCommand; bundles: Array<ColdCommand & { file: string }> } {
  const updateManifest = path.join(repoRoot, 'dist', 'update-manifest', 'index.js');
  const cli = path.join(repoRoot, 'dist', 'cli', 'index.js');
  const waitArgocd = path.join(repoRoot, 'dist', 'wait-argocd-healthy', 'index.js');
  return {
    baseline: {
      label: '`node -e 0` (baseline)',
      args: ['-e', '0'],
      check: (status) => (status === 0 ? null : `exit ${status}`),
    },
    bundles: [
      {
        label: '`node dist/update-manifest/index.js` (no inputs)',
        file: updateManifest,
        args: [updateManifest],
        // Without inputs the step must stop at validation with exit 1 and a message naming the input.
        check: (status, output) =>
          status !== 1
            ? `exit ${status}, expected 1`
            : looksLikeCrash(output) || !/input/i.test(output)
              ? 'exit 1 but not the missing-input error'
              : null,
      },
      {
        // As GitHub runs it: the GitHub adapter's chunk (@actions/core's command modules) is loaded too.
        label: '`GITHUB_ACTIONS=true node dist/update-manifest/index.js` (no inputs)',
        file: updateManifest,
        args: [updateManifest],
        env: { GITHUB_ACTIONS: 'true' },
        check: (status, output) =>
          status !== 1
            ? `exit ${status}, expected 1`
            : looksLikeCrash(output) || !/::error::.*input/i.test(output)
              ? 'exit 1 but not the missing-input ::error::'
              : null,
      },
      {
        label: '`node dist/wait-argocd-healthy/index.js` (no inputs)',
        file: waitArgocd,
        args: [waitArgocd],
        // Like update-manifest: validation stops it (no server) before any request or client is made.
        check: (status, output) =>
          status !== 1
            ? `exit ${status}, expected 1`
            : looksLikeCrash(output) || !/input 'server'/i.test(output)
              ? "exit 1 but not the error about input 'server'"
              : null,
      },
      {
        label: '`node dist/cli/index.js --help`',
        file: cli,
        args: [cli, '--help'],
        check: (status, output) => (status !== 0 ? `exit ${status}` : looksLikeCrash(output) ? 'printed an error' : null),
      },
    ],
  };
}

/**
 * Starts each command `runs` times, interleaved and rotating the order each round, from an empty
 * temporary directory with only PATH and HOME set (plus the command's own `env`): no INPUT_*, no
 * NODE_OPTIONS inherited from npm or tsx, so the bundle sees what a fresh CI job would.
 */
export function measureColdStart(commands: readonly ColdCommand[], runs: number, warmup: number): ColdResult[] {
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'gitops-promote-bench-'));
  const env = { PATH: process.env['PATH'] ?? '/usr/local/bin:/usr/bin:/bin', HOME: cwd };
  const results: ColdResult[] = commands.map((command) => ({ command, samples: [], problem: null, firstOutputLine: '' }));
  try {
    for (let round = 0; round < warmup + runs; round++) {
      for (let k = 0; k < results.length; k++) {
        const result = results[(round + k) % results.length];
        if (!result || result.problem) continue;
        const start = process.hrtime.bigint();
        const run = spawnSync(process.execPath, result.command.args, { cwd, env: { ...env, ...result.command.env }, encoding: 'utf8' });
        const ns = Number(process.hrtime.bigint() - start);
        if (run.error) throw run.error;
        const output = `${run.stderr}${run.stdout}`;
        result.firstOutputLine = output.trim().split('\n')[0] ?? '';
        result.problem = result.command.check(run.status, output);
        if (round >= warmup) result.samples.push(ns);
      }
    }
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
  return results;
}

export function missingBundles(bundles: ReadonlyArray<{ file: string; label: string }>): string[] {
  return bundles.filter((b) => !existsSync(b.file)).map((b) => b.label);
}
