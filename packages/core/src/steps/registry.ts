import type { Platform } from '../platform/platform';
import type { StepSpec } from './step-spec';
import { updateManifestSpec } from './update-manifest/spec';
import { updateManifestStep } from './update-manifest/step';

export interface RegisteredStep {
  spec: StepSpec;
  run(platform: Platform): Promise<unknown>;
}

/** Every step, by the name its action directory, CLI subcommand and GitLab template use. */
export const STEPS: readonly RegisteredStep[] = [{ spec: updateManifestSpec, run: updateManifestStep }];
