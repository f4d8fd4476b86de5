import { neutralise } from './neutralise';

/**
 * Below this length a value is not masked: hiding a 3-letter "token" everywhere turns the log
 * into "Wai***ing", and no real token (GitHub, GitLab, Argo CD) is that short.
 */
export const MIN_SECRET_LENGTH = 6;

/** What an adapter warns when a secret is too short to mask; the value itself is never printed. */
export function tooShortToMask(length: number): string {
  return `A secret of ${length} character${length === 1 ? '' : 's'} was given: too short to be a real token, so it is not masked (masking it would hide those characters wherever they appear in the log). Check that the right variable holds the token.`;
}

/** Keeps the secrets and the redaction every adapter applies to what it prints and outputs. */
export class SecretRedactor {
  private readonly secrets = new Set<string>();
  private readonly tooShort = new Set<string>();

  /**
   * Registers `secret`. Returns a warning to print when it is too short to mask (once per value),
   * else undefined.
   */
  add(secret: string): string | undefined {
    if (secret.length === 0 || this.secrets.has(secret)) return undefined;
    if (secret.length < MIN_SECRET_LENGTH) {
      if (this.tooShort.has(secret)) return undefined;
      this.tooShort.add(secret);
      return tooShortToMask(secret.length);
    }
    this.secrets.add(secret);
    return undefined;
  }

  /** Whether `secret` is masked (long enough and registered); the GitHub adapter asks before ::add-mask::. */
  masks(secret: string): boolean {
    return this.secrets.has(secret);
  }

  redact(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is hidden whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      out = out.split(secret).join('***');
    }
    return out;
  }

  /**
   * `text` as an adapter prints it: redacted, then neutralised. Redaction comes first so a secret
   * is hidden whole before escaping could change it and make it slip past.
   */
  printable(text: string, options: { newlines?: boolean } = {}): string {
    return neutralise(this.redact(text), options);
  }
}
