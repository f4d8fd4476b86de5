import { mark, ms, ratio, table } from './markdown';
import { APP_SPREAD_MS, POLL_INTERVAL_MS, SELECTOR, SYNC_MS, type WaitSample, type WaitScenarioResult, type WaitTreeSample } from './measure-wait';
import { median } from './stats';

/** The issue's targets for the step: a verdict within half a second, and a quiet connection while streaming. */
export const TARGET_VERDICT_LATENCY_NS = 0.5e9;
export const TARGET_REQUESTS_PER_MINUTE_STREAMING = 3;

const perMinute = (requests: number, durationMs: number): number => (durationMs > 0 ? requests / (durationMs / 60_000) : Number.NaN);

interface Figures {
  latency: number;
  minLatency: number;
  maxLatency: number;
  waited: number;
  requests: number;
  rate: number;
  steadyRate: number;
  steadyRequests: number;
}

function figures(samples: readonly WaitSample[]): Figures {
  const latencies = samples.map((s) => s.latencyNs);
  return {
    latency: median(latencies),
    minLatency: Math.min(...latencies),
    maxLatency: Math.max(...latencies),
    waited: median(samples.map((s) => s.waitedMs * 1e6)),
    requests: median(samples.map((s) => s.requests)),
    rate: median(samples.map((s) => perMinute(s.requests, s.waitedMs))),
    steadyRate: median(samples.map((s) => perMinute(s.steadyRequests, s.steadyMs))),
    steadyRequests: median(samples.map((s) => s.steadyRequests)),
  };
}

/** Signed: a method that returned before the final state shows how much too early. */
function latency(ns: number): string {
  return ns < 0 ? `−${ms(-ns)}` : ms(ns);
}

/** A ratio far below 1 (the step's latency over the loop's) keeps two significant digits instead of reading 0.00×. */
const share = (value: number): string => (Number.isFinite(value) && value > 0 && value < 0.1 ? `${value.toPrecision(2)}×` : ratio(value));

const rate = (value: number): string => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 0) : 'n/a');

