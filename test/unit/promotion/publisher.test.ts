/**
 * The publisher on real git (a bare remote, clones of it): publish decides against the remote
 * tip, commits and pushes; a lost push race is re-made on the new tip and nobody's commit is lost;
 * a branch other than the checkout's gets a plumbing commit with a lease; retryDelayMs's backoff.
 */
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitError, PushRetriesExhaustedError } from '../../../packages/core/src/git/errors';
import { GitRepository } from '../../../packages/core/src/git/git-repository';
import { publish, type FileWrite, type PublishRequest } from '../../../packages/core/src/promotion/publisher';
import { retryDelayMs } from '../../../packages/core/src/runtime/retry';
import { failureOf } from '../../support/errors';
import { createGitRemote, type GitRemote } from '../../support/git-remote';
import { useHermeticGitEnv } from '../../support/hermetic-git-env';

useHermeticGitEnv();

const FILE = 'envs/prod/values.yaml';
const AUTHOR = { name: 'Promote Bot', email: 'bot@example.invalid' };

let remote: GitRemote;
let work: string;
let repo: GitRepository;
let log: string[];

beforeEach(async () => {
  remote = await createGitRemote({ [FILE]: 'tag: 1.0.0\n', 'README.md': 'envs\n' });
  work = await remote.clone('checkout');
  repo = await GitRepository.open(work, {}, (text) => text);
  log = [];
});
afterEach(async () => remote.cleanup());

/** FILE with `tag: wanted`, read from `revision` or (undefined) the work tree. */
function planFor(wanted: string): (revision?: string) => Promise<FileWrite[]> {
  return async (revision) => {
    const source = revision === undefined ? await readFile(join(work, FILE), 'utf8') : ((await repo.fileAt(revision, FILE)) ?? '');
    return [{ file: FILE, absolute: join(work, FILE), source, output: `tag: ${wanted}\n` }];
  };
}

function request(wanted: string, extra: Partial<PublishRequest<FileWrite>> = {}): PublishRequest<FileWrite> {
  return {
    repo,
    remote: 'origin',
    branch: 'main',
    message: () => `Promote app ${wanted}`,
    author: AUTHOR,
    timeoutMs: 60_000,
    backoff: { minDelayMs: 1, maxDelayMs: 1 },
    info: (message) => log.push(message),
    plan: planFor(wanted),
    ...extra,
  };
}

async function publishValue(wanted: string, extra: Partial<PublishRequest<FileWrite>> = {}): ReturnType<typeof publish<FileWrite>> {
  // The plan of the work tree, as a step makes it before publishing; extra.plan only sees publish's calls.
  return publish(request(wanted, extra), await planFor(wanted)());
}

/** Someone else pushes a commit to `branch` of the remote, from their own clone. */
async function otherPush(branch: string, files: Record<string, string>, message = 'someone else'): Promise<string> {
  const other = await remote.clone(`other-${Date.now()}-${Math.random().toString(36).slice(2)}`, branch);
  const sha = await remote.commit(other, files, message);
  await remote.git(['push', '--quiet', 'origin', branch], other);
  return sha;
}

describe('publish', () => {
  it('commits the planned files and pushes them: the remote holds the values in our commit', async () => {
    const before = await remote.tip('main');
    const published = await publishValue('1.1.0');
    expect(published).toMatchObject({ changed: true, pushed: true });
    expect(await remote.tip('main')).toBe(published.commitSha);
    expect(await remote.show('main', FILE)).toBe('tag: 1.1.0');
    expect(await remote.git(['rev-parse', `${published.commitSha}^`], remote.bare)).toBe(before);
    expect(await remote.git(['log', '-1', '--format=%an|%s', 'main'], remote.bare)).toBe('Promote Bot|Promote app 1.1.0');
    expect(log).toContain(`Pushed ${published.commitSha.slice(0, 12)} to origin/main.`);
  });

  it('changes nothing when the remote already holds the values, though the checkout is behind', async () => {
    const theirs = await otherPush('main', { [FILE]: 'tag: 1.1.0\n' });
    const published = await publishValue('1.1.0');
    expect(published).toMatchObject({ changed: false, pushed: false, commitSha: theirs });
    expect(await remote.tip('main')).toBe(theirs);
    expect(log.join('\n')).toContain('already holds the values at');
    expect(log.join('\n')).toContain('(the checkout is behind it)');
  });

  it('pushes a commit that holds the values but was never pushed (a cancelled run), naming it', async () => {
    const unpushed = await remote.commit(work, { [FILE]: 'tag: 1.1.0\n' }, 'cancelled run');
    const published = await publishValue('1.1.0');
    expect(published).toMatchObject({ changed: true, pushed: true, commitSha: unpushed });
    expect(await remote.tip('main')).toBe(unpushed);
    expect(log.join('\n')).toContain(`The checkout holds the values in unpushed commit ${unpushed.slice(0, 12)}`);
  });
});

