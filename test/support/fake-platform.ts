import { SecretRedactor } from '../../packages/core/src/text/secret-redactor';
import { type Author } from '../../packages/core/src/git/author';
import { type Platform } from '../../packages/core/src/platform/platform';

/** A Platform that records what a step says and sets, for in-process tests of step logic. */
export class FakePlatform implements Platform {
  readonly name = 'terminal' as const;
  readonly lines: string[] = [];
  readonly outputs = new Map<string, string>();
  readonly secrets: string[] = [];
  readonly summaries: string[] = [];
  failure: string | undefined;
  private readonly redactor = new SecretRedactor();

  constructor(
    private readonly inputs: ReadonlyMap<string, string> = new Map(),
    private readonly author: Author | undefined = { name: 'Test Bot', email: 'test-bot@example.invalid' },
  ) {}

  getInput(name: string): string {
    return (this.inputs.get(name) ?? '').trim();
  }

  setOutput(name: string, value: string): void {
    this.outputs.set(name, this.redact(value));
  }

  info(message: string): void {
    this.lines.push(this.redact(message));
  }

  warning(message: string): void {
    this.lines.push(`warning: ${this.redact(message)}`);
  }

  error(message: string): void {
    this.lines.push(`error: ${this.redact(message)}`);
  }

  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    this.lines.push(`[group] ${title}`);
    return fn();
  }

  setSecret(secret: string): void {
    this.secrets.push(secret);
    const tooShort = this.redactor.add(secret);
    if (tooShort) this.warning(tooShort);
  }

  async appendSummary(markdown: string): Promise<void> {
    this.summaries.push(this.redact(markdown));
  }

  setFailed(message: string): void {
    this.failure = this.redact(message);
  }

  defaultAuthor(): Author | undefined {
    return this.author;
  }

  redact(text: string): string {
    return this.redactor.redact(text);
  }

  get log(): string {
    return this.lines.join('\n');
  }
}