export function renderWait(results: readonly WaitScenarioResult[], rounds: number): string {
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const result of results) {
    const apps = `${result.apps} app${result.apps === 1 ? '' : 's'}`;
    if (result.problem) notes.push(`${apps}: **${result.problem}**`);
    if (result.samples.poll.length === 0 || result.samples.step.length === 0) continue;
    const poll = figures(result.samples.poll);
    const step = figures(result.samples.step);
    rows.push([
      apps,
      `curl loop every ${POLL_INTERVAL_MS / 1000} s (baseline)`,
      String(result.samples.poll.length),
      ms(poll.waited),
      latency(poll.latency),
      `${latency(poll.minLatency)} – ${latency(poll.maxLatency)}`,
      '1.00×',
      String(poll.requests),
      rate(poll.rate),
      rate(poll.steadyRate),
      '1.00×',
      '—',
      '',
    ]);
    const polled = result.samples.step.filter((s) => s.mode !== 'stream').length;
    const met = step.latency <= TARGET_VERDICT_LATENCY_NS && step.steadyRate <= TARGET_REQUESTS_PER_MINUTE_STREAMING && polled === 0;
    rows.push([
      apps,
      `\`runWaitArgocdHealthy\`, ${polled === 0 ? 'streamed' : `**fell back to polling in ${polled} round(s)**`}`,
      String(result.samples.step.length),
      ms(step.waited),
      latency(step.latency),
      `${latency(step.minLatency)} – ${latency(step.maxLatency)}`,
      share(step.latency / poll.latency),
      String(step.requests),
      rate(step.rate),
      `${rate(step.steadyRate)} (${step.steadyRequests} request${step.steadyRequests === 1 ? '' : 's'})`,
      share(step.steadyRate / poll.steadyRate),
      `latency ≤ ${TARGET_VERDICT_LATENCY_NS / 1e9} s; ≤ ${TARGET_REQUESTS_PER_MINUTE_STREAMING}/min while streaming`,
      mark(met),
    ]);
    const early = result.samples.poll.filter((s) => s.latencyNs < 0).length;
    if (early > 0) notes.push(`${apps}: the poll loop returned **before** every app ran the commit in ${early} round(s) (it checks no revision).`);
  }
  const rollouts = results[0]?.rolloutsMs.map((r) => `${(r / 1000).toFixed(1)} s`).join(', ') ?? 'n/a';
  return [
    '## 5. wait-argocd-healthy vs a poll loop',
    '',
    table(
      [
        'apps',
        'method',
        'rounds',
        'waited, median',
        'verdict latency, median',
        'min – max',
        '÷ poll loop',
        'requests, median',
        'per min of waiting',
        'per min while watching',
        '÷ poll loop',
        'target',
        'met',
      ],
      rows,
      ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left', 'left'],
    ),
    '',
    `- Scenario, per round: the Argo CD simulator with that many auto-sync Applications, all tracking one path of one git repository and labelled \`${SELECTOR}\`; one commit pushed that every app must reach. Argo CD is told at once, in process (as a webhook on the push would), so it compares the new commit before either method looks; neither wait then depends on Argo CD's 3-minute git polling.`,
    `- Scaled to stay a few minutes: sync ${(SYNC_MS / 1000).toFixed(0)} s, then a rollout, together ${rollouts} in the ${rounds} rounds (the last app; each earlier app ${APP_SPREAD_MS} ms sooner). The offsets spread where the final state falls within the poll loop's ${POLL_INTERVAL_MS / 1000} s interval evenly over it, so the loop's median latency is its expected value (about half an interval) rather than luck of the phase.`,
    '- Each method has its own simulator, started and driven identically in the same round, so every request a simulator counts is that method\'s. Both wait at the same time, in this process.',
    '- Verdict latency: from the simulator\'s change feed (`onChange`) showing the last app running the commit (no operation, Synced and Healthy at it, the last sync Succeeded for it and compared after), to the method returning. It includes the simulator writing the watch event and the step parsing it.',
    `- The step: \`runWaitArgocdHealthy\` with \`selector: ${SELECTOR}\`, \`revision\` set, default \`refresh: normal\` and stream timings, logs discarded. It lists the apps, reads each once with a refresh, then opens one watch; "per min while watching" counts from that watch request on (in brackets: how many requests that was, the watch itself included; 1 means no reconnect and no polling, so the rate is just 60 s ÷ the watch's length), "per min of waiting" the whole wait including the reads.`,
    `- The baseline: for each app not yet ready, \`GET /api/v1/applications/$APP\` (fetch, as \`curl -s … | jq\`), until health is Healthy and sync Synced; \`sleep ${POLL_INTERVAL_MS / 1000}\` between passes. It polls from the start, so both of its rates are the same.`,
    ...notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
}

/** The app-of-apps rows: requests per minute while waiting on a parent with its children, and verdict latency. */
export function renderWaitTree(samples: readonly WaitTreeSample[]): string {
  if (samples.length === 0) return '';
  const children = samples[0]?.children ?? 0;
  const rate = median(samples.map((s) => perMinute(s.steadyRequests, s.steadyMs)));
  const worstLatency = Math.max(...samples.map((s) => s.latencyNs));
  const streams = Math.max(...samples.map((s) => s.streams));
  return [
    `### App of apps: a parent with ${children} children (\`children: true\`), ${samples.length} round(s)`,
    '',
    table(
      ['Figure', 'Measured', 'Target', 'Met'],
      [
        ['Requests per minute while waiting (median)', rate.toFixed(2), `≤ ${TARGET_REQUESTS_PER_MINUTE_STREAMING}`, mark(rate <= TARGET_REQUESTS_PER_MINUTE_STREAMING)],
        ['Verdict latency after the last child is final (worst)', latency(worstLatency), `≤ ${ms(TARGET_VERDICT_LATENCY_NS)}`, mark(worstLatency <= TARGET_VERDICT_LATENCY_NS)],
        ['Watch streams opened (worst)', String(streams), 'not one per child', mark(streams < children)],
      ],
      ['left', 'right', 'right', 'left'],
    ),
    '',
  ].join('\n');
}
