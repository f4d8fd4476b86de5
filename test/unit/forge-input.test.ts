import { describe, expect, it } from 'vitest';
import { readInputs } from '../../packages/core/src/steps/inputs';
import { validateOpenPromotionPrInputs, type OpenPromotionPrInputs } from '../../packages/core/src/steps/open-promotion-pr/config';
import { openPromotionPrSpec } from '../../packages/core/src/steps/open-promotion-pr/spec';
import { validateRollbackInputs, type RollbackInputs } from '../../packages/core/src/steps/rollback/config';
import { rollbackSpec } from '../../packages/core/src/steps/rollback/spec';
import { FakePlatform } from '../support/fake-platform';

const blank = <T>(spec: { inputs: ReadonlyArray<{ name: string }> }): T => Object.fromEntries(spec.inputs.map((input) => [input.name, ''])) as T;
const promotion: OpenPromotionPrInputs = { ...blank<OpenPromotionPrInputs>(openPromotionPrSpec), token: 't0k3n', image: 'ghcr.io/acme/app', 'source-files': 'a.yaml', files: 'b.yaml', environment: 'prod', repository: 'acme/envs' };
const rollback: RollbackInputs = { ...blank<RollbackInputs>(rollbackSpec), files: 'b.yaml', image: 'ghcr.io/acme/app', mode: 'pull-request', token: 't0k3n' };

describe("the input that names the forge is 'forge'; 'platform' stays as its deprecated alias", () => {
  it('both steps take forge', () => {
    expect(validateOpenPromotionPrInputs({ ...promotion, forge: 'gitlab' }, {})).toMatchObject({ forge: 'gitlab' });
    expect(validateRollbackInputs({ ...rollback, forge: 'gitlab' })).toMatchObject({ forge: 'gitlab' });
  });

  it('platform still works where forge is empty, and a bad value names the input it came in', () => {
    expect(validateOpenPromotionPrInputs({ ...promotion, platform: 'gitlab' }, {})).toMatchObject({ forge: 'gitlab' });
    expect(validateRollbackInputs({ ...rollback, platform: 'gitlab' })).toMatchObject({ forge: 'gitlab' });
    expect(() => validateRollbackInputs({ ...rollback, platform: 'bitbucket' })).toThrow("Input 'platform' must be github or gitlab");
    expect(() => validateRollbackInputs({ ...rollback, forge: 'bitbucket' })).toThrow("Input 'forge' must be github or gitlab");
  });

  it('reading platform says it is deprecated and what replaces it', () => {
    const platform = new FakePlatform(new Map([['platform', 'github']]));
    readInputs(openPromotionPrSpec, platform);
    expect(platform.lines).toEqual(["warning: Input 'platform' is deprecated: use 'forge' (it takes the same values)."]);
  });
});
