import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { STEPS } from '../../packages/core/src/steps/registry';

const root = path.resolve(import.meta.dirname, '..', '..');

interface ActionYaml {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

function load(file: string): ActionYaml {
  return parse(readFileSync(path.join(root, file), 'utf8')) as ActionYaml;
}

describe('action.yml files', () => {
  const files = [...STEPS.map((step) => `actions/${step.spec.name}/action.yml`), 'action.yml'];

  it.each(files)('%s runs a committed bundle on node24 and documents every input and output', (file) => {
    const action = load(file);
    expect(action.runs.using).toBe('node24');
    const main = path.resolve(path.dirname(path.join(root, file)), action.runs.main);
    expect(main.startsWith(path.join(root, 'dist') + path.sep)).toBe(true);
    expect(existsSync(main), `${action.runs.main} from ${file}`).toBe(true);
    // GitHub Marketplace rejects longer descriptions.
    expect(action.description.length).toBeLessThanOrEqual(125);
    for (const entry of [...Object.values(action.inputs), ...Object.values(action.outputs)]) {
      expect(entry.description.length).toBeGreaterThan(10);
    }
  });

  it.each(STEPS.map((step) => [step.spec.name, step] as const))('%s: action.yml inputs and outputs are the spec', (name, step) => {
    const action = load(`actions/${name}/action.yml`);
    expect(Object.keys(action.inputs)).toEqual(step.spec.inputs.map((input) => input.name));
    expect(Object.keys(action.outputs)).toEqual(step.spec.outputs.map((output) => output.name));
    for (const input of step.spec.inputs) {
      expect(action.inputs[input.name]?.required).toBe(Boolean(input.required));
      expect(action.inputs[input.name]?.default).toBe(input.default);
    }
  });
});

describe('the root action.yml (Marketplace entry)', () => {
  it('takes `step` and the union of every step\'s inputs and outputs, with no defaults that would reach every step', () => {
    const action = load('action.yml');
    expect(action.runs.main).toBe('dist/main/index.js');
    expect(action.inputs.step?.default).toBe('update-manifest');
    const names = new Set(STEPS.flatMap((step) => step.spec.inputs.map((input) => input.name)));
    expect(Object.keys(action.inputs).sort()).toEqual(['step', ...names].sort());
    for (const [name, input] of Object.entries(action.inputs)) if (name !== 'step') expect(input.default, name).toBeUndefined();
    expect(Object.keys(action.outputs).sort()).toEqual([...new Set(STEPS.flatMap((step) => step.spec.outputs.map((output) => output.name)))].sort());
    // An input two steps read differently says so for each.
    expect(action.inputs.token?.description).toMatch(/update-manifest: .* — wait-argocd-healthy: .*Argo CD/);
  });
});
