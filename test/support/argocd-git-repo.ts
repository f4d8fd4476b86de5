/**
 * Throwaway git repositories for the Argo CD simulator's tests: a real repository in a temp
 * directory, files committed with the git CLI, commit ids returned, so the simulator reads
 * exactly what a repo server would read.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { devNull, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gitIdentity, hermeticGitEnv } from './hermetic-git-env';

export interface TestRepo {
  /** The work tree (also the path to give the simulator). */
  dir: string;
  /** Writes (or with `null`, deletes) files and commits them on the current branch; returns the commit id. */
  commit(files: Record<string, string | null>, message?: string): Promise<string>;
  /** Creates `branch` at the current commit and switches to it. */
  branch(branch: string): Promise<void>;
  checkout(branch: string): Promise<void>;
  git(args: readonly string[]): Promise<string>;
  remove(): Promise<void>;
}

// No user or system config, so the machine's git settings cannot change what gets committed.
const ENV = hermeticGitEnv(gitIdentity('test', 'test@example.invalid'));

function run(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const child = spawn('git', ['-c', 'commit.gpgsign=false', '-c', `core.hooksPath=${devNull}`, ...args], { cwd, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8').trim());
      else reject(new Error(`git ${args.join(' ')} failed (${code}): ${Buffer.concat(err).toString('utf8')}`));
    });
  });
}

export async function createTestRepo(files: Record<string, string>, branch = 'main'): Promise<TestRepo> {
  const dir = await mkdtemp(join(tmpdir(), 'argocd-sim-repo-'));
  await run(dir, ['init', '-q', '-b', branch]);
  const repo: TestRepo = {
    dir,
    async commit(changes, message = 'change') {
      for (const [path, content] of Object.entries(changes)) {
        const target = join(dir, path);
        if (content === null) {
          await rm(target, { force: true });
        } else {
          await mkdir(dirname(target), { recursive: true });
          await writeFile(target, content);
        }
      }
      await run(dir, ['add', '-A']);
      await run(dir, ['commit', '-q', '--allow-empty', '-m', message]);
      return run(dir, ['rev-parse', 'HEAD']);
    },
    async branch(name) {
      await run(dir, ['checkout', '-q', '-b', name]);
    },
    async checkout(name) {
      await run(dir, ['checkout', '-q', name]);
    },
    git: (args) => run(dir, args),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
  await repo.commit(files, 'initial');
  return repo;
}

/** A Deployment manifest with one container, the shape promotion steps edit. */
export function deployment(name: string, image: string, kind = 'Deployment'): string {
  return [
    'apiVersion: apps/v1',
    `kind: ${kind}`,
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    `        - name: ${name}`,
    `          image: ${image}`,
    '',
  ].join('\n');
}

export function service(name: string): string {
  return ['apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`, 'spec:', '  ports:', '    - port: 80', ''].join('\n');
}
