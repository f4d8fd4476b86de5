import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../packages/core/src/errors';
import { validateUpdateManifestInputs, type UpdateManifestInputs } from '../../packages/core/src/steps/update-manifest/config';
import { updateManifestSpec } from '../../packages/core/src/steps/update-manifest/spec';
import { thrownBy } from '../support/errors';
import { hermeticGitEnv } from '../support/hermetic-git-env';

function inputs(overrides: Partial<UpdateManifestInputs>): UpdateManifestInputs {
  const base = Object.fromEntries(updateManifestSpec.inputs.map((input) => [input.name, ''])) as UpdateManifestInputs;
  return { ...base, files: 'envs/dev/kustomization.yaml', ...overrides };
}

function errorOf(overrides: Partial<UpdateManifestInputs>): InputError {
  return thrownBy(() => validateUpdateManifestInputs(inputs(overrides)), InputError);
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
    [{ image: 'app', tag: '1', 'commit-message': 'set {{version}}' }, 'unknown placeholder {{version}}'],
  ] as [Partial<UpdateManifestInputs>, string][])('rejects %j with a clear error', (overrides, message) => {
    const error = errorOf(overrides);
    expect(error.message).toContain(message);
    expect(error.hint.length).toBeGreaterThan(10);
  });
});

describe('tag carrying a digest', () => {
  const SHA = `sha256:${'a'.repeat(64)}`;

  it.each([
    [`2.0@${SHA}@junk`, `"${SHA}@junk"`],
    [`2.0@${SHA}@`, `"${SHA}@"`],
    ['2.0@', '""'],
    ['2.0@md5:abc', '"md5:abc"'],
    [`2.0@@${SHA}`, `"@${SHA}"`],
    [`2.0@${SHA.toUpperCase()}`, `"${SHA.toUpperCase()}"`],
  ])('refuses %j, quoting everything after the first @', (tag, quoted) => {
    const error = errorOf({ image: 'app', tag });
    expect(error.message).toBe(`Input 'tag' carries an invalid digest after its first '@': ${quoted}.`);
    expect(error.hint).toContain('sha256:');
  });

  it('takes a digest-only tag (`@sha256:…`) as the digest', () => {
    const config = validateUpdateManifestInputs(inputs({ image: 'app', tag: `@${SHA}` }));
    expect(config.request).toEqual({ mode: 'image', image: { name: 'app', digest: SHA } });
  });

  it('accepts the same digest given in both places', () => {
    const config = validateUpdateManifestInputs(inputs({ image: 'app', tag: `1.0@${SHA}`, digest: SHA }));
    expect(config.request).toEqual({ mode: 'image', image: { name: 'app', tag: '1.0', digest: SHA } });
  });
});

