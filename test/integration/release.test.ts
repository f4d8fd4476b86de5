/**
 * Issue 21, item 3: `npm run release -- <version>` on a throwaway copy of this working tree bumps
 * every reference, regenerates what is generated, writes the CHANGELOG entry, commits, and tags
 * vX.Y.Z, the moving major vX and the Catalog's X.Y.Z. The build is replaced by a marker command
 * (CI checks dist/ on its own); everything else runs for real.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceFiles, referencesIn, unrecognised } from '../../scripts/version-refs';
import { createSandbox, REPO_ROOT, runProcess, type Sandbox } from '../support/run-bundle';

let sandbox: Sandbox;
let copy: string;
const MARKER = 'release-build-ran';

beforeAll(async () => {
  sandbox = await createSandbox('gitops-promote-release-');
  copy = join(sandbox.dir, 'repo');
  await mkdir(copy);
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\0').filter((file) => file !== '');
  for (const file of files) await cp(join(REPO_ROOT, file), join(copy, file), { recursive: true }).catch(() => undefined);
  await symlink(join(REPO_ROOT, 'node_modules'), join(copy, 'node_modules'));
  await writeFile(join(copy, '.gitignore'), 'node_modules\n');
  await sandbox.gitOk(['init', '--quiet', '--initial-branch=main'], copy);
  await sandbox.gitOk(['add', '-A'], copy);
  await sandbox.gitOk(['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', 'commit', '--quiet', '-m', 'before the release'], copy);
}, 120_000);
afterAll(async () => sandbox.cleanup());

function release(...args: string[]) {
  return runProcess(process.execPath, [join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/release.ts', ...args], {
    cwd: copy,
    env: sandbox.env({ GIT_AUTHOR_NAME: 'Releaser', GIT_AUTHOR_EMAIL: 'r@example.invalid', GIT_COMMITTER_NAME: 'Releaser', GIT_COMMITTER_EMAIL: 'r@example.invalid', GITOPS_PROMOTE_RELEASE_BUILD: `touch ${MARKER}` }),
  });
}

const tagOf = (tag: string): Promise<string> => sandbox.gitOk(['rev-parse', `${tag}^{commit}`], copy);

async function everyReference(version: string): Promise<{ mismatched: unknown[]; unread: unknown[]; count: number }> {
  const files = await referenceFiles(copy);
  const texts = await Promise.all(files.map(async (file) => [file, await readFile(join(copy, file), 'utf8')] as const));
  const refs = texts.flatMap(([file, text]) => referencesIn(file, text, version));
  return { mismatched: refs.filter((ref) => ref.written !== ref.expected), unread: texts.flatMap(([file, text]) => unrecognised(file, text)), count: refs.length };
}

describe('npm run release', () => {
  it('refuses what is not a release: a bad version, an older one, a dirty tree', async () => {
    expect((await release('v1')).stderr).toMatch(/'v1' is not a release version/);
    expect((await release('0.0.1')).stderr).toMatch(/0\.0\.1 is older than the current version/);
    await writeFile(join(copy, 'stray.txt'), 'x');
    const dirty = await release('9.0.0');
    expect(dirty.exitCode).toBe(1);
    expect(dirty.stderr).toMatch(/uncommitted changes/);
    execFileSync('rm', [join(copy, 'stray.txt')]);
  });

  it('bumps every reference, writes the CHANGELOG entry, commits and tags vX.Y.Z, vX and X.Y.Z', async () => {
    const result = await release('1.7.0', '--date', '2026-12-06');
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const pkg = JSON.parse(await readFile(join(copy, 'package.json'), 'utf8')) as { version: string };
    expect(pkg.version).toBe('1.7.0');
    const refs = await everyReference('1.7.0');
    expect(refs.count).toBeGreaterThan(20);
    expect(refs.mismatched).toEqual([]);
    expect(refs.unread).toEqual([]);
    expect(await readFile(join(copy, 'templates/rollback.yml'), 'utf8')).toMatch(/\n {6}default: 1\.7\.0\n/);
    const lock = JSON.parse(await readFile(join(copy, 'package-lock.json'), 'utf8')) as { version: string; packages: Record<string, { version?: string }> };
    expect([lock.version, lock.packages['']?.version, lock.packages['packages/core']?.version]).toEqual(['1.7.0', '1.7.0', '1.7.0']);
    const core = JSON.parse(await readFile(join(copy, 'packages/core/package.json'), 'utf8')) as { version: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    expect(core.version).toBe('1.7.0');
    expect({ ...core.dependencies, ...core.devDependencies }['@gitops-promote/argocd-simulator']).toBe('1.7.0');
    const changelog = await readFile(join(copy, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(/\n## Unreleased\n\n## 1\.7\.0 - 2026-12-06\n/);
    const head = await sandbox.gitOk(['rev-parse', 'HEAD'], copy);
    expect(await sandbox.gitOk(['log', '-1', '--format=%s'], copy)).toBe('Release 1.7.0');
    expect(await sandbox.gitOk(['status', '--porcelain'], copy)).toBe('');
    expect([await tagOf('v1.7.0'), await tagOf('1.7.0'), await tagOf('v1')]).toEqual([head, head, head]);
    expect(await sandbox.gitOk(['ls-files', MARKER], copy)).toBe(MARKER);
    expect(result.stdout).toContain('git push origin HEAD v1.7.0 1.7.0 && git push --force origin v1');
  });

  it('refuses a release already made, and one with nothing under Unreleased', async () => {
    expect((await release('1.7.0')).stderr).toMatch(/1\.7\.0 is already released/);
    expect((await release('1.8.0')).stderr).toMatch(/CHANGELOG\.md has no entries under "## Unreleased"/);
    expect(await sandbox.gitOk(['status', '--porcelain'], copy)).not.toBe('');
    await sandbox.gitOk(['checkout', '--quiet', '--', '.'], copy);
  });

  it('a new major moves only its own major tag', async () => {
    const one = await tagOf('v1');
    const changelog = join(copy, 'CHANGELOG.md');
    await writeFile(changelog, (await readFile(changelog, 'utf8')).replace('## Unreleased\n', '## Unreleased\n\n- A breaking change.\n'));
    await sandbox.gitOk(['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', 'commit', '--quiet', '-am', 'breaking'], copy);
    const result = await release('2.0.0', '--date', '2026-12-07');
    expect(result.exitCode).toBe(0);
    expect(await tagOf('v2')).toBe(await sandbox.gitOk(['rev-parse', 'HEAD'], copy));
    expect(await tagOf('v1')).toBe(one);
    expect((await everyReference('2.0.0')).mismatched).toEqual([]);
    expect(await readFile(join(copy, 'README.md'), 'utf8')).toContain('acme/gitops-promote/actions/update-manifest@v2');
  });
});
