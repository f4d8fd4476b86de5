// Thin entry: the runner's inputs go to core's step; outputs and failures come back through the
// platform adapter. All logic lives in packages/core.
import { runStep, stepNamed } from '@gitops-promote/core/entry';

void runStep(stepNamed('wait-argocd-healthy'));
