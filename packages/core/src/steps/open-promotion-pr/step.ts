import { markdownCode, markdownText } from '../../platform/markdown';
import type { Platform } from '../../platform/platform';
import { readInputs } from '../inputs';
import { setChangeRequestOutputs } from '../outputs';
import { validateOpenPromotionPrInputs } from './config';
import { runOpenPromotionPr, type OpenPromotionPrResult } from './run';
import { defaultStepContext, type StepContext } from '../step-context';
import { openPromotionPrSpec } from './spec';

/** The whole step as every entry (action, GitLab job, CLI) runs it: inputs → core → outputs. */
export async function openPromotionPrStep(platform: Platform, context: StepContext = defaultStepContext()): Promise<OpenPromotionPrResult> {
  const config = validateOpenPromotionPrInputs(readInputs(openPromotionPrSpec, platform), context.env);
  const result = await runOpenPromotionPr(config, platform, context);
  platform.setOutput('operation', result.operation);
  setChangeRequestOutputs(platform, result);
  platform.setOutput('branch', result.branch);
  platform.setOutput('head-sha', result.headSha);
  platform.setOutput('previous-value', result.previous.join(', '));
  platform.setOutput('value', result.value);
  platform.setOutput('changes', result.changes);
  platform.setOutput('source-healthy-since', result.sourceHealthySince ?? '');
  platform.setOutput('commits-verified', result.verified === undefined ? '' : String(result.verified));
  await platform.appendSummary(summaryMarkdown(result, config.environment));
  return result;
}

function summaryMarkdown(result: OpenPromotionPrResult, environment: string): string {
  const lines = ['### gitops-promote: open-promotion-pr', ''];
  // A set: its short list of values (the body's table has each one), else previous → value.
  const values = result.facts.values;
  const what = values
    ? `${markdownCode(result.facts.value || '(nothing)')} in **${markdownText(environment)}**`
    : `${markdownCode(result.previous.join(', ') || '(not set)')} → ${markdownCode(result.value)} in **${markdownText(environment)}**`;
  const runs = values ? `every value listed (${values.length})` : markdownCode(result.value);
  const link = result.url ? `[#${result.number ?? ''}](${result.url})` : '';
  const verbs: Record<OpenPromotionPrResult['operation'], string> = {
    created: `Opened ${link}: ${what}.`,
    updated: `Updated ${link}: ${what}.`,
    unchanged: link ? `${link} is up to date: ${what}.` : `Nothing to promote: ${result.facts.base} already runs ${runs}.`,
    closed: `Closed ${link}: ${result.facts.base} already runs ${runs}.`,
    superseded: `Superseded: another run replaced ${markdownCode(result.branch)} while this one worked; it holds ${markdownCode(result.value)}${link ? ` (${link})` : ''}, and nothing of this run's was written.`,
  };
  lines.push(`${result.dryRun ? 'Dry run, would have: ' : ''}${verbs[result.operation]}`);
  return lines.join('\n');
}
