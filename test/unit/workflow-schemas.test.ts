import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { STEPS } from '../../packages/core/src/steps/registry';

// Our action.yml files, the GitHub example workflows and the GitLab templates and examples, held
// against the JSON schemas editors and linters use (kept in schemas/, see schemas/README.md), and
// every gitops-promote step in the examples held against its action.yml's inputs.

const root = path.resolve(import.meta.dirname, '..', '..');
const rel = (file: string): string => path.relative(root, file).split(path.sep).join('/');

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;
}

function yamlFilesIn(dir: string, recursive: boolean): string[] {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { recursive, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => rel(path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Parses one YAML document as GitHub does (YAML 1.2: `on` is a key, not `true`); throws on a syntax error. */
function loadYaml(file: string): unknown {
  return parse(readFileSync(path.join(root, file), 'utf8'), { prettyErrors: true });
}

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);

function compile(file: string): { validate: ValidateFunction; schema: Record<string, unknown> } {
  const schema = readJson(file);
  return { validate: ajv.compile(schema), schema };
}

function problems(validate: ValidateFunction, data: unknown): string {
  if (validate(data)) return '';
  return ajv.errorsText(validate.errors, { separator: '\n', dataVar: '' });
}

const actionSchema = compile('schemas/github-action.json');
const workflowSchema = compile('schemas/github-workflow.json');

const stepNames = STEPS.map((step) => step.spec.name);
const actionFiles = ['action.yml', ...readdirSync(path.join(root, 'actions'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(root, 'actions', entry.name, 'action.yml')))
  .map((entry) => `actions/${entry.name}/action.yml`)
  .sort()];
const githubExamples = yamlFilesIn('examples/github', false);

interface ActionInput {
  required?: boolean | string;
  default?: string;
}
interface ActionYaml {
  inputs?: Record<string, ActionInput>;
}
interface WorkflowStep {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface WorkflowJob {
  'runs-on'?: unknown;
  concurrency?: string | { group: string; 'cancel-in-progress'?: boolean | string };
  permissions?: unknown;
  steps?: WorkflowStep[];
}
interface Workflow {
  permissions?: unknown;
  jobs: Record<string, WorkflowJob>;
}

const OUR_STEP = /^acme\/gitops-promote\/actions\/([^@/]+)@.+$/;
const OUR_ROOT = /^acme\/gitops-promote@.+$/;
const ALLOWED_USES = [OUR_STEP, OUR_ROOT, /^actions\/checkout@v\d+$/, /^actions\/create-github-app-token@v\d+$/];
const WRITING_STEPS = new Set(['update-manifest', 'open-promotion-pr', 'rollback']);

interface StepUse {
  job: string;
  index: number;
  action: string; // the action.yml it resolves to
  step?: string; // the gitops-promote step, when known
  with: Record<string, unknown>;
}

/** Every gitops-promote action a workflow uses, with the action.yml that documents its inputs. */
function ourSteps(workflow: Workflow): StepUse[] {
  const found: StepUse[] = [];
  for (const [job, definition] of Object.entries(workflow.jobs ?? {})) {
    (definition.steps ?? []).forEach((step, index) => {
      const uses = step.uses ?? '';
      const own = OUR_STEP.exec(uses);
      if (own?.[1]) found.push({ job, index, action: `actions/${own[1]}/action.yml`, step: own[1], with: step.with ?? {} });
      else if (OUR_ROOT.test(uses)) {
        const chosen = step.with?.step;
        found.push({ job, index, action: 'action.yml', step: typeof chosen === 'string' ? chosen : 'update-manifest', with: step.with ?? {} });
      }
    });
  }
  return found;
}

/** What is wrong with the `with:` of each gitops-promote step: unknown keys, required inputs missing or empty. */
function inputProblems(workflow: Workflow): string[] {
  const found: string[] = [];
  for (const use of ourSteps(workflow)) {
    const where = `jobs.${use.job}.steps[${use.index}] (${use.action})`;
    if (!existsSync(path.join(root, use.action))) {
      found.push(`${where}: no such action`);
      continue;
    }
    const inputs = (loadYaml(use.action) as ActionYaml).inputs ?? {};
    for (const key of Object.keys(use.with)) if (!(key in inputs)) found.push(`${where}: unknown input \`${key}\``);
    // The root action marks no step input required; hold it to the chosen step's own action.yml.
    const requiredFrom = use.action === 'action.yml' && use.step ? `actions/${use.step}/action.yml` : use.action;
    const required = existsSync(path.join(root, requiredFrom)) ? ((loadYaml(requiredFrom) as ActionYaml).inputs ?? {}) : {};
    for (const [name, input] of Object.entries(required)) {
      if (input.required !== true && input.required !== 'true') continue;
      const given = use.with[name];
      if (given === undefined || given === null || String(given).trim() === '') found.push(`${where}: required input \`${name}\` not given`);
    }
  }
  return found;
}

describe('action.yml files against SchemaStore github-action.json', () => {
  it('finds the root action and one per step', () => {
    expect(actionFiles.length).toBeGreaterThan(0);
    expect(actionFiles).toEqual(expect.arrayContaining(['action.yml', ...stepNames.map((name) => `actions/${name}/action.yml`)]));
    expect(actionFiles.length).toBeGreaterThanOrEqual(5);
  });

  it.each(actionFiles)('%s is valid', (file) => {
    expect(problems(actionSchema.validate, loadYaml(file)), file).toBe('');
  });

  it('accepts node24 and rejects a runtime GitHub does not have (node99) or a missing main', () => {
    const action = loadYaml('actions/update-manifest/action.yml') as { runs: Record<string, unknown> };
    expect(problems(actionSchema.validate, action)).toBe('');
    expect(problems(actionSchema.validate, { ...action, runs: { ...action.runs, using: 'node99' } })).not.toBe('');
    expect(problems(actionSchema.validate, { ...action, runs: { using: 'node24' } })).not.toBe('');
    expect(problems(actionSchema.validate, { ...action, inputs: { tag: { description: 'x', required: 'maybe' } } })).not.toBe('');
  });
});

describe('examples/github workflows', () => {
  it('finds both example workflows', () => {
    expect(githubExamples).toEqual(expect.arrayContaining(['examples/github/app-repo.yml', 'examples/github/environment-repo.yml']));
  });

  it.each(githubExamples)('%s is valid against SchemaStore github-workflow.json', (file) => {
    expect(problems(workflowSchema.validate, loadYaml(file)), file).toBe('');
  });

  it.each(githubExamples)('%s gives each gitops-promote step only inputs its action.yml has, and every required one', (file) => {
    const workflow = loadYaml(file) as Workflow;
    expect(ourSteps(workflow).length, `${file} uses no gitops-promote step`).toBeGreaterThan(0);
    expect(inputProblems(workflow)).toEqual([]);
  });

  it.each(githubExamples)('%s uses only our actions, actions/checkout and actions/create-github-app-token', (file) => {
    const workflow = loadYaml(file) as Workflow;
    const uses = Object.values(workflow.jobs).flatMap((job) => (job.steps ?? []).map((step) => step.uses)).filter((use): use is string => use !== undefined);
    expect(uses.filter((use) => !ALLOWED_USES.some((allowed) => allowed.test(use)))).toEqual([]);
  });

  it.each(githubExamples)('%s: least privilege, and writers to an environment never run two at once', (file) => {
    const workflow = loadYaml(file) as Workflow;
    expect(workflow.permissions, 'top-level permissions').toEqual({});
    for (const [name, job] of Object.entries(workflow.jobs)) {
      expect(job.permissions, `jobs.${name}.permissions`).toBeDefined();
      const writes = (job.steps ?? []).some((step) => WRITING_STEPS.has(OUR_STEP.exec(step.uses ?? '')?.[1] ?? ''));
      if (!writes) continue;
      expect(job.concurrency, `jobs.${name}.concurrency`).toMatchObject({ group: expect.stringMatching(/\S/), 'cancel-in-progress': false });
    }
  });

  it('together they run all four steps', () => {
    const used = new Set(githubExamples.flatMap((file) => ourSteps(loadYaml(file) as Workflow).map((use) => use.step)));
    expect([...used].sort()).toEqual([...stepNames].sort());
  });

  it('the validators can fail: a job without runs-on, an unknown key, an unknown input, a missing required input', () => {
    const workflow = loadYaml('examples/github/app-repo.yml') as Workflow;
    const withoutRunner: WorkflowJob = { ...workflow.jobs['update-dev'] };
    delete withoutRunner['runs-on'];
    expect(problems(workflowSchema.validate, { ...workflow, jobs: { ...workflow.jobs, 'update-dev': withoutRunner } })).not.toBe('');
    expect(problems(workflowSchema.validate, { ...workflow, trigger: 'push' })).not.toBe('');

    const broken: Workflow = {
      jobs: {
        deploy: {
          'runs-on': 'ubuntu-latest',
          steps: [
            { uses: 'acme/gitops-promote/actions/update-manifest@v1', with: { file: 'envs/dev/kustomization.yaml', image: 'ghcr.io/acme/payments' } },
            { uses: 'acme/gitops-promote/actions/open-promotion-pr@v1', with: { files: 'envs/prod/kustomization.yaml', environment: '' } },
            { uses: 'acme/gitops-promote@v1', with: { step: 'rollback', image: 'x', to: '1.0' } },
            { uses: 'acme/gitops-promote/actions/no-such-step@v1' },
          ],
        },
      },
    };
    expect(inputProblems(broken)).toEqual([
      'jobs.deploy.steps[0] (actions/update-manifest/action.yml): unknown input `file`',
      'jobs.deploy.steps[0] (actions/update-manifest/action.yml): required input `files` not given',
      'jobs.deploy.steps[1] (actions/open-promotion-pr/action.yml): required input `environment` not given',
      'jobs.deploy.steps[2] (action.yml): required input `files` not given',
      'jobs.deploy.steps[3] (actions/no-such-step/action.yml): no such action',
    ]);
  });
});

// GitLab's own CI schema (gitlab-org/gitlab app/assets/javascripts/editor/schema/ci.json).
describe('GitLab templates and examples against GitLab ci.json', () => {
  const gitlabSchema = compile('schemas/gitlab-ci.json');
  const id = String(gitlabSchema.schema.$id);
  const properties = gitlabSchema.schema.properties as Record<string, unknown> | undefined;
  const definitions = gitlabSchema.schema.definitions as Record<string, unknown> | undefined;
  // The header document (`spec:`) has its own schema; GitLab's sits under properties.spec.
  const specPointer = definitions?.spec ? '#/definitions/spec' : properties?.spec ? '#/properties/spec' : undefined;
  const validateSpec = specPointer ? ajv.compile({ $ref: `${id}${specPointer}` }) : undefined;

  const templates = yamlFilesIn('templates', false);
  const examples = yamlFilesIn('examples/gitlab', true);

  /**
   * GitLab reads an input without `type` as a string. The schema's if/then chain on `type` has no
   * `required: [type]`, so with `type` absent every branch applies (default a string and a number
   * and …) and any untyped input with a default fails; say `string` where GitLab assumes it.
   */
  function typedInputs(spec: unknown): unknown {
    const inputs = (spec as { inputs?: unknown } | null)?.inputs;
    if (inputs === null || typeof inputs !== 'object') return spec;
    const typed = Object.fromEntries(
      Object.entries(inputs).map(([name, input]) => [
        name,
        input !== null && typeof input === 'object' && !('type' in input) ? { type: 'string', ...input } : input,
      ]),
    );
    return { ...(spec as object), inputs: typed };
  }

  /** A GitLab file: optional header document `spec:`, `---`, then the pipeline; each validated against its schema. */
  function gitlabProblems(text: string): string[] {
    const documents = parseAllDocuments(text, { prettyErrors: true });
    if (!Array.isArray(documents)) return ['no YAML document'];
    const errors = documents.flatMap((document) => document.errors.map((error) => error.message));
    if (errors.length > 0) return errors;
    const values = documents.map((document) => document.toJS() as unknown);
    if (values.length > 2) return [`${values.length} YAML documents: GitLab reads a header and one pipeline`];
    const found: string[] = [];
    let body = values[0];
    if (values.length === 2) {
      const header = values[0] as Record<string, unknown> | null;
      body = values[1];
      if (header === null || typeof header !== 'object' || Object.keys(header).join() !== 'spec') {
        found.push('header document: holds only `spec:`');
      } else if (!validateSpec) {
        found.push('header document: the schema has no `spec` definition');
      } else {
        const wrong = problems(validateSpec, typedInputs(header.spec));
        if (wrong) found.push(`spec: ${wrong}`);
      }
    }
    const wrong = problems(gitlabSchema.validate, body ?? {});
    if (wrong) found.push(wrong);
    return found;
  }

  it('has a spec schema for template headers', () => {
    expect(specPointer).toBeDefined();
  });

  it('finds the templates (templates/*.yml) and the examples (examples/gitlab/**/*.yml)', () => {
    expect(templates.length, 'templates/*.yml').toBeGreaterThan(0);
    expect(examples.length, 'examples/gitlab/**/*.yml').toBeGreaterThan(0);
  });

  it.each([...templates, ...examples, '.gitlab-ci.yml'])('%s is valid', (file) => {
    expect(gitlabProblems(readFileSync(path.join(root, file), 'utf8')), file).toEqual([]);
  });

  it('the validator can fail: an unknown job keyword, a bad spec input, a header with more than spec', () => {
    const job = 'deploy:\n  stage: deploy\n  script: [echo hi]\n';
    expect(gitlabProblems(job)).toEqual([]);
    expect(gitlabProblems('deploy:\n  stage: deploy\n  scripts: [echo hi]\n')).not.toEqual([]);
    expect(gitlabProblems('deploy:\n  script: [echo hi]\n  when: sometimes\n')).not.toEqual([]);
    expect(gitlabProblems(`spec:\n  inputs:\n    stage:\n      default: deploy\n---\n${job}`)).toEqual([]);
    expect(gitlabProblems(`spec:\n  inputs:\n    stage:\n      type: text\n---\n${job}`)).not.toEqual([]);
    expect(gitlabProblems(`spec:\n  inputs:\n    dry-run:\n      type: boolean\n      default: maybe\n---\n${job}`)).not.toEqual([]);
    expect(gitlabProblems(`spec:\n  inputs: {}\n  outputs: {}\n---\n${job}`)).not.toEqual([]);
    expect(gitlabProblems(`spec: {}\nstages: [deploy]\n---\n${job}`)).not.toEqual([]);
  });

  /** Inputs of our templates an `include:` gives: unknown ones and missing required ones (GitLab refuses both). */
  function includeInputProblems(pipeline: unknown): string[] {
    const includes = (pipeline as { include?: unknown } | null)?.include;
    const found: string[] = [];
    for (const entry of Array.isArray(includes) ? includes : includes ? [includes] : []) {
      const include = entry as { component?: string; file?: string; remote?: string; local?: string; inputs?: Record<string, unknown> };
      const named = include.component ?? include.file ?? include.remote ?? include.local ?? '';
      const step = /(?:^|\/)(?:templates\/)?([a-z-]+)(?:\.yml|@[^/]+)$/.exec(named)?.[1];
      if (!step || !stepNames.includes(step)) continue;
      const header = parseAllDocuments(readFileSync(path.join(root, 'templates', `${step}.yml`), 'utf8'));
      const spec = (Array.isArray(header) ? (header[0]?.toJS() as { spec: { inputs: Record<string, { default?: unknown }> } }) : undefined)?.spec.inputs ?? {};
      const given = include.inputs ?? {};
      for (const key of Object.keys(given)) if (!(key in spec)) found.push(`${named}: unknown input \`${key}\``);
      for (const [name, input] of Object.entries(spec)) if (!('default' in input) && !(name in given)) found.push(`${named}: required input \`${name}\` not given`);
    }
    return found;
  }

  it.each([...examples, '.gitlab-ci.yml'])('%s gives our templates only inputs they declare, and every required one', (file) => {
    expect(includeInputProblems(parse(readFileSync(path.join(root, file), 'utf8')))).toEqual([]);
  });

  it('the include check can fail: an unknown input, a required one missing', () => {
    expect(includeInputProblems({ include: [{ component: 'gitlab.com/acme/gitops-promote/update-manifest@1.0.0', inputs: { file: 'a.yaml' } }] })).toEqual([
      'gitlab.com/acme/gitops-promote/update-manifest@1.0.0: unknown input `file`',
      'gitlab.com/acme/gitops-promote/update-manifest@1.0.0: required input `files` not given',
    ]);
  });

  /**
   * The README's YAML snippets, so the documentation cannot drift from what GitLab and GitHub
   * accept: a GitLab pipeline or include, a GitHub workflow, or a list of workflow steps (checked
   * inside a job).
   */
  const snippets = [...readFileSync(path.join(root, 'README.md'), 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)].map((match, index) => ({ index, text: match[1] ?? '' }));

  it('finds the README snippets', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(5);
  });

  it.each(snippets.map((snippet) => [snippet.index, snippet] as const))('README yaml block %i is valid where it belongs', (_, snippet) => {
    const indent = /^( *)/.exec(snippet.text)?.[1]?.length ?? 0;
    const text = snippet.text.split('\n').map((line) => line.slice(Math.min(indent, /^ */.exec(line)?.[0].length ?? 0))).join('\n');
    const value = parse(text) as unknown;
    if (Array.isArray(value)) {
      const workflow = { on: 'push', jobs: { snippet: { 'runs-on': 'ubuntu-latest', steps: value as WorkflowStep[] } } };
      expect(problems(workflowSchema.validate, workflow)).toBe('');
      expect(inputProblems(workflow)).toEqual([]);
    } else if (value !== null && typeof value === 'object' && 'jobs' in value) {
      expect(problems(workflowSchema.validate, value)).toBe('');
      expect(inputProblems(value as Workflow)).toEqual([]);
    } else {
      expect(gitlabProblems(text)).toEqual([]);
      expect(includeInputProblems(value)).toEqual([]);
    }
  });
});
