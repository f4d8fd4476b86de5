/**
 * The client's own redaction of the credentials it holds (token, password, session token). The
 * caller's `redact` may not know the session token, which only exists after logging in, and a
 * server echoing a request may escape what it echoes; so every spelling is removed here first.
 */

/** A credential as it may appear in text: as is, JSON-escaped, percent-encoded. */
export function secretForms(secret: string): string[] {
  if (secret === '') return [];
  return [...new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])];
}

export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  // Longest first, so a secret containing another is removed whole, not left half visible.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) result = result.split(secret).join('***');
  return result;
}
