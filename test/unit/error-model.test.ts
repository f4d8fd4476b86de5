import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ForgeError, TransientForgeError } from '../../packages/core/src/forge/errors';
import { toForgeError } from '../../packages/core/src/forge/github-errors';
import { networkError } from '../../packages/core/src/forge/gitlab-errors';
import { BranchMovedError, GitVersionError, PushRetriesExhaustedError } from '../../packages/core/src/git/errors';
import { GitRepository } from '../../packages/core/src/git/git-repository';
import { isSupportedGit, parseGitVersion } from '../../packages/core/src/git/git-version';
import { retrying, type Clock } from '../../packages/core/src/runtime/retry';

const context = { action: 'read the repository', repository: 'acme/envs', apiUrl: 'https://api.github.com', redact: (text: string) => text };

describe('forge errors: retryable is a property of the type', () => {
  it('a transient failure is a TransientForgeError, a refusal a plain ForgeError', () => {
    expect(new TransientForgeError('m', 'h', 503).retryable).toBe(true);
    expect(new ForgeError('m', 'h', 403).retryable).toBe(false);
  });

  it('an error nobody expected (a TypeError in our code) is passed on as the bug it is, not a retryable ForgeError', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'sha')");
    expect(toForgeError(bug, context)).toBe(bug);
  });

  it('a GitHub host that does not resolve is terminal; a dropped connection is retried', () => {
    const unresolved = Object.assign(new Error('getaddrinfo ENOTFOUND api.github.example'), { status: 500 });
    const dropped = Object.assign(new Error('socket hang up'), { status: 500 });
    expect(toForgeError(unresolved, context)).toMatchObject({ status: 0, retryable: false });
    expect(toForgeError(dropped, context)).toMatchObject({ status: 0, retryable: true });
  });

  it('a GitLab host that does not resolve is terminal too', () => {
    expect(networkError('GET', 'projects/x', 'https://gitlab.example', 'ENOTFOUND', (text) => text).retryable).toBe(false);
  });
});

describe('retrying: one loop for every race', () => {
  const clock = (): Clock & { slept: number[] } => {
    let now = 0;
    const slept: number[] = [];
    return { slept, now: () => now, sleep: async (ms) => void (slept.push(ms), (now += ms)) };
  };
  const moved = (): BranchMovedError => new BranchMovedError('moved', 'again');
  const policy = (time: Clock, said: string[]) => ({
    timeoutMs: 10_000,
    backoff: { minDelayMs: 100, maxDelayMs: 400 },
    clock: time,
    retryable: (error: unknown): error is BranchMovedError => error instanceof BranchMovedError,
    exhausted: (attempts: number) => new PushRetriesExhaustedError(`gave up after ${attempts}`, 'raise it'),
    onRetry: (attempt: number) => void said.push(`retry ${attempt}`),
  });

  it('repeats a moved branch until the attempt lands, handing each attempt the last failure', async () => {
    const time = clock();
    const said: string[] = [];
    const seen: Array<string | undefined> = [];
    const result = await retrying(policy(time, said), async (n, last) => {
      seen.push(last?.message);
      if (n < 3) throw moved();
      return n;
    });
    expect(result).toBe(3);
    expect(said).toEqual(['retry 1', 'retry 2']);
    expect(seen).toEqual([undefined, 'moved', 'moved']);
    expect(time.slept).toHaveLength(2);
  });

  it('throws anything else at once, and the exhausted error once the deadline would pass', async () => {
    const time = clock();
    await expect(retrying(policy(time, []), () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(time.slept).toEqual([]);
    await expect(retrying({ ...policy(time, []), timeoutMs: 0 }, () => Promise.reject(moved()))).rejects.toThrow('gave up after 1');
  });
});

describe('git version gate', () => {
  const dirs: string[] = [];
  const savedPath = process.env.PATH;
  afterEach(() => {
    process.env.PATH = savedPath;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('reads versions and knows 2.31 is the oldest that takes a credential from the environment', () => {
    expect(parseGitVersion('git version 2.39.2.windows.1')).toEqual([2, 39, 2]);
    expect(parseGitVersion('git version 2.30.9')).toEqual([2, 30, 9]);
    expect(isSupportedGit([2, 31, 0])).toBe(true);
    expect(isSupportedGit([3, 0, 0])).toBe(true);
    expect(isSupportedGit([2, 30, 9])).toBe(false);
  });

  it('a git older than 2.31 fails before the first command that hands it a token, saying so', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'old-git-'));
    const work = mkdtempSync(join(tmpdir(), 'old-git-work-'));
    dirs.push(bin, work);
    // A git that says it is 2.30 and exits as if the credential was ignored.
    writeFileSync(join(bin, 'git'), '#!/bin/sh\nif [ "$1" = "--version" ]; then echo "git version 2.30.2"; exit 0; fi\necho "fatal: Authentication failed" >&2\nexit 128\n');
    chmodSync(join(bin, 'git'), 0o755);
    process.env.PATH = `${bin}${delimiter}${savedPath ?? ''}`;
    const repo = new GitRepository(work, { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.extraHeader', GIT_CONFIG_VALUE_0: 'x' }, (text) => text);
    const error = await repo.fetch('origin', 'main').then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(GitVersionError);
    expect((error as GitVersionError).message).toContain('git version 2.30.2 is installed, but gitops-promote needs git 2.31 or newer');
  });
});
