import { describe, expect, it } from 'vitest';
import { parseStepArguments, stepHelp } from '../../packages/core/src/cli/arguments';
import { InputError } from '../../packages/core/src/errors';
import { secretVariable } from '../../packages/core/src/platform/secret-variable';
import { updateManifestSpec } from '../../packages/core/src/steps/update-manifest/spec';
import { thrownBy } from '../support/errors';

describe('CLI flags mirror the action inputs', () => {
  it('maps flags and switches to inputs', () => {
    const { inputs, warnings } = parseStepArguments(updateManifestSpec, ['--files', 'a.yaml', '--image=app', '--tag', '1', '--no-push', '--dry-run'], {});
    expect(Object.fromEntries(inputs)).toEqual({ files: 'a.yaml', image: 'app', tag: '1', push: 'false', 'dry-run': 'true' });
    expect(warnings).toEqual([]);
  });

  it('rejects unknown flags with a hint', () => {
    expect(() => parseStepArguments(updateManifestSpec, ['--imgae', 'x'], {})).toThrow(InputError);
  });

  it('reads a value given to a switch as people type it elsewhere: --push false, --dry-run=true, --push=no, --commit 1', () => {
    const { inputs } = parseStepArguments(updateManifestSpec, ['--push', 'false', '--dry-run=true', '--commit', '1', '--files', 'a.yaml'], {});
    expect(Object.fromEntries(inputs)).toEqual({ files: 'a.yaml', push: 'false', commit: 'true', 'dry-run': 'true' });
    expect(Object.fromEntries(parseStepArguments(updateManifestSpec, ['--push=no', '--dry-run=FALSE'], {}).inputs)).toEqual({ push: 'false', 'dry-run': 'false' });
    // A string input keeps a value that reads as a boolean: only switches are switches.
    expect(Object.fromEntries(parseStepArguments(updateManifestSpec, ['--tag', 'false'], {}).inputs)).toEqual({ tag: 'false' });
  });

  it('refuses any other value for a switch, and a value for --no-x, naming the flags to use', () => {
    for (const args of [['--push', 'later'], ['--push=later'], ['--no-push=true'], ['--no-push', 'false']]) {
      const error = thrown(() => parseStepArguments(updateManifestSpec, args, {}));
      expect(error.message).toMatch(/^update-manifest: --(no-)?push is a switch and takes no value, got "(later|true|false)"$/);
      expect(error.hint).toBe("Use --push for true or --no-push for false (--push false works too). Run 'gitops-promote update-manifest --help' for the flags.");
    }
  });

  it('answers an unknown flag with the one it most likely misspells', () => {
    const error = thrown(() => parseStepArguments(updateManifestSpec, ['--brnach', 'main'], {}));
    expect(error.message).toBe("update-manifest: Unknown option '--brnach'");
    expect(error.hint).toBe("Did you mean --branch? Run 'gitops-promote update-manifest --help' for the flags.");
    expect(thrown(() => parseStepArguments(updateManifestSpec, ['--no-pusj'], {})).hint).toMatch(/^Did you mean --no-push\?/);
    expect(thrown(() => parseStepArguments(updateManifestSpec, ['--xyzzy'], {})).hint).toBe("Run 'gitops-promote update-manifest --help' for the flags.");
  });

  it('documents every input and output in --help', () => {
    const help = stepHelp(updateManifestSpec);
    for (const input of updateManifestSpec.inputs) expect(help).toContain(`--${input.name}`);
    for (const output of updateManifestSpec.outputs) expect(help).toContain(`${output.name}:`);
  });
});

function thrown(run: () => unknown): InputError {
  return thrownBy(run, InputError);
}

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
