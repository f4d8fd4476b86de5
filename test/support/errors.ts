import { GitopsPromoteError } from '../../packages/core/src/errors';

/** What `promise` rejects with; a promise that resolves fails the test. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  const outcome = await settle(promise);
  if (!('error' in outcome)) throw new Error('expected the promise to reject, it resolved');
  return outcome.error;
}

/**
 * The user-facing error `promise` rejects with (a GitopsPromoteError, or the subclass `type`).
 * Resolving, or rejecting with anything else (a TypeError is a bug, not a failure the user can
 * fix), fails the test.
 */
export async function failureOf<E extends GitopsPromoteError = GitopsPromoteError>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => E = GitopsPromoteError as unknown as abstract new (...args: never[]) => E,
): Promise<E> {
  const error = await rejectionOf(promise);
  if (!(error instanceof type)) throw new Error(`expected a ${type.name}, got ${describeValue(error)}`);
  return error;
}

/** The user-facing error (a GitopsPromoteError, or the subclass `type`) `run` throws; anything else fails the test. */
export function thrownBy<E extends GitopsPromoteError = GitopsPromoteError>(
  run: () => unknown,
  type: abstract new (...args: never[]) => E = GitopsPromoteError as unknown as abstract new (...args: never[]) => E,
): E {
  let error: unknown;
  try {
    run();
  } catch (caught) {
    error = caught;
  }
  if (error === undefined) throw new Error('expected it to throw, it returned');
  if (!(error instanceof type)) throw new Error(`expected a ${type.name}, got ${describeValue(error)}`);
  return error;
}

/**
 * For a run that may succeed or fail as the user is told: its value, or its GitopsPromoteError.
 * Any other error is rethrown, so a bug fails the test.
 */
export async function outcomeOf<T>(promise: Promise<T>): Promise<{ value?: T; error?: GitopsPromoteError }> {
  const outcome = await settle(promise);
  if (!('error' in outcome)) return { value: outcome.value };
  if (!(outcome.error instanceof GitopsPromoteError)) throw outcome.error;
  return { error: outcome.error };
}

async function settle<T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  try {
    return { value: await promise };
  } catch (error) {
    return { error };
  }
}

function describeValue(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  return value === undefined ? 'no error' : String(value);
}
