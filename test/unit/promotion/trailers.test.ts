/**
 * The trailers of a commit that sets several values (a train): one `Gitops-Promote-Set` trailer
 * per value, git reading each; one-value commits written exactly as before; `valuesOfCommit` and
 * the rollback marks (history and the hold's trailer window) reading both forms.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitRepository, type CommitInfo } from '../../../packages/core/src/git/git-repository';
import { parseKeyPath } from '../../../packages/core/src/manifest/key-path';
import { rollbackMarks } from '../../../packages/core/src/promotion/history';
import { readHold } from '../../../packages/core/src/promotion/hold';
import { readTrailers, valuesOfCommit, withTrailers, writtenBy } from '../../../packages/core/src/promotion/trailers';
import { createGitRemote, type GitRemote } from '../../support/git-remote';
import { useHermeticGitEnv } from '../../support/hermetic-git-env';

useHermeticGitEnv();

const API = 'ghcr.io/acme/api';
const WEB = 'ghcr.io/acme/web';
const commit = (message: string, sha = 'a'.repeat(40)): CommitInfo => ({ sha, author: 'x', subject: message.split('\n')[0] ?? '', message });

describe('withTrailers', () => {
  it('writes a one-value commit exactly as before, from either record form', () => {
    const expected = 'chore: set\n\nGitops-Promote-Step: update-manifest\nGitops-Promote-Image: ghcr.io/acme/api\nGitops-Promote-Value: 1.1.0\nGitops-Promote-Previous: 1.0.0\nGitops-Promote-Environment: prod\n';
    expect(withTrailers('chore: set', { step: 'update-manifest', image: API, value: '1.1.0', previous: ['1.0.0', '1.1.0'], environment: 'prod' })).toBe(expected);
    expect(withTrailers('chore: set', { step: 'update-manifest', values: [{ image: API, value: '1.1.0', previous: ['1.0.0'] }], environment: 'prod' })).toBe(expected);
    // A one-value rollback train is the one-value rollback commit the readers already know.
    expect(withTrailers('rb', { step: 'rollback', values: [{ key: 'image.tag', value: '1.0', previous: ['1.1'], rolledBackFrom: '1.1' }], extra: { Reason: 'broken' } })).toBe(
      'rb\n\nGitops-Promote-Step: rollback\nGitops-Promote-Key: image.tag\nGitops-Promote-Value: 1.0\nGitops-Promote-Previous: 1.1\nGitops-Promote-Rolled-Back-From: 1.1\nGitops-Promote-Rolled-Back-To: 1.0\nGitops-Promote-Reason: broken\n',
    );
  });

  it('names every value of a train in its own Set trailer, read back by valuesOfCommit', () => {
    const message = withTrailers('chore(deploy): set 3 values', {
      step: 'update-manifest',
      values: [
        { image: API, value: '1.1.0', previous: ['1.0.0'] },
        { image: WEB, value: '2.1.0@sha256:' + 'b'.repeat(64), previous: ['2.0.0', '2.1.0@sha256:' + 'b'.repeat(64)] },
        { key: 'spec.source.helm.parameters[name=a=b].value', value: 'x, y = z', previous: [] },
      ],
      environment: 'prod',
    });
    expect(message.split('\n').slice(2)).toEqual([
      'Gitops-Promote-Step: update-manifest',
      `Gitops-Promote-Set: {"image":"${API}","value":"1.1.0","previous":["1.0.0"]}`,
      `Gitops-Promote-Set: {"image":"${WEB}","value":"2.1.0@sha256:${'b'.repeat(64)}","previous":["2.0.0"]}`,
      'Gitops-Promote-Set: {"key":"spec.source.helm.parameters[name=a=b].value","value":"x, y = z","previous":[]}',
      'Gitops-Promote-Environment: prod',
      '',
    ]);
    expect(valuesOfCommit(message)).toEqual([
      { image: API, value: '1.1.0', previous: ['1.0.0'] },
      { image: WEB, value: `2.1.0@sha256:${'b'.repeat(64)}`, previous: ['2.0.0'] },
      { key: 'spec.source.helm.parameters[name=a=b].value', value: 'x, y = z', previous: [] },
    ]);
    // A train has no one-value trailers for an old reader to misread; its step is still its step.
    expect(readTrailers(message).has('Image')).toBe(false);
    expect(writtenBy('update-manifest')(commit(message))).toBe(true);
  });

  it('valuesOfCommit reads the one-value form, and nothing from a person\'s commit or a mangled entry', () => {
    expect(valuesOfCommit('x\n\nGitops-Promote-Step: rollback\nGitops-Promote-Image: a\nGitops-Promote-Value: 1\nGitops-Promote-Previous: 2, 3\nGitops-Promote-Rolled-Back-From: 2')).toEqual([
      { image: 'a', value: '1', previous: ['2', '3'], rolledBackFrom: '2' },
    ]);
    expect(valuesOfCommit('fix typo\n\nSigned-off-by: someone')).toEqual([]);
    expect(valuesOfCommit('x\n\nGitops-Promote-Set: {"image":"a","value":"1","previous":[]}\nGitops-Promote-Set: {not json\nGitops-Promote-Set: {"image":"a","key":"k","value":"1"}')).toEqual([{ image: 'a', value: '1', previous: [] }]);
  });
});

describe('rollback marks in both forms', () => {
  const train = (from: Record<string, string>): string =>
    withTrailers('Roll back the train', {
      step: 'rollback',
      values: Object.entries(from).map(([image, tag]) => ({ image, value: '0.9', previous: [tag], rolledBackFrom: tag })),
      extra: { Reason: 'smoke tests failed' },
    });

  it('rollbackMarks finds the image inside a train rollback, and only that image', () => {
    const commits = [commit(train({ [API]: '1.1.0', [WEB]: '2.1.0' }), 'c'.repeat(40)), commit('rb\n\nGitops-Promote-Image: ghcr.io/acme/api\nGitops-Promote-Rolled-Back-From: 1.0.5', 'd'.repeat(40))];
    const api = rollbackMarks(commits, { mode: 'image', name: API });
    expect([...api.values()].map((mark) => [mark.value, mark.reason, mark.commit.sha[0]])).toEqual([
      ['1.1.0', 'smoke tests failed', 'c'],
      ['1.0.5', '', 'd'],
    ]);
    expect([...rollbackMarks(commits, { mode: 'image', name: WEB }).keys()]).toEqual(['2.1.0']);
    expect([...rollbackMarks(commits, { mode: 'key', path: parseKeyPath('image.tag') }).keys()]).toEqual([]);
  });

  let remote: GitRemote;
  beforeEach(async () => {
    remote = await createGitRemote({ 'prod/k.yaml': `images:\n  - name: ${API}\n    newTag: 1.1.0\n` });
  });
  afterEach(async () => remote.cleanup());

  it('git reads every Set trailer, and the hold holds a value a train rollback moved away from', async () => {
    const work = await remote.clone('work');
    await remote.commit(work, { 'prod/k.yaml': `images:\n  - name: ${API}\n    newTag: 0.9\n` }, train({ [API]: '1.1.0', [WEB]: '2.1.0' }));
    const sets = await remote.git(['log', '-1', '--format=%(trailers:key=Gitops-Promote-Set,valueonly)'], work);
    expect(sets.trim().split('\n')).toEqual([`{"image":"${API}","value":"0.9","previous":["1.1.0"],"rolledBackFrom":"1.1.0"}`, `{"image":"${WEB}","value":"0.9","previous":["2.1.0"],"rolledBackFrom":"2.1.0"}`]);
    const repo = await GitRepository.open(work, {}, (text) => text);
    const hold = await readHold({ repo, remote: 'origin', branch: undefined, rev: await repo.head(), files: ['prod/k.yaml'], target: { mode: 'image', name: API }, info: () => undefined });
    expect(hold.find('1.1.0')?.mark?.reason).toBe('smoke tests failed');
    expect(hold.find('0.9')).toBeUndefined();
  });
});
