import type { Forge, ForgeKind } from '../forge/forge';
import { createForge } from '../forge/select';
import type { Platform } from '../platform/platform';

/** Where a step's forge client points. */
export interface ForgeTarget {
  kind: ForgeKind;
  apiUrl: string;
  repository: string;
  token: string;
}

/** How the client reaches the forge: the step context's environment and, where it replaces it, fetch. */
export interface ForgeConnection {
  env: NodeJS.ProcessEnv;
  /** Replaces the HTTP client's fetch. */
  fetch?: typeof globalThis.fetch | undefined;
}

/**
 * The forge client every step uses: its progress (rate-limit waits, retries) goes to the log, its
 * errors are redacted with the platform's secrets, and a GitLab CI job token is sent as one.
 */
export function openForge(target: ForgeTarget, platform: Platform, connection: ForgeConnection): Promise<Forge> {
  return createForge(
    target.kind,
    {
      apiUrl: target.apiUrl,
      token: target.token,
      repository: target.repository,
      log: (message) => platform.info(message),
      redact: (text) => platform.redact(text),
      ...(connection.fetch ? { fetch: connection.fetch } : {}),
    },
    { jobToken: target.kind === 'gitlab' && target.token === connection.env.CI_JOB_TOKEN },
  );
}
