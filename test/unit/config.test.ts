import { describe, expect, it } from 'vitest';
import { InputError } from '../../packages/core/src/errors';
import { validateUpdateManifestInputs, type UpdateManifestInputs } from '../../packages/core/src/steps/update-manifest/config';
import { updateManifestSpec } from '../../packages/core/src/steps/update-manifest/spec';

function inputs(overrides: Partial<UpdateManifestInputs>): UpdateManifestInputs {
  const base = Object.fromEntries(updateManifestSpec.inputs.map((input) => [input.name, ''])) as UpdateManifestInputs;
  return { ...base, files: 'envs/dev/kustomization.yaml', ...overrides };
}

function errorOf(overrides: Partial<UpdateManifestInputs>): InputError {
  try {
    validateUpdateManifestInputs(inputs(overrides));
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('update-manifest inputs', () => {
  it('builds an image request with defaults', () => {
    const config = validateUpdateManifestInputs(inputs({ image: 'ghcr.io/acme/app', tag: '1.2.3', files: 'a.yaml,\n b/*.yaml\n' }));
    expect(config.files).toEqual(['a.yaml', 'b/*.yaml']);
    expect(config.request).toEqual({ mode: 'image', image: { name: 'ghcr.io/acme/app', tag: '1.2.3' } });
    expect(config).toMatchObject({ path: '.', commit: true, push: true, dryRun: false, remote: 'origin' });
    expect(config.commitMessage).toBe('chore(deploy): set ghcr.io/acme/app to 1.2.3');
    expect(config.branch).toBeUndefined();
    expect(config.token).toBeUndefined();
  });

  it('splits a digest carried in the tag', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const config = validateUpdateManifestInputs(inputs({ image: 'app', tag: `1.0@${digest}` }));
    expect(config.request).toEqual({ mode: 'image', image: { name: 'app', tag: '1.0', digest } });
    expect(config.commitMessage).toBe(`chore(deploy): set app to 1.0@${digest}`);
  });

  it('builds a key request and fills the commit message template', () => {
    const config = validateUpdateManifestInputs(
      inputs({ key: 'spec.sources[1].targetRevision', value: 'v2', 'commit-message': 'deploy {{ key }}={{value}} ({{subject}})' }),
    );
    expect(config.request).toEqual({ mode: 'key', path: ['spec', 'sources', 1, 'targetRevision'], value: 'v2' });
    expect(config.commitMessage).toBe('deploy spec.sources[1].targetRevision=v2 (spec.sources[1].targetRevision to v2)');
  });

  it('push is off when commit is off', () => {
    const config = validateUpdateManifestInputs(inputs({ image: 'app', tag: '1', commit: 'false' }));
    expect(config.commit).toBe(false);
    expect(config.push).toBe(false);
  });

  it.each([
    [{ files: '' }, "Input 'files' is required"],
    [{ image: 'app', tag: '1', key: 'a', value: 'b' }, 'both given'],
    [{}, 'Nothing to set'],
    [{ tag: '1.0' }, "Input 'image' is required"],
    [{ image: 'app' }, "Input 'tag' or 'digest' is required"],
    [{ image: 'App:1', tag: '1' }, 'not a valid image name'],
    [{ image: 'app', tag: '1.0 beta' }, 'not a valid OCI tag'],
    [{ image: 'app', tag: '1.0\nrm' }, 'not a valid OCI tag'],
    [{ image: 'app', tag: '1;rm -rf /' }, 'not a valid OCI tag'],
    [{ image: 'app', tag: '$(id)' }, 'not a valid OCI tag'],
    [{ image: 'app', tag: '-x' }, 'not a valid OCI tag'],
    [{ image: 'app', digest: 'sha256:xyz' }, 'not a valid OCI digest'],
    [{ image: 'app', tag: `1@sha256:${'a'.repeat(64)}`, digest: `sha256:${'b'.repeat(64)}` }, 'differs'],
    [{ key: 'a.b' }, "Input 'value' is required"],
    [{ value: 'x' }, "Input 'key' is required"],
    [{ key: 'a..b', value: 'x' }, 'not a valid key path'],
    [{ key: 'a', value: 'x\ny' }, 'single line'],
    [{ image: 'app', tag: '1', commit: 'maybe' }, "'commit' must be true or false"],
    [{ image: 'app', tag: '1', 'author-name': 'Bot' }, 'go together'],
    [{ image: 'app', tag: '1', branch: 'a..b' }, 'not a valid branch name'],
    [{ image: 'app', tag: '1', 'commit-message': 'set {{version}}' }, 'unknown placeholder {{version}}'],
  ] as [Partial<UpdateManifestInputs>, string][])('rejects %j with a clear error', (overrides, message) => {
    const error = errorOf(overrides);
    expect(error.message).toContain(message);
    expect(error.hint.length).toBeGreaterThan(10);
  });
});
