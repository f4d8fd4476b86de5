/**
 * update-manifest's step logic in process (a fake Platform, real git on local bare repositories):
 * `changed=false` with push means the remote branch holds the values, whatever the checkout holds;
 * leftovers of killed runs (temp files, index.lock) are cleaned or explained; git and its hooks
 * never see the step's inputs or secrets; the push budget is time, not a count.
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitopsPromoteError } from '../../packages/core/src/errors';
import { validateUpdateManifestInputs, type UpdateManifestInputs } from '../../packages/core/src/steps/update-manifest/config';
import { runUpdateManifest, type UpdateManifestResult } from '../../packages/core/src/steps/update-manifest/run';
import { updateManifestSpec } from '../../packages/core/src/steps/update-manifest/spec';
import { failureOf } from '../support/errors';
import { FakePlatform } from '../support/fake-platform';
import { useHermeticGitEnv } from '../support/hermetic-git-env';
import { createSandbox, type Sandbox } from '../support/run-bundle';
import { testContext } from '../support/step-context';

const KUSTOMIZATION = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
images:
  - name: ghcr.io/acme/payments   # the service this pipeline builds
    newTag: "1.4.1"
`;
const BUMPED = KUSTOMIZATION.replace('"1.4.1"', '"1.4.2"');
const FILE = 'envs/dev/kustomization.yaml';
const IDENTITY = ['-c', 'user.name=Someone', '-c', 'user.email=someone@example.invalid'];

let sandbox: Sandbox;
useHermeticGitEnv();
beforeEach(async () => {
  sandbox = await createSandbox('gitops-promote-state-');
});
afterEach(async () => {
  await sandbox.cleanup();
});

interface Env {
  bare: string;
  checkout: string;
  initial: string;
}

async function setUp(): Promise<Env> {
  const bare = join(sandbox.dir, 'remote.git');
  const seed = join(sandbox.dir, 'seed');
  await sandbox.gitOk(['init', '--quiet', '--bare', '--initial-branch=main', bare], sandbox.dir);
  await mkdir(join(seed, 'envs/dev'), { recursive: true });
  await sandbox.gitOk(['init', '--quiet', '--initial-branch=main'], seed);
  await writeFile(join(seed, FILE), KUSTOMIZATION);
  await writeFile(join(seed, 'README.md'), '# environments\n');
  await sandbox.gitOk(['add', '.'], seed);
  await sandbox.gitOk([...IDENTITY, 'commit', '--quiet', '-m', 'initial'], seed);
  await sandbox.gitOk(['push', '--quiet', bare, 'main'], seed);
  const checkout = join(sandbox.dir, 'checkout');
  await sandbox.gitOk(['clone', '--quiet', bare, checkout], sandbox.dir);
  const initial = await sandbox.gitOk(['rev-parse', 'HEAD'], checkout);
  return { bare, checkout, initial };
}

function config(env: Env, extra: Partial<UpdateManifestInputs> = {}) {
  const inputs = Object.fromEntries(updateManifestSpec.inputs.map((input) => [input.name, ''])) as UpdateManifestInputs;
  return validateUpdateManifestInputs({ ...inputs, path: env.checkout, files: FILE, image: 'ghcr.io/acme/payments', tag: '1.4.2', ...extra });
}

async function run(env: Env, extra: Partial<UpdateManifestInputs> = {}, platform = new FakePlatform()): Promise<UpdateManifestResult> {
  return runUpdateManifest(config(env, extra), platform, testContext({ backoff: { minDelayMs: 10, maxDelayMs: 50 } }));
}

async function failure(env: Env, extra: Partial<UpdateManifestInputs> = {}, platform = new FakePlatform()): Promise<GitopsPromoteError> {
  return failureOf(run(env, extra, platform));
}

async function remoteFile(env: Env): Promise<string> {
  const result = await sandbox.git(['cat-file', 'blob', `main:${FILE}`], env.bare);
  return result.stdout;
}

async function remoteTip(env: Env): Promise<string> {
  return sandbox.gitOk(['rev-parse', 'main'], env.bare);
}

/** Pushes `content` for FILE from a second clone, as another pipeline would. */
async function pushFromElsewhere(env: Env, content: string): Promise<string> {
  const other = join(sandbox.dir, `other-${String(Date.now())}`);
  await sandbox.gitOk(['clone', '--quiet', env.bare, other], sandbox.dir);
  await writeFile(join(other, FILE), content);
  await sandbox.gitOk([...IDENTITY, 'commit', '--quiet', '-am', 'elsewhere'], other);
  await sandbox.gitOk(['push', '--quiet', 'origin', 'HEAD:main'], other);
  return sandbox.gitOk(['rev-parse', 'HEAD'], other);
}

