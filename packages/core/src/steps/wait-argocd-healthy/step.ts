import { markdownCode, markdownText } from '../../platform/markdown';
import { inertJson } from '../../text/neutralise';
import type { Platform } from '../../platform/platform';
import { readInputs } from '../inputs';
import { validateWaitArgocdInputs } from './config';
import type { WaitContext } from './context';
import type { AppReport, WaitResult } from './verdict';
import { waitArgocdHealthySpec } from './spec';

const HEALTH_ORDER = ['Degraded', 'Missing', 'Unknown', 'Suspended', 'Progressing', 'Healthy'];

/**
 * The whole step as every entry runs it: inputs → wait → outputs and summary, then the verdict.
 * `context` is time, the client and the cancel: the registration's, or a test's.
 */
export async function waitArgocdHealthyStep(platform: Platform, context: WaitContext): Promise<WaitResult> {
  const config = validateWaitArgocdInputs(readInputs(waitArgocdHealthySpec, platform));
  // The HTTP client (undici) loads only once the inputs are valid: a typo fails at once.
  const { runWaitArgocdHealthy } = await import('./run');
  const result = await runWaitArgocdHealthy(config, platform, context);
  const reports = Object.values(result.reports);
  const worst = [...reports].sort((a, b) => rank(a.health) - rank(b.health))[0];
  platform.setOutput('health', worst?.health ?? 'Unknown');
  platform.setOutput('sync', reports.find((r) => r.sync !== 'Synced')?.sync ?? (reports.length > 0 ? 'Synced' : 'Unknown'));
  platform.setOutput('revision', reports[0]?.revision ?? '');
  platform.setOutput('result', inertJson(result.reports));
  await platform.appendSummary(summaryMarkdown(result));
  if (result.failure) throw result.failure;
  return result;
}

function rank(health: string): number {
  const index = HEALTH_ORDER.indexOf(health);
  return index < 0 ? HEALTH_ORDER.indexOf('Unknown') : index;
}

function summaryMarkdown(result: WaitResult): string {
  const lines = ['### gitops-promote: wait-argocd-healthy', ''];
  // One row per app first: a tree or a set of twenty reads at a glance; the details follow.
  lines.push('| Application | Outcome | Health | Sync | Revision | Why |', '| --- | --- | --- | --- | --- | --- |');
  for (const [name, report] of Object.entries(result.reports)) {
    lines.push(`| ${markdownText(name)} | ${outcomeText(report)} | ${report.health} | ${report.sync} | ${markdownCode(report.revision.slice(0, 12) || '—')} | ${markdownText(report.reason)} |`);
  }
  lines.push('');
  for (const [name, report] of Object.entries(result.reports)) {
    lines.push(`#### ${markdownText(name)} — ${outcomeText(report)}`, '', '| Health | Sync | Revision | Operation | Waited |', '| --- | --- | --- | --- | ---: |');
    lines.push(`| ${report.health} | ${report.sync} | ${markdownCode(report.revision.slice(0, 12) || '—')} | ${report.operationPhase || '—'} | ${report.waitedSeconds} s |`, '');
    lines.push(markdownText(report.reason), '');
    if (report.degraded.length > 0) {
      lines.push('| Degraded resource | Message |', '| --- | --- |');
      for (const node of report.degraded) lines.push(`| ${markdownCode(`${node.kind}/${node.namespace}/${node.name}`)} | ${markdownText(node.message)} |`);
      lines.push('');
    }
  }
  if (result.mode === 'poll') lines.push('The watch stream was unusable (a buffering proxy?); the applications were polled.');
  return lines.join('\n');
}

function outcomeText(report: AppReport): string {
  return report.outcome === 'success' ? 'ready' : report.outcome === 'failure' ? 'failed' : 'not ready';
}
