import { describe, expect, it } from 'vitest';
import { parseStepArguments, stepHelp } from '../../packages/core/src/cli/arguments';
import { InputError } from '../../packages/core/src/errors';
import { updateManifestSpec } from '../../packages/core/src/steps/update-manifest/spec';

describe('CLI flags mirror the action inputs', () => {
  it('maps flags and switches to inputs', () => {
    const inputs = parseStepArguments(updateManifestSpec, ['--files', 'a.yaml', '--image=app', '--tag', '1', '--no-push', '--dry-run']);
    expect(Object.fromEntries(inputs)).toEqual({ files: 'a.yaml', image: 'app', tag: '1', push: 'false', 'dry-run': 'true' });
  });

  it('rejects unknown flags with a hint', () => {
    expect(() => parseStepArguments(updateManifestSpec, ['--imgae', 'x'])).toThrow(InputError);
  });

  it('documents every input and output in --help', () => {
    const help = stepHelp(updateManifestSpec);
    for (const input of updateManifestSpec.inputs) expect(help).toContain(`--${input.name}`);
    for (const output of updateManifestSpec.outputs) expect(help).toContain(`${output.name}:`);
  });
});