describe('push: true decides against the remote branch', () => {
  it('pushes an unpushed local commit that already holds the value (a run cancelled before its push)', async () => {
    const env = await setUp();
    await writeFile(join(env.checkout, FILE), BUMPED);
    await sandbox.gitOk([...IDENTITY, 'commit', '--quiet', '-am', 'bump, never pushed'], env.checkout);
    const local = await sandbox.gitOk(['rev-parse', 'HEAD'], env.checkout);

    const platform = new FakePlatform();
    const result = await run(env, {}, platform);
    expect(result).toMatchObject({ changed: true, pushed: true, commitSha: local, changedFiles: [FILE] });
    expect(result.changes).toEqual([{ file: FILE, document: 0, path: 'images[0].newTag', line: 5, previous: '1.4.1', value: '1.4.2' }]);
    expect(platform.log).toMatch(/holds the values in unpushed commit/);
    expect(await remoteTip(env)).toBe(local);
    expect(await remoteFile(env)).toBe(BUMPED);
  });

  it('refuses an uncommitted edit that holds the value, naming the file, and changes nothing', async () => {
    const env = await setUp();
    await writeFile(join(env.checkout, FILE), BUMPED);
    const error = await failure(env);
    expect(error.message).toBe(`${FILE} already holds the values in the work tree, but uncommitted: origin/main does not have them.`);
    expect(error.hint).toMatch(/git checkout -- envs\/dev\/kustomization\.yaml/);
    expect(await remoteTip(env)).toBe(env.initial);
    expect(await sandbox.gitOk(['rev-parse', 'HEAD'], env.checkout)).toBe(env.initial);
    expect(await readFile(join(env.checkout, FILE), 'utf8')).toBe(BUMPED);
  });

  it('reports changed=false with the remote tip when only the remote holds the value', async () => {
    const env = await setUp();
    const other = await pushFromElsewhere(env, BUMPED);
    const platform = new FakePlatform();
    const result = await run(env, {}, platform);
    expect(result).toMatchObject({ changed: false, pushed: false, commitSha: other, changedFiles: [], changes: [] });
    expect(platform.log).toMatch(/origin\/main already holds the values at [0-9a-f]{12} \(the checkout is behind it\)/);
    expect(await remoteTip(env)).toBe(other);
    // The checkout is left alone.
    expect(await sandbox.gitOk(['rev-parse', 'HEAD'], env.checkout)).toBe(env.initial);
    expect(await sandbox.gitOk(['status', '--porcelain'], env.checkout)).toBe('');
  });

  it('reports changed=false with the tip as commit-sha when both hold the value', async () => {
    const env = await setUp();
    await pushFromElsewhere(env, BUMPED);
    await sandbox.gitOk(['pull', '--quiet', '--ff-only'], env.checkout);
    const result = await run(env);
    expect(result).toMatchObject({ changed: false, pushed: false, commitSha: await remoteTip(env) });
  });

  it('with push: false, the checkout is what counts', async () => {
    const env = await setUp();
    await writeFile(join(env.checkout, FILE), BUMPED);
    await sandbox.gitOk([...IDENTITY, 'commit', '--quiet', '-am', 'bump'], env.checkout);
    const result = await run(env, { push: 'false' });
    expect(result).toMatchObject({ changed: false, pushed: false, commitSha: '' });
    expect(await remoteTip(env)).toBe(env.initial);
  });
});

