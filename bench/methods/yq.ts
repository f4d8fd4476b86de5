import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { PlannedChange } from '../plan';

/** Debian's python yq (kislyuk): `yq -y` loads with PyYAML, filters with jq, dumps with PyYAML. */
export const YQ_PATH = '/usr/bin/yq';

export interface YqRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Wall time of the whole process, start-up included: that is what a CI step pays. */
  ns: number;
}

/** Null when yq is usable, else why not (so the report can skip the column and say so). */
export function yqUnavailable(probeFile: string): string | null {
  if (!existsSync(YQ_PATH)) return `${YQ_PATH} not found (Debian package \`yq\`)`;
  const probe = runYq(['-y', '.', probeFile]);
  if (probe.status !== 0) return `\`${YQ_PATH} -y .\` failed: ${firstLine(probe.stderr) || `exit ${probe.status}`}`;
  return null;
}

export function runYq(args: readonly string[]): YqRun {
  const start = process.hrtime.bigint();
  const result = spawnSync(YQ_PATH, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ns = Number(process.hrtime.bigint() - start);
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, ns };
}

/**
 * yq arguments applying the plan. A single-document file gets the filter a user would write
 * (`setpath` is `.a.b = "v"` with the path given as data, so no key needs jq quoting). yq runs a
 * filter on each document of a stream separately, so a multi-document file is slurped with
 * `-n '[inputs]'`, the right document edited, and the documents emitted again as a stream.
 */
export function yqEditArgs(file: string, plan: readonly PlannedChange[], documents: number): string[] {
  const byDoc = new Map<number, string[]>();
  for (const change of plan) {
    const path = JSON.stringify(change.path);
    const step = change.value === null ? `delpaths([${path}])` : `setpath(${path}; ${JSON.stringify(change.value)})`;
    byDoc.set(change.document, [...(byDoc.get(change.document) ?? []), step]);
  }
  if (documents <= 1 && [...byDoc.keys()].every((doc) => doc === 0)) {
    return ['-y', byDoc.get(0)?.join(' | ') ?? '.', file];
  }
  const edits = [...byDoc].map(([doc, steps]) => `.[${doc}] |= (${steps.join(' | ')})`);
  return ['-y', '-n', ['[inputs]', ...edits, '.[]'].join(' | '), file];
}

export function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}
