/**
 * Issue 19, items 20 and 22: every adapter redacts outputs as it redacts the log (a token an
 * Argo CD message echoes must not reach GITHUB_OUTPUT or GitLab's dotenv report), and a "secret"
 * too short to be a token is not masked character by character but named as suspicious.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { GitHubPlatform } from '../../packages/core/src/platform/github-platform';
import { GitLabPlatform } from '../../packages/core/src/platform/gitlab-platform';
import { TerminalPlatform } from '../../packages/core/src/platform/terminal-platform';
import { captureStdout, usePlatformSandbox } from '../support/platform-sandbox';

const sandbox = usePlatformSandbox('gp-secrets-');
const TOKEN = 'argocd-token-0123456789abcdef';
const ECHOED = `rpc error: unauthorized for token ${TOKEN} at sync`;

function readable(stream: PassThrough): () => string {
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return () => text;
}

describe('outputs are redacted like the log (item 20)', () => {
  it('GitHub: GITHUB_OUTPUT gets *** for a registered secret', async () => {
    const output = path.join(sandbox.dir(), 'output');
    await writeFile(output, '');
    process.env.GITHUB_OUTPUT = output;
    captureStdout();
    const platform = new GitHubPlatform();
    platform.setSecret(TOKEN);
    platform.setOutput('message', ECHOED);
    const written = await readFile(output, 'utf8');
    expect(written).not.toContain(TOKEN);
    expect(written).toContain('rpc error: unauthorized for token *** at sync');
  });

  it('GitLab: the dotenv report gets *** for a registered secret', async () => {
    const dotenv = path.join(sandbox.dir(), 'out.env');
    captureStdout();
    const platform = new GitLabPlatform({ GITOPS_PROMOTE_DOTENV: dotenv, GITOPS_PROMOTE_SUMMARY: path.join(sandbox.dir(), 's.md') });
    platform.setSecret(TOKEN);
    platform.setOutput('message', ECHOED);
    expect(await readFile(dotenv, 'utf8')).toBe('MESSAGE=rpc error: unauthorized for token *** at sync\n');
  });

  it('terminal: the name=value lines on stdout get *** too', () => {
    const out = new PassThrough();
    const log = new PassThrough();
    const text = readable(out);
    const platform = new TerminalPlatform(new Map(), out, log);
    platform.setSecret(TOKEN);
    platform.setOutput('message', ECHOED);
    expect(text()).toBe('message=rpc error: unauthorized for token *** at sync\n');
  });
});

describe('a secret too short to be a token is not masked (item 22)', () => {
  it('terminal: the log keeps its words and warns, without printing the value', () => {
    const log = new PassThrough();
    const text = readable(log);
    const platform = new TerminalPlatform(new Map(), new PassThrough(), log);
    platform.setSecret('t');
    platform.setSecret('t');
    platform.info('Waiting for payments-dev');
    expect(text()).toContain('Waiting for payments-dev\n');
    expect(text()).not.toContain('***');
    const warnings = text().split('\n').filter((line) => line.startsWith('warning: '));
    expect(warnings).toEqual([
      'warning: A secret of 1 character was given: too short to be a real token, so it is not masked (masking it would hide those characters wherever they appear in the log). Check that the right variable holds the token.',
    ]);
  });

  it('GitHub: no ::add-mask:: for a 5-character value, a warning instead; 6 characters are masked', () => {
    const stdout = captureStdout();
    const platform = new GitHubPlatform();
    platform.setSecret('abcde');
    platform.setSecret('abcdef');
    platform.info('abcde abcdef');
    expect(stdout()).not.toContain('::add-mask::abcde\n');
    expect(stdout()).toContain('::add-mask::abcdef');
    expect(stdout()).toMatch(/::warning::A secret of 5 characters was given: too short to be a real token/);
    expect(stdout()).toContain('abcde ***');
  });

  it('GitLab: the same warning, and the log is not turned into Wai***ing', () => {
    const stdout = captureStdout();
    const platform = new GitLabPlatform({ GITOPS_PROMOTE_DOTENV: path.join(sandbox.dir(), 'o.env'), GITOPS_PROMOTE_SUMMARY: path.join(sandbox.dir(), 's.md') });
    platform.setSecret('t');
    platform.info('Waiting');
    expect(stdout()).toContain('Waiting\n');
    expect(stdout()).toContain('Warning: A secret of 1 character was given');
  });
});
