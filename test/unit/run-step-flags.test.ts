/**
 * runStep states the fix in the syntax of whoever called the step: flags for the CLI's terminal
 * user, input syntax for a CI's; the message itself is the same for both.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { stepNamed } from '../../packages/core/src/steps/registry';
import { runStep } from '../../packages/core/src/steps/run-step';
import { FakePlatform } from '../support/fake-platform';

afterEach(() => {
  process.exitCode = undefined;
});

async function failureOf(inputs: Record<string, string>, options: { flags?: boolean }): Promise<string> {
  const platform = new FakePlatform(new Map(Object.entries(inputs)));
  await runStep(stepNamed('update-manifest'), platform, options);
  return platform.failure ?? '';
}

describe('the fix in the caller’s syntax', () => {
  it('a true/false input: --push / --no-push from the CLI, push: true / push: false in CI', async () => {
    const inputs = { files: 'a.yaml', image: 'app', tag: '1', push: 'maybe' };
    const message = 'Input \'push\' must be true or false, got "maybe".';
    expect(await failureOf(inputs, { flags: true })).toBe(`${message}\n  How to fix: Pass --push or --no-push.`);
    expect(await failureOf(inputs, {})).toBe(`${message}\n  How to fix: Set push: true or push: false.`);
  });
});
