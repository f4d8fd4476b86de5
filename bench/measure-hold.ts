/**
 * The hold's read cost against the length of the history: one environment repository with a
 * rollback record, read with 0 and with 2,000 commits on top of the rollback (made with git
 * fast-import; each changes another environment's file, the common case in a shared repository).
 * Beside it, the read the hold replaced (the last 200 commits touching the files, which walks the
 * whole history when fewer than 200 touch them). Ratios, not absolute times, are the point.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { GitRepository } from '../packages/core/src/git/git-repository';
import { HOLD_FILE, formatHolds, readHold } from '../packages/core/src/promotion/hold';
import { ratio, table } from './markdown';

const FILE = 'envs/prod/kustomization.yaml';
const IMAGE = 'ghcr.io/acme/payments';
const kustomization = (tag: string) => `images:\n  - name: ${IMAGE}\n    newTag: "${tag}"\n`;
const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@example.invalid', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@example.invalid' };

export interface HoldMeasurement {
  commits: number;
  holdMs: number;
  oldReadMs: number;
}

function git(dir: string, args: readonly string[], input?: string): string {
  return execFileSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8', ...(input !== undefined ? { input } : {}) });
}

/** A repository whose last file change is a rollback (with its record), then `extra` commits to dev. */
async function repository(dir: string, extra: number): Promise<void> {
  git(dir, ['init', '--quiet', '--initial-branch=main']);
  await mkdir(path.join(dir, 'envs/prod'), { recursive: true });
  await mkdir(path.join(dir, '.gitops-promote'), { recursive: true });
  await writeFile(path.join(dir, FILE), kustomization('1.4.1'));
  await writeFile(
    path.join(dir, HOLD_FILE),
    formatHolds([{ id: '0123456789abcdef', image: IMAGE, files: [FILE], value: '1.5.0', to: '1.4.1', reason: 'bench', at: new Date(0).toISOString() }]),
  );
  git(dir, ['add', '-A']);
  git(dir, ['commit', '--quiet', '-m', 'rollback']);
  if (extra === 0) return;
  const commands: string[] = [];
  for (let i = 0; i < extra; i++) {
    const content = kustomization(`2.0.${i}`);
    commands.push('commit refs/heads/main', `committer b <b@example.invalid> ${1_700_000_000 + i} +0000`, `data ${`dev ${i}`.length}`, `dev ${i}`);
    if (i === 0) commands.push('from refs/heads/main^0');
    commands.push('M 100644 inline envs/dev/kustomization.yaml', `data ${Buffer.byteLength(content)}`, content, '');
  }
  git(dir, ['fast-import', '--quiet'], `${commands.join('\n')}\n`);
}

async function median(rounds: number, task: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    await task();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

export async function measureHold(options: { histories: readonly number[]; rounds: number; progress(message: string): void }): Promise<HoldMeasurement[]> {
  const results: HoldMeasurement[] = [];
  for (const commits of options.histories) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gitops-promote-bench-hold-'));
    try {
      options.progress(`hold: ${commits} commits of history`);
      await repository(dir, commits);
      const repo = new GitRepository(dir);
      const rev = git(dir, ['rev-parse', 'HEAD']).trim();
      const request = { repo, remote: 'origin', branch: undefined, rev, files: [FILE], target: { mode: 'image' as const, name: IMAGE }, info: () => undefined };
      const holdMs = await median(options.rounds, async () => {
        if (!(await readHold(request)).find('1.5.0')) throw new Error('the hold did not hold');
      });
      const oldReadMs = await median(options.rounds, () => repo.commitsTouching(rev, [FILE], 200));
      results.push({ commits, holdMs, oldReadMs });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return results;
}

export function renderHold(results: readonly HoldMeasurement[], rounds: number): string {
  const base = results[0];
  const versus = (value: number, of: number | undefined): string => (of ? ratio(value / of) : 'n/a');
  const rows = results.map((r) => [String(r.commits), r.holdMs.toFixed(1), versus(r.holdMs, base?.holdMs), r.oldReadMs.toFixed(1), versus(r.oldReadMs, base?.oldReadMs)]);
  return [
    '## 7. The hold: read cost against history length',
    '',
    `Median of ${rounds} reads of the hold (the record file at the tip, plus the trailers of the branch's last 200 commits) with N commits after the rollback, each changing another environment's file. Beside it, the read it replaced (the last 200 commits touching the files). Target: from 200 commits on (the trailer window full) the hold's read stays flat, whatever the length.`,
    '',
    table(['commits after the rollback', 'hold read (ms)', 'vs 0', 'old read (ms)', 'vs 0'], rows, ['right', 'right', 'right', 'right', 'right']),
    '',
  ].join('\n');
}
