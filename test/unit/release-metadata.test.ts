/**
 * Issue 21, items 1 and 4: one version everywhere (package.json is the source; every reference in
 * the README, action.yml files, templates and examples names it exactly or by its major, as each
 * tool's convention has it), and package metadata a registry and a user expect: a LICENSE, where
 * the code lives, and no locked dependency that refuses the Node versions `engines` promises.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { packageVersion, referenceFiles, referencesIn, unrecognised } from '../../scripts/version-refs';

const root = path.resolve(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown> & { version: string; engines: { node: string } };

describe('one version everywhere', () => {
  it('every reference names package.json\'s version or its major, and no reference goes unread', async () => {
    const version = await packageVersion(root);
    expect(semver.valid(version)).toBe(version);
    const files = await referenceFiles(root);
    const all = files.flatMap((file) => referencesIn(file, readFileSync(path.join(root, file), 'utf8'), version));
    // README (actions, npx, components, a project include), both example folders, the templates.
    for (const where of ['README.md', 'examples/github/app-repo.yml', 'examples/gitlab/app-repo.gitlab-ci.yml', 'templates/update-manifest.yml']) {
      expect(all.filter((ref) => ref.file === where).length, where).toBeGreaterThan(0);
    }
    expect(all.filter((ref) => ref.written !== ref.expected)).toEqual([]);
    expect(files.flatMap((file) => unrecognised(file, readFileSync(path.join(root, file), 'utf8')))).toEqual([]);
  });

  it('finds a drifted reference', () => {
    const drifted = referencesIn('README.md', 'uses: acme/gitops-promote/actions/rollback@v2\n  - component: $CI_SERVER_FQDN/acme/gitops-promote/rollback@0.9.0\n', '1.4.0');
    expect(drifted.map((ref) => [ref.written, ref.expected])).toEqual([
      ['v2', 'v1'],
      ['0.9.0', '1.4.0'],
    ]);
    expect(unrecognised('README.md', 'see gitops-promote v0.9.1 for this')).toHaveLength(1);
  });

  it('the workspaces carry the same version', () => {
    for (const file of ['packages/core/package.json', 'packages/argocd-simulator/package.json']) {
      expect((JSON.parse(readFileSync(path.join(root, file), 'utf8')) as { version: string }).version, file).toBe(manifest.version);
    }
  });
});

describe('package metadata', () => {
  it('has a LICENSE matching package.json, and says where the code, the docs and the issues live', () => {
    expect(manifest.license).toBe('MIT');
    expect(existsSync(path.join(root, 'LICENSE'))).toBe(true);
    expect(readFileSync(path.join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
    expect(manifest).toMatchObject({ repository: { type: 'git' }, homepage: expect.stringMatching(/^https:\/\//), bugs: { url: expect.stringMatching(/^https:\/\//) } });
    expect((manifest.keywords as string[]).length).toBeGreaterThan(3);
    expect(manifest.files).toEqual(expect.arrayContaining(['dist/cli/', 'README.md', 'LICENSE', 'CHANGELOG.md']));
  });

  it('locks no package whose engines refuse a Node version that engines.node promises', () => {
    const lowest = semver.minVersion(manifest.engines.node)?.version ?? '';
    expect(lowest).toBe('20.0.0');
    const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { engines?: { node?: string } | string[]; dev?: boolean }> };
    const refusing = Object.entries(lock.packages)
      .filter(([, entry]) => entry.engines && !Array.isArray(entry.engines) && entry.engines.node)
      // This machine's and CI's Node 20 (the latest 20.x): what `npm ci` checks against.
      .filter(([, entry]) => !semver.satisfies('20.20.2', (entry.engines as { node: string }).node))
      .map(([name, entry]) => `${name} (${(entry.engines as { node: string }).node})`);
    expect(refusing).toEqual([]);
  });
});
