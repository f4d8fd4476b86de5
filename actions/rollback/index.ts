// Thin entry: the runner's inputs go to core's step; outputs and failures come back through the
// platform adapter. All logic lives in packages/core.
import { runStep } from '@gitops-promote/core/entry';
import { rollback } from '@gitops-promote/core/steps/rollback';

void runStep(rollback);
