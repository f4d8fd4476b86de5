import { describe, expect, it } from 'vitest';
import { parseStepArguments, stepHelp } from '../../packages/core/src/cli/arguments';
import { InputError } from '../../packages/core/src/errors';
import { secretVariable } from '../../packages/core/src/platform/secret-variable';
import { updateManifestSpec } from '../../packages/core/src/steps/update-manifest/spec';

describe('CLI flags mirror the action inputs', () => {
  it('maps flags and switches to inputs', () => {
    const { inputs, warnings } = parseStepArguments(updateManifestSpec, ['--files', 'a.yaml', '--image=app', '--tag', '1', '--no-push', '--dry-run'], {});
    expect(Object.fromEntries(inputs)).toEqual({ files: 'a.yaml', image: 'app', tag: '1', push: 'false', 'dry-run': 'true' });
    expect(warnings).toEqual([]);
  });

  it('rejects unknown flags with a hint', () => {
    expect(() => parseStepArguments(updateManifestSpec, ['--imgae', 'x'], {})).toThrow(InputError);
  });

  it('documents every input and output in --help', () => {
    const help = stepHelp(updateManifestSpec);
    for (const input of updateManifestSpec.inputs) expect(help).toContain(`--${input.name}`);
    for (const output of updateManifestSpec.outputs) expect(help).toContain(`${output.name}:`);
  });
});

describe('secret inputs', () => {
  it('names the variable after the input: upper case, underscores', () => {
    expect(secretVariable('token')).toBe('GITOPS_PROMOTE_TOKEN');
    expect(secretVariable('registry-password')).toBe('GITOPS_PROMOTE_REGISTRY_PASSWORD');
  });

  it('reads token from GITOPS_PROMOTE_TOKEN, without a warning', () => {
    const { inputs, warnings } = parseStepArguments(updateManifestSpec, ['--files', 'a.yaml'], { GITOPS_PROMOTE_TOKEN: 'from-env' });
    expect(inputs.get('token')).toBe('from-env');
    expect(warnings).toEqual([]);
  });

  it('still takes --token, which wins, and warns naming the variable and why', () => {
    const { inputs, warnings } = parseStepArguments(updateManifestSpec, ['--token', 'from-flag'], { GITOPS_PROMOTE_TOKEN: 'from-env' });
    expect(inputs.get('token')).toBe('from-flag');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('GITOPS_PROMOTE_TOKEN');
    expect(warnings[0]).toMatch(/--token puts a secret on the command line.*\bps\b/);
    // The warning is about the flag, not the secret: it must not repeat it.
    expect(warnings[0]).not.toContain('from-flag');
  });

  it('reads only secret inputs from GITOPS_PROMOTE_* variables', () => {
    const { inputs } = parseStepArguments(updateManifestSpec, [], { GITOPS_PROMOTE_FILES: 'a.yaml', GITOPS_PROMOTE_TOKEN: '' });
    expect(Object.fromEntries(inputs)).toEqual({});
  });

  it('--help says where each secret comes from', () => {
    const help = stepHelp(updateManifestSpec).split('\n');
    const flag = help.indexOf('  --token <value>');
    expect(flag).toBeGreaterThan(0);
    expect(help.slice(flag + 1, flag + 3).join('\n')).toContain('Secret: set GITOPS_PROMOTE_TOKEN instead');
    // Only secret inputs get the note.
    expect(help.filter((line) => line.includes('GITOPS_PROMOTE_'))).toHaveLength(
      updateManifestSpec.inputs.filter((input) => 'secret' in input && input.secret).length,
    );
  });
});
