/**
 * The root package as npm publishes it: `npm pack` gives dist/, the README and package.json with
 * a `gitops-promote` bin, nothing else; installed into an empty folder (offline: the bundles need
 * no dependency), `npx gitops-promote` runs every step's help, --version and a real step.
 */
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runProcess } from '../support/run-bundle';

let dir: string;
let tarball: string;
let app: string;
const inherited = (): Record<string, string> => Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
const npmEnv = () => ({ ...inherited(), npm_config_cache: join(dir, 'cache'), npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gitops-promote-pack-'));
  const out = join(dir, 'out');
  await mkdir(out);
  const packed = await runProcess('npm', ['pack', '--silent', '--pack-destination', out], { cwd: REPO_ROOT, env: npmEnv(), timeoutMs: 60_000 });
  expect(packed.exitCode, packed.stderr).toBe(0);
  tarball = join(out, packed.stdout.trim().split('\n').pop() ?? '');
  app = join(dir, 'app');
  await mkdir(app);
  await writeFile(join(app, 'package.json'), '{"name":"consumer","private":true}\n');
  const installed = await runProcess('npm', ['install', '--offline', tarball], { cwd: app, env: npmEnv(), timeoutMs: 60_000 });
  expect(installed.exitCode, installed.stderr).toBe(0);
}, 120_000);
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('npm package', () => {
  it('holds the CLI bundle, the README, CHANGELOG, LICENSE and package.json, nothing else, in under 1 MB', async () => {
    const listed = await runProcess('tar', ['-tzf', tarball], { cwd: dir, env: inherited() });
    const files = listed.stdout.trim().split('\n');
    expect(files.filter((file) => !file.startsWith('package/dist/')).sort()).toEqual(['package/CHANGELOG.md', 'package/LICENSE', 'package/README.md', 'package/package.json']);
    // The actions run dist/<step>/ from the repository; a GitLab job downloads the package, which
    // needs only the CLI (every step, loaded on demand).
    expect(files.filter((file) => file.startsWith('package/dist/') && !file.startsWith('package/dist/cli/'))).toEqual([]);
    expect(files).toContain('package/dist/cli/index.js');
    expect((await stat(tarball)).size).toBeLessThan(1024 * 1024);
    const manifest = JSON.parse(await readFile(join(app, 'node_modules', 'gitops-promote', 'package.json'), 'utf8')) as { bin: Record<string, string>; dependencies?: unknown };
    expect(manifest.bin).toEqual({ 'gitops-promote': 'dist/cli/index.js' });
    expect(manifest.dependencies).toBeUndefined();
  });

  it('npx gitops-promote: --version, every step\'s --help, and a step that runs', async () => {
    const npx = (args: string[]) => runProcess('npx', ['--offline', '--no-install', 'gitops-promote', ...args], { cwd: app, env: npmEnv(), timeoutMs: 60_000 });
    const version = await npx(['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8')).version);
    for (const step of ['update-manifest', 'wait-argocd-healthy', 'open-promotion-pr', 'rollback']) {
      const help = await npx([step, '--help']);
      expect(help.exitCode, help.stderr).toBe(0);
      expect(help.stdout).toContain(`gitops-promote ${step} [flags]`);
    }
    const bad = await npx(['update-manifest', '--files', 'x.yaml', '--image', 'app', '--tag', 'bad tag']);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toMatch(/^error: Input 'tag' is not a valid OCI tag/);
  });
});
