import { InputError } from '../errors';

/**
 * Collects a step's input errors so the user sees every one of them at once: a missing credential
 * must not hide a malformed `timeout` that would only show on the next run.
 */
export class InputErrors {
  private readonly errors: InputError[] = [];

  /** Runs `check`; an InputError it throws is kept and `fallback` returned instead. */
  attempt<T>(check: () => T, fallback: T): T {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      this.errors.push(error);
      return fallback;
    }
  }

  add(error: InputError): void {
    this.errors.push(error);
  }

  get count(): number {
    return this.errors.length;
  }

  /** Throws the one error as it is, or one error listing all of them, each with its fix. */
  throwIfAny(): void {
    const [first] = this.errors;
    if (first === undefined) return;
    if (this.errors.length === 1) throw first;
    const lines = this.errors.map((error) => `\n  - ${error.message} ${error.hint}`).join('');
    throw new InputError(`${this.errors.length} inputs are invalid:${lines}`, 'Fix each input listed above, then run again.');
  }
}
