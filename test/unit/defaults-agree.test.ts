import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { stepHelp } from '../../packages/core/src/cli/arguments';
import { STEPS } from '../../packages/core/src/steps/registry';
import type { StepSpec } from '../../packages/core/src/steps/step-spec';
import { validateOpenPromotionPrInputs, type OpenPromotionPrInputs } from '../../packages/core/src/steps/open-promotion-pr/config';
import { openPromotionPrSpec } from '../../packages/core/src/steps/open-promotion-pr/spec';
import { validateRollbackInputs, type RollbackInputs } from '../../packages/core/src/steps/rollback/config';
import { rollbackSpec } from '../../packages/core/src/steps/rollback/spec';
import { validateUpdateManifestInputs, type UpdateManifestInputs } from '../../packages/core/src/steps/update-manifest/config';
import { updateManifestSpec } from '../../packages/core/src/steps/update-manifest/spec';

const root = resolve(import.meta.dirname, '../..');
const yamlOf = (file: string): Record<string, unknown> => parse(readFileSync(resolve(root, file), 'utf8')) as Record<string, unknown>;
const withDefault = (spec: StepSpec) => spec.inputs.filter((input) => input.default !== undefined);
const blank = <T>(spec: StepSpec): T => Object.fromEntries(spec.inputs.map((input) => [input.name, ''])) as T;
const allDefaults = (spec: StepSpec): Record<string, string> => Object.fromEntries(withDefault(spec).map((input) => [input.name, input.default ?? '']));

describe('a default is written once, in the step spec, and every surface shows that one', () => {
  for (const { spec } of STEPS) {
    it(`${spec.name}: action.yml, the GitLab template and the CLI help give the spec's defaults`, () => {
      const action = yamlOf(`actions/${spec.name}/action.yml`) as { inputs: Record<string, { default?: unknown }> };
      // A GitLab component: its `spec:` header is the first document, the job the second.
      const template = parseAllDocuments(readFileSync(resolve(root, `templates/${spec.name}.yml`), 'utf8'))[0]?.toJS() as { spec: { inputs: Record<string, { default?: unknown }> } };
      const help = stepHelp(spec);
      for (const input of withDefault(spec)) {
        expect(String(action.inputs[input.name]?.default), `action.yml ${input.name}`).toBe(input.default);
        const fromTemplate = template.spec.inputs[input.name];
        if (fromTemplate) expect(String(fromTemplate.default), `template ${input.name}`).toBe(input.default);
        expect(help, `help ${input.name}`).toContain(`default: ${input.default}`);
      }
    });
  }

  // Leaving an input empty and giving its spec default must configure the step identically: the
  // config holds no default of its own that could disagree with what the docs say.
  it('update-manifest: an empty input means its spec default', () => {
    const base: UpdateManifestInputs = { ...blank<UpdateManifestInputs>(updateManifestSpec), files: 'a.yaml', image: 'ghcr.io/acme/app', tag: '1.0.0' };
    expect(validateUpdateManifestInputs(base)).toEqual(validateUpdateManifestInputs({ ...base, ...allDefaults(updateManifestSpec) }));
  });

  it('rollback: an empty input means its spec default', () => {
    const base: RollbackInputs = { ...blank<RollbackInputs>(rollbackSpec), files: 'a.yaml', image: 'ghcr.io/acme/app' };
    expect(validateRollbackInputs(base)).toEqual(validateRollbackInputs({ ...base, ...allDefaults(rollbackSpec) }));
  });

  it('open-promotion-pr: an empty input means its spec default', () => {
    const base: OpenPromotionPrInputs = { ...blank<OpenPromotionPrInputs>(openPromotionPrSpec), token: 't0k3n', forge: 'github', repository: 'acme/envs', image: 'ghcr.io/acme/app', tag: '1.0.0', files: 'b.yaml', environment: 'prod' };
    expect(validateOpenPromotionPrInputs(base, {})).toEqual(validateOpenPromotionPrInputs({ ...base, ...allDefaults(openPromotionPrSpec) }, {}));
  });
});
