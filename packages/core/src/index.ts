// The package's public API: what a program embedding gitops-promote uses. Bundles do not import
// it (each imports its step's registration and steps/entry.ts), so it may name every step.

// Errors: every failure a user can fix is a GitopsPromoteError (message + hint).
export * from './errors';
export * from './git/errors';
export * from './manifest/errors';
export * from './files/errors';
export { ForgeError, TransientForgeError } from './forge/errors';

// The manifest editor, usable on its own.
export * from './manifest/image-reference';
export { editManifest, type EditRequest, type FileEditResult, type ManifestChange } from './manifest/manifest-editor';
export { parseKeyPath } from './manifest/key-path';
export type { ImageTarget } from './manifest/image-edits';

// Where a step runs, and what it is handed.
export type { Platform } from './platform/platform';
export type { Author } from './git/author';
export { detectPlatform } from './platform/detect-platform';
export { GitLabPlatform } from './platform/gitlab-platform';
export { TerminalPlatform } from './platform/terminal-platform';
export { defaultStepContext, type StepContext, type GitFactory } from './steps/step-context';

// The steps: by name, or each with its spec, config and run.
export { runStep } from './steps/run-step';
export { STEPS, stepNamed } from './steps/registry';
export type { StepSpec, InputSpec, OutputSpec, RegisteredStep } from './steps/step-spec';
export { updateManifestStep } from './steps/update-manifest/step';
export { runUpdateManifest, type UpdateManifestResult } from './steps/update-manifest/run';
export { validateUpdateManifestInputs, type UpdateManifestInputs, type UpdateManifestConfig } from './steps/update-manifest/config';
export { updateManifestSpec } from './steps/update-manifest/spec';
export { runOpenPromotionPr, type OpenPromotionPrResult } from './steps/open-promotion-pr/run';
export { validateOpenPromotionPrInputs, type OpenPromotionPrInputs, type OpenPromotionPrConfig } from './steps/open-promotion-pr/config';
export { openPromotionPrSpec } from './steps/open-promotion-pr/spec';
export { runRollback, type RollbackResult } from './steps/rollback/run';
export { validateRollbackInputs, type RollbackInputs, type RollbackConfig } from './steps/rollback/config';
export { rollbackSpec } from './steps/rollback/spec';