describe('author identity', () => {
  const withAuthor = (name: string, email: string) => inputs({ image: 'app', tag: '1', 'author-name': name, 'author-email': email });
  const refusal = (name: string, email: string): InputError | undefined => {
    try {
      validateUpdateManifestInputs(withAuthor(name, email));
      return undefined;
    } catch (error) {
      if (error instanceof InputError) return error;
      throw error;
    }
  };

  it.each([
    ['Deploy Bot', 'deploy-bot@example.com'],
    ['github-actions[bot]', '41898282+github-actions[bot]@users.noreply.github.com'],
    ["O'Brien", 'o.brien@example.com'],
    ['J. R. R. Tolkien', 'a+b@example.com'],
    ['Jürgen Groß', 'jürgen@bücher.example'],
  ])('keeps %j <%s> exactly', (name, email) => {
    expect(validateUpdateManifestInputs(withAuthor(name, email)).author).toEqual({ name, email });
  });

  it.each([
    ['Bot', 'a@b>c', 'author-email'],
    ['Bot', '<x>', 'author-email'],
    ['Bot', ' a@b ', 'author-email'],
    ['Bot', '<bot@example.com>', 'author-email'],
    ['Tolkien Jr.', 'a@b', 'author-name'],
    ['Bot <b@c>', 'b@c', 'author-name'],
    ['Bot\nCo-authored-by: x', 'a@b', 'author-name'],
    ['Bot\u0000', 'a@b', 'author-name'],
    ['Bot\u001b[31m', 'a@b', 'author-name'],
    ['Bot\u009b', 'a@b', 'author-name'],
  ])('refuses %j <%j>, naming %s', (name, email, input) => {
    const error = refusal(name, email);
    expect(error?.message).toMatch(new RegExp(`^Input '${input}' ".*" is not kept as written by git: `));
    expect(error?.message).not.toMatch(/[\n\r\u0000-\u001f\u007f-\u009f]/);
    expect(error?.hint).toMatch(input === 'author-email' ? /bare address/ : /Deploy Bot/);
  });

  // Cross-checked against the git on this machine: every value git would record differently (or
  // refuse) must be refused; a value refused although git keeps it must hold a control character,
  // the documented superset.
  describe('matches what git records', () => {
    const crud = [' ', '.', ',', ':', ';', '"', "'", '\\', '<', '>', '\t', '\r', '\n', '\u0001', '\u001f'];
    const inner = ['<', '>', '\n', '\t', '\r', '\u0001', '\u007f', '\u0085', '\u009b', '"', "'", '\\', '.', ',', ' ', '@', '[', '(', '=', '\u00a0', '\u2028'];
    const samples = [
      'Bot',
      '...',
      '<>',
      'a@b>c',
      '<x>',
      ' a@b ',
      'Tolkien Jr.',
      "O'Brien",
      '"a"@b',
      ...crud.flatMap((c) => [`${c}Bot`, `Bot${c}`]),
      ...inner.map((c) => `Bo${c}t`),
      ...['\u007f', '\u0085', '\u009f', '\u00a0', '\u200b', '!', '-', '~', '@', '(', '[', '#'].flatMap((c) => [`${c}Bot`, `Bot${c}`]),
    ];
    const identities = samples.flatMap((sample) => [
      { name: sample, email: 'bot@example.com', input: 'author-name', sample },
      { name: 'Bot', email: sample, input: 'author-email', sample },
    ]);
    /** What git records as author for each identity; absent when git refuses it. */
    const recorded = new Map<(typeof identities)[number], { name: string; email: string }>();
    let dir: string;

    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'gp-ident-'));
      // No system or user config, and no identity from the environment, which would beat `-c`.
      const env = hermeticGitEnv();
      const git = (args: string[]): string => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      git(['init', '-q']);
      const tree = git(['write-tree']).trim();
      const commits = new Map<string, (typeof identities)[number][]>();
      for (const identity of identities) {
        let commit: string;
        try {
          commit = git(['-c', `user.name=${identity.name}`, '-c', `user.email=${identity.email}`, 'commit-tree', tree, '-m', 'x']).trim();
        } catch {
          continue;
        }
        commits.set(commit, [...(commits.get(commit) ?? []), identity]);
      }
      const log = git(['show', '-s', '--format=%H%x00%an%x00%ae%x00', ...commits.keys()]);
      for (const [, commit = '', name = '', email = ''] of log.matchAll(/([0-9a-f]{40,64})\0([^\0]*)\0([^\0]*)\0/g)) {
        for (const identity of commits.get(commit) ?? []) recorded.set(identity, { name, email });
      }
    });

    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    it.each(identities)('$input $sample', (identity) => {
      const kept = recorded.get(identity);
      const keptExactly = kept?.name === identity.name && kept.email === identity.email;
      const error = refusal(identity.name, identity.email);
      if (!keptExactly) expect(error?.message, `git records ${JSON.stringify(kept)}`).toContain(`Input '${identity.input}'`);
      if (keptExactly && error) expect(identity.sample).toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    });

    it('the samples cover values git keeps, rewrites and refuses', () => {
      const kept = identities.filter((identity) => recorded.get(identity)?.name === identity.name && recorded.get(identity)?.email === identity.email);
      expect(kept.length).toBeGreaterThan(10);
      expect(recorded.size - kept.length).toBeGreaterThan(10);
      expect(identities.length - recorded.size).toBeGreaterThan(0);
    });
  });
});

