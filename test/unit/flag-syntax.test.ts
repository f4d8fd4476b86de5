import { describe, expect, it } from 'vitest';
import { hintInFlagSyntax } from '../../packages/core/src/platform/flag-syntax';

const NAMES = ['branch', 'create-branch', 'tag', 'files'];
const INPUTS = [
  { name: 'branch' },
  { name: 'create-branch', boolean: true },
  { name: 'allow-rolled-back', boolean: true },
  { name: 'commit', boolean: true },
  { name: 'dry-run', boolean: true },
  { name: 'platform' },
  { name: 'path' },
  { name: 'ca-cert' },
  { name: 'insecure', boolean: true },
];

describe('hints in flag syntax for the CLI', () => {
  it("turns input syntax into flags, for the step's own inputs only", () => {
    expect(hintInFlagSyntax("Set branch to the branch your environment deploys from (e.g. branch: main), or set create-branch: true to create 'mian'.", INPUTS)).toBe(
      "Set branch to the branch your environment deploys from (e.g. --branch main), or pass --create-branch to create 'mian'.",
    );
    expect(hintInFlagSyntax("Set the input 'branch' (e.g. main).", NAMES)).toBe('Set the flag --branch (e.g. main).');
    expect(hintInFlagSyntax('Check the image: it must be a name.', NAMES)).toBe('Check the image: it must be a name.');
  });

  it('says a true/false input as the switch the CLI takes: --x or --no-x', () => {
    expect(hintInFlagSyntax('Promote a newer version, or set allow-rolled-back: true to set this one anyway.', INPUTS)).toBe(
      'Promote a newer version, or pass --allow-rolled-back to set this one anyway.',
    );
    expect(hintInFlagSyntax('Commit or stash them first, or run with commit: false.', INPUTS)).toBe('Commit or stash them first, or run with --no-commit.');
    expect(hintInFlagSyntax("Point 'path' at it, or set commit: false.", INPUTS)).toBe('Point --path at it, or pass --no-commit.');
    expect(hintInFlagSyntax('Set dry-run: true or dry-run: false.', INPUTS)).toBe('Pass --dry-run or --no-dry-run.');
    expect(hintInFlagSyntax('Only in a lab, set `insecure: true`; else give `ca-cert`.', INPUTS)).toBe('Only in a lab, pass `--insecure`; else give `--ca-cert`.');
  });

  it('names a secret by the variable the CLI reads it from, never as a flag', () => {
    const inputs = [...INPUTS, { name: 'token', secret: true }];
    expect(hintInFlagSyntax("The remote refused the credentials: pass a token with write access in 'token'.", inputs)).toBe(
      'The remote refused the credentials: pass a token with write access in GITOPS_PROMOTE_TOKEN.',
    );
    expect(hintInFlagSyntax('Set token: glpat-… with api scope.', inputs)).toBe('Set GITOPS_PROMOTE_TOKEN=glpat-… with api scope.');
  });

  it('keeps a value as the flag value, and a sentence end outside it', () => {
    expect(hintInFlagSyntax('Set platform: github or platform: gitlab (outside GitHub Actions and GitLab CI).', INPUTS)).toBe(
      'Pass --platform github or --platform gitlab (outside GitHub Actions and GitLab CI).',
    );
    expect(hintInFlagSyntax('Set platform: gitlab.', INPUTS)).toBe('Pass --platform gitlab.');
    // A value that is not true/false stays a value, even for a switch: the CLI will name it then.
    expect(hintInFlagSyntax('set commit: maybe', INPUTS)).toBe('pass --commit maybe');
  });
});

describe('input names in prose', () => {
  it("'the x input' reads 'the --x flag' on a terminal", () => {
    expect(hintInFlagSyntax("Check the 'server' input: the Argo CD base URL.", ['server'])).toBe('Check the --server flag: the Argo CD base URL.');
    expect(hintInFlagSyntax("Set the input 'branch' (e.g. main).", ['branch'])).toBe('Set the flag --branch (e.g. main).');
  });
});
