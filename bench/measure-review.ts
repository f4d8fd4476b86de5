/**
 * The promotion body's review sections (issue 22) against today's body: one promotion created,
 * then run again unchanged, in-process against the stateful GitHub fake (nock), the Argo CD
 * simulator on 127.0.0.1 and real git. Per situation: forge requests and writes, Argo CD requests,
 * wall time; the review's figures beside today's, measured in the same rounds (interleaved).
 *
 * Run alone: `npx tsx bench/measure-review.ts` prints the section's table.
 */
import path from 'node:path';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import nock from 'nock';
import { ArgoCdSimulator } from '../packages/argocd-simulator/src';
import { TerminalPlatform } from '../packages/core/src/platform/terminal-platform';
import { validateOpenPromotionPrInputs, type OpenPromotionPrInputs } from '../packages/core/src/steps/open-promotion-pr/config';
import { runOpenPromotionPr } from '../packages/core/src/steps/open-promotion-pr/run';
import { openPromotionPrSpec } from '../packages/core/src/steps/open-promotion-pr/spec';
import { createTestRepo } from '../test/support/argocd-git-repo';
import { createGitHubApiFake } from '../test/support/github-api-fake';
import { testContext } from '../test/support/step-context';
import { ratio, table } from './markdown';
import { median } from './stats';

