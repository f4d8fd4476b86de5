/**
 * wait-argocd-healthy's summary table and `result` output for many apps, on a clock that moves only
 * when the scripted stream says so: each app's time to healthy is known exactly, never measured.
 */
import { describe, expect, it } from 'vitest';
import type { Application, ApplicationWatchEvent, ArgoCdClient } from '../../packages/core/src/argocd';
import { parseApplication } from '../../packages/core/src/argocd/parse';
import { commitWebUrl } from '../../packages/core/src/forge/web-url';
import { WAIT_TIMINGS, type WaitContext } from '../../packages/core/src/steps/wait-argocd-healthy/context';
import { ApplicationNotReadyError } from '../../packages/core/src/steps/wait-argocd-healthy/run';
import { waitArgocdHealthySpec } from '../../packages/core/src/steps/wait-argocd-healthy/spec';
import { waitArgocdHealthyStep } from '../../packages/core/src/steps/wait-argocd-healthy/step';
import { FakePlatform } from '../support/fake-platform';

const HOST = 'argocd.test';
const SHA = '0123456789abcdef0123456789abcdef01234567';
const START = Date.parse('2026-01-01T10:00:00Z');

type Health = 'Progressing' | 'Healthy' | 'Degraded';

/** An app at the awaited commit, read through the real parser. */
function application(name: string, namespace: string, repoURL: string, health: Health, resourceVersion: string, message?: string): Application {
  return parseApplication(
    {
      metadata: { name, namespace, resourceVersion, labels: { env: 'prod' } },
      spec: { project: 'default', source: { repoURL, path: name, targetRevision: 'main' } },
      status: { sync: { status: 'Synced', revision: SHA }, health: { status: health, ...(message ? { message } : {}) } },
    },
    'test',
  );
}

/** The apps of one environment: three named in `application`, two more found by the selector. */
const APPS = {
  web: ['argocd', 'https://github.com/acme/environments.git'],
  api: ['argocd', 'https://deploy:s3cr3t-pass@gitlab.com/acme/environments.git'],
  worker: ['team-b', 'https://git.example.com/deploy.git'],
  zeta: ['argocd', 'git@github.com:acme/environments.git'],
  alpha: ['team-c', 'https://github.com/acme/environments'],
} as const;
type AppName = keyof typeof APPS;
// worker's rollout explains itself at length: the table cuts it short, its section has it whole.
const STUCK = 'Waiting for rollout to finish: 1 of 3 updated replicas are available, the others cannot pull their image';
const app = (name: AppName, health: Health, version: string): Application =>
  application(name, APPS[name][0], APPS[name][1], health, version, name === 'worker' ? STUCK : undefined);

/**
 * Every app Progressing when first read; then the stream reports, at its second: api Healthy at
 * 5 s, web at 42 s, alpha at 1m 30s, and zeta Degraded at 2m 0s, which fails the wait. worker never
 * gets there. The selector lists zeta before alpha, and the events come in neither input nor name order.
 */
function environmentClient(): { client: ArgoCdClient; clock: { now: number } } {
  const clock = { now: START };
  const timeline: { at: number; app: Application }[] = [
    { at: 5_000, app: app('api', 'Healthy', '2') },
    { at: 42_000, app: app('web', 'Healthy', '3') },
    { at: 90_000, app: app('alpha', 'Healthy', '4') },
    { at: 120_000, app: app('zeta', 'Degraded', '5') },
  ];
  const client = {
    host: HOST,
    hasAnswered: true,
    getApplication: (name: AppName) => Promise.resolve(app(name, 'Progressing', '1')),
    listApplications: () => Promise.resolve({ items: [app('zeta', 'Progressing', '1'), app('alpha', 'Progressing', '1')] }),
    async *watch(): AsyncGenerator<ApplicationWatchEvent> {
      for (const { at, app: next } of timeline) {
        clock.now = START + at;
        yield { type: 'MODIFIED', application: next };
      }
      await new Promise(() => undefined);
    },
    resourceTree: () =>
      Promise.resolve({ nodes: [{ kind: 'Deployment', namespace: 'payments', name: 'zeta', health: { status: 'Degraded', message: 'Deployment "zeta" exceeded its progress deadline' } }], orphanedNodes: [] }),
    close: () => Promise.resolve(),
  };
  return { client: client as unknown as ArgoCdClient, clock };
}

function fakeTimeContext(client: ArgoCdClient, clock: { now: number }): WaitContext {
  return {
    timings: WAIT_TIMINGS,
    now: () => clock.now,
    sleep: (ms) => {
      clock.now += ms;
      return Promise.resolve();
    },
    connect: () => Promise.resolve(client),
    onCancel: () => () => undefined,
  };
}

