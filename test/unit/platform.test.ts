import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { detectPlatform } from '../../packages/core/src/platform/detect-platform';
import { GitHubPlatform } from '../../packages/core/src/platform/github-platform';
import { GitLabPlatform } from '../../packages/core/src/platform/gitlab-platform';
import { TerminalPlatform } from '../../packages/core/src/platform/terminal-platform';
import { captureStdout, usePlatformSandbox } from '../support/platform-sandbox';

const sandbox = usePlatformSandbox('gp-platform-');


describe('detectPlatform', () => {
  it('picks the adapter from the CI marker variables', async () => {
    expect((await detectPlatform({ GITHUB_ACTIONS: 'true' })).name).toBe('github');
    expect((await detectPlatform({ GITLAB_CI: 'true' })).name).toBe('gitlab');
    const terminal = await detectPlatform({ 'INPUT_DRY-RUN': 'true', INPUT_COMMIT_MESSAGE: 'm' });
    expect(terminal.name).toBe('terminal');
    expect(terminal.getInput('dry-run')).toBe('true');
    expect(terminal.getInput('commit-message')).toBe('m');
  });

  it('outside a CI and under GitLab CI, takes secret inputs from GITOPS_PROMOTE_<NAME> too, INPUT_* first', async () => {
    expect((await detectPlatform({ GITOPS_PROMOTE_TOKEN: 'from-cli-variable' }, ['token'])).getInput('token')).toBe('from-cli-variable');
    expect((await detectPlatform({ GITOPS_PROMOTE_TOKEN: 'shared', INPUT_TOKEN: 'this-run' }, ['token'])).getInput('token')).toBe('this-run');
    // Only secret inputs: other GITOPS_PROMOTE_* variables configure the adapters, they are no inputs.
    expect((await detectPlatform({ GITOPS_PROMOTE_FILES: 'a.yaml' }, ['token'])).getInput('files')).toBe('');
    // GitLab too: a secret belongs in a masked CI/CD variable, not in a template input; INPUT_* first.
    expect((await detectPlatform({ GITLAB_CI: 'true', GITOPS_PROMOTE_TOKEN: 't' }, ['token'])).getInput('token')).toBe('t');
    expect((await detectPlatform({ GITLAB_CI: 'true', GITOPS_PROMOTE_TOKEN: 't', INPUT_TOKEN: 'u' }, ['token'])).getInput('token')).toBe('u');
    expect((await detectPlatform({ GITLAB_CI: 'true', GITOPS_PROMOTE_FILES: 'a.yaml' }, ['token'])).getInput('files')).toBe('');
    // The GitLab templates select the adapter themselves, where GITLAB_CI is not true (gitlab-ci-local).
    expect((await detectPlatform({ GITLAB_CI: 'false', GITOPS_PROMOTE_PLATFORM: 'gitlab' }, [])).name).toBe('gitlab');
    expect((await detectPlatform({ GITLAB_CI: 'false' }, [])).name).toBe('terminal');
  });
});

describe('GitHubPlatform', () => {
  it('reads INPUT_* and writes GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and ::add-mask::', async () => {
    const output = path.join(sandbox.dir(), 'output');
    const summary = path.join(sandbox.dir(), 'summary');
    await writeFile(output, '');
    await writeFile(summary, '');
    Object.assign(process.env, { GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, 'INPUT_COMMIT-MESSAGE': '  hello  ' });
    const stdout = captureStdout();
    const platform = new GitHubPlatform();
    expect(platform.getInput('commit-message')).toBe('hello');
    platform.setSecret('s3cr3t-token');
    platform.setOutput('changed-files', '["a.yaml"]');
    platform.info('using s3cr3t-token');
    await platform.appendSummary('pushed with s3cr3t-token');
    expect(stdout()).toContain('::add-mask::s3cr3t-token');
    expect(stdout()).toContain('using ***');
    expect(await readFile(output, 'utf8')).toMatch(/^changed-files<<(.+)\n\["a\.yaml"\]\n\1\n$/);
    expect(await readFile(summary, 'utf8')).toBe('pushed with ***\n');
  });

  it('setFailed sets a failing exit code', () => {
    const stdout = captureStdout();
    new GitHubPlatform().setFailed('broken');
    expect(stdout()).toContain('::error::broken');
    expect(process.exitCode).toBe(1);
  });
});

