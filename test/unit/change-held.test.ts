/**
 * fileNotHoldingChange: whether a later commit still holds what an earlier one changed, on a real
 * git repository. A revert or an overwrite of the values the commit set does not; another value of
 * the same file, a re-formatting, or another file do.
 */
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileNotHoldingChange } from '../../packages/core/src/git/change-held';
import { GitRepository } from '../../packages/core/src/git/git-repository';
import { useHermeticGitEnv } from '../support/hermetic-git-env';
import { createSandbox, type Sandbox } from '../support/run-bundle';

const IDENTITY = ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.invalid'];
const FILE = 'envs/dev/values.yaml';

let sandbox: Sandbox;
let repo: string;
useHermeticGitEnv();
beforeEach(async () => {
  sandbox = await createSandbox('gitops-promote-change-held-');
  repo = join(sandbox.dir, 'repo');
  await mkdir(join(repo, 'envs/dev'), { recursive: true });
  await sandbox.gitOk(['init', '--quiet', '--initial-branch=main'], repo);
  await commit({ [FILE]: 'image:\n  tag: "1.0.0"\nreplicas: 2\n', 'envs/dev/notes.txt': 'v1\n' });
});
afterEach(async () => sandbox.cleanup());

/** Writes the files (undefined deletes one) and commits; returns the commit. */
async function commit(files: Record<string, string | undefined>): Promise<string> {
  for (const [file, content] of Object.entries(files)) {
    if (content === undefined) await unlink(join(repo, file));
    else await writeFile(join(repo, file), content);
  }
  await sandbox.gitOk(['add', '-A'], repo);
  await sandbox.gitOk([...IDENTITY, 'commit', '--quiet', '-m', 'change'], repo);
  return sandbox.gitOk(['rev-parse', 'HEAD'], repo);
}

async function check(change: string, candidate: string): Promise<string | undefined> {
  return fileNotHoldingChange(await GitRepository.open(repo, {}, (text) => text), change, candidate);
}

describe('fileNotHoldingChange', () => {
  it('holds in the commit itself, and after a change to another file or another value of the same file', async () => {
    const ours = await commit({ [FILE]: 'image:\n  tag: "1.1.0"\nreplicas: 2\n' });
    expect(await check(ours, ours)).toBeUndefined();
    const other = await commit({ 'envs/dev/notes.txt': 'v2\n' });
    expect(await check(ours, other)).toBeUndefined();
    const replicas = await commit({ [FILE]: 'image:\n  tag: "1.1.0"\nreplicas: 3\n' });
    expect(await check(ours, replicas)).toBeUndefined();
    // Re-formatted, same values: still ours.
    const reformatted = await commit({ [FILE]: "image: {tag: '1.1.0'}\nreplicas: 3\n" });
    expect(await check(ours, reformatted)).toBeUndefined();
  });

  it('does not hold after a revert, an overwrite of the value, or the file deleted', async () => {
    const ours = await commit({ [FILE]: 'image:\n  tag: "1.1.0"\nreplicas: 2\n' });
    const reverted = await commit({ [FILE]: 'image:\n  tag: "1.0.0"\nreplicas: 2\n' });
    expect(await check(ours, reverted)).toBe(FILE);
    const overwritten = await commit({ [FILE]: 'image:\n  tag: "1.2.0"\nreplicas: 2\n' });
    expect(await check(ours, overwritten)).toBe(FILE);
    const deleted = await commit({ [FILE]: undefined });
    expect(await check(ours, deleted)).toBe(FILE);
  });

  it('a key the commit removed must stay removed; a text file must stay byte for byte', async () => {
    const ours = await commit({ [FILE]: 'image:\n  tag: "1.0.0"\n', 'envs/dev/notes.txt': 'v3\n' });
    const back = await commit({ [FILE]: 'image:\n  tag: "1.0.0"\nreplicas: 2\n' });
    expect(await check(ours, back)).toBe(FILE);
    const ours2 = await commit({ 'envs/dev/notes.txt': 'v4\n' });
    const edited = await commit({ 'envs/dev/notes.txt': 'v4 \n' });
    expect(await check(ours2, edited)).toBe('envs/dev/notes.txt');
  });
});
