import { EOL } from 'node:os';
import { issue, issueCommand, issueFileCommand, prepareKeyValueMessage, summary, toCommandValue } from './actions-toolkit';
import { SecretRedactor } from '../text/secret-redactor';
import { type Author } from '../git/author';
import { type Platform } from './platform';

/**
 * GitHub Actions: `INPUT_*` inputs, `GITHUB_OUTPUT`, `::add-mask::`, `GITHUB_STEP_SUMMARY`. Each
 * method does what `@actions/core`'s function of the same name does (getInput, setOutput, info,
 * warning, error, group, setSecret, setFailed), with `@actions/core`'s own command modules.
 */
export class GitHubPlatform implements Platform {
  readonly name = 'github' as const;
  private readonly redactor = new SecretRedactor();

  getInput(name: string): string {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
  }

  setOutput(name: string, given: string): void {
    const value = this.redactor.redact(given);
    if (process.env.GITHUB_OUTPUT) {
      issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
      return;
    }
    // Runners older than the file commands read the deprecated ::set-output command.
    process.stdout.write(EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
  }

  info(message: string): void {
    process.stdout.write(`${this.redactor.printable(message)}${EOL}`);
  }

  warning(message: string): void {
    issueCommand('warning', {}, this.redactor.printable(message));
  }

  error(message: string): void {
    issueCommand('error', {}, this.redactor.printable(message));
  }

  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    issue('group', this.redactor.printable(title, { newlines: false }));
    try {
      return await fn();
    } finally {
      issue('endgroup');
    }
  }

  setSecret(secret: string): void {
    const tooShort = this.redactor.add(secret);
    if (tooShort) this.warning(tooShort);
    // The runner would mask a short value character run by character run too: only real tokens.
    else if (this.redactor.masks(secret)) issueCommand('add-mask', {}, secret);
  }

  async appendSummary(markdown: string): Promise<void> {
    // Outside a runner (no GITHUB_STEP_SUMMARY) there is nowhere to write it.
    if (!process.env.GITHUB_STEP_SUMMARY) return;
    await summary.addRaw(this.redact(markdown), true).write();
  }

  setFailed(message: string): void {
    process.exitCode = 1;
    this.error(message);
  }

  defaultAuthor(): Author {
    return { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };
  }

  redact(text: string): string {
    return this.redactor.redact(text);
  }
}
