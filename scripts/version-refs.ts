// Every place a user reads which release of gitops-promote to take, found and rewritten from one
// source of truth: package.json's version. The docs' references name the release exactly
// (GitLab components, `ref:` of a project include, package manifests) or by its major (GitHub's
// `uses: …@v1` tag, `npx gitops-promote@1`), as each tool's convention has it.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface VersionReference {
  file: string;
  line: number;
  /** The version as written (`v1`, `1`, `1.0.0`). */
  written: string;
  /** What the reference must say for `version`. */
  expected: string;
}

/** Files users read or CI runs that may name a release. Generated templates are gen-docs' job. */
export async function referenceFiles(root: string): Promise<string[]> {
  const files = ['README.md', 'CHANGELOG.md', 'gitlab-templates/README.md', 'action.yml', '.gitlab-ci.yml'];
  for (const dir of ['actions', 'examples', 'templates']) files.push(...(await walk(root, dir)));
  return files.filter((file) => /\.(md|ya?ml)$/.test(file));
}

async function walk(root: string, dir: string): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries) {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(root, relative)));
    else found.push(relative);
  }
  return found;
}

export const major = (version: string): string => version.split('.')[0] ?? version;

/**
 * One rule per way a release is named. `exact` references must equal the version, the others may
 * name the version or its major (GitHub moves `v1` with each 1.x release).
 */
const RULES: readonly { pattern: RegExp; form: (version: string, written: string) => string }[] = [
  // uses: owner/gitops-promote@v1, owner/gitops-promote/actions/<step>@v1.2.3
  { pattern: /[\w.<>-]+\/gitops-promote(?:\/actions\/[\w<>-]+)?@(v\d+(?:\.\d+\.\d+)?)(?![\w.])/g, form: (v, w) => (w.includes('.') ? `v${v}` : `v${major(v)}`) },
  // component: $CI_SERVER_FQDN/owner/gitops-promote/<step>@1.2.3 (the Catalog's tag)
  { pattern: /\/gitops-promote\/(?!actions\/)[\w<>-]+@(\d+(?:\.\d+\.\d+)?)(?![\w.])/g, form: (v) => v },
  // npx gitops-promote@1 / gitops-promote@1.2.3
  { pattern: /(?<![\w/-])gitops-promote@(\d+(?:\.\d+\.\d+)?)(?![\w.])/g, form: (v, w) => (w.includes('.') ? v : major(v)) },
  // include: project: owner/gitops-promote, ref: 1.2.3
  { pattern: /\bref: ['"]?(\d+\.\d+\.\d+)(?![\w.])/g, form: (v) => v },
  // include: remote: https://gitlab.example.com/owner/gitops-promote/-/raw/1.2.3/templates/…
  { pattern: /\/gitops-promote\/-\/raw\/(\d+\.\d+\.\d+)\//g, form: (v) => v },
  // a mirrored package: file:/mirror/gitops-promote-1.2.3.tgz
  { pattern: /gitops-promote-(\d+\.\d+\.\d+)\.tgz/g, form: (v) => v },
];

/** Every release reference in `text`, with what it must say for `version`. */
export function referencesIn(file: string, text: string, version: string): VersionReference[] {
  const found: VersionReference[] = [];
  text.split('\n').forEach((content, index) => {
    for (const rule of RULES) {
      for (const match of content.matchAll(new RegExp(rule.pattern.source, rule.pattern.flags))) {
        const written = match[1] ?? '';
        found.push({ file, line: index + 1, written, expected: rule.form(version, written) });
      }
    }
  });
  return found;
}

/**
 * Lines that name gitops-promote with a version no rule reads (`@2`, `@v1.3.0`, ` 0.9.1`): a
 * new way of naming a release that the rules must learn before it can drift unnoticed.
 */
export function unrecognised(file: string, text: string): { file: string; line: number; text: string }[] {
  // A version attached to the name (`gitops-promote@2`, `…/gitops-promote/actions/x@v1.3.0`,
  // `gitops-promote 0.9.1`); an image tag elsewhere on the line (`--tag 1.4.2`) is no release.
  const versionLike = /gitops-promote[\w/.<>-]*@v?\d[\w.]*|gitops-promote\s+v?\d+\.\d+\.\d+/g;
  return text
    .split('\n')
    .map((content, index) => ({ file, line: index + 1, text: content }))
    .filter(({ text: content }) => {
      if (!/gitops-promote/i.test(content)) return false;
      const loose = content.match(versionLike)?.length ?? 0;
      const read = RULES.reduce((count, rule) => count + (content.match(new RegExp(rule.pattern.source, rule.pattern.flags))?.length ?? 0), 0);
      return loose > read;
    });
}

export async function packageVersion(root: string): Promise<string> {
  return (JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Rewrites every reference in the files to name `next`; returns the files changed. */
export async function bumpReferences(root: string, next: string): Promise<string[]> {
  const changed: string[] = [];
  for (const file of await referenceFiles(root)) {
    const absolute = path.join(root, file);
    const text = await readFile(absolute, 'utf8');
    const lines = text.split('\n').map((content) => {
      let out = content;
      for (const rule of RULES) {
        out = out.replace(new RegExp(rule.pattern.source, rule.pattern.flags), (whole: string, written: string) => whole.replace(written, rule.form(next, written)));
      }
      return out;
    });
    const updated = lines.join('\n');
    if (updated !== text) {
      await writeFile(absolute, updated);
      changed.push(file);
    }
  }
  return changed;
}

/** package.json, the workspaces' manifests (and their pin of each other), and the lockfile. */
export async function bumpManifests(root: string, next: string): Promise<string[]> {
  const files = ['package.json', 'packages/core/package.json', 'packages/argocd-simulator/package.json', 'package-lock.json'];
  for (const file of files) {
    const absolute = path.join(root, file);
    const data = JSON.parse(await readFile(absolute, 'utf8')) as Record<string, unknown>;
    setVersions(data, next);
    await writeFile(absolute, `${JSON.stringify(data, null, 2)}\n`);
  }
  return files;
}

/** Our packages' `version` fields and their dependency on each other, wherever the JSON holds them. */
function setVersions(data: Record<string, unknown>, next: string): void {
  const ours = (name: unknown): boolean => name === 'gitops-promote' || (typeof name === 'string' && name.startsWith('@gitops-promote/'));
  if (ours(data.name) && typeof data.version === 'string') data.version = next;
  for (const field of ['dependencies', 'devDependencies']) {
    const deps = data[field];
    if (deps && typeof deps === 'object') for (const name of Object.keys(deps)) if (ours(name)) (deps as Record<string, string>)[name] = next;
  }
  const packages = data.packages;
  if (packages && typeof packages === 'object') {
    for (const [key, entry] of Object.entries(packages as Record<string, Record<string, unknown>>)) {
      if (key === '' || key.startsWith('packages/')) setVersions(entry, next);
    }
  }
}