function platform(): FakePlatform {
  const inputs = new Map<string, string>(waitArgocdHealthySpec.inputs.map((input) => [input.name, '']));
  const given = { server: `https://${HOST}`, token: 'not-a-real-token', application: 'web, api, team-b/worker', selector: 'env=prod', revision: SHA, timeout: '10m', refresh: 'none' };
  for (const [key, value] of Object.entries(given)) inputs.set(key, value);
  return new FakePlatform(inputs);
}

async function runEnvironment(): Promise<FakePlatform> {
  const { client, clock } = environmentClient();
  const step = platform();
  const error = await waitArgocdHealthyStep(step, fakeTimeContext(client, clock)).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ApplicationNotReadyError);
  expect((error as Error).message).toMatch(/^zeta: /);
  return step;
}

describe('wait-argocd-healthy summary for many apps', () => {
  it('one row per app in input order then by name: namespace when not the default, linked short commit, time to healthy, the cause of a failure', async () => {
    const step = await runEnvironment();
    const summary = step.summaries.join('\n');
    const rows = summary.split('\n').filter((line) => line.startsWith('| '));
    const table = rows.slice(0, rows.indexOf('| Health | Sync | Revision | Operation | Waited |'));
    const short = '`0123456`';
    expect(table).toEqual([
      '| Application | Outcome | Health | Sync | Revision | Healthy after | Cause |',
      '| --- | --- | --- | --- | --- | ---: | --- |',
      `| web | ready | Healthy | Synced | [${short}](https://github.com/acme/environments/commit/${SHA}) | 42s |  |`,
      `| api | ready | Healthy | Synced | [${short}](https://gitlab.com/acme/environments/-/commit/${SHA}) | 5s |  |`,
      `| team-b/worker | not ready | Progressing | Synced | ${short} | - | \`health is Progressing: Waiting for rollout to finish: 1 of 3 updated replicas…\` |`,
      `| team-c/alpha | ready | Healthy | Synced | [${short}](https://github.com/acme/environments/commit/${SHA}) | 1m 30s |  |`,
      `| zeta | failed | Degraded | Synced | [${short}](https://github.com/acme/environments/commit/${SHA}) | - | \`health is Degraded after 0123456 was applied\` |`,
    ]);
    expect(summary).toContain(`worker: health is Progressing: ${STUCK}`);
    // The password in api's repoURL reaches no link, output or line.
    for (const text of [summary, step.lines.join('\n'), ...step.outputs.values()]) expect(text).not.toContain('s3cr3t-pass');
  });

  it('result keeps one machine-readable entry per app, in the same order, with its namespace, commit page and ms to healthy', async () => {
    const step = await runEnvironment();
    const result = JSON.parse(step.outputs.get('result') ?? '{}') as Record<string, { namespace: string; outcome: string; revisionUrl: string; healthyAfterMs: number | null }>;
    expect(Object.keys(result)).toEqual(['web', 'api', 'team-b/worker', 'alpha', 'zeta']);
    const brief = Object.fromEntries(Object.entries(result).map(([label, report]) => [label, [report.namespace, report.outcome, report.healthyAfterMs, report.revisionUrl]]));
    expect(brief).toEqual({
      web: ['argocd', 'success', 42_000, `https://github.com/acme/environments/commit/${SHA}`],
      api: ['argocd', 'success', 5_000, `https://gitlab.com/acme/environments/-/commit/${SHA}`],
      'team-b/worker': ['team-b', 'waiting', null, ''],
      alpha: ['team-c', 'success', 90_000, `https://github.com/acme/environments/commit/${SHA}`],
      zeta: ['argocd', 'failure', null, `https://github.com/acme/environments/commit/${SHA}`],
    });
  });
});

describe('commitWebUrl', () => {
  it('links a commit on a known forge from https, ssh and scp URLs, without credentials; nothing otherwise', () => {
    expect(commitWebUrl('ssh://git@github.com/acme/env.git', SHA)).toBe(`https://github.com/acme/env/commit/${SHA}`);
    expect(commitWebUrl('https://oauth2:tok@gitlab.example.com:8443/group/sub/env.git/', SHA)).toBe(`https://gitlab.example.com:8443/group/sub/env/-/commit/${SHA}`);
    expect(commitWebUrl('https://git.example.com/env.git', SHA)).toBeUndefined();
    expect(commitWebUrl('https://github.com/acme/env', '1.2.3')).toBeUndefined();
    expect(commitWebUrl('https://github.com/acme/env (x)', SHA)).toBeUndefined();
    expect(commitWebUrl('/srv/git/env.git', SHA)).toBeUndefined();
    // A host Markdown would not read as one link (`)`, spaces) is not linked.
    expect(commitWebUrl('git@github.evil) [x:acme/env.git', SHA)).toBeUndefined();
    expect(commitWebUrl('https://github.com(x)/acme/env.git', SHA)).toBeUndefined();
  });
});
