// npm run release -- <version>: one command from "main is ready" to a release every channel can
// take. Bumps package.json (the one source of truth) and every reference to it, regenerates the
// templates and dist/, turns the CHANGELOG's Unreleased section into the release's entry,
// commits, and tags: vX.Y.Z, the moving major vX (GitHub's convention for actions) and X.Y.Z
// (the GitLab CI/CD Catalog takes only plain semantic versions). It pushes nothing: it prints
// the push and publish commands, so a person decides when the release leaves the machine.
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bumpManifests, bumpReferences, major, packageVersion } from './version-refs';

const root = process.cwd();

function fail(message: string, fix: string): never {
  process.stderr.write(`error: ${message}\n  How to fix: ${fix}\n`);
  process.exit(1);
}

function git(args: readonly string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
}

function run(command: string): void {
  process.stdout.write(`$ ${command}\n`);
  execFileSync(command, { cwd: root, stdio: 'inherit', shell: true });
}

/** -1, 0 or 1 as `a` is older than, equal to or newer than `b` (X.Y.Z only). */
function compare(a: string, b: string): number {
  const [pa, pb] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if ((pa?.[i] ?? 0) !== (pb?.[i] ?? 0)) return (pa?.[i] ?? 0) < (pb?.[i] ?? 0) ? -1 : 1;
  return 0;
}

const tagExists = (tag: string): boolean => git(['tag', '--list', tag]) === tag;

/** The CHANGELOG with its `## Unreleased` section named for the release, and a new empty one above. */
function changelogFor(text: string, version: string, date: string): string {
  if (new RegExp(`^## ${version.replace(/\./g, '\\.')} `, 'm').test(text) && !/^## Unreleased\s*$/m.test(text)) return text;
  const match = /^## Unreleased\s*\n([\s\S]*?)(?=^## |$(?![\s\S]))/m.exec(text);
  if (!match || match[1]?.trim() === '') {
    fail('CHANGELOG.md has no entries under "## Unreleased".', 'Say what this release changes under "## Unreleased" in CHANGELOG.md, then run the release again.');
  }
  return text.replace(/^## Unreleased\s*\n/m, `## Unreleased\n\n## ${version} - ${date}\n`);
}

async function main(): Promise<void> {
  const [version, ...rest] = process.argv.slice(2);
  const dateAt = rest.indexOf('--date');
  const date = dateAt >= 0 ? (rest[dateAt + 1] ?? '') : new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fail(`--date '${date}' is not a date.`, 'Give it as YYYY-MM-DD, or leave it out for today.');
  if (!version || !/^\d+\.\d+\.\d+$/.test(version)) fail(`'${version ?? ''}' is not a release version.`, 'Run: npm run release -- X.Y.Z (e.g. npm run release -- 1.2.0).');
  const current = await packageVersion(root);
  if (compare(version, current) < 0) fail(`${version} is older than the current version ${current}.`, `Give a version after ${current}.`);
  if (tagExists(`v${version}`) || tagExists(version)) fail(`${version} is already released (tag v${version} or ${version} exists).`, 'Give the next version.');
  if (git(['status', '--porcelain']) !== '') fail('The work tree has uncommitted changes.', 'Commit or stash them first: a release is made from a clean checkout.');

  await bumpManifests(root, version);
  const changed = await bumpReferences(root, version);
  process.stdout.write(`References to ${version} (or v${major(version)}) in: ${changed.join(', ') || '(none changed)'}\n`);
  const changelog = path.join(root, 'CHANGELOG.md');
  await writeFile(changelog, changelogFor(await readFile(changelog, 'utf8'), version, date));
  run('npm run --silent docs');
  run(process.env.GITOPS_PROMOTE_RELEASE_BUILD ?? 'npm run --silent build');

  git(['add', '-A']);
  git(['commit', '--quiet', '-m', `Release ${version}`]);
  git(['tag', '-a', `v${version}`, '-m', `gitops-promote ${version}`]);
  git(['tag', '-a', version, '-m', `gitops-promote ${version} (GitLab CI/CD Catalog)`]);
  git(['tag', '-f', '-a', `v${major(version)}`, '-m', `gitops-promote ${version} (latest ${major(version)}.x)`]);
  process.stdout.write(
    [
      '',
      `Released ${version}: commit ${git(['rev-parse', '--short', 'HEAD'])}, tags v${version}, ${version} and v${major(version)} (moved).`,
      'Publish it:',
      `  git push origin HEAD v${version} ${version} && git push --force origin v${major(version)}`,
      '  npm publish            # or: npm publish --registry <your mirror>',
      '',
    ].join('\n'),
  );
}

await main();
