import type { Author } from '../git/author';

/**
 * What a step needs from where it runs: inputs, outputs, logs, secret masking and a summary.
 * Steps talk to this only, never to `@actions/core`, so one bundle runs under GitHub Actions,
 * GitLab CI and a terminal.
 */
export interface Platform {
  readonly name: 'github' | 'gitlab' | 'terminal';
  /** The input's value, trimmed; '' when not given. */
  getInput(name: string): string;
  /** Sets an output, redacted like the log: a secret echoed by a server never reaches a later job. */
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
  /**
   * Hides `secret` from everything this platform prints or outputs from now on. A value shorter
   * than MIN_SECRET_LENGTH is not masked (see text/secret-redactor.ts); a warning says so.
   */
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
