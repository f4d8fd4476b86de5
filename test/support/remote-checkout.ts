/**
 * A bare "remote" and a clone of it on main, made fresh for every test of a file: the set-up of
 * the tests that commit as a person, then run a step in the clone (rollback, hold, trains).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createSandbox, type Sandbox } from './run-bundle';

export const PERSON = ['-c', 'user.name=Person', '-c', 'user.email=person@example.invalid'];

export interface RemoteCheckout {
  sandbox: Sandbox;
  /** The bare repository standing for the remote. */
  bare: string;
  /** Its clone, on main. */
  checkout: string;
  /** A commit by a person (no trailers) in `dir` (the checkout by default), pushed to `branch`; its sha. */
  commitAsPerson(files: Record<string, string>, message: string, dir?: string, branch?: string): Promise<string>;
}

/** Registers the per-test set-up and clean-up; the returned function gives the current test's repositories. */
export function useRemoteCheckout(prefix: string): () => RemoteCheckout {
  let current: RemoteCheckout | undefined;
  beforeEach(async () => {
    const sandbox = await createSandbox(prefix);
    const bare = join(sandbox.dir, 'remote.git');
    const checkout = join(sandbox.dir, 'checkout');
    await sandbox.gitOk(['init', '--quiet', '--bare', '--initial-branch=main', bare], sandbox.dir);
    await sandbox.gitOk(['clone', '--quiet', bare, checkout], sandbox.dir);
    await sandbox.gitOk(['checkout', '--quiet', '-b', 'main'], checkout);
    const commitAsPerson = async (files: Record<string, string>, message: string, dir = checkout, branch = 'main'): Promise<string> => {
      for (const [file, content] of Object.entries(files)) {
        await mkdir(join(dir, file, '..'), { recursive: true });
        await writeFile(join(dir, file), content);
      }
      await sandbox.gitOk(['add', '-A'], dir);
      await sandbox.gitOk([...PERSON, 'commit', '--quiet', '-m', message], dir);
      await sandbox.gitOk(['push', '--quiet', 'origin', `HEAD:${branch}`], dir);
      return sandbox.gitOk(['rev-parse', 'HEAD'], dir);
    };
    current = { sandbox, bare, checkout, commitAsPerson };
  });
  afterEach(async () => {
    await current?.sandbox.cleanup();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('useRemoteCheckout: used outside a test');
    return current;
  };
}

/** Every input of `spec` as '' (what a platform gives for an input not set). */
export function blankInputs<T>(spec: { inputs: readonly { name: string }[] }): T {
  return Object.fromEntries(spec.inputs.map((input) => [input.name, ''])) as T;
}
