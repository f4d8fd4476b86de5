import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSelectionError } from '../../packages/core/src/files/errors';
import { splitList } from '../../packages/core/src/text/list-input';
import { selectFiles } from '../../packages/core/src/files/repo-files';
import { failureOf } from '../support/errors';

let dir: string;
let repo: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'gp-files-'));
  repo = path.join(dir, 'repo');
  await mkdir(path.join(repo, 'envs/dev'), { recursive: true });
  await writeFile(path.join(repo, 'envs/dev/a.yaml'), 'a: 1\n');
  await writeFile(path.join(repo, 'envs/dev/b.yml'), 'b: 1\n');
  await writeFile(path.join(dir, 'outside.yaml'), 'x: 1\n');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('selectFiles', () => {
  it('splits newline and comma lists', () => {
    expect(splitList(' a.yaml ,b.yaml\n\n c.yaml \n')).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
  });

  it('resolves paths and globs to files inside the repository, once each', async () => {
    const files = await selectFiles(repo, ['envs/dev/a.yaml', 'envs/**/*.{yaml,yml}']);
    expect(files.map((file) => file.relative)).toEqual(['envs/dev/a.yaml', 'envs/dev/b.yml']);
  });

  it('edits a symlink inside the repository at its target', async () => {
    await symlink('dev/a.yaml', path.join(repo, 'envs/link.yaml'));
    const files = await selectFiles(repo, ['envs/link.yaml']);
    expect(files.map((file) => file.relative)).toEqual(['envs/dev/a.yaml']);
  });

  it.each([
    ['/etc/passwd', 'absolute path'],
    ['../outside.yaml', "climbs out of the repository with '..'"],
    ['envs/../../outside.yaml', "'..'"],
    ['envs/prod/*.yaml', 'matched no file'],
    ['envs/dev/missing.yaml', 'does not exist'],
    ['envs/dev', 'not a regular file'],
  ])('refuses %s', async (entry, message) => {
    await expect(selectFiles(repo, [entry])).rejects.toThrow(FileSelectionError);
    await expect(selectFiles(repo, [entry])).rejects.toThrow(message);
  });

  it('refuses a symlink leading outside the repository', async () => {
    await symlink(path.join(dir, 'outside.yaml'), path.join(repo, 'envs/dev/escape.yaml'));
    await expect(selectFiles(repo, ['envs/dev/escape.yaml'])).rejects.toThrow('symlink leading outside the repository');
  });
});

async function selectionError(root: string, entries: string[]): Promise<FileSelectionError> {
  const error = await failureOf(selectFiles(root, entries), FileSelectionError);
  expect(error.message).not.toMatch(/[\n\r]/);
  expect(error.hint.length).toBeGreaterThan(10);
  return error;
}

describe('selectFiles: the repository root', () => {
  it('refuses a path that does not exist, in one line', async () => {
    const missing = path.join(dir, 'nope');
    const error = await selectionError(missing, ['envs/dev/a.yaml']);
    expect(error.message).toBe(`path ${JSON.stringify(missing)} does not exist.`);
    expect(error.hint).toContain("Set 'path'");
  });

  it('refuses a path below a file', async () => {
    const error = await selectionError(path.join(repo, 'envs/dev/a.yaml/x'), ['a.yaml']);
    expect(error.message).toMatch(/does not exist\.$/);
  });

  it('refuses a path that is a file', async () => {
    const file = path.join(repo, 'envs/dev/a.yaml');
    const error = await selectionError(file, ['a.yaml']);
    expect(error.message).toBe(`path ${JSON.stringify(file)} is a file, not a directory.`);
  });

  it('accepts a root reached through a symlink', async () => {
    await symlink(repo, path.join(dir, 'checkout'));
    const files = await selectFiles(path.join(dir, 'checkout'), ['envs/dev/a.yaml']);
    expect(files).toEqual([{ relative: 'envs/dev/a.yaml', absolute: await realpath(path.join(repo, 'envs/dev/a.yaml')) }]);
  });
});

