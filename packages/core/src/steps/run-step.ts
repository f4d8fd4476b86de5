import { describeError } from '../errors';
import { detectPlatform } from '../platform/detect-platform';
import type { Platform } from '../platform/platform';
import type { RegisteredStep } from './step-spec';

/**
 * Runs one step and turns any failure into a clear message and a non-zero exit, never a bare
 * stack trace. Every bundle's entry is a single call of this.
 */
export async function runStep(step: RegisteredStep, given?: Platform): Promise<void> {
  const secrets = step.spec.inputs.filter((input) => input.secret).map((input) => input.name);
  const platform = given ?? (await detectPlatform(process.env, secrets));
  try {
    await step.run(platform);
  } catch (error) {
    platform.setFailed(describeError(error));
    process.exitCode = 1;
  }
}
