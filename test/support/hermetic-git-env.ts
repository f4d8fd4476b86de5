import { devNull } from 'node:os';
import { afterAll, beforeAll } from 'vitest';

/**
 * For in-process step tests: the step's git commands inherit this process's environment, as they
 * would a runner's, so the developer's system and global git configuration are switched off for
 * the file's tests (and restored after them).
 */
export function useHermeticGitEnv(): void {
  const saved: Record<string, string | undefined> = {};
  const wanted: Record<string, string> = { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: devNull, GIT_TERMINAL_PROMPT: '0' };
  beforeAll(() => {
    for (const [key, value] of Object.entries(wanted)) {
      saved[key] = process.env[key];
      process.env[key] = value;
    }
  });
  afterAll(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
}
