import { appendFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { SecretRedactor } from '../text/secret-redactor';
import { type Author } from '../git/author';
import { type Platform } from './platform';
import { secretVariable } from './secret-variable';

/** GitLab's limit on a dotenv report (ci_max_artifact_size_dotenv, 5 KB): above it the report is refused. */
const DOTENV_LIMIT_BYTES = 5 * 1024;

/**
 * GitLab CI: inputs from `INPUT_<NAME>` variables (the templates map `spec: inputs` to them),
 * outputs appended to a dotenv file for `artifacts:reports:dotenv`, collapsible log sections,
 * and a Markdown summary file to keep as an artifact.
 */
export class GitLabPlatform implements Platform {
  readonly name = 'gitlab' as const;
  private readonly redactor = new SecretRedactor();
  private sections = 0;
  private dotenvBytes = 0;
  readonly dotenvPath: string;
  readonly summaryPath: string;

  /**
   * `secretInputs` are also read from `GITOPS_PROMOTE_<NAME>`, a masked CI/CD variable: secrets
   * belong in variables, not in a template's inputs (which GitLab shows in the pipeline's config).
   */
  constructor(
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly secretInputs: readonly string[] = [],
  ) {
    // The job starts in CI_PROJECT_DIR, where the artifacts' paths are resolved. gitlab-ci-local's
    // shell executor gives a job with `image:` the container's CI_PROJECT_DIR (/builds/…) while
    // running it in the project itself: a CI_PROJECT_DIR that does not exist means the cwd.
    const dir = env.CI_PROJECT_DIR && existsSync(env.CI_PROJECT_DIR) ? env.CI_PROJECT_DIR : process.cwd();
    this.dotenvPath = env.GITOPS_PROMOTE_DOTENV ?? path.join(dir, 'gitops-promote.env');
    this.summaryPath = env.GITOPS_PROMOTE_SUMMARY ?? path.join(dir, 'gitops-promote-summary.md');
  }

  getInput(name: string): string {
    const upper = name.toUpperCase();
    const given = (this.env[`INPUT_${upper.replace(/[- ]/g, '_')}`] ?? this.env[`INPUT_${upper}`] ?? '').trim();
    if (given !== '' || !this.secretInputs.includes(name)) return given;
    return (this.env[secretVariable(name)] ?? '').trim();
  }

  setOutput(name: string, given: string): void {
    const value = this.redactor.redact(given);
    // dotenv reports hold one line per variable: outputs are single-line by design (JSON for lists).
    if (/[\r\n]/.test(value)) throw new Error(`output ${name} must be a single line for a dotenv report`);
    const line = `${name.toUpperCase().replace(/-/g, '_')}=${value}\n`;
    const size = Buffer.byteLength(line);
    if (this.dotenvBytes + size > DOTENV_LIMIT_BYTES) {
      // GitLab rejects the whole report (and with it every output) above its limit: keep the others.
      this.warning(`Output ${name} (${size} bytes) is left out of ${path.basename(this.dotenvPath)}: GitLab takes at most ${DOTENV_LIMIT_BYTES} bytes of dotenv report. The job log and ${path.basename(this.summaryPath)} have it.`);
      return;
    }
    this.dotenvBytes += size;
    appendFileSync(this.dotenvPath, line);
  }

  info(message: string): void {
    process.stdout.write(`${this.redactor.printable(message)}\n`);
  }

  warning(message: string): void {
    process.stdout.write(`\u001b[33mWarning: ${this.redactor.printable(message)}\u001b[0m\n`);
  }

  error(message: string): void {
    process.stdout.write(`\u001b[31mError: ${this.redactor.printable(message)}\u001b[0m\n`);
  }

  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    const id = `gitops_promote_${++this.sections}`;
    const now = (): number => Math.floor(Date.now() / 1000);
    process.stdout.write(`\u001b[0Ksection_start:${now()}:${id}[collapsed=true]\r\u001b[0K${this.redactor.printable(title, { newlines: false })}\n`);
    try {
      return await fn();
    } finally {
      process.stdout.write(`\u001b[0Ksection_end:${now()}:${id}\r\u001b[0K\n`);
    }
  }

  setSecret(secret: string): void {
    const tooShort = this.redactor.add(secret);
    if (tooShort) this.warning(tooShort);
  }

  async appendSummary(markdown: string): Promise<void> {
    appendFileSync(this.summaryPath, `${this.redact(markdown)}\n`);
  }

  setFailed(message: string): void {
    this.error(message);
    process.exitCode = 1;
  }

  defaultAuthor(): Author | undefined {
    const name = this.env.GITLAB_USER_NAME;
    const email = this.env.GITLAB_USER_EMAIL;
    return name && email ? { name, email } : undefined;
  }

  redact(text: string): string {
    return this.redactor.redact(text);
  }
}
