/**
 * The change branch on real git: one commit of ours on top of base, rebuilt each run and pushed
 * with a lease on the head it saw; people's commits on it kept (built upon, or the run stops when
 * they touch our files); a lost race to another run of ours with other values is `superseded`.
 */
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../../packages/core/src/errors';
import { GitError } from '../../../packages/core/src/git/errors';
import { checkChangeBranch, deleteCreatedBranch, publishChangeBranch, readTips, type ChangeBranchRequest } from '../../../packages/core/src/promotion/change-branch';
import { GitRepository } from '../../../packages/core/src/git/git-repository';
import type { FileWrite } from '../../../packages/core/src/promotion/publisher';
import { failureOf } from '../../support/errors';
import { createGitRemote, type GitRemote } from '../../support/git-remote';
import { useHermeticGitEnv } from '../../support/hermetic-git-env';

useHermeticGitEnv();

const FILE = 'envs/prod/values.yaml';
const BRANCH = 'gitops-promote/prod/app';
const STEP_TRAILER = 'Gitops-Promote-Step: open-promotion-pr';
const AUTHOR = { name: 'Promote Bot', email: 'bot@example.invalid' };

let remote: GitRemote;
let log: string[];

beforeEach(async () => {
  remote = await createGitRemote({ [FILE]: 'tag: 1.0.0\n', 'README.md': 'envs\n' });
  log = [];
});
afterEach(async () => remote.cleanup());

/** A fresh scratch repository, as each run of the step makes one. */
async function scratch(): Promise<GitRepository> {
  return GitRepository.initScratch(await mkdtemp(join(remote.dir, 'scratch-')), remote.bare, {}, (text) => text);
}

function request(repo: GitRepository, wanted: string, extra: Partial<ChangeBranchRequest<FileWrite>> = {}): ChangeBranchRequest<FileWrite> {
  return {
    repo,
    remote: 'origin',
    base: 'main',
    branch: BRANCH,
    author: AUTHOR,
    timeoutMs: 60_000,
    backoff: { minDelayMs: 1, maxDelayMs: 1 },
    info: (message) => log.push(message),
    plan: async (revision) => [{ file: FILE, absolute: join(repo.workTree, FILE), source: (await repo.fileAt(revision, FILE)) ?? '', output: `tag: ${wanted}\n` }],
    message: () => `Promote app ${wanted}\n\n${STEP_TRAILER}`,
    ours: (commit) => commit.message.includes(STEP_TRAILER),
    ...extra,
  };
}

async function promote(wanted: string, extra: Partial<ChangeBranchRequest<FileWrite>> = {}): ReturnType<typeof publishChangeBranch<FileWrite>> {
  return publishChangeBranch(request(await scratch(), wanted, extra));
}

/** A person pushes a commit onto the change branch. */
async function personCommits(files: Record<string, string>, message: string): Promise<string> {
  const clone = await remote.clone(`person-${Math.random().toString(36).slice(2)}`, BRANCH);
  const sha = await remote.commit(clone, files, message);
  await remote.git(['push', '--quiet', 'origin', BRANCH], clone);
  return sha;
}

const parentOf = (sha: string | undefined): Promise<string> => remote.git(['rev-parse', `${sha ?? 'missing'}^`], remote.bare);

