/**
 * The built CLI (dist/cli/index.js): the same update-manifest step as the action, driven by flags,
 * printing outputs as `name=value` on stdout and logs on stderr. Run `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { updateManifestSpec } from '../../packages/core/src/steps/update-manifest/spec';
import { startGitHttpServer, type GitHttpServer } from '../support/git-http-server';
import { authHeaderConfig, CLI_BUNDLE, createSandbox, randomToken, runCli, type ProcessResult, type Sandbox } from '../support/run-bundle';

const USER = 'x-access-token';
const TOKEN = randomToken();
const CREDENTIAL = Buffer.from(`${USER}:${TOKEN}`, 'utf8').toString('base64');

const VALUES = `# Helm values for payments
replicaCount: 2
image:
  repository: ghcr.io/acme/payments
  tag: "1.9"   # bumped by CI
  pullPolicy: IfNotPresent
worker:
  image:
    repository: ghcr.io/acme/payments-worker
    tag: 1.9.3
`;

const IDENTITY = ['--author-name', 'CLI Bot', '--author-email', 'cli-bot@example.invalid'];

let server: GitHttpServer;
let repoCounter = 0;
let sandbox: Sandbox;

beforeAll(async () => {
  if (!existsSync(CLI_BUNDLE)) throw new Error(`${CLI_BUNDLE} is missing: run npm run build`);
  server = await startGitHttpServer({ username: USER, password: TOKEN });
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  sandbox = await createSandbox('gitops-promote-cli-');
});
afterEach(async () => {
  await sandbox.cleanup();
});

async function setUp(): Promise<{ bare: string; initial: string; checkout: string; url: string }> {
  const name = `cli-${String(++repoCounter)}`;
  const bare = await server.createBareRepo(name, { 'charts/payments/values.yaml': VALUES, 'README.md': 'env\n' });
  const checkout = join(sandbox.dir, 'checkout');
  await sandbox.gitOk([...authHeaderConfig(USER, TOKEN), 'clone', '--quiet', server.repoUrl(name), checkout], sandbox.dir);
  return { bare, checkout, url: server.repoUrl(name), initial: await sandbox.gitOk(['rev-parse', 'main'], bare) };
}

function cli(args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<ProcessResult> {
  return runCli(args, { cwd, home: sandbox.home, env });
}

/** stdout must be nothing but `name=value` lines; returns them as a map. */
function parseOutputs(stdout: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const line of stdout.split('\n')) {
    if (line === '') continue;
    const match = /^([a-z-]+)=(.*)$/.exec(line);
    if (!match) throw new Error(`stdout line is not name=value: ${JSON.stringify(line)}`);
    outputs[match[1] ?? ''] = match[2] ?? '';
  }
  return outputs;
}