describe('GitLabPlatform', () => {
  it('reads INPUT_ variables, writes a dotenv report and a summary file, redacts secrets', async () => {
    const stdout = captureStdout();
    const platform = new GitLabPlatform({ CI_PROJECT_DIR: sandbox.dir(), INPUT_COMMIT_MESSAGE: 'm', INPUT_FILES: 'a.yaml', GITLAB_USER_NAME: 'Ada', GITLAB_USER_EMAIL: 'ada@example.com' });
    expect(platform.getInput('commit-message')).toBe('m');
    expect(platform.getInput('files')).toBe('a.yaml');
    expect(platform.defaultAuthor()).toEqual({ name: 'Ada', email: 'ada@example.com' });
    platform.setSecret('glpat-123');
    platform.setOutput('commit-sha', 'abc');
    platform.setOutput('changed-files', '["a.yaml"]');
    expect(() => platform.setOutput('x', 'two\nlines')).toThrow('single line');
    await platform.group('Editing', async () => platform.info('token glpat-123'));
    await platform.appendSummary('| a | glpat-123 |');
    expect(await readFile(path.join(sandbox.dir(), 'gitops-promote.env'), 'utf8')).toBe('COMMIT_SHA=abc\nCHANGED_FILES=["a.yaml"]\n');
    expect(await readFile(path.join(sandbox.dir(), 'gitops-promote-summary.md'), 'utf8')).toBe('| a | *** |\n');
    expect(stdout()).toMatch(/section_start:\d+:gitops_promote_1\[collapsed=true\]/);
    expect(stdout()).toContain('token ***');
    expect(stdout()).not.toContain('glpat-123');
  });
});

describe('GitLabPlatform dotenv limit', () => {
  it('leaves out, with a warning, an output that would take the report past GitLab\'s 5 KB, and keeps the rest', async () => {
    const stdout = captureStdout();
    const platform = new GitLabPlatform({ CI_PROJECT_DIR: sandbox.dir() });
    platform.setOutput('commit-sha', 'abc');
    platform.setOutput('previous-values', JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ file: `envs/dev/app-${i}.yaml`, previous: '1.4.1' }))));
    platform.setOutput('pushed', 'true');
    const report = await readFile(path.join(sandbox.dir(), 'gitops-promote.env'), 'utf8');
    expect(report).toBe('COMMIT_SHA=abc\nPUSHED=true\n');
    expect(stdout()).toMatch(/Output previous-values \(\d+ bytes\) is left out of gitops-promote.env: GitLab takes at most 5120 bytes/);
  });
});

describe('GitLabPlatform report paths', () => {
  it('writes beside the job (its cwd) when CI_PROJECT_DIR names no folder, as gitlab-ci-local gives an image job', () => {
    const missing = path.join(sandbox.dir(), 'builds', 'acme', 'payments');
    expect(new GitLabPlatform({ CI_PROJECT_DIR: missing }).dotenvPath).toBe(path.join(process.cwd(), 'gitops-promote.env'));
    expect(new GitLabPlatform({ CI_PROJECT_DIR: sandbox.dir() }).summaryPath).toBe(path.join(sandbox.dir(), 'gitops-promote-summary.md'));
  });
});

describe('TerminalPlatform', () => {
  it('prints outputs to stdout and logs to stderr, redacted', () => {
    const out = new PassThrough();
    const log = new PassThrough();
    const platform = new TerminalPlatform(new Map([['files', ' a.yaml ']]), out, log);
    expect(platform.getInput('files')).toBe('a.yaml');
    expect(platform.getInput('image')).toBe('');
    platform.setSecret('tok-123');
    platform.setOutput('changed', 'true');
    platform.warning('tok-123 leaked?');
    expect(String(out.read())).toBe('changed=true\n');
    expect(String(log.read())).toBe('warning: *** leaked?\n');
    expect(platform.defaultAuthor()).toBeUndefined();
  });
});
