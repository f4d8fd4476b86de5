import type { RegisteredStep } from './step-spec';
import { updateManifestSpec } from './update-manifest/spec';
import { waitArgocdHealthySpec } from './wait-argocd-healthy/spec';

export type { RegisteredStep };

/**
 * Every step, by the name its action directory, CLI subcommand and GitLab template use. Specs are
 * loaded eagerly (help and flags need them, and they are data); a step's code only when it runs,
 * so each bundle and the CLI pay start-up for the step in use alone.
 */
export const STEPS: readonly RegisteredStep[] = [
  { spec: updateManifestSpec, run: async (platform) => (await import('./update-manifest/step')).updateManifestStep(platform) },
  { spec: waitArgocdHealthySpec, run: async (platform) => (await import('./wait-argocd-healthy/step')).waitArgocdHealthyStep(platform) },
];

/** The registered step called `name`; a typo in an entry is a bug, reported as one. */
export function stepNamed(name: string): RegisteredStep {
  const step = STEPS.find((candidate) => candidate.spec.name === name);
  if (!step) throw new Error(`no step named ${name}`);
  return step;
}
