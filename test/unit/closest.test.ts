import { describe, expect, it } from 'vitest';
import { likelyMeant } from '../../packages/core/src/text/closest';

describe('did you mean', () => {
  it('names the step or flag a typo most likely meant, and nothing when none is close', () => {
    const steps = ['update-manifest', 'wait-argocd-healthy', 'open-promotion-pr', 'rollback', 'demo'];
    expect(likelyMeant('update-manifst', steps)).toBe('update-manifest');
    expect(likelyMeant('rolback', steps)).toBe('rollback');
    expect(likelyMeant('brnach', ['branch', 'create-branch', 'tag'])).toBe('branch');
    expect(likelyMeant('tga', ['branch', 'tag'])).toBe('tag');
    expect(likelyMeant('deploy', steps)).toBeUndefined();
    expect(likelyMeant('x', [])).toBeUndefined();
  });
});
