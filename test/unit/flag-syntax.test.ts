import { describe, expect, it } from 'vitest';
import { hintInFlagSyntax } from '../../packages/core/src/platform/flag-syntax';

const NAMES = ['branch', 'create-branch', 'tag', 'files'];

describe('hints in flag syntax for the CLI', () => {
  it('turns input syntax into flags, for the step\'s own inputs only', () => {
    expect(hintInFlagSyntax("Set branch to the branch your environment deploys from (e.g. branch: main), or set create-branch: true to create 'mian'.", NAMES)).toBe(
      "Set branch to the branch your environment deploys from (e.g. --branch main), or set --create-branch true to create 'mian'.",
    );
    expect(hintInFlagSyntax("Set the input 'branch' (e.g. main).", NAMES)).toBe('Set the input --branch (e.g. main).');
    expect(hintInFlagSyntax('Check the image: it must be a name.', NAMES)).toBe('Check the image: it must be a name.');
  });
});