describe('publishChangeBranch', () => {
  it('creates the branch as one commit on the tip of base', async () => {
    const main = await remote.tip('main');
    const outcome = await promote('1.1.0');
    expect(outcome).toMatchObject({ kind: 'pushed', baseTip: main, previousHead: undefined });
    const head = await remote.tip(BRANCH);
    expect(outcome.headSha).toBe(head);
    expect(await parentOf(head)).toBe(main);
    expect(await remote.show(BRANCH, FILE)).toBe('tag: 1.1.0');
    expect(log.join('\n')).toContain('(new branch)');
  });

  it('a rerun finds the change there (unchanged); a new value replaces the head, still one commit on base', async () => {
    const first = await promote('1.1.0');
    expect(await promote('1.1.0')).toMatchObject({ kind: 'unchanged', headSha: first.headSha });
    const second = await promote('1.2.0');
    expect(second).toMatchObject({ kind: 'pushed', previousHead: first.headSha });
    expect(await remote.tip(BRANCH)).toBe(second.headSha);
    expect(await parentOf(second.headSha)).toBe(await remote.tip('main'));
  });

  it('pushes nothing when base already holds the values', async () => {
    const outcome = await promote('1.0.0');
    expect(outcome).toMatchObject({ kind: 'base-holds', headSha: undefined });
    expect(await remote.tip(BRANCH)).toBeUndefined();
  });

  it('keeps a person’s commit that leaves our files alone, adding the change on top of it', async () => {
    await promote('1.1.0');
    const theirs = await personCommits({ 'README.md': 'envs: see the runbook\n' }, 'docs: link the runbook');
    const outcome = await promote('1.2.0');
    expect(outcome.kind).toBe('pushed');
    expect(await parentOf(outcome.headSha)).toBe(theirs);
    expect(await remote.show(BRANCH, 'README.md')).toBe('envs: see the runbook');
    expect(await remote.show(BRANCH, FILE)).toBe('tag: 1.2.0');
    expect(log.join('\n')).toContain('not written by gitops-promote');
  });

  it('stops, naming it, at a person’s commit that changes our files: it is not overwritten', async () => {
    await promote('1.1.0');
    const theirs = await personCommits({ [FILE]: 'tag: 1.1.0\nreplicas: 3\n' }, 'scale prod');
    const error = await failureOf(promote('1.2.0'), GitError);
    expect(error.message).toContain(`${BRANCH} holds a commit that gitops-promote did not write, changing ${FILE}`);
    expect(error.message).toContain(theirs.slice(0, 7));
    expect(await remote.tip(BRANCH)).toBe(theirs);
  });

  it('holds a lease on the head it read: a person’s push in between is kept, and the change goes on top', async () => {
    await promote('1.1.0');
    const repo = await scratch();
    const stale = await readTips(repo, 'origin', 'main', BRANCH);
    const theirs = await personCommits({ 'README.md': 'edited meanwhile\n' }, 'edit while the run works');
    const outcome = await publishChangeBranch(request(repo, '1.2.0', { tips: stale }));
    expect(outcome.kind).toBe('pushed');
    expect(await parentOf(outcome.headSha)).toBe(theirs);
    expect(log.some((line) => line.startsWith(`Attempt 1: ${BRANCH} moved since it was read`))).toBe(true);
  });

  it('is superseded, not undone, when another run of ours replaced the branch with other values meanwhile', async () => {
    await promote('1.1.0');
    const repo = await scratch();
    const stale = await readTips(repo, 'origin', 'main', BRANCH);
    const newer = await promote('1.3.0');
    const outcome = await publishChangeBranch(request(repo, '1.2.0', { tips: stale }));
    expect(outcome).toMatchObject({ kind: 'superseded', headSha: newer.headSha });
    expect(outcome.planned[0]?.source).toBe('tag: 1.3.0\n');
    expect(await remote.tip(BRANCH)).toBe(newer.headSha);
    expect(log.join('\n')).toContain('which holds other values; it is left as it is');
  });
});

describe('checkChangeBranch and deleteCreatedBranch', () => {
  it('refuses a change branch that is its base', async () => {
    const error = await failureOf(checkChangeBranch(await scratch(), 'main', 'main'), InputError);
    expect(error.message).toContain("Input 'branch' is the base branch itself (main)");
  });

  it('deletes the branch it pushed, but not once someone pushed on top of it', async () => {
    const first = await promote('1.1.0');
    const repo = await scratch();
    await personCommits({ 'README.md': 'mine now\n' }, 'take over');
    const pushed = first.headSha ?? '';
    expect(await deleteCreatedBranch(repo, 'origin', BRANCH, pushed)).toContain(`it moved past ${pushed.slice(0, 12)}`);
    const tip = (await remote.tip(BRANCH)) ?? '';
    expect(tip).not.toBe('');
    expect(await deleteCreatedBranch(repo, 'origin', BRANCH, tip)).toBeUndefined();
    expect(await remote.tip(BRANCH)).toBeUndefined();
  });
});
