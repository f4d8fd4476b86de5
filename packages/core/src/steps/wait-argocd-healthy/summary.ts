import { short } from '../../argocd/sources';
import { markdownCode, markdownText } from '../../platform/markdown';
import type { WaitArgocdConfig } from './config';
import type { AppReport, WaitResult } from './verdict';

/** Argo CD's own namespace when nothing read says otherwise (its install default). */
const ARGOCD_NAMESPACE = 'argocd';
/** How much of a cause a table cell shows; the app's section below has all of it. */
const CAUSE_LENGTH = 80;

/**
 * The job summary: one table of every app (a set of twenty reads at a glance), in the stable order
 * of `result.order`, then a section per app with its full reason and Degraded resources.
 */
export function summaryMarkdown(result: WaitResult, config: WaitArgocdConfig): string {
  const lines = ['### gitops-promote: wait-argocd-healthy', ''];
  const home = defaultNamespace(result, config);
  const apps = result.order.flatMap((label): [string, AppReport][] => {
    const report = result.reports[label];
    return report ? [[label, report]] : [];
  });
  lines.push('| Application | Outcome | Health | Sync | Revision | Healthy after | Cause |', '| --- | --- | --- | --- | --- | ---: | --- |');
  for (const [label, report] of apps) {
    const cells = [markdownText(shownName(label, report, home)), outcomeText(report), report.health, report.sync, revisionCell(report), healthyAfter(report), causeCell(label, report)];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  lines.push('');
  for (const [label, report] of apps) {
    lines.push(`#### ${markdownText(label)} — ${outcomeText(report)}`, '', '| Health | Sync | Revision | Operation | Waited |', '| --- | --- | --- | --- | ---: |');
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

/**
 * The namespace an app named alone lives in: `app-namespace`, else the one the server put an app
 * given by name only in (its own), else Argo CD's install default.
 */
function defaultNamespace(result: WaitResult, config: WaitArgocdConfig): string {
  if (config.appNamespace) return config.appNamespace;
  const byName = config.applications.find((entry) => !entry.includes('/') && result.reports[entry]?.namespace);
  return (byName && result.reports[byName]?.namespace) || ARGOCD_NAMESPACE;
}

/** `namespace/name` for an app outside the default namespace, else its label. */
function shownName(label: string, report: AppReport, home: string): string {
  if (label.includes('/') || report.namespace === '' || report.namespace === home) return label;
  return `${report.namespace}/${label}`;
}

/** The short commit, linked to its page when the repository's forge is known. */
function revisionCell(report: AppReport): string {
  if (report.revision === '') return '—';
  const code = markdownCode(short(report.revision));
  return report.revisionUrl ? `[${code}](${report.revisionUrl})` : code;
}

/** `42s`, `3m 5s`; `-` for an app that never satisfied the verdict. */
function healthyAfter(report: AppReport): string {
  if (report.healthyAfterMs === null) return '-';
  const seconds = Math.round(report.healthyAfterMs / 1000);
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m ${seconds % 60}s`;
}

/** Why an app is not ready, without its name (the row has it), cut short; nothing for a ready one. */
function causeCell(label: string, report: AppReport): string {
  if (report.outcome === 'success') return '';
  const prefix = `${label.split('/').at(-1) ?? label}: `;
  const cause = report.reason.startsWith(prefix) ? report.reason.slice(prefix.length) : report.reason;
  return markdownText(shortened(cause));
}

/** At most CAUSE_LENGTH characters (code points: an emoji is not cut in half), ending on a word. */
function shortened(text: string): string {
  const chars = Array.from(text);
  if (chars.length <= CAUSE_LENGTH) return text;
  const cut = chars.slice(0, CAUSE_LENGTH - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > cut.length - 20 ? cut.slice(0, space) : cut}…`;
}
