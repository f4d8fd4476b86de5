import { code, mark, ms, ratio, table } from './markdown';
import {
  BRANCH,
  EXTRA_LABEL,
  IMAGE,
  PROMOTION_OPS,
  REVIEWER,
  TAGS,
  seedScript,
  type PromotionBench,
  type PromotionMethod,
  type PromotionOp,
  type PromotionSample,
} from './measure-promotion';
import { median } from './stats';

/** The targets for the step: a rerun writes nothing in at most 3 requests; opening takes at most 8. */
export const TARGET_UNCHANGED_REQUESTS = 3;
export const TARGET_CREATED_REQUESTS = 8;

const SITUATION: Record<PromotionOp, string> = {
  created: `created (prod ${TAGS.prod}, staging ${TAGS.staging}, no MR)`,
  unchanged: 'unchanged (the same run again)',
  updated: `updated (staging moved to ${TAGS.next})`,
};

/** A figure that is the same in every round prints once; one that varies prints as its range. */
function spread(values: readonly number[]): string {
  if (values.length === 0) return 'n/a';
  const low = Math.min(...values);
  const high = Math.max(...values);
  return low === high ? String(low) : `${low}–${high}`;
}

function distinct(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => (counts.size === 1 ? value : `${value} (×${count})`)).join('; ');
}

function target(method: PromotionMethod, op: PromotionOp, samples: readonly PromotionSample[]): { text: string; met: string } {
  if (op === 'unchanged') {
    const met = samples.every((s) => s.writes === 0 && !s.branchMoved && s.requests <= TARGET_UNCHANGED_REQUESTS && (method === 'seed' || s.ok));
    return { text: `no write, no push, ≤ ${TARGET_UNCHANGED_REQUESTS} requests`, met: mark(met) };
  }
  if (op === 'created') {
    const met = samples.every((s) => s.requests <= TARGET_CREATED_REQUESTS && s.ok);
    return { text: `≤ ${TARGET_CREATED_REQUESTS} requests`, met: mark(met) };
  }
  return { text: '—', met: '' };
}

function row(method: PromotionMethod, op: PromotionOp, samples: readonly PromotionSample[], seedMedian: number | undefined, flavour: string): string[] {
  const walls = samples.map((s) => s.wallNs);
  const wall = median(walls);
  const { text, met } = target(method, op, samples);
  const moved = samples.filter((s) => s.branchMoved).length;
  return [
    SITUATION[op],
    method === 'seed' ? `seed script: clone, ${flavour}, commit, push --force, curl (baseline)` : '`runOpenPromotionPr`',
    String(samples.length),
    distinct(samples.map((s) => s.outcome)),
    spread(samples.map((s) => s.requests)),
    spread(samples.map((s) => s.writes)),
    `${spread(samples.map((s) => s.gitCommands))} (${spread(samples.map((s) => s.gitSessions))})`,
    moved === 0 ? 'no' : moved === samples.length ? 'yes' : `${moved} of ${samples.length}`,
    spread(samples.map((s) => s.openMergeRequests)),
    ms(wall),
    `${ms(Math.min(...walls))} – ${ms(Math.max(...walls))}`,
    method === 'seed' ? '1.00×' : seedMedian !== undefined ? ratio(wall / seedMedian) : 'n/a',
    text,
    met,
  ];
}

/** The requests and remote git commands of one run; a sequence that differed between rounds is listed per variant. */
function callList(samples: readonly PromotionSample[]): string {
  const api = distinct(samples.map((s) => (s.calls.length === 0 ? '(none)' : s.calls.map((call) => code(call)).join(', '))));
  const git = distinct(samples.map((s) => (s.gitRemote.length === 0 ? '(none)' : s.gitRemote.map((command) => code(command)).join(', '))));
  return `API ${api}; git ${git}`;
}

