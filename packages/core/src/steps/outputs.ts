import type { Platform } from '../platform/platform';

/** The change request outputs both PR-opening steps give: empty when none was opened or found. */
export function setChangeRequestOutputs(platform: Platform, change: { number?: number | undefined; url?: string | undefined }): void {
  platform.setOutput('pull-request-number', change.number === undefined ? '' : String(change.number));
  platform.setOutput('pull-request-url', change.url ?? '');
}
