import type { Forge, ForgeKind } from '../forge/forge';
import { createForge } from '../forge/select';
import type { Platform } from '../platform/platform';

/** Where a step's forge client points, and what tests may replace. */
export interface ForgeTarget {
  kind: ForgeKind;
  apiUrl: string;
  repository: string;
  token: string;
  /** Replaces the HTTP client's fetch (in-process tests pass globalThis.fetch for nock). */
  fetch?: typeof globalThis.fetch;
  retryDelayScale?: number;
  env?: NodeJS.ProcessEnv;
}

/**
 * The forge client every step uses: its progress (rate-limit waits, retries) goes to the log, its
 * errors are redacted with the platform's secrets, and a GitLab CI job token is sent as one.
 */
export function openForge(target: ForgeTarget, platform: Platform): Promise<Forge> {
  const env = target.env ?? process.env;
  return createForge(
    target.kind,
    {
      apiUrl: target.apiUrl,
      token: target.token,
      repository: target.repository,
      log: (message) => platform.info(message),
      redact: (text) => platform.redact(text),
      ...(target.fetch ? { fetch: target.fetch } : {}),
      ...(target.retryDelayScale !== undefined ? { retryDelayScale: target.retryDelayScale } : {}),
    },
    { jobToken: target.kind === 'gitlab' && target.token === env.CI_JOB_TOKEN },
  );
}
