/**
 * The batched git reads and writes an environment promotion leans on: filesAt reads many files at
 * a commit in one process, commitOnto writes many files in a fixed number of processes; both as
 * the one-file forms did (missing files, modes, paths from the repository root, UTF-8 text).
 */
import { chmod } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitRepository } from '../../../packages/core/src/git/git-repository';
import { createGitRemote, type GitRemote } from '../../support/git-remote';
import { useHermeticGitEnv } from '../../support/hermetic-git-env';

useHermeticGitEnv();

describe('filesAt / commitOnto', () => {
  let remote: GitRemote;
  let work: string;
  beforeEach(async () => {
    remote = await createGitRemote({ 'envs/prod/a.yaml': 'a: 1\n', 'envs/prod/ü b.yaml': 'b: "ä"\n', 'bin/deploy.sh': '#!/bin/sh\n' });
    work = await remote.clone('work');
    await chmod(path.join(work, 'bin/deploy.sh'), 0o755);
    await remote.git(['add', 'bin/deploy.sh'], work);
    await remote.git(['commit', '-q', '-m', 'executable'], work);
  });
  afterEach(async () => remote.cleanup());

  it('filesAt reads every file at a commit in one go; a missing file or a folder reads as undefined', async () => {
    const repo = await GitRepository.open(work, {}, (text) => text);
    const head = await repo.head();
    const texts = await repo.filesAt(head, ['envs/prod/a.yaml', 'envs/prod/ü b.yaml', 'envs/prod/missing.yaml', 'envs/prod', 'bin/deploy.sh']);
    expect(Object.fromEntries(texts)).toEqual({ 'envs/prod/a.yaml': 'a: 1\n', 'envs/prod/ü b.yaml': 'b: "ä"\n', 'envs/prod/missing.yaml': undefined, 'envs/prod': undefined, 'bin/deploy.sh': '#!/bin/sh\n' });
    for (const [file, text] of texts) expect(text).toBe(await repo.fileAt(head, file));
  });

  it('commitOnto writes many files in one commit, keeping modes, adding new files, from a subfolder too', async () => {
    const repo = await GitRepository.open(path.join(work, 'envs'), {}, (text) => text);
    const parent = await repo.head();
    const files = [
      { path: 'envs/prod/a.yaml', content: 'a: 2\n' },
      { path: 'envs/prod/ü b.yaml', content: 'b: "ö"\n' },
      { path: 'bin/deploy.sh', content: '#!/bin/sh\necho deploy\n' },
      { path: '.gitops-promote/holds', content: '{}\n' },
    ];
    const sha = await repo.commitOnto(parent, files, 'several', { name: 'Bot', email: 'bot@example.invalid' });
    expect(await remote.git(['rev-parse', `${sha}^`], work)).toBe(parent);
    for (const file of files) expect(await remote.git(['show', `${sha}:${file.path}`], work)).toBe(file.content.trimEnd());
    const modes = await remote.git(['ls-tree', '-r', '--format=%(objectmode) %(path)', sha], work);
    expect(modes.split('\n')).toEqual(['100644 .gitops-promote/holds', '100755 bin/deploy.sh', '100644 envs/prod/a.yaml', '100644 "envs/prod/\\303\\274 b.yaml"']);
  });
});