describe('leftovers of killed runs', () => {
  it("removes a stale temp file of ours (a SIGKILLed writer's) and keeps a live process's", async () => {
    const env = await setUp();
    const dir = join(env.checkout, 'envs/dev');
    // Above Linux's largest pid (2^22), so no process can have it.
    const stale = `.kustomization.yaml.gitops-promote-${String(2 ** 22 + 7)}-1700000000000.tmp`;
    const live = `.kustomization.yaml.gitops-promote-${String(process.ppid)}-1700000000000.tmp`;
    await writeFile(join(dir, stale), 'half');
    await writeFile(join(dir, live), 'in flight');
    await sandbox.gitOk(['config', 'status.showUntrackedFiles', 'all'], env.checkout);

    const result = await run(env);
    expect(result.pushed).toBe(true);
    const names = await readdir(dir);
    expect(names).not.toContain(stale);
    expect(names).toContain(live);
  });

  it('says which index.lock to delete when a killed git left one behind', async () => {
    const env = await setUp();
    const lock = join(env.checkout, '.git', 'index.lock');
    await writeFile(lock, '');
    const error = await failure(env);
    expect(error.message).toMatch(/index\.lock': File exists/);
    expect(error.hint).toContain(`rm '${lock}'`);
    expect(error.hint).toMatch(/If no git process is running in this repository/);
    expect(await remoteTip(env)).toBe(env.initial);
    expect(await readFile(join(env.checkout, FILE), 'utf8')).toBe(KUSTOMIZATION);
  });
});

describe('what git and its hooks can see', () => {
  it('gets no INPUT_* variables and no GITOPS_PROMOTE_* secrets', async () => {
    const env = await setUp();
    const dump = join(sandbox.dir, 'hook-env.txt');
    for (const hook of ['pre-commit', 'pre-push']) {
      const file = join(env.checkout, '.git', 'hooks', hook);
      await writeFile(file, `#!/bin/sh\nenv >> '${dump}'\n`);
      await chmod(file, 0o755);
    }
    const secret = 'ghp_secretvalue0123456789';
    const planted = { INPUT_TOKEN: secret, INPUT_FILES: FILE, GITOPS_PROMOTE_TOKEN: secret, ACTIONS_RUNTIME_TOKEN: secret, KEEP_ME: 'visible' };
    Object.assign(process.env, planted);
    try {
      const result = await run(env);
      expect(result.pushed).toBe(true);
    } finally {
      for (const key of Object.keys(planted)) delete process.env[key];
    }
    const seen = await readFile(dump, 'utf8');
    expect(seen).toContain('KEEP_ME=visible');
    expect(seen).not.toContain(secret);
    expect(seen).not.toMatch(/^INPUT_/m);
    expect(seen).not.toMatch(/^GITOPS_PROMOTE_/m);
  });
});

describe('inputs checked before anything is committed', () => {
  it.each(['a..b', 'main.lock', '-x', 'feature/', 'HEAD', 'a b', 'x@{1}'])('refuses branch %j with git check-ref-format', async (branch) => {
    const env = await setUp();
    const error = await failure(env, { branch });
    expect(error.message).toBe(`Input 'branch' is not a valid branch name: ${JSON.stringify(branch)} (git check-ref-format refuses it).`);
    expect(await sandbox.gitOk(['rev-parse', 'HEAD'], env.checkout)).toBe(env.initial);
    expect(await sandbox.gitOk(['status', '--porcelain'], env.checkout)).toBe('');
  });
});

describe('push-timeout', () => {
  it('retries lost races until the budget is spent, then fails and undoes its commit', async () => {
    const env = await setUp();
    // A remote whose branch "always moves": every push is answered the way a lost race is.
    const hook = join(env.bare, 'hooks', 'pre-receive');
    await writeFile(hook, "#!/bin/sh\necho \"error: cannot lock ref 'refs/heads/main': is at 1111111 but expected 2222222\" >&2\nexit 1\n");
    await chmod(hook, 0o755);
    const platform = new FakePlatform();
    const error = await failure(env, { 'push-timeout': '4s' }, platform);
    expect(error.message).toMatch(/^Could not push to main within push-timeout 4\.0 s \(\d+ attempts\): other pushes kept moving the branch\.$/);
    const attempts = Number(/\((\d+) attempts\)/.exec(error.message)?.[1]);
    // Retried until the 4 s budget was spent, not given up after one lost race. How many attempts
    // fit depends on the machine's load (each is a fetch, a re-apply, a commit and a push).
    expect(attempts).toBeGreaterThan(2);
    expect(platform.lines.filter((line) => line.startsWith('Push attempt ')).length).toBe(attempts - 1);
    expect(await sandbox.gitOk(['rev-parse', 'HEAD'], env.checkout)).toBe(env.initial);
    expect(await sandbox.gitOk(['status', '--porcelain'], env.checkout)).toBe('');
    expect(existsSync(join(env.checkout, FILE))).toBe(true);
    expect(await readFile(join(env.checkout, FILE), 'utf8')).toBe(KUSTOMIZATION);
  });

  it('refuses a budget that is not a duration', () => {
    const inputs = Object.fromEntries(updateManifestSpec.inputs.map((input) => [input.name, ''])) as UpdateManifestInputs;
    expect(() => validateUpdateManifestInputs({ ...inputs, files: FILE, image: 'app', tag: '1', 'push-timeout': 'soon' })).toThrow(
      /^Input 'push-timeout' is not a duration: "soon"\.$/,
    );
  });
});
