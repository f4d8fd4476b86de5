import { defineConfig } from 'vitest/config';

// Two projects: `default` is the README's test command and must pass on a fresh clone without
// ../shared; `corpus` reads ../shared/corpus and runs from .ci/run (npm run test:corpus).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'default',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'corpus',
          include: ['test/corpus/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
    ],
  },
});
