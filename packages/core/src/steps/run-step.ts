import { describeError } from '../errors';
import { detectPlatform } from '../platform/detect-platform';
import type { Platform } from '../platform/platform';
import { onParentExit } from '../runtime/cancellation';
import type { RegisteredStep } from './step-spec';

/**
 * Runs one step and turns any failure into a clear message and a non-zero exit, never a bare
 * stack trace. Every bundle's entry is a single call of this.
 */
export async function runStep(step: RegisteredStep, given?: Platform): Promise<void> {
  const secrets = step.spec.inputs.filter((input) => input.secret).map((input) => input.name);
  const platform = given ?? (await detectPlatform(process.env, secrets));
  // A launcher killed by a cancel (npx's shell) leaves us an orphan: cancel as on SIGTERM, which a
  // step that listens for it turns into its own orderly end, and which ends any other step.
  const stopWatching = onParentExit(() => {
    platform.warning('The process that launched this step is gone (cancelled?); stopping as on SIGTERM.');
    process.kill(process.pid, 'SIGTERM');
  });
  try {
    await step.run(platform);
  } catch (error) {
    platform.setFailed(describeError(error));
    process.exitCode = 1;
  } finally {
    stopWatching();
  }
}
