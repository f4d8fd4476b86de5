// Thin entry: the runner's inputs go to core's step; outputs and failures come back through the
// platform adapter. All logic lives in packages/core.
import { isProcessEntry, runStep } from '@gitops-promote/core/entry';
import { rollback } from '@gitops-promote/core/steps/rollback';

/** Runs the step once; what GitHub's @github/local-action (and the root action) call after importing this file. */
export async function run(): Promise<void> {
  await runStep(rollback);
}

// GitHub's runner starts this file with node: then it runs itself.
if (isProcessEntry(import.meta.url)) void run();
