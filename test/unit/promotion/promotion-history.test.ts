/**
 * Promotion history and the hold on real git: the value after each commit (read from the files,
 * hand-made commits included), rollbacks read from trailers, the hold file's records, the refusal
 * of a rolled-back value, retiring a record, and a shallow clone deepened for history.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitRepository } from '../../../packages/core/src/git/git-repository';
import { addHold, formatHolds, HOLD_FILE, holdRecord, holdWrite, parseHolds, readHold, refuseRolledBack, retireHold, RolledBackValueError, sameVersion, type HoldRecord } from '../../../packages/core/src/promotion/hold';
import { commitsOfFiles, rollbackMarks, valueAt, type HistoryRequest } from '../../../packages/core/src/promotion/history';
import { parseKeyPath } from '../../../packages/core/src/manifest/key-path';
import type { ReadTarget } from '../../../packages/core/src/manifest/manifest-reader';
import { failureOf } from '../../support/errors';
import { createGitRemote, type GitRemote } from '../../support/git-remote';
import { useHermeticGitEnv } from '../../support/hermetic-git-env';

useHermeticGitEnv();

const FILE = 'envs/prod/values.yaml';
const TARGET: ReadTarget = { mode: 'key', path: parseKeyPath('image.tag') };
const values = (tag: string): string => `image:\n  repository: app\n  tag: ${tag}\n`;
const rollbackTrailers = (from: string, reason: string): string => `\n\nGitops-Promote-Step: rollback\nGitops-Promote-Key: image.tag\nGitops-Promote-Value: 1.1.0\nGitops-Promote-Rolled-Back-From: ${from}\nGitops-Promote-Reason: ${reason}`;

let remote: GitRemote;
let work: string;
let repo: GitRepository;
let log: string[];

beforeEach(async () => {
  remote = await createGitRemote({ [FILE]: values('1.0.0'), 'README.md': 'envs\n' });
  work = await remote.clone('checkout');
  repo = await GitRepository.open(work, {}, (text) => text);
  log = [];
});
afterEach(async () => remote.cleanup());

async function history(extra: Partial<HistoryRequest> = {}): Promise<HistoryRequest> {
  return { repo, remote: 'origin', branch: undefined, rev: await repo.head(), files: [FILE], target: TARGET, info: (message) => log.push(message), ...extra };
}

async function record(value: string, rev: string, reason = 'crash loop'): Promise<HoldRecord> {
  return holdRecord(repo, { target: TARGET, files: [FILE], value, to: '1.1.0', reason, environment: 'prod', rev, at: new Date('2024-05-01T12:00:00Z') });
}

describe('promotion history', () => {
  it('reads the value after each commit that changed the files, newest first, hand-made ones included', async () => {
    await remote.commit(work, { [FILE]: values('1.1.0') }, 'Promote app 1.1.0\n\nGitops-Promote-Step: update-manifest');
    await remote.commit(work, { 'README.md': 'unrelated\n' }, 'docs');
    await remote.commit(work, { [FILE]: 'image: [unclosed\n' }, 'a broken edit');
    await remote.commit(work, { [FILE]: values('1.3.0') }, 'by hand');
    const request = await history();
    const commits = await commitsOfFiles(request, () => true);
    expect(commits.map((commit) => commit.subject)).toEqual(['by hand', 'a broken edit', 'Promote app 1.1.0', 'seed']);
    const read = await Promise.all(commits.map((commit) => valueAt(request, commit)));
    // A file that does not parse at a commit gives no value there, rather than failing the walk.
    expect(read.map((at) => at.value)).toEqual(['1.3.0', undefined, '1.1.0', '1.0.0']);
    expect(read[0]?.site).toMatchObject({ file: FILE, line: 3 });
  });

  it('reads which values rollbacks of this target moved away from, newest rollback first', async () => {
    await remote.commit(work, { [FILE]: values('1.1.0') }, `Roll back 1.2.0${rollbackTrailers('1.2.0', 'first')}`);
    await remote.commit(work, { [FILE]: values('1.0.0') }, `Roll back 1.1.0${rollbackTrailers('1.1.0', 'second')}`);
    await remote.commit(work, { [FILE]: values('0.9.0') }, 'Roll back 1.0.0\n\nGitops-Promote-Key: other.key\nGitops-Promote-Rolled-Back-From: 1.0.0');
    const marks = rollbackMarks(await commitsOfFiles(await history(), () => true), TARGET);
    expect([...marks.keys()]).toEqual(['1.1.0', '1.2.0']);
    expect(marks.get('1.2.0')).toMatchObject({ value: '1.2.0', reason: 'first', commit: { subject: 'Roll back 1.2.0' } });
  });

  it('deepens a shallow clone until it has the history, and says so', async () => {
    for (const tag of ['1.1.0', '1.2.0', '1.3.0']) {
      const seed = join(remote.dir, 'seed');
      await remote.commit(seed, { [FILE]: values(tag) }, `Promote ${tag}`);
      await remote.git(['push', '--quiet', remote.bare, 'main'], seed);
    }
    const shallow = join(remote.dir, 'shallow');
    await remote.git(['clone', '--quiet', '--depth', '1', `file://${remote.bare}`, shallow], remote.dir);
    repo = await GitRepository.open(shallow, {}, (text) => text);
    const commits = await commitsOfFiles(await history({ branch: 'main' }), () => false);
    expect(commits.map((commit) => commit.subject)).toEqual(['Promote 1.3.0', 'Promote 1.2.0', 'Promote 1.1.0', 'seed']);
    expect(log).toContain('The clone is shallow: fetched 100 more commits of history.');
  });
});

describe('the hold', () => {
  it('refuses a value a rollback recorded in the hold file, naming the rollback commit and its reason', async () => {
    const decidedOn = await repo.head();
    const held = await record('1.2.0', decidedOn);
    const rollback = await remote.commit(work, { [FILE]: values('1.1.0'), [HOLD_FILE]: formatHolds([held]) }, 'Roll back app to 1.1.0');
    const request = await history();
    const hold = await readHold(request);
    expect(hold.records).toEqual([held]);
    expect(hold.find('1.2.0')).toEqual({ record: held });
    expect(hold.find('1.3.0')).toBeUndefined();
    const error = await failureOf(refuseRolledBack(request, '1.2.0', false), RolledBackValueError);
    expect(error.message).toBe(`image.tag 1.2.0 was rolled back in ${rollback.slice(0, 12)} ("Roll back app to 1.1.0"), reason: crash loop; it is not set again.`);
    expect(error.hint).toContain(`or delete its entry from ${HOLD_FILE}`);
    await expect(refuseRolledBack(request, '1.2.0', true)).resolves.toBeUndefined();
    await expect(refuseRolledBack(request, '1.3.0', false)).resolves.toBeUndefined();
  });

  it('honours a rollback recorded only in trailers (before the hold file), and not one whose record was retired', async () => {
    const legacy = await remote.commit(work, { [FILE]: values('1.1.0') }, `Roll back 1.2.0${rollbackTrailers('1.2.0', 'old rollback')}`);
    let hold = await readHold(await history());
    expect(hold.trailerMarks.map((mark) => mark.commit.sha)).toEqual([legacy]);
    expect(hold.find('1.2.0')?.mark?.reason).toBe('old rollback');
    const error = await failureOf(refuseRolledBack(await history(), '1.2.0', false), RolledBackValueError);
    expect(error.message).toContain(`rolled back in ${legacy.slice(0, 12)}`);

    // A rollback that wrote a record is held by the record alone: retiring it lifts the hold.
    const held = await record('1.3.0', legacy);
    await remote.commit(work, { [FILE]: values('1.1.1'), [HOLD_FILE]: formatHolds([held]) }, `Roll back 1.3.0${rollbackTrailers('1.3.0', 'with a record')}`);
    expect((await readHold(await history())).find('1.3.0')).toEqual({ record: held });
    const retired = await holdWrite(repo, undefined, await retireHold(repo, TARGET, [FILE], '1.3.0'));
    expect(retired && parseHolds(retired.output)).toEqual([]);
    await remote.commit(work, { [HOLD_FILE]: retired?.output ?? '' }, 'allow-rolled-back: 1.3.0');
    hold = await readHold(await history());
    expect(hold.find('1.3.0')).toBeUndefined();
  });

  it('holdWrite adds a record once (a rerun writes the same bytes) beside the manifests', async () => {
    const held = await record('1.2.0', await repo.head());
    const write = await holdWrite(repo, undefined, addHold(held));
    expect(write).toMatchObject({ hold: true, file: HOLD_FILE, source: '' });
    expect(parseHolds(write?.output ?? '')).toEqual([held]);
    await remote.commit(work, { [HOLD_FILE]: write?.output ?? '' }, 'hold 1.2.0');
    expect(await readFile(join(work, HOLD_FILE), 'utf8')).toBe(formatHolds([held]));
    expect(await holdWrite(repo, await repo.head(), addHold(held))).toBeUndefined();
  });

  it('in image mode holds the same digest whatever the tag, and the same tag whatever the digest', () => {
    const image: ReadTarget = { mode: 'image', name: 'ghcr.io/acme/app' };
    expect(sameVersion('1.2.0@sha256:aa', '1.2.1@sha256:aa', image)).toBe(true);
    expect(sameVersion('1.2.0@sha256:aa', '1.2.0@sha256:bb', image)).toBe(true);
    expect(sameVersion('1.2.0', '1.2.1', image)).toBe(false);
    expect(sameVersion('@sha256:aa', '1.2.0', image)).toBe(false);
    expect(sameVersion('1.2.0', '1.2.0@sha256:bb', TARGET)).toBe(false);
  });
});