const TOKEN = 'bench-forge-token-0123';
const ARGOCD_TOKEN = 'bench-argocd-token-4567';
const IMAGE = 'ghcr.io/acme/app';
const kustomization = (tag: string) => `resources:\n  - deployment.yaml\nimages:\n  - name: ${IMAGE}\n    newTag: "${tag}"\n  - name: ghcr.io/acme/worker\n    newTag: "${tag}"\n`;
const deployment = (env: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n  namespace: ${env}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ${IMAGE}:0\n        - name: worker\n          image: ghcr.io/acme/worker:0\n`;

export const REVIEW_METHODS = ['today', 'review'] as const;
type Method = (typeof REVIEW_METHODS)[number];
type Situation = 'created' | 'unchanged';

export interface ReviewSample {
  method: Method;
  situation: Situation;
  forgeRequests: number;
  forgeWrites: number;
  argocdRequests: number;
  wallMs: number;
  bodyCharacters: number;
}

/** A stream that drops what the step logs: the bench prints only its table. */
function silent(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}

/** One round of one method: a fresh environment and application repository, simulator and fake. */
async function round(method: Method): Promise<ReviewSample[]> {
  const app = await createTestRepo({ 'README.md': 'app\n' });
  await app.git(['tag', '1.4.1']);
  for (let i = 0; i < 5; i++) await app.commit({ [`change-${i}.txt`]: `${i}\n` }, `Change ${i} (#${100 + i})`);
  await app.git(['tag', '1.4.2']);
  const envs = await createTestRepo({ 'envs/staging/kustomization.yaml': kustomization('1.4.2'), 'envs/staging/deployment.yaml': deployment('staging'), 'envs/prod/kustomization.yaml': kustomization('1.4.1'), 'envs/prod/deployment.yaml': deployment('prod') });
  const sim = await ArgoCdSimulator.start({
    tokens: [ARGOCD_TOKEN],
    reconcileIntervalMs: 0,
    timings: { syncMs: 10, rolloutMs: 10 },
    apps: ['staging', 'prod'].map((env) => ({ name: `app-${env}`, source: { repoPath: envs.dir, targetRevision: 'main', path: `envs/${env}` } })),
  });
  const fake = createGitHubApiFake({ origin: 'https://api.github.bench', owner: 'acme', repo: 'envs', gitDir: path.join(envs.dir, '.git'), token: TOKEN, sourceRepositories: { 'acme/app': path.join(app.dir, '.git') } });
  try {
    for (const env of ['staging', 'prod']) await sim.waitFor(`app-${env}`, (state) => state.status.sync.status === 'Synced' && state.status.health.status === 'Healthy');
    const inputs: OpenPromotionPrInputs = {
      ...(Object.fromEntries(openPromotionPrSpec.inputs.map((input) => [input.name, ''])) as OpenPromotionPrInputs),
      forge: 'github',
      repository: 'acme/envs',
      'repository-url': envs.dir,
      'api-url': 'https://api.github.bench',
      token: TOKEN,
      image: IMAGE,
      'source-files': 'envs/staging/kustomization.yaml',
      files: 'envs/prod/kustomization.yaml',
      environment: 'prod',
      ...(method === 'review' ? { 'source-repository': 'acme/app', 'argocd-server': sim.url, 'argocd-application': 'app-prod', 'source-application': 'app-staging', 'argocd-token': ARGOCD_TOKEN } : {}),
    };
    const samples: ReviewSample[] = [];
    for (const situation of ['created', 'unchanged'] as const) {
      const requests = fake.requests.length;
      const writes = fake.writes();
      const argocd = Object.values(sim.requestCounts()).reduce((total, count) => total + count, 0);
      const platform = new TerminalPlatform(new Map(), silent(), silent());
      const start = process.hrtime.bigint();
      const result = await runOpenPromotionPr(validateOpenPromotionPrInputs(inputs, {}), platform, testContext({ fetch: globalThis.fetch, retryDelayScale: 0 }));
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      if (result.operation !== situation) throw new Error(`${method}: expected ${situation}, got ${result.operation}`);
      samples.push({
        method,
        situation,
        forgeRequests: fake.requests.length - requests,
        forgeWrites: fake.writes() - writes,
        argocdRequests: Object.values(sim.requestCounts()).reduce((total, count) => total + count, 0) - argocd,
        wallMs,
        bodyCharacters: fake.pulls[0]?.body?.length ?? 0,
      });
    }
    return samples;
  } finally {
    fake.stop();
    nock.cleanAll();
    await sim.close();
    await envs.remove();
    await app.remove();
  }
}

export async function measureReview(options: { rounds: number; progress(message: string): void }): Promise<ReviewSample[][]> {
  // An earlier section may have restored http (nock.restore()): the fake needs nock active again.
  if (!nock.isActive()) nock.activate();
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  const rounds: ReviewSample[][] = [];
  for (let index = 0; index < options.rounds; index++) {
    options.progress(`review: round ${index + 1} of ${options.rounds}`);
    // Interleaved, starting with another method each round, so drift falls on both alike.
    const order = index % 2 === 0 ? REVIEW_METHODS : [...REVIEW_METHODS].reverse();
    const samples: ReviewSample[] = [];
    for (const method of order) samples.push(...(await round(method)));
    rounds.push(samples);
  }
  return rounds;
}

export function renderReview(rounds: readonly ReviewSample[][]): string {
  const all = rounds.flat();
  const pick = (method: Method, situation: Situation, field: keyof Omit<ReviewSample, 'method' | 'situation'>): number =>
    median(all.filter((sample) => sample.method === method && sample.situation === situation).map((sample) => sample[field]));
  const rows = (['created', 'unchanged'] as const).flatMap((situation) =>
    REVIEW_METHODS.map((method) => [
      situation,
      method === 'today' ? "today's body" : 'all four sections',
      String(pick(method, situation, 'forgeRequests')),
      String(pick(method, situation, 'forgeWrites')),
      String(pick(method, situation, 'argocdRequests')),
      String(pick(method, situation, 'bodyCharacters')),
      pick(method, situation, 'wallMs').toFixed(0),
      ratio(pick(method, situation, 'wallMs') / pick('today', situation, 'wallMs')),
    ]),
  );
  return [
    '## 9. The promotion body with its review sections vs today\'s',
    '',
    `Median of ${rounds.length} rounds, in process: a promotion created, then run again unchanged, against the GitHub fake (nock), the Argo CD simulator and real git; "all four sections" adds \`argocd-server\`, \`argocd-application\`, \`source-application\` and \`source-repository\` (5 commits between the tags). Targets: at most 2 more Argo CD requests per target app and 1 per source app, at most 2 more forge requests for the changelog, and no write on the unchanged rerun.`,
    '',
    table(['situation', 'body', 'forge requests', 'forge writes', 'Argo CD requests', 'body characters', 'wall (ms)', 'vs today'], rows, ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right']),
    '',
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rounds = await measureReview({ rounds: 3, progress: (message) => process.stderr.write(`${message}\n`) });
  console.log(renderReview(rounds));
}