describe('selectFiles: .git at any depth', () => {
  beforeEach(async () => {
    await mkdir(path.join(repo, '.git'), { recursive: true });
    await writeFile(path.join(repo, '.git/config'), '[core]\n');
    await writeFile(path.join(repo, '.git/x.yaml'), 'a: 1\n');
    await mkdir(path.join(repo, 'vendor/sub/.git'), { recursive: true });
    await writeFile(path.join(repo, 'vendor/sub/.git/HEAD'), 'ref: refs/heads/main\n');
    await writeFile(path.join(repo, 'vendor/sub/.git/HEAD.yaml'), 'a: 1\n');
    await writeFile(path.join(repo, 'vendor/sub/app.yaml'), 'a: 1\n');
    // A submodule's checkout holds a `.git` file pointing at the superproject's modules directory.
    await mkdir(path.join(repo, 'lib'), { recursive: true });
    await writeFile(path.join(repo, 'lib/.git'), 'gitdir: ../.git/modules/lib\n');
  });

  it.each(['.git/config', 'vendor/sub/.git/HEAD', 'vendor/sub/.git/HEAD.yaml', 'lib/.git', 'lib/.git/', './lib/.git', 'lib/.GIT', 'vendor/sub/.Git/HEAD', 'lib/.git.', 'lib/.git ', 'GIT~1/config'])(
    'refuses the literal entry %j, naming it',
    async (entry) => {
      const error = await selectionError(repo, [entry]);
      expect(error.message).toBe(`'files' entry ${JSON.stringify(entry)}: ${entry.replace(/\\/g, '/')} is inside git's own data (a .git directory or a submodule's .git file).`);
    },
  );

  it('never selects .git contents through a glob', async () => {
    const files = await selectFiles(repo, ['**/*.yaml', '**/*', 'vendor/**']);
    expect(files.map((file) => file.relative)).toEqual(['envs/dev/a.yaml', 'vendor/sub/app.yaml', 'envs/dev/b.yml']);
  });

  it.each(['vendor/sub/.git/*', '.git/*.yaml', 'lib/.gi[t]', '**/.git', 'vendor/*/.git/**', '**/HEAD*', 'lib/*', 'lib/.gi?', '.git/**'])('a glob naming .git (%j) matches nothing', async (pattern) => {
    const error = await selectionError(repo, [pattern]);
    expect(error.message).toContain('matched no file');
  });

  it('refuses a symlink into .git, by its real path, literal or globbed', async () => {
    await symlink('../../.git/config', path.join(repo, 'envs/dev/settings.yaml'));
    for (const entry of ['envs/dev/settings.yaml', 'envs/dev/*.yaml']) {
      const error = await selectionError(repo, [entry]);
      expect(error.message).toBe(`'files' entry ${JSON.stringify(entry)}: envs/dev/settings.yaml resolves to ".git/config", inside git's own data (a .git directory or a submodule's .git file).`);
    }
  });

  it('refuses a symlinked directory leading into a submodule .git', async () => {
    await symlink('../../vendor/sub/.git', path.join(repo, 'envs/dev/meta'));
    const error = await selectionError(repo, ['envs/dev/meta/HEAD.yaml']);
    expect(error.message).toContain('resolves to "vendor/sub/.git/HEAD.yaml", inside git\'s own data');
  });
});

