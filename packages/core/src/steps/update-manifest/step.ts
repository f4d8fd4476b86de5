import { markdownCode } from '../../platform/markdown';
import { inertJson } from '../../text/neutralise';
import type { Platform } from '../../platform/platform';
import { changeTable } from '../change-table';
import { readInputs } from '../inputs';
import { validateUpdateManifestInputs, type UpdateManifestConfig } from './config';
import { runUpdateManifest, type UpdateManifestResult } from './run';
import { updateManifestSpec } from './spec';
import type { StepContext } from '../step-context';

/** The whole step as every entry (action, GitLab job, CLI) runs it: inputs → core → outputs. */
export async function updateManifestStep(platform: Platform, context?: StepContext): Promise<UpdateManifestResult> {
  const config = validateUpdateManifestInputs(readInputs(updateManifestSpec, platform));
  const result = await runUpdateManifest(config, platform, context);
  platform.setOutput('changed', String(result.changed));
  // File names and values come from the repository; where outputs are logged (the CLI prints them
  // on stdout), inert JSON keeps them from reading as a workflow command.
  platform.setOutput('changed-files', inertJson(result.changedFiles));
  platform.setOutput('previous-values', inertJson(result.changes));
  platform.setOutput('changes', inertJson(result.named));
  platform.setOutput('commit-sha', result.commitSha);
  platform.setOutput('pushed', String(result.pushed));
  platform.setOutput('commits-verified', result.verified === undefined ? '' : String(result.verified));
  await platform.appendSummary(summaryMarkdown(result, config));
  return result;
}

/** A value for the summary: repository content, so shown literally whatever it holds. */
function cell(text: string | null): string {
  return text === null ? '—' : markdownCode(text);
}

function summaryMarkdown(result: UpdateManifestResult, config: UpdateManifestConfig): string {
  const lines = ['### gitops-promote: update-manifest', ''];
  if (!result.changed) {
    lines.push('No change needed: the manifests already hold the requested values.');
    return lines.join('\n');
  }
  // A train's table names each row's value; one value's table stays as it was.
  lines.push(changeTable(config.requests.length > 1 ? result.named : result.changes, '—'), '');
  if (config.dryRun) lines.push('Dry run: nothing was written.');
  else if (result.pushed) lines.push(`Pushed commit ${cell(result.commitSha)}.`);
  else if (result.commitSha) lines.push(`Committed ${cell(result.commitSha)} (not pushed).`);
  else lines.push('Files written, not committed.');
  return lines.join('\n');
}