export function renderPromotion(bench: PromotionBench): string {
  const flavour = bench.yqFlavour === 'python' ? '`yq -y -i` (jq wrapper)' : bench.yqFlavour === 'mikefarah' ? '`yq -i` (mikefarah)' : 'yq';
  const rows: string[][] = [];
  const calls: string[] = [];
  for (const op of PROMOTION_OPS) {
    const seed = bench.samples.seed[op];
    const step = bench.samples.step[op];
    const seedMedian = seed.length > 0 ? median(seed.map((s) => s.wallNs)) : undefined;
    if (seed.length > 0) {
      rows.push(row('seed', op, seed, seedMedian, flavour));
      calls.push(`  - ${op}, seed script: ${callList(seed)}`);
    }
    if (step.length > 0) {
      rows.push(row('step', op, step, seedMedian, flavour));
      calls.push(`  - ${op}, step: ${callList(step)}`);
    }
  }
  const notes: string[] = [];
  if (bench.seedSkipped) notes.push(`The seed column is skipped: ${bench.seedSkipped}.`);
  if (bench.problem) notes.push(`**${bench.problem}**`);
  const seedCreated = bench.samples.seed.created[0];
  const stepCreated = bench.samples.step.created[0];
  const seedTitle = bench.samples.seed.updated[0]?.title;
  const stepTitle = bench.samples.step.updated[0]?.title;
  if (seedTitle !== undefined && stepTitle !== undefined) {
    notes.push(`After "updated" the open MR's title is ${code(stepTitle)} with the step and ${code(seedTitle)} with the seed script (its POST was refused, so the MR still names the old value while the branch holds the new one).`);
  }
  if (seedCreated && stepCreated) {
    notes.push(
      `Prod's file on the branch against main (lines added / removed): ${stepCreated.prodDiff} with the step, ${seedCreated.prodDiff} with the seed script (${bench.yqFlavour === 'python' ? 'PyYAML rewrites the file: the comments go and the quotes change' : 'yq re-serialises the file'}).`,
    );
  }
  return [
    '## 6. open-promotion-pr vs the seed script',
    '',
    table(
      [
        'situation',
        'method',
        'rounds',
        'outcome',
        'API requests',
        'writes (non-GET)',
        'git commands (remote sessions)',
        'branch pushed',
        'open MRs after',
        'wall time, median',
        'min – max',
        '÷ seed',
        'target',
        'met',
      ],
      rows,
      ['left', 'left', 'right', 'left', 'right', 'right', 'right', 'left', 'right', 'right', 'right', 'right', 'left', 'left'],
    ),
    '',
    `- Scenario: a GitLab project (the nock fake of test/support/gitlab-api-fake.ts, ${bench.latencyMs} ms before every API answer) whose repository is a real bare repository, cloned and pushed over \`file://\` (git itself gets no simulated latency: its remote sessions are counted instead, one per ls-remote, fetch, clone or push). main holds \`envs/staging/kustomization.yaml\` at ${TAGS.staging} and \`envs/prod/kustomization.yaml\` at ${TAGS.prod} for ${code(IMAGE)}. Each method gets a fresh repository and fake per round (${bench.rounds} rounds, the methods' order alternating), then runs three times: created, unchanged (the same run again), updated (staging moved to ${TAGS.next} on main first). Wall times are per run; counts are ranges over the rounds.`,
    `- The step: \`runOpenPromotionPr\` in process with inputs read through its spec as the CLI does (\`platform: gitlab\`, \`source-files\` staging, \`files\` prod, \`labels: ${EXTRA_LABEL}\`, \`reviewers: ${REVIEWER.username}\`, branch ${code(BRANCH)}), the fake reached through nock, retry waits scaled to 0.`,
    `- The seed script (bash, as a child process, with curl through a 127.0.0.1 relay to the fake): each run a later commit date, as a rerun minutes later would have (in the same second git would rebuild the identical commit and push nothing). Its labels and the reviewer's numeric id go into the one POST, hard-coded:`,
    '',
    '```bash',
    seedScript(bench.yqFlavour ?? 'python').trimEnd(),
    '```',
    '',
    '- "writes" counts every non-GET request, refused ones included (a 409 is an attempted write); "branch pushed": the branch tip in the repository changed. "git commands" are top-level git processes, from GIT_TRACE2_EVENT.',
    '- What each run sent: API requests (path relative to /api/v4; body keys of writes; → status), then the git commands that reached the remote (‹branch› is the promotion branch):',
    ...calls,
    ...notes.map((note) => `- ${note}`),
    '',
  ].join('\n');
}
