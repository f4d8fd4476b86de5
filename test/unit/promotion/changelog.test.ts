/**
 * The changelog section: which ref a value names (pure), how the section reads (pure, and the
 * same every time), and loadChangelog on the in-memory forge over a real application repository
 * with tags: at most two requests, the `v` tag fallback, one line whenever there is nothing to list.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeForge } from '../../../packages/core/src/cli/demo-forge';
import { ForgeError, TransientForgeError } from '../../../packages/core/src/forge/errors';
import type { Comparison, ComparedCommit } from '../../../packages/core/src/forge/forge';
import { loadChangelog, refOfValue, renderChangelog, type Changelog } from '../../../packages/core/src/promotion/review/changelog';
import { gitIdentity, hermeticGitEnv, useHermeticGitEnv } from '../../support/hermetic-git-env';

useHermeticGitEnv();

describe('refOfValue', () => {
  it.each([
    ['sha-1a2b3c4', '1a2b3c4'],
    // docker/metadata-action's type=sha prefix: digits only are a SHA there too (about 4 % of short SHAs).
    ['sha-1234567', '1234567'],
    ['1.4.2-1a2b3c4', '1a2b3c4'],
    ['main-1a2b3c4d', '1a2b3c4d'],
    ['1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b', '1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b'],
    ['pr-12-abcdef0-amd64', 'abcdef0'],
    ['1.4.2-1a2b3c4@sha256:' + 'e'.repeat(64), '1a2b3c4'],
  ])('finds the commit SHA inside %s', (value, sha) => {
    expect(refOfValue(value, 'image')).toEqual({ kind: 'commit', ref: sha });
  });

  it.each([
    ['1.4.2', { kind: 'tag', ref: '1.4.2', alternative: 'v1.4.2' }],
    ['v1.4.2', { kind: 'tag', ref: 'v1.4.2' }],
    ['1.4.2-rc.1', { kind: 'tag', ref: '1.4.2-rc.1', alternative: 'v1.4.2-rc.1' }],
    // A pure number, a too-short hex run or a hex segment without a letter is no SHA.
    ['build-20240101', { kind: 'tag', ref: 'build-20240101' }],
    ['20240101', { kind: 'tag', ref: '20240101', alternative: 'v20240101' }],
    ['1.4.2-beef', { kind: 'tag', ref: '1.4.2-beef', alternative: 'v1.4.2-beef' }],
    ['release-1234567', { kind: 'tag', ref: 'release-1234567' }],
    ['1.4.2@sha256:' + 'a'.repeat(64), { kind: 'tag', ref: '1.4.2', alternative: 'v1.4.2' }],
    ['stable', { kind: 'tag', ref: 'stable' }],
  ])('takes %s as a tag', (value, expected) => {
    expect(refOfValue(value, 'image')).toEqual(expected);
  });

  it('maps a digest alone to nothing, saying why', () => {
    const digest = 'sha256:' + 'c'.repeat(64);
    for (const value of [`@${digest}`, digest]) {
      expect(refOfValue(value, 'image')).toEqual({ kind: 'none', reason: `\`${value}\` is a digest only: it names an image, not a commit` });
    }
  });

  it('maps a key value that is neither a tag name nor carries a SHA to nothing', () => {
    expect(refOfValue('two words', 'key')).toEqual({ kind: 'none', reason: '`two words` is neither a git tag name nor carries a commit SHA' });
    expect(refOfValue('a..b', 'key').kind).toBe('none');
    expect(refOfValue('x.lock', 'key').kind).toBe('none');
    expect(refOfValue('3', 'key')).toEqual({ kind: 'tag', ref: '3', alternative: 'v3' });
  });
});

const commit = (n: number, subject: string, authorName = 'Jane Doe'): ComparedCommit => ({
  sha: `${String(n).padStart(2, '0')}${'a'.repeat(38)}`,
  subject,
  authorName,
  url: `https://github.com/acme/app/commit/${String(n).padStart(2, '0')}${'a'.repeat(38)}`,
});

function compared(commits: ComparedCommit[], total: number, forge: 'github' | 'gitlab' = 'github'): Changelog {
  const repositoryUrl = forge === 'github' ? 'https://github.com/acme/app' : 'https://gitlab.example.com/acme/app';
  const comparison: Comparison = { commits, totalCommits: total, webUrl: `${repositoryUrl}/compare/1.4.2...1.4.3`, repositoryUrl };
  return { kind: 'compared', repository: 'acme/app', forge, from: '1.4.2', to: '1.4.3', comparison };
}

describe('renderChangelog', () => {
  it('lists the commits newest first with author and link, then the full comparison', () => {
    const section = renderChangelog(compared([commit(2, 'Fix the login timeout (#123)'), commit(1, 'Add health checks', 'Bob')], 2), '1.4.3');
    expect(section).toBe(
      [
        '### What 1.4.3 contains',
        '',
        '2 commits in [acme/app](https://github.com/acme/app) from `1.4.2` to `1.4.3`, newest first:',
        '',
        `- [\`02aaaaa\`](https://github.com/acme/app/commit/02${'a'.repeat(38)}) Fix the login timeout \\([#123](https://github.com/acme/app/pull/123)\\) — Jane Doe`,
        `- [\`01aaaaa\`](https://github.com/acme/app/commit/01${'a'.repeat(38)}) Add health checks — Bob`,
        '',
        '[Full comparison](https://github.com/acme/app/compare/1.4.2...1.4.3)',
        '',
      ].join('\n'),
    );
  });

  it('says how many more there are beyond the 20 shown', () => {
    const commits = Array.from({ length: 20 }, (_, index) => commit(40 - index, `Change ${40 - index}`));
    const section = renderChangelog(compared(commits, 45), '1.4.3');
    expect(section.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(20);
    expect(section).toContain('45 commits in');
    expect(section).toContain('25 more: see the [full comparison](https://github.com/acme/app/compare/1.4.2...1.4.3).');
  });

  it('links !123 to merge requests and #12 to issues on GitLab, and leaves !123 alone on GitHub', () => {
    const subject = 'Merge branch fix into main (!123, closes #12)';
    expect(renderChangelog(compared([commit(1, subject)], 1, 'gitlab'), '1.4.3')).toContain(
      'Merge branch fix into main \\([!123](https://gitlab.example.com/acme/app/-/merge_requests/123), closes [#12](https://gitlab.example.com/acme/app/-/issues/12)\\)',
    );
    expect(renderChangelog(compared([commit(1, subject)], 1, 'github'), '1.4.3')).toContain(
      'Merge branch fix into main \\(\\!123, closes [#12](https://github.com/acme/app/pull/12)\\)',
    );
  });

  it('escapes markup, sets mentions and SHAs as code, and keeps every line one line', () => {
    const hostile = 'Fix <img src=x onerror=alert(1)> *bold* [link](http://evil) @alice\nnext line; reverts cafe1234 see other/repo#7 and a#1';
    const line = renderChangelog(compared([commit(1, hostile, '@mallory <b>')], 1), '1.4.3')
      .split('\n')
      .find((text) => text.startsWith('- '));
    expect(line).toBe(
      `- [\`01aaaaa\`](https://github.com/acme/app/commit/01${'a'.repeat(38)}) Fix \\<img src=x onerror=alert\\(1\\)\\> \\*bold\\* \\[link\\]\\(http://evil\\) \`@alice\`\\\\nnext line; reverts \`cafe1234\` see other/repo\\#7 and a\\#1 — \`@mallory\` \\<b\\>`,
    );
  });

  it('cuts a very long subject', () => {
    const section = renderChangelog(compared([commit(1, 'x'.repeat(500))], 1), '1.4.3');
    expect(section).toContain(` ${'x'.repeat(199)}… — Jane Doe`);
  });

  it('says so when the new value adds no commits', () => {
    expect(renderChangelog(compared([], 0), '1.4.3')).toBe(
      '### What 1.4.3 contains\n\n`1.4.3` adds no commits to `1.4.2` in [acme/app](https://github.com/acme/app): it is the same commit or an older one ([comparison](https://github.com/acme/app/compare/1.4.2...1.4.3)).\n',
    );
  });

  it('shows the reason in one line when there is no comparison', () => {
    expect(renderChangelog({ kind: 'unavailable', reason: 'Why not.' }, 'sha256:x')).toBe('### What `sha256:x` contains\n\nWhy not.\n');
  });

  it('keeps links whole when a ref holds parentheses or spaces', () => {
    const changelog = compared([commit(1, 'One')], 1);
    if (changelog.kind === 'compared') changelog.comparison.webUrl = 'https://github.com/acme/app/compare/a(1)...b c';
    expect(renderChangelog(changelog, '1.4.3')).toContain('[Full comparison](https://github.com/acme/app/compare/a%281%29...b%20c)');
  });

  it('renders the same comparison the same way every time', () => {
    const changelog = compared([commit(1, 'One (#1)')], 1);
    expect(renderChangelog(changelog, '1.4.3')).toBe(renderChangelog(structuredClone(changelog), '1.4.3'));
  });
});

// ---- loadChangelog over a real application repository ----

let dir: string;
let gitDir: string;
const shas: string[] = [];

function git(args: string[], date = '1700000000 +0000'): string {
  // Fixed dates make the SHAs the same on every run, so the tests' tags are too.
  const env = { ...hermeticGitEnv(gitIdentity('Ann Dev', 'ann@example.com')), GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  return execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', env }).trim();
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'changelog-test-'));
  gitDir = join(dir, 'app.git');
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', gitDir], { env: hermeticGitEnv() });
  const tree = git(['mktree']);
  let parent: string | undefined;
  for (let n = 1; n <= 30; n++) {
    parent = git(['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', `Change ${n} (#${n})`], `${1_700_000_000 + n * 60} +0000`);
    shas.push(parent);
  }
  git(['update-ref', 'refs/heads/main', parent!]);
  git(['tag', 'v1.0.0', shas[4]!]);
  git(['tag', 'v1.1.0', shas[7]!]);
  git(['tag', 'v2.0.0', shas[29]!]);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function forge(): FakeForge {
  const fake = new FakeForge('github', { defaultBranch: 'main', webUrl: 'https://github.invalid/acme/envs' }, () => undefined);
  fake.sourceRepositories.set('acme/app', { gitDir, webUrl: 'https://github.invalid/acme/app' });
  return fake;
}

describe('loadChangelog', () => {
  it('compares two tags in one request', async () => {
    const fake = forge();
    const changelog = await loadChangelog(fake, { repository: 'acme/app', previous: ['v1.0.0'], value: 'v1.1.0', mode: 'image' });
    expect(fake.requests).toBe(1);
    expect(changelog).toMatchObject({ kind: 'compared', from: 'v1.0.0', to: 'v1.1.0' });
    const { comparison } = changelog as Extract<Changelog, { kind: 'compared' }>;
    expect(comparison.commits.map((entry) => entry.subject)).toEqual(['Change 8 (#8)', 'Change 7 (#7)', 'Change 6 (#6)']);
    expect(comparison.totalCommits).toBe(3);
    expect(comparison.commits[0]).toMatchObject({ sha: shas[7], authorName: 'Ann Dev', url: `https://github.invalid/acme/app/commit/${shas[7]}` });
  });

  it('finds the v tag of a version in a second request, and shows at most 20 of 22 commits', async () => {
    const fake = forge();
    const changelog = await loadChangelog(fake, { repository: 'acme/app', previous: ['1.1.0'], value: '2.0.0', mode: 'image' });
    expect(fake.requests).toBe(2);
    expect(changelog).toMatchObject({ kind: 'compared', from: 'v1.1.0', to: 'v2.0.0' });
    const section = renderChangelog(changelog, '2.0.0');
    expect(section.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(20);
    expect(section).toContain('22 commits in');
    expect(section).toContain('- [`' + shas[29]!.slice(0, 7) + '`]');
    expect(section).toContain('2 more: see the [full comparison](https://github.invalid/acme/app/compare/v1.1.0...v2.0.0).');
  });

  it('compares the SHAs inside two image tags', async () => {
    const fake = forge();
    const changelog = await loadChangelog(fake, {
      repository: 'acme/app',
      previous: [`sha-${shas[9]!.slice(0, 7)}`],
      value: `1.4.2-${shas[11]!.slice(0, 8)}@sha256:${'d'.repeat(64)}`,
      mode: 'image',
    });
    expect(fake.requests).toBe(1);
    expect(changelog).toMatchObject({ kind: 'compared', comparison: { totalCommits: 2 } });
  });

  it('says in one line that a tag is missing, after at most two requests', async () => {
    const fake = forge();
    const changelog = await loadChangelog(fake, { repository: 'acme/app', previous: ['1.0.0'], value: '9.9.9', mode: 'image' });
    expect(fake.requests).toBe(2);
    expect(changelog).toEqual({
      kind: 'unavailable',
      reason: '`1.0.0`…`9.9.9` or `v1.0.0`…`v9.9.9` not found in acme/app: a tag or commit is missing there, or the token cannot read the repository.',
    });
    expect(renderChangelog(changelog, '9.9.9').split('\n')).toHaveLength(4);
  });

  it('asks nothing when the values map to no commit or there is no single previous value', async () => {
    const fake = forge();
    const digest = `@sha256:${'e'.repeat(64)}`;
    const cases = [
      [{ previous: ['v1.0.0'], value: digest }, `No changelog: \`${digest}\` is a digest only: it names an image, not a commit.`],
      [{ previous: [digest], value: 'v1.1.0' }, `No changelog: the previous value \`${digest}\` is a digest only: it names an image, not a commit.`],
      [{ previous: ['v1.0.0', 'v1.1.0'], value: 'v2.0.0' }, 'The target files hold several values (`v1.0.0`, `v1.1.0`): there is no single previous version to compare with.'],
      [{ previous: [], value: 'v2.0.0' }, 'The target files held no value before: there is no previous version to compare with.'],
      [{ previous: [`v1.0.0@sha256:${'1'.repeat(64)}`], value: `v1.0.0@sha256:${'2'.repeat(64)}` }, `\`v1.0.0@sha256:${'1'.repeat(64)}\` and \`v1.0.0@sha256:${'2'.repeat(64)}\` both name \`v1.0.0\` in acme/app: the image changed, its source did not.`],
    ] as const;
    for (const [values, reason] of cases) {
      expect(await loadChangelog(fake, { repository: 'acme/app', mode: 'image', ...values })).toEqual({ kind: 'unavailable', reason });
    }
    expect(fake.requests).toBe(0);
  });

  it('tells a forge failure in one line instead of failing the promotion, and passes on anything else', async () => {
    const failing = {
      kind: 'github' as const,
      compare: () => Promise.reject(new TransientForgeError('GitHub answered 502 while trying to compare\nv1...v2.', 'Retry.', 502)),
    };
    expect(await loadChangelog(failing, { repository: 'acme/app', previous: ['v1.0.0'], value: 'v1.1.0', mode: 'image' })).toEqual({
      kind: 'unavailable',
      reason: 'Could not compare the two versions in acme/app: GitHub answered 502 while trying to compare v1...v2.',
    });
    const bug = { kind: 'github' as const, compare: () => Promise.reject(new TypeError('bug')) };
    await expect(loadChangelog(bug, { repository: 'acme/app', previous: ['v1.0.0'], value: 'v1.1.0', mode: 'image' })).rejects.toThrow(TypeError);
    expect(new TransientForgeError('x', 'y', 502)).toBeInstanceOf(ForgeError);
  });
});
