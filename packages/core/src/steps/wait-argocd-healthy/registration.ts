import type { RegisteredStep } from '../step-spec';
import { waitArgocdHealthySpec } from './spec';

/** The step for registries and bundle entries: its spec now, its code only when it runs. */
export const waitArgocdHealthy: RegisteredStep = {
  spec: waitArgocdHealthySpec,
  run: async (platform) => (await import('./step')).waitArgocdHealthyStep(platform),
};
