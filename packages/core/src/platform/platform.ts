import { neutralise } from './neutralise';

/** The identity commits are made with. */
export interface Author {
  name: string;
  email: string;
}

/**
 * What a step needs from where it runs: inputs, outputs, logs, secret masking and a summary.
 * Steps talk to this only, never to `@actions/core`, so one bundle runs under GitHub Actions,
 * GitLab CI and a terminal.
 */
export interface Platform {
  readonly name: 'github' | 'gitlab' | 'terminal';
  /** The input's value, trimmed; '' when not given. */
  getInput(name: string): string;
  setOutput(name: string, value: string): void;
  /**
   * info, warning, error, group titles and setFailed print their text redacted, then neutralised
   * (neutralise.ts): repository content in it cannot act as a CI command or terminal escape.
   */
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  /** Runs `fn` inside a collapsible log section; a line break in the title is shown escaped. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
  /** Hides `secret` from everything this platform prints from now on. */
  setSecret(secret: string): void;
  /** Appends Markdown to the run's summary (job summary, summary file, or terminal). */
  appendSummary(markdown: string): Promise<void>;
  /** Reports the failure and makes the process exit non-zero. */
  setFailed(message: string): void;
  /** Who commits when the user names nobody; undefined lets git use its own configuration. */
  defaultAuthor(): Author | undefined;
  /** Removes every registered secret from `text`. */
  redact(text: string): string;
}

/** Keeps the secrets and the redaction every adapter applies to what it prints. */
export class SecretRedactor {
  private readonly secrets = new Set<string>();

  add(secret: string): void {
    if (secret.length === 0) return;
    this.secrets.add(secret);
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
