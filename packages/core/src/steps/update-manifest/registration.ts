import type { RegisteredStep } from '../step-spec';
import { updateManifestSpec } from './spec';

/** The step for registries and bundle entries: its spec now, its code only when it runs. */
export const updateManifest: RegisteredStep = {
  spec: updateManifestSpec,
  run: async (platform, context) => (await import('./step')).updateManifestStep(platform, context),
};
