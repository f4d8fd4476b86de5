import { SecretRedactor } from '../text/secret-redactor';
import { type Author } from '../git/author';
import { type Platform } from './platform';

/**
 * A plain terminal (the CLI): inputs from command-line flags, logs to stderr, and outputs to
 * stdout as `name=value` lines so scripts can read them.
 */
export class TerminalPlatform implements Platform {
  readonly name = 'terminal' as const;
  private readonly redactor = new SecretRedactor();

  constructor(
    private readonly inputs: ReadonlyMap<string, string>,
    private readonly out: NodeJS.WritableStream = process.stdout,
    private readonly log: NodeJS.WritableStream = process.stderr,
  ) {}

  getInput(name: string): string {
    return (this.inputs.get(name) ?? '').trim();
  }

  setOutput(name: string, value: string): void {
    this.out.write(`${name}=${this.redactor.redact(value)}\n`);
  }

  info(message: string): void {
    this.log.write(`${this.redactor.printable(message)}\n`);
  }

  warning(message: string): void {
    this.log.write(`warning: ${this.redactor.printable(message)}\n`);
  }

  error(message: string): void {
    this.log.write(`error: ${this.redactor.printable(message)}\n`);
  }

  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    this.log.write(`── ${this.redactor.printable(title, { newlines: false })}\n`);
    return fn();
  }

  setSecret(secret: string): void {
    const tooShort = this.redactor.add(secret);
    if (tooShort) this.warning(tooShort);
  }

  async appendSummary(): Promise<void> {
    // The log already says everything the summary would; a terminal has no summary pane.
  }

  setFailed(message: string): void {
    this.error(message);
    process.exitCode = 1;
  }

  defaultAuthor(): Author | undefined {
    return undefined;
  }

  redact(text: string): string {
    return this.redactor.redact(text);
  }
}
