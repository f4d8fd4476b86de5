import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSelectionError } from '../../packages/core/src/errors';
import { selectFiles, splitList } from '../../packages/core/src/repo-files';

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
