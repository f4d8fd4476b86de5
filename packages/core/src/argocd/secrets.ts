import { SecretRedactor } from '../text/secret-redactor';

/**
 * The client's own redaction of the credentials it holds (token, password, session token). The
 * caller's `redact` may not know the session token, which only exists after logging in, and a
 * server echoing a request may escape what it echoes; so every spelling is removed here first.
 */

/** A credential as it may appear in text: as is, JSON-escaped, percent-encoded. */
function secretForms(secret: string): string[] {
  if (secret === '') return [];
  return [...new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])];
}

/** A redactor holding every spelling of `secret`; more are added as credentials appear (a session). */
export function redactorFor(secret: string): SecretRedactor {
  const redactor = new SecretRedactor();
  addSecret(redactor, secret);
  return redactor;
}

export function addSecret(redactor: SecretRedactor, secret: string): void {
  for (const form of secretForms(secret)) redactor.add(form);
}