describe('selectFiles: symlinks matched by a glob', () => {
  beforeEach(async () => {
    await mkdir(path.join(dir, 'outdir'), { recursive: true });
    await writeFile(path.join(dir, 'outdir/deep.yaml'), 'x: 1\n');
  });

  it('refuses a glob matching a symlink to a file outside, naming the link and its target', async () => {
    await symlink(path.join(dir, 'outside.yaml'), path.join(repo, 'envs/dev/escape.yaml'));
    const error = await selectionError(repo, ['envs/**/*.yaml']);
    expect(error.message).toBe(
      `'files' entry "envs/**/*.yaml": envs/dev/escape.yaml is a symlink leading outside the repository, to ${JSON.stringify(await realpath(path.join(dir, 'outside.yaml')))}.`,
    );
  });

  it('refuses a glob matching a symlink to a directory outside', async () => {
    await symlink('../../../outdir', path.join(repo, 'envs/dev/shared'));
    const error = await selectionError(repo, ['envs/dev/*']);
    expect(error.message).toContain(`envs/dev/shared is a symlink leading outside the repository, to ${JSON.stringify(await realpath(path.join(dir, 'outdir')))}.`);
  });

  it('never walks into a symlinked directory, inside or outside', async () => {
    await symlink('../../../outdir', path.join(repo, 'envs/dev/shared'));
    await symlink('dev', path.join(repo, 'envs/again'));
    const files = await selectFiles(repo, ['envs/**/*.yaml']);
    expect(files.map((file) => file.relative)).toEqual(['envs/dev/a.yaml']);
  });

  it('refuses a literal path through a symlinked directory leading outside', async () => {
    await symlink('../../../outdir', path.join(repo, 'envs/dev/shared'));
    const error = await selectionError(repo, ['envs/dev/shared/deep.yaml']);
    expect(error.message).toContain('envs/dev/shared/deep.yaml leads through a symlink outside the repository, to');
  });

  it('selects a symlink to a file inside the repository at its target, once', async () => {
    await symlink('dev/a.yaml', path.join(repo, 'envs/a-link.yaml'));
    await symlink('dev/b.yml', path.join(repo, 'envs/b-link.yml'));
    const files = await selectFiles(repo, ['envs/*.{yaml,yml}']);
    expect(files.map((file) => file.relative)).toEqual(['envs/dev/a.yaml', 'envs/dev/b.yml']);
    const both = await selectFiles(repo, ['envs/**/*.yaml']);
    expect(both.map((file) => file.relative)).toEqual(['envs/dev/a.yaml']);
  });

  it('skips a symlink to a directory inside the repository, as it skips directories', async () => {
    await symlink('dev', path.join(repo, 'envs/current'));
    const files = await selectFiles(repo, ['envs/*/*']);
    expect(files.map((file) => file.relative)).toEqual(['envs/dev/a.yaml', 'envs/dev/b.yml']);
    const error = await selectionError(repo, ['envs/c*']);
    expect(error.message).toContain('matched no file');
  });

  it('refuses a broken symlink, literal or globbed, naming its target', async () => {
    await symlink('gone.yaml', path.join(repo, 'envs/dev/old.yaml'));
    for (const entry of ['envs/dev/old.yaml', 'envs/dev/*.yaml']) {
      const error = await selectionError(repo, [entry]);
      expect(error.message).toBe(`'files' entry ${JSON.stringify(entry)}: envs/dev/old.yaml is a symlink to "gone.yaml", which does not exist.`);
    }
  });
});

describe('selectFiles: control characters in names', () => {
  it.each(['envs/dev/a\u0007.yaml', 'envs/dev/\ta.yaml', 'envs/dev/a\r.yaml', 'envs/dev/a\u007f.yaml', 'envs/dev/a\u009b.yaml', 'envs/dev/*\u0085.yaml'])(
    'refuses the entry %j, shown escaped',
    async (entry) => {
      const error = await selectionError(repo, [entry]);
      expect(error.message).toBe(`'files' entry ${JSON.stringify(entry).replace(/[\u007f-\u009f]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`)} contains a control character.`);
    },
  );

  it.each([
    ['x\ny.yaml', '"envs/dev/x\\ny.yaml"'],
    ['x\u001b[2J.yaml', '"envs/dev/x\\u001b[2J.yaml"'],
    ['x\u007f.yaml', '"envs/dev/x\\u007f.yaml"'],
    ['x\u0085.yaml', '"envs/dev/x\\u0085.yaml"'],
  ])('refuses a glob matching the file %j, shown escaped', async (name, shown) => {
    await writeFile(path.join(repo, 'envs/dev', name), 'a: 1\n');
    const error = await selectionError(repo, ['envs/dev/*.yaml']);
    expect(error.message).toBe(`'files' entry "envs/dev/*.yaml" matches ${shown}, whose name contains a control character.`);
  });

  it('keeps names with spaces and non-ASCII letters', async () => {
    await writeFile(path.join(repo, 'envs/dev/my values ü.yaml'), 'a: 1\n');
    const files = await selectFiles(repo, ['envs/dev/*.yaml']);
    expect(files.map((file) => file.relative)).toEqual(['envs/dev/a.yaml', 'envs/dev/my values ü.yaml']);
  });
});
