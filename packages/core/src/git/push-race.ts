/**
 * Recognises a push that lost a race: the remote branch moved since we fetched. These are worth a
 * fetch-reset-reapply-retry; anything else (auth, network, protected branch) is not.
 */
const RACE_PATTERNS: readonly RegExp[] = [
  /non-fast-forward/i,
  /\(fetch first\)/i,
  /cannot lock ref/i,
  /incorrect old value provided/i, // GitLab's ref transaction message
  /failed to update ref/i,
  /reference already exists/i,
  /\[remote rejected\][^\n]*(?:stale|lock|failed to update)/i,
];

export function isLostPushRace(output: string): boolean {
  return RACE_PATTERNS.some((pattern) => pattern.test(output));
}

const AUTH_PATTERNS: readonly RegExp[] = [
  /authentication failed/i,
  /could not read username/i,
  /\b401\b/,
  /\b403\b/,
  /permission to .* denied/i,
  /write access to repository not granted/i,
];

export function isAuthFailure(output: string): boolean {
  return AUTH_PATTERNS.some((pattern) => pattern.test(output));
}
