import type { RegisteredStep } from '../step-spec';
import { waitArgocdHealthySpec } from './spec';

/**
 * The step for registries and bundle entries: its spec now, its code only when it runs, then
 * with the production context (real time, the REST client, SIGTERM/SIGINT).
 */
export const waitArgocdHealthy: RegisteredStep = {
  spec: waitArgocdHealthySpec,
  run: async (platform) => {
    const [{ waitArgocdHealthyStep }, { waitContext }] = await Promise.all([import('./step'), import('./context')]);
    return waitArgocdHealthyStep(platform, waitContext());
  },
};
