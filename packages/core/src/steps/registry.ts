import type { RegisteredStep } from './step-spec';
import { openPromotionPr } from './open-promotion-pr/registration';
import { rollback } from './rollback/registration';
import { updateManifest } from './update-manifest/registration';
import { waitArgocdHealthy } from './wait-argocd-healthy/registration';

export type { RegisteredStep };

/**
 * Every step, by the name its action directory, CLI subcommand and GitLab template use. Specs are
 * loaded eagerly (help and flags need them, and they are data); a step's code only when it runs,
 * so the CLI pays start-up for the step in use alone. A step's own bundle imports its
 * registration directly, so it holds no other step's code at all.
 */
export const STEPS: readonly RegisteredStep[] = [updateManifest, waitArgocdHealthy, openPromotionPr, rollback];

/** The registered step called `name`; a typo in an entry is a bug, reported as one. */
export function stepNamed(name: string): RegisteredStep {
  const step = STEPS.find((candidate) => candidate.spec.name === name);
  if (!step) throw new Error(`no step named ${name}`);
  return step;
}
