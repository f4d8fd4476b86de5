import { describeError, GitopsPromoteError } from '../errors';
import { hintInFlagSyntax } from '../platform/flag-syntax';
import { detectPlatform } from '../platform/detect-platform';
import type { Platform } from '../platform/platform';
import { cancelAsBy, watchLauncher } from '../runtime/cancellation';
import { defaultStepContext } from './step-context';
import type { RegisteredStep } from './step-spec';

/**
 * Runs one step and turns any failure into a clear message and a non-zero exit, never a bare
 * stack trace. Every bundle's entry is a single call of this.
 */
export async function runStep(step: RegisteredStep, given?: Platform, options: { flags?: boolean } = {}): Promise<void> {
  const secrets = step.spec.inputs.filter((input) => input.secret).map((input) => input.name);
  const platform = given ?? (await detectPlatform(process.env, secrets));
  // A cancel that stopped at the launcher (npx's shell) still cancels the step: a step that listens
  // ends in order, any other ends as by the signal. Never an orphan left running.
  const stopWatching = watchLauncher({
    onGone: () => {
      platform.warning('The process that launched this step is gone (cancelled?); stopping as on SIGTERM.');
      cancelAsBy('SIGTERM');
    },
    onWrapperSignalled: () => {
      platform.warning('The shell npx runs this step in was signalled (cancelled?); stopping as on SIGINT.');
      cancelAsBy('SIGINT');
    },
  });
  try {
    await step.run(platform, defaultStepContext());
  } catch (error) {
    // The CLI's user types flags: the fix is said in flag syntax there, in input syntax in CI.
    const shown = options.flags && error instanceof GitopsPromoteError ? new GitopsPromoteError(error.message, hintInFlagSyntax(error.hint, step.spec.inputs)) : error;
    platform.setFailed(describeError(shown));
    process.exitCode = 1;
  } finally {
    stopWatching();
  }
}
