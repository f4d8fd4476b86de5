/**
 * Inside this repository the package name means the sources (tsconfig.json's paths, honoured by
 * vitest, tsc, tsx and ncc), so a fresh clone's tests and the demo need no build of dist/.
 */
import { describe, expect, it } from 'vitest';
import * as byName from '@gitops-promote/argocd-simulator';
import * as bySource from '../../src/index';

describe('the simulator package name in this repository', () => {
  it('resolves to src/index.ts, the very module the tests import', () => {
    expect(byName.ArgoCdSimulator).toBe(bySource.ArgoCdSimulator);
    expect(byName.ManualClock).toBe(bySource.ManualClock);
  });
});
