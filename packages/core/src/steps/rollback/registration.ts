import type { RegisteredStep } from '../step-spec';
import { rollbackSpec } from './spec';

/** The step for registries and bundle entries: its spec now, its code only when it runs. */
export const rollback: RegisteredStep = {
  spec: rollbackSpec,
  run: async (platform, context) => (await import('./step')).rollbackStep(platform, context),
};
