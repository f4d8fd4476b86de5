/**
 * wait-argocd-healthy's retrying, driven through its context: a scripted client (the errors the
 * real client throws, in the order a server would cause them) and a clock that moves only when the
 * step sleeps. Minutes of backoff run in milliseconds, and every wait is checked exactly.
 */
import { describe, expect, it } from 'vitest';
import {
  ArgoCdConnectionError,
  ArgoCdServerError,
  ArgoCdStreamError,
  ArgoCdUnreachableError,
  type Application,
  type ApplicationWatchEvent,
  type ArgoCdClient,
} from '../../packages/core/src/argocd';
import { parseApplication } from '../../packages/core/src/argocd/parse';
import { WAIT_TIMINGS, type WaitContext } from '../../packages/core/src/steps/wait-argocd-healthy/context';
import { ApplicationNotReadyError } from '../../packages/core/src/steps/wait-argocd-healthy/run';
import { waitArgocdHealthySpec } from '../../packages/core/src/steps/wait-argocd-healthy/spec';
import { waitArgocdHealthyStep } from '../../packages/core/src/steps/wait-argocd-healthy/step';
import { FakePlatform } from '../support/fake-platform';

const HOST = 'argocd.test';

/** An Application in the server's JSON spelling, read through the real parser. */
function application(health: 'Progressing' | 'Healthy' | 'Degraded', resourceVersion: string, extra: { operationState?: object } = {}): Application {
  return parseApplication(
    {
      metadata: { name: 'web', namespace: 'argocd', resourceVersion },
      spec: { project: 'default', source: { repoURL: 'https://git.example.com/deploy.git', path: 'web', targetRevision: 'main' } },
      status: { sync: { status: 'Synced', revision: 'a'.repeat(40) }, health: { status: health }, ...extra },
    },
    'test',
  );
}

/** Degraded after a failed sync: a verdict at once, explained from the resource tree. */
function failedRollout(): Application {
  const operationState = { phase: 'Failed', message: 'one or more objects failed to apply', startedAt: '2026-01-01T10:00:00Z', finishedAt: '2026-01-01T10:00:05Z', operation: { sync: { revision: 'a'.repeat(40) } } };
  return application('Degraded', '1', { operationState });
}

/** The client's surface the step uses, each call answered from the test's script. */
interface Script {
  getApplication?: () => Promise<Application>;
  resourceTree?: () => Promise<unknown>;
  /** One entry per stream opened: the events it delivers, then the error it ends with, if any. */
  streams?: { events: ApplicationWatchEvent[]; error?: Error }[];
}

function scriptedClient(script: Script): ArgoCdClient {
  const streams = [...(script.streams ?? [])];
  const client = {
    host: HOST,
    hasAnswered: false,
    getApplication: () => script.getApplication?.() ?? Promise.reject(new Error('getApplication not scripted')),
    async *watch(): AsyncGenerator<ApplicationWatchEvent> {
      const stream = streams.shift();
      if (!stream) throw new Error('no more streams scripted');
      yield* stream.events;
      if (stream.error) throw stream.error;
    },
    resourceTree: () => script.resourceTree?.() ?? Promise.reject(new Error('resourceTree not scripted')),
    close: () => Promise.resolve(),
  };
  return client as unknown as ArgoCdClient;
}

/** The production timings and backoff on a clock that moves only when the step sleeps. */
function fakeTimeContext(client: ArgoCdClient): { context: WaitContext; slept: number[] } {
  let now = Date.parse('2026-01-01T10:00:00Z');
  const slept: number[] = [];
  const context: WaitContext = {
    timings: WAIT_TIMINGS,
    now: () => now,
    sleep: (ms) => {
      slept.push(ms);
      now += ms;
      return Promise.resolve();
    },
    connect: () => Promise.resolve(client),
    onCancel: () => () => undefined,
  };
  return { context, slept };
}

function platform(): FakePlatform {
  const inputs = new Map<string, string>(waitArgocdHealthySpec.inputs.map((input) => [input.name, '']));
  for (const [key, value] of Object.entries({ server: `https://${HOST}`, token: 'not-a-real-token', application: 'web', timeout: '10m', refresh: 'none' })) inputs.set(key, value);
  return new FakePlatform(inputs);
}

