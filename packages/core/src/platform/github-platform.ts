import * as core from '@actions/core';
import { SecretRedactor, type Author, type Platform } from './platform';

/** GitHub Actions: `INPUT_*` inputs, `GITHUB_OUTPUT`, `::add-mask::`, `GITHUB_STEP_SUMMARY`. */
export class GitHubPlatform implements Platform {
  readonly name = 'github' as const;
  private readonly redactor = new SecretRedactor();

  getInput(name: string): string {
    return core.getInput(name);
  }

  setOutput(name: string, value: string): void {
    core.setOutput(name, value);
  }

  info(message: string): void {
    core.info(this.redact(message));
  }

  warning(message: string): void {
    core.warning(this.redact(message));
  }

  error(message: string): void {
    core.error(this.redact(message));
  }

  group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    return core.group(this.redact(title), fn);
  }

  setSecret(secret: string): void {
    core.setSecret(secret);
    this.redactor.add(secret);
  }

  async appendSummary(markdown: string): Promise<void> {
    // Outside a runner (no GITHUB_STEP_SUMMARY) there is nowhere to write it.
    if (!process.env.GITHUB_STEP_SUMMARY) return;
    await core.summary.addRaw(this.redact(markdown), true).write();
  }

  setFailed(message: string): void {
    core.setFailed(this.redact(message));
  }

  defaultAuthor(): Author {
    return { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };
  }

  redact(text: string): string {
    return this.redactor.redact(text);
  }
}
