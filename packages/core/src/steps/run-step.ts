import { describeError } from '../errors';
import { detectPlatform } from '../platform/detect-platform';
import type { Platform } from '../platform/platform';

/**
 * Runs one step and turns any failure into a clear message and a non-zero exit, never a bare
 * stack trace. Every bundle's entry is a single call of this.
 */
export async function runStep(step: (platform: Platform) => Promise<unknown>, given?: Platform): Promise<void> {
  const platform = given ?? (await detectPlatform());
  try {
    await step(platform);
  } catch (error) {
    platform.setFailed(describeError(error));
    process.exitCode = 1;
  }
}
