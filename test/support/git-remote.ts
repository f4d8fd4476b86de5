/**
 * A real bare "remote" and clones of it, for tests of the git layer (publisher, change branch,
 * history): every git command runs in the hermetic environment, as a person (or another run)
 * pushing beside the code under test.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gitIdentity, hermeticGitEnv } from './hermetic-git-env';

const run = promisify(execFile);

export interface GitRemote {
  /** Scratch folder holding the remote and the clones. */
  dir: string;
  /** The bare repository; also its URL for `git clone`. */
  bare: string;
  git(args: readonly string[], cwd: string): Promise<string>;
  /** A clone of the remote at `dir/name`, on `branch`. */
  clone(name: string, branch?: string): Promise<string>;
  /** Writes `files` in the clone (paths from its root), commits them with `message` (as `by`); returns the commit. */
  commit(work: string, files: Record<string, string>, message: string, by?: string): Promise<string>;
  /** The remote branch's tip, or undefined when the remote has no such branch. */
  tip(branch: string): Promise<string | undefined>;
  /** A file at a remote revision. */
  show(rev: string, file: string): Promise<string>;
  cleanup(): Promise<void>;
}

/** A remote whose `main` holds `files` in one commit by "Seed". */
export async function createGitRemote(files: Record<string, string>): Promise<GitRemote> {
  const dir = await mkdtemp(join(tmpdir(), 'gitops-promote-git-'));
  const bare = join(dir, 'remote.git');
  const git = async (args: readonly string[], cwd: string, by = 'Seed'): Promise<string> =>
    (await run('git', [...args], { cwd, env: hermeticGitEnv(gitIdentity(by, `${by.toLowerCase()}@example.invalid`)) })).stdout.trim();
  const remote: GitRemote = {
    dir,
    bare,
    git: (args, cwd) => git(args, cwd),
    async clone(name, branch = 'main') {
      const work = join(dir, name);
      await git(['clone', '--quiet', '--branch', branch, bare, work], dir);
      return work;
    },
    async commit(work, changes, message, by = 'Person') {
      for (const [file, content] of Object.entries(changes)) {
        await mkdir(dirname(join(work, file)), { recursive: true });
        await writeFile(join(work, file), content);
      }
      await git(['add', '--', ...Object.keys(changes)], work);
      await git(['commit', '--quiet', '-m', message], work, by);
      return git(['rev-parse', 'HEAD'], work);
    },
    async tip(branch) {
      const line = await git(['ls-remote', bare, `refs/heads/${branch}`], dir);
      return line === '' ? undefined : line.split('\t')[0];
    },
    show: (rev, file) => git(['show', `${rev}:${file}`], bare),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
  await git(['init', '--quiet', '--bare', '--initial-branch=main', bare], dir);
  const seed = join(dir, 'seed');
  await git(['init', '--quiet', '--initial-branch=main', seed], dir);
  await remote.commit(seed, files, 'seed', 'Seed');
  await git(['push', '--quiet', bare, 'main'], seed);
  return remote;
}
