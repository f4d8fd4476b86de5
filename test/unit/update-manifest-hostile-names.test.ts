/**
 * An environment repository whose file names are built to inject: update-manifest's log, outputs
 * and job summary (through the real GitHub adapter) must carry them as text, never as a workflow
 * command, a broken summary table or HTML.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { GitHubPlatform } from '../../packages/core/src/platform/github-platform';
import { updateManifestStep } from '../../packages/core/src/steps/update-manifest/step';
import { parseOutputFile } from '../support/run-bundle';
import { usePlatformSandbox } from '../support/platform-sandbox';

const NAMES = [
  'envs/dev/kustomization.yaml',
  // At the top, so the log line about the file starts with its name.
  '::set-output name=pwned::1.yaml',
  '  ::add-mask::x.yaml',
  '##[group]x.yaml',
  'envs/a|b.yaml',
  'envs/x`y``z.yaml',
  'envs/<img src=x onerror=alert(1)>.yaml',
  'envs/[link](https:evil.example).yaml',
];

const sandbox = usePlatformSandbox('gp-hostile-');

/** Cells of a GFM table row: split at every `|` no backslash escapes (cmark-gfm's rule). */
function cells(row: string): string[] {
  return row.replace(/^\| | \|$/g, '').split(/(?<!\\) \| /);
}

/** The literal text of a code span cell, or the cell itself when it is plain text. */
function literal(cell: string): string {
  const fence = /^`+/.exec(cell)?.[0];
  if (fence === undefined) return cell;
  const inner = cell.slice(fence.length, -fence.length);
  return (/^ .* $/.test(inner) ? inner.slice(1, -1) : inner).replace(/\\\|/g, '|');
}

describe('update-manifest with hostile file names', () => {
  it('logs, outputs and summarises them as text', async () => {
    const repo = path.join(sandbox.dir(), 'repo');
    for (const name of NAMES) {
      await mkdir(path.dirname(path.join(repo, name)), { recursive: true });
      await writeFile(path.join(repo, name), 'image: ghcr.io/acme/payments:1.4.1\n');
    }
    const outputFile = path.join(sandbox.dir(), 'output');
    const summaryFile = path.join(sandbox.dir(), 'summary');
    await writeFile(outputFile, '');
    await writeFile(summaryFile, '');
    Object.assign(process.env, {
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      INPUT_PATH: repo,
      INPUT_FILES: '**/*.yaml',
      INPUT_IMAGE: 'ghcr.io/acme/payments',
      INPUT_TAG: '1.4.2',
      'INPUT_DRY-RUN': 'true',
      // Not a git repository: a dry run that would commit is refused as the real run would be.
      INPUT_COMMIT: 'false',
    });
    let stdout = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });

    const result = await updateManifestStep(new GitHubPlatform());
    expect(result.changedFiles.slice().sort()).toEqual(NAMES.slice().sort());

    // The log names every file, but the only commands in it are the adapter's own group markers.
    const lines = stdout.split('\n');
    expect(lines.filter((line) => /^\s*::/.test(line))).toEqual(['::group::Editing manifests', '::endgroup::']);
    expect(lines.filter((line) => /##\[[a-z-]+[\] ]/i.test(line))).toEqual([]);
    expect(stdout).toContain('\n\\::set-output name=pwned::1.yaml:1 image: "ghcr.io/acme/payments:1.4.1" → "ghcr.io/acme/payments:1.4.2"\n');
    expect(stdout).toContain('\nenvs/a|b.yaml:1 image: "ghcr.io/acme/payments:1.4.1" → "ghcr.io/acme/payments:1.4.2"\n');

    // Outputs: the same names, read back from JSON, with no command in the raw text.
    const outputs = parseOutputFile(await readFile(outputFile, 'utf8'));
    expect((JSON.parse(outputs['changed-files'] ?? '') as string[]).sort()).toEqual(NAMES.slice().sort());
    expect(outputs['changed-files']).not.toContain('##[');

    // The summary: one row of five cells per file, each file shown literally.
    const summary = await readFile(summaryFile, 'utf8');
    const rows = summary.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| File') && !line.startsWith('| ---'));
    expect(rows).toHaveLength(NAMES.length);
    const shown = rows.map((row) => {
      const row5 = cells(row);
      expect(row5, row).toHaveLength(5);
      return literal(row5[0] ?? '');
    });
    expect(shown.sort()).toEqual(NAMES.slice().sort());
    // Every `<` and `[` of a name sits inside a code span, where Markdown shows it as text.
    for (const row of rows) {
      const file = cells(row)[0] ?? '';
      if (/[<[`|]/.test(literal(file))) expect(file).toMatch(/^`+.*`+$/);
    }
    expect(summary.split('\n').every((line) => !/^\s*(::|##\[)/.test(line))).toBe(true);
    expect(summary).toContain('| envs/dev/kustomization.yaml | 1 | `image` | `ghcr.io/acme/payments:1.4.1` | `ghcr.io/acme/payments:1.4.2` |');
  });
});
