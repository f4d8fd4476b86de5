/**
 * The simulator as a published package: `npm pack` (which builds it) holds the built JS, its
 * type declarations, README, LICENSE and package.json, and neither sources nor tests; the packed
 * package runs on plain node and type-checks in a consumer using Node's ESM resolution.
 */
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, REPO_ROOT, runProcess, type ProcessResult, type Sandbox } from '../../../../test/support/run-bundle';

const PACKAGE_DIR = join(REPO_ROOT, 'packages', 'argocd-simulator');
const NAME = '@gitops-promote/argocd-simulator';

interface PackedFile {
  path: string;
}

let sandbox: Sandbox;
let files: string[];
let installed: string;

function ok(result: ProcessResult, what: string): string {
  expect(result.exitCode, `${what}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`).toBe(0);
  return result.stdout;
}

beforeAll(async () => {
  sandbox = await createSandbox('argocd-simulator-pack-');
  const env = sandbox.env({ npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_offline: 'true' });
  const packed = ok(await runProcess('npm', ['pack', '--json', '--pack-destination', sandbox.dir], { cwd: PACKAGE_DIR, env, timeoutMs: 110_000 }), 'npm pack');
  // prepack's build prints to stdout before npm's JSON report.
  const [report] = JSON.parse(packed.slice(packed.search(/^\[/m))) as Array<{ filename: string; files: PackedFile[] }>;
  if (!report) throw new Error(`npm pack reported nothing:\n${packed}`);
  files = report.files.map((file) => file.path).sort();
  // A consumer's node_modules: the tarball unpacked under its name, and its one dependency.
  const consumer = join(sandbox.dir, 'consumer');
  installed = join(consumer, 'node_modules', ...NAME.split('/'));
  await mkdir(installed, { recursive: true });
  ok(await runProcess('tar', ['-xzf', join(sandbox.dir, report.filename), '-C', installed, '--strip-components=1'], { cwd: sandbox.dir, env }), 'tar');
  await symlink(join(REPO_ROOT, 'node_modules', 'yaml'), join(consumer, 'node_modules', 'yaml'), 'dir');
  await writeFile(join(consumer, 'package.json'), '{ "type": "module" }\n');
  // The README's test-double example, run and type-checked below as a user would copy it.
  const readme = await readFile(join(PACKAGE_DIR, 'README.md'), 'utf8');
  const example = /```ts\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('## As a test double')))?.[1] ?? '';
  await writeFile(join(consumer, 'example.ts'), example);
}, 120_000);

afterAll(async () => {
  await sandbox.cleanup();
});

describe('the packed simulator package', () => {
  it('holds dist/*.js with their .d.ts, README, LICENSE and package.json; no sources, tests or build config', () => {
    const built = files.filter((file) => file.startsWith('dist/'));
    expect(built).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'dist/simulator.js', 'dist/simulator.d.ts', 'dist/cli.js', 'dist/manual-clock.js']));
    expect(built.filter((file) => file.endsWith('.js')).map((file) => file.replace(/\.js$/, '.d.ts'))).toEqual(built.filter((file) => file.endsWith('.d.ts')));
    expect(files.filter((file) => !file.startsWith('dist/'))).toEqual(['LICENSE', 'README.md', 'package.json']);
    expect(files.some((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toBe(false);
  });

  it('declares a publishable manifest: not private, entries and bin in dist/, the repo LICENSE', async () => {
    const manifest = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.private).toBeUndefined();
    expect(manifest).toMatchObject({
      name: NAME,
      license: 'MIT',
      main: './dist/index.js',
      types: './dist/index.d.ts',
      exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
      bin: { 'argocd-simulator': 'dist/cli.js' },
      engines: { node: '>=20' },
      repository: { directory: 'packages/argocd-simulator' },
    });
    expect(await readFile(join(installed, 'LICENSE'), 'utf8')).toBe(await readFile(join(REPO_ROOT, 'LICENSE'), 'utf8'));
    expect((await readFile(join(installed, 'dist', 'cli.js'), 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('runs on plain node: starts, answers GET /api/v1/applications, stops', async () => {
    const script = [
      `import { ArgoCdSimulator } from '${NAME}';`,
      `const sim = await ArgoCdSimulator.start({ tokens: ['T'] });`,
      `const reply = await fetch(sim.url + '/api/v1/applications', { headers: { Authorization: 'Bearer T' } });`,
      `console.log(reply.status, JSON.stringify(await reply.json()));`,
      `await sim.close();`,
    ].join('\n');
    const consumer = join(sandbox.dir, 'consumer');
    await writeFile(join(consumer, 'run.mjs'), `${script}\n`);
    const stdout = ok(await runProcess(process.execPath, ['run.mjs'], { cwd: consumer, env: sandbox.env(), timeoutMs: 30_000 }), 'node run.mjs');
    const [status, body] = [stdout.slice(0, stdout.indexOf(' ')), stdout.slice(stdout.indexOf(' ') + 1)];
    expect(status).toBe('200');
    expect(JSON.parse(body)).toMatchObject({ items: [] });
  });

  it("runs the README's test-double example as written", async () => {
    expect(await readFile(join(sandbox.dir, 'consumer', 'example.ts'), 'utf8')).toContain(`from '${NAME}'`);
    const consumer = join(sandbox.dir, 'consumer');
    const tsx = pathToFileURL(join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
    // TMPDIR in the sandbox: the example's repository goes when the sandbox does.
    const env = sandbox.env({ TMPDIR: sandbox.dir });
    const stdout = ok(await runProcess(process.execPath, ['--import', tsx, 'example.ts'], { cwd: consumer, env, timeoutMs: 30_000 }), 'example.ts');
    expect(stdout).toBe('Succeeded\n');
  });

  it('type-checks, with the README example, in a consumer with moduleResolution nodenext', async () => {
    const consumer = join(sandbox.dir, 'consumer');
    await writeFile(
      join(consumer, 'use.ts'),
      [
        `import { ArgoCdSimulator, ManualClock, type Application, type SimulatorOptions } from '${NAME}';`,
        `const options: SimulatorOptions = { clock: new ManualClock(), tokens: ['T'], controlApi: true };`,
        `const sim: ArgoCdSimulator = await ArgoCdSimulator.start(options);`,
        `const apps: Application[] = sim.listApps();`,
        `console.log(apps.length);`,
        `await sim.close();`,
        '',
      ].join('\n'),
    );
    const tsc = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const args = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', '--typeRoots', join(REPO_ROOT, 'node_modules', '@types'), 'use.ts', 'example.ts'];
    ok(await runProcess(process.execPath, [tsc, ...args], { cwd: consumer, env: sandbox.env(), timeoutMs: 110_000 }), 'tsc use.ts example.ts');
  }, 120_000);
});