describe('update-manifest inputs: images and values (several values in one run)', () => {
  const D = `sha256:${'d'.repeat(64)}`;
  it('reads name=tag, name@digest and name=tag@digest per line, then key=value lines, in order', () => {
    const config = validateUpdateManifestInputs(
      inputs({
        images: `ghcr.io/acme/api=1.5.0\n\n  ghcr.io/acme/web@${D}\nlocalhost:5000/acme/job=2.0@${D}\n`,
        values: 'image.tag=1.5.0\nspec.source.helm.parameters[name=image.tag].value=a=b\nmetadata.annotations["x.io/a=b"] = v 1',
      }),
    );
    expect(config.requests).toEqual([
      { mode: 'image', image: { name: 'ghcr.io/acme/api', tag: '1.5.0' } },
      { mode: 'image', image: { name: 'ghcr.io/acme/web', digest: D } },
      { mode: 'image', image: { name: 'localhost:5000/acme/job', tag: '2.0', digest: D } },
      { mode: 'key', path: ['image', 'tag'], value: '1.5.0' },
      { mode: 'key', path: ['spec', 'source', 'helm', 'parameters', { key: 'name', equals: 'image.tag' }, 'value'], value: 'a=b' },
      { mode: 'key', path: ['metadata', 'annotations', 'x.io/a=b'], value: 'v 1' },
    ]);
    expect(config.request).toEqual(config.requests[0]);
    expect(config.commitMessage).toBe('chore(deploy): set 3 images and 3 keys');
  });

  it('names up to three values in the subject', () => {
    const config = validateUpdateManifestInputs(inputs({ images: 'a=1\nb=2', values: 'c.d=3' }));
    expect(config.commitMessage).toBe('chore(deploy): set a to 1, b to 2, c.d to 3');
    expect(validateUpdateManifestInputs(inputs({ images: 'a=1', values: 'x=1\ny=2\nz=3' })).commitMessage).toBe('chore(deploy): set 1 image and 3 keys');
  });

  it.each([
    [{ images: 'app=1', image: 'app', tag: '1' }, "Inputs 'image', 'tag' and the lists 'images'/'values' were both given."],
    [{ values: 'a=1', key: 'b', value: '2' }, "Inputs 'key', 'value' and the lists 'images'/'values' were both given."],
    [{ images: 'app=1\nother=2\napp=3' }, "Input 'images' line 3 lists app again (first on line 1)."],
    [{ values: 'a.b=1\na["b"]=2' }, "Input 'values' line 2 lists a.b again (first on line 1)."],
    [{ images: 'ghcr.io/acme/app:1.0' }, `Input 'images' line 1 gives no tag or digest: "ghcr.io/acme/app:1.0".`],
    [{ images: 'App=1' }, `Input 'images' line 1: "App" is not a valid image name.`],
    [{ images: 'app=1.0@sha256:12' }, `Input 'images' line 1: "sha256:12" is not a valid OCI digest.`],
    [{ images: 'app=-x' }, `Input 'images' line 1: "-x" is not a valid OCI tag.`],
    [{ values: 'image.tag' }, `Input 'values' line 1 has no '=' after its key path: "image.tag".`],
    [{ values: 'parameters[name=x=1' }, `Input 'values' line 1 has no '=' after its key path: "parameters[name=x=1".`],
    [{ values: 'a..b=1' }, `Input 'values' line 1: not a valid key path: "a..b" (empty key at position 3).`],
    [{ values: 'a=' }, "Input 'values' line 1 gives a no value."],
    [{ values: 'a=1\nb=x\ry' }, "Input 'values' line 2 holds a carriage return or NUL."],
  ])('refuses %o', (given, message) => {
    expect(errorOf(given).message).toBe(message);
  });
});