const refused = (): ArgoCdConnectionError =>
  new ArgoCdConnectionError(`Cannot reach Argo CD at ${HOST} for GET /api/v1/applications/web (ECONNREFUSED: connect ECONNREFUSED).`, 'A network failure.', 'ECONNREFUSED');

describe('wait-argocd-healthy retrying (fake time)', () => {
  it('a server refusing from the start: backs off 0.5 s doubling to 10 s, then fails at 30 s saying nothing answers', async () => {
    const client = scriptedClient({ getApplication: () => Promise.reject(refused()) });
    const { context, slept } = fakeTimeContext(client);
    const step = platform();
    const error = await waitArgocdHealthyStep(step, context).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ArgoCdUnreachableError);
    expect((error as Error).message).toBe(`Nothing answers at ${HOST}: every connection was refused (ECONNREFUSED) for 30.0 s since the first request.`);
    // The last wait is cut to what is left of the 30 s window: the verdict comes at 30 s, not 35.
    expect(slept).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 4500]);
    const retries = step.lines.filter((line) => line.includes('Retrying in')).map((line) => /Retrying in (.*)\.$/.exec(line)?.[1]);
    expect(retries).toEqual(['500 ms', '1.0 s', '2.0 s', '4.0 s', '8.0 s', '10.0 s', '10.0 s']);
  });

  it('a dropped stream is reconnected after 0.5 s, then 1 s; the backoff starts over after a stream that ended cleanly', async () => {
    const dropped = (): ArgoCdStreamError => new ArgoCdStreamError(`The watch stream from ${HOST} broke (ECONNRESET: read ECONNRESET).`, 'Reconnects.', 'dropped');
    const client = scriptedClient({
      getApplication: () => Promise.resolve(application('Progressing', '1')),
      streams: [
        { events: [], error: dropped() },
        { events: [], error: dropped() },
        // Ends at a line boundary: reconnected at once, and the next drop waits 0.5 s again.
        { events: [] },
        { events: [], error: dropped() },
        { events: [{ type: 'MODIFIED', application: application('Healthy', '2') }] },
      ],
    });
    const { context, slept } = fakeTimeContext(client);
    const step = platform();
    const result = await waitArgocdHealthyStep(step, context);
    expect(result.failure).toBeUndefined();
    expect(step.outputs.get('health')).toBe('Healthy');
    expect(slept).toEqual([500, 1000, 500]);
    expect(step.lines.filter((line) => line.includes('The watch stream dropped; reconnecting in'))).toHaveLength(3);
  });

  it('an error nobody expected (a bug) ends the wait at once, reported as itself, never retried', async () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'status')");
    const client = scriptedClient({ getApplication: () => Promise.reject(bug) });
    const { context, slept } = fakeTimeContext(client);
    const step = platform();
    await expect(waitArgocdHealthyStep(step, context)).rejects.toBe(bug);
    expect(slept).toEqual([]);
    expect(step.lines.join('\n')).not.toMatch(/Retrying/);
  });

  it('a resource tree the server fails to give leaves the verdict unexplained; a bug while reading it is not swallowed', async () => {
    const unavailable = scriptedClient({
      getApplication: () => Promise.resolve(failedRollout()),
      resourceTree: () => Promise.reject(new ArgoCdServerError(`Argo CD at ${HOST} failed GET /api/v1/applications/web/resource-tree (HTTP 503).`, 'Retries.', 503, undefined)),
    });
    const result = await waitArgocdHealthyStep(platform(), fakeTimeContext(unavailable).context).catch((caught: unknown) => caught);
    expect(result).toBeInstanceOf(ApplicationNotReadyError);

    const bug = new TypeError("Cannot read properties of undefined (reading 'nodes')");
    const broken = scriptedClient({ getApplication: () => Promise.resolve(failedRollout()), resourceTree: () => Promise.reject(bug) });
    await expect(waitArgocdHealthyStep(platform(), fakeTimeContext(broken).context)).rejects.toBe(bug);
  });
});
