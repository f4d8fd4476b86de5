/**
 * The built update-manifest action (dist/update-manifest/index.js) end to end, as GitHub runs it:
 * INPUT_* variables in, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files out, against real repositories
 * served over smart HTTP with basic auth (test/support/git-http-server.ts).
 *
 * Run `npm run build` first: these tests exercise the bundle, not the sources.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { startGitHttpServer, type GitHttpServer } from '../support/git-http-server';
import {
  authHeaderConfig,
  createSandbox,
  randomToken,
  runBundle,
  UPDATE_MANIFEST_BUNDLE,
  type BundleResult,
  type Sandbox,
} from '../support/run-bundle';

const USER = 'x-access-token';
const TOKEN = randomToken();
const CREDENTIAL = Buffer.from(`${USER}:${TOKEN}`, 'utf8').toString('base64');
const AUTHOR = { name: 'Release Bot', email: 'release-bot@example.invalid' };

const KUSTOMIZATION = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - deployment.yaml
images:
  - name: ghcr.io/acme/payments   # the service this pipeline builds
    newTag: "1.4.1"
  - name: ghcr.io/acme/payments-worker
    newTag: 1.4.1
`;

const DEPLOYMENT = `# Deployed by Argo CD from envs/dev
apiVersion: apps/v1
kind: Deployment
metadata:
  name: payments
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: ghcr.io/acme/payments:1.4.1   # same image, runs migrations
      containers:
        - name: api
          image: 'ghcr.io/acme/payments:1.4.1'
        - name: worker
          image: ghcr.io/acme/payments-worker:1.4.1
`;

const PROD_KUSTOMIZATION = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
images:
  - name: ghcr.io/acme/payments
    newTag: "1.3.0"
`;

/** Line 9 is not valid YAML: `env:` sits between the list items' column and `containers:`. */
const BROKEN = `apiVersion: apps/v1
kind: Deployment
spec:
  template:
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/payments:1.4.1
        env: []
`;

const ENV_FILES: Record<string, string> = {
  'envs/dev/kustomization.yaml': KUSTOMIZATION,
  'envs/dev/deployment.yaml': DEPLOYMENT,
  'envs/prod/kustomization.yaml': PROD_KUSTOMIZATION,
  'envs/dev/broken.yaml': BROKEN,
  'README.md': '# environments\n',
};

const DEV_FILES = 'envs/dev/kustomization.yaml\nenvs/dev/deployment.yaml';

let server: GitHttpServer;
let repoCounter = 0;
let otherCounter = 0;

beforeAll(async () => {
  if (!existsSync(UPDATE_MANIFEST_BUNDLE)) throw new Error(`${UPDATE_MANIFEST_BUNDLE} is missing: run npm run build`);
  server = await startGitHttpServer({ username: USER, password: TOKEN });
});

afterAll(async () => {
  await server.close();
});

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await createSandbox();
});
afterEach(async () => {
  await sandbox.cleanup();
});

interface Env {
  /** Repository name on the server. */
  name: string;
  bare: string;
  /** Initial commit on the remote. */
  initial: string;
  /** The job's workspace (cwd of the step). */
  workspace: string;
  /** The checkout, `<workspace>/env-repo`, as actions/checkout with `path: env-repo` makes it. */
  checkout: string;
}

async function gitAuth(args: readonly string[], cwd: string): Promise<string> {
  return sandbox.gitOk([...authHeaderConfig(USER, TOKEN), ...args], cwd);
}

/** A fresh remote environment repo and a clone of it, like a CI job's checkout. */
async function setUpEnv(files: Record<string, string> = ENV_FILES): Promise<Env> {
  const name = `env-${String(++repoCounter)}`;
  const bare = await server.createBareRepo(name, files);
  const initial = await sandbox.gitOk(['rev-parse', 'refs/heads/main'], bare);
  const workspace = join(sandbox.dir, `workspace-${name}`);
  await mkdir(workspace, { recursive: true });
  const checkout = await cloneInto(name, join(workspace, 'env-repo'));
  return { name, bare, initial, workspace, checkout };
}

async function cloneInto(name: string, dir: string): Promise<string> {
  await gitAuth(['clone', '--quiet', server.repoUrl(name), dir], sandbox.dir);
  return dir;
}

/** Pushes a commit made by someone else (another pipeline) to the remote. */
async function pushOtherCommit(env: Env, file: string, content: string, message: string): Promise<string> {
  const other = await cloneInto(env.name, join(sandbox.dir, `other-${env.name}-${String(++otherCounter)}`));
  await mkdir(join(other, file, '..'), { recursive: true });
  await writeFile(join(other, file), content);
  await sandbox.gitOk(['-c', 'user.name=Other', '-c', 'user.email=other@example.invalid', 'commit', '--quiet', '-am', message], other);
  await gitAuth(['push', '--quiet', 'origin', 'HEAD:main'], other);
  return sandbox.gitOk(['rev-parse', 'HEAD'], other);
}

function baseInputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    path: 'env-repo',
    files: DEV_FILES,
    image: 'ghcr.io/acme/payments',
    tag: '1.4.2',
    'author-name': AUTHOR.name,
    'author-email': AUTHOR.email,
    token: TOKEN,
    ...extra,
  };
}

function run(env: Env, inputs: Record<string, string>): Promise<BundleResult> {
  return runBundle({ inputs, cwd: env.workspace, home: sandbox.home });
}

/** Everything a failing assertion needs to explain a bundle run. */
function describeRun(result: BundleResult): string {
  return `exit ${String(result.exitCode)}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

async function remoteHead(env: Env): Promise<string> {
  return sandbox.gitOk(['rev-parse', 'refs/heads/main'], env.bare);
}

/** The exact content of `file` on the remote's main branch (gitOk would trim it). */
async function remoteFile(env: Env, file: string): Promise<string> {
  const result = await sandbox.git(['cat-file', 'blob', `main:${file}`], env.bare);
  if (result.exitCode !== 0) throw new Error(`main:${file}: ${result.stderr}`);
  return result.stdout;
}

async function snapshotFiles(root: string, files: readonly string[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const file of files) out.set(file, await readFile(join(root, file)));
  return out;
}

async function expectFilesUnchanged(root: string, before: Map<string, Buffer>): Promise<void> {
  for (const [file, bytes] of before) {
    expect((await readFile(join(root, file))).equals(bytes), `${file} was modified`).toBe(true);
  }
}

/** Every file under `dir`, recursively, as text (for "is the secret on disk" scans). */
async function readTree(dir: string): Promise<string> {
  const parts: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) parts.push((await readFile(join(entry.parentPath, entry.name))).toString('latin1'));
  }
  return parts.join('\n');
}

function expectNoSecret(text: string, what: string, secrets: readonly string[] = [TOKEN, CREDENTIAL]): void {
  for (const secret of secrets) expect(text.includes(secret), `${what} contains a secret`).toBe(false);
}

describe('update-manifest action bundle', () => {
  it('bumps a kustomization and a deployment, commits once and pushes over HTTPS with the token', async () => {
    const env = await setUpEnv();
    const result = await run(
      env,
      baseInputs({ 'commit-message': 'deploy(dev): payments {{tag}}\n\nset by {{image}}' }),
    );
    expect(result.exitCode, describeRun(result)).toBe(0);
    expect(result.errors).toEqual([]);

    const expectedKustomization = KUSTOMIZATION.replace('newTag: "1.4.1"', 'newTag: "1.4.2"');
    const expectedDeployment = DEPLOYMENT.replace(
      'image: ghcr.io/acme/payments:1.4.1   #',
      'image: ghcr.io/acme/payments:1.4.2   #',
    ).replace("image: 'ghcr.io/acme/payments:1.4.1'", "image: 'ghcr.io/acme/payments:1.4.2'");
    expect(expectedDeployment).not.toBe(DEPLOYMENT);

    // Remote: exactly one new commit, with the given author and message, changing exactly these bytes.
    const tip = await remoteHead(env);
    expect(await sandbox.gitOk(['rev-list', '--count', `${env.initial}..main`], env.bare)).toBe('1');
    expect(await sandbox.gitOk(['rev-parse', 'main^'], env.bare)).toBe(env.initial);
    expect(await sandbox.gitOk(['log', '-1', '--format=%an <%ae>|%cn <%ce>', 'main'], env.bare)).toBe(
      `${AUTHOR.name} <${AUTHOR.email}>|${AUTHOR.name} <${AUTHOR.email}>`,
    );
    expect(await sandbox.gitOk(['log', '-1', '--format=%B', 'main'], env.bare)).toBe(
      [
        'deploy(dev): payments 1.4.2',
        '',
        'set by ghcr.io/acme/payments',
        '',
        // Machine-readable history: what was set and what it replaced (rollback reads these).
        'Gitops-Promote-Step: update-manifest',
        'Gitops-Promote-Image: ghcr.io/acme/payments',
        'Gitops-Promote-Value: 1.4.2',
        'Gitops-Promote-Previous: 1.4.1',
      ].join('\n'),
    );
    expect(await sandbox.gitOk(['log', '-1', '--format=%(trailers:key=Gitops-Promote-Value,valueonly)', 'main'], env.bare)).toBe('1.4.2');
    expect(await sandbox.gitOk(['diff', '--name-only', 'main^', 'main'], env.bare)).toBe(
      'envs/dev/deployment.yaml\nenvs/dev/kustomization.yaml',
    );
    expect(await remoteFile(env, 'envs/dev/kustomization.yaml')).toBe(expectedKustomization);
    expect(await remoteFile(env, 'envs/dev/deployment.yaml')).toBe(expectedDeployment);

    // Outputs.
    expect(result.outputs).toMatchObject({ changed: 'true', 'commit-sha': tip, pushed: 'true' });
    expect(JSON.parse(result.outputs['changed-files'] ?? '')).toEqual(['envs/dev/kustomization.yaml', 'envs/dev/deployment.yaml']);
    const changes = JSON.parse(result.outputs['previous-values'] ?? '') as { file: string; path: string; line: number; previous: string; value: string }[];
    expect(changes).toEqual([
      { file: 'envs/dev/kustomization.yaml', document: 0, path: 'images[0].newTag', line: 7, previous: '1.4.1', value: '1.4.2' },
      {
        file: 'envs/dev/deployment.yaml',
        document: 0,
        path: 'spec.template.spec.initContainers[0].image',
        line: 11,
        previous: 'ghcr.io/acme/payments:1.4.1',
        value: 'ghcr.io/acme/payments:1.4.2',
      },
      {
        file: 'envs/dev/deployment.yaml',
        document: 0,
        path: 'spec.template.spec.containers[0].image',
        line: 14,
        previous: 'ghcr.io/acme/payments:1.4.1',
        value: 'ghcr.io/acme/payments:1.4.2',
      },
    ]);

    // Summary.
    expect(result.summary).toContain('### gitops-promote: update-manifest');
    expect(result.summary).toContain('| envs/dev/kustomization.yaml | 7 | `images[0].newTag` | `1.4.1` | `1.4.2` |');
    expect(result.summary).toContain(`Pushed commit \`${tip}\`.`);

    // The checkout: on the pushed commit, clean.
    expect(await sandbox.gitOk(['rev-parse', 'HEAD'], env.checkout)).toBe(tip);
    expect(await sandbox.gitOk(['status', '--porcelain'], env.checkout)).toBe('');
    expect(await readFile(join(env.checkout, 'envs/dev/kustomization.yaml'), 'utf8')).toBe(expectedKustomization);

    // The token: registered as a mask (the runner consumes those lines), printed nowhere else,
    // stored nowhere on disk, and the remote URL carries no credentials.
    expect(result.masks).toContain(TOKEN);
    expect(result.masks).toContain(CREDENTIAL);
    expectNoSecret(result.log, 'stdout (as the runner shows it)');
    expectNoSecret(result.stderr, 'stderr');
    expectNoSecret(result.summary, 'the summary');
    expectNoSecret(JSON.stringify(result.outputs), 'the outputs');
    const gitConfig = await readFile(join(env.checkout, '.git', 'config'), 'utf8');
    expectNoSecret(gitConfig, '.git/config');
    expect(gitConfig).not.toMatch(/extraheader|authorization/i);
    expectNoSecret(await readTree(join(env.checkout, '.git')), 'the .git directory');
    const remoteUrl = await sandbox.gitOk(['config', 'remote.origin.url'], env.checkout);
    expect(remoteUrl).toBe(server.repoUrl(env.name));
    expect(remoteUrl).not.toContain('@');

    // The push authenticated with exactly the token's header (one Authorization, not two).
    const pushes = server.requests.filter((r) => r.path === `/${env.name}.git/git-receive-pack`);
    expect(pushes).toHaveLength(1);
    expect(pushes[0]).toMatchObject({ authorized: true, authorization: `basic ${CREDENTIAL}` });
  });

  it('replaces a header persisted by actions/checkout instead of sending two', async () => {
    const env = await setUpEnv();
    // persist-credentials: true writes the workflow's GITHUB_TOKEN into the checkout's config;
    // the step's own token (e.g. a PAT for another repo) must win.
    const stale = Buffer.from(`${USER}:stale-workflow-token`).toString('base64');
    await sandbox.gitOk(['config', '--local', `http.${server.url}/.extraheader`, `AUTHORIZATION: basic ${stale}`], env.checkout);
    const result = await run(env, baseInputs());
    expect(result.exitCode, describeRun(result)).toBe(0);
    expect(result.outputs.pushed).toBe('true');
    const pushes = server.requests.filter((r) => r.path.startsWith(`/${env.name}.git/`) && r.path.includes('receive-pack'));
    expect(pushes.length).toBeGreaterThan(0);
    for (const request of pushes) expect(request.authorization).toBe(`basic ${CREDENTIAL}`);
    // The checkout's config is left as the user set it up, and the new token is not added to it.
    const gitConfig = await readFile(join(env.checkout, '.git', 'config'), 'utf8');
    expect(gitConfig).toContain(stale);
    expectNoSecret(gitConfig, '.git/config');
  });

  it('reports changed=false and commits nothing when the manifests already hold the values', async () => {
    const env = await setUpEnv();
    const before = await snapshotFiles(env.checkout, Object.keys(ENV_FILES));
    const result = await run(env, baseInputs({ tag: '1.4.1' }));
    expect(result.exitCode, describeRun(result)).toBe(0);
    // With push, "no change" is the remote's answer: commit-sha is the remote tip holding the values.
    expect(result.outputs).toEqual({
      changed: 'false',
      'changed-files': '[]',
      'previous-values': '[]',
      changes: '[]',
      'commit-sha': env.initial,
      pushed: 'false',
      'commits-verified': '',
    });
    expect(result.summary).toContain('No change needed');
    await expectFilesUnchanged(env.checkout, before);
    expect(await sandbox.gitOk(['rev-parse', 'HEAD'], env.checkout)).toBe(env.initial);
    expect(await sandbox.gitOk(['status', '--porcelain', '--ignored'], env.checkout)).toBe('');
    expect(await remoteHead(env)).toBe(env.initial);
    expect(server.requests.some((r) => r.path === `/${env.name}.git/git-receive-pack`)).toBe(false);
  });

  it('dry-run reports the change in its outputs but writes, commits and pushes nothing', async () => {
    const env = await setUpEnv();
    const before = await snapshotFiles(env.checkout, Object.keys(ENV_FILES));
    const result = await run(env, baseInputs({ 'dry-run': 'true' }));
    expect(result.exitCode, describeRun(result)).toBe(0);
    expect(result.outputs).toMatchObject({ changed: 'true', 'commit-sha': '', pushed: 'false' });
    expect(JSON.parse(result.outputs['changed-files'] ?? '')).toEqual(['envs/dev/kustomization.yaml', 'envs/dev/deployment.yaml']);
    expect(JSON.parse(result.outputs['previous-values'] ?? '')).toHaveLength(3);
    expect(result.summary).toContain('Dry run: nothing was written.');
    await expectFilesUnchanged(env.checkout, before);
    expect(await sandbox.gitOk(['rev-parse', 'HEAD'], env.checkout)).toBe(env.initial);
    expect(await sandbox.gitOk(['status', '--porcelain', '--ignored'], env.checkout)).toBe('');
    expect(await remoteHead(env)).toBe(env.initial);
  });

  it('commit: false writes the files and leaves them uncommitted', async () => {
    const env = await setUpEnv();
    const result = await run(env, baseInputs({ commit: 'false' }));
    expect(result.exitCode, describeRun(result)).toBe(0);
    expect(result.outputs).toMatchObject({ changed: 'true', 'commit-sha': '', pushed: 'false' });
    expect(result.summary).toContain('Files written, not committed.');
    expect(await readFile(join(env.checkout, 'envs/dev/kustomization.yaml'), 'utf8')).toBe(
      KUSTOMIZATION.replace('newTag: "1.4.1"', 'newTag: "1.4.2"'),
    );
    expect(await sandbox.gitOk(['status', '--porcelain'], env.checkout)).toBe(
      'M envs/dev/deployment.yaml\n M envs/dev/kustomization.yaml',
    );
    expect(await sandbox.gitOk(['rev-parse', 'HEAD'], env.checkout)).toBe(env.initial);
    expect(await remoteHead(env)).toBe(env.initial);
  });

  it('fails clearly on a wrong token, without printing it, and pushes nothing', async () => {
    const env = await setUpEnv();
    const wrong = randomToken();
    const before = server.requests.length;
    const result = await run(env, baseInputs({ token: wrong }));
    expect(result.exitCode, describeRun(result)).not.toBe(0);
    expect(result.errors).toHaveLength(1);
    const message = result.errors[0] ?? '';
    expect(message).toMatch(/credentials|token/i);
    // The remote is asked first whether it already holds the values, so the fetch is refused.
    expect(message).toMatch(/^git fetch origin main failed/);
    expect(`${result.stdout}\n${result.stderr}`).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(message).not.toMatch(/Unexpected internal error/);
    const wrongCredential = Buffer.from(`${USER}:${wrong}`).toString('base64');
    expectNoSecret(result.log, 'stdout', [wrong, wrongCredential]);
    expectNoSecret(result.stderr, 'stderr', [wrong, wrongCredential]);
    expectNoSecret(result.summary, 'summary', [wrong, wrongCredential]);
    expect(await remoteHead(env)).toBe(env.initial);
    const fetches = server.requests.slice(before).filter((r) => r.path.startsWith(`/${env.name}.git/`) && r.path.includes('upload-pack'));
    expect(fetches.length).toBeGreaterThan(0);
    expect(fetches.every((r) => !r.authorized && r.authorization === `basic ${wrongCredential}`)).toBe(true);
    expect(server.requests.some((r) => r.path.startsWith(`/${env.name}.git/`) && r.path.includes('receive-pack'))).toBe(false);
    expectNoSecret(await readTree(join(env.checkout, '.git')), 'the .git directory', [wrong, wrongCredential]);
    // The unpushed commit is undone: the checkout is as the run found it.
    expect(await sandbox.gitOk(['rev-parse', 'HEAD'], env.checkout)).toBe(env.initial);
    expect(await sandbox.gitOk(['status', '--porcelain'], env.checkout)).toBe('');
  });

  it('restores the files when the commit itself fails (a rejecting pre-commit hook)', async () => {
    const env = await setUpEnv();
    const before = await snapshotFiles(env.checkout, Object.keys(ENV_FILES));
    const hook = join(env.checkout, '.git', 'hooks', 'pre-commit');
    await writeFile(hook, '#!/bin/sh\necho "policy: no commits today" >&2\nexit 1\n', { mode: 0o755 });
    const result = await run(env, baseInputs());
    expect(result.exitCode, describeRun(result)).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/^git commit failed .*policy: no commits today/);
    await expectFilesUnchanged(env.checkout, before);
    expect(await sandbox.gitOk(['status', '--porcelain'], env.checkout)).toBe('');
    expect(await sandbox.gitOk(['rev-parse', 'HEAD'], env.checkout)).toBe(env.initial);
    expect(await remoteHead(env)).toBe(env.initial);
  });

  describe('refuses bad inputs with a one-line error and an untouched repository', () => {
    const outside = 'outside-target.yaml';
    const cases: { name: string; inputs: Record<string, string>; error: RegExp; setup?: (env: Env) => Promise<void> }[] = [
      {
        name: 'malformed YAML',
        inputs: { files: 'envs/dev/broken.yaml' },
        error: /^envs\/dev\/broken\.yaml:9:\d+: malformed YAML: /,
      },
      { name: 'a glob matching no file', inputs: { files: 'envs/staging/*.yaml' }, error: /^'files' entry "envs\/staging\/\*\.yaml" matched no file/ },
      { name: 'a missing file', inputs: { files: 'envs/dev/nope.yaml' }, error: /^'files' entry "envs\/dev\/nope\.yaml": envs\/dev\/nope\.yaml does not exist\.$/ },
      {
        name: 'an image referenced nowhere',
        inputs: { image: 'ghcr.io/acme/billing' },
        error: /^Image ghcr\.io\/acme\/billing is not referenced in 2 files \(envs\/dev\/kustomization\.yaml, envs\/dev\/deployment\.yaml\)\.$/,
      },
      { name: 'a .. path', inputs: { files: `../${outside}` }, error: /climbs out of the repository with '\.\.'/ },
      { name: 'a nested .. path', inputs: { files: 'envs/../../x.yaml' }, error: /climbs out of the repository with '\.\.'/ },
      { name: 'an absolute path', inputs: { files: '/etc/hostname' }, error: /^'files' entry "\/etc\/hostname" is an absolute path\.$/ },
      {
        name: 'a symlink escaping the repository',
        inputs: { files: 'envs/dev/escape.yaml' },
        error: /^'files' entry "envs\/dev\/escape\.yaml": envs\/dev\/escape\.yaml is a symlink leading outside the repository/,
        setup: async (env) => {
          // A tracked symlink (committed, so the tree is clean) to a manifest outside the checkout.
          await writeFile(join(env.workspace, outside), 'image: ghcr.io/acme/payments:1.4.1\n');
          await symlink(`../../../${outside}`, join(env.checkout, 'envs/dev/escape.yaml'));
          await sandbox.gitOk(['add', 'envs/dev/escape.yaml'], env.checkout);
          await sandbox.gitOk(['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', 'commit', '--quiet', '-m', 'symlink'], env.checkout);
        },
      },
      { name: 'a tag with a space', inputs: { tag: '1.4 2' }, error: /^Input 'tag' is not a valid OCI tag: "1\.4 2"\.$/ },
      { name: 'a tag with a newline', inputs: { tag: '1.4.2\nrm -rf /' }, error: /^Input 'tag' is not a valid OCI tag: "1\.4\.2\\nrm -rf \/"\.$/ },
      { name: 'a tag with a shell command', inputs: { tag: '1.4.2;rm -rf /' }, error: /^Input 'tag' is not a valid OCI tag: "1\.4\.2;rm -rf \/"\.$/ },
      { name: 'an invalid digest', inputs: { tag: '', digest: 'sha256:abc' }, error: /^Input 'digest' is not a valid OCI digest: "sha256:abc"\.$/ },
      { name: 'a digest of the wrong length in the tag', inputs: { tag: `1.4.2@sha256:${'a'.repeat(63)}` }, error: /^Input 'tag' carries an invalid digest after its first '@'/ },
      { name: 'a digest of an unregistered algorithm', inputs: { tag: '', digest: 'md5:abc' }, error: /^Input 'digest' is not a valid OCI digest: "md5:abc"\.$/ },
      { name: 'junk after the digest in the tag', inputs: { tag: `2.0@sha256:${'a'.repeat(64)}@junk` }, error: /^Input 'tag' carries an invalid digest after its first '@'/ },
      { name: 'a file under a nested .git', inputs: { files: 'vendor/sub/.git/HEAD' }, error: /\.git/ },
      { name: 'a path that does not exist', inputs: { path: 'no-such-checkout' }, error: /^path "[^"]*no-such-checkout" does not exist\.$/ },
      { name: 'a branch git refuses', inputs: { branch: 'deploy..prod' }, error: /^Input 'branch' is not a valid branch name: "deploy\.\.prod" \(git check-ref-format refuses it\)\.$/ },
      { name: 'an author email git would rewrite', inputs: { 'author-email': 'a@b>c' }, error: /^Input 'author-email' "a@b>c" is not kept as written by git/ },
      { name: 'both image and key', inputs: { key: 'image.tag', value: '1.4.2' }, error: /^Inputs 'image'\/'tag'\/'digest' and 'key'\/'value' were both given\.$/ },
      { name: 'neither image nor key', inputs: { image: '', tag: '' }, error: /^Nothing to set: give 'image' with 'tag' and\/or 'digest', or 'key' with 'value'\.$/ },
    ];

    it.each(cases)('$name', async ({ inputs, error, setup }) => {
      const env = await setUpEnv();
      if (setup) await setup(env);
      const head = await sandbox.gitOk(['rev-parse', 'HEAD'], env.checkout);
      const tracked = (await sandbox.gitOk(['ls-files'], env.checkout)).split('\n');
      const before = await snapshotFiles(env.checkout, tracked);
      const outsideBefore = existsSync(join(env.workspace, outside)) ? await readFile(join(env.workspace, outside)) : undefined;

      const result = await run(env, baseInputs(inputs));

      expect(result.exitCode, describeRun(result)).toBe(1);
      expect(result.errors, describeRun(result)).toHaveLength(1);
      const [message = '', ...rest] = (result.errors[0] ?? '').split('\n');
      expect(message).toMatch(error);
      // One line saying what is wrong, then at most one line saying how to fix it; no stack trace.
      expect(rest.length).toBeLessThanOrEqual(1);
      if (rest.length === 1) expect(rest[0]).toMatch(/^ {2}How to fix: \S/);
      expect(`${result.stdout}\n${result.stderr}`).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(message).not.toMatch(/Unexpected internal error/);
      expect(result.outputs).toEqual({});
      expectNoSecret(result.log, 'stdout');
      expectNoSecret(result.stderr, 'stderr');

      expect(await sandbox.gitOk(['status', '--porcelain', '--ignored'], env.checkout)).toBe('');
      expect(await sandbox.gitOk(['rev-parse', 'HEAD'], env.checkout)).toBe(head);
      await expectFilesUnchanged(env.checkout, before);
      if (outsideBefore) expect((await readFile(join(env.workspace, outside))).equals(outsideBefore)).toBe(true);
      expect(await remoteHead(env)).toBe(env.initial);
    });
  });

  describe('when the remote moved after the checkout', () => {
    it('lands on top of a commit to another file and keeps it', async () => {
      const env = await setUpEnv();
      const prod = PROD_KUSTOMIZATION.replace('1.3.0', '1.3.1');
      const other = await pushOtherCommit(env, 'envs/prod/kustomization.yaml', prod, 'deploy(prod): payments 1.3.1');

      const result = await run(env, baseInputs());
      expect(result.exitCode, describeRun(result)).toBe(0);
      expect(result.log).toMatch(/^Push attempt 1: the remote branch moved; fetching and re-applying the edit in .+ \(.+ left of push-timeout\)\.$/m);
      const tip = await remoteHead(env);
      expect(result.outputs).toMatchObject({ changed: 'true', pushed: 'true', 'commit-sha': tip });
      expect(await sandbox.gitOk(['rev-parse', 'main^'], env.bare)).toBe(other);
      expect(await sandbox.gitOk(['rev-list', '--count', `${env.initial}..main`], env.bare)).toBe('2');
      expect(await remoteFile(env, 'envs/prod/kustomization.yaml')).toBe(prod);
      expect(await remoteFile(env, 'envs/dev/kustomization.yaml')).toBe(KUSTOMIZATION.replace('"1.4.1"', '"1.4.2"'));
      expect(await sandbox.gitOk(['diff', '--name-only', 'main^', 'main'], env.bare)).toBe(
        'envs/dev/deployment.yaml\nenvs/dev/kustomization.yaml',
      );
      expect(await sandbox.gitOk(['log', '-1', '--format=%an|%s', 'main'], env.bare)).toBe(
        `${AUTHOR.name}|chore(deploy): set ghcr.io/acme/payments to 1.4.2`,
      );
      expect(await sandbox.gitOk(['rev-parse', 'HEAD'], env.checkout)).toBe(tip);
      expect(await sandbox.gitOk(['status', '--porcelain'], env.checkout)).toBe('');
    });

    it('re-applies the edit on top of a commit to another line of the same file', async () => {
      const env = await setUpEnv();
      const worker = KUSTOMIZATION.replace('newTag: 1.4.1', 'newTag: 2.0.0');
      expect(worker).not.toBe(KUSTOMIZATION);
      const other = await pushOtherCommit(env, 'envs/dev/kustomization.yaml', worker, 'deploy(dev): payments-worker 2.0.0');

      const result = await run(env, baseInputs({ files: 'envs/dev/kustomization.yaml' }));
      expect(result.exitCode, describeRun(result)).toBe(0);
      expect(result.log).toMatch(/^Push attempt 1: the remote branch moved; fetching and re-applying the edit in .+ \(.+ left of push-timeout\)\.$/m);
      expect(result.outputs).toMatchObject({ changed: 'true', pushed: 'true', 'commit-sha': await remoteHead(env) });
      expect(await sandbox.gitOk(['rev-parse', 'main^'], env.bare)).toBe(other);
      expect(await remoteFile(env, 'envs/dev/kustomization.yaml')).toBe(worker.replace('newTag: "1.4.1"', 'newTag: "1.4.2"'));
      expect(await sandbox.gitOk(['diff', '--numstat', 'main^', 'main'], env.bare)).toBe('1\t1\tenvs/dev/kustomization.yaml');
    });

    it('re-applies from a shallow clone (actions/checkout fetch-depth: 1)', async () => {
      const env = await setUpEnv();
      await pushOtherCommit(env, 'README.md', '# environments v2\n', 'docs: v2');
      // Re-clone shallow: the job sees one commit of a longer history.
      const workspace = join(sandbox.dir, 'shallow-workspace');
      await mkdir(workspace);
      const checkout = join(workspace, 'env-repo');
      await gitAuth(['clone', '--quiet', '--depth', '1', server.repoUrl(env.name), checkout], sandbox.dir);
      expect(await sandbox.gitOk(['rev-parse', '--is-shallow-repository'], checkout)).toBe('true');
      const other = await pushOtherCommit(env, 'envs/prod/kustomization.yaml', PROD_KUSTOMIZATION.replace('1.3.0', '1.3.1'), 'deploy(prod): 1.3.1');

      const result = await run({ ...env, workspace, checkout }, baseInputs());
      expect(result.exitCode, describeRun(result)).toBe(0);
      expect(result.log).toMatch(/^Push attempt 1: the remote branch moved; fetching and re-applying the edit in .+ \(.+ left of push-timeout\)\.$/m);
      expect(result.outputs).toMatchObject({ changed: 'true', pushed: 'true', 'commit-sha': await remoteHead(env) });
      expect(await sandbox.gitOk(['rev-parse', 'main^'], env.bare)).toBe(other);
      expect(await sandbox.gitOk(['rev-list', '--count', `${env.initial}..main`], env.bare)).toBe('3');
      const fsck = await sandbox.git(['fsck', '--full', '--strict', '--no-progress'], env.bare);
      expect(fsck.exitCode, fsck.stderr).toBe(0);
    });

    it('pushes nothing when another run already set the same value', async () => {
      const env = await setUpEnv();
      const same = KUSTOMIZATION.replace('newTag: "1.4.1"', 'newTag: "1.4.2"');
      const other = await pushOtherCommit(env, 'envs/dev/kustomization.yaml', same, 'deploy(dev): payments 1.4.2 (other run)');

      const result = await run(env, baseInputs({ files: 'envs/dev/kustomization.yaml' }));
      expect(result.exitCode, describeRun(result)).toBe(0);
      expect(await remoteHead(env)).toBe(other);
      expect(result.outputs).toMatchObject({ changed: 'false', pushed: 'false', 'commit-sha': other });
      expect(await sandbox.gitOk(['status', '--porcelain'], env.checkout)).toBe('');
    });
  });

  it('stops at once, keeping local work, when re-applying would overwrite an uncommitted change', async () => {
    const env = await setUpEnv();
    // Someone else changes README.md on the remote, while the job left its own edit of README.md
    // uncommitted: resetting onto the remote tip must refuse rather than discard that edit.
    const other = await pushOtherCommit(env, 'README.md', '# environments (remote)\n', 'docs: readme');
    await writeFile(join(env.checkout, 'README.md'), '# environments (local, uncommitted)\n');

    const started = Date.now();
    const result = await run(env, baseInputs());
    const elapsed = Date.now() - started;
    expect(result.exitCode, describeRun(result)).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/^git reset failed .*README\.md/);
    expect(result.errors[0]).toMatch(/How to fix: Commit or stash local changes/);
    // A refusal that cannot go away is not retried: one lost race, one re-apply, done.
    expect(result.log.match(/^Push attempt/gm) ?? []).toHaveLength(1);
    expect(elapsed).toBeLessThan(10_000);
    expect(await readFile(join(env.checkout, 'README.md'), 'utf8')).toBe('# environments (local, uncommitted)\n');
    expect(await remoteHead(env)).toBe(other);
  });

  it(
    '30 concurrent runs bumping 30 images in one file all land, each exactly once',
    async () => {
      const count = 30;
      const services = Array.from({ length: count }, (_, i) => `ghcr.io/acme/svc-${String(i + 1).padStart(2, '0')}`);
      const oldTags = services.map((_, i) => `1.0.${String(i)}`);
      const newTags = services.map((_, i) => `2.${String(i)}.0`);
      // Mixed quoting and comments, so "byte-identical except the tags" means something.
      const render = (tags: readonly string[]): string =>
        [
          '# Every service of the platform, promoted together',
          'apiVersion: kustomize.config.k8s.io/v1beta1',
          'kind: Kustomization',
          'resources:',
          '  - ../../base',
          'images:',
          ...services.flatMap((name, i) => {
            const tag = tags[i] ?? '';
            const quoted = i % 3 === 0 ? `"${tag}"` : i % 3 === 1 ? `'${tag}'` : tag;
            return [`  - name: ${name}${i % 4 === 0 ? `   # owner: team-${String(i)}` : ''}`, `    newTag: ${quoted}`];
          }),
          '',
        ].join('\n');
      const file = 'envs/prod/kustomization.yaml';
      const original = render(oldTags);
      const expected = render(newTags);

      const env = await setUpEnv({ [file]: original, 'README.md': '# environments\n' });
      const workspaces = await Promise.all(
        services.map(async (_, i) => {
          const workspace = join(sandbox.dir, `race-${String(i)}`);
          await mkdir(workspace);
          await cloneInto(env.name, join(workspace, 'env-repo'));
          return workspace;
        }),
      );

      const started = Date.now();
      const results = await Promise.all(
        services.map((image, i) =>
          runBundle({
            cwd: workspaces[i] ?? '',
            home: sandbox.home,
            inputs: {
              path: 'env-repo',
              files: file,
              image,
              tag: newTags[i] ?? '',
              'commit-message': `deploy(prod): ${image.split('/').pop() ?? ''} to {{tag}}`,
              'author-name': AUTHOR.name,
              'author-email': AUTHOR.email,
              token: TOKEN,
            },
            timeoutMs: 290_000,
          }),
        ),
      );
      const wallMs = Date.now() - started;

      const failedAttempts = results.map((r) => (r.log.match(/^Push attempt \d+:/gm) ?? []).length);
      const stats = {
        wallMs,
        pushAttemptLines: failedAttempts.reduce((a, b) => a + b, 0),
        totalPushes: failedAttempts.reduce((a, b) => a + b + 1, 0),
        maxAttemptsOneRun: Math.max(...failedAttempts) + 1,
        perRun: failedAttempts.map((n) => n + 1),
      };
      console.log(`RACE_STATS ${JSON.stringify(stats)}`);

      for (const [i, result] of results.entries()) {
        expect(result.exitCode, describeRun(result)).toBe(0);
        expect(result.outputs.pushed, describeRun(result)).toBe('true');
        expect(result.outputs.changed).toBe('true');
        // Whatever the others did meanwhile, each run changed exactly its own image's tag.
        expect(JSON.parse(result.outputs['previous-values'] ?? '')).toEqual([
          { file, document: 0, path: `images[${String(i)}].newTag`, line: 8 + 2 * i, previous: oldTags[i], value: newTags[i] },
        ]);
      }

      // 12 new commits, one per run, each with its own message and changing only its own line.
      const log = (await sandbox.gitOk(['log', '--format=%H %s', `${env.initial}..main`], env.bare)).split('\n');
      expect(log).toHaveLength(count);
      const messages = log.map((line) => line.slice(41));
      expect(new Set(messages).size).toBe(count);
      expect([...messages].sort()).toEqual(services.map((s, i) => `deploy(prod): ${s.split('/').pop() ?? ''} to ${newTags[i] ?? ''}`).sort());
      const shas = new Set(log.map((line) => line.slice(0, 40)));
      for (const result of results) expect(shas.has(result.outputs['commit-sha'] ?? '')).toBe(true);
      for (const line of log) {
        const sha = line.slice(0, 40);
        const service = /svc-\d\d/.exec(line)?.[0] ?? '';
        const index = services.findIndex((s) => s.endsWith(service));
        const diff = await sandbox.gitOk(['diff', '--unified=0', `${sha}^`, sha], env.bare);
        const removed = diff.split('\n').filter((l) => l.startsWith('-') && !l.startsWith('---'));
        const added = diff.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++'));
        expect(removed, diff).toHaveLength(1);
        expect(added, diff).toHaveLength(1);
        expect(removed[0]).toContain(oldTags[index]);
        expect(added[0]).toContain(newTags[index]);
        expect(await sandbox.gitOk(['rev-list', '--parents', '-n', '1', sha], env.bare)).toMatch(/^[0-9a-f]{40} [0-9a-f]{40}$/);
      }

      // The final file: all 12 tags, every other byte as it was, still valid YAML.
      const final = await remoteFile(env, file);
      expect(final).toBe(expected);
      const parsed = parseYaml(final) as { images: { name: string; newTag: string }[] };
      expect(parsed.images.map((i) => [i.name, String(i.newTag)])).toEqual(services.map((s, i) => [s, newTags[i]]));

      const fsck = await sandbox.git(['fsck', '--full', '--strict', '--no-progress'], env.bare);
      expect(fsck.exitCode, fsck.stderr).toBe(0);
      expect(`${fsck.stdout}${fsck.stderr}`).not.toMatch(/error|missing|broken|corrupt/i);
    },
    300_000,
  );
});
