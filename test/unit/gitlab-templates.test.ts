import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { STEPS } from '../../packages/core/src/steps/registry';

const root = path.resolve(import.meta.dirname, '..', '..');

interface TemplateInput {
  description: string;
  default?: string | boolean;
  type?: string;
  options?: string[];
  regex?: string;
}
interface Job {
  stage: string;
  image: string;
  variables: Record<string, string>;
  script: string[];
  artifacts: { reports: { dotenv: string } };
}

function load(step: string): { inputs: Record<string, TemplateInput>; jobs: Record<string, Job>; text: string } {
  const text = readFileSync(path.join(root, 'templates', `${step}.yml`), 'utf8');
  const [header, body] = parseAllDocuments(text).map((document) => document.toJS() as unknown);
  return { inputs: (header as { spec: { inputs: Record<string, TemplateInput> } }).spec.inputs, jobs: body as Record<string, Job>, text };
}

describe.each(STEPS.map((step) => [step.spec.name, step] as const))('templates/%s.yml', (name, step) => {
  it('declares every non-secret input of the spec, typed, required where the step requires it, and passes each under its own name', () => {
    const { inputs, jobs } = load(name);
    const job = jobs['$[[ inputs.job-name ]]'];
    if (!job) throw new Error('no job named by the job-name input');
    expect(job).toMatchObject({ stage: '$[[ inputs.stage ]]', image: '$[[ inputs.node-image ]]', artifacts: { reports: { dotenv: 'gitops-promote.env' } } });
    // No npx between the job's shell and node: exec hands the shell's process to node, so a
    // cancel reaches the step; only the package (the CLI bundle) is downloaded.
    expect(job.script).toEqual([
      `gitops_promote=$(mktemp -d) && npm install --prefix "$gitops_promote" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "gitops-promote@$[[ inputs.gitops-promote-version ]]" && exec node "$gitops_promote/node_modules/gitops-promote/dist/cli/index.js" ${name}`,
    ]);
    expect(job.script.join('\n')).not.toMatch(/\bnpx\b/);
    // The GitLab adapter is chosen by the template, not only by GITLAB_CI (gitlab-ci-local sets it false).
    expect(job.variables.GITOPS_PROMOTE_PLATFORM).toBe('gitlab');
    for (const input of step.spec.inputs) {
      const variable = `INPUT_${input.name.toUpperCase().replace(/-/g, '_')}`;
      if (input.secret) {
        // Secrets come from masked CI/CD variables (GITOPS_PROMOTE_<NAME>), never from inputs.
        expect(inputs[input.name]).toBeUndefined();
        expect(job.variables[variable]).toBeUndefined();
        continue;
      }
      expect(job.variables[variable]).toBe(`$[[ inputs.${input.name} ]]`);
      const declared = inputs[input.name];
      expect(declared?.description).toBe(input.description);
      if (input.boolean) expect(declared).toMatchObject({ type: 'boolean', default: input.default === 'true' });
      else if (input.required) expect(declared?.default).toBeUndefined();
      else expect(declared?.default).toBe(input.default ?? '');
    }
  });
});

describe('GitLab input constraints', () => {
  it('constrain what the step constrains, and still accept an unset value', () => {
    const { inputs } = load('update-manifest');
    const tag = new RegExp(inputs.tag?.regex ?? '');
    for (const good of ['', '1.4.2', `1.4.2@sha256:${'a'.repeat(64)}`]) expect(tag.test(good), good).toBe(true);
    for (const bad of ['1.0;rm', '-x', 'a b']) expect(tag.test(bad), bad).toBe(false);
    expect(load('rollback').inputs.mode?.options).toEqual(['commit', 'pull-request']);
    expect(load('open-promotion-pr').inputs['merge-method']?.options).toEqual(['merge', 'squash', 'rebase']);
  });
});
