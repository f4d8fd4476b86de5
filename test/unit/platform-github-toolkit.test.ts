/**
 * GitHubPlatform uses @actions/core's command modules without the package's entry (which would
 * load its HTTP client). For text that needs no neutralising, what it writes must be what the
 * entry's own functions write, byte for byte: stdout, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY.
 */
import * as core from '@actions/core';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { GitHubPlatform } from '../../packages/core/src/platform/github-platform';
import { usePlatformSandbox } from '../support/platform-sandbox';

const sandbox = usePlatformSandbox('gp-toolkit-');

/** What one sequence of calls leaves behind. */
interface Trace {
  stdout: string;
  output: string;
  summary: string;
  exitCode: number | string | undefined;
  inputs: string[];
}

/** The same calls a step makes, through either implementation. */
interface Runner {
  getInput(name: string): string;
  setOutput(name: string, value: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  group(title: string, fn: () => Promise<void>): Promise<void>;
  setSecret(secret: string): void;
  appendSummary(markdown: string): Promise<void>;
  setFailed(message: string): void;
}

const actionsCore: Runner = {
  getInput: (name) => core.getInput(name),
  setOutput: (name, value) => core.setOutput(name, value),
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  error: (message) => core.error(message),
  group: (title, fn) => core.group(title, fn),
  setSecret: (secret) => core.setSecret(secret),
  appendSummary: async (markdown) => void (await core.summary.addRaw(markdown, true).write()),
  setFailed: (message) => core.setFailed(message),
};

async function trace(runner: () => Runner, withFiles: boolean): Promise<Trace> {
  const output = path.join(sandbox.dir(), 'output');
  const summary = path.join(sandbox.dir(), 'summary');
  await writeFile(output, '');
  await writeFile(summary, '');
  process.env = { ...sandbox.saved, 'INPUT_COMMIT-MESSAGE': '  chore: bump  ', INPUT_MY_INPUT: 'spaced name', INPUT_EMPTY: '' };
  delete process.env.GITHUB_OUTPUT;
  delete process.env.GITHUB_STEP_SUMMARY;
  if (withFiles) Object.assign(process.env, { GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary });
  process.exitCode = undefined;
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const it = runner();
  const inputs = ['commit-message', 'my input', 'empty', 'missing'].map((name) => it.getInput(name));
  it.setSecret('s3cr3t with spaces, 100% and\na newline');
  it.setOutput('changed-files', '["a.yaml","b.yaml"]');
  it.setOutput('multi', 'two\nlines');
  it.info('Editing manifests');
  await it.group('Committing and pushing', async () => {
    it.warning("Remote 'origin' is not an HTTPS URL; 100% ignored.\n  How to fix: use https.");
    it.info('Push attempt 1/10: the remote branch moved');
  });
  if (withFiles) await it.appendSummary('### gitops-promote\n\n| File | Line |\n| --- | ---: |');
  it.error('plain error');
  it.setFailed("Input 'files' is required.\n  How to fix: List the manifests.");
  spy.mockRestore();
  const result: Trace = {
    stdout,
    // The heredoc delimiter is random in both: compare everything else.
    output: (await readFile(output, 'utf8')).replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_<uuid>'),
    summary: await readFile(summary, 'utf8'),
    exitCode: process.exitCode,
    inputs,
  };
  process.exitCode = undefined;
  return result;
}

describe('GitHubPlatform and @actions/core', () => {
  it.each([
    ['with GITHUB_OUTPUT and GITHUB_STEP_SUMMARY', true],
    ['without them (::set-output, no summary)', false],
  ])('write the same bytes %s', async (_name, withFiles) => {
    const expected = await trace(() => actionsCore, withFiles);
    const actual = await trace(() => new GitHubPlatform(), withFiles);
    expect(actual).toEqual(expected);
    // Not vacuous: each run did write every kind of thing.
    expect(expected.inputs).toEqual(['chore: bump', 'spaced name', '', '']);
    expect(expected.stdout).toContain('::add-mask::s3cr3t with spaces, 100%25 and%0Aa newline\n');
    expect(expected.stdout).toContain('::group::Committing and pushing\n');
    expect(expected.exitCode).toBe(1);
    if (withFiles) {
      expect(expected.output).toContain('multi<<ghadelimiter_<uuid>\ntwo\nlines\nghadelimiter_<uuid>\n');
      expect(expected.summary).toContain('| File | Line |');
    } else {
      expect(expected.stdout).toContain('::set-output name=multi::two%0Alines\n');
    }
  });

  it('loads no HTTP client', async () => {
    // The point of importing the modules by path: the bundle's GitHub chunk stays small.
    const source = await readFile(path.resolve(import.meta.dirname, '../../packages/core/src/platform/actions-toolkit.ts'), 'utf8');
    const imported = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1] ?? '');
    expect(imported.length).toBeGreaterThan(0);
    for (const specifier of imported) {
      const module = await readFile(path.resolve(import.meta.dirname, '../../packages/core/src/platform', specifier), 'utf8');
      expect(module, specifier).not.toMatch(/http-client|oidc-utils|undici|from '\.\/core\.js'/);
    }
  });
});