function show(result: ProcessResult): string {
  return `exit ${String(result.exitCode)}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

describe('gitops-promote CLI', () => {
  it('runs update-manifest in key-path mode on a Helm values file and pushes with the token from GITOPS_PROMOTE_TOKEN', async () => {
    const env = await setUp();
    const seen = server.requests.length;
    const result = await cli(
      ['update-manifest', '--files', 'charts/payments/values.yaml', '--key', 'image.tag', '--value', '1.10', ...IDENTITY],
      env.checkout,
      { GITOPS_PROMOTE_TOKEN: TOKEN },
    );
    expect(result.exitCode, show(result)).toBe(0);
    const expected = VALUES.replace('tag: "1.9"   #', 'tag: "1.10"   #');
    expect(expected).not.toBe(VALUES);

    const tip = await sandbox.gitOk(['rev-parse', 'main'], env.bare);
    expect(parseOutputs(result.stdout)).toEqual({
      changed: 'true',
      'changed-files': JSON.stringify(['charts/payments/values.yaml']),
      'previous-values': JSON.stringify([
        { file: 'charts/payments/values.yaml', document: 0, path: 'image.tag', line: 5, previous: '1.9', value: '1.10' },
      ]),
      changes: JSON.stringify([{ file: 'charts/payments/values.yaml', document: 0, line: 5, path: 'image.tag', key: 'image.tag', previous: '1.9', value: '1.10' }]),
      'commit-sha': tip,
      pushed: 'true',
      'commits-verified': '',
    });
    expect(await sandbox.gitOk(['rev-parse', 'main^'], env.bare)).toBe(env.initial);
    expect(await sandbox.gitOk(['log', '-1', '--format=%an <%ae>|%s', 'main'], env.bare)).toBe(
      'CLI Bot <cli-bot@example.invalid>|chore(deploy): set image.tag to 1.10',
    );
    expect((await sandbox.git(['cat-file', 'blob', 'main:charts/payments/values.yaml'], env.bare)).stdout).toBe(expected);
    expect(await readFile(join(env.checkout, 'charts/payments/values.yaml'), 'utf8')).toBe(expected);

    // Logs go to stderr, redacted; the token is stored nowhere.
    expect(result.stderr).toContain('charts/payments/values.yaml:5 image.tag: "1.9" → "1.10"');
    for (const text of [result.stdout, result.stderr, await readFile(join(env.checkout, '.git/config'), 'utf8')]) {
      expect(text.includes(TOKEN)).toBe(false);
      expect(text.includes(CREDENTIAL)).toBe(false);
    }
    expect(await sandbox.gitOk(['config', 'remote.origin.url'], env.checkout)).toBe(env.url);
    // The server saw the credential: the push authenticated with the variable's token.
    expect(server.requests.slice(seen).some((request) => request.authorized && request.path.includes('git-receive-pack'))).toBe(true);
    expect(result.stderr).not.toMatch(/^warning:/m);
  });

  it('still pushes with --token, warning that it shows the secret to ps and naming GITOPS_PROMOTE_TOKEN', async () => {
    const env = await setUp();
    const result = await cli(['update-manifest', '--files', 'charts/payments/values.yaml', '--key', 'image.tag', '--value', '1.11', '--token', TOKEN, ...IDENTITY], env.checkout);
    expect(result.exitCode, show(result)).toBe(0);
    expect(parseOutputs(result.stdout)).toMatchObject({ changed: 'true', pushed: 'true', 'commit-sha': await sandbox.gitOk(['rev-parse', 'main'], env.bare) });
    const warnings = result.stderr.split('\n').filter((line) => line.startsWith('warning: '));
    expect(warnings).toEqual([expect.stringMatching(/^warning: --token puts a secret on the command line.*\bps\b.*Set GITOPS_PROMOTE_TOKEN instead\.$/)]);
    expect(`${result.stdout}${result.stderr}`.includes(TOKEN)).toBe(false);
  });

  it('fails to push without a token: the variable is what authenticated the other runs', async () => {
    const env = await setUp();
    const result = await cli(['update-manifest', '--files', 'charts/payments/values.yaml', '--key', 'image.tag', '--value', '1.12', ...IDENTITY], env.checkout);
    expect(result.exitCode, show(result)).toBe(1);
    expect(await sandbox.gitOk(['rev-parse', 'main'], env.bare)).toBe(env.initial);
  });

  it('quotes a value that would not stay a string, and --no-push commits without pushing', async () => {
    const env = await setUp();
    const result = await cli(
      ['update-manifest', '--files', 'charts/payments/values.yaml', '--key', 'worker.image.tag', '--value', '1.10', '--no-push', ...IDENTITY],
      env.checkout,
    );
    expect(result.exitCode, show(result)).toBe(0);
    const outputs = parseOutputs(result.stdout);
    expect(outputs).toMatchObject({ changed: 'true', pushed: 'false' });
    // Plain 1.10 would read back as the number 1.1.
    expect(await readFile(join(env.checkout, 'charts/payments/values.yaml'), 'utf8')).toBe(
      VALUES.replace('tag: 1.9.3', 'tag: "1.10"'),
    );
    expect(outputs['commit-sha']).toBe(await sandbox.gitOk(['rev-parse', 'HEAD'], env.checkout));
    expect(await sandbox.gitOk(['rev-parse', 'HEAD^'], env.checkout)).toBe(env.initial);
    expect(await sandbox.gitOk(['status', '--porcelain'], env.checkout)).toBe('');
    expect(await sandbox.gitOk(['rev-parse', 'main'], env.bare)).toBe(env.initial);
  });

  it('--dry-run prints the outputs and changes nothing', async () => {
    const env = await setUp();
    // The dry run reads the hold at the remote branch, as the real run does: it needs the token too.
    const result = await cli(['update-manifest', '--files', 'charts/payments/values.yaml', '--key', 'image.tag', '--value', '2.0.0', '--dry-run'], env.checkout, { GITOPS_PROMOTE_TOKEN: TOKEN });
    expect(result.exitCode, show(result)).toBe(0);
    expect(parseOutputs(result.stdout)).toMatchObject({ changed: 'true', 'commit-sha': '', pushed: 'false' });
    expect(await readFile(join(env.checkout, 'charts/payments/values.yaml'), 'utf8')).toBe(VALUES);
    expect(await sandbox.gitOk(['status', '--porcelain'], env.checkout)).toBe('');
  });

  it('update-manifest --help lists every flag and output', async () => {
    const result = await cli(['update-manifest', '--help'], sandbox.dir);
    expect(result.exitCode, show(result)).toBe(0);
    expect(result.stdout).toMatch(/^gitops-promote update-manifest \[flags\]/);
    for (const input of updateManifestSpec.inputs) {
      const flag = 'boolean' in input && input.boolean ? `--${input.name} / --no-${input.name}` : `--${input.name} <value>`;
      expect(result.stdout).toContain(`  ${flag}\n`);
    }
    for (const output of updateManifestSpec.outputs) expect(result.stdout).toContain(`  ${output.name}: `);
    expect(result.stdout).toContain('--no-push');
    expect(result.stdout).toContain('--dry-run');
    expect(result.stdout).toContain('  --token <value>\n      Token for HTTPS push');
    expect(result.stdout).toMatch(/\n {6}Secret: set GITOPS_PROMOTE_TOKEN instead/);
  });

  it('without flags under GITOPS_PROMOTE_PLATFORM=gitlab (as the GitLab templates run it) reads INPUT_* and writes the dotenv report', async () => {
    // GitLab takes a token as the password of user oauth2.
    const gitlabServer = await startGitHttpServer({ username: 'oauth2', password: TOKEN });
    onTestFinished(() => gitlabServer.close());
    const bare = await gitlabServer.createBareRepo('environments', { 'charts/payments/values.yaml': VALUES });
    const env = { bare, checkout: join(sandbox.dir, 'checkout') };
    await sandbox.gitOk([...authHeaderConfig('oauth2', TOKEN), 'clone', '--quiet', gitlabServer.repoUrl('environments'), env.checkout], sandbox.dir);
    const gitlab = { GITOPS_PROMOTE_PLATFORM: 'gitlab', GITLAB_CI: 'false', CI_PROJECT_DIR: env.checkout, GITOPS_PROMOTE_TOKEN: TOKEN, INPUT_FILES: 'charts/payments/values.yaml', INPUT_KEY: 'image.tag', INPUT_VALUE: '1.11', INPUT_AUTHOR_NAME: 'CLI Bot', INPUT_AUTHOR_EMAIL: 'cli-bot@example.invalid' };
    const result = await cli(['update-manifest'], env.checkout, gitlab);
    expect(result.exitCode, show(result)).toBe(0);
    const tip = await sandbox.gitOk(['rev-parse', 'main'], env.bare);
    const dotenv = await readFile(join(env.checkout, 'gitops-promote.env'), 'utf8');
    expect(dotenv).toContain(`COMMIT_SHA=${tip}\n`);
    expect(dotenv).toContain('PUSHED=true\n');
    expect(result.stdout + result.stderr + dotenv).not.toContain(TOKEN);
    // Flags and the GitLab conventions at once: refused, nothing pushed.
    const both = await cli(['update-manifest', '--files', 'charts/payments/values.yaml', '--key', 'image.tag', '--value', '1.12'], env.checkout, gitlab);
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toMatch(/^error: flags given while GITOPS_PROMOTE_PLATFORM=gitlab/);
    expect(await sandbox.gitOk(['rev-parse', 'main'], env.bare)).toBe(tip);
  });

  it('--help names the variables secrets are read from', async () => {
    const result = await cli(['--help'], sandbox.dir);
    expect(result.exitCode, show(result)).toBe(0);
    expect(result.stdout).toContain('  GITOPS_PROMOTE_TOKEN for --token\n');
  });

  it('an unknown flag is a clear error with exit code 2', async () => {
    const result = await cli(['update-manifest', '--files', 'values.yaml', '--tga', '1.2.3'], sandbox.dir);
    expect(result.exitCode, show(result)).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^error: update-manifest: Unknown option '--tga'/);
    expect(lines.slice(1)).toEqual(["  How to fix: Did you mean --tag? Run 'gitops-promote update-manifest --help' for the flags."]);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it('an unknown step is a clear error with exit code 2', async () => {
    const result = await cli(['update-manifests'], sandbox.dir);
    expect(result.exitCode, show(result)).toBe(2);
    expect(result.stderr).toMatch(/^error: unknown step 'update-manifests'\./);
    expect(result.stderr).toContain('How to fix: Did you mean update-manifest? Otherwise use one of: update-manifest, ');
    expect(result.stderr).not.toMatch(STACK_FRAME);
    const misspelt = await cli(['update-manifest', '--files', 'values.yaml', '--brnach', 'main'], sandbox.dir);
    expect(misspelt.exitCode, show(misspelt)).toBe(2);
    expect(misspelt.stderr).toBe("error: update-manifest: Unknown option '--brnach'\n  How to fix: Did you mean --branch? Run 'gitops-promote update-manifest --help' for the flags.\n");
  });

  it('takes a value after a switch as people type it elsewhere (--push false, --dry-run=true), and refuses any other value naming the flags', async () => {
    const env = await setUp();
    const args = ['update-manifest', '--files', 'charts/payments/values.yaml', '--key', 'image.tag', '--value', '1.10', ...IDENTITY];
    const dry = await cli([...args, '--dry-run=true'], env.checkout, { GITOPS_PROMOTE_TOKEN: TOKEN });
    expect(dry.exitCode, show(dry)).toBe(0);
    expect(parseOutputs(dry.stdout)).toMatchObject({ changed: 'true', pushed: 'false', 'commit-sha': '' });
    expect(await sandbox.gitOk(['status', '--porcelain'], env.checkout)).toBe('');
    const local = await cli([...args, '--push', 'false'], env.checkout, { GITOPS_PROMOTE_TOKEN: TOKEN });
    expect(local.exitCode, show(local)).toBe(0);
    expect(parseOutputs(local.stdout)).toMatchObject({ pushed: 'false', 'commit-sha': await sandbox.gitOk(['rev-parse', 'HEAD'], env.checkout) });
    expect(await sandbox.gitOk(['rev-parse', 'main'], env.bare)).toBe(env.initial);
    const refused = await cli([...args, '--push', 'later'], env.checkout, { GITOPS_PROMOTE_TOKEN: TOKEN });
    expect(refused.exitCode, show(refused)).toBe(2);
    expect(refused.stderr).toBe(
      'error: update-manifest: --push is a switch and takes no value, got "later"\n' +
        "  How to fix: Use --push for true or --no-push for false (--push false works too). Run 'gitops-promote update-manifest --help' for the flags.\n",
    );
    expect(await sandbox.gitOk(['rev-parse', 'main'], env.bare)).toBe(env.initial);
  });

  it('says how to fix in flags in a terminal, and in input syntax under the GitLab conventions', async () => {
    const env = await setUp();
    await writeFile(join(env.checkout, 'charts/payments/values.yaml'), `${VALUES}# local edit\n`);
    const terminal = await cli(['update-manifest', '--files', 'charts/payments/values.yaml', '--key', 'image.tag', '--value', '1.10', ...IDENTITY], env.checkout, { GITOPS_PROMOTE_TOKEN: TOKEN });
    expect(terminal.exitCode, show(terminal)).toBe(1);
    expect(terminal.stderr).toContain('error: Uncommitted changes in charts/payments/values.yaml would be committed along with the edit.\n  How to fix: Commit or stash them first, or run with --no-commit.\n');
    expect(await sandbox.gitOk(['rev-parse', 'main'], env.bare)).toBe(env.initial);
    // The same under GitLab's conventions (GitLab takes a token as the password of user oauth2).
    const gitlabServer = await startGitHttpServer({ username: 'oauth2', password: TOKEN });
    onTestFinished(() => gitlabServer.close());
    await gitlabServer.createBareRepo('environments', { 'charts/payments/values.yaml': VALUES });
    const checkout = join(sandbox.dir, 'gitlab-checkout');
    await sandbox.gitOk([...authHeaderConfig('oauth2', TOKEN), 'clone', '--quiet', gitlabServer.repoUrl('environments'), checkout], sandbox.dir);
    await writeFile(join(checkout, 'charts/payments/values.yaml'), `${VALUES}# local edit\n`);
    const gitlab = { GITOPS_PROMOTE_PLATFORM: 'gitlab', GITLAB_CI: 'false', CI_PROJECT_DIR: checkout, GITOPS_PROMOTE_TOKEN: TOKEN, INPUT_FILES: 'charts/payments/values.yaml', INPUT_KEY: 'image.tag', INPUT_VALUE: '1.10', INPUT_AUTHOR_NAME: 'CLI Bot', INPUT_AUTHOR_EMAIL: 'cli-bot@example.invalid' };
    const ci = await cli(['update-manifest'], checkout, gitlab);
    expect(ci.exitCode, show(ci)).toBe(1);
    expect(ci.stdout + ci.stderr).toContain('How to fix: Commit or stash them first, or run with commit: false.');
  });

  it('demo --help prints its help without running it; an unknown demo option is refused', async () => {
    const help = await cli(['demo', '--help'], sandbox.dir);
    expect(help.exitCode, show(help)).toBe(0);
    expect(help.stdout).toMatch(/^gitops-promote demo \[--keep\]\n/);
    expect(help.stderr).toBe('');
    const unknown = await cli(['demo', '--kep'], sandbox.dir);
    expect(unknown.exitCode, show(unknown)).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toBe("error: demo: unknown option '--kep'.\n  How to fix: Did you mean --keep? The demo takes only --keep and --help.\n");
  });

  it('a bad input fails with exit code 1 and a one-line message', async () => {
    const env = await setUp();
    const result = await cli(['update-manifest', '--files', 'charts/payments/values.yaml', '--image', 'ghcr.io/acme/payments', '--tag', '1.0;rm -rf /'], env.checkout);
    expect(result.exitCode, show(result)).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: Input 'tag' is not a valid OCI tag: "1\.0;rm -rf \/"\.\n {2}How to fix: .+\n$/);
    expect(await sandbox.gitOk(['status', '--porcelain'], env.checkout)).toBe('');
  });

  it('demo runs a real promotion offline and exits 0', async () => {
    const result = await cli(['demo'], sandbox.dir);
    expect(result.exitCode, show(result)).toBe(0);
    expect(result.stderr).toContain("The remote's main branch now has:");
    expect(result.stderr).toContain('chore(deploy): set ghcr.io/acme/payments to 1.4.2');
    // Then the simulated Argo CD deploys it, and the wait ends on that very commit.
    const pushed = /^update-manifest: commit-sha=([0-9a-f]{40})$/m.exec(result.stdout)?.[1];
    expect(pushed, show(result)).toBeDefined();
    expect(result.stdout).toContain(`wait-argocd-healthy: revision=${pushed ?? ''}`);
    expect(result.stdout).toContain('wait-argocd-healthy: health=Healthy');
    expect(result.stderr).toMatch(new RegExp(`payments-dev runs ${(pushed ?? '').slice(0, 7)} \\(Synced, Healthy\\)`));
    expect(result.stderr).toMatch(/health is Progressing|operation Running/);
    // Then what dev runs is offered to staging as one pull request, which a rerun leaves as it is.
    expect(result.stdout).toMatch(/^open-promotion-pr: operation=created$/m);
    expect(result.stdout).toMatch(/^open-promotion-pr: operation=unchanged$/m);
    expect(result.stderr).toContain('| envs/staging/kustomization.yaml | 7 | `images[0].newTag` | `1.4.1` | `1.4.2` |');
    expect(result.stderr).toContain('1 open, 0 API writes and no push on the second run');
    // A bad release, rolled back to the version before it; the hold then refuses it.
    expect(result.stdout).toMatch(/^rollback: rolled-back-from=1\.5\.0\nrollback: rolled-back-to=1\.4\.2$/m);
    expect(result.stderr).toMatch(/ghcr\.io\/acme\/payments 1\.5\.0 was rolled back in [0-9a-f]{12} .*reason: 1\.5\.0 fails its health checks; it is not set again\./);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });
  it('sets a train of two images and a key in one commit through the bundle: --images and --values, the changes output and a Set trailer per value', async () => {
    const env = await setUp();
    const images = 'ghcr.io/acme/payments=2.0\nghcr.io/acme/payments-worker=2.0.1';
    const result = await cli(['update-manifest', '--files', 'charts/payments/values.yaml', '--images', images, '--values', 'replicaCount=3', ...IDENTITY], env.checkout, { GITOPS_PROMOTE_TOKEN: TOKEN });
    expect(result.exitCode, show(result)).toBe(0);
    const outputs = parseOutputs(result.stdout);
    expect(outputs).toMatchObject({ changed: 'true', pushed: 'true', 'commit-sha': await sandbox.gitOk(['rev-parse', 'main'], env.bare) });
    expect(JSON.parse(outputs.changes ?? '')).toEqual([
      { file: 'charts/payments/values.yaml', document: 0, line: 2, path: 'replicaCount', key: 'replicaCount', previous: '2', value: '3' },
      { file: 'charts/payments/values.yaml', document: 0, line: 5, path: 'image.tag', image: 'ghcr.io/acme/payments', previous: '1.9', value: '2.0' },
      { file: 'charts/payments/values.yaml', document: 0, line: 10, path: 'worker.image.tag', image: 'ghcr.io/acme/payments-worker', previous: '1.9.3', value: '2.0.1' },
    ]);
    expect(await sandbox.gitOk(['rev-list', '--count', `${env.initial}..main`], env.bare)).toBe('1');
    expect((await sandbox.git(['cat-file', 'blob', 'main:charts/payments/values.yaml'], env.bare)).stdout).toBe(
      VALUES.replace('replicaCount: 2', 'replicaCount: 3').replace('tag: "1.9"', 'tag: "2.0"').replace('tag: 1.9.3', 'tag: 2.0.1'),
    );
    expect(await sandbox.gitOk(['log', '-1', '--format=%s', 'main'], env.bare)).toBe('chore(deploy): set ghcr.io/acme/payments to 2.0, ghcr.io/acme/payments-worker to 2.0.1, replicaCount to 3');
    expect((await sandbox.gitOk(['log', '-1', '--format=%(trailers:key=Gitops-Promote-Set,valueonly)', 'main'], env.bare)).split('\n')).toEqual([
      '{"image":"ghcr.io/acme/payments","value":"2.0","previous":["1.9"]}',
      '{"image":"ghcr.io/acme/payments-worker","value":"2.0.1","previous":["1.9.3"]}',
      '{"key":"replicaCount","value":"3","previous":["2"]}',
    ]);
  });

  it('a train entry that matches nothing fails naming it, exit 1, and pushes nothing', async () => {
    const env = await setUp();
    const result = await cli(['update-manifest', '--files', 'charts/payments/values.yaml', '--images', 'ghcr.io/acme/payments=2.0\nghcr.io/acme/nope=1', '--no-push', ...IDENTITY], env.checkout);
    expect(result.exitCode, show(result)).toBe(1);
    expect(result.stderr).toContain('Image ghcr.io/acme/nope is not referenced in 1 file (charts/payments/values.yaml).');
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(await sandbox.gitOk(['status', '--porcelain'], env.checkout)).toBe('');
    expect(await sandbox.gitOk(['rev-parse', 'HEAD'], env.checkout)).toBe(env.initial);
  });
});
