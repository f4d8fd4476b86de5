import type { RegisteredStep } from '../step-spec';
import { openPromotionPrSpec } from './spec';

/** The step for registries and bundle entries: its spec now, its code only when it runs. */
export const openPromotionPr: RegisteredStep = {
  spec: openPromotionPrSpec,
  run: async (platform, context) => (await import('./step')).openPromotionPrStep(platform, context),
};
