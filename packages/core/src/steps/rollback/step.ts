import { markdownCode, markdownText } from '../../platform/markdown';
import type { Platform } from '../../platform/platform';
import { readInputs } from '../inputs';
import { setChangeRequestOutputs } from '../outputs';
import { validateRollbackInputs, type RollbackConfig } from './config';
import { inertJson } from '../../text/neutralise';
import { runRollback, type RollbackResult } from './run';
import type { StepContext } from '../step-context';
import { rollbackSpec } from './spec';

/** The whole step as every entry (action, GitLab job, CLI) runs it: inputs → core → outputs. */
export async function rollbackStep(platform: Platform, context?: StepContext): Promise<RollbackResult> {
  const config = validateRollbackInputs(readInputs(rollbackSpec, platform), context?.env ?? process.env);
  const result = await runRollback(config, platform, context);
  platform.setOutput('changed', String(result.changed));
  platform.setOutput('rolled-back-from', result.from);
  platform.setOutput('rolled-back-to', result.to);
  platform.setOutput('commit-sha', result.commitSha);
  setChangeRequestOutputs(platform, result);
  // Last, so the one-value outputs read as they always did, in their order.
  platform.setOutput('changes', inertJson(result.changes));
  await platform.appendSummary(summary(config, result).join('\n'));
  return result;
}

/** The job summary: one value in a sentence (as always), several as a list, a line per value. */
function summary(config: RollbackConfig, result: RollbackResult): string[] {
  const lines = ['### gitops-promote: rollback', ''];
  if (!result.changed) {
    const names = config.targets.map((target) => target.name).join(', ') || 'Every value';
    lines.push(`${markdownText(names)} ${config.targets.length > 1 ? 'are' : 'is'} already at ${markdownCode(result.to)}; nothing changed.`);
    return lines;
  }
  const [only, ...more] = result.changes;
  if (only && more.length === 0) {
    lines.push(`${markdownCode(only.image ?? only.key ?? '')}: ${markdownCode(result.from)} → ${markdownCode(result.to)}${result.source ? ` (the value after ${markdownCode(result.source)})` : ''}.`);
  } else {
    lines.push(`${result.changes.length} values rolled back in one change:`, '');
    for (const change of result.changes) lines.push(`- ${markdownCode(change.image ?? change.key ?? '')}: ${markdownCode(change.from)} → ${markdownCode(change.to)}`);
  }
  if (config.reason) lines.push('', `Reason: ${markdownCode(config.reason)}`);
  if (result.url) lines.push('', `Change request: [#${result.number ?? ''}](${result.url})`);
  else if (result.commitSha) lines.push('', `Commit ${markdownCode(result.commitSha)}${result.pushed ? ' pushed' : ''}.`);
  if (config.dryRun) lines.push('', 'Dry run: nothing was written.');
  return lines;
}
