import type { RegisteredStep } from './step-spec';
import { updateManifest } from './update-manifest/step';

export type { RegisteredStep };

/** Every step, by the name its action directory, CLI subcommand and GitLab template use. */
export const STEPS: readonly RegisteredStep[] = [updateManifest];
