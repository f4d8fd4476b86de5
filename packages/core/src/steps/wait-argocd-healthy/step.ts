import { inertJson } from '../../text/neutralise';
import type { Platform } from '../../platform/platform';
import { readInputs } from '../inputs';
import { validateWaitArgocdInputs } from './config';
import type { WaitContext } from './context';
import { summaryMarkdown } from './summary';
import type { WaitResult } from './verdict';
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
  await platform.appendSummary(summaryMarkdown(result, config));
  if (result.failure) throw result.failure;
  return result;
}

function rank(health: string): number {
  const index = HEALTH_ORDER.indexOf(health);
  return index < 0 ? HEALTH_ORDER.indexOf('Unknown') : index;
}
