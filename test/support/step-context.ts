import type { Forge } from '../../packages/core/src/forge/forge';
import { createForge } from '../../packages/core/src/forge/select';
import type { Backoff } from '../../packages/core/src/runtime/retry';
import { defaultStepContext, type StepContext } from '../../packages/core/src/steps/step-context';

/** What a test may set in a step's context; everything else is the real one. */
export interface TestContextOptions {
  /** Push-race backoff; tests shorten it. */
  backoff?: Backoff;
  /** The forge every open of a forge client returns (a FakeForge), instead of a real client. */
  forge?: Forge;
  /** Replaces the forge client's fetch (in-process tests pass globalThis.fetch for nock). */
  fetch?: typeof globalThis.fetch;
  /** Scales the forge client's retry waits (0: none). */
  retryDelayScale?: number;
  env?: NodeJS.ProcessEnv;
}

/** A step context for in-process step tests: the way test-only knobs reach a step. */
export function testContext(options: TestContextOptions = {}): StepContext {
  const base = defaultStepContext(options.env ?? process.env);
  const { forge } = options;
  return {
    ...base,
    backoff: options.backoff ?? base.backoff,
    // A fake forge stands for whatever the remote is (a local bare repository has no host).
    ...(forge ? { forgeOfRemote: (url: string, given: { kind?: 'github' | 'gitlab' }) => base.forgeOfRemote(url, given) ?? { kind: given.kind ?? forge.kind, repository: '', apiUrl: '' } } : {}),
    openForge: forge
      ? () => Promise.resolve(forge)
      : (target, platform) =>
          createForge(
            target.kind,
            {
              ...target,
              log: (message) => platform.info(message),
              redact: (text) => platform.redact(text),
              ...(options.fetch ? { fetch: options.fetch } : {}),
              ...(options.retryDelayScale !== undefined ? { retryDelayScale: options.retryDelayScale } : {}),
            },
            { jobToken: target.kind === 'gitlab' && target.token === base.env.CI_JOB_TOKEN },
          ),
  };
}
