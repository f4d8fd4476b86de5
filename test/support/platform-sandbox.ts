import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';

/**
 * Per-test scratch directory for platform adapter tests, with process.env, the exit code and
 * stdout spies restored after each test (the adapters write to process.stdout and read env).
 */
export function usePlatformSandbox(prefix: string): { dir(): string; saved: NodeJS.ProcessEnv } {
  let dir = '';
  const saved = { ...process.env };
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), prefix));
  });
  afterEach(async () => {
    process.env = { ...saved };
    process.exitCode = undefined;
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });
  return { dir: () => dir, saved };
}

/** Captures what is written to process.stdout until the test's spies are restored. */
export function captureStdout(): () => string {
  let text = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  return () => text;
}
