/**
 * open-promotion-pr promoting an environment (issue 23's figures): 100 images in 100 files in one
 * run, beside one image, each against a fresh GitLab fake (nock, a fixed latency per API request)
 * over a real bare repository reached by file://. Per situation: created (first run), unchanged
 * (the same run again), updated (staging moved every image on): API requests, writes, wall time.
 *
 * Run alone: `npx tsx bench/measure-environment-promotion.ts [latencyMs] [rounds]`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Writable } from 'node:stream';
import { TerminalPlatform } from '../packages/core/src/platform/terminal-platform';
import { readInputs } from '../packages/core/src/steps/inputs';
import { validateOpenPromotionPrInputs } from '../packages/core/src/steps/open-promotion-pr/config';
import { runOpenPromotionPr } from '../packages/core/src/steps/open-promotion-pr/run';
import { openPromotionPrSpec } from '../packages/core/src/steps/open-promotion-pr/spec';
import { testContext } from '../test/support/step-context';

const ORIGIN = 'https://gitlab.bench.example';
const PROJECT = 'acme/platform/envs';
const TOKEN = 'glpat-bench-0123456789abcdef';
const OPS = ['created', 'unchanged', 'updated'] as const;
const ENV: NodeJS.ProcessEnv = {
  PATH: process.env['PATH'],
  HOME: os.tmpdir(),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: os.devNull,
  GIT_TERMINAL_PROMPT: '0',
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@example.invalid',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@example.invalid',
};

const image = (index: number): string => `ghcr.io/acme/svc-${String(index).padStart(3, '0')}`;
const kustomization = (index: number, tag: string): string => `resources:\n  - deployment.yaml\nimages:\n  - name: ${image(index)}\n    newTag: "${tag}"\n`;

function git(dir: string, args: readonly string[]): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd: dir, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** staging and prod, `count` services each in its own folder; staging one version ahead. */
function createRepo(root: string, count: number): { bare: string; bumpStaging(tag: string): void } {
  const work = path.join(root, 'work');
  const bare = path.join(root, 'envs.git');
  const write = (environment: string, tag: string): void => {
    for (let index = 0; index < count; index++) {
      const dir = path.join(work, 'envs', environment, `svc-${index}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'kustomization.yaml'), kustomization(index, tag));
    }
  };
  mkdirSync(work, { recursive: true });
  git(work, ['init', '-q', '-b', 'main']);
  write('staging', '1.1.0');
  write('prod', '1.0.0');
  git(work, ['add', '-A']);
  git(work, ['commit', '-q', '-m', 'initial']);
  git(root, ['clone', '-q', '--bare', work, bare]);
  return {
    bare,
    bumpStaging(tag) {
      write('staging', tag);
      git(work, ['commit', '-q', '-am', `staging runs ${tag}`]);
      git(work, ['push', '-q', bare, 'main']);
    },
  };
}

export interface Sample {
  op: (typeof OPS)[number];
  requests: number;
  writes: number;
  wallMs: number;
  operation: string;
}

async function measure(count: number, latencyMs: number, scratch: string, round: number): Promise<Sample[]> {
  const { createGitLabApiFake } = await import('../test/support/gitlab-api-fake');
  const root = path.join(scratch, `n${count}-${round}`);
  mkdirSync(root);
  const repo = createRepo(root, count);
  const fake = createGitLabApiFake({ origin: ORIGIN, projectPath: PROJECT, projectId: 42, gitDir: repo.bare, token: TOKEN, users: [], latencyMs });
  const inputs = new Map([
    ['forge', 'gitlab'],
    ['repository', PROJECT],
    ['repository-url', pathToFileURL(repo.bare).href],
    ['api-url', `${ORIGIN}/api/v4`],
    ['token', TOKEN],
    ['files', 'envs/prod/*/kustomization.yaml'],
    ['source-files', 'envs/staging/*/kustomization.yaml'],
    // One image: the single-value mode, as promotions are made today; 100: the environment mode.
    count === 1 ? ['image', image(0)] : ['images', 'all'],
    ['environment', 'prod'],
    ['author-name', 'bench'],
    ['author-email', 'bench@example.invalid'],
  ] as Array<[string, string]>);
  const samples: Sample[] = [];
  try {
    for (const op of OPS) {
      if (op === 'updated') repo.bumpStaging('1.2.0');
      const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
      const platform = new TerminalPlatform(inputs, sink, sink);
      const before = fake.requests.length;
      const started = process.hrtime.bigint();
      const config = validateOpenPromotionPrInputs(readInputs(openPromotionPrSpec, platform), {});
      const result = await runOpenPromotionPr(config, platform, testContext({ fetch: globalThis.fetch, retryDelayScale: 0, backoff: { minDelayMs: 5, maxDelayMs: 40 }, env: {} }));
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      const requests = fake.requests.slice(before);
      samples.push({ op, requests: requests.length, writes: requests.filter((request) => request.method !== 'GET').length, wallMs, operation: result.operation });
    }
  } finally {
    fake.stop();
    rmSync(root, { recursive: true, force: true });
  }
  return samples;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

export type EnvironmentPromotionResults = Map<number, Sample[][]>;

/** 1 image and 100, interleaved per round (round 0 warms up and is not counted). */
export async function measureEnvironmentPromotion(options: { latencyMs: number; rounds: number; progress(message: string): void }): Promise<EnvironmentPromotionResults> {
  const { default: nock } = await import('nock');
  if (!nock.isActive()) nock.activate();
  nock.disableNetConnect();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'gitops-promote-env-promotion-'));
  const saved = { ...process.env };
  Object.assign(process.env, ENV);
  try {
    const results: EnvironmentPromotionResults = new Map();
    for (let round = 0; round <= options.rounds; round++) {
      options.progress(`environment promotion: round ${round} of ${options.rounds}${round === 0 ? ' (warm-up)' : ''}`);
      for (const count of round % 2 === 0 ? [1, 100] : [100, 1]) {
        const samples = await measure(count, options.latencyMs, scratch, round);
        if (round > 0) results.set(count, [...(results.get(count) ?? []), samples]);
      }
    }
    return results;
  } finally {
    process.env = saved;
    nock.cleanAll();
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function renderEnvironmentPromotion(results: EnvironmentPromotionResults, rounds: number, latencyMs: number): string {
  const wall = (count: number, index: number): number => median((results.get(count) ?? []).map((samples) => samples[index]?.wallMs ?? 0));
  const rows: string[] = [];
  for (const [count, runs] of results) {
    for (const [index, op] of OPS.entries()) {
      const first = runs[0]?.[index];
      rows.push(`| ${count} | ${op} | ${first?.operation ?? ''} | ${first?.requests ?? ''} | ${first?.writes ?? ''} | ${(wall(count, index) / 1000).toFixed(2)} s | ${(wall(count, index) / wall(1, index)).toFixed(2)}× |`);
    }
  }
  return [
    '## 10. An environment promotion: 100 images in 100 files in one run vs one image',
    '',
    `open-promotion-pr against the GitLab fake (${latencyMs} ms per request) over a real bare repository (file://); one image in today's single-value mode, 100 with \`images: all\`; median of ${rounds} rounds, interleaved. Targets: the 100-image PR costs the requests of one image plus a constant; no write when unchanged; wall at most 2× one image's plus the edit time.`,
    '',
    `| Images | Situation | Operation | API requests | writes | wall | vs 1 image |`,
    '| ---: | --- | --- | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const latencyMs = Number(process.argv[2] ?? 50);
  const rounds = Number(process.argv[3] ?? 3);
  const results = await measureEnvironmentPromotion({ latencyMs, rounds, progress: (message) => process.stderr.write(`${message}\n`) });
  console.log(renderEnvironmentPromotion(results, rounds, latencyMs));
}

// Run alone, it prints its table; imported by bench/run.ts, it only measures.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
