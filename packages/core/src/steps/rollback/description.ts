import { markdownCode } from '../../platform/markdown';
import type { RollbackConfig } from './config';

/** One rolled-back value, as the PR/MR description names it. */
interface DescribedValue {
  name: string;
  from: string;
  to: string;
  source?: string | undefined;
}

/**
 * The PR/MR title and body of a rollback (its head and footer: the review sections go between): one value in a sentence (as always); several (a train)
 * in a table, a row per value with where its value was read.
 */
export function rollbackDescription(config: RollbackConfig, values: readonly DescribedValue[], result: { from: string; to: string; source?: string | undefined }): { title: string; head: string; footer: string } {
  const where = config.environment ? ` in ${config.environment}` : '';
  const reason = config.reason ? `Reason: ${config.reason}` : 'No reason given.';
  const [only, ...more] = values;
  if (!only || more.length === 0) {
    const name = only?.name ?? '';
    return {
      title: `Roll back ${name}${where} to ${result.to}`,
      head: [`Rolls ${markdownCode(name)}${where} back from ${markdownCode(result.from)} to ${markdownCode(result.to)}${result.source ? ` (the value after ${markdownCode(result.source)})` : ''}.`, '', reason].join('\n'),
      footer: `Once merged, gitops-promote refuses to promote ${markdownCode(result.from)} again unless \`allow-rolled-back: true\` is set.`,
    };
  }
  const rows = values.map((value) => `| ${markdownCode(value.name)} | ${markdownCode(value.from)} | ${markdownCode(value.to)} | ${value.source ? markdownCode(value.source) : '—'} |`);
  return {
    title: `Roll back ${values.length} values${where}`,
    head: [`Rolls back ${values.length} values${where} in one commit:`, '', '| Image / key | From | To | The value after |', '| --- | --- | --- | --- |', ...rows, '', reason].join('\n'),
    footer: 'Once merged, gitops-promote refuses to promote each value in the From column again unless `allow-rolled-back: true` is set.',
  };
}
