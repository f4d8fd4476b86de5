/**
 * For the renderers project's Helm tests: the helm binary (HELM_BIN, else `helm` on the PATH; a
 * missing one fails the run, it never passes unseen) and the fixture chart as files of a test
 * repository.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const CHART_DIR = join(import.meta.dirname, '..', 'fixtures', 'renderers', 'chart');

export function helmBinary(): string {
  const chosen = process.env['HELM_BIN'] || 'helm';
  const probe = spawnSync(chosen, ['version'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    throw new Error(`HELM_BIN: cannot run '${chosen}' (${probe.error?.message ?? probe.stderr.trim()}). scripts/get-renderers.sh DIR prints HELM_BIN=…; .ci/run does this.`);
  }
  return chosen;
}

/** test/fixtures/renderers/chart's files under `prefix`, as a createTestRepo file map. */
export function chartFiles(prefix: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[`${prefix}/${relative(CHART_DIR, full)}`] = readFileSync(full, 'utf8');
    }
  };
  walk(CHART_DIR);
  return files;
}
