import { defineConfig } from 'vitest/config';

// Each project resolves `@gitops-promote/argocd-simulator` to its sources through tsconfig.json's
// paths, as tsc, tsx and the ncc bundles do; its package.json points consumers at the built dist/.
const resolve = { tsconfigPaths: true };

// Three projects: `default` is the README's test command and must pass on a fresh clone without
// ../shared; `corpus` reads ../shared/corpus and `contract` ../shared/argocd, both run from .ci/run (npm run test:shared).
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one on CI's two. The tests mostly wait
    // on git and bundle child processes, loopback servers and the simulator's timers, so a worker
    // per core keeps both busy.
    maxWorkers: 2,
    projects: [
      {
        resolve,
        test: {
          name: 'default',
          // The simulator's own tests live in its package; `npm test` runs them with the rest.
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve,
        test: {
          name: 'corpus',
          include: ['test/corpus/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
      {
        resolve,
        // Our Argo CD simulator and assessment held against ../shared/argocd (the real API contract
        // and Application objects); like `corpus`, run from .ci/run (npm run test:shared).
        test: {
          name: 'contract',
          include: ['test/contract/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        resolve,
        // GitHub's local runner for JavaScript actions (LOCAL_ACTION), run on the built actions:
        // from .ci/run, which installs @github/local-action@7 (npm run test:local-action).
        test: {
          name: 'local-action',
          include: ['test/local-action/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve,
        // The GitLab examples run by gitlab-ci-local (GITLAB_CI_LOCAL, rsync): from .ci/run, which
        // installs both (npm run test:gitlab).
        test: {
          name: 'gitlab',
          include: ['test/gitlab/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
      {
        resolve,
        // Edits rendered by the real helm and `kubectl kustomize` (HELM_BIN, KUBECTL_BIN; a missing
        // one fails): from .ci/run, which installs both (npm run test:renderers).
        test: {
          name: 'renderers',
          include: ['test/renderers/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
