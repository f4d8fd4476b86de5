import { markdownCode, markdownText } from '../../platform/markdown';
import type { Platform } from '../../platform/platform';
import { readInputs } from '../inputs';
import { setChangeRequestOutputs } from '../outputs';
import { validateRollbackInputs } from './config';
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
  const lines = ['### gitops-promote: rollback', ''];
  if (!result.changed) lines.push(`${markdownText(config.targetName)} is already at ${markdownCode(result.to)}; nothing changed.`);
  else {
    lines.push(`${markdownCode(config.targetName)}: ${markdownCode(result.from)} → ${markdownCode(result.to)}${result.source ? ` (the value after ${markdownCode(result.source)})` : ''}.`);
    if (config.reason) lines.push('', `Reason: ${markdownCode(config.reason)}`);
    if (result.url) lines.push('', `Change request: [#${result.number ?? ''}](${result.url})`);
    else if (result.commitSha) lines.push('', `Commit ${markdownCode(result.commitSha)}${result.pushed ? ' pushed' : ''}.`);
    if (config.dryRun) lines.push('', 'Dry run: nothing was written.');
  }
  await platform.appendSummary(lines.join('\n'));
  return result;
}