describe('pushWithRetries: a lost push race', () => {
  it('is re-made on the new remote tip, keeping the commit that won', async () => {
    let theirs = '';
    // publish plans on the tip it fetched; right then, before its push, another writer lands a commit.
    const published = await publishValue('1.1.0', {
      plan: async (revision) => {
        if (revision !== undefined && theirs === '') theirs = await otherPush('main', { 'README.md': 'envs, edited\n' });
        return planFor('1.1.0')(revision);
      },
    });
    expect(theirs).not.toBe('');
    expect(published).toMatchObject({ changed: true, pushed: true });
    expect(await remote.tip('main')).toBe(published.commitSha);
    expect(await remote.git(['rev-parse', `${published.commitSha}^`], remote.bare)).toBe(theirs);
    expect(await remote.show('main', 'README.md')).toBe('envs, edited');
    expect(await remote.show('main', FILE)).toBe('tag: 1.1.0');
    expect(log.some((line) => line.startsWith('Push attempt 1: the remote branch moved'))).toBe(true);
  });

  it('stops at push-timeout with the unpushed commit undone, the checkout back where it was', async () => {
    const base = await repo.head();
    let writes = 0;
    const error = await failureOf(
      publishValue('1.1.0', {
        timeoutMs: 0,
        plan: async (revision) => {
          if (revision !== undefined && writes++ === 0) await otherPush('main', { 'README.md': 'moved\n' });
          return planFor('1.1.0')(revision);
        },
      }),
      PushRetriesExhaustedError,
    );
    expect(error.message).toContain('Could not push to main within push-timeout');
    expect(error.message).toContain('(1 attempt)');
    expect(await repo.head()).toBe(base);
    expect(log.join('\n')).toContain(`the checkout is back at ${base.slice(0, 12)}`);
  });

  it('does not retry a refusal that is not a race (a hook saying no)', async () => {
    await remote.git(['config', 'core.hooksPath', join(remote.dir, 'hooks')], remote.bare);
    await mkdir(join(remote.dir, 'hooks'), { recursive: true });
    await writeFile(join(remote.dir, 'hooks', 'pre-receive'), '#!/bin/sh\necho "protected branch" >&2\nexit 1\n');
    await chmod(join(remote.dir, 'hooks', 'pre-receive'), 0o755);
    const error = await failureOf(publishValue('1.1.0'), GitError);
    expect(error).not.toBeInstanceOf(PushRetriesExhaustedError);
    expect(error.message).toContain('git push to main was refused');
    expect(error.message).toContain('protected branch');
    expect(log.some((line) => line.startsWith('Push attempt'))).toBe(false);
  });
});

describe('a branch other than the checkout’s (commitOnto)', () => {
  it('commits onto the remote branch with plumbing: the checkout, its branch and work tree stay as they are', async () => {
    const release = await remote.clone('release-maker');
    await remote.git(['push', '--quiet', 'origin', 'main:release'], release);
    const head = await repo.head();
    const published = await publishValue('2.0.0', { branch: 'release' });
    expect(published).toMatchObject({ changed: true, pushed: true });
    expect(await remote.tip('release')).toBe(published.commitSha);
    expect(await remote.show('release', FILE)).toBe('tag: 2.0.0');
    expect(await repo.head()).toBe(head);
    expect(await repo.currentBranch()).toBe('main');
    expect(await readFile(join(work, FILE), 'utf8')).toBe('tag: 1.0.0\n');
    expect(log.join('\n')).toContain('(the checked-out branch is left as it is)');
  });

  it('creates a branch the remote lacks from the checkout’s HEAD', async () => {
    const head = await repo.head();
    const published = await publishValue('2.0.0', { branch: 'hotfix' });
    expect(await remote.tip('hotfix')).toBe(published.commitSha);
    expect(await remote.git(['rev-parse', `${published.commitSha}^`], remote.bare)).toBe(head);
  });

  it('re-makes the commit on the new tip when the lease on the branch is lost', async () => {
    const maker = await remote.clone('release-maker');
    await remote.git(['push', '--quiet', 'origin', 'main:release'], maker);
    let theirs = '';
    const published = await publishValue('2.0.0', {
      branch: 'release',
      plan: async (revision) => {
        if (revision !== undefined && theirs === '') theirs = await otherPush('release', { 'README.md': 'release notes\n' });
        return planFor('2.0.0')(revision);
      },
    });
    expect(await remote.tip('release')).toBe(published.commitSha);
    expect(await remote.git(['rev-parse', `${published.commitSha}^`], remote.bare)).toBe(theirs);
    expect(await remote.show('release', 'README.md')).toBe('release notes');
    expect(log.some((line) => line.startsWith('Push attempt 1: origin/release moved'))).toBe(true);
  });
});

describe('retryDelayMs', () => {
  it('is full jitter up to min(maxDelay, base·2ⁿ), base the larger of minDelay and the last attempt', () => {
    const top = (): number => 1;
    expect(retryDelayMs(1, 0, {}, top)).toBe(500);
    expect(retryDelayMs(2, 0, {}, top)).toBe(1000);
    expect(retryDelayMs(1, 1000, {}, top)).toBe(2000);
    expect(retryDelayMs(10, 0, {}, top)).toBe(8000);
    expect(retryDelayMs(1, 0, { minDelayMs: 10, maxDelayMs: 30 }, top)).toBe(20);
    expect(retryDelayMs(2, 0, { minDelayMs: 10, maxDelayMs: 30 }, top)).toBe(30);
    expect(retryDelayMs(3, 5000, {}, () => 0)).toBe(0);
    expect(retryDelayMs(1, 0, {}, () => 0.5)).toBe(250);
  });
});
